import fc from "fast-check";
import { boxAddress, boxOf, cellsOf, qualified } from "../../src/taskpane/excel/a1";
import { footprint } from "../../src/taskpane/excel/ownership";
import {
  NAMES,
  RESULTS,
  SHEETS,
  almFormula,
  numberLiteral,
  outputPlan,
  planFormulas,
  resultsSheetLayout,
  scenarioSheetLayout,
  sectionOffsets,
  textLiteral,
  userText,
  type LayoutInput,
  type SheetPlan,
} from "../../src/taskpane/excel/sheetLayouts";
import { SAMPLE, sampleBankLayout, uniqueSheetName, uniqueTableName } from "../../src/taskpane/excel/sampleBankLayout";
import { BASEL_SCENARIOS } from "../../src/taskpane/domain/setup";
import { POSITION_HEADER } from "../../src/sample/products";
import { SAMPLE_AS_OF, SAMPLE_CURVES, positionsIn, tier1In } from "../../src/sample/sampleBank";
import { planCustom, type PlannedCustom } from "../../src/taskpane/domain/scenarios";
import { LAST, SAMPLE_CURVE_RANGES, layoutInput } from "./support/fakeHost";

/** Throws when two blocks, two spill areas, or a block and a spill area (other than a formula's own anchor) share a cell. */
function expectNoOverlap(sheet: SheetPlan): void {
  const seen = new Map<string, string>();
  const claim = (what: string, cells: Iterable<{ row: number; col: number }>) => {
    for (const c of cells) {
      const k = `${c.row},${c.col}`;
      if (seen.has(k)) throw new Error(`${sheet.sheet}: ${what} overlaps ${seen.get(k)} at ${k}`);
      seen.set(k, what);
    }
  };
  sheet.blocks.forEach((b, i) => {
    const spill = sheet.spills.find((s) => s.anchor.row === b.anchor.row && s.anchor.col === b.anchor.col);
    if (!spill) claim(`block ${i}`, cellsOf(boxOf(b.anchor, b.cells.length, Math.max(...b.cells.map((r) => r.length)))));
  });
  sheet.spills.forEach((s, i) => claim(`spill ${i}`, cellsOf(boxOf(s.anchor, s.rows, s.cols))));
}

