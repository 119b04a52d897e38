/**
 * A1 addresses, pure. Rows and columns are 0-based inside the add-in and become Excel's 1-based A1 text
 * only here. A box is an inclusive rectangle of cells on one sheet.
 */

export interface CellPos {
  readonly row: number;
  readonly col: number;
}

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Largest row and column index of an Excel grid (1,048,576 rows × 16,384 columns). */
export const MAX_ROW = 1048575;
export const MAX_COL = 16383;

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function colLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/;

/** A single A1 cell (`B5`, `$B$5`), or undefined when the text is not one. */
export function parseCell(text: string): CellPos | undefined {
  const m = CELL.exec(text.trim().toUpperCase());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]) - 1;
  if (row < 0 || row > MAX_ROW || col - 1 > MAX_COL) return undefined;
  return { row, col: col - 1 };
}

/** An A1 range without a sheet (`A1:C9`, `$A$1`), or undefined. Corners may come in any order. */
export function parseBox(text: string): Box | undefined {
  const parts = text.split(":");
  if (parts.length > 2) return undefined;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function cellAddress(pos: CellPos, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${colLetters(pos.col)}${d}${pos.row + 1}`;
}

export function boxAddress(box: Box, absolute = false): string {
  const a = cellAddress({ row: box.top, col: box.left }, absolute);
  if (box.top === box.bottom && box.left === box.right) return a;
  return `${a}:${cellAddress({ row: box.bottom, col: box.right }, absolute)}`;
}

export function boxOf(anchor: CellPos, rows: number, cols: number): Box {
  return { top: anchor.row, left: anchor.col, bottom: anchor.row + rows - 1, right: anchor.col + cols - 1 };
}

export function boxRows(box: Box): number {
  return box.bottom - box.top + 1;
}

export function boxCols(box: Box): number {
  return box.right - box.left + 1;
}

export function contains(box: Box, pos: CellPos): boolean {
  return pos.row >= box.top && pos.row <= box.bottom && pos.col >= box.left && pos.col <= box.right;
}

/** Smallest box holding every given box, or undefined for none. */
export function union(boxes: readonly Box[]): Box | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce((u, b) => ({
    top: Math.min(u.top, b.top),
    left: Math.min(u.left, b.left),
    bottom: Math.max(u.bottom, b.bottom),
    right: Math.max(u.right, b.right),
  }));
}

/** Every cell of a box, row by row. */
export function* cellsOf(box: Box): Generator<CellPos> {
  for (let row = box.top; row <= box.bottom; row++) {
    for (let col = box.left; col <= box.right; col++) yield { row, col };
  }
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !parseCell(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** `'ALM Scenarios'!$B$5` — a sheet-qualified absolute reference. */
export function qualified(sheet: string, box: Box, absolute = true): string {
  return `${quoteSheet(sheet)}!${boxAddress(box, absolute)}`;
}

export interface SheetAddress {
  readonly sheet: string;
  readonly box: Box;
}

/**
 * Splits `Sheet1!A1:B9` or `'My sheet'!$A$1` into sheet and box. Without a sheet, `defaultSheet` is used
 * when given; otherwise the text is not an address. A leading `=` is ignored.
 */
export function parseAddress(text: string, defaultSheet?: string): SheetAddress | undefined {
  let t = text.trim();
  if (t.startsWith("=")) t = t.slice(1).trim();
  const bang = t.lastIndexOf("!");
  let sheet: string | undefined;
  let ref = t;
  if (bang >= 0) {
    const raw = t.slice(0, bang);
    ref = t.slice(bang + 1);
    if (raw.startsWith("'")) {
      if (!raw.endsWith("'") || raw.length < 3) return undefined;
      sheet = raw.slice(1, -1).replace(/''/g, "'");
    } else {
      sheet = raw;
    }
    if (!sheet) return undefined;
  } else {
    sheet = defaultSheet;
  }
  if (!sheet) return undefined;
  const box = parseBox(ref);
  return box ? { sheet, box } : undefined;
}

/** Key of one cell for sets and maps: `'Sheet'!B5` (relative form, unique per cell). */
export function cellKey(sheet: string, pos: CellPos): string {
  return `${quoteSheet(sheet)}!${cellAddress(pos)}`;
}

/**
 * Compacts a set of cells of one sheet into few boxes (row runs merged down columns) for messages such as
 * "'ALM Results'!A5:D13". Order is row-major.
 */
export function compactCells(cells: readonly CellPos[]): Box[] {
  const rows = new Map<number, number[]>();
  for (const c of cells) {
    const list = rows.get(c.row) ?? [];
    list.push(c.col);
    rows.set(c.row, list);
  }
  const runs: Box[] = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(rows.get(row))].sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
        runs.push({ top: row, bottom: row, left: start, right: cols[i - 1] });
        start = cols[i];
      }
    }
  }
  // Merge runs with the same columns on consecutive rows.
  const merged: Box[] = [];
  for (const run of runs) {
    const prev = merged.find((m) => m.left === run.left && m.right === run.right && m.bottom === run.top - 1);
    if (prev) merged[merged.indexOf(prev)] = { ...prev, bottom: run.bottom };
    else merged.push(run);
  }
  return merged;
}
