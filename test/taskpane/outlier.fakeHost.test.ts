/**
 * A book in two currencies, end to end through the pane's own code and the fake Excel host: the
 * gateway reads the sample bank's USD and EUR positions and their curves by currency, the wizard's
 * checks turn the setup into a layout, the gateway writes ALM.OUTLIERTEST and one ALM.DELTAEVE per
 * currency as live formulas, and the fake workbook calculates them through the shipped functions.js as
 * functions.json declares them. The spilled outlier table is read back through the gateway and checked
 * against the per-currency ΔEVE tables the same write put beside it.
 */
import { BASEL_SCENARIOS } from "../../src/engine/irrbb/scenarios";
import { toIso } from "../../src/engine/time/serialDate";
import { FX_TO_REPORTING, SAMPLE_AS_OF, SAMPLE_CURVES, SAMPLE_POSITIONS, SAMPLE_TIER1 } from "../../src/sample/sampleBank";
import { checkSetup } from "../../src/taskpane/domain/plan";
import { defaultSetup, type Setup } from "../../src/taskpane/domain/setup";
import { boxAddress } from "../../src/taskpane/excel/a1";
import { createExcelGateway, type RangeData } from "../../src/taskpane/excel/gateway";
import { RESULTS, SHEETS, outputPlan, planFormulas, sectionOffsets, type LayoutInput } from "../../src/taskpane/excel/sheetLayouts";
import { FakeWorkbook } from "../../scripts/fake-host/workbook";
import { layoutInput, shippedExcel, withFakeHost } from "./support/fakeHost";

/** The curves by currency, USD first (so the outlier table's columns are USD, EUR). */
const CURVES: (string | number)[][] = [["Tenor", "USD", "EUR"], ...SAMPLE_CURVES.USD.slice(1).map(([tenor, usd], i) => [tenor, usd, SAMPLE_CURVES.EUR[i + 1][1]])];

function twoCurrencyWorkbook(): FakeWorkbook {
  const wb = new FakeWorkbook(shippedExcel());
  const fill = (name: string, rows: readonly (readonly (string | number)[])[]) => {
    const sheet = wb.addSheet(name);
    rows.forEach((row, r) => row.forEach((v, c) => wb.setInput(sheet, { row: r, col: c }, v)));
  };
  fill("Book", SAMPLE_POSITIONS);
  wb.tables.push({ name: "Book", sheet: "Book", box: { top: 0, left: 0, bottom: SAMPLE_POSITIONS.length - 1, right: SAMPLE_POSITIONS[0].length - 1 } });
  fill("Curves", CURVES);
  void wb.calculate();
  return wb;
}

const fake = withFakeHost(twoCurrencyWorkbook);

jest.setTimeout(60_000);

function setupFor(): Setup {
  const s = defaultSetup();
  return {
    ...s,
    positions: { ...s.positions, sourceKind: "table", tableName: "Book", asOf: toIso(SAMPLE_AS_OF) },
    curve: { ...s.curve, curvesAddress: `Curves!A1:C${CURVES.length}` },
    fx: { reporting: "USD", sourceKind: "typed", rangeAddress: "", rates: { EUR: String(FX_TO_REPORTING.EUR) } },
    output: { ...s.output, tier1: String(SAMPLE_TIER1), outlierTest: true, method: "FULL", rule: "BCBS" },
  };
}

async function read<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Reads the setup's ranges through the gateway and checks it as the pane does: the layout to write. */
async function planned(setup: Setup): Promise<LayoutInput> {
  const gw = createExcelGateway();
  const positions: RangeData = await read(gw.readTable({ kind: "table", name: "Book" }));
  const curves: RangeData = await read(gw.readRange(setup.curve.curvesAddress));
  const check = checkSetup(setup, { positions, curve: null, curves });
  expect(check.issues.filter((i) => i.blocking)).toEqual([]);
  expect(check.book.currencies).toEqual(["USD", "EUR"]);
  if (!check.input) throw new Error("no layout input");
  return check.input;
}

