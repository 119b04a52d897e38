/**
 * Installs the fake Office host on a global object (a browser window or jest's global): `Excel`,
 * `Office` and `CustomFunctions`, all over one FakeWorkbook. `CustomFunctions` is Excel's namespace as
 * the functions bundle expects it: its `associate` records each registration into `registered`, so a
 * page that loads the real functions.js after the fake host registers its functions there.
 */
import { createFakeExcel, createFakeOffice, createHostControl, type FakeHostControl } from "./excelApi";
import { customFunctionsNamespace, type Registered } from "./excelHost";
import type { FakeWorkbook } from "./workbook";

export function installFakeHost(target: Record<string, unknown>, workbook: FakeWorkbook, apiVersion = 17, registered: Map<string, Registered> = new Map()): FakeHostControl {
  const host = createHostControl(workbook, apiVersion);
  target.Excel = createFakeExcel(host);
  target.Office = createFakeOffice(host);
  target.CustomFunctions = customFunctionsNamespace(registered);
  return host;
}

export function uninstallFakeHost(target: Record<string, unknown>): void {
  delete target.Excel;
  delete target.Office;
  delete target.CustomFunctions;
}
