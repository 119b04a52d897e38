/**
 * Conformance with the ACTUS reference test suite (actusfrf/actus-tests, vendored unchanged in
 * test/golden/actus/ under CC BY-SA 4.0). Every PAM, LAM, ANN and NAM contract that today's positions
 * table can state (test/helpers/actus.ts) is given to ALM.CASHFLOWS through the emulated Excel host, and
 * its flows after as_of are compared with ACTUS's interest (IP) and principal (PR, MD) events, summed by
 * date, to the cent. The contracts it cannot state are listed with their reasons.
 */
import * as fs from "fs";
import * as path from "path";
import { REASON_PHRASES, actusFlows, isoOfSerial, serialOf, stateContract, type ActusContract } from "../helpers/actus";
import { excel } from "../helpers/excelHost";

const FILES = ["pam", "lam", "ann", "nam"] as const;
const suite = (name: string): ActusContract[] => {
  const json = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "golden", "actus", `actus-tests-${name}.json`), "utf8")) as Record<string, ActusContract>;
  return Object.values(json);
};
const contracts = FILES.flatMap((file) => suite(file).map((c) => ({ file, contract: c, conversion: stateContract(c) })));
const stated = contracts.flatMap(({ file, contract, conversion }) => (conversion.stated ? [{ file, contract, statement: conversion.statement }] : []));

/**
 * How many of the suite's 109 PAM, LAM, ANN and NAM contracts today's columns state (the README quotes
 * this count): pam01, pam04, pam16, lam27, lam28, lam29, lam30, ann01, ann02, ann06. A contract starting
 * after its statusDate is stated at its initialExchangeDate (the exchange itself is not compared).
 */
const STATED = 10;

/** A cent, or 1e-9 of the amount when that is larger. */
const close = (actual: number, expected: number): boolean => Math.abs(actual - expected) <= Math.max(0.005, 1e-9 * Math.abs(expected));

describe("ACTUS reference tests (actusfrf/actus-tests): what today's positions table can state", () => {
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
    expect(stated.map((s) => s.contract.identifier)).toHaveLength(STATED);
  });

  it.each(stated.map((s) => [s.contract.identifier, s] as const))("%s: ALM.CASHFLOWS gives ACTUS's dated flows after as_of to the cent", async (id, { contract, statement }) => {
    const table = [statement.header, statement.row];
    const rows = (await excel.CASHFLOWS(table, serialOf(statement.asOf), "CONTRACTUAL", true, false)) as (string | number)[][];
    const ours = rows
      .map((r) => ({ id: r[0], date: isoOfSerial(Number(r[1])), principal: Number(r[2]), interest: Number(r[3]), total: Number(r[4]) }))
      .filter((r) => statement.horizon === undefined || r.date <= statement.horizon);
    const theirs = actusFlows(contract, statement.asOf, statement.horizon);

    expect(theirs.flatMap((f) => f.other)).toEqual([]);
    expect(ours.map((r) => r.date)).toEqual(theirs.map((f) => f.date));
    theirs.forEach((f, k) => {
      const r = ours[k];
      const where = `${id} ${f.date}`;
      expect(r.id).toBe(id);
      expect({ where, principal: r.principal, ok: close(r.principal, f.principal) }).toEqual({ where, principal: r.principal, ok: true });
      expect({ where, interest: r.interest, ok: close(r.interest, f.interest) }).toEqual({ where, interest: r.interest, ok: true });
      expect({ where, total: r.total, ok: close(r.total, f.principal + f.interest) }).toEqual({ where, total: r.total, ok: true });
    });
    // The asset/liability sign is ACTUS's: received positive for RPA, paid negative for RPL.
    expect(Math.sign(theirs[theirs.length - 1].principal)).toBe(statement.sign);
  });

  it("would notice a wrong term: pam01 on Actual/360 instead of Actual/365 differs from ACTUS", async () => {
    const pam01 = stated.find((s) => s.contract.identifier === "pam01");
    if (!pam01) throw new Error("pam01 is expected to be stated");
    const { header, row, asOf } = pam01.statement;
    const wrong = row.map((v, k) => (header[k] === "Basis" ? 2 : v));
    const rows = (await excel.CASHFLOWS([header, wrong], serialOf(asOf), "CONTRACTUAL", true, false)) as (string | number)[][];
    const first = actusFlows(pam01.contract, asOf)[0];
    expect(isoOfSerial(Number(rows[0][1]))).toBe(first.date);
    expect(close(Number(rows[0][3]), first.interest)).toBe(false);
  });
});
