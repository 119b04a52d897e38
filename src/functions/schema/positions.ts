/**
 * The positions table, declared once (the positions table of docs/functions.md is generated from this list). Each column has
 * its canonical header, the other headers accepted for it, when it is required, the text that documents
 * it, and the kind of cell it holds. The functions' parser (src/functions/positions.ts), the task pane's
 * column mapping and validation report, and the sample bank all read this list.
 */
import { AMORTIZATIONS, NMD_CATEGORIES } from "../../engine/portfolio/portfolio";
import { BUSINESS_DAY_CONVENTIONS } from "../../engine/time/businessDay";
import { CALENDARS } from "../../engine/time/calendar";

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

export type CellKind = "amount" | "rate" | "date" | "choice" | "integer" | "fraction" | "number" | "text" | "cycle";

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
export const STUBS = ["SHORT", "LONG"] as const;
export const END_OF_MONTH = ["SD", "EOM"] as const;

const col = <const N extends string>(c: PositionColumn & { readonly name: N }): PositionColumn & { readonly name: N } => c;

/** Every column of the positions table, in documentation order (the order the sample bank writes them in). */
export const POSITION_COLUMNS = [
  col({ name: "Id", aliases: [], required: "optional", kind: "text", doc: "Identifier carried into detail outputs." }),
  col({ name: "Side", aliases: [], required: "optional", kind: "choice", choices: ["A", "Asset", "L", "Liability"], doc: "A/Asset or L/Liability; without it the sign of Balance decides." }),
  col({ name: "Balance", aliases: ["OutstandingBalance"], required: "always", kind: "amount", doc: "Outstanding principal; positive, or signed when there is no Side column (assets positive, liabilities negative)." }),
  col({ name: "Rate", aliases: ["InterestRate"], required: "always", kind: "rate", doc: "Current annual interest rate as a decimal (0.035 for 3.5 %); for floaters the current all-in rate." }),
  col({ name: "Maturity", aliases: ["MaturityDate"], required: "unless-nmd", kind: "date", doc: "Final maturity date, after as_of (an Excel date or ISO text)." }),
  col({ name: "Type", aliases: [], required: "optional", kind: "choice", choices: [...RATE_TYPES], default: "FIXED", doc: "FIXED or FLOATING." }),
  col({ name: "Amortization", aliases: ["Amortisation"], required: "optional", kind: "choice", choices: [...AMORTIZATIONS], default: "BULLET", doc: "BULLET (all at maturity; ACTUS PAM), ANNUITY (level instalments of principal and interest; ANN), LINEAR (equal principal; LAM) or NEGATIVE (a fixed instalment of which interest is paid first, so principal may be negative, the rest at maturity; NAM)." }),
  col({ name: "Frequency", aliases: [], required: "optional", kind: "cycle", choices: ["1", "2", "4", "6", "12", "1M", "3M", "2W", "10D", "1Y"], default: "12 for ANNUITY, LINEAR and NEGATIVE, 1 for BULLET", doc: "Interest payments per year (1, 2, 4, 6 or 12), or the cycle as a tenor: nD days, nW weeks, nM months, nY years." }),
  col({ name: "NextReset", aliases: ["NextResetDate"], required: "floating", kind: "date", doc: "Next repricing date of a floater, after as_of and on or before maturity." }),
  col({ name: "ResetMonths", aliases: [], required: "optional", kind: "integer", default: "the interest cycle in months", doc: "Months between a floater's resets: reset dates are EDATE(NextReset, k·ResetMonths). Required when Frequency is in days or weeks." }),
  col({ name: "Spread", aliases: [], required: "optional", kind: "rate", default: "0", doc: "A floater's margin over its index, as a decimal." }),
  col({ name: "Basis", aliases: ["DayCountBasis"], required: "optional", kind: "integer", choices: BASIS_CODES.map(String), default: "3 (Actual/365)", doc: "Day count of interest accrual, Excel's codes 0–4." }),
  col({ name: "Category", aliases: [], required: "optional", kind: "choice", choices: [...NMD_CATEGORIES], doc: "For non-maturity deposits: their Basel category; blank otherwise." }),
  col({ name: "CoreShare", aliases: [], required: "nmd", kind: "fraction", doc: "Share of a non-maturity deposit that is core, at most the Basel cap of its category." }),
  col({ name: "CoreMaturity", aliases: [], required: "nmd", kind: "number", doc: "Average maturity of core deposits in years, at most the Basel cap of the category." }),
  col({ name: "CPR", aliases: [], required: "optional", kind: "fraction", default: "0", doc: "Annual constant prepayment rate." }),
  col({ name: "TDRR", aliases: [], required: "optional", kind: "fraction", default: "0", doc: "Term deposit early-redemption ratio (annual)." }),
  col({ name: "Beta", aliases: [], required: "optional", kind: "number", default: "1", doc: "Pass-through of a rate shock to the position's rate in NII." }),
  col({ name: "Start", aliases: ["StartDate"], required: "optional", kind: "date", doc: "Origination date; sets the term a fixed position renews for in NII. After as_of the position is forward-starting: its Balance is exchanged at Start (an asset pays it out) and accrues from Start." }),
  col({ name: "Currency", aliases: [], required: "optional", kind: "text", doc: "Currency code; with a currency argument only that currency's rows count." }),
  col({ name: "FirstPayment", aliases: ["CycleAnchorDateOfInterestPayment"], required: "optional", kind: "date", doc: "Anchor of the interest schedule, on or after Start and on or before Maturity: payments fall on EDATE(anchor, k·cycle), the odd period last. Without it the schedule rolls back from Maturity, the odd period first." }),
  col({ name: "PrincipalFrequency", aliases: [], required: "optional", kind: "cycle", default: "Frequency", doc: "Cycle of principal payments where it differs from interest, as Frequency." }),
  col({ name: "FirstPrincipal", aliases: ["CycleAnchorDateOfPrincipalRedemption"], required: "optional", kind: "date", doc: "Anchor of the principal schedule (e.g. the end of an interest-only period), on or after Start and on or before Maturity." }),
  col({ name: "Stub", aliases: [], required: "optional", kind: "choice", choices: [...STUBS], default: "SHORT", doc: "Where the cycle does not fit: SHORT keeps the odd period short (ACTUS L1), LONG merges it with its neighbour (ACTUS L0)." }),
  col({ name: "BusinessDay", aliases: ["BusinessDayConvention"], required: "optional", kind: "choice", choices: [...BUSINESS_DAY_CONVENTIONS], default: "NOS", doc: "ACTUS business-day convention: NOS (no shift); SC… shift then calculate (accrual on shifted dates), CS… calculate then shift (accrual on schedule dates); F following, MF modified following, P preceding, MP modified preceding. Every schedule date moves, Maturity included." }),
  col({ name: "Calendar", aliases: [], required: "optional", kind: "choice", choices: [...CALENDARS], default: "NONE", doc: "Closed days for BusinessDay and FixingDays: NONE, WEEKENDS (Monday to Friday open) or TARGET (the euro TARGET2 calendar)." }),
  col({ name: "EndOfMonth", aliases: ["EndOfMonthConvention"], required: "optional", kind: "choice", choices: [...END_OF_MONTH], default: "SD", doc: "SD (same day) or EOM: a month-cycle schedule anchored on a month's last day stays on month ends." }),
  col({ name: "Redemption", aliases: ["NextPrincipalRedemptionPayment"], required: "optional", kind: "amount", default: "the amount that amortises to zero at maturity", doc: "Periodic principal payment (LINEAR) or instalment including interest (ANNUITY, NEGATIVE), positive; an annuity's instalment is recalculated at each reset." }),
  col({ name: "AccruedInterest", aliases: [], required: "optional", kind: "amount", doc: "Interest accrued before as_of, in the Balance's terms; it replaces the schedule's own accrual up to as_of in the next payment. Not on a forward-starting position." }),
  col({ name: "Cap", aliases: [], required: "optional", kind: "rate", doc: "Highest rate a floater resets to, and the position renews at in NII (a decimal); at or above Floor." }),
  col({ name: "Floor", aliases: [], required: "optional", kind: "rate", default: "none; 0 for non-maturity deposits", doc: "Lowest rate a floater resets to, and the position renews at in NII (a decimal); a non-maturity deposit never pays below 0 % unless its Floor says otherwise." }),
  col({ name: "Multiplier", aliases: ["RateMultiplier"], required: "optional", kind: "number", default: "1", doc: "A floater's factor on its index: each reset sets the rate to Multiplier × index + Spread, within Cap and Floor." }),
  col({ name: "FixingDays", aliases: [], required: "optional", kind: "integer", default: "0", doc: "Business days (on Calendar) before each reset that a floater's index is observed." }),
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
