import fc from "fast-check";
import { boxAddress, boxOf, cellsOf, qualified } from "../../src/taskpane/excel/a1";
import { footprint } from "../../src/taskpane/excel/ownership";
import {
  NAMES,
  SHEETS,
  almFormula,
  numberLiteral,
  outputPlan,
  planFormulas,
  resultsSheetLayout,
  scenarioSheetLayout,
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
import { layoutInput } from "./support/fakeHost";

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
      "=ALM.DELTANII(ALM_Positions,ALM_AsOf,ALM_Curve,ALM_Currency)",
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
    expect(f).toContain("=ALM.NII(ALM_Positions,ALM_AsOf,ALM_Curve,-100,ALM_Currency,12)");
    expect(f).toContain("=ALM.NII(ALM_Positions,ALM_AsOf,ALM_Curve,200,ALM_Currency,12,12)");
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
    expect(boxAddress(layout.table.box)).toBe(`A1:T${usd.length}`);
    const [header, data] = layout.sheet.blocks;
    expect(header).toMatchObject({ anchor: { row: 0, col: 0 }, cells: [POSITION_HEADER], bold: true });
    expect(data.anchor).toEqual({ row: 1, col: 0 });
    expect(data.cells).toEqual(usd.slice(1));
    expect(data.formats?.[POSITION_HEADER.indexOf("Maturity")]).toBe("yyyy-mm-dd");
    expect(layout).toMatchObject({ currency: "USD", asOf: SAMPLE_AS_OF, tier1: tier1In("USD") });
  });

  it("writes the USD and EUR curves beside the table, each range holding the header and every pillar", () => {
    const layout = sampleBankLayout("ALM Sample Bank", "ALMSampleBank");
    expect(qualified(layout.sheet.sheet, layout.curves.USD, false)).toBe("'ALM Sample Bank'!V2:W14");
    expect(qualified(layout.sheet.sheet, layout.curves.EUR, false)).toBe("'ALM Sample Bank'!Y2:Z14");
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
