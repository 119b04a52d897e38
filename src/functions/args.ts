import { EngineError } from "../engine/errors";
import type { Pillars } from "../engine/curves/interpolatedCurve";
import { FICTITIOUS_LEAP_DAY, MAX_SERIAL, fromYmd, toIso } from "../engine/time/serialDate";
import { parseTenor, tenorTime } from "../engine/time/tenor";
import type { SerialDate, Time } from "../engine/types";
import { toEngineSerial } from "./dateSystem";
import { messages, type Where } from "./messages";
import { INPUT_TABLES, type InputTableId } from "./schema/tables";

/**
 * Argument specs: how one Excel argument becomes one engine value. Excel passes ranges as row-major 2-D
 * arrays and omitted optionals as `null`; a single cell given to a range parameter arrives as a 1×1
 * array. Blank cells arrive as `null` or `""` depending on the Excel build. Parsers throw an
 * `EngineError` whose message names the function, argument and row.
 */
export interface ArgSpec<T> {
  readonly name: string;
  readonly parse: (raw: unknown, where: Where) => T;
}

export function fail(message: string): never {
  throw new EngineError("VALUE", message);
}

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * A cell as the functions read it. Excel may hand over a cell holding a data type as an object of the
 * Excel JSON cell-value schema (`{ type: "Double", basicValue: 5, numberFormat }`, a formatted number, a
 * string or boolean value): its basic value is what the cell means. An entity, linked entity, image or
 * any other object has no plain value to compute with, and is a #VALUE! naming the cell.
 */
export function plainCell(value: unknown, where: Where): unknown {
  if (typeof value !== "object" || value === null) return value;
  const basic = (value as { basicValue?: unknown }).basicValue;
  const kind = (value as { type?: unknown }).type;
  const usable = (typeof basic === "number" && Number.isFinite(basic)) || typeof basic === "boolean" || (typeof basic === "string" && !basic.startsWith("#"));
  if (usable && kind !== "Entity" && kind !== "LinkedEntity") return basic;
  fail(messages.dataType(where, typeof kind === "string" ? kind : "an object"));
}

/**
 * A raw argument with every data-type cell replaced by its basic value (see plainCell). Arrays without
 * objects, the usual case, are returned as they are, so a large range costs one scan.
 */
export function plainArgument(raw: unknown, where: Where): unknown {
  if (!Array.isArray(raw)) return plainCell(raw, where);
  let copy: unknown[] | undefined;
  for (let i = 0; i < raw.length; i++) {
    const row: unknown = raw[i];
    if (!Array.isArray(row)) {
      if (typeof row === "object" && row !== null) (copy ??= raw.slice())[i] = plainCell(row, { ...where, row: i + 1 });
      continue;
    }
    for (let j = 0; j < row.length; j++) {
      const v: unknown = row[j];
      if (typeof v !== "object" || v === null) continue;
      copy ??= raw.slice();
      if (copy[i] === row) copy[i] = row.slice();
      (copy[i] as unknown[])[j] = plainCell(v, { ...where, row: i + 1, ...(row.length > 1 ? { column: String(j + 1) } : {}) });
    }
  }
  return copy ?? raw;
}

/** A rectangular 2-D view of a raw argument: scalars become 1×1, a 1-D array becomes a column. */
export function toMatrix(raw: unknown, where: Where): unknown[][] {
  if (!Array.isArray(raw)) return [[raw]];
  if (raw.length === 0) return [];
  if (!raw.every(Array.isArray)) {
    if (raw.some(Array.isArray)) fail(messages.shape(where, "mixes single values and rows; expected a rectangular range"));
    return raw.map((v) => [v]);
  }
  const rows = raw as unknown[][];
  const width = rows[0].length;
  rows.forEach((r, i) => {
    if (r.length !== width) fail(messages.shape({ ...where, row: i + 1 }, `has ${r.length} cells but row 1 has ${width}; expected a rectangular range`));
  });
  return rows;
}

/** The single value of a scalar argument (a 1×1 range is unwrapped). */
export function scalarOf(raw: unknown, where: Where): unknown {
  if (!Array.isArray(raw)) return raw;
  const m = toMatrix(raw, where);
  if (m.length === 1 && m[0].length === 1) return m[0][0];
  if (m.length === 0) return null;
  fail(messages.notSingle(where, m.length, m[0].length));
}

