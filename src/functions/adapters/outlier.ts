import { interpolatedCurve, type Pillars } from "../../engine/curves/interpolatedCurve";
import { portfolioDeltaEve } from "../../engine/irrbb/eve";
import { niiRuns } from "../../engine/irrbb/nii";
import { BASEL_SCENARIOS, SCENARIO_SETS, type BaselScenario } from "../../engine/irrbb/scenarios";
import { standardEve } from "../../engine/irrbb/standardEve";
import { selectPositions } from "../../engine/portfolio/portfolio";
import type { Amount } from "../../engine/types";
import { arg, fail } from "../args";
import { NII_OUTLIER_THRESHOLD, OUTLIER_THRESHOLD, TIER1_BOUNDS, calibrationArg, floorArg, tableSizes } from "../irrbbArgs";
import { messages, type Where } from "../messages";
import { parseCurves, parseFx } from "../outlierTables";
import { parsePositions } from "../positions";
import { defineFunction, type Cell } from "../runner";
import { OUTLIER_METHODS, OUTLIER_RULES } from "../schema/choices";
import { columnsOf } from "../schema/outputs";
import { table } from "../table";

const FN = "OUTLIERTEST";

/** Changes of one measure per currency (already in the reporting currency), by scenario. */
type Changes = Map<string, Amount[]>;

const OUTLIERTEST = defineFunction(
  FN,
  [
    arg.any("positions"),
    arg.date("as_of"),
    arg.any("curves"),
    arg.number("tier1", TIER1_BOUNDS),
    arg.optionalRange("fx"),
    arg.optionalChoice("method", OUTLIER_METHODS, "FULL"),
    calibrationArg(),
    floorArg(),
    arg.optionalChoice("rule", OUTLIER_RULES, "BCBS"),
    arg.headers(),
  ],
  (positionsRaw, asOf, curvesRaw, tier1, fxRaw, method, calibration, floor, rule, headers) => {
    const curves = parseCurves(curvesRaw, { fn: FN, arg: "curves" });
    const fx = fxRaw === undefined ? undefined : parseFx(fxRaw, { fn: FN, arg: "fx" });
    const positionsWhere: Where = { fn: FN, arg: "positions" };
    const all = parsePositions(positionsRaw, positionsWhere, asOf, { mixedCurrencies: "allow" });
    // The rows of each currency, each currency with a curve and (with several) a rate; a row without is named.
    const single = curves.size === 1 ? [...curves.keys()][0] : undefined;
    const rowsOf = new Map<string, number[]>();
    for (let i = 0; i < all.size; i++) {
      const code = all.currency[i] || single;
      const w = { ...positionsWhere, row: all.row[i], column: "Currency" };
      if (code === undefined) fail(messages.expected(w, all.currency[i], `a currency of the curves range (${[...curves.keys()].join(", ")}); with several curves every row needs its Currency`));
      if (!curves.has(code)) fail(messages.expected(w, code, `a currency with a curve in curves (${[...curves.keys()].join(", ")})`));
      if (fx !== undefined && !fx.has(code)) fail(messages.expected(w, code, `a currency with a rate in fx (${[...fx.keys()].join(", ")})`));
      const list = rowsOf.get(code);
      if (list) list.push(i);
      else rowsOf.set(code, [i]);
    }
    const currencies = [...curves.keys()].filter((c) => rowsOf.has(c));
    if (currencies.length > 1 && fx === undefined) fail(messages.fxNeeded({ fn: FN, arg: "fx" }, currencies));

    const eveChanges: Changes = new Map();
    const niiChanges: Changes = new Map();
    const niiScenarios = SCENARIO_SETS.NII;
    for (const code of currencies) {
      const rate = fx?.get(code) ?? 1;
      const rows = rowsOf.get(code) as number[];
      // The table is read once; each currency's book is its rows of it.
      const book = rows.length === all.size ? all : selectPositions(all, rows);
      const pillars = curves.get(code) as Pillars;
      const sizes = tableSizes(FN, code, calibration, { fn: FN, arg: "curves" });
      const eve: Amount[] =
        method === "FULL"
          ? portfolioDeltaEve(book, asOf, pillars, sizes, floor, "INPUT").scenarios.map((s) => s.delta)
          : standardEve(book, asOf, pillars, sizes, floor).scenarios.map((s) => -s.loss);
      eveChanges.set(code, eve.map((d) => d * rate));
      const runs = niiRuns(book, asOf, interpolatedCurve(pillars, "LINEAR"), niiScenarios.map((name) => ({ kind: "STANDARD", name, sizes }) as const), { horizonMonths: 12, rampMonths: 0, floor });
      niiChanges.set(code, runs.values.map((v) => (v - runs.base) * rate));
    }

    const aggregate = (values: readonly Amount[]): Amount => {
      let losses = 0;
      let gains = 0;
      for (const v of values) {
        if (v < 0) losses += v;
        else gains += v;
      }
      return rule === "EU" ? losses + 0.5 * gains : losses;
    };
    const tableRows = (measure: "EVE" | "NII", scenarios: readonly BaselScenario[], changes: Changes, threshold: number | undefined) => {
      const rows = scenarios.map((name, k) => {
        const values = currencies.map((c) => (changes.get(c) as Amount[])[k]);
        const total = aggregate(values);
        return { name, values, total, outlier: threshold !== undefined && total < -threshold * tier1 };
      });
      let worst = 0;
      rows.forEach((r, k) => {
        if (r.total < rows[worst].total) worst = k;
      });
      const cells = (label: string, r: { name: string; values: Amount[]; total: Amount; outlier: boolean }): Cell[] => [label, r.name, ...r.values, r.total, r.total / tier1, r.outlier ? "OUTLIER" : ""];
      // The measure is the largest decline; when no scenario declines it is 0, with no scenario named.
      const none = { name: "", values: currencies.map(() => 0), total: 0, outlier: false };
      return { scenarioRows: rows.map((r) => cells(measure, r)), max: cells(`MAX ${measure}`, rows[worst].total < 0 ? rows[worst] : none) };
    };
    const eve = tableRows("EVE", BASEL_SCENARIOS, eveChanges, OUTLIER_THRESHOLD);
    const nii = tableRows("NII", niiScenarios, niiChanges, rule === "EU" ? NII_OUTLIER_THRESHOLD : undefined);
    return table(FN, columnsOf(FN, { currencies }), [...eve.scenarioRows, ...nii.scenarioRows, eve.max, nii.max], headers);
  },
  { offload: true }
);

