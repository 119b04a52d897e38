/**
 * Bucket schemes, edge dates and the date → bucket lookup (src/engine/gap/buckets.ts), against the Basel
 * bucket table (d368 Table 1; SRP31; docs/methodology/gaps.md §1) and EDATE edges computed by hand with
 * Date.UTC.
 */
import fc from "fast-check";
import { EngineError } from "../../../src/engine/errors";
import {
  ANNUAL_BUCKETS,
  BASEL_BUCKETS,
  BUCKET_SCHEMES,
  MONTHLY_BUCKETS,
  bucketLookup,
  bucketMidpoint,
  customBuckets,
  edgeDates,
  edgeTime,
  type BucketScheme,
} from "../../../src/engine/gap/buckets";
import { ANNUAL_EDGE_MONTHS, BASEL_MIDPOINTS, MONTHLY_EDGE_MONTHS, baselEdges, bucketOf, edate, serial } from "./reference";

const NAMES = ["BASEL", "MONTHLY", "ANNUAL"] as const;

const handEdges: Record<keyof typeof BUCKET_SCHEMES, (asOf: number) => number[]> = {
  BASEL: baselEdges,
  MONTHLY: (asOf) => MONTHLY_EDGE_MONTHS.map((m) => edate(asOf, m)),
  ANNUAL: (asOf) => ANNUAL_EDGE_MONTHS.map((m) => edate(asOf, m)),
};

