/**
 * The task pane's access to Excel. Operations are named after what the user wants (read the positions
 * table, write the outputs, try the sample bank, select a bad row, remember the setup) and return a
 * `GatewayResult` instead of throwing, so React never sees an Office exception. Every write — outputs,
 * charts and the sample bank alike — goes through the one transaction of transaction.ts.
 */
import type { RangeRead } from "../domain/layoutInput";
import type { PositionsSource, Setup } from "../domain/setup";
import { boxAddress, boxCols, boxRows, cellAddress, parseAddress, qualified, quoteSheet, type Box, type CellPos } from "./a1";
import { Refusal, SETTINGS, rowChunks, run, sheetOfAddress, type GatewayConfig, type GatewayResult } from "./excelRun";
import { SAMPLE, sampleBankLayout, uniqueSheetName, uniqueTableName, type SampleBankLayout } from "./sampleBankLayout";
import type { ChartPlan, OutputPlan, ResultsSheetLayout, ScenarioSheetLayout } from "./sheetLayouts";
import { createWriter, type WriteOptions, type WriteReport } from "./transaction";

export { SETTINGS, rowChunks, type GatewayConfig, type GatewayError, type GatewayErrorCode, type GatewayResult } from "./excelRun";
export type { WriteOptions, WriteReport } from "./transaction";

export interface RangeData extends RangeRead {
  readonly sheet: string;
  readonly box: Box;
}

export interface TableInfo {
  readonly name: string;
  readonly address: string;
}

export interface SampleBankReport {
  /** The new sheet, e.g. `ALM Sample Bank (2)`. */
  readonly sheet: string;
  /** The positions table (header row included), e.g. `ALMSampleBank2`. */
  readonly table: string;
  /** Positions written (table rows without the header). */
  readonly positions: number;
  /** Each curve's range with its header row, sheet-qualified and relative: `'ALM Sample Bank'!X2:Y14`. */
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

export function createExcelGateway(config: GatewayConfig = {}): Gateway {
  const cfg: Required<GatewayConfig> = { maxCellsPerSync: config.maxCellsPerSync ?? 20000, maxReadCells: config.maxReadCells ?? 5_000_000 };

  /**
   * The ledger without the sheets, tables, names and charts that no longer exist in the workbook
   * (`pruneLedger`); saved with the write. Reads the workbook's lists only when the ledger has entries.
   */
  const write = createWriter(cfg);
  const writeReport = async (plan: OutputPlan, options?: WriteOptions): Promise<GatewayResult<WriteReport>> => {
    const res = await write(plan, options);
    return res.ok ? { ok: true, value: res.value.report } : res;
  };

  /** The sample bank on a sheet and under a table name nobody uses yet, written as any other output. */
  async function writeSampleBank(): Promise<GatewayResult<SampleBankReport>> {
    let layout: SampleBankLayout | null = null;
    const res = await write((inventory) => {
      const sheet = uniqueSheetName(SAMPLE.sheet, inventory.sheets);
      layout = sampleBankLayout(sheet, uniqueTableName(SAMPLE.table, [...inventory.tables, ...inventory.names]));
      return layout.plan;
    });
    if (!res.ok) return res;
    const l = layout as unknown as SampleBankLayout;
    const sheet = l.sheet.sheet;
    const where = (box: Box) => qualified(sheet, box, false);
    return {
      ok: true,
      value: {
        sheet,
        table: l.table.name,
        positions: boxRows(l.table.box) - 1,
        curves: { USD: where(l.curves.USD), EUR: where(l.curves.EUR) },
        currency: l.currency,
        asOf: l.asOf,
        tier1: l.tier1,
      },
    };
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

    writeScenarioSheet: (layout, options) => writeReport({ sheets: [layout.sheet], names: layout.names, charts: [] }, options),
    writeResultsSheet: (layout, options) => writeReport({ sheets: [layout.sheet], names: [], charts: layout.charts }, options),
    addChart: (chart, options) => writeReport({ sheets: [], names: [], charts: [chart] }, options),
    writeOutput: (plan, options) => writeReport(plan, options),
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
