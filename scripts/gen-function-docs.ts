/**
 * `npm run docs` — writes docs/functions.md, the function reference, from the custom-function metadata
 * (generateCustomFunctionsMetadata over every src/functions/adapters/*.ts, i.e. the JSDoc Excel shows)
 * plus each function's @returns text, and one worked example per function evaluated through
 * functionsById at generation time, so every printed result is what the code returns.
 * test/docs/functions-doc.test.ts regenerates the page in memory and fails when the file is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as ts from "typescript";
import { toIso } from "../src/engine/time/serialDate";
import { functionsById } from "../src/functions/index";
import { POSITION_COLUMNS, type PositionColumn } from "../src/functions/schema/positions";
import { INPUT_TABLES, type InputTable } from "../src/functions/schema/tables";

const ROOT = path.resolve(__dirname, "..");
const ADAPTERS = path.join(ROOT, "src/functions/adapters");
export const DOC_PATH = path.join(ROOT, "docs/functions.md");

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  description?: string;
  parameters: Parameter[];
  result?: { dimensionality?: string };
}

/** Sections of the function catalogue, in order; a function not listed lands in "Other". */
const SECTIONS: readonly { title: string; ids: readonly string[] }[] = [
  { title: "Curves", ids: ["DISCOUNT", "ZERO", "FWD", "BOOTSTRAP"] },
  { title: "Cash-flow analytics", ids: ["NPV", "DURATION", "CONVEXITY", "BPV", "KRD", "DGAP"] },
  { title: "Gaps", ids: ["BUCKETS", "GAP", "REPRICINGGAP", "LIQUIDITYGAP", "CASHFLOWS", "NMD"] },
  { title: "Scenarios", ids: ["SCENARIOS", "SHOCKSIZES", "SHOCK"] },
  { title: "IRRBB", ids: ["EVE", "DELTAEVE", "STANDARDEVE", "NII", "DELTANII", "OUTLIERTEST"] },
  { title: "Liquidity and meta", ids: ["LCR", "VERSION"] },
];

// ---- Example inputs: small ranges a reader can type into a sheet, passed exactly as Excel passes them.

const AS_OF = "2026-09-30";

/** `Curve`: a named two-column range with a header row. */
const CURVE: unknown[][] = [
  ["Tenor", "Zero rate"],
  ["3M", 0.0385],
  ["1Y", 0.036],
  ["2Y", 0.0348],
  ["5Y", 0.0365],
  ["10Y", 0.0401],
];

/** `Flows`: an Excel table of dated amounts (a 5 % annual-coupon bond of 100 maturing in three years). */
const FLOWS: unknown[][] = [
  ["Date", "Amount"],
  [46660, 5],
  [47026, 5],
  [47391, 105],
];
const flowColumn = (j: number) => FLOWS.slice(1).map((r) => [r[j]]);

/** `Positions`: an Excel table in the positions layout of docs/functions.md, used with Positions[#All] (header row included). */
/** `Curves`: the same curve in the wide layout of ALM.OUTLIERTEST (a Tenor column, then one per currency). */
const CURVES: unknown[][] = [["Tenor", "USD"], ...CURVE.slice(1)];

