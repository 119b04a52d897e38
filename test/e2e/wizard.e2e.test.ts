/**
 * The built task pane in a real browser: dist/ (or ALM_DIST) served on 127.0.0.1, opened in headless
 * Debian Chromium through playwright-core, with a fake Office/Excel host answering in place of
 * office.js: an in-memory workbook whose ALM.* formulas are calculated by the functions the page's own
 * functions.js registers with the host's CustomFunctions, each argument marshalled as the served
 * functions.json declares (scripts/fake-host/browser.ts), as Excel does. The test walks the whole
 * wizard with keyboard and mouse, checks the formulas, names and charts written into the fake workbook,
 * the question before overwriting a cell, a second run, reopening the pane, axe-core, the page's CSP,
 * and saves screenshots of every step at 320 and 800 px in test-results/screenshots/.
 *
 * Needs `npm run build` first (the README's test command is `npm run build && jest`) and Debian's
 * chromium at /usr/bin/chromium (ALM_CHROMIUM overrides). Without either it fails, saying which.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { buildFakeHost } from "../../scripts/fake-host/bundle";
import { POSITION_HEADER } from "../../src/sample/products";
import { colLetters } from "../../src/taskpane/excel/a1";

/** The sample bank's USD curve starts one column right of its positions table. */
const CURVES_LEFT = colLetters(POSITION_HEADER.length + 1);

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.resolve(process.env.ALM_DIST ?? path.join(ROOT, "dist"));
const SHOTS = path.join(ROOT, "test-results/screenshots");
const CHROMIUM = process.env.ALM_CHROMIUM ?? "/usr/bin/chromium";
const AXE = path.join(ROOT, "node_modules/axe-core/axe.min.js");
const WIDTHS = [800, 320] as const;

type Snapshot = {
  sheets: { name: string; protected: boolean; cells: Record<string, { input?: unknown; value: unknown; format?: string; spill?: string; error?: string }>; charts: Record<string, unknown>[] }[];
  names: Record<string, string>;
  settings: Record<string, unknown>;
};

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".map": "application/json", ".xml": "application/xml" };

/** A tiny static server for dist/ (plus axe-core at /__axe.js, same origin so the page's CSP allows it). */
function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
    const file = p === "/__axe.js" ? AXE : path.normalize(path.join(dir, p === "/" ? "taskpane.html" : p));
    if ((file !== AXE && !file.startsWith(dir + path.sep)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let server: http.Server;
let browser: Browser;
let base: string;
let fakeHost: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`The browser test needs Debian's Chromium at ${CHROMIUM} (apt-get install -y chromium), or ALM_CHROMIUM pointing at a Chromium binary. It is not skipped: install it.`);
  }
  if (!fs.existsSync(path.join(DIST, "taskpane.html")) || !fs.existsSync(path.join(DIST, "taskpane.js"))) {
    throw new Error("dist/ has no built task pane: run `npm run build` before the browser test (the README's test command is `npm run build && jest`).");
  }
  fs.mkdirSync(SHOTS, { recursive: true });
  fakeHost = await buildFakeHost();
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
});

/**
 * A new 800 × 900 page on the pane with the fake host in place of office.js, no network beyond the local
 * server, and the page's errors collected; opened at step 1.
 */
async function freshPane(options: { watchCsp?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[]; a11y: AxeViolation[] }> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 }, reducedMotion: "reduce" });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  if (options.watchCsp) {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  }
  // No network beyond the local server; the fake host answers in place of office.js from the Office
  // CDN (which the CSP allows). Playwright tries the route registered last first.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
  await page.route("**/office.js", (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: fakeHost }));
  await openPane(page);
  return { context, page, problems, a11y: [] };
}

async function openPane(page: Page): Promise<void> {
  await page.goto(`${base}/taskpane.html`);
  await page.getByRole("heading", { name: "Step 1 of 4: Positions" }).waitFor();
}

const snapshot = (page: Page) => page.evaluate(() => (window as unknown as { __almFakeHost: { snapshot(): Snapshot } }).__almFakeHost.snapshot());

