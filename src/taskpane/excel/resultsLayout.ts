/**
 * The `ALM Results` sheet, pure: live ALM formulas over the defined names at fixed places, each
 * reserving exactly the cells its formula spills into (the functions' declared output shapes), and the
 * charts over them. A book in one currency has one section of result tables. A book in several has the
 * outlier test across currencies (ALM.OUTLIERTEST) at the top, then one section per currency, under
 * each other, each over that currency's column of the curves range and with its code as `currency`.
 */
import type { LayoutInput } from "../domain/layoutInput";
import { DEFAULT_BUCKETS, DEFAULT_NII_SCENARIOS, spillSize } from "../../functions/schema/outputs";
import { cellAddress, type CellPos } from "./a1";
import { CHARTS, FMT, NAMES, NII_HORIZON_MONTHS, SHEETS, almFormula, calibrationLiteral, currencyCurve, customArg, floorLiteral, textLiteral, userText } from "./formulas";
import type { CellBlock, CellValue, ChartPlan, SheetPlan, SpillArea } from "./planTypes";

/**
 * Fixed places of the result tables of a section, so a second run finds them where the first left
 * them; each reserves exactly the cells its formula spills into (the functions' declared output shapes).
 * With several currencies, `outlier` is the outlier test's place and each currency's section is these
 * places moved down (see `sectionOffsets`).
 */
export const RESULTS = {
  deltaEve: { title: 3, anchor: { row: 4, col: 0 }, ...spillSize("DELTAEVE", {}) },
  standardEve: { title: 15, anchor: { row: 16, col: 0 }, ...spillSize("STANDARDEVE", {}) },
  deltaNii: { title: 28, anchor: { row: 29, col: 0 }, ...spillSize("DELTANII", { scenarios: DEFAULT_NII_SCENARIOS }) },
  repricingGap: { title: 36, anchor: { row: 37, col: 0 }, ...spillSize("REPRICINGGAP", { buckets: DEFAULT_BUCKETS }) },
  custom: { title: 60, header: 61 },
  chartLeft: 8,
  outlier: { title: 3, anchor: { row: 4, col: 0 } },
} as const;

export interface ResultsSheetLayout {
  readonly sheet: SheetPlan;
  readonly charts: readonly ChartPlan[];
}

/** One section of result tables: where it sits and the curve and currency its formulas take. */
interface Section {
  /** Rows added to RESULTS' places. */
  readonly offset: number;
  readonly curve: string;
  readonly currency: string;
  /** The currency's code, as titles and chart axes name it. */
  readonly code: string;
  /** Chart names: "" for a book in one currency, " EUR" for a currency's section. */
  readonly suffix: string;
  /** Whether ALM.STANDARDEVE takes ALM_Tier1 (Tier 1 is in the reporting currency, so only then). */
  readonly tier1: boolean;
}

/** The last row a section uses before it is moved (the custom-scenario rows, or the repricing gap's last). */
function sectionLastRow(input: LayoutInput): number {
  return input.custom.length > 0 ? RESULTS.custom.header + 1 + input.custom.length : RESULTS.repricingGap.anchor.row + RESULTS.repricingGap.rows - 1;
}

/**
 * The row offsets of the currencies' sections: under the outlier test (reserved whether or not it is
 * written, so the sections stay in place), a heading row each, two blank rows between sections.
 */
export function sectionOffsets(input: LayoutInput, currencies: readonly string[]): { heading: number; offset: number }[] {
  const first = RESULTS.outlier.anchor.row + spillSize("OUTLIERTEST", { currencies }).rows + 2;
  const height = sectionLastRow(input) - RESULTS.deltaEve.title + 1 + 3;
  return currencies.map((_, k) => {
    const heading = first + k * height;
    return { heading, offset: heading + 1 - RESULTS.deltaEve.title };
  });
}

