/**
 * The gateway against the in-memory fake Excel host: what a write puts where, second runs, refusals,
 * chunking and interrupted writes. The fake keeps Office's proxy/sync semantics (scripts/fake-host).
 */
import { contains, parseBox, parseCell, type Box, type CellPos } from "../../src/taskpane/excel/a1";
import { createExcelGateway, SETTINGS } from "../../src/taskpane/excel/gateway";
import { readLedger } from "../../src/taskpane/excel/ownership";
import { outputPlan, scenarioSheetLayout, resultsSheetLayout } from "../../src/taskpane/excel/sheetLayouts";
import { defaultSetup } from "../../src/taskpane/domain/setup";
import { planCustom } from "../../src/taskpane/domain/scenarios";
import { POSITION_HEADER } from "../../src/sample/products";
import { SAMPLE_AS_OF, SAMPLE_CURVES, positionsIn, tier1In } from "../../src/sample/sampleBank";
import { CURVES_LEFT, LAST, SAMPLE_CURVE_RANGES, layoutInput, userView, withFakeHost } from "./support/fakeHost";
import { colLetters } from "../../src/taskpane/excel/a1";

const fake = withFakeHost();

function cellInput(sheet: string, address: string): unknown {
  const wb = fake.current().wb;
  return wb.snapshot().sheets.find((s) => s.name === sheet)?.cells[address]?.input;
}

