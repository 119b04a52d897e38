/**
 * The supervisory-grade rules of the IRRBB functions that the golden file does not pin down, through the
 * emulated Excel host: [behaviour] BASEL as the SRP31 multipliers on CPR and TDRR, the calibration and fx
 * tables' error messages, the MAX rows of ALM.OUTLIERTEST when nothing declines, and the [currency] of
 * ALM.CASHFLOWS and ALM.LIQUIDITYGAP. Expected values are written out by hand from the rules.
 */
import { excel, rejected } from "../helpers/excelHost";

type Spill = (...args: unknown[]) => Promise<any[][]>;
const { DELTAEVE, OUTLIERTEST, SHOCKSIZES, CASHFLOWS, LIQUIDITYGAP } = excel as Record<"DELTAEVE" | "OUTLIERTEST" | "SHOCKSIZES" | "CASHFLOWS" | "LIQUIDITYGAP", Spill>;

const AS_OF = "2026-01-01";
const CURVE = [[1, 0.03], [10, 0.035]];
/** A monthly annuity with 10 % CPR and a term deposit with 20 % TDRR. */
const book = (cpr: number, tdrr: number) => [
  ["Side", "Balance", "Rate", "Maturity", "Amortization", "Frequency", "CPR", "TDRR"],
  ["A", 1000, 0.04, "2036-01-01", "ANNUITY", 12, cpr, ""],
  ["L", 600, 0.02, "2029-01-01", "BULLET", 1, "", tdrr],
];

describe("ALM.DELTAEVE [behaviour]", () => {
  it("BASEL values each scenario with CPR and TDRR times the SRP31 multipliers (PARALLEL_UP 0.8 and 1.2, PARALLEL_DOWN 1.2 and 0.8)", async () => {
    const basel = await DELTAEVE(book(0.1, 0.2), AS_OF, CURVE, "USD", null, null, false, "BASEL");
    const input = await DELTAEVE(book(0.1, 0.2), AS_OF, CURVE, "USD", null, null, false, "INPUT");
    // The base row uses the table's own rates either way.
    expect(basel[0][1]).toBe(input[0][1]);
    // Each scenario row equals INPUT on a table whose rates carry that scenario's multipliers.
    const up = await DELTAEVE(book(0.08, 0.24), AS_OF, CURVE, "USD", null, null, false, "INPUT");
    const down = await DELTAEVE(book(0.12, 0.16), AS_OF, CURVE, "USD", null, null, false, "INPUT");
    expect(basel[1][1]).toBeCloseTo(up[1][1], 9);
    expect(basel[2][1]).toBeCloseTo(down[2][1], 9);
    expect(Math.abs(basel[1][1] - input[1][1])).toBeGreaterThan(0.01);
  });

  it("shows WORST as 0, with no scenario named, when no scenario loses (a book with no rate risk)", async () => {
    // An asset and a liability of the same amount and date: EVE is 0 in every scenario, so none loses.
    const book = [["Side", "Balance", "Rate", "Maturity"], ["A", 100, 0, "2028-01-01"], ["L", 100, 0, "2028-01-01"]];
    const flat = await DELTAEVE(book, AS_OF, CURVE, "USD", null, null, false);
    expect(flat.slice(1, 7).map((r) => r[2])).toEqual([0, 0, 0, 0, 0, 0]);
    expect(flat[7].slice(0, 3)).toEqual(["WORST", 0, 0]);
  });

  it("rejects any other behaviour, naming the argument", async () => {
    expect((await rejected(DELTAEVE(book(0, 0), AS_OF, CURVE, "USD", null, null, false, "STRESSED"))).message).toMatch(/^ALM\.DELTAEVE behaviour: .*"STRESSED".*INPUT, BASEL/);
  });
});

describe("the calibration argument: own shock sizes (SRP31.93)", () => {
  it("names the row and the column of a bad size, a repeated currency and a bad header", async () => {
    const table = (rows: unknown[][]) => [["Currency", "Parallel", "Short", "Long"], ...rows];
    expect((await rejected(SHOCKSIZES("NOK", table([["NOK", 200, -1, 100]])))).message).toMatch(/^ALM\.SHOCKSIZES calibration, row 2, column Short: got -1; expected a short-rate shock in basis points of 0 or more/);
    expect((await rejected(SHOCKSIZES("NOK", table([["NOK", 200, 250, 100], ["nok", 1, 1, 1]])))).message).toMatch(/row 3, column Currency: .*each currency once/);
    expect((await rejected(SHOCKSIZES("NOK", table([["NORWAY", 200, 250, 100]])))).message).toMatch(/row 2, column Currency: .*three-letter currency code/);
    expect((await rejected(SHOCKSIZES("NOK", [["Ccy", "P", "S", "L"], ["NOK", 1, 2, 3]]))).message).toMatch(/calibration: got a 2×4 range; expected a calibration name .* or a table with the header row Currency, Parallel, Short, Long/);
  });

  it("lists the currencies of an own table that lacks the one asked for", async () => {
    expect((await rejected(SHOCKSIZES("SEK", [["Currency", "Parallel", "Short", "Long"], ["NOK", 200, 250, 100], ["PLN", 1, 2, 3]]))).message).toMatch(/"SEK" is not a currency of the own shock sizes; valid currencies are NOK, PLN/);
  });
});

