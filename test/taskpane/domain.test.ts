import { parseCurveRange, parseNumber, parsePillarRows, tenorYears } from "../../src/taskpane/domain/curve";
import { detectColumns, effectiveMapping, headerRenames, validatePositions } from "../../src/taskpane/domain/positions";
import { keyRateRows, planCustom, planFloor } from "../../src/taskpane/domain/scenarios";
import { defaultSetup, restoreSetup } from "../../src/taskpane/domain/setup";
import { DEMO_DRAFT, DEMO_POSITIONS } from "../../scripts/fake-host/demoWorkbook";

describe("positions checks", () => {
  it("finds columns by header name as the functions do, ignoring case, spaces, underscores and hyphens", () => {
    const m = detectColumns(["id", " BALANCE ", "rate", "Next_Reset", "Maturity", "Foo", "next reset"]);
    expect(m).toMatchObject({ Id: 0, Balance: 1, Rate: 2, NextReset: 3, Maturity: 4, Side: null });
  });

  it("reports missing required columns", () => {
    expect(validatePositions([["Id", "Amount"], ["a", 1]], detectColumns(["Id", "Amount"])).missingColumns).toEqual(["Balance", "Rate", "Maturity"]);
  });

  it("does not require Maturity when every row is a non-maturity deposit", () => {
    const values = [["Balance", "Rate", "Category", "CoreShare", "CoreMaturity"], [1, 0.01, "NMD_WHOLESALE", 0.5, 3], ["", "", "", "", ""]];
    const report = validatePositions(values, detectColumns(values[0]));
    expect(report.missingColumns).toEqual([]);
    expect(report.issues).toEqual([]);
  });

  it("lists each bad row with what is wrong, numbered as the functions number rows (the header is row 1)", () => {
    const report = validatePositions(DEMO_DRAFT, detectColumns(DEMO_DRAFT[0]));
    expect(report.rows).toBe(4);
    expect(report.issues).toEqual([
      { row: 3, index: 2, id: "X-2", problems: ['column Balance: got the text "n/a"; expected an outstanding principal amount'] },
      { row: 4, index: 3, id: "X-3", problems: ["column Maturity: a value is required here, but the cell is empty"] },
    ]);
    expect(validatePositions(DEMO_POSITIONS, detectColumns(DEMO_POSITIONS[0])).issues).toEqual([]);
  });

  it("flags an unknown side with the valid choices, as the functions do", () => {
    const values = [["Balance", "Rate", "Maturity", "Side", "Type", "NextReset"], [1, 0.01, 46000, "X", "FLOATING", ""]];
    expect(validatePositions(values, detectColumns(values[0])).issues[0].problems).toEqual(['column Side: the text "X" is not a valid choice; valid choices are A, ASSET, L, LIABILITY']);
  });

  it("checks against the as-of date only when it is given", () => {
    const values = [["Balance", "Rate", "Maturity"], [1, 0.01, 46000]];
    expect(validatePositions(values, detectColumns(values[0])).issues).toEqual([]);
    expect(validatePositions(values, detectColumns(values[0]), 46100).issues[0].problems[0]).toMatch(/^column Maturity: got 2025-12-09; expected a maturity after as_of \(2026-03-19\)/);
  });

  it("reports a column given twice as a problem of the whole table", () => {
    const values = [["Balance", "balance", "Rate", "Maturity"], [1, 1, 0.01, 46000]];
    expect(validatePositions(values, detectColumns(values[0])).tableProblem).toBe('row 1: the column "Balance" appears twice');
  });

  it("applies the user's column choices and lists the headers to rename", () => {
    const header = ["Id", "Outstanding", "Rate", "Maturity"];
    const mapping = effectiveMapping(header, { Balance: "Outstanding", Id: "" });
    expect(mapping).toMatchObject({ Balance: 1, Id: null });
    expect(headerRenames(header, mapping)).toEqual([{ field: "Balance", column: 1, from: "Outstanding" }]);
    expect(validatePositions([header, ["a", "n/a", 0.01, 46000]], mapping).issues[0]).toMatchObject({ row: 2, problems: ['column Balance: got the text "n/a"; expected an outstanding principal amount'] });
  });
});

