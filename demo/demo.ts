/**
 * `npm run demo`: the sample bank through the ALM.* functions, called exactly as Excel calls them
 * (functionsById, ranges as 2-D arrays with header rows, omitted optionals as null). For each currency
 * book: repricing and liquidity gaps, ΔEVE under the six Basel scenarios, the standardised EVE measure
 * with its outlier test, and ΔNII; each table with a one-line reading. `--json` prints the same as JSON.
 * A function that is missing or returns an error shows its error code and message instead of a table.
 */
import { addMonths, toIso } from "../src/engine/time/serialDate";
import { functionsById } from "../src/functions/index";
import { FX_TO_REPORTING, REPORTING_CURRENCY, SAMPLE_CURRENCIES, SAMPLE_TIER1, sampleBank, positionsIn, tier1In, type SampleCurrency } from "../src/sample/sampleBank";
import { isErrorCell, millions, percent, renderTable } from "./format";

/** The functions the demo calls, by id (functionsById, or a stand-in in tests). */
export type Functions = Readonly<Record<string, unknown>>;

export type DemoResult = { readonly ok: true; readonly table: unknown[][] } | { readonly ok: false; readonly code: string; readonly message: string };

export type DemoFunction = "REPRICINGGAP" | "LIQUIDITYGAP" | "DELTAEVE" | "STANDARDEVE" | "DELTANII";

export interface DemoSection {
  readonly id: DemoFunction;
  readonly currency: SampleCurrency;
  readonly title: string;
  /** The formula a workbook would hold, on named ranges of the sample sheet. */
  readonly formula: string;
  readonly result: DemoResult;
  /** One line saying what the table means ("" when the table could not be read). */
  readonly reading: string;
}

export interface DemoReport {
  readonly bank: { readonly name: string; readonly asOf: string; readonly positions: number; readonly tier1: number; readonly reportingCurrency: string };
  readonly sections: readonly DemoSection[];
  /** Bank-wide lines computed from the per-currency tables. */
  readonly summary: readonly string[];
}

