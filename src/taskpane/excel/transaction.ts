/**
 * The one write transaction of the task pane. Every output — the scenario and results sheets, names,
 * charts, and the sample bank with its table — is written by `write`, following one protocol
 * (docs/taskpane.md, Safety): read the ledger of what the add-in wrote before and what is in the target
 * cells now; refuse protected sheets; stop with the list of cells that would be overwritten unless the
 * user confirmed exactly those; then write in chunks, one `sync` per chunk, values before formulas,
 * names, tables and charts last and the ledger after everything. If a `sync` fails, everything already
 * sent is put back from the snapshot (sheets the write added are taken out); if even that fails, the
 * error says exactly which ranges may hold new content.
 */
import { boxAddress, boxCols, boxRows, cellAddress, compactCells, cellsOf, qualified, quoteSheet, type Box, type CellPos } from "./a1";
import { Refusal, SETTINGS, excelMessage, fail, ok, rowChunks, run, supports, type GatewayConfig, type GatewayResult } from "./excelRun";
import {
  blockBox,
  describeConflicts,
  planWrite,
  restoreContent,
  serializeLedger,
  type Conflict,
  type LedgerChart,
  type NameWrite,
  type WritePlan,
} from "./ownership";
import type { ChartPlan, OutputPlan, TablePlan } from "./sheetLayouts";
import { readForWrite, type PlanSource, type ReadForWrite } from "./writeSnapshot";

export type { Inventory, PlanSource } from "./writeSnapshot";

export interface WriteOptions {
  /** Keys of conflicts (from a NEEDS_CONFIRMATION error) the user agreed to overwrite. */
  readonly allowOverwrite?: readonly string[];
}

export interface WriteReport {
  readonly sheets: readonly string[];
  readonly cellsWritten: number;
  readonly cellsCleared: number;
  readonly names: readonly string[];
  readonly charts: readonly string[];
  readonly tables: readonly string[];
  readonly overwritten: readonly Conflict[];
  /** Cells and names the add-in wrote earlier that someone edited; left as they are and forgotten. */
  readonly released: readonly string[];
}


interface Progress {
  createdSheets: string[];
  /** Boxes queued in a sync that started, per sheet (the failing sync's included). */
  sent: { sheet: string; box: Box }[];
  names: NameWrite[];
  tablesAdded: TablePlan[];
  chartsAdded: { sheet: string; name: string }[];
  chartsUpdated: LedgerChart[];
  chartsDeleted: LedgerChart[];
  ledgerWritten: boolean;
  /** What the sync in flight was writing, for the error message. */
  stage: string;
}


/** Sets what the add-in controls on a chart: name, title, place, axis titles, series name and categories. */
function applyChart(chart: Excel.Chart, ws: Excel.Worksheet, c: ChartPlan, canSetSeries: boolean): void {
  chart.name = c.name;
  chart.title.text = c.title;
  chart.setPosition(cellAddress(c.from), cellAddress(c.to));
  chart.legend.visible = false;
  chart.axes.categoryAxis.title.text = c.categoryTitle;
  chart.axes.valueAxis.title.text = c.valueTitle;
  if (canSetSeries) {
    const series = chart.series.getItemAt(0);
    series.name = c.seriesName;
    series.setXAxisValues(ws.getRange(boxAddress(c.categories)));
  }
}

function describeBoxes(list: readonly { sheet: string; box: Box }[]): string[] {
  const bySheet = new Map<string, CellPos[]>();
  for (const { sheet, box } of list) bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), ...cellsOf(box)]);
  return [...bySheet].map(([sheet, cells]) => `${quoteSheet(sheet)}!${compactCells(cells).map((b) => boxAddress(b)).join(",")}`);
}

function cellCount(list: readonly { box: Box }[]): number {
  return list.reduce((n, { box }) => n + boxRows(box) * boxCols(box), 0);
}

/** Formats per column → a 2-D array for a box, or null when no column has one. */
function formatGrid(rows: number, formats: readonly (string | null)[] | undefined, cols: number): (string | null)[][] | null {
  if (!formats || formats.every((f) => f === null)) return null;
  return Array.from({ length: rows }, () => Array.from({ length: cols }, (_, j) => formats[j] ?? null));
}


