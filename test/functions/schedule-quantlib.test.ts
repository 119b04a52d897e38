/**
 * Payment schedules of the positions table against QuantLib (scripts/golden/schedule_quantlib.py →
 * test/golden/schedule-quantlib.json): each golden case is one BULLET asset row with Frequency, Start,
 * FirstPayment, Stub, BusinessDay, Calendar, EndOfMonth and Basis, given to ALM.CASHFLOWS through the
 * emulated Excel host at as_of = Start. Its flows after as_of must fall on QuantLib's payment dates
 * (ql.Schedule, shifted on ql.TARGET() / ql.WeekendsOnly()) exactly, with ql.FixedRateLeg's interest and
 * the principal at the shifted Maturity to the cent. The script's docstring says how the conventions map
 * to QuantLib and which QuantLib behaviours it works around.
 */
import { isoOfSerial } from "../helpers/actus";
import { excel } from "../helpers/excelHost";
import { golden, withinCent } from "../helpers/golden";

/** The positions-table columns of every case, in the order the row is written. */
const COLUMNS = ["Id", "Side", "Balance", "Rate", "Maturity", "Amortization", "Frequency", "Basis", "Start", "FirstPayment", "Stub", "BusinessDay", "Calendar", "EndOfMonth"] as const;
type Column = (typeof COLUMNS)[number];
type Cell = string | number | null;
/** [payment date serial, its ISO text, the unadjusted schedule date's serial, interest, principal]. */
type Flow = [number, string, number, number, number];

interface ScheduleCase {
  name: string;
  kind: string;
  terms: Record<Column, Cell>;
  as_of: number;
  as_of_iso: string;
  quantlib: string;
  flows: Flow[];
}
interface ScheduleGolden {
  source: string;
  tool_version: string;
  generated_by: string;
  flows_columns: string[];
  kinds: Record<string, number>;
  cases: ScheduleCase[];
}

const g = golden<ScheduleGolden>("schedule-quantlib.json");
const KINDS = ["rollback", "anchored", "eom", "business-day", "holiday-maturity"];
const CONVENTIONS = ["SCF", "SCMF", "CSF", "CSMF", "SCP", "SCMP", "CSP", "CSMP"];


/** The terms of a case without the columns named, as a key for finding its sibling cases. */
const keyWithout = (c: ScheduleCase, ...left: Column[]): string => JSON.stringify(COLUMNS.filter((k) => k !== "Id" && !left.includes(k)).map((k) => c.terms[k]));

/** Pairs of cases whose terms differ only in `column`, as [first, second] by the column's value. */
function pairs(column: Column, first: (v: Cell) => boolean): [ScheduleCase, ScheduleCase][] {
  const byKey = new Map<string, ScheduleCase[]>();
  for (const c of g.cases) byKey.set(keyWithout(c, column), [...(byKey.get(keyWithout(c, column)) ?? []), c]);
  const out: [ScheduleCase, ScheduleCase][] = [];
  for (const group of byKey.values()) {
    for (const a of group.filter((c) => first(c.terms[column]))) for (const b of group.filter((c) => !first(c.terms[column]))) out.push([a, b]);
  }
  return out;
}

