/**
 * ALM.NMD: Basel slotting of a non-maturity deposit (SRP31.108–31.112). Non-core is overnight; core runs
 * off linearly over twice its average maturity M, so bucket (a, b] in years holds core · |(a, b] ∩ (0, 2M]| / 2M;
 * the caps on core share and maturity come from the Basel table (SRP31 Table 4; docs/methodology/gaps.md §5).
 * Called through the emulated Excel host (the built bundle, arguments marshalled as functions.json declares
 * them).
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { BASEL_EDGE_MONTHS, MONTHLY_EDGE_MONTHS, dsum } from "../engine/gap/reference";
import { excel, rejected } from "../helpers/excelHost";

/** What a table function spills, typed as loosely as `functionsById` typed it (cells may be errors). */
type Spill = (...args: unknown[]) => Promise<any[][]>;
const { NMD } = excel as Record<"NMD", Spill>;
type Row = (string | number)[];
const D = (v: unknown) => new Decimal(v as number);

/** Basel caps: [core share, core maturity in years] per category. */
const CAPS = { NMD_RETAIL_TRANSACTIONAL: [0.9, 5], NMD_RETAIL_NONTRANSACTIONAL: [0.7, 4.5], NMD_WHOLESALE: [0.5, 4] } as const;
type Category = keyof typeof CAPS;

/** Upper edges in years of BASEL (overnight = 1/365) and MONTHLY. */
const BASEL_UPPER = [1 / 365, ...BASEL_EDGE_MONTHS.map((m) => m / 12)];
const MONTHLY_UPPER = MONTHLY_EDGE_MONTHS.map((m) => m / 12);

/** Core per bucket before rounding: core · overlap of (a, b] with (0, 2M], over 2M. */
function continuousCore(core: number, maturity: number, upper: number[]): number[] {
  const horizon = 2 * maturity;
  return [...upper, Infinity].map((b, k) => {
    const a = k === 0 ? 0 : upper[k - 1];
    return (core * Math.max(0, Math.min(b, horizon) - Math.min(a, horizon))) / horizon;
  });
}

