/**
 * What a write is made of, pure: cell blocks, the spill areas their formulas need, defined names,
 * charts and tables, grouped into one OutputPlan that the gateway writes as one transaction.
 * Rows and columns are 0-based.
 */
import type { Box, CellPos } from "./a1";

/** A cell as the add-in writes it: a number, a boolean, text, or a formula (text starting with "="). */
export type CellValue = string | number | boolean;

export interface CellBlock {
  readonly anchor: CellPos;
  readonly cells: readonly (readonly CellValue[])[];
  /** Number format per column of the block (null: leave as is). */
  readonly formats?: readonly (string | null)[];
  readonly bold?: boolean;
  /**
   * Data the add-in writes once for the user (the sample bank), not output it manages: written as
   * values, and recorded in the ledger as the rectangle written, not cell by cell, so the cells are the
   * user's to edit and are never overwritten without asking.
   */
  readonly data?: boolean;
}

/** The cells a formula at `anchor` spills into (anchor included), kept empty for it. */
export interface SpillArea {
  readonly anchor: CellPos;
  readonly rows: number;
  readonly cols: number;
  readonly formats?: readonly (string | null)[];
}

export interface SheetPlan {
  readonly sheet: string;
  readonly blocks: readonly CellBlock[];
  readonly spills: readonly SpillArea[];
}

export interface NamePlan {
  readonly name: string;
  /** Reference as Excel stores it, with a leading "=". */
  readonly reference: string;
  readonly comment: string;
  /** The sheet whose plan owns the name: writing that sheet again updates or removes it. */
  readonly owner: string;
}

export interface ChartPlan {
  readonly sheet: string;
  readonly name: string;
  readonly type: "ColumnClustered" | "BarClustered";
  readonly title: string;
  readonly seriesName: string;
  readonly values: Box;
  readonly categories: Box;
  readonly from: CellPos;
  readonly to: CellPos;
  readonly categoryTitle: string;
  readonly valueTitle: string;
}

/** An Excel table the add-in makes over cells it writes (header row included). */
export interface TablePlan {
  readonly sheet: string;
  readonly name: string;
  readonly box: Box;
}

/** Everything one write changes; the gateway writes it as one transaction (all of it, or nothing). */
export interface OutputPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  readonly charts: readonly ChartPlan[];
  readonly tables?: readonly TablePlan[];
  /** The sheet to show once the write is done. */
  readonly activate?: string;
  /** What the user asked for, as messages name it ("the sample bank"); "the write" when absent. */
  readonly label?: string;
}
