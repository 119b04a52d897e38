/**
 * The demo computes what a workbook on the sample bank would show: every number in it is what the
 * ALM.* function returns for the same inputs, each table comes with a reading that agrees with it, and
 * a missing or failing function shows its error instead of crashing the demo.
 */
import { callFunction, computeDemo, renderDemo, type DemoFunction, type DemoSection } from "../../demo/demo";
import { makeExcelError } from "../../src/functions/excelError";
import { functionsById } from "../../src/functions/index";
import { SAMPLE_AS_OF, SAMPLE_CURRENCIES, SAMPLE_CURVES, SAMPLE_POSITIONS, SAMPLE_TIER1, FX_TO_REPORTING } from "../../src/sample/sampleBank";

const IDS: DemoFunction[] = ["REPRICINGGAP", "LIQUIDITYGAP", "DELTAEVE", "STANDARDEVE", "DELTANII"];
const byId = functionsById as unknown as Record<string, (...args: unknown[]) => unknown[][]>;
const report = computeDemo();
const section = (id: DemoFunction, currency: string) => report.sections.find((s) => s.id === id && s.currency === currency)!;
const table = (s: DemoSection) => (s.result as { table: unknown[][] }).table;

/** The book of one currency, built here from the raw sample table (not with the demo's helper). */
function book(currency: string): unknown[][] {
  const c = SAMPLE_POSITIONS[0].indexOf("Currency");
  return [SAMPLE_POSITIONS[0] as unknown[], ...SAMPLE_POSITIONS.slice(1).filter((r) => r[c] === currency).map((r) => [...r])];
}
const tier1 = (currency: string) => Math.round((SAMPLE_TIER1 / FX_TO_REPORTING[currency as "USD" | "EUR"]) * 100) / 100;

/** The direct call a workbook cell would make, with the same inputs as the demo. */
function direct(id: DemoFunction, currency: string): unknown[][] {
  const p = book(currency);
  const curve = SAMPLE_CURVES[currency as "USD" | "EUR"];
  switch (id) {
    case "REPRICINGGAP":
    case "LIQUIDITYGAP":
      return byId[id](p, SAMPLE_AS_OF, null, null);
    case "DELTAEVE":
      return byId[id](p, SAMPLE_AS_OF, curve, currency, null, null, null);
    case "STANDARDEVE":
      return byId[id](p, SAMPLE_AS_OF, curve, currency, null, null, tier1(currency), null);
    case "DELTANII":
      return byId[id](p, SAMPLE_AS_OF, curve, currency, null, null, null, null);
  }
}

const landed = IDS.filter((id) => typeof byId[id] === "function");

