/**
 * Terminal formatting of the demo: aligned tables (money with thousands separators, ratios as percents,
 * From/To serials as dates) and short amounts for one-line readings.
 */
import { toIso } from "../src/engine/time/serialDate";

/** An error object as functionsById throws or returns it (a per-cell error inside a table). */
export interface ErrorCell {
  readonly code: string;
  readonly message: string;
}

export function isErrorCell(value: unknown): value is ErrorCell {
  return typeof value === "object" && value !== null && typeof (value as ErrorCell).code === "string" && (value as ErrorCell).code.startsWith("#");
}

const MINUS = "\u2212";

/** A header that holds ratios (0.07 shown as 7.0 %). */
const isRatioHeader = (header: string) => header.includes("%");
/** A header that holds dates (Excel serials). */
const isDateHeader = (header: string) => header === "From" || header === "To" || header === "Date";

function money(x: number, decimals = 0): string {
  const text = Math.abs(x).toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return (x < 0 && Number(text.replace(/,/g, "")) !== 0 ? MINUS : "") + text;
}

/** A ratio as a signed percent with one decimal: −11.8 %. */
export function percent(x: number): string {
  return `${money(100 * x, 1)} %`;
}

/** An amount in millions with one decimal and its currency: −48.3 m USD. */
export function millions(x: number, currency: string): string {
  return `${money(x / 1e6, 1)} m ${currency}`;
}

function cellText(value: unknown, header: string): string {
  if (isErrorCell(value)) return value.code;
  if (typeof value === "number") {
    if (isDateHeader(header) && Number.isInteger(value) && value > 60) return toIso(value);
    if (isRatioHeader(header)) return percent(value);
    return money(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value ?? "");
}

/** A table with a header row as aligned text: text left-aligned, numbers right-aligned. */
export function renderTable(table: readonly (readonly unknown[])[]): string {
  if (table.length === 0) return "(empty)";
  const headers = table[0].map((h) => String(h));
  const rows = table.map((row, i) => row.map((v, j) => (i === 0 ? String(v) : cellText(v, headers[j]))));
  const numeric = headers.map((_, j) => table.slice(1).some((r) => typeof r[j] === "number"));
  const widths = headers.map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (numeric[j] ? c.padStart(widths[j]) : c.padEnd(widths[j]))).join("  ").trimEnd();
  return [line(rows[0]), widths.map((w) => "-".repeat(w)).join("  "), ...rows.slice(1).map(line)].join("\n");
}
