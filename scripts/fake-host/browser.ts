/**
 * Browser entry of the fake Office host, served in place of office.js by the preview and the browser
 * test. It installs `Office`, `Excel` and `CustomFunctions` over an in-memory demo workbook whose ALM.*
 * formulas evaluate through `functionsById`, and exposes the workbook as `window.__almFakeHost`.
 */
import { functionsById } from "../../src/functions";
import { demoWorkbook } from "./demoWorkbook";
import { installFakeHost } from "./install";
import type { AlmFunction } from "./workbook";

const workbook = demoWorkbook(functionsById as unknown as Record<string, AlmFunction>);
const host = installFakeHost(window as unknown as Record<string, unknown>, workbook);

(window as unknown as Record<string, unknown>).__almFakeHost = {
  host,
  workbook,
  snapshot: () => workbook.snapshot(),
  functions: Object.keys(functionsById),
};
