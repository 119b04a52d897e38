/**
 * The contract terms of the positions table that neither the ACTUS suite nor the QuantLib schedules
 * exercise, through the emulated Excel host: floating projection from a curve (Multiplier, Cap, Floor) and
 * from fixings (FixingDays on the TARGET calendar, a missing fixing), forward-starting positions in
 * ALM.CASHFLOWS, ALM.LIQUIDITYGAP and ALM.NII, negative amortisation and an interest-only period. Expected
 * values are worked out by hand from the rules of docs/functions.md.
 */
import { excel, rejected } from "../helpers/excelHost";

type Spill = (...args: unknown[]) => Promise<any[][]>;
const { CASHFLOWS, LIQUIDITYGAP, NII, REPRICINGGAP } = excel as Record<"CASHFLOWS" | "LIQUIDITYGAP" | "NII" | "REPRICINGGAP", Spill>;

/** ISO text of a workbook serial (1900 system). */
const iso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
/** Detail rows of ALM.CASHFLOWS as { date, principal, interest }. */
const flows = (rows: any[][]) => rows.map((r) => ({ date: iso(r[1]), principal: r[2] as number, interest: r[3] as number }));
const days = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

describe("floating projection from a curve (the index argument as a curve)", () => {
  // A two-year annual floater at 2 % until its reset in a year; a flat 3 % continuous curve as the index.
  const header = ["Id", "Balance", "Rate", "Maturity", "Type", "NextReset", "ResetMonths", "Frequency", "Spread", "Multiplier", "Cap", "Floor"];
  const floater = (terms: { multiplier?: number; cap?: number | string; floor?: number | string }) => [
    header,
    ["f", 1_000_000, 0.02, "2028-01-01", "FLOATING", "2027-01-01", 12, 1, 0.01, terms.multiplier ?? 1, terms.cap ?? "", terms.floor ?? ""],
  ];
  // The simply-compounded forward for 2027-01-01 → 2028-01-01 (t = 1 → 2, accrual 365/365) on exp(−0.03 t).
  const forward = Math.exp(0.03) - 1;

  it("pays the current rate until the reset, then the forward plus Spread", async () => {
    const out = flows(await CASHFLOWS(floater({}), "2026-01-01", "CONTRACTUAL", true, false, 0.03));
    expect(out.map((f) => f.date)).toEqual(["2027-01-01", "2028-01-01"]);
    expect(out[0].interest).toBeCloseTo(20_000, 6);
    expect(out[1].interest).toBeCloseTo(1_000_000 * (forward + 0.01), 6);
    expect(out[1].principal).toBe(1_000_000);
  });

  it("multiplies the index by Multiplier and holds the rate within Cap and Floor", async () => {
    const scaled = flows(await CASHFLOWS(floater({ multiplier: 2 }), "2026-01-01", "CONTRACTUAL", true, false, 0.03));
    expect(scaled[1].interest).toBeCloseTo(1_000_000 * (2 * forward + 0.01), 6);
    const capped = flows(await CASHFLOWS(floater({ multiplier: 2, cap: 0.05 }), "2026-01-01", "CONTRACTUAL", true, false, 0.03));
    expect(capped[1].interest).toBeCloseTo(50_000, 6);
    const floored = flows(await CASHFLOWS(floater({ multiplier: 0.1, floor: 0.02 }), "2026-01-01", "CONTRACTUAL", true, false, 0.03));
    expect(floored[1].interest).toBeCloseTo(20_000, 6);
  });

  it("keeps the current rate without an index, and in the repricing view ends at NextReset", async () => {
    const kept = flows(await CASHFLOWS(floater({}), "2026-01-01", "CONTRACTUAL", true, false));
    expect(kept[1].interest).toBeCloseTo(20_000, 6);
    const repricing = flows(await CASHFLOWS(floater({}), "2026-01-01", "REPRICING", true, false, 0.03));
    expect(repricing).toEqual([{ date: "2027-01-01", principal: 1_000_000, interest: expect.closeTo(20_000, 6) }]);
  });
});

