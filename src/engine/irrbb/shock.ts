import { interpolatedCurve, type Interpolation, type Pillars } from "../curves/interpolatedCurve";
import { shiftedCurve } from "../curves/shiftedCurve";
import type { YieldCurve } from "../curves/yieldCurve";
import { BASEL_BUCKETS } from "../gap/buckets";
import type { Time } from "../types";
import { applyFloor, type Floor } from "./floors";
import { scenarioShift, type Scenario } from "./scenarios";

/**
 * Tenors at which a one-pillar (flat) curve is shocked: it has no tenors of its own, so it is laid on the
 * 19 Basel bucket midpoints (0.0028 … 25 years, docs/methodology/gaps.md §1) and a non-parallel shock
 * keeps its shape there.
 */
export const FLAT_CURVE_TENORS: readonly Time[] = BASEL_BUCKETS.midpoints as readonly Time[];

/**
 * The tenors ALM.SHOCK reports by default: the curve's own pillars, or for a one-pillar (flat) curve the
 * 19 Basel midpoints.
 */
export function defaultShockTenors(pillars: Pillars): readonly Time[] {
  return pillars.times.length === 1 ? FLAT_CURVE_TENORS : pillars.times;
}

/**
 * The shocked zero rates at `tenors` (what ALM.SHOCK returns): at each t the base curve at t plus the
 * scenario's shift at t itself, floored — exactly the rate EVE discounts a flow at t with (scenarioCurve).
 * The floor bounds shocked rates only: the `BASE` scenario leaves the curve as it is.
 * @example shockPillars({ times: [1, 10], zeros: [0.03, 0.035] }, { kind: "PARALLEL", bp: 100 }, { kind: "NONE" }).zeros //=> [0.04, 0.045]
 */
export function shockPillars(pillars: Pillars, scenario: Scenario, floor: Floor, tenors: readonly Time[] = defaultShockTenors(pillars), interpolation: Interpolation = "LINEAR"): Pillars {
  const curve = scenarioCurve(pillars, interpolation, scenario, floor);
  return { times: [...tenors], zeros: tenors.map((t) => curve.zeroRate(t)) };
}

/**
 * The scenario curve of EVE and ALM.SHOCK: the base curve interpolated from its pillars, shocked and
 * floored at every t by the scenario's own formula (never interpolated between shocked pillars). With
 * no shock it is the base curve itself.
 */
export function scenarioCurve(pillars: Pillars, interpolation: Interpolation, scenario: Scenario, floor: Floor): YieldCurve {
  return shockedCurve(interpolatedCurve(pillars, interpolation), scenario, floor);
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
