/**
 * Ownership of what the add-in writes, pure. The ledger (kept in the workbook settings) records every
 * cell the add-in wrote with the content it wrote, the spill areas its formulas need, the names it
 * defined and the charts it added. Before a write, the gateway reads what is in the workbook now and
 * `planWrite` decides, cell by cell, whether the add-in may write there without asking:
 *
 * - an empty cell: yes;
 * - a cell the add-in wrote that still holds what it wrote: yes (a second run updates in place);
 * - a cell inside the live spill of one of the add-in's own formulas: yes;
 * - anything else (typed by someone, or an add-in cell edited since): only when the user confirmed that
 *   very cell; otherwise it is a conflict and nothing is written.
 *
 * Cells the add-in wrote before and no longer needs are cleared when unchanged, and left alone (and
 * forgotten) when someone edited them.
 */
import { boxAddress, boxOf, cellAddress, cellKey, cellsOf, compactCells, contains, parseBox, parseCell, quoteSheet, union, type Box, type CellPos } from "./a1";
import type { CellBlock, ChartPlan, NamePlan, OutputPlan, SheetPlan, SpillArea } from "./sheetLayouts";

export type CellContent = string | number | boolean;

export interface SpillRecord {
  readonly anchor: string;
  readonly rows: number;
  readonly cols: number;
}

export interface SheetLedger {
  /** True when the add-in created the sheet. */
  readonly created: boolean;
  /** Relative address (`B5`) → content as written: the output the add-in manages on this sheet. */
  readonly cells: Readonly<Record<string, CellContent>>;
  readonly spills: readonly SpillRecord[];
  /**
   * Rectangles (`A2:V297`) the add-in wrote as the user's data (the sample bank, CellBlock.data). Only
   * where they are is recorded, not what they hold: those cells are the user's from then on, so no
   * later write takes them as the add-in's.
   */
  readonly ranges?: readonly string[];
}

export interface Ledger {
  readonly version: 1;
  readonly sheets: Readonly<Record<string, SheetLedger>>;
  readonly names: Readonly<Record<string, { readonly reference: string; readonly owner: string }>>;
  /** Charts the add-in added, with what it set on them (to put a chart back after a failed update). */
  readonly charts: readonly LedgerChart[];
  /** Excel tables the add-in added (the sample bank's positions), by sheet and name. */
  readonly tables?: readonly LedgerTable[];
}

export interface LedgerTable {
  readonly sheet: string;
  readonly name: string;
}

export interface LedgerChart {
  readonly sheet: string;
  readonly name: string;
  readonly spec?: ChartPlan;
}

export const EMPTY_LEDGER: Ledger = { version: 1, sheets: {}, names: {}, charts: [] };

/** A ledger read from settings, or the empty ledger when the value is missing or not a ledger. */
export function readLedger(raw: unknown): Ledger {
  let value = raw;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return EMPTY_LEDGER;
    }
  }
  const o = value as Partial<Ledger> | null;
  if (!o || typeof o !== "object" || o.version !== 1 || typeof o.sheets !== "object" || o.sheets === null) return EMPTY_LEDGER;
  const tables = Array.isArray(o.tables) ? { tables: o.tables } : {};
  return { version: 1, sheets: readSheets(o.sheets), names: o.names ?? {}, charts: Array.isArray(o.charts) ? o.charts : [], ...tables };
}

/** Sheet records as saved, keeping only what a record holds (cells, spills, data rectangles). */
function readSheets(sheets: Readonly<Record<string, unknown>>): Record<string, SheetLedger> {
  const out: Record<string, SheetLedger> = {};
  for (const [name, raw] of Object.entries(sheets)) {
    const s = raw as Partial<SheetLedger> | null;
    if (!s || typeof s !== "object") continue;
    const ranges = Array.isArray(s.ranges) ? s.ranges.filter((r): r is string => typeof r === "string" && parseBox(r) !== undefined) : [];
    out[name] = {
      created: s.created === true,
      cells: s.cells && typeof s.cells === "object" ? s.cells : {},
      spills: Array.isArray(s.spills) ? s.spills : [],
      ...(ranges.length > 0 ? { ranges } : {}),
    };
  }
  return out;
}

