import { precondition } from "../errors";
import { generatePosition, type FlowOptions, type FlowSink } from "../cashflows/generate";
import type { YieldCurve } from "../curves/yieldCurve";
import type { Portfolio } from "../portfolio/portfolio";
import { DAY_COUNTS_BY_BASIS, yearFraction } from "../time/dayCount";
import { addMonths } from "../time/serialDate";
import type { Amount, Rate, SerialDate, Time } from "../types";
import { NO_FLOOR, applyFloor, type Floor } from "./floors";
import { BASEL_BEHAVIOURAL_MULTIPLIERS, scenarioShift, type Scenario } from "./scenarios";

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
 * Prepares a book for NII over `horizonMonths` from `asOf`: the principal schedule of each fixed position
 * within the horizon, scheduled payments and the prepayments (CPR) and early redemptions (TDRR) of the
 * repricing view (docs/methodology/cashflows.md), with `behaviour` multipliers on CPR and TDRR if given.
 * @example prepareNii(book, asOf, 12).end //=> EDATE(asOf, 12)
 */
export function prepareNii(portfolio: Portfolio, asOf: SerialDate, horizonMonths: number, behaviour?: FlowOptions): NiiBook {
  precondition(Number.isInteger(horizonMonths) && horizonMonths >= 1, () => `horizon ${horizonMonths} must be a whole number of months, 1 or more`);
  const end = addMonths(asOf, horizonMonths);
  const sink = new PrincipalBefore(end);
  const offsets = new Int32Array(portfolio.size + 1);
  for (let i = 0; i < portfolio.size; i++) {
    offsets[i] = sink.dates.length;
    // Without CPR or TDRR the repricing view of a fixed position is its contractual schedule.
    if (portfolio.category[i] === 0 && !portfolio.floating[i]) generatePosition(portfolio, i, asOf, portfolio.cpr[i] > 0 || portfolio.tdrr[i] > 0 ? "REPRICING" : "CONTRACTUAL", sink, { ...behaviour, until: end });
  }
  offsets[portfolio.size] = sink.dates.length;
  return { portfolio, asOf, end, offsets, dates: sink.dates, amounts: sink.amounts };
}

/** The market an NII projection renews at: the base curve and, for a scenario, its shift and floor. */
export interface NiiMarket {
  /** The base zero curve (the `curve` argument). */
  readonly base: YieldCurve;
  /** The scenario's zero-rate shift ΔR(t) at full size; absent for the base run. */
  readonly shift?: (t: Time) => Rate;
  /** The post-shock floor on the scenario curve, as ALM.SHOCK applies it. */
  readonly floor?: Floor;
}

/**
 * Net interest income over a horizon on a constant balance sheet (docs/functions.md, ALM.NII; methodology in
 * docs/methodology/irrbb.md §4): interest accrued within [as_of, as_of + horizon) with each position's day
 * count; assets positive, liabilities negative. A position earns its current rate r until it reprices; each
 * repriced amount renews like-for-like for its repricing tenor τ at a market-consistent rate:
 *   margin + F(t_d, τ) + β·ΔF(d, τ), bounded by the position's Cap and Floor,
 * where F(t, τ) is the base curve's continuously-compounded forward for τ starting at t = (d − as_of)/365,
 * ΔF the change of that forward on the scenario curve at d — z(t) + w(d)·ΔR(t), floored as ALM.SHOCK floors
 * it, with w(d) the ramp weight — and the margin the position's rate less the base zero rate z(τ) at as_of
 * (for a floater with a Spread, the Spread). A non-maturity deposit never pays below 0 % unless its Floor
 * says otherwise. With a flat curve and a parallel shift the renewal rate is r + β·Δ·w(d).
 * - floaters reprice in full at NextReset and every ResetMonths after it (EDATE); τ = ResetMonths/12;
 * - fixed positions reprice each principal payment (scheduled, prepaid by CPR, redeemed by TDRR) and the
 *   maturity; each renewed amount rolls over every T days, T the original term (Start → Maturity, else
 *   as_of → Maturity), τ = T/365, at the forward of each roll date;
 * - non-maturity deposits reprice in full at as_of and then daily; τ = 1/365.
 * @example nii(book, asOf, { base: flatCurve(0.03), shift: () => 0.02 }) // a 1,000,000 floater at 5 % resetting 90 days after as_of
 * //=> 1e6·(0.05·90 + 0.07·275)/365 = 65,068.49315… (12 months = 365 days from 2026-01-01)
 */
