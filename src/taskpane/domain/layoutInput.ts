/**
 * What the wizard hands to the sheet layouts (excel/sheetLayouts.ts) once every step checks out, and
 * what it needs from a range the gateway read. Declared here, in the domain, so the domain never
 * imports the Excel layer; the layer depends on the domain, not the other way round.
 */
import type { FloorArg, PlannedCustom } from "./scenarios";
import type { BaselScenario, Calibration } from "./setup";

/** A range read from the workbook: its sheet-qualified absolute address and its values. */
export interface RangeRead {
  /** Sheet-qualified absolute address, e.g. `Positions!$A$1:$N$21`. */
  readonly address: string;
  readonly values: unknown[][];
}

export type CurveInput =
  | { readonly kind: "range"; readonly ref: string; readonly pillarCount: number }
  | { readonly kind: "pillars"; readonly cells: readonly (readonly [number | string, number])[] };

export interface LayoutInput {
  /** Reference for ALM_Positions without "=": `Table1[#All]` or `Positions!$A$1:$T$50`. */
  readonly positionsRef: string;
  /** Excel serial of the as-of date. */
  readonly asOf: number;
  readonly curve: CurveInput;
  readonly currency: string;
  readonly calibration: Calibration;
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
  };
}
