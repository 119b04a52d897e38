import {
  BASEL_BEHAVIOURAL_MULTIPLIERS,
  BASEL_SCENARIOS,
  SCENARIO_SETS,
  alphaLong,
  alphaShort,
  pointsScenario,
  scenarioLabel,
  scenarioShift,
  standardShiftBp,
} from "../../../src/engine/irrbb/scenarios";
import { EngineError } from "../../../src/engine/errors";

const HUNDRED = { parallel: 100, short: 100, long: 100 };

describe("Basel scenario formulas (SRP31.91)", () => {
  test("the SRP31.92 worked example at bucket 10 (t = 3.5 years) gives +41.7, +25.4 and −1.6 bp to the published rounding", () => {
    expect(Number(standardShiftBp("SHORT_UP", HUNDRED, 3.5).toFixed(1))).toBe(41.7);
    expect(Number(standardShiftBp("STEEPENER", HUNDRED, 3.5).toFixed(1))).toBe(25.4);
    expect(Number(standardShiftBp("FLATTENER", HUNDRED, 3.5).toFixed(1))).toBe(-1.6);
    expect(Number(alphaShort(3.5).toFixed(3))).toBe(0.417);
  });

  test("the worked example agrees with the formula written out to 1e-10", () => {
    const a = Math.exp(-3.5 / 4);
    expect(Math.abs(standardShiftBp("SHORT_UP", HUNDRED, 3.5) - 100 * a)).toBeLessThan(1e-10);
    expect(Math.abs(standardShiftBp("STEEPENER", HUNDRED, 3.5) - (-0.65 * 100 * a + 0.9 * 100 * (1 - a)))).toBeLessThan(1e-10);
    expect(Math.abs(standardShiftBp("FLATTENER", HUNDRED, 3.5) - (0.8 * 100 * a - 0.6 * 100 * (1 - a)))).toBeLessThan(1e-10);
    expect(Math.abs(standardShiftBp("SHORT_UP", HUNDRED, 3.5) - 41.6862)).toBeLessThan(1e-4);
    expect(Math.abs(standardShiftBp("STEEPENER", HUNDRED, 3.5) - 25.3864)).toBeLessThan(1e-4);
    expect(Math.abs(standardShiftBp("FLATTENER", HUNDRED, 3.5) - -1.6393)).toBeLessThan(1e-4);
  });

  test("each scenario combines the parallel, short and long sizes with its own weights at any t", () => {
    const sizes = { parallel: 200, short: 300, long: 150 };
    for (const t of [0, 0.0028, 1, 7.5, 25, 40]) {
      const s = Math.exp(-t / 4);
      const l = 1 - s;
      expect(standardShiftBp("PARALLEL_UP", sizes, t)).toBe(200);
      expect(standardShiftBp("PARALLEL_DOWN", sizes, t)).toBe(-200);
      expect(standardShiftBp("SHORT_UP", sizes, t)).toBeCloseTo(300 * s, 12);
      expect(standardShiftBp("SHORT_DOWN", sizes, t)).toBeCloseTo(-300 * s, 12);
      expect(standardShiftBp("STEEPENER", sizes, t)).toBeCloseTo(-0.65 * 300 * s + 0.9 * 150 * l, 12);
      expect(standardShiftBp("FLATTENER", sizes, t)).toBeCloseTo(0.8 * 300 * s - 0.6 * 150 * l, 12);
    }
  });

  test("α_short(3.5) and α_long(3.5) are e^(−0.875) and 1 − e^(−0.875) (SRP31.92: 0.417 and 0.583)", () => {
    expect(alphaShort(3.5)).toBeCloseTo(0.41686201967850839, 16);
    expect(alphaLong(3.5)).toBeCloseTo(0.58313798032149161, 15);
  });

  test("α_short + α_long = 1, α_short(0) = 1 and α_long(0) = 0", () => {
    expect(alphaShort(0)).toBe(1);
    expect(alphaLong(0)).toBe(0);
    for (const t of [0.1, 2, 12.5, 25]) expect(alphaShort(t) + alphaLong(t)).toBeCloseTo(1, 15);
  });

  test("scenarioShift returns decimal rates: 100 bp is 0.01", () => {
    expect(scenarioShift({ kind: "PARALLEL", bp: 100 })(5)).toBeCloseTo(0.01, 16);
    expect(scenarioShift({ kind: "BASE" })(5)).toBe(0);
    expect(scenarioShift({ kind: "STANDARD", name: "SHORT_UP", sizes: HUNDRED })(3.5)).toBeCloseTo(0.01 * Math.exp(-0.875), 15);
  });

  test("a tenor-point scenario interpolates linearly between tenors and is flat beyond both ends", () => {
    const shift = scenarioShift(pointsScenario([1, 5, 10], [50, 150, 100]));
    expect(shift(0)).toBeCloseTo(0.005, 15);
    expect(shift(1)).toBeCloseTo(0.005, 15);
    expect(shift(3)).toBeCloseTo(0.01, 15);
    expect(shift(7.5)).toBeCloseTo(0.0125, 15);
    expect(shift(30)).toBeCloseTo(0.01, 15);
  });

  test("a tenor-point scenario rejects decreasing tenors and mismatched lengths", () => {
    expect(() => pointsScenario([5, 1], [1, 2])).toThrow(EngineError);
    expect(() => pointsScenario([1, 2], [1])).toThrow(/at least one tenor/);
    expect(() => pointsScenario([1, 2], [1, NaN])).toThrow(/not a finite number/);
  });

  test("the scenario sets hold the six Basel scenarios in the SRP31.91 order and the two NII ones", () => {
    expect(BASEL_SCENARIOS).toEqual(["PARALLEL_UP", "PARALLEL_DOWN", "STEEPENER", "FLATTENER", "SHORT_UP", "SHORT_DOWN"]);
    expect(SCENARIO_SETS.NII).toEqual(["PARALLEL_UP", "PARALLEL_DOWN"]);
  });

  test("behavioural multipliers follow SRP31 Annex 2 (docs/methodology/irrbb.md §1), including CPR 0.8 and TDRR 0.8 for the steepener", () => {
    expect(BASEL_BEHAVIOURAL_MULTIPLIERS.STEEPENER).toEqual({ cpr: 0.8, tdrr: 0.8 });
    expect(BASEL_BEHAVIOURAL_MULTIPLIERS.FLATTENER).toEqual({ cpr: 1.2, tdrr: 1.2 });
    expect(BASEL_BEHAVIOURAL_MULTIPLIERS.PARALLEL_UP).toEqual({ cpr: 0.8, tdrr: 1.2 });
    expect(BASEL_BEHAVIOURAL_MULTIPLIERS.SHORT_DOWN).toEqual({ cpr: 1.2, tdrr: 0.8 });
  });

  test("labels read BASE, the standard name, a signed bp amount, or CUSTOM", () => {
    expect(scenarioLabel({ kind: "BASE" })).toBe("BASE");
    expect(scenarioLabel({ kind: "STANDARD", name: "STEEPENER", sizes: HUNDRED })).toBe("STEEPENER");
    expect(scenarioLabel({ kind: "PARALLEL", bp: 200 })).toBe("+200 bp");
    expect(scenarioLabel({ kind: "PARALLEL", bp: -50 })).toBe("-50 bp");
    expect(scenarioLabel(pointsScenario([1], [5]))).toBe("CUSTOM");
  });
});
