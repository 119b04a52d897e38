/**
 * What the add-in writes where, pure (no Office): the `ALM Scenarios` and `ALM Results` sheets as cell
 * blocks, the spill areas their formulas need, the defined names the formulas use and the charts.
 * Formulas call the ALM functions with the exact signatures of docs/functions.md over defined names, so
 * the workbook stays refreshable without the pane. Rows and columns are 0-based; `A1` text appears only in
 * formulas.
 */
import type { CurveInput, LayoutInput } from "../domain/layoutInput";
import { BASEL_LABELS, type FloorArg, type PlannedCustom } from "../domain/scenarios";
import { boxOf, cellAddress, qualified, type Box, type CellPos } from "./a1";
import { DEFAULT_BUCKETS, DEFAULT_NII_SCENARIOS, spillSize } from "../../functions/schema/outputs";

export const SHEETS = { scenarios: "ALM Scenarios", results: "ALM Results" } as const;

export const NAMES = {
  positions: "ALM_Positions",
  asOf: "ALM_AsOf",
  curve: "ALM_Curve",
  currency: "ALM_Currency",
  tier1: "ALM_Tier1",
  custom: (k: number) => `ALM_Custom${k}`,
} as const;

export const CHARTS = { deltaEve: "ALM DeltaEVE", repricingGap: "ALM RepricingGap" } as const;

/** A cell as the add-in writes it: a number, a boolean, text, or a formula (text starting with "="). */
export type CellValue = string | number | boolean;

export interface CellBlock {
  readonly anchor: CellPos;
  readonly cells: readonly (readonly CellValue[])[];
  /** Number format per column of the block (null: leave as is). */
  readonly formats?: readonly (string | null)[];
  readonly bold?: boolean;
  /**
   * Data the add-in writes once for the user (the sample bank), not output it manages: written as
   * values, and recorded in the ledger as the rectangle written, not cell by cell, so the cells are the
   * user's to edit and are never overwritten without asking.
   */
  readonly data?: boolean;
}

/** The cells a formula at `anchor` spills into (anchor included), kept empty for it. */
export interface SpillArea {
  readonly anchor: CellPos;
  readonly rows: number;
  readonly cols: number;
  readonly formats?: readonly (string | null)[];
}

export interface SheetPlan {
  readonly sheet: string;
  readonly blocks: readonly CellBlock[];
  readonly spills: readonly SpillArea[];
}

export interface NamePlan {
  readonly name: string;
  /** Reference as Excel stores it, with a leading "=". */
  readonly reference: string;
  readonly comment: string;
  /** The sheet whose plan owns the name: writing that sheet again updates or removes it. */
  readonly owner: string;
}

export interface ChartPlan {
  readonly sheet: string;
  readonly name: string;
  readonly type: "ColumnClustered" | "BarClustered";
  readonly title: string;
  readonly seriesName: string;
  readonly values: Box;
  readonly categories: Box;
  readonly from: CellPos;
  readonly to: CellPos;
  readonly categoryTitle: string;
  readonly valueTitle: string;
}

/** An Excel table the add-in makes over cells it writes (header row included). */
export interface TablePlan {
  readonly sheet: string;
  readonly name: string;
  readonly box: Box;
}

/** Everything one write changes; the gateway writes it as one transaction (all of it, or nothing). */
export interface OutputPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamePlan[];
  readonly charts: readonly ChartPlan[];
  readonly tables?: readonly TablePlan[];
  /** The sheet to show once the write is done. */
  readonly activate?: string;
  /** What the user asked for, as messages name it ("the sample bank"); "the write" when absent. */
  readonly label?: string;
}

export type { CurveInput, LayoutInput } from "../domain/layoutInput";

/** NII horizon of the custom-scenario block, in months (ALM.NII's default). */
export const NII_HORIZON_MONTHS = 12;

export const FMT = { date: "yyyy-mm-dd", rate: "0.000%", money: "#,##0", pct: "0.00%", bp: "0" } as const;

/**
 * Text a user typed, as a cell constant: a leading = + - or @ would make Excel read it as a formula, so
 * such text gets Excel's text prefix (an apostrophe).
 */
