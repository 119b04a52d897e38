/**
 * The workbook's date system. A date cell holds a serial number counted from 1900-01-00 in the default
 * "1900 date system" and from 1904-01-01 in the "1904 date system" (Excel for Mac's old default, still
 * found in workbooks), so the same day is 1,462 less in a 1904 workbook. The engine counts in the 1900
 * system; this module converts at the boundary, both ways: serials read from cells (`toEngineSerial`)
 * and dates written to cells (`toWorkbookSerial`).
 *
 * Excel's API has no property for the date system, so the shared runtime asks Excel to compute
 * DATE(2000, 1, 1) (`workbook.functions.date`, ExcelApi 1.2): 36526 in a 1900 workbook, 35064 in a 1904
 * one. Until the answer arrives every call waits for it (`whenKnown`), so no cell is ever computed
 * with a guessed system. Where the API is missing or fails, the functions use the 1900 system, say so
 * in `describeDateSystem` (ALM.VERSION shows it), and docs/differences-from-excel.md tells the user.
 * In plain Node (tests, demo) nothing is detected and the system is 1900 unless set.
 */

export type DateSystem = 1900 | 1904;

/** Days between the 1900 and the 1904 date systems' serials of the same day. */
export const DAYS_1904 = 1462;

const DATE_2000_IN_1900 = 36526;
const DATE_2000_IN_1904 = DATE_2000_IN_1900 - DAYS_1904;

interface State {
  system: DateSystem;
  /** How the system was established. */
  source: "default" | "detected" | "undetectable" | "set";
  /** Pending detection; calls wait for it. */
  pending: Promise<void> | undefined;
}

// One state per JavaScript realm (the page and its bundles share it through globalThis).
const KEY = "__almDateSystem";
const g = globalThis as { [KEY]?: State };
const state: State = (g[KEY] ??= { system: 1900, source: "default", pending: undefined });

export function dateSystem(): DateSystem {
  return state.system;
}

/** Sets the system (the worker receives it with each request; tests set it directly). */
export function setDateSystem(system: DateSystem): void {
  state.system = system;
  state.source = "set";
}

/** A serial read from a workbook cell, in the engine's 1900 system. */
export function toEngineSerial(serial: number): number {
  return state.system === 1904 ? serial + DAYS_1904 : serial;
}

/** A 1900-system serial from the engine, as the workbook's cells count it. */
export function toWorkbookSerial(serial: number): number {
  return state.system === 1904 ? serial - DAYS_1904 : serial;
}

/** A promise to wait for while detection is under way, else undefined. */
export function whenKnown(): Promise<void> | undefined {
  return state.pending;
}

export function describeDateSystem(): string {
  if (state.source === "undetectable") return "1900 date system (assumed: this Excel cannot tell the workbook's date system)";
  return `${state.system} date system`;
}

/** The part of Excel's API the detection uses. */
interface ExcelLike {
  run<T>(batch: (context: { workbook: { functions: { date(y: number, m: number, d: number): { value: unknown; load(p?: string): unknown } } }; sync(): Promise<void> }) => Promise<T>): Promise<T>;
}
interface OfficeLike {
  onReady(): Promise<unknown>;
}

/**
 * Asks the host for the workbook's date system, once, in the shared runtime (called by the functions
 * bundle's entry). Does nothing where there is no Office host.
 */
export function detectDateSystem(host: { Office?: OfficeLike; Excel?: ExcelLike } = globalThis as never): void {
  const { Office, Excel } = host;
  if (!Office?.onReady || !Excel?.run || state.pending || state.source === "detected") return;
  const done = (system: DateSystem, source: State["source"]) => {
    state.system = system;
    state.source = source;
    state.pending = undefined;
  };
  state.pending = Office.onReady()
    .then(() =>
      Excel.run(async (context) => {
        const probe = context.workbook.functions.date(2000, 1, 1);
        probe.load("value");
        await context.sync();
        return probe.value;
      })
    )
    .then(
      (value) => {
        if (value === DATE_2000_IN_1904) done(1904, "detected");
        else if (value === DATE_2000_IN_1900) done(1900, "detected");
        else done(1900, "undetectable");
      },
      () => done(1900, "undetectable")
    );
}
