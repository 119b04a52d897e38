/**
 * An in-memory workbook for the fake Office host: sheets of cells, defined names, tables, settings and
 * charts, with just enough calculation to show what the add-in writes. A cell holding a formula made of
 * ALM.* calls, references, defined names, numbers, text and + − × ÷ is evaluated through the ALM
 * functions (`functionsById`), and a table result spills like a dynamic array (or shows #SPILL!).
 * Anything else keeps its formula and shows #NAME?. Not Excel: a test and preview double.
 */
import { boxAddress, boxOf, cellAddress, contains, parseAddress, parseBox, parseCell, quoteSheet, type Box, type CellPos } from "../../src/taskpane/excel/a1";

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

export type AlmFunction = (...args: unknown[]) => unknown;

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

type Val = Scalar | null | ExcelErr | Ref | unknown[][];

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

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names = new Map<string, { formula: string; comment: string }>();
  settings = new Map<string, unknown>();
  tables: FakeTable[] = [];
  selection: { sheet: string; box: Box } | null = null;
  activeSheet = "";
  private nextChartId = 1;
  private listeners = new Set<() => void>();

  constructor(public functions: Record<string, AlmFunction | undefined> = {}) {}

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

  /** Recalculates every formula (two passes, so formulas over other results settle). */
  calculate(): void {
    const cache = new Map<string, unknown>();
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
        for (const [k, c] of formulas) this.evaluateCell(sheet, pos(k), c, cache);
      }
    }
  }

  private evaluateCell(sheet: FakeSheet, p: CellPos, c: Cell, cache: Map<string, unknown>): void {
    let result: Val;
    try {
      result = this.evaluate((c.input as string).slice(1), sheet, cache);
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
      c.value = result === null ? 0 : (result as Scalar);
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

  private evaluate(src: string, here: FakeSheet, cache: Map<string, unknown>): Val {
    const toks = tokenize(src);
    let i = 0;
    const peek = () => toks[i];
    const take = () => toks[i++];
    const scalar = (v: Val): Scalar | null => {
      if (v instanceof ExcelErr) throw v;
      if (Array.isArray(v)) return (v[0]?.[0] ?? null) as Scalar | null;
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
              if (expectArg) args.push(null);
              expectArg = true;
              continue;
            }
            args.push(expr());
            expectArg = false;
          }
          take();
          if (expectArg && args.length > 0) args.push(null);
          return this.call(tok.v, args, cache);
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

  private call(name: string, args: Val[], cache: Map<string, unknown>): Val {
    const m = /^ALM\.([A-Z0-9_.]+)$/i.exec(name);
    if (!m) throw new ExcelErr("#NAME?", `the fake host evaluates only ALM.* functions, not ${name}`);
    const id = m[1].toUpperCase();
    const fn = this.functions[id];
    if (!fn) throw new ExcelErr("#NAME?", `ALM.${id} is not in this build of the functions`);
    const plain = args.map((a) => {
      if (a instanceof ExcelErr) throw a;
      if (a && typeof a === "object" && !Array.isArray(a) && (a as Ref).kind === "ref") {
        const values = this.rangeValues(a as Ref);
        for (const row of values) for (const v of row) if (typeof v === "string" && /^#(VALUE!|NUM!|N\/A|NAME\?|REF!|DIV\/0!|SPILL!|NULL!|CALC!|BUSY!)$/.test(v)) throw new ExcelErr(v, "error in an argument");
        return values;
      }
      return a;
    });
    const cacheKey = `${id}(${JSON.stringify(plain)})`;
    if (cache.has(cacheKey)) {
      const hit = cache.get(cacheKey);
      if (hit instanceof ExcelErr) throw hit;
      return cloneCells(hit) as Val;
    }
    try {
      const out = fn(...plain) as Val;
      cache.set(cacheKey, cloneCells(out));
      return out;
    } catch (e) {
      const err = isErrorObject(e) ? new ExcelErr(e.code, e.message ?? "") : new ExcelErr("#VALUE!", e instanceof Error ? e.message : String(e));
      cache.set(cacheKey, err);
      throw err;
    }
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

  static restore(text: string, functions: Record<string, AlmFunction | undefined>): FakeWorkbook {
    const data = JSON.parse(text);
    const wb = new FakeWorkbook(functions);
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
    wb.calculate();
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
