/**
 * The only module that calls `Excel.run`. Operations are named after what the user wants (read the
 * positions table, write the scenario sheet, select a bad row, remember the setup) and return a
 * `GatewayResult` instead of throwing, so React never sees an Office exception.
 *
 * Writes follow one protocol (docs/taskpane.md, Safety): read the ledger of what the add-in wrote
 * before and what is in the target cells now; refuse protected sheets; stop with the list of cells that
 * would be overwritten unless the user confirmed exactly those; then write in chunks, one `sync` per
 * chunk, formulas after values, names and charts last and the ledger after everything. If a `sync`
 * fails, everything already sent is put back from the snapshot; if even that fails, the error says
 * exactly which ranges may hold new content.
 */
import type { PositionsSource, Setup } from "../domain/setup";
import { boxAddress, boxCols, boxOf, boxRows, cellAddress, compactCells, cellsOf, parseAddress, qualified, quoteSheet, type Box, type CellPos } from "./a1";
import {
  describeConflicts,
  planWrite,
  pruneLedger,
  recordCreatedSheet,
  readBox,
  readLedger,
  restoreContent,
  serializeLedger,
  type Conflict,
  type Ledger,
  type LedgerChart,
  type NameWrite,
  type SheetSnapshot,
  type Snapshot,
  type WritePlan,
} from "./ownership";
import { SAMPLE, sampleBankLayout, uniqueSheetName, uniqueTableName, type ChartPlan, type OutputPlan, type ResultsSheetLayout, type ScenarioSheetLayout } from "./sheetLayouts";

export type GatewayErrorCode =
  | "PROTECTED"
  | "NEEDS_CONFIRMATION"
  | "NOT_FOUND"
  | "INVALID_ADDRESS"
  | "TOO_LARGE"
  | "CHANGED"
  | "UNSUPPORTED"
  | "WRITE_FAILED"
  | "PARTIAL_WRITE"
  | "EXCEL_ERROR";

export interface GatewayError {
  readonly code: GatewayErrorCode;
  readonly message: string;
  /** NEEDS_CONFIRMATION: the cells and names the write would overwrite. */
  readonly conflicts?: readonly Conflict[];
  /** PARTIAL_WRITE: ranges that may hold new content after a failed write. */
  readonly left?: readonly string[];
}

export type GatewayResult<T> = { ok: true; value: T } | { ok: false; error: GatewayError };

export interface RangeData {
  readonly sheet: string;
  readonly box: Box;
  /** Sheet-qualified absolute address, e.g. `Positions!$A$1:$N$21`. */
  readonly address: string;
  readonly values: unknown[][];
}

export interface TableInfo {
  readonly name: string;
  readonly address: string;
}

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
  readonly overwritten: readonly Conflict[];
  /** Cells and names the add-in wrote earlier that someone edited; left as they are and forgotten. */
  readonly released: readonly string[];
}

/** What "Try the sample bank" wrote, and the setup the wizard takes from it. */
export interface SampleBankReport {
  /** The new sheet, e.g. `ALM Sample Bank (2)`. */
  readonly sheet: string;
  /** The positions table (header row included), e.g. `ALMSampleBank2`. */
  readonly table: string;
  /** Positions written (table rows without the header). */
  readonly positions: number;
  /** Each curve's range with its header row, sheet-qualified and relative: `'ALM Sample Bank'!V2:W14`. */
  readonly curves: Readonly<Record<"USD" | "EUR", string>>;
  readonly currency: "USD" | "EUR";
  /** Excel serial of the as-of date. */
  readonly asOf: number;
  readonly tier1: number;
}

export interface HeaderEdit {
  readonly sheet: string;
  readonly cell: CellPos;
  readonly from: string;
  readonly to: string;
}

