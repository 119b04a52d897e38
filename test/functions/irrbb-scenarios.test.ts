/**
 * ALM.SCENARIOS, ALM.SHOCKSIZES and ALM.SHOCK as Excel calls them: through the emulated Excel host (the
 * built bundle, arguments marshalled as functions.json declares them).
 */
import { excel, rejected } from "../helpers/excelHost";

/** What a table function spills, typed as loosely as `functionsById` typed it (cells may be errors). */
type Spill = (...args: unknown[]) => Promise<any[][]>;
const { SCENARIOS, SHOCKSIZES, SHOCK } = excel as Record<"SCENARIOS" | "SHOCKSIZES" | "SHOCK", Spill>;


const CURVE = [["Tenor", "Zero"], ["3M", 0.041], [1, 0.04], [2, 0.038], [5, 0.037], [10, 0.039], [30, 0.041]];
const TIMES = [0.25, 1, 2, 5, 10, 30];
const ZEROS = [0.041, 0.04, 0.038, 0.037, 0.039, 0.041];

describe("ALM.SCENARIOS", () => {
  it("lists the six Basel scenarios by default and the two parallel ones for NII", async () => {
    expect(await SCENARIOS(null)).toEqual([["PARALLEL_UP"], ["PARALLEL_DOWN"], ["STEEPENER"], ["FLATTENER"], ["SHORT_UP"], ["SHORT_DOWN"]]);
    expect(await SCENARIOS("nii")).toEqual([["PARALLEL_UP"], ["PARALLEL_DOWN"]]); // the @example
  });

  it("gives #VALUE! listing the valid sets for an unknown set", async () => {
    const e = await rejected(SCENARIOS("EU"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/ALM\.SCENARIOS set: .*valid choices are BASEL, NII/);
  });
});

describe("ALM.SHOCKSIZES", () => {
  it("returns the BCBS2024 sizes by default, with a header row: EUR 225/350/200 (the @example)", async () => {
    expect(await SHOCKSIZES("EUR", null, null)).toEqual([["Parallel", "Short", "Long"], [225, 350, 200]]);
  });

  it("returns spot values typed from the Basel and EU tables (docs/methodology/irrbb.md §1) for each calibration", async () => {
    expect(await SHOCKSIZES("IDR", "BCBS2016", false)).toEqual([[400, 500, 350]]);
    expect(await SHOCKSIZES("gbp", "BCBS2024", false)).toEqual([[275, 425, 250]]);
    expect(await SHOCKSIZES("HUF", "EU", false)).toEqual([[300, 450, 200]]);
    expect(await SHOCKSIZES("EUR", "EU", false)).toEqual([[200, 250, 100]]);
    expect(await SHOCKSIZES("MXN", "BCBS2024", false)).toEqual([[400, 500, 200]]);
  });

  it("gives #VALUE! listing the valid currencies for an unknown one, per calibration", async () => {
    const e = await rejected(SHOCKSIZES("BGN", "BCBS2024", null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/ALM\.SHOCKSIZES currency: the text "BGN" is not a currency of the BCBS2024 shock table; valid currencies are ARS, AUD, .*, USD, ZAR; for another currency give the bank's own shock sizes as calibration/);
    expect((await rejected(SHOCKSIZES("NOK", "EU", null))).message).toMatch(/valid currencies are ARS, AUD, BGN, .*RON, RUB/);
  });

  it("gives #VALUE! for a missing currency, a number as currency, and an unknown calibration", async () => {
    // A formula cannot leave out the required currency (Excel refuses it): here it is an empty cell.
    expect((await rejected(SHOCKSIZES([[null]], null, null))).message).toMatch(/ALM\.SHOCKSIZES currency: a value is required/);
    expect((await rejected(SHOCKSIZES(840, null, null))).message).toMatch(/currency: got 840; expected a currency code/);
    expect((await rejected(SHOCKSIZES("USD", "BCBS2020", null))).message).toMatch(/calibration: .*valid choices are BCBS2024, BCBS2016, EU/);
  });
});

describe("ALM.SHOCK", () => {
  it("shocks each pillar by the SRP31.91 formula, computed here independently (USD BCBS2024 steepener)", async () => {
    const out = await SHOCK(CURVE, "STEEPENER", "USD", null, null, null);
    expect(out[0]).toEqual(["Tenor", "Zero rate"]);
    expect(out.slice(1).map((r) => r[0])).toEqual(TIMES);
    TIMES.forEach((t, i) => {
      const bp = -0.65 * 300 * Math.exp(-t / 4) + 0.9 * 225 * (1 - Math.exp(-t / 4));
      expect(Math.abs((out[i + 1][1] as number) - (ZEROS[i] + bp / 1e4))).toBeLessThan(1e-15);
    });
  });

  it("matches its @example: SHORT_UP on {1, 3 %; 10, 3.5 %} in USD", async () => {
    const out = await SHOCK([[1, 0.03], [10, 0.035]], "SHORT_UP", "USD", null, null, false);
    expect(out[0][1]).toBeCloseTo(0.03 + 0.03 * Math.exp(-0.25), 15);
    expect(out[1][1]).toBeCloseTo(0.035 + 0.03 * Math.exp(-2.5), 15);
    expect(Number((out[0][1] as number).toFixed(7))).toBe(0.053364);
  });

  it("uses the calibration's sizes: EU EUR short down is −250 bp at t = 0", async () => {
    expect((await SHOCK([[0, 0.02], [5, 0.025]], "SHORT_DOWN", "EUR", "EU", null, false))[0][1]).toBeCloseTo(0.02 - 0.025, 15);
  });

  it("takes a number of bp as a parallel shift, without a currency", async () => {
    expect((await SHOCK(CURVE, -50, null, null, null, false)).map((r) => r[1])).toEqual(ZEROS.map((z) => z - 0.005));
  });

  it("takes a two-column range of tenor and shift in bp, linear between tenors and flat beyond the ends", async () => {
    const out = await SHOCK(CURVE, [["Tenor", "Shift"], ["1Y", 10], [5, 50]], null, null, null, false);
    const expectedBp = [10, 10, 20, 50, 50, 50];
    out.forEach((r, i) => expect(r[1]).toBeCloseTo(ZEROS[i] + expectedBp[i] / 1e4, 15));
  });

  it("lays a flat curve on the 19 Basel midpoints", async () => {
    const out = await SHOCK(0.03, "PARALLEL_UP", "JPY", null, null, false);
    expect(out).toHaveLength(19);
    expect(out[9][0]).toBe(3.5);
    expect(out[18]).toEqual([25, 0.04]);
  });

  it("applies the EU floor: min(−150 + 3t, 0) bp, or the unshocked rate where that is lower", async () => {
    const low = [[0, -0.02], [1, 0.001], [10, 0.01]];
    const out = await SHOCK(low, -200, null, null, "EU", false);
    expect(out[0][1]).toBe(-0.02);
    expect(out[1][1]).toBeCloseTo(-0.0147, 15);
    expect(out[2][1]).toBeCloseTo(-0.01, 15);
  });

  it("applies the ZERO floor and a numeric floor rate to shocked rates", async () => {
    const zero = await SHOCK([[1, 0.01], [5, 0.03]], -200, null, null, "ZERO", false);
    expect(zero[0][1]).toBe(0);
    expect(zero[1][1]).toBeCloseTo(0.01, 15);
    expect((await SHOCK([[1, 0.01], [5, 0.03]], -200, null, null, -0.0075, false))[0][1]).toBe(-0.0075);
  });

  it("gives #VALUE! when a standard scenario has no currency", async () => {
    const e = await rejected(SHOCK(CURVE, "PARALLEL_UP", null, null, null, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/ALM\.SHOCK scenario: the standard scenario PARALLEL_UP needs a currency/);
  });

  it("gives #VALUE! listing the valid currencies for an unknown currency", async () => {
    expect((await rejected(SHOCK(CURVE, "SHORT_UP", "XYZ", null, null, null))).message).toMatch(/ALM\.SHOCK currency: the text "XYZ" is not a currency of the BCBS2024 shock table; valid currencies are ARS/);
  });

  it("gives #VALUE! listing the scenarios for an unknown scenario name, and for a missing one", async () => {
    const e = await rejected(SHOCK(CURVE, "TWIST", "USD", null, null, null));
    expect(e.message).toMatch(/ALM\.SHOCK scenario: the text "TWIST" is not a scenario; expected one of PARALLEL_UP, PARALLEL_DOWN, STEEPENER, FLATTENER, SHORT_UP, SHORT_DOWN, BASE, a number/);
    // The required scenario is an empty cell (a formula cannot leave it out).
    expect((await rejected(SHOCK(CURVE, [[null]], "USD", null, null, null))).message).toMatch(/ALM\.SHOCK scenario: a value is required/);
  });

  it("gives #VALUE! for an unknown floor text, and for a floor that looks like basis points", async () => {
    expect((await rejected(SHOCK(CURVE, 100, null, null, "OSFI", null))).message).toMatch(/ALM\.SHOCK floor: the text "OSFI" is not a floor; expected NONE, EU, ZERO, or a number/);
    expect((await rejected(SHOCK(CURVE, 100, null, null, -75, null))).message).toMatch(/floor: -75 is not a floor/);
  });

  it("gives #VALUE! naming the row of a bad shift range", async () => {
    expect((await rejected(SHOCK(CURVE, [[1, 10], [0.5, 20]], null, null, null, null))).message).toMatch(/scenario, row 2: tenor 0.5 is not after the previous tenor 1/);
    expect((await rejected(SHOCK(CURVE, [[1, 10], [2, null]], null, null, null, null))).message).toMatch(/scenario, row 2: this row is only partly filled/);
    expect((await rejected(SHOCK(CURVE, [[1, 10], [2, "x"]], null, null, null, null))).message).toMatch(/scenario, row 2, column shift: got the text "x"/);
    expect((await rejected(SHOCK(CURVE, [[1, 10, 3]], null, null, null, null))).message).toMatch(/scenario: got a 1×3 range; expected a scenario name/);
    expect((await rejected(SHOCK(CURVE, [["Tenor", "Shift"]], null, null, null, null))).message).toMatch(/holds no shift points/);
  });

  it("gives #VALUE! for a bad curve, naming the curve argument", async () => {
    expect((await rejected(SHOCK([[5, 0.02], [1, 0.03]], 100, null, null, null, null))).message).toMatch(/ALM\.SHOCK curve, row 2: .*strictly increasing/);
  });
});
