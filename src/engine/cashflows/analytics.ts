import { ensure, precondition } from "../errors";
import { shiftedCurve, tent } from "../curves/shiftedCurve";
import type { YieldCurve } from "../curves/yieldCurve";
import { BASIS_POINT, type Amount, type Rate, type Time } from "../types";

/**
 * Stateless analytics over a leg: signed amounts at times in years from the valuation date.
 * A leg is discounted either on a curve or at a yield compounded `frequency` times a year (0 for
 * continuous).
 */
export interface Leg {
  readonly amounts: ArrayLike<Amount>;
  readonly times: ArrayLike<Time>;
}

export type Discounting = { kind: "curve"; curve: YieldCurve } | { kind: "yield"; rate: Rate; frequency: 0 | 1 | 2 | 4 | 12 };

export type DurationType = "MACAULAY" | "MODIFIED" | "EFFECTIVE";
export const DURATION_TYPES: readonly DurationType[] = ["MACAULAY", "MODIFIED", "EFFECTIVE"];
export type ConvexityType = "MODIFIED" | "EFFECTIVE";
export const CONVEXITY_TYPES: readonly ConvexityType[] = ["MODIFIED", "EFFECTIVE"];

/** Discount factor at t under a discounting, shifted in parallel by `shift`. */
function discountFactor(d: Discounting, t: Time, shift: Rate): number {
  if (d.kind === "curve") return Math.exp(-(d.curve.zeroRate(t) + shift) * t);
  const y = d.rate + shift;
  if (d.frequency === 0) return Math.exp(-y * t);
  const base = 1 + y / d.frequency;
  precondition(base > 0, () => `a yield of ${y} compounded ${d.frequency} times a year gives no discount factor (1 + y/f must be positive)`);
  return Math.pow(base, -d.frequency * t);
}

/**
 * Present value Σ aᵢ·P(tᵢ) (with an optional parallel shift of the yield or of the zero rates).
 * @example presentValue({ amounts: [100], times: [2] }, { kind: "yield", rate: 0.05, frequency: 1 }) //=> 90.702947845805
 */
export function presentValue(leg: Leg, d: Discounting, shift: Rate = 0): Amount {
  let pv = 0;
  for (let i = 0; i < leg.amounts.length; i++) pv += leg.amounts[i] * discountFactor(d, leg.times[i], shift);
  return pv;
}

function nonZero(pv: Amount): Amount {
  ensure(pv !== 0, "the present value is zero, so durations and convexities are undefined");
  return pv;
}

/**
 * Duration of a leg. MACAULAY: Σ t·a·P(t) / PV (Fisher–Weil on a curve). MODIFIED: −(1/PV)·dPV/dy, which is
 * Macaulay/(1 + y/f) at a periodic yield and Macaulay otherwise. EFFECTIVE: (PV(−1bp) − PV(+1bp))/(2·PV·1bp).
 * @example duration({ amounts: [100], times: [3] }, { kind: "yield", rate: 0.04, frequency: 0 }, "MACAULAY") //=> 3
 */
export function duration(leg: Leg, d: Discounting, type: DurationType): Time {
  const pv = nonZero(presentValue(leg, d));
  if (type === "EFFECTIVE") return (presentValue(leg, d, -BASIS_POINT) - presentValue(leg, d, BASIS_POINT)) / (2 * pv * BASIS_POINT);
  let weighted = 0;
  for (let i = 0; i < leg.amounts.length; i++) weighted += leg.times[i] * leg.amounts[i] * discountFactor(d, leg.times[i], 0);
  const macaulay = weighted / pv;
  if (type === "MODIFIED" && d.kind === "yield" && d.frequency > 0) return macaulay / (1 + d.rate / d.frequency);
  return macaulay;
}

/**
 * Convexity of a leg. MODIFIED: (1/PV)·d²PV/dy² — Σ a·t·(t + 1/f)·(1 + y/f)^(−f·t−2) / PV at a periodic
 * yield, Σ a·t²·P(t) / PV continuously or on a curve. EFFECTIVE: (PV(−1bp) + PV(+1bp) − 2·PV)/(PV·1bp²).
 * @example convexity({ amounts: [100], times: [2] }, { kind: "yield", rate: 0.03, frequency: 0 }, "MODIFIED") //=> 4
 */
export function convexity(leg: Leg, d: Discounting, type: ConvexityType): number {
  const pv = nonZero(presentValue(leg, d));
  if (type === "EFFECTIVE") return (presentValue(leg, d, -BASIS_POINT) + presentValue(leg, d, BASIS_POINT) - 2 * pv) / (pv * BASIS_POINT * BASIS_POINT);
  let sum = 0;
  for (let i = 0; i < leg.amounts.length; i++) {
    const t = leg.times[i];
    const a = leg.amounts[i];
    if (d.kind === "yield" && d.frequency > 0) {
      const f = d.frequency;
      sum += a * t * (t + 1 / f) * Math.pow(1 + d.rate / f, -f * t - 2);
    } else {
      sum += a * t * t * discountFactor(d, t, 0);
    }
  }
  return sum / pv;
}

/**
 * Value of a basis point: (PV(−1bp) − PV(+1bp))/2, positive for a long fixed-rate leg.
 * @example dv01({ amounts: [100], times: [1] }, { kind: "yield", rate: 0, frequency: 0 }) //=> 0.0100000000166…
 */
export function dv01(leg: Leg, d: Discounting): Amount {
  return (presentValue(leg, d, -BASIS_POINT) - presentValue(leg, d, BASIS_POINT)) / 2;
}

/** The default key tenors of ALM.KRD, in years. */
export const DEFAULT_KEY_TENORS: readonly Time[] = [0.25, 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30];

/**
 * Key-rate durations: for each key, the zero curve moves by a tent of ±1 bp peaking at the key (see
 * `tent`), and KRD = (PV(−) − PV(+))/(2·PV·1bp), DV01 = (PV(−) − PV(+))/2. The tents add up to a
 * parallel shift, so the KRDs add up to the effective duration (to second order).
 */
export function keyRateDurations(leg: Leg, curve: YieldCurve, keys: readonly Time[]): { key: Time; krd: number; dv01: Amount }[] {
  precondition(keys.length > 0, "at least one key tenor is needed");
  const pv = nonZero(presentValue(leg, { kind: "curve", curve }));
  return keys.map((key, k) => {
    const weight = tent(keys, k);
    const down = presentValue(leg, { kind: "curve", curve: shiftedCurve(curve, (t) => -BASIS_POINT * weight(t)) });
    const up = presentValue(leg, { kind: "curve", curve: shiftedCurve(curve, (t) => BASIS_POINT * weight(t)) });
    return { key, krd: (down - up) / (2 * pv * BASIS_POINT), dv01: (down - up) / 2 };
  });
}

/**
 * Duration gap D_A − (L/A)·D_L.
 * @example durationGap(4, 2, 100, 90) //=> 2.2
 */
export function durationGap(assetDuration: Time, liabilityDuration: Time, assets: Amount, liabilities: Amount): Time {
  precondition(assets !== 0, "assets must not be zero");
  return assetDuration - (liabilities / assets) * liabilityDuration;
}
