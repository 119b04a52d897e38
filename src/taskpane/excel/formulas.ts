/**
 * The words of the formulas the add-in writes, pure: its sheets, defined names and charts, number
 * formats, and how a value becomes formula text (literals, ALM calls, a currency's curve).
 */
import type { CalibrationArg } from "../domain/layoutInput";
import type { FloorArg, PlannedCustom } from "../domain/scenarios";

export const SHEETS = { scenarios: "ALM Scenarios", results: "ALM Results" } as const;

export const NAMES = {
  positions: "ALM_Positions",
  asOf: "ALM_AsOf",
  curve: "ALM_Curve",
  currency: "ALM_Currency",
  tier1: "ALM_Tier1",
  /** Several currencies: the curves by currency (header Tenor, then one column per currency). */
  curves: "ALM_Curves",
  /** Several currencies: rates to the reporting currency (Currency, Rate). */
  fx: "ALM_FX",
  /** The own shock sizes range, when the calibration is the bank's own. */
  calibration: "ALM_Calibration",
  custom: (k: number) => `ALM_Custom${k}`,
} as const;

/** The charts' names; with several currencies each currency's section has its own, suffixed by its code. */
export const CHARTS = { deltaEve: "ALM DeltaEVE", repricingGap: "ALM RepricingGap" } as const;

export const FMT = { date: "yyyy-mm-dd", rate: "0.000%", money: "#,##0", pct: "0.00%", bp: "0" } as const;

/** NII horizon of the custom-scenario block, in months (ALM.NII's default). */
export const NII_HORIZON_MONTHS = 12;

/**
 * Text a user typed, as a cell constant: a leading = + - or @ would make Excel read it as a formula, so
 * such text gets Excel's text prefix (an apostrophe).
 */
export function userText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** A text literal inside a formula: quoted, inner quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A number literal inside a formula, in plain decimal notation (no exponent). */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, "");
}

/** `=ALM.NAME(a,b,…)`; trailing omitted (undefined) arguments are dropped, inner ones left empty. */
export function almFormula(name: string, args: readonly (string | undefined)[]): string {
  const list = [...args];
  while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
  return `=ALM.${name}(${list.map((a) => a ?? "").join(",")})`;
}

export function floorLiteral(floor: FloorArg): string {
  return typeof floor === "number" ? numberLiteral(floor) : textLiteral(floor);
}

/** The `calibration` argument: a calibration name, or the name of the own shock sizes range. */
export function calibrationLiteral(calibration: CalibrationArg): string {
  return typeof calibration === "string" ? textLiteral(calibration) : NAMES.calibration;
}

/** How the inputs block shows the calibration. */
export function calibrationText(calibration: CalibrationArg): string {
  return typeof calibration === "string" ? calibration : `own shock sizes (${NAMES.calibration})`;
}

/**
 * One currency's curve out of the curves by currency: the Tenor column and the column headed by the
 * currency code, found by its header, so a column added or moved in the range keeps each formula on its
 * currency. CHOOSECOLS, TAKE and XMATCH are Excel 365 / 2024 functions (dynamic arrays, which spilling
 * custom functions need anyway); Excel reads a blank cell of their result as 0, so the range has no
 * blank rows (the pane checks it).
 */
export function currencyCurve(currency: string): string {
  return `CHOOSECOLS(${NAMES.curves},1,XMATCH(${textLiteral(currency)},TAKE(${NAMES.curves},1)))`;
}

/** The `scenario` argument of a custom scenario: a bp number, or the name of its shift table. */
export function customArg(c: PlannedCustom, tableName: string | undefined): string {
  if (c.arg.kind === "bp") return numberLiteral(c.arg.bp);
  if (tableName === undefined) throw new Error(`the custom scenario ${c.id} has no shift table`);
  return tableName;
}
