/**
 * Curve pillars as the pane sees them (the curve argument of docs/conventions.md): tenor (years or text
 * such as 3M, 5Y) and a continuously-compounded zero rate. Pillars come from a workbook range (rates as
 * decimals, an optional header row; checked by the functions' own reader, so the pane accepts exactly
 * what ALM.ZERO accepts) or are typed in the pane (rates in percent).
 */
import { parseTenor, tenorTime } from "../../engine/time/tenor";
import { isBlank, parseCurve } from "../../functions/args";
import { curveIssues } from "../../functions/cells";
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

/** The function and argument the range check is made as; stripped from the messages shown. */
const WHERE = { fn: "ZERO", arg: "curve" } as const;
const strip = (message: string) => message.replace(/^ALM\.ZERO curve(, row \d+)?(, |: )?/, "");

/** Pillars read from a two-column workbook range (rates as decimals); a header row is skipped. */
export function parseCurveRange(values: readonly (readonly unknown[])[]): CurveParse {
  const raw = values.map((r) => [...r]);
  const issues = curveIssues(raw, WHERE);
  if (issues.length > 0) return { ok: false, issues: issues.map((i) => ({ row: i.row ?? 0, message: strip(i.message) })) };
  const { times, zeros } = parseCurve(raw, WHERE);
  const single = raw.length === 1 && raw[0].length === 1;
  const rows = raw.filter((r, i) => !(isBlank(r[0]) && isBlank(r[1])) && !(i === 0 && typeof r[0] === "string" && typeof r[1] === "string" && parseTenor(r[0]) === undefined));
  const cells = single ? [[0, zeros[0]] as const] : rows.map((r) => [typeof r[0] === "string" ? r[0].trim() : (r[0] as number), r[1] as number] as const);
  return { ok: true, curve: { cells, times, zeros } };
}
