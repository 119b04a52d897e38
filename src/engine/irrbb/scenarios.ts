import { precondition } from "../errors";
import { BASIS_POINT, type Bp, type Rate, type Time } from "../types";
import type { ShockSizes } from "./calibrations";

/**
 * Interest-rate shock scenarios as plain data (ORE style), kept apart from the code that applies them
 * (`scenarioShift`, shock.ts). Formulas of SRP31.91 / d368 Annex 2 (docs/methodology/irrbb.md §1).
 */

/** The six Basel scenarios, in the order of SRP31.91 and EU RTS 2024/856 Art. 1(1). */
export type BaselScenario = "PARALLEL_UP" | "PARALLEL_DOWN" | "STEEPENER" | "FLATTENER" | "SHORT_UP" | "SHORT_DOWN";
export const BASEL_SCENARIOS: readonly BaselScenario[] = ["PARALLEL_UP", "PARALLEL_DOWN", "STEEPENER", "FLATTENER", "SHORT_UP", "SHORT_DOWN"];

/** Named scenario sets: `BASEL`, the six EVE scenarios; `NII`, the two parallel ones (EU RTS Art. 1(2)). */
export const SCENARIO_SETS = {
  BASEL: BASEL_SCENARIOS,
  NII: ["PARALLEL_UP", "PARALLEL_DOWN"] as readonly BaselScenario[],
} as const;
export type ScenarioSet = keyof typeof SCENARIO_SETS;
export const SCENARIO_SET_NAMES = Object.keys(SCENARIO_SETS) as ScenarioSet[];

/**
 * Weights of a scenario on the parallel shock, the short shock S̄_short·e^(−t/x) and the long shock
 * S̄_long·(1 − e^(−t/x)) (SRP31.91): steepener −0.65·|short| + 0.9·|long|, flattener +0.8·|short| − 0.6·|long|.
 */
export interface ScenarioShape {
  readonly parallel: number;
  readonly short: number;
  readonly long: number;
}

export const SCENARIO_SHAPES: Readonly<Record<BaselScenario, ScenarioShape>> = {
  PARALLEL_UP: { parallel: 1, short: 0, long: 0 },
  PARALLEL_DOWN: { parallel: -1, short: 0, long: 0 },
  STEEPENER: { parallel: 0, short: -0.65, long: 0.9 },
  FLATTENER: { parallel: 0, short: 0.8, long: -0.6 },
  SHORT_UP: { parallel: 0, short: 1, long: 0 },
  SHORT_DOWN: { parallel: 0, short: -1, long: 0 },
};

/** Decay x of the short shock, e^(−t/x), in years: 4 (SRP31.91; OSFI fn 19 allows national discretion). */
export const SHORT_DECAY_YEARS = 4;

/**
 * Behavioural multipliers per scenario (docs/methodology/irrbb.md §3, SECONDARY: two agreeing
 * transcriptions of d368 Tables): γ on the conditional prepayment rate, CPR_i = min(1, γ_i·CPR⁰), and u on
 * the term-deposit redemption ratio, TDRR_i = min(1, u_i·TDRR⁰). A named option, not a silent constant.
 */
export interface BehaviouralMultipliers {
  readonly cpr: number;
  readonly tdrr: number;
}

export const BASEL_BEHAVIOURAL_MULTIPLIERS: Readonly<Record<BaselScenario, BehaviouralMultipliers>> = {
  PARALLEL_UP: { cpr: 0.8, tdrr: 1.2 },
  PARALLEL_DOWN: { cpr: 1.2, tdrr: 0.8 },
  STEEPENER: { cpr: 0.8, tdrr: 0.8 },
  FLATTENER: { cpr: 1.2, tdrr: 1.2 },
  SHORT_UP: { cpr: 0.8, tdrr: 1.2 },
  SHORT_DOWN: { cpr: 1.2, tdrr: 0.8 },
};

/**
 * A scenario: no shock; a standard Basel scenario with its currency's shock sizes; a parallel shift in
 * basis points; or a shift curve given at tenors (bp, linear between them, flat beyond both ends).
 */
export type Scenario =
  | { readonly kind: "BASE" }
  | { readonly kind: "STANDARD"; readonly name: BaselScenario; readonly sizes: ShockSizes }
  | { readonly kind: "PARALLEL"; readonly bp: Bp }
  | { readonly kind: "POINTS"; readonly tenors: readonly Time[]; readonly bp: readonly Bp[] };

export const BASE_SCENARIO: Scenario = { kind: "BASE" };

