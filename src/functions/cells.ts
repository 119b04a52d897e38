import { EngineError } from "../engine/errors";
import { fail, isBlank, parseCurve, toMatrix, type RowReader } from "./args";
import { makeExcelError } from "./excelError";
import { at, messages, type Where } from "./messages";
import type { Cell } from "./runner";

/**
 * Applies `f` to every cell of a scalar-or-range argument and returns a result of the same shape.
 * Blank cells stay blank (`""`); a cell `f` rejects becomes a `#VALUE!` element naming its row, so one
 * bad cell does not hide the others.
 */
export function mapCells(raw: unknown, where: Where, f: (value: unknown, where: Where) => number): Cell[][] {
  const m = toMatrix(raw, where);
  if (m.length === 0) fail(messages.missing(where));
  return m.map((row, i) =>
    row.map((value, j): Cell => {
      if (isBlank(value)) return "";
      const w = cellWhere(where, m, i, j);
      return cellResult(() => f(value, w), w);
    })
  );
}

/** Where one cell of a range is: the range itself when it is a single cell, else its row (and column). */
export function cellWhere(where: Where, m: unknown[][], i: number, j: number): Where {
  if (m.length === 1 && m[0].length === 1) return where;
  return { ...where, row: i + 1, ...(m[0].length > 1 ? { column: String(j + 1) } : {}) };
}

/**
 * Runs one row's (or one table's) check and returns the input problem it raised, if any, instead of
 * throwing it: the task pane's validation report lists every bad row with the functions' own messages.
 */
export function rowIssue(check: () => unknown): EngineError | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    if (error instanceof EngineError && error.code === "VALUE") return error;
    throw error;
  }
}

/**
 * Runs one cell's computation; input the user can fix becomes that cell's `#VALUE!` element, its message
 * naming the function and the cell (`where`) when the engine's own message does not.
 */
export function cellResult(compute: () => number, where: Where): Cell {
  try {
    return compute();
  } catch (error) {
    if (error instanceof EngineError && error.code === "VALUE") {
      return makeExcelError("#VALUE!", error.message.startsWith("ALM.") ? error.message : `${at(where)}: ${error.message}`);
    }
    throw error;
  }
}

/** A problem found while checking a range: its message names the argument, the row and the column. */
export interface RangeIssue {
  /** 1-based row within the range; absent for a problem with the range as a whole. */
  readonly row?: number;
  readonly message: string;
}

/** A row reader that records each row's problem and goes on with the next row. */
export function collectRows(issues: RangeIssue[], limit = 100): RowReader {
  return (row, read) => {
    if (issues.length >= limit) return;
    const issue = rowIssue(read);
    if (issue) issues.push({ row, message: issue.message });
  };
}

/** Every problem the functions would report for a curve range, row by row (the task pane's check). */
export function curveIssues(raw: unknown, where: Where): RangeIssue[] {
  const issues: RangeIssue[] = [];
  const whole = rowIssue(() => parseCurve(raw, where, collectRows(issues)));
  if (whole && !issues.some((i) => i.message === whole.message)) issues.push({ message: whole.message });
  return issues;
}
