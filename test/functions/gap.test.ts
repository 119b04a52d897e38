/**
 * ALM.BUCKETS and ALM.GAP called exactly as Excel calls them: through the emulated Excel host, which loads
 * the built dist/functions.js and marshals each argument as dist/functions.json declares it (a range as a
 * 2-D array, a literal as a plain value, `null` an omitted argument). Edge dates come from a hand-written
 * EDATE (Date.UTC), bucket membership from the (lower, upper] rule written out in the test, and every
 * expected money value from a hand sum or from integer cents summed exactly.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { excel, hostFunctions, loadExcelHost, rejected } from "../helpers/excelHost";
import {
  ANNUAL_EDGE_MONTHS,
  BASEL_MIDPOINTS,
  MONTHLY_EDGE_MONTHS,
  baselEdges,
  bucketOf,
  civil,
  dsum,
  edate,
  serial,
} from "../engine/gap/reference";

/** What a table function spills, typed as loosely as `functionsById` typed it (cells may be errors). */
type Spill = (...args: unknown[]) => Promise<any[][]>;
const { BUCKETS, GAP } = excel as Record<"BUCKETS" | "GAP", Spill>;
type Row = (string | number)[];

const GAP_HEADER = ["Bucket", "From", "To", "Assets", "Liabilities", "Gap", "Cumulative gap"];
const BASEL_LABELS = ["Overnight", "O/N-1M", "1M-3M", "3M-6M", "6M-9M", "9M-1Y", "1Y-1.5Y", "1.5Y-2Y", "2Y-3Y", "3Y-4Y", "4Y-5Y", "5Y-6Y", "6Y-7Y", "7Y-8Y", "8Y-9Y", "9Y-10Y", "10Y-15Y", "15Y-20Y", ">20Y"];

const iso = (s: number): string => {
  const { year, month, day } = civil(s);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
};
const column = (values: unknown[]): unknown[][] => values.map((v) => [v]);

describe("ALM.BUCKETS", () => {
  it("lists the 19 Basel buckets with their edges in years and the published midpoints by default", async () => {
    const t = await BUCKETS(null, null, null);
    expect(t[0]).toEqual(["Bucket", "From", "To", "Midpoint"]);
    expect(t).toHaveLength(20);
    const upper = [1 / 365, 1 / 12, 3 / 12, 6 / 12, 9 / 12, 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20];
    t.slice(1).forEach((row, k) => {
      expect(row[0]).toBe(BASEL_LABELS[k]);
      expect(row[1]).toBeCloseTo(k === 0 ? 0 : upper[k - 1], 14);
      if (k < 18) expect(row[2]).toBeCloseTo(upper[k], 14);
      else expect(row[2]).toBe("");
      expect(row[3]).toBe(BASEL_MIDPOINTS[k]);
    });
  });

  it("gives From and To as dates by EDATE from an as_of at month end, and accepts the scheme in any case", async () => {
    const asOf = serial(2024, 1, 31);
    const edges = baselEdges(asOf);
    expect(edges.slice(0, 3)).toEqual([serial(2024, 2, 1), serial(2024, 2, 29), serial(2024, 4, 30)]);
    const t = await BUCKETS("basel", iso(asOf), false);
    expect(t).toHaveLength(19);
    t.forEach((row, k) => {
      expect(row[1]).toBe(k === 0 ? asOf : edges[k - 1]);
      expect(row[2]).toBe(k < 18 ? edges[k] : "");
    });
  });

  it.each([
    ["MONTHLY", MONTHLY_EDGE_MONTHS, ["0-1M", "1M-2M", "2M-3M", "3M-4M", "4M-5M", "5M-6M", "6M-7M", "7M-8M", "8M-9M", "9M-10M", "10M-11M", "11M-12M", "1Y-2Y", "2Y-3Y", "3Y-5Y", "5Y-10Y", ">10Y"]],
    ["ANNUAL", ANNUAL_EDGE_MONTHS, [...Array.from({ length: 30 }, (_, k) => `${k}Y-${k + 1}Y`), ">30Y"]],
  ])("lists %s buckets with EDATE edges from an as_of on 29 February", async (scheme, months, labels) => {
    const asOf = serial(2024, 2, 29);
    const t = await BUCKETS([[scheme]], asOf, true);
    expect(t.slice(1).map((r) => r[0])).toEqual(labels);
    expect(t.slice(1).map((r) => r[2])).toEqual([...months.map((m) => edate(asOf, m)), ""]);
    expect(t[t.length - 1][3]).toBe("");
    expect(t[1][3]).toBeCloseTo(months[0] / 24, 14);
  });

  it("takes custom upper edges as tenors or years, in a column with trailing blanks, midpoints at the middle of closed buckets", async () => {
    const asOf = serial(2026, 8, 31);
    const edges = [["ON"], ["3m"], [1], ["18M"], [2.5], [null], [""], [null]];
    const t = await BUCKETS(edges, asOf, true);
    expect(t.slice(1)).toEqual([
      ["0-ON", asOf, asOf + 1, expect.closeTo(0.5 / 365, 15)],
      ["ON-3M", asOf + 1, serial(2026, 11, 30), expect.closeTo((1 / 365 + 0.25) / 2, 15)],
      ["3M-1Y", serial(2026, 11, 30), serial(2027, 8, 31), 0.625],
      ["1Y-18M", serial(2027, 8, 31), serial(2028, 2, 29), 1.25],
      ["18M-2.5Y", serial(2028, 2, 29), serial(2029, 2, 28), 2],
      [">2.5Y", serial(2029, 2, 28), "", ""],
    ]);
    expect(await BUCKETS([["ON", "3m", 1, "18M", 2.5, null]], asOf, true)).toEqual(t);
  });

  it("reads one tenor alone as a single custom edge, not as a scheme name", async () => {
    expect(await BUCKETS("5Y", null, false)).toEqual([
      ["0-5Y", 0, 5, 2.5],
      [">5Y", 5, "", ""],
    ]);
  });
});

