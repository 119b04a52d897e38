import Decimal from "decimal.js";
import { ensure } from "./errors";
import type { Amount } from "./types";

/**
 * Exact money sums. Amounts arrive as doubles standing for the decimals a user typed (12.34). When every
 * amount has at most MAX_DECIMALS decimals they are summed as integers of 10^-k units, which is exact and
 * fast; otherwise decimal.js sums their shortest decimal forms. Either way a total is the double nearest
 * the exact decimal sum, and buckets reconcile to it.
 */
export const MAX_DECIMALS = 6;
const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

/** The fewest decimals k ≤ 6 at which every amount is a whole number of 10^-k units, or undefined. */
export function decimalPlaces(amounts: ArrayLike<Amount>): number | undefined {
  let k = 0;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    while (k <= MAX_DECIMALS && Math.round(a * POW10[k]) / POW10[k] !== a) k++;
    if (k > MAX_DECIMALS) return undefined;
  }
  return k;
}

/**
 * Sums `amounts` into `groups` buckets (group[i] is amount i's bucket) exactly; returns the bucket sums
 * and their total as exact decimals (`toNumber()` gives the nearest double).
 */
export function exactGroupSums(amounts: ArrayLike<Amount>, group: ArrayLike<number>, groups: number): { sums: Decimal[]; total: Decimal } {
  const k = decimalPlaces(amounts);
  if (k !== undefined) {
    const scale = POW10[k];
    const units = new Float64Array(groups);
    let bound = 0;
    for (let i = 0; i < amounts.length; i++) {
      const u = Math.round(amounts[i] * scale);
      units[group[i]] += u;
      bound += Math.abs(u);
    }
    if (bound < Number.MAX_SAFE_INTEGER) {
      let total = 0;
      for (let g = 0; g < groups; g++) total += units[g];
      return { sums: Array.from(units, (u) => new Decimal(u).div(scale)), total: new Decimal(total).div(scale) };
    }
  }
  const sums = Array.from({ length: groups }, () => new Decimal(0));
  for (let i = 0; i < amounts.length; i++) sums[group[i]] = sums[group[i]].plus(amounts[i]);
  const total = Decimal.sum(...sums, 0);
  return { sums, total };
}

/**
 * Rounds computed bucket values to 10^-k units so that they add up exactly to `exactTotal` (largest-
 * remainder rounding). Used where bucket values come from generated flows (amortisation) but the total
 * must equal the input balances to the cent.
 */
export function reconcile(values: readonly Amount[], exactTotal: Amount, decimals: number): Amount[] {
  const scale = Math.pow(10, decimals);
  // Values are first snapped to a millionth of a unit, so floating-point noise from the order in which
  // flows were summed cannot decide a rounding (50.005 summed two ways is still exactly half a cent).
  const raw = values.map((v) => {
    const units = v * scale;
    return Math.abs(units) < 1e9 ? Math.round(units * 1e6) / 1e6 : units;
  });
  const rounded = raw.map((v) => Math.round(v));
  const diff = Math.round(exactTotal * scale) - rounded.reduce((a, b) => a + b, 0);
  // Rounding moves each bucket by less than one unit; beyond that only floating-point error in sums of
  // large amounts is expected. A larger gap means the values do not belong to this total.
  const tolerance = values.length + 1e-9 * raw.reduce((a, v) => a + Math.abs(v), 0);
  ensure(Math.abs(diff) <= tolerance, () => `bucket values miss their exact total by ${diff} units of 10^-${decimals}; they cannot be reconciled by rounding`);
  // Largest remainders first; on a tie the earlier bucket keeps the larger share, so the result does not
  // depend on row order.
  const remainder = raw.map((v, i) => (v - rounded[i]) * Math.sign(diff));
  const order = raw.map((_, i) => i).sort((a, b) => remainder[b] - remainder[a] || (diff > 0 ? a - b : b - a));
  const step = Math.sign(diff);
  const each = Math.floor(Math.abs(diff) / order.length);
  const extra = Math.abs(diff) - each * order.length;
  order.forEach((k, j) => {
    rounded[k] += step * (each + (j < extra ? 1 : 0));
  });
  return rounded.map((u) => u / scale);
}
