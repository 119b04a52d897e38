/**
 * Issue 16 (item 6) through the emulated Excel host: ALM.NII and ALM.DELTANII on small hand-built books
 * against references computed outside the engine — market-consistent renewal on an upward curve (a fixed
 * loan maturing mid-horizon, a fixed loan rolling every 90 days, floaters with and without Spread), client
 * floors and caps (a non-maturity deposit never below 0 % unless its Floor says so), CPR and TDRR renewal
 * with the BASEL behaviour multipliers, a 12-month ramp, the `[floor]` argument on a low curve, the EU
 * calibration through ALM.DELTANII's `[calibration]`, and the EU NII outlier test through its `[tier1]`.
 *
 * Reference values: test/golden/irrbb-nii-supervisory.json, written by scripts/golden/irrbb_nii.py with
 * QuantLib forwards (never from this project's engine). Regenerate with
 * `/usr/bin/python3 scripts/golden/irrbb_nii.py`. Every case and every call carries a `source` with its
 * one-line derivation; each ALM.NII call is also checked position by position, so a failure names the row.
 *
 * Layout of ALM.DELTANII as read from the function catalogue (docs/functions.md) and issue 16: header
 * Scenario, NII, ΔNII, ΔNII % of base (ΔNII / |base|), and with `tier1` a fifth column ΔNII % of Tier 1
 * (ΔNII / tier1); rows BASE, then the scenarios; with `tier1` a last row MAX repeating the scenario with the
 * most negative ΔNII, labelled as ALM.STANDARDEVE labels its MAX row: `MAX (PARALLEL_DOWN)`, followed by
 * ` OUTLIER` when the decline exceeds 5 % of Tier 1 (Reg. (EU) 2024/856 Art. 5(1)); `MAX` with NII = base
 * and zeros when no scenario declines.
 */
import { expectMoney, expectRate, golden } from "../helpers/golden";
import { HostError, excel, rejected } from "../helpers/excelHost";

type Spill = (...args: unknown[]) => Promise<any[][]>;
const { NII } = excel as Record<"NII", (...args: unknown[]) => Promise<number>>;
const { DELTANII } = excel as Record<"DELTANII", Spill>;

type Cell = string | number | null;
type Table = Cell[][];
type Curve = Table | number;
type Calibration = string | number[][] | null;
type Floor = string | number | null;

interface PerPosition {
  id: string;
  nii: number;
  renewals: Record<string, unknown>[];
}
interface NiiCall {
  label: string;
  source: string;
  scenario: string | number | null;
  currency: string | null;
  horizon_months: number | null;
  ramp_months: number | null;
  calibration: Calibration;
  floor: Floor;
  behaviour: string | null;
  expected: number;
  per_position: PerPosition[];
}
interface MaxRow {
  label: string;
  scenario: string | null;
  nii: number;
  delta: number;
  pct_base: number;
  pct_tier1: number;
  outlier: boolean;
}
interface DeltaNiiCall {
  label: string;
  source: string;
  currency: string;
  scenarios: Cell[][] | null;
  horizon_months: number | null;
  ramp_months: number | null;
  calibration: Calibration;
  floor: Floor;
  tier1: number | null;
  sizes_bp: number[];
  header: string[];
  rows: [string, number, number, number, ...number[]][];
  max?: MaxRow;
}
interface Case {
  id: string;
  item: string;
  source: string;
  curve: Curve;
  currency: string | null;
  positions: Table;
  nii: NiiCall[];
  deltanii: DeltaNiiCall[];
}
interface Golden {
  as_of_iso: string;
  cases: Case[];
}

const G = golden<Golden>("irrbb-nii-supervisory.json");
const AS_OF = G.as_of_iso;
const byId = (id: string): Case => {
  const c = G.cases.find((x) => x.id === id);
  if (!c) throw new Error(`golden case ${id} is missing`);
  return c;
};


/** ALM.NII(positions, as_of, curve, [scenario], [currency], [horizon_months], [ramp_months], [calibration], [floor], [behaviour]). */
function nii(positions: Table, c: Case, call: NiiCall): Promise<number> {
  return NII(positions, AS_OF, c.curve, call.scenario, call.currency, call.horizon_months, call.ramp_months, call.calibration, call.floor, call.behaviour);
}

/** ALM.DELTANII(positions, as_of, curve, currency, [scenarios], [horizon_months], [ramp_months], [headers], [calibration], [floor], [tier1]). */
function deltaNii(c: Case, call: DeltaNiiCall, headers: boolean | null = null): Promise<any[][]> {
  return DELTANII(c.positions, AS_OF, c.curve, call.currency, call.scenarios, call.horizon_months, call.ramp_months, headers, call.calibration, call.floor, call.tier1);
}

