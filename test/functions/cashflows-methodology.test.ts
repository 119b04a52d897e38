/** The worked example of docs/methodology/cashflows.md, through the emulated Excel host (the built bundle, arguments marshalled as functions.json declares them). */
import { fromYmd } from "../../src/engine/time/serialDate";
import { excel } from "../helpers/excelHost";

describe("the worked example of docs/methodology/cashflows.md", () => {
  const positions = [["Id", "Balance", "Rate", "Maturity", "Amortization", "Frequency", "Basis"], ["A", 1000, 0.06, fromYmd(2029, 1, 15), "ANNUITY", 1, 0]];
  let flows: number[][];
  beforeAll(async () => {
    flows = (await excel.CASHFLOWS(positions, fromYmd(2026, 1, 15), null, true, false)) as number[][];
  });

  it("has the three rows of the table, to six decimals", () => {
    const expected = [
      [fromYmd(2027, 1, 15), 60.0, 314.109813],
      [fromYmd(2028, 1, 15), 41.153411, 332.956402],
      [fromYmd(2029, 1, 15), 21.176027, 352.933786],
    ];
    expect(flows).toHaveLength(3);
    expected.forEach(([date, interest, principal], k) => {
      expect(flows[k][1]).toBe(date);
      expect(flows[k][3]).toBeCloseTo(interest, 6);
      expect(flows[k][2]).toBeCloseTo(principal, 6);
      expect(flows[k][4]).toBeCloseTo(374.109813, 6);
    });
  });

  it("repays the balance exactly", () => {
    expect(flows.reduce((s, f) => s + f[2], 0)).toBeCloseTo(1000, 9);
  });
});
