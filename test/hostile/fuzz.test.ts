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
  it("returns plain cells or throws an Excel error with a message, for 1500 random argument lists", () => {
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
      { seed: 9, numRuns: 1500 }
    );
  });
});
