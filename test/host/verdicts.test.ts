/**
 * The task pane and the functions give the same verdict on the same input: the same rows, the same
 * words. Each bad table goes to ALM.EVE (and a curve to ALM.ZERO) through the emulated Excel host, and
 * to the pane's validation report; the pane must flag the row the function names, with the function's
 * own message, and must pass what the function accepts.
 */
import { parseCurveRange } from "../../src/taskpane/domain/curve";
import { detectColumns, validatePositions } from "../../src/taskpane/domain/positions";
import { excel, rejected } from "../helpers/excelHost";

const AS_OF = 46022; // 2025-12-31
const CURVE = 0.03;
const H = ["Id", "Balance", "Side", "Rate", "Maturity", "Type", "NextReset", "Frequency", "Basis", "Category", "CoreShare", "CoreMaturity", "Start", "CPR", "Amortization", "FirstPayment", "BusinessDay", "Redemption", "Cap", "Floor", "AccruedInterest", "Multiplier"];
const good = (id: string, overrides: Record<string, unknown> = {}) => H.map((h) => (h in overrides ? overrides[h] : ({ Id: id, Balance: 1000, Side: "A", Rate: 0.03, Maturity: AS_OF + 700, Type: "FIXED" } as Record<string, unknown>)[h] ?? ""));

/** Tables with one bad row each (the bad row is row 3: header, a good row, then the bad one). */
const BAD: Record<string, unknown[][]> = {
  "text balance": [H, good("a"), good("b", { Balance: "n/a" })],
  "blank rate": [H, good("a"), good("b", { Rate: "" })],
  "percent text rate": [H, good("a"), good("b", { Rate: "3%" })],
  "unknown side": [H, good("a"), good("b", { Side: "X" })],
  "negative balance with a Side": [H, good("a"), good("b", { Balance: -5 })],
  "matured position": [H, good("a"), good("b", { Maturity: AS_OF - 1 })],
  "maturity beyond 100 years": [H, good("a"), good("b", { Maturity: AS_OF + 40000 })],
  "floater without NextReset": [H, good("a"), good("b", { Type: "FLOATING" })],
  "NextReset after maturity": [H, good("a"), good("b", { Type: "FLOATING", NextReset: AS_OF + 800 })],
  "unknown frequency": [H, good("a"), good("b", { Frequency: 3 })],
  "unknown basis": [H, good("a"), good("b", { Basis: 7 })],
  "core share above the cap": [H, good("a"), good("b", { Maturity: "", Category: "NMD_WHOLESALE", CoreShare: 0.8, CoreMaturity: 2 })],
  "NMD without CoreMaturity": [H, good("a"), good("b", { Maturity: "", Category: "NMD_WHOLESALE", CoreShare: 0.3 })],
  "start on the maturity date": [H, good("a"), good("b", { Start: AS_OF + 700 })],
  "an interest anchor after maturity": [H, good("a"), good("b", { FirstPayment: AS_OF + 800 })],
  "an interest anchor before Start": [H, good("a"), good("b", { Start: AS_OF - 30, FirstPayment: AS_OF - 60 })],
  "an unknown business-day convention": [H, good("a"), good("b", { BusinessDay: "FOLLOWING" })],
  "a cap below the floor": [H, good("a"), good("b", { Cap: 0.01, Floor: 0.02 })],
  "an annuity instalment that never amortises": [H, good("a"), good("b", { Amortization: "ANNUITY", Redemption: 1 })],
  "a redemption on a bullet": [H, good("a"), good("b", { Redemption: 100 })],
  "accrued interest on a forward-starting position": [H, good("a"), good("b", { Start: AS_OF + 5, AccruedInterest: 3 })],
  "a multiplier on a fixed position": [H, good("a"), good("b", { Multiplier: 2 })],
  "CPR above 1": [H, good("a"), good("b", { CPR: 1.5 })],
  "an ISO date that does not exist": [H, good("a"), good("b", { Maturity: "2027-02-30" })],
};