export interface Gateway {
  /** Address of the selected range, sheet-qualified. */
  getSelection(): Promise<GatewayResult<string>>;
  listTables(): Promise<GatewayResult<TableInfo[]>>;
  readTable(source: PositionsSource): Promise<GatewayResult<RangeData>>;
  readRange(address: string): Promise<GatewayResult<RangeData>>;
  selectRange(address: string): Promise<GatewayResult<void>>;
  /** Renames header cells the user chose in the column mapping; each must still hold `from`. */
  renameHeaders(edits: readonly HeaderEdit[]): Promise<GatewayResult<void>>;
  writeScenarioSheet(layout: ScenarioSheetLayout, options?: WriteOptions): Promise<GatewayResult<WriteReport>>;
  writeResultsSheet(layout: ResultsSheetLayout, options?: WriteOptions): Promise<GatewayResult<WriteReport>>;
  addChart(chart: ChartPlan, options?: WriteOptions): Promise<GatewayResult<WriteReport>>;
  /** Scenario sheet, results sheet, names and charts in one checked write. */
  writeOutput(plan: OutputPlan, options?: WriteOptions): Promise<GatewayResult<WriteReport>>;
  /**
   * Adds a new sheet (`ALM Sample Bank`, or `ALM Sample Bank (2)`, … — never an existing one) with the
   * sample bank's USD positions as an Excel table and the USD and EUR curves beside it, recorded in the
   * ledger as the add-in's. A failed write removes the sheet again.
   */
  writeSampleBank(): Promise<GatewayResult<SampleBankReport>>;
  loadSetup(): Promise<GatewayResult<unknown>>;
  saveSetup(setup: Setup): Promise<GatewayResult<void>>;
  /** Full recalculation (Ctrl+Alt+F9). */
  recalculate(): Promise<GatewayResult<void>>;
}

export const SETTINGS = { setup: "ALM.Setup", ledger: "ALM.Ledger" } as const;

export interface GatewayConfig {
  /** Most cells sent or read per `sync` (Excel on the web caps a request at 5 MB). */
  readonly maxCellsPerSync?: number;
  /** Largest table `readTable` accepts, in cells. */
  readonly maxReadCells?: number;
}

const ok = <T>(value: T): GatewayResult<T> => ({ ok: true, value });
const fail = (code: GatewayErrorCode, message: string, extra: Partial<GatewayError> = {}): { ok: false; error: GatewayError } => ({
  ok: false,
  error: { code, message, ...extra },
});

/** The gateway's own failures travel as this inside `Excel.run` and come out as a result. */
class Refusal extends Error {
  constructor(readonly error: GatewayError) {
    super(error.message);
  }
}

function excelMessage(e: unknown): string {
  const err = e as { code?: string; message?: string; debugInfo?: { message?: string } };
  const text = err?.debugInfo?.message || err?.message || String(e);
  switch (err?.code) {
    case "AccessDenied":
      return `Excel refused the change: the sheet may be protected or the workbook read-only (${text})`;
    case "ItemNotFound":
      return `Excel could not find it: ${text}`;
    case "InvalidArgument":
      return `Excel rejected the request: ${text}`;
    default:
      return text;
  }
}

function supports(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

async function run<T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<GatewayResult<T>> {
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") return fail("UNSUPPORTED", "Excel is not available: open the add-in inside Excel.");
  try {
    return ok(await Excel.run(fn));
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.error };
    return fail("EXCEL_ERROR", excelMessage(e));
  }
}

/** Row chunks of a box with at most `maxCells` cells each (at least one row). */
export function rowChunks(box: Box, maxCells: number): Box[] {
  const rowsPer = Math.max(1, Math.floor(maxCells / boxCols(box)));
  const out: Box[] = [];
  for (let top = box.top; top <= box.bottom; top += rowsPer) out.push({ ...box, top, bottom: Math.min(box.bottom, top + rowsPer - 1) });
  return out;
}

function sheetOfAddress(address: string): { sheet: string; box: Box } {
  const parsed = parseAddress(address);
  if (!parsed) throw new Refusal({ code: "INVALID_ADDRESS", message: `Excel returned an address the add-in cannot read: ${address}` });
  return parsed;
}