/** The ledger as saved in settings (JSON). */
export function serializeLedger(ledger: Ledger): string {
  return JSON.stringify(ledger);
}

/** What exists in the workbook now, for `pruneLedger`. Sheet, table and name lookups ignore case, as Excel does. */
export interface WorkbookInventory {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly names: readonly string[];
  /** False for a chart of the ledger that is gone; when omitted, only charts on missing sheets are dropped. */
  readonly chartExists?: (chart: LedgerChart) => boolean;
}

/**
 * The ledger without what no longer exists: sheets that were deleted (their cells and spills), charts
 * on them or deleted, tables that were deleted or whose sheet was, names that were deleted. Everything
 * else is kept as it is. A sheet created again later under the same name starts with no record, so
 * none of its cells counts as the add-in's.
 */
export function pruneLedger(ledger: Ledger, inv: WorkbookInventory): Ledger {
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const sheetSet = lower(inv.sheets);
  const tableSet = lower(inv.tables);
  const nameSet = lower(inv.names);
  const hasSheet = (n: string) => sheetSet.has(n.toLowerCase());
  const sheets = Object.fromEntries(Object.entries(ledger.sheets).filter(([n]) => hasSheet(n)));
  const names = Object.fromEntries(Object.entries(ledger.names).filter(([n]) => nameSet.has(n.toLowerCase())));
  const charts = ledger.charts.filter((c) => hasSheet(c.sheet) && (inv.chartExists ? inv.chartExists(c) : true));
  const tables = ledger.tables ? { tables: ledger.tables.filter((t) => hasSheet(t.sheet) && tableSet.has(t.name.toLowerCase())) } : {};
  return { version: 1, sheets, names, charts, ...tables };
}

/** What the gateway read from one sheet before writing. */
export interface SheetSnapshot {
  readonly exists: boolean;
  readonly protected: boolean;
  /** The box read; formulas and formats are over this box. Null when nothing was read. */
  readonly box: Box | null;
  /** `range.formulas`: a formula text, a constant, or "" for empty; spill children show their value. */
  readonly formulas: readonly (readonly unknown[])[];
  readonly formats: readonly (readonly unknown[])[];
  /** Live spill range of each ledger spill anchor (relative address), or null when it does not spill. */
  readonly spills: Readonly<Record<string, Box | null>>;
}

export interface Snapshot {
  readonly sheets: Readonly<Record<string, SheetSnapshot>>;
  /** Current formula of each name in question, or null when the workbook has no such name. */
  readonly names: Readonly<Record<string, string | null>>;
}

export interface Conflict {
  /** `'ALM Results'!B5`, or `name:ALM_Curve` for a defined name. */
  readonly key: string;
  readonly sheet: string | null;
  readonly address: string;
  readonly current: string;
  readonly reason: "occupied" | "edited" | "name-exists" | "name-edited";
}

export interface SheetWrite {
  readonly sheet: string;
  readonly create: boolean;
  readonly blocks: readonly CellBlock[];
  readonly spills: readonly SpillArea[];
  /** Cells to clear: the add-in's earlier cells no longer planned, and confirmed cells in spill areas. */
  readonly clears: readonly Box[];
  /** How many of the cleared cells are the add-in's earlier, no longer planned cells. */
  readonly staleCells: number;
}

export interface NameWrite {
  readonly name: string;
  /** New reference, or null to delete the name. */
  readonly reference: string | null;
  readonly comment: string;
  /** Formula before the write (null: the name did not exist), for undo. */
  readonly previous: string | null;
}

export interface WritePlan {
  readonly protectedSheets: readonly string[];
  readonly conflicts: readonly Conflict[];
  readonly sheets: readonly SheetWrite[];
  readonly names: readonly NameWrite[];
  /** The add-in's charts that are no longer planned. */
  readonly chartsToDelete: readonly LedgerChart[];
  /** Planned charts; `previous` is the add-in's chart of that name from an earlier run, if any. */
  readonly charts: readonly { readonly plan: ChartPlan; readonly previous: LedgerChart | null }[];
  /** Ledger to save once everything is written. */
  readonly ledger: Ledger;
  /** Add-in cells someone edited that are no longer part of the plan: left as they are. */
  readonly released: readonly string[];
  readonly overwritten: readonly Conflict[];
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === "";

/** Formula text compared as Excel may return it: case and spacing outside text literals ignored. */
export function normalizeFormula(text: string): string {
  let out = "";
  let quoted = false;
  for (const ch of text.trim()) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && /\s/.test(ch)) continue;
    out += quoted ? ch : ch.toUpperCase();
  }
  return out;
}

