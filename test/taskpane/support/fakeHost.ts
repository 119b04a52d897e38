/** Helpers for tests that run the real gateway against the fake Office host. */
import { functionsById } from "../../../src/functions";
import { BASEL_SCENARIOS } from "../../../src/taskpane/domain/setup";
import type { LayoutInput } from "../../../src/taskpane/excel/sheetLayouts";
import { demoWorkbook } from "../../../scripts/fake-host/demoWorkbook";
import { installFakeHost, uninstallFakeHost } from "../../../scripts/fake-host/install";
import type { AlmFunction, FakeWorkbook } from "../../../scripts/fake-host/workbook";
import type { FakeHostControl } from "../../../scripts/fake-host/excelApi";

export function withFakeHost(make: () => FakeWorkbook = () => demoWorkbook(functionsById as unknown as Record<string, AlmFunction>)): {
  current: () => { wb: FakeWorkbook; host: FakeHostControl };
  /** Starts again from a fresh workbook within a test. */
  reset: () => void;
} {
  let state: { wb: FakeWorkbook; host: FakeHostControl } | null = null;
  const reset = () => {
    const wb = make();
    state = { wb, host: installFakeHost(globalThis as unknown as Record<string, unknown>, wb) };
  };
  beforeEach(reset);
  afterEach(() => uninstallFakeHost(globalThis as unknown as Record<string, unknown>));
  return { current: () => state as { wb: FakeWorkbook; host: FakeHostControl }, reset };
}

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
  outputs: { deltaEve: true, standardEve: true, deltaNii: true, repricingGap: true, charts: true },
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
