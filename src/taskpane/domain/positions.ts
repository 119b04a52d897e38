/**
 * Positions table checks done in the pane (SPEC §2): which column holds which field, and a light,
 * row-by-row report of what the ALM functions would reject. The functions stay the authority; this is
 * early feedback with a way to jump to the row.
 */

export interface PositionField {
  readonly name: string;
  /** `true`: always required; `"non-NMD"`: required on rows that are not non-maturity deposits. */
  readonly required: boolean | "non-NMD";
  readonly hint: string;
}

export const POSITION_FIELDS: readonly PositionField[] = [
  { name: "Balance", required: true, hint: "outstanding principal" },
  { name: "Rate", required: true, hint: "current annual rate, decimal" },
  { name: "Maturity", required: "non-NMD", hint: "final maturity date" },
  { name: "Side", required: false, hint: "A/Asset or L/Liability" },
  { name: "Type", required: false, hint: "FIXED or FLOATING" },
  { name: "Amortization", required: false, hint: "BULLET, ANNUITY or LINEAR" },
  { name: "Frequency", required: false, hint: "payments per year" },
  { name: "NextReset", required: false, hint: "next repricing date of floaters" },
  { name: "ResetMonths", required: false, hint: "months between resets" },
  { name: "Spread", required: false, hint: "floater margin" },
  { name: "Basis", required: false, hint: "day count code 0–4" },
  { name: "Category", required: false, hint: "NMD category" },
  { name: "CoreShare", required: false, hint: "core share of an NMD" },
  { name: "CoreMaturity", required: false, hint: "core average maturity, years" },
  { name: "CPR", required: false, hint: "constant prepayment rate" },
  { name: "TDRR", required: false, hint: "term deposit redemption ratio" },
  { name: "Beta", required: false, hint: "NII pass-through" },
  { name: "Start", required: false, hint: "origination date" },
  { name: "Id", required: false, hint: "identifier" },
  { name: "Currency", required: false, hint: "currency code" },
];

/** Field name → 0-based column index in the table, or null when no column holds it. */
export type ColumnMapping = Record<string, number | null>;

/** Header text as the ALM functions compare it: case- and space-insensitive. */
export function normalizeHeader(value: unknown): string {
  return String(value ?? "").replace(/\s+/g, "").toLowerCase();
}

/** The column of each field found by header name, as the ALM functions will find it. */
export function detectColumns(header: readonly unknown[]): ColumnMapping {
  const byName = new Map<string, number>();
  header.forEach((h, i) => {
    const key = normalizeHeader(h);
    if (key && !byName.has(key)) byName.set(key, i);
  });
  const mapping: ColumnMapping = {};
  for (const f of POSITION_FIELDS) mapping[f.name] = byName.get(f.name.toLowerCase()) ?? null;
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
    if (normalizeHeader(header[col]) !== f.name.toLowerCase()) out.push({ field: f.name, column: col, from: String(header[col] ?? "") });
  }
  return out;
}

export interface RowIssue {
  /** 1-based row within the data (the header is row 0), as the functions number rows. */
  readonly row: number;
  /** 0-based index into the values array (header included). */
  readonly index: number;
  readonly id: string | null;
  readonly problems: readonly string[];
}

export interface ValidationReport {
  readonly rows: number;
  readonly missingColumns: readonly string[];
  readonly issues: readonly RowIssue[];
}

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown) => (typeof v === "number" && Number.isFinite(v) && v >= 1) || (typeof v === "string" && ISO_DATE.test(v.trim()));
const show = (v: unknown) => (typeof v === "string" ? `"${v.length > 30 ? `${v.slice(0, 30)}…` : v}"` : String(v));

/**
 * Checks a positions range (header row first): missing required columns, and per row a non-numeric or
 * blank Balance or Rate, a blank or non-date Maturity on a non-NMD row, an unknown Side or Type, and a
 * floating row without NextReset. Fully blank rows are skipped, as the functions skip them.
 */
export function validatePositions(values: readonly (readonly unknown[])[], mapping: ColumnMapping): ValidationReport {
  const data = values.slice(1);
  const col = (name: string) => mapping[name] ?? null;
  const filled = data.filter((r) => !r.every(isBlank));
  const categoryCol = col("Category");
  const allNmd = filled.length > 0 && categoryCol !== null && filled.every((r) => String(r[categoryCol] ?? "").trim().toUpperCase().startsWith("NMD_"));
  const missingColumns = POSITION_FIELDS.filter((f) => col(f.name) === null && (f.required === true || (f.required === "non-NMD" && !allNmd))).map((f) => f.name);
  const issues: RowIssue[] = [];
  let rows = 0;
  data.forEach((r, i) => {
    if (r.every(isBlank)) return;
    rows++;
    const cell = (name: string) => (col(name) === null ? undefined : r[col(name) as number]);
    const problems: string[] = [];
    for (const name of ["Balance", "Rate"]) {
      if (col(name) === null) continue;
      const v = cell(name);
      if (isBlank(v)) problems.push(`${name} is blank`);
      else if (typeof v !== "number" || !Number.isFinite(v)) problems.push(`${name} is ${show(v)}, not a number`);
    }
    const category = String(cell("Category") ?? "").trim().toUpperCase();
    const nmd = category.startsWith("NMD_");
    if (col("Maturity") !== null) {
      const m = cell("Maturity");
      if (isBlank(m)) {
        if (!nmd) problems.push("Maturity is blank on a row that is not a non-maturity deposit");
      } else if (!isDate(m)) problems.push(`Maturity is ${show(m)}, not a date`);
    }
    const side = cell("Side");
    if (!isBlank(side) && !/^(A|ASSET|L|LIABILITY)$/i.test(String(side).trim())) problems.push(`Side is ${show(side)}; expected A, Asset, L or Liability`);
    const type = cell("Type");
    if (!isBlank(type) && !/^(FIXED|FLOATING)$/i.test(String(type).trim())) problems.push(`Type is ${show(type)}; expected FIXED or FLOATING`);
    if (/^FLOATING$/i.test(String(type ?? "").trim()) && col("NextReset") !== null && isBlank(cell("NextReset"))) problems.push("NextReset is blank on a floating row");
    if (problems.length > 0) {
      const id = cell("Id");
      issues.push({ row: i + 1, index: i + 1, id: isBlank(id) ? null : String(id), problems });
    }
  });
  return { rows, missingColumns, issues };
}
