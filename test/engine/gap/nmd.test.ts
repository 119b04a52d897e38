/**
 * Continuous Basel slotting of a non-maturity deposit (src/engine/gap/nmd.ts): non-core overnight; core
 * runs off linearly over twice its average maturity M, so bucket (a, b] in years holds
 * core · |(a, b] ∩ (0, 2M]| / 2M (SRP31.108–31.112; docs/methodology/gaps.md §5).
 */
import fc from "fast-check";
import { BASEL_BUCKETS, MONTHLY_BUCKETS, customBuckets } from "../../../src/engine/gap/buckets";
import { nmdSlotting } from "../../../src/engine/gap/nmd";
import { BASEL_EDGE_MONTHS } from "./reference";

describe("nmdSlotting", () => {
  it("slots the documented example: 100 with half core of average maturity 1 year over 1Y and 2Y edges", () => {
    const scheme = customBuckets([1, 2], ["1Y", "2Y"]);
    expect(nmdSlotting(100, 0.5, 1, scheme)).toEqual({ nonCore: 50, core: [25, 25, 0] });
  });

  it("spreads 500 of core over (0, 4 years] in proportion to each Basel bucket's overlap", () => {
    // Balance 1000, wholesale, core share 0.5, core maturity 2: core 500 runs off over 4 years, 125 a year.
    const upper = [1 / 365, ...BASEL_EDGE_MONTHS.map((m) => m / 12)];
    const expected = [125 / 365, 125 * (1 / 12 - 1 / 365), 125 * (2 / 12), 31.25, 31.25, 31.25, 62.5, 62.5, 125, 125, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const { nonCore, core } = nmdSlotting(1000, 0.5, 2, BASEL_BUCKETS);
    expect(upper[9]).toBe(4);
    expect(nonCore).toBe(500);
    expect(core).toHaveLength(19);
    core.forEach((v, k) => expect(v).toBeCloseTo(expected[k], 10));
  });

  it("cuts the run-off inside a bucket when twice the maturity falls between edges", () => {
    // M = 0.3: core runs off over 0.6 years; MONTHLY buckets (k/12, (k+1)/12]: 7 full months and 0.2 of the 8th.
    const { core } = nmdSlotting(600, 1, 0.3, MONTHLY_BUCKETS);
    const perMonth = 600 / 0.6 / 12;
    core.slice(0, 7).forEach((v) => expect(v).toBeCloseTo(perMonth, 10));
    expect(core[7]).toBeCloseTo(perMonth * 0.2, 10);
    core.slice(8).forEach((v) => expect(v).toBe(0));
  });

  it("puts everything overnight when nothing is core", () => {
    const { nonCore, core } = nmdSlotting(250, 0, 3, BASEL_BUCKETS);
    expect(nonCore).toBe(250);
    core.forEach((v) => expect(v).toBe(0));
  });

  it("adds up to the balance, keeps every slot non-negative for a positive balance, and leaves nothing beyond 2M", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e11 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: 60 }), (cents, percent, months) => {
        const balance = cents / 100;
        const share = percent / 100;
        const maturity = months / 12;
        const { nonCore, core } = nmdSlotting(balance, share, maturity, BASEL_BUCKETS);
        const upper = [1 / 365, ...BASEL_EDGE_MONTHS.map((m) => m / 12)];
        expect(nonCore + core.reduce((a, b) => a + b, 0)).toBeCloseTo(balance, 12 - Math.ceil(Math.log10(balance + 1)));
        core.forEach((v, k) => {
          expect(v).toBeGreaterThanOrEqual(0);
          if (k > 0 && upper[k - 1] >= 2 * maturity) expect(v).toBe(0);
        });
      }),
      { seed: 115, numRuns: 300 }
    );
  });
});