describe("ALM.GAP buckets items by date, (lower, upper], with exact sums", () => {
  // as_of at a month end: 1M is 28 February, 3M 30 April, 20Y 31 January 2046.
  const asOf = serial(2026, 1, 31);
  const items: [number, number][] = [
    [100.1, serial(2026, 1, 31)], // on as_of → Overnight
    [200.2, serial(2025, 12, 31)], // before as_of → Overnight
    [-0.01, serial(2026, 2, 1)], // on the overnight edge → Overnight
    [1000, serial(2026, 2, 28)], // end of February, on the 1M edge → O/N-1M
    [0.1, serial(2026, 2, 2)], // → O/N-1M
    [0.2, serial(2026, 2, 2)], // → O/N-1M (0.1 + 0.2 must give 1000.3 exactly)
    [-333.33, serial(2026, 3, 1)], // → 1M-3M
    [0.07, serial(2026, 3, 31)], // the 31st → 1M-3M
    [-12.34, serial(2026, 4, 30)], // on the 3M edge → 1M-3M
    [45.67, serial(2026, 5, 1)], // → 3M-6M
    [2500.5, serial(2046, 1, 31)], // on the 20Y edge → 15Y-20Y
    [-99.99, serial(2046, 2, 1)], // → >20Y
  ];
  // Hand sums per bucket (assets, liabilities), then gap and cumulative gap.
  const handA = [300.3, 1000.3, 0.07, 45.67, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2500.5, 0];
  const handL = [0.01, 0, 345.67, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 99.99];
  const handGap = [300.29, 1000.3, -345.6, 45.67, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2500.5, -99.99];
  const handCumulative = [300.29, 1300.59, 954.99, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 1000.66, 3501.16, 3401.17];
  const edges = baselEdges(asOf);
  const expected: Row[] = [
    GAP_HEADER,
    ...BASEL_LABELS.map((label, k) => [label, k === 0 ? asOf : edges[k - 1], k < 18 ? edges[k] : "", handA[k], handL[k], handGap[k], handCumulative[k]]),
    ["Total", "", "", 3846.84, 445.67, 3401.17, ""],
  ];

  it("gives the hand-computed table for items on as_of, before it, on edges, at the end of February and on the 31st", async () => {
    expect(await GAP(column(items.map((i) => i[0])), column(items.map((i) => i[1])), asOf, null, null, null)).toEqual(expected);
  });

  it("gives the same table from positive amounts with sides, in any spelling, and from ISO text dates", async () => {
    const sides = items.map(([a], i) => (a < 0 ? ["L", "liability", " Liability "][i % 3] : ["A", "asset", "ASSET"][i % 3]));
    const t = await GAP(column(items.map((i) => Math.abs(i[0]))), column(items.map((i) => iso(i[1]))), iso(asOf), "BASEL", column(sides), true);
    expect(t).toEqual(expected);
  });

  it("drops fractions of a day from date serials", async () => {
    const t = await GAP(column(items.map((i) => i[0])), column(items.map((i) => i[1] + 0.75)), asOf + 0.5, null, null, null);
    expect(t).toEqual(expected);
  });

  it("ignores thousands of blank trailing rows of whole-column ranges, whether null or empty text", async () => {
    const pad = (values: unknown[]) => column([...values, null, "", ...Array.from({ length: 4000 }, (_, i) => (i % 2 ? null : ""))]);
    const t = await GAP(pad(items.map((i) => i[0])), pad(items.map((i) => i[1])), asOf, null, null, null);
    expect(t).toEqual(expected);
    const sides = pad(items.map(([a]) => (a < 0 ? "L" : "A")));
    expect(await GAP(pad(items.map((i) => Math.abs(i[0]))), pad(items.map((i) => i[1])), asOf, null, sides, null)).toEqual(expected);
  });

  it("reads amounts and dates given as rows rather than columns", async () => {
    expect(await GAP([items.map((i) => i[0])], [items.map((i) => i[1])], asOf, null, null, null)).toEqual(expected);
  });

  it("reads an empty cell given as sides as omitted sides, whether Excel passes it as null or as empty text", async () => {
    const amounts = column(items.map((i) => i[0]));
    const dates = column(items.map((i) => i[1]));
    expect(await GAP(amounts, dates, asOf, null, [[null]], null)).toEqual(expected);
    expect(await hostFunctions(loadExcelHost({ emptyCell: "" })).GAP(amounts, dates, asOf, null, [[null]], null)).toEqual(expected);
  });

  it("drops the header row with headers FALSE", async () => {
    expect(await GAP(column(items.map((i) => i[0])), column(items.map((i) => i[1])), asOf, null, null, false)).toEqual(expected.slice(1));
  });

  it("handles a single row", async () => {
    const t = await GAP([[-1234.56]], [[serial(2027, 2, 1)]], asOf, null, null, false);
    // 2027-02-01 is one day past the 1Y edge (2027-01-31): bucket 1Y-1.5Y.
    t.slice(0, 19).forEach((row, k) => {
      expect(row[3]).toBe(0);
      expect(row[4]).toBe(k === 6 ? 1234.56 : 0);
      expect(row[6]).toBe(k >= 6 ? -1234.56 : 0);
    });
    expect(t[19]).toEqual(["Total", "", "", 0, 1234.56, -1234.56, ""]);
    expect(await GAP(-1234.56, serial(2027, 2, 1), asOf, null, null, false)).toEqual(t);
  });

  it("returns every bucket empty and a zero Total when every row is blank", async () => {
    const t = await GAP(column([null, "", null]), column(["", null, null]), asOf, "MONTHLY", null, false);
    expect(t).toHaveLength(18);
    t.slice(0, 17).forEach((row) => expect(row.slice(3)).toEqual([0, 0, 0, 0]));
    expect(t[17]).toEqual(["Total", "", "", 0, 0, 0, ""]);
  });
});