/** Reads a resolved range's values chunk by chunk. */
async function readValues(ctx: Excel.RequestContext, range: Excel.Range, cfg: Required<GatewayConfig>): Promise<RangeData> {
  range.load("address");
  await ctx.sync();
  const { sheet, box } = sheetOfAddress(range.address);
  const cells = boxRows(box) * boxCols(box);
  if (cells > cfg.maxReadCells) {
    throw new Refusal({ code: "TOO_LARGE", message: `${range.address} has ${cells.toLocaleString("en")} cells; the pane reads at most ${cfg.maxReadCells.toLocaleString("en")}. Pick the used part of the table.` });
  }
  const ws = ctx.workbook.worksheets.getItem(sheet);
  const values: unknown[][] = [];
  for (const chunk of rowChunks(box, cfg.maxCellsPerSync)) {
    const r = ws.getRange(boxAddress(chunk));
    r.load("values");
    await ctx.sync();
    values.push(...(r.values as unknown[][]));
  }
  return { sheet, box, address: qualified(sheet, box), values };
}

function rangeOf(ctx: Excel.RequestContext, address: string): { range: Excel.Range; sheet: Excel.Worksheet } {
  const text = address.trim();
  const bang = text.lastIndexOf("!");
  const parsed = parseAddress(text, bang < 0 ? "\u0000active" : undefined);
  if (!parsed) throw new Refusal({ code: "INVALID_ADDRESS", message: `"${address}" is not a range address; use a form like Positions!A1:N200.` });
  const sheet = parsed.sheet === "\u0000active" ? ctx.workbook.worksheets.getActiveWorksheet() : ctx.workbook.worksheets.getItem(parsed.sheet);
  return { range: sheet.getRange(boxAddress(parsed.box)), sheet };
}

interface Progress {
  createdSheets: string[];
  /** Boxes queued in a sync that started, per sheet (the failing sync's included). */
  sent: { sheet: string; box: Box }[];
  names: NameWrite[];
  chartsAdded: { sheet: string; name: string }[];
  chartsUpdated: LedgerChart[];
  chartsDeleted: LedgerChart[];
  ledgerWritten: boolean;
  /** What the sync in flight was writing, for the error message. */
  stage: string;
}

