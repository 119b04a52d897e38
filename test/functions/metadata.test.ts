/**
 * Golden metadata: the functions.json that custom-functions-metadata generates from the adapters' JSDoc
 * (what Excel shows and stores) must match the public contract of the function catalogue (docs/functions.md),
 * and the same functions must be registered for Excel and exported for Node (`functionsById`).
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata, type IFunction, type IGenerateResult } from "custom-functions-metadata";
import { functionsById } from "../../src/functions/index";
import { ROOT, webpackConfig } from "../helpers/addinFiles";
import { DIMENSIONALITY } from "../helpers/dimensionality";
import { INPUT_TABLES, type InputTable } from "../../src/functions/schema/tables";

/** A function of the catalogue: parameter names as Excel shows them, `?` marking optional ones (`[x]`). */
type Signature = { params: string[]; result: "matrix" | "scalar" };

/**
 * The function catalogue of docs/functions.md, written here by hand (that page is generated from the JSDoc,
 * so it cannot be the check): names and order are a public contract (new arguments are optional and go
 * last). `result` is "matrix" for table outputs and DISCOUNT/ZERO/FWD (a range of t gives a range),
 * "scalar" otherwise. BOOTSTRAP returns a curve table, so it takes the trailing [headers] that
 * docs/conventions.md ("tables") gives every table output; SCENARIOS returns a bare list of names.
 */
const CATALOGUE: Record<string, Signature> = {
  // Curves
  DISCOUNT: { params: ["curve", "t", "interpolation?"], result: "matrix" },
  ZERO: { params: ["curve", "t", "compounding?", "interpolation?"], result: "matrix" },
  FWD: { params: ["curve", "t1", "t2", "interpolation?"], result: "matrix" },
  BOOTSTRAP: { params: ["tenors", "par_rates", "frequency?", "headers?"], result: "matrix" },
  // Cash-flow analytics
  NPV: { params: ["amounts", "dates", "as_of", "curve_or_yield", "frequency?", "basis?"], result: "scalar" },
  DURATION: { params: ["amounts", "dates", "as_of", "curve_or_yield", "type?", "frequency?", "basis?"], result: "scalar" },
  CONVEXITY: { params: ["amounts", "dates", "as_of", "curve_or_yield", "type?", "frequency?", "basis?"], result: "scalar" },
  BPV: { params: ["amounts", "dates", "as_of", "curve_or_yield", "frequency?", "basis?"], result: "scalar" },
  KRD: { params: ["amounts", "dates", "as_of", "curve", "key_tenors?", "headers?"], result: "matrix" },
  DGAP: { params: ["asset_duration", "liability_duration", "assets", "liabilities"], result: "scalar" },
  // Gaps
  BUCKETS: { params: ["scheme?", "as_of?", "headers?"], result: "matrix" },
  GAP: { params: ["amounts", "dates", "as_of", "buckets?", "sides?", "headers?"], result: "matrix" },
  REPRICINGGAP: { params: ["positions", "as_of", "buckets?", "headers?", "currency?"], result: "matrix" },
  LIQUIDITYGAP: { params: ["positions", "as_of", "buckets?", "headers?", "index?", "currency?"], result: "matrix" },
  CASHFLOWS: { params: ["positions", "as_of", "mode?", "detail?", "headers?", "index?", "currency?"], result: "matrix" },
  NMD: { params: ["balance", "category", "core_share?", "core_maturity?", "buckets?", "headers?"], result: "matrix" },
  // Scenarios
  SCENARIOS: { params: ["set?"], result: "matrix" },
  SHOCKSIZES: { params: ["currency", "calibration?", "headers?"], result: "matrix" },
  SHOCK: { params: ["curve", "scenario", "currency?", "calibration?", "floor?", "headers?", "tenors?"], result: "matrix" },
  // IRRBB
  EVE: { params: ["positions", "as_of", "curve", "scenario?", "currency?", "calibration?", "floor?"], result: "scalar" },
  DELTAEVE: { params: ["positions", "as_of", "curve", "currency", "calibration?", "floor?", "headers?", "behaviour?"], result: "matrix" },
  STANDARDEVE: { params: ["positions", "as_of", "curve", "currency", "calibration?", "floor?", "tier1?", "headers?"], result: "matrix" },
  NII: { params: ["positions", "as_of", "curve", "scenario?", "currency?", "horizon_months?", "ramp_months?", "calibration?", "floor?", "behaviour?"], result: "scalar" },
  DELTANII: { params: ["positions", "as_of", "curve", "currency", "scenarios?", "horizon_months?", "ramp_months?", "headers?", "calibration?", "floor?", "tier1?"], result: "matrix" },
  // Liquidity and meta
  OUTLIERTEST: { params: ["positions", "as_of", "curves", "tier1", "fx?", "method?", "calibration?", "floor?", "rule?", "headers?"], result: "matrix" },
  LCR: { params: ["level1", "level2a", "level2b", "outflows", "inflows"], result: "scalar" },
  VERSION: { params: [], result: "scalar" },
};

