/**
 * The benchmark's input generators: same seed, same data (bit for bit, so timings compare across
 * machines and versions); the shape Excel passes; and a product mix that stays inside what the positions
 * table accepts (docs/functions.md, "The positions table"), including the Basel caps on non-maturity
 * deposits.
 */
import { BENCH_AS_OF, BENCH_MIX, generateAmountsDates, generatePositions } from "../../bench/portfolio";
import { NMD_CAPS, type NmdCategory } from "../../src/engine/portfolio/portfolio";
import { addMonths, fromYmd } from "../../src/engine/time/serialDate";
import { functionsById } from "../../src/functions/index";
import { POSITION_HEADER, PRODUCTS } from "../../src/sample/products";
import { Random } from "../../src/sample/random";

/** FNV-1a over the JSON text: a fingerprint of generated data. */
function fingerprint(value: unknown): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(value)) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The columns the benchmark data was recorded with; columns declared since are blank in generated data. */
const RECORDED = ["Id", "Side", "Balance", "Rate", "Maturity", "Type", "Amortization", "Frequency", "NextReset", "ResetMonths", "Spread", "Basis", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Beta", "Start", "Currency"] as const;

/** A generated table as it was recorded: the RECORDED columns, by header, after checking every other column is blank. */
function recorded(t: readonly (readonly unknown[])[]): unknown[][] {
  const index = RECORDED.map((c) => t[0].indexOf(c));
  const others = t[0].map((_, j) => j).filter((j) => !index.includes(j));
  expect(t.slice(1).filter((r) => others.some((j) => r[j] !== ""))).toEqual([]);
  return t.map((r) => index.map((j) => r[j]));
}

const N = 5000;
const table = generatePositions(N);
const rows = table.slice(1);
const col = Object.fromEntries(POSITION_HEADER.map((c, j) => [c, j])) as Record<(typeof POSITION_HEADER)[number], number>;
const get = (row: unknown[], c: (typeof POSITION_HEADER)[number]) => row[col[c]];
const productOf = (row: unknown[]) => Object.entries(PRODUCTS).find(([, p]) => new RegExp(`^${p.prefix}\\d`).test(String(get(row, "Id"))))![0];
const byProduct = (kind: string) => rows.filter((r) => productOf(r) === kind);
const isCents = (x: number) => Math.round(x * 100) / 100 === x;
/** Sum of money in integer cents, exact. */
const cents = (xs: number[]) => xs.reduce((s, x) => s + Math.round(x * 100), 0);

describe("the random generator", () => {
  test("gives the same sequence for the same seed and another for another seed", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new Random(seed)));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  test("draws uniformly on [0, 1)", () => {
    const r = new Random(7);
    const xs = Array.from({ length: 20000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 2);
  });

  test("matches the reference mulberry32 (Tommy Ettinger's public-domain code, as published)", () => {
    /* eslint-disable */
    function mulberry32(a: number) {
      return function () {
        var t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
    }
    /* eslint-enable */
    for (const seed of [0, 1, 20260930, 0xffffffff]) {
      const ours = new Random(seed);
      const reference = mulberry32(seed);
      for (let k = 0; k < 1000; k++) expect(ours.next()).toBe(reference());
    }
  });
});

describe("generatePositions", () => {
  test("is deterministic: the same seed gives identical tables, another seed a different one", () => {
    expect(generatePositions(300, { seed: 5 })).toEqual(generatePositions(300, { seed: 5 }));
    expect(generatePositions(300, { seed: 5 })).not.toEqual(generatePositions(300, { seed: 6 }));
  });

  test("gives the same data as when the benchmark numbers were recorded (fingerprint)", () => {
    expect(fingerprint(recorded(generatePositions(1000, { seed: 42 })))).toBe(GOLDEN_POSITIONS);
  });

  test("has the header row of the positions table (docs/functions.md) and one cell per column in every row, numbers or text", () => {
    const width = POSITION_HEADER.length;
    expect(table).toHaveLength(N + 1);
    expect(table[0]).toEqual([...POSITION_HEADER]);
    expect(new Set(POSITION_HEADER.map((h) => h.toLowerCase())).size).toBe(width);
    expect(rows.filter((r) => r.length !== width || r.some((v) => typeof v !== "number" && typeof v !== "string"))).toEqual([]);
  });

  test("writes positive balances with cents, rates as decimals and integer date serials after as_of", () => {
    const problems = rows.flatMap((r) => {
      const out: string[] = [];
      const balance = get(r, "Balance") as number;
      if (!(balance > 0 && isCents(balance))) out.push("balance");
      if (!["A", "L"].includes(get(r, "Side") as string)) out.push("side");
      if (!(Math.abs(get(r, "Rate") as number) < 0.25)) out.push("rate");
      for (const c of ["Maturity", "NextReset"] as const) {
        const d = get(r, c);
        if (d !== "" && !(Number.isInteger(d) && (d as number) > BENCH_AS_OF)) out.push(c);
      }
      const start = get(r, "Start");
      if (start !== "" && !((start as number) <= BENCH_AS_OF)) out.push("start");
      if (get(r, "Type") === "FLOATING" && !((get(r, "NextReset") as number) <= (get(r, "Maturity") as number))) out.push("reset");
      return out.map((p) => `${get(r, "Id")}: ${p}`);
    });
    expect(problems).toEqual([]);
  });

  test("draws every product of the mix in about its share of rows", () => {
    const total = Object.values(BENCH_MIX).reduce((a, b) => a + b!, 0);
    for (const [kind, weight] of Object.entries(BENCH_MIX)) {
      expect({ kind, share: Math.abs(byProduct(kind).length / N - weight! / total) < 0.02 }).toEqual({ kind, share: true });
    }
  });

  test("makes mortgages monthly annuities of 15 to 30 years, most of them prepaying", () => {
    const mortgages = byProduct("MORTGAGE");
    for (const r of mortgages) {
      expect([get(r, "Amortization"), get(r, "Frequency")]).toEqual(["ANNUITY", 12]);
      const start = get(r, "Start") as number;
      const maturity = get(r, "Maturity") as number;
      expect(maturity).toBeGreaterThan(addMonths(start, 15 * 12 - 1));
      expect(maturity).toBeLessThanOrEqual(addMonths(start, 30 * 12) + 14); // maturities spread ±14 days; origination never after as_of
    }
    const prepaying = mortgages.filter((r) => get(r, "CPR") !== "").length / mortgages.length;
    expect(prepaying).toBeGreaterThan(0.5);
    expect(prepaying).toBeLessThan(0.7);
  });

  test("makes consumer loans linear or annuity over 1 to 7 years", () => {
    for (const r of byProduct("CONSUMER")) {
      expect(["LINEAR", "ANNUITY"]).toContain(get(r, "Amortization"));
      expect(get(r, "Maturity")).toBeLessThanOrEqual(addMonths(BENCH_AS_OF, 84) + 14);
    }
  });

  test("makes commercial floaters reset quarterly within three months", () => {
    const floaters = byProduct("COMMERCIAL").filter((r) => get(r, "Type") === "FLOATING");
    expect(floaters.length).toBeGreaterThan(0);
    for (const r of floaters) {
      expect([get(r, "ResetMonths"), get(r, "Frequency")]).toEqual([3, 4]);
      expect(get(r, "NextReset")).toBeLessThanOrEqual(addMonths(BENCH_AS_OF, 3));
    }
  });

  test("makes securities and term deposits bullets, some deposits with an early-redemption ratio", () => {
    for (const r of [...byProduct("SECURITY"), ...byProduct("TERM_DEPOSIT")]) expect(get(r, "Amortization")).toBe("BULLET");
    const tdrr = byProduct("TERM_DEPOSIT").filter((r) => get(r, "TDRR") !== "");
    expect(tdrr.length).toBeGreaterThan(0);
    expect(tdrr.length).toBeLessThan(byProduct("TERM_DEPOSIT").length);
  });

  test("keeps non-maturity deposits of each category within the Basel caps, without a maturity", () => {
    const seen = new Set<string>();
    for (const r of rows.filter((x) => get(x, "Category") !== "")) {
      const category = get(r, "Category") as NmdCategory;
      seen.add(category);
      expect(get(r, "Side")).toBe("L");
      expect(get(r, "Maturity")).toBe("");
      expect(get(r, "CoreShare")).toBeLessThanOrEqual(NMD_CAPS[category].coreShare);
      expect(get(r, "CoreMaturity")).toBeLessThanOrEqual(NMD_CAPS[category].coreMaturity);
      expect(get(r, "CoreMaturity")).toBeGreaterThan(0);
    }
    expect([...seen].sort()).toEqual(Object.keys(NMD_CAPS).sort());
  });

  test("parses without error through ALM.REPRICINGGAP, whose totals equal the balances", () => {
    const gap = functionsById.REPRICINGGAP(table, BENCH_AS_OF, null, null);
    const total = gap[gap.length - 1];
    const sum = (side: string) => cents(rows.filter((r) => get(r, "Side") === side).map((r) => get(r, "Balance") as number)) / 100;
    expect(total.slice(0, 5)).toEqual(["Total", "", "", sum("A"), sum("L")]);
  });
});

describe("generateAmountsDates", () => {
  const n = 20000;
  const { amounts, dates } = generateAmountsDates(n);

  test("is deterministic", () => {
    expect(generateAmountsDates(500, { seed: 3 })).toEqual(generateAmountsDates(500, { seed: 3 }));
    expect(generateAmountsDates(500, { seed: 3 })).not.toEqual(generateAmountsDates(500, { seed: 4 }));
    expect(fingerprint(generateAmountsDates(1000, { seed: 42 }))).toBe(GOLDEN_AMOUNTS);
  });

  test("gives n×1 column ranges of signed amounts with cents and integer dates up to 30 years out", () => {
    expect(amounts).toHaveLength(n);
    expect(dates).toHaveLength(n);
    expect(amounts.filter((a) => a.length !== 1 || !isCents(a[0]) || a[0] === 0)).toEqual([]);
    expect(dates.filter((d) => d.length !== 1 || !Number.isInteger(d[0]) || d[0] > fromYmd(2056, 10, 1))).toEqual([]);
    const inflows = amounts.filter(([a]) => a > 0).length / n;
    expect(inflows).toBeGreaterThan(0.5);
    expect(inflows).toBeLessThan(0.6);
    expect(dates.some(([d]) => d <= BENCH_AS_OF)).toBe(true);
  });

  test("goes through ALM.GAP with totals equal to the sums of inflows and outflows", () => {
    const gap = functionsById.GAP(amounts, dates, BENCH_AS_OF, null, null, null);
    const total = gap[gap.length - 1];
    expect(total[3]).toBe(cents(amounts.map(([a]) => a).filter((a) => a > 0)) / 100);
    expect(total[4]).toBe(-cents(amounts.map(([a]) => a).filter((a) => a < 0)) / 100);
  });
});

const GOLDEN_POSITIONS = "669e4372";
const GOLDEN_AMOUNTS = "98b3fd62";
