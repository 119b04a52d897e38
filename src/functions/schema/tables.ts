/**
 * The small input tables other than positions, declared once: which arguments take each, its columns
 * with what each cell must hold, and what a one-cell value means instead. The functions read the tenor
 * tables with these words (cells.ts `readTenorTable`), the task pane checks a curve range with the same
 * reader, and docs/functions.md ("Input tables") is generated from this list.
 */
import type { CellKind } from "./positions";

export interface TableColumn {
  /** As messages and the docs name it ("tenor", "zero rate"). */
  readonly name: string;
  readonly kind: CellKind | "tenor";
  /** What a cell of the column must hold, as a message ends: "expected <expected>". */
  readonly expected: string;
}

export interface InputTable {
  readonly title: string;
  /** The arguments that take the table today, as `FUNCTION(arg)` or `arg` for every function that has it. */
  readonly acceptedBy: readonly string[];
  readonly columns: readonly TableColumn[];
  /** What a single cell given instead of the table means. */
  readonly single?: string;
  readonly doc: string;
  /** The end of the message for a table with no data row ("holds no …"). */
  readonly empty: string;
}

const TENOR: TableColumn = { name: "tenor", kind: "tenor", expected: "a tenor in years or tenor text such as 6M or 5Y" };

export const INPUT_TABLES = {
  curve: {
    title: "Curve",
    acceptedBy: ["curve", "curve_or_yield"],
    columns: [TENOR, { name: "zero rate", kind: "rate", expected: "a zero rate as a decimal (0.035 for 3.5 %)" }],
    single: "a flat continuously-compounded zero rate",
    doc: "Continuously-compounded zero rates by tenor, tenors increasing; an optional header row; fully blank rows are skipped.",
    empty: "holds no pillars; expected at least one row of tenor and zero rate",
  },
  shifts: {
    title: "Scenario shifts",
    acceptedBy: ["scenario"],
    columns: [TENOR, { name: "shift", kind: "number", expected: "a shift in basis points (25 for +0.25 %)" }],
    single: "a scenario name, a number of basis points (a parallel shift), or blank (no shock)",
    doc: "A custom shock: a shift in basis points by tenor, linear between tenors and flat beyond both ends; an optional header row; fully blank rows are skipped.",
    empty: "holds no shift points; expected rows of tenor and shift in bp",
  },
  calibration: {
    title: "Own shock sizes",
    acceptedBy: ["calibration"],
    columns: [
      { name: "Currency", kind: "text", expected: "a three-letter currency code" },
      { name: "Parallel", kind: "number", expected: "the parallel shock in basis points" },
      { name: "Short", kind: "number", expected: "the short-rate shock in basis points" },
      { name: "Long", kind: "number", expected: "the long-rate shock in basis points" },
    ],
    single: "a calibration name (BCBS2024, BCBS2016, EU); one row of three numbers (Parallel, Short, Long in bp) applies to any currency",
    doc: "The bank's own shock sizes by currency (SRP31.93), for currencies outside the published tables.",
    empty: "holds no currency; expected rows of Currency, Parallel, Short, Long",
  },
  fx: {
    title: "FX rates",
    acceptedBy: ["fx"],
    columns: [
      { name: "Currency", kind: "text", expected: "a three-letter currency code" },
      { name: "Rate", kind: "number", expected: "units of the reporting currency per unit of the currency, above 0" },
    ],
    doc: "Rates to the reporting currency, one row per currency.",
    empty: "holds no rate; expected rows of Currency and Rate",
  },
  fixings: {
    title: "Index fixings",
    acceptedBy: ["index"],
    columns: [
      { name: "Date", kind: "date", expected: "a fixing date (an Excel date or ISO text)" },
      { name: "Rate", kind: "rate", expected: "the index rate as a decimal" },
    ],
    single: "a curve instead: the forward for each reset period",
    doc: "Published fixings of a floating-rate index, dates increasing; a reset takes the latest fixing on or before its observation date.",
    empty: "holds no fixing; expected rows of Date and Rate",
  },
} as const satisfies Record<string, InputTable>;

export type InputTableId = keyof typeof INPUT_TABLES;
