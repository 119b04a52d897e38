/**
 * The bank's own shock sizes (SRP31.93) as the pane checks them: the range is read by the functions' own
 * `calibration` reader, so the pane refuses exactly what the formulas would refuse, in their words; then
 * the pane checks that every currency it will shock has a row.
 */
import { sizesFor, type CalibrationChoice } from "../../engine/irrbb/calibrations";
import { isBlank } from "../../functions/args";
import { rowIssue } from "../../functions/cells";
import { calibrationArg } from "../../functions/irrbbArgs";
import { INPUT_TABLES } from "../../functions/schema/tables";

/** The function and argument the check is made as; stripped from the messages shown. */
const WHERE = { fn: "SHOCK", arg: "calibration" } as const;
const strip = (message: string) => message.replace(new RegExp(`^ALM\\.${WHERE.fn} ${WHERE.arg}(: |, )?`), "");

export type OwnSizesParse = { ok: true; choice: CalibrationChoice } | { ok: false; message: string };

/** The own shock sizes range: a header row Currency, Parallel, Short, Long (bp), or one row of three numbers. */
export function parseOwnSizes(values: readonly (readonly unknown[])[]): OwnSizesParse {
  const header = INPUT_TABLES.calibration.columns.map((c) => c.name).join(", ");
  if (values.every((r) => r.every(isBlank))) return { ok: false, message: `is empty; expected a table with the header row ${header}, or one row of three numbers` };
  let choice: CalibrationChoice | undefined;
  const issue = rowIssue(() => (choice = calibrationArg().parse(values.map((r) => [...r]), WHERE)));
  if (issue) return { ok: false, message: strip(issue.message) };
  if (choice === undefined || typeof choice === "string") {
    return { ok: false, message: `holds a calibration name, not shock sizes; choose that calibration above, or pick a table with the header row ${header}` };
  }
  return { ok: true, choice };
}

/** The currencies the own sizes do not cover. */
export function uncovered(choice: CalibrationChoice, currencies: readonly string[]): string[] {
  return currencies.filter((c) => sizesFor(choice, c) === undefined);
}
