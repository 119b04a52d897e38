import { SCENARIO_SETS, SCENARIO_SET_NAMES } from "../../engine/irrbb/scenarios";
import { shockPillars } from "../../engine/irrbb/shock";
import { arg, curveArg, fail, isBlank, timeCell, vectorOf } from "../args";
import { calibrationArg, currencyArg, floorArg, parseScenario, requiredCurrencyArg, scalarOrUndefined, tableSizes } from "../irrbbArgs";
import { messages, type Where } from "../messages";
import { defineFunction, type Cell } from "../runner";
import { table } from "../table";
import { columnsOf } from "../schema/outputs";

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
 * @param [calibration] BCBS2024 (default; in force since 1 January 2026), BCBS2016, EU (Delegated Regulation 2024/856, adds BGN, CZK, DKK, HUF, PLN, RON), or own shock sizes (SRP31.93): a Currency, Parallel, Short, Long table in bp, or one row of three numbers for any currency.
 * @param [headers] TRUE (default) to include the header row.
 * @returns Table of parallel, short and long shock in bp.
 * @example =ALM.SHOCKSIZES("EUR") returns Parallel 225, Short 350, Long 200
 */
export function shocksizes(currency: any, calibration?: any[][], headers?: any): any[][] {
  return SHOCKSIZES(currency, calibration, headers);
}

const SHOCK = defineFunction(
  "SHOCK",
  [curveArg(), arg.any("scenario"), currencyArg(), calibrationArg(), floorArg(), arg.headers(), arg.optionalRange("tenors")],
  (pillars, scenarioRaw, currency, calibration, floor, headers, tenorsRaw) => {
    const where = { fn: "SHOCK", arg: "scenario" };
    const single = scalarOrUndefined(scenarioRaw, where);
    if (single !== undefined && isBlank(single)) fail(messages.missing(where));
    const tenors = tenorsRaw && tenorList(tenorsRaw, { fn: "SHOCK", arg: "tenors" });
    const shocked = shockPillars(pillars, parseScenario(scenarioRaw, where, { fn: "SHOCK", currency, calibration }), floor, tenors);
    return table("SHOCK", columnsOf("SHOCK"), shocked.times.map((t, i): Cell[] => [t, shocked.zeros[i]]), headers);
  }
);

/** Tenors in years or tenor text, in the order given; blank cells are skipped. */
function tenorList(raw: unknown[][], where: Where): number[] {
  const tenors: number[] = [];
  vectorOf(raw, where).forEach((v, i, all) => {
    if (isBlank(v)) return;
    tenors.push(timeCell(v, all.length > 1 ? { ...where, row: i + 1 } : where));
  });
  if (tenors.length === 0) fail(messages.missing(where));
  return tenors;
}

/**
 * Shocked zero curve: at each tenor t the base curve at t plus the scenario's shift at t itself (SRP31.91, never interpolated between pillars), floored — exactly the rate ALM.EVE discounts a flow at t with. Default tenors: the curve's own; a flat curve (one rate) shows the 19 Basel bucket midpoints.
 * @customfunction SHOCK
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param scenario A standard scenario (PARALLEL_UP, PARALLEL_DOWN, STEEPENER, FLATTENER, SHORT_UP, SHORT_DOWN; needs currency), a number of bp (parallel), or a two-column range of tenor and shift in bp.
 * @param [currency] Currency whose shock sizes a standard scenario uses.
 * @param [calibration] BCBS2024 (default), BCBS2016, EU, or own shock sizes: a Currency, Parallel, Short, Long table in bp, or one row of three numbers.
 * @param [floor] NONE (default), EU (min(-150 + 3t, 0) bp, or the unshocked rate where lower), ZERO, or a floor rate as a decimal.
 * @param [headers] TRUE (default) to include the header row.
 * @param [tenors] Tenors in years or tenor text at which to give the shocked rates (default: the curve's own tenors).
 * @returns Table of tenor and shocked zero rate.
 * @example =ALM.SHOCK({1,0.03;10,0.035}, "SHORT_UP", "USD", , , FALSE) returns 1, 0.0533640…; 10, 0.0374625…
 */
export function shock(curve: any[][], scenario: any[][], currency?: any, calibration?: any[][], floor?: any, headers?: any, tenors?: any[][]): any[][] {
  return SHOCK(curve, scenario, currency, calibration, floor, headers, tenors);
}

