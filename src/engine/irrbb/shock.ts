import { interpolatedCurve, type Interpolation, type Pillars } from "../curves/interpolatedCurve";
import { shiftedCurve } from "../curves/shiftedCurve";
import type { YieldCurve } from "../curves/yieldCurve";
import { BASEL_BUCKETS } from "../gap/buckets";
import type { Time } from "../types";
import { NO_FLOOR, applyFloor, type Floor } from "./floors";
import { scenarioShift, type Scenario } from "./scenarios";

/**
 * Tenors at which a one-pillar (flat) curve is shocked: it has no tenors of its own, so it is laid on the
 * 19 Basel bucket midpoints (0.0028 … 25 years, docs/methodology/gaps.md §1) and a non-parallel shock
 * keeps its shape there.
 */
export const FLAT_CURVE_TENORS: readonly Time[] = BASEL_BUCKETS.midpoints as readonly Time[];

/**
 * The shocked pillars of a curve (what ALM.SHOCK returns): at each pillar tenor t the zero rate
 * z(t) + Δ(t), floored. A one-pillar curve is first laid on FLAT_CURVE_TENORS. The floor bounds shocked
 * rates only: the `BASE` scenario leaves the curve as it is.
 * @example shockPillars({ times: [1, 10], zeros: [0.03, 0.035] }, { kind: "PARALLEL", bp: 100 }, { kind: "NONE" }).zeros //=> [0.04, 0.045]
 */
export function shockPillars(pillars: Pillars, scenario: Scenario, floor: Floor): Pillars {
  const flat = pillars.times.length === 1;
  const times = flat ? FLAT_CURVE_TENORS : pillars.times;
  const base = flat ? times.map(() => pillars.zeros[0]) : pillars.zeros;
  const shift = scenarioShift(scenario);
  const bound = scenario.kind === "BASE" ? NO_FLOOR : floor;
  const zeros = times.map((t, i) => applyFloor(bound, t, base[i] + shift(t), base[i]));
  return { times: [...times], zeros };
}

/**
 * The scenario curve of EVE: the shocked pillars interpolated like the base curve, so that it equals
 * ALM.SHOCK's output interpolated the same way. With no shock it is the base curve itself.
 */
export function scenarioCurve(pillars: Pillars, interpolation: Interpolation, scenario: Scenario, floor: Floor): YieldCurve {
  if (scenario.kind === "BASE") return interpolatedCurve(pillars, interpolation);
  return interpolatedCurve(shockPillars(pillars, scenario, floor), interpolation);
}

/**
 * A base curve decorated by a scenario at every t: R(t) = floor(R₀(t) + ΔR(t)) — the Basel formula,
 * evaluated exactly wherever it is asked (the standardised framework asks at the bucket midpoints t_k).
 * @example shockedCurve(flatCurve(0.02), { kind: "PARALLEL", bp: -300 }, { kind: "ZERO" }).zeroRate(5) //=> 0
 */
export function shockedCurve(base: YieldCurve, scenario: Scenario, floor: Floor): YieldCurve {
  if (scenario.kind === "BASE") return base;
  const shift = scenarioShift(scenario);
  return shiftedCurve(base, shift, floor.kind === "NONE" ? undefined : (t, shocked, z) => applyFloor(floor, t, shocked, z));
}