export function userText(text: string): string {
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

/** A text literal inside a formula: quoted, inner quotes doubled. */
export function textLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** A number literal inside a formula, in plain decimal notation (no exponent). */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/\.?0+$/, "");
}

/** `=ALM.NAME(a,b,…)`; trailing omitted (undefined) arguments are dropped, inner ones left empty. */
export function almFormula(name: string, args: readonly (string | undefined)[]): string {
  const list = [...args];
  while (list.length > 0 && list[list.length - 1] === undefined) list.pop();
  return `=ALM.${name}(${list.map((a) => a ?? "").join(",")})`;
}

export function floorLiteral(floor: FloorArg): string {
  return typeof floor === "number" ? numberLiteral(floor) : textLiteral(floor);
}

function floorText(floor: FloorArg): string | number {
  return typeof floor === "number" ? floor : floor;
}

/** The `scenario` argument of a custom scenario: a bp number or the name of its shift table. */
function customArg(c: PlannedCustom, tableName: string | null): string {
  return c.arg.kind === "bp" ? numberLiteral(c.arg.bp) : (tableName as string);
}

// ---------------------------------------------------------------------------------------------------
// ALM Scenarios

/** Inputs block of the scenarios sheet: labels in column A, values in column B. */
export const INPUT_ROWS = { title: 3, asOf: 4, currency: 5, tier1: 6, positions: 7, calibration: 8, floor: 9 } as const;
/** First row of the band of curve blocks, one block of three columns (two used) per curve. */
export const BAND_TOP = 12;
/** Definition rows of a block start one row under its title; the curve itself starts at this offset. */
export const BAND_CURVE_OFFSET = 6;
export const BLOCK_WIDTH = 3;

export interface ScenarioBlock {
  readonly key: string;
  readonly label: string;
  readonly col: number;
  /** Where its shocked (or base) curve starts: the SHOCK formula or the pillar table header. */
  readonly curveAnchor: CellPos;
}

export function pillarCount(curve: CurveInput): number {
  return curve.kind === "range" ? curve.pillarCount : curve.cells.length;
}

/** The curve blocks in band order: the base curve, the chosen Basel scenarios, then the custom ones. */
export function scenarioBlocks(input: LayoutInput): ScenarioBlock[] {
  const keys: { key: string; label: string }[] = [
    { key: "BASE", label: "Base curve" },
    ...input.basel.map((s) => ({ key: s, label: BASEL_LABELS[s] })),
    ...input.custom.map((c) => ({ key: c.id, label: c.label })),
  ];
  return keys.map((k, i) => ({ ...k, col: i * BLOCK_WIDTH, curveAnchor: { row: BAND_TOP + BAND_CURVE_OFFSET, col: i * BLOCK_WIDTH } }));
}

export interface ScenarioSheetLayout {
  readonly sheet: SheetPlan;
  readonly names: readonly NamePlan[];
  /** Names of the shift tables of table-shaped custom scenarios, by custom scenario id. */
  readonly customTables: Readonly<Record<string, string>>;
}

