import { eve, portfolioDeltaEve, repricingLeg } from "../../engine/irrbb/eve";
import { niiRuns } from "../../engine/irrbb/nii";
import { interpolatedCurve } from "../../engine/curves/interpolatedCurve";
import { scenarioLabel } from "../../engine/irrbb/scenarios";
import { scenarioCurve } from "../../engine/irrbb/shock";
import { standardEve } from "../../engine/irrbb/standardEve";
import type { Amount } from "../../engine/types";
import { arg, curveArg } from "../args";
import { NII_OUTLIER_THRESHOLD, OUTLIER_THRESHOLD, TIER1_BOUNDS, behaviourArg, calibrationArg, currencyArg, floorArg, monthsArg, parseScenario, parseScenarioList, percentOfBase, positionsOf, requiredCurrencyArg, tableSizes } from "../irrbbArgs";
import { defineFunction, type Cell } from "../runner";
import { table } from "../table";
import { columnsOf } from "../schema/outputs";

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
 * @param [calibration] BCBS2024 (default), BCBS2016, EU, or own shock sizes: a Currency, Parallel, Short, Long table in bp, or one row of three numbers.
 * @param [floor] NONE (default), EU, ZERO, or a floor rate as a decimal.
 * @returns EVE (assets positive, liabilities negative).
 * @example =ALM.EVE({"Balance","Rate","Maturity";100,0,"2028-01-01"}, "2026-01-01", 0.03) returns 100·e^(-0.06) = 94.1764533584…
 */
export function eveFn(positions: any[][], as_of: any, curve: any[][], scenario?: any[][], currency?: any, calibration?: any[][], floor?: any): Promise<number> {
  return EVE(positions, as_of, curve, scenario, currency, calibration, floor);
}