describe("positions: the pane flags exactly the row and words ALM.EVE gives", () => {
  test.each(Object.entries(BAD))("%s", async (_, table) => {
    const fn = await rejected(excel.EVE(table, AS_OF, CURVE));
    const report = validatePositions(table, detectColumns(table[0]), AS_OF);
    expect(fn.code).toBe("#VALUE!");
    expect(report.missingColumns).toEqual([]);
    expect(report.issues).toHaveLength(1);
    const [issue] = report.issues;
    expect(issue.row).toBe(3);
    expect(issue.id).toBe("b");
    expect(fn.message).toBe(`ALM.EVE positions, row ${issue.row}, ${issue.problems[0]}`);
  });

  test("a header the functions read under another spelling (Next_Reset) is found by both", async () => {
    const table = [
      ["Balance", "Rate", "Maturity", "Type", "Next_Reset"],
      [1000, 0.03, AS_OF + 700, "FLOATING", AS_OF + 90],
    ];
    expect(typeof (await excel.EVE(table, AS_OF, CURVE))).toBe("number");
    expect(detectColumns(table[0]).NextReset).toBe(4);
    expect(validatePositions(table, detectColumns(table[0]), AS_OF).issues).toEqual([]);
  });

  test("a good table passes both, and every bad row of a table with several is listed with the function's message", async () => {
    const table = [H, good("a"), good("b", { Balance: "n/a" }), good("c"), good("d", { Side: "?" })];
    const report = validatePositions(table, detectColumns(table[0]), AS_OF);
    expect(report.issues.map((i) => [i.row, i.id])).toEqual([
      [3, "b"],
      [5, "d"],
    ]);
    // Each bad row alone gives ALM.EVE's message for it.
    for (const issue of report.issues) {
      const alone = [H, table[issue.index]];
      const fn = await rejected(excel.EVE(alone, AS_OF, CURVE));
      expect(fn.message).toBe(`ALM.EVE positions, row 2, ${issue.problems[0]}`);
    }
    const clean = [H, good("a"), good("c")];
    expect(typeof (await excel.EVE(clean, AS_OF, CURVE))).toBe("number");
    expect(validatePositions(clean, detectColumns(clean[0]), AS_OF)).toMatchObject({ missingColumns: [], tableProblem: null, issues: [] });
  });

  test("a missing required column is named by both", async () => {
    const table = [["Id", "Balance", "Maturity"], ["a", 1, AS_OF + 10]];
    const fn = await rejected(excel.EVE(table, AS_OF, CURVE));
    expect(fn.message).toMatch(/^ALM\.EVE positions: the required column "Rate" is missing/);
    expect(validatePositions(table, detectColumns(table[0]), AS_OF).missingColumns).toEqual(["Rate"]);
  });
});

describe("curves: the pane accepts exactly what ALM.ZERO accepts", () => {
  const CASES: Record<string, unknown[][]> = {
    "text tenor 5 (not a tenor like 5Y)": [["Tenor", "Zero"], ["1Y", 0.02], ["5", 0.03]],
    "decreasing tenors": [[5, 0.02], [1, 0.03]],
    "rate as percent text": [[1, 0.02], [5, "3%"]],
    "half-filled row": [[1, 0.02], [5, null]],
    "three columns": [[1, 0.02, 0]],
  };

  test.each(Object.entries(CASES))("%s is rejected by both, with the same words", async (_, range) => {
    const fn = await rejected(excel.ZERO(range, 1));
    const pane = parseCurveRange(range);
    expect(pane.ok).toBe(false);
    if (pane.ok) return;
    const first = pane.issues[0];
    // The pane shows the function's message without "ALM.ZERO curve, row N": same words, same row.
    expect(fn.message.startsWith(first.row ? `ALM.ZERO curve, row ${first.row}` : "ALM.ZERO curve:")).toBe(true);
    expect(fn.message.endsWith(first.message)).toBe(true);
    expect(first.message.length).toBeGreaterThan(20);
  });

  test("a range with a header, tenor text and numbers is accepted by both", async () => {
    const range = [["Tenor", "Zero"], ["1Y", 0.02], [2, 0.025], ["5Y", 0.03]];
    expect(((await excel.ZERO(range, 2)) as number[][])[0][0]).toBeCloseTo(0.025, 15);
    expect(parseCurveRange(range)).toMatchObject({ ok: true, curve: { times: [1, 2, 5], zeros: [0.02, 0.025, 0.03] } });
  });
});
