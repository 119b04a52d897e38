/**
 * ALM.REPRICINGGAP and ALM.LIQUIDITYGAP on positions tables. Hand examples use schedules whose flows can
 * be worked on paper (bullets, equal principal, a textbook annuity on 30/360, NMD monthly slices); the
 * property tests check that Totals equal the exact decimal sum of the balances and that buckets add up
 * to them exactly, for random portfolios. Every call goes through the emulated Excel host: the built
 * bundle, arguments marshalled as functions.json declares them.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { BASEL_EDGE_MONTHS, MONTHLY_EDGE_MONTHS, baselEdges, civil, dsum, edate, serial } from "../engine/gap/reference";
import { excel, rejected } from "../helpers/excelHost";

/** What a table function spills, typed as loosely as `functionsById` typed it (cells may be errors). */
type Spill = (...args: unknown[]) => Promise<any[][]>;
const { REPRICINGGAP, LIQUIDITYGAP, CASHFLOWS, NMD } = excel as Record<"REPRICINGGAP" | "LIQUIDITYGAP" | "CASHFLOWS" | "NMD", Spill>;
type Row = (string | number)[];

const HEADER = ["Id", "Balance", "Side", "Rate", "Maturity", "Type", "Amortization", "Frequency", "NextReset", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Basis"];
const row = (cells: Record<string, unknown>): unknown[] => HEADER.map((h) => (h in cells ? cells[h] : null));
const table = (...rows: Record<string, unknown>[]): unknown[][] => [HEADER, ...rows.map(row)];
const money = (t: unknown[][], col: number): number[] => t.slice(0, -1).map((r) => r[col] as number);
const D = (v: unknown) => new Decimal(v as number);

describe("ALM.REPRICINGGAP by hand", () => {
  it("slots bullets on their maturity, a date on an edge staying in the bucket below, with Side or sign", async () => {
    const asOf = serial(2026, 1, 31);
    const withSide = table({ Id: "A", Balance: 1000, Side: "A", Rate: 0.03, Maturity: serial(2026, 4, 30) }, { Id: "L", Balance: 400.05, Side: "L", Rate: 0.01, Maturity: serial(2026, 5, 1) });
    const t = await REPRICINGGAP(withSide, asOf, null, false);
    // 3M edge is 2026-04-30: the asset falls in 1M-3M, the liability one day later in 3M-6M.
    expect(money(t, 3)).toEqual([0, 0, 1000, ...Array(16).fill(0)]);
    expect(money(t, 4)).toEqual([0, 0, 0, 400.05, ...Array(15).fill(0)]);
    expect(money(t, 5).slice(0, 5)).toEqual([0, 0, 1000, -400.05, 0]);
    expect(money(t, 6).slice(0, 5)).toEqual([0, 0, 1000, 599.95, 599.95]);
    expect(t[19]).toEqual(["Total", "", "", 1000, 400.05, 599.95, ""]);
    const signed = [["Balance", "Rate", "Maturity"], [1000, 0.03, serial(2026, 4, 30)], [-400.05, 0.01, serial(2026, 5, 1)]];
    expect(await REPRICINGGAP(signed, asOf, null, false)).toEqual(t);
  });

  it("repays a floater's equal principal on payment dates before its next reset, then the rest at the reset", async () => {
    // 1200 LINEAR monthly to 2027-01-31: 100 on 2026-02-28 and 2026-03-31; NextReset 2026-04-30 takes the other 1000.
    const asOf = serial(2026, 1, 31);
    const p = table({ Balance: 1200, Rate: 0.05, Maturity: serial(2027, 1, 31), Type: "FLOATING", NextReset: serial(2026, 4, 30), Amortization: "LINEAR", Frequency: 12 });
    const t = await REPRICINGGAP(p, asOf, null, false);
    expect(money(t, 3)).toEqual([0, 100, 1100, ...Array(16).fill(0)]);
    expect(t[19].slice(3)).toEqual([1200, 0, 1200, ""]);
  });

  it("slots a textbook annuity on 30/360 by payment date, rounded to cents that add up to the balance", async () => {
    // 1200 at 12 % monthly for 12 months on 30/360: i = 1 %, payment A = 1200·i/(1 − (1+i)^−12),
    // principal of payment k = A·(1+i)^−(13−k). Payments on the 15th, from 2026-02-15 (the 1M edge) to 2027-01-15.
    const asOf = serial(2026, 1, 15);
    const i = 0.01;
    const A = (1200 * i) / (1 - Math.pow(1 + i, -12));
    const principal = Array.from({ length: 12 }, (_, k) => A * Math.pow(1 + i, -(12 - k)));
    const hand = [0, principal[0], principal[1] + principal[2], principal[3] + principal[4] + principal[5], principal[6] + principal[7] + principal[8], principal[9] + principal[10] + principal[11]];
    const p = table({ Balance: 1200, Rate: 0.12, Maturity: serial(2027, 1, 15), Amortization: "ANNUITY", Frequency: 12, Basis: 0 });
    const t = await REPRICINGGAP(p, asOf, null, false);
    const assets = money(t, 3);
    hand.forEach((v, k) => expect(Math.abs(assets[k] - v)).toBeLessThan(0.01));
    assets.slice(6).forEach((v) => expect(v).toBe(0));
    assets.forEach((v) => expect(Math.round(v * 100) / 100).toBe(v));
    expect(dsum(assets).toString()).toBe("1200");
    expect(t[19][3]).toBe(1200);
  });

  it("splits a linear loan of 100.01 into two payments of 50.005 as 50.00 and 50.01, never 100.00 or 100.02", async () => {
    const asOf = serial(2026, 1, 31);
    const p = table({ Balance: 100.01, Rate: 0.04, Maturity: serial(2026, 7, 31), Amortization: "LINEAR", Frequency: 4 });
    const t = await REPRICINGGAP(p, asOf, null, false);
    // Payments 2026-04-30 (3M edge → 1M-3M) and 2026-07-31 (6M edge → 3M-6M).
    expect([t[2][3], t[3][3]].sort()).toEqual([50, 50.01]);
    expect(t[19][3]).toBe(100.01);
  });

  it("slots an NMD row: non-core overnight, core in monthly slices from as_of over twice its average maturity", async () => {
    // Worked example of docs/methodology/gaps.md. 1000 wholesale deposit, core share 0.5, core maturity 2:
    // non-core 500 overnight; core 500 in 48 slices of 500/48 = 10.4167 on EDATE(as_of, k), k = 1..48.
    // Basel edges are EDATE(as_of, months) too, so bucket (m1, m2] months holds (m2 − m1) slices.
    const asOf = serial(2026, 1, 31);
    const t = await REPRICINGGAP(table({ Id: "NMD", Balance: 1000, Side: "L", Rate: 0.001, Category: "NMD_WHOLESALE", CoreShare: 0.5, CoreMaturity: 2 }), asOf, null, false);
    const slice = 500 / 48;
    const months = [0, ...BASEL_EDGE_MONTHS];
    const raw = months.map((m, k) => (k === 0 ? 500 : (Math.min(m, 48) - Math.min(months[k - 1], 48)) * slice));
    expect(raw.slice(0, 10).map((v) => Math.round(v * 100) / 100)).toEqual([500, 10.42, 20.83, 31.25, 31.25, 31.25, 62.5, 62.5, 125, 125]);
    expect(money(t, 4)).toEqual([500, 10.42, 20.83, 31.25, 31.25, 31.25, 62.5, 62.5, 125, 125, ...Array(9).fill(0)]);
    expect(t[19].slice(3, 6)).toEqual([0, 1000, -1000]);

    // ALM.NMD slots continuously by edges in years: 500 · (1/365) / 4 = 0.34 of core is overnight and the
    // O/N–1M bucket holds 125 · (1/12 − 1/365) = 10.0742 → 10.08 after largest-remainder rounding.
    // From 1M on both give the same numbers.
    const continuous = await NMD(1000, "NMD_WHOLESALE", 0.5, 2, null, false);
    expect(continuous.slice(0, 10).map((r) => r[5])).toEqual([500.34, 10.08, 20.83, 31.25, 31.25, 31.25, 62.5, 62.5, 125, 125]);
  });

  it("returns every bucket empty and a zero Total for a table with only a header and blank rows", async () => {
    const t = await REPRICINGGAP([HEADER, ...Array.from({ length: 3000 }, () => HEADER.map((_, j) => (j % 2 ? null : "")))], serial(2026, 1, 31), "ANNUAL", false);
    expect(t).toHaveLength(32);
    t.slice(0, 31).forEach((r) => expect(r.slice(3)).toEqual([0, 0, 0, 0]));
    expect(t[31]).toEqual(["Total", "", "", 0, 0, 0, ""]);
  });

  it("ignores thousands of blank trailing rows of a whole-column positions range", async () => {
    const asOf = serial(2026, 1, 31);
    const p = table({ Balance: 1000, Rate: 0.03, Maturity: serial(2026, 4, 30) }, { Balance: -250.5, Rate: 0.01, Maturity: serial(2027, 4, 30), Amortization: "LINEAR" });
    const padded = [...p, ...Array.from({ length: 4000 }, (_, i) => HEADER.map(() => (i % 2 ? null : "")))];
    expect(await REPRICINGGAP(padded, asOf, "MONTHLY", true)).toEqual(await REPRICINGGAP(p, asOf, "MONTHLY", true));
    expect(await LIQUIDITYGAP(padded, asOf, "MONTHLY", true)).toEqual(await LIQUIDITYGAP(p, asOf, "MONTHLY", true));
  });
});

describe("ALM.LIQUIDITYGAP by hand", () => {
  // as_of 2026-01-15; Basel edges 1M 2026-02-15, 3M 04-15, 6M 07-15, 9M 10-15, 1Y 2027-01-15.
  const asOf = serial(2026, 1, 15);
  const p = table(
    // Bullet asset: one payment at maturity, interest over the year from the roll date 2025-07-15 (365 days): 1000 + 50.
    { Id: "A1", Balance: 1000, Side: "A", Rate: 0.05, Maturity: serial(2026, 7, 15) },
    // Bullet liability: 500 + 500 · 2 % · 365/365 = 510 on the 3M edge.
    { Id: "L1", Balance: 500, Side: "L", Rate: 0.02, Maturity: serial(2026, 4, 15) },
    // NMD: repayable overnight in the contractual view, with one day of interest: 1000 · 3.65 % / 365 = 0.10.
    { Id: "N1", Balance: 1000, Side: "L", Rate: 0.0365, Category: "NMD_RETAIL_TRANSACTIONAL", CoreShare: 0.9, CoreMaturity: 5 },
    // Floater: runs to maturity at its current rate; quarterly interest 100 · 3.65 % · d/365 = d/100 for
    // d = 90, 91, 92, 92 days; principal 100 at 2027-01-15.
    { Id: "F1", Balance: 100, Side: "A", Rate: 0.0365, Maturity: serial(2027, 1, 15), Type: "FLOATING", NextReset: serial(2026, 4, 15), Frequency: 4 }
  );

  it("gives contractual principal and interest per bucket, Net and Cumulative net", async () => {
    const t = await LIQUIDITYGAP(p, asOf, null, true);
    expect(t[0]).toEqual(["Bucket", "From", "To", "Inflows", "Outflows", "Net", "Cumulative net"]);
    const body = t.slice(1);
    const zeros = Array(13).fill(0);
    expect(money(body, 3)).toEqual([0, 0, 0.9, 1050.91, 0.92, 100.92, ...zeros]);
    expect(money(body, 4)).toEqual([1000.1, 0, 510, 0, 0, 0, ...zeros]);
    expect(money(body, 5)).toEqual([-1000.1, 0, -509.1, 1050.91, 0.92, 100.92, ...zeros]);
    expect(money(body, 6)).toEqual([-1000.1, -1000.1, -1509.2, -458.29, -457.37, -356.45, ...Array(13).fill(-356.45)]);
    expect(body[19]).toEqual(["Total", "", "", 1153.65, 1510.1, -356.45, ""]);
  });

  it("shows the same portfolio by repricing date: floater at its reset, NMD core over ten years", async () => {
    const t = await REPRICINGGAP(p, asOf, null, false);
    // NMD: non-core 100 overnight; core 900 in 120 monthly slices of 7.5.
    const slices = [0, ...BASEL_EDGE_MONTHS, Infinity].map((m, k, all) => (k === 0 ? 0 : (Math.min(m, 120) - Math.min(all[k - 1], 120)) * 7.5));
    expect(money(t, 3)).toEqual([0, 0, 100, 1000, ...Array(15).fill(0)]);
    const liabilities = slices.map((v, k) => v + (k === 0 ? 100 : 0) + (k === 2 ? 500 : 0));
    expect(money(t, 4)).toEqual(liabilities);
    expect(liabilities.slice(0, 10)).toEqual([100, 7.5, 515, 22.5, 22.5, 22.5, 45, 45, 90, 90]);
    expect(t[19]).toEqual(["Total", "", "", 1100, 1500, -400, ""]);
  });

  it("reconciles principal to the balances: a zero-rate linear loan of 100.01 shows Inflows of 100.01, not 100.02", async () => {
    const loan = table({ Balance: 100.01, Rate: 0, Maturity: serial(2026, 7, 31), Amortization: "LINEAR", Frequency: 4 });
    const t = await LIQUIDITYGAP(loan, serial(2026, 1, 31), null, false);
    expect([t[2][3], t[3][3]].sort()).toEqual([50, 50.01]);
    expect(t[19].slice(3)).toEqual([100.01, 0, 100.01, ""]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Random portfolios.

const CAPS = { NMD_RETAIL_TRANSACTIONAL: [90, 60], NMD_RETAIL_NONTRANSACTIONAL: [70, 54], NMD_WHOLESALE: [50, 48] } as const; // [share %, maturity months] from the Basel text

const asOfArb = fc.oneof(
  fc.integer({ min: serial(2000, 1, 1), max: serial(2050, 12, 31) }),
  fc.record({ y: fc.integer({ min: 2000, max: 2050 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => serial(y, m + 1, 0))
);
const bucketsArb = fc.constantFrom<unknown>(null, "MONTHLY", "ANNUAL", [["ON"], ["1M"], ["6M"], [1], ["5Y"], [null]], [[0.25, 2, "10Y"]]);

type Spec = { cents: number; liability: boolean; cells: Record<string, unknown> };
/** One position: fixed, floating or NMD, with a maturity anywhere up to 30 years, month ends and edges included. */
const positionArb = (asOf: number, zeroRates: boolean): fc.Arbitrary<Spec> => {
  const maturity = fc.oneof(
    fc.integer({ min: 1, max: 366 * 30 }).map((d) => asOf + d),
    fc.constantFrom(...BASEL_EDGE_MONTHS, ...MONTHLY_EDGE_MONTHS).map((m) => edate(asOf, m))
  );
  const monthEnd = fc.integer({ min: 1, max: 360 }).map((k) => {
    const { year, month } = civil(asOf);
    return serial(year, month + k + 1, 0);
  });
  const rate = zeroRates ? fc.constant(0) : fc.integer({ min: -100, max: 1200 }).map((bp) => bp / 1e4);
  const common = { cents: fc.integer({ min: 1, max: 1e11 }), liability: fc.boolean(), rate, basis: fc.constantFrom(null, 0, 1, 2, 3, 4) };
  const fixed = fc.record({
    ...common,
    maturity: fc.oneof(maturity, monthEnd),
    amortization: fc.constantFrom("BULLET", "ANNUITY", "LINEAR"),
    frequency: fc.constantFrom(null, 1, 2, 4, 12),
    cpr: fc.constantFrom(null, 0, 0.05, 0.2),
    tdrr: fc.constantFrom(null, 0, 0.1),
    floating: fc.boolean(),
    reset: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const nmd = fc.record({
    ...common,
    category: fc.constantFrom(...(Object.keys(CAPS) as (keyof typeof CAPS)[])),
    share: fc.double({ min: 0, max: 1, noNaN: true }),
    months: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  return fc.oneof(
    { arbitrary: fixed, weight: 3 },
    { arbitrary: nmd, weight: 1 }
  ).map((g): Spec => {
    const base = { Rate: g.rate, Basis: g.basis };
    if ("category" in g) {
      const [shareCap, monthsCap] = CAPS[g.category];
      const share = Math.round(g.share * shareCap) / 100;
      const months = Math.max(1, Math.round(g.months * monthsCap));
      return { cents: g.cents, liability: g.liability, cells: { ...base, Category: g.category, CoreShare: share, CoreMaturity: months / 12 } };
    }
    const cells: Record<string, unknown> = { ...base, Maturity: g.maturity, Amortization: g.amortization, Frequency: g.frequency, CPR: g.cpr, TDRR: g.tdrr };
    if (g.floating) {
      cells.Type = "FLOATING";
      cells.NextReset = asOf + 1 + Math.floor(g.reset * (g.maturity - asOf - 1));
    }
    return { cents: g.cents, liability: g.liability, cells };
  });
};

const portfolioArb = (zeroRates = false) =>
  asOfArb.chain((asOf) =>
    fc.record({
      asOf: fc.constant(asOf),
      positions: fc.array(positionArb(asOf, zeroRates), { maxLength: 25 }),
      sideColumn: fc.boolean(),
      buckets: bucketsArb,
      shuffle: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    })
  );

function toTable(positions: Spec[], sideColumn: boolean, scale = 1): unknown[][] {
  return table(
    ...positions.map((p, i) => {
      const amount = (p.cents * scale) / 100;
      const side = sideColumn ? { Balance: amount, Side: p.liability ? "L" : "A" } : { Balance: p.liability ? -amount : amount };
      return { Id: `P${i}`, ...p.cells, ...side };
    })
  );
}

/** Deterministic Fisher–Yates from a seed (Park–Miller), so a shuffled table is reproducible. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 48271) % 2147483647;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Sum of integer cents of the asset (or liability) positions, as an exact decimal. */
function balanceTotal(positions: Spec[], liability: boolean, scale = 1): Decimal {
  return positions.filter((p) => p.liability === liability).reduce((s, p) => s.plus(new Decimal(p.cents * scale).div(100)), new Decimal(0));
}

/** Every money column of a two-sided table adds up exactly: buckets to Total, Gap = A − L, cumulative running. */
function expectReconciled(t: unknown[][]) {
  const body = t.slice(0, -1) as Row[];
  const total = t[t.length - 1] as Row;
  expect(total[0]).toBe("Total");
  let cumulative = new Decimal(0);
  for (const r of body) {
    expect(D(r[5]).equals(D(r[3]).minus(D(r[4])))).toBe(true);
    cumulative = cumulative.plus(D(r[5]));
    expect(D(r[6]).equals(cumulative)).toBe(true);
    for (const j of [3, 4, 5]) expect(Math.round((r[j] as number) * 100) / 100).toBe(r[j]);
  }
  for (const j of [3, 4, 5]) expect(dsum(body.map((r) => r[j])).equals(D(total[j]))).toBe(true);
  expect(D(total[5]).equals(D(total[3]).minus(D(total[4])))).toBe(true);
}

describe("ALM.REPRICINGGAP totals are exact for random portfolios", () => {
  it("has Total Assets and Liabilities equal to the exact sums of the balances, and buckets adding up to them", async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb(), async ({ asOf, positions, sideColumn, buckets }) => {
        const t = await REPRICINGGAP(toTable(positions, sideColumn), asOf, buckets, false);
        expectReconciled(t);
        const total = t[t.length - 1];
        expect(D(total[3]).equals(balanceTotal(positions, false))).toBe(true);
        expect(D(total[4]).equals(balanceTotal(positions, true))).toBe(true);
      }),
      { seed: 31012026, numRuns: 300 }
    );
  });

  it("does not depend on the order of the rows", async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb(), async ({ asOf, positions, sideColumn, buckets, shuffle }) => {
        const a = await REPRICINGGAP(toTable(positions, sideColumn), asOf, buckets, false);
        const b = await REPRICINGGAP(toTable(shuffled(positions, shuffle), sideColumn), asOf, buckets, false);
        expect(b).toEqual(a);
      }),
      { seed: 777, numRuns: 300 }
    );
  });

  it("scales every money column by 10 when every balance is scaled by 10, within rounding to cents", async () => {
    // Each reconciled bucket is within one cent of its unrounded value, so 10·x and the scaled bucket
    // differ by less than 10 · 0.01 + 0.01; Totals scale exactly.
    await fc.assert(
      fc.asyncProperty(portfolioArb(), async ({ asOf, positions, sideColumn, buckets }) => {
        const a = await REPRICINGGAP(toTable(positions, sideColumn), asOf, buckets, false);
        const b = await REPRICINGGAP(toTable(positions, sideColumn, 10), asOf, buckets, false);
        const last = a.length - 1;
        for (let k = 0; k < last; k++) {
          for (const j of [3, 4]) expect(Math.abs(b[k][j] - 10 * a[k][j])).toBeLessThan(0.11 + 1e-6);
          expect(Math.abs(b[k][5] - 10 * a[k][5])).toBeLessThan(0.22 + 1e-6);
        }
        for (const j of [3, 4, 5]) expect(D(b[last][j]).equals(D(a[last][j]).times(10))).toBe(true);
      }),
      { seed: 1010, numRuns: 300 }
    );
  });
});

describe("ALM.LIQUIDITYGAP totals reconcile for random portfolios", () => {
  it("has Inflows and Outflows equal to the exact balances when rates are zero", async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb(true), async ({ asOf, positions, sideColumn, buckets }) => {
        const t = await LIQUIDITYGAP(toTable(positions, sideColumn), asOf, buckets, false);
        expectReconciled(t);
        const total = t[t.length - 1];
        expect(D(total[3]).equals(balanceTotal(positions, false))).toBe(true);
        expect(D(total[4]).equals(balanceTotal(positions, true))).toBe(true);
      }),
      { seed: 404, numRuns: 200 }
    );
  });

  it("has Inflows and Outflows equal to the exact balances plus the contractual interest rounded to the cent", async () => {
    await fc.assert(
      fc.asyncProperty(portfolioArb(), async ({ asOf, positions, sideColumn, buckets }) => {
        const p = toTable(positions, sideColumn);
        const t = await LIQUIDITYGAP(p, asOf, buckets, false);
        expectReconciled(t);
        const flows = positions.length ? ((await CASHFLOWS(p, asOf, "CONTRACTUAL", true, false)) as Row[]) : [];
        const interest = (liability: boolean) => flows.filter((f) => positions[Number(String(f[0]).slice(1))].liability === liability).reduce((s, f) => s + (f[3] as number), 0);
        const total = t[t.length - 1];
        expect(Math.abs(total[3] - balanceTotal(positions, false).plus(interest(false)).toNumber())).toBeLessThanOrEqual(0.005 + 1e-6);
        expect(Math.abs(total[4] - balanceTotal(positions, true).minus(interest(true)).toNumber())).toBeLessThanOrEqual(0.005 + 1e-6);
        expect(D(total[3]).minus(balanceTotal(positions, false)).times(100).isInteger()).toBe(true);
      }),
      { seed: 505, numRuns: 200 }
    );
  });
});

describe("ALM.REPRICINGGAP and ALM.LIQUIDITYGAP errors name the argument, the row and the column", () => {
  const asOf = serial(2026, 1, 31);
  const ok = { Balance: 100, Rate: 0.01, Maturity: serial(2027, 1, 31) };
  const cases: [string, () => unknown[][], RegExp][] = [
    // No formula gives a 0×0 range; the host passes it on as it is, and the function must still name it.
    ["an empty positions range", () => [], /positions: is empty; expected a header row and position rows/],
    ["a single value instead of a table", () => [[5]] as unknown[][], /positions: the required column "Balance" is missing \(found columns: none\)/],
    ["a missing Rate column", () => [["Balance", "Maturity"], [1, asOf + 1]], /positions: the required column "Rate" is missing \(found columns: Balance, Maturity\)/],
    ["a column given twice", () => [["Balance", "balance", "Rate", "Maturity"], [1, 1, 0, asOf + 1]], /positions, row 1: the column "Balance" appears twice/],
    ["a ragged range", () => [["Balance", "Rate", "Maturity"], [1, 0]], /positions, row 2: has 2 cells but row 1 has 3/],
    ["text in Balance", () => table({ ...ok, Balance: "100k" }), /positions, row 2, column Balance: got the text "100k"/],
    ["a half-filled row", () => table(ok, { Balance: 5 }), /positions, row 3, column Rate: a value is required/],
    ["a maturity on as_of", () => table(ok, { ...ok, Maturity: asOf }), /positions, row 3, column Maturity: got 2026-01-31; expected a maturity after as_of \(2026-01-31\)/],
    ["an NMD core share above its Basel cap", () => table({ Balance: 1, Rate: 0, Category: "NMD_RETAIL_TRANSACTIONAL", CoreShare: 0.95, CoreMaturity: 1 }), /row 2, column CoreShare: got 0.95; expected at most 0.9, the Basel cap on the core share of NMD_RETAIL_TRANSACTIONAL/],
    ["an NMD core maturity above its Basel cap", () => table({ Balance: 1, Rate: 0, Category: "NMD_WHOLESALE", CoreShare: 0.5, CoreMaturity: 4.01 }), /row 2, column CoreMaturity: got 4.01; expected between 0 and 4 years, the Basel cap on the average maturity of core NMD_WHOLESALE/],
    ["an NMD row without CoreShare", () => table({ Balance: 1, Rate: 0, Category: "NMD_WHOLESALE", CoreMaturity: 1 }), /row 2, column CoreShare: a value is required/],
  ];
  const fns = [
    ["REPRICINGGAP", REPRICINGGAP],
    ["LIQUIDITYGAP", LIQUIDITYGAP],
  ] as const;

  describe.each(fns)("ALM.%s", (id, fn) => {
    it.each(cases)("rejects %s", async (_what, positions, pattern) => {
      const e = await rejected(fn(positions(), asOf, null, null));
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(new RegExp(`^ALM\\.${id} positions`));
      expect(e.message).toMatch(pattern);
    });

    it.each([
      // A formula cannot leave out a required argument (Excel refuses it): as_of is an empty cell.
      ["a missing as_of", () => fn(table(ok), [[null]], null, null), /as_of: a value is required/],
      ["a bad as_of", () => fn(table(ok), "2026-13-01", null, null), /as_of: got the text "2026-13-01"; expected a date/],
      ["an unknown bucket scheme", () => fn(table(ok), asOf, "DAILY", null), /buckets: the text "DAILY" is not a valid choice; valid choices are BASEL, MONTHLY, ANNUAL/],
      ["a bad bucket edge, by row", () => fn(table(ok), asOf, [["1Y"], ["soon"]], null), /buckets, row 2: got the text "soon"/],
      ["a first bucket edge not after as_of", () => fn(table(ok), asOf, 0.0001, null), /: the first bucket edge must be after as_of/],
      ["a bad headers flag", () => fn(table(ok), asOf, null, "no"), /headers: got the text "no"; expected TRUE or FALSE/],
    ])("rejects %s", async (_what, call, pattern) => {
      const e = await rejected(call());
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toMatch(new RegExp(`^ALM\\.${id}`));
      expect(e.message).toMatch(pattern);
    });
  });
});

describe("the repricing and liquidity views agree where they must", () => {
  it("give the same principal for fixed positions without CPR, TDRR or NMD, as the liquidity view at zero rates", async () => {
    const asOf = serial(2026, 6, 30);
    const p = table(
      { Balance: 1000, Rate: 0, Maturity: serial(2031, 6, 30), Amortization: "ANNUITY", Frequency: 12 },
      { Balance: -777.77, Rate: 0, Maturity: serial(2028, 2, 29), Amortization: "LINEAR", Frequency: 4 },
      { Balance: 123.45, Rate: 0, Maturity: serial(2026, 12, 31) }
    );
    const r = await REPRICINGGAP(p, asOf, "MONTHLY", false);
    const l = await LIQUIDITYGAP(p, asOf, "MONTHLY", false);
    expect(l.map((row) => row.slice(3))).toEqual(r.map((row) => row.slice(3)));
    expect(r[r.length - 1].slice(3)).toEqual([1123.45, 777.77, 345.68, ""]);
  });

  it("keep Basel dates as serials from as_of", async () => {
    const asOf = serial(2026, 1, 31);
    const t = await REPRICINGGAP(table({ Balance: 1, Rate: 0, Maturity: asOf + 1 }), asOf, null, false);
    const edges = baselEdges(asOf);
    t.slice(0, 19).forEach((r, k) => expect(r.slice(1, 3)).toEqual([k === 0 ? asOf : edges[k - 1], k < 18 ? edges[k] : ""]));
    expect(t[0][3]).toBe(1);
  });
});
