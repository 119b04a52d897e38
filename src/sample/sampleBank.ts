/**
 * The sample bank: a small, realistic banking book for the demo, the task pane's "sample data" and the
 * documentation. A US commercial bank with a euro branch, as of 30 September 2026: about 330 positions
 * (mortgages, consumer and commercial loans, securities, reserves; non-maturity deposits of the three
 * Basel categories, term deposits, bonds issued), a USD and a EUR zero curve, and its Tier 1 capital.
 *
 * Equity is not a position: Basel IRRBB measures exclude CET1 and perpetual own funds without call
 * dates (EBA/GL/2018/02 ¶115; docs/methodology/irrbb.md), and the positions table needs a rate for
 * every row. The bank's capital is given as the Tier 1 figure instead (assets − liabilities of the
 * table, less deductions).
 *
 * The positions are generated at import from a fixed seed with exact arithmetic only (see random.ts),
 * so they are the same on every host. Pure data and tiny helpers: no Node or browser APIs.
 */
import type { SerialDate } from "../engine/types";
import { POSITION_HEADER, PRODUCTS, type Market, type PositionCell, type ProductKind } from "./products";
import { Random } from "./random";

/** Currencies of the sample bank. */
export type SampleCurrency = "USD" | "EUR";
export const SAMPLE_CURRENCIES: readonly SampleCurrency[] = ["USD", "EUR"];

/** 2026-09-30 as an Excel serial. */
export const SAMPLE_AS_OF: SerialDate = 46295;

/**
 * Zero curves as two-column ranges with a header row (the `curve` argument of docs/functions.md: tenor,
 * continuously-compounded zero rate). Illustrative levels, not market data: a USD curve inverted to 2
 * years then upward sloping, and a EUR curve upward sloping from 1.9 %.
 */
export const SAMPLE_CURVES: Readonly<Record<SampleCurrency, readonly (readonly [string, number | string])[]>> = {
  USD: [
    ["Tenor", "Zero rate"],
    ["1M", 0.0392], ["3M", 0.0385], ["6M", 0.0374], ["1Y", 0.036], ["2Y", 0.0348], ["3Y", 0.035],
    ["5Y", 0.0365], ["7Y", 0.0381], ["10Y", 0.0401], ["15Y", 0.042], ["20Y", 0.0428], ["30Y", 0.0421],
  ],
  EUR: [
    ["Tenor", "Zero rate"],
    ["1M", 0.0193], ["3M", 0.0195], ["6M", 0.0197], ["1Y", 0.0201], ["2Y", 0.0211], ["3Y", 0.0222],
    ["5Y", 0.0243], ["7Y", 0.0261], ["10Y", 0.0282], ["15Y", 0.0301], ["20Y", 0.0305], ["30Y", 0.0292],
  ],
};

/** Where each book's products are priced: index and term rates near its curve; US and euro day counts. */
const MARKETS: Readonly<Record<SampleCurrency, Market>> = {
  USD: { asOf: SAMPLE_AS_OF, currency: "USD", shortRate: 0.0385, termRate: 0.0365, bondBasis: 0, moneyBasis: 2 },
  EUR: { asOf: SAMPLE_AS_OF, currency: "EUR", shortRate: 0.0195, termRate: 0.0243, bondBasis: 4, moneyBasis: 2 },
};

/** Reporting currency, and the illustrative rate converting one unit of each currency into it. */
export const REPORTING_CURRENCY: SampleCurrency = "USD";
export const FX_TO_REPORTING: Readonly<Record<SampleCurrency, number>> = { USD: 1, EUR: 1.1 };

/** Tier 1 capital in the reporting currency (the capital the Basel outlier tests compare losses with). */
export const SAMPLE_TIER1 = 410_000_000;

/** One line of the balance sheet: `rows` positions of a product whose balances add up to `total`. */
interface Segment {
  readonly currency: SampleCurrency;
  readonly product: ProductKind;
  readonly rows: number;
  readonly total: number;
}