export function nii(portfolio: Portfolio, asOf: SerialDate, market: NiiMarket, options: NiiOptions = DEFAULT_NII_OPTIONS, behaviour?: FlowOptions): Amount {
  return niiOfBook(prepareNii(portfolio, asOf, options.horizonMonths, behaviour), market, options.rampMonths);
}

/** The forward rate for τ years starting t years from as_of on a zero-rate function. */
function forward(zero: (t: Time) => Rate, t: Time, tau: Time): Rate {
  return (zero(t + tau) * (t + tau) - zero(t) * t) / tau;
}

/** NII of a prepared book under one market and ramp (see `nii`). */
export function niiOfBook(book: NiiBook, market: NiiMarket, rampMonths = 0): Amount {
  precondition(Number.isInteger(rampMonths) && rampMonths >= 0, () => `ramp ${rampMonths} must be a whole number of months, 0 or more`);
  const { asOf, end } = book;
  const rampEnd = addMonths(asOf, rampMonths);
  const weight = (d: SerialDate): number => (d >= rampEnd ? 1 : (d - asOf) / (rampEnd - asOf));
  const base = (t: Time) => market.base.zeroRate(t);
  const { shift } = market;
  const floor = market.floor ?? NO_FLOOR;
  /** The scenario curve's Z(u) = z_s(u)·u on a date whose ramp weight is w. */
  const scenarioZ = (u: Time, w: number): number => {
    const z = base(u);
    return applyFloor(floor, u, z + w * (shift as (t: Time) => Rate)(u), z) * u;
  };
  /** F(t_d, τ) on the base curve and its change on the scenario curve of date d, for any τ in years. */
  const forwards = (d: SerialDate, tau: Time): Forward => {
    const t = (d - asOf) / 365;
    const f = forward(base, t, tau);
    return { f, df: shift ? (scenarioZ(t + tau, weight(d)) - scenarioZ(t, weight(d))) / tau - f : 0 };
  };
  // Fixed positions and deposits renew for whole numbers of days: Z(t) at each day from as_of is computed
  // once, for the base curve and (once the ramp is complete) the scenario curve, and shared by every position.
  const baseZ = new DayTable((k) => base(k / 365) * (k / 365));
  const fullZ = new DayTable((k) => scenarioZ(k / 365, 1));
  /** F + β·ΔF for a tenor of `days` days starting on date d (no object per call: the hot path of NII). */
  const movedForward = (d: SerialDate, days: number, beta: number): Rate => {
    const k = d - asOf;
    const tau = days / 365;
    const f = (baseZ.at(k + days) - baseZ.at(k)) / tau;
    if (!shift) return f;
    const w = weight(d);
    const fs = w !== 1 ? (scenarioZ((k + days) / 365, w) - scenarioZ(k / 365, w)) / tau : (fullZ.at(k + days) - fullZ.at(k)) / tau;
    return f + beta * (fs - f);
  };
  /** As `forwards`, for a tenor of `days` days starting on date d. */
  const forwardsInDays = (d: SerialDate, days: number): Forward => {
    const f = movedForward(d, days, 0);
    return { f, df: movedForward(d, days, 1) - f };
  };
  const overnight = book.portfolio.category.some((c) => c > 0) ? overnightForwards(asOf, end, (d) => forwardsInDays(d, 1)) : undefined;
  let total = 0;
  for (let i = 0; i < book.portfolio.size; i++) total += positionNii(book, i, forwards, movedForward, overnight, base);
  return total;
}

interface Forward {
  readonly f: Rate;
  readonly df: Rate;
}

/** Values of a function of whole days 0, 1, 2, …, each computed once, in a table that grows as needed. */
class DayTable {
  private values = new Float64Array(0);
  constructor(private readonly compute: (day: number) => number) {}
  at(day: number): number {
    if (day >= this.values.length) {
      const grown = new Float64Array(Math.max(day + 1, 2 * this.values.length, 512)).fill(NaN);
      grown.set(this.values);
      this.values = grown;
    }
    let v = this.values[day];
    if (Number.isNaN(v)) this.values[day] = v = this.compute(day);
    return v;
  }
}

