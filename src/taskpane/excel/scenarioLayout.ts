/**
 * The `ALM Scenarios` sheet, pure: the inputs block with its defined names, then a band of curve blocks
 * (the base curve, each chosen Basel scenario, each custom one) with one `=ALM.SHOCK(...)` per shocked
 * curve. With curves by currency there is one band per currency, under each other, each over that
 * currency's column of the curves range; a typed FX table stands beside the inputs.
 */
import type { CurveInput, LayoutInput } from "../domain/layoutInput";
import { BASEL_LABELS } from "../domain/scenarios";
import { spillSize } from "../../functions/schema/outputs";
import { boxOf, qualified, type CellPos } from "./a1";
import { FMT, NAMES, SHEETS, almFormula, calibrationLiteral, calibrationText, currencyCurve, customArg, floorLiteral, textLiteral, userText } from "./formulas";
import type { CellBlock, CellValue, NamePlan, SheetPlan, SpillArea } from "./planTypes";

/** Inputs block of the scenarios sheet: labels in column A, values in column B. */
export const INPUT_ROWS = { title: 3, asOf: 4, currency: 5, tier1: 6, positions: 7, calibration: 8, floor: 9, curves: 10, fx: 11 } as const;
/** First row of the band of curve blocks, one block of three columns (two used) per curve. */
export const BAND_TOP = 12;
/** With curves by currency: the first band's top, at the least (a long typed FX table pushes it down). */
export const BOOK_BAND_TOP = 14;
/** Definition rows of a block start one row under its title; the curve itself starts at this offset. */
export const BAND_CURVE_OFFSET = 6;
export const BLOCK_WIDTH = 3;
/** A typed FX table: its title row and column (right of the inputs); header and rates follow. */
export const FX_TABLE = { title: 3, col: 3 } as const;

export interface ScenarioBlock {
  readonly key: string;
  readonly label: string;
  readonly col: number;
  /** Where its shocked (or base) curve starts: the SHOCK formula or the pillar table header. */
  readonly curveAnchor: CellPos;
}

export function pillarCount(curve: CurveInput): number {
  return curve.kind === "pillars" ? curve.cells.length : curve.pillarCount;
}

/** The curve blocks of a band whose titles are on row `top`: the base curve, the Basel scenarios, the custom ones. */
export function scenarioBlocks(input: LayoutInput, top = BAND_TOP): ScenarioBlock[] {
  const keys: { key: string; label: string }[] = [
    { key: "BASE", label: "Base curve" },
    ...input.basel.map((s) => ({ key: s, label: BASEL_LABELS[s] })),
    ...input.custom.map((c) => ({ key: c.id, label: c.label })),
  ];
  return keys.map((k, i) => ({ ...k, col: i * BLOCK_WIDTH, curveAnchor: { row: top + BAND_CURVE_OFFSET, col: i * BLOCK_WIDTH } }));
}

export interface ScenarioSheetLayout {
  readonly sheet: SheetPlan;
  readonly names: readonly NamePlan[];
  /** Names of the shift tables of table-shaped custom scenarios, by custom scenario id. */
  readonly customTables: Readonly<Record<string, string>>;
}

/** One band of curve blocks: where it starts, the curve and currency arguments of its formulas. */
interface Band {
  readonly top: number;
  /** Bold heading over the band (one band per currency), or null. */
  readonly heading: string | null;
  readonly curve: string;
  readonly currency: string;
  /** The base curve block's definition rows. */
  readonly source: readonly (readonly CellValue[])[];
  /** The first band defines the custom shift tables; later ones refer to them. */
  readonly first: boolean;
}

/** Rows one band of curves by currency takes: heading, titles and definitions, the shocked curve, a gap. */
function bandHeight(input: LayoutInput): number {
  return 1 + BAND_CURVE_OFFSET + spillSize("SHOCK", { tenors: pillarCount(input.curve) }).rows + 1;
}

