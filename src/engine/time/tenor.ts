import { precondition } from "../errors";
import type { SerialDate, Time } from "../types";
import { addMonths } from "./serialDate";

/**
 * A tenor: `ON` (one day), `nD` days, `nW` (7n days), `nM` months, `nY` years. Against a date it moves by
 * EDATE month arithmetic; without a date it is a time in years (`nM` = n/12, `nW` = 7n/365, `nD` = n/365,
 * `ON` = 1/365).
 */
export type Tenor = { unit: "D"; count: number } | { unit: "W"; count: number } | { unit: "M"; count: number };

const TENOR_PATTERN = /^(\d+(?:\.\d+)?)\s*([DWMY])$/;

/** Parses tenor text (case-insensitive), or returns undefined when the text is not a tenor. */
export function parseTenor(text: string): Tenor | undefined {
  const t = text.trim().toUpperCase();
  if (t === "ON" || t === "O/N") return { unit: "D", count: 1 };
  const match = TENOR_PATTERN.exec(t);
  if (!match) return undefined;
  const n = Number(match[1]);
  switch (match[2]) {
    case "D":
      return Number.isInteger(n) ? { unit: "D", count: n } : undefined;
    case "W":
      return Number.isInteger(n) ? { unit: "W", count: n } : undefined;
    case "M":
      return Number.isInteger(n) ? { unit: "M", count: n } : undefined;
    default:
      return Number.isInteger(n * 12) ? { unit: "M", count: n * 12 } : undefined;
  }
}

/**
 * Time in years of a tenor with no date: `3M` → 0.25, `1W` → 7/365, `ON` → 1/365.
 * @example tenorTime({ unit: "M", count: 18 }) //=> 1.5
 */
export function tenorTime(tenor: Tenor): Time {
  switch (tenor.unit) {
    case "D":
      return tenor.count / 365;
    case "W":
      return (7 * tenor.count) / 365;
    case "M":
      return tenor.count / 12;
  }
}

/** The date a tenor after `from`: EDATE for months and years, calendar days for `ON` and weeks. */
export function tenorDate(from: SerialDate, tenor: Tenor): SerialDate {
  switch (tenor.unit) {
    case "D":
      return from + tenor.count;
    case "W":
      return from + 7 * tenor.count;
    case "M":
      return addMonths(from, tenor.count);
  }
}

/**
 * The date `years` after `from` for a numeric tenor: the whole months by EDATE, then any remaining
 * fraction of a month as round(fraction · 365/12) calendar days. `0.25` is EDATE(from, 3).
 * @example yearsToDate(fromYmd(2026, 1, 31), 0.25) //=> fromYmd(2026, 4, 30)
 */
export function yearsToDate(from: SerialDate, years: Time): SerialDate {
  precondition(Number.isFinite(years) && years >= 0, () => `tenor ${years} is not a non-negative number of years`);
  const months = years * 12;
  const whole = Math.floor(months + 1e-9);
  const rest = Math.max(0, months - whole);
  return addMonths(from, whole) + Math.round((rest * 365) / 12);
}
