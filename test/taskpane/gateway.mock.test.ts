/**
 * The gateway against office-addin-mock (the Office-provided mock of the Excel object model): the
 * refusal paths, settings and commands. office-addin-mock (OfficeDev/Office-Addin-Scripts,
 * packages/office-addin-mock) does not model *OrNullObject, so seeds set `isNullObject` explicitly.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real module pulls
// in ESM-only packages jest's CommonJS runtime cannot load.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "Excel", Outlook: "Outlook", Word: "Word", PowerPoint: "PowerPoint" } }));
import { createExcelGateway, SETTINGS } from "../../src/taskpane/excel/gateway";
import { outputPlan } from "../../src/taskpane/excel/sheetLayouts";
import { defaultSetup } from "../../src/taskpane/domain/setup";
import { layoutInput } from "./support/fakeHost";

type Seed = Record<string, unknown>;

/** A sheet's used cells as `range.formulas` returns them for the box the gateway reads (A1 onwards). */
function grid(cells: Record<string, unknown>, rows = 80, cols = 20): unknown[][] {
  const out = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ""));
  for (const [addr, v] of Object.entries(cells)) {
    const m = /^([A-Z])(\d+)$/.exec(addr) as RegExpExecArray;
    out[Number(m[2]) - 1][m[1].charCodeAt(0) - 65] = v as string;
  }
  return out;
}

function sheetSeed(name: string, opts: { exists: boolean; protected?: boolean; cells?: Record<string, unknown> }): Seed {
  return {
    name,
    isNullObject: !opts.exists,
    protection: { protected: opts.protected ?? false },
    used: { formulas: grid(opts.cells ?? {}), numberFormat: grid({}) },
    getRange: function (this: { used: unknown }) {
      return this.used;
    },
    activate: function () {
      calls.push(`activate ${name}`);
    },
    charts: {
      load: function (this: unknown) {
        return this;
      },
    },
  };
}

let calls: string[] = [];

/** `load` of a collection whose seed already holds its items. */
function loaded(this: unknown): unknown {
  return this;
}

