import { precondition } from "../errors";
import type { DiscountFactor, Rate, Time } from "../types";

/**
 * A yield curve seen from its valuation date. Two views of one object: the continuously-compounded zero
 * rate z(t) and the discount factor P(t) = exp(−z(t)·t). Implementations give whichever is their
 * primitive exactly and derive the other; every other rate (compounded zero, forward) derives from these
 * in this module, once.
 */
export interface YieldCurve {
  /** Discount factor P(t) for t ≥ 0 years. */
  discount(t: Time): DiscountFactor;
  /** Continuously-compounded zero rate z(t) for t ≥ 0 years (at t = 0, the limit). */
  zeroRate(t: Time): Rate;
}

/** How a zero rate is quoted: continuous, compounded n times a year, or simple. */
export type Compounding = "CONTINUOUS" | "ANNUAL" | "SEMIANNUAL" | "QUARTERLY" | "MONTHLY" | "SIMPLE";

export const COMPOUNDINGS: readonly Compounding[] = ["CONTINUOUS", "ANNUAL", "SEMIANNUAL", "QUARTERLY", "MONTHLY", "SIMPLE"];

const PERIODS_PER_YEAR: Record<"ANNUAL" | "SEMIANNUAL" | "QUARTERLY" | "MONTHLY", number> = {
  ANNUAL: 1,
  SEMIANNUAL: 2,
  QUARTERLY: 4,
  MONTHLY: 12,
};

/**
 * Converts a continuously-compounded rate z over a period of t years to another compounding:
 * periodic f(e^{z/f} − 1), simple (e^{z·t} − 1)/t (its limit z at t = 0).
 * @example convertContinuous(0.03, 1, "ANNUAL") //=> 0.030454533953516…
 */
export function convertContinuous(z: Rate, t: Time, compounding: Compounding): Rate {
  switch (compounding) {
    case "CONTINUOUS":
      return z;
    case "SIMPLE":
      return t === 0 ? z : Math.expm1(z * t) / t;
    default: {
      const f = PERIODS_PER_YEAR[compounding];
      return f * Math.expm1(z / f);
    }
  }
}

/**
 * Zero rate of a curve at t in any compounding of ALM.ZERO (docs/functions.md).
 * @example zeroRate(flatCurve(0.03), 2, "SEMIANNUAL") //=> 0.0302260…
 */
export function zeroRate(curve: YieldCurve, t: Time, compounding: Compounding = "CONTINUOUS"): Rate {
  precondition(t >= 0, () => `time ${t} is before the valuation date; times must be ≥ 0`);
  return convertContinuous(curve.zeroRate(t), t, compounding);
}

/**
 * Continuously-compounded forward rate between t1 and t2: (z2·t2 − z1·t1)/(t2 − t1) = ln(P1/P2)/(t2 − t1).
 * @example forwardRate(flatCurve(0.03), 1, 2) //=> 0.03
 */
export function forwardRate(curve: YieldCurve, t1: Time, t2: Time): Rate {
  precondition(t1 >= 0, () => `t1 ${t1} is before the valuation date; times must be ≥ 0`);
  precondition(t2 > t1, () => `t2 (${t2}) must be after t1 (${t1})`);
  return (curve.zeroRate(t2) * t2 - curve.zeroRate(t1) * t1) / (t2 - t1);
}

/**
 * A flat continuously-compounded curve.
 * @example flatCurve(0.02).discount(1) //=> 0.98019867330675…
 */
export function flatCurve(rate: Rate): YieldCurve {
  return {
    discount: (t) => Math.exp(-rate * t),
    zeroRate: () => rate,
  };
}
