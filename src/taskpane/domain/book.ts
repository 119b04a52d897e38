/**
 * A book in several currencies (docs/taskpane.md, "Several currencies"): the currencies of the positions
 * table's `Currency` column, the curves by currency (ALM.OUTLIERTEST's `curves`: a header row `Tenor`
 * then one column of zero rates per currency code) and the exchange rates to the reporting currency
 * (its `fx`: Currency, Rate). Each currency's curve is checked with the functions' own curve reader and
 * the FX rates with their cell reader and message catalogue, so the pane and the formulas say the same
 * words.
 */
import { isBlank } from "../../functions/args";
import { collectRows, rowIssue, type RangeIssue } from "../../functions/cells";
import { parseFx } from "../../functions/outlierTables";
import { parseCurveRange, parseNumber, type CurvePillars } from "./curve";
import { effectiveMapping } from "./positions";
import { isCurrencyCode } from "./scenarios";
import type { FxSetup } from "./setup";

/** A currency code as the functions compare them: trimmed, upper case. */
export const currencyKey = (v: unknown): string => String(v ?? "").trim().toUpperCase();

export interface BookCurrencies {
  /** The distinct codes of the `Currency` column, alphabetically; empty without the column. */
  readonly currencies: readonly string[];
  /** Rows (1-based within the range, the header being row 1) whose Currency cell is blank. */
  readonly blankRows: readonly number[];
}

/** The currencies of a positions range (header row first), found through the column mapping. */
export function bookCurrencies(values: readonly (readonly unknown[])[], choices: Readonly<Record<string, string>>): BookCurrencies {
  const col = effectiveMapping(values[0] ?? [], choices).Currency ?? null;
  if (col === null) return { currencies: [], blankRows: [] };
  const found = new Set<string>();
  const blankRows: number[] = [];
  values.slice(1).forEach((row, i) => {
    if (row.every(isBlank)) return;
    if (isBlank(row[col])) blankRows.push(i + 2);
    else found.add(currencyKey(row[col]));
  });
  return { currencies: [...found].sort(), blankRows };
}

/** A problem with a range the pane checks: the row within the range (1-based; 0 for the whole range). */
export interface RangeProblem {
  readonly row: number;
  readonly message: string;
}

export interface CurrencyCurve {
  readonly currency: string;
  readonly curve: CurvePillars;
}

export type CurvesParse = { ok: true; curves: readonly CurrencyCurve[]; pillars: number } | { ok: false; problems: readonly RangeProblem[] };

const TENOR_HEADER = "TENOR";

/**
 * The curves range: the header row (`Tenor`, then a currency code per column), then one row per
 * tenor. Each currency's two columns (tenor, its zero rates) are read by the functions' curve reader.
 * A fully blank row is refused: the per-currency formulas take a currency's column with CHOOSECOLS,
 * and Excel turns blank cells of an array into zeros.
 */