const POSITIONS: unknown[][] = [
  ["Id", "Side", "Balance", "Rate", "Maturity", "Type", "Amortization", "Frequency", "NextReset", "ResetMonths", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Currency"],
  ["MTG-1", "A", 250000, 0.049, 48852, "FIXED", "ANNUITY", 12, "", "", "", "", "", 0.06, "", "USD"],
  ["COM-1", "A", 400000, 0.061, 47391, "FLOATING", "BULLET", 4, 46387, 3, "", "", "", "", "", "USD"],
  ["SEC-1", "A", 300000, 0.0375, 47756, "FIXED", "BULLET", 2, "", "", "", "", "", "", "", "USD"],
  ["NMD-1", "L", 600000, 0.005, "", "", "", "", "", "", "NMD_RETAIL_TRANSACTIONAL", 0.8, 4, "", "", "USD"],
  ["TD-1", "L", 250000, 0.034, 46660, "FIXED", "BULLET", 1, "", "", "", "", "", "", 0.05, "USD"],
];

const column = (...values: unknown[]) => values.map((v) => [v]);

interface Example {
  /** The formula as typed in Excel. */
  readonly formula: string;
  /** The arguments Excel passes (ranges as 2-D arrays, omitted optionals as null). */
  readonly args: readonly unknown[];
}

/** One example per function; the docs print what functionsById returns for it. */
export const EXAMPLES: Readonly<Record<string, Example>> = {
  DISCOUNT: { formula: "=ALM.DISCOUNT(Curve, 2)", args: [CURVE, 2, null] },
  ZERO: { formula: '=ALM.ZERO(Curve, "18M", "ANNUAL")', args: [CURVE, "18M", "ANNUAL", null] },
  FWD: { formula: "=ALM.FWD(Curve, 1, 2)", args: [CURVE, 1, 2, null] },
  BOOTSTRAP: { formula: "=ALM.BOOTSTRAP({0.5;1;2;5}, {0.03;0.031;0.032;0.034})", args: [column(0.5, 1, 2, 5), column(0.03, 0.031, 0.032, 0.034), null, null] },
  NPV: { formula: `=ALM.NPV(Flows[Amount], Flows[Date], "${AS_OF}", 0.04)`, args: [flowColumn(1), flowColumn(0), AS_OF, 0.04, null, null] },
  DURATION: { formula: `=ALM.DURATION(Flows[Amount], Flows[Date], "${AS_OF}", 0.04, "MODIFIED")`, args: [flowColumn(1), flowColumn(0), AS_OF, 0.04, "MODIFIED", null, null] },
  CONVEXITY: { formula: `=ALM.CONVEXITY(Flows[Amount], Flows[Date], "${AS_OF}", 0.04)`, args: [flowColumn(1), flowColumn(0), AS_OF, 0.04, null, null, null] },
  BPV: { formula: `=ALM.BPV(Flows[Amount], Flows[Date], "${AS_OF}", Curve)`, args: [flowColumn(1), flowColumn(0), AS_OF, CURVE, null, null] },
  KRD: { formula: `=ALM.KRD(Flows[Amount], Flows[Date], "${AS_OF}", Curve, {1;2;3;5})`, args: [flowColumn(1), flowColumn(0), AS_OF, CURVE, column(1, 2, 3, 5), null] },
  DGAP: { formula: "=ALM.DGAP(4.2, 1.8, 1000, 900)", args: [4.2, 1.8, 1000, 900] },
  BUCKETS: { formula: `=ALM.BUCKETS("BASEL", "${AS_OF}")`, args: ["BASEL", AS_OF, null] },
  GAP: { formula: `=ALM.GAP(Flows[Amount], Flows[Date], "${AS_OF}", {"1Y";"2Y";"5Y"})`, args: [flowColumn(1), flowColumn(0), AS_OF, column("1Y", "2Y", "5Y"), null, null] },
  REPRICINGGAP: { formula: `=ALM.REPRICINGGAP(Positions[#All], "${AS_OF}", {"3M";"1Y";"3Y";"5Y";"10Y"})`, args: [POSITIONS, AS_OF, column("3M", "1Y", "3Y", "5Y", "10Y"), null] },
  LIQUIDITYGAP: { formula: `=ALM.LIQUIDITYGAP(Positions[#All], "${AS_OF}", {"3M";"1Y";"3Y";"5Y";"10Y"})`, args: [POSITIONS, AS_OF, column("3M", "1Y", "3Y", "5Y", "10Y"), null] },
  CASHFLOWS: { formula: `=ALM.CASHFLOWS(Positions[#All], "${AS_OF}", "REPRICING")`, args: [POSITIONS, AS_OF, "REPRICING", null, null] },
  NMD: { formula: '=ALM.NMD(1000000, "NMD_RETAIL_TRANSACTIONAL", 0.8, 4, {"1Y";"3Y";"5Y";"10Y"})', args: [1000000, "NMD_RETAIL_TRANSACTIONAL", 0.8, 4, column("1Y", "3Y", "5Y", "10Y"), null] },
  SCENARIOS: { formula: "=ALM.SCENARIOS()", args: [null] },
  SHOCKSIZES: { formula: '=ALM.SHOCKSIZES("USD")', args: ["USD", null, null] },
  SHOCK: { formula: '=ALM.SHOCK(Curve, "STEEPENER", "USD")', args: [CURVE, "STEEPENER", "USD", null, null, null] },
  EVE: { formula: `=ALM.EVE(Positions[#All], "${AS_OF}", Curve, "PARALLEL_UP", "USD")`, args: [POSITIONS, AS_OF, CURVE, "PARALLEL_UP", "USD", null, null] },
  DELTAEVE: { formula: `=ALM.DELTAEVE(Positions[#All], "${AS_OF}", Curve, "USD")`, args: [POSITIONS, AS_OF, CURVE, "USD", null, null, null] },
  STANDARDEVE: { formula: `=ALM.STANDARDEVE(Positions[#All], "${AS_OF}", Curve, "USD", , , 150000)`, args: [POSITIONS, AS_OF, CURVE, "USD", null, null, 150000, null] },
  NII: { formula: `=ALM.NII(Positions[#All], "${AS_OF}", Curve, "PARALLEL_UP", "USD")`, args: [POSITIONS, AS_OF, CURVE, "PARALLEL_UP", "USD", null, null, null] },
  OUTLIERTEST: { formula: `=ALM.OUTLIERTEST(Positions[#All], "${AS_OF}", Curves, 150000)`, args: [POSITIONS, AS_OF, CURVES, 150000, null, null, null, null, null, null] },
  DELTANII: { formula: `=ALM.DELTANII(Positions[#All], "${AS_OF}", Curve, "USD")`, args: [POSITIONS, AS_OF, CURVE, "USD", null, null, null, null] },
  LCR: { formula: "=ALM.LCR(500, 200, 100, 800, 300)", args: [500, 200, 100, 800, 300] },
  VERSION: { formula: "=ALM.VERSION()", args: [] },
};

/** Longest result table printed in full; longer ones show their first rows and the Total row. */
const MAX_ROWS = 12;

// ---- Rendering

const escape = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

function isError(v: unknown): v is { code: string; message: string } {
  return typeof v === "object" && v !== null && typeof (v as { code?: unknown }).code === "string" && (v as { code: string }).code.startsWith("#");
}

/** A number as Excel's General format would show it (up to 10 significant digits). */
function number(x: number): string {
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(10)));
}