function install(sheets: Record<string, Seed>, settings: Record<string, string> = {}) {
  calls = [];
  const seed = {
    context: {
      workbook: {
        settings: {
          items: Object.fromEntries(Object.entries(settings).map(([k, v]) => [k.replace(".", "_"), { value: v, isNullObject: false }])),
          missing: { value: "", isNullObject: true },
          getItemOrNullObject: function (this: { items: Record<string, unknown>; missing: unknown }, key: string) {
            return this.items[key.replace(".", "_")] ?? this.missing;
          },
          add: function (key: string, value: string) {
            calls.push(`settings.add ${key} ${value.slice(0, 20)}`);
          },
        },
        worksheets: {
          sheets,
          load: loaded,
          getItemOrNullObject: function (this: { sheets: Record<string, unknown> }, name: string) {
            return this.sheets[name];
          },
          getItem: function (this: { sheets: Record<string, unknown> }, name: string) {
            return this.sheets[name];
          },
          add: function (name: string) {
            calls.push(`worksheets.add ${name}`);
          },
        },
        // office-addin-mock cannot load "items/name" of a collection: the seeds hold the items loaded.
        tables: { load: loaded },
        names: {
          load: loaded,
          none: { formula: "", isNullObject: true },
          getItemOrNullObject: function (this: { none: unknown }) {
            return this.none;
          },
          add: function (name: string) {
            calls.push(`names.add ${name}`);
          },
        },
        application: {
          calculate: function (type: string) {
            calls.push(`calculate ${type}`);
          },
        },
      },
    },
    run: async function (this: { context: unknown }, callback: (ctx: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  const mock = new OfficeMockObject(seed) as unknown as { context: { workbook: Record<string, Record<string, Record<string, Record<string, unknown>>>> } };
  // office-addin-mock reports unloaded properties as error strings and has no null objects: pin
  // isNullObject to what each seed says, as Excel does after a sync.
  const wb = mock.context.workbook;
  for (const [name, s] of Object.entries(sheets)) {
    Object.defineProperty(wb.worksheets.sheets[name], "isNullObject", { value: s.isNullObject });
    Object.defineProperty(wb.worksheets.sheets[name].charts, "items", { value: [] });
  }
  Object.defineProperty(wb.settings.missing, "isNullObject", { value: true });
  Object.defineProperty(wb.worksheets, "items", { value: Object.values(sheets).filter((s) => !s.isNullObject).map((s) => ({ name: s.name })) });
  Object.defineProperty(wb.tables, "items", { value: [] });
  Object.defineProperty(wb.names, "items", { value: [] });
  for (const k of Object.keys(settings)) Object.defineProperty(wb.settings.items[k.replace(".", "_")], "isNullObject", { value: false });
  Object.defineProperty(wb.names.none, "isNullObject", { value: true });
  (globalThis as Record<string, unknown>).Excel = mock;
  (globalThis as Record<string, unknown>).Office = { context: { requirements: { isSetSupported: () => true } } };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Excel;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("gateway with office-addin-mock", () => {
  it("refuses to write when the results sheet is protected, naming the sheet, and sends no write", async () => {
    install({
      "ALM Scenarios": sheetSeed("ALM Scenarios", { exists: false }),
      "ALM Results": sheetSeed("ALM Results", { exists: true, protected: true }),
    });
    const res = await createExcelGateway().writeOutput(outputPlan(layoutInput));
    expect(res).toEqual({ ok: false, error: { code: "PROTECTED", message: expect.stringContaining("'ALM Results' is protected") } });
    expect(calls).toEqual([]);
  });

  it("stops with a question when a target cell is occupied, listing the cell, and sends no write", async () => {
    install({
      "ALM Scenarios": sheetSeed("ALM Scenarios", { exists: false }),
      "ALM Results": sheetSeed("ALM Results", { exists: true, cells: { A6: "Q3 notes", K70: "elsewhere" } }),
    });
    const res = await createExcelGateway().writeOutput(outputPlan(layoutInput));
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe("NEEDS_CONFIRMATION");
    expect(res.error.conflicts).toEqual([{ key: "'ALM Results'!A6", sheet: "ALM Results", address: "'ALM Results'!A6", current: "Q3 notes", reason: "occupied" }]);
    expect(res.error.message).toContain("'ALM Results'!A6");
    expect(calls).toEqual([]);
  });

  it("goes ahead and creates the sheets when the user confirmed the occupied cell", async () => {
    install({
      "ALM Scenarios": sheetSeed("ALM Scenarios", { exists: false }),
      "ALM Results": sheetSeed("ALM Results", { exists: true, cells: { A6: "Q3 notes" } }),
    });
    // The mock has no cell model to write into; the write stops at the first range write, after the
    // sheet was added, which shows the confirmation was accepted.
    await createExcelGateway().writeOutput(outputPlan(layoutInput), { allowOverwrite: ["'ALM Results'!A6"] });
    expect(calls[0]).toBe("worksheets.add ALM Scenarios");
  });

  it("loads the saved setup from the workbook settings", async () => {
    const setup = defaultSetup();
    install({}, { [SETTINGS.setup]: JSON.stringify(setup) });
    expect(await createExcelGateway().loadSetup()).toEqual({ ok: true, value: setup });
  });

  it("returns null when the workbook has no saved setup", async () => {
    install({});
    expect(await createExcelGateway().loadSetup()).toEqual({ ok: true, value: null });
  });

  it("saves the setup as JSON in the workbook settings", async () => {
    install({});
    expect(await createExcelGateway().saveSetup(defaultSetup())).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual([`settings.add ${SETTINGS.setup} {"version":1,"positi`]);
  });

  it("asks Excel for a full recalculation", async () => {
    install({});
    expect(await createExcelGateway().recalculate()).toEqual({ ok: true, value: undefined });
    expect(calls).toEqual(["calculate Full"]);
  });
});
