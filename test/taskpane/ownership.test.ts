import { EMPTY_LEDGER, normalizeFormula, planWrite, readLedger, restoreContent, sameContent, type Ledger, type SheetSnapshot, type Snapshot } from "../../src/taskpane/excel/ownership";
import type { OutputPlan } from "../../src/taskpane/excel/sheetLayouts";

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
