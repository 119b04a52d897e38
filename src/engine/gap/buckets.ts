import { precondition } from "../errors";
import { tenorDate, yearsToDate, type Tenor } from "../time/tenor";
import type { SerialDate, Time } from "../types";

/**
 * Time buckets. Each bucket k holds (edge k−1, edge k]; the last bucket is open-ended; dates on or
 * before the valuation date fall in the first bucket. Edges are tenors, turned into dates by EDATE from
 * `as_of` (end-of-month clamped) or into years without a date.
 */
export interface BucketScheme {
  readonly name: string;
  readonly labels: readonly string[];
  /** Upper edges of every bucket but the last, as tenors or numbers of years. */
  readonly edges: readonly (Tenor | Time)[];
  /** Published midpoints (BASEL), or undefined to use the middle of each closed bucket. */
  readonly midpoints?: readonly Time[];
}

const M = (count: number): Tenor => ({ unit: "M", count });

/**
 * The 19 buckets of the Basel standardised framework with their published midpoints
 * (d368 Table 1; SRP31; docs/methodology/gaps.md §1).
 */
export const BASEL_BUCKETS: BucketScheme = {
  name: "BASEL",
  labels: ["Overnight", "O/N-1M", "1M-3M", "3M-6M", "6M-9M", "9M-1Y", "1Y-1.5Y", "1.5Y-2Y", "2Y-3Y", "3Y-4Y", "4Y-5Y", "5Y-6Y", "6Y-7Y", "7Y-8Y", "8Y-9Y", "9Y-10Y", "10Y-15Y", "15Y-20Y", ">20Y"],
  edges: [{ unit: "D", count: 1 }, M(1), M(3), M(6), M(9), M(12), M(18), M(24), M(36), M(48), M(60), M(72), M(84), M(96), M(108), M(120), M(180), M(240)],
  midpoints: [0.0028, 0.0417, 0.1667, 0.375, 0.625, 0.875, 1.25, 1.75, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5, 12.5, 17.5, 25],
};

export const MONTHLY_BUCKETS: BucketScheme = {
  name: "MONTHLY",
  labels: [...Array.from({ length: 12 }, (_, k) => (k === 0 ? "0-1M" : `${k}M-${k + 1}M`)), "1Y-2Y", "2Y-3Y", "3Y-5Y", "5Y-10Y", ">10Y"],
  edges: [...Array.from({ length: 12 }, (_, k) => M(k + 1)), M(24), M(36), M(60), M(120)],
};

export const ANNUAL_BUCKETS: BucketScheme = {
  name: "ANNUAL",
  labels: [...Array.from({ length: 30 }, (_, k) => `${k}Y-${k + 1}Y`), ">30Y"],
  edges: Array.from({ length: 30 }, (_, k) => M(12 * (k + 1))),
};

export const BUCKET_SCHEMES = { BASEL: BASEL_BUCKETS, MONTHLY: MONTHLY_BUCKETS, ANNUAL: ANNUAL_BUCKETS } as const;
export type BucketSchemeName = keyof typeof BUCKET_SCHEMES;
export const BUCKET_SCHEME_NAMES = Object.keys(BUCKET_SCHEMES) as BucketSchemeName[];

/** A scheme from custom upper edges (years or tenors), with a final open bucket beyond the last. */
export function customBuckets(edges: readonly (Tenor | Time)[], labels: readonly string[]): BucketScheme {
  precondition(edges.length > 0, "at least one bucket edge is needed");
  const names = labels.map((l, k) => (k === 0 ? `0-${l}` : `${labels[k - 1]}-${l}`));
  return { name: "CUSTOM", labels: [...names, `>${labels[labels.length - 1]}`], edges };
}

export function edgeTime(edge: Tenor | Time): Time {
  if (typeof edge === "number") return edge;
  return edge.unit === "D" ? edge.count / 365 : edge.unit === "W" ? (7 * edge.count) / 365 : edge.count / 12;
}

export function edgeDate(asOf: SerialDate, edge: Tenor | Time): SerialDate {
  return typeof edge === "number" ? yearsToDate(asOf, edge) : tenorDate(asOf, edge);
}

/** Upper-edge dates of a scheme from `asOf`, checked to be strictly increasing. */
export function edgeDates(scheme: BucketScheme, asOf: SerialDate): Int32Array {
  const dates = Int32Array.from(scheme.edges, (e) => edgeDate(asOf, e));
  for (let k = 1; k < dates.length; k++) {
    precondition(dates[k] > dates[k - 1], () => `bucket edges ${scheme.labels[k - 1]} and ${scheme.labels[k]} fall on the same date or out of order`);
  }
  precondition(dates.length === 0 || dates[0] > asOf, "the first bucket edge must be after as_of");
  return dates;
}

/**
 * A fast date → bucket lookup: a table by day offset from `asOf` up to the last edge; dates on or
 * before `asOf` map to bucket 0, dates beyond the last edge to the last bucket.
 * @example bucketLookup(edgeDates(BASEL_BUCKETS, asOf), asOf)(asOf + 1) //=> 0 (overnight)
 */
export function bucketLookup(edges: Int32Array, asOf: SerialDate): (date: SerialDate) => number {
  const last = edges.length ? edges[edges.length - 1] : asOf;
  const table = new Uint16Array(Math.max(0, last - asOf) + 1);
  let k = 0;
  for (let d = 1; d < table.length; d++) {
    while (k < edges.length && asOf + d > edges[k]) k++;
    table[d] = k;
  }
  const open = edges.length;
  return (date) => (date <= asOf ? 0 : date > last ? open : table[date - asOf]);
}

/** Midpoint of bucket k in years: the published one, else the middle of a closed bucket (undefined when open). */
export function bucketMidpoint(scheme: BucketScheme, k: number): Time | undefined {
  if (scheme.midpoints) return scheme.midpoints[k];
  if (k >= scheme.edges.length) return undefined;
  const lower = k === 0 ? 0 : edgeTime(scheme.edges[k - 1]);
  return (lower + edgeTime(scheme.edges[k])) / 2;
}