/** The balance sheet, in millions of each currency: USD assets 4,500 and liabilities 4,120; EUR 550 and 500. */
const SEGMENTS: readonly Segment[] = [
  { currency: "USD", product: "RESERVES", rows: 1, total: 350e6 },
  { currency: "USD", product: "SECURITY", rows: 20, total: 800e6 },
  { currency: "USD", product: "MORTGAGE", rows: 90, total: 1_400e6 },
  { currency: "USD", product: "CONSUMER", rows: 40, total: 450e6 },
  { currency: "USD", product: "COMMERCIAL", rows: 60, total: 1_500e6 },
  { currency: "USD", product: "NMD_TRANSACTIONAL", rows: 12, total: 1_300e6 },
  { currency: "USD", product: "NMD_NONTRANSACTIONAL", rows: 12, total: 1_000e6 },
  { currency: "USD", product: "NMD_WHOLESALE", rows: 8, total: 450e6 },
  { currency: "USD", product: "TERM_DEPOSIT", rows: 45, total: 950e6 },
  { currency: "USD", product: "WHOLESALE_FUNDING", rows: 8, total: 420e6 },
  { currency: "EUR", product: "SECURITY", rows: 8, total: 300e6 },
  { currency: "EUR", product: "COMMERCIAL", rows: 12, total: 250e6 },
  { currency: "EUR", product: "NMD_WHOLESALE", rows: 4, total: 180e6 },
  { currency: "EUR", product: "TERM_DEPOSIT", rows: 10, total: 120e6 },
  { currency: "EUR", product: "WHOLESALE_FUNDING", rows: 2, total: 200e6 },
];

const SEED = 930;
const BALANCE = POSITION_HEADER.indexOf("Balance");
const CURRENCY = POSITION_HEADER.indexOf("Currency");

/**
 * Rows of one segment: generated, then their balances rescaled so that they add up to the segment's
 * total exactly in cents (the largest row takes the rounding remainder).
 */
function segmentRows(rng: Random, segment: Segment): PositionCell[][] {
  const product = PRODUCTS[segment.product];
  const rows = Array.from({ length: segment.rows }, (_, i) =>
    product.make(rng, MARKETS[segment.currency], `${product.prefix}-${segment.currency}-${String(i + 1).padStart(3, "0")}`)
  );
  const drawn = rows.reduce((s, r) => s + (r[BALANCE] as number), 0);
  const totalCents = Math.round(segment.total * 100);
  const balanceCents = rows.map((r) => Math.round(((r[BALANCE] as number) / drawn) * totalCents));
  let largest = 0;
  balanceCents.forEach((c, i) => {
    if (c > balanceCents[largest]) largest = i;
  });
  balanceCents[largest] += totalCents - balanceCents.reduce((s, c) => s + c, 0);
  rows.forEach((r, i) => (r[BALANCE] = balanceCents[i] / 100));
  return rows;
}

function generate(): PositionCell[][] {
  const rng = new Random(SEED);
  return [[...POSITION_HEADER], ...SEGMENTS.flatMap((segment) => segmentRows(rng, segment))];
}

/**
 * The positions table with its header row (the columns of docs/functions.md#the-positions-table),
 * both currencies, as Excel passes a range.
 */
export const SAMPLE_POSITIONS: readonly (readonly PositionCell[])[] = generate();

/** The positions of one currency, with the header row (what a per-currency sheet of the workbook holds). */
export function positionsIn(currency: SampleCurrency): PositionCell[][] {
  return [[...POSITION_HEADER], ...SAMPLE_POSITIONS.slice(1).filter((r) => r[CURRENCY] === currency).map((r) => [...r])];
}

/** Tier 1 expressed in a currency of the bank (for per-currency outlier ratios). */
export function tier1In(currency: SampleCurrency): number {
  return Math.round((SAMPLE_TIER1 / FX_TO_REPORTING[currency]) * 100) / 100;
}

/** Everything a workbook needs to run the sample: positions, curves, as-of date and Tier 1. */
export const sampleBank = {
  name: "Sample Bank (illustrative)",
  asOf: SAMPLE_AS_OF,
  positions: SAMPLE_POSITIONS,
  curves: SAMPLE_CURVES,
  tier1: SAMPLE_TIER1,
  reportingCurrency: REPORTING_CURRENCY,
  currencies: SAMPLE_CURRENCIES,
} as const;