describe("ALM.NMD by hand", () => {
  it("slots 1000 of wholesale deposits, core share 0.5 and core maturity 2, on the Basel buckets", async () => {
    // Non-core 500 overnight. Core 500 runs off over 4 years, 125 a year:
    //   Overnight (0, 1/365]      125/365            = 0.342466 → 0.34
    //   O/N–1M   (1/365, 1/12]    125·(1/12 − 1/365) = 10.074201 → 10.07, +0.01 (largest remainder)
    //   1M–3M    (1/12, 1/4]      125·2/12           = 20.833333 → 20.83
    //   3M–6M, 6M–9M, 9M–1Y       125·1/4            = 31.25 each
    //   1Y–1.5Y, 1.5Y–2Y          125·1/2            = 62.5 each
    //   2Y–3Y, 3Y–4Y              125                each; nothing after 4 years.
    // Rounded to cents the buckets sum to 499.99; the cent goes to the largest remainder, 0.4201 of O/N–1M.
    const t = await NMD(1000, "NMD_WHOLESALE", 0.5, 2, null, null);
    const years = [0, ...BASEL_UPPER];
    const labels = ["Overnight", "O/N-1M", "1M-3M", "3M-6M", "6M-9M", "9M-1Y", "1Y-1.5Y", "1.5Y-2Y", "2Y-3Y", "3Y-4Y", "4Y-5Y", "5Y-6Y", "6Y-7Y", "7Y-8Y", "8Y-9Y", "9Y-10Y", "10Y-15Y", "15Y-20Y", ">20Y"];
    const core = [0.34, 10.08, 20.83, 31.25, 31.25, 31.25, 62.5, 62.5, 125, 125, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(t[0]).toEqual(["Bucket", "From", "To", "Non-core", "Core", "Total"]);
    t.slice(1, 20).forEach((r, k) => {
      expect(r[0]).toBe(labels[k]);
      expect(r[1]).toBeCloseTo(years[k], 14);
      if (k < 18) expect(r[2]).toBeCloseTo(years[k + 1], 14);
      else expect(r[2]).toBe("");
      expect(r.slice(3)).toEqual([k === 0 ? 500 : 0, core[k], k === 0 ? 500.34 : core[k]]);
    });
    expect(t[20]).toEqual(["Total", "", "", 500, 500, 1000]);
    continuousCore(500, 2, BASEL_UPPER).forEach((v, k) => expect(Math.abs(v - core[k])).toBeLessThan(0.01));
  });

  it("slots the documented example: 100, half core of maturity 1 year, on edges 1Y and 2Y", async () => {
    expect(await NMD(100, "NMD_WHOLESALE", 0.5, 1, [["1Y"], ["2Y"]], false)).toEqual([
      ["0-1Y", 0, 1, 50, 25, 75],
      ["1Y-2Y", 1, 2, 0, 25, 25],
      [">2Y", 2, "", 0, 0, 0],
      ["Total", "", "", 50, 50, 100],
    ]);
  });

  it.each([
    ["NMD_RETAIL_TRANSACTIONAL", 900, 10],
    ["NMD_RETAIL_NONTRANSACTIONAL", 700, 9],
    ["NMD_WHOLESALE", 500, 8],
  ])("defaults %s to its Basel caps: core %d of 1000 over %d years", async (category, core, horizon) => {
    const t = await NMD(1000, category, null, [[""]], "ANNUAL", false);
    expect(t[0][3]).toBe(1000 - core);
    // ANNUAL bucket j is (j, j + 1] years: core / horizon a year up to the horizon, to the cent.
    t.slice(0, 31).forEach((r, j) => expect(Math.abs((r[4] as number) - (j < horizon ? core / horizon : 0))).toBeLessThan(0.01));
    expect(t[31]).toEqual(["Total", "", "", 1000 - core, core, 1000]);
  });

  it.each([
    ["NMD_RETAIL_TRANSACTIONAL", 0.9, 5, 10, 90],
    ["NMD_RETAIL_NONTRANSACTIONAL", 0.7, 4.5, 30, 70],
    ["NMD_WHOLESALE", 0.5, 4, 50, 50],
  ])("accepts exactly the caps of %s (share %d, maturity %d years)", async (category, share, maturity, nonCore, core) => {
    const t = await NMD(100, category, share, maturity, null, false);
    expect(t[t.length - 1]).toEqual(["Total", "", "", nonCore, core, 100]);
  });

  it("puts the whole balance overnight when the core share is zero", async () => {
    const t = await NMD(1234.56, "NMD_RETAIL_TRANSACTIONAL", 0, 3, "MONTHLY", false);
    expect(t[0].slice(3)).toEqual([1234.56, 0, 1234.56]);
    t.slice(1, 17).forEach((r) => expect(r.slice(3)).toEqual([0, 0, 0]));
    expect(t[17]).toEqual(["Total", "", "", 1234.56, 0, 1234.56]);
  });
});

describe("ALM.NMD totals are exact", () => {
  it("has a Total equal to the balance, non-core + core = total on every row, and core within a cent of the continuous slotting", async () => {
    const category = fc.constantFrom(...(Object.keys(CAPS) as Category[]));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: -1e11, max: 1e11 }),
        category,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.001, max: 1, noNaN: true }),
        fc.constantFrom("BASEL", "MONTHLY"),
        async (cents, cat, s, m, scheme) => {
          const [shareCap, maturityCap] = CAPS[cat];
          const share = Math.round(s * shareCap * 1e4) / 1e4;
          const maturity = Math.max(0.01, Math.round(m * maturityCap * 100) / 100);
          const balance = cents / 100;
          const t = await NMD(balance, cat, share, maturity, scheme, false);
          const body = t.slice(0, -1) as Row[];
          const total = t[t.length - 1] as Row;
          const exactBalance = new Decimal(cents).div(100);
          expect(D(total[5]).equals(exactBalance)).toBe(true);
          expect(D(total[3]).plus(D(total[4])).equals(exactBalance)).toBe(true);
          for (const r of body) {
            expect(D(r[3]).plus(D(r[4])).equals(D(r[5]))).toBe(true);
            expect(Math.round((r[4] as number) * 100) / 100).toBe(r[4]);
          }
          for (const j of [3, 4, 5]) expect(dsum(body.map((r) => r[j])).equals(D(total[j]))).toBe(true);
          body.slice(1).forEach((r) => expect(r[3]).toBe(0));
          // Core total is the core share of the balance to the nearest cent (half a cent either way).
          expect(D(total[4]).minus(exactBalance.times(share)).abs().lessThanOrEqualTo(0.005 + 1e-9)).toBe(true);
          const hand = continuousCore(balance * share, maturity, scheme === "BASEL" ? BASEL_UPPER : MONTHLY_UPPER);
          body.forEach((r, k) => expect(Math.abs((r[4] as number) - hand[k])).toBeLessThan(0.01 + 1e-6));
        }
      ),
      { seed: 9045, numRuns: 500 }
    );
  });
});