/**
 * The cells of a one-row or one-column range read in place, without copying the column out (ALM.GAP
 * gets 10^6-row columns): its length and the i-th cell.
 */
export function vectorView(raw: unknown, where: Where): { readonly length: number; at(i: number): unknown } {
  const m = toMatrix(raw, where);
  if (m.length === 0) return { length: 0, at: () => undefined };
  if (m[0].length === 1) return { length: m.length, at: (i) => m[i][0] };
  if (m.length === 1) return { length: m[0].length, at: (i) => m[0][i] };
  fail(messages.shape(where, `got a ${m.length}×${m[0].length} range; expected a single row or column`));
}

/** The cells of a one-row or one-column range, in order. */
export function vectorOf(raw: unknown, where: Where): unknown[] {
  const m = toMatrix(raw, where);
  if (m.length === 0) return [];
  if (m[0].length === 1) return m.map((r) => r[0]);
  if (m.length === 1) return m[0];
  fail(messages.shape(where, `got a ${m.length}×${m[0].length} range; expected a single row or column`));
}

/** A finite number from a cell, or a #VALUE! naming the cell. Text numbers are not accepted. */
export function numberCell(value: unknown, where: Where, expected = "a number"): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isBlank(value)) fail(messages.missing(where));
  fail(messages.expected(where, value, expected));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date cell: an Excel serial of the workbook's date system (fractions of a day dropped), or ISO text
 * "YYYY-MM-DD"; returned as a serial of the 1900 system the engine counts in.
 */
export function dateCell(value: unknown, where: Where): SerialDate {
  const expected = "a date (an Excel date serial or text like 2026-12-31)";
  if (typeof value === "number" && Number.isFinite(value)) {
    const serial = toEngineSerial(Math.trunc(value));
    if (serial === FICTITIOUS_LEAP_DAY) fail(messages.expected(where, value, `${expected}; serial 60 is Excel's fictitious 1900-02-29`));
    if (serial < 1 || serial > MAX_SERIAL) fail(messages.expected(where, value, `${expected} between 1900-01-01 and 9999-12-31`));
    return serial;
  }
  if (typeof value === "string") {
    const m = ISO_DATE.exec(value.trim());
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const valid = y >= 1900 && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
      if (valid) return fromYmd(y, mo, d);
    }
  }
  if (isBlank(value)) fail(messages.missing(where));
  fail(messages.expected(where, value, expected));
}

/** A tenor cell without a date: a number of years ≥ 0 or tenor text (ON, 1W, 3M, 5Y). */
export function timeCell(value: unknown, where: Where): Time {
  const expected = "a time in years ≥ 0 or a tenor like ON, 1W, 3M, 5Y";
  if (typeof value === "number" && Number.isFinite(value)) {
    if (value < 0) fail(messages.expected(where, value, expected));
    return value;
  }
  if (typeof value === "string") {
    const tenor = parseTenor(value);
    if (tenor) return tenorTime(tenor);
  }
  if (isBlank(value)) fail(messages.missing(where));
  fail(messages.expected(where, value, expected));
}

/** Case-insensitive choice from a list; trims and ignores spaces and underscores' absence. */
export function choiceCell<T extends string>(value: unknown, where: Where, choices: readonly T[]): T {
  if (typeof value === "string") {
    const key = value.trim().toUpperCase().replace(/[\s-]+/g, "_");
    const found = choices.find((c) => c === key || c.replace(/_/g, "") === key.replace(/_/g, ""));
    if (found) return found;
  }
  if (isBlank(value)) fail(messages.missing(where));
  fail(messages.unknownChoice(where, value, choices));
}

export function booleanCell(value: unknown, where: Where): boolean {
  if (typeof value === "boolean") return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === "string" && /^(TRUE|FALSE)$/i.test(value.trim())) return value.trim().toUpperCase() === "TRUE";
  if (isBlank(value)) fail(messages.missing(where));
  fail(messages.expected(where, value, "TRUE or FALSE"));
}

/** Wraps a cell parser as an optional argument: blank or omitted gives `fallback`. */
function optional<T>(parse: (v: unknown, w: Where) => T, fallback: T): (raw: unknown, where: Where) => T {
  return (raw, where) => {
    const v = scalarOf(raw, where);
    return isBlank(v) ? fallback : parse(v, where);
  };
}