export function resultsSheetLayout(input: LayoutInput, customTables: Readonly<Record<string, string>>): ResultsSheetLayout {
  const sheet = SHEETS.results;
  const blocks: CellBlock[] = [];
  const spills: SpillArea[] = [];
  const charts: ChartPlan[] = [];
  const cal = calibrationLiteral(input.calibration);
  const floor = floorLiteral(input.floor);
  const out = input.outputs;
  const book = input.curve.kind === "byCurrency" ? input.curve : null;

  blocks.push({ anchor: { row: 0, col: 0 }, cells: [["ALM results"]], bold: true });
  const over = book
    ? `${NAMES.positions}, ${NAMES.asOf}, ${NAMES.curves}, ${NAMES.fx} and ${NAMES.tier1}; each currency's section takes its curve from ${NAMES.curves} with CHOOSECOLS`
    : `${NAMES.positions}, ${NAMES.asOf}, ${NAMES.curve} and ${NAMES.currency}`;
  blocks.push({ anchor: { row: 1, col: 0 }, cells: [[`Live ALM formulas over the names ${over}. Written by the ALM add-in; run its Output step again to update.`]] });

  const table = (spec: { title: number; anchor: CellPos; rows: number; cols: number }, offset: number, title: string, formula: string, formats: (string | null)[]) => {
    const anchor = { row: spec.anchor.row + offset, col: spec.anchor.col };
    blocks.push({ anchor: { row: spec.title + offset, col: 0 }, cells: [[title]], bold: true });
    blocks.push({ anchor, cells: [[formula]] });
    spills.push({ anchor, rows: spec.rows, cols: spec.cols, formats });
  };

  const section = (s: Section) => {
    const base = [NAMES.positions, NAMES.asOf, s.curve];
    const at = (row: number) => row + s.offset;
    if (out.deltaEve) {
      table(RESULTS.deltaEve, s.offset, "Change in economic value of equity (ΔEVE), six Basel scenarios",
        almFormula("DELTAEVE", [...base, s.currency, cal, floor]), [null, FMT.money, FMT.money, FMT.pct]);
      if (out.charts) {
        const a = RESULTS.deltaEve.anchor;
        // Spill rows: header, BASE, the scenarios, then WORST: the chart shows the scenarios' ΔEVE.
        const first = at(a.row + 2);
        const last = at(a.row + RESULTS.deltaEve.rows - 2);
        charts.push({
          sheet, name: `${CHARTS.deltaEve}${s.suffix}`, type: "BarClustered", title: `ΔEVE by Basel scenario${s.suffix ? `, ${s.code}` : ""}`, seriesName: "ΔEVE",
          values: { top: first, bottom: last, left: a.col + 2, right: a.col + 2 },
          categories: { top: first, bottom: last, left: a.col, right: a.col },
          from: { row: at(RESULTS.deltaEve.title), col: RESULTS.chartLeft }, to: { row: at(RESULTS.deltaEve.title + 11), col: RESULTS.chartLeft + 7 },
          categoryTitle: "Scenario", valueTitle: `ΔEVE (${s.code})`,
        });
      }
    }
    if (out.standardEve) {
      const args = [...base, s.currency, cal, floor, s.tier1 ? NAMES.tier1 : undefined];
      table(RESULTS.standardEve, s.offset, "Standardised EVE (Basel IRRBB framework)", almFormula("STANDARDEVE", args), [null, FMT.money, FMT.money, FMT.pct]);
    }
    if (out.deltaNii) {
      // Calibration, floor and (in the reporting currency) Tier 1 as every other table takes them; with a
      // Tier 1 the table gains a % of Tier 1 column and the MAX row of the EU NII outlier test.
      const tier1 = s.tier1 && input.tier1 !== null;
      const spec = { ...RESULTS.deltaNii, ...spillSize("DELTANII", { scenarios: DEFAULT_NII_SCENARIOS, tier1 }) };
      const args = [...base, s.currency, undefined, undefined, undefined, undefined, cal, floor, tier1 ? NAMES.tier1 : undefined];
      table(spec, s.offset, `Change in net interest income (ΔNII), ${NII_HORIZON_MONTHS} months`, almFormula("DELTANII", args), [null, FMT.money, FMT.money, FMT.pct, ...(tier1 ? [FMT.pct] : [])]);
    }
    if (out.repricingGap) {
      // A book in several currencies gives the gap its currency (the trailing [currency] argument).
      const gapArgs = [NAMES.positions, NAMES.asOf, textLiteral("BASEL"), ...(s.suffix ? [undefined, s.currency] : [])];
      table(RESULTS.repricingGap, s.offset, "Repricing gap, Basel buckets", almFormula("REPRICINGGAP", gapArgs), [null, FMT.date, FMT.date, FMT.money, FMT.money, FMT.money, FMT.money]);
      if (out.charts) {
        const a = RESULTS.repricingGap.anchor;
        // Spill rows: header, the buckets, Total. Gap is the sixth column.
        const last = at(a.row + RESULTS.repricingGap.rows - 2);
        charts.push({
          sheet, name: `${CHARTS.repricingGap}${s.suffix}`, type: "ColumnClustered", title: `Repricing gap by Basel bucket${s.suffix ? `, ${s.code}` : ""}`, seriesName: "Gap",
          values: { top: at(a.row + 1), bottom: last, left: a.col + 5, right: a.col + 5 },
          categories: { top: at(a.row + 1), bottom: last, left: a.col, right: a.col },
          from: { row: at(RESULTS.repricingGap.title), col: RESULTS.chartLeft }, to: { row: at(RESULTS.repricingGap.title + 20), col: RESULTS.chartLeft + 7 },
          categoryTitle: "Bucket", valueTitle: `Gap (${s.code})`,
        });
      }
    }
    if (input.custom.length > 0) {
      const title = at(RESULTS.custom.title);
      const header = at(RESULTS.custom.header);
      const baseRow = header + 1;
      const b = cellAddress({ row: baseRow, col: 1 }, true);
      const d = cellAddress({ row: baseRow, col: 3 }, true);
      const niiBase = almFormula("NII", [...base, undefined, s.currency, String(NII_HORIZON_MONTHS)]);
      const rows: CellValue[][] = [
        ["Scenario", "EVE", "ΔEVE", `NII (${NII_HORIZON_MONTHS} months)`, "ΔNII"],
        ["Base", almFormula("EVE", [...base, undefined, s.currency]), "", niiBase, ""],
      ];
      input.custom.forEach((c, i) => {
        const row = baseRow + 1 + i;
        const arg = customArg(c, customTables[c.id]);
        const here = (col: number) => cellAddress({ row, col });
        // The scenario curve floored as the ALM.SHOCK and ALM.EVE formulas of the same scenario floor it.
        const nii = almFormula("NII", [...base, arg, s.currency, String(NII_HORIZON_MONTHS), c.rampMonths !== null ? String(c.rampMonths) : undefined, cal, floor]);
        const eve = c.rampMonths !== null ? ["(NII only)", ""] : [almFormula("EVE", [...base, arg, s.currency, cal, floor]), `=${here(1)}-${b}`];
        rows.push([userText(c.label), eve[0], eve[1], nii, `=${here(3)}-${d}`]);
      });
      blocks.push({ anchor: { row: title, col: 0 }, cells: [["Custom scenarios"]], bold: true });
      blocks.push({ anchor: { row: header, col: 0 }, cells: rows, formats: [null, FMT.money, FMT.money, FMT.money, FMT.money] });
    }
  };

  if (!book) {
    section({ offset: 0, curve: NAMES.curve, currency: NAMES.currency, code: input.currency, suffix: "", tier1: input.tier1 !== null });
    return { sheet: { sheet, blocks, spills }, charts };
  }

  const currencies = book.currencies;
  if (out.outlier) {
    const { method, rule } = out.outlier;
    const o = RESULTS.outlier;
    const shape = spillSize("OUTLIERTEST", { currencies });
    const args = [NAMES.positions, NAMES.asOf, NAMES.curves, NAMES.tier1, NAMES.fx, textLiteral(method), cal, floor, textLiteral(rule)];
    const how = `${method === "FULL" ? "full revaluation" : "standardised framework"}, ${rule === "BCBS" ? "BCBS aggregation (losses only)" : "EU aggregation (losses and 50 % of gains)"}`;
    blocks.push({ anchor: { row: o.title, col: 0 }, cells: [[`Supervisory outlier test across ${currencies.join(", ")}, in ${input.currency} (${how})`]], bold: true });
    blocks.push({ anchor: o.anchor, cells: [[almFormula("OUTLIERTEST", args)]] });
    spills.push({ anchor: o.anchor, ...shape, formats: [null, null, ...currencies.map(() => FMT.money), FMT.money, FMT.pct, null] });
  }
  sectionOffsets(input, currencies).forEach(({ heading, offset }, k) => {
    const code = currencies[k];
    blocks.push({ anchor: { row: heading, col: 0 }, cells: [[`${code} results, in ${code}`]], bold: true });
    section({ offset, curve: currencyCurve(code), currency: textLiteral(code), code, suffix: ` ${code}`, tier1: false });
  });
  return { sheet: { sheet, blocks, spills }, charts };
}