/**
 * Excel's naming rules for custom functions (docs: custom-functions-naming): an id/name starts with a
 * letter, has at least three characters, and is not a cell reference (A1…XFD1048576, R1C1 form).
 */
function namingProblems(id: string): string[] {
  const problems: string[] = [];
  if (id.length < 3) problems.push("shorter than 3 characters");
  const a1 = /^([A-Z]{1,3})0*([1-9][0-9]*)$/.exec(id);
  const column = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  if (a1 && column(a1[1]) <= column("XFD") && Number(a1[2]) <= 1048576) problems.push("reads as a cell reference");
  if (/^R[0-9]*C[0-9]*$/.test(id)) problems.push("reads as an R1C1 reference");
  return problems;
}


const exportedIds = Object.keys(functionsById).sort();
let generated: IGenerateResult;
let functions: IFunction[];

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(webpackConfig.adapterFiles());
  functions = generated.metadataJson ? (JSON.parse(generated.metadataJson) as { functions: IFunction[] }).functions : [];
});

const landed = () => functions.filter((f) => f.id in CATALOGUE);

describe("custom-function metadata", () => {
  test("the golden table covers the curve functions and VERSION, and they are exported", () => {
    for (const id of ["DISCOUNT", "ZERO", "FWD", "VERSION"]) {
      expect(CATALOGUE).toHaveProperty(id);
      expect(exportedIds).toContain(id);
    }
  });

  test("is generated from every adapter file without errors", () => {
    const adapters = webpackConfig.adapterFiles();
    expect(adapters.length).toBeGreaterThanOrEqual(2);
    expect(adapters.every((file) => path.dirname(file) === path.join(ROOT, "src/functions/adapters"))).toBe(true);
    expect(generated.errors).toEqual([]);
    expect(functions.length).toBeGreaterThan(0);
  });

  test("every adapter file is imported by the functions bundle's entry", () => {
    const entry = fs.readFileSync(path.join(ROOT, "src/functions/functions.ts"), "utf8");
    const imported = [...entry.matchAll(/^import\s+(?:[^"';]+\s+from\s+)?["']\.\/adapters\/([\w.-]+)["'];?\s*$/gm)].map((m) => m[1].replace(/\.ts$/, ""));
    const files = webpackConfig.adapterFiles().map((file) => path.basename(file, ".ts"));
    expect([...new Set(imported)].sort()).toEqual(files.sort());
  });

  test("declares exactly the functions that functionsById exports", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(exportedIds);
  });

  test("registers for each id its adapter's exported function; the whole-table ones answer with a Promise (worker offload)", async () => {
    const byId = functionsById as Record<string, unknown>;
    expect(generated.associate.map((a) => a.id).sort()).toEqual(exportedIds);
    const offloaded: string[] = [];
    for (const { id, sourceFileName, functionName } of generated.associate) {
      const module = (await import(sourceFileName)) as Record<string, unknown>;
      const registered = module[functionName];
      expect({ id, registered: typeof registered, byId: typeof byId[id] }).toEqual({ id, registered: "function", byId: "function" });
      let answer: unknown;
      try {
        answer = (registered as (...a: unknown[]) => unknown)();
      } catch {
        answer = undefined;
      }
      if (answer instanceof Promise) {
        offloaded.push(id);
        await answer.catch(() => undefined);
      }
    }
    expect(offloaded.sort()).toEqual(["CASHFLOWS", "DELTAEVE", "DELTANII", "EVE", "GAP", "KRD", "LIQUIDITYGAP", "NII", "OUTLIERTEST", "REPRICINGGAP", "STANDARDEVE"]);
  });

  test("has only functions of the function catalogue (docs/functions.md)", () => {
    const unknown = functions.map((f) => f.id).filter((id) => !(id in CATALOGUE));
    expect(unknown).toEqual([]);
  });

  test("names each function by its upper-case id, at least 3 characters long and unlike a cell reference", () => {
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect({ id: f.id, problems: namingProblems(f.id) }).toEqual({ id: f.id, problems: [] });
    }
  });

  test("the naming rule flags short names and cell-reference look-alikes such as EVE1, NII2025 and R1C1 only", () => {
    expect(["EVE1", "NII2025", "XFD1048576", "R1C1", "RC", "DF"].map(namingProblems).every((p) => p.length > 0)).toBe(true);
    expect(["XFE1", "NII", "GAP", "A1048577", "DELTAEVE"].map(namingProblems)).toEqual([[], [], [], [], []]);
  });

  test("gives each landed function the parameter names, order and optional flags of docs/functions.md", () => {
    expect(landed().length).toBeGreaterThanOrEqual(4);
    for (const f of landed()) {
      const actual = f.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`);
      expect({ id: f.id, params: actual }).toEqual({ id: f.id, params: CATALOGUE[f.id].params });
    }
  });

  test("returns a spilling matrix from every table function and from DISCOUNT, ZERO and FWD, and a single value otherwise", () => {
    for (const f of landed()) {
      const result = f.result?.dimensionality === "matrix" ? "matrix" : "scalar";
      expect({ id: f.id, result }).toEqual({ id: f.id, result: CATALOGUE[f.id].result });
    }
  });

  test("declares every parameter that may receive a range as a matrix and every single-valued one as a scalar", () => {
    for (const f of functions) {
      for (const p of f.parameters) {
        expect({ id: f.id, param: p.name, known: p.name in DIMENSIONALITY }).toEqual({ id: f.id, param: p.name, known: true });
        expect({ id: f.id, param: p.name, dimensionality: p.dimensionality ?? "scalar", type: p.type ?? "any" }).toEqual({
          id: f.id,
          param: p.name,
          dimensionality: DIMENSIONALITY[p.name],
          type: "any",
        });
      }
    }
  });

  test("every input table of the schema names arguments that exist and take a range", () => {
    const accepted = Object.values(INPUT_TABLES as Record<string, InputTable>).flatMap((t) => t.acceptedBy);
    expect(accepted.length).toBeGreaterThan(0);
    for (const arg of accepted) {
      const params = functions.flatMap((f) => f.parameters.filter((p) => p.name === arg));
      expect({ arg, declared: params.length > 0, matrix: params.every((p) => p.dimensionality === "matrix") }).toEqual({ arg, declared: true, matrix: true });
    }
  });

  test("has no volatile, streaming or cancelable function (same inputs, same outputs; no recalc on every edit)", () => {
    for (const f of functions) {
      const options = f.options ?? {};
      expect({ id: f.id, volatile: !!options.volatile, stream: !!options.stream, cancelable: !!options.cancelable }).toEqual({
        id: f.id,
        volatile: false,
        stream: false,
        cancelable: false,
      });
    }
  });

  test("describes every function and parameter for Excel's formula autocomplete", () => {
    for (const f of functions) {
      expect({ id: f.id, description: (f.description ?? "").length > 0 }).toEqual({ id: f.id, description: true });
      for (const p of f.parameters) expect({ id: f.id, param: p.name, description: (p.description ?? "").length > 0 }).toEqual({ id: f.id, param: p.name, description: true });
    }
  });
});
