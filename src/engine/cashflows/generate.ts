import { precondition } from "../errors";
import { AMORTIZATIONS, type Portfolio } from "../portfolio/portfolio";
import { DAY_COUNTS_BY_BASIS, yearFraction } from "../time/dayCount";
import { Schedule } from "../time/schedule";
import type { Amount, SerialDate } from "../types";

/**
 * Which cash flows to generate:
 * - `CONTRACTUAL` (liquidity view): every position runs to maturity at its current rate; floaters too;
 *   non-maturity deposits are repayable overnight; no prepayment or early redemption.
 * - `REPRICING` (interest-rate view): floaters end at `NextReset` with their full outstanding notional;
 *   non-maturity deposits are slotted (non-core overnight, core running off linearly over twice its
 *   average maturity, in monthly slices); CPR prepayment and TDRR early redemption apply.
 */
export type FlowView = "CONTRACTUAL" | "REPRICING";
export const FLOW_VIEWS: readonly FlowView[] = ["CONTRACTUAL", "REPRICING"];

/** Receives generated flows one by one; implementations aggregate or collect them. */
export interface FlowSink {
  add(position: number, date: SerialDate, principal: Amount, interest: Amount): void;
}

export interface FlowOptions {
  /** Multiplier γ on every position's CPR (Basel behavioural scenarios); the result is capped at 1. */
  readonly cprMultiplier?: number;
  /** Multiplier u on every position's TDRR; capped at 1. */
  readonly tdrrMultiplier?: number;
  /** Stop at the first payment on or after this date (NII needs nothing beyond its horizon). */
  readonly until?: SerialDate;
}

/** Longest schedule one position may have: 100 years of monthly payments. */
export const MAX_PERIODS = 1200;

const BULLET = AMORTIZATIONS.indexOf("BULLET");
const ANNUITY = AMORTIZATIONS.indexOf("ANNUITY");

function accrual(start: SerialDate, end: SerialDate, basis: number): number {
  if (basis === 3) return (end - start) / 365;
  if (basis === 2) return (end - start) / 360;
  return yearFraction(start, end, DAY_COUNTS_BY_BASIS[basis]);
}

/**
 * Generates the dated principal and interest flows of every position after `asOf` into `sink`
 * (methodology in docs/methodology/cashflows.md). Interest accrues on the outstanding balance with the
 * position's day count from the start of each period; annuities pay the level amount that repays the
 * balance exactly under that accrual (Excel's PMT when every period accrues 1/frequency of a year),
 * whose principal part is the payment less the accrued interest; linear
 * amortisation repays equal instalments; prepayment removes SMM = 1 − (1 − CPR)^(months/12) of the
 * balance after scheduled principal; the last payment repays whatever remains, so each position's
 * principal adds up to its balance.
 */
export function generateFlows(portfolio: Portfolio, asOf: SerialDate, view: FlowView, sink: FlowSink, options: FlowOptions = {}): void {
  for (let i = 0; i < portfolio.size; i++) generatePosition(portfolio, i, asOf, view, sink, options);
}

