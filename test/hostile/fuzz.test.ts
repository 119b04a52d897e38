import fc from "fast-check";
import type { FunctionMetadata } from "../../scripts/fake-host/excelHost";
import { HostContractViolation, HostError, distMetadata, hostFunctions, loadExcelHost, type HostArg } from "../helpers/excelHost";

/**
 * Every function Excel runs (the built bundle, called through the emulated Excel host, which marshals each
 * argument as functions.json declares it), called with random argument lists written the way a formula
 * can write them: a range parameter gets a range, a single value, an empty cell or nothing; a single-value
 * parameter gets a single value, an empty cell, nothing, or sometimes a small range, which Excel lifts
 * (one call per cell, the results spilled). Empty cells arrive as null or as "" (both occur in Excel
 * builds), chosen per case; a few cells hold data types. Ranges are rectangular with at least one cell,
 * as Excel passes them (ragged arrays are tested in test/functions/curves.test.ts). Whatever the arguments:
 * - Excel can always show the result (no HostContractViolation: no NaN, no null cell, no matrix from a
 *   single-valued function, no unsettled Promise);
 * - a whole-result error is an Excel error value (code starting with "#"), and every error other than
 *   #NUM! (which Excel shows without a message) has a message starting with `ALM.<ID>`;
 * - every #VALUE!, for the whole result or in a cell, names `ALM.<ID>` and is never an "internal error";
 *   any other error in a cell of a table (#NUM! aside) carries a message.
 * Seeds are fixed. The case counts are those of the suite when it called functionsById directly (3000
 * argument lists per function, 1000 books per positions function), not reduced: through the host the
 * whole file runs in about 15 s on 2 cores. Lower RANDOM_ARGUMENT_LISTS / RANDOM_BOOKS if it ever nears
 * a minute.
 */
const metadata = distMetadata();
const hosts = { null: hostFunctions(loadExcelHost()), "": hostFunctions(loadExcelHost({ emptyCell: "" })) };
const emptyCell = fc.constantFrom<keyof typeof hosts>("null", "");

const RANDOM_ARGUMENT_LISTS = 3000;
const RANDOM_BOOKS = 1000;
/** Per test: fast-check awaits every call, and a lifted call is one call per cell. */
const TIMEOUT_MS = 30_000;

/** A cell value: numbers (NaN and ±Infinity included, which Excel itself never passes), text, booleans, empty. */
const cell = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.05, 1e308, -1e308, 1e-308, 60, 61, 36526, 46022, 2958465, 2958466, 1e15, 0.5, 3),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 3_000_000 }),
  fc.constantFrom("", " ", "abc", "3M", "5Y", "ON", "2026-12-31", "1900-02-29", "TRUE", "BASEL", "MONTHLY", "USD", "EUR", "XXX", "PARALLEL_UP", "STEEPENER", "CONTINUOUS", "LOGLINEAR", "A", "L", "#N/A"),
  fc.boolean(),
  fc.constant(null)
);
/** Cells holding data types, as Excel passes them: formatted numbers and text read as their basic value; an entity has none. */
const dataType = fc.constantFrom<Record<string, unknown>>(
  { type: "Double", basicValue: 0.03, numberFormat: "0.00%" },
  { type: "Double", basicValue: 46022, numberFormat: "yyyy-mm-dd" },
  { type: "String", basicValue: "5Y" },
  { type: "Boolean", basicValue: true },
  { type: "Entity", text: "Contoso Bank", properties: {} }
);
const anyCell = fc.oneof({ weight: 20, arbitrary: cell }, { weight: 1, arbitrary: dataType });

