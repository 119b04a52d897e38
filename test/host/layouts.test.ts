/**
 * The task pane reserves exactly the cells each formula it writes spills into. Every formula of the
 * output plan is evaluated through the emulated Excel host, with the defined names it uses bound to a
 * sample book and a curve of 1, 2, 19 or 10,000 pillars, and the spilled result must fill the reserved
 * area exactly: no row or column more (a user's note there would be blocked or overwritten), none less.
 */
import { SAMPLE_AS_OF, SAMPLE_TIER1, positionsIn } from "../../src/sample/sampleBank";
import { NAMES, SHEETS, outputPlan, type LayoutInput } from "../../src/taskpane/excel/sheetLayouts";
import { excel } from "../helpers/excelHost";

const usd = positionsIn("USD");

function curveOf(pillars: number): unknown[][] {
  const rows: unknown[][] = [["Tenor", "Zero rate"]];
  for (let i = 1; i <= pillars; i++) rows.push([pillars === 1 ? 1 : (30 * i) / pillars, 0.02 + 0.01 * (i / pillars)]);
  return rows;
}

function inputOf(pillars: number): LayoutInput {
  return {
    positionsRef: "Positions[#All]",
    asOf: SAMPLE_AS_OF,
    curve: { kind: "range", ref: `Curve!$A$1:$B$${pillars + 1}`, pillarCount: pillars },
    currency: "USD",
    calibration: "BCBS2024",
    floor: "NONE",
    basel: ["PARALLEL_UP", "STEEPENER", "SHORT_DOWN"],
    custom: [{ id: "c1", label: "Up 50", kind: "parallel", arg: { kind: "bp", bp: 50 }, rampMonths: null }],
    tier1: SAMPLE_TIER1,
    outputs: { deltaEve: true, standardEve: true, deltaNii: true, repricingGap: true, charts: true },
  } as unknown as LayoutInput;
}

/** Splits `=ALM.ID(a, "b", , 3)` into its id and argument texts (the plan writes no nested calls). */
function parseCall(formula: string): { id: string; args: string[] } {
  const m = /^=ALM\.([A-Z]+)\((.*)\)$/.exec(formula);
  if (!m) throw new Error(`not an ALM call: ${formula}`);
  const args: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of m[2]) {
    if (ch === '"') quoted = !quoted;
    if (ch === "," && !quoted) {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (m[2].trim() !== "") args.push(current.trim());
  return { id: m[1], args };
}

describe.each([1, 2, 19, 10_000])("a curve of %i pillars", (pillars) => {
  const bound: Record<string, unknown> = {
    [NAMES.positions]: usd,
    [NAMES.asOf]: SAMPLE_AS_OF,
    [NAMES.curve]: curveOf(pillars),
    [NAMES.currency]: "USD",
    [NAMES.tier1]: SAMPLE_TIER1,
  };
  const value = (text: string): unknown => {
    if (text === "") return undefined;
    if (text.startsWith('"')) return text.slice(1, -1).replace(/""/g, '"');
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    if (/^(TRUE|FALSE)$/.test(text)) return text === "TRUE";
    if (!(text in bound)) throw new Error(`the test binds no name ${text}`);
    return bound[text];
  };

  test("every reserved spill area is exactly what its formula fills", async () => {
    const plan = outputPlan(inputOf(pillars));
    let checked = 0;
    for (const sheet of plan.sheets) {
      for (const spill of sheet.spills) {
        const block = sheet.blocks.find((b) => b.anchor.row === spill.anchor.row && b.anchor.col === spill.anchor.col);
        const formula = block?.cells[0][0];
        expect(typeof formula).toBe("string");
        const { id, args } = parseCall(formula as string);
        const result = (await excel[id](...args.map(value))) as unknown[][];
        expect({ sheet: sheet.sheet, id, rows: result.length, cols: result[0].length }).toEqual({ sheet: sheet.sheet, id, rows: spill.rows, cols: spill.cols });
        checked++;
      }
    }
    // The base curve has no formula; three Basel scenarios and one custom one are SHOCK spills, plus four result tables.
    expect(checked).toBe(3 + 1 + 4);
  });

  test("the charts read inside the spilled tables: the scenarios' ΔEVE and the buckets' gaps", async () => {
    const plan = outputPlan(inputOf(pillars));
    const results = plan.sheets.find((s) => s.sheet === SHEETS.results)!;
    expect(plan.charts).toHaveLength(2);
    for (const chart of plan.charts) {
      const spill = results.spills.find((s) => s.anchor.row <= chart.values.top && chart.values.bottom < s.anchor.row + s.rows)!;
      expect(spill).toBeDefined();
      const block = results.blocks.find((b) => b.anchor.row === spill.anchor.row && b.anchor.col === spill.anchor.col)!;
      const { id, args } = parseCall(block.cells[0][0] as string);
      const table = (await excel[id](...args.map(value))) as unknown[][];
      const rows = table.slice(chart.categories.top - spill.anchor.row, chart.categories.bottom - spill.anchor.row + 1);
      const labels = rows.map((r) => r[chart.categories.left - spill.anchor.col]);
      if (id === "DELTAEVE") expect(labels).toEqual(["PARALLEL_UP", "PARALLEL_DOWN", "STEEPENER", "FLATTENER", "SHORT_UP", "SHORT_DOWN"]);
      else expect(labels).toHaveLength(19);
      expect(labels).not.toContain("Total");
      expect(rows.every((r) => typeof r[chart.values.left - spill.anchor.col] === "number")).toBe(true);
    }
  });
});
