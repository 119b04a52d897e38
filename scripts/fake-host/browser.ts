/**
 * Browser entry of the fake Office host, served in place of office.js by the preview and the browser
 * test. It installs `Office`, `Excel` and `CustomFunctions` over an in-memory demo workbook, and exposes
 * the workbook as `window.__almFakeHost`.
 *
 * The workbook's ALM.* formulas are calculated as Excel calculates them: by the functions the page's own
 * functions.js registers with `CustomFunctions.associate` (the page loads it after this script), called
 * through an EmulatedExcel that marshals every argument as the page's functions.json (fetched from the
 * page's origin, the file Excel reads) declares it. Nothing of src/functions is bundled here. A
 * calculation requested before functions.js has run and functions.json has arrived waits for both.
 *
 * The workbook is kept in sessionStorage, so reloading the pane is like reopening it on the same
 * workbook; `__almFakeHost.reset()` starts again from the demo workbook.
 */
import { demoWorkbook } from "./demoWorkbook";
import { EmulatedExcel, type MetadataFile, type Registered } from "./excelHost";
import { installFakeHost } from "./install";
import { FakeWorkbook } from "./workbook";

const STORAGE_KEY = "alm-fake-workbook";

/** What the page's functions.js registers, as Excel's `CustomFunctions.associate` receives it. */
const registered = new Map<string, Registered>();

/** functions.json next to the page (taskpane.html and functions.json are built into the same folder). */
async function fetchMetadata(): Promise<MetadataFile> {
  const url = new URL("functions.json", window.location.href);
  const res = await fetch(url.href, { cache: "no-store" });
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return (await res.json()) as MetadataFile;
}

/**
 * Resolves once the page's scripts have run: functions.js is a deferred script, and deferred scripts run
 * before DOMContentLoaded; one more task lets anything they started synchronously settle.
 */
function scriptsLoaded(): Promise<void> {
  const afterTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  if (document.readyState !== "loading") return afterTask();
  return new Promise<void>((resolve) => document.addEventListener("DOMContentLoaded", () => void afterTask().then(resolve), { once: true }));
}

const metadata = fetchMetadata();
const excel: Promise<EmulatedExcel> = Promise.all([metadata, scriptsLoaded()]).then(([m]) => new EmulatedExcel(m, registered));

function load(): FakeWorkbook {
  try {
    const saved = window.sessionStorage.getItem(STORAGE_KEY);
    if (saved) return FakeWorkbook.restore(saved, excel);
  } catch {
    // A damaged or unavailable store: start from the demo workbook.
  }
  return demoWorkbook(excel);
}

const workbook = load();
// A broken build shows here as a console error (the browser test fails on any).
workbook.onViolation = (message) => console.error(`Fake Excel host: ${message}`);
const host = installFakeHost(window as unknown as Record<string, unknown>, workbook, 17, registered);
workbook.onChange(() => {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, workbook.serialize());
  } catch {
    // Storage full or blocked: the workbook still works for this page.
  }
});
// The first calculation finishes once functions.js has registered: show it.
void workbook.settled().then(() => workbook.notify());

(window as unknown as Record<string, unknown>).__almFakeHost = {
  host,
  workbook,
  snapshot: () => workbook.snapshot(),
  /** Ids the page's functions.js registered with CustomFunctions.associate, in order. */
  registered: () => [...registered.keys()],
  /** Ids functions.json declares (resolves once it has been fetched). */
  declared: () => metadata.then((m) => m.functions.map((f) => f.id)),
  /** Resolves when every calculation requested so far has finished. */
  settled: () => workbook.settled(),
  /** Host contract violations met while calculating (empty for a sound build). */
  violations: () => [...workbook.violations],
  reset: () => window.sessionStorage.removeItem(STORAGE_KEY),
};