describe("a two-currency outlier test written into the fake workbook", () => {
  it("writes ALM.OUTLIERTEST and one ALM.DELTAEVE per currency as live formulas over the names", async () => {
    const input = await planned(setupFor());
    const res = await createExcelGateway().writeOutput(outputPlan(input));
    expect(res.ok).toBe(true);
    const { wb } = fake.current();
    const results = wb.sheet(SHEETS.results)!;
    expect(wb.formulaOf(results, RESULTS.outlier.anchor)).toBe('=ALM.OUTLIERTEST(ALM_Positions,ALM_AsOf,ALM_Curves,ALM_Tier1,ALM_FX,"FULL","BCBS2024","NONE","BCBS")');
    const [usd, eur] = sectionOffsets(input, ["USD", "EUR"]);
    expect(wb.formulaOf(results, { row: RESULTS.deltaEve.anchor.row + usd.offset, col: 0 })).toBe(
      '=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,CHOOSECOLS(ALM_Curves,1,XMATCH("USD",TAKE(ALM_Curves,1))),"USD","BCBS2024","NONE")'
    );
    expect(wb.formulaOf(results, { row: RESULTS.deltaEve.anchor.row + eur.offset, col: 0 })).toBe(
      '=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,CHOOSECOLS(ALM_Curves,1,XMATCH("EUR",TAKE(ALM_Curves,1))),"EUR","BCBS2024","NONE")'
    );
    expect(Object.fromEntries([...wb.names].map(([n, v]) => [n, v.formula]))).toMatchObject({
      ALM_Positions: "=Book[#All]",
      ALM_Curves: `=Curves!$A$1:$C$${CURVES.length}`,
      ALM_FX: "='ALM Scenarios'!$D$5:$E$7",
      ALM_Tier1: "='ALM Scenarios'!$B$7",
    });
    expect(wb.names.has("ALM_Curve")).toBe(false);
    // The typed rates, the reporting currency at 1.
    const fx = await read(createExcelGateway().readRange("'ALM Scenarios'!D5:E7"));
    expect(fx.values).toEqual([["Currency", "Rate"], ["USD", 1], ["EUR", FX_TO_REPORTING.EUR]]);
  });

  it("reads back the spilled outlier table: each currency's ΔEVE in USD, the BCBS aggregate, % of Tier 1 and the flag", async () => {
    const input = await planned(setupFor());
    await createExcelGateway().writeOutput(outputPlan(input));
    const gw = createExcelGateway();
    const a = RESULTS.outlier.anchor;
    const table = (await read(gw.readRange(`'${SHEETS.results}'!${boxAddress({ top: a.row, left: a.col, bottom: a.row + 10, right: a.col + 6 })}`))).values;
    expect(table[0]).toEqual(["Measure", "Scenario", "USD", "EUR", "Aggregate", "% of Tier 1", "Outlier"]);
    expect(table.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ...BASEL_SCENARIOS.map((s) => ["EVE", s]),
      ["NII", "PARALLEL_UP"],
      ["NII", "PARALLEL_DOWN"],
      ["MAX EVE", expect.any(String)],
      ["MAX NII", expect.any(String)],
    ]);
    for (const row of table.slice(1)) for (const v of row.slice(2, 6)) expect(Number.isFinite(v)).toBe(true);

    // Each currency's column is that currency's ΔEVE (its own section, its own curve) in USD.
    const [usd, eur] = sectionOffsets(input, ["USD", "EUR"]);
    const deltaEve = async (offset: number) => {
      const top = RESULTS.deltaEve.anchor.row + offset;
      return (await read(gw.readRange(`'${SHEETS.results}'!${boxAddress({ top, left: 0, bottom: top + RESULTS.deltaEve.rows - 1, right: 3 })}`))).values;
    };
    const usdEve = await deltaEve(usd.offset);
    const eurEve = await deltaEve(eur.offset);
    BASEL_SCENARIOS.forEach((s, k) => {
      const row = table[1 + k];
      expect(usdEve[2 + k][0]).toBe(s);
      expect(eurEve[2 + k][0]).toBe(s);
      expect(row[2]).toBeCloseTo(usdEve[2 + k][2] as number, 4);
      expect(row[3]).toBeCloseTo((eurEve[2 + k][2] as number) * FX_TO_REPORTING.EUR, 4);
      // BCBS: the sum of the currencies' losses; gains count 0.
      const losses = Math.min(row[2] as number, 0) + Math.min(row[3] as number, 0);
      expect(row[4]).toBeCloseTo(losses, 4);
      expect(row[5]).toBeCloseTo(losses / SAMPLE_TIER1, 12);
      expect(row[6]).toBe(losses < -0.15 * SAMPLE_TIER1 ? "OUTLIER" : "");
    });
    // MAX EVE is the largest aggregate decline (0 when none declines).
    const worst = Math.min(0, ...table.slice(1, 7).map((r) => r[4] as number));
    expect(table[9][4]).toBeCloseTo(worst, 4);
  });

  it("calculates every formula it wrote without an error, and a second run changes nothing", async () => {
    const input = await planned(setupFor());
    const gw = createExcelGateway();
    const plan = outputPlan(input);
    await gw.writeOutput(plan);
    const { wb } = fake.current();
    const errors = wb
      .snapshot()
      .sheets.filter((s) => s.name === SHEETS.results || s.name === SHEETS.scenarios)
      .flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.error !== undefined || (typeof c.value === "string" && c.value.startsWith("#"))).map(([k, c]) => `${s.name}!${k}: ${c.value} ${c.error ?? ""}`));
    expect(errors).toEqual([]);
    // Every spill reserved is what its formula fills.
    for (const s of plan.sheets) {
      const sheet = wb.sheet(s.sheet)!;
      for (const spill of s.spills) expect({ at: spill.anchor, box: wb.spillRange(sheet, spill.anchor) }).toEqual({ at: spill.anchor, box: { top: spill.anchor.row, left: spill.anchor.col, bottom: spill.anchor.row + spill.rows - 1, right: spill.anchor.col + spill.cols - 1 } });
    }
    expect(planFormulas(plan).filter((f) => f.formula.startsWith("=ALM.SHOCK(CHOOSECOLS(ALM_Curves,1,XMATCH(\"EUR\""))).toHaveLength(BASEL_SCENARIOS.length);
    const before = wb.snapshot();
    expect((await gw.writeOutput(outputPlan(input))).ok).toBe(true);
    expect(wb.snapshot().sheets).toEqual(before.sheets);
  });

  it("replaces what a one-currency run wrote without asking: its names, cells and charts give way to the sections", async () => {
    const gw = createExcelGateway();
    // Last month's write: the USD book alone, on the USD column as its one curve.
    const usdOnly: LayoutInput = { ...layoutInput, positionsRef: "Book[#All]", asOf: SAMPLE_AS_OF, currency: "USD", curve: { kind: "range", ref: `Curves!$A$1:$B$${CURVES.length}`, pillarCount: CURVES.length - 1 } };
    expect((await gw.writeOutput(outputPlan(usdOnly))).ok).toBe(true);
    const { wb } = fake.current();
    expect(wb.names.has("ALM_Curve")).toBe(true);
    expect(wb.sheet(SHEETS.results)?.charts.map((c) => c.name)).toEqual(["ALM DeltaEVE", "ALM RepricingGap"]);

    const res = await gw.writeOutput(outputPlan(await planned(setupFor())));
    expect(res).toMatchObject({ ok: true });
    expect(wb.names.has("ALM_Curve")).toBe(false);
    expect(wb.names.has("ALM_Currency")).toBe(false);
    expect(wb.names.get("ALM_Curves")?.formula).toBe(`=Curves!$A$1:$C$${CURVES.length}`);
    expect(wb.sheet(SHEETS.results)?.charts.map((c) => c.name).sort()).toEqual(["ALM DeltaEVE EUR", "ALM DeltaEVE USD", "ALM RepricingGap EUR", "ALM RepricingGap USD"]);
    expect(wb.valueOf(wb.sheet(SHEETS.results)!, RESULTS.outlier.anchor)).toBe("Measure");
  });
});
