import { SAMPLE_AS_OF, SAMPLE_CURVES, positionsIn } from "../../src/sample/sampleBank";
import { excel as f } from "../helpers/excelHost";

/**
 * Invariances of the money outputs over the sample bank: they do not depend on row order, they scale with
 * the balances, and an empty portfolio gives zeros where zero is meaningful. Called through the emulated
 * Excel host (the built bundle, arguments marshalled as functions.json declares them).
 */
const positions = positionsIn("USD");
const curve = SAMPLE_CURVES.USD.map((r) => [...r]);
const asOf = SAMPLE_AS_OF;
const header = positions[0];
const balanceCol = header.findIndex((h) => String(h).toLowerCase() === "balance");

function shuffled(rows: unknown[][]): unknown[][] {
  // A fixed permutation: reversed, then every other row moved to the front.
  const body = rows.slice(1).reverse();
  return [rows[0], ...body.filter((_, i) => i % 2 === 0), ...body.filter((_, i) => i % 2 === 1)];
}

function scaled(rows: unknown[][], k: number): unknown[][] {
  return rows.map((r, i) => (i === 0 ? r : r.map((v, j) => (j === balanceCol ? (v as number) * k : v))));
}

/** Numeric cells of the money columns (dates in From/To are not money). */
const numbers = (table: unknown) => {
  const t = table as unknown[][];
  const hasHeader = t.length > 1 || typeof t[0][0] === "string";
  const head = hasHeader ? (t[0] as string[]) : [];
  return (hasHeader ? t.slice(1) : t).map((r) => r.filter((v, j): v is number => typeof v === "number" && !/^(From|To)$/.test(String(head[j] ?? ""))));
};

const money: [string, (p: unknown[][]) => Promise<unknown>][] = [
  ["EVE", async (p) => [[await f.EVE(p, asOf, curve, "PARALLEL_UP", "USD", null, null)]]],
  ["DELTAEVE", (p) => f.DELTAEVE(p, asOf, curve, "USD", null, null, null)],
  ["STANDARDEVE", (p) => f.STANDARDEVE(p, asOf, curve, "USD", null, null, null, null)],
  ["NII", async (p) => [[await f.NII(p, asOf, curve, "PARALLEL_DOWN", "USD", null, null, null)]]],
  ["REPRICINGGAP", (p) => f.REPRICINGGAP(p, asOf, null, null)],
  ["LIQUIDITYGAP", (p) => f.LIQUIDITYGAP(p, asOf, "MONTHLY", null)],
];

describe("money outputs over the sample bank", () => {
  it("uses a sample with more than 100 positions", () => expect(positions.length).toBeGreaterThan(100));

  it.each(money)("%s does not depend on the order of the rows", async (_name, run) => {
    const a = numbers(await run(positions as unknown[][]));
    const b = numbers(await run(shuffled(positions as unknown[][])));
    expect(b.length).toBe(a.length);
    a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(b[i][j] - v)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)))));
  });

  it.each(money)("%s scales with the balances: ×10 balances give ×10 money (ratios unchanged)", async (name, run) => {
    const a = (await run(positions as unknown[][])) as unknown[][];
    const b = (await run(scaled(positions as unknown[][], 10))) as unknown[][];
    const header = name === "EVE" || name === "NII" ? [] : (a[0] as string[]);
    a.slice(header.length ? 1 : 0).forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v !== "number" || /^(From|To)$/.test(String(header[j] ?? ""))) return;
        const isRatio = /%/.test(String(header[j] ?? ""));
        const expected = isRatio ? v : 10 * v;
        const got = b[i + (header.length ? 1 : 0)][j] as number;
        expect(Math.abs(got - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)) + (name.endsWith("GAP") ? 0.1 : 0));
      })
    );
  });

  it.each(money)("%s of an empty portfolio (header row only) is zero, not an error", async (_name, run) => {
    for (const row of numbers(await run([header as unknown[]]))) for (const v of row) expect(v).toBe(0);
  });
});
