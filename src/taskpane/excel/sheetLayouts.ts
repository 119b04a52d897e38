/**
 * What the add-in writes where, pure (no Office): the `ALM Scenarios` and `ALM Results` sheets as cell
 * blocks, the spill areas their formulas need, the defined names the formulas use and the charts.
 * Formulas call the ALM functions with the exact signatures of docs/functions.md over defined names, so
 * the workbook stays refreshable without the pane. Rows and columns are 0-based; `A1` text appears only in
 * formulas. The parts: planTypes.ts (what a plan is made of), formulas.ts (names and formula text),
 * scenarioLayout.ts and resultsLayout.ts (the two sheets).
 */
import { boxOf, qualified } from "./a1";
import type { LayoutInput } from "../domain/layoutInput";
import type { OutputPlan } from "./planTypes";
import { resultsSheetLayout } from "./resultsLayout";
import { scenarioSheetLayout } from "./scenarioLayout";

export type { CalibrationArg, CurveInput, FxInput, LayoutInput } from "../domain/layoutInput";
export * from "./planTypes";
export * from "./formulas";
export * from "./scenarioLayout";
export * from "./resultsLayout";

/** Everything the Output step writes. */
export function outputPlan(input: LayoutInput): OutputPlan {
  const scenarios = scenarioSheetLayout(input);
  const results = resultsSheetLayout(input, scenarios.customTables);
  return { sheets: [scenarios.sheet, results.sheet], names: scenarios.names, charts: results.charts };
}

/** Every formula of a plan with its address, for the pane's "what will be written" list. */
export function planFormulas(plan: OutputPlan): { address: string; formula: string }[] {
  const out: { address: string; formula: string }[] = [];
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      b.cells.forEach((row, i) =>
        row.forEach((v, j) => {
          if (typeof v === "string" && v.startsWith("=")) out.push({ address: qualified(s.sheet, boxOf({ row: b.anchor.row + i, col: b.anchor.col + j }, 1, 1), false), formula: v });
        })
      );
    }
  }
  return out;
}
