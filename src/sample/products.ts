/**
 * Position rows of typical banking-book products, in the positions-table shape of docs/getting-started.md
 * as Excel passes it to a function: one array of cells per row, numbers for amounts, rates and date serials,
 * text for codes, "" for a blank cell. Shared by the sample bank and the benchmark's portfolio
 * generator, so both exercise the same product mix. Pure: no Node or browser APIs.
 */
import { NMD_CAPS, type NmdCategory } from "../engine/portfolio/portfolio";
import { addMonths } from "../engine/time/serialDate";
import type { Rate, SerialDate } from "../engine/types";
import { POSITION_COLUMN_NAMES, type PositionColumnName } from "../functions/schema/positions";
import { Random, cents, rateOf } from "./random";

/** Column headers of a generated positions table: every column the schema declares, in its order. */
export const POSITION_HEADER = POSITION_COLUMN_NAMES;
export type PositionColumn = PositionColumnName;

/** A cell of a positions table: a number or text; "" is a blank cell. */
export type PositionCell = number | string;
export type PositionRow = PositionCell[];

const COLUMN_INDEX = Object.fromEntries(POSITION_HEADER.map((c, j) => [c, j])) as Record<PositionColumn, number>;

/** One row from named cells; every other column is blank. */
function row(cells: Partial<Record<PositionColumn, PositionCell>>): PositionRow {
  const out: PositionRow = new Array<PositionCell>(POSITION_HEADER.length).fill("");
  for (const [column, value] of Object.entries(cells) as [PositionColumn, PositionCell][]) out[COLUMN_INDEX[column]] = value;
  return out;
}

/** The rate environment products are priced off. */
export interface Market {
  readonly asOf: SerialDate;
  readonly currency: string;
  /** Short (3-month) money-market index the floaters reset on. */
  readonly shortRate: Rate;
  /** Medium-term (5-year) swap rate fixed-rate products are priced off. */
  readonly termRate: Rate;
  /** Day count of the currency's loans and bonds (Excel basis code): 0 (30/360 US) for USD, 4 (30E/360) for EUR. */
  readonly bondBasis: number;
  /** Day count of money-market floaters: 2 (Actual/360). */
  readonly moneyBasis: number;
}

export type ProductKind =
  | "RESERVES"
  | "MORTGAGE"
  | "CONSUMER"
  | "COMMERCIAL"
  | "SECURITY"
  | "NMD_TRANSACTIONAL"
  | "NMD_NONTRANSACTIONAL"
  | "NMD_WHOLESALE"
  | "TERM_DEPOSIT"
  | "WHOLESALE_FUNDING";

/**
 * An original term of `term` months of which `remaining` (1..term) are left: maturity a whole number of
 * months after as_of, moved by up to two weeks so that maturities spread over the month, and the
 * origination date `term` months before maturity (never after as_of).
 */
function dates(rng: Random, market: Market, term: number, remaining: number): { start: SerialDate; maturity: SerialDate } {
  const maturity = addMonths(market.asOf, remaining) + rng.int(-14, 14);
  return { maturity, start: Math.min(market.asOf, addMonths(maturity, -term)) };
}

/** First reset after as_of of a floater resetting every `months` months from `start`, at the latest `maturity`. */
function nextReset(market: Market, start: SerialDate, maturity: SerialDate, months: number): SerialDate {
  for (let k = 1; ; k++) {
    const reset = addMonths(start, k * months);
    if (reset > market.asOf) return Math.min(reset, maturity);
  }
}

const bp = (x: number) => Math.round(x * 1e4) / 1e4;