export function scenarioSheetLayout(input: LayoutInput): ScenarioSheetLayout {
  const sheet = SHEETS.scenarios;
  const ref = (pos: CellPos, rows = 1, cols = 1) => `=${qualified(sheet, boxOf(pos, rows, cols))}`;
  const name = (n: string, reference: string, comment: string): NamePlan => ({ name: n, reference, comment, owner: sheet });
  const blocks: CellBlock[] = [];
  const spills: SpillArea[] = [];
  const names: NamePlan[] = [];
  const customTables: Record<string, string> = {};
  const n = pillarCount(input.curve);

  blocks.push({ anchor: { row: 0, col: 0 }, cells: [["ALM scenario curves"]], bold: true });
  blocks.push({
    anchor: { row: 1, col: 0 },
    cells: [["Written by the ALM add-in. Run its Output step again to update these cells; it never overwrites cells it did not write without asking."]],
  });
  blocks.push({ anchor: { row: INPUT_ROWS.title, col: 0 }, cells: [["Inputs"]], bold: true });
  const asOf = { row: INPUT_ROWS.asOf, col: 1 };
  const currency = { row: INPUT_ROWS.currency, col: 1 };
  const tier1 = { row: INPUT_ROWS.tier1, col: 1 };
  blocks.push({ anchor: { row: INPUT_ROWS.asOf, col: 0 }, cells: [["As of", input.asOf]], formats: [null, FMT.date] });
  blocks.push({ anchor: { row: INPUT_ROWS.currency, col: 0 }, cells: [["Currency", input.currency]] });
  blocks.push({ anchor: { row: INPUT_ROWS.tier1, col: 0 }, cells: [["Tier 1 capital", input.tier1 ?? ""]], formats: [null, FMT.money] });
  blocks.push({
    anchor: { row: INPUT_ROWS.positions, col: 0 },
    cells: [
      ["Positions", input.positionsRef],
      ["Calibration", input.calibration],
      ["Floor", floorText(input.floor)],
    ],
  });

  names.push(name(NAMES.positions, `=${input.positionsRef}`, "Positions table with its header row (ALM add-in)"));
  names.push(name(NAMES.asOf, ref(asOf), "As-of date (ALM add-in)"));
  names.push(name(NAMES.currency, ref(currency), "Currency of the shock scenarios (ALM add-in)"));
  if (input.tier1 !== null) names.push(name(NAMES.tier1, ref(tier1), "Tier 1 capital for the outlier test (ALM add-in)"));

  const curveArgs = (scenario: string) => [NAMES.curve, scenario, NAMES.currency, textLiteral(input.calibration), floorLiteral(input.floor)];
  let customIndex = 0;
  for (const block of scenarioBlocks(input)) {
    const top = BAND_TOP;
    const col = block.col;
    blocks.push({ anchor: { row: top, col }, cells: [[userText(block.label)]], bold: true });
    const def = { row: top + 1, col };
    const anchor = block.curveAnchor;
    if (block.key === "BASE") {
      if (input.curve.kind === "pillars") {
        blocks.push({ anchor: def, cells: [["Source", "typed in the add-in"]] });
        blocks.push({ anchor, cells: [["Tenor", "Zero rate"], ...input.curve.cells.map((c) => [c[0], c[1]])], formats: [null, FMT.rate] });
        names.push(name(NAMES.curve, ref(anchor, n + 1, 2), "Base zero curve: tenor, continuously-compounded zero rate (ALM add-in)"));
      } else {
        blocks.push({ anchor: def, cells: [["Source", input.curve.ref]] });
        names.push(name(NAMES.curve, `=${input.curve.ref}`, "Base zero curve: tenor, continuously-compounded zero rate (ALM add-in)"));
      }
      continue;
    }
    const custom = input.custom.find((c) => c.id === block.key);
    let scenario: string;
    if (!custom) {
      blocks.push({ anchor: def, cells: [["Scenario", block.key], ["Calibration", input.calibration], ["Floor", floorText(input.floor)]] });
      scenario = textLiteral(block.key);
    } else if (custom.arg.kind === "table") {
      customIndex++;
      const tableName = NAMES.custom(customIndex);
      customTables[custom.id] = tableName;
      const rows = custom.arg.rows;
      blocks.push({ anchor: def, cells: [["Tenor (years)", "Shift (bp)"], ...rows.map((r) => [r[0], r[1]])] });
      names.push(name(tableName, ref({ row: def.row + 1, col }, rows.length, 2), `Shift table of the custom scenario "${custom.label}" (ALM add-in)`));
      scenario = tableName;
    } else {
      const cells: CellValue[][] = [["Shift (bp)", custom.arg.bp]];
      if (custom.rampMonths !== null) cells.push(["Ramp (months)", custom.rampMonths], ["Curve shown", "after the full ramp"]);
      blocks.push({ anchor: def, cells });
      scenario = customArg(custom, null);
    }
    blocks.push({ anchor, cells: [[almFormula("SHOCK", curveArgs(scenario))]] });
    spills.push({ anchor, ...spillSize("SHOCK", { tenors: n }), formats: [null, FMT.rate] });
  }
  return { sheet: { sheet, blocks, spills }, names, customTables };
}

