import { BUSINESS_DAY_CONVENTIONS, type BusinessDayConvention, type Roll, adjust, calculatesOnUnadjusted, calculationDate, roll } from "../../../src/engine/time/businessDay";
import { CALENDARS, type Calendar, addBusinessDays, describeDay, easterSunday, holidays, isBusinessDay, isCalendar, isoWeekday, isWeekend } from "../../../src/engine/time/calendar";
import { fromYmd, toIso } from "../../../src/engine/time/serialDate";
import { golden, thrown } from "../../helpers/golden";

type Row = [number, string, number, number, number, number, number, number, number, number];
interface CalendarGolden {
  tool: string;
  holiday_range: [number, number];
  target_holidays: [number, string][];
  adjust_years: number[];
  adjustments_columns: string[];
  adjustments: Record<"TARGET" | "WEEKENDS", Row[]>;
}
const g = golden<CalendarGolden>("calendar-quantlib.json");
const ROLLS: Roll[] = ["FOLLOWING", "MODIFIED_FOLLOWING", "PRECEDING", "MODIFIED_PRECEDING"];
const ADVANCES = [-2, -1, 1, 2];
const ymd = fromYmd;
/** A serial column of a golden row (columns 0 and 2…9). */
const at = (row: Row, k: number) => row[k] as number;

describe("TARGET against QuantLib's ql.TARGET() (scripts/golden/calendar_quantlib.py)", () => {
  it("has the golden file's layout", () => {
    expect(g.tool).toMatch(/^QuantLib /);
    expect(g.adjustments_columns).toEqual(["serial", "iso", "following", "modifiedFollowing", "preceding", "modifiedPreceding", "advance-2", "advance-1", "advance+1", "advance+2"]);
    expect(g.target_holidays.length).toBeGreaterThan(300);
  });

  it("closes on exactly QuantLib's weekday holidays, every day from 1999 to 2060", () => {
    const [first, last] = g.holiday_range;
    const expected = g.target_holidays.map(([s]) => s);
    expect(holidays("TARGET", first, last)).toEqual(expected);
    const closed = new Set(expected);
    const wrong: string[] = [];
    for (let s = first; s <= last; s++) {
      const open = !isWeekend(s) && !closed.has(s);
      if (isBusinessDay("TARGET", s) !== open) wrong.push(describeDay(s));
    }
    expect(wrong).toEqual([]);
  });

  it("stores ISO dates matching the serials", () => {
    for (const [s, iso] of g.target_holidays) expect(toIso(s)).toBe(iso);
  });
});

