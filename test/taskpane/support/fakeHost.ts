/** Helpers for tests that run the real gateway against the fake Office host. */
import { POSITION_HEADER } from "../../../src/sample/products";
import { BASEL_SCENARIOS } from "../../../src/taskpane/domain/setup";
import { colLetters } from "../../../src/taskpane/excel/a1";
import type { LayoutInput } from "../../../src/taskpane/excel/sheetLayouts";
import { demoWorkbook } from "../../../scripts/fake-host/demoWorkbook";
import type { EmulatedExcel } from "../../../scripts/fake-host/excelHost";
import { installFakeHost, uninstallFakeHost } from "../../../scripts/fake-host/install";
import type { FakeWorkbook } from "../../../scripts/fake-host/workbook";
import type { FakeHostControl } from "../../../scripts/fake-host/excelApi";
import { loadExcelHost } from "../../helpers/excelHost";

let shipped: EmulatedExcel | undefined;

/**
 * The shipped add-in as Excel runs it: the built functions.js (dist/, or ALM_DIST) evaluated in a
 * sandbox, its registrations called as the built functions.json declares. Loaded once per test file.
 */
export function shippedExcel(): EmulatedExcel {
  shipped ??= loadExcelHost();
  return shipped;
}

/** The demo workbook over the shipped functions, calculated. */
export async function calculatedDemoWorkbook(): Promise<FakeWorkbook> {
  const wb = demoWorkbook(shippedExcel());
  await wb.settled();
  return wb;
}

export function withFakeHost(make: () => FakeWorkbook = () => demoWorkbook(shippedExcel())): {
  current: () => { wb: FakeWorkbook; host: FakeHostControl };
  /** Starts again from a fresh workbook within a test (calculated when the promise resolves). */
  reset: () => Promise<void>;
} {
  let state: { wb: FakeWorkbook; host: FakeHostControl } | null = null;
  const reset = async () => {
    const wb = make();
    state = { wb, host: installFakeHost(globalThis as unknown as Record<string, unknown>, wb) };
    await wb.settled();
  };
  beforeEach(reset);
  afterEach(() => {
    uninstallFakeHost(globalThis as unknown as Record<string, unknown>);
    // Every formula the test made Excel calculate kept the host contract.
    expect(state?.wb.violations ?? []).toEqual([]);
  });
  return { current: () => state as { wb: FakeWorkbook; host: FakeHostControl }, reset };
}

/** The sample bank's sheet: its table's last column, and each curve's range (right of the table, one column apart). */
export const LAST = colLetters(POSITION_HEADER.length - 1);
export const CURVES_LEFT = colLetters(POSITION_HEADER.length + 1);
export const SAMPLE_CURVE_RANGES = {
  USD: `${CURVES_LEFT}2:${colLetters(POSITION_HEADER.length + 2)}14`,
  EUR: `${colLetters(POSITION_HEADER.length + 4)}2:${colLetters(POSITION_HEADER.length + 5)}14`,
} as const;

export const layoutInput: LayoutInput = {
  positionsRef: "Positions[#All]",
  asOf: 46022,
  curve: { kind: "range", ref: "Curve!$A$1:$B$10", pillarCount: 9 },
  currency: "EUR",
  calibration: "BCBS2024",
  floor: "NONE",
  basel: [...BASEL_SCENARIOS],
  custom: [],
  tier1: 1_000_000,
  outputs: { deltaEve: true, standardEve: true, deltaNii: true, repricingGap: true, charts: true, outlier: null },
};

/** What a person could see or lose: every typed cell with its format, names, charts (settings apart). */
export function userView(wb: FakeWorkbook) {
  const snap = wb.snapshot();
  return {
    cells: Object.fromEntries([...wb.inputs()].map(([k, v]) => [k, { input: v.input, format: v.format ?? "General" }])),
    // Chart order is z-order, which an undo that re-creates a chart may change; compare by name.
    sheets: snap.sheets.map((s) => ({ name: s.name, protected: s.protected, charts: [...s.charts].sort((a, b) => a.name.localeCompare(b.name)) })),
    names: snap.names,
  };
}
