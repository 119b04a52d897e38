import { DAY_COUNTS_BY_BASIS, yearFraction } from "../../../src/engine/time/dayCount";
import { fromYmd } from "../../../src/engine/time/serialDate";
import { golden } from "../../helpers/golden";

interface Case { start: number; end: number; start_iso: string; end_iso: string; basis: number; tag: string; value: number }
const yearfrac = golden<{ cases: Case[] }>("yearfrac-gnumeric.json");

describe("yearFraction against Gnumeric's YEARFRAC (scripts/golden/yearfrac_gnumeric.py)", () => {
  it("covers at least 500 date pairs for each of the five bases", () => {
    for (let basis = 0; basis <= 4; basis++) {
      expect(yearfrac.cases.filter((c) => c.basis === basis).length).toBeGreaterThanOrEqual(500);
    }
  });

  // Basis 1 spans touching 1900 are left out: Gnumeric treats 1900 as a common year while Excel's serials
  // include the fictitious 1900-02-29 (docs/differences-from-excel.md).
  const touches1900 = (c: Case) => c.basis === 1 && (c.start_iso.startsWith("1900") || c.end_iso.startsWith("1900"));

  it.each([0, 1, 2, 3, 4])("equals YEARFRAC with basis %i for every golden pair, to the last bit", (basis) => {
    const mismatches = yearfrac.cases
      .filter((c) => c.basis === basis && c.start >= 61 && c.end >= 61 && !touches1900(c))
      .map((c) => ({ c, ours: Math.abs(yearFraction(Math.min(c.start, c.end), Math.max(c.start, c.end), DAY_COUNTS_BY_BASIS[basis])) }))
      .filter(({ c, ours }) => Math.abs(ours - c.value) > 1e-15 * Math.max(1, Math.abs(c.value)))
      .map(({ c, ours }) => `${c.start_iso}→${c.end_iso} (${c.tag}): ${ours} vs ${c.value}`);
    expect(mismatches).toEqual([]);
  });

  it("is antisymmetric: swapping the dates negates the fraction", () => {
    for (const c of yearfrac.cases.slice(0, 400)) {
      const dc = DAY_COUNTS_BY_BASIS[c.basis];
      expect(yearFraction(c.end, c.start, dc)).toBe(-yearFraction(c.start, c.end, dc));
    }
  });
});

describe("yearFraction against Microsoft's documented YEARFRAC examples", () => {
  const start = fromYmd(2012, 1, 1);
  const end = fromYmd(2012, 7, 30);
  it("gives 0.58055556 for basis 0, 0.57650273 for basis 1 and 0.57808219 for basis 3", () => {
    expect(yearFraction(start, end, "US30_360")).toBeCloseTo(0.58055556, 8);
    expect(yearFraction(start, end, "ACT_ACT")).toBeCloseTo(0.57650273, 8);
    expect(yearFraction(start, end, "ACT_365")).toBeCloseTo(0.57808219, 8);
  });

  it("gives the Apple Numbers values for 2009-12-15 to 2010-06-30 under all five bases", () => {
    const a = fromYmd(2009, 12, 15);
    const b = fromYmd(2010, 6, 30);
    const expected = [0.541666666666667, 0.53972602739726, 0.547222222222222, 0.53972602739726, 0.541666666666667];
    expected.forEach((v, basis) => expect(yearFraction(a, b, DAY_COUNTS_BY_BASIS[basis])).toBeCloseTo(v, 14));
  });

  it("returns zero for the same day", () => {
    for (const dc of DAY_COUNTS_BY_BASIS) expect(yearFraction(45000, 45000, dc)).toBe(0);
  });
});