describe("ALM.OUTLIERTEST", () => {
  const gainOnly = [["Side", "Balance", "Rate", "Maturity"], ["L", 100, 0, "2031-01-01"]];

  it("matches its @example: a zero-coupon 100 in two years on 3 % loses 100·(e^−0.10 − e^−0.06) under PARALLEL_UP, 18.5 % of a Tier 1 of 20", async () => {
    const t = await OUTLIERTEST([["Balance", "Rate", "Maturity"], [100, 0, "2028-01-01"]], AS_OF, [["Tenor", "USD"], [1, 0.03]], 20, null, null, null, null, null, false);
    const delta = 100 * (Math.exp(-0.1) - Math.exp(-0.06));
    expect(t[0].slice(0, 3)).toEqual(["EVE", "PARALLEL_UP", expect.closeTo(delta, 9)]);
    expect(t[0][3]).toBeCloseTo(delta, 9);
    expect(t[0][4]).toBeCloseTo(delta / 20, 12);
    expect(t[0][5]).toBe("OUTLIER");
  });

  it("under the EU rule counts half of a gain, and its MAX rows are 0 with no scenario when nothing declines", async () => {
    const curves = [["Tenor", "USD"], [1, 0.03], [10, 0.03]];
    const bcbs = await OUTLIERTEST(gainOnly, AS_OF, curves, 1000, null, null, null, null, "BCBS", false);
    const eu = await OUTLIERTEST(gainOnly, AS_OF, curves, 1000, null, null, null, null, "EU", false);
    const t = 1826 / 365; // 2026-01-01 to 2031-01-01, Actual/365
    const up = -100 * (Math.exp(-0.05 * t) - Math.exp(-0.03 * t)); // a liability gains when rates rise
    expect(bcbs[0][2]).toBeCloseTo(up, 9);
    expect(bcbs[0][3]).toBe(0);
    expect(eu[0][3]).toBeCloseTo(0.5 * up, 9);
    // PARALLEL_DOWN is a loss on the liability: MAX EVE names it under both rules.
    expect(bcbs[8].slice(0, 2)).toEqual(["MAX EVE", "PARALLEL_DOWN"]);
    // The liability matures after the NII horizon at 0 %: no NII change, so MAX NII is 0 with no scenario.
    expect(eu[9]).toEqual(["MAX NII", "", 0, 0, 0, ""]);
  });

  it("names a bad fx rate and a currency column header that is not a code", async () => {
    const two = [["Balance", "Rate", "Maturity", "Currency"], [100, 0, "2028-01-01", "USD"], [100, 0, "2028-01-01", "EUR"]];
    const curves = [["Tenor", "USD", "EUR"], [1, 0.03, 0.02]];
    expect((await rejected(OUTLIERTEST(two, AS_OF, curves, 50, [["USD", 0], ["EUR", 1]])))).toEqual({ code: "#VALUE!", message: expect.stringMatching(/^ALM\.OUTLIERTEST fx, row 1, column Rate: got 0; expected units of the reporting currency per unit of the currency, above 0/) });
    expect((await rejected(OUTLIERTEST(two, AS_OF, [["Tenor", "USD", "Euro"], [1, 0.03, 0.02]], 50, [["USD", 1], ["EUR", 1]]))).message).toMatch(/^ALM\.OUTLIERTEST curves, row 1, column 3: .*"Euro".*currency code/);
  });
});

describe("[currency] of ALM.CASHFLOWS and ALM.LIQUIDITYGAP", () => {
  const mixed = [["Balance", "Rate", "Maturity", "Currency"], [1000, 0.05, "2027-01-01", "USD"], [500, 0.02, "2027-01-01", "JPY"]];

  it("take one currency's rows, and refuse the mixed table without it, listing the currencies", async () => {
    expect(await CASHFLOWS(mixed, AS_OF, null, null, false, null, "JPY")).toEqual([[expect.any(Number), 500, expect.closeTo(10, 9), expect.closeTo(510, 9)]]);
    const gap = await LIQUIDITYGAP(mixed, AS_OF, "ANNUAL", false, null, "USD");
    expect(gap[gap.length - 1][3]).toBeCloseTo(1050, 9);
    for (const call of [CASHFLOWS(mixed, AS_OF), LIQUIDITYGAP(mixed, AS_OF)]) expect((await rejected(call)).message).toMatch(/2 currencies \(USD, JPY\), which are never added together/);
  });
});
