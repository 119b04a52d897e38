/**
 * From what the user set up to what the add-in writes: checks every step and, when nothing blocks,
 * builds the layout input of sheetLayouts. Problems are reported per step with the field they concern,
 * in words a user can act on.
 */
import type { CalibrationChoice } from "../../engine/irrbb/calibrations";
import { fromYmd } from "../../engine/time/serialDate";
import { bookCurrencies, fxGaps, parseCurvesRange, parseFxRange, parseTypedFx, type CurrencyCurve, type FxRates } from "./book";
import { parseCurveRange, parseNumber, parsePillarRows, type CurvePillars } from "./curve";
import { parseOwnSizes, uncovered } from "./ownSizes";
import { effectiveMapping, validatePositions, type ValidationReport } from "./positions";
import { isCurrencyCode, planCustom, planFloor, type FloorArg, type PlannedCustom } from "./scenarios";
import type { Setup } from "./setup";
import type { CalibrationArg, FxInput, LayoutInput, RangeRead } from "./layoutInput";

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

/** What the pane has read from the workbook, each only while it matches the address in the setup. */
export interface ReadState {
  readonly positions: RangeRead | null;
  readonly curve: RangeRead | null;
  /** The curves by currency (several currencies). */
  readonly curves?: RangeRead | null;
  /** The FX range (several currencies, rates from a range). */
  readonly fx?: RangeRead | null;
  /** The own shock sizes (calibration OWN). */
  readonly ownSizes?: RangeRead | null;
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

/** The book in several currencies: its curves by currency and exchange rates, checked. */
export interface BookCheck {
  /**
   * The currencies of the positions' Currency column (alphabetically, or once the curves are read in the
   * order of their columns); several means curves by currency.
   */
  readonly currencies: readonly string[];
  readonly curves: readonly CurrencyCurve[] | null;
  readonly pillars: number;
  readonly fx: FxInput | null;
  readonly rates: FxRates | null;
  readonly issues: readonly Issue[];
}

/** Several currencies in the positions: the curves by currency and the FX rates (step 2). */
export function checkBook(setup: Setup, read: ReadState, currencies: readonly string[]): BookCheck {
  const issues: Issue[] = [];
  const add = (field: string, message: string) => issues.push({ step: "curve", field, message, blocking: true });
  const list = currencies.join(", ");
  let curves: readonly CurrencyCurve[] | null = null;
  let pillars = 0;
  let ordered = currencies;
  const c = setup.curve;
  if (!c.curvesAddress.trim()) add("curves-range", `Pick the range that holds the curves: a header row with Tenor, then one column of zero rates for each currency (${list}).`);
  else if (!read.curves) add("curves-range", "Read the curves range.");
  else {
    const address = read.curves.address;
    const r = parseCurvesRange(read.curves.values);
    if (!r.ok) for (const p of r.problems) add("curves-range", p.row ? `Row ${p.row} of ${address}: ${p.message}.` : `The curves range ${p.message}.`);
    else {
      const missing = currencies.filter((x) => !r.curves.some((k) => k.currency === x));
      if (missing.length > 0) add("curves-range", `The curves range has no column for ${missing.join(", ")}, ${missing.length > 1 ? "currencies" : "a currency"} of the positions.`);
      else {
        // In the order of the curves' columns, as ALM.OUTLIERTEST lays out its currency columns.
        curves = r.curves.filter((k) => currencies.includes(k.currency));
        ordered = curves.map((k) => k.currency);
        pillars = r.pillars;
      }
    }
  }

  const fx = setup.fx;
  const reporting = fx.reporting.trim().toUpperCase();
  let input: FxInput | null = null;
  let rates: FxRates | null = null;
  if (!isCurrencyCode(reporting)) add("reporting-currency", "Reporting currency must be a three-letter code such as EUR; results and Tier 1 are in it.");
  else if (fx.sourceKind === "typed") {
    const typed = parseTypedFx(fx, reporting, currencies);
    for (const p of typed.problems) add(`fx-${p.currency}`, `${p.message}.`);
    if (typed.problems.length === 0) {
      rates = typed.rates;
      input = { kind: "typed", rows: [...typed.rates].map(([k, v]) => [k, v] as const) };
    }
  } else if (!fx.rangeAddress.trim()) add("fx-range", "Pick the range that holds the FX rates: Currency, and units of the reporting currency per unit.");
  else if (!read.fx) add("fx-range", "Read the FX rates.");
  else {
    const address = read.fx.address;
    const r = parseFxRange(read.fx.values);
    if (!r.ok) for (const p of r.problems) add("fx-range", p.row ? `Row ${p.row} of ${address}: ${p.message}.` : `The FX range ${p.message}.`);
    else {
      const gaps = fxGaps(r.rates, reporting, currencies);
      for (const g of gaps) add("fx-range", `The FX range has ${g}.`);
      if (gaps.length === 0) {
        rates = r.rates;
        input = { kind: "range", ref: address };
      }
    }
  }
  return { currencies: ordered, curves, pillars, fx: input, rates, issues };
}

export interface ScenarioCheck {
  readonly custom: readonly PlannedCustom[];
  readonly floor: FloorArg | null;
  /** The calibration argument for the formulas, once it checks out. */
  readonly calibration: CalibrationArg | null;
  /** The calibration as ALM.SHOCK takes it in the pane's charts: a name, or the own sizes' cells. */
  readonly preview: string | unknown[][] | null;
  /** The own sizes read, once they check out. */
  readonly own: CalibrationChoice | null;
  readonly issues: readonly Issue[];
}

/** Step 3; `currencies`: those of a book in several currencies (none: the one scenario currency). */
export function checkScenarios(setup: Setup, read: ReadState, currencies: readonly string[]): ScenarioCheck {
  const s = setup.scenarios;
  const issues: Issue[] = [];
  const several = currencies.length > 1;
  if (!several && !isCurrencyCode(s.currency)) issues.push({ step: "scenarios", field: "currency", message: "Currency must be a three-letter code such as EUR or USD.", blocking: true });
  const custom: PlannedCustom[] = [];
  s.custom.forEach((c, i) => {
    const r = planCustom(c);
    if (r.ok) custom.push(r.value);
    else for (const issue of r.issues) issues.push({ step: "scenarios", field: `custom-${c.id}-${issue.field}`, message: `Custom scenario ${i + 1}: ${issue.message}.`, blocking: true });
  });
  const floor = planFloor(s);
  if (!floor.ok) for (const issue of floor.issues) issues.push({ step: "scenarios", field: "floor-rate", message: `${issue.message}.`, blocking: true });
  if (s.basel.length === 0 && s.custom.length === 0) issues.push({ step: "scenarios", message: "No scenario curves are chosen: the scenarios sheet will hold the inputs and the base curve only.", blocking: false });

  let calibration: CalibrationArg | null = null;
  let preview: string | unknown[][] | null = null;
  let own: CalibrationChoice | null = null;
  if (s.calibration !== "OWN") {
    calibration = s.calibration;
    preview = s.calibration;
  } else {
    const ownIssue = (message: string) => issues.push({ step: "scenarios", field: "own-sizes-range", message, blocking: true });
    if (!s.ownSizesAddress.trim()) ownIssue("Pick the range that holds the own shock sizes: a header row Currency, Parallel, Short, Long (bp), one row per currency.");
    else if (!read.ownSizes) ownIssue("Read the own shock sizes.");
    else {
      const r = parseOwnSizes(read.ownSizes.values);
      const wanted = several ? currencies : isCurrencyCode(s.currency) ? [s.currency.trim().toUpperCase()] : [];
      if (!r.ok) ownIssue(`The own shock sizes in ${read.ownSizes.address}: ${r.message}.`);
      else {
        const missing = uncovered(r.choice, wanted);
        if (missing.length > 0) ownIssue(`The own shock sizes in ${read.ownSizes.address} have no row for ${missing.join(", ")}.`);
        else {
          calibration = { kind: "own", ref: read.ownSizes.address };
          preview = read.ownSizes.values;
          own = r.choice;
        }
      }
    }
  }
  return { custom, floor: floor.ok ? floor.value : null, calibration, preview, own, issues };
}

export interface PlanCheck {
  readonly issues: readonly Issue[];
  readonly input: LayoutInput | null;
  /** The one curve of a book in one currency. */
  readonly curve: CurvePillars | null;
  readonly report: ValidationReport | null;
  /** The book: its currencies, and for several, the curves by currency and rates. */
  readonly book: BookCheck;
  readonly scenarios: ScenarioCheck;
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
  const found = read.positions ? bookCurrencies(read.positions.values, p.columnChoices) : { currencies: [], blankRows: [] };
  const several = found.currencies.length > 1;
  if (several && found.blankRows.length > 0) {
    const rows = found.blankRows;
    issues.push({ step: "positions", message: `The positions hold ${found.currencies.length} currencies (${found.currencies.join(", ")}), but ${rows.length > 1 ? `rows ${rows.slice(0, 10).join(", ")}${rows.length > 10 ? ", …" : ""} have` : `row ${rows[0]} has`} no Currency; the ALM formulas will show #VALUE! until every row has one.`, blocking: false });
  }
  const book = several ? checkBook(setup, read, found.currencies) : { currencies: found.currencies, curves: null, pillars: 0, fx: null, rates: null, issues: [] };
  issues.push(...book.issues);
  const curve = several ? { curve: null, issues: [] } : checkCurve(setup, read);
  issues.push(...curve.issues);
  const scenarios = checkScenarios(setup, read, book.currencies);
  issues.push(...scenarios.issues);
  const only = found.currencies.length === 1 ? found.currencies[0] : null;
  const chosen = setup.scenarios.currency.trim().toUpperCase();
  if (only && isCurrencyCode(chosen) && only !== chosen) {
    issues.push({ step: "scenarios", field: "currency", message: `Every position is in ${only}, but the currency is ${chosen}: the formulas count only ${chosen} positions, so they will find none.`, blocking: false });
  }
  const tier1Text = setup.output.tier1.trim();
  const tier1 = tier1Text === "" ? null : parseNumber(tier1Text.replace(/[,\s](?=\d{3}\b)/g, ""));
  const o = setup.output;
  const outlier = several && o.outlierTest;
  if (tier1 !== null && (tier1 === undefined || !(tier1 > 0))) issues.push({ step: "output", field: "tier1", message: "Tier 1 capital must be a positive amount, or blank.", blocking: true });
  else if (tier1 === null && outlier) issues.push({ step: "output", field: "tier1", message: "Tier 1 capital is needed for the outlier test: give it, or leave the outlier test out.", blocking: true });
  if (!o.deltaEve && !o.standardEve && !o.deltaNii && !o.repricingGap && !outlier && setup.scenarios.custom.length === 0) {
    issues.push({ step: "output", message: "No results are chosen: the results sheet will hold titles only.", blocking: false });
  }
  const done = { issues, curve: curve.curve, report, book, scenarios };
  if (issues.some((i) => i.blocking) || asOf === undefined || scenarios.floor === null || scenarios.calibration === null || !read.positions) return { ...done, input: null };
  let curveInput: LayoutInput["curve"];
  if (several) {
    if (!book.curves || !book.fx || !read.curves) return { ...done, input: null };
    curveInput = { kind: "byCurrency", ref: read.curves.address, pillarCount: book.pillars, currencies: book.currencies, fx: book.fx };
  } else if (!curve.curve) return { ...done, input: null };
  else curveInput = setup.curve.sourceKind === "range" && read.curve ? { kind: "range", ref: read.curve.address, pillarCount: curve.curve.cells.length } : { kind: "pillars", cells: curve.curve.cells };
  const input: LayoutInput = {
    positionsRef: p.sourceKind === "table" ? `${p.tableName.trim()}[#All]` : read.positions.address,
    asOf,
    curve: curveInput,
    currency: several ? setup.fx.reporting.trim().toUpperCase() : chosen,
    calibration: scenarios.calibration,
    floor: scenarios.floor,
    basel: setup.scenarios.basel,
    custom: scenarios.custom,
    tier1: tier1 ?? null,
    outputs: { deltaEve: o.deltaEve, standardEve: o.standardEve, deltaNii: o.deltaNii, repricingGap: o.repricingGap, charts: o.charts, outlier: outlier ? { method: o.method, rule: o.rule } : null },
  };
  return { ...done, input };
}