describe("floating projection from fixings (the index argument as a Date, Rate table)", () => {
  // Resets on Monday 2027-03-01; two TARGET business days earlier is Thursday 2027-02-25.
  const header = ["Id", "Balance", "Rate", "Maturity", "Type", "NextReset", "ResetMonths", "Frequency", "Calendar", "FixingDays"];
  const row = (fixingDays: number) => [header, ["x", 1_000_000, 0.02, "2028-03-01", "FLOATING", "2027-03-01", 12, 1, "TARGET", fixingDays]];
  const fixings = [["Date", "Rate"], ["2027-02-25", 0.04], ["2027-02-26", 0.05], ["2027-03-01", 0.06]];

  it("observes the latest fixing on or before FixingDays business days before the reset", async () => {
    const lagged = flows(await CASHFLOWS(row(2), "2026-06-01", "CONTRACTUAL", true, false, fixings));
    expect(lagged.map((f) => f.date)).toEqual(["2027-03-01", "2028-03-01"]);
    expect(lagged[0].interest).toBeCloseTo((1_000_000 * 0.02 * days("2026-03-01", "2027-03-01")) / 365, 6);
    expect(lagged[1].interest).toBeCloseTo((1_000_000 * 0.04 * days("2027-03-01", "2028-03-01")) / 365, 6);
    const sameDay = flows(await CASHFLOWS(row(0), "2026-06-01", "CONTRACTUAL", true, false, fixings));
    expect(sameDay[1].interest).toBeCloseTo((1_000_000 * 0.06 * 366) / 365, 6);
  });

  it("refuses a reset with no fixing on or before its observation date rather than taking 0 %", async () => {
    const late = [["Date", "Rate"], ["2027-02-26", 0.05]];
    const e = await rejected(CASHFLOWS(row(2), "2026-06-01", "CONTRACTUAL", true, false, late));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/no fixing on or before 2027-02-25/);
  });

  it("names the row of a fixing out of date order", async () => {
    const e = await rejected(CASHFLOWS(row(0), "2026-06-01", "CONTRACTUAL", true, false, [["Date", "Rate"], ["2027-03-01", 0.06], ["2027-02-26", 0.05]]));
    expect(e.message).toBe("ALM.CASHFLOWS index, row 3: date 2027-02-26 is not after the previous date 2027-03-01; dates must be strictly increasing");
  });
});

describe("ALM.NII renews a floater as its resets project it", () => {
  it("at Multiplier × (forward + Beta·Δforward) + Spread", async () => {
    // Flat 3 % continuous: the forward for any tenor is 3 %. 2 % until 2026-07-01, then 2 × 3 % + 1 % to the horizon end.
    const table = [["Balance", "Rate", "Maturity", "Type", "NextReset", "ResetMonths", "Frequency", "Spread", "Multiplier"], [1_000_000, 0.02, "2030-01-01", "FLOATING", "2026-07-01", 6, 2, 0.01, 2]];
    const expected = (1_000_000 * (0.02 * days("2026-01-01", "2026-07-01") + 0.07 * days("2026-07-01", "2027-01-01"))) / 365;
    expect(await NII(table, "2026-01-01", 0.03)).toBeCloseTo(expected, 6);
  });
});

describe("a forward-starting position (Start after as_of)", () => {
  const table = [
    ["Id", "Side", "Balance", "Rate", "Maturity", "Frequency", "Start"],
    ["fwd", "A", 1000, 0.05, "2027-02-01", 1, "2026-02-01"],
  ];

  it("pays its balance out at Start and accrues from Start", async () => {
    const out = flows(await CASHFLOWS(table, "2026-01-01", "CONTRACTUAL", true, false));
    expect(out).toEqual([
      { date: "2026-02-01", principal: -1000, interest: 0 },
      { date: "2027-02-01", principal: 1000, interest: expect.closeTo(50, 9) },
    ]);
  });

  it("shows the exchange as an outflow of the liquidity gap", async () => {
    const gap = await LIQUIDITYGAP(table, "2026-01-01", "ANNUAL", false);
    // Buckets: 0Y–1Y, 1Y–2Y, …; columns Bucket, From, To, Inflows, Outflows, Net, Cumulative net.
    expect(gap[0].slice(3, 6)).toEqual([0, 1000, -1000]);
    expect(gap[1].slice(3, 6)).toEqual([1050, 0, 1050]);
  });

  it("reprices as a short position until Start and a long one to maturity; the totals hold the balances that repay", async () => {
    const book = [...table, ["spot", "A", 500, 0.05, "2028-02-01", 1, ""]];
    const gap = await REPRICINGGAP(book, "2026-01-01", "ANNUAL", false);
    // Columns Bucket, From, To, Assets, Liabilities, Gap, Cumulative gap; buckets 0Y–1Y, 1Y–2Y, 2Y–3Y, …
    expect(gap.slice(0, 3).map((r) => r[3])).toEqual([-1000, 1000, 500]);
    expect(gap[gap.length - 1][0]).toBe("Total");
    expect(gap[gap.length - 1][3]).toBe(500);
  });

  it("earns NII only from Start", async () => {
    // A 5-year bullet starting in six months: within 12 months it earns 5 % from 2026-07-01 to 2027-01-01.
    const nii = (start: string) => NII([["Balance", "Rate", "Maturity", "Frequency", "Start"], [1_000_000, 0.05, "2031-07-01", 1, start]], "2026-01-01", 0.03);
    expect(await nii("2026-07-01")).toBeCloseTo((1_000_000 * 0.05 * days("2026-07-01", "2027-01-01")) / 365, 6);
    expect(await nii("2027-03-01")).toBe(0);
  });
});