/** Columns whose numbers are date serials, shown as dates. */
const DATE_COLUMNS = new Set(["From", "To", "Date", "Maturity", "NextReset", "Start"]);

function cell(v: unknown, header: string): string {
  if (isError(v)) return v.code;
  if (typeof v === "number") return DATE_COLUMNS.has(header) && Number.isInteger(v) && v > 60 ? toIso(v) : number(v);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return escape(String(v ?? ""));
}

function markdownTable(rows: readonly (readonly unknown[])[], header = true): string[] {
  const head = header ? rows[0].map((h) => escape(String(h))) : rows[0].map(() => " ");
  const body = header ? rows.slice(1) : rows;
  const shown = body.length > MAX_ROWS ? [...body.slice(0, MAX_ROWS - 2), null, body[body.length - 1]] : body;
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...shown.map((r) => (r === null ? `| … ${body.length - (MAX_ROWS - 1)} more rows … |${head.slice(1).map(() => "").join(" |")} |` : `| ${r.map((v, j) => cell(v, String(head[j]))).join(" | ")} |`)),
  ];
}

/** What functionsById returns for an example, as markdown. */
function evaluate(id: string, example: Example): string[] {
  const fn = (functionsById as Record<string, unknown>)[id];
  if (typeof fn !== "function") return [`Result: not available in this build (ALM.${id} is not in functionsById).`];
  let value: unknown;
  try {
    value = fn(...example.args);
  } catch (error) {
    return isError(error) ? [`Result: \`${error.code}\` — ${escape(error.message)}`] : [`Result: error — ${escape(String(error))}`];
  }
  if (Array.isArray(value)) {
    const rows = value as unknown[][];
    if (rows.length === 1 && rows[0].length === 1) return [`Result: \`${cell(rows[0][0], "")}\``];
    const header = rows.length > 1 && rows[0].every((h) => typeof h === "string") && rows.slice(1).some((r) => r.some((v) => typeof v === "number"));
    if (!header && rows.every((r) => r.length === 1)) return [`Result (spills a column): ${rows.map((r) => `\`${cell(r[0], "")}\``).join(", ")}`];
    return ["Result (spills):", "", ...markdownTable(rows, header)];
  }
  return [`Result: \`${cell(value, "")}\``];
}

