import { type Discounting } from "../engine/cashflows/analytics";
import { interpolatedCurve } from "../engine/curves/interpolatedCurve";
import { DAY_COUNTS_BY_BASIS, yearFraction } from "../engine/time/dayCount";
import type { Amount, SerialDate, Time } from "../engine/types";
import { curveIndex, fixingsIndex, type RateIndex } from "../engine/cashflows/projection";
import { DATE_KEY, dateCell, fail, isBlank, numberCell, parseCurve, readKeyedTable, toMatrix, vectorView, type ArgSpec } from "./args";
import { messages, type Where } from "./messages";
import { normalizeHeader } from "./schema/positions";
import { INPUT_TABLES } from "./schema/tables";

/** Signed amounts and their dates, paired row by row; fully blank rows skipped. */
export interface DatedAmounts {
  readonly amounts: Float64Array;
  readonly dates: Int32Array;
  /** 1-based row of each pair within its range. */
  readonly rows: Int32Array;
}

/**
 * Pairs an amounts range with a dates range of the same length (docs/functions.md, cash-flow analytics). A row
 * blank in both is ignored; blank in one is an error naming the row.
 */
export function pairAmountsDates(fn: string, amountsRaw: unknown, datesRaw: unknown, extra?: { name: string; raw: unknown }): DatedAmounts & { extra: unknown[] } {
  const a = vectorView(amountsRaw, { fn, arg: "amounts" });
  const d = vectorView(datesRaw, { fn, arg: "dates" });
  if (a.length !== d.length) fail(messages.lengthMismatch(fn, "amounts", a.length, "dates", d.length));
  const x = extra ? vectorView(extra.raw, { fn, arg: extra.name }) : undefined;
  if (x && x.length !== a.length) fail(messages.lengthMismatch(fn, "amounts", a.length, (extra as { name: string }).name, x.length));
  const amounts = new Float64Array(a.length);
  const dates = new Int32Array(a.length);
  const rows = new Int32Array(a.length);
  const kept: unknown[] = [];
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    const ai = a.at(i);
    const di = d.at(i);
    const blankA = isBlank(ai);
    const blankD = isBlank(di);
    if (blankA && blankD && (!x || isBlank(x.at(i)))) continue;
    if (blankA) fail(messages.missing({ fn, arg: "amounts", row: i + 1 }));
    if (blankD) fail(messages.missing({ fn, arg: "dates", row: i + 1 }));
    amounts[n] = typeof ai === "number" && Number.isFinite(ai) ? ai : numberCell(ai, { fn, arg: "amounts", row: i + 1 }, "a signed cash-flow amount");
    dates[n] = dateCell(di, { fn, arg: "dates", row: i + 1 });
    rows[n] = i + 1;
    if (x) kept.push(x.at(i));
    n++;
  }
  return { amounts: amounts.subarray(0, n), dates: dates.subarray(0, n), rows: rows.subarray(0, n), extra: kept };
}

/** The flows strictly after `asOf` as a leg timed by YEARFRAC(as_of, date, basis). */
export function legAfter(flows: DatedAmounts, asOf: SerialDate, basis: number): { amounts: Amount[]; times: Time[] } {
  const amounts: Amount[] = [];
  const times: Time[] = [];
  const dayCount = DAY_COUNTS_BY_BASIS[basis];
  for (let i = 0; i < flows.amounts.length; i++) {
    if (flows.dates[i] <= asOf) continue;
    amounts.push(flows.amounts[i]);
    times.push(yearFraction(asOf, flows.dates[i], dayCount));
  }
  return { amounts, times };
}

/** The `curve_or_yield` argument: a single number is a yield compounded `frequency` times a year; a range is a curve. */
export function discounting(raw: unknown, where: Where, frequency: 0 | 1 | 2 | 4 | 12): Discounting {
  const m = toMatrix(raw, where);
  if (m.length === 1 && m[0].length === 1) {
    return { kind: "yield", rate: numberCell(m[0][0], where, "a yield as a decimal, or a two-column curve range"), frequency };
  }
  return { kind: "curve", curve: interpolatedCurve(parseCurve(m, where), "LINEAR") };
}

/** The `index` argument, once parsed: the index floaters are projected from, given the as-of date. */
export type IndexSource = ((asOf: SerialDate) => RateIndex) | undefined;

/**
 * The optional `index` argument of floating projection (docs/functions.md, positions table): a fixings
 * table (schema/tables.ts `fixings`: a header row whose first cell is `Date`, then dates ascending and
 * rates) or, for anything else, a curve as `curve` arguments take it (the forward for each reset period).
 */
export function indexArg(): ArgSpec<IndexSource> {
  return {
    name: "index",
    parse: (raw, where) => {
      const m = raw === null || raw === undefined ? [] : toMatrix(raw, where);
      if (m.length === 0 || m.every((r) => r.every(isBlank))) return undefined;
      const [dateColumn, rateColumn] = INPUT_TABLES.fixings.columns;
      if (normalizeHeader(m[0][0]) !== normalizeHeader(dateColumn.name)) {
        const curve = interpolatedCurve(parseCurve(m, where), "LINEAR");
        return (asOf) => curveIndex(curve, asOf);
      }
      if (m[0].length !== 2) fail(messages.shape(where, `got a ${m.length}×${m[0].length} range; expected a fixings table of two columns with the header row ${dateColumn.name}, ${rateColumn.name}`));
      const { keys: dates, values: rates } = readKeyedTable(m, where, "fixings", DATE_KEY);
      const index = fixingsIndex(dates, rates);
      return () => index;
    },
  };
}
