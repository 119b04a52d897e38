/**
 * An emulated Excel calculation host for the shipped custom functions. Excel never calls our TypeScript:
 * it loads `functions.js`, takes what the bundle registers with `CustomFunctions.associate`, reads
 * `functions.json`, and passes each argument as that metadata declares it. This module does the same,
 * so a wrong declaration fails here instead of in Excel:
 *
 * - a range (any 2-D array) given to a `matrix` parameter arrives whole, row-major; a single value
 *   given to it arrives as `[[v]]`;
 * - a single value given to a scalar parameter arrives as is, a 1×1 range as its value, and a larger
 *   range is *lifted*: the function is called once per cell and the results spill in the range's shape
 *   (ranges of different shapes broadcast as Excel does, `#N/A` outside the smaller one);
 * - an omitted argument arrives as `null`; an empty cell as `null` or `""` (`emptyCell`, both occur in
 *   Excel builds); the invocation object comes last;
 * - an error value in an argument is returned without calling the function;
 * - the result is awaited (`#BUSY!` meanwhile), and checked as Excel would show it: a thrown
 *   `CustomFunctions.Error` becomes its code and message, anything else thrown becomes `#VALUE!`, and a
 *   result Excel could not show as meant (a matrix from a scalar function, `NaN`, `null` cells, ragged
 *   rows, foreign objects) is a contract violation that fails the caller loudly.
 *
 * Pure TypeScript with no Node or DOM API: the Node tests load the bundle in a `vm` sandbox
 * (test/helpers/excelHost.ts) and the browser fake host takes the page's own registrations.
 */

/** The parts of a functions.json entry Excel reads to call a function. */
export interface FunctionMetadata {
  readonly id: string;
  readonly name: string;
  readonly parameters: readonly { readonly name: string; readonly dimensionality?: string; readonly optional?: boolean; readonly type?: string }[];
  readonly result?: { readonly dimensionality?: string };
}

export interface MetadataFile {
  readonly functions: readonly FunctionMetadata[];
}

/** An Excel error value: as an argument (a cell showing an error) or in a result. */
export class HostError {
  constructor(
    readonly code: string,
    readonly message = ""
  ) {}
}

/** A cell value as a formula sees it; objects are data types (`{ type, basicValue, … }`) or errors. */
export type HostCell = number | string | boolean | null | HostError | Record<string, unknown>;
/** An argument as written in a formula: a single value, a range (row-major), or omitted. */
export type HostArg = HostCell | HostCell[][] | undefined;
/** What a cell shows: a value, or an error. */
export type ShownCell = number | string | boolean | HostError;
export type Shown = ShownCell | ShownCell[][];

/** A result Excel would not show as the function meant: always a bug of ours, never a user error. */
export class HostContractViolation extends Error {
  constructor(id: string, what: string) {
    super(`ALM.${id} breaks the Excel host contract: ${what}`);
    this.name = "HostContractViolation";
  }
}

export interface HostOptions {
  /** What an empty cell inside a range arrives as (Excel builds differ). Default `null`. */
  readonly emptyCell?: null | "";
  /** How long a pending result may stay `#BUSY!` before the call fails. Default 60 s. */
  readonly timeoutMs?: number;
}

export type Registered = (...args: unknown[]) => unknown;

const isRange = (a: HostArg): a is HostCell[][] => Array.isArray(a);

/** The code of a `CustomFunctions.Error` (or our HostError) thrown or returned by the bundle. */
function errorCode(value: unknown): { code: string; message: string } | undefined {
  if (value instanceof HostError) return { code: value.code, message: value.message };
  if (typeof value !== "object" || value === null) return undefined;
  const code = (value as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("#")) return undefined;
  const message = (value as { message?: unknown }).message;
  return { code, message: typeof message === "string" ? message : "" };
}

export class EmulatedExcel {
  private readonly byId: Map<string, FunctionMetadata>;

  constructor(
    metadata: MetadataFile,
    private readonly registered: ReadonlyMap<string, Registered>,
    private readonly options: HostOptions = {}
  ) {
    this.byId = new Map(metadata.functions.map((f) => [f.id.toUpperCase(), f]));
  }

  /** The ids declared in functions.json. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  metadata(id: string): FunctionMetadata {
    const meta = this.byId.get(id.toUpperCase());
    if (!meta) throw new HostContractViolation(id, "it is not declared in functions.json (Excel shows #NAME?)");
    return meta;
  }

  /**
   * Calls `ALM.<id>(args…)` as Excel would and resolves to what the cell (or its spill) shows. A
   * whole-result error rejects with a HostError; a contract violation rejects with HostContractViolation.
   */
  async call(id: string, args: readonly HostArg[]): Promise<Shown> {
    const meta = this.metadata(id);
    const fn = this.registered.get(meta.id);
    if (!fn) throw new HostContractViolation(id, "declared in functions.json but never associated (Excel shows #N/A)");
    if (args.length > meta.parameters.length) throw new HostError("#VALUE!", `ALM.${meta.id} takes at most ${meta.parameters.length} arguments`);
    const required = meta.parameters.filter((p) => !p.optional).length;
    if (args.length < required) throw new HostError("#N/A", `ALM.${meta.id} needs ${required} arguments (Excel refuses the formula)`);

    // An error in any argument is the result; the function is not called.
    for (const a of args) {
      const err = isRange(a) ? a.flat().find((c) => c instanceof HostError) : a instanceof HostError ? a : undefined;
      if (err) throw err;
    }

    const lifted = meta.parameters.map((p, i) => p.dimensionality !== "matrix" && isRange(args[i]) && !this.single(args[i]));
    if (!lifted.some(Boolean)) return this.once(meta, fn, args);

    // Lifting: one call per cell of the ranges given to scalar parameters, broadcast to one shape.
    const shapes = args.map((a, i) => (lifted[i] ? [(a as HostCell[][]).length, (a as HostCell[][])[0].length] : [1, 1]));
    const rows = Math.max(...shapes.map((s) => s[0]));
    const cols = Math.max(...shapes.map((s) => s[1]));
    const out: ShownCell[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: ShownCell[] = [];
      for (let c = 0; c < cols; c++) {
        let outside = false;
        const cellArgs = args.map((a, i): HostArg => {
          if (!lifted[i]) return a;
          const m = a as HostCell[][];
          const rr = m.length === 1 ? 0 : r;
          const cc = m[0].length === 1 ? 0 : c;
          if (rr >= m.length || cc >= m[0].length) outside = true;
          return outside ? null : m[rr][cc];
        });
        if (outside) {
          row.push(new HostError("#N/A"));
          continue;
        }
        try {
          const v = await this.once(meta, fn, cellArgs);
          if (Array.isArray(v)) {
            // Excel's lifting keeps one value per cell; a nested array shows #CALC!.
            row.push(v.length === 1 && v[0].length === 1 ? v[0][0] : new HostError("#CALC!", "nested arrays are not supported"));
          } else row.push(v);
        } catch (e) {
          if (e instanceof HostError) row.push(e);
          else throw e;
        }
      }
      out.push(row);
    }
    return out;
  }

