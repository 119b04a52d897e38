import fc from "fast-check";
import { functionsById } from "../../src/functions/index";
import { isExcelError } from "../../src/functions/excelError";

/**
 * Every function in functionsById, called with random arguments of every shape Excel can pass, either
 * returns normally or throws an Excel error object with a useful message; no other exception, no NaN or
 * Infinity in any output cell, and no hang (each call is bounded by the input limits).
 */
const scalar = fc.oneof(
  fc.constantFrom(0, -0, 1, -1, 0.05, 1e308, -1e308, 1e-308, 60, 61, 36526, 46022, 2958465, 2958466, 1e15, 0.5, 3),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1000, max: 3_000_000 }),
  fc.constantFrom("", " ", "abc", "3M", "5Y", "ON", "2026-12-31", "1900-02-29", "TRUE", "BASEL", "MONTHLY", "USD", "EUR", "XXX", "PARALLEL_UP", "STEEPENER", "CONTINUOUS", "LOGLINEAR", "A", "L", "#N/A"),
  fc.boolean(),
  fc.constant(null)
);
const header = fc.constantFrom("Balance", "Rate", "Maturity", "Side", "Type", "Amortization", "Frequency", "NextReset", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Beta", "Start", "Id", "Currency", "Basis", "ResetMonths", "Spread");
const matrix = fc.oneof(
  fc.array(fc.array(scalar, { minLength: 1, maxLength: 4 }), { minLength: 0, maxLength: 6 }),
  fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(scalar, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 6 })),
  fc.tuple(fc.uniqueArray(header, { minLength: 1, maxLength: 8 }), fc.array(fc.array(scalar, { minLength: 8, maxLength: 8 }), { maxLength: 4 })).map(([h, rows]) => [h, ...rows.map((r) => r.slice(0, h.length))])
);
const argument = fc.oneof(scalar, matrix);

function checkCell(value: unknown, where: string): void {
  if (typeof value === "number" && !Number.isFinite(value)) throw new Error(`${where}: non-finite number ${value}`);
  if (value === undefined) throw new Error(`${where}: undefined cell`);
  if (typeof value === "object" && value !== null && !isExcelError(value)) throw new Error(`${where}: object in a cell`);
  if (isExcelError(value) && !(value as { message?: string }).message && value.code !== "#NUM!") throw new Error(`${where}: error without message`);
}

describe.each(Object.keys(functionsById).map((id) => [id]))("ALM.%s under hostile input", (id) => {
  const fn = (functionsById as Record<string, (...a: unknown[]) => unknown>)[id];
  it("returns plain cells or throws an Excel error with a message, for 3000 random argument lists", () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 0, maxLength: fn.length + 2 }), (args) => {
        let result: unknown;
        try {
          result = fn(...args);
        } catch (error) {
          if (!isExcelError(error)) throw new Error(`threw a non-Excel error: ${String(error)}`);
          if (!error.message || !error.message.startsWith(`ALM.${id}`)) throw new Error(`error message does not name the function: ${error.message}`);
          return;
        }
        if (Array.isArray(result)) {
          if (result.length === 0) throw new Error("empty result");
          const width = (result[0] as unknown[]).length;
          result.forEach((row, i) => {
            if (!Array.isArray(row) || row.length !== width) throw new Error(`row ${i} is ragged`);
            row.forEach((cell, j) => checkCell(cell, `cell ${i},${j}`));
          });
        } else {
          checkCell(result, "result");
        }
      }),
      { seed: 9, numRuns: 3000 }
    );
  });
});

/**
 * Deeper than random arguments: well-formed positions tables with hostile values (enormous and tiny
 * balances, extreme and negative rates, maturities from tomorrow to 9999-12-31, every amortisation,
 * floaters, NMD rows at the caps, CPR/TDRR at 0 and 1), through every positions-table function.
 */
const asOf = 46295;
const cellValue = fc.oneof(fc.constantFrom(0, 1e-308, 0.01, 1, 1e6, 1e15, 1e300), fc.double({ min: -1e12, max: 1e12, noNaN: true }));
const position = fc.record({
  Balance: cellValue,
  Side: fc.constantFrom(null, "A", "L"),
  Rate: fc.oneof(fc.constantFrom(-0.99, -0.05, 0, 0.03, 0.5, 5, 1e6), fc.double({ min: -0.5, max: 2, noNaN: true })),
  Maturity: fc.oneof(fc.constantFrom(asOf + 1, asOf + 2, 2958465, asOf + 36500, asOf + 365 * 120), fc.integer({ min: asOf + 1, max: asOf + 40 * 365 })),
  Amortization: fc.constantFrom(null, "BULLET", "ANNUITY", "LINEAR"),
  Frequency: fc.constantFrom(null, 1, 2, 4, 12),
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
const HEADER = ["Balance", "Side", "Rate", "Maturity", "Amortization", "Frequency", "Type", "NextReset", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Beta", "Basis"] as const;
const table = fc.array(position, { minLength: 0, maxLength: 6 }).map((rows) => [
  [...HEADER],
  ...rows.map((r) => {
    const v: Record<string, unknown> = { ...r };
    if (r.Side !== null) v.Balance = Math.abs(r.Balance);
    if (r.Type === "FLOATING") v.NextReset = Math.min(r.NextReset, r.Maturity);
    return HEADER.map((h) => v[h] ?? null);
  }),
]);

const positionsCalls: [string, (p: unknown[][]) => unknown][] = [
  ["CASHFLOWS", (p) => functionsById.CASHFLOWS(p, asOf, "REPRICING", null, null)],
  ["REPRICINGGAP", (p) => functionsById.REPRICINGGAP(p, asOf, null, null)],
  ["LIQUIDITYGAP", (p) => functionsById.LIQUIDITYGAP(p, asOf, "ANNUAL", null)],
  ["EVE", (p) => functionsById.EVE(p, asOf, [[0, 0.02], [30, 0.04]], "PARALLEL_DOWN", "EUR", null, "EU")],
  ["DELTAEVE", (p) => functionsById.DELTAEVE(p, asOf, 0.03, "USD", null, null, null)],
  ["STANDARDEVE", (p) => functionsById.STANDARDEVE(p, asOf, 0.03, "USD", null, "ZERO", 1e6, null)],
  ["NII", (p) => functionsById.NII(p, asOf, 0.03, "PARALLEL_UP", "USD", 12, 6, null)],
  ["DELTANII", (p) => functionsById.DELTANII(p, asOf, 0.03, "USD", null, null, null, null)],
];

describe.each(positionsCalls)("ALM.%s on well-formed positions tables with hostile values", (id, call) => {
  it("returns finite cells or an Excel error that names the function, for 1000 random books", () => {
    fc.assert(
      fc.property(table, (p) => {
        let result: unknown;
        try {
          result = call(p);
        } catch (error) {
          if (!isExcelError(error)) throw new Error(`threw a non-Excel error: ${String(error)}`);
          if (!error.message.startsWith(`ALM.${id}`) && error.code !== "#NUM!") throw new Error(`message does not name the function: ${error.message}`);
          return;
        }
        const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
        cells.forEach((c, k) => checkCell(c, `cell ${k}`));
      }),
      { seed: 11, numRuns: 1000 }
    );
  });
});