export function parseCurvesRange(values: readonly (readonly unknown[])[]): CurvesParse {
  const header = values[0] ?? [];
  if (currencyKey(header[0]) !== TENOR_HEADER) {
    return { ok: false, problems: [{ row: 1, message: `the first cell must be the header Tenor, then one currency code per column (found ${isBlank(header[0]) ? "an empty cell" : `"${String(header[0])}"`})` }] };
  }
  const problems: RangeProblem[] = [];
  const columns: { currency: string; col: number }[] = [];
  header.slice(1).forEach((h, j) => {
    const col = j + 1;
    // Columns are numbered within the range from 1 (the Tenor column), as the functions number them.
    const code = currencyKey(h);
    if (isBlank(h)) problems.push({ row: 1, message: `column ${col + 1} has no currency code in the header row; give it one, or leave the column out of the range` });
    else if (!isCurrencyCode(code)) problems.push({ row: 1, message: `the header of column ${col + 1}, "${String(h)}", is not a three-letter currency code` });
    else if (columns.some((c) => c.currency === code)) problems.push({ row: 1, message: `${code} heads two columns; give each currency one column` });
    else columns.push({ currency: code, col });
  });
  if (header.length < 2) problems.push({ row: 1, message: "the header row has no currency code after Tenor" });
  values.forEach((r, i) => {
    if (i > 0 && r.every(isBlank)) {
      problems.push({ row: i + 1, message: "the row is blank; the per-currency formulas pass each currency's column through CHOOSECOLS, where Excel reads a blank cell as 0, so pick the range without blank rows" });
    }
  });
  const curves: CurrencyCurve[] = [];
  const seen = new Set(problems.map((p) => `${p.row}\u0000${p.message}`));
  for (const { currency, col } of columns) {
    const r = parseCurveRange(values.map((row) => [row[0], row[col]]));
    if (r.ok) {
      curves.push({ currency, curve: r.curve });
      continue;
    }
    // A tenor problem is the same in every currency's pair of columns: it is listed once.
    for (const p of r.issues) {
      const message = p.message.replace(/^column zero rate\b/, `column ${currency}`);
      if (seen.has(`${p.row}\u0000${message}`)) continue;
      seen.add(`${p.row}\u0000${message}`);
      problems.push({ row: p.row, message });
    }
  }
  if (problems.length > 0) return { ok: false, problems: [...problems].sort((a, b) => a.row - b.row) };
  return { ok: true, curves, pillars: values.length - 1 };
}

/** Exchange rates: currency code → units of the reporting currency per unit. */
export type FxRates = ReadonlyMap<string, number>;
export type FxParse = { ok: true; rates: FxRates } | { ok: false; problems: readonly RangeProblem[] };

/** The function and argument the FX check is made as (ALM.OUTLIERTEST's `fx`); stripped from the messages shown. */
const FX_WHERE = { fn: "OUTLIERTEST", arg: "fx" } as const;
const stripFx = (message: string) => message.replace(/^ALM\.OUTLIERTEST fx(, row \d+)?(, |: )/, "");

/**
 * An FX range (Currency, Rate) read by ALM.OUTLIERTEST's own `fx` reader, row by row, so the pane lists
 * every bad row with the functions' words.
 */
export function parseFxRange(values: readonly (readonly unknown[])[]): FxParse {
  const issues: RangeIssue[] = [];
  let rates: FxRates | undefined;
  const whole = rowIssue(() => (rates = parseFx(values as unknown[][], FX_WHERE, collectRows(issues))));
  const problems: RangeProblem[] = issues.map((i) => ({ row: i.row ?? 0, message: stripFx(i.message) }));
  if (whole && issues.length === 0) problems.push({ row: 0, message: stripFx(whole.message) });
  return problems.length > 0 || rates === undefined ? { ok: false, problems } : { ok: true, rates };
}

/** Rates typed in the pane: one per currency other than the reporting one, which has rate 1. */
export function parseTypedFx(fx: Pick<FxSetup, "rates">, reporting: string, currencies: readonly string[]): { rates: FxRates; problems: { currency: string; message: string }[] } {
  const rates = new Map<string, number>([[reporting, 1]]);
  const problems: { currency: string; message: string }[] = [];
  for (const c of currencies) {
    if (c === reporting) continue;
    const text = fx.rates[c] ?? "";
    const n = parseNumber(text);
    if (n === undefined || !(n > 0)) problems.push({ currency: c, message: `The rate of ${c} must be a positive number of ${reporting} per ${c}${text.trim() ? ` (got "${text}")` : ""}` });
    else rates.set(c, n);
  }
  return { rates, problems };
}

/** What an FX table lacks for the book: currencies without a rate, and a reporting rate other than 1. */
export function fxGaps(rates: FxRates, reporting: string, currencies: readonly string[]): string[] {
  const out: string[] = [];
  const missing = currencies.filter((c) => !rates.has(c));
  if (missing.length > 0) out.push(`no rate for ${missing.join(", ")}, ${missing.length > 1 ? "currencies" : "a currency"} of the positions`);
  const own = rates.get(reporting);
  if (own !== undefined && own !== 1) out.push(`${reporting} is the reporting currency, so its rate must be 1 (found ${own})`);
  return out;
}
