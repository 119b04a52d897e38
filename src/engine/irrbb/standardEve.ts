import { generatePosition, type FlowSink } from "../cashflows/generate";
import { interpolatedCurve, type Interpolation, type Pillars } from "../curves/interpolatedCurve";
import { BASEL_BUCKETS, bucketLookup, edgeDates } from "../gap/buckets";
import type { Portfolio } from "../portfolio/portfolio";
import type { Amount, SerialDate, Time } from "../types";
import type { ShockSizes } from "./calibrations";
import type { Floor } from "./floors";
import { BASEL_BEHAVIOURAL_MULTIPLIERS, BASEL_SCENARIOS, type BaselScenario, type BehaviouralMultipliers, type Scenario } from "./scenarios";
import { shockedCurve } from "./shock";

/** Published midpoints t_k of the 19 Basel buckets (docs/methodology/gaps.md §1). */
export const BASEL_MIDPOINTS: readonly Time[] = BASEL_BUCKETS.midpoints as readonly Time[];

/** Sums principal + interest into the 19 Basel buckets by date: (edge k−1, edge k], open beyond 20 years. */
class BucketSink implements FlowSink {
  readonly cf = new Float64Array(BASEL_MIDPOINTS.length);
  constructor(private readonly bucketOf: (date: SerialDate) => number) {}
  add(_position: number, date: SerialDate, principal: Amount, interest: Amount): void {
    this.cf[this.bucketOf(date)] += principal + interest;
  }
}

/**
 * Net repricing cash flows CF(k) of a portfolio per Basel bucket for every multiplier pair asked for.
 * Positions without CPR or TDRR do not depend on the multipliers and are generated once. Positions with
 * only a CPR depend on γ alone and those with only a TDRR on u alone, so each of these groups is
 * generated once per distinct multiplier (three sets for the Basel table: 1, 0.8, 1.2); only positions
 * with both are generated per distinct pair.
 * @example bucketCashFlows(tdrr10pct200kDeposit, asOf, [{ cpr: 1, tdrr: 1.2 }])[0][0] //=> −24,000 (overnight)
 */
export function bucketCashFlows(portfolio: Portfolio, asOf: SerialDate, pairs: readonly BehaviouralMultipliers[]): Float64Array[] {
  const bucketOf = bucketLookup(edgeDates(BASEL_BUCKETS, asOf), asOf);
  const fixed = new BucketSink(bucketOf);
  const groups = { cpr: [] as number[], tdrr: [] as number[], both: [] as number[] };
  for (let i = 0; i < portfolio.size; i++) {
    const ordinary = portfolio.category[i] === 0;
    const cpr = ordinary && portfolio.cpr[i] > 0;
    const tdrr = ordinary && portfolio.tdrr[i] > 0;
    if (cpr && tdrr) groups.both.push(i);
    else if (cpr) groups.cpr.push(i);
    else if (tdrr) groups.tdrr.push(i);
    else generatePosition(portfolio, i, asOf, "REPRICING", fixed);
  }
  const cache = new Map<string, Float64Array>();
  const group = (name: keyof typeof groups, cprMultiplier: number, tdrrMultiplier: number): Float64Array | undefined => {
    if (groups[name].length === 0) return undefined;
    const key = `${name}|${cprMultiplier}|${tdrrMultiplier}`;
    let cf = cache.get(key);
    if (!cf) {
      const sink = new BucketSink(bucketOf);
      for (const i of groups[name]) generatePosition(portfolio, i, asOf, "REPRICING", sink, { cprMultiplier, tdrrMultiplier });
      cf = sink.cf;
      cache.set(key, cf);
    }
    return cf;
  };
  return pairs.map(({ cpr, tdrr }) => {
    const total = Float64Array.from(fixed.cf);
    for (const part of [group("cpr", cpr, 1), group("tdrr", 1, tdrr), group("both", cpr, tdrr)]) {
      if (part) part.forEach((v, k) => (total[k] += v));
    }
    return total;
  });
}

export interface StandardEveRow {
  readonly scenario: BaselScenario;
  readonly eve: Amount;
  /** EVE(base) − EVE(scenario): positive is a loss. */
  readonly loss: Amount;
}

export interface StandardEve {
  readonly base: Amount;
  readonly scenarios: readonly StandardEveRow[];
  /** The standardised measure: the largest loss, or 0 when every scenario gains. */
  readonly measure: Amount;
  /** Index into `scenarios` of the scenario that sets the measure, or −1 when the measure is 0. */
  readonly worst: number;
}

/**
 * EVE under the Basel standardised framework (SRP31.94 ff.; docs/methodology/irrbb.md §3): repricing flows
 * slotted to the 19 buckets, discounted at the published midpoints, EVE_i = Σ_k CF_i(k)·exp(−R_i(t_k)·t_k)
 * with R_i = floor(R₀ + ΔR_i) and R₀ the base curve's zero rate at t_k; CF_i uses scenario i's CPR and
 * TDRR multipliers (CF₀ none). Loss_i = EVE₀ − EVE_i; measure = max(0, max_i loss_i).
 * @example standardEve(zeroCoupon100In2Years, asOf, { times: [0], zeros: [0.03] }, USD2024, NO_FLOOR).base
 * //=> 100·e^(−0.03·1.75) = 94.885432… (bucket 1.5Y–2Y, midpoint 1.75)
 */
export function standardEve(
  portfolio: Portfolio,
  asOf: SerialDate,
  pillars: Pillars,
  sizes: ShockSizes,
  floor: Floor,
  multipliers: Readonly<Record<BaselScenario, BehaviouralMultipliers>> = BASEL_BEHAVIOURAL_MULTIPLIERS,
  interpolation: Interpolation = "LINEAR"
): StandardEve {
  const baseCurve = interpolatedCurve(pillars, interpolation);
  const [cf0, ...cfs] = bucketCashFlows(portfolio, asOf, [{ cpr: 1, tdrr: 1 }, ...BASEL_SCENARIOS.map((s) => multipliers[s])]);
  const value = (cf: Float64Array, scenario: Scenario): Amount => {
    const curve = shockedCurve(baseCurve, scenario, floor);
    let sum = 0;
    BASEL_MIDPOINTS.forEach((t, k) => {
      if (cf[k] !== 0) sum += cf[k] * curve.discount(t);
    });
    return sum;
  };
  const base = value(cf0, { kind: "BASE" });
  const scenarios = BASEL_SCENARIOS.map((name, i): StandardEveRow => {
    const v = value(cfs[i], { kind: "STANDARD", name, sizes });
    return { scenario: name, eve: v, loss: base - v };
  });
  let worst = -1;
  scenarios.forEach((s, i) => {
    if (s.loss > 0 && (worst < 0 || s.loss > scenarios[worst].loss)) worst = i;
  });
  return { base, scenarios, measure: worst < 0 ? 0 : scenarios[worst].loss, worst };
}
