/**
 * The positions table, declared once (the positions table of docs/functions.md is generated from this list). Each column has
 * its canonical header, the other headers accepted for it, when it is required, the text that documents
 * it, and the kind of cell it holds. The functions' parser (src/functions/positions.ts), the task pane's
 * column mapping and validation report, and the sample bank all read this list.
 */
import { AMORTIZATIONS, NMD_CATEGORIES } from "../../engine/portfolio/portfolio";

/** When a column must be present and filled. */
export type Requirement =
  /** every row */
  | "always"
  /** every row that is not a non-maturity deposit (no Category) */
  | "unless-nmd"
  /** rows with a Category (non-maturity deposits) */
  | "nmd"
  /** floating rows */
  | "floating"
  | "optional";

export type CellKind = "amount" | "rate" | "date" | "choice" | "integer" | "fraction" | "number" | "text";

export interface PositionColumn {
  /** Canonical header, as documented and as the sample bank writes it. */
  readonly name: string;
  /** Other headers that mean this column (compared like the canonical one, see normalizeHeader). */
  readonly aliases: readonly string[];
  readonly required: Requirement;
  readonly kind: CellKind;
  /** Valid values of a choice column, as shown to users. */
  readonly choices?: readonly string[];
  /** One line for the docs and the task pane's column mapping. */
  readonly doc: string;
  /** The default when the cell or column is blank, in words (docs). */
  readonly default?: string;
}

export const SIDES = ["A", "ASSET", "L", "LIABILITY"] as const;
export const RATE_TYPES = ["FIXED", "FLOATING"] as const;
export const BASIS_CODES = [0, 1, 2, 3, 4] as const;

const col = <const N extends string>(c: PositionColumn & { readonly name: N }): PositionColumn & { readonly name: N } => c;

/** Every column of the positions table, in documentation order (the order the sample bank writes them in). */
export const POSITION_COLUMNS = [
  col({ name: "Id", aliases: [], required: "optional", kind: "text", doc: "Identifier carried into detail outputs." }),
  col({ name: "Side", aliases: [], required: "optional", kind: "choice", choices: ["A", "Asset", "L", "Liability"], doc: "A/Asset or L/Liability; without it the sign of Balance decides." }),
  col({ name: "Balance", aliases: ["OutstandingBalance"], required: "always", kind: "amount", doc: "Outstanding principal; positive, or signed when there is no Side column (assets positive, liabilities negative)." }),
  col({ name: "Rate", aliases: ["InterestRate"], required: "always", kind: "rate", doc: "Current annual interest rate as a decimal (0.035 for 3.5 %); for floaters the current all-in rate." }),
  col({ name: "Maturity", aliases: ["MaturityDate"], required: "unless-nmd", kind: "date", doc: "Final maturity date, after as_of (an Excel date or ISO text)." }),
  col({ name: "Type", aliases: [], required: "optional", kind: "choice", choices: [...RATE_TYPES], default: "FIXED", doc: "FIXED or FLOATING." }),
  col({ name: "Amortization", aliases: ["Amortisation"], required: "optional", kind: "choice", choices: [...AMORTIZATIONS], default: "BULLET", doc: "BULLET (all at maturity), ANNUITY (level instalments) or LINEAR (equal principal)." }),
  col({ name: "Frequency", aliases: [], required: "optional", kind: "integer", choices: ["1", "2", "4", "12"], default: "12 for ANNUITY and LINEAR, 1 for BULLET", doc: "Payments per year: 1, 2, 4 or 12." }),
  col({ name: "NextReset", aliases: ["NextResetDate"], required: "floating", kind: "date", doc: "Next repricing date of a floater, after as_of and on or before maturity." }),
  col({ name: "ResetMonths", aliases: [], required: "optional", kind: "integer", default: "12 / Frequency", doc: "Months between a floater's resets." }),
  col({ name: "Spread", aliases: [], required: "optional", kind: "rate", default: "0", doc: "A floater's margin over its index, as a decimal." }),
  col({ name: "Basis", aliases: ["DayCountBasis"], required: "optional", kind: "integer", choices: BASIS_CODES.map(String), default: "3 (Actual/365)", doc: "Day count of interest accrual, Excel's codes 0–4." }),
  col({ name: "Category", aliases: [], required: "optional", kind: "choice", choices: [...NMD_CATEGORIES], doc: "For non-maturity deposits: their Basel category; blank otherwise." }),
  col({ name: "CoreShare", aliases: [], required: "nmd", kind: "fraction", doc: "Share of a non-maturity deposit that is core, at most the Basel cap of its category." }),
  col({ name: "CoreMaturity", aliases: [], required: "nmd", kind: "number", doc: "Average maturity of core deposits in years, at most the Basel cap of the category." }),
  col({ name: "CPR", aliases: [], required: "optional", kind: "fraction", default: "0", doc: "Annual constant prepayment rate." }),
  col({ name: "TDRR", aliases: [], required: "optional", kind: "fraction", default: "0", doc: "Term deposit early-redemption ratio (annual)." }),
  col({ name: "Beta", aliases: [], required: "optional", kind: "number", default: "1", doc: "Pass-through of a rate shock to the position's rate in NII." }),
  col({ name: "Start", aliases: ["StartDate"], required: "optional", kind: "date", doc: "Origination date, on or before as_of; sets the term a fixed position renews for in NII." }),
  col({ name: "Currency", aliases: [], required: "optional", kind: "text", doc: "Currency code; with a currency argument only that currency's rows count." }),
  col({ name: "Cap", aliases: [], required: "optional", kind: "rate", doc: "Highest rate the position renews at in NII (a decimal); at or above Floor." }),
  col({ name: "Floor", aliases: [], required: "optional", kind: "rate", default: "none; 0 for non-maturity deposits", doc: "Lowest rate the position renews at in NII (a decimal); a non-maturity deposit never pays below 0 % unless its Floor says otherwise." }),
] as const satisfies readonly PositionColumn[];

export type PositionColumnName = (typeof POSITION_COLUMNS)[number]["name"];

/**
 * Header text as the functions compare it: case-, space-, underscore- and hyphen-insensitive, so
 * `Next Reset`, `next_reset` and `NEXT-RESET` all mean NextReset.
 */
export function normalizeHeader(value: unknown): string {
  return String(value ?? "")
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

const BY_HEADER: ReadonlyMap<string, PositionColumn> = new Map(POSITION_COLUMNS.flatMap((c) => [c.name, ...c.aliases].map((h) => [normalizeHeader(h), c] as const)));

/** The column a header names, or undefined for a header the functions ignore. */
export function columnOfHeader(header: unknown): PositionColumn | undefined {
  if (typeof header !== "string") return undefined;
  return BY_HEADER.get(normalizeHeader(header));
}

/** The canonical names, in documentation order. */
export const POSITION_COLUMN_NAMES: readonly PositionColumnName[] = POSITION_COLUMNS.map((c) => c.name);
