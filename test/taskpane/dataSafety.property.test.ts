/**
 * Data safety, as a property over random workbooks (fast-check): whatever a workbook holds, whatever
 * the user typed into it between runs, and wherever a sync fails, a write of the Output step changes
 * only cells and names the add-in owns (cells it wrote and that still hold what it wrote, or empty
 * cells it now writes) unless the user confirmed those very cells; a refused, cancelled or failed write
 * leaves every typed cell, format and name as it was.
 */
import fc from "fast-check";
import { BASEL_SCENARIOS } from "../../src/taskpane/domain/setup";
import { planCustom } from "../../src/taskpane/domain/scenarios";
import { createExcelGateway, SETTINGS } from "../../src/taskpane/excel/gateway";
import { readLedger, sameContent } from "../../src/taskpane/excel/ownership";
import { outputPlan, type LayoutInput } from "../../src/taskpane/excel/sheetLayouts";
import { demoWorkbook } from "../../scripts/fake-host/demoWorkbook";
import { installFakeHost, uninstallFakeHost } from "../../scripts/fake-host/install";
import type { FakeWorkbook, Scalar } from "../../scripts/fake-host/workbook";
import { layoutInput, shippedExcel, userView } from "./support/fakeHost";

jest.setTimeout(120000);

const SHEETS = ["ALM Scenarios", "ALM Results", "Positions"];

const cellArb = fc.record({
  sheet: fc.constantFrom(...SHEETS),
  row: fc.integer({ min: 0, max: 70 }),
  col: fc.integer({ min: 0, max: 30 }),
  value: fc.oneof(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: -1e6, max: 1e6 }), fc.constantFrom("=1+2", "=A1*2", "x y", "0.5")),
});

const inputArb = fc.record({
  basel: fc.subarray([...BASEL_SCENARIOS]),
  customs: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant("parallel" as const), a: fc.integer({ min: -300, max: 300 }), name: fc.constantFrom("", "=A1+1", "-100 shock", "@x", "Plain") }),
      fc.record({ kind: fc.constant("twist" as const), a: fc.integer({ min: -300, max: 300 }) }),
      fc.record({ kind: fc.constant("keyrate" as const), a: fc.integer({ min: -300, max: 300 }) }),
      fc.record({ kind: fc.constant("ramp" as const), a: fc.integer({ min: -300, max: 300 }) })
    ),
    { maxLength: 3 }
  ),
  currency: fc.constantFrom("EUR", "USD", "GBP"),
  tier1: fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
  typed: fc.boolean(),
  flags: fc.record({ deltaEve: fc.boolean(), standardEve: fc.boolean(), deltaNii: fc.boolean(), repricingGap: fc.boolean(), charts: fc.boolean() }),
});

type InputSpec = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;

function toLayout(spec: InputSpec): LayoutInput {
  const custom = spec.customs.map((c, i) => {
    const id = `c${i + 1}`;
    const r =
      c.kind === "parallel"
        ? planCustom({ id, kind: c.kind, name: c.name, bp: String(c.a) })
        : c.kind === "twist"
          ? planCustom({ id, kind: c.kind, name: "", shortBp: String(c.a), longBp: String(-c.a), pivot: "5Y" })
          : c.kind === "keyrate"
            ? planCustom({ id, kind: c.kind, name: "", tenor: "10Y", bp: String(c.a) })
            : planCustom({ id, kind: c.kind, name: "", bp: String(c.a), months: "12" });
    if (!r.ok) throw new Error("bad custom");
    return r.value;
  });
  return {
    ...layoutInput,
    basel: spec.basel,
    custom,
    currency: spec.currency,
    tier1: spec.tier1,
    curve: spec.typed ? { kind: "pillars", cells: [["1Y", 0.02], ["5Y", 0.025], ["10Y", 0.028]] } : layoutInput.curve,
    outputs: { ...spec.flags, outlier: null },
  };
}

const runArb = fc.record({
  input: inputArb,
  /** Cells the user types before this run. */
  edits: fc.array(cellArb, { maxLength: 6 }),
  confirm: fc.boolean(),
  /** Fail the k-th sync of this run (after some operations), or not. */
  fault: fc.option(fc.record({ k: fc.integer({ min: 1, max: 40 }), afterOps: fc.integer({ min: 0, max: 5 }) }), { nil: null }),
  chunk: fc.integer({ min: 8, max: 400 }),
});

const scenarioArb = fc.record({
  initial: fc.array(cellArb, { maxLength: 10 }),
  protect: fc.constantFrom<null | string>(null, null, null, "ALM Scenarios", "ALM Results"),
  foreignName: fc.option(fc.constantFrom("ALM_Curve", "ALM_AsOf", "ALM_Other"), { nil: null }),
  runs: fc.array(runArb, { minLength: 1, maxLength: 3 }),
});