/**
 * The supervisory outlier tests of a multi-currency book: ΔEVE under the six Basel scenarios and ΔNII under the two parallel ones, per currency in the reporting currency, aggregated by the BCBS rule (losses only, SRP31.82) or the EU rule (losses plus 50 % of gains, EBA/GL/2018/02 ¶115(m)), as a % of Tier 1 with the 15 % EVE and (EU) 5 % NII flags.
 * @customfunction OUTLIERTEST
 * @param positions Positions table with its header row; with several currencies, a Currency column.
 * @param as_of Valuation date.
 * @param curves A header row Tenor then one currency code per column, and rows of tenor and zero rates (continuously compounded).
 * @param tier1 Tier 1 capital in the reporting currency.
 * @param [fx] Two columns: Currency and units of the reporting currency per unit (the reporting currency 1); needed with several currencies.
 * @param [method] FULL (default: full revaluation as ALM.DELTAEVE) or STANDARD (the standardised framework as ALM.STANDARDEVE).
 * @param [calibration] BCBS2024 (default), BCBS2016, EU, or own shock sizes: a Currency, Parallel, Short, Long table in bp, or one row of three numbers.
 * @param [floor] NONE (default), EU, ZERO, or a floor rate as a decimal.
 * @param [rule] BCBS (default: the sum of the currencies' losses) or EU (losses plus 50 % of gains; adds the NII flag).
 * @param [headers] TRUE (default) to include the header row.
 * @returns Table of measure, scenario, the change per currency, aggregate, % of Tier 1 and outlier flag; then MAX EVE and MAX NII.
 * @example =ALM.OUTLIERTEST({"Balance","Rate","Maturity";100,0,"2028-01-01"}, "2026-01-01", {"Tenor","USD";1,0.03}, 20) PARALLEL_UP row: 100·(e^(-0.10) − e^(-0.06)) = −3.6927115…, 18.5 % of Tier 1, OUTLIER
 */
export function outliertest(positions: any[][], as_of: any, curves: any[][], tier1: any, fx?: any[][], method?: any, calibration?: any[][], floor?: any, rule?: any, headers?: any): Promise<any[][]> {
  return OUTLIERTEST(positions, as_of, curves, tier1, fx, method, calibration, floor, rule, headers);
}