/**
 * α_short(t) = e^(−t/x), the decay of the short shock (SRP31.91).
 * @example alphaShort(3.5) //=> 0.41686201967850839 (SRP31.92: 0.417)
 */
export function alphaShort(t: Time, x: number = SHORT_DECAY_YEARS): number {
  return Math.exp(-t / x);
}

/**
 * α_long(t) = 1 − e^(−t/x).
 * @example alphaLong(3.5) //=> 0.58313798032149161 (SRP31.92: 0.583)
 */
export function alphaLong(t: Time, x: number = SHORT_DECAY_YEARS): number {
  return -Math.expm1(-t / x);
}

/**
 * Shift of a standard scenario at t, in basis points:
 * parallel·S̄_parallel + short·S̄_short·α_short(t) + long·S̄_long·α_long(t).
 * @example standardShiftBp("STEEPENER", { parallel: 100, short: 100, long: 100 }, 3.5) //=> 25.386… (SRP31.92: +25.4 bp)
 */
export function standardShiftBp(name: BaselScenario, sizes: ShockSizes, t: Time): Bp {
  const shape = SCENARIO_SHAPES[name];
  let bp = 0;
  if (shape.parallel !== 0) bp += shape.parallel * sizes.parallel;
  if (shape.short !== 0) bp += shape.short * sizes.short * alphaShort(t);
  if (shape.long !== 0) bp += shape.long * sizes.long * alphaLong(t);
  return bp;
}

/**
 * Checks a tenor-point scenario: at least one point, tenors finite, ≥ 0 and strictly increasing, shifts finite.
 * @example scenarioShift(pointsScenario([1, 5, 10], [50, 150, 100]))(3) //=> 0.01
 */
export function pointsScenario(tenors: readonly Time[], bp: readonly Bp[]): Scenario {
  precondition(tenors.length >= 1 && tenors.length === bp.length, "a shift curve needs at least one tenor, each with a shift in bp");
  for (let i = 0; i < tenors.length; i++) {
    precondition(Number.isFinite(tenors[i]) && tenors[i] >= 0, () => `shift point ${i + 1}: tenor ${tenors[i]} must be a number of years ≥ 0`);
    precondition(Number.isFinite(bp[i]), () => `shift point ${i + 1}: shift ${bp[i]} is not a finite number of bp`);
    precondition(i === 0 || tenors[i] > tenors[i - 1], () => `shift point ${i + 1}: tenors must be strictly increasing (${tenors[i]} after ${tenors[i - 1]})`);
  }
  return { kind: "POINTS", tenors, bp };
}

function interpolateBp(tenors: readonly Time[], bp: readonly Bp[], t: Time): Bp {
  const n = tenors.length;
  if (t <= tenors[0]) return bp[0];
  if (t >= tenors[n - 1]) return bp[n - 1];
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (tenors[mid] <= t) lo = mid;
    else hi = mid;
  }
  return bp[lo] + ((bp[lo + 1] - bp[lo]) * (t - tenors[lo])) / (tenors[lo + 1] - tenors[lo]);
}

/**
 * The zero-rate shift of a scenario at a tenor t (years), as a decimal rate.
 * @example scenarioShift({ kind: "STANDARD", name: "SHORT_UP", sizes: { parallel: 100, short: 100, long: 100 } })(3.5) //=> 0.0041686…
 */
export function scenarioShift(scenario: Scenario): (t: Time) => Rate {
  switch (scenario.kind) {
    case "BASE":
      return () => 0;
    case "PARALLEL": {
      const shift = scenario.bp * BASIS_POINT;
      return () => shift;
    }
    case "STANDARD":
      return (t) => standardShiftBp(scenario.name, scenario.sizes, t) * BASIS_POINT;
    case "POINTS":
      return (t) => interpolateBp(scenario.tenors, scenario.bp, t) * BASIS_POINT;
  }
}

/**
 * How a scenario reads in a result table: BASE, the standard name, "+200 bp", or CUSTOM.
 * @example scenarioLabel({ kind: "PARALLEL", bp: 200 }) //=> "+200 bp"
 */
export function scenarioLabel(scenario: Scenario): string {
  switch (scenario.kind) {
    case "BASE":
      return "BASE";
    case "STANDARD":
      return scenario.name;
    case "PARALLEL":
      return `${scenario.bp >= 0 ? "+" : ""}${scenario.bp} bp`;
    case "POINTS":
      return "CUSTOM";
  }
}
