import { CONVEXITY_TYPES, DEFAULT_KEY_TENORS, DURATION_TYPES, convexity, duration, durationGap, dv01, keyRateDurations, presentValue } from "../../engine/cashflows/analytics";
import { DailyFlows, FlowList } from "../../engine/cashflows/aggregate";
import { bootstrapZeroRates } from "../../engine/cashflows/bootstrap";
import { FLOW_VIEWS, generateFlows } from "../../engine/cashflows/generate";
import { interpolatedCurve } from "../../engine/curves/interpolatedCurve";
import { arg, booleanCell, currencyArg, curveArg, fail, isBlank, numberCell, scalarOf, timeCell, vectorOf } from "../args";
import { toWorkbookSerial } from "../dateSystem";
import { discounting, indexArg, legAfter, pairAmountsDates } from "../flowsArgs";
import { messages } from "../messages";
import { parsePositions } from "../positions";
import { defineFunction, type Cell } from "../runner";
import { table } from "../table";
import { columnsOf } from "../schema/outputs";

const FREQUENCY_CODES = [0, 1, 2, 4, 12] as const;
const BASIS_CODES = [0, 1, 2, 3, 4] as const;

const leg = (fn: string, amounts: unknown, dates: unknown, asOf: number, basis: number) => legAfter(pairAmountsDates(fn, amounts, dates), asOf, basis);

const NPV = defineFunction(
  "NPV",
  [arg.any("amounts"), arg.any("dates"), arg.date("as_of"), arg.any("curve_or_yield"), arg.code("frequency", FREQUENCY_CODES, 1), arg.code("basis", BASIS_CODES, 3)],
  (amounts, dates, asOf, cy, frequency, basis) => presentValue(leg("NPV", amounts, dates, asOf, basis), discounting(cy, { fn: "NPV", arg: "curve_or_yield" }, frequency))
);

/**
 * Present value of dated cash flows after as_of, on a curve or at a yield.
 * @customfunction NPV
 * @param amounts Signed cash-flow amounts (one column or row).
 * @param dates Their dates, same length.
 * @param as_of Valuation date; flows on or before it are excluded.
 * @param curve_or_yield A curve (two columns: tenor, continuously-compounded zero rate), or a yield.
 * @param [frequency] Compounding of a yield: 1 (default), 2, 4, 12, or 0 for continuous.
 * @param [basis] Day count of the time measure, Excel codes 0–4 (default 3, Actual/365).
 * @example =ALM.NPV({5;105}, {"2027-01-01";"2028-01-01"}, "2026-01-01", 0.05) returns 5/1.05 + 105/1.05² = 100
 * @returns Present value.
 */
export function npv(amounts: any[][], dates: any[][], as_of: any, curve_or_yield: any[][], frequency?: any, basis?: any): number {
  return NPV(amounts, dates, as_of, curve_or_yield, frequency, basis);
}

const DURATION = defineFunction(
  "DURATION",
  [arg.any("amounts"), arg.any("dates"), arg.date("as_of"), arg.any("curve_or_yield"), arg.optionalChoice("type", DURATION_TYPES, "MACAULAY"), arg.code("frequency", FREQUENCY_CODES, 1), arg.code("basis", BASIS_CODES, 3)],
  (amounts, dates, asOf, cy, type, frequency, basis) => duration(leg("DURATION", amounts, dates, asOf, basis), discounting(cy, { fn: "DURATION", arg: "curve_or_yield" }, frequency), type)
);

/**
 * Duration of dated cash flows: MACAULAY (Fisher–Weil on a curve), MODIFIED or EFFECTIVE (±1 bp).
 * @customfunction DURATION
 * @param amounts Signed cash-flow amounts.
 * @param dates Their dates, same length.
 * @param as_of Valuation date; flows on or before it are excluded.
 * @param curve_or_yield A curve or a yield.
 * @param [type] MACAULAY (default), MODIFIED or EFFECTIVE.
 * @param [frequency] Compounding of a yield: 1 (default), 2, 4, 12, or 0 for continuous.
 * @param [basis] Day count of the time measure, Excel codes 0–4 (default 3).
 * @example =ALM.DURATION({5;105}, {"2027-01-01";"2028-01-01"}, "2026-01-01", 0.05) returns (5/1.05 + 2·105/1.05²)/100 = 1.95238095…
 * @returns Duration in years.
 */
