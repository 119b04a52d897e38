import { EngineError } from "../engine/errors";
import { plainArgument, type ArgSpec } from "./args";
import { whenKnown } from "./dateSystem";
import { makeExcelError, isExcelError, type ExcelError } from "./excelError";
import { messages } from "./messages";
import { offload } from "./offload";

type Values<S extends readonly ArgSpec<any>[]> = { [K in keyof S]: S[K] extends ArgSpec<infer T> ? T : never };

/** A cell of a returned table: a number, text, boolean or a per-cell Excel error. */
export type Cell = number | string | boolean | ExcelError;

/**
 * Turns an argument spec and an engine kernel into a function callable exactly as Excel calls it. This
 * is the only try/catch of the functions layer: parsing, the kernel and the output check run inside it,
 * and every failure leaves as a thrown Excel error (`#VALUE!` with a message for input the user can fix,
 * `#NUM!` where no number exists). Arguments beyond the spec (Excel's invocation object) are ignored;
 * cells holding data types are read as their basic values (`plainArgument`). While the shared runtime
 * is still asking Excel for the workbook's date system (dateSystem.ts) the call waits for the answer
 * and returns a Promise, which Excel accepts from any function.
 * Non-finite numbers never reach a cell: in a table they become `#NUM!` elements, alone they throw.
 *
 * With `offload`, the function Excel calls runs the same code in a Web Worker and returns a Promise
 * (offload.ts): whole-table work then leaves the task pane's thread free. Either way the synchronous
 * implementation is registered under `id` for `functionsById` and the worker (registeredFunctions).
 */
export function defineFunction<const S extends readonly ArgSpec<any>[], R extends Cell | Cell[][]>(
  id: string,
  specs: readonly [...S],
  kernel: (...values: Values<S>) => R,
  options: { offload: true }
): (...raw: unknown[]) => Promise<R>;
export function defineFunction<const S extends readonly ArgSpec<any>[], R extends Cell | Cell[][]>(id: string, specs: readonly [...S], kernel: (...values: Values<S>) => R): (...raw: unknown[]) => R;
export function defineFunction<const S extends readonly ArgSpec<any>[], R extends Cell | Cell[][]>(
  id: string,
  specs: readonly [...S],
  kernel: (...values: Values<S>) => R,
  options: { offload?: boolean } = {}
): (...raw: unknown[]) => R | Promise<R> {
  const run = (raw: unknown[]): R => {
    let result: R;
    try {
      const values = specs.map((spec, i) => {
        const where = { fn: id, arg: spec.name };
        return spec.parse(plainArgument(raw[i] ?? null, where), where);
      }) as Values<S>;
      result = kernel(...values);
    } catch (error) {
      throw toExcelError(id, error);
    }
    return checkOutput(id, result);
  };
  const sync = (...raw: unknown[]): R => run(raw);
  registry.set(id, sync);
  if (options.offload) {
    // Only the declared arguments cross to the worker (not Excel's invocation object).
    return (...raw: unknown[]) => offload(id, raw.slice(0, specs.length), () => run(raw));
  }
  return (...raw: unknown[]): R => {
    const pending = whenKnown();
    return pending ? (pending.then(() => run(raw)) as unknown as R) : run(raw);
  };
}

const registry = new Map<string, (...raw: unknown[]) => unknown>();

/** Every function defined so far, by id, as its synchronous implementation. */
export function registeredFunctions(): Record<string, (...raw: unknown[]) => unknown> {
  return Object.fromEntries(registry);
}

function toExcelError(id: string, error: unknown): ExcelError {
  if (isExcelError(error)) return error;
  if (error instanceof EngineError) {
    const text = error.message.startsWith(`ALM.${id}`) ? error.message : messages.engine(id, error.message);
    return makeExcelError(error.code === "NUM" ? "#NUM!" : "#VALUE!", text);
  }
  if (error instanceof RangeError) return makeExcelError("#NUM!", messages.engine(id, error.message));
  return makeExcelError("#VALUE!", messages.internal(id, error instanceof Error ? error.message : String(error)));
}

function checkOutput<R extends Cell | Cell[][]>(id: string, result: R): R {
  if (typeof result === "number") {
    if (!Number.isFinite(result)) throw makeExcelError("#NUM!", messages.notFinite(id));
    return result === 0 ? (0 as R) : result; // no −0 in a cell
  }
  if (!Array.isArray(result)) return result;
  for (const row of result) {
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === "number") {
        if (!Number.isFinite(v)) row[j] = makeExcelError("#NUM!", messages.notFinite(id));
        else if (v === 0) row[j] = 0;
      }
    }
  }
  return result;
}
