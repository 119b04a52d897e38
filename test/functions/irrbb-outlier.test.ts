/**
 * Issue 15 (item 8) through the emulated Excel host: exact shocks at each flow's own time (ALM.SHOCK
 * `[tenors]`), floors that never lift a rate, own shock sizes (ALM.SHOCKSIZES, ALM.DELTAEVE, ALM.EVE),
 * the SRP31.92 worked example, the two-currency outlier test under the BCBS and EU rules
 * (ALM.OUTLIERTEST), and mixed-currency tables refused by the functions without a currency.
 *
 * Reference values: test/golden/irrbb-outlier.json, written by scripts/golden/irrbb_outlier.py from the
 * published formulas with QuantLib discounting (never from this project's engine). Regenerate with
 * `/usr/bin/python3 scripts/golden/irrbb_outlier.py`. Every case carries a `source` naming its paragraph.
 *
 * Layout of ALM.OUTLIERTEST as read from the function catalogue (docs/functions.md): header Measure,
 * Scenario, one column per currency, Aggregate, % of Tier 1, Outlier; six EVE rows in the Basel order, the
 * two NII rows, then MAX EVE and MAX NII. The currency columns and Aggregate are changes in the reporting
 * currency (negative is a loss); % of Tier 1 = Aggregate / tier1.
 */
import { expectMoney, expectRate, golden } from "../helpers/golden";
import { excel, rejected } from "../helpers/excelHost";

type Spill = (...args: unknown[]) => Promise<any[][]>;
type Single = (...args: unknown[]) => Promise<number>;
const { EVE } = excel as Record<"EVE", Single>;
const { SHOCK, SHOCKSIZES, DELTAEVE, OUTLIERTEST, REPRICINGGAP, CASHFLOWS, LIQUIDITYGAP } = excel as Record<
  "SHOCK" | "SHOCKSIZES" | "DELTAEVE" | "OUTLIERTEST" | "REPRICINGGAP" | "CASHFLOWS" | "LIQUIDITYGAP",
  Spill
>;

type Table = (string | number | null)[][];
type Curve = Table | number;
type Calibration = string | Table | null;
type Floor = string | number | null;

interface ShockCase {
  id: string;
  source: string;
  curve: Curve;
  scenario?: string;
  currency: string;
  calibration: Calibration;
  floor: Floor;
  tenors?: number[];
  rows?: { tenor: number; zero: number; base_zero?: number; shift_bp: number; scenario?: string; published_bp?: number }[];
  pillar_interpolated_shift_bp_at_5y?: number;
  by_scenario?: Record<string, number[]>;
}
interface DeltaEveCase {
  id: string;
  source: string;
  currency: string;
  calibration: Calibration;
  floor: Floor;
  curve: Curve;
  positions: Table;
  flows: { days: number; t: number; amount: number }[];
  base_zeros: number[];
  scenarios: { scenario: string; eve: number; delta: number; pct_of_base: number; zeros: number[] }[];
  worst: { scenario: string | null; delta: number };
}
interface OutlierRow {
  measure: string;
  scenario: string;
  changes: Record<string, number>;
  aggregate: number;
  pct_tier1: number;
  outlier: boolean;
}
interface OutlierCase {
  id: string;
  source: string;
  rule: string;
  method: string;
  calibration: Calibration;
  floor: Floor;
  tier1: number;
  fx: Table;
  curves: Table;
  positions: Table;
  currencies: string[];
  by_currency: Record<string, { fx: number; curve: Table; delta_local: Record<string, number> }>;
  eve_rows: OutlierRow[];
  nii_rows: OutlierRow[];
  max_eve: { scenario: string | null; aggregate: number; pct_tier1: number; outlier: boolean };
  max_nii: { aggregate: number; pct_tier1: number; outlier: boolean };
}
interface Golden {
  as_of_iso: string;
  shock_cases: ShockCase[];
  deltaeve_cases: DeltaEveCase[];
  shocksizes_cases: { currency: string; calibration: Calibration; expected: number[]; source: string }[];
  outlier_cases: OutlierCase[];
  mixed_currency: { positions: Table; currencies: string[]; usd_assets: number; usd_liabilities: number };
}

