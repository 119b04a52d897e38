import { EngineError } from "../errors";
import type { YieldCurve } from "../curves/yieldCurve";
import { toIso } from "../time/serialDate";
import type { Rate, SerialDate } from "../types";

/**
 * Where a floater's index rate comes from at a reset (docs/functions.md, the `index` argument): a rate for
 * the reset period [start, end], observed on `observation` (FixingDays business days before the reset);
 * `alpha` is the period's accrual fraction on the position's day count.
 */
export interface RateIndex {
  rate(observation: SerialDate, start: SerialDate, end: SerialDate, alpha: number): Rate;
}

/**
 * An index read from a curve: the simply-compounded forward for the reset period on the position's own
 * accrual, F = (P(t₁)/P(t₂) − 1)/α with t = (date − as_of)/365, so that interest at F over the period is
 * worth what the curve says (the projected coupon of a floater priced at par).
 * @example curveIndex(flat 3 % continuous, asOf).rate(d, d, d + 365, 1) //=> e^0.03 − 1
 */
export function curveIndex(curve: YieldCurve, asOf: SerialDate): RateIndex {
  return {
    rate(_observation, start, end, alpha) {
      const t1 = Math.max(0, start - asOf) / 365;
      const t2 = Math.max(0, end - asOf) / 365;
      if (!(alpha > 0) || !(t2 > t1)) return curve.zeroRate(Math.max(t1, 1 / 365));
      return (curve.discount(t1) / curve.discount(t2) - 1) / alpha;
    },
  };
}

/**
 * An index read from published fixings (dates ascending): the latest fixing on or before the observation
 * date. An observation before the first fixing is a #VALUE!: a missing rate is never taken as 0 %.
 */
export function fixingsIndex(dates: readonly SerialDate[], rates: readonly Rate[]): RateIndex {
  return {
    rate(observation) {
      let a = 0;
      let b = dates.length - 1;
      if (b < 0 || dates[0] > observation) {
        throw new EngineError("VALUE", `the index has no fixing on or before ${toIso(observation)}${b < 0 ? "" : ` (the first is ${toIso(dates[0])})`}; add the fixing the reset observes`);
      }
      while (a < b) {
        const mid = (a + b + 1) >> 1;
        if (dates[mid] <= observation) a = mid;
        else b = mid - 1;
      }
      return rates[a];
    },
  };
}
