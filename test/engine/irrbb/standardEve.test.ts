/**
 * The Basel standardised EVE on a hand-built book, computed here from the formula with explicit numbers:
 * zero-rate positions (so every flow is principal), one TDRR term deposit and one CPR bullet, slotted by
 * hand into the 19 buckets (SRP31.94 ff.; docs/methodology/irrbb.md §3, the buckets in
 * docs/methodology/gaps.md §1).
 */
import { generateFlows } from "../../../src/engine/cashflows/generate";
import { BASEL_BUCKETS, bucketLookup, edgeDates } from "../../../src/engine/gap/buckets";
import { bucketCashFlows, standardEve } from "../../../src/engine/irrbb/standardEve";
import { fromYmd } from "../../../src/engine/time/serialDate";
import { book } from "./book";

const AS_OF = fromYmd(2026, 1, 15);
const BOOK = book([
  { balance: 1_000_000, rate: 0, maturity: fromYmd(2029, 7, 15) }, // 3.5 years: bucket 10 (3Y–4Y], t = 3.5
  { balance: -600_000, rate: 0, maturity: fromYmd(2026, 9, 15) }, // 8 months: bucket 5 (6M–9M], t = 0.625
  { balance: -200_000, rate: 0, maturity: fromYmd(2027, 12, 15), tdrr: 0.1 }, // 23 months: bucket 8, t = 1.75; redeemed overnight
  { balance: 400_000, rate: 0, maturity: fromYmd(2028, 1, 15), cpr: 0.05 }, // pays 2027-01-15 (bucket 6, 0.875) and 2028-01-15 (bucket 8)
]);
// Pillars (1y 3 %, 5y 3.5 %), linear: R0 at t = 0.0028, 0.625, 0.875 is 3 %; at 1.75: 3.09375 %; at 3.5: 3.3125 %.
const PILLARS = { times: [1, 5], zeros: [0.03, 0.035] };
const USD = { parallel: 200, short: 300, long: 225 };

/** CF by bucket for multipliers γ (CPR) and u (TDRR), written out by hand: [t_k, R0(t_k), CF]. */
function flows(gamma: number, u: number): [number, number, number][] {
  return [
    [0.0028, 0.03, -200_000 * 0.1 * u],
    [0.625, 0.03, -600_000],
    [0.875, 0.03, 400_000 * 0.05 * gamma],
    [1.75, 0.0309375, -200_000 * (1 - 0.1 * u) + 400_000 * (1 - 0.05 * gamma)],
    [3.5, 0.033125, 1_000_000],
  ];
}

function byHand(gamma: number, u: number, shiftBp: (t: number) => number): number {
  return flows(gamma, u).reduce((sum, [t, r0, cf]) => sum + cf * Math.exp(-(r0 + shiftBp(t) / 10000) * t), 0);
}

const e = (t: number) => Math.exp(-t / 4);
const SHIFTS: Record<string, [number, number, (t: number) => number]> = {
  PARALLEL_UP: [0.8, 1.2, () => 200],
  PARALLEL_DOWN: [1.2, 0.8, () => -200],
  STEEPENER: [0.8, 0.8, (t) => -0.65 * 300 * e(t) + 0.9 * 225 * (1 - e(t))],
  FLATTENER: [1.2, 1.2, (t) => 0.8 * 300 * e(t) - 0.6 * 225 * (1 - e(t))],
  SHORT_UP: [0.8, 1.2, (t) => 300 * e(t)],
  SHORT_DOWN: [1.2, 0.8, (t) => -300 * e(t)],
};

