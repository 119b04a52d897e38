/**
 * The task pane never shows the names of the project's internal documents ("SPEC §2", "ARCHITECTURE.md",
 * "reference/…") to a user: every wizard step is rendered in jsdom — empty, filled, with its collapsed parts
 * opened, with bad input, after the sample bank — and its text and user-facing attributes are checked. A
 * second check reads every string literal and JSX text of src/taskpane and src/sample (comments apart),
 * which also covers messages only rare states show.
 */
import * as fs from "fs";
import * as path from "path";
import { act, screen, waitFor } from "@testing-library/react";
import * as ts from "typescript";
import { defaultSetup, type Setup } from "../../src/taskpane/domain/setup";
import { SETTINGS } from "../../src/taskpane/excel/gateway";
import { renderPane } from "./support/renderPane";
import { withFakeHost } from "./support/fakeHost";

const fake = withFakeHost();

jest.setTimeout(60000);

const INTERNAL = /SPEC|ARCHITECTURE|reference\//;
const STEPS = ["1 Positions", "2 Curve", "3 Scenarios", "4 Output"];
/** Attributes a user reads or hears (screen readers announce the aria ones). */
const USER_ATTRIBUTES = ["aria-label", "aria-description", "aria-roledescription", "aria-placeholder", "aria-valuetext", "title", "placeholder", "alt", "value"];

/** Everything of the document a user can read or hear that mentions an internal document. */
function internalMentions(): string[] {
  const texts = [document.title, document.body.textContent ?? ""];
  for (const el of document.body.querySelectorAll("*")) {
    for (const name of USER_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value) texts.push(`${el.tagName.toLowerCase()}[${name}]: ${value}`);
    }
  }
  return texts.flatMap((text) => [...text.matchAll(new RegExp(`.{0,60}(${INTERNAL.source}).{0,60}`, "g"))].map((m) => m[0]));
}

function expectNoInternalNames(where: string) {
  expect({ where, mentions: internalMentions() }).toEqual({ where, mentions: [] });
}

/** Opens every collapsed part of the visible step (accordions, "show the numbers"), not menus. */
async function expandAll(user: ReturnType<typeof renderPane>["user"]) {
  for (let round = 0; round < 3; round++) {
    const collapsed = [...document.querySelectorAll<HTMLButtonElement>("button[aria-expanded='false']")].filter((b) => !b.hasAttribute("aria-haspopup") && !b.closest("[aria-hidden='true']"));
    if (collapsed.length === 0) return;
    for (const button of collapsed) await user.click(button);
  }
}

/** Visits every step, opening what is collapsed, and checks each. */
async function checkEveryStep(user: ReturnType<typeof renderPane>["user"], state: string) {
  for (const tab of STEPS) {
    await user.click(screen.getByRole("tab", { name: tab }));
    expectNoInternalNames(`${state}, ${tab}`);
    await expandAll(user);
    expectNoInternalNames(`${state}, ${tab}, expanded`);
  }
}

function readySetup(): Setup {
  const s = defaultSetup();
  return {
    ...s,
    positions: { ...s.positions, sourceKind: "table", tableName: "Positions", asOf: "2025-12-31" },
    curve: { ...s.curve, sourceKind: "range", rangeAddress: "Curve!A1:B10" },
  };
}

