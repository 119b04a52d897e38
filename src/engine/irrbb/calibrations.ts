import type { Bp } from "../types";

/**
 * Specified interest-rate shock sizes of the Basel IRRBB standardised framework, as data. Each table maps
 * a currency to its parallel, short and long shock in basis points (docs/methodology/irrbb.md §1).
 */
export interface ShockSizes {
  readonly parallel: Bp;
  readonly short: Bp;
  readonly long: Bp;
}

/**
 * `BCBS2024`: the recalibration of BCBS d578 (July 2024), SRP31.90 as in force from 1 January 2026 (default).
 * `BCBS2016`: BCBS d368 (April 2016) Annex 2 Table 1, SRP31.90 before 2026.
 * `EU`: Commission Delegated Regulation (EU) 2024/856, Annex Part A — the 2016 table plus six EU currencies.
 */
export type Calibration = "BCBS2024" | "BCBS2016" | "EU";
export const CALIBRATIONS: readonly Calibration[] = ["BCBS2024", "BCBS2016", "EU"];
export const DEFAULT_CALIBRATION: Calibration = "BCBS2024";

type Table = Readonly<Record<string, ShockSizes>>;

/** Builds a table from rows of [currency, parallel, short, long]. */
function table(rows: readonly (readonly [string, Bp, Bp, Bp])[]): Table {
  return Object.freeze(Object.fromEntries(rows.map(([c, parallel, short, long]) => [c, Object.freeze({ parallel, short, long })])));
}

/**
 * BCBS d368 (April 2016), Annex 2 Table 1 (SRP31.90 before 1 January 2026). Read in Commission Delegated
 * Regulation (EU) 2024/856, Annex Part A, which carries every BCBS currency with these values. Note IDR
 * long = 350.
 */
const BCBS2016_ROWS = [
  ["ARS", 400, 500, 300], ["AUD", 300, 450, 200], ["BRL", 400, 500, 300], ["CAD", 200, 300, 150],
  ["CHF", 100, 150, 100], ["CNY", 250, 300, 150], ["EUR", 200, 250, 100], ["GBP", 250, 300, 150],
  ["HKD", 200, 250, 100], ["IDR", 400, 500, 350], ["INR", 400, 500, 300], ["JPY", 100, 100, 100],
  ["KRW", 300, 400, 200], ["MXN", 400, 500, 300], ["RUB", 400, 500, 300], ["SAR", 200, 300, 150],
  ["SEK", 200, 300, 150], ["SGD", 150, 200, 100], ["TRY", 400, 500, 300], ["USD", 200, 300, 150],
  ["ZAR", 400, 500, 300],
] as const;

/**
 * BCBS d578 (16 July 2024), SRP31.90 effective 1 January 2026: calibration window January 2000 –
 * December 2023, 99.9th percentile of six-month changes, rounded to 25 bp. Read in OSFI Guideline B-12,
 * Annex 1 Table 1, tagged [Basel Framework, SRP 31.90].
 */
const BCBS2024_ROWS = [
  ["ARS", 400, 500, 300], ["AUD", 350, 425, 300], ["BRL", 400, 500, 300], ["CAD", 200, 275, 175],
  ["CHF", 175, 250, 200], ["CNY", 225, 300, 150], ["EUR", 225, 350, 200], ["GBP", 275, 425, 250],
  ["HKD", 225, 375, 200], ["IDR", 400, 500, 300], ["INR", 325, 475, 225], ["JPY", 100, 100, 100],
  ["KRW", 225, 350, 225], ["MXN", 400, 500, 200], ["RUB", 400, 500, 300], ["SAR", 275, 375, 250],
  ["SEK", 275, 425, 200], ["SGD", 175, 250, 225], ["TRY", 400, 500, 300], ["USD", 200, 300, 225],
  ["ZAR", 325, 500, 300],
] as const;

/** Currencies only the EU table carries: Commission Delegated Regulation (EU) 2024/856, Annex Part A. */
const EU_ONLY_ROWS = [
  ["BGN", 250, 350, 150], ["CZK", 200, 250, 100], ["DKK", 200, 250, 150], ["HUF", 300, 450, 200],
  ["PLN", 250, 350, 150], ["RON", 350, 500, 250],
] as const;

/** The shock tables by calibration. */
export const SHOCK_TABLES: Readonly<Record<Calibration, Table>> = Object.freeze({
  BCBS2024: table(BCBS2024_ROWS),
  BCBS2016: table(BCBS2016_ROWS),
  EU: table([...BCBS2016_ROWS, ...EU_ONLY_ROWS]),
});

/**
 * Currencies a calibration carries, alphabetically.
 * @example currencies("EU").length //=> 27
 */
export function currencies(calibration: Calibration): string[] {
  return Object.keys(SHOCK_TABLES[calibration]).sort();
}

/**
 * Shock sizes of a currency under a calibration, or undefined when the table does not carry it
 * (SRP31.93: the bank then estimates its own; the adapters ask for a listed currency).
 * @example shockSizes("EUR", "BCBS2024") //=> { parallel: 225, short: 350, long: 200 }
 */
export function shockSizes(currency: string, calibration: Calibration = DEFAULT_CALIBRATION): ShockSizes | undefined {
  const key = currency.trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(SHOCK_TABLES[calibration], key) ? SHOCK_TABLES[calibration][key] : undefined;
}

/**
 * The bank's own shock sizes (SRP31.93, for currencies outside the published tables): by currency, or
 * one set that applies to any currency.
 */
export type OwnSizes =
  | { readonly kind: "OWN"; readonly byCurrency: Readonly<Record<string, ShockSizes>> }
  | { readonly kind: "OWN_ANY"; readonly sizes: ShockSizes };

/** What a `calibration` argument selects: a published table or the bank's own sizes. */
export type CalibrationChoice = Calibration | OwnSizes;

/**
 * Shock sizes of a currency under a published or own calibration, or undefined when it has none.
 * @example sizesFor({ kind: "OWN_ANY", sizes: { parallel: 150, short: 200, long: 100 } }, "NOK") //=> { parallel: 150, short: 200, long: 100 }
 */
export function sizesFor(choice: CalibrationChoice, currency: string): ShockSizes | undefined {
  if (typeof choice === "string") return shockSizes(currency, choice);
  if (choice.kind === "OWN_ANY") return choice.sizes;
  const key = currency.trim().toUpperCase();
  return Object.prototype.hasOwnProperty.call(choice.byCurrency, key) ? choice.byCurrency[key] : undefined;
}

/** The currencies a calibration carries (alphabetically), or "any" for one set of own sizes. */
export function currenciesOf(choice: CalibrationChoice): string[] | "any" {
  if (typeof choice === "string") return currencies(choice);
  return choice.kind === "OWN_ANY" ? "any" : Object.keys(choice.byCurrency).sort();
}

/** How messages name a calibration: its name, or "own shock sizes". */
export function calibrationName(choice: CalibrationChoice): string {
  return typeof choice === "string" ? choice : "own shock sizes";
}