describe("gateway writes (fake Excel host)", () => {
  it("writes both sheets, the names and the charts, and records what it wrote", async () => {
    const gw = createExcelGateway();
    const res = await gw.writeOutput(outputPlan(layoutInput));
    expect(res).toMatchObject({ ok: true, value: { sheets: ["ALM Scenarios", "ALM Results"], charts: ["ALM DeltaEVE", "ALM RepricingGap"] } });
    expect(cellInput("ALM Scenarios", "D19")).toBe('=ALM.SHOCK(ALM_Curve,"PARALLEL_UP",ALM_Currency,"BCBS2024","NONE")');
    expect(cellInput("ALM Scenarios", "B5")).toBe(46022);
    expect(cellInput("ALM Results", "A5")).toBe('=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,"BCBS2024","NONE")');
    const { wb } = fake.current();
    expect(Object.fromEntries(wb.names)).toMatchObject({
      ALM_Positions: { formula: "=Positions[#All]" },
      ALM_AsOf: { formula: "='ALM Scenarios'!$B$5" },
      ALM_Curve: { formula: "=Curve!$A$1:$B$10" },
      ALM_Currency: { formula: "='ALM Scenarios'!$B$6" },
      ALM_Tier1: { formula: "='ALM Scenarios'!$B$7" },
    });
    const charts = wb.sheet("ALM Results")?.charts ?? [];
    expect(charts.map((c) => [c.name, c.type, c.source, c.xValues, c.title])).toEqual([
      ["ALM DeltaEVE", "BarClustered", "'ALM Results'!C7:C12", "'ALM Results'!A7:A12", "ΔEVE by Basel scenario"],
      ["ALM RepricingGap", "ColumnClustered", "'ALM Results'!F39:F57", "'ALM Results'!A39:A57", "Repricing gap by Basel bucket"],
    ]);
    const ledger = readLedger(wb.settings.get(SETTINGS.ledger));
    expect(ledger.sheets["ALM Scenarios"].cells.D19).toBe('=ALM.SHOCK(ALM_Curve,"PARALLEL_UP",ALM_Currency,"BCBS2024","NONE")');
    expect(ledger.sheets["ALM Scenarios"].created).toBe(true);
  });

  it("calculates the formulas it wrote through the shipped functions, as functions.json declares them", async () => {
    await createExcelGateway().writeOutput(outputPlan(layoutInput));
    const { wb } = fake.current();
    const scenarios = wb.snapshot().sheets.find((s) => s.name === "ALM Scenarios")?.cells ?? {};
    const results = wb.snapshot().sheets.find((s) => s.name === "ALM Results")?.cells ?? {};
    // ALM.SHOCK over the curve range spills its table: a header, then one row per pillar.
    expect(scenarios.D19).toMatchObject({ value: "Tenor" });
    expect(scenarios.D19.error).toBeUndefined();
    expect(scenarios.D20).toMatchObject({ spill: "D19" });
    expect(scenarios.D20.value).toBeCloseTo(1 / 12, 12);
    // ΔEVE over the positions table: BASE and the six Basel scenarios, numbers.
    expect(results.A6).toMatchObject({ value: "BASE", spill: "A5" });
    for (let row = 6; row <= 12; row++) expect({ row, eve: typeof results[`B${row}`]?.value }).toEqual({ row, eve: "number" });
    expect(results.A58).toMatchObject({ value: "Total", spill: "A38" });
    // No formula the add-in wrote shows an error.
    const errors = Object.entries({ ...scenarios, ...results }).filter(([, c]) => c.error !== undefined || (typeof c.value === "string" && c.value.startsWith("#")));
    expect(errors).toEqual([]);
  });

  it("changes nothing on a second identical run", async () => {
    const gw = createExcelGateway();
    await gw.writeOutput(outputPlan(layoutInput));
    const before = fake.current().wb.snapshot();
    const res = await gw.writeOutput(outputPlan(layoutInput));
    expect(res.ok).toBe(true);
    expect(fake.current().wb.snapshot().sheets).toEqual(before.sheets);
    expect(fake.current().wb.snapshot().names).toEqual(before.names);
  });

  it("updates in place on a second run and touches only cells it wrote", async () => {
    const gw = createExcelGateway();
    await gw.writeOutput(outputPlan(layoutInput));
    const { wb } = fake.current();
    const results = wb.sheet("ALM Results")!;
    wb.setInput(results, { row: 69, col: 10 }, "my note");
    wb.setInput(wb.sheet("ALM Scenarios")!, { row: 2, col: 5 }, 123);
    const before = userView(wb);
    const res = await gw.writeOutput(outputPlan({ ...layoutInput, currency: "USD", basel: ["PARALLEL_UP", "PARALLEL_DOWN"], tier1: null }));
    expect(res.ok).toBe(true);
    const after = userView(wb);
    const ledger = readLedger(wb.settings.get(SETTINGS.ledger));
    const oldLedgerKeys = new Set(Object.keys(before.cells));
    for (const [k, v] of Object.entries(after.cells)) {
      const [sheet, addr] = [k.slice(1, k.lastIndexOf("'")), k.slice(k.lastIndexOf("!") + 1)];
      if (JSON.stringify(before.cells[k]) !== JSON.stringify(v)) expect(ledger.sheets[sheet]?.cells[addr]).toBeDefined();
    }
    expect(after.cells["'ALM Results'!K70"]).toEqual({ input: "my note", format: "General" });
    expect(after.cells["'ALM Scenarios'!F3"]).toEqual({ input: 123, format: "General" });
    // The four dropped scenario blocks are gone, the kept ones updated.
    expect(cellInput("ALM Scenarios", "J19")).toBeUndefined();
    expect(cellInput("ALM Scenarios", "B6")).toBe("USD");
    expect(wb.names.has("ALM_Tier1")).toBe(false);
    expect(oldLedgerKeys.size).toBeGreaterThan(0);
  });

  it("stops with the list of occupied cells and writes nothing when a target cell holds someone else's data", async () => {
    const { wb } = fake.current();
    const sheet = wb.addSheet("ALM Results");
    wb.setInput(sheet, { row: 39, col: 0 }, "keep me");
    const before = userView(wb);
    const gw = createExcelGateway();
    const res = await gw.writeOutput(outputPlan(layoutInput));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe("NEEDS_CONFIRMATION");
    expect(res.error.conflicts?.map((c) => [c.key, c.current, c.reason])).toEqual([["'ALM Results'!A40", "keep me", "occupied"]]);
    expect(res.error.message).toContain("'ALM Results'!A40");
    expect(userView(wb)).toEqual(before);
    expect(wb.settings.has(SETTINGS.ledger)).toBe(false);

    const confirmed = await gw.writeOutput(outputPlan(layoutInput), { allowOverwrite: ["'ALM Results'!A40"] });
    expect(confirmed).toMatchObject({ ok: true, value: { overwritten: [{ key: "'ALM Results'!A40" }] } });
  });

  it("writes a scenario name that looks like a formula as text, and finds it unchanged on a second run", async () => {
    const named = planCustom({ id: "c1", kind: "parallel", name: "=-100 shock", bp: "-100" });
    if (!named.ok) throw new Error("bad scenario");
    const plan = outputPlan({ ...layoutInput, basel: [], custom: [named.value] });
    const gw = createExcelGateway();
    expect((await gw.writeOutput(plan)).ok).toBe(true);
    const cell = fake.current().wb.snapshot().sheets.find((s) => s.name === "ALM Scenarios")?.cells.D13;
    expect(cell).toMatchObject({ input: "=-100 shock", value: "=-100 shock" });
    expect(await gw.writeOutput(plan)).toMatchObject({ ok: true });
  });

  it("asks again when the user edited a cell the add-in wrote", async () => {
    const gw = createExcelGateway();
    await gw.writeOutput(outputPlan(layoutInput));
    const { wb } = fake.current();
    wb.setInput(wb.sheet("ALM Scenarios")!, { row: 5, col: 1 }, "GBP");
    const res = await gw.writeOutput(outputPlan(layoutInput));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.conflicts).toEqual([expect.objectContaining({ key: "'ALM Scenarios'!B6", reason: "edited", current: "GBP" })]);
  });

  it("asks before redefining a name it did not create", async () => {
    const { wb } = fake.current();
    wb.names.set("ALM_Curve", { formula: "=Curve!$A$2:$B$10", comment: "" });
    const res = await createExcelGateway().writeOutput(outputPlan(layoutInput));
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.conflicts).toEqual([expect.objectContaining({ key: "name:ALM_Curve", reason: "name-exists" })]);
    expect(wb.names.get("ALM_Curve")?.formula).toBe("=Curve!$A$2:$B$10");
  });

  it("refuses a protected sheet with a clear message and writes nothing", async () => {
    const { wb } = fake.current();
    wb.addSheet("ALM Results").protected = true;
    const before = userView(wb);
    const res = await createExcelGateway().writeOutput(outputPlan(layoutInput));
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: "PROTECTED" }) });
    if (!res.ok) expect(res.error.message).toMatch(/'ALM Results' is protected.*Unprotect/);
    expect(userView(wb)).toEqual(before);
  });

  it("writes large blocks in chunks of at most the configured number of cells per sync", async () => {
    const cells = Array.from({ length: 120 }, (_, i) => [`${i + 1}Y`, 0.02 + i / 10000] as const);
    const input = { ...layoutInput, curve: { kind: "pillars" as const, cells } };
    const { host, wb } = fake.current();
    const start = host.syncs;
    const res = await createExcelGateway({ maxCellsPerSync: 50 }).writeOutput(outputPlan(input));
    expect(res.ok).toBe(true);
    // 121 rows × 2 columns of pillars alone need at least five syncs at 50 cells each.
    expect(host.syncs - start).toBeGreaterThan(8);
    expect(cellInput("ALM Scenarios", "B139")).toBeCloseTo(0.0319, 10);
    expect(wb.names.get("ALM_Curve")?.formula).toBe("='ALM Scenarios'!$A$19:$B$139");
  });

  it("writes each sheet on its own and adds a chart through the same ownership rules", async () => {
    const gw = createExcelGateway();
    const scenarios = scenarioSheetLayout(layoutInput);
    expect((await gw.writeScenarioSheet(scenarios)).ok).toBe(true);
    const results = resultsSheetLayout(layoutInput, scenarios.customTables);
    expect((await gw.writeResultsSheet({ ...results, charts: [] })).ok).toBe(true);
    expect((await gw.addChart(results.charts[0])).ok).toBe(true);
    expect((await gw.addChart(results.charts[0])).ok).toBe(true);
    const { wb } = fake.current();
    expect(wb.sheet("ALM Results")?.charts.map((c) => c.name)).toEqual(["ALM DeltaEVE"]);
    const ledger = readLedger(wb.settings.get(SETTINGS.ledger));
    expect(Object.keys(ledger.sheets)).toEqual(["ALM Scenarios", "ALM Results"]);
    expect(ledger.names.ALM_Curve.owner).toBe("ALM Scenarios");
  });
});

