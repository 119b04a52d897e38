/**
 * The fake workbook calculates ALM.* formulas as Excel does: through the functions the built
 * functions.js registers, each argument marshalled as the built functions.json declares it (a range
 * given to a `matrix` parameter arrives whole; given to a scalar parameter it is lifted cell by cell).
 * So a wrong declaration in the shipped metadata shows in the fake workbook, the preview and the
 * browser test, not only in Excel: with GAP's `amounts` declared scalar, the same formula no longer
 * gives a gap table.
 */
import * as fs from "fs";
import * as path from "path";
import { EmulatedExcel, type MetadataFile } from "../../scripts/fake-host/excelHost";
import { FakeWorkbook } from "../../scripts/fake-host/workbook";
import { distMetadata, loadBundle } from "../helpers/excelHost";
import { shippedExcel } from "./support/fakeHost";

const FORMULA = '=ALM.GAP(Sheet1!A1:A3, Sheet1!B1:B3, "2026-12-31")';
/** Excel serials of 2027-03-31, 2028-06-30 and 2031-12-31 (1900 date system). */
const DATES = [46477, 46934, 48213];
const AMOUNTS = [100, -40, 25];

/** A workbook with three dated amounts in Sheet1!A1:B3 and the GAP formula in D1, calculated. */
async function gapWorkbook(excel: EmulatedExcel | Promise<EmulatedExcel>, formula = FORMULA): Promise<FakeWorkbook> {
  const wb = new FakeWorkbook(excel);
  const sheet = wb.addSheet("Sheet1");
  AMOUNTS.forEach((a, r) => {
    wb.setInput(sheet, { row: r, col: 0 }, a);
    wb.setInput(sheet, { row: r, col: 1 }, DATES[r]);
  });
  wb.setInput(sheet, { row: 0, col: 3 }, formula);
  await wb.calculate();
  return wb;
}

