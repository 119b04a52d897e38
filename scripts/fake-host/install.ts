/**
 * Installs the fake Office host on a global object (a browser window or jest's global): `Excel`,
 * `Office` and a `CustomFunctions` stand-in, all over one FakeWorkbook.
 */
import { createFakeExcel, createFakeOffice, createHostControl, type FakeHostControl } from "./excelApi";
import type { FakeWorkbook } from "./workbook";

const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** `CustomFunctions.Error` as Excel makes it: `code` is the error text, `message` the explanation. */
class CustomFunctionError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message ?? "");
  }
}

export function installFakeHost(target: Record<string, unknown>, workbook: FakeWorkbook, apiVersion = 17): FakeHostControl {
  const host = createHostControl(workbook, apiVersion);
  target.Excel = createFakeExcel(host);
  target.Office = createFakeOffice(host);
  target.CustomFunctions = { associate: () => undefined, Error: CustomFunctionError, ErrorCode: ERROR_CODES };
  return host;
}

export function uninstallFakeHost(target: Record<string, unknown>): void {
  delete target.Excel;
  delete target.Office;
  delete target.CustomFunctions;
}
