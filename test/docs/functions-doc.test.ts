/**
 * docs/functions.md is generated (npm run docs) from the custom-function metadata and examples
 * evaluated through functionsById. It must be current: regenerated in memory it is identical to the
 * committed file, and it documents every function functionsById exports, each with an example.
 */
import * as fs from "fs";
import { DOC_PATH, EXAMPLES, renderFunctionDocs } from "../../scripts/gen-function-docs";
import { functionsById } from "../../src/functions/index";

let generated: string;

/** Where two texts first differ, for a useful failure message ("" when equal). */
function firstDifference(a: string, b: string): string {
  const x = a.split("\n");
  const y = b.split("\n");
  const i = x.findIndex((line, k) => line !== y[k]);
  if (i < 0 && x.length === y.length) return "";
  const k = i < 0 ? x.length : i;
  return `stale at line ${k + 1} (run \`npm run docs\`): committed ${JSON.stringify(x[k] ?? "<end>")}, generated ${JSON.stringify(y[k] ?? "<end>")}`;
}
const committed = fs.existsSync(DOC_PATH) ? fs.readFileSync(DOC_PATH, "utf8") : "";

beforeAll(async () => {
  generated = await renderFunctionDocs();
}, 60_000);

describe("docs/functions.md", () => {
  test("is up to date with the metadata and the functions' results (run `npm run docs` to refresh it)", () => {
    expect(committed).not.toBe("");
    expect(firstDifference(committed, generated)).toBe("");
  });

  test.each(Object.keys(functionsById))("documents ALM.%s with a heading, its arguments and an example", (id) => {
    expect(committed).toMatch(new RegExp(`^### ALM\\.${id}\\(`, "m"));
    expect(EXAMPLES).toHaveProperty(id);
    expect(committed).toContain(`**Example** \`${EXAMPLES[id].formula}\``);
  });

  test("every example evaluates without an error", () => {
    const section = (id: string) => committed.split(/^### /m).find((s) => s.startsWith(`ALM.${id}(`)) ?? "";
    for (const id of Object.keys(functionsById)) expect({ id, error: /Result: (`#|not available|error)/.test(section(id)) }).toEqual({ id, error: false });
  });

  test("has no example for a function that does not exist", () => {
    expect(Object.keys(EXAMPLES).filter((id) => !(id in functionsById))).toEqual([]);
  });
});
