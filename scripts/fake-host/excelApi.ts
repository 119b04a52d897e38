/**
 * A fake of the part of the Excel JavaScript API the task pane uses, over a FakeWorkbook. It keeps the
 * proxy semantics that matter for correctness: property writes and method calls are queued and run at
 * `context.sync()`, loaded properties can only be read after a sync, `*OrNullObject` results report
 * `isNullObject` after a sync, writes to protected sheets fail with AccessDenied, and formulas
 * recalculate after each sync that changed something: the sync resolves once the workbook's
 * calculation (asynchronous: the ALM.* calls go through the emulated Excel host) has finished. Faults
 * can be injected: a chosen sync runs only its first n operations and then fails, as a dropped
 * connection or a host error would.
 */
import { boxAddress, boxCols, boxRows, cellsOf, parseAddress, parseBox, parseCell, quoteSheet, type Box } from "../../src/taskpane/excel/a1";
import type { FakeChart, FakeSheet, FakeTable, FakeWorkbook } from "./workbook";

export class OfficeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export interface Fault {
  /** Sync number (1-based, counted over the host's lifetime) that fails. */
  readonly atSync: number;
  /** Operations of that sync that still run before it fails. */
  readonly afterOps: number;
  readonly message?: string;
}

export interface FakeHostControl {
  readonly workbook: FakeWorkbook;
  /** Syncs run so far. */
  syncs: number;
  faults: Fault[];
  /** Make the k-th sync from now fail (k = 1: the next one) after `afterOps` operations. */
  failSync(k: number, afterOps?: number, message?: string): void;
  /** ExcelApi versions reported as supported: up to this minor version of 1.x. */
  apiVersion: number;
}

interface Op {
  /** Runs the operation; a calculation returns its promise, which the sync awaits. */
  run: () => void | Promise<void>;
  /** False for loads: they read and change nothing. */
  mutates: boolean;
}

class Context {
  readonly ops: Op[] = [];
  readonly nullables: { settleNull(): void }[] = [];
  readonly workbook: WorkbookP;
  constructor(readonly host: FakeHostControl) {
    this.workbook = new WorkbookP(this);
  }
  get wb(): FakeWorkbook {
    return this.host.workbook;
  }
  enqueue(run: () => void | Promise<void>, mutates = true): void {
    this.ops.push({ run, mutates });
  }
  async sync(): Promise<void> {
    await Promise.resolve();
    const host = this.host;
    host.syncs++;
    const fault = host.faults.find((f) => f.atSync === host.syncs);
    const ops = this.ops.splice(0);
    let dirty = false;
    try {
      for (const [i, op] of ops.entries()) {
        if (fault && i >= fault.afterOps) throw new OfficeError("GeneralException", fault.message ?? "The connection to Excel was lost (injected fault).");
        // Operations run back to back; only a requested calculation is awaited in between.
        const pending = op.run();
        dirty ||= op.mutates;
        if (pending instanceof Promise) await pending;
      }
      if (fault && ops.length <= fault.afterOps) throw new OfficeError("GeneralException", fault.message ?? "The connection to Excel was lost (injected fault).");
    } finally {
      if (dirty) {
        await this.wb.calculate();
        this.wb.notify();
      }
    }
    for (const p of this.nullables) p.settleNull();
  }
}

