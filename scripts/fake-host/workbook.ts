/**
 * An in-memory workbook for the fake Office host: sheets of cells, defined names, tables, settings and
 * charts, with just enough calculation to show what the add-in writes. A cell holding a formula made of
 * ALM.* calls, the Excel functions CHOOSECOLS, TAKE and XMATCH (the forms the add-in writes; see
 * BUILTINS), references, defined names, numbers, text and + − × ÷ is evaluated, and a table result
 * spills like a dynamic array (or shows #SPILL!). Anything else keeps its formula and shows #NAME?.
 *
 * ALM.* calls go through an `EmulatedExcel` (excelHost.ts): the functions the shipped `functions.js`
 * registered, called with their arguments marshalled as the shipped `functions.json` declares them, as
 * Excel does. A reference argument is a range (2-D, empty cells null), a literal a single value, an
 * omitted argument (`,,`) omitted. Calculation is therefore asynchronous: `calculate()` gathers the calls
 * it needs, awaits them, and recalculates until every call has its answer (cells show #BUSY! meanwhile,
 * as in Excel); calculations run one after the other. Not Excel: a test and preview double.
 */
import { boxAddress, boxOf, cellAddress, contains, parseAddress, parseBox, parseCell, quoteSheet, type Box, type CellPos } from "../../src/taskpane/excel/a1";
import { HostContractViolation, HostError, type EmulatedExcel, type HostArg, type HostCell, type Shown } from "./excelHost";

export type Scalar = string | number | boolean;

export interface Cell {
  /** What was written: a constant or formula text. Undefined for a spill child. */
  input?: Scalar;
  /** Text entered with Excel's text prefix ('): never a formula or number. */
  text?: true;
  /** Calculated or constant value; errors are their text ("#VALUE!"). */
  value: Scalar;
  /** The message of an error value, as Excel shows in the error tooltip. */
  error?: string;
  /** Anchor cell key of the spill this cell belongs to. */
  spillOf?: string;
  format?: string;
  bold?: boolean;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  from: string;
  to: string;
  legendVisible: boolean;
  categoryTitle: string;
  valueTitle: string;
  seriesName: string;
  xValues: string;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, Cell>;
  protected: boolean;
  charts: FakeChart[];
}

export interface FakeTable {
  name: string;
  sheet: string;
  box: Box;
}

/**
 * What calculates the ALM.* calls: an emulated Excel over the shipped bundle, a promise of one (the
 * browser host waits for the page's functions.js and functions.json), or null (every ALM.* call #NAME?).
 */
export type CalculationHost = EmulatedExcel | Promise<EmulatedExcel> | null;

const key = (p: CellPos) => `${p.row},${p.col}`;
const pos = (k: string): CellPos => {
  const [row, col] = k.split(",").map(Number);
  return { row, col };
};

class ExcelErr {
  constructor(readonly code: string, readonly message: string) {}
}

interface Ref {
  kind: "ref";
  sheet: string;
  box: Box;
}

type Val = Scalar | null | undefined | ExcelErr | Ref | unknown[][];

/** What one ALM.* call gave: what the cell shows, or a whole-result error. */
type Answer = { readonly ok: true; readonly value: Shown } | { readonly ok: false; readonly error: ExcelErr };

/** The state of one calculation: its host, the answers so far, and the calls it still has to make. */
interface Calc {
  readonly excel: EmulatedExcel | null;
  /** Ids declared in functions.json (anything else is #NAME?, as in Excel). */
  readonly declared: ReadonlySet<string>;
  /** Why there is no host: the message of #NAME?. */
  readonly missing: string;
  readonly answers: Map<string, Answer>;
  readonly pending: Map<string, { readonly id: string; readonly args: HostArg[] }>;
}

/** Rounds of one calculation: each answers the calls whose arguments are known; chains are short. */
const MAX_ROUNDS = 25;

const ERROR_VALUE = /^#(VALUE!|NUM!|N\/A|NAME\?|REF!|DIV\/0!|SPILL!|NULL!|CALC!|BUSY!)$/;
const OMITTED = { $omitted: true };