function required<T>(parse: (v: unknown, w: Where) => T): (raw: unknown, where: Where) => T {
  return (raw, where) => parse(scalarOf(raw, where), where);
}

/**
 * Bounds of a number argument, declared with its spec (like HyperFormula's argument metadata) instead of
 * checked in the kernel: `min`/`max` inclusive, `above`/`below` exclusive, `integer` whole numbers only;
 * `expected` is what the message asks for.
 */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
  readonly above?: number;
  readonly below?: number;
  readonly integer?: boolean;
  readonly expected: string;
}

/** A number cell within its declared bounds, or a #VALUE! saying what was expected. */
function boundedNumberCell(bounds: Bounds | undefined): (value: unknown, where: Where) => number {
  if (!bounds) return numberCell;
  return (value, where) => {
    const v = numberCell(value, where, bounds.expected);
    const outside =
      (bounds.min !== undefined && v < bounds.min) ||
      (bounds.max !== undefined && v > bounds.max) ||
      (bounds.above !== undefined && v <= bounds.above) ||
      (bounds.below !== undefined && v >= bounds.below) ||
      (bounds.integer === true && !Number.isInteger(v));
    if (outside) fail(messages.expected(where, v, bounds.expected));
    return v;
  };
}

export const arg = {
  number: (name: string, bounds?: Bounds): ArgSpec<number> => ({ name, parse: required(boundedNumberCell(bounds)) }),
  optionalNumber: <F extends number | undefined>(name: string, fallback: F, bounds?: Bounds): ArgSpec<number | F> => ({ name, parse: optional<number | F>(boundedNumberCell(bounds), fallback) }),
  date: (name: string): ArgSpec<SerialDate> => ({ name, parse: required(dateCell) }),
  optionalDate: (name: string): ArgSpec<SerialDate | undefined> => ({ name, parse: optional<SerialDate | undefined>(dateCell, undefined) }),
  choice: <T extends string>(name: string, choices: readonly T[]): ArgSpec<T> => ({ name, parse: required((v, w) => choiceCell(v, w, choices)) }),
  optionalChoice: <T extends string>(name: string, choices: readonly T[], fallback: T): ArgSpec<T> => ({
    name,
    parse: optional((v, w) => choiceCell(v, w, choices), fallback),
  }),
  /** Integer code from a fixed set (Excel basis 0–4, frequency 1/2/4/12). */
  code: <T extends number>(name: string, codes: readonly T[], fallback: T): ArgSpec<T> => ({
    name,
    parse: optional((v, w) => {
      const n = numberCell(v, w, `one of ${codes.join(", ")}`);
      const found = codes.find((c) => c === n);
      if (found === undefined) fail(messages.unknownChoice(w, v, codes.map(String)));
      return found;
    }, fallback),
  }),
  headers: (): ArgSpec<boolean> => ({ name: "headers", parse: optional(booleanCell, true) }),
  /** A raw range, kept as a rectangular matrix for a kernel that reads it row by row. */
  range: (name: string): ArgSpec<unknown[][]> => ({ name, parse: (raw, where) => toMatrix(raw, where) }),
  optionalRange: (name: string): ArgSpec<unknown[][] | undefined> => ({
    name,
    // A single empty cell (a blank 1×1 range, as Excel passes it) means the argument is omitted.
    parse: (raw, where) => {
      if (raw === null || raw === undefined || isBlank(raw)) return undefined;
      const m = toMatrix(raw, where);
      return m.length === 1 && m[0].length === 1 && isBlank(m[0][0]) ? undefined : m;
    },
  }),
  /** A raw scalar-or-range argument left for the kernel (used where text, numbers and ranges all mean something). */
  any: (name: string): ArgSpec<unknown> => ({ name, parse: (raw) => raw }),
};

/**
 * Reads each row of a range: by default straight through (the first problem throws); the task pane's
 * checks pass a reader that records each row's problem and goes on (cells.ts `collectRows`).
 */
export type RowReader = (row: number, read: () => void) => void;
/** Reads every row at once: the first problem throws (how the functions read). */
export const straight: RowReader = (_, read) => read();

