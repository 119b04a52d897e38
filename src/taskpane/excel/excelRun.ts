/**
 * Calling Excel: the one wrapper around `Excel.run` that turns every Office exception into a
 * `GatewayResult`, the gateway's error codes and the helpers the reads and the write transaction share.
 */
import { boxCols, parseAddress, type Box } from "./a1";
import type { Conflict } from "./ownership";

export type GatewayErrorCode =
  | "PROTECTED"
  | "NEEDS_CONFIRMATION"
  | "NOT_FOUND"
  | "INVALID_ADDRESS"
  | "TOO_LARGE"
  | "CHANGED"
  | "UNSUPPORTED"
  | "WRITE_FAILED"
  | "PARTIAL_WRITE"
  | "EXCEL_ERROR";

export interface GatewayError {
  readonly code: GatewayErrorCode;
  readonly message: string;
  /** NEEDS_CONFIRMATION: the cells and names the write would overwrite. */
  readonly conflicts?: readonly Conflict[];
  /** PARTIAL_WRITE: ranges that may hold new content after a failed write. */
  readonly left?: readonly string[];
}

export type GatewayResult<T> = { ok: true; value: T } | { ok: false; error: GatewayError };

export const SETTINGS = { setup: "ALM.Setup", ledger: "ALM.Ledger" } as const;

export interface GatewayConfig {
  /** Most cells sent or read per `sync` (Excel on the web caps a request at 5 MB). */
  readonly maxCellsPerSync?: number;
  /** Largest table `readTable` accepts, in cells. */
  readonly maxReadCells?: number;
}

export const ok = <T>(value: T): GatewayResult<T> => ({ ok: true, value });
export const fail = (code: GatewayErrorCode, message: string, extra: Partial<GatewayError> = {}): { ok: false; error: GatewayError } => ({
  ok: false,
  error: { code, message, ...extra },
});

/** The gateway's own failures travel as this inside `Excel.run` and come out as a result. */
export class Refusal extends Error {
  constructor(readonly error: GatewayError) {
    super(error.message);
  }
}

export function excelMessage(e: unknown): string {
  const err = e as { code?: string; message?: string; debugInfo?: { message?: string } };
  const text = err?.debugInfo?.message || err?.message || String(e);
  switch (err?.code) {
    case "AccessDenied":
      return `Excel refused the change: the sheet may be protected or the workbook read-only (${text})`;
    case "ItemNotFound":
      return `Excel could not find it: ${text}`;
    case "InvalidArgument":
      return `Excel rejected the request: ${text}`;
    default:
      return text;
  }
}

export function supports(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

export async function run<T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<GatewayResult<T>> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return fail("UNSUPPORTED", "Excel is not available: open the add-in inside Excel.");
  try {
    return ok(await Excel.run(fn));
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    return fail("EXCEL_ERROR", excelMessage(e));
  }
}

/** Row chunks of a box with at most `maxCells` cells each (at least one row). */
export function rowChunks(box: Box, maxCells: number): Box[] {
  const rowsPer = Math.max(1, Math.floor(maxCells / boxCols(box)));
  const out: Box[] = [];
  for (let top = box.top; top <= box.bottom; top += rowsPer) out.push({ ...box, top, bottom: Math.min(box.bottom, top + rowsPer - 1) });
  return out;
}

export function sheetOfAddress(address: string): { sheet: string; box: Box } {
  const parsed = parseAddress(address);
  if (!parsed) throw new Refusal({ code: "INVALID_ADDRESS", message: `Excel returned an address the add-in cannot read: ${address}` });
  return parsed;
}

/** Reads a resolved range's values chunk by chunk. */
