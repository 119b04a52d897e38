/**
 * The sample bank shared by the demo, the task pane and the docs: a few hundred valid positions of every
 * product, two curves, Tier 1 and the as-of date; the same data on every host; pure data (the task pane
 * bundles it, so no Node APIs).
 */
import * as fs from "fs";
import * as path from "path";
import { NMD_CAPS, type NmdCategory } from "../../src/engine/portfolio/portfolio";
import { fromYmd } from "../../src/engine/time/serialDate";
import { functionsById } from "../../src/functions/index";
import { POSITION_HEADER } from "../../src/sample/products";
import { FX_TO_REPORTING, SAMPLE_AS_OF, SAMPLE_CURRENCIES, SAMPLE_CURVES, SAMPLE_POSITIONS, SAMPLE_TIER1, positionsIn, sampleBank, tier1In } from "../../src/sample/sampleBank";

const header = SAMPLE_POSITIONS[0] as string[];
const rows = SAMPLE_POSITIONS.slice(1);
const at = (row: readonly unknown[], column: string) => row[header.indexOf(column)];
/** Money in integer cents, summed exactly. */
const cents = (xs: number[]) => xs.reduce((s, x) => s + Math.round(x * 100), 0);
const balances = (rs: readonly (readonly unknown[])[], side: string) => rs.filter((r) => at(r, "Side") === side).map((r) => at(r, "Balance") as number);