describe("no internal document names in the task pane", () => {
  it("in every step of an empty wizard, with the positions table chosen and read", async () => {
    const { user } = renderPane();
    await checkEveryStep(user, "empty");
    await user.click(screen.getByRole("tab", { name: "1 Positions" }));
    await screen.findByRole("option", { name: "Positions" });
    expectNoInternalNames("positions, table list");
    await user.selectOptions(screen.getByRole("combobox", { name: "Positions table" }), "Positions");
    await user.click(screen.getByRole("button", { name: "Read positions" }));
    await screen.findByText(/Read \d+ rows and \d+ columns from Positions!/);
    await expandAll(user);
    expectNoInternalNames("positions read, mapping and report");
  });

  it("with bad rows, a bad curve and every kind of custom scenario", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("radio", { name: "A range" }));
    await user.type(screen.getByRole("textbox", { name: /Positions range/ }), "Draft!A1:M5");
    await user.click(screen.getByRole("button", { name: "Read positions" }));
    await screen.findByRole("list", { name: "Rows that need attention" });
    await expandAll(user);
    expectNoInternalNames("positions with bad rows");

    await user.click(screen.getByRole("tab", { name: "2 Curve" }));
    await user.click(screen.getByRole("radio", { name: "Pillars typed here" }));
    await user.type(screen.getByRole("textbox", { name: "Zero rate of pillar 1, percent" }), "abc");
    await screen.findByText(/Pillar 1: zero rate "abc" is not a number/);
    expectNoInternalNames("curve with a bad pillar");
    await user.click(screen.getByRole("radio", { name: "A range in the workbook" }));
    await user.type(screen.getByRole("textbox", { name: /Curve range/ }), "Curve!A1:B10");
    await user.click(screen.getByRole("button", { name: "Read curve" }));
    await screen.findByText(/Read \d+ pillars from Curve!/);
    await expandAll(user);
    expectNoInternalNames("curve read");

    await user.click(screen.getByRole("tab", { name: "3 Scenarios" }));
    await user.click(screen.getByRole("button", { name: "Add custom scenario" }));
    const kinds = (await screen.findAllByRole("menuitem")).map((item) => item.textContent ?? "");
    expect(kinds.length).toBeGreaterThan(0);
    expectNoInternalNames("scenarios, custom scenario menu");
    await user.keyboard("{Escape}");
    for (const kind of kinds) {
      await user.click(screen.getByRole("button", { name: "Add custom scenario" }));
      await user.click(await screen.findByRole("menuitem", { name: kind }));
    }
    const currency = screen.getByRole("combobox", { name: /Currency/ });
    await user.clear(currency);
    await user.type(currency, "XXX");
    await user.keyboard("{Escape}");
    await screen.findByText("Not in the chart");
    await expandAll(user);
    expectNoInternalNames("scenarios with custom scenarios and an unknown currency");

    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await expandAll(user);
    expectNoInternalNames("output with what blocks the write");
  });

  it("with a restored setup, its formulas shown and an overwrite question", async () => {
    const { wb } = fake.current();
    wb.settings.set(SETTINGS.setup, JSON.stringify(readySetup()));
    wb.setInput(wb.addSheet("ALM Results"), { row: 4, col: 0 }, "Q3 notes");
    const { user } = renderPane();
    await screen.findByText("Restored the setup saved in this workbook.");
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled());
    await checkEveryStep(user, "restored");
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    await waitFor(() => expect(document.querySelector("[role=alertdialog]")).not.toBeNull());
    expectNoInternalNames("output, overwrite question");
  });

  it("after Try the sample bank", async () => {
    const { user } = renderPane();
    await user.click(screen.getByRole("button", { name: "Try the sample bank" }));
    await screen.findByText("Sample bank ready");
    await waitFor(() => expect(screen.getByRole("button", { name: "Write to workbook" })).toBeEnabled());
    await checkEveryStep(user, "sample bank");
    await user.click(screen.getByRole("tab", { name: "4 Output" }));
    await user.click(screen.getByRole("button", { name: "Write to workbook" }));
    await screen.findByText("Written");
    await act(async () => undefined);
    expectNoInternalNames("sample bank written");
  });
});

describe("no internal document names in the pane's strings", () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [path.join(dir, e.name)] : []));
  const root = path.resolve(__dirname, "..", "..");
  const sources = [...files(path.join(root, "src/taskpane")), ...files(path.join(root, "src/sample"))];

  it.each(sources.map((file) => [path.relative(root, file), file]))("%s: no string literal or JSX text names one", (_name, file) => {
    const text = fs.readFileSync(file, "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const hits: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteralLike(node) || ts.isJsxText(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
        if (INTERNAL.test(node.text)) hits.push(`line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.text.trim()}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(hits).toEqual([]);
  });
});
