/** ALM.DISCOUNT, ZERO, FWD and VERSION, called through the emulated Excel host (the built bundle, arguments marshalled as functions.json declares them). */
import { PRODUCT_VERSION } from "../../src/version";
import { readFileSync } from "fs";
import { excel, rejected } from "../helpers/excelHost";

const { DISCOUNT, ZERO, FWD, VERSION } = excel;

const curve = [[1, 0.02], [5, 0.03]];

describe("ALM.DISCOUNT", () => {
  it("returns a 2×1 array of discount factors under linear zero interpolation for a 2×1 range of times", async () => {
    const out = await DISCOUNT(curve, [[2], [3]], null);
    expect(out).toHaveLength(2);
    expect(out[0][0]).toBeCloseTo(Math.exp(-0.0225 * 2), 15);
    expect(out[1][0]).toBeCloseTo(Math.exp(-0.025 * 3), 15);
  });

  it("accepts a single number, tenor text, a header row and a flat-rate curve", async () => {
    expect((await DISCOUNT([["Tenor", "Zero"], ["1Y", 0.02], ["5Y", 0.03]], "18M", null))[0][0]).toBeCloseTo(Math.exp(-0.02125 * 1.5), 15);
    expect((await DISCOUNT(0.04, 2, null))[0][0]).toBeCloseTo(Math.exp(-0.08), 15);
    expect((await DISCOUNT([[0.04]], [[2]], null))[0][0]).toBeCloseTo(Math.exp(-0.08), 15);
  });

  it("keeps the shape of a 2×3 range of times, with blank cells blank", async () => {
    const out = await DISCOUNT(curve, [[1, 2, null], ["", 5, "5Y"]], "LOGLINEAR");
    expect(out.map((r: unknown[]) => r.length)).toEqual([3, 3]);
    expect(out[0][2]).toBe("");
    expect(out[1][0]).toBe("");
    expect(out[1][1]).toBeCloseTo(Math.exp(-0.15), 15);
  });

  it("ignores fully blank curve rows, so a curve can be given as a whole-column range", async () => {
    expect((await DISCOUNT([[1, 0.02], [null, null], [5, 0.03], ["", ""]], 2, null))[0][0]).toBeCloseTo(Math.exp(-0.045), 15);
  });

  it("gives #VALUE! naming the curve row when tenors are not increasing", async () => {
    const e = await rejected(DISCOUNT([[5, 0.02], [1, 0.03]], 1, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/ALM\.DISCOUNT curve, row 2: .*strictly increasing/);
  });

  it("gives #VALUE! naming the curve row and column when a rate is text", async () => {
    const e = await rejected(DISCOUNT([[1, 0.02], [5, "3%"]], 1, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/curve, row 2, column zero rate: got the text "3%"/);
  });

  it("gives #VALUE! for a tenor that is not a tenor, and for a half-filled curve row", async () => {
    expect((await rejected(DISCOUNT([[1, 0.02], ["soon", 0.03]], 1, null))).message).toMatch(/curve, row 2, column tenor/);
    expect((await rejected(DISCOUNT([[1, 0.02], [5, null]], 1, null))).message).toMatch(/curve, row 2: this row is only partly filled/);
  });

  it("gives #VALUE! listing the valid interpolations for an unknown name", async () => {
    const e = await rejected(DISCOUNT(curve, 1, "SPLINE"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/interpolation: .*"SPLINE".*LINEAR, LOGLINEAR, CUBIC/);
  });

  it("gives #VALUE! for a curve range that is not two columns, and for an empty curve", async () => {
    expect((await rejected(DISCOUNT([[1, 0.02, 3]], 1, null))).message).toMatch(/expected a number or two columns/);
    expect((await rejected(DISCOUNT([[null, null]], 1, null))).message).toMatch(/holds no pillars/);
    // The curve left out in the middle of the argument list (=ALM.DISCOUNT(, 1)), and given an empty cell.
    expect((await rejected(DISCOUNT(null, 1, null))).message).toMatch(/ALM\.DISCOUNT curve: a value is required/);
    expect((await rejected(DISCOUNT([[null]], 1, null))).message).toMatch(/ALM\.DISCOUNT curve: a value is required/);
  });

  it("puts a #VALUE! element, naming the row, in the cell of a bad time and keeps the others", async () => {
    const out = await DISCOUNT(curve, [[2], ["x"], [-1]], null);
    expect(out[0][0]).toBeCloseTo(Math.exp(-0.045), 15);
    expect(out[1][0]).toMatchObject({ code: "#VALUE!" });
    expect((out[1][0] as { message: string }).message).toMatch(/ALM\.DISCOUNT t, row 2/);
    expect((out[2][0] as { message: string }).message).toMatch(/ALM\.DISCOUNT t, row 3: got -1/);
  });

  it("rejects a ragged range", async () => {
    expect((await rejected(DISCOUNT(curve, [[1, 2], [3]], null))).message).toMatch(/row 2: has 1 cells but row 1 has 2/);
  });
});

describe("ALM.ZERO", () => {
  it("converts the continuous zero rate to annual, semiannual, quarterly, monthly and simple compounding", async () => {
    const z = 0.0225;
    const t = 2;
    expect((await ZERO(curve, t, null, null))[0][0]).toBeCloseTo(z, 15);
    expect((await ZERO(curve, t, "ANNUAL", null))[0][0]).toBeCloseTo(Math.exp(z) - 1, 15);
    expect((await ZERO(curve, t, "semiannual", null))[0][0]).toBeCloseTo(2 * (Math.exp(z / 2) - 1), 15);
    expect((await ZERO(curve, t, "QUARTERLY", null))[0][0]).toBeCloseTo(4 * (Math.exp(z / 4) - 1), 15);
    expect((await ZERO(curve, t, "MONTHLY", null))[0][0]).toBeCloseTo(12 * (Math.exp(z / 12) - 1), 15);
    expect((await ZERO(curve, t, "SIMPLE", null))[0][0]).toBeCloseTo((Math.exp(z * t) - 1) / t, 15);
  });

  it("gives #VALUE! listing the compoundings for an unknown one", async () => {
    expect((await rejected(ZERO(curve, 1, "DAILY", null))).message).toMatch(/compounding: .*CONTINUOUS, ANNUAL, SEMIANNUAL, QUARTERLY, MONTHLY, SIMPLE/);
  });

  it("applies the interpolation argument", async () => {
    expect((await ZERO([[1, 0.02], [2, 0.03], [5, 0.025]], 1.5, null, "CUBIC"))[0][0]).not.toBeCloseTo(0.025, 6);
    expect((await ZERO([[1, 0.02], [2, 0.03], [5, 0.025]], 1.5, null, "LINEAR"))[0][0]).toBeCloseTo(0.025, 15);
  });
});

describe("ALM.FWD", () => {
  it("returns (z2·t2 − z1·t1)/(t2 − t1)", async () => {
    expect((await FWD(curve, 1, 5, null))[0][0]).toBeCloseTo((0.03 * 5 - 0.02) / 4, 15);
  });

  it("pairs a range of t1 with one t2", async () => {
    const out = await FWD(0.03, [[1], [2]], 3, null);
    expect(out).toEqual([[expect.closeTo(0.03, 15)], [expect.closeTo(0.03, 15)]]);
  });

  it("gives a #VALUE! element when t2 is not after t1, and a thrown #VALUE! for mismatched shapes", async () => {
    expect(((await FWD(curve, [[3]], [[2]], null))[0][0] as { code: string }).code).toBe("#VALUE!");
    expect((await rejected(FWD(curve, [[1], [2]], [[3], [4], [5]], null))).message).toMatch(/ALM\.FWD t2: is 3×1 but t1 is 2×1/);
  });

  it("names the function and the cell of t2 in a #VALUE! element when t2 is not after t1", async () => {
    const out = await FWD(curve, [[1], [3]], [[2], [2]], null);
    expect(out[0][0]).toBeCloseTo((0.0225 * 2 - 0.02) / 1, 15);
    expect(out[1][0]).toMatchObject({ code: "#VALUE!", message: "ALM.FWD t2, row 2: t2 (2) must be after t1 (3)" });
  });
});

describe("ALM.VERSION", () => {
  it("names the product version, which is package.json's", async () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8"));
    expect(PRODUCT_VERSION).toBe(pkg.version);
    expect(await VERSION()).toContain(`ALM add-in ${pkg.version}`);
  });

  it("lists the three shock calibrations with their sources and currency counts (21 BCBS, 27 EU)", async () => {
    const text = await VERSION();
    expect(text).toContain("BCBS2024 (BCBS d578 / SRP31.90 from 2026-01-01, 21 currencies)");
    expect(text).toContain("BCBS2016 (BCBS d368 Annex 2, 21 currencies)");
    expect(text).toContain("EU (Delegated Regulation (EU) 2024/856 Annex A, 27 currencies)");
  });
});