describe("the sample bank", () => {
  test("is as of 2026-09-30 with a few hundred positions in USD and EUR under the header of the positions table (docs/functions.md)", () => {
    expect(SAMPLE_AS_OF).toBe(fromYmd(2026, 9, 30));
    expect(sampleBank.asOf).toBe(SAMPLE_AS_OF);
    expect(header).toEqual([...POSITION_HEADER]);
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.length).toBeLessThanOrEqual(500);
    expect(new Set(rows.map((r) => at(r, "Currency")))).toEqual(new Set(SAMPLE_CURRENCIES));
    expect(new Set(rows.map((r) => at(r, "Id"))).size).toBe(rows.length);
  });

  test("holds every kind of position: loans, securities, reserves, deposits of each NMD category, term deposits and bonds issued", () => {
    const prefixes = new Set(rows.map((r) => String(at(r, "Id")).split("-")[0]));
    expect([...prefixes].sort()).toEqual(["CB", "COM", "CON", "MTG", "NMDS", "NMDT", "NMDW", "SEC", "TD", "WF"]);
    expect(new Set(rows.map((r) => at(r, "Category")).filter(Boolean))).toEqual(new Set(Object.keys(NMD_CAPS)));
    expect(rows.some((r) => at(r, "Type") === "FLOATING")).toBe(true);
    expect(rows.some((r) => at(r, "CPR") !== "")).toBe(true);
    expect(rows.some((r) => at(r, "TDRR") !== "")).toBe(true);
  });

  test("keeps every non-maturity deposit within the Basel caps on core share and core maturity", () => {
    for (const r of rows.filter((x) => at(x, "Category") !== "")) {
      const caps = NMD_CAPS[at(r, "Category") as NmdCategory];
      expect(at(r, "CoreShare")).toBeLessThanOrEqual(caps.coreShare);
      expect(at(r, "CoreMaturity")).toBeLessThanOrEqual(caps.coreMaturity);
    }
  });

  test("leaves equity out of the positions (CET1 is excluded from IRRBB) and reports it as Tier 1, covered by assets less liabilities", () => {
    expect(rows.some((r) => /EQUITY|CAPITAL/i.test(String(at(r, "Id"))))).toBe(false);
    const netReporting = SAMPLE_CURRENCIES.reduce((s, c) => {
      const book = rows.filter((r) => at(r, "Currency") === c);
      return s + ((cents(balances(book, "A")) - cents(balances(book, "L"))) / 100) * FX_TO_REPORTING[c];
    }, 0);
    expect(SAMPLE_TIER1).toBeGreaterThan(0);
    expect(netReporting).toBeGreaterThanOrEqual(SAMPLE_TIER1);
    expect(netReporting).toBeLessThan(1.2 * SAMPLE_TIER1);
    expect(tier1In("USD")).toBe(SAMPLE_TIER1);
    expect(tier1In("EUR")).toBeCloseTo(SAMPLE_TIER1 / FX_TO_REPORTING.EUR, 2);
  });

  test("as a whole is refused by ALM.REPRICINGGAP without a currency (USD and EUR are never added), and per currency its totals equal the balances", () => {
    expect(() => functionsById.REPRICINGGAP(SAMPLE_POSITIONS, SAMPLE_AS_OF, null, null)).toThrow(/2 currencies \(USD, EUR\)/);
    for (const c of SAMPLE_CURRENCIES) {
      const gap = functionsById.REPRICINGGAP(SAMPLE_POSITIONS, SAMPLE_AS_OF, null, null, c);
      const total = gap[gap.length - 1];
      const mine = rows.filter((r) => at(r, "Currency") === c);
      expect(total[0]).toBe("Total");
      expect(total[3]).toBe(cents(balances(mine, "A")) / 100);
      expect(total[4]).toBe(cents(balances(mine, "L")) / 100);
    }
  });

  test("splits into per-currency books that also parse, each with its header row", () => {
    for (const c of SAMPLE_CURRENCIES) {
      const book = positionsIn(c);
      expect(book[0]).toEqual([...POSITION_HEADER]);
      expect(book.slice(1)).toEqual(rows.filter((r) => at(r, "Currency") === c));
      const gap = functionsById.REPRICINGGAP(book, SAMPLE_AS_OF, null, null);
      expect(gap[gap.length - 1][3]).toBe(cents(balances(book.slice(1), "A")) / 100);
    }
  });

  test("gives each currency a curve range with a header row that ALM.DISCOUNT reads", () => {
    for (const c of SAMPLE_CURRENCIES) {
      const curve = SAMPLE_CURVES[c];
      expect(curve[0]).toEqual(["Tenor", "Zero rate"]);
      const df = functionsById.DISCOUNT(curve, 10, null)[0][0] as number;
      const z10 = curve.find((r) => r[0] === "10Y")![1] as number;
      expect(df).toBeCloseTo(Math.exp(-z10 * 10), 12);
    }
  });

  test("is the same data on every host: generated with exact arithmetic from a fixed seed (fingerprint)", () => {
    // Fingerprinted on the columns it was recorded with; columns declared since must be blank.
    const recordedColumns = ["Id", "Side", "Balance", "Rate", "Maturity", "Type", "Amortization", "Frequency", "NextReset", "ResetMonths", "Spread", "Basis", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Beta", "Start", "Currency"];
    const index = recordedColumns.map((c) => (SAMPLE_POSITIONS[0] as unknown[]).indexOf(c));
    const others = SAMPLE_POSITIONS[0].map((_, j) => j).filter((j) => !index.includes(j));
    expect(SAMPLE_POSITIONS.slice(1).filter((r) => others.some((j) => r[j] !== ""))).toEqual([]);
    let h = 0x811c9dc5;
    for (const ch of JSON.stringify(SAMPLE_POSITIONS.map((r) => index.map((j) => r[j])))) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    expect(h.toString(16).padStart(8, "0")).toBe(GOLDEN_SAMPLE);
  });

  test("is pure data for the task pane bundle: no Node modules, no clock, no Math.random", () => {
    const dir = path.join(__dirname, "../../src/sample");
    for (const file of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, file), "utf8");
      const imports = [...text.matchAll(/from\s+["']([^"']+)["']/g)].map((m) => m[1]);
      expect({ file, imports: imports.filter((i) => !i.startsWith(".")) }).toEqual({ file, imports: [] });
      expect({ file, impure: /Math\.random|Date\.now|new Date\(|process\./.test(text) }).toEqual({ file, impure: false });
    }
  });
});

const GOLDEN_SAMPLE = "091020ae";