const G = golden<Golden>("irrbb-outlier.json");
const AS_OF = G.as_of_iso;
const SCENARIOS = ["PARALLEL_UP", "PARALLEL_DOWN", "STEEPENER", "FLATTENER", "SHORT_UP", "SHORT_DOWN"];


const column = (values: readonly unknown[]): unknown[][] => values.map((v) => [v]);

/** The Outlier cell as docs/functions.md gives it: the text OUTLIER when set, blank when not. */
function flagOf(v: unknown, label: string): boolean {
  if (v === "OUTLIER") return true;
  if (v === "") return false;
  throw new Error(`${label}: the Outlier cell holds ${JSON.stringify(v)}; expected "OUTLIER" or blank`);
}

// ---------------------------------------------------------------------------------------------------

describe("ALM.SHOCK evaluates the shift at each tenor's own time (issue 15 item 1, SRP31.91)", () => {
  const sparse = G.shock_cases.filter((c) => c.id.startsWith("usd-sparse"));

  test.each(sparse.map((c) => [c.id, c] as const))("%s: ALM.SHOCK(curve, \"SHORT_UP\", \"USD\", , , FALSE, tenors)", async (_id, c) => {
    const out = await SHOCK(c.curve, c.scenario, c.currency, c.calibration, c.floor, false, column(c.tenors!));
    expect(out).toHaveLength(c.rows!.length);
    c.rows!.forEach((r, i) => {
      expect(out[i][0]).toBe(r.tenor);
      expectRate(out[i][1], r.zero, `${c.id} t=${r.tenor}`);
    });
  });

  it("gives the 86.0 bp SRP31.91 shift at 5 years on a 1Y/10Y curve, not the 140.7 bp of interpolated pillar shifts", async () => {
    const c = sparse.find((s) => s.id === "usd-sparse-short-up-5y")!;
    const [[, zero]] = await SHOCK(c.curve, "SHORT_UP", "USD", null, null, false, [[5]]);
    const shiftBp = ((zero as number) - c.rows![0].base_zero!) / 1e-4;
    expect(shiftBp).toBeCloseTo(85.95, 2);
    expect(c.pillar_interpolated_shift_bp_at_5y!).toBeCloseTo(140.74, 2);
  });
});

describe("The SRP31.92 worked example (t = 3.5 years, 100 bp short and long as for JPY)", () => {
  const example = G.shock_cases.find((c) => c.id === "srp31-92-example")!;

  test.each(example.rows!.map((r) => [r.scenario!, r] as const))("%s at t_10 = 3.5 y", async (scenario, r) => {
    const out = await SHOCK(example.curve, scenario, example.currency, null, null, false, [[3.5]]);
    expect(out).toHaveLength(1);
    expectRate(out[0][1], r.zero, scenario);
    // The Basel text's rounded numbers: +41.7, +25.4, −1.6 bp.
    expect(Math.round(((out[0][1] as number) / 1e-4) * 10) / 10).toBe(r.published_bp);
  });

  const grid = G.shock_cases.find((c) => c.id === "jpy-midpoints-all-scenarios")!;
  test.each(SCENARIOS)("%s at the 19 Basel midpoints on a flat 0 %% curve", async (scenario) => {
    const out = await SHOCK(grid.curve, scenario, grid.currency, null, null, false, column(grid.tenors!));
    expect(out.map((r) => r[0])).toEqual(grid.tenors);
    grid.by_scenario![scenario].forEach((z, i) => expectRate(out[i][1], z, `${scenario} t=${grid.tenors![i]}`));
  });
});

