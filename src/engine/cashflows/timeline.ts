import { AMORTIZATIONS, type Portfolio } from "../portfolio/portfolio";
import { BUSINESS_DAY_CONVENTIONS, adjust, calculatesOnUnadjusted, calculationDate } from "../time/businessDay";
import { CALENDARS, addBusinessDays } from "../time/calendar";
import { addMonths } from "../time/serialDate";
import { Schedule } from "../time/schedule";
import type { SerialDate } from "../types";

/** Event kinds of a position's timeline (flags; one date may carry several). */
export const IP = 1;
export const PR = 2;
export const RR = 4;
export const MD = 8;

/** Longest schedule one position may have: 100 years of monthly payments. */
export const MAX_PERIODS = 1200;

const BULLET = AMORTIZATIONS.indexOf("BULLET");

/**
 * One position's events in time order, as ACTUS schedules them (docs/methodology/cashflows.md §1): interest
 * payments (IP), principal payments (PR), rate resets (RR) and maturity (MD). Each event has the date
 * interest is calculated to (`calc`: the shifted date under a shift-then-calculate convention, the schedule
 * date otherwise) and the date it is paid (`pay`: shifted under every convention but NOS); a reset also
 * has the date its index is observed (`observe`, FixingDays business days before). Scratch buffers are
 * refilled for each position, so generation allocates nothing per position.
 */
export class Timeline {
  calc = new Int32Array(2 * MAX_PERIODS + 8);
  pay: Int32Array;
  private readonly payBuffer = new Int32Array(2 * MAX_PERIODS + 8);
  observe = new Int32Array(2 * MAX_PERIODS + 8);
  flags = new Uint8Array(2 * MAX_PERIODS + 8);
  count = 0;
  /** Calculation date of the interest period boundary before the first event (the accrual start). */
  accrualStart: SerialDate = 0;
  /** Payment and calculation dates of a forward-starting position's start; 0 when it is not one. */
  startPay: SerialDate = 0;
  startCalc: SerialDate = 0;
  private readonly interest = new Schedule(MAX_PERIODS + 2);
  private readonly interestBuffer = this.interest.dates;
  private readonly principal = new Schedule(MAX_PERIODS + 2);
  private readonly resets = new Int32Array(MAX_PERIODS + 2);

  constructor() {
    this.pay = this.calc;
  }

  /**
   * Fills the timeline of position `i` from a week before `asOf` to maturity; `withResets` says whether rate
   * resets are events (a floater projected from an index in the contractual view).
   */
  fill(p: Portfolio, i: number, asOf: SerialDate, withResets: boolean): this {
    const maturity = p.maturity[i];
    const start = p.start[i];
    const longStub = p.longStub[i] === 1;
    const endOfMonth = p.endOfMonth[i] === 1;
    const amortizing = p.amortization[i] !== BULLET;
    const ownPrincipal = amortizing && (p.firstPrincipal[i] > 0 || p.principalCount[i] !== p.cycleCount[i] || p.principalUnit[i] !== p.cycleUnit[i]);
    // With one list of dates (the common case) the interest schedule is built straight into `calc`.
    const single = !ownPrincipal && !withResets;
    this.interest.dates = single ? this.calc : this.interestBuffer;
    const ip = this.interest.build({ count: p.cycleCount[i], unit: p.cycleUnit[i], anchor: p.firstPayment[i], start, end: maturity, longStub, endOfMonth }, asOf, MAX_PERIODS);
    const pr = ownPrincipal
      ? this.principal.build({ count: p.principalCount[i], unit: p.principalUnit[i], anchor: p.firstPrincipal[i], start, end: maturity, longStub, endOfMonth }, asOf, MAX_PERIODS)
      : undefined;
    let nResets = 0;
    if (withResets) {
      const reset = p.nextReset[i];
      const months = p.resetMonths[i];
      for (let k = 0; nResets < MAX_PERIODS; k++) {
        const d = addMonths(reset, k * months);
        if (d >= maturity) break;
        this.resets[nResets++] = d;
      }
    }

    // Merge the three ascending lists of unadjusted dates (one list when principal follows interest and
    // nothing resets, the common case).
    const ipDates = ip.dates;
    let n = 0;
    if (single) {
      n = ip.count;
      this.flags.fill(IP | PR, 0, n);
      this.flags[n - 1] |= MD;
    } else {
      const prDates = pr ? pr.dates : ipDates;
      // A bullet has principal events on its interest dates too: nothing scheduled, but prepayment (CPR) applies there.
      const prCount = pr ? pr.count : ip.count;
      let a = 0;
      let b = 0;
      let c = 0;
      while (a < ip.count || b < prCount || c < nResets) {
        const da = a < ip.count ? ipDates[a] : Infinity;
        const db = b < prCount ? prDates[b] : Infinity;
        const dc = c < nResets ? this.resets[c] : Infinity;
        const d = Math.min(da, db, dc);
        let f = 0;
        if (da === d) {
          f |= IP;
          a++;
        }
        if (db === d) {
          f |= PR;
          b++;
        }
        if (dc === d) {
          f |= RR;
          c++;
        }
        if (d === maturity) f |= MD | PR | IP;
        this.calc[n] = d;
        this.flags[n++] = f;
      }
    }
    this.count = n;

    const convention = BUSINESS_DAY_CONVENTIONS[p.businessDay[i]];
    const calendar = CALENDARS[p.calendar[i]];
    const shifts = convention !== "NOS" && calendar !== "NONE";
    const fixingDays = p.fixingDays[i];
    // Without shifts a payment falls on its calculation date: both name one array.
    this.pay = shifts ? this.payBuffer : this.calc;
    // Shift-then-calculate accrues to the payment date itself (one roll per date).
    const unadjustedAccrual = calculatesOnUnadjusted(convention);
    for (let k = 0; k < n && (shifts || nResets > 0); k++) {
      if (shifts) {
        this.pay[k] = adjust(this.calc[k], convention, calendar);
        if (!unadjustedAccrual) this.calc[k] = this.pay[k];
      }
      if (this.flags[k] & RR) this.observe[k] = fixingDays > 0 ? addBusinessDays(this.calc[k], -fixingDays, calendar) : this.calc[k];
    }
    this.accrualStart = shifts ? calculationDate(ip.previous, convention, calendar) : ip.previous;
    const forward = start > asOf;
    this.startPay = forward ? (shifts ? adjust(start, convention, calendar) : start) : 0;
    this.startCalc = forward ? this.accrualStart : 0;
    return this;
  }
}
