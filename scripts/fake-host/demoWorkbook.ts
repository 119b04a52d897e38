/**
 * The workbook the preview and the browser test start from: a positions table, a zero curve, a draft
 * sheet with two rows the validation report flags, and a book in two currencies (EUR and USD positions
 * in `Book2!A1:M16`, their curves by currency in `Curves!A1:C10`, FX rates to EUR in `FX!A1:B3`).
 */
import { FakeWorkbook, type CalculationHost } from "./workbook";

const HEADER = ["Id", "Side", "Balance", "Rate", "Maturity", "Type", "Amortization", "Frequency", "NextReset", "Category", "CoreShare", "CoreMaturity", "Currency"];

/** Excel serial of a calendar date (1900 system, dates after 1900-03-01). */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
}

export const DEMO_POSITIONS: (string | number)[][] = [
  HEADER,
  ["L-001", "A", 2500000, 0.041, serial("2031-06-30"), "FIXED", "ANNUITY", 12, "", "", "", "", "EUR"],
  ["L-002", "A", 1800000, 0.038, serial("2029-03-31"), "FIXED", "BULLET", 1, "", "", "", "", "EUR"],
  ["L-003", "A", 3200000, 0.036, serial("2034-12-31"), "FLOATING", "LINEAR", 4, serial("2026-03-31"), "", "", "", "EUR"],
  ["M-004", "A", 5400000, 0.033, serial("2045-12-31"), "FIXED", "ANNUITY", 12, "", "", "", "", "EUR"],
  ["B-005", "A", 1500000, 0.029, serial("2027-12-15"), "FIXED", "BULLET", 1, "", "", "", "", "EUR"],
  ["D-101", "L", 4200000, 0.005, "", "", "", "", "", "NMD_RETAIL_TRANSACTIONAL", 0.6, 4, "EUR"],
  ["D-102", "L", 2300000, 0.012, "", "", "", "", "", "NMD_RETAIL_NONTRANSACTIONAL", 0.5, 3, "EUR"],
  ["T-201", "L", 2600000, 0.027, serial("2027-06-30"), "FIXED", "BULLET", 1, "", "", "", "", "EUR"],
  ["T-202", "L", 1900000, 0.031, serial("2028-12-31"), "FIXED", "BULLET", 1, "", "", "", "", "EUR"],
  ["W-301", "L", 3000000, 0.034, serial("2030-09-30"), "FLOATING", "BULLET", 4, serial("2026-03-31"), "", "", "", "EUR"],
];

export const DEMO_CURVE: (string | number)[][] = [
  ["Tenor", "Zero rate"],
  ["1M", 0.0215],
  ["3M", 0.0221],
  ["6M", 0.0226],
  ["1Y", 0.0232],
  ["2Y", 0.0241],
  ["5Y", 0.0262],
  ["10Y", 0.0288],
  ["20Y", 0.0305],
  ["30Y", 0.0301],
];

export const DEMO_DRAFT: (string | number)[][] = [
  HEADER,
  ["X-1", "A", 1000000, 0.04, serial("2030-01-31"), "FIXED", "BULLET", 1, "", "", "", "", "EUR"],
  ["X-2", "A", "n/a", 0.04, serial("2030-01-31"), "FIXED", "BULLET", 1, "", "", "", "", "EUR"],
  ["X-3", "L", 500000, 0.02, "", "FIXED", "BULLET", 1, "", "", "", "", "EUR"],
  ["X-4", "L", 700000, 0.02, serial("2028-01-31"), "FIXED", "BULLET", 1, "", "", "", "", "EUR"],
];

/** EUR and USD positions in one range: the demo table's rows and five USD ones. */
export const DEMO_TWO_CURRENCIES: (string | number)[][] = [
  ...DEMO_POSITIONS,
  ["U-401", "A", 2000000, 0.052, serial("2030-06-30"), "FIXED", "BULLET", 2, "", "", "", "", "USD"],
  ["U-402", "A", 1200000, 0.047, serial("2035-12-31"), "FIXED", "ANNUITY", 12, "", "", "", "", "USD"],
  ["U-403", "L", 1500000, 0.021, "", "", "", "", "", "NMD_RETAIL_TRANSACTIONAL", 0.5, 3, "USD"],
  ["U-404", "L", 900000, 0.043, serial("2027-09-30"), "FIXED", "BULLET", 1, "", "", "", "", "USD"],
  ["U-405", "A", 800000, 0.049, serial("2029-03-31"), "FLOATING", "BULLET", 4, serial("2026-03-31"), "", "", "", "USD"],
];

/** The curves by currency: a header row Tenor, EUR, USD (ALM.OUTLIERTEST's `curves`). */
export const DEMO_CURVES: (string | number)[][] = [
  ["Tenor", "EUR", "USD"],
  ...DEMO_CURVE.slice(1).map(([tenor, eur], i) => [tenor, eur, [0.0431, 0.0428, 0.0419, 0.0402, 0.0385, 0.0379, 0.0392, 0.0411, 0.0405][i]]),
];

/** Units of EUR per unit of each currency (ALM.OUTLIERTEST's `fx`). */
export const DEMO_FX: (string | number)[][] = [
  ["Currency", "Rate"],
  ["EUR", 1],
  ["USD", 0.92],
];

function fill(wb: FakeWorkbook, sheetName: string, rows: (string | number)[][], dateCols: number[] = []): void {
  const sheet = wb.sheet(sheetName) ?? wb.addSheet(sheetName);
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      wb.setInput(sheet, { row: r, col: c }, v);
      if (r > 0 && dateCols.includes(c) && typeof v === "number") wb.setFormat(sheet, { row: r, col: c }, "yyyy-mm-dd");
    })
  );
  rows[0]?.forEach((_, c) => wb.setBold(sheet, { row: 0, col: c }, true));
}

/**
 * The demo workbook over a calculation host (see FakeWorkbook). Returned at once, so a browser page can
 * install the fake host before its scripts run; its first calculation is under way and `wb.settled()`
 * (or any later `calculate()` or sync) waits for it.
 */
export function demoWorkbook(excel: CalculationHost = null): FakeWorkbook {
  const wb = new FakeWorkbook(excel);
  fill(wb, "Positions", DEMO_POSITIONS, [4, 8]);
  wb.tables.push({ name: "Positions", sheet: "Positions", box: { top: 0, left: 0, bottom: DEMO_POSITIONS.length - 1, right: HEADER.length - 1 } });
  fill(wb, "Curve", DEMO_CURVE);
  fill(wb, "Draft", DEMO_DRAFT, [4]);
  fill(wb, "Book2", DEMO_TWO_CURRENCIES, [4, 8]);
  fill(wb, "Curves", DEMO_CURVES);
  fill(wb, "FX", DEMO_FX);
  wb.activeSheet = "Positions";
  wb.selection = { sheet: "Positions", box: { top: 0, left: 0, bottom: 0, right: 0 } };
  void wb.calculate();
  return wb;
}
