/**
 * Curve pillars as the pane sees them (SPEC §1 curve argument): tenor (years or text such as 3M, 5Y)
 * and a continuously-compounded zero rate. Pillars come from a workbook range (rates as decimals, an
 * optional header row) or are typed in the pane (rates in percent).
 */
import { parseTenor, tenorTime } from "../../engine/time/tenor";
import type { PillarRow } from "./setup";

export interface CurvePillars {
  /** Rows as the ALM functions receive them: tenor cell (number of years or tenor text), zero rate (decimal). */
  readonly cells: readonly (readonly [number | string, number])[];
  readonly times: readonly number[];
  readonly zeros: readonly number[];
}

export interface CurveIssue {
  /** 1-based pillar number, or 0 for the curve as a whole. */
  readonly row: number;
  readonly message: string;
}

export type CurveParse = { ok: true; curve: CurvePillars } | { ok: false; issues: CurveIssue[] };

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Years of a tenor cell (number ≥ 0 or tenor text), or undefined. */
export function tenorYears(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  const tenor = parseTenor(text);
  return tenor ? tenorTime(tenor) : undefined;
}

/** A number typed by a person: accepts a decimal comma and surrounding spaces; undefined when not one. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

function finish(rows: { row: number; tenor: number | string; years: number; rate: number }[], issues: CurveIssue[]): CurveParse {
  for (let i = 1; i < rows.length; i++) {
    if (!(rows[i].years > rows[i - 1].years)) {
      issues.push({ row: rows[i].row, message: `tenor ${rows[i].tenor} is not after the previous tenor ${rows[i - 1].tenor}; tenors must increase` });
    }
  }
  if (rows.length === 0 && issues.length === 0) issues.push({ row: 0, message: "the curve has no pillars" });
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    curve: {
      cells: rows.map((r) => [r.tenor, r.rate] as const),
      times: rows.map((r) => r.years),
      zeros: rows.map((r) => r.rate),
    },
  };
}

/** Pillars typed in the pane (rates in percent). Fully blank rows are skipped. */
export function parsePillarRows(rows: readonly PillarRow[]): CurveParse {
  const out: { row: number; tenor: number | string; years: number; rate: number }[] = [];
  const issues: CurveIssue[] = [];
  rows.forEach((r, i) => {
    if (isBlank(r.tenor) && isBlank(r.ratePct)) return;
    const years = tenorYears(r.tenor);
    const pct = parseNumber(r.ratePct);
    if (years === undefined) issues.push({ row: i + 1, message: `tenor "${r.tenor}" is not a number of years or a tenor like 3M, 5Y` });
    if (pct === undefined) issues.push({ row: i + 1, message: isBlank(r.ratePct) ? "the zero rate is blank" : `zero rate "${r.ratePct}" is not a number` });
    if (years !== undefined && pct !== undefined) {
      const text = r.tenor.trim().toUpperCase();
      out.push({ row: i + 1, tenor: /^\d+(\.\d+)?$/.test(text) ? Number(text) : text, years, rate: pct / 100 });
    }
  });
  return finish(out, issues);
}

/** Pillars read from a two-column workbook range (rates as decimals); a header row is skipped. */
export function parseCurveRange(values: readonly (readonly unknown[])[]): CurveParse {
  if (values.length === 0 || values[0].length < 2) return { ok: false, issues: [{ row: 0, message: "the curve range must have two columns: tenor and zero rate" }] };
  const body = tenorYears(values[0][0]) === undefined && typeof values[0][1] !== "number" ? values.slice(1) : values;
  const offset = values.length - body.length;
  const out: { row: number; tenor: number | string; years: number; rate: number }[] = [];
  const issues: CurveIssue[] = [];
  body.forEach((r, i) => {
    if (r.every(isBlank)) return;
    const years = tenorYears(r[0]);
    const row = i + 1 + offset;
    if (years === undefined) issues.push({ row, message: `tenor ${JSON.stringify(r[0])} is not a number of years or a tenor like 3M, 5Y` });
    if (typeof r[1] !== "number" || !Number.isFinite(r[1])) issues.push({ row, message: `zero rate ${JSON.stringify(r[1])} is not a number` });
    else if (years !== undefined) out.push({ row, tenor: typeof r[0] === "string" ? r[0].trim() : (r[0] as number), years, rate: r[1] });
  });
  return finish(out, issues);
}