describe("ALM.GAP with as_of at month ends and custom edges", () => {
  it("moves edges from 29 February to the 29th of later months, as EDATE does, and clamps in February", async () => {
    const asOf = serial(2024, 2, 29);
    // MONTHLY: 1M edge 29 March, 12M edge 28 February 2025, 48M… (3Y–5Y upper edge 60M = 28 February 2029).
    const dates = [serial(2024, 3, 29), serial(2024, 3, 30), serial(2025, 2, 28), serial(2025, 3, 1), serial(2029, 2, 28), serial(2029, 3, 1)];
    const t = await GAP(column([1, 2, 4, 8, 16, 32]), column(dates), asOf, "MONTHLY", null, false);
    const assets = t.slice(0, 17).map((r) => r[3]);
    expect(assets).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 8, 0, 16, 32, 0]);
  });

  it("uses EDATE edges from 31 August: 1M is 30 September, 6M is 28 February", async () => {
    const asOf = serial(2026, 8, 31);
    const dates = [serial(2026, 9, 30), serial(2026, 10, 1), serial(2027, 2, 28), serial(2027, 3, 1), serial(2027, 3, 31)];
    const t = await GAP(column([1, 2, 4, 8, 16]), column(dates), asOf, [["1M"], ["6M"], ["7M"]], null, false);
    expect(t.map((r) => r.slice(0, 4))).toEqual([
      ["0-1M", asOf, serial(2026, 9, 30), 1],
      ["1M-6M", serial(2026, 9, 30), serial(2027, 2, 28), 6],
      ["6M-7M", serial(2027, 2, 28), serial(2027, 3, 31), 24],
      [">7M", serial(2027, 3, 31), "", 0],
      ["Total", "", "", 31],
    ]);
  });
});

