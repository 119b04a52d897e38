/**
 * Previews in the pane computed by the same ALM functions the workbook will run (`functionsById`), so a
 * chart shows what the written formulas will show. A function this build does not have yet, or an
 * input it rejects, comes back as a message instead of a number.
 */
import { functionsById } from "../../functions";
import { tenorYears, type CurvePillars } from "./curve";
import type { ScenarioArg, FloorArg } from "./scenarios";
import type { Interpolation } from "./setup";

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Evaluation<T> = { ok: true; value: T } | { ok: false; message: string };

type AlmFunction = (...args: unknown[]) => unknown;
const registry = functionsById as unknown as Record<string, AlmFunction | undefined>;

/** Calls ALM.<id> exactly as Excel would; errors (thrown or a returned error cell) become a message. */
export function callAlm(id: string, ...args: unknown[]): Evaluation<unknown> {
  const fn = registry[id];
  if (!fn) return { ok: false, message: `ALM.${id} is not in this build of the add-in yet.` };
  try {
    return { ok: true, value: fn(...args) };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return { ok: false, message: `${err.code ? `${err.code} ` : ""}${err.message ?? String(e)}` };
  }
}

const isErrorCell = (v: unknown): v is { code: string; message?: string } => typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string";

function curveCells(curve: CurvePillars): unknown[][] {
  return curve.cells.map((c) => [c[0], c[1]]);
}

/** The zero curve on a fine grid from 0 to its last pillar (or 30 years), interpolated by ALM.ZERO. */
export function zeroCurve(curve: CurvePillars, interpolation: Interpolation, steps = 60): Evaluation<Point[]> {
  const last = Math.max(curve.times[curve.times.length - 1] ?? 0, 1);
  const grid = Array.from({ length: steps + 1 }, (_, i) => (last * i) / steps).map((t, i) => (i === 0 ? last / (steps * 10) : t));
  const r = callAlm("ZERO", curveCells(curve), grid.map((t) => [t]), null, interpolation);
  if (!r.ok) return r;
  const rows = r.value as unknown[][];
  const points: Point[] = [];
  for (let i = 0; i < grid.length; i++) {
    const v = rows[i]?.[0];
    if (isErrorCell(v)) return { ok: false, message: `${v.code} ${v.message ?? ""}`.trim() };
    if (typeof v === "number") points.push({ x: grid[i], y: v });
  }
  return { ok: true, value: points };
}

/**
 * The curve ALM.SHOCK returns for a scenario, as points (tenor in years, zero rate); `calibration` is a
 * calibration name or the cells of the own shock sizes range.
 */
export function shockedCurve(
  curve: CurvePillars,
  scenario: string | ScenarioArg,
  currency: string,
  calibration: string | unknown[][],
  floor: FloorArg
): Evaluation<Point[]> {
  const arg = typeof scenario === "string" ? scenario : scenario.kind === "bp" ? scenario.bp : scenario.rows.map((r) => [r[0], r[1]]);
  const r = callAlm("SHOCK", curveCells(curve), arg, currency, calibration, floor, null);
  if (!r.ok) return r;
  if (!Array.isArray(r.value)) return { ok: false, message: "ALM.SHOCK returned no table" };
  const points: Point[] = [];
  for (const row of r.value as unknown[][]) {
    const x = tenorYears(row[0]);
    const y = row[1];
    if (isErrorCell(y)) return { ok: false, message: `${y.code} ${y.message ?? ""}`.trim() };
    if (x !== undefined && typeof y === "number") points.push({ x, y });
  }
  return { ok: true, value: points };
}