export function scenarioSheetLayout(input: LayoutInput): ScenarioSheetLayout {
  const sheet = SHEETS.scenarios;
  const ref = (pos: CellPos, rows = 1, cols = 1) => `=${qualified(sheet, boxOf(pos, rows, cols))}`;
  const name = (n: string, reference: string, comment: string): NamePlan => ({ name: n, reference, comment, owner: sheet });
  const blocks: CellBlock[] = [];
  const spills: SpillArea[] = [];
  const names: NamePlan[] = [];
  const customTables: Record<string, string> = {};
  const curve = input.curve;
  const n = pillarCount(curve);
  const cal = calibrationLiteral(input.calibration);
  const floor = floorLiteral(input.floor);

  blocks.push({ anchor: { row: 0, col: 0 }, cells: [["ALM scenario curves"]], bold: true });
  blocks.push({
    anchor: { row: 1, col: 0 },
    cells: [["Written by the ALM add-in. Run its Output step again to update these cells; it never overwrites cells it did not write without asking."]],
  });
  blocks.push({ anchor: { row: INPUT_ROWS.title, col: 0 }, cells: [["Inputs"]], bold: true });
  const asOf = { row: INPUT_ROWS.asOf, col: 1 };
  const currency = { row: INPUT_ROWS.currency, col: 1 };
  const tier1 = { row: INPUT_ROWS.tier1, col: 1 };
  const book = curve.kind === "byCurrency" ? curve : null;
  blocks.push({ anchor: { row: INPUT_ROWS.asOf, col: 0 }, cells: [["As of", input.asOf]], formats: [null, FMT.date] });
  blocks.push({ anchor: { row: INPUT_ROWS.currency, col: 0 }, cells: [[book ? "Reporting currency" : "Currency", input.currency]] });
  blocks.push({ anchor: { row: INPUT_ROWS.tier1, col: 0 }, cells: [[book ? `Tier 1 capital (${input.currency})` : "Tier 1 capital", input.tier1 ?? ""]], formats: [null, FMT.money] });
  blocks.push({
    anchor: { row: INPUT_ROWS.positions, col: 0 },
    cells: [
      ["Positions", input.positionsRef],
      ["Calibration", calibrationText(input.calibration)],
      ["Floor", input.floor],
    ],
  });

  names.push(name(NAMES.positions, `=${input.positionsRef}`, "Positions table with its header row (ALM add-in)"));
  names.push(name(NAMES.asOf, ref(asOf), "As-of date (ALM add-in)"));
  if (!book) names.push(name(NAMES.currency, ref(currency), "Currency of the shock scenarios (ALM add-in)"));
  if (input.tier1 !== null) names.push(name(NAMES.tier1, ref(tier1), `Tier 1 capital${book ? ` in ${input.currency}` : ""} for the outlier test (ALM add-in)`));
  if (typeof input.calibration !== "string") {
    names.push(name(NAMES.calibration, `=${input.calibration.ref}`, "The bank's own shock sizes: Currency, Parallel, Short, Long in bp (ALM add-in)"));
  }

  const bands: Band[] = [];
  if (book) {
    blocks.push({ anchor: { row: INPUT_ROWS.curves, col: 0 }, cells: [["Curves", book.ref], ["FX rates", book.fx.kind === "range" ? book.fx.ref : NAMES.fx]] });
    names.push(name(NAMES.curves, `=${book.ref}`, "Zero curves by currency: Tenor, then one column per currency (ALM add-in)"));
    let top = BOOK_BAND_TOP;
    if (book.fx.kind === "range") names.push(name(NAMES.fx, `=${book.fx.ref}`, `Exchange rates: units of ${input.currency} per unit of each currency (ALM add-in)`));
    else {
      const rows = book.fx.rows;
      const header = { row: FX_TABLE.title + 1, col: FX_TABLE.col };
      blocks.push({ anchor: { row: FX_TABLE.title, col: FX_TABLE.col }, cells: [[`FX rates to ${input.currency}`]], bold: true });
      blocks.push({ anchor: header, cells: [["Currency", "Rate"], ...rows.map((r) => [r[0], r[1]])] });
      names.push(name(NAMES.fx, ref(header, rows.length + 1, 2), `Exchange rates: units of ${input.currency} per unit of each currency (ALM add-in)`));
      top = Math.max(top, header.row + rows.length + 3);
    }
    const height = bandHeight(input);
    book.currencies.forEach((c, k) =>
      bands.push({ top: top + k * height, heading: `${c} curves`, curve: currencyCurve(c), currency: textLiteral(c), source: [["Source", `column ${c} of ${NAMES.curves}`]], first: k === 0 })
    );
  } else {
    const source: CellValue[][] = [["Source", curve.kind === "range" ? curve.ref : "typed in the add-in"]];
    bands.push({ top: BAND_TOP, heading: null, curve: NAMES.curve, currency: NAMES.currency, source, first: true });
  }

  let customIndex = 0;
  for (const band of bands) {
    if (band.heading) blocks.push({ anchor: { row: band.top, col: 0 }, cells: [[band.heading]], bold: true });
    const top = band.heading ? band.top + 1 : band.top;
    for (const block of scenarioBlocks(input, top)) {
      const col = block.col;
      blocks.push({ anchor: { row: top, col }, cells: [[userText(block.label)]], bold: true });
      const def = { row: top + 1, col };
      const anchor = block.curveAnchor;
      if (block.key === "BASE") {
        blocks.push({ anchor: def, cells: band.source });
        if (curve.kind === "pillars") {
          blocks.push({ anchor, cells: [["Tenor", "Zero rate"], ...curve.cells.map((c) => [c[0], c[1]])], formats: [null, FMT.rate] });
          names.push(name(NAMES.curve, ref(anchor, n + 1, 2), "Base zero curve: tenor, continuously-compounded zero rate (ALM add-in)"));
        } else if (curve.kind === "range") {
          names.push(name(NAMES.curve, `=${curve.ref}`, "Base zero curve: tenor, continuously-compounded zero rate (ALM add-in)"));
        }
        continue;
      }
      const custom = input.custom.find((c) => c.id === block.key);
      let scenario: string;
      if (!custom) {
        blocks.push({ anchor: def, cells: [["Scenario", block.key], ["Calibration", calibrationText(input.calibration)], ["Floor", input.floor]] });
        scenario = textLiteral(block.key);
      } else if (custom.arg.kind === "table" && band.first) {
        const tableName = NAMES.custom(++customIndex);
        customTables[custom.id] = tableName;
        const rows = custom.arg.rows;
        blocks.push({ anchor: def, cells: [["Tenor (years)", "Shift (bp)"], ...rows.map((r) => [r[0], r[1]])] });
        names.push(name(tableName, ref({ row: def.row + 1, col }, rows.length, 2), `Shift table of the custom scenario "${custom.label}" (ALM add-in)`));
        scenario = tableName;
      } else if (custom.arg.kind === "table") {
        scenario = customArg(custom, customTables[custom.id]);
        blocks.push({ anchor: def, cells: [["Shift table", scenario]] });
      } else {
        const cells: CellValue[][] = [["Shift (bp)", custom.arg.bp]];
        if (custom.rampMonths !== null) cells.push(["Ramp (months)", custom.rampMonths], ["Curve shown", "after the full ramp"]);
        blocks.push({ anchor: def, cells });
        scenario = customArg(custom, undefined);
      }
      blocks.push({ anchor, cells: [[almFormula("SHOCK", [band.curve, scenario, band.currency, cal, floor])]] });
      spills.push({ anchor, ...spillSize("SHOCK", { tenors: n }), formats: [null, FMT.rate] });
    }
  }
  return { sheet: { sheet, blocks, spills }, names, customTables };
}
