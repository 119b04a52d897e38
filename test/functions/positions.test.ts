/** The positions table read by ALM.CASHFLOWS, through the emulated Excel host (the built bundle, arguments marshalled as functions.json declares them). */
import fc from "fast-check";
import { fromYmd } from "../../src/engine/time/serialDate";
import { excel, rejected } from "../helpers/excelHost";

const { CASHFLOWS } = excel;
const asOf = fromYmd(2026, 9, 30);
const header = ["Id", "Balance", "Rate", "Maturity", "Amortization", "Frequency", "Type", "NextReset", "Category", "CoreShare", "CoreMaturity", "Side", "CPR", "Basis"];


const row = (over: Record<string, unknown>) => header.map((h) => (h in over ? over[h] : null));
const base = { Id: "L1", Balance: 1000, Rate: 0.05, Maturity: fromYmd(2031, 9, 30) };

describe("positions table errors name the column and the row", () => {
  it.each([
    ["a missing required column", [["Balance", "Maturity"], [1, asOf + 10]], /the required column "Rate" is missing \(found columns: Balance, Maturity\)/],
    ["text in a numeric column", [header, row({ ...base, Rate: "5%" })], /positions, row 2, column Rate: got the text "5%"/],
    ["a blank rate (never 0 %)", [header, row({ ...base, Rate: null })], /row 2, column Rate: a value is required/],
    ["a maturity more than 100 years after as_of", [header, row({ ...base, Maturity: fromYmd(9999, 12, 31) })], /row 2, column Maturity: got 9999-12-31; expected a maturity at most 100 years after as_of \(2126-09-30\)/],
    ["a maturity before as_of", [header, row({ ...base, Maturity: asOf - 1 })], /row 2, column Maturity: .*a maturity after as_of \(2026-09-30\)/],
    ["an unknown amortization", [header, row({ ...base, Amortization: "BALLOON" })], /row 2, column Amortization: .*BULLET, ANNUITY, LINEAR/],
    ["an unknown category", [header, row({ ...base, Category: "NMD_OTHER" })], /row 2, column Category: .*NMD_RETAIL_TRANSACTIONAL/],
    ["a frequency outside 1/2/4/6/12", [header, row({ ...base, Frequency: 3 })], /row 2, column Frequency: got 3; expected payments per year \(1, 2, 4, 6 or 12\) or a cycle such as 1M/],
    ["a negative balance with a Side column", [header, row({ ...base, Balance: -5, Side: "A" })], /row 2, column Balance: got -5; expected a positive amount/],
    ["an unknown side", [header, row({ ...base, Side: "X" })], /row 2, column Side/],
    ["a floater without NextReset", [header, row({ ...base, Type: "FLOATING" })], /row 2, column NextReset: a value is required/],
    ["a NextReset after maturity", [header, row({ ...base, Type: "FLOATING", NextReset: fromYmd(2032, 1, 1) })], /column NextReset: .*on or before the maturity/],
    ["a core share above the Basel cap", [header, row({ Balance: 1, Rate: 0, Category: "NMD_WHOLESALE", CoreShare: 0.6, CoreMaturity: 2 })], /column CoreShare: got 0.6; expected at most 0.5, the Basel cap/],
    ["a core maturity above the Basel cap", [header, row({ Balance: 1, Rate: 0, Category: "NMD_RETAIL_NONTRANSACTIONAL", CoreShare: 0.5, CoreMaturity: 5 })], /column CoreMaturity: .*4.5 years, the Basel cap/],
    ["a CPR outside 0..1", [header, row({ ...base, CPR: 1.5 })], /column CPR: got 1.5; expected a fraction between 0 and 1/],
    ["a basis outside 0–4", [header, row({ ...base, Basis: 7 })], /column Basis: .*0, 1, 2, 3, 4/],
    ["a cycle with an unknown unit", [[...header, "PrincipalFrequency"], [...row(base), "3Q"]], /row 2, column PrincipalFrequency: got the text "3Q"; expected payments per year .* or a cycle such as 1M, 3M, 2W, 10D or 1Y/],
    ["an unknown stub", [["Balance", "Rate", "Maturity", "Stub"], [1000, 0.05, fromYmd(2031, 9, 30), "MEDIUM"]], /row 2, column Stub: .*SHORT, LONG/],
    ["an unknown calendar", [["Balance", "Rate", "Maturity", "Calendar"], [1000, 0.05, fromYmd(2031, 9, 30), "NYSE"]], /row 2, column Calendar: .*NONE, WEEKENDS, TARGET/],
    ["an unknown end-of-month convention", [["Balance", "Rate", "Maturity", "EndOfMonth"], [1000, 0.05, fromYmd(2031, 9, 30), "LAST"]], /row 2, column EndOfMonth: .*SD, EOM/],
    ["a principal anchor before Start", [["Balance", "Rate", "Maturity", "Amortization", "Start", "FirstPrincipal"], [1000, 0.05, fromYmd(2031, 9, 30), "LINEAR", fromYmd(2026, 1, 1), fromYmd(2025, 12, 1)]], /row 2, column FirstPrincipal: got 2025-12-01; expected an anchor on or after Start \(2026-01-01\)/],
    ["a fractional FixingDays", [["Balance", "Rate", "Maturity", "Type", "NextReset", "FixingDays"], [1000, 0.05, fromYmd(2031, 9, 30), "FLOATING", fromYmd(2027, 9, 30), 1.5]], /row 2, column FixingDays: got 1.5; expected a whole number of business days/],
    ["a floater on a cycle in days without ResetMonths", [["Balance", "Rate", "Maturity", "Type", "NextReset", "Frequency"], [1000, 0.05, fromYmd(2031, 9, 30), "FLOATING", fromYmd(2027, 9, 30), "10D"]], /row 2, column ResetMonths: .*needs its ResetMonths/],
    ["a LINEAR redemption of 0, which never amortises", [["Balance", "Rate", "Maturity", "Amortization", "Redemption"], [1000, 0.05, fromYmd(2031, 9, 30), "LINEAR", 0]], /row 2, column Redemption: got 0; expected a positive payment: a redemption of 0 or less never amortises/],
    ["a half-filled row of a table without Maturity for a non-NMD row", [["Balance", "Rate"], [1, 0.01]], /the required column "Maturity" is missing/],
  ])("gives #VALUE! for %s", async (_what, table, pattern) => {
    const e = await rejected(CASHFLOWS(table, asOf, null, null, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^ALM\.CASHFLOWS positions/);
    expect(e.message).toMatch(pattern as RegExp);
  });

  it("counts rows within the range, the header being row 1, and skips fully blank rows", async () => {
    const e = await rejected(CASHFLOWS([header, row(base), header.map(() => null), row({ ...base, Rate: "x" })], asOf, null, null, null));
    expect(e.message).toMatch(/row 4, column Rate/);
  });

  it("finds columns by header name whatever their case, spacing and order, ignoring unknown columns", async () => {
    const a = await CASHFLOWS([["balance", "RATE", " maturity ", "Notes"], [1000, 0.05, fromYmd(2027, 9, 30), "x"]], asOf, null, null, null);
    expect(a).toEqual([["Date", "Principal", "Interest", "Total"], [fromYmd(2027, 9, 30), 1000, expect.closeTo(50, 12), expect.closeTo(1050, 12)]]);
  });
});

describe("cash-flow generation", () => {
  it("repays exactly each position's balance in principal, whatever the amortisation, frequency, CPR and view", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: -200, max: 1500 }),
        fc.integer({ min: 2, max: 360 * 30 }),
        fc.constantFrom("BULLET", "ANNUITY", "LINEAR"),
        fc.constantFrom(1, 2, 4, 12),
        fc.constantFrom(0, 0.05, 0.2),
        fc.constantFrom(0, 1, 2, 3, 4),
        fc.constantFrom("CONTRACTUAL", "REPRICING"),
        async (cents, bp, days, amortization, frequency, cpr, basis, mode) => {
          const balance = cents / 100;
          const table = [header, row({ Id: "X", Balance: balance, Rate: bp / 1e4, Maturity: asOf + days, Amortization: amortization, Frequency: frequency, CPR: cpr, Basis: basis })];
          const flows = (await CASHFLOWS(table, asOf, mode, true, false)) as number[][];
          const principal = flows.reduce((s, f) => s + f[2], 0);
          expect(Math.abs(principal - balance)).toBeLessThanOrEqual(1e-9 * balance);
          expect(flows[flows.length - 1][1]).toBe(asOf + days);
          for (let k = 1; k < flows.length; k++) expect(flows[k][1]).toBeGreaterThan(flows[k - 1][1]);
        }
      ),
      { seed: 20261125, numRuns: 400 }
    );
  });

  it("repays exactly each balance under any ACTUS contract terms: anchors, stubs, cycles, business days, redemptions, forward starts", async () => {
    const terms = ["Id", "Balance", "Rate", "Maturity", "Amortization", "Frequency", "PrincipalFrequency", "FirstPayment", "FirstPrincipal", "Stub", "BusinessDay", "Calendar", "EndOfMonth", "Redemption", "AccruedInterest", "Start", "Basis", "CPR", "Side"];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          Balance: fc.integer({ min: 1, max: 10_000_000 }).map((c) => c / 100),
          Side: fc.constantFrom("A", "L"),
          Rate: fc.integer({ min: -100, max: 1500 }).map((bp) => bp / 1e4),
          days: fc.integer({ min: 2, max: 365 * 20 }),
          Amortization: fc.constantFrom("BULLET", "ANNUITY", "LINEAR", "NEGATIVE"),
          Frequency: fc.constantFrom(1, 2, 4, 6, 12, "1M", "2M", "3M", "1Y", "2W", "10D"),
          PrincipalFrequency: fc.constantFrom(null, 12, "3M", "1Y"),
          anchor: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
          principalAnchor: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
          Stub: fc.constantFrom(null, "SHORT", "LONG"),
          BusinessDay: fc.constantFrom(null, "NOS", "SCF", "SCMF", "CSF", "CSMF", "SCP", "SCMP", "CSP", "CSMP"),
          Calendar: fc.constantFrom(null, "NONE", "WEEKENDS", "TARGET"),
          EndOfMonth: fc.constantFrom(null, "SD", "EOM"),
          redemptionShare: fc.option(fc.constantFrom(0.01, 0.1, 0.5, 2), { nil: undefined }),
          start: fc.option(fc.integer({ min: -3000, max: 300 }), { nil: undefined }),
          accrued: fc.option(fc.constantFrom(0, 12.5, -3), { nil: undefined }),
          Basis: fc.constantFrom(0, 1, 2, 3, 4),
          CPR: fc.constantFrom(0, 0.1),
          mode: fc.constantFrom("CONTRACTUAL", "REPRICING"),
        }),
        async (r) => {
          const maturity = asOf + r.days;
          const start = r.start === undefined ? null : Math.min(asOf + r.start, maturity - 1);
          const lowest = start ?? asOf - 400;
          const anchorOf = (offset: number | undefined) => (offset === undefined ? null : Math.min(maturity, lowest + offset));
          const amortizing = r.Amortization !== "BULLET";
          const values: Record<string, unknown> = {
            ...r,
            Id: "X",
            Maturity: maturity,
            Start: start,
            FirstPayment: anchorOf(r.anchor),
            FirstPrincipal: amortizing ? anchorOf(r.principalAnchor) : null,
            PrincipalFrequency: amortizing ? r.PrincipalFrequency : null,
            Redemption: amortizing && r.redemptionShare !== undefined ? r.Balance * r.redemptionShare : null,
            AccruedInterest: start !== null && start > asOf ? null : (r.accrued ?? null),
          };
          const table = [terms, terms.map((h) => values[h] ?? null)];
          let flows: number[][];
          try {
            flows = (await CASHFLOWS(table, asOf, r.mode, true, false)) as number[][];
          } catch (e) {
            // Only the documented refusal of these terms: an annuity instalment that never amortises.
            expect((e as Error).message).toMatch(/row 2, column Redemption: .*never amortises/);
            return;
          }
          const forward = start !== null && start > asOf;
          const principal = flows.reduce((s, f) => s + f[2], 0);
          expect(Math.abs(principal - (forward ? 0 : 1) * r.Balance * (r.Side === "L" ? -1 : 1))).toBeLessThanOrEqual(1e-6 * r.Balance);
          for (const f of flows) expect(f.slice(1).every(Number.isFinite)).toBe(true);
          expect(flows[0][1]).toBeGreaterThan(asOf);
          // The last payment is the maturity moved by at most a few days by the business-day convention.
          expect(Math.abs(flows[flows.length - 1][1] - maturity)).toBeLessThanOrEqual(5);
          for (let k = 1; k < flows.length; k++) expect(flows[k][1]).toBeGreaterThanOrEqual(flows[k - 1][1]);
        }
      ),
      { seed: 20261202, numRuns: 400 }
    );
  });

  it("pays an annuity in level payments, the last one included, under any day count", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 2, max: 360 }), fc.constantFrom(0, 1, 2, 3, 4), async (bp, months, basis) => {
        const maturity = asOf + Math.round(months * 30.4);
        const flows = (await CASHFLOWS([header, row({ Id: "A", Balance: 100000, Rate: bp / 1e4, Maturity: maturity, Amortization: "ANNUITY", Basis: basis })], asOf, null, true, false)) as number[][];
        for (const f of flows) expect(f[4]).toBeCloseTo(flows[0][4], 6);
      }),
      { seed: 7, numRuns: 200 }
    );
  });

  it("ends a floater at NextReset with its full notional in the repricing view and runs it to maturity in the contractual view", async () => {
    const reset = fromYmd(2026, 12, 30); // a quarterly roll date of the 2031-09-30 maturity
    const table = [header, row({ ...base, Type: "FLOATING", NextReset: reset, Frequency: 4 })];
    const repricing = (await CASHFLOWS(table, asOf, "REPRICING", true, false)) as number[][];
    expect(repricing).toEqual([["L1", reset, 1000, expect.closeTo((1000 * 0.05 * (reset - asOf)) / 365, 12), expect.any(Number)]]);
    const contractual = (await CASHFLOWS(table, asOf, "CONTRACTUAL", true, false)) as number[][];
    expect(contractual).toHaveLength(20);
    expect(contractual[19][1]).toBe(fromYmd(2031, 9, 30));
  });

  it("slots a non-maturity deposit overnight in the contractual view and core/non-core when repricing", async () => {
    const table = [header, row({ Id: "D", Balance: 1200, Rate: 0, Category: "NMD_RETAIL_TRANSACTIONAL", CoreShare: 0.5, CoreMaturity: 0.5, Side: "L" })];
    expect(await CASHFLOWS(table, asOf, "CONTRACTUAL", true, false)).toEqual([["D", asOf + 1, -1200, 0, -1200]]);
    const repricing = (await CASHFLOWS(table, asOf, "REPRICING", true, false)) as number[][];
    // non-core 600 overnight; core 600 runs off linearly over 2 × 0.5 = 1 year: 50 a month.
    expect(repricing[0]).toEqual(["D", asOf + 1, -600, 0, -600]);
    expect(repricing).toHaveLength(13);
    for (let k = 1; k <= 12; k++) expect(repricing[k][2]).toBeCloseTo(-50, 10);
    expect(repricing[12][1]).toBe(fromYmd(2027, 9, 30));
  });
});