export function durationFn(amounts: any[][], dates: any[][], as_of: any, curve_or_yield: any[][], type?: any, frequency?: any, basis?: any): number {
  return DURATION(amounts, dates, as_of, curve_or_yield, type, frequency, basis);
}

const CONVEXITY = defineFunction(
  "CONVEXITY",
  [arg.any("amounts"), arg.any("dates"), arg.date("as_of"), arg.any("curve_or_yield"), arg.optionalChoice("type", CONVEXITY_TYPES, "MODIFIED"), arg.code("frequency", FREQUENCY_CODES, 1), arg.code("basis", BASIS_CODES, 3)],
  (amounts, dates, asOf, cy, type, frequency, basis) => convexity(leg("CONVEXITY", amounts, dates, asOf, basis), discounting(cy, { fn: "CONVEXITY", arg: "curve_or_yield" }, frequency), type)
);

/**
 * Convexity of dated cash flows: MODIFIED (1/P·d²P/dy², default) or EFFECTIVE (central difference, 1 bp).
 * @customfunction CONVEXITY
 * @param amounts Signed cash-flow amounts.
 * @param dates Their dates, same length.
 * @param as_of Valuation date; flows on or before it are excluded.
 * @param curve_or_yield A curve or a yield.
 * @param [type] MODIFIED (default) or EFFECTIVE.
 * @param [frequency] Compounding of a yield: 1 (default), 2, 4, 12, or 0 for continuous.
 * @param [basis] Day count of the time measure, Excel codes 0–4 (default 3).
 * @example =ALM.CONVEXITY({5;105}, {"2027-01-01";"2028-01-01"}, "2026-01-01", 0.05) returns (5·1·2/1.05³ + 105·2·3/1.05⁴)/100 = 5.26989…
 * @returns Convexity in years squared.
 */
export function convexityFn(amounts: any[][], dates: any[][], as_of: any, curve_or_yield: any[][], type?: any, frequency?: any, basis?: any): number {
  return CONVEXITY(amounts, dates, as_of, curve_or_yield, type, frequency, basis);
}

const BPV = defineFunction(
  "BPV",
  [arg.any("amounts"), arg.any("dates"), arg.date("as_of"), arg.any("curve_or_yield"), arg.code("frequency", FREQUENCY_CODES, 1), arg.code("basis", BASIS_CODES, 3)],
  (amounts, dates, asOf, cy, frequency, basis) => dv01(leg("BPV", amounts, dates, asOf, basis), discounting(cy, { fn: "BPV", arg: "curve_or_yield" }, frequency))
);

/**
 * Value of a basis point: (P(−1bp) − P(+1bp))/2.
 * @customfunction BPV
 * @param amounts Signed cash-flow amounts.
 * @param dates Their dates, same length.
 * @param as_of Valuation date; flows on or before it are excluded.
 * @param curve_or_yield A curve or a yield.
 * @param [frequency] Compounding of a yield: 1 (default), 2, 4, 12, or 0 for continuous.
 * @param [basis] Day count of the time measure, Excel codes 0–4 (default 3).
 * @example =ALM.BPV({100}, {"2028-01-01"}, "2026-01-01", 0, 0) returns 100·sinh(0.0002) = 0.0200000001…
 * @returns Basis-point value (DV01) in money.
 */
export function bpv(amounts: any[][], dates: any[][], as_of: any, curve_or_yield: any[][], frequency?: any, basis?: any): number {
  return BPV(amounts, dates, as_of, curve_or_yield, frequency, basis);
}