describe("positions-table schedules against QuantLib's Schedule and FixedRateLeg (scripts/golden/schedule_quantlib.py)", () => {
  it("has the golden file's layout", () => {
    expect(g.tool_version).toMatch(/^QuantLib /);
    expect(g.generated_by).toBe("scripts/golden/schedule_quantlib.py");
    expect(g.flows_columns).toEqual(["date", "date_iso", "unadjusted", "interest", "principal"]);
    expect(Object.keys(g.kinds)).toEqual(KINDS);
    for (const kind of KINDS) expect(g.cases.filter((c) => c.kind === kind)).toHaveLength(g.kinds[kind]);
    expect(g.cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(g.cases.map((c) => c.name)).size).toBe(g.cases.length);
    expect(new Set(g.cases.map((c) => c.terms.Id)).size).toBe(g.cases.length);
    for (const c of g.cases) {
      expect(Object.keys(c.terms)).toEqual([...COLUMNS]);
      expect(c.as_of_iso).toBe(c.terms.Start);
      expect(isoOfSerial(c.as_of)).toBe(c.as_of_iso);
      expect(c.flows.length).toBeGreaterThan(0);
      for (const [date, iso] of c.flows) expect(isoOfSerial(date)).toBe(iso);
      // The principal is all at the (shifted) Maturity, the last payment date.
      expect(c.flows.map((f) => f[4])).toEqual([...c.flows.slice(0, -1).map(() => 0), c.terms.Balance]);
    }
  });

  it("covers every business-day convention on TARGET and WEEKENDS, NOS on every calendar, and Basis 2, 3 and 4", () => {
    const seen = new Set(g.cases.map((c) => `${String(c.terms.BusinessDay)} ${String(c.terms.Calendar)}`));
    for (const bdc of CONVENTIONS) for (const cal of ["TARGET", "WEEKENDS"]) expect(seen).toContain(`${bdc} ${cal}`);
    for (const cal of ["NONE", "TARGET", "WEEKENDS"]) expect(seen).toContain(`NOS ${cal}`);
    expect(new Set(g.cases.map((c) => c.terms.Basis))).toEqual(new Set([2, 3, 4]));
    const frequencies = new Set(g.cases.map((c) => c.terms.Frequency));
    for (const f of [12, 6, 4, 2, 1, "1M", "3M", "1Y", "2W", "10D"]) expect(frequencies).toContain(f);
  });

  it("is not vacuous: the shift moves payment dates, SC and CS differ in interest, EOM and SD differ in dates", () => {
    // A case paying anywhere off its unadjusted date would fail if the business-day shift were ignored.
    const shifted = g.cases.filter((c) => c.flows.some((f) => f[0] !== f[2]));
    expect(shifted.length).toBeGreaterThanOrEqual(50);
    for (const bdc of CONVENTIONS) expect(shifted.filter((c) => c.terms.BusinessDay === bdc).length).toBeGreaterThanOrEqual(3);
    // NOS never moves a date, whatever the calendar.
    expect(g.cases.filter((c) => c.terms.BusinessDay === "NOS" && c.flows.some((f) => f[0] !== f[2]))).toEqual([]);

    // SCx and CSx on the same schedule pay on the same dates but accrue on different ones.
    const scCs = pairs("BusinessDay", (v) => String(v).startsWith("SC")).filter(([sc, cs]) => String(sc.terms.BusinessDay).slice(2) === String(cs.terms.BusinessDay).slice(2));
    expect(scCs.length).toBeGreaterThanOrEqual(16);
    for (const [sc, cs] of scCs) expect(sc.flows.map((f) => f[0])).toEqual(cs.flows.map((f) => f[0]));
    const differing = scCs.filter(([sc, cs]) => sc.flows.some((f, k) => !withinCent(f[3], cs.flows[k][3])));
    expect(differing.length).toBeGreaterThanOrEqual(16);

    // EOM and SD on an anchor at the end of a short month give different dates.
    const eomSd = pairs("EndOfMonth", (v) => v === "EOM");
    expect(eomSd.length).toBeGreaterThanOrEqual(5);
    expect(eomSd.filter(([eom, sd]) => JSON.stringify(eom.flows.map((f) => f[0])) !== JSON.stringify(sd.flows.map((f) => f[0]))).length).toBeGreaterThanOrEqual(4);
  });

  it.each(g.cases.map((c) => [`${String(c.terms.Id)} ${c.name}`, c] as const))("%s: ALM.CASHFLOWS pays QuantLib's flows", async (_, c) => {
    const header = [...COLUMNS];
    const row = COLUMNS.map((k) => c.terms[k]);
    const rows = (await excel.CASHFLOWS([header, row], c.as_of, "CONTRACTUAL", true, false)) as (string | number)[][];
    // A date is a whole serial; anything else shows as the raw value and fails the comparison.
    const day = (v: string | number): string => (Number.isInteger(v) ? isoOfSerial(Number(v)) : JSON.stringify(v));
    const ours = rows.map((r) => ({ id: r[0], date: day(r[1]), principal: Number(r[2]), interest: Number(r[3]), total: Number(r[4]) }));

    expect(ours.map((r) => r.date)).toEqual(c.flows.map((f) => f[1]));
    expect(ours.map((r) => r.id)).toEqual(c.flows.map(() => c.terms.Id));
    const wrong: string[] = [];
    c.flows.forEach(([, iso, , interest, principal], k) => {
      const r = ours[k];
      if (!withinCent(r.interest, interest)) wrong.push(`${iso} interest ${r.interest} vs QuantLib ${interest}`);
      if (!withinCent(r.principal, principal)) wrong.push(`${iso} principal ${r.principal} vs ${principal}`);
      if (!withinCent(r.total, interest + principal)) wrong.push(`${iso} total ${r.total} vs ${interest + principal}`);
    });
    expect(wrong).toEqual([]);
  });
});