const header = fc.constantFrom("Balance", "Rate", "Maturity", "Side", "Type", "Amortization", "Frequency", "NextReset", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Beta", "Start", "Id", "Currency", "Basis", "ResetMonths", "Spread");
/** A range as Excel passes it: rectangular, at least one cell; sometimes a table with a header row. */
const range = fc.oneof(
  fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(anyCell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
  fc.tuple(fc.uniqueArray(header, { minLength: 1, maxLength: 8 }), fc.array(fc.array(anyCell, { minLength: 8, maxLength: 8 }), { maxLength: 4 })).map(([h, rows]) => [h, ...rows.map((r) => r.slice(0, h.length))])
);
/** A small range given to a single-valued parameter, which Excel lifts: at most 3×2 calls. */
const smallRange = fc.integer({ min: 1, max: 2 }).chain((w) => fc.array(fc.array(anyCell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 3 }));
/** A literal in the formula (null: the argument left out). */
const single = anyCell;
/** A reference to one empty cell. */
const emptyRef = fc.constant<HostArg>([[null]]);

const matrixArgument: fc.Arbitrary<HostArg> = fc.oneof({ weight: 6, arbitrary: range }, { weight: 4, arbitrary: single }, { weight: 1, arbitrary: emptyRef });
const scalarArgument: fc.Arbitrary<HostArg> = fc.oneof({ weight: 8, arbitrary: single }, { weight: 1, arbitrary: emptyRef }, { weight: 2, arbitrary: smallRange });

const isRange = (a: unknown): a is unknown[][] => Array.isArray(a);
const isMatrixParameter = (meta: FunctionMetadata, i: number) => meta.parameters[i]?.dimensionality === "matrix";

/**
 * Random argument lists for one function: mostly every required argument and some optional ones, now and
 * then too few or one too many (Excel refuses those formulas; the host answers #N/A or #VALUE!).
 */
function argumentLists(meta: FunctionMetadata): fc.Arbitrary<HostArg[]> {
  const n = meta.parameters.length;
  const required = meta.parameters.filter((p) => !p.optional).length;
  const perParameter = meta.parameters.map((p) => (p.dimensionality === "matrix" ? matrixArgument : scalarArgument));
  const count = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: required, max: n }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: n + 1 }) });
  return fc.tuple(fc.tuple(...perParameter), count, single).map(([args, k, extra]) => (k <= n ? args.slice(0, k) : [...args, extra]));
}

/** Whether Excel lifts the call: a range (larger than one cell) given to a single-valued parameter. */
function lifts(meta: FunctionMetadata, args: readonly HostArg[]): boolean {
  return args.some((a, i) => i < meta.parameters.length && !isMatrixParameter(meta, i) && isRange(a) && (a.length > 1 || a[0].length > 1));
}

/** An error Excel shows for a whole call: an error value, and a message naming the function unless it is #NUM!. */
function checkCallError(e: HostError, id: string, where: string): void {
  if (!e.code.startsWith("#")) throw new Error(`${where}: error code ${JSON.stringify(e.code)} is not an Excel error`);
  if (e.code === "#NUM!") return;
  if (!e.message.startsWith(`ALM.${id}`)) throw new Error(`${where}: ${e.code} message does not name ALM.${id}: ${JSON.stringify(e.message)}`);
  if (e.code === "#VALUE!" && /internal error/i.test(e.message)) throw new Error(`${where}: ${e.message}`);
}

/** An error in one cell of a returned table: a #VALUE! names the function and is never internal; others carry a message (#NUM! aside). */
function checkCellError(e: HostError, id: string, where: string): void {
  if (!e.code.startsWith("#")) throw new Error(`${where}: error code ${JSON.stringify(e.code)} is not an Excel error`);
  if (e.code === "#NUM!") return;
  if (!e.message) throw new Error(`${where}: ${e.code} without a message`);
  if (e.code === "#VALUE!" && (!e.message.startsWith(`ALM.${id}`) || /internal error/i.test(e.message))) throw new Error(`${where}: #VALUE! message ${JSON.stringify(e.message)}`);
}

/**
 * Awaits one call through the host and checks what Excel would show. A lifted call's cells are each a whole
 * call's outcome, or Excel's own #N/A (outside the smaller of two broadcast ranges) and #CALC! (a lifted
 * call that returned a table).
 */