/** Base of every proxy: a resolver to the model object, loaded values, null-object state. */
abstract class Proxy<T = unknown> {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  constructor(
    protected ctx: Context,
    protected resolver: () => T | null,
    private nullable = false
  ) {
    if (nullable) ctx.nullables.push(this);
  }
  protected target(): T {
    const t = this.resolver();
    if (t === null || t === undefined) throw new OfficeError("ItemNotFound", `${this.constructor.name.replace(/P$/, "")} does not exist.`);
    return t;
  }
  settleNull(): void {
    try {
      this.nullState = this.resolver() == null;
    } catch {
      this.nullState = true;
    }
  }
  get isNullObject(): boolean {
    if (!this.nullableOk()) throw new OfficeError("InvalidOperation", "isNullObject is only available on *OrNullObject results.");
    if (this.nullState === undefined) throw new OfficeError("PropertyNotLoaded", "isNullObject is not available before context.sync().");
    return this.nullState;
  }
  private nullableOk(): boolean {
    return this.nullable;
  }
  /** Properties this proxy can load, by name, read from the model object. */
  protected abstract readers(): Record<string, (t: T) => unknown>;
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "").split(",")).map((p) => p.trim()).filter(Boolean);
    this.ctx.enqueue(() => {
      const t = this.resolver();
      if (t == null) {
        if (this.nullable) return;
        throw new OfficeError("ItemNotFound", `${this.constructor.name.replace(/P$/, "")} does not exist.`);
      }
      const readers = this.readers();
      for (const p of list) {
        const [head, ...rest] = p.split("/");
        if (head === "items" && rest.length > 0) {
          this.loadItems(t, rest.join("/"));
          continue;
        }
        const read = readers[head];
        if (!read) throw new OfficeError("InvalidArgument", `Cannot load property ${p}.`);
        this.loaded.set(head, read(t));
      }
    }, false);
    return this;
  }
  protected loadItems(_t: T, _prop: string): void {
    throw new OfficeError("InvalidArgument", "not a collection");
  }
  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw new OfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as V;
  }
  protected queue(op: (t: T) => void | Promise<void>): void {
    this.ctx.enqueue(() => op(this.target()));
  }
}

function checkWritable(sheet: FakeSheet): void {
  if (sheet.protected) throw new OfficeError("AccessDenied", `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}').`);
}

