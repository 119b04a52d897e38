/**
 * Hand-written references for the gap tests, independent of src/engine/time: Excel serials by
 * JavaScript's Date.UTC (serial = days since 1899-12-30, valid from 1900-03-01 on), Excel EDATE with
 * its end-of-month clamp, the (lower, upper] bucket rule by a linear scan, and exact decimal sums.
 */
import Decimal from "decimal.js";

const DAY_MS = 86_400_000;
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel serial of a calendar date (month 1–12; a month past 12 rolls into the next year, as in DATE). */
export function serial(year: number, month: number, day: number): number {
  return (Date.UTC(year, month - 1, day) - EPOCH_MS) / DAY_MS;
}

export function civil(s: number): { year: number; month: number; day: number } {
  const t = new Date(EPOCH_MS + s * DAY_MS);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Excel EDATE: same day `months` later, clamped to the last day of the target month. */
export function edate(s: number, months: number): number {
  const { year, month, day } = civil(s);
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return serial(year, month + months, Math.min(day, lastDay));
}

/** Upper edges in months of the Basel table (d368 Table 1; docs/methodology/gaps.md §1), after the overnight edge. */
export const BASEL_EDGE_MONTHS = [1, 3, 6, 9, 12, 18, 24, 36, 48, 60, 72, 84, 96, 108, 120, 180, 240];

/** Published midpoints t_k of the 19 Basel buckets (d368 Table 1; docs/methodology/gaps.md §1). */
export const BASEL_MIDPOINTS = [0.0028, 0.0417, 0.1667, 0.375, 0.625, 0.875, 1.25, 1.75, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 12.5, 17.5, 25];

/** Upper-edge dates of the Basel buckets: overnight is as_of + 1 day, the rest EDATE(as_of, months). */
export function baselEdges(asOf: number): number[] {
  return [asOf + 1, ...BASEL_EDGE_MONTHS.map((m) => edate(asOf, m))];
}

/** MONTHLY: 1..12 months, then 2, 3, 5 and 10 years. ANNUAL: 1..30 years. */
export const MONTHLY_EDGE_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24, 36, 60, 120];
export const ANNUAL_EDGE_MONTHS = Array.from({ length: 30 }, (_, k) => 12 * (k + 1));

/** Bucket of a date: the first bucket on or before as_of, else the first k with date ≤ edge k, else the open one. */
export function bucketOf(date: number, asOf: number, edges: readonly number[]): number {
  if (date <= asOf) return 0;
  for (let k = 0; k < edges.length; k++) if (date <= edges[k]) return k;
  return edges.length;
}

/** Exact decimal sum of numbers, each read as the decimal it prints as. */
export function dsum(values: readonly (number | string | Decimal)[]): Decimal {
  return values.reduce<Decimal>((s, v) => s.plus(new Decimal(v)), new Decimal(0));
}

/** Catches the Excel error a function throws (the shared helper, re-exported for the gap tests). */
export { thrown } from "../../helpers/golden";
