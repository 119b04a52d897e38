/**
 * The wizard's setup: everything the user chose or typed, kept as typed (text stays text until it is
 * written), so nothing is lost when a value does not validate yet. It is saved in the workbook settings
 * and restored when the pane reopens.
 */

import { INTERPOLATIONS, type Interpolation } from "../../engine/curves/interpolatedCurve";
import { CALIBRATIONS, type Calibration } from "../../engine/irrbb/calibrations";
import { FLOOR_NAMES, type FloorName } from "../../engine/irrbb/floors";
import { BASEL_SCENARIOS, type BaselScenario } from "../../engine/irrbb/scenarios";
import { OUTLIER_METHODS, OUTLIER_RULES, type OutlierMethod, type OutlierRule } from "../../functions/schema/choices";

// The choice lists are the functions' own (each declared once, where the engine defines its meaning).
export { BASEL_SCENARIOS, CALIBRATIONS, INTERPOLATIONS, type BaselScenario, type Calibration, type Interpolation };

/** The floor choices the functions accept by name, plus a floor rate the user types (RATE). */
export type FloorKind = FloorName | "RATE";
export const FLOOR_KINDS: readonly FloorKind[] = [...FLOOR_NAMES, "RATE"];

/** ALM.OUTLIERTEST's `method` and `rule` choices, as the functions declare them. */
export { OUTLIER_METHODS, OUTLIER_RULES, type OutlierMethod, type OutlierRule };

export type PositionsSource = { kind: "table"; name: string } | { kind: "range"; address: string };

export interface PositionsSetup {
  /** "table" or "range": which picker the user is using. */
  sourceKind: "table" | "range";
  tableName: string;
  rangeAddress: string;
  /** As-of date as ISO text yyyy-mm-dd (what a date input holds), or "". */
  asOf: string;
  /** The user's column choices: field → header text ("" for not used); detected columns otherwise. */
  columnChoices: Record<string, string>;
}

export interface PillarRow {
  id: string;
  tenor: string;
  /** Zero rate in percent, as typed. */
  ratePct: string;
}

export interface CurveSetup {
  sourceKind: "range" | "pillars";
  rangeAddress: string;
  pillars: PillarRow[];
  interpolation: Interpolation;
  /**
   * The curves of a book in several currencies: one range with the header `Tenor`, then one column of
   * zero rates per currency code (ALM.OUTLIERTEST's `curves`). Used instead of the fields above when the
   * positions hold more than one currency.
   */
  curvesAddress: string;
}

/** Exchange rates to the reporting currency, for a book in several currencies. */
export interface FxSetup {
  /** The currency results are converted to (Tier 1 is in it), as typed. */
  reporting: string;
  /** "typed": one rate per currency typed in the pane; "range": a two-column range (Currency, Rate). */
  sourceKind: "typed" | "range";
  rangeAddress: string;
  /** Units of the reporting currency per unit of each currency, as typed, by currency code. */
  rates: Record<string, string>;
}

export type CustomScenario =
  | { id: string; kind: "parallel"; name: string; bp: string }
  | { id: string; kind: "twist"; name: string; shortBp: string; longBp: string; pivot: string }
  | { id: string; kind: "keyrate"; name: string; tenor: string; bp: string }
  | { id: string; kind: "ramp"; name: string; bp: string; months: string };

export type CustomKind = CustomScenario["kind"];

/** A published calibration, or the bank's own shock sizes in a range (OWN). */
export type CalibrationKind = Calibration | "OWN";
export const CALIBRATION_KINDS: readonly CalibrationKind[] = [...CALIBRATIONS, "OWN"];

export interface ScenarioSetup {
  currency: string;
  calibration: CalibrationKind;
  /** The own shock sizes (header Currency, Parallel, Short, Long in bp) when calibration is OWN. */
  ownSizesAddress: string;
  basel: BaselScenario[];
  custom: CustomScenario[];
  floor: FloorKind;
  /** Floor rate in percent when floor is RATE, as typed. */
  floorRatePct: string;
}

export interface OutputSetup {
  /** Tier 1 capital, as typed; blank for none. */
  tier1: string;
  deltaEve: boolean;
  standardEve: boolean;
  deltaNii: boolean;
  repricingGap: boolean;
  charts: boolean;
  /** Several currencies: write ALM.OUTLIERTEST, with its method and aggregation rule. */
  outlierTest: boolean;
  method: OutlierMethod;
  rule: OutlierRule;
}

export interface Setup {
  version: 1;
  positions: PositionsSetup;
  curve: CurveSetup;
  fx: FxSetup;
  scenarios: ScenarioSetup;
  output: OutputSetup;
}

export const SETUP_VERSION = 1;

const DEFAULT_TENORS = ["3M", "1Y", "2Y", "5Y", "10Y", "30Y"];

export function defaultSetup(): Setup {
  return {
    version: 1,
    positions: { sourceKind: "table", tableName: "", rangeAddress: "", asOf: "", columnChoices: {} },
    curve: {
      sourceKind: "range",
      rangeAddress: "",
      pillars: DEFAULT_TENORS.map((tenor, i) => ({ id: `p${i + 1}`, tenor, ratePct: "" })),
      interpolation: "LINEAR",
      curvesAddress: "",
    },
    fx: { reporting: "", sourceKind: "typed", rangeAddress: "", rates: {} },
    scenarios: {
      currency: "EUR",
      calibration: "BCBS2024",
      ownSizesAddress: "",
      basel: [...BASEL_SCENARIOS],
      custom: [],
      floor: "NONE",
      floorRatePct: "",
    },
    output: { tier1: "", deltaEve: true, standardEve: true, deltaNii: true, repricingGap: true, charts: true, outlierTest: true, method: "FULL", rule: "BCBS" },
  };
}