/** The positions table with only the row of `id` (header kept). */
function onlyRow(positions: Table, id: string): Table {
  const idCol = positions[0].indexOf("Id");
  return [positions[0], ...positions.slice(1).filter((r) => r[idCol] === id)];
}

function checkRows(out: any[][], call: DeltaNiiCall, label: string): void {
  call.rows.forEach((r, i) => {
    const row = out[i];
    const at = `${label} ${r[0]}`;
    expect(row[0]).toBe(r[0]);
    expectMoney(row[1], r[1], `${at} NII`);
    expectMoney(row[2], r[2], `${at} ΔNII`);
    expectRate(row[3], r[3], `${at} ΔNII % of base`);
    if (call.tier1 !== null) expectRate(row[4], r[4], `${at} ΔNII % of Tier 1`);
    expect(row).toHaveLength(call.header.length);
  });
}

const niiCalls = G.cases.flatMap((c) => c.nii.map((call) => [`${c.id}: ${call.label}`, c, call] as const));
const deltaNiiCalls = G.cases.flatMap((c) => c.deltanii.map((call) => [`${c.id}: ${call.label}`, c, call] as const));

// ---------------------------------------------------------------------------------------------------

describe("ALM.NII against the outside references (every case of the golden file)", () => {
  test.each(niiCalls)("%s", async (_name, c, call) => {
    expectMoney(await nii(c.positions, c, call), call.expected, `${c.id} ${call.label}`);
  });

  test.each(niiCalls)("%s, position by position", async (_name, c, call) => {
    const errors: string[] = [];
    for (const p of call.per_position) {
      try {
        expectMoney(await nii(onlyRow(c.positions, p.id), c, call), p.nii, `${c.id} ${call.label} ${p.id}`);
      } catch (e) {
        errors.push(e instanceof HostError ? `${p.id}: ${e.code} ${e.message}` : (e as Error).message);
      }
    }
    if (errors.length > 0) throw new Error(errors.join("\n"));
  });
});