const KRD = defineFunction(
  "KRD",
  [arg.any("amounts"), arg.any("dates"), arg.date("as_of"), curveArg(), arg.optionalRange("key_tenors"), arg.headers()],
  (amounts, dates, asOf, pillars, keysRaw, headers) => {
    let keys = DEFAULT_KEY_TENORS;
    if (keysRaw) {
      const cells = vectorOf(keysRaw, { fn: "KRD", arg: "key_tenors" }).filter((v) => !isBlank(v));
      keys = cells.map((v, i) => timeCell(v, { fn: "KRD", arg: "key_tenors", row: i + 1 }));
      if (keys.length === 0) fail(messages.missing({ fn: "KRD", arg: "key_tenors" }));
      keys.forEach((k, i) => {
        if (i > 0 && k <= keys[i - 1]) fail(messages.notIncreasing({ fn: "KRD", arg: "key_tenors", row: i + 1 }, k, keys[i - 1]));
      });
    }
    const rows = keyRateDurations(leg("KRD", amounts, dates, asOf, 3), interpolatedCurve(pillars, "LINEAR"), keys).map((r): Cell[] => [r.key, r.krd, r.dv01]);
    return table("KRD", columnsOf("KRD"), rows, headers);
  },
  { offload: true }
);

/**
 * Key-rate durations: tent-shaped 1 bp moves of the zero curve at each key tenor; they add up to the effective duration.
 * @customfunction KRD
 * @param amounts Signed cash-flow amounts.
 * @param dates Their dates, same length.
 * @param as_of Valuation date; flows on or before it are excluded.
 * @param curve A curve (two columns: tenor, continuously-compounded zero rate) or a flat rate.
 * @param [key_tenors] Key tenors in years or tenor text (default 0.25, 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30).
 * @param [headers] TRUE (default) to include the header row.
 * @example =ALM.KRD({100}, {"2028-01-01"}, "2026-01-01", 0.03, {1;3}, FALSE) returns 1, 1.0000000017, …; 3, 1.0000000017, … (half the tent at t = 2 for each key)
 * @returns Table of key tenor, KRD and DV01.
 */
export function krd(amounts: any[][], dates: any[][], as_of: any, curve: any[][], key_tenors?: any[][], headers?: any): Promise<any[][]> {
  return KRD(amounts, dates, as_of, curve, key_tenors, headers);
}

const DGAP = defineFunction(
  "DGAP",
  [arg.number("asset_duration"), arg.number("liability_duration"), arg.number("assets"), arg.number("liabilities")],
  (da, dl, a, l) => durationGap(da, dl, Math.abs(a), Math.abs(l))
);

/**
 * Duration gap D_A − (L/A)·D_L; assets and liabilities may be given with either sign.
 * @customfunction DGAP
 * @param asset_duration Duration of the assets in years.
 * @param liability_duration Duration of the liabilities in years.
 * @param assets Total assets.
 * @param liabilities Total liabilities.
 * @example =ALM.DGAP(4, 2, 100, -90) returns 4 − (90/100)·2 = 2.2
 * @returns Duration gap in years.
 */
export function dgap(asset_duration: any, liability_duration: any, assets: any, liabilities: any): number {
  return DGAP(asset_duration, liability_duration, assets, liabilities);
}

const BOOTSTRAP = defineFunction(
  "BOOTSTRAP",
  [arg.any("tenors"), arg.any("par_rates"), arg.code("frequency", [1, 2, 4, 12] as const, 1), arg.headers()],
  (tenorsRaw, ratesRaw, frequency, headers) => {
    const t = vectorOf(tenorsRaw, { fn: "BOOTSTRAP", arg: "tenors" });
    const r = vectorOf(ratesRaw, { fn: "BOOTSTRAP", arg: "par_rates" });
    if (t.length !== r.length) fail(messages.lengthMismatch("BOOTSTRAP", "tenors", t.length, "par_rates", r.length));
    const tenors: number[] = [];
    const rates: number[] = [];
    t.forEach((tenor, i) => {
      if (isBlank(tenor) && isBlank(r[i])) return;
      const w = { fn: "BOOTSTRAP", arg: "tenors", row: i + 1 };
      const time = timeCell(tenor, w);
      if (time <= 0) fail(messages.expected(w, tenor, "a tenor after 0"));
      if (tenors.length && time <= tenors[tenors.length - 1]) fail(messages.notIncreasing(w, time, tenors[tenors.length - 1]));
      tenors.push(time);
      rates.push(numberCell(r[i], { fn: "BOOTSTRAP", arg: "par_rates", row: i + 1 }, "a par rate as a decimal"));
    });
    if (tenors.length === 0) fail(messages.missing({ fn: "BOOTSTRAP", arg: "tenors" }));
    const zeros = bootstrapZeroRates(tenors, rates, frequency);
    return table("BOOTSTRAP", columnsOf("BOOTSTRAP"), tenors.map((x, i): Cell[] => [x, zeros[i]]), headers);
  }
);

