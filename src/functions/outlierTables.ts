/**
 * The tables ALM.OUTLIERTEST reads besides positions: the curves of several currencies in one range and
 * the exchange rates (schema/tables.ts). The function reads them straight through; the task pane reads
 * the same way row by row (`eachRow`), so both say the same words for the same cells.
 */
import type { Pillars } from "../engine/curves/interpolatedCurve";
import { fail, isBlank, numberCell, readTenorTable, straight, toMatrix, type RowReader } from "./args";
import { messages, type Where } from "./messages";
import { normalizeHeader } from "./schema/positions";
import { INPUT_TABLES } from "./schema/tables";

/** A three-letter currency code, upper-cased, or undefined. */
export const currencyCode = (v: unknown): string | undefined => (typeof v === "string" && /^[A-Za-z]{3}$/.test(v.trim()) ? v.trim().toUpperCase() : undefined);

/**
 * The `curves` argument: a header row `Tenor` then one currency code per column, and rows of tenor and
 * one zero rate per currency; each currency's column is read as a curve table.
 */
export function parseCurves(raw: unknown, where: Where): Map<string, Pillars> {
  const m = toMatrix(raw, where);
  const header = m[0] ?? [];
  if (m.length < 2 || header.length < 2 || normalizeHeader(header[0]) !== "tenor") {
    fail(messages.shape(where, `got a ${m.length}×${header.length} range; expected a header row Tenor, then one currency code per column, and rows of tenor and zero rates`));
  }
  const curves = new Map<string, Pillars>();
  header.slice(1).forEach((cell, j) => {
    const code = currencyCode(cell) ?? fail(messages.expected({ ...where, row: 1, column: String(j + 2) }, cell, "a currency code such as EUR as the column's header"));
    if (curves.has(code)) fail(messages.expected({ ...where, row: 1, column: String(j + 2) }, cell, "each currency once"));
    const { tenors, values } = readTenorTable(
      m.map((row) => [row[0], row[j + 1]]),
      { ...where, arg: `${where.arg} ${code}` },
      "curve"
    );
    curves.set(code, { times: tenors, zeros: values });
  });
  return curves;
}

/** The `fx` argument: rows of Currency and its rate to the reporting currency (an optional header row, blank rows skipped). */
export function parseFx(raw: unknown, where: Where, eachRow: RowReader = straight): Map<string, number> {
  const m = toMatrix(raw, where);
  const [currencyCol, rateCol] = INPUT_TABLES.fx.columns;
  if (m.length === 0 || m[0].length !== 2) fail(messages.shape(where, `got a ${m.length}×${m[0]?.length ?? 0} range; expected two columns (${currencyCol.name}, ${rateCol.name})`));
  const rates = new Map<string, number>();
  m.forEach(([currency, rate], i) => {
    if (isBlank(currency) && isBlank(rate)) return;
    if (i === 0 && typeof rate === "string" && currencyCode(currency) === undefined) return; // header row
    eachRow(i + 1, () => {
      const w = { ...where, row: i + 1 };
      const code = currencyCode(currency) ?? fail(messages.expected({ ...w, column: currencyCol.name }, currency, currencyCol.expected));
      if (rates.has(code)) fail(messages.expected({ ...w, column: currencyCol.name }, currency, "each currency once"));
      const r = numberCell(rate, { ...w, column: rateCol.name }, rateCol.expected);
      if (!(r > 0)) fail(messages.expected({ ...w, column: rateCol.name }, rate, rateCol.expected));
      rates.set(code, r);
    });
  });
  if (rates.size === 0) fail(messages.shape(where, INPUT_TABLES.fx.empty));
  return rates;
}
