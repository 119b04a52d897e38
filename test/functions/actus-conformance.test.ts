/**
 * Conformance with the ACTUS reference test suite (actusfrf/actus-tests, vendored unchanged in
 * test/golden/actus/ under CC BY-SA 4.0). Every PAM, LAM, ANN and NAM contract that the positions
 * table can state (test/helpers/actus.ts) is given to ALM.CASHFLOWS through the emulated Excel host, a
 * floater with its index fixings (ACTUS's dataObserved) as the `index` argument, and its flows in the
 * compared window are checked against ACTUS's interest (IP) and principal (PR, MD; the initial exchange of
 * a forward-starting contract) events, summed by date, to the cent. The contracts it cannot state are
 * listed with their reasons.
 */
import * as fs from "fs";
import * as path from "path";
import { REASON_PHRASES, actusFlows, isoOfSerial, serialOf, stateContract, type ActusContract, type Statement } from "../helpers/actus";
import { distMetadata, excel } from "../helpers/excelHost";
import { withinCent } from "../helpers/golden";

const FILES = ["pam", "lam", "ann", "nam"] as const;
const suite = (name: string): ActusContract[] => {
  const json = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "golden", "actus", `actus-tests-${name}.json`), "utf8")) as Record<string, ActusContract>;
  return Object.values(json);
};
const contracts = FILES.flatMap((file) => suite(file).map((c) => ({ file, contract: c, conversion: stateContract(c) })));
const stated = contracts.flatMap(({ file, contract, conversion }) => (conversion.stated ? [{ file, contract, statement: conversion.statement }] : []));

/**
 * How many of the suite's 109 PAM, LAM, ANN and NAM contracts the positions table states (STATED_IDS).
 * Those starting after their statusDate are stated forward-starting at statusDate, or at their
 * initialExchangeDate when the exchange day carries more than the plain exchange (helper's docstring).
 */
const STATED_IDS =
  "pam01, pam02, pam04, pam05, pam06, pam07, pam08, pam09, pam10, pam11, pam12, pam14, pam15, " +
  "pam16, pam17, pam18, pam19, pam20, pam21, pam22, pam23, lam01, lam02, lam03, lam04, lam05, " +
  "lam06, lam07, lam08, lam10, lam11, lam12, lam13, lam15, lam21, lam22, lam23, lam27, lam28, " +
  "lam29, lam30, lam31, ann01, ann02, ann03, ann04, ann05, ann06, ann07, ann08, ann09, ann10, " +
  "ann11, ann12, ann13, ann14, ann15, ann17, ann18, ann19, ann20, ann21, ann22, ann23, ann24, " +
  "ann25, ann28, ann29, ann30, ann31, nam01, nam02, nam03, nam04, nam05, nam06, nam07, nam08, " +
  "nam09, nam10, nam11, nam12, nam14, nam16, nam17, nam18, nam19, nam20, nam21, nam22";
const STATED = STATED_IDS.split(", ").length;

/** Where ALM.CASHFLOWS takes its `index` (fixings) argument, from the metadata Excel reads. */
const INDEX_ARG = (() => {
  const fn = distMetadata().functions.find((f) => f.id === "CASHFLOWS");
  return fn ? fn.parameters.findIndex((p) => p.name.toLowerCase() === "index") : -1;
})();

/** ALM.CASHFLOWS for a statement: detail rows without headers, with the floater's fixings as `index`. */
async function cashflows(statement: Statement, row: readonly (string | number)[] = statement.row): Promise<(string | number)[][]> {
  const args: unknown[] = [[statement.header, row], serialOf(statement.asOf), "CONTRACTUAL", true, false];
  if (statement.index) {
    if (INDEX_ARG < 0) throw new Error("ALM.CASHFLOWS declares no index argument in dist/functions.json");
    args[INDEX_ARG] = statement.index;
  }
  return (await excel.CASHFLOWS(...args)) as (string | number)[][];
}