describe("gateway interrupted writes (fake Excel host)", () => {
  async function syncsOfAWrite(): Promise<number> {
    const { host } = fake.current();
    const start = host.syncs;
    await createExcelGateway({ maxCellsPerSync: 40 }).writeOutput(outputPlan(layoutInput));
    return host.syncs - start;
  }

  it("puts everything back when any sync of a first write fails", async () => {
    const total = await syncsOfAWrite();
    expect(total).toBeGreaterThan(5);
    for (let k = 1; k <= total; k++) {
      for (const afterOps of [0, 3]) {
        const { wb, host } = fake.current();
        // Fresh state: drop what the measuring write left.
        for (const s of ["ALM Scenarios", "ALM Results"]) if (wb.sheet(s)) wb.deleteSheet(s);
        wb.names.clear();
        wb.settings.clear();
        const before = userView(wb);
        host.failSync(k, afterOps);
        const res = await createExcelGateway({ maxCellsPerSync: 40 }).writeOutput(outputPlan(layoutInput));
        host.faults = [];
        expect(res.ok).toBe(false);
        if (res.ok) continue;
        expect(["WRITE_FAILED", "EXCEL_ERROR"]).toContain(res.error.code);
        expect(userView(wb)).toEqual(before);
        expect(wb.settings.has(SETTINGS.ledger)).toBe(false);
      }
    }
  });

  it("restores the previous run's cells, names and formats when a second write fails half way", async () => {
    const gw = createExcelGateway({ maxCellsPerSync: 40 });
    await gw.writeOutput(outputPlan(layoutInput));
    const { wb, host } = fake.current();
    const before = userView(wb);
    const ledgerBefore = wb.settings.get(SETTINGS.ledger);
    // A sync in the middle of the cells (a second write first reads the workbook's sheets, tables,
    // names and its charts, to drop what no longer exists from the ledger).
    host.failSync(7, 2);
    const res = await gw.writeOutput(outputPlan({ ...layoutInput, currency: "USD", basel: ["STEEPENER"] }));
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: "WRITE_FAILED" }) });
    if (!res.ok) expect(res.error.message).toMatch(/^Excel stopped the write while writing 'ALM (Scenarios|Results)'!\S+ \(The connection to Excel was lost \(injected fault\)\)\. The add-in put back the \d+ cells it had changed, so the workbook is as it was\.$/);
    expect(userView(wb)).toEqual(before);
    expect(wb.settings.get(SETTINGS.ledger)).toEqual(ledgerBefore);
  });

  it("says exactly which ranges may hold new content when even the undo fails", async () => {
    const prepare = () => {
      const { wb } = fake.current();
      const existing = wb.sheet("ALM Results") ?? wb.addSheet("ALM Results");
      wb.setInput(existing, { row: 80, col: 0 }, "user");
      return wb;
    };
    // Measure the write, then start again from the same workbook.
    const { host } = fake.current();
    prepare();
    const start = host.syncs;
    await createExcelGateway({ maxCellsPerSync: 40 }).writeOutput(outputPlan(layoutInput));
    const total = host.syncs - start;
    await fake.reset();
    const wb = prepare();
    const before = userView(wb);
    // Fail a sync near the end of the write, and every sync after it (the undo).
    const again = fake.current().host;
    for (let k = total - 2; k < total + 40; k++) again.failSync(k, 1);
    const res = await createExcelGateway({ maxCellsPerSync: 40 }).writeOutput(outputPlan(layoutInput));
    again.faults = [];
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe("PARTIAL_WRITE");
    const left = res.error.left ?? [];
    expect(left.join(" ")).toContain("sheet 'ALM Scenarios' (created by this write)");
    expect(res.error.message).toContain("could not undo");
    // Every changed cell of the pre-existing sheet lies in a reported range.
    const after = userView(wb);
    const changed = Object.keys({ ...before.cells, ...after.cells }).filter((k) => JSON.stringify(before.cells[k]) !== JSON.stringify(after.cells[k]) && k.startsWith("'ALM Results'"));
    expect(changed.length).toBeGreaterThan(0);
    const reported = left.filter((l) => l.startsWith("'ALM Results'!")).flatMap((l) => l.slice(l.indexOf("!") + 1).split(","));
    for (const k of changed) {
      const pos = parseCell(k.slice(k.indexOf("!") + 1)) as CellPos;
      expect(reported.some((r) => contains(parseBox(r) as Box, pos))).toBe(true);
    }
    expect(after.cells["'ALM Results'!A81"]).toEqual(before.cells["'ALM Results'!A81"]);
  });
});

