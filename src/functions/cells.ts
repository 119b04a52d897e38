import { EngineError } from "../engine/errors";
import { fail, isBlank, toMatrix } from "./args";
import { makeExcelError } from "./excelError";
import { messages, type Where } from "./messages";
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
      return cellResult(() => f(value, cellWhere(where, m, i, j)));
    })
  );
}

/** Where one cell of a range is: the range itself when it is a single cell, else its row (and column). */
export function cellWhere(where: Where, m: unknown[][], i: number, j: number): Where {
  if (m.length === 1 && m[0].length === 1) return where;
  return { ...where, row: i + 1, ...(m[0].length > 1 ? { column: String(j + 1) } : {}) };
}

/** Runs one cell's computation; input the user can fix becomes that cell's `#VALUE!` element. */
export function cellResult(compute: () => number): Cell {
  try {
    return compute();
  } catch (error) {
    if (error instanceof EngineError && error.code === "VALUE") return makeExcelError("#VALUE!", error.message);
    throw error;
  }
}