/** What calculated the fake workbook's formulas: the ids the page registered and functions.json declares. */
const calculatedBy = (page: Page) =>
  page.evaluate(async () => {
    const h = (window as unknown as { __almFakeHost: { registered(): string[]; declared(): Promise<string[]>; violations(): string[] } }).__almFakeHost;
    return { registered: h.registered(), declared: await h.declared(), violations: h.violations() };
  });

/** The function ids of the built functions.json, the file Excel reads. */
function shippedIds(): string[] {
  const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: { id: string }[] };
  return metadata.functions.map((f) => f.id);
}
const sheetOf = (snap: Snapshot, name: string) => snap.sheets.find((s) => s.name === name);
const input = (snap: Snapshot, sheet: string, addr: string) => sheetOf(snap, sheet)?.cells[addr]?.input;
const value = (snap: Snapshot, sheet: string, addr: string) => sheetOf(snap, sheet)?.cells[addr]?.value;

/** Typed cells (what a person could lose), keyed 'Sheet'!A1. */
function typed(snap: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of snap.sheets) for (const [a, c] of Object.entries(s.cells)) if (c.input !== undefined) out.set(`${s.name}!${a}`, JSON.stringify([c.input, c.format ?? "General"]));
  return out;
}

function ownedCells(snap: Snapshot): Set<string> {
  const ledger = JSON.parse(String(snap.settings["ALM.Ledger"] ?? "{}")) as { sheets?: Record<string, { cells: Record<string, unknown> }> };
  const out = new Set<string>();
  for (const [sheet, rec] of Object.entries(ledger.sheets ?? {})) for (const a of Object.keys(rec.cells)) out.add(`${sheet}!${a}`);
  return out;
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 800, height: 900 });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Serious and critical axe-core violations of the page as it is. Tabster's focus sentinels
 * (`<i data-tabster-dummy tabindex=0 aria-hidden>`, which Fluent UI puts around tab lists and dialogs
 * to steer Tab) are left out: they are focusable by design and hand focus on at once.
 */