/** True when a cell's current content is what the add-in wrote. */
export function sameContent(current: unknown, written: CellContent): boolean {
  if (typeof written === "number") return typeof current === "number" && Math.abs(current - written) <= 1e-12 * Math.max(1, Math.abs(written));
  if (typeof written === "boolean") return current === written;
  if (written === "") return isEmpty(current);
  if (typeof current !== "string") return false;
  if (written.startsWith("=")) return normalizeFormula(current) === normalizeFormula(written);
  // Text written with Excel's text prefix may read back with or without the apostrophe.
  return current === written || (written.startsWith("'") && current === written.slice(1));
}

export function showContent(v: unknown): string {
  const s = typeof v === "string" ? v : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function cellAt(snap: SheetSnapshot, pos: CellPos): unknown {
  if (!snap.box || !contains(snap.box, pos)) return "";
  return snap.formulas[pos.row - snap.box.top]?.[pos.col - snap.box.left] ?? "";
}

function formatAt(snap: SheetSnapshot, pos: CellPos): string {
  if (!snap.box || !contains(snap.box, pos)) return "General";
  const f = snap.formats[pos.row - snap.box.top]?.[pos.col - snap.box.left];
  return typeof f === "string" ? f : "General";
}

/** The rectangle a block writes. */
export function blockBox(b: CellBlock): Box {
  return boxOf(b.anchor, b.cells.length, Math.max(1, ...b.cells.map((r) => r.length)));
}

/** Every cell a sheet plan occupies: block cells and spill areas. */
export function footprint(plan: SheetPlan): Box[] {
  return [
    ...plan.blocks.map(blockBox),
    ...plan.spills.map((s) => boxOf(s.anchor, s.rows, s.cols)),
  ];
}

/** The box to read from a sheet before writing: the plan's footprint and the add-in's earlier cells. */
export function readBox(plan: SheetPlan | undefined, ledger: SheetLedger | undefined): Box | undefined {
  const boxes = plan ? footprint(plan) : [];
  if (ledger) {
    for (const a of Object.keys(ledger.cells)) {
      const b = parseBox(a);
      if (b) boxes.push(b);
    }
    for (const s of ledger.spills) {
      const p = parseCell(s.anchor);
      if (p) boxes.push(boxOf(p, s.rows, s.cols));
    }
  }
  return union(boxes);
}

/** Cells of the plan's blocks with the content the add-in will write (without the data blocks, if asked). */
function blockCells(plan: SheetPlan, withData = true): Map<string, { pos: CellPos; value: CellContent }> {
  const out = new Map<string, { pos: CellPos; value: CellContent }>();
  for (const b of plan.blocks) {
    if (b.data && !withData) continue;
    b.cells.forEach((row, i) =>
      row.forEach((value, j) => {
        const pos = { row: b.anchor.row + i, col: b.anchor.col + j };
        out.set(cellAddress(pos), { pos, value });
      })
    );
  }
  return out;
}

/** Decides what may be written (see the module comment). Pure: the same inputs give the same plan. */
export function planWrite(plan: OutputPlan, ledger: Ledger, snapshot: Snapshot, allowOverwrite: ReadonlySet<string>): WritePlan {
  const planSheets = new Set(plan.sheets.map((s) => s.sheet));
  const protectedSheets = plan.sheets.filter((s) => snapshot.sheets[s.sheet]?.exists && snapshot.sheets[s.sheet]?.protected).map((s) => s.sheet);
  const conflicts: Conflict[] = [];
  const overwritten: Conflict[] = [];
  const released: string[] = [];
  const sheets: SheetWrite[] = [];
  const ledgerSheets: Record<string, SheetLedger> = { ...ledger.sheets };
  const consider = (c: Conflict) => (allowOverwrite.has(c.key) ? overwritten.push(c) : conflicts.push(c));

  for (const sp of plan.sheets) {
    const snap = snapshot.sheets[sp.sheet] ?? { exists: false, protected: false, box: null, formulas: [], formats: [], spills: {} };
    const old = snap.exists ? ledger.sheets[sp.sheet] : undefined;
    const oldCells = old?.cells ?? {};
    // Live spills of the add-in's own formulas (anchor still holds what the add-in wrote).
    const ownSpills: Box[] = [];
    for (const s of old?.spills ?? []) {
      const live = snap.spills[s.anchor];
      const pos = parseCell(s.anchor);
      const written = oldCells[s.anchor];
      if (live && pos && written !== undefined && sameContent(cellAt(snap, pos), written)) ownSpills.push(live);
    }
    const inOwnSpill = (pos: CellPos) => ownSpills.some((b) => contains(b, pos));
    const check = (pos: CellPos) => {
      const addr = cellAddress(pos);
      const current = cellAt(snap, pos);
      if (isEmpty(current)) return;
      const written = oldCells[addr];
      if (written !== undefined && sameContent(current, written)) return;
      if (written === undefined && inOwnSpill(pos)) return;
      consider({
        key: cellKey(sp.sheet, pos),
        sheet: sp.sheet,
        address: `${quoteSheet(sp.sheet)}!${addr}`,
        current: showContent(current),
        reason: written !== undefined ? "edited" : "occupied",
      });
    };
    const cells = blockCells(sp);
    const seen = new Set<string>();
    for (const { pos } of cells.values()) {
      seen.add(cellAddress(pos));
      check(pos);
    }
    for (const s of sp.spills) {
      for (const pos of cellsOf(boxOf(s.anchor, s.rows, s.cols))) {
        const a = cellAddress(pos);
        if (seen.has(a)) continue;
        seen.add(a);
        check(pos);
      }
    }
    // Cells written before and not needed now.
    const stale: CellPos[] = [];
    for (const [addr, written] of Object.entries(oldCells)) {
      if (seen.has(addr)) continue;
      const pos = parseCell(addr);
      if (!pos) continue;
      if (sameContent(cellAt(snap, pos), written)) {
        if (!isEmpty(written)) stale.push(pos);
      } else {
        released.push(`${quoteSheet(sp.sheet)}!${addr}`);
      }
    }
    // Confirmed cells inside a spill area are cleared, so the formula can spill over them.
    const clearedForSpill = overwritten.filter((c) => c.sheet === sp.sheet).map((c) => parseCell(c.address.slice(c.address.lastIndexOf("!") + 1))).filter((p): p is CellPos => p !== undefined && !cells.has(cellAddress(p)));
    const created = !snap.exists || (old?.created ?? false);
    sheets.push({ sheet: sp.sheet, create: !snap.exists, blocks: sp.blocks, spills: sp.spills, clears: compactCells([...stale, ...clearedForSpill]), staleCells: stale.length });
    const nextCells: Record<string, CellContent> = {};
    for (const [addr, { value }] of blockCells(sp, false)) nextCells[addr] = value;
    const ranges = [...new Set([...(old?.ranges ?? []), ...sp.blocks.filter((b) => b.data).map((b) => boxAddress(blockBox(b)))])];
    ledgerSheets[sp.sheet] = {
      created,
      cells: nextCells,
      spills: sp.spills.map((s) => ({ anchor: cellAddress(s.anchor), rows: s.rows, cols: s.cols })),
      ...(ranges.length > 0 ? { ranges } : {}),
    };
  }

  // Names: the plan's, plus the add-in's earlier names owned by the sheets being written.
  const names: NameWrite[] = [];
  const ledgerNames: Record<string, { reference: string; owner: string }> = {};
  for (const [n, rec] of Object.entries(ledger.names)) if (!planSheets.has(rec.owner)) ledgerNames[n] = rec;
  const plannedNames = new Map<string, NamePlan>(plan.names.map((n) => [n.name, n]));
  for (const np of plan.names) {
    const current = snapshot.names[np.name] ?? null;
    const mine = ledger.names[np.name];
    if (current !== null) {
      if (!mine) consider({ key: `name:${np.name}`, sheet: null, address: np.name, current: showContent(current), reason: "name-exists" });
      // A name of the add-in's that shows #REF! lost its sheet (deleted): still the add-in's own.
      else if (normalizeFormula(current) !== normalizeFormula(mine.reference) && !current.includes("#REF!")) consider({ key: `name:${np.name}`, sheet: null, address: np.name, current: showContent(current), reason: "name-edited" });
    }
    ledgerNames[np.name] = { reference: np.reference, owner: np.owner };
    if (current === null || normalizeFormula(current) !== normalizeFormula(np.reference)) names.push({ name: np.name, reference: np.reference, comment: np.comment, previous: current });
  }
  for (const [n, rec] of Object.entries(ledger.names)) {
    if (!planSheets.has(rec.owner) || plannedNames.has(n)) continue;
    const current = snapshot.names[n] ?? null;
    if (current === null) continue;
    if (normalizeFormula(current) === normalizeFormula(rec.reference)) names.push({ name: n, reference: null, comment: "", previous: current });
    else released.push(n);
  }

  const same = (a: { sheet: string; name: string }, b: { sheet: string; name: string }) => a.sheet === b.sheet && a.name === b.name;
  const planned = (c: LedgerChart) => plan.charts.some((p) => same(p, c));
  const chartsToDelete = ledger.charts.filter((c) => planSheets.has(c.sheet) && !planned(c));
  const charts = plan.charts.map((p) => ({ plan: p, previous: ledger.charts.find((c) => same(c, p)) ?? null }));
  const newTables = plan.tables ?? [];
  const tables = [...(ledger.tables ?? []).filter((t) => !newTables.some((n) => n.name.toLowerCase() === t.name.toLowerCase())), ...newTables.map(({ sheet, name }) => ({ sheet, name }))];
  const ledgerCharts = [...ledger.charts.filter((c) => !planSheets.has(c.sheet) && !planned(c)), ...plan.charts.map((c) => ({ sheet: c.sheet, name: c.name, spec: c }))];
  return {
    protectedSheets,
    conflicts,
    sheets,
    names,
    chartsToDelete,
    charts,
    ledger: { version: 1, sheets: ledgerSheets, names: ledgerNames, charts: ledgerCharts, ...(tables.length > 0 || ledger.tables ? { tables } : {}) },
    released,
    overwritten,
  };
}

/**
 * What to put back in a box to undo a write: the snapshot's content, except cells that were spill
 * children (they come back from their formula) which are restored empty.
 */
export function restoreContent(snap: SheetSnapshot, box: Box): { formulas: CellContent[][]; formats: string[][] } {
  const formulas: CellContent[][] = [];
  const formats: string[][] = [];
  const spills = Object.entries(snap.spills)
    .filter((e): e is [string, Box] => e[1] !== null)
    .map(([anchor, b]) => ({ anchor: parseCell(anchor), box: b }));
  for (let r = box.top; r <= box.bottom; r++) {
    const fr: CellContent[] = [];
    const mr: string[] = [];
    for (let c = box.left; c <= box.right; c++) {
      const pos = { row: r, col: c };
      const child = spills.some((s) => contains(s.box, pos) && !(s.anchor && s.anchor.row === r && s.anchor.col === c));
      const v = cellAt(snap, pos);
      fr.push(child || isEmpty(v) ? "" : (v as CellContent));
      mr.push(formatAt(snap, pos));
    }
    formulas.push(fr);
    formats.push(mr);
  }
  return { formulas, formats };
}

export function describeConflicts(conflicts: readonly Conflict[]): string {
  const cells = conflicts.filter((c) => c.sheet !== null);
  const names = conflicts.filter((c) => c.sheet === null);
  const bySheet = new Map<string, CellPos[]>();
  for (const c of cells) {
    const pos = parseCell(c.address.slice(c.address.lastIndexOf("!") + 1));
    if (!pos || c.sheet === null) continue;
    bySheet.set(c.sheet, [...(bySheet.get(c.sheet) ?? []), pos]);
  }
  const parts = [...bySheet].map(([sheet, list]) => `${quoteSheet(sheet)}!${compactCells(list).map((b) => boxAddress(b)).join(",")}`);
  if (names.length > 0) parts.push(`name${names.length > 1 ? "s" : ""} ${names.map((n) => n.address).join(", ")}`);
  return parts.join("; ");
}
