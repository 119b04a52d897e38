import { bookCurrencies, fxGaps, parseCurvesRange, parseFxRange } from "../../src/taskpane/domain/book";
import { parseCurveRange, parseNumber, parsePillarRows, tenorYears } from "../../src/taskpane/domain/curve";
import { parseOwnSizes, uncovered } from "../../src/taskpane/domain/ownSizes";
import { checkSetup } from "../../src/taskpane/domain/plan";
import { detectColumns, effectiveMapping, headerRenames, validatePositions } from "../../src/taskpane/domain/positions";
import { keyRateRows, planCustom, planFloor } from "../../src/taskpane/domain/scenarios";
import { defaultSetup, restoreSetup, type Setup } from "../../src/taskpane/domain/setup";
import { DEMO_CURVE, DEMO_DRAFT, DEMO_FX, DEMO_POSITIONS, DEMO_TWO_CURRENCIES } from "../../scripts/fake-host/demoWorkbook";

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
    const several: Setup = {
      ...s,
      curve: { ...s.curve, curvesAddress: "Curves!A1:C10" },
      fx: { reporting: "EUR", sourceKind: "range", rangeAddress: "FX!A1:B3", rates: { USD: "0.92" } },
      scenarios: { ...s.scenarios, calibration: "OWN", ownSizesAddress: "Own!A1:D3" },
      output: { ...s.output, outlierTest: false, method: "STANDARD", rule: "EU" },
    };
    expect(restoreSetup(JSON.parse(JSON.stringify(several)))).toEqual(several);
  });

  it("restores a setup saved before several currencies with the new choices at their defaults", () => {
    const old = JSON.parse(JSON.stringify(defaultSetup()));
    delete old.fx;
    delete old.curve.curvesAddress;
    delete old.scenarios.ownSizesAddress;
    for (const k of ["outlierTest", "method", "rule"]) delete old.output[k];
    expect(restoreSetup(old)).toEqual(defaultSetup());
    expect(restoreSetup({ ...old, output: { method: "BOGUS" }, fx: { sourceKind: "x", rates: { USD: 1, EUR: "1.1" } } })).toMatchObject({
      output: { method: "FULL", rule: "BCBS", outlierTest: true },
      fx: { sourceKind: "typed", rates: { EUR: "1.1" } },
    });
  });

  it("fills in what an older or damaged setting lacks and drops what it does not know", () => {
    const r = restoreSetup({ version: 1, scenarios: { currency: "USD", basel: ["STEEPENER", "BOGUS"], custom: [{ kind: "nope" }] }, output: { charts: "yes" } });
    expect(r?.scenarios).toMatchObject({ currency: "USD", basel: ["STEEPENER"], custom: [], calibration: "BCBS2024" });
    expect(r?.output.charts).toBe(true);
    expect(restoreSetup({ version: 9 })).toBeNull();
    expect(restoreSetup("x")).toBeNull();
  });
});