/** The cache key of a call: its id and arguments (omitted ones told apart from empty cells). */
function callKey(id: string, args: readonly HostArg[]): string {
  return `${id}(${JSON.stringify(args, (_k, v: unknown) => (v === undefined ? OMITTED : v instanceof HostError ? { $error: v.code, message: v.message } : v))})`;
}

/** A copy of a function result: arrays copied deep, cells (numbers, text, error objects) shared. */
function cloneCells(v: unknown): unknown {
  return Array.isArray(v) ? v.map(cloneCells) : v;
}

function isErrorObject(v: unknown): v is { code: string; message?: string } {
  return typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string" && String((v as { code: string }).code).startsWith("#");
}

/** Tokens of a formula. */
type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "id"; v: string } | { t: "op"; v: string } | { t: "ref"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let s = "";
      i++;
      while (i < src.length) {
        if (src[i] === '"' && src[i + 1] === '"') {
          s += '"';
          i += 2;
        } else if (src[i] === '"') break;
        else s += src[i++];
      }
      i++;
      out.push({ t: "str", v: s });
      continue;
    }
    if (ch === "'") {
      // Quoted sheet name up to '!
      let s = "";
      i++;
      while (i < src.length) {
        if (src[i] === "'" && src[i + 1] === "'") {
          s += "'";
          i += 2;
        } else if (src[i] === "'") break;
        else s += src[i++];
      }
      i++;
      if (src[i] !== "!") throw new ExcelErr("#NAME?", `bad sheet reference '${s}'`);
      i++;
      const m = /^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?/i.exec(src.slice(i));
      if (!m) throw new ExcelErr("#REF!", `bad reference after '${s}'!`);
      out.push({ t: "ref", v: `'${s.replace(/'/g, "''")}'!${m[0]}` });
      i += m[0].length;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const id = /^[A-Za-z_$][A-Za-z0-9_.$]*(\[[^\]]*\])?(![$A-Za-z0-9]+(:[$A-Za-z0-9]+)?)?(:\$?[A-Za-z]{1,3}\$?\d+)?/.exec(src.slice(i));
    if (id) {
      out.push({ t: "id", v: id[0] });
      i += id[0].length;
      continue;
    }
    if ("+-*/(),".includes(ch)) {
      out.push({ t: "op", v: ch });
      i++;
      continue;
    }
    throw new ExcelErr("#NAME?", `unexpected "${ch}" in formula`);
  }
  return out;
}

/** A single value out of a function's argument (a 1×1 array or a value); errors are thrown. */
function single(v: unknown[][]): unknown {
  const x = v[0]?.[0];
  if (x instanceof HostError) throw new ExcelErr(x.code, x.message);
  return x;
}

function whole(v: unknown[][], what: string): number {
  const x = single(v);
  if (typeof x !== "number" || !Number.isInteger(x)) throw new ExcelErr("#VALUE!", `${what}: expected a whole number, got ${String(x)}`);
  return x;
}

/** Index `k` (1-based, or negative from the end) into `n` items, as CHOOSECOLS and TAKE read it. */
function index(k: number, n: number, fn: string): number {
  const i = k > 0 ? k - 1 : n + k;
  if (k === 0 || i < 0 || i >= n) throw new ExcelErr("#VALUE!", `${fn}: ${k} is outside the ${n} columns`);
  return i;
}

/**
 * The few Excel functions the add-in's formulas use besides ALM.* ones (a book in several currencies
 * takes each currency's curve with CHOOSECOLS(curves, 1, XMATCH(code, TAKE(curves, 1)))), calculated as
 * Excel 365 does for the forms the add-in writes. `array` reads an argument as an array.
 */