/**
 * The overnight forwards of every day of the horizon, shared by all non-maturity deposits, with their
 * accrual-weighted sums per day count and their ranges, so that a deposit whose bounds never bind costs
 * O(1) instead of a day-by-day sum.
 */
interface Overnight {
  readonly f: Float64Array;
  readonly df: Float64Array;
  /** Per basis: Σ acc, Σ f·acc, Σ df·acc over the horizon, and the daily accruals. */
  readonly sums: ReadonlyMap<number, { acc: number; f: number; df: number; daily: Float64Array }>;
  readonly minF: number;
  readonly maxF: number;
  readonly minDf: number;
  readonly maxDf: number;
}

function overnightForwards(asOf: SerialDate, end: SerialDate, forwards: (d: SerialDate) => Forward): Overnight {
  const days = end - asOf;
  const f = new Float64Array(days);
  const df = new Float64Array(days);
  for (let k = 0; k < days; k++) {
    const x = forwards(asOf + k);
    f[k] = x.f;
    df[k] = x.df;
  }
  const sums = new Map<number, { acc: number; f: number; df: number; daily: Float64Array }>();
  for (let basis = 0; basis < DAY_COUNTS_BY_BASIS.length; basis++) {
    const daily = new Float64Array(days);
    let acc = 0;
    let sf = 0;
    let sdf = 0;
    for (let k = 0; k < days; k++) {
      daily[k] = basis === 3 ? 1 / 365 : yearFraction(asOf + k, asOf + k + 1, DAY_COUNTS_BY_BASIS[basis]);
      acc += daily[k];
      sf += f[k] * daily[k];
      sdf += df[k] * daily[k];
    }
    sums.set(basis, { acc, f: sf, df: sdf, daily });
  }
  let minF = Infinity, maxF = -Infinity, minDf = Infinity, maxDf = -Infinity;
  for (let k = 0; k < days; k++) {
    minF = Math.min(minF, f[k]);
    maxF = Math.max(maxF, f[k]);
    minDf = Math.min(minDf, df[k]);
    maxDf = Math.max(maxDf, df[k]);
  }
  return { f, df, sums, minF, maxF, minDf, maxDf };
}