/** Any date from 1901 to 2150, or the last day of a month in that span. */
const asOfArb = fc.oneof(
  fc.integer({ min: serial(1901, 1, 1), max: serial(2150, 12, 31) }),
  fc.record({ y: fc.integer({ min: 1901, max: 2150 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => serial(y, m + 1, 0))
);

describe("the published schemes", () => {
  it("has the 19 Basel buckets with the published midpoints", () => {
    expect(BASEL_BUCKETS.labels).toHaveLength(19);
    expect(BASEL_BUCKETS.edges).toHaveLength(18);
    expect(BASEL_BUCKETS.labels.map((_, k) => bucketMidpoint(BASEL_BUCKETS, k))).toEqual(BASEL_MIDPOINTS);
  });

  it("puts the Basel upper edges at overnight, 1M, 3M, 6M, 9M, 1Y, 1.5Y, 2Y, then yearly to 10Y, 15Y and 20Y", () => {
    const years = [1 / 365, 1 / 12, 0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20];
    BASEL_BUCKETS.edges.forEach((e, k) => expect(edgeTime(e)).toBeCloseTo(years[k], 14));
  });

  it("has 12 monthly buckets then 1–2Y, 2–3Y, 3–5Y, 5–10Y and >10Y in MONTHLY, and 30 yearly buckets then >30Y in ANNUAL", () => {
    expect(MONTHLY_BUCKETS.labels).toHaveLength(17);
    expect(MONTHLY_BUCKETS.edges.map(edgeTime)).toEqual(MONTHLY_EDGE_MONTHS.map((m) => m / 12));
    expect(MONTHLY_BUCKETS.labels.slice(12)).toEqual(["1Y-2Y", "2Y-3Y", "3Y-5Y", "5Y-10Y", ">10Y"]);
    expect(ANNUAL_BUCKETS.labels).toHaveLength(31);
    expect(ANNUAL_BUCKETS.edges.map(edgeTime)).toEqual(ANNUAL_EDGE_MONTHS.map((m) => m / 12));
    expect(ANNUAL_BUCKETS.labels[30]).toBe(">30Y");
  });

  it("takes midpoints of closed buckets from their edges and leaves the open bucket without one", () => {
    expect(bucketMidpoint(MONTHLY_BUCKETS, 0)).toBeCloseTo(1 / 24, 15);
    expect(bucketMidpoint(MONTHLY_BUCKETS, 14)).toBeCloseTo(4, 15);
    expect(bucketMidpoint(MONTHLY_BUCKETS, 16)).toBeUndefined();
    expect(bucketMidpoint(ANNUAL_BUCKETS, 29)).toBeCloseTo(29.5, 15);
  });
});

describe("edge dates", () => {
  it.each([
    ["a mid-month date", serial(2026, 3, 15)],
    ["the 31st of January of a leap year", serial(2024, 1, 31)],
    ["29 February", serial(2024, 2, 29)],
    ["28 February of a common year", serial(2025, 2, 28)],
    ["31 August", serial(2026, 8, 31)],
    ["31 December", serial(2026, 12, 31)],
  ])("are EDATE from as_of with the end-of-month clamp, for %s", (_what, asOf) => {
    for (const name of NAMES) {
      expect(Array.from(edgeDates(BUCKET_SCHEMES[name], asOf))).toEqual(handEdges[name](asOf));
    }
  });

  it("clamps the 31st to the end of shorter months and keeps the 29th from 29 February", () => {
    const fromJan31 = Array.from(edgeDates(BASEL_BUCKETS, serial(2025, 1, 31)));
    expect(fromJan31.slice(0, 4)).toEqual([serial(2025, 2, 1), serial(2025, 2, 28), serial(2025, 4, 30), serial(2025, 7, 31)]);
    const fromLeapDay = Array.from(edgeDates(MONTHLY_BUCKETS, serial(2024, 2, 29)));
    expect(fromLeapDay[0]).toBe(serial(2024, 3, 29));
    expect(fromLeapDay[11]).toBe(serial(2025, 2, 28));
    expect(fromLeapDay[12]).toBe(serial(2026, 2, 28));
  });

  it("are EDATE for any as_of, month ends included", () => {
    fc.assert(
      fc.property(asOfArb, fc.constantFrom(...NAMES), (asOf, name) => {
        expect(Array.from(edgeDates(BUCKET_SCHEMES[name], asOf))).toEqual(handEdges[name](asOf));
      }),
      { seed: 31, numRuns: 400 }
    );
  });

  it("turn numeric edges in years into whole months by EDATE plus the rest of a month in days", () => {
    // 0.1 years = 1.2 months: EDATE(1 month) then round(0.2 · 365 / 12) = round(6.08) = 6 days.
    const scheme = customBuckets([0.1, 0.25, 1.5, 2], ["0.1Y", "0.25Y", "1.5Y", "2Y"]);
    const asOf = serial(2026, 1, 31);
    expect(Array.from(edgeDates(scheme, asOf))).toEqual([serial(2026, 2, 28) + 6, serial(2026, 4, 30), serial(2027, 7, 31), serial(2028, 1, 31)]);
  });

  it("reject custom edges that fall on the same date", () => {
    // From 1 February 2026 four weeks and one month both end on 1 March.
    const scheme = customBuckets([{ unit: "W", count: 4 }, { unit: "M", count: 1 }], ["4W", "1M"]);
    expect(() => edgeDates(scheme, serial(2026, 2, 1))).toThrow(EngineError);
    expect(() => edgeDates(scheme, serial(2026, 2, 1))).toThrow(/bucket edges 0-4W and 4W-1M fall on the same date/);
    expect(Array.from(edgeDates(scheme, serial(2026, 3, 1)))).toEqual([serial(2026, 3, 29), serial(2026, 4, 1)]);
  });

  it("reject a first edge that is not after as_of", () => {
    expect(() => edgeDates(customBuckets([0.001], ["0.001Y"]), serial(2026, 1, 1))).toThrow(/the first bucket edge must be after as_of/);
  });
});

describe("bucketLookup", () => {
  const asOf = serial(2026, 1, 31);
  const lookup = bucketLookup(edgeDates(BASEL_BUCKETS, asOf), asOf);

  it("puts as_of, dates before it and the next day in the overnight bucket", () => {
    expect(lookup(asOf)).toBe(0);
    expect(lookup(asOf - 1)).toBe(0);
    expect(lookup(serial(1990, 1, 1))).toBe(0);
    expect(lookup(asOf + 1)).toBe(0);
    expect(lookup(asOf + 2)).toBe(1);
  });

  it("keeps a date on an upper edge in the bucket below it: (lower, upper]", () => {
    expect(lookup(serial(2026, 2, 28))).toBe(1);
    expect(lookup(serial(2026, 3, 1))).toBe(2);
    expect(lookup(serial(2026, 4, 30))).toBe(2);
    expect(lookup(serial(2026, 5, 1))).toBe(3);
    expect(lookup(serial(2046, 1, 31))).toBe(17);
    expect(lookup(serial(2046, 2, 1))).toBe(18);
    expect(lookup(serial(2150, 1, 1))).toBe(18);
  });

  it("agrees with the (lower, upper] rule for any as_of, scheme and date, edges and their neighbours included", () => {
    const custom = fc
      .uniqueArray(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 12 })
      .map((months) => months.sort((a, b) => a - b))
      .map((months) => ({ scheme: customBuckets(months.map((count) => ({ unit: "M" as const, count })), months.map((m) => `${m}M`)), months }));
    const scheme = fc.oneof(
      fc.constantFrom(...NAMES).map((name) => ({ scheme: BUCKET_SCHEMES[name] as BucketScheme, name })),
      custom
    );
    fc.assert(
      fc.property(asOfArb, scheme, fc.array(fc.tuple(fc.nat(), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -500, max: 366 * 45 })), { maxLength: 30 }), (asOf, s, probes) => {
        const hand = "months" in s ? s.months.map((m) => edate(asOf, m)) : handEdges[s.name](asOf);
        const look = bucketLookup(edgeDates(s.scheme, asOf), asOf);
        for (const [edgeIndex, delta, offset] of probes) {
          for (const date of [hand[edgeIndex % hand.length] + delta, asOf + offset]) expect(look(date)).toBe(bucketOf(date, asOf, hand));
        }
      }),
      { seed: 7, numRuns: 400 }
    );
  });
});

describe("custom schemes", () => {
  it("label buckets from consecutive edges and add an open bucket beyond the last", () => {
    const scheme = customBuckets([{ unit: "D", count: 1 }, { unit: "M", count: 3 }, 1], ["ON", "3M", "1Y"]);
    expect(scheme.labels).toEqual(["0-ON", "ON-3M", "3M-1Y", ">1Y"]);
    expect(scheme.midpoints).toBeUndefined();
  });

  it("need at least one edge", () => {
    expect(() => customBuckets([], [])).toThrow(/at least one bucket edge/);
  });

  it("read ON as one day and nW as 7n days in years", () => {
    expect(edgeTime({ unit: "D", count: 1 })).toBe(1 / 365);
    expect(edgeTime({ unit: "W", count: 2 })).toBe(14 / 365);
    expect(edgeTime({ unit: "M", count: 18 })).toBe(1.5);
    expect(edgeTime(2.5)).toBe(2.5);
  });
});
