/**
 * Builds small engine portfolios for the IRRBB tests without going through the Excel adapter: each row
 * names only what differs from the defaults of the positions table (docs/functions.md, "The positions
 * table": bullet, annual, fixed, basis 3, beta 1).
 */
import { AMORTIZATIONS, NMD_CATEGORIES, allocatePortfolio, type Amortization, type NmdCategory, type Portfolio } from "../../../src/engine/portfolio/portfolio";
import type { SerialDate } from "../../../src/engine/types";

export interface Row {
  balance: number;
  rate: number;
  maturity?: SerialDate;
  amortization?: Amortization;
  frequency?: number;
  nextReset?: SerialDate;
  resetMonths?: number;
  category?: NmdCategory;
  coreShare?: number;
  coreMaturity?: number;
  cpr?: number;
  tdrr?: number;
  beta?: number;
  start?: SerialDate;
  basis?: number;
  spread?: number;
  cap?: number;
  floor?: number;
}

export function book(rows: readonly Row[]): Portfolio {
  const p = allocatePortfolio(rows.length);
  rows.forEach((r, i) => {
    const amortization = r.amortization ?? "BULLET";
    p.row[i] = i + 2;
    p.balance[i] = r.balance;
    p.rate[i] = r.rate;
    p.maturity[i] = r.maturity ?? 0;
    p.amortization[i] = AMORTIZATIONS.indexOf(amortization);
    const months = 12 / (r.frequency ?? (amortization === "BULLET" ? 1 : 12));
    p.cycleCount[i] = p.principalCount[i] = months;
    p.floating[i] = r.nextReset ? 1 : 0;
    p.nextReset[i] = r.nextReset ?? 0;
    p.resetMonths[i] = r.resetMonths ?? months;
    p.category[i] = r.category ? 1 + NMD_CATEGORIES.indexOf(r.category) : 0;
    p.coreShare[i] = r.coreShare ?? 0;
    p.coreMaturity[i] = r.coreMaturity ?? 0;
    p.cpr[i] = r.cpr ?? 0;
    p.tdrr[i] = r.tdrr ?? 0;
    p.beta[i] = r.beta ?? 1;
    p.start[i] = r.start ?? 0;
    p.basis[i] = r.basis ?? 3;
    if (r.spread !== undefined) {
      p.spread[i] = r.spread;
      p.spreadGiven[i] = 1;
    }
    p.cap[i] = r.cap ?? NaN;
    p.floor[i] = r.floor ?? NaN;
  });
  return p;
}
