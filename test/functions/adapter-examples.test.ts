/**
 * The `@example` of each adapter outside IRRBB (whose examples have their own tests), values derived by
 * hand here, called through the emulated Excel host (the built bundle, arguments marshalled as
 * functions.json declares them).
 */
import { fromYmd } from "../../src/engine/time/serialDate";
import { excel as f } from "../helpers/excelHost";

describe("adapter JSDoc examples", () => {
  it("gives the documented values for the curve functions", async () => {
    expect((await f.DISCOUNT([[1, 0.02], [5, 0.03]], 2, null))[0][0]).toBeCloseTo(Math.exp(-0.0225 * 2), 15);
    expect((await f.ZERO(0.03, 2, "ANNUAL", null))[0][0]).toBeCloseTo(Math.exp(0.03) - 1, 15);
    expect((await f.FWD([[1, 0.02], [5, 0.03]], 1, 5, null))[0][0]).toBeCloseTo(0.0325, 15);
    const boot = await f.BOOTSTRAP([[1], [2]], [[0.03], [0.04]], null, false);
    expect(boot[0]).toEqual([1, expect.closeTo(Math.log(1.03), 15)]);
    expect(boot[1]).toEqual([2, expect.closeTo(-Math.log((1 - 0.04 / 1.03) / 1.04) / 2, 15)]);
  });

  it("gives the documented values for the cash-flow analytics", async () => {
    const a = [[5], [105]];
    const d = [["2027-01-01"], ["2028-01-01"]];
    expect(await f.NPV(a, d, "2026-01-01", 0.05, null, null)).toBeCloseTo(100, 12);
    expect(await f.DURATION(a, d, "2026-01-01", 0.05, null, null, null)).toBeCloseTo((5 / 1.05 + (2 * 105) / 1.05 ** 2) / 100, 12);
    expect(await f.CONVEXITY(a, d, "2026-01-01", 0.05, null, null, null)).toBeCloseTo((5 * 1 * 2 * 1.05 ** -3 + 105 * 2 * 3 * 1.05 ** -4) / 100, 12);
    expect(await f.BPV([[100]], [["2028-01-01"]], "2026-01-01", 0, 0, null)).toBeCloseTo(100 * Math.sinh(0.0002), 14);
    const krd = (await f.KRD([[100]], [["2028-01-01"]], "2026-01-01", 0.03, [[1], [3]], false)) as number[][];
    for (const row of krd) expect(row[1]).toBeCloseTo(Math.sinh(1e-4) / 1e-4, 12);
    expect(await f.DGAP(4, 2, 100, -90)).toBeCloseTo(2.2, 15);
    expect(await f.CASHFLOWS([["Balance", "Rate", "Maturity"], [1000, 0.05, "2027-01-01"]], "2026-01-01", null, null, false)).toEqual([[fromYmd(2027, 1, 1), 1000, expect.closeTo(50, 12), expect.closeTo(1050, 12)]]);
  });

  it("gives the documented values for the gap functions", async () => {
    expect((await f.BUCKETS(null, null, false))[9]).toEqual(["3Y-4Y", 3, 4, 3.5]);
    expect((await f.GAP([[100], [-40]], [["2026-01-02"], ["2026-06-30"]], "2026-01-01", "MONTHLY", null, null)).slice(-1)).toEqual([["Total", "", "", 100, 40, 60, ""]]);
    const positions = [["Balance", "Rate", "Maturity"], [1000, 0.05, "2027-01-01"]];
    const repricing = (await f.REPRICINGGAP(positions, "2026-01-01", "ANNUAL", false)) as unknown[][];
    expect(repricing[0].slice(0, 1).concat(repricing[0].slice(3, 4))).toEqual(["0Y-1Y", 1000]);
    expect((await f.LIQUIDITYGAP(positions, "2026-01-01", "ANNUAL", false))[0][3]).toBe(1050);
    const nmd = (await f.NMD(1000, "NMD_WHOLESALE", 0.5, 1, [[1], [2]], false)) as unknown[][];
    expect(nmd.map((r) => r.slice(3))).toEqual([[500, 250, 750], [0, 250, 250], [0, 0, 0], [500, 500, 1000]]);
  });

  it("gives the documented text for ALM.VERSION", async () => {
    expect(await f.VERSION()).toMatch(/^ALM add-in 0\.1\.0; shock calibrations: BCBS2024 \(BCBS d578 \/ SRP31\.90 from 2026-01-01, 21 currencies\); /);
  });
});