const DELTAEVE = defineFunction(
  "DELTAEVE",
  [arg.any("positions"), arg.date("as_of"), curveArg(), requiredCurrencyArg(), calibrationArg(), floorArg(), arg.headers(), behaviourArg()],
  (positionsRaw, asOf, pillars, currency, calibration, floor, headers, behaviour) => {
    const sizes = tableSizes("DELTAEVE", currency, calibration);
    const result = portfolioDeltaEve(positionsOf("DELTAEVE", positionsRaw, asOf, currency), asOf, pillars, sizes, floor, behaviour);
    const pct = (delta: Amount) => percentOfBase("DELTAEVE", "EVE", delta, result.base);
    const rows: Cell[][] = [["BASE", result.base, 0, pct(0)]];
    for (const s of result.scenarios) rows.push([s.scenario, s.eve, s.delta, pct(s.delta)]);
    // The scenario with the most negative ΔEVE; 0 (the base EVE, no scenario named) when none loses.
    const worst = result.scenarios[result.worst];
    rows.push(worst.delta < 0 ? [`WORST (${worst.scenario})`, worst.eve, worst.delta, pct(worst.delta)] : ["WORST", result.base, 0, pct(0)]);
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
 * @param [calibration] BCBS2024 (default), BCBS2016, EU, or own shock sizes: a Currency, Parallel, Short, Long table in bp, or one row of three numbers.
 * @param [floor] NONE (default), EU, ZERO, or a floor rate as a decimal.
 * @param [headers] TRUE (default) to include the header row.
 * @param [behaviour] INPUT (default: the table's CPR and TDRR in every scenario) or BASEL (the SRP31 scenario multipliers on CPR and TDRR, as ALM.STANDARDEVE applies them).
 * @returns Table of scenario, EVE, ΔEVE and ΔEVE as a fraction of |base EVE|: BASE, six scenarios, WORST (0 when no scenario loses).
 * @example =ALM.DELTAEVE({"Balance","Rate","Maturity";100,0,"2028-01-01"}, "2026-01-01", 0.03, "USD") PARALLEL_UP row: ΔEVE = 100·(e^(-0.10) − e^(-0.06)) = −3.6927115…
 */
export function deltaeve(positions: any[][], as_of: any, curve: any[][], currency: any, calibration?: any[][], floor?: any, headers?: any, behaviour?: any): Promise<any[][]> {
  return DELTAEVE(positions, as_of, curve, currency, calibration, floor, headers, behaviour);
}

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
 * @param [calibration] BCBS2024 (default), BCBS2016, EU, or own shock sizes: a Currency, Parallel, Short, Long table in bp, or one row of three numbers.
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
  [arg.any("positions"), arg.date("as_of"), curveArg(), arg.any("scenario"), currencyArg(), monthsArg("horizon_months", 12, 1), monthsArg("ramp_months", 0, 0), calibrationArg(), floorArg(), behaviourArg()],
  (positionsRaw, asOf, pillars, scenarioRaw, currency, horizonMonths, rampMonths, calibration, floor, behaviour) => {
    const scenario = parseScenario(scenarioRaw, { fn: "NII", arg: "scenario" }, { fn: "NII", currency, calibration });
    const portfolio = positionsOf("NII", positionsRaw, asOf, currency);
    const runs = niiRuns(portfolio, asOf, interpolatedCurve(pillars, "LINEAR"), [scenario], { horizonMonths, rampMonths, floor, behaviour });
    return runs.values[0];
  }
, { offload: true });

/**
 * Net interest income over the horizon on a constant balance sheet: interest accrued within the horizon; repriced balances renew at their margin plus the base forward for their repricing tenor plus Beta × the scenario's change in that forward, within Cap and Floor (a deposit never below 0 % unless its Floor says so).
 * @customfunction NII
 * @param positions Positions table with its header row.
 * @param as_of Start of the horizon.
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate: the base curve renewals are priced on.
 * @param [scenario] Blank (no shock), a standard scenario (needs currency), a number of bp (parallel), or a two-column range of tenor and shift in bp.
 * @param [currency] Only rows of this currency count (with a Currency column); sets the shock sizes of a standard scenario.
 * @param [horizon_months] Length of the horizon in months (default 12).
 * @param [ramp_months] Months over which the shift grows linearly from 0 to full (default 0: at once).
 * @param [calibration] BCBS2024 (default), BCBS2016, EU, or own shock sizes: a Currency, Parallel, Short, Long table in bp, or one row of three numbers.
 * @param [floor] NONE (default), EU, ZERO, or a floor rate as a decimal, on the scenario curve as ALM.SHOCK applies it.
 * @param [behaviour] INPUT (default: the table's CPR and TDRR) or BASEL (a standard scenario's SRP31 multipliers on CPR and TDRR).
 * @returns NII (assets positive, liabilities negative).
 * @example =ALM.NII({"Balance","Rate","Maturity","Type","NextReset","ResetMonths";1000000,0.05,"2030-01-01","FLOATING","2026-04-01",6}, "2026-01-01", 0.03, 200) returns 1e6·(0.05·90 + 0.07·275)/365 = 65068.4931…
 */
export function niiFn(positions: any[][], as_of: any, curve: any[][], scenario?: any[][], currency?: any, horizon_months?: any, ramp_months?: any, calibration?: any[][], floor?: any, behaviour?: any): Promise<number> {
  return NII(positions, as_of, curve, scenario, currency, horizon_months, ramp_months, calibration, floor, behaviour);
}

const DELTANII = defineFunction(
  "DELTANII",
  [
    arg.any("positions"),
    arg.date("as_of"),
    curveArg(),
    requiredCurrencyArg(),
    arg.any("scenarios"),
    monthsArg("horizon_months", 12, 1),
    monthsArg("ramp_months", 0, 0),
    arg.headers(),
    calibrationArg(),
    floorArg(),
    arg.optionalNumber("tier1", undefined, TIER1_BOUNDS),
  ],
  (positionsRaw, asOf, pillars, currency, scenariosRaw, horizonMonths, rampMonths, headers, calibration, floor, tier1) => {
    const list = parseScenarioList(scenariosRaw, { fn: "DELTANII", arg: "scenarios" }, { fn: "DELTANII", currency, calibration });
    const portfolio = positionsOf("DELTANII", positionsRaw, asOf, currency);
    const runs = niiRuns(portfolio, asOf, interpolatedCurve(pillars, "LINEAR"), list, { horizonMonths, rampMonths, floor });
    const pct = (delta: Amount) => percentOfBase("DELTANII", "NII", delta, runs.base);
    const share = (delta: Amount): Cell[] => (tier1 === undefined ? [] : [delta / tier1]);
    const rows: Cell[][] = [["BASE", runs.base, 0, pct(0), ...share(0)]];
    list.forEach((scenario, k) => rows.push([scenarioLabel(scenario), runs.values[k], runs.values[k] - runs.base, pct(runs.values[k] - runs.base), ...share(runs.values[k] - runs.base)]));
    if (tier1 !== undefined) {
      let worst = -1;
      runs.values.forEach((v, k) => {
        if (v < runs.base && (worst < 0 || v < runs.values[worst])) worst = k;
      });
      const delta = worst < 0 ? 0 : runs.values[worst] - runs.base;
      const outlier = -delta > NII_OUTLIER_THRESHOLD * tier1;
      const label = `MAX${worst >= 0 ? ` (${scenarioLabel(list[worst])})` : ""}${outlier ? " OUTLIER" : ""}`;
      rows.push([label, runs.base + delta, delta, pct(delta), delta / tier1]);
    }
    return table("DELTANII", columnsOf("DELTANII", { tier1: tier1 !== undefined }), rows, headers);
  }
, { offload: true });

/**
 * ΔNII under rate scenarios: NII(scenario) − NII(base) over the horizon on a constant balance sheet, renewals priced as ALM.NII prices them; with a Tier 1, the EU NII outlier test (a decline above 5 % of Tier 1).
 * @customfunction DELTANII
 * @param positions Positions table with its header row.
 * @param as_of Start of the horizon.
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param currency Currency of the shock sizes; with a Currency column only its rows count.
 * @param [scenarios] NII (default: PARALLEL_UP, PARALLEL_DOWN), BASEL, or a row or column of scenario names or numbers of bp.
 * @param [horizon_months] Length of the horizon in months (default 12).
 * @param [ramp_months] Months over which the shift grows linearly from 0 to full (default 0: at once).
 * @param [headers] TRUE (default) to include the header row.
 * @param [calibration] BCBS2024 (default), BCBS2016, EU, or own shock sizes: a Currency, Parallel, Short, Long table in bp, or one row of three numbers.
 * @param [floor] NONE (default), EU, ZERO, or a floor rate as a decimal, on the scenario curve as ALM.SHOCK applies it.
 * @param [tier1] Tier 1 capital: adds ΔNII % of Tier 1 and a MAX row (the largest decline), flagged OUTLIER beyond 5 % of Tier 1.
 * @returns Table of scenario, NII, ΔNII and ΔNII as a fraction of |base NII| (and of Tier 1).
 * @example =ALM.DELTANII({"Balance","Rate","Maturity","Type","NextReset","ResetMonths";1000000,0.05,"2030-01-01","FLOATING","2026-04-01",6}, "2026-01-01", 0.03, "USD") PARALLEL_UP row: ΔNII = 1e6·0.02·275/365 = 15068.4931…
 */
export function deltanii(positions: any[][], as_of: any, curve: any[][], currency: any, scenarios?: any[][], horizon_months?: any, ramp_months?: any, headers?: any, calibration?: any[][], floor?: any, tier1?: any): Promise<any[][]> {
  return DELTANII(positions, as_of, curve, currency, scenarios, horizon_months, ramp_months, headers, calibration, floor, tier1);
}

