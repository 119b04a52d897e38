import { ensure, precondition } from "../errors";
import type { DiscountFactor, Rate, Time } from "../types";

/** Longest tenor a par curve may have, which bounds the coupon dates to solve. */
export const MAX_BOOTSTRAP_YEARS = 100;

/**
 * Bootstraps continuously-compounded zero rates from par rates. Tenors ≤ 1 year are simple-interest
 * deposits, P(t) = 1/(1 + r·t); longer tenors are par bonds paying `frequency` coupons a year on dates
 * rolled back from maturity (a short first period when needed), priced at par:
 * 1 = c·Σ αⱼ·P(tⱼ) + P(T). Coupon dates that are not input tenors use the par rate interpolated linearly
 * in tenor between the input pillars (flat before the first). Returns z(T) = −ln P(T)/T for each tenor.
 * @example bootstrapZeroRates([1, 2], [0.03, 0.04], 1) //=> [0.029558802241544…, 0.039414925624163…]
 */
export function bootstrapZeroRates(tenors: readonly Time[], parRates: readonly Rate[], frequency: 1 | 2 | 4 | 12): Rate[] {
  precondition(tenors.length > 0 && tenors.length === parRates.length, "tenors and par rates must be non-empty and of the same length");
  tenors.forEach((t, i) => precondition(t > 0 && (i === 0 || t > tenors[i - 1]), () => `tenor ${t} must be positive and after the previous tenor`));
  precondition(tenors[tenors.length - 1] <= MAX_BOOTSTRAP_YEARS, () => `tenor ${tenors[tenors.length - 1]} is beyond the ${MAX_BOOTSTRAP_YEARS}-year limit of a bootstrap`);
  const parAt = (t: Time): Rate => {
    if (t <= tenors[0]) return parRates[0];
    let i = 1;
    while (i < tenors.length - 1 && tenors[i] < t) i++;
    return parRates[i - 1] + ((parRates[i] - parRates[i - 1]) * (t - tenors[i - 1])) / (tenors[i] - tenors[i - 1]);
  };
  const memo = new Map<number, DiscountFactor>();
  const key = (t: Time) => Math.round(t * 1e9);
  const discount = (t: Time): DiscountFactor => {
    const cached = memo.get(key(t));
    if (cached !== undefined) return cached;
    const c = parAt(t);
    let df: DiscountFactor;
    if (t <= 1 + 1e-12) {
      df = 1 / (1 + c * t);
    } else {
      const period = 1 / frequency;
      let annuity = 0;
      let previous = t - period;
      // Coupon dates before maturity, rolled back by whole periods.
      const dates: Time[] = [];
      while (previous > 1e-9) {
        dates.unshift(previous);
        previous -= period;
      }
      let start = 0;
      for (const d of dates) {
        annuity += (d - start) * discount(d);
        start = d;
      }
      df = (1 - c * annuity) / (1 + c * (t - start));
    }
    ensure(df > 0 && Number.isFinite(df), () => `the par rate ${c} at ${t} years gives a discount factor ${df} ≤ 0; the par curve cannot be bootstrapped`);
    memo.set(key(t), df);
    return df;
  };
  return tenors.map((t) => -Math.log(discount(t)) / t);
}