/** Fixed-rate or adjustable residential mortgages: monthly annuities of 15–30 years, most prepaying. */
function mortgage(rng: Random, m: Market, id: string): PositionRow {
  const term = 12 * rng.pick([15, 20, 25, 30]);
  const { start, maturity } = dates(rng, m, term, rng.int(12, term));
  const common = { Id: id, Side: "A", Balance: cents(rng.skewed(60_000, 900_000)), Maturity: maturity, Amortization: "ANNUITY", Frequency: 12, Basis: m.bondBasis, Start: start, Currency: m.currency };
  const cpr = rng.chance(0.6) ? bp(rng.uniform(0.03, 0.12)) : "";
  if (rng.chance(0.15)) {
    const spread = bp(rng.uniform(0.02, 0.0275));
    return row({ ...common, Rate: rateOf(m.shortRate + spread), Type: "FLOATING", NextReset: nextReset(m, start, maturity, 12), ResetMonths: 12, Spread: spread, CPR: cpr });
  }
  return row({ ...common, Rate: rateOf(m.termRate + rng.uniform(0.005, 0.03)), Type: "FIXED", CPR: cpr });
}

/** Consumer instalment loans of 1–7 years, linear or annuity, monthly. */
function consumer(rng: Random, m: Market, id: string): PositionRow {
  const term = rng.int(12, 84);
  const { start, maturity } = dates(rng, m, term, rng.int(1, term));
  return row({
    Id: id, Side: "A", Balance: cents(rng.skewed(1_500, 60_000)), Rate: rateOf(m.termRate + rng.uniform(0.03, 0.11)), Maturity: maturity,
    Type: "FIXED", Amortization: rng.chance(0.5) ? "LINEAR" : "ANNUITY", Frequency: 12, Basis: 3, CPR: rng.chance(0.3) ? bp(rng.uniform(0.05, 0.2)) : "",
    Start: start, Currency: m.currency,
  });
}

/** Commercial loans: mostly floaters paying and resetting quarterly on the money-market index, 1–7 years. */
function commercial(rng: Random, m: Market, id: string): PositionRow {
  const term = 12 * rng.int(1, 7);
  const { start, maturity } = dates(rng, m, term, rng.int(1, term));
  const common = { Id: id, Side: "A", Balance: cents(rng.skewed(250_000, 25_000_000)), Maturity: maturity, Start: start, Currency: m.currency };
  if (rng.chance(0.85)) {
    const spread = bp(rng.uniform(0.0125, 0.035));
    return row({
      ...common, Rate: rateOf(m.shortRate + spread), Type: "FLOATING", Amortization: rng.chance(0.5) ? "BULLET" : "LINEAR", Frequency: 4,
      NextReset: nextReset(m, start, maturity, 3), ResetMonths: 3, Spread: spread, Basis: m.moneyBasis,
    });
  }
  return row({ ...common, Rate: rateOf(m.termRate + rng.uniform(0.015, 0.04)), Type: "FIXED", Amortization: "ANNUITY", Frequency: 4, Basis: m.bondBasis });
}

/** Government and agency bonds held to collect: bullets of 6 months to 10 years with fixed coupons. */
function security(rng: Random, m: Market, id: string): PositionRow {
  const term = rng.pick([24, 36, 60, 84, 120]);
  const { start, maturity } = dates(rng, m, term, rng.int(6, term));
  return row({
    Id: id, Side: "A", Balance: cents(Math.round(rng.skewed(1_000, 50_000)) * 1_000), Rate: rateOf(Math.round((m.termRate + rng.uniform(-0.015, 0.01)) * 800) / 800),
    Maturity: maturity, Type: "FIXED", Amortization: "BULLET", Frequency: m.currency === "USD" ? 2 : 1, Basis: 1, Start: start, Currency: m.currency,
  });
}

/** Reserves at the central bank, repaid and repriced overnight. */
function reserves(_rng: Random, m: Market, id: string): PositionRow {
  return row({ Id: id, Side: "A", Balance: 1_000_000, Rate: rateOf(m.shortRate + 0.0005), Maturity: m.asOf + 1, Type: "FIXED", Amortization: "BULLET", Basis: m.moneyBasis, Currency: m.currency });
}

/**
 * A pool of non-maturity deposits of one Basel category with its core share and core maturity drawn
 * within the category's caps (SRP31 Table 4), an administered rate paying a share (`rate`) of the
 * money-market index, and a partial pass-through of rate moves (`beta`).
 */
