/**
 * The positions table as the pane sees it: which column holds which field (the functions' schema,
 * docs/functions.md, the positions table), and the validation report — every bad row the ALM functions would reject, found
 * by the functions' own reader with their own messages and row numbers.
 */
import { isBlank } from "../../functions/args";
import { positionsIssues } from "../../functions/positions";
import { POSITION_COLUMNS, columnOfHeader, type PositionColumn } from "../../functions/schema/positions";

export type PositionField = PositionColumn;

/** The fields the pane maps, in documentation order (the functions' schema). */
export const POSITION_FIELDS: readonly PositionField[] = POSITION_COLUMNS;

/** How a field's requirement reads in the column mapping ("" for optional fields). */
export function requirementText(field: PositionField): string {
  switch (field.required) {
    case "always":
      return "required";
    case "unless-nmd":
      return "required except for non-maturity deposits";
    case "nmd":
      return "required for non-maturity deposits";
    case "floating":
      return "required for floating rows";
    default:
      return "";
  }
}

/** Field name → 0-based column index in the table, or null when no column holds it. */
export type ColumnMapping = Record<string, number | null>;

/** The column of each field found by header name, exactly as the ALM functions will find it. */
export function detectColumns(header: readonly unknown[]): ColumnMapping {
  const mapping: ColumnMapping = Object.fromEntries(POSITION_FIELDS.map((f) => [f.name, null]));
  header.forEach((h, i) => {
    const field = columnOfHeader(h);
    if (field && mapping[field.name] === null) mapping[field.name] = i;
  });
  return mapping;
}

/**
 * The mapping the user sees: detected columns, overridden by the user's choices (field → header text,
 * `""` for "not used"). A choice naming a header that is no longer in the table is ignored.
 */
export function effectiveMapping(header: readonly unknown[], choices: Readonly<Record<string, string>>): ColumnMapping {
  const mapping = detectColumns(header);
  for (const [field, chosen] of Object.entries(choices)) {
    if (!(field in mapping)) continue;
    if (chosen === "") {
      mapping[field] = null;
      continue;
    }
    const i = header.findIndex((h) => String(h ?? "") === chosen);
    if (i >= 0) mapping[field] = i;
  }
  return mapping;
}

export interface HeaderRename {
  readonly field: string;
  readonly column: number;
  readonly from: string;
}

/** Columns the user mapped to a field whose header the functions would not recognise: rename them. */
export function headerRenames(header: readonly unknown[], mapping: ColumnMapping): HeaderRename[] {
  const out: HeaderRename[] = [];
  for (const f of POSITION_FIELDS) {
    const col = mapping[f.name];
    if (col === null || col === undefined) continue;
    if (columnOfHeader(header[col])?.name !== f.name) out.push({ field: f.name, column: col, from: String(header[col] ?? "") });
  }
  return out;
}

export interface RowIssue {
  /** Row within the range, the header being row 1: the row number the ALM functions' messages use. */
  readonly row: number;
  /** 0-based index into the values array (header included). */
  readonly index: number;
  readonly id: string | null;
  /** What the functions say about the row, without the function and argument they would name. */
  readonly problems: readonly string[];
}

export interface ValidationReport {
  readonly rows: number;
  readonly missingColumns: readonly string[];
  /** A problem with the table as a whole (a column given twice, an empty range). */
  readonly tableProblem: string | null;
  readonly issues: readonly RowIssue[];
}

/** The function and argument the report's checks are made as; stripped from the messages shown. */
const WHERE = { fn: "EVE", arg: "positions" } as const;
const PREFIX = `ALM.${WHERE.fn} ${WHERE.arg}`;
const strip = (message: string) => message.replace(new RegExp(`^${PREFIX.replace(/\./g, "\\.")},? ?`), "").replace(/^: /, "");

/** The table as the functions will read it once the pane has renamed the headers the user mapped. */
function asFunctionsSee(values: readonly (readonly unknown[])[], mapping: ColumnMapping): unknown[][] {
  const header = [...(values[0] ?? [])];
  for (const r of headerRenames(header, mapping)) header[r.column] = r.field;
  return [header, ...values.slice(1).map((r) => [...r])];
}

/**
 * Checks a positions range (header row first) with the ALM functions' reader: the missing required
 * columns, then every bad row with the functions' message (the first problem of each row, as the
 * function would report it). `asOf` (an Excel serial) adds the checks against the as-of date.
 */
export function validatePositions(values: readonly (readonly unknown[])[], mapping: ColumnMapping, asOf?: number): ValidationReport {
  const data = values.slice(1);
  const filled = data.filter((r) => !r.every(isBlank));
  const col = (name: string) => mapping[name] ?? null;
  const categoryCol = col("Category");
  const allNmd = filled.length > 0 && categoryCol !== null && filled.every((r) => !isBlank(r[categoryCol]));
  const missingColumns = POSITION_FIELDS.filter((f) => col(f.name) === null && (f.required === "always" || (f.required === "unless-nmd" && !allNmd))).map((f) => f.name);
  if (missingColumns.length > 0) return { rows: filled.length, missingColumns, tableProblem: null, issues: [] };

  const found = positionsIssues(asFunctionsSee(values, mapping), WHERE, asOf);
  const idCol = col("Id");
  const issues: RowIssue[] = [];
  let tableProblem: string | null = null;
  for (const issue of found) {
    if (issue.row === undefined) {
      tableProblem = strip(issue.message);
      continue;
    }
    const id = idCol === null ? null : values[issue.row - 1]?.[idCol];
    issues.push({ row: issue.row, index: issue.row - 1, id: isBlank(id) ? null : String(id), problems: [strip(issue.message).replace(/^row \d+, /, "")] });
  }
  return { rows: filled.length, missingColumns, tableProblem, issues };
}
