import { EngineError } from "../errors";
import type { SerialDate } from "../types";

/**
 * Excel 1900-system serial dates. Serial 1 is 1900-01-01 and serial 60 is the fictitious 1900-02-29
 * that Excel keeps for Lotus compatibility, so from serial 61 (1900-03-01) on a serial is the number of
 * days since 1899-12-30. The engine works in serials from 61 on; serial 60 is not a date.
 */

/** Last serial Excel accepts: 9999-12-31. */
export const MAX_SERIAL: SerialDate = 2958465;
/** Serial of the fictitious 1900-02-29. */
export const FICTITIOUS_LEAP_DAY: SerialDate = 60;

export interface YearMonthDay {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil. */
function civilFromDays(z: number): YearMonthDay {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days from 1970-01-01 to 1899-12-30, the epoch of serials ≥ 61. */
const EPOCH_OFFSET = daysFromCivil(1899, 12, 30);

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : DAYS_IN_MONTH[month - 1];
}

/**
 * Serial of a calendar date, as Excel's DATE(year, month, day) for a valid date.
 * @example fromYmd(2000, 1, 1) //=> 36526
 */
export function fromYmd(year: number, month: number, day: number): SerialDate {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) throw new EngineError("VALUE", `${year}-${month}-${day} is not a calendar date`);
  return fromValidYmd(year, month, day);
}

/** fromYmd for a date already known to exist (schedule generation checks its own dates). */
export function fromValidYmd(year: number, month: number, day: number): SerialDate {
  if (year === 1900 && month <= 2) return month === 1 ? day : 31 + day;
  return daysFromCivil(year, month, day) - EPOCH_OFFSET;
}

/**
 * Calendar date of a serial. Serial 60 is rejected: Excel's 1900-02-29 never existed.
 * @example toYmd(45657) //=> { year: 2024, month: 12, day: 31 }
 */
export function toYmd(serial: SerialDate): YearMonthDay {
  if (serial === FICTITIOUS_LEAP_DAY) throw new EngineError("VALUE", "serial 60 is Excel's fictitious 1900-02-29, not a date");
  if (serial < FICTITIOUS_LEAP_DAY) return serial <= 31 ? { year: 1900, month: 1, day: serial } : { year: 1900, month: 2, day: serial - 31 };
  if (serial > 0 && serial <= MAX_SERIAL && (serial | 0) === serial) {
    const packed = packedYmd(serial);
    return { year: Math.floor(packed / 10000), month: Math.floor(packed / 100) % 100, day: packed % 100 };
  }
  return civilFromDays(serial + EPOCH_OFFSET);
}

/**
 * The calendar date of a serial from 61 to MAX_SERIAL packed as the integer yyyymmdd, without allocating
 * (hot paths: schedules and 30/360 day counts). Conversions are cached.
 * @example packedYmd(45657) //=> 20241231
 */
export function packedYmd(serial: SerialDate): number {
  if (!(serial >= 1 && serial <= MAX_SERIAL)) {
    const ymd = toYmd(serial);
    return ymd.year * 10000 + ymd.month * 100 + ymd.day;
  }
  const cached = ymdCache[serial];
  if (cached !== 0) return cached;
  const ymd = serial < FICTITIOUS_LEAP_DAY ? toYmd(serial) : civilFromDays(serial + EPOCH_OFFSET);
  return (ymdCache[serial] = ymd.year * 10000 + ymd.month * 100 + ymd.day);
}

/** Calendar dates of serials already converted, packed as yyyymmdd (0 = not yet): cash-flow schedules revisit the same dates. */
const ymdCache = new Int32Array(MAX_SERIAL + 1);

/** ISO text `YYYY-MM-DD` of a serial, for messages and outputs. */
export function toIso(serial: SerialDate): string {
  const { year, month, day } = toYmd(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Excel EDATE: the same day `months` months later, clamped to the end of the target month.
 * @example addMonths(fromYmd(2024, 1, 31), 1) //=> fromYmd(2024, 2, 29)
 */
export function addMonths(serial: SerialDate, months: number): SerialDate {
  const { year, month, day } = toYmd(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  if (!(y >= 1900 && y <= 9999)) throw new EngineError("VALUE", `${toIso(serial)} plus ${months} months is outside Excel's dates (1900 to 9999)`);
  return fromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

/** True when the serial is the last day of its month. */
export function isEndOfMonth(serial: SerialDate): boolean {
  const { year, month, day } = toYmd(serial);
  return day === daysInMonth(year, month);
}
