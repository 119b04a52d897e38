/**
 * Excel error values at the boundary. Inside Excel they are `CustomFunctions.Error` objects; in plain
 * Node (tests, demo, browser preview) they are `ExcelErrorValue`s of the same shape: `code` is the text
 * Excel shows (`"#VALUE!"`) and `message` says what to fix.
 */
export type ExcelErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

export interface ExcelError {
  readonly code: ExcelErrorCode;
  readonly message: string;
}

export class ExcelErrorValue extends Error implements ExcelError {
  readonly code: ExcelErrorCode;

  constructor(code: ExcelErrorCode, message: string) {
    super(message);
    this.name = "ExcelErrorValue";
    this.code = code;
  }
}

/** Makes the host's error object: `CustomFunctions.Error` when running in Excel, else `ExcelErrorValue`. */
export function makeExcelError(code: ExcelErrorCode, message: string): ExcelError {
  const host = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (host?.Error && host.ErrorCode) {
    const hostCode = code === "#VALUE!" ? host.ErrorCode.invalidValue : code === "#N/A" ? host.ErrorCode.notAvailable : host.ErrorCode.invalidNumber;
    // Excel shows a message only for #VALUE! and #N/A.
    const error = code === "#NUM!" ? new host.Error(hostCode) : new host.Error(hostCode, message);
    return error as unknown as ExcelError;
  }
  return new ExcelErrorValue(code, message);
}

/** True for an Excel error value of either kind. */
export function isExcelError(value: unknown): value is ExcelError {
  if (typeof value !== "object" || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}