describe("gateway reads, settings and commands (fake Excel host)", () => {
  it("reads a table and a range in chunks with its sheet-qualified address", async () => {
    const gw = createExcelGateway({ maxCellsPerSync: 26 });
    const t = await gw.readTable({ kind: "table", name: "Positions" });
    expect(t.ok && t.value.address).toBe("Positions!$A$1:$M$11");
    expect(t.ok && t.value.values.length).toBe(11);
    expect(t.ok && t.value.values[1][0]).toBe("L-001");
    const r = await gw.readRange("Curve!A1:B10");
    expect(r.ok && r.value.values[9]).toEqual(["30Y", 0.0301]);
    expect(await gw.readTable({ kind: "table", name: "Nope" })).toEqual({ ok: false, error: expect.objectContaining({ code: "NOT_FOUND" }) });
    expect(await gw.readRange("not an address")).toEqual({ ok: false, error: expect.objectContaining({ code: "INVALID_ADDRESS" }) });
  });

  it("reads a range on the active sheet when the address has no sheet", async () => {
    const r = await createExcelGateway().readRange("A1:B2");
    expect(r.ok && r.value.address).toBe("Positions!$A$1:$B$2");
  });

  it("lists tables, reports the selection and selects a bad row", async () => {
    const gw = createExcelGateway();
    expect(await gw.listTables()).toEqual({ ok: true, value: [{ name: "Positions", address: "Positions!A1:M11" }] });
    expect(await gw.selectRange("Draft!A3:M3")).toEqual({ ok: true, value: undefined });
    const { wb } = fake.current();
    expect(wb.selection).toEqual({ sheet: "Draft", box: { top: 2, left: 0, bottom: 2, right: 12 } });
    expect(wb.activeSheet).toBe("Draft");
    expect(await gw.getSelection()).toEqual({ ok: true, value: "Draft!A3:M3" });
  });

  it("saves the setup in the workbook settings and loads it back", async () => {
    const gw = createExcelGateway();
    expect(await gw.loadSetup()).toEqual({ ok: true, value: null });
    const setup = { ...defaultSetup(), positions: { ...defaultSetup().positions, asOf: "2025-12-31" } };
    expect((await gw.saveSetup(setup)).ok).toBe(true);
    expect(await gw.loadSetup()).toEqual({ ok: true, value: setup });
  });

  it("renames header cells only while they still hold what the pane read", async () => {
    const gw = createExcelGateway();
    const { wb } = fake.current();
    expect(await gw.renameHeaders([{ sheet: "Draft", cell: { row: 0, col: 2 }, from: "Balance", to: "Balance" }])).toEqual({ ok: true, value: undefined });
    const changed = await gw.renameHeaders([{ sheet: "Draft", cell: { row: 0, col: 2 }, from: "Outstanding", to: "Balance" }]);
    expect(changed).toEqual({ ok: false, error: expect.objectContaining({ code: "CHANGED" }) });
    wb.sheet("Draft")!.protected = true;
    expect(await gw.renameHeaders([{ sheet: "Draft", cell: { row: 0, col: 2 }, from: "Balance", to: "Amount" }])).toEqual({ ok: false, error: expect.objectContaining({ code: "PROTECTED" }) });
  });

  it("triggers a full recalculation", async () => {
    const { wb } = fake.current();
    const spy = jest.spyOn(wb, "calculate");
    expect(await createExcelGateway().recalculate()).toEqual({ ok: true, value: undefined });
    expect(spy).toHaveBeenCalled();
  });

  it("returns an error instead of throwing when Excel is not there", async () => {
    const saved = (globalThis as { Excel?: unknown }).Excel;
    delete (globalThis as { Excel?: unknown }).Excel;
    try {
      expect(await createExcelGateway().loadSetup()).toEqual({ ok: false, error: expect.objectContaining({ code: "UNSUPPORTED" }) });
    } finally {
      (globalThis as { Excel?: unknown }).Excel = saved;
    }
  });
});

