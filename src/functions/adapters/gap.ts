import { BUCKET_SCHEMES, BUCKET_SCHEME_NAMES, bucketMidpoint, customBuckets, edgeDates, edgeTime, type BucketScheme } from "../../engine/gap/buckets";
import { bucketAmounts, gapColumns, liquidityBuckets, nmdBuckets, repricingBuckets, type TwoSided } from "../../engine/gap/gapTable";
import { NMD_CAPS, NMD_CATEGORIES } from "../../engine/portfolio/portfolio";
import { parseTenor, type Tenor } from "../../engine/time/tenor";
import type { SerialDate } from "../../engine/types";
import { arg, choiceCell, currencyArg, fail, isBlank, numberCell, scalarOf, toMatrix, vectorOf } from "../args";
import { indexArg, pairAmountsDates } from "../flowsArgs";
import { messages, type Where } from "../messages";
import { parsePositions } from "../positions";
import { toWorkbookSerial } from "../dateSystem";
import { defineFunction, type Cell } from "../runner";
import { table } from "../table";
import { columnsOf } from "../schema/outputs";
import { SIDES } from "../schema/positions";

/** The `[buckets]` argument: a scheme name (default BASEL) or a range of upper-edge tenors. */
function parseBuckets(raw: unknown, where: Where): BucketScheme {
  const m = raw === null || raw === undefined ? [[null]] : toMatrix(raw, where);
  if (m.length === 1 && m[0].length === 1 && (isBlank(m[0][0]) || typeof m[0][0] === "string") && !parseTenor(String(m[0][0] ?? ""))) {
    return isBlank(m[0][0]) ? BUCKET_SCHEMES.BASEL : BUCKET_SCHEMES[choiceCell(m[0][0], where, BUCKET_SCHEME_NAMES)];
  }
  const edges: (Tenor | number)[] = [];
  const labels: string[] = [];
  vectorOf(m, where).forEach((cell, i) => {
    if (isBlank(cell)) return;
    const w = { ...where, row: i + 1 };
    let edge: Tenor | number | undefined;
    if (typeof cell === "number" && Number.isFinite(cell) && cell > 0) edge = cell;
    else if (typeof cell === "string") edge = parseTenor(cell);
    if (edge === undefined) fail(messages.expected(w, cell, `a bucket scheme (${BUCKET_SCHEME_NAMES.join(", ")}) or upper edges as years > 0 or tenors like 3M, 5Y`));
    const t = edgeTime(edge);
    if (edges.length && t <= edgeTime(edges[edges.length - 1])) fail(messages.notIncreasing(w, t, edgeTime(edges[edges.length - 1])));
    edges.push(edge);
    labels.push(typeof cell === "string" ? cell.trim().toUpperCase() : `${cell}Y`);
  });
  if (edges.length === 0) fail(messages.missing(where));
  return customBuckets(edges, labels);
}

const bucketsArg = (name = "buckets"): { name: string; parse: (raw: unknown, where: Where) => BucketScheme } => ({ name, parse: parseBuckets });

/** Bucket, From and To cells of bucket k: dates with an as-of date, years without. */
function bucketColumns(scheme: BucketScheme, k: number, edges: Int32Array | undefined, asOf: SerialDate | undefined): Cell[] {
  const last = k === scheme.labels.length - 1;
  if (edges && asOf !== undefined) return [scheme.labels[k], toWorkbookSerial(k === 0 ? asOf : edges[k - 1]), last ? "" : toWorkbookSerial(edges[k])];
  return [scheme.labels[k], k === 0 ? 0 : edgeTime(scheme.edges[k - 1]), last ? "" : edgeTime(scheme.edges[k])];
}

const BUCKETS = defineFunction("BUCKETS", [bucketsArg("scheme"), arg.optionalDate("as_of"), arg.headers()], (scheme, asOf, headers) => {
  const edges = asOf === undefined ? undefined : edgeDates(scheme, asOf);
  const rows = scheme.labels.map((_, k): Cell[] => [...bucketColumns(scheme, k, edges, asOf), bucketMidpoint(scheme, k) ?? ""]);
  return table("BUCKETS", columnsOf("BUCKETS"), rows, headers);
});

/**
 * Time buckets of a scheme: BASEL (19 buckets, published midpoints), MONTHLY or ANNUAL, or custom upper edges.
 * @customfunction BUCKETS
 * @param [scheme] BASEL (default), MONTHLY, ANNUAL, or a range of upper-edge tenors.
 * @param [as_of] With a date, From and To are dates (EDATE from as_of); without, years.
 * @param [headers] TRUE (default) to include the header row.
 * @example =ALM.BUCKETS() returns the 19 Basel buckets; row 10 is 3Y-4Y from 3 to 4 years, midpoint 3.5
 * @returns Table of bucket, from, to and midpoint in years.
 */
export function buckets(scheme?: any[][], as_of?: any, headers?: any): any[][] {
  return BUCKETS(scheme, as_of, headers);
}

