import { EngineError } from "../errors";
import type { SerialDate } from "../types";
import { MAX_SERIAL, fromYmd, packedYmd, toIso } from "./serialDate";

/**
 * Business-day calendars for the positions table's coming `Calendar` column (issue 14), the calendars against which
 * ACTUS's business-day conventions (see businessDay.ts) shift schedule dates:
 * - `NONE`: every day is a business day (nothing ever shifts);
 * - `WEEKENDS`: Saturdays and Sundays are closed, Monday to Friday open (QuantLib's `WeekendsOnly`);
 * - `TARGET`: the closing days of the euro area's TARGET/TARGET2 payment system as QuantLib's `TARGET`
 *   calendar defines them: weekends, New Year's Day and Christmas Day every year; from 2000 on also Good
 *   Friday, Easter Monday, Labour Day (1 May) and 26 December; and 31 December in 1998, 1999 and 2001 only.
 *   Checked day by day from 1999 to 2060 against QuantLib (scripts/golden/calendar_quantlib.py).
 */
export type Calendar = "NONE" | "WEEKENDS" | "TARGET";

/** The calendars, in the order the `Calendar` column documents them; `NONE` is the default. */
export const CALENDARS: readonly Calendar[] = ["NONE", "WEEKENDS", "TARGET"];

/** True when the text names a calendar (exact, upper-case spelling). */
export function isCalendar(name: string): name is Calendar {
  return (CALENDARS as readonly string[]).includes(name);
}

/**
 * ISO weekday of a serial: 1 = Monday … 7 = Sunday. Serial 0 would be Saturday 1899-12-30, so this is exact
 * from serial 61 on; below 60 it follows Excel's WEEKDAY, which counts the fictitious 1900-02-29.
 * @example isoWeekday(fromYmd(2024, 11, 30)) //=> 6 (Saturday)
 */
export function isoWeekday(serial: SerialDate): number {
  const r = (((serial - 2) % 7) + 7) % 7; // serial 2 is a Monday in Excel's reckoning
  return r + 1;
}

/** True on Saturdays and Sundays. */
export function isWeekend(serial: SerialDate): boolean {
  const r = ((serial % 7) + 7) % 7;
  return r === 0 || r === 1; // 0 = Saturday, 1 = Sunday
}

/** Easter Sunday serials already computed, by year (0 = not yet). */
const easterCache = new Int32Array(10000);

/**
 * Serial of Easter Sunday in a Gregorian year, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher):
 * the first Sunday after the ecclesiastical full moon on or after 21 March.
 * @example toIso(easterSunday(2024)) //=> "2024-03-31"
 */
export function easterSunday(year: number): SerialDate {
  if (!(Number.isInteger(year) && year >= 1900 && year <= 9999)) throw new EngineError("VALUE", `Easter is computed for the years 1900 to 9999, not ${year}`);
  const cached = easterCache[year];
  if (cached !== 0) return cached;
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return (easterCache[year] = fromYmd(year, month, day));
}

/** TARGET closing day that is not a weekend (the weekday holidays QuantLib's TARGET lists). */
function isTargetHoliday(serial: SerialDate): boolean {
  const packed = packedYmd(serial);
  const year = Math.floor(packed / 10000);
  const monthDay = packed % 10000;
  if (monthDay === 101 || monthDay === 1225) return true; // New Year's Day, Christmas Day
  if (monthDay === 1231) return year === 1998 || year === 1999 || year === 2001; // the millennium-change closings
  if (year < 2000) return false;
  if (monthDay === 501 || monthDay === 1226) return true; // Labour Day, 26 December
  if (monthDay < 320 || monthDay > 427) return false; // Good Friday falls 20 March … 23 April, Easter Monday 23 March … 26 April
  const easter = easterSunday(year);
  return serial === easter - 2 || serial === easter + 1; // Good Friday, Easter Monday
}

function checkSerial(serial: SerialDate): void {
  if (!(Number.isInteger(serial) && serial >= 61 && serial <= MAX_SERIAL)) {
    throw new EngineError("VALUE", `${serial} is not a date serial from 1900-03-01 to 9999-12-31`);
  }
}

/**
 * True when the calendar is open on the date. Serials must be whole days from 61 (1900-03-01) on.
 * @example isBusinessDay("TARGET", fromYmd(2024, 3, 29)) //=> false (Good Friday)
 */
export function isBusinessDay(calendar: Calendar, serial: SerialDate): boolean {
  checkSerial(serial);
  switch (calendar) {
    case "NONE":
      return true;
    case "WEEKENDS":
      return !isWeekend(serial);
    case "TARGET":
      return !isWeekend(serial) && !isTargetHoliday(serial);
    default:
      throw new EngineError("VALUE", `unknown calendar ${String(calendar)}: expected ${CALENDARS.join(", ")}`);
  }
}

/**
 * The non-business weekdays (holidays) of a calendar from `start` to `end` inclusive, ascending.
 * @example holidays("TARGET", fromYmd(2024, 1, 1), fromYmd(2024, 12, 31)).map(toIso)
 *   //=> ["2024-01-01", "2024-03-29", "2024-04-01", "2024-05-01", "2024-12-25", "2024-12-26"]
 */
export function holidays(calendar: Calendar, start: SerialDate, end: SerialDate): SerialDate[] {
  const out: SerialDate[] = [];
  for (let s = start; s <= end; s++) if (!isWeekend(s) && !isBusinessDay(calendar, s)) out.push(s);
  return out;
}

/**
 * The date `n` business days after (n > 0) or before (n < 0) `serial`, counting as QuantLib's
 * `Calendar.advance(date, n, Days)`: step one day at a time and skip closed days, so the start date itself
 * need not be open. For n = 0 the date is returned unchanged. Used for fixing lags (`FixingDays`).
 * @example toIso(addBusinessDays(fromYmd(2024, 4, 2), -2, "TARGET")) //=> "2024-03-28" (skips Easter)
 */
export function addBusinessDays(serial: SerialDate, n: number, calendar: Calendar): SerialDate {
  if (!Number.isInteger(n)) throw new EngineError("VALUE", `a number of business days must be a whole number, not ${n}`);
  checkSerial(serial);
  const step = n > 0 ? 1 : -1;
  let d = serial;
  for (let left = Math.abs(n); left > 0; left--) {
    d += step;
    while (!isBusinessDay(calendar, d)) d += step;
  }
  return d;
}

/** ISO text of a date with its weekday, for messages: `2024-11-30 (Sat)`. */
export function describeDay(serial: SerialDate): string {
  return `${toIso(serial)} (${["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][isoWeekday(serial) - 1]})`;
}
