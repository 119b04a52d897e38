/**
 * ALM.EVE, ALM.DELTAEVE and ALM.STANDARDEVE as Excel calls them: through the emulated Excel host (the
 * built bundle, arguments marshalled as functions.json declares them). Reference values: QuantLib
 * (test/golden/irrbb-eve-quantlib.json, scripts/golden/irrbb_eve_quantlib.py) and hand computations.
 */
import * as fs from "fs";
import * as path from "path";
import { functionsById } from "../../src/functions/index";
import { HostError, excel, rejected } from "../helpers/excelHost";

/** What a table function spills, typed as loosely as `functionsById` typed it (cells may be errors). */
type Spill = (...args: unknown[]) => Promise<any[][]>;
type Single = (...args: unknown[]) => Promise<number>;
const { EVE } = excel as Record<"EVE", Single>;
const { DELTAEVE, STANDARDEVE, SHOCK } = excel as Record<"DELTAEVE" | "STANDARDEVE" | "SHOCK", Spill>;


interface Golden {
  as_of_iso: string;
  positions: unknown[][];
  /** The book's repricing flows net by day (QuantLib-built), days after as_of. */
  daily_flows: { days: number; amount: number }[];
  cases: {
    id: string;
    currency: string;
    calibration: string;
    floor: string | number;
    pillars: { t: number; zero: number }[];
    scenarios: { scenario: string; eve: number; delta: number }[];
  }[];
}
const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "../golden/irrbb-eve-quantlib.json"), "utf8")) as Golden;
const relative = (a: unknown, b: number) => Math.abs((a as number) - b) / Math.abs(b);

const ZERO_COUPON = [["Balance", "Rate", "Maturity"], [100, 0, "2028-01-01"]];
const AS_OF = "2026-01-01";

describe("ALM.EVE against QuantLib", () => {
  test.each(golden.cases.flatMap((c) => c.scenarios.map((s) => [c.id, s.scenario, c, s] as const)))("%s %s agrees to 1e-10 relative", async (_id, name, c, s) => {
    const curve = c.pillars.map((p) => [p.t, p.zero]);
    const scenario = name === "BASE" ? null : name;
    expect(relative(await EVE(golden.positions, golden.as_of_iso, curve, scenario, c.currency, c.calibration, c.floor), s.eve)).toBeLessThan(1e-10);
  });
});

describe("ALM.DELTAEVE against QuantLib", () => {
  test.each(golden.cases.map((c) => [c.id, c] as const))("%s: every row agrees and WORST names the most negative ΔEVE", async (_id, c) => {
    const curve = [["Tenor", "Zero rate"], ...c.pillars.map((p) => [p.t, p.zero])];
    const out = await DELTAEVE(golden.positions, golden.as_of_iso, curve, c.currency, c.calibration, c.floor, null);
    expect(out[0]).toEqual(["Scenario", "EVE", "ΔEVE", "ΔEVE % of base"]);
    expect(out.map((r) => r[0]).slice(1, 8)).toEqual(c.scenarios.map((s) => s.scenario));
    const base = c.scenarios[0].eve;
    c.scenarios.forEach((s, i) => {
      const row = out[i + 1];
      expect(relative(row[1], s.eve)).toBeLessThan(1e-10);
      expect(Math.abs((row[2] as number) - s.delta)).toBeLessThan(1e-10 * base);
      expect(Math.abs((row[3] as number) - s.delta / Math.abs(base))).toBeLessThan(1e-12);
    });
    const worst = c.scenarios.slice(1).reduce((a, b) => (b.delta < a.delta ? b : a));
    expect(out[8][0]).toBe(`WORST (${worst.scenario})`);
    expect(Math.abs((out[8][2] as number) - worst.delta)).toBeLessThan(1e-10 * base);
  });
});