/** What D1 shows, with its spill, as rows of values. */
function shown(wb: FakeWorkbook): unknown[][] {
  const sheet = wb.sheet("Sheet1")!;
  const box = wb.spillRange(sheet, { row: 0, col: 3 }) ?? { top: 0, left: 3, bottom: 0, right: 3 };
  const out: unknown[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: unknown[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(wb.valueOf(sheet, { row: r, col: c }));
    out.push(row);
  }
  return out;
}

/** functions.json as built, except GAP's `amounts`, declared a single value (the bug this guards). */
function brokenMetadata(): MetadataFile {
  const copy = JSON.parse(JSON.stringify(distMetadata())) as { functions: { id: string; name: string; parameters: { name: string; dimensionality?: string }[] }[] };
  const amounts = copy.functions.find((f) => f.id === "GAP")?.parameters.find((p) => p.name === "amounts");
  if (!amounts || amounts.dimensionality !== "matrix") throw new Error("the built functions.json should declare GAP's amounts a matrix");
  delete amounts.dimensionality;
  return copy as MetadataFile;
}

describe("the fake workbook calculates through the shipped functions.json", () => {
  it("spills one gap table for a formula over ranges, as a direct call through the host gives it", async () => {
    const wb = await gapWorkbook(shippedExcel());
    const table = shown(wb);
    // One table (header, buckets, Total), not one value per input row.
    expect(table.length).toBeGreaterThan(AMOUNTS.length + 1);
    expect(table[0].length).toBeGreaterThan(1);
    expect(table[table.length - 1][0]).toBe("Total");
    expect(table.flat().filter((v) => typeof v === "string" && v.startsWith("#"))).toEqual([]);
    // The Total row: assets 100 + 25, liabilities 40, gap 85; every amount fell in one bucket.
    const total = Object.fromEntries(table[0].map((h, j) => [String(h), table[table.length - 1][j]]));
    expect(total).toMatchObject({ Assets: 125, Liabilities: 40, Gap: 85 });
    // Exactly what Excel would show for these arguments.
    const direct = await shippedExcel().call("GAP", [AMOUNTS.map((a) => [a]), DATES.map((d) => [d]), "2026-12-31"]);
    expect(table).toEqual(direct);
    expect(wb.violations).toEqual([]);
  });

  it("does not give that table when functions.json declares GAP's amounts a single value", async () => {
    const good = shown(await gapWorkbook(shippedExcel()));
    const broken = new EmulatedExcel(brokenMetadata(), loadBundle().registered);
    const wb = await gapWorkbook(broken);
    const table = shown(wb);
    expect(table).not.toEqual(good);
    // Lifted over the three amounts: one cell per input row, none of them a gap table.
    expect(table.length).toBe(AMOUNTS.length);
    expect(table.every((row) => row.length === 1)).toBe(true);
    expect(table.flat()).not.toContain("Total");
  });

  it("passes omitted arguments as omitted, literals as single values, and an error in a referenced cell as that error", async () => {
    const table = shown(await gapWorkbook(shippedExcel()));
    expect(shown(await gapWorkbook(shippedExcel(), '=ALM.GAP(Sheet1!A1:A3, Sheet1!B1:B3, "2026-12-31", , , TRUE)'))).toEqual(table);
    const wb = await gapWorkbook(shippedExcel(), '=ALM.GAP(Sheet1!A1:A3, Sheet1!B1:B3, "2026-12-31", , , FALSE)');
    expect(shown(wb)).toEqual(table.slice(1));
    const sheet = wb.sheet("Sheet1")!;
    wb.setInput(sheet, { row: 1, col: 0 }, "=1/0");
    await wb.calculate();
    expect(wb.valueOf(sheet, { row: 0, col: 3 })).toBe("#DIV/0!");
    expect(wb.spillRange(sheet, { row: 0, col: 3 })).toBeUndefined();
  });

  it("waits for the functions to be registered instead of showing #NAME?", async () => {
    let provide!: (excel: EmulatedExcel) => void;
    const later = new Promise<EmulatedExcel>((resolve) => (provide = resolve));
    const pending = gapWorkbook(later);
    await new Promise((r) => setTimeout(r, 20));
    provide(shippedExcel());
    const wb = await pending;
    expect(shown(wb)).toEqual(shown(await gapWorkbook(shippedExcel())));
  });

  it("shows #NAME? for a function functions.json does not declare", async () => {
    const wb = await gapWorkbook(shippedExcel(), "=ALM.NOSUCHFUNCTION(Sheet1!A1:A3)");
    expect(wb.valueOf(wb.sheet("Sheet1")!, { row: 0, col: 3 })).toBe("#NAME?");
    expect(wb.cell(wb.sheet("Sheet1")!, { row: 0, col: 3 })?.error).toMatch(/not declared in this build's functions\.json/);
  });

  it("never calls the TypeScript functions directly: the fake host imports nothing of src/functions", () => {
    const dir = path.resolve(__dirname, "../../scripts/fake-host");
    const sources = fs.readdirSync(dir).filter((f) => /\.(ts|js|mjs)$/.test(f));
    expect(sources).toEqual(expect.arrayContaining(["workbook.ts", "browser.ts", "excelApi.ts", "install.ts", "demoWorkbook.ts"]));
    for (const f of sources) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      expect({ f, imports: /from\s+["'][./]*src\/functions|functionsById/.test(text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "")) }).toEqual({ f, imports: false });
    }
  });
});

describe("the Excel functions the fake workbook calculates besides ALM.* ones", () => {
  /** A curves-by-currency range in A1:C4 and `formula` in E1, calculated; what E1 shows, spill included. */
  async function curves(formula: string, third: (string | number | null)[] = ["10Y", 0.03, 0.045]): Promise<unknown[][]> {
    const wb = new FakeWorkbook(shippedExcel());
    const sheet = wb.addSheet("Sheet1");
    [["Tenor", "EUR", "USD"], ["1Y", 0.02, 0.04], ["5Y", 0.025, 0.042], third].forEach((row, r) => row.forEach((v, c) => wb.setInput(sheet, { row: r, col: c }, v)));
    wb.names.set("Curves", { formula: "=Sheet1!$A$1:$C$4", comment: "" });
    wb.setInput(sheet, { row: 0, col: 4 }, formula);
    await wb.calculate();
    const box = wb.spillRange(sheet, { row: 0, col: 4 }) ?? { top: 0, left: 4, bottom: 0, right: 4 };
    const out: unknown[][] = [];
    for (let r = box.top; r <= box.bottom; r++) out.push([...Array(box.right - box.left + 1).keys()].map((c) => wb.valueOf(sheet, { row: r, col: box.left + c })));
    return out;
  }

  it("takes a currency's column by its header with CHOOSECOLS, XMATCH and TAKE, as the pane's formulas do", async () => {
    expect(await curves('=CHOOSECOLS(Curves,1,XMATCH("usd",TAKE(Curves,1)))')).toEqual([["Tenor", "USD"], ["1Y", 0.04], ["5Y", 0.042], ["10Y", 0.045]]);
    expect(await curves("=TAKE(Curves,-1,-2)")).toEqual([[0.03, 0.045]]);
    expect(await curves('=XMATCH("JPY",TAKE(Curves,1))')).toEqual([["#N/A"]]);
    expect(await curves("=CHOOSECOLS(Curves,4)")).toEqual([["#VALUE!"]]);
  });

  it("gives an ALM function the same curve through CHOOSECOLS as a two-column range, and a blank cell as 0, as Excel's arrays do", async () => {
    // EUR's columns are adjacent to the tenors, so the same curve is also a plain two-column range.
    const eur = await curves('=ALM.ZERO(CHOOSECOLS(Curves,1,XMATCH("EUR",TAKE(Curves,1))),7)');
    expect(eur).toEqual(await curves("=ALM.ZERO(Sheet1!A1:B4,7)"));
    expect(eur[0][0]).toBeCloseTo(0.025 + ((0.03 - 0.025) * 2) / 5, 12);
    const usd = await curves('=ALM.ZERO(CHOOSECOLS(Curves,1,XMATCH("USD",TAKE(Curves,1))),7)');
    expect(usd[0][0]).toBeCloseTo(0.042 + ((0.045 - 0.042) * 2) / 5, 12);
    // A blank row reads as tenor 0 and rate 0: the curve reader refuses it (the pane asks for a range without blank rows).
    expect((await curves('=ALM.ZERO(CHOOSECOLS(Curves,1,XMATCH("USD",TAKE(Curves,1))),7)', [null, null, null]))[0][0]).toBe("#VALUE!");
  });
});
