import {
  EMPTY_LEDGER,
  normalizeFormula,
  planWrite,
  pruneLedger,
  readLedger,
  restoreContent,
  sameContent,
  serializeLedger,
  type Ledger,
  type SheetSnapshot,
  type Snapshot,
} from "../../src/taskpane/excel/ownership";
import type { OutputPlan } from "../../src/taskpane/excel/sheetLayouts";
import { sampleBankLayout } from "../../src/taskpane/excel/sampleBankLayout";
import { boxAddress, boxOf, colLetters } from "../../src/taskpane/excel/a1";
import { POSITION_HEADER } from "../../src/sample/products";

/** The sample bank table's last column. */
const LAST = colLetters(POSITION_HEADER.length - 1);

const plan: OutputPlan = {
  sheets: [
    {
      sheet: "S",
      blocks: [
        { anchor: { row: 0, col: 0 }, cells: [["Title"]] },
        { anchor: { row: 2, col: 0 }, cells: [["=ALM.SHOCK(ALM_Curve,100)"]] },
      ],
      spills: [{ anchor: { row: 2, col: 0 }, rows: 3, cols: 2 }],
    },
  ],
  names: [{ name: "ALM_Curve", reference: "=S!$D$1:$E$3", comment: "", owner: "S" }],
  charts: [],
};

function sheet(cells: Record<string, unknown>, spills: Record<string, { top: number; left: number; bottom: number; right: number } | null> = {}, extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  const formulas = Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => "" as unknown));
  for (const [a, v] of Object.entries(cells)) formulas[Number(a.slice(1)) - 1][a.charCodeAt(0) - 65] = v;
  return { exists: true, protected: false, box: { top: 0, left: 0, bottom: 5, right: 3 }, formulas, formats: [], spills, ...extra };
}

const none: Snapshot = { sheets: {}, names: { ALM_Curve: null } };
const ledgerAfterFirst = planWrite(plan, EMPTY_LEDGER, none, new Set()).ledger;