const BUILTINS: Record<string, (args: Val[], array: (v: Val) => unknown[][]) => Val> = {
  CHOOSECOLS: (args, array) => {
    if (args.length < 2) throw new ExcelErr("#VALUE!", "CHOOSECOLS needs an array and at least one column number");
    const m = array(args[0]);
    const cols = args.slice(1).map((a) => index(whole(array(a), "CHOOSECOLS"), m[0]?.length ?? 0, "CHOOSECOLS"));
    return m.map((row) => cols.map((c) => row[c]));
  },
  TAKE: (args, array) => {
    const m = array(args[0]);
    const take = <T>(list: T[], k: Val | undefined): T[] => {
      if (k === undefined) return list;
      const n = whole(array(k), "TAKE");
      if (n === 0) throw new ExcelErr("#CALC!", "TAKE of 0 rows or columns is an empty array");
      return n > 0 ? list.slice(0, n) : list.slice(Math.max(0, list.length + n));
    };
    const rows = take(m, args[1]);
    return args[2] === undefined ? rows : rows.map((r) => take(r, args[2]));
  },
  XMATCH: (args, array) => {
    if ((args[2] !== undefined && single(array(args[2])) !== 0) || (args[3] !== undefined && single(array(args[3])) !== 1)) {
      throw new ExcelErr("#VALUE!", "the fake host's XMATCH does exact matches from the first item only");
    }
    const wanted = single(array(args[0]));
    const m = array(args[1]);
    if (m.length > 1 && m[0].length > 1) throw new ExcelErr("#VALUE!", "XMATCH looks in one row or one column");
    const list = m.length === 1 ? m[0] : m.map((r) => r[0]);
    const same = (x: unknown) => (typeof x === "string" && typeof wanted === "string" ? x.toUpperCase() === wanted.toUpperCase() : x === wanted);
    const i = list.findIndex(same);
    if (i < 0) throw new ExcelErr("#N/A", `XMATCH found no ${String(wanted)}`);
    return i + 1;
  },
};

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names = new Map<string, { formula: string; comment: string }>();
  settings = new Map<string, unknown>();
  tables: FakeTable[] = [];
  selection: { sheet: string; box: Box } | null = null;
  activeSheet = "";
  /** Host contract violations met while calculating (a bug of the add-in's build, never a user error). */
  readonly violations: string[] = [];
  /** Called with each new violation (the browser host logs it as an error). */
  onViolation: ((message: string) => void) | undefined;
  private nextChartId = 1;
  private listeners = new Set<() => void>();
  /** The calculations requested so far, one after the other. */
  private calculations: Promise<void> = Promise.resolve();

  constructor(readonly excel: CalculationHost = null) {}

  // ----- structure -------------------------------------------------------------------------------

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`sheet ${name} exists`);
    const s: FakeSheet = { name, cells: new Map(), protected: false, charts: [] };
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = name;
    return s;
  }

  deleteSheet(name: string): void {
    this.sheets = this.sheets.filter((s) => s !== this.sheet(name));
    this.tables = this.tables.filter((t) => t.sheet.toLowerCase() !== name.toLowerCase());
    for (const [n, item] of this.names) {
      const ref = parseAddress(item.formula);
      if (ref && ref.sheet.toLowerCase() === name.toLowerCase()) this.names.set(n, { ...item, formula: `=#REF!${item.formula.slice(item.formula.indexOf("!"))}` });
    }
    if (this.activeSheet === name) this.activeSheet = this.sheets[0]?.name ?? "";
  }

  addChart(sheet: FakeSheet, type: string, source: string, seriesBy: string): FakeChart {
    const chart: FakeChart = {
      id: this.nextChartId++, name: `Chart ${this.nextChartId - 1}`, type, source, seriesBy, title: "", from: "", to: "",
      legendVisible: true, categoryTitle: "", valueTitle: "", seriesName: "", xValues: "",
    };
    sheet.charts.push(chart);
    return chart;
  }

  chartById(id: number): { sheet: FakeSheet; chart: FakeChart } | undefined {
    for (const sheet of this.sheets) {
      const chart = sheet.charts.find((c) => c.id === id);
      if (chart) return { sheet, chart };
    }
    return undefined;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(): void {
    for (const l of this.listeners) l();
  }

  // ----- cells -----------------------------------------------------------------------------------

  cell(sheet: FakeSheet, p: CellPos): Cell | undefined {
    return sheet.cells.get(key(p));
  }

  /** Writes what a user or the API puts in a cell: a constant, formula text, or "" / null to clear. */
  setInput(sheet: FakeSheet, p: CellPos, input: unknown): void {
    const k = key(p);
    const old = sheet.cells.get(k);
    if (input === null || input === undefined || input === "") {
      if (old && (old.format || old.bold)) sheet.cells.set(k, { value: "", format: old.format, bold: old.bold, ...(old.spillOf ? { spillOf: old.spillOf } : {}) });
      else if (old?.spillOf) sheet.cells.set(k, { value: old.value, spillOf: old.spillOf });
      else sheet.cells.delete(k);
      return;
    }
    if (typeof input === "string" && input.startsWith("'")) {
      // Excel's text prefix: the rest is text as it stands, read back without the apostrophe.
      sheet.cells.set(k, { input: input.slice(1), value: input.slice(1), text: true, format: old?.format, bold: old?.bold });
      return;
    }
    let v: Scalar = input as Scalar;
    if (typeof input === "string" && !input.startsWith("=") && /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(input.trim())) v = Number(input);
    sheet.cells.set(k, { input: v, value: typeof v === "string" && v.startsWith("=") ? 0 : v, format: old?.format, bold: old?.bold });
  }

  setFormat(sheet: FakeSheet, p: CellPos, format: string): void {
    const k = key(p);
    const old = sheet.cells.get(k);
    if (old) old.format = format;
    else sheet.cells.set(k, { value: "", format });
  }

  setBold(sheet: FakeSheet, p: CellPos, bold: boolean): void {
    const k = key(p);
    const old = sheet.cells.get(k);
    if (old) old.bold = bold;
    else sheet.cells.set(k, { value: "", bold });
  }

  /** `range.formulas` of one cell: the formula or constant, a spill child's value, or "". */
  formulaOf(sheet: FakeSheet, p: CellPos): Scalar {
    const c = sheet.cells.get(key(p));
    if (!c) return "";
    if (c.text && typeof c.input === "string" && /^[=+\-@]/.test(c.input)) return `'${c.input}`;
    if (c.input !== undefined) return c.input;
    return c.spillOf ? c.value : "";
  }

  valueOf(sheet: FakeSheet, p: CellPos): Scalar {
    return sheet.cells.get(key(p))?.value ?? "";
  }

  /** The live spill range of a formula cell, or undefined when it does not spill. */
  spillRange(sheet: FakeSheet, p: CellPos): Box | undefined {
    const k = key(p);
    const anchor = sheet.cells.get(k);
    if (!anchor || anchor.text || typeof anchor.input !== "string" || !anchor.input.startsWith("=")) return undefined;
    let box: Box | undefined;
    for (const [ck, c] of sheet.cells) {
      if (c.spillOf !== k) continue;
      const q = pos(ck);
      box = box ? { top: Math.min(box.top, q.row), left: Math.min(box.left, q.col), bottom: Math.max(box.bottom, q.row), right: Math.max(box.right, q.col) } : { top: p.row, left: p.col, bottom: q.row, right: q.col };
    }
    return box ? { ...box, top: p.row, left: p.col } : undefined;
  }

  // ----- calculation -----------------------------------------------------------------------------

  /**
   * Recalculates every formula, after the calculations already requested. Resolves when every cell
   * shows its result: the ALM.* calls it needs are made through the host (and awaited), then the
   * formulas are recalculated with their answers, until no call is missing.
   */
  calculate(): Promise<void> {
    const run = this.calculations.then(() => this.recalculate());
    this.calculations = run.catch(() => undefined);
    return run;
  }

  /** Resolves when every calculation requested so far has finished. */
  settled(): Promise<void> {
    return this.calculations;
  }

  private async recalculate(): Promise<void> {
    let excel: EmulatedExcel | null = null;
    let missing = "the fake host has no ALM functions loaded";
    try {
      excel = await this.excel;
    } catch (e) {
      missing = `the ALM functions could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      this.violation(missing);
    }
    const calc: Calc = { excel, declared: new Set(excel?.ids() ?? []), missing, answers: new Map(), pending: new Map() };
    for (let round = 1; ; round++) {
      calc.pending.clear();
      this.calculatePasses(calc);
      if (calc.pending.size === 0 || !excel) return;
      if (round === MAX_ROUNDS) {
        this.violation(`the calculation did not settle after ${MAX_ROUNDS} rounds: ${[...calc.pending.values()].map((c) => `ALM.${c.id}`).join(", ")} still #BUSY!`);
        return;
      }
      const calls = [...calc.pending];
      const answers = await Promise.all(calls.map(([, c]) => this.ask(excel, c.id, c.args)));
      calls.forEach(([k], i) => calc.answers.set(k, answers[i]));
    }
  }

  /** One ALM.* call through the host: what the cell shows, or the error Excel would show. */
  private async ask(excel: EmulatedExcel, id: string, args: HostArg[]): Promise<Answer> {
    try {
      return { ok: true, value: await excel.call(id, args) };
    } catch (e) {
      if (e instanceof HostError) return { ok: false, error: new ExcelErr(e.code, e.message) };
      const message = e instanceof Error ? e.message : String(e);
      // A contract violation (or any other failure of the host) is a bug of the build: record it loudly.
      this.violation(e instanceof HostContractViolation ? message : `ALM.${id} failed in the emulated host: ${message}`);
      return { ok: false, error: new ExcelErr("#VALUE!", message) };
    }
  }

  private violation(message: string): void {
    if (this.violations.includes(message)) return;
    this.violations.push(message);
    this.onViolation?.(message);
  }

  /** Two passes over every formula, so formulas over other results settle; synchronous. */
  private calculatePasses(calc: Calc): void {
    for (let pass = 0; pass < 2; pass++) {
      for (const sheet of this.sheets) {
        for (const [k, c] of [...sheet.cells]) {
          if (c.spillOf && c.input === undefined) {
            if (c.format || c.bold) sheet.cells.set(k, { value: "", format: c.format, bold: c.bold });
            else sheet.cells.delete(k);
          } else if (c.spillOf) delete c.spillOf;
        }
      }
      for (const sheet of this.sheets) {
        const formulas = [...sheet.cells].filter(([, c]) => !c.text && typeof c.input === "string" && c.input.startsWith("=")).sort(([a], [b]) => {
          const pa = pos(a);
          const pb = pos(b);
          return pa.row - pb.row || pa.col - pb.col;
        });
        for (const [k, c] of formulas) this.evaluateCell(sheet, pos(k), c, calc);
      }
    }
  }

  private evaluateCell(sheet: FakeSheet, p: CellPos, c: Cell, calc: Calc): void {
    let result: Val;
    try {
      result = this.evaluate((c.input as string).slice(1), sheet, calc);
    } catch (e) {
      result = e instanceof ExcelErr ? e : new ExcelErr("#VALUE!", e instanceof Error ? e.message : String(e));
    }
    if (result && typeof result === "object" && !Array.isArray(result) && (result as Ref).kind === "ref") result = this.rangeValues(result as Ref);
    delete c.error;
    if (result instanceof ExcelErr) {
      c.value = result.code;
      c.error = result.message;
      return;
    }
    if (!Array.isArray(result)) {
      c.value = result === null || result === undefined ? 0 : (result as Scalar);
      return;
    }
    const rows = result as unknown[][];
    const box = boxOf(p, rows.length, Math.max(0, ...rows.map((r) => r.length)));
    for (let r = box.top; r <= box.bottom; r++) {
      for (let col = box.left; col <= box.right; col++) {
        if (r === p.row && col === p.col) continue;
        const other = sheet.cells.get(key({ row: r, col }));
        if (other && (other.input !== undefined || other.spillOf)) {
          c.value = "#SPILL!";
          c.error = `Spill range ${boxAddress(box)} isn't blank (${cellAddress({ row: r, col })})`;
          return;
        }
      }
    }
    const anchorKey = key(p);
    rows.forEach((row, i) =>
      row.forEach((v, j) => {
        const cellValue: Scalar = isErrorObject(v) ? v.code : v === null || v === undefined ? "" : (v as Scalar);
        if (i === 0 && j === 0) {
          c.value = cellValue;
          if (isErrorObject(v)) c.error = v.message;
          return;
        }
        const k = key({ row: p.row + i, col: p.col + j });
        const old = sheet.cells.get(k);
        sheet.cells.set(k, { value: cellValue, spillOf: anchorKey, format: old?.format, bold: old?.bold, ...(isErrorObject(v) ? { error: v.message } : {}) });
      })
    );
  }

  /** Values of a reference as the functions receive them: blanks as null. */
  rangeValues(ref: Ref): unknown[][] {
    const sheet = this.sheet(ref.sheet);
    if (!sheet) throw new ExcelErr("#REF!", `no sheet ${ref.sheet}`);
    const out: unknown[][] = [];
    for (let r = ref.box.top; r <= ref.box.bottom; r++) {
      const row: unknown[] = [];
      for (let c = ref.box.left; c <= ref.box.right; c++) {
        const v = this.valueOf(sheet, { row: r, col: c });
        row.push(v === "" ? null : v);
      }
      out.push(row);
    }
    return out;
  }

  /** Resolves a reference text: `Sheet!A1:B2`, `A1` on `here`, a table `T[#All]` or a defined name. */
  resolveRef(text: string, here: FakeSheet | undefined, depth = 0): Ref {
    const table = /^([A-Za-z_][A-Za-z0-9_.]*)\[(#All|#Data|)\]$/i.exec(text);
    if (table) {
      const t = this.tables.find((x) => x.name.toLowerCase() === table[1].toLowerCase());
      if (!t) throw new ExcelErr("#REF!", `no table ${table[1]}`);
      const box = /#Data/i.test(table[2]) || table[2] === "" ? { ...t.box, top: t.box.top + 1 } : t.box;
      return { kind: "ref", sheet: t.sheet, box };
    }
    const addr = parseAddress(text, here?.name);
    if (addr && (text.includes("!") || parseBox(text))) {
      if (!this.sheet(addr.sheet)) throw new ExcelErr("#REF!", `no sheet ${addr.sheet}`);
      return { kind: "ref", sheet: this.sheet(addr.sheet)!.name, box: addr.box };
    }
    const name = [...this.names.keys()].find((n) => n.toLowerCase() === text.toLowerCase());
    if (name && depth < 5) {
      const formula = this.names.get(name)!.formula.replace(/^=/, "");
      if (formula.startsWith("#REF!")) throw new ExcelErr("#REF!", `name ${name} refers to a deleted sheet`);
      return this.resolveRef(formula, here, depth + 1);
    }
    throw new ExcelErr("#NAME?", `unknown name ${text}`);
  }

  /** A reference as an ALM.* argument: its cells, empty ones null, error values as errors. */
  private argValues(ref: Ref): HostCell[][] {
    const sheet = this.sheet(ref.sheet);
    if (!sheet) throw new ExcelErr("#REF!", `no sheet ${ref.sheet}`);
    return this.rangeValues(ref).map((row, i) =>
      row.map((v, j) => {
        if (typeof v !== "string" || !ERROR_VALUE.test(v)) return v as HostCell;
        const at = { row: ref.box.top + i, col: ref.box.left + j };
        return new HostError(v, `${quoteSheet(sheet.name)}!${cellAddress(at)} shows ${v}${this.cell(sheet, at)?.error ? ` (${this.cell(sheet, at)?.error})` : ""}`);
      })
    );
  }

  private evaluate(src: string, here: FakeSheet, calc: Calc): Val {
    const toks = tokenize(src);
    let i = 0;
    const peek = () => toks[i];
    const take = () => toks[i++];
    const scalar = (v: Val): Scalar | null => {
      if (v instanceof ExcelErr) throw v;
      if (Array.isArray(v)) {
        const x = v[0]?.[0] ?? null;
        if (isErrorObject(x)) throw new ExcelErr(x.code, x.message ?? "");
        return x as Scalar | null;
      }
      if (v && typeof v === "object" && (v as Ref).kind === "ref") {
        const r = v as Ref;
        const values = this.rangeValues({ ...r, box: { ...r.box, bottom: r.box.top, right: r.box.left } });
        const x = values[0][0] as Scalar | null;
        if (typeof x === "string" && x.startsWith("#")) throw new ExcelErr(x, "error in a referenced cell");
        return x;
      }
      return v as Scalar | null;
    };
    const numeric = (v: Val): number => {
      const s = scalar(v);
      if (s === null || s === "") return 0;
      if (typeof s === "number") return s;
      if (typeof s === "boolean") return s ? 1 : 0;
      throw new ExcelErr("#VALUE!", `"${s}" is not a number`);
    };
    const expr = (): Val => {
      let left = term();
      while (peek()?.t === "op" && (peek()!.v === "+" || peek()!.v === "-")) {
        const op = take().v;
        const right = term();
        left = op === "+" ? numeric(left) + numeric(right) : numeric(left) - numeric(right);
      }
      return left;
    };
    const term = (): Val => {
      let left = factor();
      while (peek()?.t === "op" && (peek()!.v === "*" || peek()!.v === "/")) {
        const op = take().v;
        const right = factor();
        if (op === "/" && numeric(right) === 0) throw new ExcelErr("#DIV/0!", "division by zero");
        left = op === "*" ? numeric(left) * numeric(right) : numeric(left) / numeric(right);
      }
      return left;
    };
    const factor = (): Val => {
      const tok = peek();
      if (tok?.t === "op" && tok.v === "-") {
        take();
        return -numeric(factor());
      }
      if (tok?.t === "op" && tok.v === "+") {
        take();
        return numeric(factor());
      }
      return primary();
    };
    const primary = (): Val => {
      const tok = take();
      if (!tok) throw new ExcelErr("#VALUE!", "formula ends early");
      if (tok.t === "num") return tok.v;
      if (tok.t === "str") return tok.v;
      if (tok.t === "ref") return this.resolveRef(tok.v, here);
      if (tok.t === "op" && tok.v === "(") {
        const v = expr();
        if (take()?.v !== ")") throw new ExcelErr("#VALUE!", "missing )");
        return v;
      }
      if (tok.t === "id") {
        if (peek()?.t === "op" && peek()!.v === "(") {
          take();
          const args: Val[] = [];
          let expectArg = true;
          while (!(peek()?.t === "op" && peek()!.v === ")")) {
            if (!peek()) throw new ExcelErr("#VALUE!", "missing )");
            if (peek()!.t === "op" && peek()!.v === ",") {
              take();
              if (expectArg) args.push(undefined);
              expectArg = true;
              continue;
            }
            args.push(expr());
            expectArg = false;
          }
          take();
          if (expectArg && args.length > 0) args.push(undefined);
          return this.call(tok.v, args, calc);
        }
        if (/^(TRUE|FALSE)$/i.test(tok.v)) return tok.v.toUpperCase() === "TRUE";
        return this.resolveRef(tok.v, here);
      }
      throw new ExcelErr("#VALUE!", `unexpected ${tok.v}`);
    };
    const v = expr();
    if (i < toks.length) throw new ExcelErr("#VALUE!", `unexpected ${toks[i].v}`);
    return v;
  }

  /**
   * An ALM.* call: its answer when this calculation has it; otherwise the call is noted for the host
   * and the cell shows #BUSY! until the next round.
   */
  private call(name: string, args: Val[], calc: Calc): Val {
    const builtin = BUILTINS[name.toUpperCase()];
    if (builtin) return builtin(args, (v) => this.arrayOf(v));
    const m = /^ALM\.([A-Z0-9_.]+)$/i.exec(name);
    if (!m) throw new ExcelErr("#NAME?", `the fake host evaluates only ALM.* functions and ${Object.keys(BUILTINS).join(", ")}, not ${name}`);
    const id = m[1].toUpperCase();
    if (!calc.excel) throw new ExcelErr("#NAME?", calc.missing);
    if (!calc.declared.has(id)) throw new ExcelErr("#NAME?", `ALM.${id} is not declared in this build's functions.json`);
    const hostArgs = args.map((a): HostArg => {
      if (a instanceof ExcelErr) throw a;
      if (a && typeof a === "object" && !Array.isArray(a) && (a as Ref).kind === "ref") return this.argValues(a as Ref);
      return a as HostArg;
    });
    // An argument still being calculated: this call waits for it.
    const busy = hostArgs.some((a) => (Array.isArray(a) ? a.some((row) => row.some((v) => v instanceof HostError && v.code === "#BUSY!")) : a instanceof HostError && a.code === "#BUSY!"));
    if (busy) throw new ExcelErr("#BUSY!", "waiting for an argument that is still calculating");
    const k = callKey(id, hostArgs);
    const answer = calc.answers.get(k);
    if (!answer) {
      calc.pending.set(k, { id, args: hostArgs });
      throw new ExcelErr("#BUSY!", `ALM.${id} is calculating`);
    }
    if (!answer.ok) throw answer.error;
    return cloneCells(answer.value) as Val;
  }

  /**
   * An argument of an Excel function as an array: a reference's cells (errors as errors), where a blank
   * cell reads as 0 — as in any array Excel computes from a range (`=CHOOSECOLS(A1:B3,1)` shows 0 for a
   * blank) — or a value as a 1×1 array.
   */
  private arrayOf(v: Val): unknown[][] {
    if (v instanceof ExcelErr) throw v;
    if (Array.isArray(v)) return v as unknown[][];
    if (v && typeof v === "object" && (v as Ref).kind === "ref") return this.argValues(v as Ref).map((row) => row.map((c) => (c === null ? 0 : c)));
    return [[v ?? 0]];
  }

  // ----- inspection ------------------------------------------------------------------------------

  /** A plain, comparable picture of the workbook: every non-empty cell's input, value and format. */
  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => ({
        name: s.name,
        protected: s.protected,
        cells: Object.fromEntries(
          [...s.cells]
            .sort(([a], [b]) => pos(a).row - pos(b).row || pos(a).col - pos(b).col)
            .map(([k, c]) => [cellAddress(pos(k)), { input: c.input, value: c.value, format: c.format, spill: c.spillOf ? cellAddress(pos(c.spillOf)) : undefined, error: c.error }])
        ),
        charts: s.charts.map(({ id: _id, ...rest }) => rest),
      })),
      names: Object.fromEntries([...this.names].map(([n, v]) => [n, v.formula])),
      settings: Object.fromEntries(this.settings),
    };
  }

  /** Everything needed to rebuild the workbook (calculated values are recomputed). */
  serialize(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({
        name: s.name,
        protected: s.protected,
        charts: s.charts,
        cells: [...s.cells].filter(([, c]) => c.input !== undefined || c.format || c.bold).map(([k, c]) => [k, { input: c.input, text: c.text, format: c.format, bold: c.bold }]),
      })),
      names: [...this.names],
      settings: [...this.settings],
      tables: this.tables,
      selection: this.selection,
      activeSheet: this.activeSheet,
      nextChartId: this.nextChartId,
    });
  }

  /** The workbook `serialize` saved; its first calculation is under way (`settled()` waits for it). */
  static restore(text: string, excel: CalculationHost): FakeWorkbook {
    const data = JSON.parse(text);
    const wb = new FakeWorkbook(excel);
    wb.sheets = data.sheets.map((s: { name: string; protected: boolean; charts: FakeChart[]; cells: [string, Cell][] }) => ({
      name: s.name,
      protected: s.protected,
      charts: s.charts,
      cells: new Map(s.cells.map(([k, c]) => [k, { ...c, value: c.input ?? "" }])),
    }));
    wb.names = new Map(data.names);
    wb.settings = new Map(data.settings);
    wb.tables = data.tables;
    wb.selection = data.selection;
    wb.activeSheet = data.activeSheet;
    wb.nextChartId = data.nextChartId;
    void wb.calculate();
    return wb;
  }

  /** Cells users typed (input present), keyed `'Sheet'!A1`, for data-safety comparisons. */
  inputs(): Map<string, { input: Scalar; format?: string }> {
    const out = new Map<string, { input: Scalar; format?: string }>();
    for (const s of this.sheets) {
      for (const [k, c] of s.cells) if (c.input !== undefined) out.set(`${quoteSheet(s.name)}!${cellAddress(pos(k))}`, { input: c.input, format: c.format });
    }
    return out;
  }
}

export interface WorkbookSnapshot {
  sheets: { name: string; protected: boolean; cells: Record<string, { input?: Scalar; value: Scalar; format?: string; spill?: string; error?: string }>; charts: Omit<FakeChart, "id">[] }[];
  names: Record<string, string>;
  settings: Record<string, unknown>;
}

export { ExcelErr, contains, parseCell };
