
/**
 * How principal is repaid: all at maturity (ACTUS PAM), level instalments of principal and interest (ANN),
 * equal principal payments (LAM), or a fixed instalment of which interest is paid first, so that the
 * principal part may be negative, the rest at maturity (NAM).
 */
export type Amortization = "BULLET" | "ANNUITY" | "LINEAR" | "NEGATIVE";
export const AMORTIZATIONS: readonly Amortization[] = ["BULLET", "ANNUITY", "LINEAR", "NEGATIVE"];


/** Non-maturity deposit categories of the Basel standardised framework (SRP31.108–31.112). */
export type NmdCategory = "NMD_RETAIL_TRANSACTIONAL" | "NMD_RETAIL_NONTRANSACTIONAL" | "NMD_WHOLESALE";
export const NMD_CATEGORIES: readonly NmdCategory[] = ["NMD_RETAIL_TRANSACTIONAL", "NMD_RETAIL_NONTRANSACTIONAL", "NMD_WHOLESALE"];

/**
 * Caps on core deposits per category (d368 ¶¶109–115 Table 2; SRP31 Table 4; docs/methodology/gaps.md §5):
 * the share of the balance that may be core, and the average maturity of core in years.
 */
export const NMD_CAPS: Readonly<Record<NmdCategory, { coreShare: number; coreMaturity: number }>> = {
  NMD_RETAIL_TRANSACTIONAL: { coreShare: 0.9, coreMaturity: 5 },
  NMD_RETAIL_NONTRANSACTIONAL: { coreShare: 0.7, coreMaturity: 4.5 },
  NMD_WHOLESALE: { coreShare: 0.5, coreMaturity: 4 },
};

/** Payments per year a position's Frequency may give as a number. */
export const FREQUENCIES = [1, 2, 4, 6, 12] as const;

/**
 * A book of positions held column by column (struct of arrays), so that 10^6 positions cost a few
 * typed arrays rather than 10^6 objects. Index i is the i-th position; `row[i]` is its 1-based row in
 * the source range (for messages). Balances are signed: assets positive, liabilities negative.
 */
export interface Portfolio {
  readonly size: number;
  readonly row: Int32Array;
  readonly balance: Float64Array;
  readonly rate: Float64Array;
  /** Final maturity serial; 0 for non-maturity deposits. */
  readonly maturity: Int32Array;
  readonly floating: Uint8Array;
  /** Index into AMORTIZATIONS. */
  readonly amortization: Uint8Array;
  /** Interest cycle: `cycleCount` units of `cycleUnit` (CYCLE_MONTHS or CYCLE_DAYS of time/schedule.ts). */
  readonly cycleCount: Uint16Array;
  readonly cycleUnit: Uint8Array;
  /** Principal cycle, the interest cycle unless the table gives PrincipalFrequency. */
  readonly principalCount: Uint16Array;
  readonly principalUnit: Uint8Array;
  /** Anchors (unadjusted first schedule dates) of the interest and principal schedules; 0 when not given. */
  readonly firstPayment: Int32Array;
  readonly firstPrincipal: Int32Array;
  /** 1 where an odd period is merged with its neighbour into a long one (Stub LONG, ACTUS L0). */
  readonly longStub: Uint8Array;
  /** Index into BUSINESS_DAY_CONVENTIONS and CALENDARS. */
  readonly businessDay: Uint8Array;
  readonly calendar: Uint8Array;
  /** 1 where a schedule anchored on a month end stays on month ends (EndOfMonth EOM). */
  readonly endOfMonth: Uint8Array;
  /** Periodic principal payment or instalment, signed like the balance; NaN for the default. */
  readonly redemption: Float64Array;
  /** Interest accrued before as_of, signed like the balance; NaN where the schedule's own accrual applies. */
  readonly accrued: Float64Array;
  /** Floaters: the factor on the index (default 1) and the business days the index is observed before a reset. */
  readonly multiplier: Float64Array;
  readonly fixingDays: Uint16Array;
  /** Next repricing serial for floaters, 0 otherwise. */
  readonly nextReset: Int32Array;
  readonly resetMonths: Float64Array;
  readonly spread: Float64Array;
  /** 1 where the table gives a Spread (a floater's margin is then that spread). */
  readonly spreadGiven: Uint8Array;
  /** Bounds on the client rate a position renews at; NaN where the table gives none. */
  readonly cap: Float64Array;
  readonly floor: Float64Array;
  /** Index into DAY_COUNTS_BY_BASIS (Excel basis code). */
  readonly basis: Uint8Array;
  /** 0 for ordinary positions, else 1 + index into NMD_CATEGORIES. */
  readonly category: Uint8Array;
  readonly coreShare: Float64Array;
  readonly coreMaturity: Float64Array;
  readonly cpr: Float64Array;
  readonly tdrr: Float64Array;
  readonly beta: Float64Array;
  /** Origination serial, 0 when unknown; after as_of for a forward-starting position. */
  readonly start: Int32Array;
  readonly id: readonly string[];
  readonly currency: readonly string[];
}

/** An empty portfolio of a given size, every column at its default. */
export function allocatePortfolio(size: number): Portfolio & { id: string[]; currency: string[] } {
  return {
    size,
    row: new Int32Array(size),
    balance: new Float64Array(size),
    rate: new Float64Array(size),
    maturity: new Int32Array(size),
    floating: new Uint8Array(size),
    amortization: new Uint8Array(size),
    cycleCount: new Uint16Array(size),
    cycleUnit: new Uint8Array(size),
    principalCount: new Uint16Array(size),
    principalUnit: new Uint8Array(size),
    firstPayment: new Int32Array(size),
    firstPrincipal: new Int32Array(size),
    longStub: new Uint8Array(size),
    businessDay: new Uint8Array(size),
    calendar: new Uint8Array(size),
    endOfMonth: new Uint8Array(size),
    redemption: new Float64Array(size).fill(NaN),
    accrued: new Float64Array(size).fill(NaN),
    multiplier: new Float64Array(size).fill(1),
    fixingDays: new Uint16Array(size),
    nextReset: new Int32Array(size),
    resetMonths: new Float64Array(size),
    spread: new Float64Array(size),
    spreadGiven: new Uint8Array(size),
    cap: new Float64Array(size).fill(NaN),
    floor: new Float64Array(size).fill(NaN),
    basis: new Uint8Array(size).fill(3),
    category: new Uint8Array(size),
    coreShare: new Float64Array(size),
    coreMaturity: new Float64Array(size),
    cpr: new Float64Array(size),
    tdrr: new Float64Array(size),
    beta: new Float64Array(size).fill(1),
    start: new Int32Array(size),
    id: new Array<string>(size).fill(""),
    currency: new Array<string>(size).fill(""),
  };
}

/**
 * The positions at `indices` as a portfolio of their own (every column copied), e.g. one currency's rows
 * of a table read once.
 */
export function selectPositions(p: Portfolio, indices: readonly number[]): Portfolio {
  const out = allocatePortfolio(indices.length);
  const columns = Object.keys(out).filter((k) => k !== "size") as (keyof Portfolio)[];
  for (const key of columns) {
    const from = p[key] as ArrayLike<unknown>;
    const to = out[key] as unknown as { [i: number]: unknown };
    indices.forEach((i, k) => (to[k] = from[i]));
  }
  return out;
}