describe("gateway writes the sample bank (fake Excel host)", () => {
  const usd = positionsIn("USD");

  it("adds a new sheet with a unique name, the positions as a table, the curves beside it, and records them", async () => {
    const { wb } = fake.current();
    wb.setInput(wb.addSheet("ALM Sample Bank"), { row: 0, col: 0 }, "someone's sheet");
    wb.names.set("ALMSampleBank", { formula: "=Positions!$A$1", comment: "" });
    const before = userView(wb);
    const tablesBefore = wb.tables.map((t) => ({ ...t }));
    const res = await createExcelGateway().writeSampleBank();
    expect(res).toEqual({
      ok: true,
      value: {
        sheet: "ALM Sample Bank (2)",
        table: "ALMSampleBank2",
        positions: usd.length - 1,
        curves: { USD: `'ALM Sample Bank (2)'!${SAMPLE_CURVE_RANGES.USD}`, EUR: `'ALM Sample Bank (2)'!${SAMPLE_CURVE_RANGES.EUR}` },
        currency: "USD",
        asOf: SAMPLE_AS_OF,
        tier1: tier1In("USD"),
      },
    });
    // The table: header and row count as the sample's.
    const table = wb.tables.find((t) => t.name === "ALMSampleBank2");
    expect(table).toEqual({ name: "ALMSampleBank2", sheet: "ALM Sample Bank (2)", box: { top: 0, left: 0, bottom: usd.length - 1, right: POSITION_HEADER.length - 1 } });
    const read = await createExcelGateway().readTable({ kind: "table", name: "ALMSampleBank2" });
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.values[0]).toEqual([...POSITION_HEADER]);
    expect(read.value.values.length).toBe(usd.length);
    expect(read.value.values.slice(1).map((r) => r.map((v) => (v === null ? "" : v)))).toEqual(usd.slice(1));
    // The curves, with their headers.
    for (const c of ["USD", "EUR"] as const) {
      const curve = await createExcelGateway().readRange(res.ok ? res.value.curves[c] : "");
      expect(curve.ok && curve.value.values).toEqual(SAMPLE_CURVES[c].map((r) => [...r]));
    }
    // Recorded: the sheet as the add-in's creation, the rectangles it wrote (the user's data from now
    // on, so no content is kept) and the table.
    const ledger = readLedger(wb.settings.get(SETTINGS.ledger));
    const rec = ledger.sheets["ALM Sample Bank (2)"];
    expect(rec.created).toBe(true);
    expect(rec.cells).toEqual({});
    expect(rec.ranges?.slice(0, 4)).toEqual([`A1:${LAST}1`, `A2:${LAST}${usd.length}`, `${CURVES_LEFT}1`, `${CURVES_LEFT}2:${colLetters(POSITION_HEADER.length + 2)}2`]);
    expect(ledger.tables).toEqual([{ sheet: "ALM Sample Bank (2)", name: "ALMSampleBank2" }]);
    // Nothing outside the new sheet changed.
    const after = userView(wb);
    expect(Object.fromEntries(Object.entries(after.cells).filter(([k]) => !k.startsWith("'ALM Sample Bank (2)'!")))).toEqual(before.cells);
    expect(after.names).toEqual(before.names);
    expect(after.sheets.filter((s) => s.name !== "ALM Sample Bank (2)")).toEqual(before.sheets);
    expect(wb.tables.filter((t) => t.name !== "ALMSampleBank2")).toEqual(tablesBefore);
    expect(wb.activeSheet).toBe("ALM Sample Bank (2)");
  });

  it("keeps the ledger of earlier writes and writes a second copy beside the first", async () => {
    const gw = createExcelGateway();
    expect((await gw.writeOutput(outputPlan(layoutInput))).ok).toBe(true);
    expect(await gw.writeSampleBank()).toMatchObject({ ok: true, value: { sheet: "ALM Sample Bank", table: "ALMSampleBank" } });
    expect(await gw.writeSampleBank()).toMatchObject({ ok: true, value: { sheet: "ALM Sample Bank (2)", table: "ALMSampleBank2" } });
    const ledger = readLedger(fake.current().wb.settings.get(SETTINGS.ledger));
    expect(Object.keys(ledger.sheets)).toEqual(["ALM Scenarios", "ALM Results", "ALM Sample Bank", "ALM Sample Bank (2)"]);
    expect(ledger.names.ALM_Curve.owner).toBe("ALM Scenarios");
    // A later Output write keeps the record of the sample sheets.
    expect((await gw.writeOutput(outputPlan({ ...layoutInput, currency: "USD" }))).ok).toBe(true);
    expect(readLedger(fake.current().wb.settings.get(SETTINGS.ledger)).tables?.map((t) => t.name)).toEqual(["ALMSampleBank", "ALMSampleBank2"]);
  });

  it("writes in chunks of at most the configured number of cells per sync", async () => {
    const { host } = fake.current();
    const start = host.syncs;
    expect((await createExcelGateway({ maxCellsPerSync: 1000 }).writeSampleBank()).ok).toBe(true);
    // About 6,000 cells at 1,000 per sync: the read, at least six chunk syncs, the table and ledger.
    expect(host.syncs - start).toBeGreaterThanOrEqual(8);
  });

  it("takes everything out again when any sync of the write fails", async () => {
    const { host } = fake.current();
    const start = host.syncs;
    await createExcelGateway({ maxCellsPerSync: 1500 }).writeSampleBank();
    const total = host.syncs - start;
    expect(total).toBeGreaterThan(4);
    for (let k = 2; k <= total; k++) {
      for (const afterOps of [0, 1, 5]) {
        await fake.reset();
        const { wb, host: h } = fake.current();
        wb.settings.set(SETTINGS.ledger, JSON.stringify({ version: 1, sheets: {}, names: {}, charts: [] }));
        const before = userView(wb);
        const tables = wb.tables.map((t) => ({ ...t }));
        const ledger = wb.settings.get(SETTINGS.ledger);
        h.failSync(k, afterOps);
        const res = await createExcelGateway({ maxCellsPerSync: 1500 }).writeSampleBank();
        h.faults = [];
        expect(res.ok).toBe(false);
        if (res.ok) continue;
        expect(res.error.code).toBe("WRITE_FAILED");
        expect(res.error.message).toMatch(/^Excel stopped the sample bank while .* \(The connection to Excel was lost \(injected fault\)\)\. The add-in took out the sheet 'ALM Sample Bank' it had added, so the workbook is as it was\.$/);
        expect(userView(wb)).toEqual(before);
        expect(wb.tables).toEqual(tables);
        expect(wb.settings.get(SETTINGS.ledger)).toEqual(ledger);
      }
    }
  });

  it("fails before writing anything when the first read fails, and says which sheet may be left when even the undo fails", async () => {
    const { host, wb } = fake.current();
    host.failSync(1, 0);
    expect(await createExcelGateway().writeSampleBank()).toEqual({ ok: false, error: expect.objectContaining({ code: "EXCEL_ERROR" }) });
    host.faults = [];
    expect(wb.sheet("ALM Sample Bank")).toBeUndefined();
    for (let k = 3; k < 12; k++) host.failSync(k, 1);
    const res = await createExcelGateway({ maxCellsPerSync: 1500 }).writeSampleBank();
    host.faults = [];
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code: "PARTIAL_WRITE", left: ["sheet 'ALM Sample Bank' (created by this write)"] }) });
  });
});