/** Rows of a two-sided gap table: bucket columns, A, L, the gap and the cumulative gap, then Total. */
function gapRows(scheme: BucketScheme, edges: Int32Array | undefined, asOf: SerialDate | undefined, sides: TwoSided): Cell[][] {
  const { rows, total } = gapColumns(sides);
  const out = rows.map((r, k): Cell[] => [...bucketColumns(scheme, k, edges, asOf), r.a, r.l, r.gap, r.cumulative]);
  out.push(["Total", "", "", total.a, total.l, total.gap, ""]);
  return out;
}

const GAP = defineFunction("GAP", [arg.any("amounts"), arg.any("dates"), arg.date("as_of"), bucketsArg(), arg.any("sides"), arg.headers()], (amountsRaw, datesRaw, asOf, scheme, sidesRaw, headers) => {
  // An empty cell given as sides (null, "" or a blank 1×1 range) means sides are omitted.
  const hasSides = !isBlank(Array.isArray(sidesRaw) && sidesRaw.length === 1 && Array.isArray(sidesRaw[0]) && sidesRaw[0].length === 1 ? sidesRaw[0][0] : sidesRaw);
  const flows = pairAmountsDates("GAP", amountsRaw, datesRaw, hasSides ? { name: "sides", raw: sidesRaw } : undefined);
  // With sides, amounts are magnitudes and each side gives the sign (a plain loop: 10^6 rows are common).
  const amounts = flows.amounts;
  if (hasSides) {
    for (let i = 0; i < amounts.length; i++) {
      const side = choiceCell(flows.extra[i], { fn: "GAP", arg: "sides", row: flows.rows[i] }, SIDES);
      if (amounts[i] < 0) fail(messages.expected({ fn: "GAP", arg: "amounts", row: flows.rows[i] }, amounts[i], "a positive amount (the sides range gives the sign)"));
      if (side === "L" || side === "LIABILITY") amounts[i] = -amounts[i];
    }
  }
  const edges = edgeDates(scheme, asOf);
  const rows = gapRows(scheme, edges, asOf, bucketAmounts(amounts, flows.dates, edges, asOf));
  return table("GAP", columnsOf("GAP"), rows, headers);
}, { offload: true });

/**
 * Gap table of dated amounts: assets and liabilities per bucket, the gap and the cumulative gap, with an exact Total row.
 * @customfunction GAP
 * @param amounts Amounts: assets positive, liabilities negative (or all positive with sides).
 * @param dates Their dates, same length.
 * @param as_of Valuation date; dates on or before it fall in the first bucket.
 * @param [buckets] BASEL (default), MONTHLY, ANNUAL, or a range of upper-edge tenors.
 * @param [sides] A or L for each amount, same length; then amounts are positive.
 * @param [headers] TRUE (default) to include the header row.
 * @example =ALM.GAP({100;-40}, {"2026-01-02";"2026-06-30"}, "2026-01-01", "MONTHLY") ends Total, , , 100, 40, 60
 * @returns Gap table.
 */
export function gap(amounts: any[][], dates: any[][], as_of: any, buckets?: any[][], sides?: any[][], headers?: any): Promise<any[][]> {
  return GAP(amounts, dates, as_of, buckets, sides, headers);
}

const REPRICINGGAP = defineFunction("REPRICINGGAP", [arg.any("positions"), arg.date("as_of"), bucketsArg(), arg.headers(), currencyArg()], (positionsRaw, asOf, scheme, headers, currency) => {
  const portfolio = parsePositions(positionsRaw, { fn: "REPRICINGGAP", arg: "positions" }, asOf, { currency });
  const edges = edgeDates(scheme, asOf);
  const rows = gapRows(scheme, edges, asOf, repricingBuckets(portfolio, asOf, edges));
  return table("REPRICINGGAP", columnsOf("REPRICINGGAP"), rows, headers);
}, { offload: true });

/**
 * Repricing gap of a positions table: principal by repricing date (amortisation, floaters at next reset, NMD core/non-core slotting).
 * @customfunction REPRICINGGAP
 * @param positions Positions table with its header row.
 * @param as_of Valuation date.
 * @param [buckets] BASEL (default), MONTHLY, ANNUAL, or a range of upper-edge tenors.
 * @param [headers] TRUE (default) to include the header row.
 * @param [currency] Only rows of this currency count (with a Currency column); a table in several currencies needs it.
 * @example =ALM.REPRICINGGAP({"Balance","Rate","Maturity";1000,0.05,"2027-01-01"}, "2026-01-01", "ANNUAL") puts 1000 of assets in 0Y-1Y
 * @returns Repricing gap table whose Total row equals the balances exactly.
 */
export function repricinggap(positions: any[][], as_of: any, buckets?: any[][], headers?: any, currency?: any): Promise<any[][]> {
  return REPRICINGGAP(positions, as_of, buckets, headers, currency);
}