  private single(a: HostArg): boolean {
    return isRange(a) && a.length === 1 && a[0].length === 1;
  }

  /** Marshals one argument list, calls the registered function once and checks what it gives back. */
  private async once(meta: FunctionMetadata, fn: Registered, args: readonly HostArg[]): Promise<Shown> {
    const empty = this.options.emptyCell === undefined ? null : this.options.emptyCell;
    const cell = (v: HostCell): unknown => (v === null ? empty : v);
    const marshalled = meta.parameters.map((p, i) => {
      const a = args[i];
      if (a === undefined) return null;
      if (p.dimensionality === "matrix") return isRange(a) ? a.map((row) => row.map(cell)) : [[a === null ? empty : a]];
      if (isRange(a)) return cell(a[0][0]);
      return a;
    });
    const invocation = { functionName: meta.id, address: "Sheet1!A1", parameterAddresses: [] as string[] };
    let value: unknown;
    try {
      value = await this.settle(meta.id, () => fn(...marshalled, invocation));
    } catch (e) {
      const err = errorCode(e);
      if (e instanceof HostContractViolation) throw e;
      // Excel shows #VALUE! for any other exception, without a message.
      throw err ? new HostError(err.code, err.message) : new HostError("#VALUE!", "");
    }
    return this.shown(meta, value);
  }

  private settle(id: string, run: () => unknown): Promise<unknown> {
    const timeout = this.options.timeoutMs ?? 60_000;
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new HostContractViolation(id, `still #BUSY! after ${timeout} ms: its Promise never settled`)), timeout);
      const done = (f: () => void) => {
        clearTimeout(timer);
        f();
      };
      try {
        Promise.resolve(run()).then(
          (v) => done(() => resolve(v)),
          (e) => done(() => reject(e))
        );
      } catch (e) {
        done(() => reject(e));
      }
    });
  }

  /** What the cell shows for a returned value, or a contract violation. */
  private shown(meta: FunctionMetadata, value: unknown): Shown {
    const matrix = meta.result?.dimensionality === "matrix";
    if (!matrix) {
      if (Array.isArray(value)) throw new HostContractViolation(meta.id, "returned an array but functions.json declares a single value");
      return this.shownCell(meta.id, value);
    }
    if (!Array.isArray(value) || value.length === 0 || !value.every((r) => Array.isArray(r) && r.length > 0)) {
      throw new HostContractViolation(meta.id, `declares a matrix result but returned ${JSON.stringify(value)?.slice(0, 80)}`);
    }
    const width = (value[0] as unknown[]).length;
    return (value as unknown[][]).map((row, i) => {
      if (row.length !== width) throw new HostContractViolation(meta.id, `row ${i + 1} of the result has ${row.length} cells, row 1 has ${width}`);
      return row.map((v) => this.shownCell(meta.id, v));
    });
  }

  private shownCell(id: string, v: unknown): ShownCell {
    if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new HostContractViolation(id, `returned ${v}, which Excel cannot show`);
      return v;
    }
    if (typeof v === "string" || typeof v === "boolean") return v;
    const err = errorCode(v);
    if (err) return new HostError(err.code, err.message);
    throw new HostContractViolation(id, `returned ${v === null ? "null (Excel shows 0)" : String(v)} in a cell`);
  }
}

/** Excel's `CustomFunctions` namespace as the bundle expects it, recording each association. */
export function customFunctionsNamespace(registered: Map<string, Registered>) {
  const ErrorCode = {
    invalidValue: "#VALUE!",
    notAvailable: "#N/A",
    divisionByZero: "#DIV/0!",
    invalidNumber: "#NUM!",
    nullReference: "#NULL!",
    invalidName: "#NAME?",
    invalidReference: "#REF!",
  } as const;
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string
    ) {
      super(message ?? "");
      this.name = "CustomFunctions.Error";
    }
  }
  return {
    associate(idOrMap: string | Record<string, Registered>, fn?: Registered): void {
      if (typeof idOrMap === "string") {
        if (typeof fn !== "function") throw new Error(`CustomFunctions.associate("${idOrMap}") without a function`);
        registered.set(idOrMap.toUpperCase(), fn);
      } else for (const [id, f] of Object.entries(idOrMap)) registered.set(id.toUpperCase(), f);
    },
    Error: CustomFunctionsError,
    ErrorCode,
  };
}