/**
 * Zero curve from par rates: deposits up to 1 year, par bonds beyond.
 * @customfunction BOOTSTRAP
 * @param tenors Tenors in years or tenor text, increasing.
 * @param par_rates Par rates as decimals, same length.
 * @param [frequency] Coupons a year of the par bonds: 1 (default), 2, 4 or 12.
 * @param [headers] TRUE (default) to include the header row.
 * @example =ALM.BOOTSTRAP({1;2}, {0.03;0.04}, , FALSE) returns 1, ln 1.03 = 0.0295588…; 2, 0.0394149…
 * @returns Table of tenor and continuously-compounded zero rate.
 */
export function bootstrap(tenors: any[][], par_rates: any[][], frequency?: any, headers?: any): any[][] {
  return BOOTSTRAP(tenors, par_rates, frequency, headers);
}

const CASHFLOWS = defineFunction(
  "CASHFLOWS",
  [arg.any("positions"), arg.date("as_of"), arg.optionalChoice("mode", FLOW_VIEWS, "CONTRACTUAL"), arg.any("detail"), arg.headers(), indexArg(), currencyArg()],
  (positionsRaw, asOf, mode, detailRaw, headers, indexSource, currency) => {
    const detailCell = scalarOf(detailRaw, { fn: "CASHFLOWS", arg: "detail" });
    const detail = isBlank(detailCell) ? false : booleanCell(detailCell, { fn: "CASHFLOWS", arg: "detail" });
    const portfolio = parsePositions(positionsRaw, { fn: "CASHFLOWS", arg: "positions" }, asOf, { currency });
    const options = { index: indexSource?.(asOf) };
    if (detail) {
      const list = new FlowList();
      generateFlows(portfolio, asOf, mode, list, options);
      const rows: Cell[][] = [];
      for (let k = 0; k < list.count; k++) {
        const i = list.position[k];
        rows.push([portfolio.id[i] || portfolio.row[i], toWorkbookSerial(list.date[k]), list.principal[k], list.interest[k], list.principal[k] + list.interest[k]]);
      }
      return table("CASHFLOWS", ["Id", "Date", "Principal", "Interest", "Total"], rows, headers);
    }
    const daily = new DailyFlows(portfolio, asOf);
    generateFlows(portfolio, asOf, mode, daily, options);
    const rows: Cell[][] = [];
    for (let d = 0; d <= daily.lastDay; d++) {
      if (!daily.present[d]) continue;
      const principal = daily.assetPrincipal[d] + daily.liabilityPrincipal[d];
      const interest = daily.assetInterest[d] + daily.liabilityInterest[d];
      rows.push([toWorkbookSerial(asOf + d), principal, interest, principal + interest]);
    }
    return table("CASHFLOWS", ["Date", "Principal", "Interest", "Total"], rows, headers);
  },
  { offload: true }
);

/**
 * Dated cash flows of a positions table, summed by date or per position.
 * @customfunction CASHFLOWS
 * @param positions Positions table with its header row (Balance, Rate, Maturity, …).
 * @param as_of Valuation date.
 * @param [mode] CONTRACTUAL (default) or REPRICING.
 * @param [detail] TRUE for one row per position and date (Id first); FALSE (default) sums by date.
 * @param [headers] TRUE (default) to include the header row.
 * @param [index] Index of floaters after each reset: a curve (the forward for the reset period) or a fixings table with the header row Date, Rate; without it floaters keep their rate.
 * @param [currency] Only rows of this currency count (with a Currency column); a table in several currencies needs it.
 * @example =ALM.CASHFLOWS({"Balance","Rate","Maturity";1000,0.05,"2027-01-01"}, "2026-01-01") returns 2027-01-01, 1000, 50, 1050
 * @returns Table of dates, principal, interest and total.
 */
export function cashflows(positions: any[][], as_of: any, mode?: any, detail?: any, headers?: any, index?: any[][], currency?: any): Promise<any[][]> {
  return CASHFLOWS(positions, as_of, mode, detail, headers, index, currency);
}