export function positionsSource(p: PositionsSetup): PositionsSource | null {
  if (p.sourceKind === "table") return p.tableName.trim() ? { kind: "table", name: p.tableName.trim() } : null;
  return p.rangeAddress.trim() ? { kind: "range", address: p.rangeAddress.trim() } : null;
}

const str = (v: unknown, fallback: string): string => (typeof v === "string" ? v : fallback);
const bool = (v: unknown, fallback: boolean): boolean => (typeof v === "boolean" ? v : fallback);
const oneOf = <T extends string>(v: unknown, list: readonly T[], fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);
const obj = (v: unknown): Record<string, unknown> => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const strings = (v: unknown): Record<string, string> => Object.fromEntries(Object.entries(obj(v)).filter((e): e is [string, string] => typeof e[1] === "string"));

function readCustom(v: unknown, i: number): CustomScenario | null {
  const o = obj(v);
  const id = str(o.id, `c${i + 1}`);
  const name = str(o.name, "");
  switch (o.kind) {
    case "parallel":
      return { id, kind: "parallel", name, bp: str(o.bp, "") };
    case "twist":
      return { id, kind: "twist", name, shortBp: str(o.shortBp, ""), longBp: str(o.longBp, ""), pivot: str(o.pivot, "") };
    case "keyrate":
      return { id, kind: "keyrate", name, tenor: str(o.tenor, ""), bp: str(o.bp, "") };
    case "ramp":
      return { id, kind: "ramp", name, bp: str(o.bp, ""), months: str(o.months, "") };
    default:
      return null;
  }
}

/**
 * A setup read back from the workbook, made whole: unknown fields dropped, missing ones defaulted, so an
 * older or hand-edited setting never breaks the pane. Returns null for something that is not a setup.
 */
export function restoreSetup(raw: unknown): Setup | null {
  const o = obj(raw);
  if (o.version !== SETUP_VERSION) return null;
  const d = defaultSetup();
  const p = obj(o.positions);
  const c = obj(o.curve);
  const s = obj(o.scenarios);
  const fx = obj(o.fx);
  const out = obj(o.output);
  const pillars = Array.isArray(c.pillars)
    ? c.pillars.map((row, i) => {
        const r = obj(row);
        return { id: str(r.id, `p${i + 1}`), tenor: str(r.tenor, ""), ratePct: str(r.ratePct, "") };
      })
    : d.curve.pillars;
  return {
    version: 1,
    positions: {
      sourceKind: oneOf(p.sourceKind, ["table", "range"] as const, d.positions.sourceKind),
      tableName: str(p.tableName, ""),
      rangeAddress: str(p.rangeAddress, ""),
      asOf: str(p.asOf, ""),
      columnChoices: strings(p.columnChoices),
    },
    curve: {
      sourceKind: oneOf(c.sourceKind, ["range", "pillars"] as const, d.curve.sourceKind),
      rangeAddress: str(c.rangeAddress, ""),
      pillars,
      interpolation: oneOf(c.interpolation, INTERPOLATIONS, "LINEAR"),
      curvesAddress: str(c.curvesAddress, ""),
    },
    fx: {
      reporting: str(fx.reporting, ""),
      sourceKind: oneOf(fx.sourceKind, ["typed", "range"] as const, d.fx.sourceKind),
      rangeAddress: str(fx.rangeAddress, ""),
      rates: strings(fx.rates),
    },
    scenarios: {
      currency: str(s.currency, d.scenarios.currency),
      calibration: oneOf(s.calibration, CALIBRATION_KINDS, "BCBS2024"),
      ownSizesAddress: str(s.ownSizesAddress, ""),
      basel: Array.isArray(s.basel) ? BASEL_SCENARIOS.filter((b) => (s.basel as unknown[]).includes(b)) : d.scenarios.basel,
      custom: Array.isArray(s.custom) ? s.custom.map(readCustom).filter((x): x is CustomScenario => x !== null) : [],
      floor: oneOf(s.floor, FLOOR_KINDS, "NONE"),
      floorRatePct: str(s.floorRatePct, ""),
    },
    output: {
      tier1: str(out.tier1, ""),
      deltaEve: bool(out.deltaEve, true),
      standardEve: bool(out.standardEve, true),
      deltaNii: bool(out.deltaNii, true),
      repricingGap: bool(out.repricingGap, true),
      charts: bool(out.charts, true),
      outlierTest: bool(out.outlierTest, true),
      method: oneOf(out.method, OUTLIER_METHODS, "FULL"),
      rule: oneOf(out.rule, OUTLIER_RULES, "BCBS"),
    },
  };
}

/** A fresh id for a list item, unique within `taken`. */
export function nextId(prefix: string, taken: readonly { id: string }[]): string {
  let n = taken.length + 1;
  const ids = new Set(taken.map((t) => t.id));
  while (ids.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}