describe("gateway keeps the ledger small (fake Excel host)", () => {
  const raw = () => fake.current().wb.settings.get(SETTINGS.ledger) as string;

  it("records a sample-bank copy as the rectangles it wrote, a few hundred bytes, covering every cell it wrote", async () => {
    const gw = createExcelGateway();
    expect((await gw.writeSampleBank()).ok).toBe(true);
    expect(raw().length).toBeLessThan(1_000);
    expect((await gw.writeSampleBank()).ok).toBe(true);
    expect((await gw.writeOutput(outputPlan(layoutInput))).ok).toBe(true);
    const ledger = readLedger(raw());
    const outputOnly = JSON.stringify({ ...ledger, sheets: { "ALM Scenarios": ledger.sheets["ALM Scenarios"], "ALM Results": ledger.sheets["ALM Results"] }, tables: [] });
    expect(raw().length - outputOnly.length).toBeLessThan(2 * 1_000);
    const { wb } = fake.current();
    for (const sheet of ["ALM Sample Bank", "ALM Sample Bank (2)"]) {
      const boxes = (ledger.sheets[sheet].ranges ?? []).map((r) => parseBox(r) as Box);
      const typed = Object.keys(userView(wb).cells).filter((k) => k.startsWith(`'${sheet}'!`));
      expect(typed.length).toBeGreaterThan(2_000);
      const outside = typed.filter((k) => !boxes.some((b) => contains(b, parseCell(k.slice(k.indexOf("!") + 1)) as CellPos)));
      expect(outside).toEqual([]);
    }
  });

  it("drops a deleted sheet's record with the next write, changes nothing else, and does not own a sheet made again under its name", async () => {
    const gw = createExcelGateway();
    expect((await gw.writeOutput(outputPlan(layoutInput))).ok).toBe(true);
    expect((await gw.writeSampleBank()).ok).toBe(true);
    expect((await gw.writeSampleBank()).ok).toBe(true);
    const { wb } = fake.current();
    const before = readLedger(raw());
    const scenarios = before.sheets["ALM Scenarios"].cells;
    wb.deleteSheet("ALM Scenarios");
    wb.deleteSheet("ALM Sample Bank");
    // A write that does not touch those sheets saves the pruned record.
    expect((await gw.writeResultsSheet(resultsSheetLayout(layoutInput, {}))).ok).toBe(true);
    const after = readLedger(raw());
    expect(Object.keys(after.sheets)).toEqual(["ALM Results", "ALM Sample Bank (2)"]);
    expect(after.sheets["ALM Results"]).toEqual(before.sheets["ALM Results"]);
    expect(after.sheets["ALM Sample Bank (2)"]).toEqual(before.sheets["ALM Sample Bank (2)"]);
    expect(after.tables).toEqual([{ sheet: "ALM Sample Bank (2)", name: "ALMSampleBank2" }]);
    // The names still exist (showing #REF!), so they stay the add-in's; so do the charts.
    expect(after.names).toEqual(before.names);
    expect(after.charts).toEqual(before.charts);
    // Someone makes a sheet of the same name and types what the add-in had written there.
    const again = wb.addSheet("ALM Scenarios");
    for (const addr of ["A1", "B6"]) {
      const pos = parseCell(addr) as CellPos;
      wb.setInput(again, pos, scenarios[addr]);
    }
    const res = await gw.writeScenarioSheet(scenarioSheetLayout(layoutInput));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe("NEEDS_CONFIRMATION");
    expect(res.error.conflicts?.map((c) => [c.key, c.reason])).toEqual([
      ["'ALM Scenarios'!A1", "occupied"],
      ["'ALM Scenarios'!B6", "occupied"],
    ]);
  });

  it("drops charts and tables that were deleted, with the next write", async () => {
    const gw = createExcelGateway();
    expect((await gw.writeOutput(outputPlan(layoutInput))).ok).toBe(true);
    expect((await gw.writeSampleBank()).ok).toBe(true);
    const { wb } = fake.current();
    const results = wb.sheet("ALM Results")!;
    results.charts = results.charts.filter((c) => c.name !== "ALM DeltaEVE");
    wb.tables = wb.tables.filter((t) => t.name !== "ALMSampleBank");
    wb.names.delete("ALM_Tier1");
    expect((await gw.writeSampleBank()).ok).toBe(true);
    const l = readLedger(raw());
    // The deleted table's record is gone; its name was free again for the new copy.
    expect(l.tables).toEqual([{ sheet: "ALM Sample Bank (2)", name: "ALMSampleBank" }]);
    expect(l.names.ALM_Tier1).toBeUndefined();
    expect(l.names.ALM_Curve).toBeDefined();
    // The deleted chart's record is gone too: every write prunes the whole record the same way.
    expect(l.charts.map((c) => c.name)).toEqual(["ALM RepricingGap"]);
  });
});
