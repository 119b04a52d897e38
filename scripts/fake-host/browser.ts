/**
 * Browser entry of the fake Office host, served in place of office.js by the preview and the browser
 * test. It installs `Office`, `Excel` and `CustomFunctions` over an in-memory demo workbook whose ALM.*
 * formulas evaluate through `functionsById`, and exposes the workbook as `window.__almFakeHost`.
 * The workbook is kept in sessionStorage, so reloading the pane is like reopening it on the same
 * workbook; `__almFakeHost.reset()` starts again from the demo workbook.
 */
import { functionsById } from "../../src/functions";
import { demoWorkbook } from "./demoWorkbook";
import { installFakeHost } from "./install";
import { FakeWorkbook, type AlmFunction } from "./workbook";

const STORAGE_KEY = "alm-fake-workbook";
const functions = functionsById as unknown as Record<string, AlmFunction>;

function load(): FakeWorkbook {
  try {
    const saved = window.sessionStorage.getItem(STORAGE_KEY);
    if (saved) return FakeWorkbook.restore(saved, functions);
  } catch {
    // A damaged or unavailable store: start from the demo workbook.
  }
  return demoWorkbook(functions);
}

const workbook = load();
const host = installFakeHost(window as unknown as Record<string, unknown>, workbook);
workbook.onChange(() => {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, workbook.serialize());
  } catch {
    // Storage full or blocked: the workbook still works for this page.
  }
});

(window as unknown as Record<string, unknown>).__almFakeHost = {
  host,
  workbook,
  snapshot: () => workbook.snapshot(),
  functions: Object.keys(functionsById),
  reset: () => window.sessionStorage.removeItem(STORAGE_KEY),
};
