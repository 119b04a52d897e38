/**
 * Scenario choices of the wizard. The six Basel scenarios are names the ALM functions know; custom
 * scenarios become what ALM.SHOCK accepts as `scenario` (docs/functions.md): a number of bp for a
 * parallel shift, or a two-column table (tenor in years, shift in bp; linear in between, flat beyond the
 * ends).
 */
import { parseNumber, tenorYears } from "./curve";
import type { BaselScenario, CustomKind, CustomScenario, FloorKind, ScenarioSetup } from "./setup";

export const BASEL_LABELS: Record<BaselScenario, string> = {
  PARALLEL_UP: "Parallel up",
  PARALLEL_DOWN: "Parallel down",
  STEEPENER: "Steepener",
  FLATTENER: "Flattener",
  SHORT_UP: "Short rates up",
  SHORT_DOWN: "Short rates down",
};

export const CUSTOM_KIND_LABELS: Record<CustomKind, string> = {
  parallel: "Parallel shift",
  twist: "Twist around a pivot",
  keyrate: "Key-rate shift",
  ramp: "Ramp (NII)",
};

/** Default key tenors of ALM.KRD; a key-rate shift is a tent between the neighbouring keys. */
export const KEY_TENORS: readonly number[] = [0.25, 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30];

/** Long end of a twist table: the shift reaches its long value here and stays flat beyond. */
export const TWIST_LONG_END = 30;

export type ScenarioArg = { kind: "bp"; bp: number } | { kind: "table"; rows: readonly (readonly [number, number])[] };

export interface PlannedCustom {
  readonly id: string;
  readonly kind: CustomKind;
  readonly label: string;
  readonly arg: ScenarioArg;
  /** Months over which the shift ramps in NII (ramp scenarios), else null. */
  readonly rampMonths: number | null;
}

export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

const signed = (bp: number) => `${bp > 0 ? "+" : bp < 0 ? "−" : ""}${Math.abs(bp)} bp`;
const years = (t: number) => (t < 1 && Number.isInteger(t * 12) ? `${Math.round(t * 12)}M` : `${t}Y`);

/** The tenor/shift rows of a key-rate tent at `tenor`, zero at the neighbouring key tenors. */
export function keyRateRows(tenor: number, bp: number): [number, number][] {
  const prev = [...KEY_TENORS].reverse().find((k) => k < tenor);
  const next = KEY_TENORS.find((k) => k > tenor);
  const rows: [number, number][] = [];
  if (prev !== undefined) rows.push([prev, 0]);
  rows.push([tenor, bp]);
  if (next !== undefined) rows.push([next, 0]);
  return rows;
}

/** A custom scenario checked and made concrete, or the problems with what was typed. */
export function planCustom(c: CustomScenario): { ok: true; value: PlannedCustom } | { ok: false; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const num = (field: string, text: string, what: string) => {
    const n = parseNumber(text);
    if (n === undefined) issues.push({ field, message: text.trim() === "" ? `${what} is required` : `${what} "${text}" is not a number` });
    return n ?? 0;
  };
  const named = (fallback: string) => c.name.trim() || fallback;
  let value: PlannedCustom;
  switch (c.kind) {
    case "parallel": {
      const bp = num("bp", c.bp, "Shift");
      value = { id: c.id, kind: c.kind, label: named(`Parallel ${signed(bp)}`), arg: { kind: "bp", bp }, rampMonths: null };
      break;
    }
    case "twist": {
      const short = num("shortBp", c.shortBp, "Short-end shift");
      const long = num("longBp", c.longBp, "Long-end shift");
      const pivot = tenorYears(c.pivot.trim()) ?? NaN;
      if (!(pivot > 0 && pivot < TWIST_LONG_END)) issues.push({ field: "pivot", message: `Pivot must be a tenor between 0 and ${TWIST_LONG_END} years, like 5Y` });
      const rows: [number, number][] = [[0, short], [pivot, 0], [TWIST_LONG_END, long]];
      value = { id: c.id, kind: c.kind, label: named(`Twist ${signed(short)} / ${signed(long)} around ${Number.isFinite(pivot) ? years(pivot) : "?"}`), arg: { kind: "table", rows }, rampMonths: null };
      break;
    }
    case "keyrate": {
      const tenor = tenorYears(c.tenor.trim()) ?? NaN;
      if (!(tenor > 0)) issues.push({ field: "tenor", message: "Key tenor must be a tenor after 0, like 10Y" });
      const bp = num("bp", c.bp, "Shift");
      value = { id: c.id, kind: c.kind, label: named(`Key rate ${Number.isFinite(tenor) ? years(tenor) : "?"} ${signed(bp)}`), arg: { kind: "table", rows: keyRateRows(tenor, bp) }, rampMonths: null };
      break;
    }
    case "ramp": {
      const bp = num("bp", c.bp, "Shift");
      const months = parseNumber(c.months);
      if (months === undefined || !Number.isInteger(months) || months < 1 || months > 120) issues.push({ field: "months", message: "Ramp months must be a whole number from 1 to 120" });
      value = { id: c.id, kind: c.kind, label: named(`Ramp ${signed(bp)} over ${months ?? "?"} months`), arg: { kind: "bp", bp }, rampMonths: months ?? null };
      break;
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** The `floor` argument of ALM.SHOCK: a keyword or a rate (decimal). */
export type FloorArg = Exclude<FloorKind, "RATE"> | number;

export function planFloor(s: Pick<ScenarioSetup, "floor" | "floorRatePct">): { ok: true; value: FloorArg } | { ok: false; issues: FieldIssue[] } {
  if (s.floor !== "RATE") return { ok: true, value: s.floor };
  const pct = parseNumber(s.floorRatePct);
  if (pct === undefined) return { ok: false, issues: [{ field: "floorRatePct", message: "Floor rate must be a number of percent, like -1" }] };
  return { ok: true, value: pct / 100 };
}

export function isCurrencyCode(text: string): boolean {
  return /^[A-Za-z]{3}$/.test(text.trim());
}
