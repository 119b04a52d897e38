import { precondition } from "../errors";
import { AMORTIZATIONS, type Portfolio } from "../portfolio/portfolio";
import { DAY_COUNTS_BY_BASIS, yearFraction } from "../time/dayCount";
import { CYCLE_DAYS, Schedule } from "../time/schedule";
import type { Amount, SerialDate } from "../types";
import type { RateIndex } from "./projection";
import { IP, MAX_PERIODS, MD, PR, RR, Timeline } from "./timeline";

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
  /** The index floaters are projected from after each reset in the contractual view; without it they keep their rate. */
  readonly index?: RateIndex;
}

const BULLET = AMORTIZATIONS.indexOf("BULLET");
const ANNUITY = AMORTIZATIONS.indexOf("ANNUITY");
const LINEAR = AMORTIZATIONS.indexOf("LINEAR");

function accrual(start: SerialDate, end: SerialDate, basis: number): number {
  if (basis === 3) return (end - start) / 365;
  if (basis === 2) return (end - start) / 360;
  return yearFraction(start, end, DAY_COUNTS_BY_BASIS[basis]);
}

/**
 * Generates the dated principal and interest flows of every position after `asOf` into `sink`
 * (methodology in docs/methodology/cashflows.md).
 */
export function generateFlows(portfolio: Portfolio, asOf: SerialDate, view: FlowView, sink: FlowSink, options: FlowOptions = {}): void {
  for (let i = 0; i < portfolio.size; i++) generatePosition(portfolio, i, asOf, view, sink, options);
}

/** Scratch timeline, refilled for each position (positions are generated one at a time). */
const TIMELINE = new Timeline();

/**
 * The flows of one position, walking its timeline (timeline.ts) as ACTUS's state machine does: interest
 * accrues on the outstanding balance with the position's day count between calculation dates; a rate reset
 * sets the rate to Multiplier × index + Spread bounded by Cap and Floor (and, for an annuity, recalculates
 * its instalment); a principal payment repays the Redemption of a linear position, or the instalment less
 * the unpaid interest of an annuity or negative amortiser (never more than the outstanding balance); an
 * interest payment pays the unpaid interest; maturity repays what remains. Prepayment removes
 * SMM = 1 − (1 − CPR)^(months/12) of the balance after scheduled principal.
 */
export function generatePosition(p: Portfolio, i: number, asOf: SerialDate, view: FlowView, sink: FlowSink, options: FlowOptions = {}): void {
  const repricing = view === "REPRICING";
  if (p.category[i] > 0) {
    generateNmd(p, i, asOf, repricing, sink);
    return;
  }
  const maturity = p.maturity[i];
  precondition(maturity > asOf, () => `row ${p.row[i]}: maturity ${maturity} is not after as_of ${asOf}`);
  const index = !repricing && p.floating[i] ? options.index : undefined;
  const tl = TIMELINE.fill(p, i, asOf, index !== undefined);
  const { calc, pay, flags, count } = tl;
  const basis = p.basis[i];
  const amortization = p.amortization[i];
  const balance = p.balance[i];
  const sign = balance < 0 ? -1 : 1;
  let rate = p.rate[i];
  let outstanding = balance;
  let t = tl.accrualStart;
  let accrued = 0;
  const until = options.until ?? Infinity;

  // The first event paid after as_of (after Start for a forward-starting position).
  let first = 0;
  if (tl.startPay > 0) {
    if (tl.startPay >= until) return;
    sink.add(i, tl.startPay, -balance, 0);
    t = tl.startCalc;
    while (first < count && pay[first] <= tl.startPay) first++;
  } else {
    // The accrual start is the last interest date paid on or before as_of.
    for (; first < count && pay[first] <= asOf; first++) if (flags[first] & IP) t = calc[first];
    if (!Number.isNaN(p.accrued[i])) {
      accrued = p.accrued[i];
      t = asOf;
    }
  }
  if (repricing && p.tdrr[i] > 0 && tl.startPay === 0) {
    const share = Math.min(1, p.tdrr[i] * (options.tdrrMultiplier ?? 1));
    const redeemed = outstanding * share;
    // The redeemed share takes its share of any AccruedInterest with it.
    sink.add(i, asOf + 1, redeemed, redeemed * rate * accrual(t, asOf + 1, basis) + accrued * share);
    accrued -= accrued * share;
    outstanding -= redeemed;
  }
  const cut = repricing && p.floating[i] ? p.nextReset[i] : 0;
  const cycleMonths = p.principalUnit[i] === CYCLE_DAYS ? (p.principalCount[i] * 12) / 365 : p.principalCount[i];
  const smm = repricing && p.cpr[i] > 0 ? 1 - Math.pow(1 - Math.min(1, p.cpr[i] * (options.cprMultiplier ?? 1)), cycleMonths / 12) : 0;

  // The principal payments left, for a linear position's default redemption.
  let remaining = 0;
  if (amortization === LINEAR) for (let k = first; k < count; k++) if (flags[k] & PR) remaining++;
  const given = p.redemption[i];
  // A default instalment needs every period's accrual: computed once here and reused by the walk.
  const needsAlpha = amortization !== BULLET && amortization !== LINEAR && Number.isNaN(given);
  if (needsAlpha) fillAccruals(tl, first, t, basis);
  let instalment = needsAlpha ? defaultInstalment(tl, first, outstanding, accrued, t, rate, basis) : given;

  for (let k = first; k < count; k++) {
    const f = flags[k];
    const date = pay[k];
    if (date >= until) return;
    const end = calc[k];
    if (cut > 0 && end >= cut) {
      sink.add(i, cut, outstanding, accrued + outstanding * rate * accrual(t, cut, basis));
      return;
    }
    accrued += outstanding * rate * (needsAlpha ? ALPHA[k] : accrual(t, end, basis));
    t = end;
    let principal = 0;
    let interest = 0;
    if (f & MD) {
      sink.add(i, date, outstanding, accrued);
      return;
    }
    if (f & PR) {
      let scheduled: number;
      if (amortization === LINEAR) scheduled = Number.isNaN(instalment) ? outstanding / remaining : instalment;
      else if (amortization === BULLET) scheduled = 0;
      else scheduled = instalment - accrued;
      if (sign * scheduled > sign * outstanding) scheduled = outstanding;
      const prepaid = smm * (outstanding - scheduled);
      principal = scheduled + prepaid;
      outstanding -= principal;
      instalment *= 1 - smm;
      remaining--;
    }
    if (f & IP) {
      interest = accrued;
      accrued = 0;
    }
    if (f & (IP | PR)) sink.add(i, date, principal, interest);
    if (f & RR && index !== undefined) {
      const next = nextResetEnd(tl, k);
      const fixing = index.rate(tl.observe[k], end, next, accrual(end, next, basis));
      rate = bounded(p.multiplier[i] * fixing + p.spread[i], p.cap[i], p.floor[i]);
      if (amortization === ANNUITY) instalment = levelInstalment(tl, k + 1, outstanding, accrued, t, rate, basis, needsAlpha);
    }
  }
}