async function expectShowable(call: Promise<unknown>, id: string, lifted: boolean): Promise<void> {
  let result: unknown;
  try {
    result = await call;
  } catch (e) {
    if (e instanceof HostContractViolation) throw e;
    if (!(e instanceof HostError)) throw new Error(`ALM.${id} failed with something that is not an Excel error: ${String(e)}`);
    checkCallError(e, id, "the result");
    return;
  }
  const cells = Array.isArray(result) ? (result as unknown[][]).flatMap((row, i) => row.map((c, j) => [c, `cell ${i + 1},${j + 1}`] as const)) : [[result, "the result"] as const];
  for (const [c, where] of cells) {
    if (!(c instanceof HostError)) continue;
    if (!lifted) checkCellError(c, id, where);
    else if (!((c.code === "#N/A" && c.message === "") || c.code === "#CALC!")) checkCallError(c, id, where);
  }
}

describe.each(metadata.functions.map((f) => [f.id, f] as const))("ALM.%s under hostile input through the Excel host", (id, meta) => {
  it(`shows a value or an Excel error with a useful message, for ${RANDOM_ARGUMENT_LISTS} random argument lists`, async () => {
    await fc.assert(
      fc.asyncProperty(argumentLists(meta), emptyCell, async (args, empty) => {
        await expectShowable(hosts[empty][id](...args), id, lifts(meta, args));
      }),
      { seed: 9, numRuns: RANDOM_ARGUMENT_LISTS }
    );
  }, TIMEOUT_MS);
});

/**
 * Deeper than random arguments: well-formed positions tables with hostile values (enormous and tiny
 * balances, extreme and negative rates, maturities from tomorrow to 9999-12-31, every amortisation,
 * floaters projected from fixings and curves, NMD rows at the caps, CPR/TDRR at 0 and 1, ACTUS contract terms
 * from anchors to forward starts), through every positions-table function, with the
 * table's empty cells arriving as null or "".
 */