describe("ALM.EVE", () => {
  const curve = [[0.25, 0.041], [1, 0.04], [2, 0.038], [5, 0.037], [10, 0.039], [30, 0.041]];

  it("matches its @example: a zero-coupon 100 due in two years on a flat 3 % curve is worth 100·e^(−0.06)", async () => {
    expect(await EVE(ZERO_COUPON, AS_OF, 0.03, null, null, null, null)).toBeCloseTo(100 * Math.exp(-0.06), 12);
  });

  it("on a standard scenario discounts each flow at the rate ALM.SHOCK gives at that flow's own tenor", async () => {
    const flows = golden.daily_flows.map((f) => ({ t: f.days / 365, amount: f.amount }));
    const tenors = flows.map((f) => [f.t]);
    const cases: [unknown, string, string, string | null, string | null][] = [
      [curve, "STEEPENER", "USD", null, null],
      [curve, "SHORT_UP", "USD", null, null],
      [curve, "PARALLEL_DOWN", "USD", null, null],
      [[[0, -0.01], [10, 0.01]], "PARALLEL_DOWN", "EUR", "EU", "EU"],
      [0.03, "FLATTENER", "USD", null, "ZERO"],
    ];
    for (const [c, scenario, currency, calibration, floor] of cases) {
      const shocked = (await SHOCK(c, scenario, currency, calibration, floor, false, tenors)) as number[][];
      const expected = flows.reduce((sum, f, j) => sum + f.amount * Math.exp(-shocked[j][1] * f.t), 0);
      expect(relative(await EVE(golden.positions, golden.as_of_iso, c, scenario, currency, calibration, floor), expected)).toBeLessThan(1e-12);
    }
  });

  it("takes a parallel shift in bp and a shift curve range", async () => {
    expect(await EVE(ZERO_COUPON, AS_OF, 0.03, 100, null, null, null)).toBeCloseTo(100 * Math.exp(-0.08), 12);
    expect(await EVE(ZERO_COUPON, AS_OF, 0.03, [[1, 0], [3, 100]], null, null, null)).toBeCloseTo(100 * Math.exp(-(0.03 + 0.005) * 2), 12);
  });

  it("counts only the rows of the currency when the table has a Currency column", async () => {
    const table = [["Balance", "Rate", "Maturity", "Currency"], [100, 0, "2028-01-01", "USD"], [500, 0, "2027-01-01", "EUR"]];
    expect(await EVE(table, AS_OF, 0.03, null, "USD", null, null)).toBeCloseTo(100 * Math.exp(-0.06), 12);
    expect(await EVE(table, AS_OF, 0.03, null, "EUR", null, null)).toBeCloseTo(500 * Math.exp(-0.03), 10);
    // Without a currency, amounts in two currencies are never added.
    expect((await rejected(EVE(table, AS_OF, 0.03, null, null, null, null))).message).toMatch(/ALM\.EVE positions: the table holds amounts in 2 currencies \(USD, EUR\), which are never added together/);
  });

  it("gives #VALUE! for a standard scenario without a currency, and for an unknown currency", async () => {
    expect((await rejected(EVE(ZERO_COUPON, AS_OF, 0.03, "SHORT_UP", null, null, null))).message).toMatch(/ALM\.EVE scenario: the standard scenario SHORT_UP needs a currency/);
    expect((await rejected(EVE(ZERO_COUPON, AS_OF, 0.03, "SHORT_UP", "ABC", null, null))).message).toMatch(/ALM\.EVE currency: the text "ABC" is not a currency .*valid currencies are ARS/);
  });

  it("gives #VALUE! naming the argument for a bad as_of, a missing positions column and an unknown floor", async () => {
    expect((await rejected(EVE(ZERO_COUPON, "tomorrow", 0.03, null, null, null, null))).message).toMatch(/ALM\.EVE as_of: got the text "tomorrow"/);
    expect((await rejected(EVE([["Balance", "Maturity"], [100, "2028-01-01"]], AS_OF, 0.03, null, null, null, null))).message).toMatch(/ALM\.EVE positions: the required column "Rate" is missing/);
    expect((await rejected(EVE(ZERO_COUPON, AS_OF, 0.03, 100, null, null, "FLOORED"))).message).toMatch(/ALM\.EVE floor: the text "FLOORED" is not a floor/);
    expect((await rejected(EVE(ZERO_COUPON, AS_OF, "3%", null, null, null, null))).code).toBe("#VALUE!");
  });
});

describe("ALM.DELTAEVE", () => {
  it("matches its @example: PARALLEL_UP ΔEVE of the two-year zero-coupon is 100·(e^(−0.10) − e^(−0.06))", async () => {
    const out = await DELTAEVE(ZERO_COUPON, AS_OF, 0.03, "USD", null, null, null);
    expect(out[1]).toEqual(["BASE", out[1][1], 0, 0]);
    expect(out[2][0]).toBe("PARALLEL_UP");
    expect(out[2][2]).toBeCloseTo(100 * (Math.exp(-0.1) - Math.exp(-0.06)), 12);
    expect(out[8][0]).toBe("WORST (PARALLEL_UP)");
  });

  it("drops the header row with headers FALSE, leaving BASE, six scenarios and WORST", async () => {
    expect((await DELTAEVE(ZERO_COUPON, AS_OF, 0.03, "USD", null, null, false)).map((r) => r[0])).toEqual([
      "BASE", "PARALLEL_UP", "PARALLEL_DOWN", "STEEPENER", "FLATTENER", "SHORT_UP", "SHORT_DOWN", "WORST (PARALLEL_UP)",
    ]);
  });

  it("shows #NUM! in the % column when the base EVE is zero", async () => {
    const out = await DELTAEVE([["Balance", "Rate", "Maturity"]], AS_OF, 0.03, "USD", null, null, false);
    expect(out[0][1]).toBe(0);
    expect((out[0][3] as HostError).code).toBe("#NUM!");
    expect((out[1][3] as HostError).code).toBe("#NUM!");
    // Excel shows no message for #NUM!, so the host drops it: the message is checked on the function itself.
    const direct = functionsById.DELTAEVE([["Balance", "Rate", "Maturity"]], AS_OF, 0.03, "USD", null, null, false);
    expect((direct[1][3] as unknown as { message: string }).message).toMatch(/ALM\.DELTAEVE: the base EVE is zero/);
  });

  it("gives #VALUE! for a missing or unknown currency", async () => {
    // A formula cannot leave out the required currency (Excel refuses it): here it is an empty cell.
    expect((await rejected(DELTAEVE(ZERO_COUPON, AS_OF, 0.03, [[null]], null, null, null))).message).toMatch(/ALM\.DELTAEVE currency: a value is required/);
    expect((await rejected(DELTAEVE(ZERO_COUPON, AS_OF, 0.03, "RON", "BCBS2024", null, null))).message).toMatch(/"RON" is not a currency of the BCBS2024 shock table/);
    expect(await DELTAEVE(ZERO_COUPON, AS_OF, 0.03, "RON", "EU", null, false)).toHaveLength(8);
  });
});