describe("ownership", () => {
  it("creates a missing sheet and records every cell it writes with its content", () => {
    const wp = planWrite(plan, EMPTY_LEDGER, none, new Set());
    expect(wp.conflicts).toEqual([]);
    expect(wp.sheets[0].create).toBe(true);
    expect(wp.ledger.sheets.S).toEqual({ created: true, cells: { A1: "Title", A3: "=ALM.SHOCK(ALM_Curve,100)" }, spills: [{ anchor: "A3", rows: 3, cols: 2 }] });
    expect(wp.names).toEqual([{ name: "ALM_Curve", reference: "=S!$D$1:$E$3", comment: "", previous: null }]);
  });

  it("treats the live spill of its own formula as its own on a second run", () => {
    const snap: Snapshot = {
      sheets: { S: sheet({ A1: "Title", A3: "=alm.shock(ALM_Curve, 100)", B3: "Zero rate", A4: 1, B4: 0.02, A5: 2, B5: 0.03 }, { A3: { top: 2, left: 0, bottom: 4, right: 1 } }) },
      names: { ALM_Curve: "=S!$D$1:$E$3" },
    };
    const wp = planWrite(plan, ledgerAfterFirst, snap, new Set());
    expect(wp.conflicts).toEqual([]);
    expect(wp.names).toEqual([]);
  });

  it("flags a value typed into the spill area and a cell the user edited", () => {
    const snap: Snapshot = {
      sheets: { S: sheet({ A1: "My title", A3: "=ALM.SHOCK(ALM_Curve,100)", B5: "typed" }, { A3: null }) },
      names: { ALM_Curve: "=S!$D$1:$E$3" },
    };
    const wp = planWrite(plan, ledgerAfterFirst, snap, new Set());
    expect(wp.conflicts.map((c) => [c.key, c.reason])).toEqual([
      ["S!A1", "edited"],
      ["S!B5", "occupied"],
    ]);
    expect(planWrite(plan, ledgerAfterFirst, snap, new Set(["S!A1", "S!B5"])).conflicts).toEqual([]);
  });

  it("flags the spill of someone else's formula running into its area", () => {
    const snap: Snapshot = { sheets: { S: sheet({ B4: 7 }) }, names: { ALM_Curve: null } };
    expect(planWrite(plan, EMPTY_LEDGER, snap, new Set()).conflicts.map((c) => c.key)).toEqual(["S!B4"]);
  });

  it("clears its cells that are no longer needed, and leaves edited ones to the user", () => {
    const ledger: Ledger = { ...ledgerAfterFirst, sheets: { S: { ...ledgerAfterFirst.sheets.S, cells: { ...ledgerAfterFirst.sheets.S.cells, D6: "old", C6: "mine" } } } };
    const snap: Snapshot = { sheets: { S: sheet({ A1: "Title", A3: "=ALM.SHOCK(ALM_Curve,100)", D6: "old", C6: "changed" }) }, names: { ALM_Curve: "=S!$D$1:$E$3" } };
    const wp = planWrite(plan, ledger, snap, new Set());
    expect(wp.sheets[0].clears).toEqual([{ top: 5, bottom: 5, left: 3, right: 3 }]);
    expect(wp.released).toEqual(["S!C6"]);
    expect(wp.ledger.sheets.S.cells).not.toHaveProperty("C6");
  });

  it("asks before taking over a name it did not define, and deletes its names that are no longer planned", () => {
    expect(planWrite(plan, EMPTY_LEDGER, { sheets: {}, names: { ALM_Curve: "=Other!A1" } }, new Set()).conflicts.map((c) => c.key)).toEqual(["name:ALM_Curve"]);
    const ledger: Ledger = { ...ledgerAfterFirst, names: { ...ledgerAfterFirst.names, ALM_Old: { reference: "=S!$A$1", owner: "S" } } };
    const wp = planWrite(plan, ledger, { sheets: {}, names: { ALM_Curve: "=S!$D$1:$E$3", ALM_Old: "=S!$A$1" } }, new Set());
    expect(wp.names).toEqual([{ name: "ALM_Old", reference: null, comment: "", previous: "=S!$A$1" }]);
  });

  it("keeps its own name that shows #REF! after its sheet was deleted", () => {
    const wp = planWrite(plan, ledgerAfterFirst, { sheets: {}, names: { ALM_Curve: "=#REF!$D$1:$E$3" } }, new Set());
    expect(wp.conflicts).toEqual([]);
  });

  it("reports protected target sheets", () => {
    const wp = planWrite(plan, EMPTY_LEDGER, { sheets: { S: sheet({}, {}, { protected: true }) }, names: {} }, new Set());
    expect(wp.protectedSheets).toEqual(["S"]);
  });

  it("restores spill children as empty so their formula can spill again", () => {
    const snap = sheet({ A3: "=F()", B3: "x", A4: 1 }, { A3: { top: 2, left: 0, bottom: 3, right: 1 } });
    expect(restoreContent(snap, { top: 2, left: 0, bottom: 3, right: 2 }).formulas).toEqual([
      ["=F()", "", ""],
      ["", "", ""],
    ]);
  });

  it("compares formulas as Excel returns them and numbers to the last bits", () => {
    expect(normalizeFormula(' =alm.shock( ALM_Curve, "Parallel up" ) ')).toBe('=ALM.SHOCK(ALM_CURVE,"Parallel up")');
    expect(sameContent("=ALM.X( a )", "=ALM.X(A)")).toBe(true);
    expect(sameContent('=ALM.X("a")', '=ALM.X("A")')).toBe(false);
    expect(sameContent(46022, 46022)).toBe(true);
    expect(sameContent("46022", 46022)).toBe(false);
    expect(sameContent("", "")).toBe(true);
  });

  it("reads a ledger from a setting and ignores anything else", () => {
    expect(readLedger(JSON.stringify(ledgerAfterFirst))).toEqual(ledgerAfterFirst);
    expect(readLedger("{not json")).toBe(EMPTY_LEDGER);
    expect(readLedger({ version: 2 })).toBe(EMPTY_LEDGER);
    expect(readLedger(null)).toBe(EMPTY_LEDGER);
  });
});

