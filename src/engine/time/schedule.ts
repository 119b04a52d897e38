import { precondition } from "../errors";
import type { SerialDate } from "../types";
import { daysInMonth, fromYmd, toYmd } from "./serialDate";

/**
 * A regular schedule rolled back from `maturity` by whole periods of `months` months (Excel EDATE from
 * the maturity each time, so end-of-month maturities keep their month ends): the payment dates after
 * `after`, ascending, written into `out` (grown when too small). Also returns the roll date on or
 * before `after` that starts the first period.
 * @example rollBack(fromYmd(2027, 8, 31), 6, fromYmd(2026, 1, 1)) // dates 2026-02-28, 2026-08-31, 2027-02-28, 2027-08-31; previous 2025-08-31
 */
export function rollBack(maturity: SerialDate, months: number, after: SerialDate, maxPeriods: number): { dates: Int32Array; count: number; previous: SerialDate } {
  precondition(maturity > after, () => `maturity ${maturity} must be after ${after}`);
  const { year, month, day } = toYmd(maturity);
  const base = year * 12 + (month - 1);
  const dateAt = (k: number): SerialDate => {
    const total = base - k * months;
    const y = Math.floor(total / 12);
    const m = total - y * 12 + 1;
    return y < 1900 ? 1 : fromYmd(y, m, Math.min(day, daysInMonth(y, m)));
  };
  // Number of periods: estimate from the day span, then correct.
  let count = Math.max(1, Math.floor((maturity - after) / (months * 31)));
  while (dateAt(count) > after) count++;
  while (count > 1 && dateAt(count - 1) <= after) count--;
  precondition(count <= maxPeriods, () => `the schedule has ${count} payments, more than the limit of ${maxPeriods}`);
  const dates = new Int32Array(count);
  for (let k = 0; k < count; k++) dates[count - 1 - k] = dateAt(k);
  return { dates, count, previous: dateAt(count) };
}
