import { dateSystem, setDateSystem, whenKnown, type DateSystem } from "./dateSystem";
import { isExcelError, makeExcelError, type ExcelErrorCode } from "./excelError";

/**
 * Running heavy functions off the pane's thread. In the shared runtime Excel calls custom functions on the
 * task pane's JavaScript thread, so a 10^5-position ΔEVE would freeze the pane for most of a second. The
 * functions registered with Excel for whole-table work therefore hand their arguments to a Web Worker
 * (`functions-worker.js`, which runs the same `functionsById`) and return a Promise; Excel shows `#BUSY!`
 * meanwhile. Where no worker can run (plain Node, inside the worker itself, or if it fails to start) the
 * call runs inline, with the same result. If the worker fails while calls are in flight, each of them is
 * answered inline, so no cell is left at `#BUSY!`.
 */

/** An Excel error crossing the worker boundary (structured clone keeps no class or custom property). */
interface WireError {
  readonly $excelError: ExcelErrorCode;
  readonly message: string;
}

export interface WorkerRequest {
  readonly id: number;
  readonly fn: string;
  /**
   * The arguments as JSON text. Serialising the nested arrays Excel passes as one string and posting it
   * costs the pane's thread about a third of a structured clone of the arrays themselves (70 ms against
   * 210 ms for 10^5 positions, docs/performance.md), and Excel's argument values (numbers, text,
   * booleans, null) survive JSON exactly.
   */
  readonly args: string;
  /** The workbook's date system, which the worker cannot ask Excel for itself. */
  readonly dateSystem: DateSystem;
}

export type WorkerResponse = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly error: WireError };

const toWire = (e: { code: string; message: string }): WireError => ({ $excelError: e.code as ExcelErrorCode, message: e.message });
const isWire = (v: unknown): v is WireError => typeof v === "object" && v !== null && "$excelError" in v;

/** Encodes a result for postMessage: per-cell Excel errors become plain objects. */
export function encodeResult(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row.map((c) => (isExcelError(c) ? toWire(c) : c)) : row));
  return isExcelError(value) ? toWire(value) : value;
}

/** Decodes a result from the worker: plain error objects become the host's Excel errors again. */
export function decodeResult(value: unknown): unknown {
  const cell = (c: unknown) => (isWire(c) ? makeExcelError(c.$excelError, c.message) : c);
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row.map(cell) : row));
  return cell(value);
}

/** What the worker does with one request: call the function, encode its result or its Excel error. */
export function handleRequest(functions: Record<string, (...args: any[]) => unknown>, request: WorkerRequest): WorkerResponse {
  const fn = functions[request.fn];
  try {
    setDateSystem(request.dateSystem);
    if (!fn) throw makeExcelError("#VALUE!", `ALM.${request.fn}: unknown function`);
    return { id: request.id, ok: true, value: encodeResult(fn(...(JSON.parse(request.args) as unknown[]))) };
  } catch (error) {
    const e = isExcelError(error) ? error : { code: "#VALUE!", message: `ALM.${request.fn}: ${String(error)}` };
    return { id: request.id, ok: false, error: toWire(e) };
  }
}

/** URL of the worker script, relative to the page that hosts the functions (dist/taskpane.html). */
export const WORKER_SCRIPT = "functions-worker.js";

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** The same call on this thread, for when the worker cannot answer. */
  inline(): unknown;
}

let worker: Worker | null | undefined;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  const g = globalThis as { Worker?: typeof Worker; document?: unknown; ALM_NO_WORKER?: boolean };
  if (!g.Worker || !g.document || g.ALM_NO_WORKER) return null;
  try {
    const w = new g.Worker(WORKER_SCRIPT);
    w.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const r = event.data;
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      if (r.ok) p.resolve(decodeResult(r.value));
      else p.reject(makeExcelError(r.error.$excelError, r.error.message));
    };
    const fail = () => {
      // The worker cannot run (it failed to start, or died mid-flight): stop using it and answer every
      // pending call inline, with exactly what the inline call gives, errors included.
      if (worker === w) worker = null;
      w.terminate();
      const calls = [...pending.values()];
      pending.clear();
      for (const p of calls) {
        try {
          p.resolve(p.inline());
        } catch (error) {
          p.reject(error);
        }
      }
    };
    w.onerror = fail;
    w.onmessageerror = fail;
    return w;
  } catch {
    return null;
  }
}

/**
 * Runs `fn` with `args` in the worker when there is one, else `inline()`; either way a Promise of the same
 * value, rejected with the same Excel error.
 */
export function offload<T>(fn: string, args: unknown[], inline: () => T): Promise<T> {
  const dates = whenKnown();
  if (dates) return dates.then(() => offload(fn, args, inline));
  if (worker === undefined) worker = startWorker();
  if (!worker) {
    return new Promise<T>((resolve) => resolve(inline()));
  }
  const id = nextId++;
  const w = worker;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, inline });
    try {
      w.postMessage({ id, fn, args: JSON.stringify(args), dateSystem: dateSystem() } satisfies WorkerRequest);
    } catch {
      // The message cannot be sent (the worker is gone): answer on this thread.
      pending.delete(id);
      resolve(inline());
    }
  });
}