describe("ALM.DELTAEVE and ALM.EVE on sparse and negative curves, with floors and own shock sizes (items 1–3)", () => {
  const cases = G.deltaeve_cases.map((c) => [c.id, c] as const);

  test.each(cases)("%s: ALM.DELTAEVE agrees row by row", async (_id, c) => {
    const out = await DELTAEVE(c.positions, AS_OF, c.curve, c.currency, c.calibration, c.floor);
    expect(out[0]).toEqual(["Scenario", "EVE", "ΔEVE", "ΔEVE % of base"]);
    expect(out.slice(1, 8).map((r) => r[0])).toEqual(c.scenarios.map((s) => s.scenario));
    c.scenarios.forEach((s, i) => {
      const row = out[i + 1];
      expectMoney(row[1], s.eve, `${c.id} ${s.scenario} EVE`);
      expectMoney(row[2], s.delta, `${c.id} ${s.scenario} ΔEVE`);
      expectRate(row[3], s.pct_of_base, `${c.id} ${s.scenario} ΔEVE % of base`);
    });
    expect(String(out[8][0])).toMatch(/^WORST/);
    if (c.worst.scenario) expect(String(out[8][0])).toContain(c.worst.scenario);
    expectMoney(out[8][2], c.worst.delta, `${c.id} WORST`);
  });

  test.each(cases)("%s: ALM.EVE gives each scenario's EVE", async (_id, c) => {
    for (const s of c.scenarios) {
      const scenario = s.scenario === "BASE" ? null : s.scenario;
      expectMoney(await EVE(c.positions, AS_OF, c.curve, scenario, c.currency, c.calibration, c.floor), s.eve, `${c.id} ${s.scenario}`);
    }
  });

  test.each(cases)("%s: ALM.SHOCK at the flows' own times returns the rates EVE discounts with", async (_id, c) => {
    const times = c.flows.map((f) => f.t);
    for (const s of c.scenarios.slice(1)) {
      const out = await SHOCK(c.curve, s.scenario, c.currency, c.calibration, c.floor, false, column(times));
      expect(out).toHaveLength(times.length);
      s.zeros.forEach((z, i) => expectRate(out[i][1], z, `${c.id} ${s.scenario} flow ${i + 1} (t=${times[i]})`));
    }
  });

  it("never lets a down shock raise a rate: STEEPENER on a flat −0.30 % KRW curve under ZERO keeps the short end at −0.30 %", async () => {
    const c = G.deltaeve_cases.find((d) => d.id === "krw-flat-steepener-zero")!;
    const out = await SHOCK(c.curve, "STEEPENER", "KRW", null, "ZERO", false, [[0.5], [1], [2]]);
    for (const [, z] of out) expectRate(z, -0.003, "KRW STEEPENER short end");
  });

  it("[behaviour] BASEL changes nothing on a book without CPR or TDRR", async () => {
    const c = G.deltaeve_cases.find((d) => d.id === "usd-sparse-none")!;
    const out = await DELTAEVE(c.positions, AS_OF, c.curve, c.currency, null, null, false, "BASEL");
    c.scenarios.forEach((s, i) => expectMoney(out[i][2], s.delta, `BASEL ${s.scenario}`));
  });
});