export function generatePosition(p: Portfolio, i: number, asOf: SerialDate, view: FlowView, sink: FlowSink, options: FlowOptions = {}): void {
  const balance = p.balance[i];
  const rate = p.rate[i];
  const basis = p.basis[i];
  const repricing = view === "REPRICING";
  if (p.category[i] > 0) {
    generateNmd(p, i, asOf, repricing, sink);
    return;
  }
  const maturity = p.maturity[i];
  precondition(maturity > asOf, () => `row ${p.row[i]}: maturity ${maturity} is not after as_of ${asOf}`);
  const months = 12 / p.frequency[i];
  const { dates, count, previous } = SCHEDULE.rollBack(maturity, months, asOf, MAX_PERIODS);
  const start = p.start[i];
  let periodStart = start > previous && start <= asOf ? start : previous;
  let outstanding = balance;

  if (repricing && p.tdrr[i] > 0) {
    const redeemed = outstanding * Math.min(1, p.tdrr[i] * (options.tdrrMultiplier ?? 1));
    sink.add(i, asOf + 1, redeemed, redeemed * rate * accrual(periodStart, asOf + 1, basis));
    outstanding -= redeemed;
  }
  const cut = repricing && p.floating[i] ? p.nextReset[i] : 0;
  const smm = repricing && p.cpr[i] > 0 ? 1 - Math.pow(1 - Math.min(1, p.cpr[i] * (options.cprMultiplier ?? 1)), months / 12) : 0;
  const amortization = p.amortization[i];
  const alpha = accruals(dates, count, periodStart, basis);
  let payment = amortization === ANNUITY ? levelPayment(outstanding, rate, alpha, count) : 0;

  const until = options.until ?? Infinity;
  for (let k = 0; k < count; k++) {
    const date = dates[k];
    if (date >= until) return;
    if (cut > 0 && date >= cut) {
      sink.add(i, cut, outstanding, outstanding * rate * accrual(periodStart, cut, basis));
      return;
    }
    const interest = outstanding * rate * alpha[k];
    if (k === count - 1) {
      sink.add(i, date, outstanding, interest);
      return;
    }
    const scheduled = amortization === BULLET ? 0 : amortization === ANNUITY ? payment - interest : outstanding / (count - k);
    const prepaid = smm * (outstanding - scheduled);
    sink.add(i, date, scheduled + prepaid, interest);
    outstanding -= scheduled + prepaid;
    payment *= 1 - smm;
    periodStart = date;
  }
}

/**
 * The level payment P that repays `balance` over the schedule when period j accrues `rate · αⱼ`:
 * P = B / Σₖ Πⱼ≤ₖ 1/(1 + rate·αⱼ). With αⱼ = 1/f for every period it is PMT(rate/f, N, −B); at 0 % it is B/N.
 */
function levelPayment(balance: number, rate: number, alpha: Float64Array, count: number): number {
  let discount = 1;
  let annuity = 0;
  for (let k = 0; k < count; k++) {
    const growth = 1 + rate * alpha[k];
    if (!(growth > 0)) precondition(false, `a rate of ${rate} makes a period's growth factor ${growth} ≤ 0; no level payment exists`);
    discount /= growth;
    annuity += discount;
  }
  return balance / annuity;
}

/** Scratch schedule, refilled for each position (positions are generated one at a time). */
const SCHEDULE = new Schedule(MAX_PERIODS + 1);

/** Scratch space for one position's accrual fractions (positions are generated one at a time). */
const ALPHA = new Float64Array(MAX_PERIODS + 1);

/** Accrual fraction of each period of a schedule, the first starting at `start`. */
function accruals(dates: Int32Array, count: number, start: SerialDate, basis: number): Float64Array {
  let previous = start;
  for (let k = 0; k < count; k++) {
    ALPHA[k] = accrual(previous, dates[k], basis);
    previous = dates[k];
  }
  return ALPHA;
}

/** Non-maturity deposit: overnight in the contractual view; Basel core/non-core slotting when repricing. */
function generateNmd(p: Portfolio, i: number, asOf: SerialDate, repricing: boolean, sink: FlowSink): void {
  const balance = p.balance[i];
  const rate = p.rate[i];
  const basis = p.basis[i];
  const core = repricing ? balance * p.coreShare[i] : 0;
  const nonCore = balance - core;
  if (nonCore !== 0 || core === 0) sink.add(i, asOf + 1, nonCore, nonCore * rate * accrual(asOf, asOf + 1, basis));
  if (core === 0) return;
  const runoffMonths = 24 * p.coreMaturity[i];
  const slices = Math.ceil(runoffMonths - 1e-9);
  const { dates } = SCHEDULE.monthly(asOf, slices);
  let outstanding = core;
  let previous = asOf;
  for (let k = 1; k <= slices; k++) {
    const date = dates[k - 1];
    const principal = k === slices ? outstanding : (core * (Math.min(k, runoffMonths) - (k - 1))) / runoffMonths;
    sink.add(i, date, principal, outstanding * rate * accrual(previous, date, basis));
    outstanding -= principal;
    previous = date;
  }
}