class WorkbookP extends Proxy<FakeWorkbook> {
  readonly worksheets: WorksheetsP;
  readonly names: NamesP;
  readonly settings: SettingsP;
  readonly tables: TablesP;
  readonly application: ApplicationP;
  readonly functions: FunctionsP;
  constructor(ctx: Context) {
    super(ctx, () => ctx.wb);
    this.functions = new FunctionsP(ctx);
    this.worksheets = new WorksheetsP(ctx);
    this.names = new NamesP(ctx);
    this.settings = new SettingsP(ctx);
    this.tables = new TablesP(ctx);
    this.application = new ApplicationP(ctx);
  }
  protected readers() {
    return {};
  }
  getSelectedRange(): RangeP {
    return new RangeP(this.ctx, () => {
      const sel = this.ctx.wb.selection;
      const sheet = sel ? this.ctx.wb.sheet(sel.sheet) : this.ctx.wb.sheet(this.ctx.wb.activeSheet);
      if (!sheet) return null;
      return { sheet, box: sel?.box ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

/**
 * `workbook.functions`: only DATE, which the shared runtime asks to learn the workbook's date system
 * (src/functions/dateSystem.ts). The fake workbook counts in the 1900 system.
 */
class FunctionsP {
  constructor(private readonly ctx: Context) {}
  date(year: number, month: number, day: number): FunctionResultP {
    return new FunctionResultP(this.ctx, Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000));
  }
}

class FunctionResultP extends Proxy<{ value: number }> {
  constructor(ctx: Context, value: number) {
    super(ctx, () => ({ value }));
  }
  protected readers() {
    return { value: (t: { value: number }) => t.value };
  }
  get value(): number {
    return this.get("value");
  }
}

class ApplicationP extends Proxy<FakeWorkbook> {
  constructor(ctx: Context) {
    super(ctx, () => ctx.wb);
  }
  protected readers() {
    return {};
  }
  calculate(_type: string): void {
    this.queue((wb) => wb.calculate());
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queue(() => undefined);
  }
}

class WorksheetsP extends Proxy<FakeWorkbook> {
  items: WorksheetP[] = [];
  constructor(ctx: Context) {
    super(ctx, () => ctx.wb);
  }
  protected readers() {
    return {};
  }
  protected override loadItems(wb: FakeWorkbook): void {
    this.items = wb.sheets.map((s) => {
      const p = new WorksheetP(this.ctx, () => wb.sheet(s.name) ?? null);
      (p as unknown as { loaded: Map<string, unknown> }).loaded.set("name", s.name);
      return p;
    });
  }
  getItem(name: string): WorksheetP {
    return new WorksheetP(this.ctx, () => this.ctx.wb.sheet(name) ?? null);
  }
  getItemOrNullObject(name: string): WorksheetP {
    return new WorksheetP(this.ctx, () => this.ctx.wb.sheet(name) ?? null, true);
  }
  getActiveWorksheet(): WorksheetP {
    return new WorksheetP(this.ctx, () => this.ctx.wb.sheet(this.ctx.wb.activeSheet) ?? null);
  }
  add(name: string): WorksheetP {
    this.ctx.enqueue(() => {
      if (this.ctx.wb.sheet(name)) throw new OfficeError("ItemAlreadyExists", `A sheet named '${name}' already exists.`);
      this.ctx.wb.addSheet(name);
    });
    return new WorksheetP(this.ctx, () => this.ctx.wb.sheet(name) ?? null);
  }
}

class WorksheetP extends Proxy<FakeSheet> {
  readonly protection: ProtectionP;
  readonly charts: ChartsP;
  constructor(ctx: Context, resolver: () => FakeSheet | null, nullable = false) {
    super(ctx, resolver, nullable);
    this.protection = new ProtectionP(ctx, resolver);
    this.charts = new ChartsP(ctx, resolver);
  }
  protected readers() {
    return { name: (s: FakeSheet) => s.name, visibility: () => "Visible" };
  }
  get name(): string {
    return this.get("name");
  }
  getRange(address?: string): RangeP {
    return new RangeP(this.ctx, () => {
      const sheet = this.resolver();
      if (!sheet) return null;
      const box = address ? parseBox(address) : { top: 0, left: 0, bottom: 0, right: 0 };
      if (!box) throw new OfficeError("InvalidArgument", `The address ${address} is not valid.`);
      return { sheet, box };
    });
  }
  activate(): void {
    this.queue((s) => {
      this.ctx.wb.activeSheet = s.name;
    });
  }
  delete(): void {
    this.queue((s) => this.ctx.wb.deleteSheet(s.name));
  }
}

class ProtectionP extends Proxy<FakeSheet> {
  protected readers() {
    return { protected: (s: FakeSheet) => s.protected };
  }
  get protected(): boolean {
    return this.get("protected");
  }
}

interface RangeRef {
  sheet: FakeSheet;
  box: Box;
}

function grid<V>(box: Box, f: (row: number, col: number) => V): V[][] {
  return Array.from({ length: boxRows(box) }, (_, i) => Array.from({ length: boxCols(box) }, (_, j) => f(box.top + i, box.left + j)));
}

function checkShape(box: Box, values: unknown, what: string): unknown[][] {
  if (!Array.isArray(values) || values.length !== boxRows(box) || values.some((r) => !Array.isArray(r) || r.length !== boxCols(box))) {
    throw new OfficeError("InvalidArgument", `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`);
  }
  return values as unknown[][];
}

class RangeP extends Proxy<RangeRef> {
  readonly format: RangeFormatP;
  constructor(ctx: Context, resolver: () => RangeRef | null, nullable = false) {
    super(ctx, resolver, nullable);
    this.format = new RangeFormatP(ctx, resolver);
  }
  protected readers() {
    const wb = this.ctx.wb;
    return {
      address: (r: RangeRef) => `${quoteSheet(r.sheet.name)}!${boxAddress(r.box)}`,
      formulas: (r: RangeRef) => grid(r.box, (row, col) => wb.formulaOf(r.sheet, { row, col })),
      values: (r: RangeRef) => grid(r.box, (row, col) => wb.valueOf(r.sheet, { row, col })),
      numberFormat: (r: RangeRef) => grid(r.box, (row, col) => wb.cell(r.sheet, { row, col })?.format ?? "General"),
      rowCount: (r: RangeRef) => boxRows(r.box),
      columnCount: (r: RangeRef) => boxCols(r.box),
    };
  }
  get address(): string {
    return this.get("address");
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.queue((r) => {
      checkWritable(r.sheet);
      const rows = checkShape(r.box, v, "formulas");
      for (const p of cellsOf(r.box)) this.ctx.wb.setInput(r.sheet, p, rows[p.row - r.box.top][p.col - r.box.left]);
    });
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(v: unknown[][]) {
    this.formulas = v;
  }
  get numberFormat(): unknown[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.queue((r) => {
      checkWritable(r.sheet);
      const rows = checkShape(r.box, v, "numberFormat");
      for (const p of cellsOf(r.box)) this.ctx.wb.setFormat(r.sheet, p, String(rows[p.row - r.box.top][p.col - r.box.left]));
    });
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  clear(applyTo: string = "All"): void {
    this.queue((r) => {
      checkWritable(r.sheet);
      for (const p of cellsOf(r.box)) {
        this.ctx.wb.setInput(r.sheet, p, "");
        if (applyTo === "All" || applyTo === "Formats") {
          const c = this.ctx.wb.cell(r.sheet, p);
          if (c) {
            delete c.format;
            delete c.bold;
            if (c.input === undefined && !c.spillOf) r.sheet.cells.delete(`${p.row},${p.col}`);
          }
        }
      }
    });
  }
  select(): void {
    this.queue((r) => {
      this.ctx.wb.activeSheet = r.sheet.name;
      this.ctx.wb.selection = { sheet: r.sheet.name, box: r.box };
    });
  }
  getSpillingToRangeOrNullObject(): RangeP {
    return new RangeP(
      this.ctx,
      () => {
        const r = this.resolver();
        if (!r) return null;
        const box = this.ctx.wb.spillRange(r.sheet, { row: r.box.top, col: r.box.left });
        return box ? { sheet: r.sheet, box } : null;
      },
      true
    );
  }
}

class RangeFormatP extends Proxy<RangeRef> {
  readonly font: FontP;
  constructor(ctx: Context, resolver: () => RangeRef | null) {
    super(ctx, resolver);
    this.font = new FontP(ctx, resolver);
  }
  protected readers() {
    return {};
  }
}

class FontP extends Proxy<RangeRef> {
  protected readers() {
    return {};
  }
  set bold(b: boolean) {
    this.queue((r) => {
      checkWritable(r.sheet);
      for (const p of cellsOf(r.box)) this.ctx.wb.setBold(r.sheet, p, b);
    });
  }
}

class NamesP extends Proxy<FakeWorkbook> {
  items: NamedItemP[] = [];
  constructor(ctx: Context) {
    super(ctx, () => ctx.wb);
  }
  protected readers() {
    return {};
  }
  protected override loadItems(wb: FakeWorkbook): void {
    this.items = [...wb.names.keys()].map((n) => {
      const p = new NamedItemP(this.ctx, () => (wb.names.has(n) ? n : null));
      (p as unknown as { loaded: Map<string, unknown> }).loaded.set("name", n);
      return p;
    });
  }
  private find(name: string): string | undefined {
    return [...this.ctx.wb.names.keys()].find((n) => n.toLowerCase() === name.toLowerCase());
  }
  getItem(name: string): NamedItemP {
    return new NamedItemP(this.ctx, () => this.find(name) ?? null);
  }
  getItemOrNullObject(name: string): NamedItemP {
    return new NamedItemP(this.ctx, () => this.find(name) ?? null, true);
  }
  add(name: string, reference: string, comment = ""): NamedItemP {
    this.ctx.enqueue(() => {
      if (this.find(name)) throw new OfficeError("ItemAlreadyExists", `The name ${name} already exists.`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || parseCell(name)) throw new OfficeError("InvalidArgument", `${name} is not a valid name.`);
      this.ctx.wb.names.set(name, { formula: reference.startsWith("=") ? reference : `=${reference}`, comment });
    });
    return this.getItem(name);
  }
}

class NamedItemP extends Proxy<string> {
  protected readers() {
    const wb = this.ctx.wb;
    return { name: (n: string) => n, formula: (n: string) => wb.names.get(n)?.formula, comment: (n: string) => wb.names.get(n)?.comment };
  }
  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  delete(): void {
    this.queue((n) => {
      this.ctx.wb.names.delete(n);
    });
  }
}

class SettingsP extends Proxy<FakeWorkbook> {
  constructor(ctx: Context) {
    super(ctx, () => ctx.wb);
  }
  protected readers() {
    return {};
  }
  getItemOrNullObject(key: string): SettingP {
    return new SettingP(this.ctx, () => (this.ctx.wb.settings.has(key) ? key : null), true);
  }
  add(key: string, value: unknown): SettingP {
    const copy = JSON.parse(JSON.stringify(value)) as unknown;
    this.ctx.enqueue(() => {
      if (JSON.stringify(copy).length > 2_000_000) throw new OfficeError("InvalidArgument", "The setting is too large.");
      this.ctx.wb.settings.set(key, copy);
    });
    return new SettingP(this.ctx, () => key);
  }
}

class SettingP extends Proxy<string> {
  protected readers() {
    const wb = this.ctx.wb;
    return { key: (k: string) => k, value: (k: string) => JSON.parse(JSON.stringify(wb.settings.get(k) ?? null)) };
  }
  get value(): unknown {
    return this.get("value");
  }
  delete(): void {
    this.queue((k) => {
      this.ctx.wb.settings.delete(k);
    });
  }
}

class TablesP extends Proxy<FakeWorkbook> {
  items: TableP[] = [];
  constructor(ctx: Context) {
    super(ctx, () => ctx.wb);
  }
  protected readers() {
    return {};
  }
  protected override loadItems(wb: FakeWorkbook, prop: string): void {
    this.items = wb.tables.map((t) => {
      const p = new TableP(this.ctx, () => wb.tables.find((x) => x.name === t.name) ?? null);
      if (prop === "name") (p as unknown as { loaded: Map<string, unknown> }).loaded.set("name", t.name);
      return p;
    });
  }
  getItem(name: string): TableP {
    return new TableP(this.ctx, () => this.ctx.wb.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  getItemOrNullObject(name: string): TableP {
    return new TableP(this.ctx, () => this.ctx.wb.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null, true);
  }
  /** A table over a sheet-qualified address (`'My sheet'!A1:C9`), named Table1, Table2, … until renamed. */
  add(address: string, hasHeaders: boolean): TableP {
    let made: FakeTable | null = null;
    this.ctx.enqueue(() => {
      const wb = this.ctx.wb;
      const parsed = parseAddress(address);
      const sheet = parsed ? wb.sheet(parsed.sheet) : undefined;
      if (!parsed || !sheet) throw new OfficeError("InvalidArgument", `The address ${address} is not valid.`);
      checkWritable(sheet);
      if (!hasHeaders) throw new OfficeError("InvalidArgument", "The fake host makes tables with a header row only.");
      const b = parsed.box;
      const overlaps = wb.tables.some((t) => t.sheet.toLowerCase() === sheet.name.toLowerCase() && !(t.box.bottom < b.top || b.bottom < t.box.top || t.box.right < b.left || b.right < t.box.left));
      if (overlaps) throw new OfficeError("InvalidOperation", "A table can't overlap another table.");
      let n = 1;
      while (wb.tables.some((t) => t.name.toLowerCase() === `table${n}`) || wb.names.has(`Table${n}`)) n++;
      made = { name: `Table${n}`, sheet: sheet.name, box: b };
      wb.tables.push(made);
    });
    return new TableP(this.ctx, () => made);
  }
}

class TableP extends Proxy<FakeTable> {
  protected readers() {
    return { name: (t: FakeTable) => t.name };
  }
  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.queue((t) => {
      const wb = this.ctx.wb;
      const clash = wb.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase()) || [...wb.names.keys()].some((n) => n.toLowerCase() === v.toLowerCase());
      if (clash) throw new OfficeError("InvalidArgument", `The name ${v} is already used by a table or a defined name.`);
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v) || parseCell(v)) throw new OfficeError("InvalidArgument", `${v} is not a valid table name.`);
      t.name = v;
    });
  }
  getRange(): RangeP {
    return new RangeP(this.ctx, () => {
      const t = this.resolver();
      const sheet = t ? this.ctx.wb.sheet(t.sheet) : undefined;
      return t && sheet ? { sheet, box: t.box } : null;
    });
  }
}

class ChartsP extends Proxy<FakeSheet> {
  items: ChartP[] = [];
  protected readers() {
    return {};
  }
  protected override loadItems(sheet: FakeSheet): void {
    this.items = sheet.charts.map((c) => {
      const p = new ChartP(this.ctx, () => this.ctx.wb.chartById(c.id) ?? null);
      const loaded = (p as unknown as { loaded: Map<string, unknown> }).loaded;
      loaded.set("id", String(c.id));
      loaded.set("name", c.name);
      return p;
    });
  }
  add(type: string, source: RangeP, seriesBy: string): ChartP {
    let id = -1;
    this.queue((sheet) => {
      checkWritable(sheet);
      const r = (source as unknown as { target(): RangeRef }).target();
      id = this.ctx.wb.addChart(sheet, type, `${quoteSheet(r.sheet.name)}!${boxAddress(r.box)}`, seriesBy).id;
    });
    return new ChartP(this.ctx, () => (id < 0 ? null : (this.ctx.wb.chartById(id) ?? null)));
  }
  private byName(name: string) {
    const sheet = this.resolver();
    const chart = sheet?.charts.find((c) => c.name === name);
    return sheet && chart ? { sheet, chart } : null;
  }
  getItem(name: string): ChartP {
    return new ChartP(this.ctx, () => this.byName(name));
  }
  getItemOrNullObject(name: string): ChartP {
    return new ChartP(this.ctx, () => this.byName(name), true);
  }
}

type ChartRef = { sheet: FakeSheet; chart: FakeChart };

class ChartP extends Proxy<ChartRef> {
  readonly title: TextP;
  readonly legend: LegendP;
  readonly axes: { categoryAxis: { title: TextP }; valueAxis: { title: TextP } };
  readonly series: { getItemAt: (i: number) => SeriesP };
  constructor(ctx: Context, resolver: () => ChartRef | null, nullable = false) {
    super(ctx, resolver, nullable);
    this.title = new TextP(ctx, resolver, "title");
    this.legend = new LegendP(ctx, resolver);
    this.axes = { categoryAxis: { title: new TextP(ctx, resolver, "categoryTitle") }, valueAxis: { title: new TextP(ctx, resolver, "valueTitle") } };
    this.series = { getItemAt: () => new SeriesP(ctx, resolver) };
  }
  protected readers() {
    return { name: (c: ChartRef) => c.chart.name, id: (c: ChartRef) => String(c.chart.id) };
  }
  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  setData(range: RangeP, seriesBy: string): void {
    this.queue((c) => {
      checkWritable(c.sheet);
      const r = (range as unknown as { target(): RangeRef }).target();
      c.chart.source = `${quoteSheet(r.sheet.name)}!${boxAddress(r.box)}`;
      c.chart.seriesBy = seriesBy;
    });
  }
  set name(v: string) {
    this.queue((c) => {
      c.chart.name = v;
    });
  }
  setPosition(from: string, to: string): void {
    this.queue((c) => {
      c.chart.from = from;
      c.chart.to = to;
    });
  }
  delete(): void {
    this.queue((c) => {
      checkWritable(c.sheet);
      c.sheet.charts = c.sheet.charts.filter((x) => x !== c.chart);
    });
  }
}

class TextP extends Proxy<ChartRef> {
  constructor(
    ctx: Context,
    resolver: () => ChartRef | null,
    private field: "title" | "categoryTitle" | "valueTitle"
  ) {
    super(ctx, resolver);
  }
  protected readers() {
    return {};
  }
  set text(v: string) {
    this.queue((c) => {
      c.chart[this.field] = v;
    });
  }
}

class LegendP extends Proxy<ChartRef> {
  protected readers() {
    return {};
  }
  set visible(v: boolean) {
    this.queue((c) => {
      c.chart.legendVisible = v;
    });
  }
}

class SeriesP extends Proxy<ChartRef> {
  protected readers() {
    return {};
  }
  set name(v: string) {
    this.queue((c) => {
      c.chart.seriesName = v;
    });
  }
  setXAxisValues(range: RangeP): void {
    this.queue((c) => {
      const r = (range as unknown as { target(): RangeRef }).target();
      c.chart.xValues = `${quoteSheet(r.sheet.name)}!${boxAddress(r.box)}`;
    });
  }
}

/** The `Excel` global of the fake host. */
export function createFakeExcel(host: FakeHostControl) {
  return {
    run: async <T>(a: unknown, b?: unknown): Promise<T> => {
      const fn = (typeof a === "function" ? a : b) as (ctx: Context) => Promise<T>;
      const ctx = new Context(host);
      return fn(ctx);
    },
    ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", line: "Line" },
    ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents" },
  };
}

export function createHostControl(workbook: FakeWorkbook, apiVersion = 17): FakeHostControl {
  const host: FakeHostControl = {
    workbook,
    syncs: 0,
    faults: [],
    apiVersion,
    failSync(k: number, afterOps = 0, message?: string) {
      host.faults.push({ atSync: host.syncs + k, afterOps, message });
    },
  };
  return host;
}

/** The `Office` global of the fake host (what the pane and office.js consumers touch). */
export function createFakeOffice(host: FakeHostControl) {
  return {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (name !== "ExcelApi") return false;
          const minor = Number(String(version ?? "1.1").split(".")[1] ?? 0);
          return minor <= host.apiVersion;
        },
      },
      officeTheme: undefined,
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "fake" },
    },
    onReady: (cb?: (info: { host: string; platform: string }) => void) => {
      const info = { host: "Excel", platform: "OfficeOnline" };
      cb?.(info);
      return Promise.resolve(info);
    },
  };
}