/** Writes plans as one transaction each: all of the plan, or (after a failure) nothing. */
export function createWriter(cfg: Required<GatewayConfig>): (source: PlanSource, options?: WriteOptions) => Promise<GatewayResult<{ report: WriteReport; plan: OutputPlan }>> {
  async function execute(ctx: Excel.RequestContext, wp: WritePlan, read: ReadForWrite, progress: Progress): Promise<void> {
    const wb = ctx.workbook;
    const { plan, charts } = read;
    const suspend = supports("1.6");
    const created = wp.sheets.filter((s) => s.create);
    for (const s of created) {
      wb.worksheets.add(s.sheet);
      progress.createdSheets.push(s.sheet);
    }
    progress.stage = `adding the sheet${created.length > 1 ? "s" : ""} ${created.map((s) => quoteSheet(s.sheet)).join(" and ")}`;
    if (created.length > 0) await ctx.sync();

    let batch: { sheet: string; box: Box }[] = [];
    let queued = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      progress.sent.push(...batch);
      progress.stage = `writing ${describeBoxes(batch).join(", ")}`;
      batch = [];
      queued = 0;
      await ctx.sync();
    };
    const queue = async (sheet: string, box: Box, apply: (range: Excel.Range) => void) => {
      if (suspend && queued === 0) wb.application.suspendApiCalculationUntilNextSync();
      apply(wb.worksheets.getItem(sheet).getRange(boxAddress(box)));
      batch.push({ sheet, box });
      queued += boxRows(box) * boxCols(box);
      if (queued >= cfg.maxCellsPerSync) await flush();
    };

    for (const s of wp.sheets) {
      for (const box of s.clears) await queue(s.sheet, box, (r) => r.clear("Contents"));
      // Values and labels first, then formulas, so formulas calculate over complete inputs.
      const ordered = [...s.blocks].sort((a, b) => Number(hasFormula(a.cells)) - Number(hasFormula(b.cells)));
      for (const block of ordered) {
        const full = blockBox(block);
        const width = boxCols(full);
        for (const chunk of rowChunks(full, cfg.maxCellsPerSync)) {
          const rows = block.cells.slice(chunk.top - full.top, chunk.bottom - full.top + 1).map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
          await queue(s.sheet, chunk, (r) => {
            // The user's data goes in as values (as pasted), the add-in's output as formulas.
            if (block.data) r.values = rows as unknown as string[][];
            else r.formulas = rows as unknown as string[][];
            const fmt = formatGrid(rows.length, block.formats, width);
            if (fmt) r.numberFormat = fmt.map((row) => row.map((f) => f ?? "General"));
            if (block.bold) r.format.font.bold = true;
          });
        }
      }
      for (const sp of s.spills) {
        const formatted = (sp.formats ?? []).map((f, j) => [f, j] as const).filter((x): x is readonly [string, number] => x[0] !== null);
        for (const [f, j] of formatted) {
          const box = { top: sp.anchor.row, bottom: sp.anchor.row + sp.rows - 1, left: sp.anchor.col + j, right: sp.anchor.col + j };
          await queue(s.sheet, box, (r) => {
            r.numberFormat = Array.from({ length: sp.rows }, () => [f]);
          });
        }
      }
    }
    await flush();

    if (wp.names.length > 0) {
      progress.stage = "defining the names";
      for (const n of wp.names) {
        progress.names.push(n);
        if (n.previous !== null) wb.names.getItem(n.name).delete();
        if (n.reference !== null) wb.names.add(n.name, n.reference, n.comment);
      }
      await ctx.sync();
    }

    // Tables, then charts: the add-in's existing charts are updated in place, new ones added; then the
    // ledger; then charts no longer planned are deleted, as the very last operations.
    const canSetSeries = supports("1.7");
    progress.stage = `${(plan.tables ?? []).length > 0 ? "making the tables, " : ""}adding the charts and recording what the add-in wrote`;
    for (const t of plan.tables ?? []) {
      const table = wb.tables.add(qualified(t.sheet, t.box), true);
      table.name = t.name;
      progress.tablesAdded.push(t);
    }
    for (const { plan: c, previous } of wp.charts) {
      const ws = wb.worksheets.getItem(c.sheet);
      const values = ws.getRange(boxAddress(c.values));
      let chart: Excel.Chart;
      if (previous && charts[`${c.sheet}\u0000${c.name}`]) {
        chart = ws.charts.getItem(c.name);
        progress.chartsUpdated.push(previous);
        chart.setData(values, "Columns" as Excel.ChartSeriesBy);
      } else {
        chart = ws.charts.add(c.type as Excel.ChartType, values, "Columns" as Excel.ChartSeriesBy);
        progress.chartsAdded.push({ sheet: c.sheet, name: c.name });
      }
      applyChart(chart, ws, c, canSetSeries);
    }
    progress.ledgerWritten = true;
    wb.settings.add(SETTINGS.ledger, serializeLedger(wp.ledger));
    for (const c of wp.chartsToDelete) {
      if (!charts[`${c.sheet}\u0000${c.name}`]) continue;
      progress.chartsDeleted.push(c);
      wb.worksheets.getItem(c.sheet).charts.getItem(c.name).delete();
    }
    if (plan.activate) wb.worksheets.getItem(plan.activate).activate();
    await ctx.sync();
  }

  /** Puts back what a failed write changed; returns the ranges it could not restore, or null. */
  async function undo(read: ReadForWrite, progress: Progress): Promise<string[] | null> {
    const { snapshot } = read;
    const createdSet = new Set(progress.createdSheets);
    const result = await run(async (ctx) => {
      const wb = ctx.workbook;
      const created = progress.createdSheets.map((name) => wb.worksheets.getItemOrNullObject(name));
      const names = progress.names.map((n) => [n, wb.names.getItemOrNullObject(n.name)] as const);
      // Tables on sheets this write added go with their sheet.
      const tables = progress.tablesAdded.filter((t) => !createdSet.has(t.sheet)).map((t) => wb.tables.getItemOrNullObject(t.name));
      const chartSheets = [...new Set(progress.chartsAdded.map((c) => c.sheet))].filter((n) => !createdSet.has(n));
      const chartLists = supports("1.7")
        ? chartSheets.map((n) => {
            const list = wb.worksheets.getItem(n).charts;
            list.load("items/id");
            return [n, list] as const;
          })
        : [];
      const namedCharts = supports("1.7") ? [] : progress.chartsAdded.filter((c) => !createdSet.has(c.sheet)).map((c) => wb.worksheets.getItem(c.sheet).charts.getItemOrNullObject(c.name));
      const updated = progress.chartsUpdated.filter((c) => !createdSet.has(c.sheet) && c.spec).map((c) => [c, wb.worksheets.getItem(c.sheet).charts.getItemOrNullObject(c.name)] as const);
      const deleted = progress.chartsDeleted.filter((c) => !createdSet.has(c.sheet) && c.spec).map((c) => [c, wb.worksheets.getItem(c.sheet).charts.getItemOrNullObject(c.name)] as const);
      const ledgerItem = wb.settings.getItemOrNullObject(SETTINGS.ledger);
      await ctx.sync();
      for (const table of tables) if (!table.isNullObject) table.delete();
      for (const { sheet, box } of [...progress.sent].reverse()) {
        if (createdSet.has(sheet)) continue;
        const snap = snapshot.sheets[sheet];
        if (!snap) continue;
        const { formulas, formats } = restoreContent(snap, box);
        const r = wb.worksheets.getItem(sheet).getRange(boxAddress(box));
        r.formulas = formulas as unknown as string[][];
        r.numberFormat = formats;
      }
      for (const [, item] of names) if (!item.isNullObject) item.delete();
      for (const [n] of names) if (n.previous !== null) wb.names.add(n.name, n.previous);
      for (const [sheet, list] of chartLists) {
        const before = new Set(read.chartIdsBefore[sheet] ?? []);
        for (const chart of list.items) if (!before.has(chart.id)) chart.delete();
      }
      for (const chart of namedCharts) if (!chart.isNullObject) chart.delete();
      for (const [c, chart] of updated) {
        if (chart.isNullObject || !c.spec) continue;
        const ws = wb.worksheets.getItem(c.sheet);
        chart.setData(ws.getRange(boxAddress(c.spec.values)), "Columns" as Excel.ChartSeriesBy);
        applyChart(chart, ws, c.spec, supports("1.7"));
      }
      // A chart deleted before the failure is made again from what the ledger recorded about it.
      for (const [c, chart] of deleted) {
        if (!chart.isNullObject || !c.spec) continue;
        const ws = wb.worksheets.getItem(c.sheet);
        applyChart(ws.charts.add(c.spec.type as Excel.ChartType, ws.getRange(boxAddress(c.spec.values)), "Columns" as Excel.ChartSeriesBy), ws, c.spec, supports("1.7"));
      }
      if (progress.ledgerWritten) {
        if (read.ledgerRaw !== null) wb.settings.add(SETTINGS.ledger, read.ledgerRaw);
        else if (!ledgerItem.isNullObject) ledgerItem.delete();
      }
      for (const ws of created) if (!ws.isNullObject) ws.delete();
      await ctx.sync();
    });
    if (result.ok) return null;
    const left = describeBoxes(progress.sent.filter((s) => !createdSet.has(s.sheet)));
    for (const s of progress.createdSheets) left.push(`sheet ${quoteSheet(s)} (created by this write)`);
    for (const t of progress.tablesAdded) if (!createdSet.has(t.sheet)) left.push(`table ${t.name}`);
    for (const n of progress.names) left.push(`name ${n.name}`);
    for (const c of [...progress.chartsAdded, ...progress.chartsUpdated]) left.push(`chart "${c.name}" on ${quoteSheet(c.sheet)}`);
    return left;
  }

  return async function write(source: PlanSource, options: WriteOptions = {}): Promise<GatewayResult<{ report: WriteReport; plan: OutputPlan }>> {
    const progress: Progress = { createdSheets: [], sent: [], names: [], tablesAdded: [], chartsAdded: [], chartsUpdated: [], chartsDeleted: [], ledgerWritten: false, stage: "" };
    let state: ReadForWrite | null = null;
    let failure: unknown = null;
    const result = await run(async (ctx) => {
      const read = await readForWrite(ctx, source);
      const wp = planWrite(read.plan, read.ledger, read.snapshot, new Set(options.allowOverwrite ?? []));
      if (wp.protectedSheets.length > 0) {
        const list = wp.protectedSheets.map((s) => `'${s}'`).join(" and ");
        throw new Refusal({
          code: "PROTECTED",
          message: `The sheet ${list} is protected, so the add-in wrote nothing. Unprotect it (Review › Unprotect Sheet) and write again, or rename it to keep it as it is.`,
        });
      }
      if (wp.conflicts.length > 0) {
        throw new Refusal({
          code: "NEEDS_CONFIRMATION",
          message: `${wp.conflicts.length} cell${wp.conflicts.length === 1 ? "" : "s"} or name${wp.conflicts.length === 1 ? "" : "s"} the add-in did not write (or that were edited since) would be overwritten: ${describeConflicts(wp.conflicts)}. Nothing was written.`,
          conflicts: wp.conflicts,
        });
      }
      state = read;
      try {
        await execute(ctx, wp, read, progress);
      } catch (e) {
        failure = e;
        throw e;
      }
      return { wp, plan: read.plan };
    });
    if (result.ok) {
      const { wp, plan } = result.value;
      const written = wp.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.cells.reduce((k, r) => k + r.length, 0), 0), 0);
      const cleared = wp.sheets.reduce((n, s) => n + s.staleCells, 0);
      const report: WriteReport = {
        sheets: wp.sheets.map((s) => s.sheet),
        cellsWritten: written,
        cellsCleared: cleared,
        names: wp.names.filter((n) => n.reference !== null).map((n) => n.name),
        charts: wp.charts.map((c) => c.plan.name),
        tables: (plan.tables ?? []).map((t) => t.name),
        overwritten: wp.overwritten,
        released: wp.released,
      };
      return ok({ report, plan });
    }
    if (failure === null || state === null) return result;
    const read = state as ReadForWrite;
    const what = read.plan.label ?? "the write";
    const where = progress.stage;
    const reason = excelMessage(failure).replace(/\.$/, "");
    const nothingSent = progress.sent.length === 0 && progress.createdSheets.length === 0 && progress.names.length === 0 && progress.tablesAdded.length === 0 && progress.chartsAdded.length === 0 && progress.chartsUpdated.length === 0 && !progress.ledgerWritten;
    if (nothingSent) return fail("WRITE_FAILED", `Excel stopped ${what} before any cell changed (${reason}). The workbook is as it was.`);
    const left = await undo(read, progress);
    const lost = progress.chartsDeleted.filter((c) => !c.spec);
    const lostCharts = lost.length > 0 ? ` The earlier chart${lost.length > 1 ? "s" : ""} ${lost.map((c) => `"${c.name}"`).join(", ")} had been removed; write again to recreate ${lost.length > 1 ? "them" : "it"}.` : "";
    if (left === null) return fail("WRITE_FAILED", `Excel stopped ${what}${where ? ` while ${where}` : ""} (${reason}). The add-in ${undone(progress)}, so the workbook is as it was.${lostCharts}`);
    return fail(
      "PARTIAL_WRITE",
      `Excel stopped ${what}${where ? ` while ${where}` : ""} (${reason}) and the add-in could not undo it. These may hold new or partly written content: ${left.join("; ")}. Everything else is unchanged.${lostCharts}`,
      { left }
    );
  };
}

/** What an undo did, in words: the cells put back and the sheets taken out. */
function undone(progress: Progress): string {
  const created = new Set(progress.createdSheets);
  const putBack = cellCount(progress.sent.filter((s) => !created.has(s.sheet)));
  const parts: string[] = [];
  if (putBack > 0) parts.push(`put back the ${putBack} cells it had changed`);
  if (created.size > 0) parts.push(`took out the sheet${created.size > 1 ? "s" : ""} ${[...created].map(quoteSheet).join(" and ")} it had added`);
  return parts.length > 0 ? parts.join(" and ") : "undid what it had changed";
}

function hasFormula(cells: readonly (readonly unknown[])[]): boolean {
  return cells.some((r) => r.some((v) => typeof v === "string" && v.startsWith("=")));
}
