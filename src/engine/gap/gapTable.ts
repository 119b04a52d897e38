/**
 * Gap tables with exact totals (docs/methodology/gaps.md §3–§5): amounts slotted into buckets, summed
 * exactly (decimal.js), reconciled so the buckets add up to the input's exact total to the last unit,
 * and the running gap. The functions layer only formats these numbers into a spilled table.
 */
import Decimal from "decimal.js";
import { dailyFlows } from "../cashflows/aggregate";
import type { FlowOptions } from "../cashflows/generate";
import { decimalPlaces, exactGroupSums, reconcile } from "../money";
import type { Portfolio } from "../portfolio/portfolio";
import type { Amount, SerialDate } from "../types";
import { bucketLookup, type BucketScheme } from "./buckets";
import { nmdSlotting } from "./nmd";

/** Per bucket the two sides (positive magnitudes), exact. */
export interface TwoSided {
  readonly a: readonly Decimal[];
  readonly l: readonly Decimal[];
}

export interface GapRow {
  readonly a: Amount;
  readonly l: Amount;
  readonly gap: Amount;
  readonly cumulative: Amount;
}

/** Rows of a two-sided gap table (A, L, A − L, cumulative) and the exact totals of each column. */
export function gapColumns({ a, l }: TwoSided): { rows: GapRow[]; total: { a: Amount; l: Amount; gap: Amount } } {
  let cumulative = new Decimal(0);
  const rows = a.map((ak, k) => {
    const gap = ak.minus(l[k]);
    cumulative = cumulative.plus(gap);
    return { a: ak.toNumber(), l: l[k].toNumber(), gap: gap.toNumber(), cumulative: cumulative.toNumber() };
  });
  const totalA = Decimal.sum(0, ...a);
  const totalL = Decimal.sum(0, ...l);
  return { rows, total: { a: totalA.toNumber(), l: totalL.toNumber(), gap: totalA.minus(totalL).toNumber() } };
}

/**
 * Signed dated amounts slotted by date into the buckets of `edges` (dates on or before as_of in the
 * first): assets (positive) and liabilities (negative, as magnitudes), each bucket an exact sum.
 */
export function bucketAmounts(amounts: ArrayLike<Amount>, dates: ArrayLike<SerialDate>, edges: Int32Array, asOf: SerialDate): TwoSided {
  const lookup = bucketLookup(edges, asOf);
  const K = edges.length + 1; // the last bucket is open
  const n = amounts.length;
  const magnitude = new Float64Array(n);
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    magnitude[i] = Math.abs(amounts[i]);
    group[i] = lookup(dates[i]) + (amounts[i] < 0 ? K : 0);
  }
  const sums = exactGroupSums(magnitude, group, 2 * K).sums;
  return { a: sums.slice(0, K), l: sums.slice(K) };
}

/** Exact totals of the positive and of the negative balances, and the decimals they are written with. */
/**
 * The exact principal each side repays after as_of: the sum of its balances, less those of forward-starting
 * positions, whose exchange at Start and repayment net to zero.
 */
function balanceTotals(portfolio: Portfolio, asOf: SerialDate): { assets: number; liabilities: number; decimals: number } {
  const balances = portfolio.balance;
  const group = Int32Array.from(balances, (b, i) => (portfolio.start[i] > asOf ? 2 : b < 0 ? 1 : 0));
  const { sums } = exactGroupSums(balances.map(Math.abs), group, 3);
  return { assets: sums[0].toNumber(), liabilities: sums[1].toNumber(), decimals: Math.max(2, decimalPlaces(balances) ?? 6) };
}

/**
 * Repricing gap: principal by repricing date (docs/methodology/gaps.md §4), each side reconciled to the
 * exact total of its balances.
 */
