import { EngineError } from "../errors";
import type { SerialDate } from "../types";
import { daysInMonth, fromYmd, packedYmd } from "./serialDate";

/**
 * A reusable buffer of schedule dates. Cash-flow generation fills one per position, so no array is
 * allocated per position (10^6 positions stay out of the garbage collector's way).
 */
export class Schedule {
  /** Payment dates, ascending; only the first `count` are meaningful. */
  dates: Int32Array;
  count = 0;
  /** The roll date on or before `after` that starts the first period (rollBack only). */
  previous: SerialDate = 0;

  constructor(capacity = 64) {
    this.dates = new Int32Array(capacity);
  }

  private reserve(n: number): void {
    if (n > this.dates.length) this.dates = new Int32Array(Math.max(n, this.dates.length * 2));
  }

  /**
   * A regular schedule rolled back from `maturity` by whole periods of `months` months (Excel EDATE from
   * the maturity each time, so end-of-month maturities keep their month ends): the payment dates after
   * `after`, and the roll date on or before `after` that starts the first period.
   * @example new Schedule().rollBack(fromYmd(2027, 8, 31), 6, fromYmd(2026, 1, 1), 1200) // dates 2026-02-28, 2026-08-31, 2027-02-28, 2027-08-31; previous 2025-08-31
   */
  rollBack(maturity: SerialDate, months: number, after: SerialDate, maxPeriods: number): this {
    if (!(maturity > after)) throw new EngineError("VALUE", `maturity ${maturity} must be after ${after}`);
    const packed = packedYmd(maturity);
    const day = packed % 100;
    const base = Math.floor(packed / 10000) * 12 + (Math.floor(packed / 100) % 100) - 1;
    const dateAt = (k: number): SerialDate => monthDate(base - k * months, day);
    let count = Math.max(1, Math.floor((maturity - after) / (months * 31)));
    while (dateAt(count) > after) count++;
    while (count > 1 && dateAt(count - 1) <= after) count--;
    if (count > maxPeriods) throw new EngineError("VALUE", `the schedule has ${count} payments, more than the limit of ${maxPeriods}`);
    this.reserve(count);
    for (let k = 0; k < count; k++) this.dates[count - 1 - k] = dateAt(k);
    this.count = count;
    this.previous = dateAt(count);
    return this;
  }

  /**
   * Monthly dates EDATE(from, 1) … EDATE(from, count), computed from `from`'s day of month each time.
   * @example new Schedule().monthly(fromYmd(2026, 1, 31), 2) // dates 2026-02-28, 2026-03-31
   */
  monthly(from: SerialDate, count: number): this {
    const packed = packedYmd(from);
    const day = packed % 100;
    const base = Math.floor(packed / 10000) * 12 + (Math.floor(packed / 100) % 100) - 1;
    this.reserve(count);
    for (let k = 1; k <= count; k++) this.dates[k - 1] = monthDate(base + k, day);
    this.count = count;
    return this;
  }
}

/** The serial of day `day` (clamped to the month end) of the month `total` = year·12 + month − 1. */
function monthDate(total: number, day: number): SerialDate {
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  if (y < 1900) return 1;
  if (y > 9999) throw new EngineError("VALUE", `a schedule date falls after 9999-12-31`);
  return fromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}