interface ReadForWrite {
  ledger: Ledger;
  /** The ledger setting as it was, to put back if a write fails after saving the new one. */
  ledgerRaw: unknown;
  snapshot: Snapshot;
  /** Which of the add-in's charts exist, by sheet and name. */
  charts: Record<string, boolean>;
  chartIdsBefore: Record<string, string[]>;
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

export function createExcelGateway(config: GatewayConfig = {}): Gateway {
  const cfg: Required<GatewayConfig> = { maxCellsPerSync: config.maxCellsPerSync ?? 20000, maxReadCells: config.maxReadCells ?? 5_000_000 };

  /**
   * The ledger without the sheets, tables, names and charts that no longer exist in the workbook
   * (`pruneLedger`); saved with the write. Reads the workbook's lists only when the ledger has entries.
   */
  async function pruned(ctx: Excel.RequestContext, ledger: Ledger): Promise<Ledger> {
    if (Object.keys(ledger.sheets).length === 0 && Object.keys(ledger.names).length === 0 && ledger.charts.length === 0 && (ledger.tables ?? []).length === 0) return ledger;
    const wb = ctx.workbook;
    wb.worksheets.load("items/name");
    wb.tables.load("items/name");
    wb.names.load("items/name");
    await ctx.sync();
    const sheetNames = wb.worksheets.items.map((s) => s.name);
    const present = new Set(sheetNames.map((n) => n.toLowerCase()));
    const charts = ledger.charts
      .filter((c) => present.has(c.sheet.toLowerCase()))
      .map((c) => {
        const item = wb.worksheets.getItem(c.sheet).charts.getItemOrNullObject(c.name);
        item.load("name");
        return [c, item] as const;
      });
    if (charts.length > 0) await ctx.sync();
    const gone = new Set<LedgerChart>(charts.filter(([, item]) => item.isNullObject).map(([c]) => c));
    return pruneLedger(ledger, {
      sheets: sheetNames,
      tables: wb.tables.items.map((t) => t.name),
      names: wb.names.items.map((n) => n.name),
      chartExists: (c) => !gone.has(c),
    });
  }

  async function readForWrite(ctx: Excel.RequestContext, plan: OutputPlan): Promise<ReadForWrite> {
    const wb = ctx.workbook;
    const setting = wb.settings.getItemOrNullObject(SETTINGS.ledger);
    setting.load("value");
    const sheetNames = [...new Set([...plan.sheets.map((s) => s.sheet), ...plan.charts.map((c) => c.sheet)])];
    const sheets = new Map(sheetNames.map((n) => [n, wb.worksheets.getItemOrNullObject(n)]));
    for (const ws of sheets.values()) ws.load("name");
    await ctx.sync();
    const ledger = await pruned(ctx, readLedger(setting.isNullObject ? null : setting.value));
    const missingChartSheet = plan.charts.find((c) => sheets.get(c.sheet)?.isNullObject && !plan.sheets.some((s) => s.sheet === c.sheet));
    if (missingChartSheet) throw new Refusal({ code: "NOT_FOUND", message: `The sheet '${missingChartSheet.sheet}' for the chart "${missingChartSheet.name}" does not exist; write the results first.` });

    const spillSupport = supports("1.12");
    const pending: { name: string; exists: boolean; protection?: Excel.WorksheetProtection; range?: Excel.Range; box?: Box; spills: [string, Excel.Range][] }[] = [];
    for (const [name, ws] of sheets) {
      if (ws.isNullObject) {
        pending.push({ name, exists: false, spills: [] });
        continue;
      }
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
      .filter((c) => sheets.has(c.sheet) && !sheets.get(c.sheet)?.isNullObject)
      .map((c) => {
        const item = (sheets.get(c.sheet) as Excel.Worksheet).charts.getItemOrNullObject(c.name);
        item.load("name");
        return [`${c.sheet}\u0000${c.name}`, item] as const;
      });
    // Ids of the charts already on the chart sheets, so an undo can find charts this write added even
    // when it failed before naming them.
    const chartIds = supports("1.7")
      ? [...new Set(plan.charts.map((c) => c.sheet))]
          .filter((n) => sheets.has(n) && !sheets.get(n)?.isNullObject)
          .map((n) => {
            const list = (sheets.get(n) as Excel.Worksheet).charts;
            list.load("items/id");
            return [n, list] as const;
          })
      : [];
    await ctx.sync();

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
    return { ledger, ledgerRaw: setting.isNullObject ? null : setting.value, snapshot: { sheets: snapSheets, names: snapNames }, charts, chartIdsBefore };
  }

  async function execute(ctx: Excel.RequestContext, wp: WritePlan, charts: Record<string, boolean>, progress: Progress): Promise<void> {
    const wb = ctx.workbook;
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
        const width = Math.max(1, ...block.cells.map((r) => r.length));
        const full = boxOf(block.anchor, block.cells.length, width);
        for (const chunk of rowChunks(full, cfg.maxCellsPerSync)) {
          const rows = block.cells.slice(chunk.top - full.top, chunk.bottom - full.top + 1).map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
          await queue(s.sheet, chunk, (r) => {
            r.formulas = rows as unknown as string[][];
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

    // Charts last: the add-in's existing charts are updated in place, new ones added; then the ledger;
    // then charts no longer planned are deleted, as the very last operations.
    const canSetSeries = supports("1.7");
    progress.stage = "adding the charts and recording what the add-in wrote";
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
    await ctx.sync();
  }

  /** Puts back what a failed write changed; returns the ranges it could not restore, or null. */
  async function undo(read: ReadForWrite, progress: Progress): Promise<string[] | null> {
    const { snapshot } = read;
    const result = await run(async (ctx) => {
      const wb = ctx.workbook;
      const createdSet = new Set(progress.createdSheets);
      const created = progress.createdSheets.map((name) => wb.worksheets.getItemOrNullObject(name));
      const names = progress.names.map((n) => [n, wb.names.getItemOrNullObject(n.name)] as const);
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
    const left = describeBoxes(progress.sent.filter((s) => !progress.createdSheets.includes(s.sheet)));
    for (const s of progress.createdSheets) left.push(`sheet ${quoteSheet(s)} (created by this write)`);
    for (const n of progress.names) left.push(`name ${n.name}`);
    for (const c of [...progress.chartsAdded, ...progress.chartsUpdated]) left.push(`chart "${c.name}" on ${quoteSheet(c.sheet)}`);
    return left;
  }

  async function write(plan: OutputPlan, options: WriteOptions = {}): Promise<GatewayResult<WriteReport>> {
    const progress: Progress = { createdSheets: [], sent: [], names: [], chartsAdded: [], chartsUpdated: [], chartsDeleted: [], ledgerWritten: false, stage: "" };
    let state: { wp: WritePlan; read: ReadForWrite } | null = null;
    let failure: unknown = null;
    const result = await run(async (ctx) => {
      const read = await readForWrite(ctx, plan);
      const wp = planWrite(plan, read.ledger, read.snapshot, new Set(options.allowOverwrite ?? []));
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
      state = { wp, read };
      try {
        await execute(ctx, wp, read.charts, progress);
      } catch (e) {
        failure = e;
        throw e;
      }
      return wp;
    });
    if (result.ok) {
      const wp = result.value;
      const written = wp.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.cells.reduce((k, r) => k + r.length, 0), 0), 0);
      const cleared = wp.sheets.reduce((n, s) => n + s.staleCells, 0);
      return ok({
        sheets: wp.sheets.map((s) => s.sheet),
        cellsWritten: written,
        cellsCleared: cleared,
        names: wp.names.filter((n) => n.reference !== null).map((n) => n.name),
        charts: wp.charts.map((c) => c.plan.name),
        overwritten: wp.overwritten,
        released: wp.released,
      });
    }
    if (failure === null || state === null) return result;
    const { read } = state as { wp: WritePlan; read: ReadForWrite };
    const where = progress.stage;
    const reason = excelMessage(failure).replace(/\.$/, "");
    const nothingSent = progress.sent.length === 0 && progress.createdSheets.length === 0 && progress.names.length === 0 && progress.chartsAdded.length === 0 && progress.chartsUpdated.length === 0 && !progress.ledgerWritten;
    if (nothingSent) return fail("WRITE_FAILED", `Excel stopped the write before any cell changed (${reason}). The workbook is as it was.`);
    const left = await undo(read, progress);
    const lost = progress.chartsDeleted.filter((c) => !c.spec);
    const lostCharts = lost.length > 0 ? ` The earlier chart${lost.length > 1 ? "s" : ""} ${lost.map((c) => `"${c.name}"`).join(", ")} had been removed; write again to recreate ${lost.length > 1 ? "them" : "it"}.` : "";
    if (left === null) {
      return fail("WRITE_FAILED", `Excel stopped the write${where ? ` while ${where}` : ""} (${reason}). The add-in put back the ${cellCount(progress.sent)} cells it had changed, so the workbook is as it was.${lostCharts}`);
    }
    return fail(
      "PARTIAL_WRITE",
      `Excel stopped the write${where ? ` while ${where}` : ""} (${reason}) and the add-in could not undo it. These may hold new or partly written content: ${left.join("; ")}. Everything else is unchanged.${lostCharts}`,
      { left }
    );
  }

  async function writeSampleBank(): Promise<GatewayResult<SampleBankReport>> {
    const progress = { sheet: null as string | null, ledgerRaw: null as unknown, ledgerWritten: false, stage: "" };
    let failure: unknown = null;
    const result = await run(async (ctx) => {
      const wb = ctx.workbook;
      const sheets = wb.worksheets;
      sheets.load("items/name");
      const tables = wb.tables;
      tables.load("items/name");
      const names = wb.names;
      names.load("items/name");
      const setting = wb.settings.getItemOrNullObject(SETTINGS.ledger);
      setting.load("value");
      await ctx.sync();
      const sheetName = uniqueSheetName(SAMPLE.sheet, sheets.items.map((s) => s.name));
      const tableName = uniqueTableName(SAMPLE.table, [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);
      const layout = sampleBankLayout(sheetName, tableName);
      progress.ledgerRaw = setting.isNullObject ? null : setting.value;
      // What no longer exists is dropped from the record saved with this write.
      const current = pruneLedger(readLedger(progress.ledgerRaw), { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name), names: names.items.map((n) => n.name) });
      const ledger = recordCreatedSheet(current, layout.sheet, [{ sheet: sheetName, name: tableName }], { kind: "sampleBank", table: tableName });
      try {
        progress.sheet = sheetName;
        progress.stage = `writing the sample positions and curves on ${quoteSheet(sheetName)}`;
        const ws = wb.worksheets.add(sheetName);
        let queued = 0;
        for (const block of layout.sheet.blocks) {
          const width = Math.max(1, ...block.cells.map((r) => r.length));
          const full = boxOf(block.anchor, block.cells.length, width);
          for (const chunk of rowChunks(full, cfg.maxCellsPerSync)) {
            const rows = block.cells.slice(chunk.top - full.top, chunk.bottom - full.top + 1).map((r) => Array.from({ length: width }, (_, j) => r[j] ?? ""));
            const range = ws.getRange(boxAddress(chunk));
            range.values = rows as unknown as string[][];
            const fmt = formatGrid(rows.length, block.formats, width);
            if (fmt) range.numberFormat = fmt.map((row) => row.map((f) => f ?? "General"));
            if (block.bold) range.format.font.bold = true;
            queued += boxRows(chunk) * boxCols(chunk);
            if (queued >= cfg.maxCellsPerSync) {
              await ctx.sync();
              queued = 0;
            }
          }
        }
        await ctx.sync();
        progress.stage = `making the positions table on ${quoteSheet(sheetName)} and recording what the add-in wrote`;
        const table = wb.tables.add(qualified(sheetName, layout.table.box), true);
        table.name = tableName;
        progress.ledgerWritten = true;
        wb.settings.add(SETTINGS.ledger, serializeLedger(ledger));
        ws.activate();
        await ctx.sync();
      } catch (e) {
        failure = e;
        throw e;
      }
      const where = (box: Box) => qualified(sheetName, box, false);
      return {
        sheet: sheetName,
        table: tableName,
        positions: boxRows(layout.table.box) - 1,
        curves: { USD: where(layout.curves.USD), EUR: where(layout.curves.EUR) },
        currency: layout.currency,
        asOf: layout.asOf,
        tier1: layout.tier1,
      };
    });
    if (result.ok || failure === null || progress.sheet === null) return result;
    const sheet = progress.sheet;
    const reason = excelMessage(failure).replace(/\.$/, "");
    // Everything written is on the new sheet: deleting it (with its table) and putting back the
    // ledger undoes the write.
    const undone = await run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(sheet);
      const ledgerItem = ctx.workbook.settings.getItemOrNullObject(SETTINGS.ledger);
      await ctx.sync();
      if (progress.ledgerWritten) {
        if (progress.ledgerRaw !== null) ctx.workbook.settings.add(SETTINGS.ledger, progress.ledgerRaw);
        else if (!ledgerItem.isNullObject) ledgerItem.delete();
      }
      if (!ws.isNullObject) ws.delete();
      await ctx.sync();
    });
    if (undone.ok) {
      return fail("WRITE_FAILED", `Excel stopped the sample bank while ${progress.stage} (${reason}). The add-in took out the sheet and everything else it had added, so the workbook is as it was.`);
    }
    const left = [`sheet ${quoteSheet(sheet)} (created by this write)`, ...(progress.ledgerWritten ? [`the add-in's record of what it wrote (setting ${SETTINGS.ledger})`] : [])];
    return fail("PARTIAL_WRITE", `Excel stopped the sample bank while ${progress.stage} (${reason}) and the add-in could not undo it. These may hold new or partly written content: ${left.join("; ")}. Everything else is unchanged; delete that sheet to start again.`, { left });
  }

  return {
    getSelection: () =>
      run(async (ctx) => {
        const r = ctx.workbook.getSelectedRange();
        r.load("address");
        await ctx.sync();
        const { sheet, box } = sheetOfAddress(r.address);
        return `${quoteSheet(sheet)}!${boxAddress(box)}`;
      }),

    listTables: () =>
      run(async (ctx) => {
        const tables = ctx.workbook.tables;
        tables.load("items/name");
        await ctx.sync();
        const ranges = tables.items.map((t) => {
          const r = t.getRange();
          r.load("address");
          return [t.name, r] as const;
        });
        await ctx.sync();
        return ranges.map(([name, r]) => ({ name, address: r.address }));
      }),

    readTable: (source) =>
      run(async (ctx) => {
        if (source.kind === "table") {
          const table = ctx.workbook.tables.getItemOrNullObject(source.name);
          table.load("name");
          await ctx.sync();
          if (table.isNullObject) throw new Refusal({ code: "NOT_FOUND", message: `There is no table named "${source.name}" in this workbook.` });
          return readValues(ctx, table.getRange(), cfg);
        }
        return readValues(ctx, rangeOf(ctx, source.address).range, cfg);
      }),

    readRange: (address) => run(async (ctx) => readValues(ctx, rangeOf(ctx, address).range, cfg)),

    selectRange: (address) =>
      run(async (ctx) => {
        const { range, sheet } = rangeOf(ctx, address);
        sheet.activate();
        range.select();
        await ctx.sync();
      }),

    renameHeaders: (edits) =>
      run(async (ctx) => {
        const cells = edits.map((e) => {
          const ws = ctx.workbook.worksheets.getItem(e.sheet);
          ws.protection.load("protected");
          const r = ws.getRange(cellAddress(e.cell));
          r.load("formulas");
          return { e, ws, r };
        });
        await ctx.sync();
        const locked = cells.find((c) => c.ws.protection.protected);
        if (locked) throw new Refusal({ code: "PROTECTED", message: `The sheet '${locked.e.sheet}' is protected; unprotect it to rename headers.` });
        const changed = cells.find((c) => String(c.r.formulas[0][0]) !== c.e.from);
        if (changed) {
          throw new Refusal({ code: "CHANGED", message: `${quoteSheet(changed.e.sheet)}!${cellAddress(changed.e.cell)} no longer holds "${changed.e.from}"; read the positions again.` });
        }
        for (const c of cells) c.r.values = [[c.e.to]];
        await ctx.sync();
      }),

    writeScenarioSheet: (layout, options) => write({ sheets: [layout.sheet], names: layout.names, charts: [] }, options),
    writeResultsSheet: (layout, options) => write({ sheets: [layout.sheet], names: [], charts: layout.charts }, options),
    addChart: (chart, options) => write({ sheets: [], names: [], charts: [chart] }, options),
    writeOutput: (plan, options) => write(plan, options),
    writeSampleBank,

    loadSetup: () =>
      run(async (ctx) => {
        const item = ctx.workbook.settings.getItemOrNullObject(SETTINGS.setup);
        item.load("value");
        await ctx.sync();
        if (item.isNullObject) return null;
        const value: unknown = item.value;
        if (typeof value !== "string") return value;
        try {
          return JSON.parse(value) as unknown;
        } catch {
          return null;
        }
      }),

    saveSetup: (setup) =>
      run(async (ctx) => {
        ctx.workbook.settings.add(SETTINGS.setup, JSON.stringify(setup));
        await ctx.sync();
      }),

    recalculate: () =>
      run(async (ctx) => {
        ctx.workbook.application.calculate("Full" as Excel.CalculationType);
        await ctx.sync();
      }),
  };
}

function hasFormula(cells: readonly (readonly unknown[])[]): boolean {
  return cells.some((r) => r.some((v) => typeof v === "string" && v.startsWith("=")));
}