describe.each(["TARGET", "WEEKENDS"] as const)("business-day rolls on %s against QuantLib's Calendar.adjust and advance", (calendar) => {
  const rows = g.adjustments[calendar];

  it("covers every day of the golden years", () => {
    expect(rows.length).toBeGreaterThanOrEqual(365 * g.adjust_years.length);
    for (const row of rows.slice(0, 50)) expect(toIso(row[0])).toBe(row[1]);
  });

  it.each(ROLLS.map((r, i) => [r, i] as const))("%s agrees on every golden date", (rule, i) => {
    const wrong = rows.filter((row) => roll(row[0], rule, calendar) !== at(row, 2 + i)).map((row) => `${describeDay(row[0])}: ${toIso(roll(row[0], rule, calendar))} vs ${toIso(at(row, 2 + i))}`);
    expect(wrong).toEqual([]);
  });

  it("addBusinessDays agrees with advance(date, n, Days) for n = -2, -1, 1, 2", () => {
    const wrong: string[] = [];
    for (const row of rows) {
      ADVANCES.forEach((n, j) => {
        const ours = addBusinessDays(row[0], n, calendar);
        if (ours !== at(row, 6 + j)) wrong.push(`${describeDay(row[0])} ${n}: ${toIso(ours)} vs ${toIso(at(row, 6 + j))}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it("each ACTUS convention pays on its QuantLib roll; SC… calculates on it too, CS… on the unadjusted date", () => {
    const column: Record<BusinessDayConvention, number> = { NOS: -1, SCF: 2, CSF: 2, SCMF: 3, CSMF: 3, SCP: 4, CSP: 4, SCMP: 5, CSMP: 5 };
    const wrong: string[] = [];
    for (const row of rows) {
      for (const c of BUSINESS_DAY_CONVENTIONS) {
        const pay = column[c] < 0 ? row[0] : at(row, column[c]);
        const calc = c.startsWith("SC") ? pay : row[0];
        if (adjust(row[0], c, calendar) !== pay || calculationDate(row[0], c, calendar) !== calc) wrong.push(`${c} ${describeDay(row[0])}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("calendars by hand", () => {
  it("lists NONE, WEEKENDS and TARGET and recognises only their exact names", () => {
    expect(CALENDARS).toEqual(["NONE", "WEEKENDS", "TARGET"]);
    expect(isCalendar("TARGET")).toBe(true);
    expect(isCalendar("target")).toBe(false);
    expect(isCalendar("TARGET2")).toBe(false);
  });

  it("computes Gregorian Easter (known dates, earliest and latest)", () => {
    const known: [number, number, number][] = [[2000, 4, 23], [2008, 3, 23], [2011, 4, 24], [2019, 4, 21], [2024, 3, 31], [2025, 4, 20], [2038, 4, 25], [2285, 3, 22], [1943, 4, 25], [1961, 4, 2]];
    for (const [y, m, d] of known) expect(toIso(easterSunday(y))).toBe(toIso(ymd(y, m, d)));
    for (let y = 1900; y <= 2200; y++) {
      const e = easterSunday(y);
      expect(isoWeekday(e)).toBe(7);
      expect(e).toBeGreaterThanOrEqual(ymd(y, 3, 22));
      expect(e).toBeLessThanOrEqual(ymd(y, 4, 25));
    }
    expect(thrown(() => easterSunday(1899)).code).toBe("VALUE");
  });

  it("closes TARGET on Good Friday 29 March and Easter Monday 1 April 2024, opens it on Maundy Thursday", () => {
    expect(isBusinessDay("TARGET", ymd(2024, 3, 29))).toBe(false);
    expect(isBusinessDay("TARGET", ymd(2024, 4, 1))).toBe(false);
    expect(isBusinessDay("TARGET", ymd(2024, 3, 28))).toBe(true);
    expect(isBusinessDay("TARGET", ymd(2024, 4, 2))).toBe(true);
    expect(isBusinessDay("WEEKENDS", ymd(2024, 3, 29))).toBe(true);
    expect(holidays("TARGET", ymd(2024, 1, 1), ymd(2024, 12, 31)).map(toIso)).toEqual(["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-01", "2024-12-25", "2024-12-26"]);
  });

  it("keeps TARGET's early rules: no Easter or 1 May closing in 1999, 31 December closed in 1998, 1999 and 2001 only", () => {
    expect(isBusinessDay("TARGET", ymd(1999, 4, 2))).toBe(true); // Good Friday 1999
    expect(isBusinessDay("TARGET", ymd(1999, 4, 5))).toBe(true); // Easter Monday 1999
    expect(isBusinessDay("TARGET", ymd(1998, 12, 31))).toBe(false);
    expect(isBusinessDay("TARGET", ymd(1999, 12, 31))).toBe(false);
    expect(isBusinessDay("TARGET", ymd(2001, 12, 31))).toBe(false);
    expect(isBusinessDay("TARGET", ymd(2002, 12, 31))).toBe(true);
    expect(isBusinessDay("TARGET", ymd(1998, 12, 28))).toBe(true); // 26 December only from 2000 (28th: an ordinary Monday)
  });

  it("treats 1 May 2027, a Saturday, as a weekend with no substitute day", () => {
    expect(isoWeekday(ymd(2027, 5, 1))).toBe(6);
    expect(isBusinessDay("TARGET", ymd(2027, 5, 1))).toBe(false);
    expect(isBusinessDay("TARGET", ymd(2027, 5, 3))).toBe(true);
    expect(toIso(adjust(ymd(2027, 5, 1), "SCF", "TARGET"))).toBe("2027-05-03");
  });

  it("knows weekdays: 1900-03-01 was a Thursday, 2024-11-30 a Saturday", () => {
    expect(isoWeekday(61)).toBe(4);
    expect(isoWeekday(ymd(2024, 11, 30))).toBe(6);
    expect(isWeekend(ymd(2024, 12, 1))).toBe(true);
    expect(isWeekend(ymd(2024, 12, 2))).toBe(false);
    expect(describeDay(ymd(2024, 11, 30))).toBe("2024-11-30 (Sat)");
  });

  it("opens every day on NONE", () => {
    for (let s = ymd(2024, 1, 1); s <= ymd(2024, 12, 31); s++) expect(isBusinessDay("NONE", s)).toBe(true);
    expect(addBusinessDays(ymd(2024, 11, 30), 2, "NONE")).toBe(ymd(2024, 12, 2));
  });

  it("rejects unknown calendars and non-dates with #VALUE!", () => {
    expect(thrown(() => isBusinessDay("TARGET2" as Calendar, 45000)).code).toBe("VALUE");
    expect(thrown(() => isBusinessDay("TARGET", 60)).code).toBe("VALUE");
    expect(thrown(() => isBusinessDay("TARGET", 45000.5)).code).toBe("VALUE");
    expect(thrown(() => addBusinessDays(45000, 1.5, "TARGET")).code).toBe("VALUE");
  });
});

describe("ACTUS business-day conventions by hand", () => {
  const sat30Nov = ymd(2024, 11, 30);

  it("lists the nine ACTUS conventions", () => {
    expect(BUSINESS_DAY_CONVENTIONS).toEqual(["NOS", "SCF", "SCMF", "CSF", "CSMF", "SCP", "SCMP", "CSP", "CSMP"]);
  });

  it("rolls modified following back at month end: Saturday 30 November 2024 → Friday 29 November on TARGET", () => {
    expect(toIso(adjust(sat30Nov, "SCMF", "TARGET"))).toBe("2024-11-29");
    expect(toIso(adjust(sat30Nov, "CSMF", "TARGET"))).toBe("2024-11-29");
    expect(toIso(adjust(sat30Nov, "SCF", "TARGET"))).toBe("2024-12-02");
    expect(toIso(adjust(sat30Nov, "SCP", "WEEKENDS"))).toBe("2024-11-29");
  });

  it("rolls modified preceding forward at month start: Saturday 1 June 2024 → Monday 3 June", () => {
    expect(toIso(adjust(ymd(2024, 6, 1), "SCMP", "TARGET"))).toBe("2024-06-03");
    expect(toIso(adjust(ymd(2024, 6, 1), "SCP", "TARGET"))).toBe("2024-05-31");
    expect(toIso(adjust(ymd(2024, 1, 1), "CSMP", "TARGET"))).toBe("2024-01-02"); // New Year's Day, a Monday
  });

  it("rolls over Easter: Good Friday 2024 follows to Tuesday 2 April, precedes to Thursday 28 March", () => {
    expect(toIso(adjust(ymd(2024, 3, 29), "SCF", "TARGET"))).toBe("2024-04-02");
    expect(toIso(adjust(ymd(2024, 3, 29), "SCMF", "TARGET"))).toBe("2024-03-28"); // following is in April
    expect(toIso(adjust(ymd(2024, 3, 29), "SCP", "TARGET"))).toBe("2024-03-28");
    expect(toIso(adjust(ymd(2024, 3, 29), "SCF", "WEEKENDS"))).toBe("2024-03-29");
  });

  it("CS… keeps the calculation date while shifting the payment; SC… shifts both", () => {
    for (const c of ["CSF", "CSMF", "CSP", "CSMP"] as const) {
      expect(calculationDate(sat30Nov, c, "TARGET")).toBe(sat30Nov);
      expect(adjust(sat30Nov, c, "TARGET")).not.toBe(sat30Nov);
      expect(calculatesOnUnadjusted(c)).toBe(true);
    }
    for (const c of ["SCF", "SCMF", "SCP", "SCMP"] as const) {
      expect(calculationDate(sat30Nov, c, "TARGET")).toBe(adjust(sat30Nov, c, "TARGET"));
      expect(calculationDate(sat30Nov, c, "TARGET")).not.toBe(sat30Nov);
      expect(calculatesOnUnadjusted(c)).toBe(false);
    }
  });

  it("NOS never shifts, and nothing shifts on NONE or on a business day", () => {
    for (let s = ymd(2024, 1, 1); s <= ymd(2024, 12, 31); s++) {
      expect(adjust(s, "NOS", "TARGET")).toBe(s);
      expect(calculationDate(s, "NOS", "TARGET")).toBe(s);
      for (const c of BUSINESS_DAY_CONVENTIONS) {
        expect(adjust(s, c, "NONE")).toBe(s);
        if (isBusinessDay("TARGET", s)) expect(adjust(s, c, "TARGET")).toBe(s);
      }
    }
    expect(calculatesOnUnadjusted("NOS")).toBe(true);
  });

  it("always lands on a business day of the calendar, within the month for the modified rolls", () => {
    for (const cal of ["WEEKENDS", "TARGET"] as const) {
      for (let s = ymd(2025, 1, 1); s <= ymd(2025, 12, 31); s++) {
        for (const c of BUSINESS_DAY_CONVENTIONS.filter((x) => x !== "NOS")) {
          const d = adjust(s, c, cal);
          expect(isBusinessDay(cal, d)).toBe(true);
          if (c.includes("M")) expect(toIso(d).slice(0, 7)).toBe(toIso(s).slice(0, 7));
        }
      }
    }
  });

  it("rejects an unknown convention with #VALUE! naming the expected values", () => {
    const e = thrown(() => adjust(45000, "MF" as BusinessDayConvention, "TARGET"));
    expect(e.code).toBe("VALUE");
    expect(e.message).toMatch(/NOS, SCF, SCMF/);
    expect(thrown(() => calculationDate(45000, "toString" as BusinessDayConvention, "TARGET")).code).toBe("VALUE");
  });
});
