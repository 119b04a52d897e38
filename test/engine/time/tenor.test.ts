import { fromYmd } from "../../../src/engine/time/serialDate";
import { parseTenor, tenorDate, tenorTime, yearsToDate } from "../../../src/engine/time/tenor";

describe("tenors", () => {
  it("reads ON, days, weeks, months and years case-insensitively", () => {
    expect(parseTenor("ON")).toEqual({ unit: "D", count: 1 });
    expect(parseTenor("10d")).toEqual({ unit: "D", count: 10 });
    expect(parseTenor("1w")).toEqual({ unit: "W", count: 1 });
    expect(parseTenor("18M")).toEqual({ unit: "M", count: 18 });
    expect(parseTenor("5Y")).toEqual({ unit: "M", count: 60 });
    expect(parseTenor("1.5Y")).toEqual({ unit: "M", count: 18 });
  });

  it("rejects text that is not a tenor", () => {
    for (const t of ["", "abc", "3", "M3", "1.5M", "-1Y", "1.5D", "3Q"]) expect(parseTenor(t)).toBeUndefined();
  });

  it("turns tenors into years without a date: nM is n/12, nW is 7n/365, ON is 1/365", () => {
    expect(tenorTime({ unit: "M", count: 3 })).toBe(0.25);
    expect(tenorTime({ unit: "W", count: 2 })).toBe(14 / 365);
    expect(tenorTime({ unit: "D", count: 1 })).toBe(1 / 365);
  });

  it("turns tenors into dates by EDATE from a date", () => {
    const asOf = fromYmd(2026, 1, 31);
    expect(tenorDate(asOf, { unit: "M", count: 1 })).toBe(fromYmd(2026, 2, 28));
    expect(tenorDate(asOf, { unit: "W", count: 1 })).toBe(asOf + 7);
    expect(tenorDate(asOf, { unit: "D", count: 1 })).toBe(asOf + 1);
    expect(yearsToDate(asOf, 0.25)).toBe(fromYmd(2026, 4, 30));
    expect(yearsToDate(asOf, 2)).toBe(fromYmd(2028, 1, 31));
  });
});
