/**
 * The arguments the IRRBB functions share, each parsed once: currency, calibration (a published table or
 * the bank's own shock sizes), floor, scenario and scenario lists, months, Tier 1, behaviour.
 */
import { CALIBRATIONS, DEFAULT_CALIBRATION, calibrationName, currenciesOf, sizesFor, type Calibration, type CalibrationChoice, type ShockSizes } from "../engine/irrbb/calibrations";
import { FLOOR_NAMES, NO_FLOOR, type Floor } from "../engine/irrbb/floors";
import { BASEL_SCENARIOS, BASE_SCENARIO, SCENARIO_SETS, SCENARIO_SET_NAMES, pointsScenario, type Scenario } from "../engine/irrbb/scenarios";
import type { Amount, SerialDate } from "../engine/types";
import { arg, fail, isBlank, numberCell, readTenorTable, scalarOf, toMatrix, vectorOf, type ArgSpec } from "./args";
import { makeExcelError } from "./excelError";
import { messages, type Where } from "./messages";
import { parsePositions } from "./positions";
import type { Cell } from "./runner";

export { currencyArg, requiredCurrencyArg } from "./args";
import { INPUT_TABLES } from "./schema/tables";
import { BEHAVIOURS, type Behaviour } from "./schema/choices";
import { normalizeHeader } from "./schema/positions";

/** Scenario names a `scenario` argument accepts: the six Basel ones and BASE (no shock). */
export const SCENARIO_NAMES = [...BASEL_SCENARIOS, "BASE"] as const;

/** Upper case, spaces and hyphens as underscores; "parallel up", "Parallel-Up" and "PARALLELUP" all match. */
export function matchName<T extends string>(text: string, names: readonly T[]): T | undefined {
  const key = text.trim().toUpperCase().replace(/[\s-]+/g, "_");
  return names.find((n) => n === key || n.replace(/_/g, "") === key.replace(/_/g, ""));
}

const namedCalibration = arg.optionalChoice<Calibration>("calibration", CALIBRATIONS, DEFAULT_CALIBRATION);

/** A shock size in basis points: a number, 0 or more. */
function sizeCell(v: unknown, where: Where, expected: string): number {
  const n = numberCell(v, where, expected);
  if (n < 0) fail(messages.expected(where, v, expected.replace(/^the /, "a ") + " of 0 or more"));
  return n;
}

/**
 * The `calibration` argument: blank (BCBS2024), a published table's name, or the bank's own shock sizes
 * (SRP31.93) as the calibration table of schema/tables.ts — a header row `Currency, Parallel, Short,
 * Long` and a row per currency, in basis points — or one row of three numbers for any currency.
 */
export const calibrationArg = (): ArgSpec<CalibrationChoice> => ({
  name: "calibration",
  parse: (raw, where) => {
    const m = raw === null || raw === undefined ? [[null]] : toMatrix(raw, where);
    if (m.length === 1 && m[0].length === 1) return namedCalibration.parse(m[0][0], where);
    const [currencyCol, ...sizeCols] = INPUT_TABLES.calibration.columns;
    const rows = m.filter((r) => !r.every(isBlank));
    if (rows.length === 1 && rows[0].filter((v) => !isBlank(v)).length === 3 && rows[0].every((v) => isBlank(v) || typeof v === "number")) {
      const [parallel, short, long] = rows[0].filter((v) => !isBlank(v)).map((v, j) => sizeCell(v, { ...where, column: sizeCols[j].name }, sizeCols[j].expected));
      return { kind: "OWN_ANY", sizes: { parallel, short, long } };
    }
    const header = m[0].map(normalizeHeader);
    const wanted = INPUT_TABLES.calibration.columns.map((c) => normalizeHeader(c.name));
    if (m[0].length !== 4 || header.some((h, j) => h !== wanted[j])) {
      fail(messages.shape(where, `got a ${m.length}×${m[0].length} range; expected a calibration name (${CALIBRATIONS.join(", ")}), one row of three shock sizes in bp, or a table with the header row ${INPUT_TABLES.calibration.columns.map((c) => c.name).join(", ")}`));
    }
    const byCurrency: Record<string, ShockSizes> = {};
    m.slice(1).forEach((row, i) => {
      if (row.every(isBlank)) return;
      const w = { ...where, row: i + 2 };
      const code = row[0];
      if (typeof code !== "string" || !/^[A-Za-z]{3}$/.test(code.trim())) fail(messages.expected({ ...w, column: currencyCol.name }, code, currencyCol.expected));
      const key = code.trim().toUpperCase();
      if (key in byCurrency) fail(messages.expected({ ...w, column: currencyCol.name }, code, "each currency once"));
      const [parallel, short, long] = sizeCols.map((c, j) => sizeCell(row[j + 1], { ...w, column: c.name }, c.expected));
      byCurrency[key] = { parallel, short, long };
    });
    if (Object.keys(byCurrency).length === 0) fail(messages.shape(where, INPUT_TABLES.calibration.empty));
    return { kind: "OWN", byCurrency };
  },
});

/** The `[floor]` argument: NONE (default), EU, ZERO, or a floor rate as a decimal. */
export const floorArg = (): ArgSpec<Floor> => ({
  name: "floor",
  parse: (raw, where) => {
    const v = scalarOf(raw, where);
    if (isBlank(v)) return NO_FLOOR;
    if (typeof v === "number" && Number.isFinite(v) && Math.abs(v) < 1) return { kind: "RATE", rate: v };
    const name = typeof v === "string" ? matchName(v, FLOOR_NAMES) : undefined;
    if (name) return { kind: name };
    fail(messages.unknownFloor(where, v, FLOOR_NAMES));
  },
});

