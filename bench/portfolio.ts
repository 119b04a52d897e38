/**
 * Seeded generators of benchmark inputs in the shape Excel passes them to ALM.* functions: a positions
 * table (header row, then one array of mixed cells per position) of any size with a realistic product
 * mix, and dated amounts for ALM.GAP. Same seed, same data, on every machine.
 */
import { fromYmd } from "../src/engine/time/serialDate";
import type { SerialDate } from "../src/engine/types";
import { POSITION_HEADER, PRODUCTS, type Market, type PositionCell, type ProductKind } from "../src/sample/products";
import { Random, cents } from "../src/sample/random";

/** As-of date of every benchmark: 2026-09-30. */
export const BENCH_AS_OF: SerialDate = fromYmd(2026, 9, 30);

/** USD rates of the benchmark book (the sample bank's levels). */
export const BENCH_MARKET: Market = { asOf: BENCH_AS_OF, currency: "USD", shortRate: 0.0385, termRate: 0.0365, bondBasis: 0, moneyBasis: 2 };

/**
 * Share of rows per product: a retail-heavy bank by count (loans and deposit accounts), with the few
 * large commercial, securities and wholesale lines. Mortgages dominate the number of cash flows (up to
 * 360 monthly payments each).
 */
export const BENCH_MIX: Readonly<Partial<Record<ProductKind, number>>> = {
  MORTGAGE: 0.25,
  CONSUMER: 0.25,
  COMMERCIAL: 0.06,
  SECURITY: 0.02,
  NMD_TRANSACTIONAL: 0.12,
  NMD_NONTRANSACTIONAL: 0.08,
  NMD_WHOLESALE: 0.02,
  TERM_DEPOSIT: 0.197,
  WHOLESALE_FUNDING: 0.003,
};

export interface GenerateOptions {
  readonly seed?: number;
  readonly market?: Market;
  readonly mix?: Readonly<Partial<Record<ProductKind, number>>>;
}

/**
 * A positions table of `n` positions plus its header row (the columns of docs/functions.md#the-positions-table), products drawn with the
 * weights of `mix`. Row i's Id is the product prefix and i (1-based), e.g. MTG0000001.
 */
export function generatePositions(n: number, options: GenerateOptions = {}): PositionCell[][] {
  const rng = new Random(options.seed ?? 20260930);
  const market = options.market ?? BENCH_MARKET;
  const entries = Object.entries(options.mix ?? BENCH_MIX) as [ProductKind, number][];
  const weights = entries.map(([, w]) => w);
  const width = String(n).length;
  const table: PositionCell[][] = new Array(n + 1);
  table[0] = [...POSITION_HEADER];
  for (let i = 1; i <= n; i++) {
    const product = PRODUCTS[entries[rng.weighted(weights)][0]];
    table[i] = product.make(rng, market, `${product.prefix}${String(i).padStart(width, "0")}`);
  }
  return table;
}

/** Dated signed amounts for ALM.GAP, each an n×1 column range as Excel passes it. */
export interface AmountsDates {
  readonly amounts: number[][];
  readonly dates: number[][];
}

/**
 * `n` cash flows: 55 % inflows, amounts with cents from 100 to 1,000,000 (most small), dates from a
 * month before as_of (those fall in the first bucket) to 30 years after it, denser in the near term.
 */
export function generateAmountsDates(n: number, options: { seed?: number; asOf?: SerialDate } = {}): AmountsDates {
  const rng = new Random(options.seed ?? 1);
  const asOf = options.asOf ?? BENCH_AS_OF;
  const amounts: number[][] = new Array(n);
  const dates: number[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const magnitude = cents(rng.skewed(100, 1_000_000));
    amounts[i] = [rng.chance(0.55) ? magnitude : -magnitude];
    const u = rng.next();
    dates[i] = [rng.chance(0.03) ? asOf - rng.int(0, 30) : asOf + 1 + Math.floor(u * u * 30 * 365)];
  }
  return { amounts, dates };
}
