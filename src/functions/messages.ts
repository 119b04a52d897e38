/**
 * The one catalogue of user-facing messages. Every message names where the problem is (function,
 * argument, row within the range, column) and what was expected, so the user can fix the cell.
 */

/** Where in the call a value came from. `row` is 1-based within the range (a header row counts). */
export interface Where {
  readonly fn: string;
  readonly arg: string;
  readonly row?: number;
  readonly column?: string;
}

export function at(where: Where): string {
  let text = `ALM.${where.fn} ${where.arg}`;
  if (where.row !== undefined) text += `, row ${where.row}`;
  if (where.column !== undefined) text += `, column ${where.column}`;
  return text;
}

/** How a received cell value reads in a message. */
export function describe(value: unknown): string {
  if (value === null || value === undefined || value === "") return "an empty cell";
  if (typeof value === "string") return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "a non-finite number";
  if (Array.isArray(value)) return "a range";
  return "an unsupported value";
}

export const messages = {
  missing: (w: Where) => `${at(w)}: a value is required here, but the cell is empty`,
  expected: (w: Where, got: unknown, expected: string) => `${at(w)}: got ${describe(got)}; expected ${expected}`,
  /** A valid date in the wrong place; the date is shown as ISO text. */
  dateExpected: (w: Where, iso: string, expected: string) => `${at(w)}: got ${iso}; expected ${expected}`,
  notSingle: (w: Where, rows: number, cols: number) => `${at(w)}: got a ${rows}×${cols} range; expected a single value`,
  unknownChoice: (w: Where, got: unknown, choices: readonly string[]) =>
    `${at(w)}: ${describe(got)} is not a valid choice; valid choices are ${choices.join(", ")}`,
  shape: (w: Where, detail: string) => `${at(w)}: ${detail}`,
  halfBlank: (w: Where) => `${at(w)}: this row is only partly filled; fill every cell of the row or clear it`,
  notIncreasing: (w: Where, value: number | string, previous: number | string, noun = "tenor") =>
    `${at(w)}: ${noun} ${value} is not after the previous ${noun} ${previous}; ${noun}s must be strictly increasing`,
  lengthMismatch: (fn: string, a: string, na: number, b: string, nb: number) =>
    `ALM.${fn}: ${a} has ${na} rows but ${b} has ${nb}; they must have the same length`,
  missingColumn: (fn: string, arg: string, column: string, found: readonly string[]) =>
    `ALM.${fn} ${arg}: the required column "${column}" is missing (found columns: ${found.length ? found.join(", ") : "none"}); the first row must hold column headers`,
  engine: (fn: string, detail: string) => `ALM.${fn}: ${detail}`,
  dataType: (w: Where, kind: string) =>
    `${at(w)}: the cell holds a data type (${kind}) with no plain number, text or TRUE/FALSE to compute with; expected a plain value (convert the cell to text or a number first)`,
  internal: (fn: string, detail: string) => `ALM.${fn}: internal error (${detail}); please report it with the inputs that caused it`,
  notFinite: (fn: string) => `ALM.${fn}: the result is not a finite number`,
  tooMuchWork: (w: Where, detail: string) => `${at(w)}: ${detail}`,
  unknownCurrency: (w: Where, got: unknown, calibration: string, currencies: readonly string[]) =>
    `${at(w)}: ${describe(got)} is not a currency of the ${calibration}${calibration.startsWith("own") ? "" : " shock table"}; valid currencies are ${currencies.join(", ")}; for another currency give the bank's own shock sizes as calibration (a Currency, Parallel, Short, Long table in bp, SRP31.93)`,
  fxNeeded: (w: Where, codes: readonly string[]) =>
    `${at(w)}: the positions hold ${codes.join(", ")}; give fx, each currency's rate to the reporting currency (Currency, Rate; the reporting currency 1)`,
  mixedCurrencies: (w: Where, codes: readonly string[]) =>
    `${at(w)}: the table holds amounts in ${codes.length} currencies (${codes.join(", ")}), which are never added together; give the currency argument to take one of them (ALM.OUTLIERTEST converts them with fx)`,
  scenarioNeedsCurrency: (w: Where, scenario: string) =>
    `${at(w)}: the standard scenario ${scenario} needs a currency for its shock sizes; give the currency argument (for example "USD")`,
  unknownScenario: (w: Where, got: unknown, names: readonly string[]) =>
    `${at(w)}: ${describe(got)} is not a scenario; expected one of ${names.join(", ")}, a number of basis points (parallel shift), or a two-column range of tenor and shift in bp`,
  unknownScenarioList: (w: Where, got: unknown, sets: readonly string[], names: readonly string[]) =>
    `${at(w)}: ${describe(got)} is not a scenario; expected a set (${sets.join(", ")}), or a row or column of scenario names (${names.join(", ")}) or numbers of basis points`,
  unknownFloor: (w: Where, got: unknown, names: readonly string[]) =>
    `${at(w)}: ${describe(got)} is not a floor; expected ${names.join(", ")}, or a number (a floor rate as a decimal, such as -0.0075)`,
  zeroBase: (fn: string, measure: string) => `ALM.${fn}: the base ${measure} is zero, so a change in % of it is undefined`,
};