describe("curve pillars", () => {
  it("reads typed pillars in percent and tenor text", () => {
    const r = parsePillarRows([
      { id: "a", tenor: "3m", ratePct: "2,5" },
      { id: "b", tenor: "", ratePct: "" },
      { id: "c", tenor: "10", ratePct: "3.1" },
    ]);
    expect(r).toEqual({ ok: true, curve: { cells: [["3M", 0.025], [10, 0.031]], times: [0.25, 10], zeros: [0.025, 0.031] } });
  });

  it("names the pillar that is wrong", () => {
    const r = parsePillarRows([
      { id: "a", tenor: "5Y", ratePct: "2" },
      { id: "b", tenor: "1Y", ratePct: "x" },
    ]);
    expect(r).toEqual({ ok: false, issues: [{ row: 2, message: 'zero rate "x" is not a number' }] });
    expect(parsePillarRows([{ id: "a", tenor: "5Y", ratePct: "2" }, { id: "b", tenor: "1Y", ratePct: "3" }])).toEqual({
      ok: false,
      issues: [{ row: 2, message: "tenor 1Y is not after the previous tenor 5Y; tenors must increase" }],
    });
  });

  it("reads a workbook range with or without a header row", () => {
    expect(parseCurveRange([["Tenor", "Zero"], ["1Y", 0.02], [2, 0.025]])).toMatchObject({ ok: true, curve: { times: [1, 2] } });
    expect(parseCurveRange([[1, 0.02]])).toMatchObject({ ok: true, curve: { zeros: [0.02] } });
    expect(parseCurveRange([["a"]])).toMatchObject({ ok: false });
  });

  it("parses numbers people type", () => {
    expect([parseNumber(" -1,5 "), parseNumber("1e2"), parseNumber("abc"), parseNumber("")]).toEqual([-1.5, 100, undefined, undefined]);
    expect([tenorYears("ON"), tenorYears("18M"), tenorYears(-1)]).toEqual([1 / 365, 1.5, undefined]);
  });
});

describe("custom scenarios", () => {
  it("makes a tent for a key-rate shift between the neighbouring key tenors", () => {
    expect(keyRateRows(10, 25)).toEqual([[7, 0], [10, 25], [15, 0]]);
    expect(keyRateRows(0.25, 10)).toEqual([[0.25, 10], [0.5, 0]]);
    expect(keyRateRows(4, 10)).toEqual([[3, 0], [4, 10], [5, 0]]);
  });

  it("names scenarios from their parameters unless the user named them", () => {
    expect(planCustom({ id: "c", kind: "parallel", name: "", bp: "-75" })).toMatchObject({ ok: true, value: { label: "Parallel −75 bp", arg: { kind: "bp", bp: -75 } } });
    expect(planCustom({ id: "c", kind: "ramp", name: "Slow rise", bp: "200", months: "24" })).toMatchObject({ ok: true, value: { label: "Slow rise", rampMonths: 24 } });
    expect(planCustom({ id: "c", kind: "twist", name: "", shortBp: "-50", longBp: "50", pivot: "6M" })).toMatchObject({ ok: true, value: { label: "Twist −50 bp / +50 bp around 6M" } });
  });

  it("explains what is wrong with each field", () => {
    expect(planCustom({ id: "c", kind: "twist", name: "", shortBp: "", longBp: "x", pivot: "40Y" })).toEqual({
      ok: false,
      issues: [
        { field: "shortBp", message: "Short-end shift is required" },
        { field: "longBp", message: 'Long-end shift "x" is not a number' },
        { field: "pivot", message: "Pivot must be a tenor between 0 and 30 years, like 5Y" },
      ],
    });
    expect(planCustom({ id: "c", kind: "ramp", name: "", bp: "100", months: "0" })).toMatchObject({ ok: false });
  });

  it("turns the floor choice into the SHOCK argument", () => {
    expect(planFloor({ floor: "EU", floorRatePct: "" })).toEqual({ ok: true, value: "EU" });
    expect(planFloor({ floor: "RATE", floorRatePct: "-1" })).toEqual({ ok: true, value: -0.01 });
    expect(planFloor({ floor: "RATE", floorRatePct: "" })).toMatchObject({ ok: false });
  });
});

describe("setup persistence", () => {
  it("restores what it saved", () => {
    const s = defaultSetup();
    s.scenarios.custom.push({ id: "c1", kind: "keyrate", name: "K", tenor: "10Y", bp: "25" });
    s.positions.columnChoices = { Balance: "Outstanding" };
    expect(restoreSetup(JSON.parse(JSON.stringify(s)))).toEqual(s);
  });

  it("fills in what an older or damaged setting lacks and drops what it does not know", () => {
    const r = restoreSetup({ version: 1, scenarios: { currency: "USD", basel: ["STEEPENER", "BOGUS"], custom: [{ kind: "nope" }] }, output: { charts: "yes" } });
    expect(r?.scenarios).toMatchObject({ currency: "USD", basel: ["STEEPENER"], custom: [], calibration: "BCBS2024" });
    expect(r?.output.charts).toBe(true);
    expect(restoreSetup({ version: 9 })).toBeNull();
    expect(restoreSetup("x")).toBeNull();
  });
});
