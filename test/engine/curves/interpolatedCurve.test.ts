import { INTERPOLATIONS, interpolatedCurve } from "../../../src/engine/curves/interpolatedCurve";
import { COMPOUNDINGS, forwardRate, zeroRate } from "../../../src/engine/curves/yieldCurve";
import { expectClose, golden } from "../../helpers/golden";

interface Pillar { days: number; t: number; zero: number }
interface Case { method: "LINEAR" | "LOGLINEAR" | "CUBIC"; days: number; t: number; df: number; zero: Record<string, number>; fwd: { t2: number; rate: number } }
const curves = golden<{ curves: { id: string; pillars: Pillar[]; cases: Case[] }[] }>("curves-quantlib.json");

describe.each(curves.curves.map((c) => [c.id, c] as const))("curve %s against QuantLib (scripts/golden/curves_quantlib.py)", (_id, data) => {
  const pillars = { times: data.pillars.map((p) => p.t), zeros: data.pillars.map((p) => p.zero) };

  it.each(INTERPOLATIONS.map((m) => [m]))("%s: has at least 200 reference points", (method) => {
    expect(data.cases.filter((c) => c.method === method).length).toBeGreaterThanOrEqual(200);
  });

  it.each(INTERPOLATIONS.map((m) => [m]))("%s: discount factors, zero rates in every compounding and forwards agree to 1e-12 relative", (method) => {
    const curve = interpolatedCurve(pillars, method);
    for (const c of data.cases.filter((x) => x.method === method)) {
      expectClose(curve.discount(c.t), c.df, 1e-12, `${method} df(${c.t})`);
      for (const comp of COMPOUNDINGS) expectClose(zeroRate(curve, c.t, comp), c.zero[comp], 1e-12, `${method} zero ${comp}(${c.t})`);
      expectClose(forwardRate(curve, c.t, c.fwd.t2), c.fwd.rate, 1e-12, `${method} fwd(${c.t}, ${c.fwd.t2})`);
    }
  });
});

describe("interpolated curves beyond their pillars", () => {
  const pillars = { times: [1, 5, 10], zeros: [0.02, 0.03, 0.025] };

  it.each(INTERPOLATIONS.map((m) => [m]))("%s: holds the zero rate flat before the first and after the last pillar", (method) => {
    const curve = interpolatedCurve(pillars, method);
    expect(curve.zeroRate(0.5)).toBeCloseTo(0.02, 15);
    expect(curve.zeroRate(30)).toBeCloseTo(0.025, 15);
    expect(curve.discount(30)).toBeCloseTo(Math.exp(-0.025 * 30), 15);
  });

  it.each(INTERPOLATIONS.map((m) => [m]))("%s: passes through every pillar", (method) => {
    const curve = interpolatedCurve(pillars, method);
    pillars.times.forEach((t, i) => expect(curve.zeroRate(t)).toBeCloseTo(pillars.zeros[i], 14));
  });

  it("LOGLINEAR has piecewise-flat forwards between pillars", () => {
    const curve = interpolatedCurve(pillars, "LOGLINEAR");
    expect(forwardRate(curve, 1.5, 2)).toBeCloseTo(forwardRate(curve, 3, 4.5), 14);
    expect(forwardRate(curve, 1, 5)).toBeCloseTo((0.03 * 5 - 0.02) / 4, 14);
  });

  it("rejects unsorted times and non-finite rates", () => {
    expect(() => interpolatedCurve({ times: [1, 1], zeros: [0.01, 0.02] }, "LINEAR")).toThrow(/strictly increasing/);
    expect(() => interpolatedCurve({ times: [1], zeros: [NaN] }, "LINEAR")).toThrow(/finite/);
    expect(() => interpolatedCurve({ times: [], zeros: [] }, "LINEAR")).toThrow(/at least one pillar/);
  });
});
