import { precondition } from "../errors";
import { generatePosition, type FlowSink } from "../cashflows/generate";
import type { Portfolio } from "../portfolio/portfolio";
import { DAY_COUNTS_BY_BASIS, yearFraction } from "../time/dayCount";
import { addMonths } from "../time/serialDate";
import type { Amount, Rate, SerialDate, Time } from "../types";

/** Horizon and ramp of an NII projection, in whole months from as_of. */
export interface NiiOptions {
  /** Length of the projection (default 12, docs/functions.md). */
  readonly horizonMonths: number;
  /** Months over which the shift grows linearly from 0 at as_of to full; 0 applies it at once. */
  readonly rampMonths: number;
}

export const DEFAULT_NII_OPTIONS: NiiOptions = { horizonMonths: 12, rampMonths: 0 };

/** Repricing tenor of a non-maturity deposit: overnight. */
export const OVERNIGHT: Time = 1 / 365;

/**
 * A book prepared for NII over one horizon: the scheduled principal payments of every fixed position
 * before the horizon end, generated once (CSR layout: position i's payments are at
 * offsets[i] … offsets[i + 1] − 1), so that several scenarios only re-price.
 */
export interface NiiBook {
  readonly portfolio: Portfolio;
  readonly asOf: SerialDate;
  readonly end: SerialDate;
  readonly offsets: Int32Array;
  readonly dates: readonly SerialDate[];
  readonly amounts: readonly Amount[];
}

/** Collects principal flows dated before the horizon end. */
class PrincipalBefore implements FlowSink {
  readonly dates: SerialDate[] = [];
  readonly amounts: Amount[] = [];
  constructor(private readonly end: SerialDate) {}
  add(_position: number, date: SerialDate, principal: Amount): void {
    if (date < this.end && principal !== 0) {
      this.dates.push(date);
      this.amounts.push(principal);
    }
  }
}

/**
 * Prepares a book for NII over `horizonMonths` from `asOf`: the contractual principal schedule of each
 * fixed position (no CPR or TDRR) within the horizon.
 * @example prepareNii(book, asOf, 12).end //=> EDATE(asOf, 12)
 */
export function prepareNii(portfolio: Portfolio, asOf: SerialDate, horizonMonths: number): NiiBook {
  precondition(Number.isInteger(horizonMonths) && horizonMonths >= 1, () => `horizon ${horizonMonths} must be a whole number of months, 1 or more`);
  const end = addMonths(asOf, horizonMonths);
  const sink = new PrincipalBefore(end);
  const offsets = new Int32Array(portfolio.size + 1);
  for (let i = 0; i < portfolio.size; i++) {
    offsets[i] = sink.dates.length;
    if (portfolio.category[i] === 0 && !portfolio.floating[i]) generatePosition(portfolio, i, asOf, "CONTRACTUAL", sink);
  }
  offsets[portfolio.size] = sink.dates.length;
  return { portfolio, asOf, end, offsets, dates: sink.dates, amounts: sink.amounts };
}

/**
 * Net interest income over a horizon on a constant balance sheet (docs/functions.md, ALM.NII; methodology in
 * docs/methodology/irrbb.md): interest accrued within [as_of, as_of + horizon) with each position's day
 * count; assets positive, liabilities negative. A position earns its current rate r until it reprices,
 * and each repriced amount is renewed like-for-like at r + β·Δ(τ)·w(d), where Δ(τ) is the scenario shift
 * at the repricing tenor τ and w(d) = min(1, (d − as_of)/(ramp end − as_of)) the ramp weight on the
 * repricing date d (1 without a ramp). The renewed rate holds until the next repricing of the renewal:
 * - floaters reprice in full at NextReset and every ResetMonths after it (EDATE); τ = ResetMonths/12;
 * - fixed positions reprice each scheduled principal payment and the maturity; each renewed amount rolls
 *   over every T days, T the original term (Start → Maturity, else as_of → Maturity), τ = T/365;
 * - non-maturity deposits reprice in full at as_of and then daily; τ = 1/365.
 * CPR, TDRR and NMD core slotting do not enter (the balance sheet is constant).
 * @example nii(book, asOf, () => 0.02) // book: a 1,000,000 floater at 5 % resetting 90 days after as_of
 * //=> 1e6·(0.05·90 + 0.07·275)/365 = 65,068.49315… (12 months = 365 days from 2026-01-01)
 */
export function nii(portfolio: Portfolio, asOf: SerialDate, shift: (tenor: Time) => Rate, options: NiiOptions = DEFAULT_NII_OPTIONS): Amount {
  return niiOfBook(prepareNii(portfolio, asOf, options.horizonMonths), shift, options.rampMonths);
}

/** NII of a prepared book under one scenario shift and ramp (see `nii`). */
export function niiOfBook(book: NiiBook, shift: (tenor: Time) => Rate, rampMonths = 0): Amount {
  precondition(Number.isInteger(rampMonths) && rampMonths >= 0, () => `ramp ${rampMonths} must be a whole number of months, 0 or more`);
  const { asOf } = book;
  const rampEnd = addMonths(asOf, rampMonths);
  const weight = (d: SerialDate): number => (d >= rampEnd ? 1 : (d - asOf) / (rampEnd - asOf));
  let total = 0;
  for (let i = 0; i < book.portfolio.size; i++) total += positionNii(book, i, weight, shift);
  return total;
}

function positionNii(book: NiiBook, i: number, weight: (d: SerialDate) => number, shift: (tenor: Time) => Rate): Amount {
  const { portfolio: p, asOf, end } = book;
  const balance = p.balance[i];
  const rate = p.rate[i];
  const basis = p.basis[i];
  const accrual = basis === 3 ? (a: SerialDate, b: SerialDate) => (b - a) / 365 : (a: SerialDate, b: SerialDate) => yearFraction(a, b, DAY_COUNTS_BY_BASIS[basis]);

  /** Interest per unit renewed at `from` and rolled over at rollDate(1), rollDate(2), … until the horizon end. */
  const renewed = (from: SerialDate, tenor: Time, rollDate: (k: number) => SerialDate): number => {
    const move = p.beta[i] * shift(tenor);
    let sum = 0;
    let d = from;
    for (let k = 1; d < end; k++) {
      const w = weight(d);
      // Once the ramp is complete every later renewal earns the same rate: one accrual to the end.
      const next = w === 1 ? end : Math.min(rollDate(k), end);
      sum += (rate + move * w) * accrual(d, next);
      d = next;
    }
    return sum;
  };

  if (p.category[i] > 0) return balance * renewed(asOf, OVERNIGHT, (k) => asOf + k);

  if (p.floating[i]) {
    const reset = p.nextReset[i];
    if (reset >= end) return balance * rate * accrual(asOf, end);
    const months = p.resetMonths[i];
    return balance * (rate * accrual(asOf, reset) + renewed(reset, months / 12, (k) => addMonths(reset, k * months)));
  }

  const term = p.maturity[i] - (p.start[i] > 0 ? p.start[i] : asOf);
  let outstanding = balance;
  let previous = asOf;
  let sum = 0;
  for (let j = book.offsets[i]; j < book.offsets[i + 1]; j++) {
    const d = book.dates[j];
    const amount = book.amounts[j];
    sum += outstanding * rate * accrual(previous, d) + amount * renewed(d, term / 365, (k) => d + k * term);
    outstanding -= amount;
    previous = d;
  }
  return sum + outstanding * rate * accrual(previous, end);
}