describe("ALM.DELTANII against the outside references (every case of the golden file)", () => {
  test.each(deltaNiiCalls)("%s", async (_name, c, call) => {
    const out = await deltaNii(c, call);
    expect(out[0]).toEqual(call.header);
    const expectedRows = call.rows.length + (call.max ? 1 : 0);
    expect(out.map((r) => r[0])).toEqual(["Scenario", ...call.rows.map((r) => r[0]), ...(call.max ? [call.max.label] : [])]);
    expect(out).toHaveLength(1 + expectedRows);
    checkRows(out.slice(1), call, `${c.id} ${call.label}`);
    if (call.max) {
      const m = out[out.length - 1];
      expectMoney(m[1], call.max.nii, `${c.id} ${call.label} MAX NII`);
      expectMoney(m[2], call.max.delta, `${c.id} ${call.label} MAX ΔNII`);
      expectRate(m[3], call.max.pct_base, `${c.id} ${call.label} MAX % of base`);
      expectRate(m[4], call.max.pct_tier1, `${c.id} ${call.label} MAX % of Tier 1`);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// The findings of issue 16, one by one, on the same golden numbers.

describe("Market-consistent renewal (item 1)", () => {
  const c = byId("forward-renewal-upward");
  const base = c.nii.find((n) => n.label === "BASE")!;

  it("a floater renews at Spread + forward where Spread is given, at (Rate − z(τ)) + forward otherwise", async () => {
    const frn = base.per_position.find((p) => p.id === "FRN")!;
    const frnS = base.per_position.find((p) => p.id === "FRN_S")!;
    expect(frn.nii).not.toBeCloseTo(frnS.nii, 0);
    expectMoney(await nii(onlyRow(c.positions, "FRN"), c, base), frn.nii, "FRN (margin Rate − z(0.5) = 1 %)");
    expectMoney(await nii(onlyRow(c.positions, "FRN_S"), c, base), frnS.nii, "FRN_S (margin = Spread 1.5 %)");
  });

  it("the base NII reads the curve: a steeper curve changes it", async () => {
    const steeper: Table = [["Tenor", "Zero rate"], [0.2, 0.022], [1, 0.035], [3, 0.05]];
    const got = await NII(c.positions, AS_OF, steeper, null, null, null, null, null, null, null);
    expect(Math.abs(got - base.expected)).toBeGreaterThan(100);
  });

  it("SHORT_UP moves a renewal by the change in the forward, so it differs from PARALLEL_UP's uniform +2 %", () => {
    const up = c.nii.find((n) => n.label === "PARALLEL_UP")!;
    const short = c.nii.find((n) => n.label === "SHORT_UP")!;
    expect(Math.abs(short.expected - up.expected)).toBeGreaterThan(100);
  });
});

describe("Floors (item 2)", () => {
  const c = byId("floored-deposits");
  const down = c.nii.find((n) => n.label === "PARALLEL_DOWN")!;

  it("an NMD at 0.5 % with beta 1 pays 0 % under PARALLEL_DOWN, not −1.5 %", async () => {
    expectMoney(down.per_position.find((p) => p.id === "NMD")!.nii, 0, "golden NMD under PARALLEL_DOWN");
    expectMoney(await nii(onlyRow(c.positions, "NMD"), c, down), 0, "NMD under PARALLEL_DOWN");
  });

  it("an explicit negative Floor lets it go to that floor (−0.5 %: +5,000 on 1,000,000 of deposits)", async () => {
    expectMoney(await nii(onlyRow(c.positions, "NMD_NEG"), c, down), 5_000, "NMD_NEG under PARALLEL_DOWN");
  });

  it("[floor] on a low curve: NONE, EU, ZERO and a number give four different NIIs", () => {
    const low = byId("floor-low-curve");
    const values = low.nii.map((n) => n.expected);
    expect(new Set(values.map((v) => v.toFixed(2))).size).toBe(4);
  });
});

describe("Behaviour (item 3)", () => {
  it("a mortgage at CPR 0 % and at CPR 30 % gives different ΔNII", async () => {
    const [c0, c30] = [byId("cpr-annuity-0"), byId("cpr-annuity-30")];
    const [d0, d30] = [c0.deltanii[0], c30.deltanii[0]];
    expect(Math.abs(d30.rows[1][2] - d0.rows[1][2])).toBeGreaterThan(100);
    const [out0, out30] = [await deltaNii(c0, d0), await deltaNii(c30, d30)];
    expectMoney(out0[2][2], d0.rows[1][2], "CPR 0 % ΔNII(PARALLEL_UP)");
    expectMoney(out30[2][2], d30.rows[1][2], "CPR 30 % ΔNII(PARALLEL_UP)");
  });

  it("[behaviour] BASEL moves CPR and TDRR by the SRP31 multipliers, and leaves the base alone", () => {
    for (const id of ["cpr-annuity-30", "cpr-interest-only-30"]) {
      const c = byId(id);
      const get = (label: string) => c.nii.find((n) => n.label === label)!.expected;
      expect(get("PARALLEL_UP BASEL")).toBeLessThan(get("PARALLEL_UP INPUT"));
      expect(get("BASE BASEL")).toBe(get("BASE"));
    }
  });
});

describe("ALM.DELTANII calibration and Tier 1 (item 4)", () => {
  const eu = byId("eu-calibration");

  it("EUR under calibration EU is ±200 bp, under the default BCBS2024 ±225 bp", () => {
    expect(eu.deltanii.find((d) => d.label === "EUR EU")!.sizes_bp[0]).toBe(200);
    expect(eu.deltanii.find((d) => d.label === "EUR default")!.sizes_bp[0]).toBe(225);
  });

  it("PLN is #VALUE! under BCBS2024 (not in the table) and ±250 bp under EU", async () => {
    const pln = eu.deltanii.find((d) => d.label === "PLN EU")!;
    const e = await rejected(deltaNii(eu, { ...pln, calibration: null }));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/PLN/);
    const out = await deltaNii(eu, pln);
    expectMoney(out[2][2], pln.rows[1][2], "PLN EU ΔNII(PARALLEL_UP)");
  });

  it("the same decline is an outlier against one Tier 1 and not against another", () => {
    const t = byId("tier1-outlier");
    expect(t.deltanii.filter((d) => d.max?.outlier).length).toBeGreaterThanOrEqual(2);
    expect(t.deltanii.filter((d) => d.max && !d.max.outlier).length).toBeGreaterThanOrEqual(2);
  });

  it("drops the header row with headers FALSE and keeps the MAX row", async () => {
    const t = byId("tier1-outlier");
    const call = t.deltanii[0];
    const out = await deltaNii(t, call, false);
    expect(out.map((r) => r[0])).toEqual([...call.rows.map((r) => r[0]), call.max!.label]);
  });

  it("without tier1 there is no fifth column and no MAX row", async () => {
    const t = byId("tier1-outlier");
    const out = await deltaNii(t, { ...t.deltanii[0], tier1: null });
    expect(out[0]).toEqual(["Scenario", "NII", "ΔNII", "ΔNII % of base"]);
    expect(out.map((r) => r[0])).toEqual(["Scenario", "BASE", "PARALLEL_UP", "PARALLEL_DOWN"]);
  });
});
