import { precondition } from "../errors";
import type { Rate, Time } from "../types";
import type { YieldCurve } from "./yieldCurve";

/**
 * Interpolation of a pillar curve: `LINEAR` on zero rates, `LOGLINEAR` on discount factors (piecewise
 * flat forwards), `CUBIC` natural cubic spline on zero rates. Beyond both ends the zero rate is flat.
 */
export type Interpolation = "LINEAR" | "LOGLINEAR" | "CUBIC";

export const INTERPOLATIONS: readonly Interpolation[] = ["LINEAR", "LOGLINEAR", "CUBIC"];

/** Pillars of a zero curve: strictly increasing times ≥ 0 with continuously-compounded zero rates. */
export interface Pillars {
  readonly times: readonly Time[];
  readonly zeros: readonly Rate[];
}

/** Index i with times[i] ≤ t < times[i+1], clamped to [0, n − 2]. Binary search. */
function segment(times: readonly Time[], t: Time): number {
  let lo = 0;
  let hi = times.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Second derivatives of the natural cubic spline through (x, y): M_0 = M_n = 0, tridiagonal solve. */
function naturalSplineMoments(x: readonly number[], y: readonly number[]): Float64Array {
  const n = x.length;
  const m = new Float64Array(n);
  if (n < 3) return m;
  const c = new Float64Array(n);
  const d = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    const h0 = x[i] - x[i - 1];
    const h1 = x[i + 1] - x[i];
    const a = h0 / 6;
    const b = (h0 + h1) / 3;
    const cc = h1 / 6;
    const r = (y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0;
    const denom = b - a * c[i - 1];
    c[i] = cc / denom;
    d[i] = (r - a * d[i - 1]) / denom;
  }
  for (let i = n - 2; i >= 1; i--) m[i] = d[i] - c[i] * m[i + 1];
  return m;
}

/**
 * A curve through pillars. Validates once: at least one pillar, times finite, ≥ 0 and strictly
 * increasing, rates finite.
 * @example interpolatedCurve({ times: [1, 5], zeros: [0.02, 0.03] }, "LINEAR").zeroRate(2) //=> 0.0225
 */
export function interpolatedCurve(pillars: Pillars, interpolation: Interpolation): YieldCurve {
  const { times, zeros } = pillars;
  const n = times.length;
  precondition(n >= 1 && zeros.length === n, "a curve needs at least one pillar, each with a time and a zero rate");
  for (let i = 0; i < n; i++) {
    precondition(Number.isFinite(times[i]) && times[i] >= 0, () => `pillar ${i + 1}: time ${times[i]} must be a number of years ≥ 0`);
    precondition(Number.isFinite(zeros[i]), () => `pillar ${i + 1}: zero rate ${zeros[i]} is not a finite number`);
    precondition(i === 0 || times[i] > times[i - 1], () => `pillar ${i + 1}: times must be strictly increasing (${times[i]} after ${times[i - 1]})`);
  }
  const first = times[0];
  const last = times[n - 1];
  if (n === 1) return { discount: (t) => Math.exp(-zeros[0] * t), zeroRate: () => zeros[0] };

  switch (interpolation) {
    case "LINEAR": {
      const zeroRate = (t: Time): Rate => {
        if (t <= first) return zeros[0];
        if (t >= last) return zeros[n - 1];
        const i = segment(times, t);
        return zeros[i] + ((zeros[i + 1] - zeros[i]) / (times[i + 1] - times[i])) * (t - times[i]);
      };
      return { zeroRate, discount: (t) => Math.exp(-zeroRate(t) * t) };
    }
    case "LOGLINEAR": {
      const logDf = times.map((t, i) => -zeros[i] * t);
      const lnDiscount = (t: Time): number => {
        if (t <= first) return -zeros[0] * t;
        if (t >= last) return -zeros[n - 1] * t;
        const i = segment(times, t);
        return logDf[i] + ((logDf[i + 1] - logDf[i]) / (times[i + 1] - times[i])) * (t - times[i]);
      };
      const zeroRate = (t: Time): Rate => {
        if (t > 0) return -lnDiscount(t) / t;
        // t = 0 is a pillar only when first = 0: the limit is the forward of the first segment.
        return first === 0 ? (logDf[0] - logDf[1]) / (times[1] - times[0]) : zeros[0];
      };
      return { zeroRate, discount: (t) => Math.exp(lnDiscount(t)) };
    }
    case "CUBIC": {
      const m = naturalSplineMoments(times, zeros);
      const zeroRate = (t: Time): Rate => {
        if (t <= first) return zeros[0];
        if (t >= last) return zeros[n - 1];
        const i = segment(times, t);
        const h = times[i + 1] - times[i];
        const a = (times[i + 1] - t) / h;
        const b = (t - times[i]) / h;
        return a * zeros[i] + b * zeros[i + 1] + (((a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1]) * h * h) / 6;
      };
      return { zeroRate, discount: (t) => Math.exp(-zeroRate(t) * t) };
    }
  }
}
