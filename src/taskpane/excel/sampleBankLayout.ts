/**
 * The sample bank as the add-in writes it (pure, no Office): on a new sheet the positions table, the
 * USD and EUR zero curves beside it and the as-of date and Tier 1 the wizard is filled with, as one
 * OutputPlan that the gateway writes through the same transaction as every other output.
 */
import { POSITION_HEADER } from "../../sample/products";
import { SAMPLE_AS_OF, SAMPLE_CURVES, SAMPLE_CURRENCIES, positionsIn, tier1In, type SampleCurrency } from "../../sample/sampleBank";
import { boxOf, type Box } from "./a1";
import { FMT, type CellBlock, type OutputPlan, type SheetPlan } from "./sheetLayouts";

/** The sample bank's sheet and table names; later copies get " (2)", "2", … (see uniqueSheetName). */
export const SAMPLE = { sheet: "ALM Sample Bank", table: "ALMSampleBank", currency: "USD" as SampleCurrency } as const;

/** Excel's limit on the length of a sheet name. */
const MAX_SHEET_NAME = 31;

/**
 * `base`, or `base (2)`, `base (3)`, … : the first name not taken. Excel compares sheet names without
 * regard to case, so `taken` is compared that way.
 */
export function uniqueSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** `base`, or `base2`, `base3`, … : the first name no table or defined name uses (case-insensitive). */
export function uniqueTableName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

/** Where the sample bank's pieces sit on its sheet (0-based): the positions from A1, curves to the right. */
export const SAMPLE_LAYOUT = {
  /** First column of the curves: one empty column after the positions table. */
  curvesLeft: POSITION_HEADER.length + 1,
  /** Columns from one curve to the next (two used, one empty). */
  curveStride: 3,
  /** Curve titles in this row; each curve (with its Tenor / Zero rate header) from the next. */
  curveTitleRow: 0,
  /** Notes (as-of date, Tier 1) under the curves, from this row. */
  notesRow: 16,
} as const;

const SAMPLE_FORMATS: Partial<Record<(typeof POSITION_HEADER)[number], string>> = {
  Balance: "#,##0.00",
  Rate: "0.000%",
  Spread: "0.000%",
  Maturity: FMT.date,
  NextReset: FMT.date,
  Start: FMT.date,
};

export interface SampleBankLayout {
  /** What the gateway writes: the new sheet (all of it data, see CellBlock.data) and the table. */
  readonly plan: OutputPlan;
  readonly sheet: SheetPlan;
  /** The positions table: name and box, header row included. */
  readonly table: { readonly name: string; readonly box: Box };
  /** Each curve's box (its Tenor / Zero rate header row included), as the Curve step reads it. */
  readonly curves: Readonly<Record<SampleCurrency, Box>>;
  readonly currency: SampleCurrency;
  readonly asOf: number;
  readonly tier1: number;
}

/**
 * The sample bank on a new sheet: the USD positions (the columns of
 * docs/functions.md#the-positions-table, header row) from A1, to become the table `table`; to their
 * right, after one empty column, the USD and EUR zero curves, each under a title; under the curves the
 * as-of date and the USD Tier 1 capital the wizard is filled with.
 */
export function sampleBankLayout(sheet: string, table: string): SampleBankLayout {
  const currency = SAMPLE.currency;
  const rows = positionsIn(currency);
  const blocks: CellBlock[] = [];
  const formats = POSITION_HEADER.map((h) => SAMPLE_FORMATS[h] ?? null);
  blocks.push({ anchor: { row: 0, col: 0 }, cells: [rows[0]], bold: true });
  blocks.push({ anchor: { row: 1, col: 0 }, cells: rows.slice(1), formats });
  const L = SAMPLE_LAYOUT;
  const curves = {} as Record<SampleCurrency, Box>;
  SAMPLE_CURRENCIES.forEach((c, i) => {
    const col = L.curvesLeft + i * L.curveStride;
    const curve = SAMPLE_CURVES[c];
    blocks.push({ anchor: { row: L.curveTitleRow, col }, cells: [[`${c} zero curve`]], bold: true });
    blocks.push({ anchor: { row: L.curveTitleRow + 1, col }, cells: [curve[0]], bold: true });
    blocks.push({ anchor: { row: L.curveTitleRow + 2, col }, cells: curve.slice(1), formats: [null, FMT.rate] });
    curves[c] = boxOf({ row: L.curveTitleRow + 1, col }, curve.length, 2);
  });
  const tier1 = tier1In(currency);
  blocks.push({ anchor: { row: L.notesRow, col: L.curvesLeft }, cells: [["Sample bank (illustrative data)"]], bold: true });
  blocks.push({ anchor: { row: L.notesRow + 1, col: L.curvesLeft }, cells: [["As of", SAMPLE_AS_OF]], formats: [null, FMT.date] });
  blocks.push({ anchor: { row: L.notesRow + 2, col: L.curvesLeft }, cells: [[`Tier 1 capital (${currency})`, tier1]], formats: [null, FMT.money] });
  const sheetPlan: SheetPlan = { sheet, blocks: blocks.map((b) => ({ ...b, data: true })), spills: [] };
  const tableBox = boxOf({ row: 0, col: 0 }, rows.length, POSITION_HEADER.length);
  return {
    plan: { sheets: [sheetPlan], names: [], charts: [], tables: [{ sheet, name: table, box: tableBox }], activate: sheet, label: "the sample bank" },
    sheet: sheetPlan,
    table: { name: table, box: tableBox },
    curves,
    currency,
    asOf: SAMPLE_AS_OF,
    tier1,
  };
}
