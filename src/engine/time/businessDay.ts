import { EngineError } from "../errors";
import type { SerialDate } from "../types";
import { type Calendar, isBusinessDay } from "./calendar";
import { packedYmd } from "./serialDate";

/**
 * ACTUS's business-day conventions, the values of the data dictionary's term "Business Day Convention"
 * (`businessDayConvention`) as the positions table's `BusinessDay` column will spell them (issue 14; docs/functions.md once it lands):
 * - `NOS`: no shift — schedule dates are used as they fall, on closed days too;
 * - `SCF`: shift, then calculate, following — the date moves to the next business day and both the payment
 *   and the accrual (calculation) use the moved date;
 * - `SCMF`: shift, then calculate, modified following — as `SCF`, but when the next business day is in the
 *   next month the date moves back to the previous business day instead;
 * - `CSF`: calculate, then shift, following — interest is calculated to the unadjusted date, only the payment
 *   moves to the next business day;
 * - `CSMF`: calculate, then shift, modified following;
 * - `SCP`: shift, then calculate, preceding — the date moves to the previous business day;
 * - `SCMP`: shift, then calculate, modified preceding — as `SCP`, but when the previous business day is in
 *   the previous month the date moves forward to the next business day instead;
 * - `CSP`: calculate, then shift, preceding;
 * - `CSMP`: calculate, then shift, modified preceding.
 * The dictionary leaves the calendar to its own term (`calendar`); here it is the `Calendar` column.
 */
export type BusinessDayConvention = "NOS" | "SCF" | "SCMF" | "CSF" | "CSMF" | "SCP" | "SCMP" | "CSP" | "CSMP";

/** The conventions in the order of the ACTUS dictionary; `NOS` is the default. */
export const BUSINESS_DAY_CONVENTIONS: readonly BusinessDayConvention[] = ["NOS", "SCF", "SCMF", "CSF", "CSMF", "SCP", "SCMP", "CSP", "CSMP"];

/** True when the text names a convention (exact, upper-case spelling). */
export function isBusinessDayConvention(name: string): name is BusinessDayConvention {
  return (BUSINESS_DAY_CONVENTIONS as readonly string[]).includes(name);
}

/**
 * How a date on a closed day moves, named as QuantLib's `BusinessDayConvention`:
 * - `UNADJUSTED`: it does not move;
 * - `FOLLOWING`: to the first business day after it;
 * - `MODIFIED_FOLLOWING`: to the first business day after it unless that is in another month, then to the
 *   last business day before it;
 * - `PRECEDING`: to the last business day before it;
 * - `MODIFIED_PRECEDING`: to the last business day before it unless that is in another month, then to the
 *   first business day after it.
 */
export type Roll = "UNADJUSTED" | "FOLLOWING" | "MODIFIED_FOLLOWING" | "PRECEDING" | "MODIFIED_PRECEDING";

/** The roll each ACTUS convention applies to the payment date. */
export const ROLL_OF: Readonly<Record<BusinessDayConvention, Roll>> = {
  NOS: "UNADJUSTED",
  SCF: "FOLLOWING",
  CSF: "FOLLOWING",
  SCMF: "MODIFIED_FOLLOWING",
  CSMF: "MODIFIED_FOLLOWING",
  SCP: "PRECEDING",
  CSP: "PRECEDING",
  SCMP: "MODIFIED_PRECEDING",
  CSMP: "MODIFIED_PRECEDING",
};

function following(serial: SerialDate, calendar: Calendar): SerialDate {
  let d = serial;
  while (!isBusinessDay(calendar, d)) d++;
  return d;
}

function preceding(serial: SerialDate, calendar: Calendar): SerialDate {
  let d = serial;
  while (!isBusinessDay(calendar, d)) d--;
  return d;
}

const monthOf = (serial: SerialDate) => Math.floor(packedYmd(serial) / 100);

/**
 * The date moved by a roll on a calendar, as QuantLib's `Calendar.adjust(date, convention)`; a business day
 * never moves.
 * @example toIso(roll(fromYmd(2024, 11, 30), "MODIFIED_FOLLOWING", "TARGET")) //=> "2024-11-29"
 */
export function roll(serial: SerialDate, rule: Roll, calendar: Calendar): SerialDate {
  if (rule === "UNADJUSTED" || calendar === "NONE" || isBusinessDay(calendar, serial)) return serial;
  switch (rule) {
    case "FOLLOWING":
      return following(serial, calendar);
    case "PRECEDING":
      return preceding(serial, calendar);
    case "MODIFIED_FOLLOWING": {
      const d = following(serial, calendar);
      return monthOf(d) === monthOf(serial) ? d : preceding(serial, calendar);
    }
    case "MODIFIED_PRECEDING": {
      const d = preceding(serial, calendar);
      return monthOf(d) === monthOf(serial) ? d : following(serial, calendar);
    }
    default:
      throw new EngineError("VALUE", `unknown business-day roll ${String(rule)}`);
  }
}

function rollOf(convention: BusinessDayConvention): Roll {
  if (!isBusinessDayConvention(convention)) throw new EngineError("VALUE", `unknown business-day convention ${String(convention)}: expected ${BUSINESS_DAY_CONVENTIONS.join(", ")}`);
  return ROLL_OF[convention];
}

/**
 * The payment date of a schedule date under an ACTUS convention: every convention but `NOS` moves a date on
 * a closed day of the calendar, shift-then-calculate (SC…) and calculate-then-shift (CS…) alike.
 * @example toIso(adjust(fromYmd(2024, 11, 30), "CSMF", "TARGET")) //=> "2024-11-29"
 */
export function adjust(serial: SerialDate, convention: BusinessDayConvention, calendar: Calendar): SerialDate {
  return roll(serial, rollOf(convention), calendar);
}

/**
 * The date interest is calculated to (accrual end) under an ACTUS convention: the shifted date for the
 * shift-then-calculate conventions (`SCF`, `SCMF`, `SCP`, `SCMP`), the unadjusted schedule date for the
 * calculate-then-shift ones (`CSF`, `CSMF`, `CSP`, `CSMP`) and for `NOS`.
 * @example toIso(calculationDate(fromYmd(2024, 11, 30), "CSMF", "TARGET")) //=> "2024-11-30"
 */
export function calculationDate(serial: SerialDate, convention: BusinessDayConvention, calendar: Calendar): SerialDate {
  const rule = rollOf(convention);
  return convention.startsWith("SC") ? roll(serial, rule, calendar) : serial;
}

/** True when the convention moves payment dates only (calculate, then shift), i.e. accrual stays unadjusted. */
export function calculatesOnUnadjusted(convention: BusinessDayConvention): boolean {
  return rollOf(convention) === "UNADJUSTED" || convention.startsWith("CS");
}
