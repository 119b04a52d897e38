import { CALIBRATIONS, DEFAULT_CALIBRATION, currencies, shockSizes, type Calibration, type ShockSizes } from "../../engine/irrbb/calibrations";
import { deltaEve, eve, repricingLeg } from "../../engine/irrbb/eve";
import { FLOOR_NAMES, NO_FLOOR, type Floor } from "../../engine/irrbb/floors";
import { nii, niiOfBook, prepareNii } from "../../engine/irrbb/nii";
import { BASEL_SCENARIOS, BASE_SCENARIO, SCENARIO_SETS, SCENARIO_SET_NAMES, pointsScenario, scenarioLabel, scenarioShift, type Scenario } from "../../engine/irrbb/scenarios";
import { scenarioCurve, shockPillars } from "../../engine/irrbb/shock";
import { standardEve } from "../../engine/irrbb/standardEve";
import type { Amount, SerialDate } from "../../engine/types";
import { arg, curveArg, fail, isBlank, readTenorTable, scalarOf, toMatrix, vectorOf, type ArgSpec } from "../args";
import { makeExcelError } from "../excelError";
import { messages, type Where } from "../messages";
import { parsePositions } from "../positions";
import { defineFunction, type Cell } from "../runner";
import { table } from "../table";
import { columnsOf } from "../schema/outputs";

/** Scenario names a `scenario` argument accepts: the six Basel ones and BASE (no shock). */
const SCENARIO_NAMES = [...BASEL_SCENARIOS, "BASE"] as const;

/** Upper case, spaces and hyphens as underscores; "parallel up", "Parallel-Up" and "PARALLELUP" all match. */
function matchName<T extends string>(text: string, names: readonly T[]): T | undefined {
  const key = text.trim().toUpperCase().replace(/[\s-]+/g, "_");
  return names.find((n) => n === key || n.replace(/_/g, "") === key.replace(/_/g, ""));
}

/** The optional `currency` argument: a currency code, upper-cased; blank gives undefined. */
const currencyArg = (): ArgSpec<string | undefined> => ({
  name: "currency",
  parse: (raw, where) => {
    const v = scalarOf(raw, where);
    if (isBlank(v)) return undefined;
    if (typeof v !== "string") fail(messages.expected(where, v, "a currency code such as USD"));
    return v.trim().toUpperCase();
  },
});

/** A required `currency` argument. */
const requiredCurrencyArg = (): ArgSpec<string> => ({
  name: "currency",
  parse: (raw, where) => currencyArg().parse(raw, where) ?? fail(messages.missing(where)),
});

const calibrationArg = () => arg.optionalChoice<Calibration>("calibration", CALIBRATIONS, DEFAULT_CALIBRATION);

