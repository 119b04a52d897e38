import type { SerialDate, Time } from "../types";
import { daysInMonth, fromYmd, isLeapYear, packedYmd, toYmd } from "./serialDate";

/**
 * Day-count conventions, named as in Excel's `basis` codes:
 * - `US30_360` (basis 0): US (NASD) 30/360 as Excel's YEARFRAC applies it, end-of-February rules included;
 * - `ACT_ACT` (basis 1): Excel's actual/actual — one year or less: 366 if the span contains a 29 February
 *   (or lies in one leap year), else 365; longer: the average length of the calendar years it touches;
 * - `ACT_360` (basis 2), `ACT_365` (basis 3, Actual/365 fixed), `EU30_360` (basis 4, European 30/360).
 */
export type DayCount = "US30_360" | "ACT_ACT" | "ACT_360" | "ACT_365" | "EU30_360";

/** The conventions in the order of Excel's basis codes 0–4. */
export const DAY_COUNTS_BY_BASIS: readonly DayCount[] = ["US30_360", "ACT_ACT", "ACT_360", "ACT_365", "EU30_360"];

function us30360(start: SerialDate, end: SerialDate): Time {
  const pa = packedYmd(start);
  const pb = packedYmd(end);
  const y1 = Math.floor(pa / 10000);
  const m1 = Math.floor(pa / 100) % 100;
  const y2 = Math.floor(pb / 10000);
  const m2 = Math.floor(pb / 100) % 100;
  let d1 = pa % 100;
  let d2 = pb % 100;
  const lastFebStart = m1 === 2 && d1 === daysInMonth(y1, 2);
  const lastFebEnd = m2 === 2 && d2 === daysInMonth(y2, 2);
  if (d1 === 31 && d2 === 31) {
    d1 = 30;
    d2 = 30;
  } else if (d1 === 31) {
    d1 = 30;
  } else if (d1 === 30 && d2 === 31) {
    d2 = 30;
  } else if (lastFebStart && lastFebEnd) {
    d1 = 30;
    d2 = 30;
  } else if (lastFebStart) {
    d1 = 30;
  }
  return (360 * (y2 - y1) + 30 * (m2 - m1) + (d2 - d1)) / 360;
}

function eu30360(start: SerialDate, end: SerialDate): Time {
  const a = toYmd(start);
  const b = toYmd(end);
  return (360 * (b.year - a.year) + 30 * (b.month - a.month) + (Math.min(b.day, 30) - Math.min(a.day, 30))) / 360;
}

/** True when start and end look at most one year apart (same year, or next year on an earlier day). */
function atMostOneYear(start: SerialDate, end: SerialDate): boolean {
  const a = toYmd(start);
  const b = toYmd(end);
  if (a.year === b.year) return true;
  return a.year + 1 === b.year && (a.month > b.month || (a.month === b.month && a.day >= b.day));
}

function actAct(start: SerialDate, end: SerialDate): Time {
  const days = end - start;
  const a = toYmd(start);
  const b = toYmd(end);
  if (atMostOneYear(start, end)) {
    let yearLength = 365;
    if (a.year === b.year && isLeapYear(a.year)) yearLength = 366;
    else if (isLeapYear(a.year) && start < fromYmd(a.year, 3, 1)) yearLength = 366;
    else if (isLeapYear(b.year) && (end >= fromYmd(b.year, 3, 1) || (b.month === 2 && b.day === 29))) yearLength = 366;
    return days / yearLength;
  }
  const years = b.year - a.year + 1;
  const daysInYears = fromYmd(b.year + 1, 1, 1) - fromYmd(a.year, 1, 1);
  return days / (daysInYears / years);
}

/**
 * Year fraction between two dates under a day count, signed: `yearFraction(b, a) = −yearFraction(a, b)`.
 * For `start ≤ end` it equals Excel's `YEARFRAC(start, end, basis)` (Excel swaps reversed arguments and
 * always returns the positive value).
 * @example yearFraction(fromYmd(2012, 1, 1), fromYmd(2012, 7, 30), "US30_360") //=> 0.58055555…
 */
export function yearFraction(start: SerialDate, end: SerialDate, dayCount: DayCount): Time {
  if (start === end) return 0;
  if (start > end) return -yearFraction(end, start, dayCount);
  switch (dayCount) {
    case "US30_360":
      return us30360(start, end);
    case "ACT_ACT":
      return actAct(start, end);
    case "ACT_360":
      return (end - start) / 360;
    case "ACT_365":
      return (end - start) / 365;
    case "EU30_360":
      return eu30360(start, end);
  }
}