describe("ledger size and pruning", () => {
  const bank = sampleBankLayout("ALM Sample Bank", "ALMSampleBank");
  const absent = { exists: false, protected: false, box: null, formulas: [], formats: [], spills: {} };
  /** The sample bank written onto a new sheet after a first output write. */
  const written = planWrite(bank.plan, ledgerAfterFirst, { sheets: { "ALM Sample Bank": absent }, names: {} }, new Set());
  const withBank = written.ledger;
  const bankCells = bank.sheet.blocks.reduce((n, b) => n + b.cells.reduce((k, r) => k + r.length, 0), 0);

  it("records the sample bank as the rectangles it created and its table, not cell by cell, in well under 5 KB", () => {
    expect(written.conflicts).toEqual([]);
    expect(written.sheets).toEqual([expect.objectContaining({ sheet: "ALM Sample Bank", create: true })]);
    expect(bankCells).toBeGreaterThan(2_000);
    const rec = withBank.sheets["ALM Sample Bank"];
    expect(rec.created).toBe(true);
    expect(rec.cells).toEqual({});
    expect(rec.ranges?.[0]).toBe(`A1:${LAST}1`);
    expect(rec.ranges?.[1]).toMatch(new RegExp(`^A2:${LAST}\\d+$`));
    expect(rec.ranges).toEqual(bank.sheet.blocks.map((b) => boxAddress(boxOf(b.anchor, b.cells.length, Math.max(...b.cells.map((r) => r.length))))));
    expect(withBank.tables).toEqual([{ sheet: "ALM Sample Bank", name: "ALMSampleBank" }]);
    const saved = serializeLedger(withBank);
    expect(saved.length - serializeLedger(ledgerAfterFirst).length).toBeLessThan(1_000);
    expect(readLedger(saved)).toEqual(withBank);
    // The other sheets are kept as they were.
    expect(withBank.sheets.S).toEqual(ledgerAfterFirst.sheets.S);
  });

  it("takes the sample bank's cells as the user's data: a later write onto them asks first, edited or not", () => {
    const header = bank.sheet.blocks[0].cells[0];
    const target: OutputPlan = { sheets: [{ sheet: "ALM Sample Bank", blocks: [{ anchor: { row: 0, col: 0 }, cells: [["x", "y"]] }], spills: [] }], names: [], charts: [] };
    const snap = (b: unknown): Snapshot => ({
      sheets: { "ALM Sample Bank": { exists: true, protected: false, box: { top: 0, left: 0, bottom: 0, right: 1 }, formulas: [[header[0], b]], formats: [], spills: {} } },
      names: {},
    });
    for (const second of [header[1], "typed"]) {
      expect(planWrite(target, withBank, snap(second), new Set()).conflicts.map((c) => [c.key, c.reason])).toEqual([
        ["'ALM Sample Bank'!A1", "occupied"],
        ["'ALM Sample Bank'!B1", "occupied"],
      ]);
    }
    // Nothing the add-in wrote there is cleared as stale by a later write of the sheet.
    const again = planWrite({ ...target, sheets: [{ ...target.sheets[0], blocks: [] }] }, withBank, snap(header[1]), new Set());
    expect(again.sheets[0].clears).toEqual([]);
    expect(again.ledger.sheets["ALM Sample Bank"].ranges).toEqual(withBank.sheets["ALM Sample Bank"].ranges);
  });

  it("reads the rectangles back from settings and drops anything that is not a rectangle", () => {
    const stored = JSON.parse(serializeLedger(withBank));
    stored.sheets["ALM Sample Bank"].ranges = ["A1:B2", "not a range", 7];
    stored.sheets["ALM Sample Bank"].digest = "0000000000000000";
    expect(readLedger(JSON.stringify(stored)).sheets["ALM Sample Bank"]).toEqual({ created: true, cells: {}, spills: [], ranges: ["A1:B2"] });
    // A record that lists cells (as output sheets do) is kept as it is.
    expect(readLedger(JSON.stringify(stored)).sheets.S).toEqual(withBank.sheets.S);
  });

  it("drops what no longer exists and keeps everything else as it was", () => {
    const full: Ledger = {
      ...withBank,
      names: { ...withBank.names, ALM_Gone: { reference: "=S!$A$1", owner: "S" } },
      charts: [
        { sheet: "S", name: "Kept" },
        { sheet: "S", name: "Deleted" },
        { sheet: "ALM Sample Bank", name: "OnDeletedSheet" },
      ],
    };
    const inv = { sheets: ["s", "Other"], tables: ["ALMSampleBank"], names: ["alm_curve"], chartExists: (c: { name: string }) => c.name !== "Deleted" };
    const p = pruneLedger(full, inv);
    expect(p).toEqual({ version: 1, sheets: { S: full.sheets.S }, names: { ALM_Curve: full.names.ALM_Curve }, charts: [{ sheet: "S", name: "Kept" }], tables: [] });
    // Nothing to drop: the same content.
    expect(pruneLedger(full, { sheets: ["S", "ALM Sample Bank"], tables: ["ALMSampleBank"], names: ["ALM_Curve", "ALM_Gone"] })).toEqual(full);
  });

  it("does not take the cells of a sheet created again under a pruned sheet's name as its own", () => {
    const p = pruneLedger(ledgerAfterFirst, { sheets: [], tables: [], names: ["ALM_Curve"] });
    const snap: Snapshot = { sheets: { S: sheet({ A1: "Title", A3: "=ALM.SHOCK(ALM_Curve,100)" }) }, names: { ALM_Curve: "=S!$D$1:$E$3" } };
    expect(planWrite(plan, p, snap, new Set()).conflicts.map((c) => [c.key, c.reason])).toEqual([
      ["S!A1", "occupied"],
      ["S!A3", "occupied"],
    ]);
    // Without pruning, the same cells count as the add-in's.
    expect(planWrite(plan, ledgerAfterFirst, snap, new Set()).conflicts).toEqual([]);
  });
});