const asOf = 46295;
const cellValue = fc.oneof(fc.constantFrom(0, 1e-308, 0.01, 1, 1e6, 1e15, 1e300), fc.double({ min: -1e12, max: 1e12, noNaN: true }));
const position = fc.record({
  Balance: cellValue,
  Side: fc.constantFrom(null, "A", "L"),
  Rate: fc.oneof(fc.constantFrom(-0.99, -0.05, 0, 0.03, 0.5, 5, 1e6), fc.double({ min: -0.5, max: 2, noNaN: true })),
  Maturity: fc.oneof(fc.constantFrom(asOf + 1, asOf + 2, 2958465, asOf + 36500, asOf + 365 * 120), fc.integer({ min: asOf + 1, max: asOf + 40 * 365 })),
  Amortization: fc.constantFrom(null, "BULLET", "ANNUITY", "LINEAR", "NEGATIVE"),
  Frequency: fc.constantFrom(null, 1, 2, 4, 12, 6, "1M", "2W", "1D", "7D", "1Y", "100Y"),
  FirstPayment: fc.option(fc.integer({ min: asOf - 4000, max: asOf + 4000 }), { nil: null }),
  FirstPrincipal: fc.option(fc.integer({ min: asOf - 4000, max: asOf + 4000 }), { nil: null }),
  Stub: fc.constantFrom(null, "SHORT", "LONG"),
  BusinessDay: fc.constantFrom(null, "NOS", "SCMF", "CSP"),
  Calendar: fc.constantFrom(null, "NONE", "TARGET"),
  EndOfMonth: fc.constantFrom(null, "EOM"),
  Redemption: fc.option(cellValue, { nil: null }),
  AccruedInterest: fc.option(cellValue, { nil: null }),
  Start: fc.option(fc.integer({ min: asOf - 20000, max: asOf + 400 }), { nil: null }),
  Multiplier: fc.constantFrom(null, 0, 1, -3, 1e9),
  FixingDays: fc.constantFrom(null, 0, 2, 300),
  Cap: fc.constantFrom(null, 0.05, 1e9),
  Floor: fc.constantFrom(null, -1e9, 0),
  Type: fc.constantFrom(null, "FIXED", "FLOATING"),
  NextReset: fc.integer({ min: asOf + 1, max: asOf + 800 }),
  Category: fc.constantFrom(null, null, null, "NMD_RETAIL_TRANSACTIONAL", "NMD_WHOLESALE"),
  CoreShare: fc.constantFrom(0, 0.25, 0.5),
  CoreMaturity: fc.constantFrom(0.1, 1, 4),
  CPR: fc.constantFrom(null, 0, 0.1, 1),
  TDRR: fc.constantFrom(null, 0, 0.3, 1),
  Beta: fc.constantFrom(null, 0, 0.4, 1, -2),
  Basis: fc.constantFrom(null, 0, 1, 2, 3, 4),
});
const HEADER = ["Balance", "Side", "Rate", "Maturity", "Amortization", "Frequency", "Type", "NextReset", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Beta", "Basis", "FirstPayment", "FirstPrincipal", "Stub", "BusinessDay", "Calendar", "EndOfMonth", "Redemption", "AccruedInterest", "Start", "Multiplier", "FixingDays", "Cap", "Floor"] as const;
const table = fc.array(position, { minLength: 0, maxLength: 6 }).map((rows) => [
  [...HEADER],
  ...rows.map((r) => {
    const v: Record<string, unknown> = { ...r };
    if (r.Side !== null) v.Balance = Math.abs(r.Balance);
    if (r.Type === "FLOATING") v.NextReset = Math.min(r.NextReset, r.Maturity);
    return HEADER.map((h) => v[h] ?? null);
  }),
]);

type Excel = (typeof hosts)[keyof typeof hosts];
const positionsCalls: [string, (x: Excel, p: unknown[][]) => Promise<unknown>][] = [
  ["CASHFLOWS", (x, p) => x.CASHFLOWS(p, asOf, "REPRICING", null, null)],
  ["CASHFLOWS", (x, p) => x.CASHFLOWS(p, asOf, "CONTRACTUAL", true, null, [["Date", "Rate"], [asOf - 3000, 0.01], [asOf + 100, -0.5]])],
  ["CASHFLOWS", (x, p) => x.CASHFLOWS(p, asOf, "CONTRACTUAL", null, null, [[0, 0.02], [30, 0.04]])],
  ["REPRICINGGAP", (x, p) => x.REPRICINGGAP(p, asOf, null, null)],
  ["LIQUIDITYGAP", (x, p) => x.LIQUIDITYGAP(p, asOf, "ANNUAL", null)],
  ["EVE", (x, p) => x.EVE(p, asOf, [[0, 0.02], [30, 0.04]], "PARALLEL_DOWN", "EUR", null, "EU")],
  ["DELTAEVE", (x, p) => x.DELTAEVE(p, asOf, 0.03, "USD", null, null, null)],
  ["STANDARDEVE", (x, p) => x.STANDARDEVE(p, asOf, 0.03, "USD", null, "ZERO", 1e6, null)],
  ["NII", (x, p) => x.NII(p, asOf, 0.03, "PARALLEL_UP", "USD", 12, 6, null)],
  ["DELTANII", (x, p) => x.DELTANII(p, asOf, 0.03, "USD", null, null, null, null)],
];

describe.each(positionsCalls)("ALM.%s on well-formed positions tables with hostile values, through the Excel host", (id, call) => {
  it(`shows finite cells or an Excel error that names the function, for ${RANDOM_BOOKS} random books`, async () => {
    await fc.assert(
      fc.asyncProperty(table, emptyCell, async (p, empty) => {
        await expectShowable(call(hosts[empty], p), id, false);
      }),
      { seed: 11, numRuns: RANDOM_BOOKS }
    );
  }, TIMEOUT_MS);
});
