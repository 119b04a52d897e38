/**
 * The one error the engine throws. `code` says how Excel should show it: `VALUE` for input the user
 * can fix (shown as `#VALUE!` with the message), `NUM` for results that do not exist (non-convergence,
 * overflow; shown as `#NUM!`). The message always carries the offending values.
 */
export type EngineErrorCode = "VALUE" | "NUM";

export class EngineError extends Error {
  readonly code: EngineErrorCode;

  constructor(code: EngineErrorCode, message: string) {
    super(message);
    this.name = "EngineError";
    this.code = code;
  }
}

/** Precondition check (QuantLib's QL_REQUIRE): throws a `VALUE` EngineError when `condition` is false. */
export function precondition(condition: boolean, message: string | (() => string)): asserts condition {
  if (!condition) throw new EngineError("VALUE", typeof message === "string" ? message : message());
}

/** Result check: throws a `NUM` EngineError when `condition` is false (no such number exists). */
export function ensure(condition: boolean, message: string | (() => string)): asserts condition {
  if (!condition) throw new EngineError("NUM", typeof message === "string" ? message : message());
}