function typeInto(wb: FakeWorkbook, c: { sheet: string; row: number; col: number; value: Scalar }) {
  const sheet = wb.sheet(c.sheet) ?? wb.addSheet(c.sheet);
  wb.setInput(sheet, { row: c.row, col: c.col }, c.value);
}

const key = (sheet: string, addr: string) => `${/^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet}'`}!${addr}`;

describe("data safety of the Output step over random workbooks", () => {
  afterEach(() => uninstallFakeHost(globalThis as unknown as Record<string, unknown>));

  it("never changes a cell or name it does not own unless the user confirmed it, and a failed write changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        // Formulas calculate through the shipped bundle, as functions.json declares (test/helpers/excelHost).
        const wb = demoWorkbook(shippedExcel());
        const host = installFakeHost(globalThis as unknown as Record<string, unknown>, wb);
        for (const c of scenario.initial) typeInto(wb, c);
        if (scenario.protect) (wb.sheet(scenario.protect) ?? wb.addSheet(scenario.protect)).protected = true;
        if (scenario.foreignName) wb.names.set(scenario.foreignName, { formula: "=Positions!$A$1", comment: "" });
        await wb.calculate();

        for (const run of scenario.runs) {
          for (const c of run.edits) if (!wb.sheet(c.sheet)?.protected) typeInto(wb, c);
          await wb.calculate();
          const gateway = createExcelGateway({ maxCellsPerSync: run.chunk });
          const plan = outputPlan(toLayout(run.input));
          const before = userView(wb);
          const ledgerBefore = readLedger(wb.settings.get(SETTINGS.ledger));
          const protectedBefore = new Set(wb.sheets.filter((s) => s.protected).map((s) => s.name));
          if (run.fault) host.failSync(run.fault.k, run.fault.afterOps);

          let res = await gateway.writeOutput(plan);
          let confirmed = new Set<string>();
          if (!res.ok && res.error.code === "NEEDS_CONFIRMATION" && run.confirm) {
            confirmed = new Set((res.error.conflicts ?? []).map((c) => c.key));
            res = await gateway.writeOutput(plan, { allowOverwrite: [...confirmed] });
          }
          host.faults = [];
          const after = userView(wb);
          expect(wb.violations).toEqual([]);

          if (!res.ok) {
            // Refused, cancelled (not confirmed) or failed and undone: nothing the user can see changed.
            expect(["NEEDS_CONFIRMATION", "PROTECTED", "WRITE_FAILED", "EXCEL_ERROR"]).toContain(res.error.code);
            expect(after).toEqual(before);
            continue;
          }
          expect(protectedBefore.size === 0 || plan.sheets.every((s) => !protectedBefore.has(s.sheet))).toBe(true);
          const ledger = readLedger(wb.settings.get(SETTINGS.ledger));
          const owned = (k: string) => {
            const [sheet, addr] = [k.slice(0, k.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'"), k.slice(k.lastIndexOf("!") + 1)];
            return { now: ledger.sheets[sheet]?.cells[addr], before: ledgerBefore.sheets[sheet]?.cells[addr] };
          };
          for (const k of new Set([...Object.keys(before.cells), ...Object.keys(after.cells)])) {
            if (JSON.stringify(before.cells[k]) === JSON.stringify(after.cells[k])) continue;
            const o = owned(k);
            const prior = before.cells[k];
            const wasOwnUnchanged = prior !== undefined && o.before !== undefined && sameContent(prior.input, o.before);
            const wasEmpty = prior === undefined;
            // A changed cell is the add-in's now, an earlier add-in cell it cleared, or one the user confirmed.
            expect({ k, owned: o.now !== undefined || wasOwnUnchanged || confirmed.has(k) }).toEqual({ k, owned: true });
            // Content someone else put there changes only when the user confirmed that cell.
            if (!wasEmpty && !wasOwnUnchanged) expect({ k, confirmed: confirmed.has(k) }).toEqual({ k, confirmed: true });
          }
          for (const n of new Set([...Object.keys(before.names), ...Object.keys(after.names)])) {
            if (before.names[n] === after.names[n]) continue;
            const mine = ledger.names[n] ?? ledgerBefore.names[n];
            expect({ n, owned: mine !== undefined }).toEqual({ n, owned: true });
            if (before.names[n] !== undefined && ledgerBefore.names[n] === undefined) expect(confirmed.has(`name:${n}`)).toBe(true);
          }
          // What the ledger says the add-in wrote is what the sheets hold.
          for (const [sheet, rec] of Object.entries(ledger.sheets)) {
            for (const [addr, content] of Object.entries(rec.cells)) {
              const cell = after.cells[key(sheet, addr)];
              expect({ at: key(sheet, addr), ok: content === "" ? cell === undefined || cell.input === "" : cell !== undefined && sameContent(cell.input, content) }).toEqual({ at: key(sheet, addr), ok: true });
            }
          }
        }
      }),
      { numRuns: Number(process.env.ALM_PROPERTY_RUNS ?? 60) }
    );
  });
});