/** @returns text of each @customfunction, read from the adapters' JSDoc with the TypeScript parser. */
function returnsById(files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
    source.forEachChild((node) => {
      if (!ts.isFunctionDeclaration(node)) return;
      const tags = ts.getJSDocTags(node);
      const text = (t: ts.JSDocTag) => (typeof t.comment === "string" ? t.comment : ts.getTextOfJSDocComment(t.comment) ?? "").trim();
      const idTag = tags.find((t) => t.tagName.text === "customfunction");
      const returns = tags.find((t) => t.tagName.text === "returns" || t.tagName.text === "return");
      if (idTag && returns) out.set(text(idTag) || node.name!.text.toUpperCase(), text(returns));
    });
  }
  return out;
}

function signature(f: FunctionMetadata): string {
  return `ALM.${f.id}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}

function section(f: FunctionMetadata, returns: string | undefined): string[] {
  const out = [`### ${signature(f)}`, "", escape(f.description ?? ""), ""];
  if (f.parameters.length) {
    out.push("| Argument | | Description |", "|---|---|---|");
    for (const p of f.parameters) out.push(`| \`${p.name}\` | ${p.optional ? "optional" : "required"} | ${escape(p.description ?? "")} |`);
    out.push("");
  } else {
    out.push("No arguments.", "");
  }
  if (returns) out.push(`**Returns** ${f.result?.dimensionality === "matrix" ? "(spills a range) " : ""}${escape(returns)}`, "");
  const example = EXAMPLES[f.id];
  if (example) out.push(`**Example** \`${example.formula}\``, "", ...evaluate(f.id, example), "");
  return out;
}

/** The adapter modules: the input of the custom-function metadata. */
export function adapterFiles(): string[] {
  return fs
    .readdirSync(ADAPTERS)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .sort()
    .map((name) => path.join(ADAPTERS, name));
}

const REQUIRED: Record<PositionColumn["required"], string> = {
  always: "yes",
  "unless-nmd": "yes, except non-maturity deposits",
  nmd: "on non-maturity deposits",
  floating: "on floaters",
  optional: "no",
};

/** The positions table, from the one schema the functions and the task pane read. */
function positionsTable(): string[] {
  return [
    "## The positions table",
    "",
    "Table functions take a positions range with its header row (`Table1[#All]`). Columns are found by their header,",
    "ignoring case, spaces, underscores and hyphens (`Next Reset`, `next_reset`), in any order; other columns are ignored.",
    "A missing required column is a `#VALUE!` naming it; a bad cell is a `#VALUE!` naming the row (the header is row 1)",
    "and the column. Fully blank rows are skipped. The task pane's validation report uses the same reader and words.",
    "",
    "| Column | Also accepted | Required | Meaning | Default |",
    "|---|---|---|---|---|",
    ...POSITION_COLUMNS.map((c: PositionColumn) =>
      `| \`${c.name}\` | ${c.aliases.map((a) => `\`${a}\``).join(", ")} | ${REQUIRED[c.required]} | ${escape(c.doc)}${c.choices && c.kind === "choice" ? ` Choices: ${c.choices.map((x) => `\`${x}\``).join(", ")}.` : ""} | ${c.default ? escape(c.default) : ""} |`
    ),
    "",
  ];
}

