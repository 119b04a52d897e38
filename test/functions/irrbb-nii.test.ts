/**
 * ALM.NII and ALM.DELTANII as Excel calls them, against hand computations; the worked example of
 * docs/methodology/irrbb.md is read from that page (its table and its stated results) and checked both
 * against a hand computation here and against the functions. Every call goes through the emulated Excel
 * host: the built bundle, arguments marshalled as functions.json declares them.
 */
import * as fs from "fs";
import * as path from "path";
import { HostError, excel, rejected } from "../helpers/excelHost";

/** What a table function spills, typed as loosely as `functionsById` typed it (cells may be errors). */
type Spill = (...args: unknown[]) => Promise<any[][]>;
const { NII } = excel as Record<"NII", (...args: unknown[]) => Promise<number>>;
const { DELTANII } = excel as Record<"DELTANII", Spill>;


const AS_OF = "2026-01-01";
const FLOATER = [
  ["Balance", "Rate", "Maturity", "Type", "NextReset", "ResetMonths"],
  [1_000_000, 0.05, "2030-01-01", "FLOATING", "2026-04-01", 6],
];

/** The worked-example table and results of docs/methodology/irrbb.md. */
function docExample(): { table: unknown[][]; nii: number; base: number; delta: number } {
  const doc = fs.readFileSync(path.join(__dirname, "../../docs/methodology/irrbb.md"), "utf8");
  const after = (marker: string) => doc.slice(doc.indexOf(marker) + marker.length);
  const lines = after("<!-- nii-example-table -->").trim().split("\n");
  const rows = lines.slice(0, lines.findIndex((l) => !l.startsWith("|"))).filter((l) => !/^\|[-|]+\|$/.test(l));
  const table = rows.map((l) =>
    l.split("|").slice(1, -1).map((c) => {
      const v = c.trim();
      return v === "" ? null : /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    })
  );
  const numbers = [...after("<!-- nii-example-result -->").split("\n")[1].matchAll(/\*\*([\d,.]+)\*\*/g)].map((m) => Number(m[1].replace(/,/g, "")));
  return { table, nii: numbers[0], base: numbers[1], delta: numbers[2] };
}

describe("ALM.NII", () => {
  it("matches its @example: a floater resetting after 90 days under +200 bp", async () => {
    expect(await NII(FLOATER, AS_OF, 0.03, 200, null, null, null, null)).toBeCloseTo((1e6 * (0.05 * 90 + 0.07 * 275)) / 365, 8);
  });

  it("with no scenario is the current rate over the horizon", async () => {
    expect(await NII(FLOATER, AS_OF, 0.03, null, null, null, null, null)).toBeCloseTo(50_000, 8);
    expect(await NII(FLOATER, AS_OF, 0.03, "BASE", null, null, null, null)).toBeCloseTo(50_000, 8);
  });

  it("moves each reset by the change of the 6-month forward starting then, with the calibration's sizes", async () => {
    // EU EUR short 250 bp: s(t) = 0.025·e^(−t/4); the forward for τ starting at t moves by (s(t+τ)(t+τ) − s(t)t)/τ.
    const s = (t: number) => 0.025 * Math.exp(-t / 4);
    const dF = (t: number) => (s(t + 0.5) * (t + 0.5) - s(t) * t) / 0.5;
    const expected = (1e6 * (0.05 * 90 + (0.05 + dF(90 / 365)) * 183 + (0.05 + dF(273 / 365)) * 92)) / 365;
    expect(await NII(FLOATER, AS_OF, 0.03, "SHORT_UP", "EUR", null, null, "EU")).toBeCloseTo(expected, 8);
  });

  it("takes a horizon and a ramp in months", async () => {
    expect(await NII(FLOATER, AS_OF, 0.03, 200, null, 6, null, null)).toBeCloseTo((1e6 * (0.05 * 90 + 0.07 * 91)) / 365, 8);
    const ramped = (1e6 * (0.05 * 90 + (0.05 + (0.02 * 90) / 365) * 183 + (0.05 + (0.02 * 273) / 365) * 92)) / 365;
    expect(await NII(FLOATER, AS_OF, 0.03, 200, null, 12, 12, null)).toBeCloseTo(ramped, 8);
  });

  it("reproduces the worked example of docs/methodology/irrbb.md, which agrees with the hand computation", async () => {
    const example = docExample();
    expect(example.table[0][0]).toBe("Id");
    expect(example.table).toHaveLength(4);
    const byHand = (1e6 * (0.05 * 90 + 0.07 * 275)) / 365 + (500_000 * (0.04 * 181 + 0.06 * 184)) / 365 - 2e6 * (0.01 + 0.4 * 0.02);
    expect(Math.abs(example.nii - byHand)).toBeLessThan(0.005);
    expect(Math.abs(await NII(example.table, AS_OF, 0.03, 200, null, null, null, null) - example.nii)).toBeLessThan(0.005);
    expect(Math.abs(await NII(example.table, AS_OF, 0.03, null, null, null, null, null) - example.base)).toBeLessThan(0.005);
    const table = await DELTANII(example.table, AS_OF, 0.03, "USD", [[200]], null, null, false);
    expect(table[1][0]).toBe("+200 bp");
    expect(Math.abs((table[1][2] as number) - example.delta)).toBeLessThan(0.005);
  });

  it("gives #VALUE! for a standard scenario without a currency and for an unknown scenario", async () => {
    expect((await rejected(NII(FLOATER, AS_OF, 0.03, "PARALLEL_UP", null, null, null, null))).message).toMatch(/ALM\.NII scenario: the standard scenario PARALLEL_UP needs a currency/);
    expect((await rejected(NII(FLOATER, AS_OF, 0.03, "UP", "USD", null, null, null))).message).toMatch(/ALM\.NII scenario: the text "UP" is not a scenario/);
  });

  it("gives #VALUE! for a horizon or ramp that is not a whole number of months", async () => {
    expect((await rejected(NII(FLOATER, AS_OF, 0.03, 200, null, 0, null, null))).message).toMatch(/ALM\.NII horizon_months: got 0; expected a whole number of months between 1 and 1200/);
    expect((await rejected(NII(FLOATER, AS_OF, 0.03, 200, null, 12, -1, null))).message).toMatch(/ALM\.NII ramp_months: got -1; expected a whole number of months between 0 and 1200/);
    expect((await rejected(NII(FLOATER, AS_OF, 0.03, 200, null, 1.5, null, null))).message).toMatch(/horizon_months: got 1.5/);
  });

  it("gives #VALUE! for an unknown calibration and a bad curve", async () => {
    expect((await rejected(NII(FLOATER, AS_OF, 0.03, "PARALLEL_UP", "USD", null, null, "OSFI"))).message).toMatch(/ALM\.NII calibration: .*valid choices are BCBS2024, BCBS2016, EU/);
    expect((await rejected(NII(FLOATER, AS_OF, [[1, 0.02], [1, 0.03]], null, null, null, null, null))).message).toMatch(/ALM\.NII curve, row 2/);
  });
});

