import type { Rate, Time } from "../types";
import type { YieldCurve } from "./yieldCurve";

/**
 * A curve whose continuously-compounded zero rates are the base curve's plus `shift(t)`. Decorates the
 * base curve and never changes it (QuantLib's ZeroSpreadedTermStructure). `floor(t, shocked, base)` may
 * bound the shocked rate from below.
 * @example shiftedCurve(flatCurve(0.02), () => 0.01).zeroRate(5) //=> 0.03
 */
export function shiftedCurve(base: YieldCurve, shift: (t: Time) => Rate, floor?: (t: Time, shocked: Rate, base: Rate) => Rate): YieldCurve {
  const zeroRate = (t: Time): Rate => {
    const z = base.zeroRate(t);
    const shocked = z + shift(t);
    return floor ? floor(t, shocked, z) : shocked;
  };
  return { zeroRate, discount: (t) => Math.exp(-zeroRate(t) * t) };
}

/**
 * A tent of height 1 at `keys[k]`, falling linearly to 0 at the neighbouring keys, with full weight before
 * the first key (k = 0) and after the last; the tents of all keys add up to 1 at every t.
 * @example tent([1, 2, 5], 1)(3.5) //=> 0.5
 */
export function tent(keys: readonly Time[], k: number): (t: Time) => number {
  const n = keys.length;
  return (t) => {
    const key = keys[k];
    if (t <= key) {
      if (k === 0) return 1;
      const left = keys[k - 1];
      return t <= left ? 0 : (t - left) / (key - left);
    }
    if (k === n - 1) return 1;
    const right = keys[k + 1];
    return t >= right ? 0 : (right - t) / (right - key);
  };
}
