/**
 * What each table function spills, declared once: its columns (the header row it writes) and how many
 * rows follow the header. The functions build their tables with these columns, and the task pane
 * reserves exactly this many cells for each formula it writes (src/taskpane/excel/sheetLayouts.ts).
 */
import { BASEL_BUCKETS } from "../../engine/gap/buckets";
import { BASEL_SCENARIOS, SCENARIO_SETS } from "../../engine/irrbb/scenarios";
import { FLAT_CURVE_TENORS } from "../../engine/irrbb/shock";

/** What the number of result rows depends on. */
export interface ShapeInput {
  /** Buckets of the bucket scheme (19 for BASEL). */
  readonly buckets?: number;
  /** Tenors of a curve (for SHOCK: the base curve's pillars; a one-pillar curve is laid on the Basel midpoints). */
  readonly tenors?: number;
  /** Tenors given to ALM.SHOCK's [tenors] argument (then its rows, whatever the curve). */
  readonly shockTenors?: number;
  /** Currencies of an ALM.OUTLIERTEST table (one column each, in this order). */
  readonly currencies?: readonly string[];
  /** Scenarios of a ΔNII table. */
  readonly scenarios?: number;
  /** Whether a Tier 1 amount was given (adds a column or a row). */
  readonly tier1?: boolean;
}

export interface OutputShape {
  readonly columns: (input: ShapeInput) => readonly string[];
  /** Rows after the header row. */
  readonly rows: (input: ShapeInput) => number;
}

const need = (value: number | undefined, what: string): number => {
  if (value === undefined) throw new Error(`the shape needs the number of ${what}`);
  return value;
};

const fixed = (columns: readonly string[], rows: (input: ShapeInput) => number): OutputShape => ({ columns: () => columns, rows });

const GAP_COLUMNS = ["Bucket", "From", "To", "Assets", "Liabilities", "Gap", "Cumulative gap"] as const;

/** BASE, the six Basel scenarios, then one summary row (WORST or MAX). */
const EVE_ROWS = 1 + BASEL_SCENARIOS.length + 1;

/** The six EVE scenarios, the two NII ones (the NII set), then MAX EVE and MAX NII. */
const OUTLIER_ROWS = BASEL_SCENARIOS.length + SCENARIO_SETS.NII.length + 2;

export const OUTPUTS = {
  KRD: fixed(["Key tenor", "KRD", "DV01"], (i) => need(i.tenors, "key tenors")),
  BOOTSTRAP: fixed(["Tenor", "Zero rate"], (i) => need(i.tenors, "tenors")),
  BUCKETS: fixed(["Bucket", "From", "To", "Midpoint"], (i) => need(i.buckets, "buckets")),
  GAP: fixed(GAP_COLUMNS, (i) => need(i.buckets, "buckets") + 1),
  REPRICINGGAP: fixed(GAP_COLUMNS, (i) => need(i.buckets, "buckets") + 1),
  LIQUIDITYGAP: fixed(["Bucket", "From", "To", "Inflows", "Outflows", "Net", "Cumulative net"], (i) => need(i.buckets, "buckets") + 1),
  NMD: fixed(["Bucket", "From", "To", "Non-core", "Core", "Total"], (i) => need(i.buckets, "buckets") + 1),
  SHOCKSIZES: fixed(["Parallel", "Short", "Long"], () => 1),
  SHOCK: fixed(["Tenor", "Zero rate"], (i) => i.shockTenors ?? (need(i.tenors, "tenors") === 1 ? FLAT_CURVE_TENORS.length : need(i.tenors, "tenors"))),
  DELTAEVE: fixed(["Scenario", "EVE", "ΔEVE", "ΔEVE % of base"], () => EVE_ROWS),
  STANDARDEVE: fixed(["Scenario", "EVE", "EVE loss", "% of Tier 1"], () => EVE_ROWS),
  DELTANII: {
    columns: (i) => ["Scenario", "NII", "ΔNII", "ΔNII % of base", ...(i.tier1 ? ["ΔNII % of Tier 1"] : [])],
    rows: (i) => 1 + need(i.scenarios, "scenarios") + (i.tier1 ? 1 : 0),
  },
  OUTLIERTEST: {
    columns: (i) => {
      if (i.currencies === undefined) throw new Error("the shape needs the currencies");
      return ["Measure", "Scenario", ...i.currencies, "Aggregate", "% of Tier 1", "Outlier"];
    },
    rows: () => OUTLIER_ROWS,
  },
} as const satisfies Record<string, OutputShape>;

export type TableFunction = keyof typeof OUTPUTS;

/** Buckets of the default (BASEL) scheme, and scenarios of the default ΔNII set. */
export const DEFAULT_BUCKETS = BASEL_BUCKETS.labels.length;
export const DEFAULT_NII_SCENARIOS = SCENARIO_SETS.NII.length;

/** The header row of a table function's result. */
export function columnsOf(fn: TableFunction, input: ShapeInput = {}): string[] {
  return [...OUTPUTS[fn].columns(input)];
}

/** The cells a formula of `fn` spills into, header row included. */
export function spillSize(fn: TableFunction, input: ShapeInput): { rows: number; cols: number } {
  const shape = OUTPUTS[fn];
  return { rows: 1 + shape.rows(input), cols: shape.columns(input).length };
}