export function repricingBuckets(portfolio: Portfolio, asOf: SerialDate, edges: Int32Array): TwoSided {
  const lookup = bucketLookup(edges, asOf);
  const K = edges.length + 1; // the last bucket is open
  const daily = dailyFlows(portfolio, asOf, "REPRICING");
  const a = new Array<number>(K).fill(0);
  const l = new Array<number>(K).fill(0);
  for (let d = 0; d <= daily.lastDay; d++) {
    const k = lookup(asOf + d);
    a[k] += daily.assetPrincipal[d];
    l[k] -= daily.liabilityPrincipal[d];
  }
  const totals = balanceTotals(portfolio, asOf);
  const exact = (values: number[], total: number) => reconcile(values, total, totals.decimals).map((v) => new Decimal(v));
  return { a: exact(a, totals.assets), l: exact(l, totals.liabilities) };
}

/**
 * Liquidity gap: contractual principal and interest in (assets) and out (liabilities) per bucket.
 * Principal reconciles to the exact balances; interest to its own total rounded to the same unit.
 */
export function liquidityBuckets(portfolio: Portfolio, asOf: SerialDate, edges: Int32Array, options: FlowOptions = {}): TwoSided {
  const lookup = bucketLookup(edges, asOf);
  const K = edges.length + 1; // the last bucket is open
  const daily = dailyFlows(portfolio, asOf, "CONTRACTUAL", options);
  const [inPrincipal, inInterest, outPrincipal, outInterest] = Array.from({ length: 4 }, () => new Array<number>(K).fill(0));
  // A day on which an asset's principal flows out (a forward-starting asset pays its balance at Start, a
  // negative amortiser capitalises interest) counts it as an outflow, and a liability's inflow as an
  // inflow: `crossed` is what moved.
  let crossed = 0;
  for (let d = 0; d <= daily.lastDay; d++) {
    const k = lookup(asOf + d);
    const asset = daily.assetPrincipal[d];
    const liability = daily.liabilityPrincipal[d];
    crossed += Math.max(liability, 0) - Math.min(asset, 0);
    inPrincipal[k] += Math.max(asset, 0) + Math.max(liability, 0);
    outPrincipal[k] -= Math.min(asset, 0) + Math.min(liability, 0);
    inInterest[k] += daily.assetInterest[d];
    outInterest[k] -= daily.liabilityInterest[d];
  }
  const totals = balanceTotals(portfolio, asOf);
  const side = (principal: number[], interest: number[], balances: number) => {
    const p = reconcile(principal, balances, totals.decimals);
    const i = reconcile(interest, interest.reduce((s, v) => s + v, 0), totals.decimals);
    return p.map((v, k) => new Decimal(v).plus(i[k]));
  };
  // Each side's principal is its balances plus what crossed over (both sides gain the same amount).
  return { a: side(inPrincipal, inInterest, totals.assets + crossed), l: side(outPrincipal, outInterest, totals.liabilities + crossed) };
}

/**
 * A non-maturity deposit slotted (docs/methodology/gaps.md §5): non-core overnight, core reconciled to
 * balance × share exactly; per bucket non-core, core, and the totals.
 */
export function nmdBuckets(balance: Amount, share: number, maturity: number, scheme: BucketScheme): { nonCore: Amount[]; core: Amount[]; both: Amount[]; total: { nonCore: Amount; core: Amount } } {
  const slots = nmdSlotting(balance, share, maturity, scheme);
  const decimals = Math.max(2, decimalPlaces([balance]) ?? 6);
  const core = reconcile(slots.core, balance * share, decimals);
  const coreTotal = core.reduce((s, v) => s.plus(v), new Decimal(0));
  const nonCoreTotal = new Decimal(balance).minus(coreTotal);
  const nonCore = scheme.labels.map((_, k) => (k === 0 ? nonCoreTotal : new Decimal(0)));
  return {
    nonCore: nonCore.map((v) => v.toNumber()),
    core,
    both: nonCore.map((v, k) => v.plus(core[k]).toNumber()),
    total: { nonCore: nonCoreTotal.toNumber(), core: coreTotal.toNumber() },
  };
}
