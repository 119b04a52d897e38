/**
 * NII on a constant balance sheet against hand computations (ALM.NII; docs/methodology/irrbb.md §4):
 * as_of 2026-01-01, a 12-month horizon to 2027-01-01 (365 days), Actual/365 unless stated. Day counts
 * used below:
 * 2026-01-01 → 04-01 = 90, → 07-01 = 181, → 10-01 = 273; 04-01 → 10-01 = 183; 07-01 → 2027-01-01 = 184;
 * 10-01 → 2027-01-01 = 92.
 */
import { interpolatedCurve } from "../../../src/engine/curves/interpolatedCurve";
import { flatCurve } from "../../../src/engine/curves/yieldCurve";
import { nii, niiOfBook, niiRuns, prepareNii, type NiiMarket } from "../../../src/engine/irrbb/nii";
import { scenarioShift } from "../../../src/engine/irrbb/scenarios";
import type { Rate, Time } from "../../../src/engine/types";
import { fromYmd } from "../../../src/engine/time/serialDate";
import { book } from "./book";

const AS_OF = fromYmd(2026, 1, 1);
/** A flat 3 % base curve: renewal margins are rate − 3 %, forwards 3 %, so a parallel shift moves renewals by itself. */
const FLAT = flatCurve(0.03);
const NO_SHIFT: NiiMarket = { base: FLAT };
const parallel = (bp: number): NiiMarket => ({ base: FLAT, shift: () => bp / 10000 });
const shifted = (shift: (t: Time) => Rate): NiiMarket => ({ base: FLAT, shift });
/** The change of the forward for τ starting at t under a zero-rate shift s: (s(t+τ)(t+τ) − s(t)t)/τ. */
const dF = (s: (t: Time) => Rate, t: Time, tau: Time) => (s(t + tau) * (t + tau) - s(t) * t) / tau;
const USD = { parallel: 200, short: 300, long: 225 };
const YEAR = { horizonMonths: 12, rampMonths: 0 };

const floater = book([{ balance: 1_000_000, rate: 0.05, maturity: fromYmd(2030, 1, 1), nextReset: fromYmd(2026, 4, 1), resetMonths: 6 }]);
const maturing = (start?: number) => book([{ balance: 500_000, rate: 0.04, maturity: fromYmd(2026, 7, 1), start }]);
const nmd = (balance: number, beta: number) => book([{ balance, rate: 0.01, category: "NMD_RETAIL_TRANSACTIONAL", coreShare: 0.5, coreMaturity: 3, beta }]);