/**
 * The instalment that amortises to zero at maturity (ACTUS's default next principal redemption payment):
 * the level instalment over the principal payments, with interest from the last interest payment before
 * the first of them (interest before it is paid on its own dates, as in an interest-only period).
 */
function defaultInstalment(tl: Timeline, first: number, balance: number, accrued: number, start: SerialDate, rate: number, basis: number): number {
  let from = start;
  let unpaid = accrued;
  for (let k = first; k < tl.count && !(tl.flags[k] & PR); k++) {
    if (tl.flags[k] & IP) {
      from = tl.calc[k];
      unpaid = 0;
    }
  }
  return levelInstalment(tl, first, balance, unpaid, from, rate, basis, true);
}

/** Scratch accrual fractions of a position's events: ALPHA[k] accrues from ALPHA_FROM[k] to event k. */
const ALPHA = new Float64Array(2 * MAX_PERIODS + 8);
const ALPHA_FROM = new Int32Array(2 * MAX_PERIODS + 8);

/** Fills ALPHA for the events from `first`, the first accruing from `start`. */
function fillAccruals(tl: Timeline, first: number, start: SerialDate, basis: number): void {
  let previous = start;
  for (let k = first; k < tl.count; k++) {
    ALPHA_FROM[k] = previous;
    ALPHA[k] = accrual(previous, tl.calc[k], basis);
    previous = tl.calc[k];
  }
}

/** A rate held within a cap and a floor (NaN: none). */
function bounded(rate: number, cap: number, floor: number): number {
  if (rate > cap) rate = cap;
  if (rate < floor) rate = floor;
  return rate;
}

/** The end of the reset period starting at event k: the next reset, or maturity (the last event). */
function nextResetEnd(tl: Timeline, k: number): SerialDate {
  for (let j = k + 1; j < tl.count; j++) if (tl.flags[j] & RR) return tl.calc[j];
  return tl.calc[tl.count - 1];
}

/**
 * The level instalment P (principal and interest) that repays `balance`, with `accrued` unpaid interest, over
 * the principal payments from event `from` when interest accrues at `rate` from `start`: the balance after
 * the j-th payment is Bⱼ = Bⱼ₋₁(1 + rate·αⱼ) − P (plus the unpaid interest in the first), zero after the
 * last, so P = (B + a/(1 + rate·α₁)) / Σₖ Πⱼ≤ₖ 1/(1 + rate·αⱼ). With αⱼ = 1/f for every period and no unpaid
 * interest it is PMT(rate/f, N, −B); at 0 % it is B/N. `filled`: ALPHA holds this position's accruals.
 */
function levelInstalment(tl: Timeline, from: number, balance: number, accrued: number, start: SerialDate, rate: number, basis: number, filled: boolean): number {
  let discount = 1;
  let annuity = 0;
  let firstDiscount = 0;
  let previous = start;
  for (let k = from; k < tl.count; k++) {
    if (!(tl.flags[k] & PR)) continue;
    const growth = 1 + rate * (filled && ALPHA_FROM[k] === previous ? ALPHA[k] : accrual(previous, tl.calc[k], basis));
    if (!(growth > 0)) precondition(false, `a rate of ${rate} makes a period's growth factor ${growth} ≤ 0; no level payment exists`);
    discount /= growth;
    if (firstDiscount === 0) firstDiscount = discount;
    annuity += discount;
    previous = tl.calc[k];
  }
  return annuity > 0 ? (balance + accrued * firstDiscount) / annuity : balance + accrued;
}

/** Scratch schedule for non-maturity deposits' core run-off. */
const SCHEDULE = new Schedule(MAX_PERIODS + 1);

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
