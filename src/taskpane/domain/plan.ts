/**
 * From what the user set up to what the add-in writes: checks every step and, when nothing blocks,
 * builds the layout input of sheetLayouts. Problems are reported per step with the field they concern,
 * in words a user can act on.
 */
import { fromYmd } from "../../engine/time/serialDate";
import { parseCurveRange, parseNumber, parsePillarRows, type CurvePillars } from "./curve";
import { effectiveMapping, validatePositions, type ValidationReport } from "./positions";
import { isCurrencyCode, planCustom, planFloor, type FloorArg, type PlannedCustom } from "./scenarios";
import type { Setup } from "./setup";
import type { LayoutInput, RangeRead } from "./layoutInput";

export const STEPS = ["positions", "curve", "scenarios", "output"] as const;
export type StepId = (typeof STEPS)[number];

export interface Issue {
  readonly step: StepId;
  /** The control the issue is about (its id in the pane), when there is one. */
  readonly field?: string;
  readonly message: string;
  /** Blocking issues stop the write; others are warnings. */
  readonly blocking: boolean;
}

export interface ReadState {
  readonly positions: RangeRead | null;
  readonly curve: RangeRead | null;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Excel serial of an ISO date (yyyy-mm-dd), or undefined when it is not a valid date after 1900-03-01. */
export function isoToSerial(iso: string): number | undefined {
  const m = ISO.exec(iso.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate() || y < 1900 || y > 9999) return undefined;
  const serial = fromYmd(y, mo, d);
  return serial > 60 ? serial : undefined;
}

export interface CurveCheck {
  readonly curve: CurvePillars | null;
  readonly issues: readonly Issue[];
}

export function checkCurve(setup: Setup, read: ReadState): CurveCheck {
  const c = setup.curve;
  if (c.sourceKind === "range") {
    if (!c.rangeAddress.trim()) return { curve: null, issues: [{ step: "curve", field: "curve-range", message: "Pick the range that holds the curve (tenor and zero rate).", blocking: true }] };
    if (!read.curve) return { curve: null, issues: [{ step: "curve", field: "curve-range", message: "Read the curve range.", blocking: true }] };
    const r = parseCurveRange(read.curve.values);
    if (!r.ok) return { curve: null, issues: r.issues.map((i) => ({ step: "curve", field: "curve-range", message: i.row ? `Row ${i.row} of ${read.curve?.address}: ${i.message}.` : `The curve range ${i.message}.`, blocking: true })) };
    return { curve: r.curve, issues: [] };
  }
  const r = parsePillarRows(c.pillars);
  if (!r.ok) return { curve: null, issues: r.issues.map((i) => ({ step: "curve", field: i.row ? `pillar-${c.pillars[i.row - 1]?.id}` : "pillars", message: i.row ? `Pillar ${i.row}: ${i.message}.` : `The curve: ${i.message}.`, blocking: true })) };
  return { curve: r.curve, issues: [] };
}

export function positionsReport(setup: Setup, read: ReadState): ValidationReport | null {
  if (!read.positions) return null;
  const header = read.positions.values[0] ?? [];
  return validatePositions(read.positions.values, effectiveMapping(header, setup.positions.columnChoices), isoToSerial(setup.positions.asOf));
}

export interface ScenarioCheck {
  readonly custom: readonly PlannedCustom[];
  readonly floor: FloorArg | null;
  readonly issues: readonly Issue[];
}

export function checkScenarios(setup: Setup): ScenarioCheck {
  const s = setup.scenarios;
  const issues: Issue[] = [];
  if (!isCurrencyCode(s.currency)) issues.push({ step: "scenarios", field: "currency", message: "Currency must be a three-letter code such as EUR or USD.", blocking: true });
  const custom: PlannedCustom[] = [];
  s.custom.forEach((c, i) => {
    const r = planCustom(c);
    if (r.ok) custom.push(r.value);
    else for (const issue of r.issues) issues.push({ step: "scenarios", field: `custom-${c.id}-${issue.field}`, message: `Custom scenario ${i + 1}: ${issue.message}.`, blocking: true });
  });
  const floor = planFloor(s);
  if (!floor.ok) for (const issue of floor.issues) issues.push({ step: "scenarios", field: "floor-rate", message: `${issue.message}.`, blocking: true });
  if (s.basel.length === 0 && s.custom.length === 0) issues.push({ step: "scenarios", message: "No scenario curves are chosen: the scenarios sheet will hold the inputs and the base curve only.", blocking: false });
  return { custom, floor: floor.ok ? floor.value : null, issues };
}

export interface PlanCheck {
  readonly issues: readonly Issue[];
  readonly input: LayoutInput | null;
  readonly curve: CurvePillars | null;
  readonly report: ValidationReport | null;
}

/** Every issue of the setup and, when none blocks, the layout input to write. */
export function checkSetup(setup: Setup, read: ReadState): PlanCheck {
  const issues: Issue[] = [];
  const p = setup.positions;
  const sourceSet = p.sourceKind === "table" ? p.tableName.trim() !== "" : p.rangeAddress.trim() !== "";
  if (!sourceSet) issues.push({ step: "positions", field: p.sourceKind === "table" ? "positions-table" : "positions-range", message: p.sourceKind === "table" ? "Choose the Excel table that holds the positions." : "Pick the range that holds the positions, header row included.", blocking: true });
  else if (!read.positions) issues.push({ step: "positions", field: "read-positions", message: "Read the positions so the add-in can check them.", blocking: true });
  const asOf = isoToSerial(p.asOf);
  if (asOf === undefined) issues.push({ step: "positions", field: "as-of", message: p.asOf ? "The as-of date is not a valid date." : "Pick the as-of date.", blocking: true });
  const report = positionsReport(setup, read);
  if (report) {
    if (report.tableProblem) issues.push({ step: "positions", message: `The positions table: ${report.tableProblem}.`, blocking: false });
    if (report.missingColumns.length > 0) issues.push({ step: "positions", message: `Missing required column${report.missingColumns.length > 1 ? "s" : ""}: ${report.missingColumns.join(", ")}. The ALM formulas will show #VALUE! until the table has ${report.missingColumns.length > 1 ? "them" : "it"}.`, blocking: false });
    if (report.issues.length > 0) issues.push({ step: "positions", message: `${report.issues.length} row${report.issues.length > 1 ? "s need" : " needs"} attention; the ALM formulas will show #VALUE! until ${report.issues.length > 1 ? "they are" : "it is"} fixed.`, blocking: false });
  }
  const curve = checkCurve(setup, read);
  issues.push(...curve.issues);
  const scenarios = checkScenarios(setup);
  issues.push(...scenarios.issues);
  const tier1Text = setup.output.tier1.trim();
  const tier1 = tier1Text === "" ? null : parseNumber(tier1Text.replace(/[,\s](?=\d{3}\b)/g, ""));
  if (tier1 !== null && (tier1 === undefined || !(tier1 > 0))) issues.push({ step: "output", field: "tier1", message: "Tier 1 capital must be a positive amount, or blank.", blocking: true });
  const o = setup.output;
  if (!o.deltaEve && !o.standardEve && !o.deltaNii && !o.repricingGap && setup.scenarios.custom.length === 0) {
    issues.push({ step: "output", message: "No results are chosen: the results sheet will hold titles only.", blocking: false });
  }
  if (issues.some((i) => i.blocking) || asOf === undefined || !curve.curve || scenarios.floor === null || !read.positions) {
    return { issues, input: null, curve: curve.curve, report };
  }
  const positionsRef = p.sourceKind === "table" ? `${p.tableName.trim()}[#All]` : read.positions.address;
  const input: LayoutInput = {
    positionsRef,
    asOf,
    curve:
      setup.curve.sourceKind === "range" && read.curve
        ? { kind: "range", ref: read.curve.address, pillarCount: curve.curve.cells.length }
        : { kind: "pillars", cells: curve.curve.cells },
    currency: setup.scenarios.currency.trim().toUpperCase(),
    calibration: setup.scenarios.calibration,
    floor: scenarios.floor,
    basel: setup.scenarios.basel,
    custom: scenarios.custom,
    tier1: tier1 ?? null,
    outputs: { deltaEve: o.deltaEve, standardEve: o.standardEve, deltaNii: o.deltaNii, repricingGap: o.repricingGap, charts: o.charts },
  };
  return { issues, input, curve: curve.curve, report };
}