/** The small input tables (curve, scenario shifts, …) that some function accepts today, from schema/tables.ts. */
function inputTables(): string[] {
  const tables = Object.values(INPUT_TABLES as Record<string, InputTable>).filter((t) => t.acceptedBy.length > 0);
  return [
    "## Input tables",
    "",
    "Two-column ranges other than positions. A bad cell is a `#VALUE!` naming the argument, the row within the range",
    "and the column.",
    "",
    ...tables.flatMap((t) => [
      `### ${t.title}`,
      "",
      `${escape(t.doc)} Taken by ${t.acceptedBy.map((a) => `\`${a}\``).join(", ")}${t.single ? `; a single cell instead means ${escape(t.single)}` : ""}.`,
      "",
      "| Column | Each cell holds |",
      "|---|---|",
      ...t.columns.map((c) => `| ${c.name} | ${escape(c.expected)} |`),
      "",
    ]),
  ];
}

/** The whole page. */
export async function renderFunctionDocs(): Promise<string> {
  const files = adapterFiles();
  const generated = await generateCustomFunctionsMetadata(files);
  if (generated.errors.length) throw new Error(`custom-functions-metadata: ${generated.errors.join("; ")}`);
  const functions = (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions;
  const returns = returnsById(files);
  const listed = new Set(SECTIONS.flatMap((s) => s.ids));
  const sections = [...SECTIONS, { title: "Other", ids: functions.map((f) => f.id).filter((id) => !listed.has(id)).sort() }];
  const out: string[] = [
    "# ALM.* function reference",
    "",
    "<!-- Generated by `npm run docs` (scripts/gen-function-docs.ts); do not edit by hand. -->",
    "",
    "Every function of the add-in, from the metadata Excel reads (the JSDoc of `src/functions/adapters/*.ts`), with one",
    "example each. Examples were evaluated when this page was generated, through `functionsById` with the arguments",
    "exactly as Excel passes them, so each result is what the add-in returns. Optional arguments are in brackets; leave",
    "them empty (`=ALM.STANDARDEVE(P, d, c, \"USD\", , , 150000)`) to take the default. Dates in inputs and results are",
    "Excel serials, shown here as dates; format those cells as dates in Excel.",
    "",
    "## Contents",
    "",
  ];
  for (const s of sections) {
    const ids = s.ids.filter((id) => functions.some((f) => f.id === id));
    if (ids.length) out.push(`- **${s.title}**: ${ids.map((id) => `[${id}](#${signature(functions.find((f) => f.id === id)!).toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-")})`).join(", ")}`);
  }
  out.push(
    "",
    "## Example inputs",
    "",
    "`Curve`, a named range (tenor, continuously-compounded zero rate):",
    "",
    ...markdownTable(CURVE),
    "",
    "`Curves`, the same curve laid out as ALM.OUTLIERTEST takes curves (a `Tenor` column, then one column per currency):",
    "",
    ...markdownTable(CURVES),
    "",
    "`Flows`, an Excel table of dated amounts (a 5 % annual-coupon bond of 100):",
    "",
    ...markdownTable(FLOWS),
    "",
    "`Positions`, an Excel table in the positions layout ([the columns](#the-positions-table); blank cells are empty):",
    "",
    ...markdownTable(POSITIONS),
    "",
    ...positionsTable(),
    ...inputTables()
  );
  for (const s of sections) {
    const members = s.ids.map((id) => functions.find((f) => f.id === id)).filter((f): f is FunctionMetadata => !!f);
    if (!members.length) continue;
    out.push(`## ${s.title}`, "");
    for (const f of members) out.push(...section(f, returns.get(f.id)));
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

if (require.main === module) {
  renderFunctionDocs()
    .then((text) => {
      fs.mkdirSync(path.dirname(DOC_PATH), { recursive: true });
      fs.writeFileSync(DOC_PATH, text);
      console.log(`wrote ${path.relative(process.cwd(), DOC_PATH)}`);
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
