/**
 * EVE against QuantLib: test/golden/irrbb-eve-quantlib.json (scripts/golden/irrbb_eve_quantlib.py) holds a
 * small book whose repricing flows were rebuilt in Python (ql.Schedule, ql.FixedRateLeg) and discounted
 * on ql.ZeroCurve (linear zero rates, Actual/365 fixed) shocked per Basel scenario and floored.
 */
import * as fs from "fs";
import * as path from "path";
import { flatCurve } from "../../../src/engine/curves/yieldCurve";
import { deltaEve, eve, repricingLeg } from "../../../src/engine/irrbb/eve";
import type { Floor } from "../../../src/engine/irrbb/floors";
import { BASEL_SCENARIOS } from "../../../src/engine/irrbb/scenarios";
import { scenarioCurve } from "../../../src/engine/irrbb/shock";
import { fromYmd } from "../../../src/engine/time/serialDate";
import { book } from "./book";

interface Golden {
  as_of: number;
  positions: (string | number | null)[][];
  daily_flows: { days: number; amount: number }[];
  cases: {
    id: string;
    floor: string | number;
    sizes_bp: { parallel: number; short: number; long: number };
    pillars: { days: number; t: number; zero: number }[];
    scenarios: { scenario: string; eve: number; delta: number }[];
  }[];
}

const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "../../golden/irrbb-eve-quantlib.json"), "utf8")) as Golden;
const iso = (s: string) => fromYmd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
const portfolio = book(
  golden.positions.slice(1).map(([, side, balance, rate, maturity, amortization, frequency, type, reset]) => ({
    balance: (side === "L" ? -1 : 1) * (balance as number),
    rate: rate as number,
    maturity: iso(maturity as string),
    amortization: amortization as "BULLET" | "ANNUITY" | "LINEAR",
    frequency: frequency as number,
    nextReset: type === "FLOATING" ? iso(reset as string) : undefined,
  }))
);
const floorOf = (f: string | number): Floor => (typeof f === "number" ? { kind: "RATE", rate: f } : ({ kind: f } as Floor));
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe("EVE against QuantLib", () => {
  const leg = repricingLeg(portfolio, golden.as_of);

  test("the repricing leg holds the Python-rebuilt flows summed by day, at t = days/365", () => {
    expect(leg.times.length).toBe(golden.daily_flows.length);
    golden.daily_flows.forEach(({ days, amount }, j) => {
      expect(leg.times[j]).toBe(days / 365);
      expect(Math.abs(leg.amounts[j] - amount)).toBeLessThan(1e-6);
    });
  });

  test.each(golden.cases.flatMap((c) => c.scenarios.map((s) => [c.id, s.scenario, c, s] as const)))("%s %s: EVE agrees to 1e-10 relative", (_id, name, c, s) => {
    const pillars = { times: c.pillars.map((p) => p.t), zeros: c.pillars.map((p) => p.zero) };
    const scenario = name === "BASE" ? ({ kind: "BASE" } as const) : ({ kind: "STANDARD", name: name as (typeof BASEL_SCENARIOS)[number], sizes: c.sizes_bp } as const);
    expect(relative(eve(leg, scenarioCurve(pillars, "LINEAR", scenario, floorOf(c.floor))), s.eve)).toBeLessThan(1e-10);
  });

  test.each(golden.cases.map((c) => [c.id, c] as const))("%s: ΔEVE per scenario and the worst one agree with QuantLib", (_id, c) => {
    const pillars = { times: c.pillars.map((p) => p.t), zeros: c.pillars.map((p) => p.zero) };
    const result = deltaEve(leg, pillars, c.sizes_bp, floorOf(c.floor));
    expect(relative(result.base, c.scenarios[0].eve)).toBeLessThan(1e-10);
    result.scenarios.forEach((s, i) => {
      const ref = c.scenarios[i + 1];
      expect(s.scenario).toBe(ref.scenario);
      expect(Math.abs(s.delta - ref.delta)).toBeLessThan(1e-10 * Math.abs(ref.eve));
    });
    const worst = c.scenarios.slice(1).reduce((a, b) => (b.delta < a.delta ? b : a));
    expect(result.scenarios[result.worst].scenario).toBe(worst.scenario);
  });

  test("EVE of a leg is Σ amount·exp(−z·t) on a flat curve", () => {
    expect(eve({ amounts: [100], times: [2] }, flatCurve(0.03))).toBeCloseTo(100 * Math.exp(-0.06), 12);
    expect(eve({ amounts: [100, -50], times: [1, 3] }, flatCurve(0.02))).toBeCloseTo(100 * Math.exp(-0.02) - 50 * Math.exp(-0.06), 12);
  });

  test("a zero-coupon 100 due in 730 days is one flow at t = 2, and its PARALLEL_UP ΔEVE on a flat 3 % curve is 100·(e^(−0.10) − e^(−0.06))", () => {
    const asOf = fromYmd(2026, 1, 15);
    const leg = repricingLeg(book([{ balance: 100, rate: 0, maturity: asOf + 730 }]), asOf);
    expect([Array.from(leg.amounts), Array.from(leg.times)]).toEqual([[100], [2]]);
    const result = deltaEve(leg, { times: [0], zeros: [0.03] }, { parallel: 200, short: 300, long: 225 }, { kind: "NONE" });
    expect(result.scenarios[0].delta).toBeCloseTo(100 * (Math.exp(-0.1) - Math.exp(-0.06)), 12);
  });

  test("an empty book has EVE 0 under every scenario", () => {
    const empty = repricingLeg(book([]), fromYmd(2026, 1, 15));
    const result = deltaEve(empty, { times: [0], zeros: [0.03] }, { parallel: 200, short: 300, long: 150 }, { kind: "NONE" });
    expect([result.base, ...result.scenarios.map((s) => s.eve)]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