/** How the first column of a two-column input table is read, and named in messages. */
export interface KeyColumn {
  /** The key of a cell (a time in years, a date serial), or a #VALUE! naming the cell. */
  readonly read: (value: unknown, where: Where) => number;
  /** Whether a text in the first row is a key (else, beside a text value, the row is a header). */
  readonly isKey: (text: string) => boolean;
  readonly noun: string;
  readonly show: (key: number) => string;
}

const TENOR_KEY: KeyColumn = { read: timeCell, isKey: (text) => parseTenor(text) !== undefined, noun: "tenor", show: String };

/** Dates as keys (the fixings table): ISO text or Excel dates, shown as ISO. */
export const DATE_KEY: KeyColumn = { read: dateCell, isKey: (text) => /^\s*\d{4}-\d{1,2}-\d{1,2}/.test(text), noun: "date", show: toIso };

/**
 * A two-column table of keys and values as declared in schema/tables.ts (tenors for the curve and scenario
 * shifts, dates for fixings): an optional header row (two texts, the first not a key), fully blank rows
 * skipped, each row either complete or blank, keys strictly increasing. Each row is read through `eachRow`.
 */
export function readKeyedTable(m: readonly (readonly unknown[])[], where: Where, table: InputTableId, key: KeyColumn, eachRow: RowReader = straight): { keys: number[]; values: number[] } {
  const [keyColumn, valueColumn] = INPUT_TABLES[table].columns;
  const keys: number[] = [];
  const values: number[] = [];
  m.forEach(([cell, value], i) => {
    const w = { ...where, row: i + 1 };
    if (isBlank(cell) && isBlank(value)) return;
    if (i === 0 && typeof cell === "string" && typeof value === "string" && !key.isKey(cell)) return;
    eachRow(i + 1, () => {
      if (isBlank(cell) || isBlank(value)) fail(messages.halfBlank(w));
      const k = key.read(cell, { ...w, column: keyColumn.name });
      const v = numberCell(value, { ...w, column: valueColumn.name }, valueColumn.expected);
      const previous = keys[keys.length - 1];
      if (keys.length > 0 && k <= previous) fail(messages.notIncreasing(w, key.show(k), key.show(previous), key.noun));
      keys.push(k);
      values.push(v);
    });
  });
  if (keys.length === 0) fail(messages.shape(where, INPUT_TABLES[table].empty));
  return { keys, values };
}

/** readKeyedTable for the tables keyed by tenor (the curve, scenario shifts, own shock sizes). */
export function readTenorTable(m: readonly (readonly unknown[])[], where: Where, table: InputTableId, eachRow: RowReader = straight): { tenors: number[]; values: number[] } {
  const { keys, values } = readKeyedTable(m, where, table, TENOR_KEY, eachRow);
  return { tenors: keys, values };
}

/**
 * The curve argument (docs/conventions.md): a number (a flat continuously-compounded zero rate) or the
 * curve table of schema/tables.ts.
 */
export function parseCurve(raw: unknown, where: Where, eachRow: RowReader = straight): Pillars {
  const m = toMatrix(raw, where);
  if (m.length === 1 && m[0].length === 1) {
    const rate = numberCell(m[0][0], where, "a zero rate or a two-column range of tenors and zero rates");
    return { times: [0], zeros: [rate] };
  }
  if (m.length === 0 || m[0].length !== 2) {
    fail(messages.shape(where, `got a ${m.length}×${m[0]?.length ?? 0} range; expected a number or two columns (tenor, zero rate)`));
  }
  const { tenors, values } = readTenorTable(m, where, "curve", eachRow);
  return { times: tenors, zeros: values };
}

export const curveArg = (name = "curve"): ArgSpec<Pillars> => ({ name, parse: parseCurve });

/** The optional `currency` argument: a currency code, upper-cased; blank gives undefined. */
export const currencyArg = (): ArgSpec<string | undefined> => ({
  name: "currency",
  parse: (raw, where) => {
    const v = scalarOf(raw, where);
    if (isBlank(v)) return undefined;
    if (typeof v !== "string") fail(messages.expected(where, v, "a currency code such as USD"));
    return v.trim().toUpperCase();
  },
});

/** A required `currency` argument. */
export const requiredCurrencyArg = (): ArgSpec<string> => ({
  name: "currency",
  parse: (raw, where) => currencyArg().parse(raw, where) ?? fail(messages.missing(where)),
});