// ---------------------------------------------------------------------------------------------------
// ALM Results

/**
 * Fixed places of the result tables, so a second run finds them where the first left them; each reserves
 * exactly the cells its formula spills into (the functions' declared output shapes).
 */
export const RESULTS = {
  deltaEve: { title: 3, anchor: { row: 4, col: 0 }, ...spillSize("DELTAEVE", {}) },
  standardEve: { title: 15, anchor: { row: 16, col: 0 }, ...spillSize("STANDARDEVE", {}) },
  deltaNii: { title: 28, anchor: { row: 29, col: 0 }, ...spillSize("DELTANII", { scenarios: DEFAULT_NII_SCENARIOS }) },
  repricingGap: { title: 36, anchor: { row: 37, col: 0 }, ...spillSize("REPRICINGGAP", { buckets: DEFAULT_BUCKETS }) },
  custom: { title: 60, header: 61 },
  chartLeft: 8,
} as const;

export interface ResultsSheetLayout {
  readonly sheet: SheetPlan;
  readonly charts: readonly ChartPlan[];
}

export function resultsSheetLayout(input: LayoutInput, customTables: Readonly<Record<string, string>>): ResultsSheetLayout {
  const sheet = SHEETS.results;
  const blocks: CellBlock[] = [];
  const spills: SpillArea[] = [];
  const charts: ChartPlan[] = [];
  const cal = textLiteral(input.calibration);
  const floor = floorLiteral(input.floor);
  const base = [NAMES.positions, NAMES.asOf, NAMES.curve];
  const out = input.outputs;

  blocks.push({ anchor: { row: 0, col: 0 }, cells: [["ALM results"]], bold: true });
  blocks.push({
    anchor: { row: 1, col: 0 },
    cells: [[`Live ALM formulas over the names ${NAMES.positions}, ${NAMES.asOf}, ${NAMES.curve} and ${NAMES.currency}. Written by the ALM add-in; run its Output step again to update.`]],
  });

  const table = (
    spec: { title: number; anchor: CellPos; rows: number; cols: number },
    title: string,
    formula: string,
    formats: (string | null)[]
  ) => {
    blocks.push({ anchor: { row: spec.title, col: 0 }, cells: [[title]], bold: true });
    blocks.push({ anchor: spec.anchor, cells: [[formula]] });
    spills.push({ anchor: spec.anchor, rows: spec.rows, cols: spec.cols, formats });
  };

  if (out.deltaEve) {
    table(RESULTS.deltaEve, "Change in economic value of equity (ΔEVE), six Basel scenarios",
      almFormula("DELTAEVE", [...base, NAMES.currency, cal, floor]), [null, FMT.money, FMT.money, FMT.pct]);
    if (out.charts) {
      const a = RESULTS.deltaEve.anchor;
      // Spill rows: header, BASE, the scenarios, then WORST: the chart shows the scenarios' ΔEVE.
      const first = a.row + 2;
      const last = a.row + RESULTS.deltaEve.rows - 2;
      charts.push({
        sheet, name: CHARTS.deltaEve, type: "BarClustered", title: "ΔEVE by Basel scenario", seriesName: "ΔEVE",
        values: { top: first, bottom: last, left: a.col + 2, right: a.col + 2 },
        categories: { top: first, bottom: last, left: a.col, right: a.col },
        from: { row: RESULTS.deltaEve.title, col: RESULTS.chartLeft }, to: { row: RESULTS.deltaEve.title + 11, col: RESULTS.chartLeft + 7 },
        categoryTitle: "Scenario", valueTitle: `ΔEVE (${input.currency})`,
      });
    }
  }
  if (out.standardEve) {
    const args = [...base, NAMES.currency, cal, floor, input.tier1 !== null ? NAMES.tier1 : undefined];
    table(RESULTS.standardEve, "Standardised EVE (Basel IRRBB framework)", almFormula("STANDARDEVE", args), [null, FMT.money, FMT.money, FMT.pct]);
  }
  if (out.deltaNii) {
    table(RESULTS.deltaNii, `Change in net interest income (ΔNII), ${NII_HORIZON_MONTHS} months`, almFormula("DELTANII", [...base, NAMES.currency]), [null, FMT.money, FMT.money, FMT.pct]);
  }
  if (out.repricingGap) {
    table(RESULTS.repricingGap, "Repricing gap, Basel buckets", almFormula("REPRICINGGAP", [NAMES.positions, NAMES.asOf, textLiteral("BASEL")]),
      [null, FMT.date, FMT.date, FMT.money, FMT.money, FMT.money, FMT.money]);
    if (out.charts) {
      const a = RESULTS.repricingGap.anchor;
      // Spill rows: header, the buckets, Total. Gap is the sixth column.
      const last = a.row + RESULTS.repricingGap.rows - 2;
      charts.push({
        sheet, name: CHARTS.repricingGap, type: "ColumnClustered", title: "Repricing gap by Basel bucket", seriesName: "Gap",
        values: { top: a.row + 1, bottom: last, left: a.col + 5, right: a.col + 5 },
        categories: { top: a.row + 1, bottom: last, left: a.col, right: a.col },
        from: { row: RESULTS.repricingGap.title, col: RESULTS.chartLeft }, to: { row: RESULTS.repricingGap.title + 20, col: RESULTS.chartLeft + 7 },
        categoryTitle: "Bucket", valueTitle: `Gap (${input.currency})`,
      });
    }
  }
  if (input.custom.length > 0) {
    const { title, header } = RESULTS.custom;
    const baseRow = header + 1;
    const b = cellAddress({ row: baseRow, col: 1 }, true);
    const d = cellAddress({ row: baseRow, col: 3 }, true);
    const niiBase = almFormula("NII", [...base, undefined, NAMES.currency, String(NII_HORIZON_MONTHS)]);
    const rows: CellValue[][] = [
      ["Scenario", "EVE", "ΔEVE", `NII (${NII_HORIZON_MONTHS} months)`, "ΔNII"],
      ["Base", almFormula("EVE", [...base, undefined, NAMES.currency]), "", niiBase, ""],
    ];
    input.custom.forEach((c, i) => {
      const row = baseRow + 1 + i;
      const arg = customArg(c, customTables[c.id] ?? null);
      const here = (col: number) => cellAddress({ row, col });
      const nii = almFormula("NII", [...base, arg, NAMES.currency, String(NII_HORIZON_MONTHS), c.rampMonths !== null ? String(c.rampMonths) : undefined]);
      const eve = c.rampMonths !== null ? ["(NII only)", ""] : [almFormula("EVE", [...base, arg, NAMES.currency, cal, floor]), `=${here(1)}-${b}`];
      rows.push([userText(c.label), eve[0], eve[1], nii, `=${here(3)}-${d}`]);
    });
    blocks.push({ anchor: { row: title, col: 0 }, cells: [["Custom scenarios"]], bold: true });
    blocks.push({ anchor: { row: header, col: 0 }, cells: rows, formats: [null, FMT.money, FMT.money, FMT.money, FMT.money] });
  }
  return { sheet: { sheet, blocks, spills }, charts };
}

/** Everything the Output step writes. */
export function outputPlan(input: LayoutInput): OutputPlan {
  const scenarios = scenarioSheetLayout(input);
  const results = resultsSheetLayout(input, scenarios.customTables);
  return { sheets: [scenarios.sheet, results.sheet], names: scenarios.names, charts: results.charts };
}

/** Every formula of a plan with its address, for the pane's "what will be written" list. */
export function planFormulas(plan: OutputPlan): { address: string; formula: string }[] {
  const out: { address: string; formula: string }[] = [];
  for (const s of plan.sheets) {
    for (const b of s.blocks) {
      b.cells.forEach((row, i) =>
        row.forEach((v, j) => {
          if (typeof v === "string" && v.startsWith("=")) out.push({ address: qualified(s.sheet, boxOf({ row: b.anchor.row + i, col: b.anchor.col + j }, 1, 1), false), formula: v });
        })
      );
    }
  }
  return out;
}