function positionNii(
  book: NiiBook,
  i: number,
  forwards: (d: SerialDate, tau: Time) => Forward,
  movedForward: (d: SerialDate, days: number, beta: number) => Rate,
  overnight: Overnight | undefined,
  base: (t: Time) => Rate
): Amount {
  const { portfolio: p, asOf, end } = book;
  const balance = p.balance[i];
  const rate = p.rate[i];
  const beta = p.beta[i];
  const basis = p.basis[i];
  const accrual = basis === 3 ? (a: SerialDate, b: SerialDate) => (b - a) / 365 : (a: SerialDate, b: SerialDate) => yearFraction(a, b, DAY_COUNTS_BY_BASIS[basis]);
  const nmd = p.category[i] > 0;
  // A non-maturity deposit's rate never goes below 0 % unless its Floor says otherwise (docs/functions.md, Floor).
  const lower = Number.isNaN(p.floor[i]) ? (nmd ? 0 : -Infinity) : p.floor[i];
  const upper = Number.isNaN(p.cap[i]) ? Infinity : p.cap[i];
  const bound = (r: Rate): Rate => Math.min(upper, Math.max(lower, r));

  if (nmd) {
    const o = overnight as Overnight;
    const margin = rate - base(OVERNIGHT);
    const s = o.sums.get(basis) as { acc: number; f: number; df: number; daily: Float64Array };
    const low = margin + o.minF + Math.min(beta * o.minDf, beta * o.maxDf);
    const high = margin + o.maxF + Math.max(beta * o.minDf, beta * o.maxDf);
    // Bounds that never bind: the accrual-weighted sums give the day-by-day total at once.
    if (low >= lower && high <= upper) return balance * (margin * s.acc + s.f + beta * s.df);
    let sum = 0;
    for (let k = 0; k < o.f.length; k++) sum += bound(margin + o.f[k] + beta * o.df[k]) * s.daily[k];
    return balance * sum;
  }

  /** Interest per unit renewed at `from` and rolled over at rollDate(1), rollDate(2), … until the horizon end, at the forwards `at` gives. */
  const renewed = (from: SerialDate, margin: Rate, multiplier: number, rollDate: (k: number) => SerialDate, at: (d: SerialDate) => Forward): number => {
    let sum = 0;
    let d = from;
    for (let k = 1; d < end; k++) {
      const next = Math.min(rollDate(k), end);
      const { f, df } = at(d);
      sum += bound(margin + multiplier * (f + beta * df)) * accrual(d, next);
      d = next;
    }
    return sum;
  };

  // A forward-starting position earns nothing before its Start.
  const earnsFrom = Math.max(asOf, p.start[i]);
  if (earnsFrom >= end) return 0;
  if (p.floating[i]) {
    const reset = p.nextReset[i];
    if (reset >= end) return balance * rate * accrual(earnsFrom, end);
    const months = p.resetMonths[i];
    const tau = months / 12;
    // Resets follow the index as the cash flows project it: Multiplier × index + Spread.
    const multiplier = p.multiplier[i];
    const margin = p.spreadGiven[i] ? p.spread[i] : rate - multiplier * base(tau);
    const first = Math.max(earnsFrom, reset);
    return balance * (rate * accrual(earnsFrom, first) + renewed(first, margin, multiplier, (k) => addMonths(reset, k * months), (d) => forwards(d, tau)));
  }

  const term = p.maturity[i] - (p.start[i] > 0 ? p.start[i] : asOf);
  const tau = term / 365;
  const margin = rate - base(tau);
  // A forward-starting position's first principal flow is its exchange at Start: it opens the balance and renews nothing.
  const forward = p.start[i] > asOf;
  let outstanding = forward ? 0 : balance;
  let previous = asOf;
  let sum = 0;
  // Each repaid amount renews at d for `term` days, rolling over every `term` days (the hot loop of NII).
  for (let j = book.offsets[i]; j < book.offsets[i + 1]; j++) {
    const d = book.dates[j];
    const amount = book.amounts[j];
    let interest = 0;
    const opens = forward && j === book.offsets[i];
    for (let from = d; from < end && !opens; from += term) {
      const next = Math.min(from + term, end);
      interest += bound(margin + movedForward(from, term, beta)) * (basis === 3 ? (next - from) / 365 : accrual(from, next));
    }
    sum += outstanding * rate * accrual(previous, d) + amount * interest;
    outstanding -= amount;
    previous = d;
  }
  return sum + outstanding * rate * accrual(previous, end);
}

/** NII of a book under the base and several scenarios, with the floor, ramp and behaviour of every run. */
export interface NiiRuns {
  readonly base: Amount;
  readonly values: readonly Amount[];
}

/**
 * NII under the base curve and each scenario (ALM.NII, ALM.DELTANII, the NII rows of ALM.OUTLIERTEST). The
 * principal schedules are generated once per behaviour: with `BASEL`, a standard scenario's CPR and TDRR
 * carry its SRP31 multipliers (the base and other scenarios keep the table's values).
 */
export function niiRuns(
  portfolio: Portfolio,
  asOf: SerialDate,
  base: YieldCurve,
  scenarios: readonly Scenario[],
  options: NiiOptions & { readonly floor?: Floor; readonly behaviour?: "INPUT" | "BASEL" } = DEFAULT_NII_OPTIONS
): NiiRuns {
  const books = new Map<string, NiiBook>();
  const bookFor = (cpr: number, tdrr: number): NiiBook => {
    const key = `${cpr}|${tdrr}`;
    let book = books.get(key);
    if (!book) books.set(key, (book = prepareNii(portfolio, asOf, options.horizonMonths, cpr === 1 && tdrr === 1 ? undefined : { cprMultiplier: cpr, tdrrMultiplier: tdrr })));
    return book;
  };
  const run = (scenario: Scenario): Amount => {
    const m = options.behaviour === "BASEL" && scenario.kind === "STANDARD" ? BASEL_BEHAVIOURAL_MULTIPLIERS[scenario.name] : { cpr: 1, tdrr: 1 };
    const market: NiiMarket = scenario.kind === "BASE" ? { base } : { base, shift: scenarioShift(scenario), floor: options.floor };
    return niiOfBook(bookFor(m.cpr, m.tdrr), market, options.rampMonths);
  };
  return { base: run({ kind: "BASE" }), values: scenarios.map(run) };
}
