import { lcr } from "../../engine/liquidity/lcr";
import { fail, isBlank, numberCell, toMatrix, type ArgSpec } from "../args";
import { cellWhere } from "../cells";
import { messages } from "../messages";
import { defineFunction } from "../runner";

/** An amount ≥ 0 given as one number or a range whose numbers are summed (blank cells count 0). */
const amountArg = (name: string): ArgSpec<number> => ({
  name,
  parse: (raw, where) => {
    const m = toMatrix(raw, where);
    let sum = 0;
    m.forEach((row, i) =>
      row.forEach((v, j) => {
        if (isBlank(v)) return;
        const w = cellWhere(where, m, i, j);
        const x = numberCell(v, w, "an amount ≥ 0");
        if (x < 0) fail(messages.expected(w, x, "an amount ≥ 0 (enter outflows and haircut-free market values as positive numbers)"));
        sum += x;
      })
    );
    return sum;
  },
});

const LCR = defineFunction(
  "LCR",
  [amountArg("level1"), amountArg("level2a"), amountArg("level2b"), amountArg("outflows"), amountArg("inflows")],
  (level1, level2a, level2b, outflows, inflows) => lcr({ level1, level2a, level2b }, outflows, inflows)
);

/**
 * Liquidity coverage ratio (BCBS 238): HQLA after haircuts (0/15/50 %) and caps (Level 2 ≤ 40 %, Level 2B ≤ 15 % of HQLA) over outflows − min(inflows, 75 % of outflows).
 * @customfunction LCR
 * @param level1 Level 1 assets at market value (a number or a range to sum).
 * @param level2a Level 2A assets at market value, before the 15 % haircut.
 * @param level2b Level 2B assets at market value, before the 50 % haircut.
 * @param outflows Stressed cash outflows over 30 days (positive).
 * @param inflows Stressed cash inflows over 30 days (positive); capped at 75 % of outflows.
 * @returns LCR as a ratio (1.25 is 125 %).
 * @example =ALM.LCR(120, 40, 20, 200, 100) returns (120 + 0.85·40 + 0.5·20) / (200 − 100) = 1.64
 */
export function lcrFn(level1: any[][], level2a: any[][], level2b: any[][], outflows: any[][], inflows: any[][]): number {
  return LCR(level1, level2a, level2b, outflows, inflows);
}