function planned(c: Parameters<typeof planCustom>[0]): PlannedCustom {
  const r = planCustom(c);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

const base: LayoutInput = layoutInput;

const formulasOf = (plan: SheetPlan) => plan.blocks.flatMap((b) => b.cells.flat()).filter((v): v is string => typeof v === "string" && v.startsWith("="));

describe("sheet layouts", () => {
  it("writes one ALM.SHOCK formula per chosen Basel scenario with the exact signature of docs/functions.md", () => {
    const { sheet } = scenarioSheetLayout(base);
    expect(sheet.sheet).toBe(SHEETS.scenarios);
    expect(formulasOf(sheet)).toEqual(BASEL_SCENARIOS.map((s) => `=ALM.SHOCK(ALM_Curve,"${s}",ALM_Currency,"BCBS2024","NONE")`));
  });

  it("writes the four result formulas over the defined names", () => {
    const { sheet } = resultsSheetLayout(base, {});
    expect(formulasOf(sheet)).toEqual([
      '=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,"BCBS2024","NONE")',
      '=ALM.STANDARDEVE(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,"BCBS2024","NONE",ALM_Tier1)',
      // Calibration, floor and Tier 1 as the other tables take them (the EU NII outlier test with a Tier 1).
      '=ALM.DELTANII(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,,,,,"BCBS2024","NONE",ALM_Tier1)',
      '=ALM.REPRICINGGAP(ALM_Positions,ALM_AsOf,"BASEL")',
    ]);
  });

  it("leaves the tier1 argument out of ALM.STANDARDEVE and defines no ALM_Tier1 when no Tier 1 capital is given", () => {
    const input = { ...base, tier1: null };
    expect(formulasOf(resultsSheetLayout(input, {}).sheet)).toContain('=ALM.STANDARDEVE(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,"BCBS2024","NONE")');
    expect(scenarioSheetLayout(input).names.map((n) => n.name)).not.toContain(NAMES.tier1);
  });

  it("defines the names on the inputs block and on the user's own ranges", () => {
    const names = Object.fromEntries(scenarioSheetLayout(base).names.map((n) => [n.name, n.reference]));
    expect(names).toEqual({
      ALM_Positions: "=Positions[#All]",
      ALM_AsOf: "='ALM Scenarios'!$B$5",
      ALM_Currency: "='ALM Scenarios'!$B$6",
      ALM_Tier1: "='ALM Scenarios'!$B$7",
      ALM_Curve: "=Curve!$A$1:$B$10",
    });
  });

  it("writes typed pillars as a table on the scenarios sheet and names it ALM_Curve, header included", () => {
    const input: LayoutInput = { ...base, curve: { kind: "pillars", cells: [["1Y", 0.02], ["5Y", 0.025], ["10Y", 0.03]] } };
    const layout = scenarioSheetLayout(input);
    const curve = layout.names.find((n) => n.name === NAMES.curve);
    expect(curve?.reference).toBe("='ALM Scenarios'!$A$19:$B$22");
    const table = layout.sheet.blocks.find((b) => b.cells[0][0] === "Tenor");
    expect(table?.cells).toEqual([["Tenor", "Zero rate"], ["1Y", 0.02], ["5Y", 0.025], ["10Y", 0.03]]);
    // The shocked curves spill one header row plus one row per pillar.
    expect(layout.sheet.spills.every((s) => s.rows === 4 && s.cols === 2)).toBe(true);
  });

  it("writes twist and key-rate scenarios as named tenor/shift tables that ALM.SHOCK references", () => {
    const twist = planned({ id: "c1", kind: "twist", name: "", shortBp: "-50", longBp: "75", pivot: "5Y" });
    const key = planned({ id: "c2", kind: "keyrate", name: "KR 10Y", tenor: "10Y", bp: "25" });
    const parallel = planned({ id: "c3", kind: "parallel", name: "", bp: "150" });
    const input = { ...base, basel: [], custom: [twist, key, parallel] };
    const layout = scenarioSheetLayout(input);
    expect(formulasOf(layout.sheet)).toEqual([
      '=ALM.SHOCK(ALM_Curve,ALM_Custom1,ALM_Currency,"BCBS2024","NONE")',
      '=ALM.SHOCK(ALM_Curve,ALM_Custom2,ALM_Currency,"BCBS2024","NONE")',
      '=ALM.SHOCK(ALM_Curve,150,ALM_Currency,"BCBS2024","NONE")',
    ]);
    const twistTable = layout.sheet.blocks.find((b) => b.cells[0][0] === "Tenor (years)" && b.anchor.col === 3);
    expect(twistTable?.cells.slice(1)).toEqual([[0, -50], [5, 0], [30, 75]]);
    expect(layout.names.find((n) => n.name === "ALM_Custom1")?.reference).toBe("='ALM Scenarios'!$D$15:$E$17");
    const keyTable = layout.sheet.blocks.find((b) => b.cells[0][0] === "Tenor (years)" && b.anchor.col === 6);
    expect(keyTable?.cells.slice(1)).toEqual([[7, 0], [10, 25], [15, 0]]);
  });

  it("evaluates custom scenarios for EVE and NII on the results sheet, ramps through ALM.NII's ramp_months", () => {
    const parallel = planned({ id: "c1", kind: "parallel", name: "", bp: "-100" });
    const ramp = planned({ id: "c2", kind: "ramp", name: "", bp: "200", months: "12" });
    const { sheet } = resultsSheetLayout({ ...base, custom: [parallel, ramp] }, {});
    const f = formulasOf(sheet);
    expect(f).toContain("=ALM.EVE(ALM_Positions,ALM_AsOf,ALM_Curve,,ALM_Currency)");
    expect(f).toContain("=ALM.NII(ALM_Positions,ALM_AsOf,ALM_Curve,,ALM_Currency,12)");
    expect(f).toContain('=ALM.EVE(ALM_Positions,ALM_AsOf,ALM_Curve,-100,ALM_Currency,"BCBS2024","NONE")');
    // The scenario NII takes the floor (and calibration) the scenario's EVE and ALM.SHOCK take.
    expect(f).toContain('=ALM.NII(ALM_Positions,ALM_AsOf,ALM_Curve,-100,ALM_Currency,12,,"BCBS2024","NONE")');
    expect(f).toContain('=ALM.NII(ALM_Positions,ALM_AsOf,ALM_Curve,200,ALM_Currency,12,12,"BCBS2024","NONE")');
    expect(f).toContain("=B64-$B$63");
    expect(f).toContain("=D65-$D$63");
  });

  it("puts a floor rate into the formulas as a decimal literal", () => {
    const { sheet } = scenarioSheetLayout({ ...base, basel: ["PARALLEL_DOWN"], floor: -0.0075 });
    expect(formulasOf(sheet)).toEqual(['=ALM.SHOCK(ALM_Curve,"PARALLEL_DOWN",ALM_Currency,"BCBS2024",-0.0075)']);
  });

  it("charts ΔEVE of the six scenarios as bars and the repricing gap of the 19 buckets as columns", () => {
    const { charts } = resultsSheetLayout(base, {});
    expect(charts.map((c) => [c.name, c.type, boxAddress(c.values), boxAddress(c.categories)])).toEqual([
      ["ALM DeltaEVE", "BarClustered", "C7:C12", "A7:A12"],
      ["ALM RepricingGap", "ColumnClustered", "F39:F57", "A39:A57"],
    ]);
    expect(resultsSheetLayout({ ...base, outputs: { ...base.outputs, charts: false } }, {}).charts).toEqual([]);
  });

  it("writes a scenario name a user typed as text even when it looks like a formula", () => {
    expect(userText("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(userText("-100 shock")).toBe("'-100 shock");
    expect(userText("Parallel −75 bp")).toBe("Parallel −75 bp");
  });

  it("quotes text literals and never writes numbers in exponent notation", () => {
    expect(textLiteral('a "b"')).toBe('"a ""b"""');
    expect(numberLiteral(1e-7)).toBe("0.0000001");
    expect(numberLiteral(-150)).toBe("-150");
    expect(almFormula("EVE", ["a", undefined, "c", undefined])).toBe("=ALM.EVE(a,,c)");
  });

  it("lists every formula with its address for the pane's preview", () => {
    const list = planFormulas(outputPlan(base));
    expect(list[0]).toEqual({ address: "'ALM Scenarios'!D19", formula: '=ALM.SHOCK(ALM_Curve,"PARALLEL_UP",ALM_Currency,"BCBS2024","NONE")' });
    expect(list.find((x) => x.formula.startsWith("=ALM.DELTAEVE"))?.address).toBe("'ALM Results'!A5");
  });

  it("never lets two blocks or spill areas of a sheet overlap, whatever the scenarios", () => {
    const customArb = fc.oneof(
      fc.record({ kind: fc.constant("parallel" as const), bp: fc.integer({ min: -500, max: 500 }) }),
      fc.record({ kind: fc.constant("twist" as const), bp: fc.integer({ min: -300, max: 300 }), pivot: fc.integer({ min: 1, max: 29 }) }),
      fc.record({ kind: fc.constant("keyrate" as const), bp: fc.integer({ min: -300, max: 300 }), pivot: fc.constantFrom(0.25, 1, 4, 10, 30, 40) }),
      fc.record({ kind: fc.constant("ramp" as const), bp: fc.integer({ min: -300, max: 300 }), pivot: fc.integer({ min: 1, max: 120 }) })
    );
    fc.assert(
      fc.property(
        fc.subarray([...BASEL_SCENARIOS]),
        fc.array(customArb, { maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: 1e9 }), { nil: null }),
        (basel, customs, pillars, typed, tier1) => {
          const custom = customs.map((c, i) => {
            const id = `c${i + 1}`;
            if (c.kind === "parallel") return planned({ id, kind: "parallel", name: "", bp: String(c.bp) });
            if (c.kind === "twist") return planned({ id, kind: "twist", name: "", shortBp: String(c.bp), longBp: String(-c.bp), pivot: String(c.pivot) });
            if (c.kind === "keyrate") return planned({ id, kind: "keyrate", name: "", tenor: String(c.pivot), bp: String(c.bp) });
            return planned({ id, kind: "ramp", name: "", bp: String(c.bp), months: String(c.pivot) });
          });
          const curve = typed
            ? { kind: "pillars" as const, cells: Array.from({ length: pillars }, (_, i) => [i + 1, 0.02] as const) }
            : { kind: "range" as const, ref: "Curve!$A$1:$B$50", pillarCount: pillars };
          const plan = outputPlan({ ...base, basel, custom, curve, tier1 });
          for (const sheet of plan.sheets) {
            expectNoOverlap(sheet);
            expect(footprint(sheet).length).toBeGreaterThan(0);
          }
          // Every name points into a written block or a user range.
          for (const n of plan.names) expect(n.reference.startsWith("=")).toBe(true);
        }
      ),
      { numRuns: 200 }
    );
  });

  it("writes references sheet-qualified and quoted where the sheet name needs it", () => {
    expect(qualified("ALM Scenarios", { top: 4, left: 1, bottom: 4, right: 1 })).toBe("'ALM Scenarios'!$B$5");
    expect(qualified("Curve", { top: 0, left: 0, bottom: 9, right: 1 })).toBe("Curve!$A$1:$B$10");
  });
});

describe("sample bank layout", () => {
  const usd = positionsIn("USD");

  it("names the sheet ALM Sample Bank, then ALM Sample Bank (2), (3)… whatever the case of the names taken", () => {
    expect(uniqueSheetName(SAMPLE.sheet, ["Positions"])).toBe("ALM Sample Bank");
    expect(uniqueSheetName(SAMPLE.sheet, ["alm sample bank"])).toBe("ALM Sample Bank (2)");
    expect(uniqueSheetName(SAMPLE.sheet, ["ALM Sample Bank", "ALM Sample Bank (2)"])).toBe("ALM Sample Bank (3)");
    expect(uniqueSheetName("x".repeat(31), ["x".repeat(31)])).toBe(`${"x".repeat(27)} (2)`);
  });

  it("names the table ALMSampleBank, then ALMSampleBank2…, avoiding tables and defined names alike", () => {
    expect(uniqueTableName(SAMPLE.table, ["Positions", "ALM_Curve"])).toBe("ALMSampleBank");
    expect(uniqueTableName(SAMPLE.table, ["almsamplebank", "ALMSampleBank2"])).toBe("ALMSampleBank3");
  });

  it("puts the USD positions with their header from A1 and the table over exactly those cells", () => {
    const layout = sampleBankLayout("ALM Sample Bank", "ALMSampleBank");
    expect(layout.table).toEqual({ name: "ALMSampleBank", box: boxOf({ row: 0, col: 0 }, usd.length, POSITION_HEADER.length) });
    expect(boxAddress(layout.table.box)).toBe(`A1:${LAST}${usd.length}`);
    const [header, data] = layout.sheet.blocks;
    expect(header).toMatchObject({ anchor: { row: 0, col: 0 }, cells: [POSITION_HEADER], bold: true });
    expect(data.anchor).toEqual({ row: 1, col: 0 });
    expect(data.cells).toEqual(usd.slice(1));
    expect(data.formats?.[POSITION_HEADER.indexOf("Maturity")]).toBe("yyyy-mm-dd");
    expect(layout).toMatchObject({ currency: "USD", asOf: SAMPLE_AS_OF, tier1: tier1In("USD") });
  });

  it("writes the USD and EUR curves beside the table, each range holding the header and every pillar", () => {
    const layout = sampleBankLayout("ALM Sample Bank", "ALMSampleBank");
    expect(qualified(layout.sheet.sheet, layout.curves.USD, false)).toBe(`'ALM Sample Bank'!${SAMPLE_CURVE_RANGES.USD}`);
    expect(qualified(layout.sheet.sheet, layout.curves.EUR, false)).toBe(`'ALM Sample Bank'!${SAMPLE_CURVE_RANGES.EUR}`);
    for (const c of ["USD", "EUR"] as const) {
      const written = new Map<string, unknown>();
      for (const b of layout.sheet.blocks) b.cells.forEach((row, i) => row.forEach((v, j) => written.set(`${b.anchor.row + i},${b.anchor.col + j}`, v)));
      const box = layout.curves[c];
      const got = [...Array(box.bottom - box.top + 1).keys()].map((i) => [written.get(`${box.top + i},${box.left}`), written.get(`${box.top + i},${box.left + 1}`)]);
      expect(got).toEqual(SAMPLE_CURVES[c].map((r) => [...r]));
    }
  });

  it("never lets two blocks of the sample sheet overlap or a curve touch the table", () => {
    const layout = sampleBankLayout("ALM Sample Bank", "ALMSampleBank");
    const seen = new Set<string>();
    for (const box of footprint(layout.sheet)) {
      for (const p of cellsOf(box)) {
        const k = `${p.row},${p.col}`;
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    }
    for (const c of ["USD", "EUR"] as const) expect(layout.curves[c].left).toBeGreaterThan(layout.table.box.right + 1);
  });
});

describe("sheet layouts of a book in several currencies", () => {
  const book: LayoutInput = {
    ...base,
    curve: { kind: "byCurrency", ref: "Curves!$A$1:$C$10", pillarCount: 9, currencies: ["USD", "EUR"], fx: { kind: "typed", rows: [["USD", 1], ["EUR", 1.1]] } },
    currency: "USD",
    outputs: { ...base.outputs, outlier: { method: "FULL", rule: "EU" } },
  };
  const curveOf = (c: string) => `CHOOSECOLS(ALM_Curves,1,XMATCH("${c}",TAKE(ALM_Curves,1)))`;

  it("puts the outlier test on top, then a section per currency over its column of the curves, with its code as currency", () => {
    const { sheet } = resultsSheetLayout(book, {});
    const formulas = formulasOf(sheet);
    expect(formulas[0]).toBe('=ALM.OUTLIERTEST(ALM_Positions,ALM_AsOf,ALM_Curves,ALM_Tier1,ALM_FX,"FULL","BCBS2024","NONE","EU")');
    expect(formulas.slice(1)).toEqual(
      ["USD", "EUR"].flatMap((c) => [
        `=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,${curveOf(c)},"${c}","BCBS2024","NONE")`,
        // Tier 1 is in the reporting currency: the per-currency standardised tables leave it out.
        `=ALM.STANDARDEVE(ALM_Positions,ALM_AsOf,${curveOf(c)},"${c}","BCBS2024","NONE")`,
        `=ALM.DELTANII(ALM_Positions,ALM_AsOf,${curveOf(c)},"${c}",,,,,"BCBS2024","NONE")`,
        `=ALM.REPRICINGGAP(ALM_Positions,ALM_AsOf,"BASEL",,"${c}")`,
      ])
    );
    const outlier = sheet.spills[0];
    expect(outlier).toMatchObject({ anchor: RESULTS.outlier.anchor, rows: 11, cols: 7 });
    const [usd, eur] = sectionOffsets(book, ["USD", "EUR"]);
    expect(usd.heading).toBeGreaterThan(outlier.anchor.row + outlier.rows);
    expect(sheet.blocks.find((b) => b.anchor.row === usd.heading)?.cells).toEqual([["USD results, in USD"]]);
    expect(sheet.blocks.find((b) => b.anchor.row === eur.heading)?.cells).toEqual([["EUR results, in EUR"]]);
    expect(sheet.spills.find((s) => s.anchor.row === RESULTS.deltaEve.anchor.row + eur.offset)).toMatchObject({ rows: 9, cols: 4 });
  });

  it("charts each currency's ΔEVE and gap under its own name, inside its section's spills", () => {
    const { sheet, charts } = resultsSheetLayout(book, {});
    expect(charts.map((c) => [c.name, c.valueTitle])).toEqual([
      ["ALM DeltaEVE USD", "ΔEVE (USD)"],
      ["ALM RepricingGap USD", "Gap (USD)"],
      ["ALM DeltaEVE EUR", "ΔEVE (EUR)"],
      ["ALM RepricingGap EUR", "Gap (EUR)"],
    ]);
    for (const c of charts) {
      const inside = sheet.spills.some((s) => s.anchor.row <= c.values.top && c.values.bottom < s.anchor.row + s.rows && s.anchor.row <= c.categories.top && c.categories.bottom < s.anchor.row + s.rows);
      expect({ chart: c.name, inside }).toEqual({ chart: c.name, inside: true });
    }
  });

  it("names the curves by currency and the typed FX table (reporting currency at 1), and no single curve or currency", () => {
    const layout = scenarioSheetLayout(book);
    const names = Object.fromEntries(layout.names.map((n) => [n.name, n.reference]));
    expect(names).toEqual({
      ALM_Positions: "=Positions[#All]",
      ALM_AsOf: "='ALM Scenarios'!$B$5",
      ALM_Tier1: "='ALM Scenarios'!$B$7",
      ALM_Curves: "=Curves!$A$1:$C$10",
      ALM_FX: "='ALM Scenarios'!$D$5:$E$7",
    });
    const fx = layout.sheet.blocks.find((b) => b.cells[0][0] === "Currency");
    expect(fx).toMatchObject({ anchor: { row: 4, col: 3 }, cells: [["Currency", "Rate"], ["USD", 1], ["EUR", 1.1]] });
    const range = scenarioSheetLayout({ ...book, curve: { ...book.curve, fx: { kind: "range", ref: "FX!$A$1:$B$3" } } as LayoutInput["curve"] });
    expect(range.names.find((n) => n.name === NAMES.fx)?.reference).toBe("=FX!$A$1:$B$3");
    expect(range.sheet.blocks.some((b) => b.cells[0][0] === "Currency")).toBe(false);
  });

  it("writes one band of ALM.SHOCK per currency; a custom shift table is defined once and the other bands refer to it", () => {
    const twist = planned({ id: "c1", kind: "twist", name: "", shortBp: "-50", longBp: "50", pivot: "5Y" });
    const layout = scenarioSheetLayout({ ...book, basel: ["PARALLEL_UP"], custom: [twist] });
    expect(formulasOf(layout.sheet)).toEqual([
      `=ALM.SHOCK(${curveOf("USD")},"PARALLEL_UP","USD","BCBS2024","NONE")`,
      `=ALM.SHOCK(${curveOf("USD")},ALM_Custom1,"USD","BCBS2024","NONE")`,
      `=ALM.SHOCK(${curveOf("EUR")},"PARALLEL_UP","EUR","BCBS2024","NONE")`,
      `=ALM.SHOCK(${curveOf("EUR")},ALM_Custom1,"EUR","BCBS2024","NONE")`,
    ]);
    expect(layout.names.filter((n) => n.name.startsWith("ALM_Custom")).map((n) => n.name)).toEqual(["ALM_Custom1"]);
    expect(layout.sheet.blocks.filter((b) => b.cells[0][0] === "Shift table").map((b) => b.cells)).toEqual([[["Shift table", "ALM_Custom1"]]]);
  });

  it("gives the own shock sizes range every calibration argument, through ALM_Calibration", () => {
    const own: LayoutInput = { ...base, calibration: { kind: "own", ref: "Own!$A$1:$D$3" } };
    const layout = scenarioSheetLayout(own);
    expect(layout.names.find((n) => n.name === NAMES.calibration)?.reference).toBe("=Own!$A$1:$D$3");
    expect(formulasOf(layout.sheet)[0]).toBe('=ALM.SHOCK(ALM_Curve,"PARALLEL_UP",ALM_Currency,ALM_Calibration,"NONE")');
    expect(formulasOf(resultsSheetLayout(own, {}).sheet)[0]).toBe('=ALM.DELTAEVE(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency,ALM_Calibration,"NONE")');
    expect(formulasOf(resultsSheetLayout({ ...book, calibration: { kind: "own", ref: "Own!$A$1:$D$3" } }, {}).sheet)[0]).toContain(",ALM_Calibration,");
  });

  it("never lets two blocks or spill areas overlap, whatever the currencies, rates, scenarios and outputs", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom("EUR", "USD", "GBP", "JPY", "CHF", "NOK", "PLN"), { minLength: 2, maxLength: 7 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 30 }),
        fc.subarray([...BASEL_SCENARIOS]),
        fc.integer({ min: 0, max: 4 }),
        fc.record({ deltaEve: fc.boolean(), standardEve: fc.boolean(), deltaNii: fc.boolean(), repricingGap: fc.boolean(), charts: fc.boolean(), outlier: fc.option(fc.constant({ method: "STANDARD" as const, rule: "BCBS" as const }), { nil: null }) }),
        (currencies, typed, pillars, basel, customs, outputs) => {
          const fx = typed ? { kind: "typed" as const, rows: currencies.map((c, i) => [c, i + 1] as const) } : { kind: "range" as const, ref: "FX!$A$1:$B$9" };
          const custom = Array.from({ length: customs }, (_, i) => planned({ id: `c${i + 1}`, kind: i % 2 ? "twist" : "parallel", name: "", bp: "25", shortBp: "10", longBp: "-10", pivot: "3Y" } as never));
          const plan = outputPlan({ ...base, currency: currencies[0], basel, custom, outputs, curve: { kind: "byCurrency", ref: "Curves!$A$1:$H$40", pillarCount: pillars, currencies, fx } });
          for (const sheet of plan.sheets) expectNoOverlap(sheet);
          expect(new Set(plan.charts.map((c) => c.name)).size).toBe(plan.charts.length);
        }
      ),
      { numRuns: 150 }
    );
  });
});
