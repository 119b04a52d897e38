/**
 * Exact money sums (src/engine/money.ts). Expected values are exact decimals written by hand or sums of
 * integer cents; reconciliation is checked against the largest-remainder rule worked by hand.
 */
import Decimal from "decimal.js";
import fc from "fast-check";
import { decimalPlaces, exactGroupSums, reconcile } from "../../src/engine/money";

describe("decimalPlaces", () => {
  it.each([
    ["no amounts at all", [], 0],
    ["whole amounts", [1, -2, 3e9], 0],
    ["one decimal", [1.5, 2], 1],
    ["cents", [0.01, 12.34, -99.99], 2],
    ["a tenth of a cent", [-12.345], 3],
    ["millionths, the most it looks for", [1e-6, 2], 6],
  ])("finds the fewest decimals for %s", (_what, amounts, expected) => {
    expect(decimalPlaces(amounts)).toBe(expected);
  });

  it.each([
    ["ten-millionths", [1e-7]],
    ["a float artefact such as 0.1 + 0.2", [0.1 + 0.2]],
    ["one third", [1, 1 / 3]],
  ])("gives up on %s, which need more than six decimals", (_what, amounts) => {
    expect(decimalPlaces(amounts)).toBeUndefined();
  });
});

describe("exactGroupSums", () => {
  it("adds 0.1 and 0.2 to exactly 0.3, which floating point does not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    const { sums, total } = exactGroupSums([0.1, 0.2], [0, 0], 1);
    expect(sums[0].toString()).toBe("0.3");
    expect(total.toString()).toBe("0.3");
  });

  it("keeps each group apart and leaves an empty group at exactly zero", () => {
    const { sums, total } = exactGroupSums([1.01, 2.02, 3.03, -0.5], [2, 0, 2, 0], 3);
    expect(sums.map(String)).toEqual(["1.52", "0", "4.04"]);
    expect(total.toString()).toBe("5.56");
  });

  it("returns zero sums for no amounts", () => {
    const { sums, total } = exactGroupSums([], [], 2);
    expect(sums.map(String)).toEqual(["0", "0"]);
    expect(total.isZero()).toBe(true);
  });

  it("sums amounts with more than six decimals exactly by their decimal forms", () => {
    const { sums, total } = exactGroupSums([0.1234567, 0.0000001, 1 / 4], [0, 0, 1], 2);
    expect(sums.map(String)).toEqual(["0.1234568", "0.25"]);
    expect(total.toString()).toBe("0.3734568");
  });

  it("falls back to decimals when integer units would pass 2^53, and stays exact", () => {
    // 4e15 + 4e15 + 0.5 needs 17 significant digits: 8000000000000000.5 is not a double.
    const { total } = exactGroupSums([4e15, 4e15, 0.5], [0, 0, 0], 1);
    expect(total.toString()).toBe("8000000000000000.5");
  });

  it("equals the sum of the integer cents for any amounts with cents in any groups", () => {
    const item = fc.record({ cents: fc.integer({ min: -1e11, max: 1e11 }), group: fc.integer({ min: 0, max: 6 }) });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 200 }), (items) => {
        const expected = Array.from({ length: 7 }, () => 0n);
        for (const { cents, group } of items) expected[group] += BigInt(cents);
        const { sums, total } = exactGroupSums(
          items.map((i) => i.cents / 100),
          items.map((i) => i.group),
          7
        );
        sums.forEach((s, g) => expect(s.toString()).toBe(new Decimal(expected[g].toString()).div(100).toString()));
        expect(total.toString()).toBe(new Decimal(expected.reduce((a, b) => a + b, 0n).toString()).div(100).toString());
      }),
      { seed: 4242, numRuns: 500 }
    );
  });
});

describe("reconcile (largest-remainder rounding)", () => {
  it("gives the missing cent to the bucket with the largest remainder", () => {
    // Cents: 34.2466 → 34, 1007.4201 → 1007, 2083.3333 → 2083; they sum to 3124, one short of 3125.
    // Remainders .2466, .4201, .3333: the second bucket takes the cent.
    expect(reconcile([0.342466, 10.074201, 20.833333], 31.25, 2)).toEqual([0.34, 10.08, 20.83]);
  });

  it("takes a surplus cent from the bucket rounded up the most", () => {
    // Cents: 100.7 → 101, 200.6 → 201, 300.4 → 300; sum 602 against 601. Remainders −.3, −.4, +.4:
    // the second bucket gives the cent back.
    expect(reconcile([1.007, 2.006, 3.004], 6.01, 2)).toEqual([1.01, 2, 3]);
  });

  it("rounds to whole units or to thousandths as asked", () => {
    expect(reconcile([0.5, 0.5, 0.5, 0.5], 2, 0).reduce((a, b) => a + b, 0)).toBe(2);
    expect(reconcile([1 / 3, 1 / 3, 1 / 3], 1, 3).map((v) => Math.round(v * 1000)).sort()).toEqual([333, 333, 334]);
  });

  it("leaves zeros at zero when the total is zero", () => {
    expect(reconcile([0, 0, 0], 0, 2)).toEqual([0, 0, 0]);
  });

  it("always adds up to the total and moves no bucket by a whole unit or more", () => {
    const value = fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 7);
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 40 }), fc.constantFrom(0, 2, 3), (values, decimals) => {
        const scale = 10 ** decimals;
        const total = Math.round(values.reduce((a, b) => a + b, 0) * scale) / scale;
        const out = reconcile(values, total, decimals);
        const units = out.map((v) => Math.round(v * scale));
        units.forEach((u, i) => {
          expect(u / scale).toBe(out[i]);
          expect(Math.abs(u - values[i] * scale)).toBeLessThan(1);
        });
        expect(units.reduce((a, b) => a + b, 0)).toBe(Math.round(total * scale));
      }),
      { seed: 1729, numRuns: 500 }
    );
  });
});

describe("reconcile tie-breaks and limits", () => {
  it("gives the cent of two tied half-cents to the earlier bucket, whatever the floating-point noise", () => {
    const { reconcile } = jest.requireActual("../../src/engine/money") as typeof import("../../src/engine/money");
    expect(reconcile([50.005, 50.005], 100.01, 2)).toEqual([50.01, 50]);
    expect(reconcile([50.005 + 1e-13, 50.005 - 1e-13], 100.01, 2)).toEqual([50.01, 50]);
    expect(reconcile([50.005 - 1e-13, 50.005 + 1e-13], 100.01, 2)).toEqual([50.01, 50]);
  });

  it("refuses values that cannot belong to the total, instead of forcing them", () => {
    const { reconcile } = jest.requireActual("../../src/engine/money") as typeof import("../../src/engine/money");
    expect(() => reconcile([10, 20], 100, 2)).toThrow(/miss their exact total by 7000 units/);
  });
});