describe("ALM.GAP totals are exact and reconcile, for any input", () => {
  type Scheme = { arg: unknown; months: number[]; overnight: boolean; weeks: number };
  const NAMED: Record<string, Scheme> = {
    BASEL: { arg: "BASEL", months: [1, 3, 6, 9, 12, 18, 24, 36, 48, 60, 72, 84, 96, 108, 120, 180, 240], overnight: true, weeks: 0 },
    MONTHLY: { arg: "MONTHLY", months: MONTHLY_EDGE_MONTHS, overnight: false, weeks: 0 },
    ANNUAL: { arg: "ANNUAL", months: ANNUAL_EDGE_MONTHS, overnight: false, weeks: 0 },
  };
  /** Custom edges: optional ON and 1W/2W, then increasing month counts written as nM, nY or years. */
  const custom = fc
    .record({
      months: fc.uniqueArray(fc.integer({ min: 1, max: 480 }), { minLength: 1, maxLength: 10 }),
      overnight: fc.boolean(),
      weeks: fc.constantFrom(0, 1, 2),
      style: fc.array(fc.constantFrom("M", "Y", "years"), { minLength: 10, maxLength: 10 }),
      trailing: fc.integer({ min: 0, max: 5 }),
    })
    .map(({ months, overnight, weeks, style, trailing }): Scheme => {
      const sorted = months.sort((a, b) => a - b);
      const cells: unknown[] = [...(overnight ? ["ON"] : []), ...(weeks ? [`${weeks}W`] : [])];
      sorted.forEach((m, i) => {
        if (style[i] === "Y" && m % 12 === 0) cells.push(`${m / 12}Y`);
        else if (style[i] === "years" && m % 3 === 0) cells.push(m / 12);
        else cells.push(`${m}M`);
      });
      return { arg: column([...cells, ...Array.from({ length: trailing }, () => null)]), months: sorted, overnight, weeks };
    });
  const scheme = fc.oneof(fc.constantFrom(...Object.values(NAMED)), custom);
  const asOfArb = fc.oneof(
    fc.integer({ min: serial(1990, 1, 1), max: serial(2060, 12, 31) }),
    fc.record({ y: fc.integer({ min: 1990, max: 2060 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => serial(y, m + 1, 0))
  );
  const cents = fc.oneof(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -1e11, max: 1e11 }), fc.constant(0));
  /** A date anchored on an edge (±1 day), on or before as_of, or anywhere over 45 years. */
  const anchor = fc.oneof(
    fc.record({ kind: fc.constant("edge" as const), index: fc.nat(), delta: fc.integer({ min: -1, max: 1 }) }),
    fc.record({ kind: fc.constant("offset" as const), days: fc.integer({ min: -400, max: 366 * 45 }) }),
    fc.record({ kind: fc.constant("offset" as const), days: fc.integer({ min: -3, max: 3 }) })
  );
  const item = fc.record({ cents, anchor, form: fc.constantFrom("serial", "fraction", "iso") });

  const handEdges = (s: Scheme, asOf: number) => [...(s.overnight ? [asOf + 1] : []), ...(s.weeks ? [asOf + 7 * s.weeks] : []), ...s.months.map((m) => edate(asOf, m))];

  function check(asOf: number, s: Scheme, rows: { cents: number; date: number }[], t: unknown[][]) {
    const edges = handEdges(s, asOf);
    const K = edges.length + 1;
    const a = Array.from({ length: K }, () => 0);
    const l = Array.from({ length: K }, () => 0);
    for (const r of rows) {
      const k = bucketOf(r.date, asOf, edges);
      if (r.cents >= 0) a[k] += r.cents;
      else l[k] -= r.cents;
    }
    expect(t).toHaveLength(K + 1);
    const body = t.slice(0, K) as Row[];
    const total = t[K] as Row;
    const D = (v: unknown) => new Decimal(v as number);
    let cumulative = new Decimal(0);
    body.forEach((row, k) => {
      expect(row[1]).toBe(k === 0 ? asOf : edges[k - 1]);
      expect(row[2]).toBe(k < K - 1 ? edges[k] : "");
      expect(D(row[3]).equals(new Decimal(a[k]).div(100))).toBe(true);
      expect(D(row[4]).equals(new Decimal(l[k]).div(100))).toBe(true);
      expect(D(row[5]).equals(D(row[3]).minus(D(row[4])))).toBe(true);
      cumulative = cumulative.plus(D(row[5]));
      expect(D(row[6]).equals(cumulative)).toBe(true);
    });
    // Totals: the exact decimal sum of the inputs, and the buckets add up to them exactly.
    const inputA = dsum(rows.filter((r) => r.cents >= 0).map((r) => (r.cents / 100).toString()));
    const inputL = dsum(rows.filter((r) => r.cents < 0).map((r) => (-r.cents / 100).toString()));
    expect(total[0]).toBe("Total");
    expect(D(total[3]).equals(inputA)).toBe(true);
    expect(D(total[4]).equals(inputL)).toBe(true);
    expect(D(total[5]).equals(inputA.minus(inputL))).toBe(true);
    expect(dsum(body.map((r) => r[3])).equals(D(total[3]))).toBe(true);
    expect(dsum(body.map((r) => r[4])).equals(D(total[4]))).toBe(true);
    expect(dsum(body.map((r) => r[5])).equals(D(total[5]))).toBe(true);
  }

  it("with signed amounts: each bucket is the exact sum of its items and the Total the exact sum of all", async () => {
    await fc.assert(
      fc.asyncProperty(asOfArb, scheme, fc.array(item, { maxLength: 80 }), fc.integer({ min: 0, max: 300 }), async (asOf, s, raw, blanks) => {
        const edges = handEdges(s, asOf);
        const rows = raw.map((r) => ({
          cents: r.cents,
          date: r.anchor.kind === "edge" ? edges[r.anchor.index % edges.length] + r.anchor.delta : asOf + r.anchor.days,
          form: r.form,
        }));
        const dateCell = (r: (typeof rows)[number]) => (r.form === "iso" ? iso(r.date) : r.form === "fraction" ? r.date + 0.5 : r.date);
        const padding = Array.from({ length: blanks }, (_, i) => (i % 3 ? null : ""));
        const t = await GAP(column([...rows.map((r) => r.cents / 100), ...padding]), column([...rows.map(dateCell), ...padding]), asOf, s.arg, null, false);
        check(asOf, s, rows, t);
      }),
      { seed: 20260131, numRuns: 500 }
    );
  });

  it("with positive amounts and sides: the same exact sums", async () => {
    await fc.assert(
      fc.asyncProperty(asOfArb, scheme, fc.array(fc.record({ cents, days: fc.integer({ min: -40, max: 366 * 25 }) }), { maxLength: 60 }), async (asOf, s, raw) => {
        const rows = raw.map((r) => ({ cents: r.cents, date: asOf + r.days }));
        const sides = rows.map((r, i) => (r.cents < 0 ? ["L", "Liability"][i % 2] : ["A", "asset"][i % 2]));
        const t = await GAP(column(rows.map((r) => Math.abs(r.cents) / 100)), column(rows.map((r) => r.date)), asOf, s.arg, column(sides), false);
        check(asOf, s, rows, t);
      }),
      { seed: 1231, numRuns: 300 }
    );
  });
});

describe("ALM.GAP receives whole columns through the metadata", () => {
  it("gives one table whose Total is exactly the sum of a 5,000-row column, not one value per row", async () => {
    // Declared scalar, amounts and dates would be lifted by Excel: 5,000 calls of one cell each, spilling
    // 5,000 results. Declared matrix, the whole columns reach one call and give one Basel table.
    const asOf = serial(2026, 1, 31);
    const cents = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 2_000_001) - 1_000_000);
    const amounts = column(cents.map((c) => c / 100));
    const dates = column(cents.map((_, i) => asOf - 5 + ((i * 37) % 11_000)));
    const t = await GAP(amounts, dates, asOf);
    expect(t).toHaveLength(21); // header, 19 Basel buckets, Total
    const total = t[20] as Row;
    expect(total[0]).toBe("Total");
    const exact = (cs: number[]) => dsum(cs.map((c) => (c / 100).toString()));
    expect(new Decimal(total[3]).equals(exact(cents.filter((c) => c >= 0)))).toBe(true);
    expect(new Decimal(total[4]).equals(exact(cents.filter((c) => c < 0).map((c) => -c)))).toBe(true);
    expect(new Decimal(total[5]).equals(exact(cents))).toBe(true);
  });
});

