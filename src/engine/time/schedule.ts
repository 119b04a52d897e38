import { EngineError } from "../errors";
import type { SerialDate } from "../types";
import { daysInMonth, fromValidYmd, isEndOfMonth, packedYmd } from "./serialDate";

/** Unit of a schedule cycle: calendar months (years are 12 months) or days (weeks are 7 days). */
export const CYCLE_MONTHS = 0;
export const CYCLE_DAYS = 1;

/** One schedule's terms (serials; 0 where a date is not given). */
export interface CycleSpec {
  /** The cycle: `count` months or days (`unit`). */
  readonly count: number;
  readonly unit: number;
  /** First grid date (ACTUS cycle anchor), or 0 to roll back from `end`. */
  readonly anchor: SerialDate;
  /** The first period's start (origination), or 0 when unknown. */
  readonly start: SerialDate;
  readonly end: SerialDate;
  readonly longStub: boolean;
  readonly endOfMonth: boolean;
}

/**
 * A reusable buffer of schedule dates. Cash-flow generation fills one per position, so no array is
 * allocated per position (10^6 positions stay out of the garbage collector's way).
 */
export class Schedule {
  /** Payment dates, ascending; only the first `count` are meaningful. */
  dates: Int32Array;
  count = 0;
  /** The boundary that starts the first period (build only). */
  previous: SerialDate = 0;

  constructor(capacity = 64) {
    this.dates = new Int32Array(capacity);
  }

  /** The grid of the schedule being built: gridRef + k·gridStep days, or EDATE-like months from gridBase on gridDay. */
  private gridDays = false;
  private gridStep = 1;
  private gridRef: SerialDate = 0;
  private gridBase = 0;
  private gridDay = 1;

  private gridAt(k: number): SerialDate {
    return this.gridDays ? this.gridRef + k * this.gridStep : monthDate(this.gridBase + k * this.gridStep, this.gridDay);
  }

  private reserve(n: number): void {
    if (n > this.dates.length) this.dates = new Int32Array(Math.max(n, this.dates.length * 2));
  }

  /**
   * The schedule of one cycle as ACTUS builds it (docs/methodology/cashflows.md §1), unadjusted: the period
   * boundaries b₀ < b₁ < … < bₙ = `end` of the periods ending after `after` − 7 days (a week before, so a
   * business-day shift cannot hide a period that is paid after `after`). With an `anchor` the grid runs
   * forward, anchor + k·cycle for k ≥ 0 (the odd period, if any, last); without one it rolls back from
   * `end` (the odd period first). A given `start` is the first boundary; without it the period before the
   * first grid date on the schedule is a regular one. A long stub merges the odd period with its
   * neighbour. Month cycles use EDATE from the grid's reference date each time, on month ends when
   * `endOfMonth` and the reference date is a month end. `previous` is b₀.
   * @example new Schedule().build({ count: 6, unit: CYCLE_MONTHS, anchor: 0, start: 0, end: fromYmd(2027, 8, 31), longStub: false, endOfMonth: false }, fromYmd(2026, 1, 8), 1200) // dates 2026-02-28, 2026-08-31, 2027-02-28, 2027-08-31; previous 2025-08-31
   */
  build(spec: CycleSpec, after: SerialDate, maxPeriods: number): this {
    const { count: n, unit, anchor, start, end } = spec;
    if (!(end > after - 7) || !(n > 0)) throw new EngineError("VALUE", `a schedule ending ${end} must end after ${after} and have a positive cycle`);
    const ref = anchor > 0 ? anchor : end;
    this.gridDays = unit === CYCLE_DAYS;
    this.gridStep = n;
    this.gridRef = ref;
    if (!this.gridDays) {
      const packed = packedYmd(ref);
      this.gridDay = spec.endOfMonth && isEndOfMonth(ref) ? 31 : packed % 100;
      this.gridBase = Math.floor(packed / 10000) * 12 + (Math.floor(packed / 100) % 100) - 1;
    }
    const grid = (k: number): SerialDate => this.gridAt(k);
    // Grid indices in use: [lo, hi]; anchored k ≥ 0 before end, rolled back k ≤ 0 after start.
    let lo: number;
    let hi: number;
    const approxDays = unit === CYCLE_DAYS ? n : n * 30.4375;
    if (anchor > 0) {
      lo = 0;
      if (start > 0 && anchor <= start) lo = 1; // an anchor on the start date opens the first period
      hi = Math.max(0, Math.ceil((end - ref) / approxDays) + 1);
      while (hi > 0 && grid(hi) >= end) hi--;
      if (grid(hi) >= end) hi = lo - 1; // no grid date before the end
    } else {
      hi = 0;
      const floor = start > 0 ? start : Math.min(after - 7, end - 1);
      lo = Math.min(0, -Math.ceil((end - floor) / approxDays) - 1);
      if (start > 0) {
        while (lo < 0 && grid(lo) <= start) lo++;
      } else {
        while (grid(lo) > floor) lo--;
        while (lo < 0 && grid(lo + 1) <= floor) lo++;
      }
    }
    // The first boundary: start, or the regular period before the first grid date.
    let first: SerialDate;
    if (start > 0) first = start;
    else if (anchor > 0) first = grid(-1);
    else first = grid(lo++);
    // Long stub: drop the grid date next to the odd period (last for anchored, first for rolled-back schedules).
    let skip = NaN;
    if (spec.longStub) {
      if (anchor > 0 && hi >= 1 && grid(hi + 1) !== end) skip = hi;
      if (anchor <= 0 && start > 0 && lo <= -1 && grid(lo - 1) !== start) skip = lo;
    }
    // Keep only the boundaries from the last one on or before after − 7.
    const from = after - 7;
    let k0 = Math.min(hi, Math.max(lo, Math.floor((from - ref) / approxDays)));
    while (k0 < hi && grid(k0 + 1) <= from) k0++;
    while (k0 >= lo && grid(k0) > from) k0--;
    let previous = first;
    if (k0 >= lo) {
      previous = k0 === skip ? (k0 - 1 >= lo ? grid(k0 - 1) : first) : grid(k0);
      k0++;
    } else {
      k0 = lo;
    }
    const size = Math.max(0, hi - k0 + 1) + 1;
    if (size > maxPeriods) throw new EngineError("VALUE", `the schedule has ${size} payments, more than the limit of ${maxPeriods}`);
    this.reserve(size);
    let c = 0;
    for (let k = k0; k <= hi; k++) if (k !== skip) this.dates[c++] = this.gridAt(k);
    if (c === 0 || this.dates[c - 1] !== end) this.dates[c++] = end;
    this.count = c;
    this.previous = previous;
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
  return fromValidYmd(y, m, Math.min(day, daysInMonth(y, m)));
}
