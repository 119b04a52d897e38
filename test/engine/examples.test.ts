/**
 * The `@example` of every exported engine function outside IRRBB (whose examples have their own tests),
 * with each expected value derived here from the formula the TSDoc states.
 */
import { convexity, duration, durationGap, dv01, presentValue } from "../../src/engine/cashflows/analytics";
import { bootstrapZeroRates } from "../../src/engine/cashflows/bootstrap";
import { interpolatedCurve } from "../../src/engine/curves/interpolatedCurve";
import { shiftedCurve, tent } from "../../src/engine/curves/shiftedCurve";
import { convertContinuous, flatCurve, forwardRate, zeroRate } from "../../src/engine/curves/yieldCurve";
import { BASEL_BUCKETS, bucketLookup, customBuckets, edgeDates } from "../../src/engine/gap/buckets";
import { nmdSlotting } from "../../src/engine/gap/nmd";
import { yearFraction } from "../../src/engine/time/dayCount";
import { CYCLE_MONTHS, Schedule } from "../../src/engine/time/schedule";
import { addMonths, fromYmd, packedYmd, toYmd } from "../../src/engine/time/serialDate";
import { tenorTime, yearsToDate } from "../../src/engine/time/tenor";

describe("engine TSDoc examples", () => {
  it("curves", () => {
    expect(interpolatedCurve({ times: [1, 5], zeros: [0.02, 0.03] }, "LINEAR").zeroRate(2)).toBeCloseTo(0.02 + (0.01 * 1) / 4, 15);
    expect(shiftedCurve(flatCurve(0.02), () => 0.01).zeroRate(5)).toBeCloseTo(0.03, 15);
    expect(tent([1, 2, 5], 1)(3.5)).toBe((5 - 3.5) / (5 - 2));
    expect(convertContinuous(0.03, 1, "ANNUAL")).toBeCloseTo(Math.exp(0.03) - 1, 15);
    expect(zeroRate(flatCurve(0.03), 2, "SEMIANNUAL")).toBeCloseTo(2 * (Math.exp(0.015) - 1), 15);
    expect(forwardRate(flatCurve(0.03), 1, 2)).toBeCloseTo(0.03, 15);
    expect(flatCurve(0.02).discount(1)).toBe(Math.exp(-0.02));
  });

  it("cash-flow analytics and bootstrap", () => {
    expect(presentValue({ amounts: [100], times: [2] }, { kind: "yield", rate: 0.05, frequency: 1 })).toBeCloseTo(100 / 1.05 ** 2, 12);
    expect(duration({ amounts: [100], times: [3] }, { kind: "yield", rate: 0.04, frequency: 0 }, "MACAULAY")).toBeCloseTo(3, 14);
    expect(convexity({ amounts: [100], times: [2] }, { kind: "yield", rate: 0.03, frequency: 0 }, "MODIFIED")).toBeCloseTo(4, 14);
    expect(dv01({ amounts: [100], times: [1] }, { kind: "yield", rate: 0, frequency: 0 })).toBeCloseTo((100 * Math.exp(1e-4) - 100 * Math.exp(-1e-4)) / 2, 14);
    expect(durationGap(4, 2, 100, 90)).toBeCloseTo(4 - 0.9 * 2, 15);
    const [z1, z2] = bootstrapZeroRates([1, 2], [0.03, 0.04], 1);
    const df1 = 1 / 1.03;
    expect(z1).toBeCloseTo(Math.log(1.03), 15);
    expect(z2).toBeCloseTo(-Math.log((1 - 0.04 * df1) / 1.04) / 2, 15);
  });

  it("buckets and NMD slotting", () => {
    const asOf = fromYmd(2026, 9, 30);
    expect(bucketLookup(edgeDates(BASEL_BUCKETS, asOf), asOf)(asOf + 1)).toBe(0);
    expect(bucketLookup(edgeDates(BASEL_BUCKETS, asOf), asOf)(asOf + 2)).toBe(1);
    expect(nmdSlotting(100, 0.5, 1, customBuckets([1, 2], ["1Y", "2Y"])).core).toEqual([25, 25, 0]);
  });

  it("dates, day counts, tenors and schedules", () => {
    expect(yearFraction(fromYmd(2012, 1, 1), fromYmd(2012, 7, 30), "US30_360")).toBe((6 * 30 + 29) / 360);
    expect(fromYmd(2000, 1, 1)).toBe(36526);
    expect(toYmd(45657)).toEqual({ year: 2024, month: 12, day: 31 });
    expect(packedYmd(45657)).toBe(20241231);
    expect(addMonths(fromYmd(2024, 1, 31), 1)).toBe(fromYmd(2024, 2, 29));
    expect(tenorTime({ unit: "M", count: 18 })).toBe(1.5);
    expect(yearsToDate(fromYmd(2026, 1, 31), 0.25)).toBe(fromYmd(2026, 4, 30));
    const s = new Schedule().build({ count: 6, unit: CYCLE_MONTHS, anchor: 0, start: 0, end: fromYmd(2027, 8, 31), longStub: false, endOfMonth: false }, fromYmd(2026, 1, 8), 1200);
    expect(Array.from(s.dates.subarray(0, s.count))).toEqual([fromYmd(2026, 2, 28), fromYmd(2026, 8, 31), fromYmd(2027, 2, 28), fromYmd(2027, 8, 31)]);
    expect(s.previous).toBe(fromYmd(2025, 8, 31));
    const m = new Schedule().monthly(fromYmd(2026, 1, 31), 2);
    expect(Array.from(m.dates.subarray(0, m.count))).toEqual([fromYmd(2026, 2, 28), fromYmd(2026, 3, 31)]);
  });
});
