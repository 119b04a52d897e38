/**
 * What the workbook holds before a write, read in as few syncs as Excel allows: its sheets, tables and
 * names (a plan may depend on them), the add-in's ledger without what no longer exists, and a snapshot
 * of every cell, name and chart the write may touch — what the ownership rules decide on and what an
 * undo puts back.
 */
import { boxAddress, type Box } from "./a1";
import { Refusal, SETTINGS, sheetOfAddress, supports } from "./excelRun";
import { pruneLedger, readBox, readLedger, type Ledger, type LedgerChart, type SheetSnapshot, type Snapshot } from "./ownership";
import type { OutputPlan } from "./sheetLayouts";

/** What the workbook holds now: every sheet, table and defined name (Excel compares them ignoring case). */
export interface Inventory {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly names: readonly string[];
}

/** A plan, or a plan that depends on what the workbook holds (a new sheet needs a name not taken). */
export type PlanSource = OutputPlan | ((inventory: Inventory) => OutputPlan);

export interface ReadForWrite {
  /** The plan, resolved against what the workbook holds. */
  plan: OutputPlan;
  ledger: Ledger;
  /** The ledger setting as it was, to put back if a write fails after saving the new one. */
  ledgerRaw: unknown;
  snapshot: Snapshot;
  /** Which of the add-in's charts exist, by sheet and name. */
  charts: Record<string, boolean>;
  chartIdsBefore: Record<string, string[]>;
}

/**
 * The ledger without the sheets, tables, names and charts that no longer exist in the workbook
 * (`pruneLedger`); saved with the write. Looks up charts only when the ledger has some.
 */
async function pruned(ctx: Excel.RequestContext, ledger: Ledger, inventory: Inventory): Promise<Ledger> {
  const present = new Set(inventory.sheets.map((n) => n.toLowerCase()));
  const charts = ledger.charts
    .filter((c) => present.has(c.sheet.toLowerCase()))
    .map((c) => {
      const item = ctx.workbook.worksheets.getItem(c.sheet).charts.getItemOrNullObject(c.name);
      item.load("name");
      return [c, item] as const;
    });
  if (charts.length > 0) await ctx.sync();
  const gone = new Set<LedgerChart>(charts.filter(([, item]) => item.isNullObject).map(([c]) => c));
  return pruneLedger(ledger, { ...inventory, chartExists: (c) => !gone.has(c) });
}

export async function readForWrite(ctx: Excel.RequestContext, source: PlanSource): Promise<ReadForWrite> {
  const wb = ctx.workbook;
  const setting = wb.settings.getItemOrNullObject(SETTINGS.ledger);
  setting.load("value");
  wb.worksheets.load("items/name");
  wb.tables.load("items/name");
  wb.names.load("items/name");
  await ctx.sync();
  const inventory: Inventory = { sheets: wb.worksheets.items.map((s) => s.name), tables: wb.tables.items.map((t) => t.name), names: wb.names.items.map((n) => n.name) };
  const plan = typeof source === "function" ? source(inventory) : source;
  const ledgerRaw: unknown = setting.isNullObject ? null : setting.value;
  const ledger = await pruned(ctx, readLedger(ledgerRaw), inventory);
  const existing = new Map(inventory.sheets.map((n) => [n.toLowerCase(), n]));
  const sheetNames = [...new Set([...plan.sheets.map((s) => s.sheet), ...plan.charts.map((c) => c.sheet)])];
  const missingChartSheet = plan.charts.find((c) => !existing.has(c.sheet.toLowerCase()) && !plan.sheets.some((s) => s.sheet === c.sheet));
  if (missingChartSheet) throw new Refusal({ code: "NOT_FOUND", message: `The sheet '${missingChartSheet.sheet}' for the chart "${missingChartSheet.name}" does not exist; write the results first.` });

  const spillSupport = supports("1.12");
  const sheets = new Map<string, Excel.Worksheet>();
  const pending: { name: string; exists: boolean; protection?: Excel.WorksheetProtection; range?: Excel.Range; box?: Box; spills: [string, Excel.Range][] }[] = [];
  for (const name of sheetNames) {
    if (!existing.has(name.toLowerCase())) {
      pending.push({ name, exists: false, spills: [] });
      continue;
    }
    const ws = wb.worksheets.getItem(name);
    sheets.set(name, ws);
    ws.protection.load("protected");
    const box = readBox(
      plan.sheets.find((s) => s.sheet === name),
      ledger.sheets[name]
    );
    let range: Excel.Range | undefined;
    if (box) {
      range = ws.getRange(boxAddress(box));
      range.load("formulas, numberFormat");
    }
    const spills: [string, Excel.Range][] = [];
    if (spillSupport) {
      for (const s of ledger.sheets[name]?.spills ?? []) {
        const sp = ws.getRange(s.anchor).getSpillingToRangeOrNullObject();
        sp.load("address");
        spills.push([s.anchor, sp]);
      }
    }
    pending.push({ name, exists: true, protection: ws.protection, range, box, spills });
  }
  const nameList = [...new Set([...plan.names.map((n) => n.name), ...Object.keys(ledger.names)])];
  const names = nameList.map((n) => {
    const item = wb.names.getItemOrNullObject(n);
    item.load("formula");
    return [n, item] as const;
  });
  const chartItems = ledger.charts
    .filter((c) => sheets.has(c.sheet))
    .map((c) => {
      const item = (sheets.get(c.sheet) as Excel.Worksheet).charts.getItemOrNullObject(c.name);
      item.load("name");
      return [`${c.sheet}\u0000${c.name}`, item] as const;
    });
  // Ids of the charts already on the chart sheets, so an undo can find charts this write added even
  // when it failed before naming them.
  const chartIds = supports("1.7")
    ? [...new Set(plan.charts.map((c) => c.sheet))]
        .filter((n) => sheets.has(n))
        .map((n) => {
          const list = (sheets.get(n) as Excel.Worksheet).charts;
          list.load("items/id");
          return [n, list] as const;
        })
    : [];
  // Nothing to look at (only new sheets, no names or charts): no round trip to Excel.
  if (pending.some((p) => p.exists) || names.length > 0 || chartItems.length > 0 || chartIds.length > 0) await ctx.sync();

  const snapSheets: Record<string, SheetSnapshot> = {};
  for (const p of pending) {
    const spills: Record<string, Box | null> = {};
    for (const [anchor, sp] of p.spills) spills[anchor] = sp.isNullObject ? null : sheetOfAddress(sp.address).box;
    snapSheets[p.name] = {
      exists: p.exists,
      protected: p.protection?.protected === true,
      box: p.box ?? null,
      formulas: (p.range?.formulas as unknown[][] | undefined) ?? [],
      formats: (p.range?.numberFormat as unknown[][] | undefined) ?? [],
      spills,
    };
  }
  const snapNames: Record<string, string | null> = {};
  for (const [n, item] of names) snapNames[n] = item.isNullObject ? null : String(item.formula);
  const charts: Record<string, boolean> = {};
  for (const [key, item] of chartItems) charts[key] = !item.isNullObject;
  const chartIdsBefore: Record<string, string[]> = {};
  for (const [n, list] of chartIds) chartIdsBefore[n] = list.items.map((c) => c.id);
  return { plan, ledger, ledgerRaw, snapshot: { sheets: snapSheets, names: snapNames }, charts, chartIdsBefore };
}