describe("standardised EVE", () => {
  const result = standardEve(BOOK, AS_OF, PILLARS, USD, { kind: "NONE" });
  const base = byHand(1, 1, () => 0);

  test("slots flows into the hand-identified buckets, with TDRR overnight and CPR scaled by the multipliers", () => {
    const [cf] = bucketCashFlows(BOOK, AS_OF, [{ cpr: 0.8, tdrr: 1.2 }]);
    const expected = new Array(19).fill(0);
    expected[0] = -24_000;
    expected[4] = -600_000;
    expected[5] = 16_000;
    expected[7] = -176_000 + 384_000;
    expected[9] = 1_000_000;
    Array.from(cf).forEach((v, k) => expect(v).toBeCloseTo(expected[k], 6));
  });

  test("the base EVE discounts CF₀ at the base zero rates of the midpoints", () => {
    expect(Math.abs(result.base - base)).toBeLessThan(1e-8);
  });

  test.each(Object.keys(SHIFTS))("%s: EVE and loss equal the hand computation with the scenario's multipliers", (name) => {
    const [gamma, u, shift] = SHIFTS[name];
    const row = result.scenarios.find((s) => s.scenario === name)!;
    const expected = byHand(gamma, u, shift);
    expect(Math.abs(row.eve - expected)).toBeLessThan(1e-8);
    expect(Math.abs(row.loss - (base - expected))).toBeLessThan(1e-8);
  });

  test("the measure is the largest loss and names its scenario", () => {
    const losses = Object.entries(SHIFTS).map(([name, [g, u, s]]) => [name, base - byHand(g, u, s)] as const);
    const [name, loss] = losses.reduce((a, b) => (b[1] > a[1] ? b : a));
    expect(loss).toBeGreaterThan(0);
    expect(result.scenarios[result.worst].scenario).toBe(name);
    expect(Math.abs(result.measure - loss)).toBeLessThan(1e-8);
  });

  test("the measure is 0 and no scenario is named when no scenario loses", () => {
    // A liability on a 0 % curve with the ZERO floor: up shocks gain, floored down shocks change nothing.
    const liability = book([{ balance: -1_000_000, rate: 0, maturity: fromYmd(2029, 7, 15) }]);
    const r = standardEve(liability, AS_OF, { times: [0], zeros: [0] }, USD, { kind: "ZERO" });
    expect(r.scenarios.map((s) => Math.sign(Math.round(s.loss)))).toEqual([-1, 0, -1, -1, -1, 0]);
    expect([r.measure, r.worst]).toEqual([0, -1]);
  });

  test("a floor bounds the shocked rate at each midpoint: ZERO on a 1 % flat curve under PARALLEL_DOWN", () => {
    const flat = standardEve(book([{ balance: 1_000_000, rate: 0, maturity: fromYmd(2029, 7, 15) }]), AS_OF, { times: [0], zeros: [0.01] }, USD, { kind: "ZERO" });
    const down = flat.scenarios.find((s) => s.scenario === "PARALLEL_DOWN")!;
    expect(down.eve).toBeCloseTo(1_000_000, 6);
    const shortDown = flat.scenarios.find((s) => s.scenario === "SHORT_DOWN")!;
    expect(Math.abs(shortDown.eve - 1_000_000 * Math.exp(-Math.max(0, 0.01 - 0.03 * e(3.5)) * 3.5))).toBeLessThan(1e-8);
  });

  test("custom multipliers are a named option: all 1 leaves CPR and TDRR unscaled in every scenario", () => {
    const ones = { cpr: 1, tdrr: 1 };
    const plain = standardEve(BOOK, AS_OF, PILLARS, USD, { kind: "NONE" }, { PARALLEL_UP: ones, PARALLEL_DOWN: ones, STEEPENER: ones, FLATTENER: ones, SHORT_UP: ones, SHORT_DOWN: ones });
    const up = plain.scenarios[0];
    expect(Math.abs(up.eve - byHand(1, 1, () => 200))).toBeLessThan(1e-8);
  });
});

describe("bucket cash flows per multiplier pair", () => {
  test("grouping positions by behaviour gives the same buckets as regenerating the whole book for each pair", () => {
    const mixed = book([
      { balance: 300_000, rate: 0.04, maturity: fromYmd(2036, 1, 15), amortization: "ANNUITY", cpr: 0.06 },
      { balance: -250_000, rate: 0.02, maturity: fromYmd(2028, 6, 15), tdrr: 0.15 },
      { balance: 120_000, rate: 0.03, maturity: fromYmd(2031, 3, 15), amortization: "LINEAR", frequency: 4, cpr: 0.1, tdrr: 0.05 },
      { balance: 80_000, rate: 0.05, maturity: fromYmd(2029, 9, 15) },
    ]);
    const pairs = [{ cpr: 1, tdrr: 1 }, { cpr: 0.8, tdrr: 1.2 }, { cpr: 1.2, tdrr: 0.8 }, { cpr: 0.8, tdrr: 0.8 }, { cpr: 1.2, tdrr: 1.2 }];
    const bucketOf = bucketLookup(edgeDates(BASEL_BUCKETS, AS_OF), AS_OF);
    const grouped = bucketCashFlows(mixed, AS_OF, pairs);
    pairs.forEach((pair, j) => {
      const direct = new Array(19).fill(0);
      generateFlows(mixed, AS_OF, "REPRICING", { add: (_i, date, p, x) => (direct[bucketOf(date)] += p + x) }, { cprMultiplier: pair.cpr, tdrrMultiplier: pair.tdrr });
      direct.forEach((v, k) => expect(Math.abs(grouped[j][k] - v)).toBeLessThan(1e-8));
    });
    expect(Math.abs(grouped[1][0] - grouped[2][0])).toBeGreaterThan(1); // TDRR multipliers move the overnight bucket
  });
});