describe("ALM.SHOCKSIZES with the bank's own sizes (SRP31.93, item 3)", () => {
  test.each(G.shocksizes_cases.map((c) => [c.currency, JSON.stringify(c.calibration), c] as const))("%s with %s", async (currency, _cal, c) => {
    expect(await SHOCKSIZES(currency, c.calibration)).toEqual([["Parallel", "Short", "Long"], c.expected]);
  });

  it("still refuses a currency outside the named table: PLN under BCBS2024", async () => {
    const e = await rejected(SHOCKSIZES("PLN", null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/PLN/);
  });
});

describe("ALM.OUTLIERTEST on an EBA-style two-currency book (EUR reporting, USD at 0.9; item 6)", () => {
  const cases = G.outlier_cases.map((c) => [c.id, c] as const);

  test.each(cases)("%s: the per-currency ΔEVE it converts are ALM.DELTAEVE's with the currency filter", async (_id, c) => {
    for (const ccy of c.currencies) {
      const out = await DELTAEVE(c.positions, AS_OF, c.by_currency[ccy].curve, ccy, c.calibration, c.floor, false);
      SCENARIOS.forEach((s, i) => expectMoney(out[i + 1][2], c.by_currency[ccy].delta_local[s], `${c.id} ${ccy} ${s}`));
    }
  });

  test.each(cases)("%s: every row, the aggregate under its rule, % of Tier 1 and the flags", async (_id, c) => {
    const out = await OUTLIERTEST(c.positions, AS_OF, c.curves, c.tier1, c.fx, c.method, c.calibration, c.floor, c.rule);
    const header = out[0].map(String);
    expect(header.slice(0, 2)).toEqual(["Measure", "Scenario"]);
    expect(header.slice(-3)).toEqual(["Aggregate", "% of Tier 1", "Outlier"]);
    expect([...header.slice(2, -3)].sort()).toEqual([...c.currencies].sort());
    const col = (name: string) => header.indexOf(name);
    expect(out).toHaveLength(1 + 6 + 2 + 2);

    const expected = [...c.eve_rows, ...c.nii_rows];
    expect(out.slice(1, 9).map((r) => [r[0], r[1]])).toEqual(expected.map((r) => [r.measure, r.scenario]));
    expected.forEach((r, i) => {
      const row = out[i + 1];
      const label = `${c.id} ${r.measure} ${r.scenario}`;
      for (const ccy of c.currencies) expectMoney(row[col(ccy)], r.changes[ccy], `${label} ${ccy}`);
      expectMoney(row[col("Aggregate")], r.aggregate, `${label} Aggregate`);
      expectRate(row[col("% of Tier 1")], r.pct_tier1, `${label} % of Tier 1`);
      expect(flagOf(row[col("Outlier")], label)).toBe(r.outlier);
    });

    const maxEve = out[9];
    expect(maxEve[0]).toBe("MAX EVE");
    expectMoney(maxEve[col("Aggregate")], c.max_eve.aggregate, `${c.id} MAX EVE`);
    expectRate(maxEve[col("% of Tier 1")], c.max_eve.pct_tier1, `${c.id} MAX EVE %`);
    expect(flagOf(maxEve[col("Outlier")], `${c.id} MAX EVE`)).toBe(c.max_eve.outlier);
    const maxNii = out[10];
    expect(maxNii[0]).toBe("MAX NII");
    expectMoney(maxNii[col("Aggregate")], c.max_nii.aggregate, `${c.id} MAX NII`);
    expectRate(maxNii[col("% of Tier 1")], c.max_nii.pct_tier1, `${c.id} MAX NII %`);
    expect(flagOf(maxNii[col("Outlier")], `${c.id} MAX NII`)).toBe(c.max_nii.outlier);
  });

  it("the golden Tier 1 sets some flags and leaves others, and the two rules disagree somewhere", () => {
    for (const c of G.outlier_cases) {
      expect(c.eve_rows.some((r) => r.outlier)).toBe(true);
      expect(c.eve_rows.some((r) => !r.outlier)).toBe(true);
    }
    const [bcbs, eu] = G.outlier_cases;
    expect(bcbs.eve_rows.some((r, i) => r.outlier !== eu.eve_rows[i].outlier)).toBe(true);
  });

  it("drops the header row with headers FALSE", async () => {
    const c = G.outlier_cases[0];
    const out = await OUTLIERTEST(c.positions, AS_OF, c.curves, c.tier1, c.fx, c.method, c.calibration, c.floor, c.rule, false);
    expect(out).toHaveLength(10);
    expect(out[0].slice(0, 2)).toEqual(["EVE", "PARALLEL_UP"]);
  });

  it("gives #VALUE! without fx for two currencies, and names the row of a currency with no curve or no rate", async () => {
    const c = G.outlier_cases[0];
    const noFx = await rejected(OUTLIERTEST(c.positions, AS_OF, c.curves, c.tier1, null, c.method, c.calibration, c.floor, c.rule));
    expect(noFx.code).toBe("#VALUE!");
    expect(noFx.message).toMatch(/fx/);

    const withGbp = [...c.positions, ["P9", "A", 1000, 0, "2030-01-15", "GBP"]];
    const fxGbp = [...c.fx, ["GBP", 1.15]];
    const noCurve = await rejected(OUTLIERTEST(withGbp, AS_OF, c.curves, c.tier1, fxGbp, c.method, c.calibration, c.floor, c.rule));
    expect(noCurve.code).toBe("#VALUE!");
    expect(noCurve.message).toMatch(/GBP/);
    expect(noCurve.message).toMatch(new RegExp(`row ${withGbp.length}\\b`));

    const firstUsd = c.positions.findIndex((r) => r[r.length - 1] === "USD") + 1;
    const eurOnly = c.fx.filter((r) => r[0] !== "USD");
    const noRate = await rejected(OUTLIERTEST(c.positions, AS_OF, c.curves, c.tier1, eurOnly, c.method, c.calibration, c.floor, c.rule));
    expect(noRate.code).toBe("#VALUE!");
    expect(noRate.message).toMatch(/USD/);
    expect(noRate.message).toMatch(new RegExp(`row ${firstUsd}\\b`));
  });
});

describe("Amounts in different currencies are never added (docs/functions.md, the Currency column; issue 15 item 5)", () => {
  const m = G.mixed_currency;
  const listsCurrencies = (message: string) => m.currencies.every((ccy) => message.includes(ccy));

  it("ALM.EVE without a currency: #VALUE! listing the currencies", async () => {
    const e = await rejected(EVE(m.positions, AS_OF, 0.03));
    expect(e.code).toBe("#VALUE!");
    expect(listsCurrencies(e.message)).toBe(true);
  });

  it("ALM.EVE with a currency counts that currency's rows only", async () => {
    const t = (iso: string) => (Date.parse(iso) - Date.parse(AS_OF)) / 86_400_000 / 365;
    const expected = 1000 * Math.exp(-0.03 * t("2028-01-15")) - 400 * Math.exp(-0.03 * t("2027-01-15"));
    expectMoney(await EVE(m.positions, AS_OF, 0.03, null, "USD"), expected, "EVE USD rows");
  });

  it("ALM.DELTAEVE: its currency is required (#VALUE! when blank) and filters the rows", async () => {
    expect((await rejected(DELTAEVE(m.positions, AS_OF, 0.03, [[null]]))).code).toBe("#VALUE!");
    const usdOnly = m.positions.filter((r, i) => i === 0 || r[4] === "USD");
    expect(await DELTAEVE(m.positions, AS_OF, 0.03, "USD")).toEqual(await DELTAEVE(usdOnly, AS_OF, 0.03, "USD"));
  });

  it.each([
    ["REPRICINGGAP", () => REPRICINGGAP(m.positions, AS_OF)],
    ["CASHFLOWS", () => CASHFLOWS(m.positions, AS_OF)],
    ["LIQUIDITYGAP", () => LIQUIDITYGAP(m.positions, AS_OF)],
  ] as const)("ALM.%s without [currency]: #VALUE! listing the currencies", async (_fn, call) => {
    const e = await rejected(call());
    expect(e.code).toBe("#VALUE!");
    expect(listsCurrencies(e.message)).toBe(true);
  });

  it("ALM.REPRICINGGAP with [currency] totals that currency's rows", async () => {
    const out = await REPRICINGGAP(m.positions, AS_OF, "ANNUAL", false, "USD");
    const total = out.find((r) => r[0] === "Total")!;
    expect(total.slice(3, 6)).toEqual([m.usd_assets, m.usd_liabilities, m.usd_assets - m.usd_liabilities]);
  });
});