/** The `[floor]` argument: NONE (default), EU, ZERO, or a floor rate as a decimal. */
const floorArg = (): ArgSpec<Floor> => ({
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
const monthsArg = (name: string, fallback: number, min: number): ArgSpec<number> =>
  arg.optionalNumber(name, fallback, { min, max: 1200, integer: true, expected: `a whole number of months between ${min} and 1200` });

/** What resolves a standard scenario: the function's currency and calibration arguments. */
interface ShockContext {
  readonly fn: string;
  readonly currency: string | undefined;
  readonly calibration: Calibration;
}

/** Shock sizes of a currency; a currency the calibration's table does not carry is an error listing those it does. */
function tableSizes(fn: string, currency: string, calibration: Calibration): ShockSizes {
  return shockSizes(currency, calibration) ?? fail(messages.unknownCurrency({ fn, arg: "currency" }, currency, calibration, currencies(calibration)));
}

/** Shock sizes for a standard scenario: the call's currency is required. */
function sizesOf(ctx: ShockContext, scenarioWhere: Where, scenario: string): ShockSizes {
  if (ctx.currency === undefined) fail(messages.scenarioNeedsCurrency(scenarioWhere, scenario));
  return tableSizes(ctx.fn, ctx.currency, ctx.calibration);
}

/** One scenario cell: blank (no shock), a standard name, or a number of basis points (parallel). */
function scenarioCell(v: unknown, where: Where, ctx: ShockContext): Scenario {
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
function parseScenario(raw: unknown, where: Where, ctx: ShockContext): Scenario {
  const m = raw === null || raw === undefined ? [[null]] : toMatrix(raw, where);
  if (m.length === 1 && m[0].length === 1) return scenarioCell(m[0][0], where, ctx);
  if (m.length === 0 || m[0].length !== 2) {
    fail(messages.shape(where, `got a ${m.length}×${m[0]?.length ?? 0} range; expected a scenario name, a number of bp, or two columns (tenor, shift in bp)`));
  }
  const { tenors, values: bp } = readTenorTable(m, where, "shifts");
  return pointsScenario(tenors, bp);
}

/** Δ / |base| as a cell, or a #NUM! element explaining that the base is zero. */
function percentOfBase(fn: string, measure: string, delta: Amount, base: Amount): Cell {
  return base === 0 ? makeExcelError("#NUM!", messages.zeroBase(fn, measure)) : delta / Math.abs(base);
}

function positionsOf(fn: string, raw: unknown, asOf: SerialDate, currency: string | undefined) {
  return parsePositions(raw, { fn, arg: "positions" }, asOf, { currency });
}

// ---------------------------------------------------------------------------------------------------
// Scenarios

const SCENARIOS = defineFunction("SCENARIOS", [arg.optionalChoice("set", SCENARIO_SET_NAMES, "BASEL")], (set) => SCENARIO_SETS[set].map((name): Cell[] => [name]));

/**
 * Names of the standard interest-rate shock scenarios, in the order of SRP31.91.
 * @customfunction SCENARIOS
 * @param [set] BASEL (default): the six EVE scenarios; NII: the two parallel ones.
 * @returns A column of scenario names.
 * @example =ALM.SCENARIOS("NII") returns PARALLEL_UP; PARALLEL_DOWN
 */
export function scenarios(set?: any): any[][] {
  return SCENARIOS(set);
}

const SHOCKSIZES = defineFunction("SHOCKSIZES", [requiredCurrencyArg(), calibrationArg(), arg.headers()], (currency, calibration, headers) => {
  const sizes = tableSizes("SHOCKSIZES", currency, calibration);
  return table("SHOCKSIZES", columnsOf("SHOCKSIZES"), [[sizes.parallel, sizes.short, sizes.long]], headers);
});

/**
 * Specified shock sizes of a currency in basis points (SRP31.90).
 * @customfunction SHOCKSIZES
 * @param currency Currency code, e.g. USD, EUR; the calibration's table lists the valid ones.
 * @param [calibration] BCBS2024 (default; in force since 1 January 2026), BCBS2016, or EU (Delegated Regulation 2024/856, adds BGN, CZK, DKK, HUF, PLN, RON).
 * @param [headers] TRUE (default) to include the header row.
 * @returns Table of parallel, short and long shock in bp.
 * @example =ALM.SHOCKSIZES("EUR") returns Parallel 225, Short 350, Long 200
 */
export function shocksizes(currency: any, calibration?: any[][], headers?: any): any[][] {
  return SHOCKSIZES(currency, calibration, headers);
}

const SHOCK = defineFunction(
  "SHOCK",
  [curveArg(), arg.any("scenario"), currencyArg(), calibrationArg(), floorArg(), arg.headers()],
  (pillars, scenarioRaw, currency, calibration, floor, headers) => {
    const where = { fn: "SHOCK", arg: "scenario" };
    const single = scalarOrUndefined(scenarioRaw, where);
    if (single !== undefined && isBlank(single)) fail(messages.missing(where));
    const shocked = shockPillars(pillars, parseScenario(scenarioRaw, where, { fn: "SHOCK", currency, calibration }), floor);
    return table("SHOCK", columnsOf("SHOCK"), shocked.times.map((t, i): Cell[] => [t, shocked.zeros[i]]), headers);
  }
);

/**
 * Shocked zero curve on the curve's own tenors: z(t) + Δ(t), floored (SRP31.91). A flat curve (one rate) is laid on the 19 Basel bucket midpoints.
 * @customfunction SHOCK
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param scenario A standard scenario (PARALLEL_UP, PARALLEL_DOWN, STEEPENER, FLATTENER, SHORT_UP, SHORT_DOWN; needs currency), a number of bp (parallel), or a two-column range of tenor and shift in bp.
 * @param [currency] Currency whose shock sizes a standard scenario uses.
 * @param [calibration] BCBS2024 (default), BCBS2016 or EU.
 * @param [floor] NONE (default), EU (min(-150 + 3t, 0) bp, or the unshocked rate where lower), ZERO, or a floor rate as a decimal.
 * @param [headers] TRUE (default) to include the header row.
 * @returns Table of tenor and shocked zero rate.
 * @example =ALM.SHOCK({1,0.03;10,0.035}, "SHORT_UP", "USD", , , FALSE) returns 1, 0.0533640…; 10, 0.0374625…
 */
export function shock(curve: any[][], scenario: any[][], currency?: any, calibration?: any[][], floor?: any, headers?: any): any[][] {
  return SHOCK(curve, scenario, currency, calibration, floor, headers);
}

// ---------------------------------------------------------------------------------------------------
// EVE

const EVE = defineFunction(
  "EVE",
  [arg.any("positions"), arg.date("as_of"), curveArg(), arg.any("scenario"), currencyArg(), calibrationArg(), floorArg()],
  (positionsRaw, asOf, pillars, scenarioRaw, currency, calibration, floor) => {
    const scenario = parseScenario(scenarioRaw, { fn: "EVE", arg: "scenario" }, { fn: "EVE", currency, calibration });
    const portfolio = positionsOf("EVE", positionsRaw, asOf, currency);
    return eve(repricingLeg(portfolio, asOf), scenarioCurve(pillars, "LINEAR", scenario, floor));
  }
, { offload: true });

/**
 * Economic value of equity: the PV of all repricing cash flows (principal and interest, signed) on the scenario curve, Actual/365 times. The scenario curve is what ALM.SHOCK returns, interpolated linearly.
 * @customfunction EVE
 * @param positions Positions table with its header row (Balance, Rate, Maturity, …).
 * @param as_of Valuation date.
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param [scenario] Blank (base curve), a standard scenario (needs currency), a number of bp (parallel), or a two-column range of tenor and shift in bp.
 * @param [currency] Only rows of this currency count (with a Currency column); sets the shock sizes of a standard scenario.
 * @param [calibration] BCBS2024 (default), BCBS2016 or EU.
 * @param [floor] NONE (default), EU, ZERO, or a floor rate as a decimal.
 * @returns EVE (assets positive, liabilities negative).
 * @example =ALM.EVE({"Balance","Rate","Maturity";100,0,"2028-01-01"}, "2026-01-01", 0.03) returns 100·e^(-0.06) = 94.1764533584…
 */
export function eveFn(positions: any[][], as_of: any, curve: any[][], scenario?: any[][], currency?: any, calibration?: any[][], floor?: any): Promise<number> {
  return EVE(positions, as_of, curve, scenario, currency, calibration, floor);
}

const DELTAEVE = defineFunction(
  "DELTAEVE",
  [arg.any("positions"), arg.date("as_of"), curveArg(), requiredCurrencyArg(), calibrationArg(), floorArg(), arg.headers()],
  (positionsRaw, asOf, pillars, currency, calibration, floor, headers) => {
    const sizes = tableSizes("DELTAEVE", currency, calibration);
    const leg = repricingLeg(positionsOf("DELTAEVE", positionsRaw, asOf, currency), asOf);
    const result = deltaEve(leg, pillars, sizes, floor);
    const pct = (delta: Amount) => percentOfBase("DELTAEVE", "EVE", delta, result.base);
    const rows: Cell[][] = [["BASE", result.base, 0, pct(0)]];
    for (const s of result.scenarios) rows.push([s.scenario, s.eve, s.delta, pct(s.delta)]);
    const worst = result.scenarios[result.worst];
    rows.push([`WORST (${worst.scenario})`, worst.eve, worst.delta, pct(worst.delta)]);
    return table("DELTAEVE", columnsOf("DELTAEVE"), rows, headers);
  }
, { offload: true });

/**
 * ΔEVE under the six Basel scenarios: EVE(scenario) − EVE(base), negative is a loss; the WORST row names the scenario with the most negative ΔEVE.
 * @customfunction DELTAEVE
 * @param positions Positions table with its header row.
 * @param as_of Valuation date.
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param currency Currency of the shock sizes; with a Currency column only its rows count.
 * @param [calibration] BCBS2024 (default), BCBS2016 or EU.
 * @param [floor] NONE (default), EU, ZERO, or a floor rate as a decimal.
 * @param [headers] TRUE (default) to include the header row.
 * @returns Table of scenario, EVE, ΔEVE and ΔEVE as a fraction of |base EVE|: BASE, six scenarios, WORST.
 * @example =ALM.DELTAEVE({"Balance","Rate","Maturity";100,0,"2028-01-01"}, "2026-01-01", 0.03, "USD") PARALLEL_UP row: ΔEVE = 100·(e^(-0.10) − e^(-0.06)) = −3.6927115…
 */
export function deltaeve(positions: any[][], as_of: any, curve: any[][], currency: any, calibration?: any[][], floor?: any, headers?: any): Promise<any[][]> {
  return DELTAEVE(positions, as_of, curve, currency, calibration, floor, headers);
}

/** A Tier 1 capital amount: above 0. */
const TIER1_BOUNDS = { above: 0, expected: "a positive Tier 1 capital amount" } as const;

/** Supervisory outlier test: a loss above 15 % of Tier 1 capital (SRP31.82). */
const OUTLIER_THRESHOLD = 0.15;

const STANDARDEVE = defineFunction(
  "STANDARDEVE",
  [arg.any("positions"), arg.date("as_of"), curveArg(), requiredCurrencyArg(), calibrationArg(), floorArg(), arg.optionalNumber("tier1", undefined, TIER1_BOUNDS), arg.headers()],
  (positionsRaw, asOf, pillars, currency, calibration, floor, tier1, headers) => {
    const sizes = tableSizes("STANDARDEVE", currency, calibration);
    const result = standardEve(positionsOf("STANDARDEVE", positionsRaw, asOf, currency), asOf, pillars, sizes, floor);
    const share = (loss: Amount): Cell => (tier1 === undefined ? "" : loss / tier1);
    const rows: Cell[][] = [["BASE", result.base, 0, share(0)]];
    for (const s of result.scenarios) rows.push([s.scenario, s.eve, s.loss, share(s.loss)]);
    const worst = result.worst >= 0 ? result.scenarios[result.worst] : undefined;
    const outlier = tier1 !== undefined && result.measure > OUTLIER_THRESHOLD * tier1;
    const label = `MAX${worst ? ` (${worst.scenario})` : ""}${outlier ? " OUTLIER" : ""}`;
    rows.push([label, worst ? worst.eve : result.base, result.measure, share(result.measure)]);
    return table("STANDARDEVE", columnsOf("STANDARDEVE"), rows, headers);
  }
, { offload: true });

/**
 * Basel standardised EVE (SRP31.94 ff.): repricing flows in the 19 buckets discounted at the published midpoints with exp(−R(t_k)·t_k); CPR and TDRR scenario multipliers; loss = EVE(base) − EVE(scenario). MAX is the standardised measure (largest loss or 0), marked OUTLIER above 15 % of Tier 1.
 * @customfunction STANDARDEVE
 * @param positions Positions table with its header row.
 * @param as_of Valuation date.
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param currency Currency of the shock sizes; with a Currency column only its rows count.
 * @param [calibration] BCBS2024 (default), BCBS2016 or EU.
 * @param [floor] NONE (default), EU, ZERO, or a floor rate as a decimal.
 * @param [tier1] Tier 1 capital; gives the % of Tier 1 column and the OUTLIER flag (SRP31.82, 15 %).
 * @param [headers] TRUE (default) to include the header row.
 * @returns Table of scenario, EVE, EVE loss and loss as a fraction of Tier 1: BASE, six scenarios, MAX.
 * @example =ALM.STANDARDEVE({"Balance","Rate","Maturity";100,0,"2028-01-01"}, "2026-01-01", 0.03, "USD") BASE EVE = 100·e^(-0.03·1.75) = 94.885432…
 */
export function standardeve(positions: any[][], as_of: any, curve: any[][], currency: any, calibration?: any[][], floor?: any, tier1?: any, headers?: any): Promise<any[][]> {
  return STANDARDEVE(positions, as_of, curve, currency, calibration, floor, tier1, headers);
}

// ---------------------------------------------------------------------------------------------------
// NII

const NII = defineFunction(
  "NII",
  [arg.any("positions"), arg.date("as_of"), curveArg(), arg.any("scenario"), currencyArg(), monthsArg("horizon_months", 12, 1), monthsArg("ramp_months", 0, 0), calibrationArg()],
  (positionsRaw, asOf, _pillars, scenarioRaw, currency, horizonMonths, rampMonths, calibration) => {
    const scenario = parseScenario(scenarioRaw, { fn: "NII", arg: "scenario" }, { fn: "NII", currency, calibration });
    return nii(positionsOf("NII", positionsRaw, asOf, currency), asOf, scenarioShift(scenario), { horizonMonths, rampMonths });
  }
, { offload: true });

/**
 * Net interest income over the horizon on a constant balance sheet: interest accrued within the horizon; repriced balances renew at rate + Beta × the scenario shift at the repricing tenor.
 * @customfunction NII
 * @param positions Positions table with its header row.
 * @param as_of Start of the horizon.
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate (checked; renewals use each position's own rate plus the shift).
 * @param [scenario] Blank (no shock), a standard scenario (needs currency), a number of bp (parallel), or a two-column range of tenor and shift in bp.
 * @param [currency] Only rows of this currency count (with a Currency column); sets the shock sizes of a standard scenario.
 * @param [horizon_months] Length of the horizon in months (default 12).
 * @param [ramp_months] Months over which the shift grows linearly from 0 to full (default 0: at once).
 * @param [calibration] BCBS2024 (default), BCBS2016 or EU.
 * @returns NII (assets positive, liabilities negative).
 * @example =ALM.NII({"Balance","Rate","Maturity","Type","NextReset","ResetMonths";1000000,0.05,"2030-01-01","FLOATING","2026-04-01",6}, "2026-01-01", 0.03, 200) returns 1e6·(0.05·90 + 0.07·275)/365 = 65068.4931…
 */
export function niiFn(positions: any[][], as_of: any, curve: any[][], scenario?: any[][], currency?: any, horizon_months?: any, ramp_months?: any, calibration?: any[][]): Promise<number> {
  return NII(positions, as_of, curve, scenario, currency, horizon_months, ramp_months, calibration);
}

/** The `[scenarios]` argument: blank (the NII set), a set name, or a row or column of scenario names / bp. */
function parseScenarioList(raw: unknown, where: Where, ctx: ShockContext): Scenario[] {
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
function scalarOrUndefined(raw: unknown, where: Where): unknown {
  if (raw === null || raw === undefined) return null;
  const m = toMatrix(raw, where);
  if (m.length === 0) return null;
  return m.length === 1 && m[0].length === 1 ? m[0][0] : undefined;
}

const DELTANII = defineFunction(
  "DELTANII",
  [arg.any("positions"), arg.date("as_of"), curveArg(), requiredCurrencyArg(), arg.any("scenarios"), monthsArg("horizon_months", 12, 1), monthsArg("ramp_months", 0, 0), arg.headers()],
  (positionsRaw, asOf, _pillars, currency, scenariosRaw, horizonMonths, rampMonths, headers) => {
    const ctx = { fn: "DELTANII", currency, calibration: DEFAULT_CALIBRATION };
    const list = parseScenarioList(scenariosRaw, { fn: "DELTANII", arg: "scenarios" }, ctx);
    const book = prepareNii(positionsOf("DELTANII", positionsRaw, asOf, currency), asOf, horizonMonths);
    const base = niiOfBook(book, scenarioShift(BASE_SCENARIO), rampMonths);
    const rows: Cell[][] = [["BASE", base, 0, percentOfBase("DELTANII", "NII", 0, base)]];
    for (const scenario of list) {
      const value = niiOfBook(book, scenarioShift(scenario), rampMonths);
      rows.push([scenarioLabel(scenario), value, value - base, percentOfBase("DELTANII", "NII", value - base, base)]);
    }
    return table("DELTANII", columnsOf("DELTANII"), rows, headers);
  }
, { offload: true });

/**
 * ΔNII under rate scenarios: NII(scenario) − NII(base) over the horizon on a constant balance sheet (shock sizes of the BCBS2024 calibration).
 * @customfunction DELTANII
 * @param positions Positions table with its header row.
 * @param as_of Start of the horizon.
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param currency Currency of the shock sizes; with a Currency column only its rows count.
 * @param [scenarios] NII (default: PARALLEL_UP, PARALLEL_DOWN), BASEL, or a row or column of scenario names or numbers of bp.
 * @param [horizon_months] Length of the horizon in months (default 12).
 * @param [ramp_months] Months over which the shift grows linearly from 0 to full (default 0: at once).
 * @param [headers] TRUE (default) to include the header row.
 * @returns Table of scenario, NII, ΔNII and ΔNII as a fraction of |base NII|.
 * @example =ALM.DELTANII({"Balance","Rate","Maturity","Type","NextReset","ResetMonths";1000000,0.05,"2030-01-01","FLOATING","2026-04-01",6}, "2026-01-01", 0.03, "USD") PARALLEL_UP row: ΔNII = 1e6·0.02·275/365 = 15068.4931…
 */
export function deltanii(positions: any[][], as_of: any, curve: any[][], currency: any, scenarios?: any[][], horizon_months?: any, ramp_months?: any, headers?: any): Promise<any[][]> {
  return DELTANII(positions, as_of, curve, currency, scenarios, horizon_months, ramp_months, headers);
}