async function axeSerious(page: Page, label: string): Promise<AxeViolation[]> {
  await page.waitForTimeout(300);
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: "/__axe.js" });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: object, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run({ include: [["body"]], exclude: [["[data-tabster-dummy]"]] }, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} ${(n as unknown as { failureSummary?: string }).failureSummary ?? ""} ${((n as unknown as { html?: string }).html ?? "").slice(0, 200)}`) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ ...v, id: `${label}: ${v.id}` }));
}

describe("task pane in Chromium with a fake Excel host", () => {
  it("walks the wizard with keyboard and mouse and writes live formulas, names and charts", async () => {
    // Content-security-policy violations are collected from the first script on (window.__csp).
    const { context, page, problems, a11y } = await freshPane({ watchCsp: true });
    await expect_(page.getByRole("tab", { name: "1 Positions" })).toHaveAttribute("aria-selected", "true");

    // Step 1 — a range with bad rows first, chosen with the keyboard.
    await page.getByRole("radio", { name: "An Excel table" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect_(page.getByRole("radio", { name: "A range" })).toBeChecked();
    await page.getByRole("textbox", { name: /Positions range/ }).pressSequentially("Draft!A1:M5");
    await page.getByRole("button", { name: "Read positions" }).focus();
    await page.keyboard.press("Enter");
    const badRows = page.getByRole("list", { name: "Rows that need attention" }).locator(":scope > li");
    await expect_(badRows).toHaveCount(2);
    await expect_(badRows.nth(0)).toContainText('column Balance: got the text "n/a"; expected an outstanding principal amount');
    await page.getByRole("button", { name: "Select row 3 (X-2) in the sheet" }).click();
    await page.waitForFunction(() => {
      const sel = (window as unknown as { __almFakeHost: { workbook: { selection: { sheet: string; box: { top: number } } } } }).__almFakeHost.workbook.selection;
      return sel.sheet === "Draft" && sel.box.top === 2;
    });
    await shoot(page, "1-positions-report");

    // …then the positions table, by mouse, and the as-of date.
    await page.getByRole("radio", { name: "An Excel table" }).click();
    await page.getByRole("combobox", { name: "Positions table" }).selectOption("Positions");
    await page.getByRole("button", { name: "Read positions" }).click();
    await page.getByText("No problems found in 10 rows.").waitFor();
    await page.getByLabel("As-of date").fill("2025-12-31");
    a11y.push(...(await axeSerious(page, "positions")));
    await shoot(page, "1-positions");

    // Step 2 — the tab list by keyboard.
    await page.getByRole("tab", { name: "1 Positions" }).focus();
    await page.keyboard.press("ArrowRight");
    await expect_(page.getByRole("tab", { name: "2 Curve" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect_(page.getByRole("tab", { name: "2 Curve" })).toHaveAttribute("aria-selected", "true");
    await page.getByRole("textbox", { name: /Curve range/ }).pressSequentially("Curve!A1:B10");
    await page.getByRole("button", { name: "Read curve" }).click();
    await page.getByText("Read 9 pillars from Curve!$A$1:$B$10.").waitFor();
    await page.getByRole("radio", { name: "Natural cubic spline on zero rates" }).click();
    await page.getByRole("img", { name: /Base zero curve\. Zero rates from 2\.15% at 1M to 3\.01% at 30Y, natural cubic spline/ }).waitFor();
    await page.getByRole("button", { name: "Show the numbers as a table" }).click();
    await expect_(page.getByRole("table", { name: "Base zero curve: values" }).getByRole("row")).toHaveCount(10);
    a11y.push(...(await axeSerious(page, "curve")));
    await shoot(page, "2-curve");

    // Step 3 — Next by keyboard moves focus to the step heading.
    await page.getByRole("button", { name: "Next: Scenarios" }).focus();
    await page.keyboard.press("Enter");
    await expect_(page.getByRole("heading", { name: "Step 3 of 4: Scenarios" })).toBeFocused();
    await page.getByRole("checkbox", { name: "Short rates down" }).focus();
    await page.keyboard.press("Space");
    await expect_(page.getByRole("checkbox", { name: "Short rates down" })).not.toBeChecked();
    await page.getByRole("button", { name: "Add custom scenario" }).focus();
    await page.keyboard.press("Enter");
    await page.getByRole("menuitem", { name: "Parallel shift" }).waitFor();
    await page.keyboard.press("ArrowDown");
    await expect_(page.getByRole("menuitem", { name: "Twist around a pivot" })).toBeFocused();
    await page.keyboard.press("Enter");
    await page.getByRole("listitem", { name: "Custom scenario 1: Twist around a pivot" }).waitFor();
    await page.getByRole("button", { name: "Add custom scenario" }).click();
    await page.getByRole("menuitem", { name: "Ramp (NII)" }).click();
    await page.getByRole("img", { name: /Shocked curves against the base\. 7 shocked curves of EUR \(BCBS2024\)/ }).waitFor();
    const legend = page.getByRole("list", { name: "Legend of shocked curves against the base" }).getByRole("listitem");
    await expect_(legend).toHaveCount(8);
    a11y.push(...(await axeSerious(page, "scenarios")));
    await shoot(page, "3-scenarios");

    // Step 4.
    await page.getByRole("button", { name: "Next: Output" }).click();
    await page.getByRole("textbox", { name: /Tier 1 capital/ }).fill("1500000");
    // Someone's data: one cell inside the ΔNII table's spill area, one elsewhere.
    await page.evaluate(() => {
      const h = (window as unknown as { __almFakeHost: { workbook: { addSheet(n: string): unknown; setInput(s: unknown, p: object, v: unknown): void; notify(): void } } }).__almFakeHost;
      const sheet = h.workbook.addSheet("ALM Results");
      h.workbook.setInput(sheet, { row: 30, col: 0 }, "keep me");
      h.workbook.setInput(sheet, { row: 69, col: 10 }, "my note");
      h.workbook.notify();
    });
    const beforeWrite = await snapshot(page);
    a11y.push(...(await axeSerious(page, "output")));
    await shoot(page, "4-output");

    await page.getByRole("button", { name: "Write to workbook" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Overwrite cells the add-in did not write?" });
    await dialog.waitFor();
    await expect_(dialog.getByRole("list", { name: "Cells that would be overwritten" })).toContainText("'ALM Results'!A31 “keep me” — holds data the add-in did not write");
    a11y.push(...(await axeSerious(page, "confirm dialog")));
    await shoot(page, "4-output-confirm");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await page.getByText(/Nothing was written/).waitFor();
    expect(typed(await snapshot(page))).toEqual(typed(beforeWrite));
    expect(sheetOf(await snapshot(page), "ALM Scenarios")).toBeUndefined();

    await page.getByRole("button", { name: "Write to workbook" }).click();
    await page.getByRole("button", { name: "Overwrite 1 cell" }).click();
    await page.getByText("Written", { exact: true }).waitFor();
    const first = await snapshot(page);
    await shoot(page, "4-output-written");

    // What was written: ALM.* formulas (docs/functions.md) over defined names, the names, the charts.
    expect(input(first, "ALM Scenarios", "D19")).toBe('=ALM.SHOCK(ALM_Curve,"PARALLEL_UP",ALM_Currency,"BCBS2024","NONE")');
    expect(input(first, "ALM Scenarios", "P19")).toBe('=ALM.SHOCK(ALM_Curve,"SHORT_UP",ALM_Currency,"BCBS2024","NONE")');
    expect(input(first, "ALM Scenarios", "S19")).toBe('=ALM.SHOCK(ALM_Curve,ALM_Custom1,ALM_Currency,"BCBS2024","NONE")');
    expect(input(first, "ALM Scenarios", "V19")).toBe('=ALM.SHOCK(ALM_Curve,200,ALM_Currency,"BCBS2024","NONE")');
    expect(input(first, "ALM Results", "A5")).toBe('=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,"BCBS2024","NONE")');
    expect(input(first, "ALM Results", "A17")).toBe('=ALM.STANDARDEVE(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,"BCBS2024","NONE",ALM_Tier1)');
    expect(input(first, "ALM Results", "A30")).toBe('=ALM.DELTANII(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,,,,,"BCBS2024","NONE",ALM_Tier1)');
    expect(input(first, "ALM Results", "A38")).toBe('=ALM.REPRICINGGAP(ALM_Positions,ALM_AsOf,"BASEL")');
    expect(input(first, "ALM Results", "D65")).toBe('=ALM.NII(ALM_Positions,ALM_AsOf,ALM_Curve,200,ALM_Currency,12,12,"BCBS2024","NONE")');
    expect(first.names).toEqual({
      ALM_Positions: "=Positions[#All]",
      ALM_AsOf: "='ALM Scenarios'!$B$5",
      ALM_Currency: "='ALM Scenarios'!$B$6",
      ALM_Tier1: "='ALM Scenarios'!$B$7",
      ALM_Curve: "=Curve!$A$1:$B$10",
      ALM_Custom1: "='ALM Scenarios'!$S$15:$T$17",
    });
    expect(input(first, "ALM Scenarios", "B5")).toBe(46022);
    expect(sheetOf(first, "ALM Scenarios")?.cells.B5.format).toBe("yyyy-mm-dd");
    expect(sheetOf(first, "ALM Results")?.charts.map((c) => [c.name, c.type, c.source, c.xValues, c.title])).toEqual([
      ["ALM DeltaEVE", "BarClustered", "'ALM Results'!C7:C12", "'ALM Results'!A7:A12", "ΔEVE by Basel scenario"],
      ["ALM RepricingGap", "ColumnClustered", "'ALM Results'!F39:F57", "'ALM Results'!A39:A57", "Repricing gap by Basel bucket"],
    ]);
    // The formulas calculate through the functions the page's functions.js registered (every id of the
    // built functions.json, no other), called as that file declares, and spill.
    const by = await calculatedBy(page);
    expect([...by.registered].sort()).toEqual([...shippedIds()].sort());
    expect(by.declared).toEqual(shippedIds());
    expect(by.violations).toEqual([]);
    expect(value(first, "ALM Results", "A6")).toBe("BASE");
    expect(value(first, "ALM Results", "A58")).toBe("Total");
    expect(value(first, "ALM Scenarios", "D19")).toBe("Tenor");
    expect(sheetOf(first, "ALM Results")?.cells.A31).toMatchObject({ value: "BASE", spill: "A30" });
    expect(input(first, "ALM Results", "K70")).toBe("my note");

    // A second run with another currency changes only cells the add-in wrote.
    await page.getByRole("tab", { name: "3 Scenarios" }).click();
    const currency = page.getByRole("combobox", { name: /Currency/ });
    await currency.fill("USD");
    await page.keyboard.press("Escape");
    await page.getByRole("tab", { name: "4 Output" }).click();
    await page.getByRole("button", { name: "Write to workbook" }).click();
    await page.getByText("Written", { exact: true }).waitFor();
    const second = await snapshot(page);
    const owned = new Set([...ownedCells(first), ...ownedCells(second)]);
    const before = typed(first);
    const after = typed(second);
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    expect(changed).toEqual(["ALM Scenarios!B6"]);
    expect(changed.every((k) => owned.has(k))).toBe(true);
    expect(input(second, "ALM Scenarios", "B6")).toBe("USD");

    // A third, identical run changes nothing at all.
    await page.getByRole("button", { name: "Write to workbook" }).click();
    await page.waitForFunction(() => document.body.innerText.includes("Written"));
    expect(typed(await snapshot(page))).toEqual(after);

    // Reopening the pane on the same workbook restores the setup.
    await page.reload();
    await page.getByText("Restored the setup saved in this workbook.").waitFor();
    await expect_(page.getByLabel("As-of date")).toHaveValue("2025-12-31");
    await page.getByRole("tab", { name: "3 Scenarios" }).click();
    await expect_(page.getByRole("combobox", { name: /Currency/ })).toHaveValue("USD");
    await expect_(page.getByRole("listitem", { name: "Custom scenario 1: Twist around a pivot" })).toBeVisible();
    await page.getByRole("img", { name: /Shocked curves against the base/ }).waitFor();

    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    expect(problems).toEqual([]);
    expect(a11y).toEqual([]);
    await context.close();
  });

  it("runs the sample bank end to end: a new sheet, every step filled, and results that are numbers", async () => {
    const { context, page, problems, a11y } = await freshPane();
    // A sheet of that name already exists: the sample goes to a new one beside it.
    await page.evaluate(() => {
      const h = (window as unknown as { __almFakeHost: { workbook: { addSheet(n: string): unknown; setInput(s: unknown, p: object, v: unknown): void; notify(): void } } }).__almFakeHost;
      h.workbook.setInput(h.workbook.addSheet("ALM Sample Bank"), { row: 0, col: 0 }, "mine");
      h.workbook.notify();
    });
    const before = await snapshot(page);
    a11y.push(...(await axeSerious(page, "sample bank offer")));
    await shoot(page, "sample-bank-offer");

    await page.getByRole("button", { name: "Try the sample bank" }).focus();
    await page.keyboard.press("Enter");
    await expect_(page.getByRole("heading", { name: "Step 4 of 4: Output" })).toBeFocused();
    await page.getByText("Sample bank ready").waitFor();
    await expect_(page.getByRole("textbox", { name: /Tier 1 capital/ })).toHaveValue("410000000");
    const write = page.getByRole("button", { name: "Write to workbook" });
    await expect_(write).toBeEnabled();
    const sampled = await snapshot(page);
    expect(sheetOf(sampled, "ALM Sample Bank")?.cells).toEqual(sheetOf(before, "ALM Sample Bank")?.cells);
    expect(input(sampled, "ALM Sample Bank (2)", "A1")).toBe("Id");
    expect(input(sampled, "ALM Sample Bank (2)", `${CURVES_LEFT}2`)).toBe("Tenor");
    a11y.push(...(await axeSerious(page, "sample bank ready")));

    await write.click();
    await page.getByText("Written", { exact: true }).waitFor();
    const done = await snapshot(page);
    expect(done.names.ALM_Positions).toBe("=ALMSampleBank[#All]");
    expect(done.names.ALM_Curve).toBe(`='ALM Sample Bank (2)'!$${CURVES_LEFT}$2:$${colLetters(POSITION_HEADER.length + 2)}$14`);
    expect(input(done, "ALM Scenarios", "B6")).toBe("USD");
    // ΔEVE: BASE and the six scenarios, EVE and ΔEVE, calculated by the shipped functions, are numbers.
    expect(value(done, "ALM Results", "A6")).toBe("BASE");
    const baseEve = value(done, "ALM Results", "B6");
    expect(typeof baseEve === "number" && Number.isFinite(baseEve)).toBe(true);
    for (let row = 6; row <= 13; row++) {
      for (const col of ["B", "C"]) {
        const v = value(done, "ALM Results", `${col}${row}`);
        expect({ cell: `${col}${row}`, finite: typeof v === "number" && Number.isFinite(v) }).toEqual({ cell: `${col}${row}`, finite: true });
      }
    }
    // No result cell holds an error.
    const errors = Object.entries(sheetOf(done, "ALM Results")?.cells ?? {}).filter(([, c]) => c.error !== undefined || (typeof c.value === "string" && c.value.startsWith("#")));
    expect(errors).toEqual([]);
    expect(value(done, "ALM Results", "A58")).toBe("Total");
    expect((await calculatedBy(page)).violations).toEqual([]);
    a11y.push(...(await axeSerious(page, "sample bank written")));
    await shoot(page, "sample-bank-written");

    expect(problems).toEqual([]);
    expect(a11y).toEqual([]);
    await context.close();
  });

  it("writes a two-currency outlier test: curves by currency, typed FX rates, and per-currency ΔEVE, calculated", async () => {
    const { context, page, problems, a11y } = await freshPane();

    // Step 1: the demo's Book2 range holds EUR and USD positions.
    await page.getByRole("radio", { name: "A range" }).click();
    await page.getByRole("textbox", { name: /Positions range/ }).fill("Book2!A1:M16");
    await page.getByRole("button", { name: "Read positions" }).click();
    await page.getByText(/Read 15 rows and 13 columns/).waitFor();
    await page.getByLabel("As-of date").fill("2025-12-31");

    // Step 2: curves by currency and the rates to EUR.
    await page.getByRole("tab", { name: "2 Curve" }).click();
    await page.getByText(/The positions hold EUR, USD\./).waitFor();
    await page.getByRole("textbox", { name: /Curves by currency range/ }).fill("Curves!A1:C10");
    await page.getByRole("button", { name: "Read curves" }).click();
    await page.getByText("Read 9 pillars for EUR, USD from Curves!$A$1:$C$10.").waitFor();
    await page.getByRole("img", { name: /^EUR zero curve/ }).waitFor();
    await page.getByRole("img", { name: /^USD zero curve/ }).waitFor();
    await page.getByRole("combobox", { name: /Reporting currency/ }).fill("EUR");
    await page.keyboard.press("Escape");
    await page.getByRole("textbox", { name: "USD rate (EUR per 1 USD)" }).fill("0.92");
    a11y.push(...(await axeSerious(page, "curves by currency")));
    await shoot(page, "2-curves-by-currency");

    // Step 3: one chart of shocked curves per currency.
    await page.getByRole("tab", { name: "3 Scenarios" }).click();
    await page.getByRole("img", { name: /^EUR: shocked curves against the base/ }).waitFor();
    await page.getByRole("img", { name: /^USD: shocked curves against the base/ }).waitFor();
    a11y.push(...(await axeSerious(page, "scenarios by currency")));
    await shoot(page, "3-scenarios-by-currency");

    // Step 4: Tier 1 in EUR, the EU aggregation, write.
    await page.getByRole("tab", { name: "4 Output" }).click();
    await page.getByRole("textbox", { name: /Tier 1 capital \(EUR\)/ }).fill("4000000");
    await page.getByRole("radio", { name: /^EU: losses plus 50 % of gains/ }).click();
    a11y.push(...(await axeSerious(page, "output by currency")));
    await page.getByRole("button", { name: "Write to workbook" }).click();
    await page.getByText("Written", { exact: true }).waitFor();
    await shoot(page, "4-output-outlier-test");
    const done = await snapshot(page);
    expect(input(done, "ALM Results", "A5")).toBe('=ALM.OUTLIERTEST(ALM_Positions,ALM_AsOf,ALM_Curves,ALM_Tier1,ALM_FX,"FULL","BCBS2024","NONE","EU")');
    expect(done.names).toMatchObject({ ALM_Curves: "=Curves!$A$1:$C$10", ALM_FX: "='ALM Scenarios'!$D$5:$E$7", ALM_Tier1: "='ALM Scenarios'!$B$7" });
    // The outlier table spilled: header, six EVE and two NII scenarios, MAX EVE and MAX NII; numbers.
    expect(["A5", "C5", "D5", "E5"].map((a) => value(done, "ALM Results", a))).toEqual(["Measure", "EUR", "USD", "Aggregate"]);
    expect(value(done, "ALM Results", "A14")).toBe("MAX EVE");
    for (let row = 6; row <= 15; row++) {
      for (const col of ["C", "D", "E", "F"]) {
        const v = value(done, "ALM Results", `${col}${row}`);
        expect({ cell: `${col}${row}`, finite: typeof v === "number" && Number.isFinite(v) }).toEqual({ cell: `${col}${row}`, finite: true });
      }
    }
    const errors = ["ALM Results", "ALM Scenarios"].flatMap((n) => Object.entries(sheetOf(done, n)?.cells ?? {}).filter(([, c]) => c.error !== undefined || (typeof c.value === "string" && c.value.startsWith("#"))).map(([k, c]) => `${n}!${k} ${c.value} ${c.error ?? ""}`));
    expect(errors).toEqual([]);
    expect((await calculatedBy(page)).violations).toEqual([]);
    expect(problems).toEqual([]);
    expect(a11y).toEqual([]);
    await context.close();
  });

  it("refuses a protected results sheet with a clear message and keeps the setup", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.route("**/office.js", (route) => route.fulfill({ status: 200, contentType: "application/javascript", body: fakeHost }));
    await openPane(page);
    await page.evaluate(() => {
      const h = (window as unknown as { __almFakeHost: { workbook: { addSheet(n: string): { protected: boolean }; settings: Map<string, unknown>; notify(): void } } }).__almFakeHost;
      h.workbook.addSheet("ALM Results").protected = true;
      h.workbook.settings.set(
        "ALM.Setup",
        JSON.stringify({ version: 1, positions: { sourceKind: "table", tableName: "Positions", asOf: "2025-12-31" }, curve: { sourceKind: "range", rangeAddress: "Curve!A1:B10" } })
      );
      h.workbook.notify();
    });
    await page.reload();
    await page.getByText("Restored the setup saved in this workbook.").waitFor();
    await page.getByRole("tab", { name: "4 Output" }).click();
    const write = page.getByRole("button", { name: "Write to workbook" });
    await expect_(write).toBeEnabled();
    await write.click();
    await page.getByText("Protected sheet").waitFor();
    await expect_(page.getByText(/'ALM Results' is protected, so the add-in wrote nothing/)).toBeVisible();
    await shoot(page, "4-output-protected");
    const snap = await snapshot(page);
    expect(sheetOf(snap, "ALM Scenarios")).toBeUndefined();
    expect(Object.keys(sheetOf(snap, "ALM Results")?.cells ?? {})).toEqual([]);
    await context.close();
  });
});

/** Web-first assertions of Playwright without its test runner: poll until true or time out. */
function expect_(locator: import("playwright-core").Locator) {
  const poll = async (what: string, check: () => Promise<boolean>, timeout = 10_000) => {
    const end = Date.now() + timeout;
    for (;;) {
      if (await check().catch(() => false)) return;
      if (Date.now() > end) throw new Error(`Timed out waiting for ${locator} to ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const api = (negate: boolean) => ({
    toHaveAttribute: (name: string, v: string) => poll(`have ${name}=${v}`, async () => ((await locator.getAttribute(name)) === v) !== negate),
    toBeChecked: () => poll(negate ? "be unchecked" : "be checked", async () => (await locator.isChecked()) !== negate),
    toBeFocused: () => poll("be focused", async () => (await locator.evaluate((el) => el === document.activeElement)) !== negate),
    toHaveCount: (n: number) => poll(`have count ${n}`, async () => ((await locator.count()) === n) !== negate),
    toContainText: (t: string) => poll(`contain "${t}"`, async () => ((await locator.innerText()).includes(t)) !== negate),
    toHaveValue: (v: string) => poll(`have value ${v}`, async () => ((await locator.inputValue()) === v) !== negate),
    toBeVisible: () => poll("be visible", async () => (await locator.isVisible()) !== negate),
    toBeEnabled: () => poll("be enabled", async () => (await locator.isEnabled()) !== negate),
  });
  return { ...api(false), not: api(true) };
}