/** A whole number of months from an optional argument, at least `min`. */
export const monthsArg = (name: string, fallback: number, min: number): ArgSpec<number> =>
  arg.optionalNumber(name, fallback, { min, max: 1200, integer: true, expected: `a whole number of months between ${min} and 1200` });

/** What resolves a standard scenario: the function's currency and calibration arguments. */
export interface ShockContext {
  readonly fn: string;
  readonly currency: string | undefined;
  readonly calibration: CalibrationChoice;
}

/** Shock sizes of a currency; a currency the calibration's table does not carry is an error listing those it does. */
export function tableSizes(fn: string, currency: string, calibration: CalibrationChoice, where: Where = { fn, arg: "currency" }): ShockSizes {
  const sizes = sizesFor(calibration, currency);
  if (sizes) return sizes;
  const known = currenciesOf(calibration);
  return fail(messages.unknownCurrency(where, currency, calibrationName(calibration), known === "any" ? [] : known));
}

/** How scenarios move CPR and TDRR: as the table gives them (INPUT), or by SRP31's scenario multipliers (BASEL). */
export const behaviourArg = () => arg.optionalChoice<Behaviour>("behaviour", BEHAVIOURS, "INPUT");

/** Shock sizes for a standard scenario: the call's currency is required. */
export function sizesOf(ctx: ShockContext, scenarioWhere: Where, scenario: string): ShockSizes {
  if (ctx.currency === undefined) fail(messages.scenarioNeedsCurrency(scenarioWhere, scenario));
  return tableSizes(ctx.fn, ctx.currency, ctx.calibration);
}

/** One scenario cell: blank (no shock), a standard name, or a number of basis points (parallel). */
export function scenarioCell(v: unknown, where: Where, ctx: ShockContext): Scenario {
  if (isBlank(v)) return BASE_SCENARIO;
  if (typeof v === "number" && Number.isFinite(v)) return { kind: "PARALLEL", bp: v };
  const name = typeof v === "string" ? matchName(v, SCENARIO_NAMES) : undefined;
  if (name === "BASE") return BASE_SCENARIO;
  if (name) return { kind: "STANDARD", name, sizes: sizesOf(ctx, where, name) };
  fail(messages.unknownScenario(where, v, SCENARIO_NAMES));
}

/**
 * The `scenario` argument: a standard name (then `currency` is required), a number of basis points
 * (parallel), or a two-column range of tenor and shift in bp (optional header row, blank rows ignored),
 * linear between tenors and flat beyond both ends. Blank is no shock.
 */
export function parseScenario(raw: unknown, where: Where, ctx: ShockContext): Scenario {
  const m = raw === null || raw === undefined ? [[null]] : toMatrix(raw, where);
  if (m.length === 1 && m[0].length === 1) return scenarioCell(m[0][0], where, ctx);
  if (m.length === 0 || m[0].length !== 2) {
    fail(messages.shape(where, `got a ${m.length}×${m[0]?.length ?? 0} range; expected a scenario name, a number of bp, or two columns (tenor, shift in bp)`));
  }
  const { tenors, values: bp } = readTenorTable(m, where, "shifts");
  return pointsScenario(tenors, bp);
}

/** Δ / |base| as a cell, or a #NUM! element explaining that the base is zero. */
export function percentOfBase(fn: string, measure: string, delta: Amount, base: Amount): Cell {
  return base === 0 ? makeExcelError("#NUM!", messages.zeroBase(fn, measure)) : delta / Math.abs(base);
}

export function positionsOf(fn: string, raw: unknown, asOf: SerialDate, currency: string | undefined) {
  return parsePositions(raw, { fn, arg: "positions" }, asOf, { currency });
}


/** The `[scenarios]` argument: blank (the NII set), a set name, or a row or column of scenario names / bp. */
export function parseScenarioList(raw: unknown, where: Where, ctx: ShockContext): Scenario[] {
  const single = scalarOrUndefined(raw, where);
  if (single !== undefined && isBlank(single)) return SCENARIO_SETS.NII.map((name) => ({ kind: "STANDARD", name, sizes: sizesOf(ctx, where, name) }));
  const set = typeof single === "string" ? matchName(single, SCENARIO_SET_NAMES) : undefined;
  if (set) return SCENARIO_SETS[set].map((name) => ({ kind: "STANDARD", name, sizes: sizesOf(ctx, where, name) }));
  const list: Scenario[] = [];
  vectorOf(raw, where).forEach((cell, i, all) => {
    if (isBlank(cell)) return;
    const w = all.length > 1 ? { ...where, row: i + 1 } : where;
    const known = typeof cell === "number" || (typeof cell === "string" && matchName(cell, SCENARIO_NAMES) !== undefined);
    if (!known) fail(messages.unknownScenarioList(w, cell, SCENARIO_SET_NAMES, SCENARIO_NAMES));
    list.push(scenarioCell(cell, w, ctx));
  });
  if (list.length === 0) fail(messages.missing(where));
  return list;
}

/** The single value of an argument, or undefined when it is a range of several cells. */
export function scalarOrUndefined(raw: unknown, where: Where): unknown {
  if (raw === null || raw === undefined) return null;
  const m = toMatrix(raw, where);
  if (m.length === 0) return null;
  return m.length === 1 && m[0].length === 1 ? m[0][0] : undefined;
}


/** A Tier 1 capital amount: above 0. */
export const TIER1_BOUNDS = { above: 0, expected: "a positive Tier 1 capital amount" } as const;

/** Supervisory outlier test: a loss above 15 % of Tier 1 capital (SRP31.82). */
export const OUTLIER_THRESHOLD = 0.15;

/** The EU NII outlier test: a decline of annual NII above 5 % of Tier 1 (Delegated Regulation 2024/856 Art. 5(1)). */
export const NII_OUTLIER_THRESHOLD = 0.05;
