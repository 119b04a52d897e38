import { interpolatedCurve } from "../../../src/engine/curves/interpolatedCurve";
import { flatCurve } from "../../../src/engine/curves/yieldCurve";
import { applyFloor, euFloorRate } from "../../../src/engine/irrbb/floors";
import { FLAT_CURVE_TENORS, scenarioCurve, shockPillars, shockedCurve } from "../../../src/engine/irrbb/shock";

const USD = { parallel: 200, short: 300, long: 225 };
const PILLARS = { times: [0.25, 1, 2, 5, 10, 30], zeros: [0.041, 0.04, 0.038, 0.037, 0.039, 0.041] };

describe("floors (docs/methodology/irrbb.md §1)", () => {
  test("the EU floor is −150 bp at t = 0, rises 3 bp a year, and is 0 from 50 years", () => {
    expect(euFloorRate(0)).toBeCloseTo(-0.015, 16);
    expect(euFloorRate(10)).toBeCloseTo(-0.012, 16);
    expect(euFloorRate(50)).toBe(0);
    expect(euFloorRate(80)).toBe(0);
  });

  test("the EU floor binds a shocked rate below it, and is the unshocked rate where that is lower", () => {
    expect(applyFloor({ kind: "EU" }, 0, -0.02, 0.005)).toBeCloseTo(-0.015, 16);
    expect(applyFloor({ kind: "EU" }, 0, -0.04, -0.02)).toBe(-0.02);
    expect(applyFloor({ kind: "EU" }, 10, -0.005, 0.01)).toBe(-0.005);
  });

  test("ZERO and a number bind a shocked rate below them, and never lift one above its unshocked value", () => {
    expect(applyFloor({ kind: "ZERO" }, 3, -0.001, 0.004)).toBe(0);
    // max(shocked, min(floor, base)): a base of −0.4 % is the bound, so −0.1 % stays (no rise to 0 %).
    expect(applyFloor({ kind: "ZERO" }, 3, -0.001, -0.004)).toBe(-0.001);
    expect(applyFloor({ kind: "ZERO" }, 3, -0.006, -0.004)).toBe(-0.004);
    expect(applyFloor({ kind: "RATE", rate: -0.0075 }, 3, -0.02, 0.001)).toBe(-0.0075);
    expect(applyFloor({ kind: "RATE", rate: -0.0075 }, 3, -0.02, -0.01)).toBe(-0.01);
    expect(applyFloor({ kind: "RATE", rate: -0.0075 }, 3, 0.01, -0.01)).toBe(0.01);
    expect(applyFloor({ kind: "NONE" }, 3, -0.5, 0)).toBe(-0.5);
  });
});