describe("the demo on the sample bank", () => {
  test("has one section per currency and function, in order, each with its formula", () => {
    expect(report.sections.map((s) => `${s.currency} ${s.id}`)).toEqual(SAMPLE_CURRENCIES.flatMap((c) => IDS.map((id) => `${c} ${id}`)));
    for (const s of report.sections) expect(s.formula).toMatch(new RegExp(`^=ALM\\.${s.id}\\(Positions_${s.currency}, AsOf`));
    expect(report.bank).toEqual({ name: "Sample Bank (illustrative)", asOf: "2026-09-30", positions: SAMPLE_POSITIONS.length - 1, tier1: SAMPLE_TIER1, reportingCurrency: "USD" });
  });

  test("the gap functions and the IRRBB functions are all available (else their sections are #NAME? errors)", () => {
    for (const s of report.sections) {
      if (landed.includes(s.id)) expect({ id: s.id, ok: s.result.ok }).toEqual({ id: s.id, ok: true });
      else expect(s.result).toMatchObject({ ok: false, code: "#NAME?" });
    }
    expect(landed).toEqual(expect.arrayContaining(["REPRICINGGAP", "LIQUIDITYGAP"]));
  });

  test.each(SAMPLE_CURRENCIES.flatMap((c) => landed.map((id) => [c, id] as const)))("%s %s: the table equals a direct functionsById call with the same inputs", (currency, id) => {
    expect(table(section(id, currency))).toEqual(direct(id, currency));
  });

  test("each table has its header row and the reading is non-empty", () => {
    const headers: Record<DemoFunction, string[]> = {
      REPRICINGGAP: ["Bucket", "From", "To", "Assets", "Liabilities", "Gap", "Cumulative gap"],
      LIQUIDITYGAP: ["Bucket", "From", "To", "Inflows", "Outflows", "Net", "Cumulative net"],
      DELTAEVE: ["Scenario", "EVE", "ΔEVE", "ΔEVE % of base"],
      STANDARDEVE: ["Scenario", "EVE", "EVE loss", "% of Tier 1"],
      DELTANII: ["Scenario", "NII", "ΔNII", "ΔNII % of base"],
    };
    for (const s of report.sections.filter((x) => x.result.ok)) {
      expect(table(s)[0]).toEqual(headers[s.id]);
      expect(s.reading.length).toBeGreaterThan(20);
    }
  });

  test("the ΔEVE reading names the scenario with the most negative ΔEVE and its share of Tier 1", () => {
    for (const c of SAMPLE_CURRENCIES.filter(() => landed.includes("DELTAEVE"))) {
      const rows = table(section("DELTAEVE", c)).slice(1, 7) as [string, number, number][];
      const worst = rows.reduce((a, b) => (b[2] < a[2] ? b : a));
      const pct = ((100 * worst[2]) / tier1(c)).toFixed(1).replace("-", "\u2212");
      expect(section("DELTAEVE", c).reading).toBe(`worst ΔEVE: ${worst[0].toLowerCase().replace("_", " ")}, ${(worst[2] / 1e6).toFixed(1).replace("-", "\u2212")} m ${c} = ${pct} % of Tier 1`);
    }
  });

  test("the standardised EVE reading states the MAX row's loss and the outlier test", () => {
    for (const c of SAMPLE_CURRENCIES.filter(() => landed.includes("STANDARDEVE"))) {
      const max = table(section("STANDARDEVE", c)).find((r) => String(r[0]).startsWith("MAX"))!;
      const reading = section("STANDARDEVE", c).reading;
      expect(reading).toContain(`${((max[2] as number) / 1e6).toFixed(1)} m ${c}`);
      expect(reading).toContain(`${(100 * (max[3] as number)).toFixed(1)} % of Tier 1`);
      expect(reading).toContain(String(max[0]).includes("OUTLIER") ? "above the 15 % outlier threshold" : "below the 15 % outlier threshold");
    }
  });

  test("the repricing-gap reading gives the cumulative gap at one year", () => {
    const rows = table(section("REPRICINGGAP", "USD"));
    const oneYear = rows.find((r) => r[0] === "9M-1Y")!;
    expect(section("REPRICINGGAP", "USD").reading).toContain(`${((oneYear[6] as number) / 1e6).toFixed(1).replace("-", "\u2212")} m USD`);
  });

  test("the bank-wide line sums the currencies' losses per scenario in USD, gains ignored", () => {
    if (!landed.includes("STANDARDEVE")) return;
    const totals = new Map<string, number>();
    for (const c of SAMPLE_CURRENCIES) {
      for (const r of table(section("STANDARDEVE", c)).slice(1, 7)) totals.set(String(r[0]), (totals.get(String(r[0])) ?? 0) + Math.max(0, r[2] as number) * FX_TO_REPORTING[c]);
    }
    const worst = Math.max(...totals.values());
    expect(report.summary).toHaveLength(1);
    expect(report.summary[0]).toContain(`${(worst / 1e6).toFixed(1)} m USD`);
  });

  test("renders aligned tables: every line of a table is as wide as its separator line", () => {
    const text = renderDemo(report);
    expect(text).toContain("=== USD book");
    const lines = text.split("\n");
    const separators = lines.map((l, i) => [l, i] as const).filter(([l]) => /^-+( +-+)+$/.test(l));
    expect(separators.length).toBe(report.sections.filter((s) => s.result.ok).length);
    for (const [sep, i] of separators) expect(lines[i - 1].length).toBeLessThanOrEqual(sep.length);
  });
});

describe("the demo when a function is missing or fails", () => {
  test("shows a missing function as #NAME? 'not available yet' and still computes the others", () => {
    const partial = computeDemo({ REPRICINGGAP: functionsById.REPRICINGGAP });
    expect(partial.sections.filter((s) => s.id === "REPRICINGGAP").map((s) => s.result.ok)).toEqual([true, true]);
    const missing = partial.sections.find((s) => s.id === "DELTAEVE")!;
    expect(missing.result).toEqual({ ok: false, code: "#NAME?", message: "ALM.DELTAEVE is not available yet in this build" });
    expect(partial.summary).toEqual([]);
    expect(renderDemo(partial)).toContain("#NAME? ALM.DELTAEVE is not available yet in this build");
  });

  test("prints a thrown Excel error's code and message in place of the table", () => {
    const failing = () => {
      throw makeExcelError("#VALUE!", "ALM.DELTANII positions, row 7, column Rate: got an empty cell");
    };
    const r = computeDemo({ ...functionsById, DELTANII: failing });
    expect(r.sections.find((s) => s.id === "DELTANII")!.result).toEqual({ ok: false, code: "#VALUE!", message: "ALM.DELTANII positions, row 7, column Rate: got an empty cell" });
    expect(renderDemo(r)).toContain("#VALUE! ALM.DELTANII positions, row 7, column Rate: got an empty cell");
  });

  test("turns a returned error value, a non-table or an unexpected exception into an error result", () => {
    expect(callFunction({ X: () => makeExcelError("#NUM!", "no convergence") }, "X", [])).toEqual({ ok: false, code: "#NUM!", message: "no convergence" });
    expect(callFunction({ X: () => 3 }, "X", [])).toMatchObject({ ok: false, code: "#VALUE!" });
    expect(callFunction({ X: () => { throw new Error("boom"); } }, "X", [])).toEqual({ ok: false, code: "#VALUE!", message: "ALM.X failed: boom" });
  });
});