const LIQUIDITYGAP = defineFunction("LIQUIDITYGAP", [arg.any("positions"), arg.date("as_of"), bucketsArg(), arg.headers(), indexArg(), currencyArg()], (positionsRaw, asOf, scheme, headers, indexSource, currency) => {
  const portfolio = parsePositions(positionsRaw, { fn: "LIQUIDITYGAP", arg: "positions" }, asOf, { currency });
  const edges = edgeDates(scheme, asOf);
  const rows = gapRows(scheme, edges, asOf, liquidityBuckets(portfolio, asOf, edges, { index: indexSource?.(asOf) }));
  return table("LIQUIDITYGAP", columnsOf("LIQUIDITYGAP"), rows, headers);
}, { offload: true });

/**
 * Liquidity gap of a positions table: contractual principal and interest in and out per bucket.
 * @customfunction LIQUIDITYGAP
 * @param positions Positions table with its header row.
 * @param as_of Valuation date.
 * @param [buckets] BASEL (default), MONTHLY, ANNUAL, or a range of upper-edge tenors.
 * @param [headers] TRUE (default) to include the header row.
 * @param [index] Index of floaters after each reset: a curve (the forward for the reset period) or a fixings table with the header row Date, Rate; without it floaters keep their rate.
 * @param [currency] Only rows of this currency count (with a Currency column); a table in several currencies needs it.
 * @example =ALM.LIQUIDITYGAP({"Balance","Rate","Maturity";1000,0.05,"2027-01-01"}, "2026-01-01", "ANNUAL") puts 1050 of inflows in 0Y-1Y
 * @returns Liquidity gap table with a Total row.
 */
export function liquiditygap(positions: any[][], as_of: any, buckets?: any[][], headers?: any, index?: any[][], currency?: any): Promise<any[][]> {
  return LIQUIDITYGAP(positions, as_of, buckets, headers, index, currency);
}

const NMD = defineFunction(
  "NMD",
  [arg.number("balance"), arg.choice("category", NMD_CATEGORIES), arg.any("core_share"), arg.any("core_maturity"), bucketsArg(), arg.headers()],
  (balance, category, shareRaw, maturityRaw, scheme, headers) => {
    const caps = NMD_CAPS[category];
    const shareCell = scalarOf(shareRaw, { fn: "NMD", arg: "core_share" });
    const maturityCell = scalarOf(maturityRaw, { fn: "NMD", arg: "core_maturity" });
    const share = isBlank(shareCell) ? caps.coreShare : numberCell(shareCell, { fn: "NMD", arg: "core_share" }, "a fraction between 0 and 1");
    const maturity = isBlank(maturityCell) ? caps.coreMaturity : numberCell(maturityCell, { fn: "NMD", arg: "core_maturity" }, "an average maturity in years");
    if (share < 0 || share > caps.coreShare) fail(messages.expected({ fn: "NMD", arg: "core_share" }, share, `between 0 and ${caps.coreShare}, the Basel cap on the core share of ${category} (SRP31 Table 4)`));
    if (maturity <= 0 || maturity > caps.coreMaturity) fail(messages.expected({ fn: "NMD", arg: "core_maturity" }, maturity, `above 0 and at most ${caps.coreMaturity} years, the Basel cap on the average maturity of core ${category} (SRP31 Table 4)`));
    const slots = nmdBuckets(balance, share, maturity, scheme);
    const rows = scheme.labels.map((_, k): Cell[] => [...bucketColumns(scheme, k, undefined, undefined), slots.nonCore[k], slots.core[k], slots.both[k]]);
    rows.push(["Total", "", "", slots.total.nonCore, slots.total.core, balance]);
    return table("NMD", columnsOf("NMD"), rows, headers);
  }
);

/**
 * Basel slotting of a non-maturity deposit: non-core overnight; core runs off linearly over twice its average maturity.
 * @customfunction NMD
 * @param balance Deposit balance.
 * @param category NMD_RETAIL_TRANSACTIONAL, NMD_RETAIL_NONTRANSACTIONAL or NMD_WHOLESALE.
 * @param [core_share] Share of the balance that is core (default and maximum: the Basel cap of the category).
 * @param [core_maturity] Average maturity of core in years (default and maximum: the Basel cap).
 * @param [buckets] BASEL (default), MONTHLY, ANNUAL, or a range of upper-edge tenors.
 * @param [headers] TRUE (default) to include the header row.
 * @example =ALM.NMD(1000, "NMD_WHOLESALE", 0.5, 1, {1;2}) returns non-core 500 in 0-1Y; core 250 in 0-1Y and 250 in 1Y-2Y
 * @returns Table of non-core, core and total per bucket.
 */
export function nmd(balance: any[][], category: any[][], core_share?: any[][], core_maturity?: any[][], buckets?: any[][], headers?: any): any[][] {
  return NMD(balance, category, core_share, core_maturity, buckets, headers);
}

