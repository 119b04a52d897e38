import { fail } from "./args";
import { messages } from "./messages";
import type { Cell } from "./runner";

/** Excel's grid height: a spilled result may not have more rows. */
export const MAX_SPILL_ROWS = 1048576;

/**
 * A spilled table: the header row (unless `headers` is FALSE) then the rows. An empty table still spills
 * its header, or a single blank row when headers are off, so the formula never returns nothing.
 */
export function table(fn: string, columns: readonly string[], rows: Cell[][], headers: boolean): Cell[][] {
  const out = headers ? [columns.slice() as Cell[], ...rows] : rows;
  if (out.length > MAX_SPILL_ROWS) {
    fail(messages.engine(fn, `the result would have ${out.length} rows, more than Excel's ${MAX_SPILL_ROWS}; summarise (detail FALSE) or split the positions`));
  }
  return out.length ? out : [columns.map(() => "")];
}
