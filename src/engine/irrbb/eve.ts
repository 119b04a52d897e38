import { dailyFlows } from "../cashflows/aggregate";
import { presentValue, type Leg } from "../cashflows/analytics";
import type { FlowOptions } from "../cashflows/generate";
import type { Interpolation, Pillars } from "../curves/interpolatedCurve";
import type { YieldCurve } from "../curves/yieldCurve";
import type { Portfolio } from "../portfolio/portfolio";
import type { Amount, SerialDate } from "../types";
import type { ShockSizes } from "./calibrations";
import type { Floor } from "./floors";
import { BASEL_BEHAVIOURAL_MULTIPLIERS, BASEL_SCENARIOS, type BaselScenario } from "./scenarios";
import { scenarioCurve } from "./shock";

/**
 * A portfolio's repricing cash flows (principal and interest, signed) summed by day, as a leg with
 * Actual/365 fixed times t = (date − asOf)/365. Generated once; every scenario then discounts the same
 * few thousand dated amounts, so seven curves cost little more than one.
 * @example repricingLeg(zeroCoupon100In730Days, asOf) //=> { amounts: [100], times: [2] }
 */
export function repricingLeg(portfolio: Portfolio, asOf: SerialDate, options?: FlowOptions): Leg {
  const daily = dailyFlows(portfolio, asOf, "REPRICING", options);
  const days: number[] = [];
  for (let d = 0; d <= daily.lastDay; d++) if (daily.net(d) !== 0) days.push(d);
  const amounts = new Float64Array(days.length);
  const times = new Float64Array(days.length);
  days.forEach((d, j) => {
    amounts[j] = daily.net(d);
    times[j] = d / 365;
  });
  return { amounts, times };
}

/**
 * Economic value of equity: the present value Σ CF(t)·P(t) of a repricing leg on a (scenario) curve.
 * @example eve({ amounts: [100], times: [2] }, flatCurve(0.03)) //=> 94.176453358424872
 */
export function eve(leg: Leg, curve: YieldCurve): Amount {
  return presentValue(leg, { kind: "curve", curve });
}

export interface ScenarioEve {
  readonly scenario: BaselScenario;
  readonly eve: Amount;
  /** ΔEVE = EVE(scenario) − EVE(base): negative is a loss. */
  readonly delta: Amount;
}

export interface DeltaEve {
  readonly base: Amount;
  /** The six Basel scenarios in BASEL_SCENARIOS order. */
  readonly scenarios: readonly ScenarioEve[];
  /** Index into `scenarios` of the most negative ΔEVE (the first one on a tie). */
  readonly worst: number;
}

/**
 * ΔEVE under the six Basel scenarios: each scenario curve is the base curve shocked and floored at every
 * t (as ALM.SHOCK returns it); the leg is discounted once per curve. `scenarioLeg`, when given, is the
 * leg of each scenario (its behaviour: CPR and TDRR moved by the SRP31 multipliers); `leg` is the base.
 * @example deltaEve({ amounts: [100], times: [2] }, { times: [0], zeros: [0.03] }, { parallel: 200, short: 300, long: 225 }, { kind: "NONE" }).scenarios[0].delta
 * //=> 100·(e^(−0.10) − e^(−0.06)) = −3.6927115…
 */
export function deltaEve(leg: Leg, pillars: Pillars, sizes: ShockSizes, floor: Floor, interpolation: Interpolation = "LINEAR", scenarioLeg?: (scenario: BaselScenario) => Leg): DeltaEve {
  const base = eve(leg, scenarioCurve(pillars, interpolation, { kind: "BASE" }, floor));
  const scenarios = BASEL_SCENARIOS.map((name): ScenarioEve => {
    const value = eve(scenarioLeg ? scenarioLeg(name) : leg, scenarioCurve(pillars, interpolation, { kind: "STANDARD", name, sizes }, floor));
    return { scenario: name, eve: value, delta: value - base };
  });
  let worst = 0;
  scenarios.forEach((s, i) => {
    if (s.delta < scenarios[worst].delta) worst = i;
  });
  return { base, scenarios, worst };
}

/**
 * ΔEVE of a portfolio (ALM.DELTAEVE, and each currency of ALM.OUTLIERTEST): its repricing leg discounted
 * on the base and the six scenario curves. With behaviour `BASEL` each scenario's flows use the SRP31
 * CPR and TDRR multipliers, as the standardised framework applies them; with `INPUT` the table's rates
 * hold in every scenario.
 */
export function portfolioDeltaEve(portfolio: Portfolio, asOf: SerialDate, pillars: Pillars, sizes: ShockSizes, floor: Floor, behaviour: "INPUT" | "BASEL"): DeltaEve {
  const legs = new Map<string, Leg>();
  const legWith = (cpr: number, tdrr: number): Leg => {
    const key = `${cpr}|${tdrr}`;
    let leg = legs.get(key);
    if (!leg) legs.set(key, (leg = repricingLeg(portfolio, asOf, cpr === 1 && tdrr === 1 ? undefined : { cprMultiplier: cpr, tdrrMultiplier: tdrr })));
    return leg;
  };
  const scenarioLeg = behaviour === "BASEL" ? (name: BaselScenario) => legWith(BASEL_BEHAVIOURAL_MULTIPLIERS[name].cpr, BASEL_BEHAVIOURAL_MULTIPLIERS[name].tdrr) : undefined;
  return deltaEve(legWith(1, 1), pillars, sizes, floor, "LINEAR", scenarioLeg);
}