describe("ALM.DELTANII", () => {
  it("matches its @example: the NII set by default, ΔNII of PARALLEL_UP = 1,000,000 · 2 % · 275/365", async () => {
    const out = await DELTANII(FLOATER, AS_OF, 0.03, "USD", null, null, null, null);
    expect(out[0]).toEqual(["Scenario", "NII", "ΔNII", "ΔNII % of base"]);
    expect(out.map((r) => r[0])).toEqual(["Scenario", "BASE", "PARALLEL_UP", "PARALLEL_DOWN"]);
    expect(out[1][1]).toBeCloseTo(50_000, 8);
    expect(out[2][2]).toBeCloseTo((1e6 * 0.02 * 275) / 365, 8);
    expect(out[3][2]).toBeCloseTo((-1e6 * 0.02 * 275) / 365, 8);
    expect(out[2][3]).toBeCloseTo((0.02 * 275) / 365 / 0.05, 12);
  });

  it("takes a set name or a column of scenario names and numbers of bp", async () => {
    expect((await DELTANII(FLOATER, AS_OF, 0.03, "USD", "BASEL", null, null, false)).map((r) => r[0])).toEqual([
      "BASE", "PARALLEL_UP", "PARALLEL_DOWN", "STEEPENER", "FLATTENER", "SHORT_UP", "SHORT_DOWN",
    ]);
    const out = await DELTANII(FLOATER, AS_OF, 0.03, "USD", [["SHORT_DOWN"], [-50], [null]], null, null, false);
    expect(out.map((r) => r[0])).toEqual(["BASE", "SHORT_DOWN", "-50 bp"]);
    const s = (t: number) => -0.03 * Math.exp(-t / 4); // USD SHORT_DOWN, 300 bp
    const dF = (t: number) => (s(t + 0.5) * (t + 0.5) - s(t) * t) / 0.5;
    expect(out[1][2]).toBeCloseTo((1e6 * (dF(90 / 365) * 183 + dF(273 / 365) * 92)) / 365, 8);
    expect(out[2][2]).toBeCloseTo((-1e6 * 0.005 * 275) / 365, 8);
  });

  it("shows #NUM! in the % column when the base NII is zero", async () => {
    const out = await DELTANII([["Balance", "Rate", "Maturity"], [100, 0, "2027-06-01"]], AS_OF, 0.03, "USD", null, null, null, false);
    expect(out[0][1]).toBe(0);
    expect((out[1][3] as HostError).code).toBe("#NUM!");
  });

  it("gives #VALUE! naming the row of an unknown scenario in the list, and for a missing currency", async () => {
    expect((await rejected(DELTANII(FLOATER, AS_OF, 0.03, "USD", [["PARALLEL_UP"], ["SIDEWAYS"]], null, null, null))).message).toMatch(
      /ALM\.DELTANII scenarios, row 2: the text "SIDEWAYS" is not a scenario; expected a set \(BASEL, NII\), or a row or column of scenario names/
    );
    // A formula cannot leave out the required currency (Excel refuses it): here it is an empty cell.
    expect((await rejected(DELTANII(FLOATER, AS_OF, 0.03, [[null]], null, null, null, null))).message).toMatch(/ALM\.DELTANII currency: a value is required/);
    expect((await rejected(DELTANII(FLOATER, AS_OF, 0.03, "ZZZ", null, null, null, null))).message).toMatch(/ALM\.DELTANII currency: the text "ZZZ" is not a currency/);
    expect((await rejected(DELTANII(FLOATER, AS_OF, 0.03, "USD", [[null], [""]], null, null, null))).message).toMatch(/ALM\.DELTANII scenarios: a value is required/);
  });
});
