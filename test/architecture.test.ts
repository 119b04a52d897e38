import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (path: string) => [...readFileSync(path, "utf8").matchAll(/(?:import|export)[^;]*?from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);

describe("layer boundaries (ARCHITECTURE.md)", () => {
  const engine = files("src/engine");

  it("finds the engine's files", () => expect(engine.length).toBeGreaterThan(10));

  it("the engine imports nothing from functions, taskpane, Office or React — only itself and decimal.js", () => {
    const offending = engine.flatMap((f) => importsOf(f).filter((spec) => !(spec.startsWith(".") || spec === "decimal.js")).map((spec) => `${f}: ${spec}`));
    const upward = engine.flatMap((f) => importsOf(f).filter((spec) => /functions|taskpane/.test(spec)).map((spec) => `${f}: ${spec}`));
    expect(offending).toEqual([]);
    expect(upward).toEqual([]);
  });

  it("the engine uses no Office or Excel global, no clock and no randomness", () => {
    const offending = engine.filter((f) => /\b(Office|Excel|CustomFunctions)\.|Date\.now|new Date\(|Math\.random|performance\.now/.test(readFileSync(f, "utf8")));
    expect(offending).toEqual([]);
  });

  it("the functions layer never imports the task pane, and only the gateway (and the functions' read-only date-system probe) call Excel.run", () => {
    const fromFunctions = files("src/functions").flatMap((f) => importsOf(f).filter((s) => s.includes("taskpane")));
    expect(fromFunctions).toEqual([]);
    const callers = files("src").filter((f) => /Excel\.run\s*\(/.test(readFileSync(f, "utf8"))).map((f) => f.replace(/\\/g, "/")).sort();
    expect(callers).toEqual(["src/functions/dateSystem.ts", "src/taskpane/excel/gateway.ts"]);
  });

  it("the functions layer catches errors only in the runner, the per-cell wrapper and at the worker boundary", () => {
    const withTry = files("src/functions").filter((f) => /\btry\s*\{/.test(readFileSync(f, "utf8"))).map((f) => f.replace(/\\/g, "/")).sort();
    expect(withTry).toEqual(["src/functions/cells.ts", "src/functions/offload.ts", "src/functions/runner.ts"]);
  });
});
