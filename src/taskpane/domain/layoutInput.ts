/**
 * What the wizard hands to the sheet layouts (excel/sheetLayouts.ts) once every step checks out, and
 * what it needs from a range the gateway read. Declared here, in the domain, so the domain never
 * imports the Excel layer; the layer depends on the domain, not the other way round.
 */
import type { FloorArg, PlannedCustom } from "./scenarios";
import type { BaselScenario, Calibration, OutlierMethod, OutlierRule } from "./setup";

/** A range read from the workbook: its sheet-qualified absolute address and its values. */
export interface RangeRead {
  /** Sheet-qualified absolute address, e.g. `Positions!$A$1:$N$21`. */
  readonly address: string;
  readonly values: unknown[][];
}

/** Exchange rates to the reporting currency: the user's range, or rates typed in the pane (written as a table). */
export type FxInput = { readonly kind: "range"; readonly ref: string } | { readonly kind: "typed"; readonly rows: readonly (readonly [string, number])[] };

export type CurveInput =
  | { readonly kind: "range"; readonly ref: string; readonly pillarCount: number }
  | { readonly kind: "pillars"; readonly cells: readonly (readonly [number | string, number])[] }
  /**
   * A book in several currencies: the curves range (header `Tenor`, then one column per currency),
   * the currencies of the positions (one result section each) and the exchange rates.
   */
  | { readonly kind: "byCurrency"; readonly ref: string; readonly pillarCount: number; readonly currencies: readonly string[]; readonly fx: FxInput };

/** The `calibration` argument: a published table's name, or the user's own shock sizes range. */
export type CalibrationArg = Calibration | { readonly kind: "own"; readonly ref: string };

export interface LayoutInput {
  /** Reference for ALM_Positions without "=": `Table1[#All]` or `Positions!$A$1:$T$50`. */
  readonly positionsRef: string;
  /** Excel serial of the as-of date. */
  readonly asOf: number;
  readonly curve: CurveInput;
  /** The scenario currency; with curves by currency, the reporting currency (Tier 1 is in it). */
  readonly currency: string;
  readonly calibration: CalibrationArg;
  readonly floor: FloorArg;
  readonly basel: readonly BaselScenario[];
  readonly custom: readonly PlannedCustom[];
  readonly tier1: number | null;
  readonly outputs: {
    readonly deltaEve: boolean;
    readonly standardEve: boolean;
    readonly deltaNii: boolean;
    readonly repricingGap: boolean;
    readonly charts: boolean;
    /** ALM.OUTLIERTEST across the currencies (curves by currency only), or null. */
    readonly outlier: { readonly method: OutlierMethod; readonly rule: OutlierRule } | null;
  };
}