describe("amortisation terms", () => {
  it("NEGATIVE: an instalment below the interest capitalises the difference; maturity repays the grown balance", async () => {
    // 1 % a month on 30E/360; instalment 5 < interest 10, so principal is −5, then −5.05.
    const table = [["Balance", "Rate", "Maturity", "Amortization", "Frequency", "Redemption", "Basis", "Start"], [1000, 0.12, "2026-04-15", "NEGATIVE", 12, 5, 4, "2026-01-15"]];
    const out = flows(await CASHFLOWS(table, "2026-01-15", "CONTRACTUAL", true, false));
    expect(out.map((f) => f.date)).toEqual(["2026-02-15", "2026-03-15", "2026-04-15"]);
    expect(out[0].interest).toBeCloseTo(10, 9);
    expect(out[0].principal).toBeCloseTo(-5, 9);
    expect(out[1].interest).toBeCloseTo(10.05, 9);
    expect(out[1].principal).toBeCloseTo(-5.05, 9);
    expect(out[2].interest).toBeCloseTo(10.1005, 9);
    expect(out[2].principal).toBeCloseTo(1010.05, 9);
  });

  it("an interest-only period until FirstPrincipal, then equal principal to maturity", async () => {
    const table = [["Balance", "Rate", "Maturity", "Amortization", "Frequency", "FirstPrincipal", "Start"], [1200, 0, "2026-12-15", "LINEAR", 12, "2026-07-15", "2026-01-15"]];
    const out = flows(await CASHFLOWS(table, "2026-01-15", "CONTRACTUAL", true, false));
    expect(out.map((f) => f.date.slice(5, 7))).toEqual(["02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"]);
    expect(out.map((f) => f.principal)).toEqual([0, 0, 0, 0, 0, 200, 200, 200, 200, 200, 200]);
  });

  it("a given LINEAR Redemption repays that amount each period and the rest at maturity", async () => {
    const table = [["Balance", "Rate", "Maturity", "Amortization", "Frequency", "Redemption", "Start"], [1000, 0, "2026-05-01", "LINEAR", 12, 300, "2026-01-01"]];
    const out = flows(await CASHFLOWS(table, "2026-01-01", "CONTRACTUAL", true, false));
    expect(out.map((f) => f.principal)).toEqual([300, 300, 300, 100]);
  });
});

describe("a maturity moved by its business-day convention", () => {
  const table = (convention: string) => [["Balance", "Rate", "Maturity", "BusinessDay", "Calendar"], [1000, 0.05, "2026-10-03", convention, "WEEKENDS"]];

  it("is paid on the shifted date", async () => {
    // Saturday 2026-10-03: following → Monday 2026-10-05; interest on shifted dates (SC…) runs to the 5th.
    const out = flows(await CASHFLOWS(table("SCF"), "2026-09-01", "CONTRACTUAL", true, false));
    expect(out).toEqual([{ date: "2026-10-05", principal: 1000, interest: expect.closeTo((1000 * 0.05 * days("2025-10-03", "2026-10-05")) / 365, 9) }]);
  });

  it("is refused when the convention pays it on or before as_of", async () => {
    // Preceding → Friday 2026-10-02, which is as_of itself: the position has already been repaid.
    const e = await rejected(CASHFLOWS(table("SCP"), "2026-10-02", "CONTRACTUAL", true, false));
    expect(e.message).toMatch(/row 2, column Maturity: got 2026-10-03; expected a maturity paid after as_of \(2026-10-02\); SCP on the WEEKENDS calendar moves it to 2026-10-02/);
  });
});

describe("early redemption (TDRR) with accrued interest", () => {
  const table = (balance: number) => [["Balance", "Rate", "Maturity", "Frequency", "TDRR", "AccruedInterest"], [balance, 0.05, "2027-01-01", 1, 0.3, 10]];

  it("redeems its share of the balance and of the AccruedInterest overnight", async () => {
    const out = flows(await CASHFLOWS(table(1000), "2026-06-01", "REPRICING", true, false));
    // Overnight: 300 of principal, 30 % of the 10 accrued plus one day on 300; at maturity the rest.
    expect(out[0]).toEqual({ date: "2026-06-02", principal: 300, interest: expect.closeTo(3 + (300 * 0.05) / 365, 9) });
    expect(out[1]).toEqual({ date: "2027-01-01", principal: 700, interest: expect.closeTo(7 + (700 * 0.05 * days("2026-06-01", "2027-01-01")) / 365, 9) });
  });

  it("gives finite zeros for a zero balance", async () => {
    const out = flows(await CASHFLOWS(table(0), "2026-06-01", "REPRICING", true, false));
    expect(out.every((f) => f.principal === 0 && Number.isFinite(f.interest))).toBe(true);
  });
});