describe("ACTUS reference tests (actusfrf/actus-tests): what the positions table can state", () => {
  it("states the documented number of contracts and gives a known reason for every other one", () => {
    const report = FILES.map((file) => {
      const of = contracts.filter((c) => c.file === file);
      const notStated = of.flatMap(({ contract, conversion }) => (conversion.stated ? [] : [`  ${contract.identifier}: ${conversion.reasons.join("; ")}`]));
      return `${file.toUpperCase()}: ${of.length - notStated.length} of ${of.length} stated; not stated:\n${notStated.join("\n")}`;
    });
    process.stdout.write(`${report.join("\n")}\n`);

    const notStated = contracts.filter((c) => !c.conversion.stated);
    expect(contracts).toHaveLength(109);
    expect(notStated.length).toBeGreaterThan(0);
    for (const { contract, conversion } of notStated) {
      const reasons = conversion.stated ? [] : conversion.reasons;
      expect({ id: contract.identifier, hasReason: reasons.length > 0 }).toEqual({ id: contract.identifier, hasReason: true });
      const unknown = reasons.filter((reason) => !REASON_PHRASES.some((p) => reason.startsWith(`${p} `)));
      expect({ id: contract.identifier, unknown }).toEqual({ id: contract.identifier, unknown: [] });
    }
    expect(stated.map((s) => s.contract.identifier).join(", ")).toBe(STATED_IDS);
    expect(stated).toHaveLength(STATED);
  });

  it.each(stated.map((s) => [s.contract.identifier, s] as const))("%s: ALM.CASHFLOWS gives ACTUS's dated flows to the cent", async (id, { contract, statement }) => {
    const rows = await cashflows(statement);
    const ours = rows
      .map((r) => ({ id: r[0], date: isoOfSerial(Number(r[1])), principal: Number(r[2]), interest: Number(r[3]), total: Number(r[4]) }))
      .filter((r) => r.date > statement.from && (statement.horizon === undefined || r.date <= statement.horizon))
      .filter((r) => r.principal !== 0 || r.interest !== 0);
    const theirs = actusFlows(contract, statement);

    expect(theirs.flatMap((f) => f.other)).toEqual([]);
    expect(ours.map((r) => r.date)).toEqual(theirs.map((f) => f.date));
    theirs.forEach((f, k) => {
      const r = ours[k];
      const where = `${id} ${f.date}`;
      expect(r.id).toBe(id);
      expect({ where, principal: r.principal, ok: withinCent(r.principal, f.principal) }).toEqual({ where, principal: r.principal, ok: true });
      expect({ where, interest: r.interest, ok: withinCent(r.interest, f.interest) }).toEqual({ where, interest: r.interest, ok: true });
      expect({ where, total: r.total, ok: withinCent(r.total, f.principal + f.interest) }).toEqual({ where, total: r.total, ok: true });
    });
    // The asset/liability sign is ACTUS's: repayments received positive for RPA, paid negative for RPL.
    const repaid = theirs.filter((f) => f.principal !== 0 && f.date > statement.asOf).pop();
    if (repaid && !(statement.horizon !== undefined && repaid.principal * statement.sign < 0)) expect(Math.sign(repaid.principal)).toBe(statement.sign);
  });

  it("would notice a wrong term: pam01 on Actual/360 instead of Actual/365 differs from ACTUS", async () => {
    const pam01 = stated.find((s) => s.contract.identifier === "pam01");
    if (!pam01) throw new Error("pam01 is expected to be stated");
    const { header, row } = pam01.statement;
    const wrong = row.map((v, k) => (header[k] === "Basis" ? 2 : v));
    const rows = await cashflows(pam01.statement, wrong);
    const first = actusFlows(pam01.contract, pam01.statement).find((f) => f.interest !== 0);
    const ours = rows.find((r) => isoOfSerial(Number(r[1])) === first?.date);
    expect(first && ours).toBeTruthy();
    expect(withinCent(Number(ours?.[3]), first?.interest ?? 0)).toBe(false);
  });
});