describe("NII on a constant balance sheet", () => {
  test("a floater earns its rate until the reset 90 days in, then rate + shift (resets at 3M and 9M)", () => {
    expect(nii(floater, AS_OF, parallel(200), YEAR)).toBeCloseTo((1e6 * (0.05 * 90 + 0.07 * 275)) / 365, 8);
  });

  test("a floater renews at each reset by the change of the 6-month forward starting then (SHORT_UP)", () => {
    const shift = scenarioShift({ kind: "STANDARD", name: "SHORT_UP", sizes: USD });
    const first = 0.05 + dF(shift, 90 / 365, 0.5);
    const second = 0.05 + dF(shift, 273 / 365, 0.5);
    expect(nii(floater, AS_OF, shifted(shift), YEAR)).toBeCloseTo((1e6 * (0.05 * 90 + first * 183 + second * 92)) / 365, 8);
  });

  test("a fixed loan maturing mid-horizon renews for its original term (Start → Maturity = 1 year) by the change of that forward", () => {
    const shift = scenarioShift({ kind: "STANDARD", name: "SHORT_UP", sizes: USD });
    const renewed = 0.04 + dF(shift, 181 / 365, 1);
    expect(nii(maturing(fromYmd(2025, 7, 1)), AS_OF, shifted(shift), YEAR)).toBeCloseTo((500_000 * (0.04 * 181 + renewed * 184)) / 365, 8);
  });

  test("without Start a fixed loan renews for its remaining term (181 days), rolling again after 181 days", () => {
    const shift = scenarioShift({ kind: "STANDARD", name: "SHORT_UP", sizes: USD });
    const tau = 181 / 365;
    const first = 0.04 + dF(shift, 181 / 365, tau);
    const second = 0.04 + dF(shift, 362 / 365, tau);
    expect(nii(maturing(), AS_OF, shifted(shift), YEAR)).toBeCloseTo((500_000 * (0.04 * 181 + first * 181 + second * 3)) / 365, 8);
  });

  test("on an upward curve a renewal earns its margin over the base forward: 1 % over 5 %→ forward, not its old 4 %", () => {
    // Zero curve 2 % at 0.5 years, 4 % at 1.5 years (linear, flat beyond): the loan (Start 2025-07-01, 1-year term,
    // rate 4 %) has margin 4 % − z(1) = 1 %; it renews at t = 181/365 at 1 % + F(181/365, 1).
    const base = interpolatedCurve({ times: [0.5, 1.5], zeros: [0.02, 0.04] }, "LINEAR");
    const z = (t: Time) => base.zeroRate(t);
    const t = 181 / 365;
    const f = (z(t + 1) * (t + 1) - z(t) * t) / 1;
    const renewed = 0.04 - z(1) + f;
    expect(f).toBeGreaterThan(0.04);
    expect(nii(maturing(fromYmd(2025, 7, 1)), AS_OF, { base }, YEAR)).toBeCloseTo((500_000 * (0.04 * 181 + renewed * 184)) / 365, 8);
  });

  test("a deposit never pays below 0 % unless its Floor says so, and Cap and Floor bound every renewal", () => {
    // 0.5 % deposit, beta 1, −200 bp: 0.5 % − 2 % would be −1.5 %; it pays 0 %.
    const deposit = (floor?: number) => book([{ balance: -1_000_000, rate: 0.005, category: "NMD_RETAIL_TRANSACTIONAL", coreShare: 0.5, coreMaturity: 3, floor }]);
    expect(nii(deposit(), AS_OF, parallel(-200), YEAR)).toBe(0);
    expect(nii(deposit(-0.005), AS_OF, parallel(-200), YEAR)).toBeCloseTo(1_000_000 * 0.005, 8);
    // The floater's renewals at 7 % are capped at 6 %, and a floor of 4.5 % holds them up under −200 bp.
    const bounded = book([{ balance: 1_000_000, rate: 0.05, maturity: fromYmd(2030, 1, 1), nextReset: fromYmd(2026, 4, 1), resetMonths: 6, cap: 0.06, floor: 0.045 }]);
    expect(nii(bounded, AS_OF, parallel(200), YEAR)).toBeCloseTo((1e6 * (0.05 * 90 + 0.06 * 275)) / 365, 8);
    expect(nii(bounded, AS_OF, parallel(-200), YEAR)).toBeCloseTo((1e6 * (0.05 * 90 + 0.045 * 275)) / 365, 8);
  });

  test("a floater with a Spread renews at Spread + the base forward, whatever its current rate", () => {
    const f = book([{ balance: 1_000_000, rate: 0.05, maturity: fromYmd(2030, 1, 1), nextReset: fromYmd(2026, 4, 1), resetMonths: 6, spread: 0.01 }]);
    expect(nii(f, AS_OF, parallel(100), YEAR)).toBeCloseTo((1e6 * (0.05 * 90 + (0.01 + 0.03 + 0.01) * 275)) / 365, 8);
  });

  test("prepaid principal (CPR) renews at the scenario rate: a 30 % CPR mortgage gains more under +200 bp than at CPR 0", () => {
    const mortgage = (cpr: number) => book([{ balance: 1_000_000, rate: 0.04, maturity: fromYmd(2046, 1, 1), amortization: "ANNUITY", frequency: 12, cpr, start: fromYmd(2021, 1, 1) }]);
    const delta = (cpr: number) => nii(mortgage(cpr), AS_OF, parallel(200), YEAR) - nii(mortgage(cpr), AS_OF, NO_SHIFT, YEAR);
    expect(delta(0.3)).toBeGreaterThan(delta(0) * 5);
    // BASEL behaviour: PARALLEL_UP slows prepayment (CPR × 0.8), so less is renewed at the higher rate.
    const up = { kind: "STANDARD", name: "PARALLEL_UP", sizes: USD } as const;
    const input = niiRuns(mortgage(0.3), AS_OF, FLAT, [up], { ...YEAR, behaviour: "INPUT" });
    const basel = niiRuns(mortgage(0.3), AS_OF, FLAT, [up], { ...YEAR, behaviour: "BASEL" });
    const slowed = niiRuns(mortgage(0.24), AS_OF, FLAT, [up], YEAR);
    expect(basel.base).toBe(input.base);
    expect(basel.values[0]).toBeCloseTo(slowed.values[0], 6);
    expect(basel.values[0]).toBeLessThan(input.values[0]);
  });

  test("the scenario curve is floored as ALM.SHOCK floors it: ZERO keeps a −200 bp renewal forward at 0 % on a 1 % curve", () => {
    const f = book([{ balance: 1_000_000, rate: 0.02, maturity: fromYmd(2030, 1, 1), nextReset: fromYmd(2026, 4, 1), resetMonths: 6 }]);
    const base = flatCurve(0.01);
    // Margin 1 %; the scenario forward would be −1 %, floored to 0 %: the renewal is 1 % + 0 % (without the floor 1 % − 1 % = 0 %).
    expect(nii(f, AS_OF, { base, shift: () => -0.02, floor: { kind: "ZERO" } }, YEAR)).toBeCloseTo((1e6 * (0.02 * 90 + 0.01 * 275)) / 365, 8);
    expect(nii(f, AS_OF, { base, shift: () => -0.02 }, YEAR)).toBeCloseTo((1e6 * (0.02 * 90 + 0 * 275)) / 365, 8);
  });

  test("an NMD with beta 0.4 reprices at as_of: −2,000,000 · (1 % + 0.4 · 2 %) = −36,000", () => {
    expect(nii(nmd(-2_000_000, 0.4), AS_OF, parallel(200), YEAR)).toBeCloseTo(-36_000, 8);
  });

  test("a 12-month ramp on an overnight NMD: the rate on day d is r + shift · d/365, so NII = B(1 % + 1 % · 182/365)", () => {
    expect(nii(nmd(1_000_000, 1), AS_OF, parallel(100), { horizonMonths: 12, rampMonths: 12 })).toBeCloseTo(1e6 * (0.01 + (0.01 * 182) / 365), 8);
  });

  test("a ramp on a floater: each reset locks the share of the shift reached on its date (90/365, then 273/365)", () => {
    const expected = (1e6 * (0.05 * 90 + (0.05 + (0.02 * 90) / 365) * 183 + (0.05 + (0.02 * 273) / 365) * 92)) / 365;
    expect(nii(floater, AS_OF, parallel(200), { horizonMonths: 12, rampMonths: 12 })).toBeCloseTo(expected, 8);
  });

  test("a ramp shorter than the horizon gives the full shift from its end on (floater, 3-month ramp)", () => {
    expect(nii(floater, AS_OF, parallel(200), { horizonMonths: 12, rampMonths: 3 })).toBeCloseTo((1e6 * (0.05 * 90 + 0.07 * 275)) / 365, 8);
  });

  test("a linear amortiser renews each monthly repayment at rate + shift until the horizon end", () => {
    // 1,200,000 repaid 100,000 on the 1st of each month to 2027-01-01; days from each repayment to the end:
    const remaining = [334, 306, 275, 245, 214, 184, 153, 122, 92, 61, 31];
    const loan = book([{ balance: 1_200_000, rate: 0.06, maturity: fromYmd(2027, 1, 1), amortization: "LINEAR", frequency: 12, start: fromYmd(2025, 1, 1) }]);
    const expected = 1_200_000 * 0.06 + (100_000 * 0.01 * remaining.reduce((a, b) => a + b, 0)) / 365;
    expect(nii(loan, AS_OF, parallel(100), YEAR)).toBeCloseTo(expected, 6);
  });

  test("with no shift NII is balance × rate × horizon for every kind of position (constant balance sheet)", () => {
    const mixed = book([
      { balance: 1_000_000, rate: 0.05, maturity: fromYmd(2030, 1, 1), nextReset: fromYmd(2026, 4, 1), resetMonths: 6 },
      { balance: 500_000, rate: 0.04, maturity: fromYmd(2026, 7, 1) },
      { balance: -2_000_000, rate: 0.01, category: "NMD_RETAIL_TRANSACTIONAL", coreShare: 0.5, coreMaturity: 3 },
      { balance: 300_000, rate: 0.03, maturity: fromYmd(2031, 1, 1), amortization: "ANNUITY", frequency: 12 },
    ]);
    expect(nii(mixed, AS_OF, NO_SHIFT, YEAR)).toBeCloseTo(50_000 + 20_000 - 20_000 + 9_000, 6);
  });

  test("a six-month horizon accrues 181 days, and liabilities count negative", () => {
    expect(nii(book([{ balance: -730_000, rate: 0.02, maturity: fromYmd(2028, 1, 1) }]), AS_OF, parallel(100), { horizonMonths: 6, rampMonths: 0 })).toBeCloseTo((-730_000 * 0.02 * 181) / 365, 8);
  });

  test("interest accrues with the position's day count: Actual/360 for basis 2", () => {
    const f = book([{ balance: 1_000_000, rate: 0.05, maturity: fromYmd(2030, 1, 1), nextReset: fromYmd(2026, 4, 1), resetMonths: 6, basis: 2 }]);
    expect(nii(f, AS_OF, parallel(200), YEAR)).toBeCloseTo((1e6 * (0.05 * 90 + 0.07 * 275)) / 360, 8);
  });

  test("a book prepared once for the horizon (to 2027-01-01) gives each scenario the same NII as preparing afresh", () => {
    const loan = book([{ balance: 1_200_000, rate: 0.06, maturity: fromYmd(2027, 1, 1), amortization: "LINEAR", frequency: 12 }]);
    const prepared = prepareNii(loan, AS_OF, 12);
    expect(prepared.end).toBe(fromYmd(2027, 1, 1));
    expect(prepared.dates).toHaveLength(11);
    for (const bp of [-100, 0, 250]) expect(niiOfBook(prepared, parallel(bp), 6)).toBe(nii(loan, AS_OF, parallel(bp), { horizonMonths: 12, rampMonths: 6 }));
  });

  test("rejects a horizon that is not a whole number of months ≥ 1", () => {
    expect(() => nii(floater, AS_OF, NO_SHIFT, { horizonMonths: 0, rampMonths: 0 })).toThrow(/horizon 0/);
    expect(() => nii(floater, AS_OF, NO_SHIFT, { horizonMonths: 12, rampMonths: 1.5 })).toThrow(/ramp 1.5/);
  });
});