/** Calls one function as Excel would; a missing function, a thrown error or an error result becomes an error result. */
export function callFunction(functions: Functions, id: string, args: readonly unknown[]): DemoResult {
  const fn = functions[id];
  if (typeof fn !== "function") return { ok: false, code: "#NAME?", message: `ALM.${id} is not available yet in this build` };
  try {
    const value: unknown = fn(...args);
    if (isErrorCell(value)) return { ok: false, code: value.code, message: value.message };
    if (!Array.isArray(value)) return { ok: false, code: "#VALUE!", message: `ALM.${id} returned ${typeof value}; expected a table` };
    return { ok: true, table: value as unknown[][] };
  } catch (error) {
    if (isErrorCell(error)) return { ok: false, code: error.code, message: error.message };
    return { ok: false, code: "#VALUE!", message: `ALM.${id} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Column j of the data rows of a table (header row excluded), found by its header. */
function column(table: unknown[][], header: string): unknown[] {
  const j = table[0].indexOf(header);
  if (j < 0) throw new Error(`no column ${header}`);
  return table.slice(1).map((r) => r[j]);
}

const num = (v: unknown): number => {
  if (typeof v !== "number") throw new Error("not a number");
  return v;
};

/** "PARALLEL_UP" → "parallel up". */
const scenarioWords = (name: string) => name.toLowerCase().replace(/_/g, " ");

/** Data rows of the six scenarios (neither BASE nor the WORST/MAX summary row). */
function scenarioRows(table: unknown[][]): { name: string; row: number }[] {
  return column(table, "Scenario")
    .map((name, i) => ({ name: String(name), row: i + 1 }))
    .filter(({ name }) => name !== "BASE" && !/^(WORST|MAX)\b/.test(name));
}

interface ReadingContext {
  readonly currency: SampleCurrency;
  readonly tier1: number;
}

const READINGS: Record<DemoFunction, (table: unknown[][], c: ReadingContext) => string> = {
  REPRICINGGAP: (table, { currency }) => {
    const yearEnd = addMonths(sampleBank.asOf, 12);
    const to = column(table, "To");
    const cumulative = column(table, "Cumulative gap");
    let k = -1;
    to.forEach((date, i) => {
      if (typeof date === "number" && date <= yearEnd) k = i;
    });
    const gap = num(cumulative[k]);
    const side = gap < 0 ? "liability-sensitive: more liabilities than assets reprice within a year, so NII falls when rates rise" : "asset-sensitive: more assets than liabilities reprice within a year, so NII rises with rates";
    return `12-month cumulative repricing gap: ${millions(gap, currency)} (${side})`;
  },
  LIQUIDITYGAP: (table, { currency }) => {
    const buckets = column(table, "Bucket");
    const cumulative = column(table, "Cumulative net");
    let worst = -1;
    cumulative.forEach((v, i) => {
      if (typeof v === "number" && buckets[i] !== "Total" && (worst < 0 || v < num(cumulative[worst]))) worst = i;
    });
    const low = num(cumulative[worst]);
    if (low >= 0) return "cumulative net flows stay positive in every bucket: contractual inflows cover outflows at every horizon";
    return `largest cumulative net outflow: ${millions(low, currency)} by the ${buckets[worst]} bucket (contractual flows; deposits repayable overnight)`;
  },
  DELTAEVE: (table, { currency, tier1 }) => {
    const delta = column(table, "ΔEVE");
    const worst = scenarioRows(table).reduce((a, b) => (num(delta[b.row - 1]) < num(delta[a.row - 1]) ? b : a));
    const value = num(delta[worst.row - 1]);
    if (value >= 0) return `EVE rises in every scenario (smallest gain ${millions(value, currency)} under ${scenarioWords(worst.name)})`;
    return `worst ΔEVE: ${scenarioWords(worst.name)}, ${millions(value, currency)} = ${percent(value / tier1)} of Tier 1`;
  },
  STANDARDEVE: (table, { currency }) => {
    const names = column(table, "Scenario").map(String);
    const max = names.findIndex((n) => n.startsWith("MAX"));
    const loss = num(column(table, "EVE loss")[max]);
    const share = num(column(table, "% of Tier 1")[max]);
    const scenario = /\(([A-Z_]+)\)/.exec(names[max])?.[1];
    const outlier = names[max].includes("OUTLIER");
    const against = outlier ? "above the 15 % outlier threshold: an outlier bank (SRP31.82)" : "below the 15 % outlier threshold";
    if (loss <= 0) return "standardised EVE risk: 0 (EVE gains in every scenario)";
    return `standardised EVE risk: ${millions(loss, currency)}${scenario ? ` under ${scenarioWords(scenario)}` : ""} = ${percent(share)} of Tier 1, ${against}`;
  },
  DELTANII: (table, { currency, tier1 }) => {
    const delta = column(table, "ΔNII");
    const ratio = column(table, "ΔNII % of base");
    const worst = scenarioRows(table).reduce((a, b) => (num(delta[b.row - 1]) < num(delta[a.row - 1]) ? b : a));
    const value = num(delta[worst.row - 1]);
    const share = value / tier1;
    const test = -share > 0.05 ? "above" : "below";
    return `worst ΔNII over 12 months: ${scenarioWords(worst.name)}, ${millions(value, currency)} (${percent(num(ratio[worst.row - 1]))} of base NII; ${percent(share)} of Tier 1, ${test} the EU 5 % large-decline threshold)`;
  },
};

const TITLES: Record<DemoFunction, string> = {
  REPRICINGGAP: "Repricing gap (Basel buckets)",
  LIQUIDITYGAP: "Liquidity gap (contractual principal and interest)",
  DELTAEVE: "ΔEVE under the six Basel scenarios (BCBS 2024 shocks)",
  STANDARDEVE: "Standardised EVE risk measure and outlier test",
  DELTANII: "ΔNII over 12 months, constant balance sheet",
};

/** Every call of the demo for one currency book: function id, Excel arguments and the formula text. */
export function demoCalls(currency: SampleCurrency): { id: DemoFunction; args: unknown[]; formula: string }[] {
  const positions = positionsIn(currency);
  const asOf = sampleBank.asOf;
  const curve = sampleBank.curves[currency];
  const names = `Positions_${currency}, AsOf`;
  return [
    { id: "REPRICINGGAP", args: [positions, asOf, null, null], formula: `=ALM.REPRICINGGAP(${names})` },
    { id: "LIQUIDITYGAP", args: [positions, asOf, null, null], formula: `=ALM.LIQUIDITYGAP(${names})` },
    { id: "DELTAEVE", args: [positions, asOf, curve, currency, null, null, null], formula: `=ALM.DELTAEVE(${names}, Curve_${currency}, "${currency}")` },
    { id: "STANDARDEVE", args: [positions, asOf, curve, currency, null, null, tier1In(currency), null], formula: `=ALM.STANDARDEVE(${names}, Curve_${currency}, "${currency}", , , Tier1_${currency})` },
    { id: "DELTANII", args: [positions, asOf, curve, currency, null, null, null, null], formula: `=ALM.DELTANII(${names}, Curve_${currency}, "${currency}")` },
  ];
}

/**
 * Bank-wide standardised EVE measure from the per-currency STANDARDEVE tables, aggregated the Basel way
 * (SRP31; docs/methodology/irrbb.md §3): per scenario the sum over currencies of the losses only
 * (gains ignored), converted to the reporting currency; the measure is the largest of these sums.
 */
function bankWideEve(sections: readonly DemoSection[]): string | undefined {
  const tables = sections.filter((s) => s.id === "STANDARDEVE");
  if (tables.length !== SAMPLE_CURRENCIES.length || tables.some((s) => !s.result.ok)) return undefined;
  const totals = new Map<string, number>();
  for (const s of tables) {
    const table = (s.result as { table: unknown[][] }).table;
    const losses = column(table, "EVE loss");
    for (const { name, row } of scenarioRows(table)) totals.set(name, (totals.get(name) ?? 0) + Math.max(0, num(losses[row - 1])) * FX_TO_REPORTING[s.currency]);
  }
  const [scenario, loss] = [...totals].reduce((a, b) => (b[1] > a[1] ? b : a));
  const share = loss / SAMPLE_TIER1;
  return `bank-wide standardised EVE risk (currency losses summed, gains ignored, EUR at ${FX_TO_REPORTING.EUR} ${REPORTING_CURRENCY}): ${millions(loss, REPORTING_CURRENCY)} under ${scenarioWords(scenario)} = ${percent(share)} of Tier 1 (${millions(SAMPLE_TIER1, REPORTING_CURRENCY)}), ${share > 0.15 ? "an outlier" : "not an outlier"} at 15 %`;
}

/** Runs every demo call on the sample bank and reads the results. */
export function computeDemo(functions: Functions = functionsById): DemoReport {
  const sections: DemoSection[] = [];
  for (const currency of SAMPLE_CURRENCIES) {
    const context = { currency, tier1: tier1In(currency) };
    for (const { id, args, formula } of demoCalls(currency)) {
      const result = callFunction(functions, id, args);
      let reading = "";
      if (result.ok) {
        try {
          reading = READINGS[id](result.table, context);
        } catch {
          reading = "";
        }
      }
      sections.push({ id, currency, title: TITLES[id], formula, result, reading });
    }
  }
  const summary: string[] = [];
  try {
    const line = bankWideEve(sections);
    if (line) summary.push(line);
  } catch {
    // A table of an unexpected shape: no summary line.
  }
  return {
    bank: { name: sampleBank.name, asOf: toIso(sampleBank.asOf), positions: sampleBank.positions.length - 1, tier1: SAMPLE_TIER1, reportingCurrency: REPORTING_CURRENCY },
    sections,
    summary,
  };
}

/** The report as terminal text. */
export function renderDemo(report: DemoReport): string {
  const out: string[] = [];
  const { bank } = report;
  out.push(`${bank.name}, as of ${bank.asOf}: ${bank.positions} positions in ${SAMPLE_CURRENCIES.join(" and ")}; Tier 1 ${millions(bank.tier1, bank.reportingCurrency)}`);
  for (const currency of SAMPLE_CURRENCIES) {
    out.push("", `=== ${currency} book (Tier 1 in ${currency}: ${millions(tier1In(currency), currency)}) ===`);
    for (const s of report.sections.filter((x) => x.currency === currency)) {
      out.push("", `${s.title}  ${s.formula}`);
      if (s.result.ok) {
        out.push(renderTable(s.result.table));
        if (s.reading) out.push(`→ ${s.reading}`);
      } else {
        out.push(`${s.result.code} ${s.result.message}`);
      }
    }
  }
  if (report.summary.length) out.push("", "=== Bank ===", ...report.summary.map((l) => `→ ${l}`));
  return out.join("\n");
}

if (require.main === module) {
  const report = computeDemo();
  process.stdout.write(`${process.argv.includes("--json") ? JSON.stringify(report, null, 2) : renderDemo(report)}\n`);
}