function nmd(category: NmdCategory, size: [number, number], rate: [number, number], beta: [number, number]) {
  const caps = NMD_CAPS[category];
  return (rng: Random, m: Market, id: string): PositionRow =>
    row({
      Id: id, Side: "L", Balance: cents(rng.skewed(size[0], size[1])), Rate: rateOf(m.shortRate * rng.uniform(rate[0], rate[1])),
      Category: category, CoreShare: Math.floor(rng.uniform(0.5, 1) * caps.coreShare * 100) / 100, CoreMaturity: Math.floor(rng.uniform(0.6, 1) * caps.coreMaturity * 10) / 10,
      Beta: Math.round(rng.uniform(beta[0], beta[1]) * 100) / 100, Currency: m.currency,
    });
}

/** Retail term deposits, 3 months to 5 years, interest paid at maturity or yearly, some redeemed early. */
function termDeposit(rng: Random, m: Market, id: string): PositionRow {
  const term = rng.pick([3, 6, 12, 12, 24, 36, 60]);
  const { start, maturity } = dates(rng, m, term, rng.int(1, term));
  return row({
    Id: id, Side: "L", Balance: cents(rng.skewed(10_000, 1_500_000)), Rate: rateOf(m.shortRate - 0.006 + (term / 60) * 0.008 + rng.uniform(-0.002, 0.002)), Maturity: maturity,
    Type: "FIXED", Amortization: "BULLET", Frequency: 1, Basis: 3, TDRR: rng.chance(0.4) ? bp(rng.uniform(0.02, 0.1)) : "", Beta: Math.round(rng.uniform(0.6, 0.9) * 100) / 100,
    Start: start, Currency: m.currency,
  });
}

/** Senior unsecured bonds issued by the bank: fixed semi-annual coupons, or quarterly floating-rate notes. */
function wholesaleFunding(rng: Random, m: Market, id: string): PositionRow {
  const term = rng.pick([24, 36, 60, 84, 120]);
  const { start, maturity } = dates(rng, m, term, rng.int(3, term));
  const common = { Id: id, Side: "L", Balance: cents(Math.round(rng.skewed(50, 1_500)) * 100_000), Maturity: maturity, Amortization: "BULLET", Start: start, Currency: m.currency };
  if (rng.chance(0.3)) {
    const spread = bp(rng.uniform(0.006, 0.015));
    return row({ ...common, Rate: rateOf(m.shortRate + spread), Type: "FLOATING", Frequency: 4, NextReset: nextReset(m, start, maturity, 3), ResetMonths: 3, Spread: spread, Basis: m.moneyBasis });
  }
  return row({ ...common, Rate: rateOf(Math.round((m.termRate + rng.uniform(0.003, 0.012)) * 800) / 800), Type: "FIXED", Frequency: 2, Basis: m.bondBasis });
}

/** The generator of each product, and the letter its ids start with. */
export const PRODUCTS: Readonly<Record<ProductKind, { readonly prefix: string; readonly make: (rng: Random, market: Market, id: string) => PositionRow }>> = {
  RESERVES: { prefix: "CB", make: reserves },
  MORTGAGE: { prefix: "MTG", make: mortgage },
  CONSUMER: { prefix: "CON", make: consumer },
  COMMERCIAL: { prefix: "COM", make: commercial },
  SECURITY: { prefix: "SEC", make: security },
  NMD_TRANSACTIONAL: { prefix: "NMDT", make: nmd("NMD_RETAIL_TRANSACTIONAL", [100_000, 5_700_000], [0, 0.1], [0.05, 0.25]) },
  NMD_NONTRANSACTIONAL: { prefix: "NMDS", make: nmd("NMD_RETAIL_NONTRANSACTIONAL", [100_000, 7_700_000], [0.3, 0.8], [0.3, 0.6]) },
  NMD_WHOLESALE: { prefix: "NMDW", make: nmd("NMD_WHOLESALE", [100_000, 20_000_000], [0.6, 0.95], [0.6, 0.9]) },
  TERM_DEPOSIT: { prefix: "TD", make: termDeposit },
  WHOLESALE_FUNDING: { prefix: "WF", make: wholesaleFunding },
};

/** Column index of a header in generated rows. */
export const columnIndex = (column: PositionColumn): number => COLUMN_INDEX[column];
