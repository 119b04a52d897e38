/**
 * ALM.LCR (BCBS 238) against hand computations from the paragraph definitions: haircuts 0/15/50 %,
 * Level 2 ≤ 40 % and Level 2B ≤ 15 % of HQLA (¶¶47, 51), inflows capped at 75 % of outflows (¶69).
 * Called through the emulated Excel host (the built bundle, arguments marshalled as functions.json declares them).
 */
import { functionsById } from "../../src/functions/index";
import { hqla, netCashOutflows } from "../../src/engine/liquidity/lcr";
import { excel, rejected } from "../helpers/excelHost";
import { thrown } from "../helpers/golden";

const { LCR } = excel;

/**
 * The largest HQLA the caps allow, as a small linear programme solved by hand: choose kept Level 2A a ≤ A′
 * and Level 2B b ≤ B′ to maximise h = L1 + a + b with a + b ≤ 0.4·h and b ≤ 0.15·h, i.e. a + b ≤ 2/3·L1 and
 * b ≤ 15/85·(L1 + a). The objective is concave piecewise linear in a, so its maximum is at a breakpoint.
 */
function cappedHqla(l1: number, l2a: number, l2b: number): number {
  const A = 0.85 * l2a;
  const B = 0.5 * l2b;
  const bMax = (a: number) => Math.max(0, Math.min(B, (15 / 85) * (l1 + a), (2 / 3) * l1 - a));
  const top = Math.min(A, (2 / 3) * l1);
  const candidates = [0, top, ((2 / 3 - 15 / 85) * l1) / (100 / 85), (2 / 3) * l1 - B, (85 / 15) * B - l1].filter((a) => a >= 0 && a <= top);
  return Math.max(...candidates.map((a) => l1 + a + bMax(a)));
}

describe("ALM.LCR", () => {
  it("matches its @example: (120 + 0.85·40 + 0.5·20) / (200 − 100) = 1.64", async () => {
    expect(await LCR(120, 40, 20, 200, 100)).toBeCloseTo(1.64, 14);
  });

  it("caps Level 2 at 40 % of HQLA: L1 100 and L2A 200 give HQLA 100/0.6", async () => {
    expect(await LCR(100, 200, 0, 100, 0)).toBeCloseTo(100 / 0.6 / 100, 14);
  });

  it("caps Level 2B at 15 % of HQLA: L1 100 and L2B 100 give HQLA 100/0.85", async () => {
    expect(await LCR(100, 0, 100, 100, 0)).toBeCloseTo(100 / 0.85 / 100, 14);
  });

  it("with both caps binding keeps Level 2 at 40 % and Level 2B at 15 % of HQLA = L1/0.6", async () => {
    const h = hqla({ level1: 100, level2a: 100, level2b: 100 });
    expect(h).toBeCloseTo(100 / 0.6, 12);
    expect(await LCR(100, 100, 100, 50, 0)).toBeCloseTo(100 / 0.6 / 50, 14);
  });

  it("caps inflows at 75 % of outflows: outflows 100, inflows 90 leave net outflows 25", async () => {
    expect(netCashOutflows(100, 90)).toBe(25);
    expect(await LCR(50, 0, 0, 100, 90)).toBeCloseTo(2, 14);
    expect(await LCR(50, 0, 0, 100, 40)).toBeCloseTo(50 / 60, 14);
  });

  it("equals the largest HQLA the caps allow, for 300 seeded random stocks", () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 1000;
    for (let i = 0; i < 300; i++) {
      const [l1, l2a, l2b] = [next(), next(), next()];
      expect(Math.abs(hqla({ level1: l1, level2a: l2a, level2b: l2b }) - cappedHqla(l1, l2a, l2b))).toBeLessThan(1e-9 * (1 + l1));
    }
  });

  it("sums ranges and ignores blank cells", async () => {
    expect(await LCR([[60], [null], [60]], [[20, 20]], [[""]], [[100], [100]], 100)).toBeCloseTo(1.54, 14);
  });

  it("gives #NUM! when there are no net outflows", async () => {
    expect((await rejected(LCR(100, 0, 0, 0, 0))).code).toBe("#NUM!");
    // Excel shows no message with #NUM!, so the host drops it: the message is checked on the function itself.
    const e = thrown(() => functionsById.LCR(100, 0, 0, 0, 0));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toMatch(/ALM\.LCR: net cash outflows are zero/);
  });

  it("gives #VALUE! naming the argument and cell for a negative amount or text", async () => {
    expect((await rejected(LCR(100, -5, 0, 100, 0))).message).toMatch(/ALM\.LCR level2a: got -5; expected an amount ≥ 0/);
    expect((await rejected(LCR(100, 0, 0, [[50], ["lots"]], 0))).message).toMatch(/ALM\.LCR outflows, row 2: got the text "lots"/);
  });
});