describe("shocked curves", () => {
  test("shocked pillars equal z + shift at each pillar tenor, written out from the SRP31.91 formula", () => {
    const shocked = shockPillars(PILLARS, { kind: "STANDARD", name: "STEEPENER", sizes: USD }, { kind: "NONE" });
    expect(shocked.times).toEqual(PILLARS.times);
    PILLARS.times.forEach((t, i) => {
      const bp = -0.65 * 300 * Math.exp(-t / 4) + 0.9 * 225 * (1 - Math.exp(-t / 4));
      expect(Math.abs(shocked.zeros[i] - (PILLARS.zeros[i] + bp / 10000))).toBeLessThan(1e-15);
    });
  });

  test("a parallel +100 bp moves {1: 3 %, 10: 3.5 %} to 4 % and 4.5 %, and ZERO bounds a −300 bp shock of a flat 2 % curve at 0", () => {
    const shocked = shockPillars({ times: [1, 10], zeros: [0.03, 0.035] }, { kind: "PARALLEL", bp: 100 }, { kind: "NONE" });
    expect(shocked.zeros[0]).toBeCloseTo(0.04, 16);
    expect(shocked.zeros[1]).toBeCloseTo(0.045, 16);
    expect(shockedCurve(flatCurve(0.02), { kind: "PARALLEL", bp: -300 }, { kind: "ZERO" }).zeroRate(5)).toBe(0);
  });

  test("shocked minus base equals the shock at every pillar (invariant) for each standard scenario", () => {
    for (const name of ["PARALLEL_UP", "SHORT_DOWN", "FLATTENER"] as const) {
      const shocked = shockPillars(PILLARS, { kind: "STANDARD", name, sizes: USD }, { kind: "NONE" });
      const expected = PILLARS.times.map((t) => {
        const s = Math.exp(-t / 4);
        return { PARALLEL_UP: 200, SHORT_DOWN: -300 * s, FLATTENER: 0.8 * 300 * s - 0.6 * 225 * (1 - s) }[name] / 10000;
      });
      shocked.zeros.forEach((z, i) => expect(z - PILLARS.zeros[i]).toBeCloseTo(expected[i], 14));
    }
  });

  test("a one-pillar (flat) curve is laid on the 19 Basel midpoints before shocking", () => {
    const shocked = shockPillars({ times: [0], zeros: [0.03] }, { kind: "STANDARD", name: "SHORT_UP", sizes: USD }, { kind: "NONE" });
    expect(shocked.times).toEqual([0.0028, 0.0417, 0.1667, 0.375, 0.625, 0.875, 1.25, 1.75, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 12.5, 17.5, 25]);
    expect(FLAT_CURVE_TENORS).toHaveLength(19);
    expect(shocked.zeros[9]).toBeCloseTo(0.03 + 0.03 * Math.exp(-3.5 / 4), 15);
  });

  test("the EU floor applies pillar by pillar after the shock", () => {
    const low = { times: [0, 1, 10], zeros: [-0.02, 0.001, 0.01] };
    const shocked = shockPillars(low, { kind: "PARALLEL", bp: -200 }, { kind: "EU" });
    expect(shocked.zeros[0]).toBe(-0.02); // the unshocked rate is below the floor: it is the floor
    expect(shocked.zeros[1]).toBeCloseTo(-0.0147, 15); // max(−0.019, −150 + 3 bp)
    expect(shocked.zeros[2]).toBeCloseTo(-0.01, 15); // max(−0.01, −0.012)
  });

  test("BASE leaves the pillars unfloored and the scenario curve is the base curve", () => {
    const low = { times: [0, 1], zeros: [-0.02, 0.001] };
    expect(shockPillars(low, { kind: "BASE" }, { kind: "ZERO" }).zeros).toEqual([-0.02, 0.001]);
    expect(scenarioCurve(low, "LINEAR", { kind: "BASE" }, { kind: "ZERO" }).zeroRate(0.5)).toBeCloseTo(-0.0095, 15);
  });

  test("the EVE scenario curve shocks the interpolated base at each t by the formula at t itself (never interpolating the shift)", () => {
    const scenario = { kind: "STANDARD", name: "SHORT_UP", sizes: USD } as const;
    const curve = scenarioCurve(PILLARS, "LINEAR", scenario, { kind: "NONE" });
    const exact = (0.038 + 0.037) / 2 + 0.03 * Math.exp(-3.5 / 4);
    expect(curve.zeroRate(3.5)).toBeCloseTo(exact, 15);
    expect(curve.discount(3.5)).toBeCloseTo(Math.exp(-exact * 3.5), 15);
    // Interpolating the shocked 2y and 5y pillars would give a different (wrong) rate.
    const interpolated = (0.038 + 0.03 * Math.exp(-2 / 4) + 0.037 + 0.03 * Math.exp(-5 / 4)) / 2;
    expect(Math.abs(curve.zeroRate(3.5) - interpolated)).toBeGreaterThan(1e-4);
  });

  test("ALM.SHOCK's rates at any tenors are the EVE scenario curve's rates there", () => {
    const scenario = { kind: "STANDARD", name: "STEEPENER", sizes: USD } as const;
    const tenors = [0.5, 3.5, 7, 20, 40];
    const shocked = shockPillars(PILLARS, scenario, { kind: "EU" }, tenors);
    const curve = scenarioCurve(PILLARS, "LINEAR", scenario, { kind: "EU" });
    expect(shocked.times).toEqual(tenors);
    shocked.zeros.forEach((z, i) => expect(z).toBe(curve.zeroRate(tenors[i])));
  });

  test("a down shock never raises a rate: STEEPENER on a −0.30 % curve under ZERO leaves the short end at −0.30 % or below", () => {
    const negative = { times: [0.25, 1, 10], zeros: [-0.003, -0.003, -0.003] };
    const shocked = shockPillars(negative, { kind: "STANDARD", name: "STEEPENER", sizes: { parallel: 200, short: 300, long: 150 } }, { kind: "ZERO" });
    shocked.zeros.forEach((z, i) => {
      const bp = -0.65 * 300 * Math.exp(-negative.times[i] / 4) + 0.9 * 150 * (1 - Math.exp(-negative.times[i] / 4));
      expect(z).toBeCloseTo(bp < 0 ? -0.003 : -0.003 + bp / 10000, 15);
    });
  });

  test("the decorated curve applies the Basel formula exactly at any t, floored", () => {
    const base = interpolatedCurve(PILLARS, "LINEAR");
    const curve = shockedCurve(base, { kind: "STANDARD", name: "SHORT_UP", sizes: USD }, { kind: "NONE" });
    expect(curve.zeroRate(3.5)).toBeCloseTo(0.0375 + 0.03 * Math.exp(-3.5 / 4), 15);
    expect(shockedCurve(flatCurve(0.01), { kind: "PARALLEL", bp: -300 }, { kind: "ZERO" }).zeroRate(5)).toBe(0);
    expect(shockedCurve(flatCurve(0.01), { kind: "PARALLEL", bp: -300 }, { kind: "EU" }).discount(10)).toBeCloseTo(Math.exp(0.012 * 10), 14);
  });
});