describe("ALM.NMD errors name the argument and the Basel cap", () => {
  it.each([
    ["text as balance", () => NMD("1000", "NMD_WHOLESALE"), /^ALM\.NMD balance: got the text "1000"; expected a number/],
    ["a blank balance", () => NMD([[null]], "NMD_WHOLESALE"), /^ALM\.NMD balance: a value is required/],
    ["a range as balance", () => NMD([[1], [2]], "NMD_WHOLESALE"), /^ALM\.NMD balance: got a 2×1 range; expected a single value/],
    ["an unknown category, listing the valid ones", () => NMD(1, "NMD_CORPORATE"), /^ALM\.NMD category: the text "NMD_CORPORATE" is not a valid choice; valid choices are NMD_RETAIL_TRANSACTIONAL, NMD_RETAIL_NONTRANSACTIONAL, NMD_WHOLESALE/],
    // A formula cannot leave out a required argument (Excel refuses it): category is an empty cell.
    ["a missing category", () => NMD(1, [[null]]), /^ALM\.NMD category: a value is required/],
    ["text as core share", () => NMD(1, "NMD_WHOLESALE", "half"), /^ALM\.NMD core_share: got the text "half"; expected a fraction between 0 and 1/],
    ["a negative core share", () => NMD(1, "NMD_WHOLESALE", -0.1), /^ALM\.NMD core_share: got -0.1; expected between 0 and 0.5, the Basel cap on the core share of NMD_WHOLESALE \(SRP31 Table 4\)/],
    ["a retail transactional core share above 90 %", () => NMD(1, "NMD_RETAIL_TRANSACTIONAL", 0.91), /^ALM\.NMD core_share: got 0.91; expected between 0 and 0.9, the Basel cap on the core share of NMD_RETAIL_TRANSACTIONAL/],
    ["a retail non-transactional core share above 70 %", () => NMD(1, "NMD_RETAIL_NONTRANSACTIONAL", 0.71), /^ALM\.NMD core_share: got 0.71; expected between 0 and 0.7, the Basel cap on the core share of NMD_RETAIL_NONTRANSACTIONAL/],
    ["a wholesale core share above 50 %", () => NMD(1, "NMD_WHOLESALE", 0.5001), /^ALM\.NMD core_share: got 0.5001; expected between 0 and 0.5, the Basel cap/],
    ["a range as core share", () => NMD(1, "NMD_WHOLESALE", [[0.1, 0.2]]), /^ALM\.NMD core_share: got a 1×2 range; expected a single value/],
    ["a range as core maturity", () => NMD(1, "NMD_WHOLESALE", 0.5, [[1], [2]]), /^ALM\.NMD core_maturity: got a 2×1 range; expected a single value/],
    ["text as core maturity", () => NMD(1, "NMD_WHOLESALE", 0.5, "2Y"), /^ALM\.NMD core_maturity: got the text "2Y"; expected an average maturity in years/],
    ["a zero core maturity", () => NMD(1, "NMD_WHOLESALE", 0.5, 0), /^ALM\.NMD core_maturity: got 0; expected above 0 and at most 4 years, the Basel cap on the average maturity of core NMD_WHOLESALE \(SRP31 Table 4\)/],
    ["a retail transactional core maturity above 5 years", () => NMD(1, "NMD_RETAIL_TRANSACTIONAL", 0.5, 5.01), /^ALM\.NMD core_maturity: got 5.01; expected above 0 and at most 5 years, the Basel cap/],
    ["a retail non-transactional core maturity above 4.5 years", () => NMD(1, "NMD_RETAIL_NONTRANSACTIONAL", 0.5, 4.6), /^ALM\.NMD core_maturity: got 4.6; expected above 0 and at most 4.5 years, the Basel cap on the average maturity of core NMD_RETAIL_NONTRANSACTIONAL/],
    ["a wholesale core maturity above 4 years", () => NMD(1, "NMD_WHOLESALE", 0.5, 4.5), /^ALM\.NMD core_maturity: got 4.5; expected above 0 and at most 4 years/],
    ["an unknown bucket scheme", () => NMD(1, "NMD_WHOLESALE", 0.5, 1, "BIWEEKLY"), /^ALM\.NMD buckets: the text "BIWEEKLY" is not a valid choice/],
    ["a bad bucket edge, by row", () => NMD(1, "NMD_WHOLESALE", 0.5, 1, [["1Y"], [true]]), /^ALM\.NMD buckets, row 2: got TRUE/],
    ["a bad headers flag", () => NMD(1, "NMD_WHOLESALE", 0.5, 1, null, "maybe"), /^ALM\.NMD headers: got the text "maybe"; expected TRUE or FALSE/],
  ])("rejects %s", async (_what, call, pattern) => {
    const e = await rejected(call());
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(pattern);
  });
});