describe("ALM.STANDARDEVE", () => {
  const e = (t: number) => Math.exp(-t / 4);

  it("matches its @example: BASE EVE of a zero-coupon in the 1.5Y–2Y bucket is 100·e^(−0.03·1.75)", async () => {
    const out = await STANDARDEVE(ZERO_COUPON, AS_OF, 0.03, "USD", null, null, null, null);
    expect(out[0]).toEqual(["Scenario", "EVE", "EVE loss", "% of Tier 1"]);
    expect(out[1][1]).toBeCloseTo(100 * Math.exp(-0.0525), 12);
    expect(out[1][3]).toBe("");
  });

  it("discounts at the midpoint with the shocked rate and reports loss = base − scenario", async () => {
    const out = await STANDARDEVE(ZERO_COUPON, AS_OF, 0.03, "USD", null, null, null, false);
    const base = 100 * Math.exp(-0.03 * 1.75);
    const shortUp = 100 * Math.exp(-(0.03 + 0.03 * e(1.75)) * 1.75);
    expect(out[5][0]).toBe("SHORT_UP");
    expect(out[5][1]).toBeCloseTo(shortUp, 12);
    expect(out[5][2]).toBeCloseTo(base - shortUp, 12);
    expect(out[7][0]).toBe("MAX (PARALLEL_UP)");
    expect(out[7][2]).toBeCloseTo(base - 100 * Math.exp(-0.05 * 1.75), 12);
  });

  it("with tier1 gives each loss as a share of Tier 1 and flags an outlier above 15 %", async () => {
    const base = 100 * Math.exp(-0.03 * 1.75);
    const maxLoss = base - 100 * Math.exp(-0.05 * 1.75);
    const flagged = await STANDARDEVE(ZERO_COUPON, AS_OF, 0.03, "USD", null, null, 20, false);
    expect(flagged[0][3]).toBe(0);
    expect(flagged[1][3]).toBeCloseTo(maxLoss / 20, 12);
    expect(flagged[7][0]).toBe("MAX (PARALLEL_UP) OUTLIER");
    expect(flagged[7][3]).toBeCloseTo(maxLoss / 20, 12);
    const calm = await STANDARDEVE(ZERO_COUPON, AS_OF, 0.03, "USD", null, null, 100, false);
    expect(calm[7][0]).toBe("MAX (PARALLEL_UP)");
  });

  it("reports MAX 0 without a scenario when no scenario loses", async () => {
    const liability = [["Balance", "Rate", "Maturity"], [-100, 0, "2028-01-01"]];
    const out = await STANDARDEVE(liability, AS_OF, 0, "USD", null, "ZERO", null, false);
    expect(out[7][0]).toBe("MAX");
    expect(out[7][2]).toBe(0);
    expect(out[7][1]).toBe(out[0][1]);
  });

  it("gives #VALUE! for a Tier 1 that is not positive, and for a missing currency", async () => {
    expect((await rejected(STANDARDEVE(ZERO_COUPON, AS_OF, 0.03, "USD", null, null, -5, null))).message).toMatch(/ALM\.STANDARDEVE tier1: got -5; expected a positive Tier 1/);
    expect((await rejected(STANDARDEVE(ZERO_COUPON, AS_OF, 0.03, "", null, null, null, null))).message).toMatch(/ALM\.STANDARDEVE currency: a value is required/);
    expect((await rejected(STANDARDEVE(ZERO_COUPON, AS_OF, 0.03, "XXX", null, null, null, null))).message).toMatch(/valid currencies are/);
  });
});