describe("ALM.BUCKETS and ALM.GAP errors name the argument and the row", () => {
  const asOf = serial(2026, 2, 1);
  it.each([
    ["BUCKETS: an unknown scheme lists the choices", () => BUCKETS("QUARTERLY", null, null), /^ALM\.BUCKETS scheme: the text "QUARTERLY" is not a valid choice; valid choices are BASEL, MONTHLY, ANNUAL/],
    ["BUCKETS: a zero edge, by row", () => BUCKETS(column(["3M", 0]), null, null), /^ALM\.BUCKETS scheme, row 2: got 0; expected .*upper edges as years > 0/],
    ["BUCKETS: a fractional tenor, by row", () => BUCKETS(column(["3M", "1.5M"]), null, null), /^ALM\.BUCKETS scheme, row 2: got the text "1.5M"/],
    ["BUCKETS: edges out of order, by row", () => BUCKETS(column(["1Y", "6M"]), null, null), /^ALM\.BUCKETS scheme, row 2: tenor 0.5 is not after the previous tenor 1/],
    ["BUCKETS: equal edges, by row", () => BUCKETS(column(["6M", 0.5]), null, null), /^ALM\.BUCKETS scheme, row 2: tenor 0.5 is not after the previous tenor 0.5/],
    ["BUCKETS: a blank edge range", () => BUCKETS(column([null, ""]), null, null), /^ALM\.BUCKETS scheme: a value is required/],
    ["BUCKETS: a two-dimensional edge range", () => BUCKETS([["1Y", "2Y"], ["3Y", "4Y"]], null, null), /^ALM\.BUCKETS scheme: got a 2×2 range; expected a single row or column/],
    ["BUCKETS: a bad as_of", () => BUCKETS(null, "31/12/2026", null), /^ALM\.BUCKETS as_of: got the text "31\/12\/2026"; expected a date/],
    ["BUCKETS: serial 60 as as_of", () => BUCKETS(null, 60, null), /^ALM\.BUCKETS as_of: got 60; .*fictitious 1900-02-29/],
    ["BUCKETS: a bad headers flag", () => BUCKETS(null, null, "yes"), /^ALM\.BUCKETS headers: got the text "yes"; expected TRUE or FALSE/],
    ["BUCKETS: a ragged edge range, by row", () => BUCKETS([["1Y"], ["2Y", "3Y"]], null, null), /^ALM\.BUCKETS scheme, row 2: has 2 cells but row 1 has 1/],
    ["BUCKETS: a first edge not after as_of", () => BUCKETS(0.001, asOf, null), /^ALM\.BUCKETS: the first bucket edge must be after as_of/],
    ["BUCKETS: edges on the same date from as_of", () => BUCKETS(column(["4W", "1M"]), asOf, null), /^ALM\.BUCKETS: bucket edges 0-4W and 4W-1M fall on the same date/],
    ["GAP: amounts and dates of different lengths", () => GAP(column([1, 2, 3]), column([asOf, asOf]), asOf, null, null, null), /^ALM\.GAP: amounts has 3 rows but dates has 2/],
    ["GAP: sides of a different length", () => GAP(column([1, 2]), column([asOf, asOf]), asOf, null, column(["A"]), null), /^ALM\.GAP: amounts has 2 rows but sides has 1/],
    ["GAP: a two-dimensional amounts range", () => GAP([[1, 2], [3, 4]], column([asOf, asOf]), asOf, null, null, null), /^ALM\.GAP amounts: got a 2×2 range/],
    ["GAP: a two-dimensional dates range", () => GAP(column([1, 2]), [[asOf, asOf], [asOf, asOf]], asOf, null, null, null), /^ALM\.GAP dates: got a 2×2 range/],
    ["GAP: a half-filled row without amount", () => GAP(column([1, null]), column([asOf, asOf]), asOf, null, null, null), /^ALM\.GAP amounts, row 2: a value is required/],
    ["GAP: a half-filled row without date", () => GAP(column([1, 2, 3]), column([asOf, asOf, ""]), asOf, null, null, null), /^ALM\.GAP dates, row 3: a value is required/],
    ["GAP: text in amounts", () => GAP(column([1, "1,000"]), column([asOf, asOf]), asOf, null, null, null), /^ALM\.GAP amounts, row 2: got the text "1,000"; expected a signed cash-flow amount/],
    ["GAP: a bad date", () => GAP(column([1]), column(["2026-02-30"]), asOf, null, null, null), /^ALM\.GAP dates, row 1: got the text "2026-02-30"; expected a date/],
    ["GAP: serial 60 as a date", () => GAP(column([1]), column([60]), asOf, null, null, null), /^ALM\.GAP dates, row 1: got 60;.*fictitious/],
    // A formula cannot leave out a required argument (Excel refuses it); here as_of is an empty cell.
    ["GAP: a missing as_of", () => GAP(column([1]), column([asOf]), [[null]], null, null, null), /^ALM\.GAP as_of: a value is required/],
    ["GAP: an unknown scheme", () => GAP(column([1]), column([asOf]), asOf, "WEEKLY", null, null), /^ALM\.GAP buckets: the text "WEEKLY" is not a valid choice; valid choices are BASEL, MONTHLY, ANNUAL/],
    ["GAP: a negative edge, by row", () => GAP(column([1]), column([asOf]), asOf, column(["1Y", -2]), null, null), /^ALM\.GAP buckets, row 2: got -2/],
    ["GAP: a ragged edge range, by row", () => GAP(column([1]), column([asOf]), asOf, [["1Y"], ["2Y", "3Y"]], null, null), /^ALM\.GAP buckets, row 2: has 2 cells but row 1 has 1/],
    ["GAP: a first edge not after as_of", () => GAP(column([1]), column([asOf]), asOf, 0.001, null, null), /^ALM\.GAP: the first bucket edge must be after as_of/],
    ["GAP: edges on the same date from as_of", () => GAP(column([1]), column([asOf]), asOf, column(["4W", "1M"]), null, null), /^ALM\.GAP: bucket edges 0-4W and 4W-1M fall on the same date/],
    ["GAP: an unknown side, by row", () => GAP(column([1, 2]), column([asOf, asOf]), asOf, null, column(["A", "X"]), null), /^ALM\.GAP sides, row 2: the text "X" is not a valid choice; valid choices are A, ASSET, L, LIABILITY/],
    ["GAP: a blank side on a filled row", () => GAP(column([1, 2]), column([asOf, asOf]), asOf, null, column(["A", null]), null), /^ALM\.GAP sides, row 2: a value is required/],
    ["GAP: a negative amount with sides", () => GAP(column([1, -2]), column([asOf, asOf]), asOf, null, column(["A", "L"]), null), /^ALM\.GAP amounts, row 2: got -2; expected a positive amount \(the sides range gives the sign\)/],
    ["GAP: a bad headers flag", () => GAP(column([1]), column([asOf]), asOf, null, null, 2), /^ALM\.GAP headers: got 2; expected TRUE or FALSE/],
  ])("%s", async (_what, call, pattern) => {
    const e = await rejected(call());
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(pattern);
  });
});
