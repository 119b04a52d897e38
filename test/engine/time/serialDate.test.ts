import { addMonths, fromYmd, isEndOfMonth, toIso, toYmd } from "../../../src/engine/time/serialDate";

describe("Excel 1900 serial dates", () => {
  it("maps the documented anchors: 1900-01-01 is 1, 1900-03-01 is 61, 2000-01-01 is 36526", () => {
    expect(fromYmd(1900, 1, 1)).toBe(1);
    expect(fromYmd(1900, 2, 28)).toBe(59);
    expect(fromYmd(1900, 3, 1)).toBe(61);
    expect(fromYmd(2000, 1, 1)).toBe(36526);
    expect(fromYmd(9999, 12, 31)).toBe(2958465);
  });

  it("round-trips every serial from 61 to 2100-12-31 through the calendar, agreeing with JavaScript's UTC calendar", () => {
    const epoch = Date.UTC(1899, 11, 30);
    for (let s = 61; s <= fromYmd(2100, 12, 31); s++) {
      const d = new Date(epoch + s * 86400000);
      const ymd = toYmd(s);
      if (ymd.year !== d.getUTCFullYear() || ymd.month !== d.getUTCMonth() + 1 || ymd.day !== d.getUTCDate()) throw new Error(`serial ${s}`);
      if (fromYmd(ymd.year, ymd.month, ymd.day) !== s) throw new Error(`round trip ${s}`);
    }
  });

  it("rejects serial 60, Excel's fictitious 1900-02-29", () => {
    expect(() => toYmd(60)).toThrow(/fictitious 1900-02-29/);
  });

  it("rejects a day that is not in the calendar", () => {
    expect(() => fromYmd(2023, 2, 29)).toThrow(/not a calendar date/);
  });

  it("writes ISO text", () => {
    expect(toIso(45657)).toBe("2024-12-31");
  });
});

describe("addMonths (Excel EDATE)", () => {
  it.each([
    [[2024, 1, 31], 1, [2024, 2, 29]],
    [[2023, 1, 31], 1, [2023, 2, 28]],
    [[2024, 2, 29], 12, [2025, 2, 28]],
    [[2024, 3, 31], -1, [2024, 2, 29]],
    [[2011, 1, 15], 1, [2011, 2, 15]],
    [[2011, 1, 15], -1, [2010, 12, 15]],
    [[2026, 8, 31], -6, [2026, 2, 28]],
    [[2026, 12, 31], 2, [2027, 2, 28]],
  ])("moves %j by %i months to %j, clamping to the month end", (from, months, to) => {
    const [y, m, d] = from as number[];
    const [ty, tm, td] = to as number[];
    expect(addMonths(fromYmd(y, m, d), months as number)).toBe(fromYmd(ty, tm, td));
  });

  it("knows month ends", () => {
    expect(isEndOfMonth(fromYmd(2024, 2, 29))).toBe(true);
    expect(isEndOfMonth(fromYmd(2023, 2, 28))).toBe(true);
    expect(isEndOfMonth(fromYmd(2024, 2, 28))).toBe(false);
  });
});