describe("a book in several currencies", () => {
  const curves = [
    ["Tenor", "EUR", "USD"],
    ["1Y", 0.02, 0.04],
    ["5Y", 0.025, 0.041],
    ["10Y", 0.03, 0.042],
  ];

  it("finds the currencies of the Currency column, through the column mapping, and the rows without one", () => {
    expect(bookCurrencies(DEMO_TWO_CURRENCIES, {})).toEqual({ currencies: ["EUR", "USD"], blankRows: [] });
    const values = [["Balance", "Ccy"], [1, " usd"], [2, ""], [3, "EUR"], ["", ""]];
    expect(bookCurrencies(values, {})).toEqual({ currencies: [], blankRows: [] });
    expect(bookCurrencies(values, { Currency: "Ccy" })).toEqual({ currencies: ["EUR", "USD"], blankRows: [3] });
  });

  it("reads each currency's curve out of the curves range with the functions' curve reader", () => {
    const r = parseCurvesRange(curves);
    expect(r).toMatchObject({ ok: true, pillars: 3 });
    if (!r.ok) return;
    expect(r.curves.map((c) => [c.currency, c.curve.times, c.curve.zeros])).toEqual([
      ["EUR", [1, 5, 10], [0.02, 0.025, 0.03]],
      ["USD", [1, 5, 10], [0.04, 0.041, 0.042]],
    ]);
  });

  it("says which cell of the curves range is wrong, in the functions' words, and a tenor problem once", () => {
    const bad = [["Tenor", "EUR", "USD"], ["1Y", 0.02, "x"], ["1Y", 0.025, 0.041], ["10Y", 0.03, 0.042]];
    expect(parseCurvesRange(bad)).toEqual({
      ok: false,
      problems: [
        { row: 2, message: 'column USD: got the text "x"; expected a zero rate as a decimal (0.035 for 3.5 %)' },
        { row: 3, message: "tenor 1 is not after the previous tenor 1; tenors must be strictly increasing" },
      ],
    });
  });

  it("wants the header Tenor, a currency code per column, each once, and no blank row", () => {
    const problems = (values: unknown[][]) => {
      const r = parseCurvesRange(values);
      return r.ok ? [] : r.problems.map((p) => `${p.row}: ${p.message}`);
    };
    expect(problems([["Years", "EUR"], [1, 0.02]])).toEqual(['1: the first cell must be the header Tenor, then one currency code per column (found "Years")']);
    expect(problems([["Tenor", "Euro", "EUR", "eur"], [1, 0.02, 0.02, 0.02]])).toEqual([
      '1: the header of column 2, "Euro", is not a three-letter currency code',
      "1: EUR heads two columns; give each currency one column",
    ]);
    expect(problems([["Tenor", "EUR"], [1, 0.02], [null, null], [5, 0.03]])).toEqual([
      "3: the row is blank; the per-currency formulas pass each currency's column through CHOOSECOLS, where Excel reads a blank cell as 0, so pick the range without blank rows",
    ]);
  });

  it("reads FX rates as ALM.OUTLIERTEST reads its fx, with the same words", () => {
    expect(parseFxRange([["Currency", "Rate"], ["eur", 1], [null, null], ["USD", 0.92]])).toEqual({ ok: true, rates: new Map([["EUR", 1], ["USD", 0.92]]) });
    expect(parseFxRange([["EUR", 1], ["USD", -1], ["EUR", 2], ["Dollar", 1]])).toEqual({
      ok: false,
      problems: [
        { row: 2, message: "column Rate: got -1; expected units of the reporting currency per unit of the currency, above 0" },
        { row: 3, message: 'column Currency: got the text "EUR"; expected each currency once' },
        { row: 4, message: 'column Currency: got the text "Dollar"; expected a three-letter currency code' },
      ],
    });
    expect(fxGaps(new Map([["EUR", 1.1], ["USD", 1]]), "EUR", ["EUR", "USD", "JPY"])).toEqual([
      "no rate for JPY, a currency of the positions",
      "EUR is the reporting currency, so its rate must be 1 (found 1.1)",
    ]);
  });

  it("reads own shock sizes with the functions' calibration reader and names the currencies they miss", () => {
    const own = parseOwnSizes([["Currency", "Parallel", "Short", "Long"], ["NOK", 200, 250, 150], ["EUR", 200, 250, 100]]);
    expect(own.ok).toBe(true);
    if (own.ok) expect(uncovered(own.choice, ["EUR", "NOK", "PLN"])).toEqual(["PLN"]);
    const any = parseOwnSizes([[150, 200, 100]]);
    expect(any.ok && uncovered(any.choice, ["XYZ"])).toEqual([]);
    expect(parseOwnSizes([["Currency", "Parallel", "Short", "Long"], ["NOK", "high", 250, 150]])).toEqual({
      ok: false,
      message: 'row 2, column Parallel: got the text "high"; expected the parallel shock in basis points',
    });
    expect(parseOwnSizes([["EU"]])).toMatchObject({ ok: false, message: expect.stringMatching(/^holds a calibration name, not shock sizes/) });
  });

  describe("the checks of the whole setup", () => {
    const positions = { address: "Book2!$A$1:$M$16", values: DEMO_TWO_CURRENCIES };
    const ready = (): Setup => {
      const s = defaultSetup();
      return {
        ...s,
        positions: { ...s.positions, sourceKind: "range", rangeAddress: "Book2!A1:M16", asOf: "2025-12-31" },
        curve: { ...s.curve, curvesAddress: "Curves!A1:C4" },
        fx: { reporting: "EUR", sourceKind: "typed", rangeAddress: "", rates: { USD: "0.92" } },
        output: { ...s.output, tier1: "5000000" },
      };
    };
    const read = { positions, curve: null, curves: { address: "Curves!$A$1:$C$4", values: curves } };

    it("turns a ready setup into curves by currency, typed rates and the outlier test", () => {
      const check = checkSetup(ready(), read);
      expect(check.issues.filter((i) => i.blocking)).toEqual([]);
      expect(check.input?.curve).toEqual({ kind: "byCurrency", ref: "Curves!$A$1:$C$4", pillarCount: 3, currencies: ["EUR", "USD"], fx: { kind: "typed", rows: [["EUR", 1], ["USD", 0.92]] } });
      expect(check.input).toMatchObject({ currency: "EUR", tier1: 5_000_000, calibration: "BCBS2024", outputs: { outlier: { method: "FULL", rule: "BCBS" } } });
    });

    it("lists what the curves, rates, calibration and Tier 1 still need, each on its step and field", () => {
      const s = ready();
      const missingUsd = { ...read, curves: { address: "Curves!$A$1:$B$4", values: curves.map((r) => r.slice(0, 2)) } };
      const check = checkSetup(
        { ...s, fx: { ...s.fx, rates: { USD: "-1" } }, scenarios: { ...s.scenarios, calibration: "OWN", ownSizesAddress: "Own!A1:D2" }, output: { ...s.output, tier1: "" } },
        { ...missingUsd, ownSizes: { address: "Own!$A$1:$D$2", values: [["Currency", "Parallel", "Short", "Long"], ["EUR", 200, 250, 100]] } }
      );
      expect(check.input).toBeNull();
      expect(check.issues.filter((i) => i.blocking).map((i) => [i.step, i.field, i.message])).toEqual([
        ["curve", "curves-range", "The curves range has no column for USD, a currency of the positions."],
        ["curve", "fx-USD", 'The rate of USD must be a positive number of EUR per USD (got "-1").'],
        ["scenarios", "own-sizes-range", "The own shock sizes in Own!$A$1:$D$2 have no row for USD."],
        ["output", "tier1", "Tier 1 capital is needed for the outlier test: give it, or leave the outlier test out."],
      ]);
    });

    it("takes rates from a range, wanting one per currency and 1 for the reporting currency", () => {
      const s = ready();
      const fxSetup = { ...s, fx: { ...s.fx, sourceKind: "range" as const, rangeAddress: "FX!A1:B3" } };
      const fx = (values: unknown[][]) => checkSetup(fxSetup, { ...read, fx: { address: "FX!$A$1:$B$3", values } });
      expect(fx(DEMO_FX).input?.curve).toMatchObject({ fx: { kind: "range", ref: "FX!$A$1:$B$3" } });
      expect(fx([["Currency", "Rate"], ["EUR", 1.2]]).issues.filter((i) => i.field === "fx-range").map((i) => i.message)).toEqual([
        "The FX range has no rate for USD, a currency of the positions.",
        "The FX range has EUR is the reporting currency, so its rate must be 1 (found 1.2).",
      ]);
    });

    it("keeps a book in one currency on its one curve, and warns when the positions are in another currency", () => {
      const s = defaultSetup();
      const eurOnly = { address: "Positions!$A$1:$M$11", values: DEMO_POSITIONS };
      const one = { ...s, positions: { ...s.positions, sourceKind: "range" as const, rangeAddress: "Positions!A1:M11", asOf: "2025-12-31" }, curve: { ...s.curve, rangeAddress: "Curve!A1:B10" } };
      const curve = { address: "Curve!$A$1:$B$10", values: DEMO_CURVE };
      expect(checkSetup(one, { positions: eurOnly, curve }).input?.curve).toEqual({ kind: "range", ref: "Curve!$A$1:$B$10", pillarCount: 9 });
      const usd = checkSetup({ ...one, scenarios: { ...one.scenarios, currency: "USD" } }, { positions: eurOnly, curve });
      expect(usd.input).not.toBeNull();
      expect(usd.issues.filter((i) => i.field === "currency")).toEqual([
        { step: "scenarios", field: "currency", blocking: false, message: "Every position is in EUR, but the currency is USD: the formulas count only USD positions, so they will find none." },
      ]);
    });
  });
});
