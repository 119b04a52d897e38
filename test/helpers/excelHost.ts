/**
 * The shipped add-in as Excel runs it, in Node: the built `dist/functions.js` is evaluated in a fresh
 * `vm` sandbox that provides what Excel's shared runtime provides (`CustomFunctions`, `Office`, a
 * read-only `Excel.run` answering the workbook's date system), its `CustomFunctions.associate` calls are
 * captured, and every call goes through `EmulatedExcel`, which marshals the arguments as
 * `dist/functions.json` declares them. Needs `npm run build` first (`npm test` does it).
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { EmulatedExcel, HostError, customFunctionsNamespace, type HostArg, type HostOptions, type MetadataFile, type Registered, type Shown } from "../../scripts/fake-host/excelHost";

export { HostError, HostContractViolation, type HostArg, type Shown } from "../../scripts/fake-host/excelHost";

/** The built add-in: dist/ (ALM_DIST points elsewhere, e.g. at a copy while dist/ is being rebuilt). */
const DIST = process.env.ALM_DIST ?? path.resolve(__dirname, "..", "..", "dist");

export interface LoadOptions extends HostOptions {
  /** The workbook's date system (Excel's "Use 1904 date system" option). Default 1900. */
  readonly dateSystem?: 1900 | 1904;
  /**
   * Whether `Excel.run` can tell the date system (false: an Excel without the API the functions ask,
   * so they cannot know). Default true.
   */
  readonly canReadDateSystem?: boolean;
}

/** Serial of a date in a workbook's date system, as Excel's DATE() gives it there. */
function serialIn(system: 1900 | 1904, y: number, m: number, d: number): number {
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return system === 1904 ? days - 1462 : days;
}

/** A minimal `Excel` namespace: `Excel.run` with `workbook.functions.date(y, m, d)` (ExcelApi 1.2). */
function fakeExcel(options: LoadOptions) {
  const system = options.dateSystem ?? 1900;
  return {
    run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
      const pending: (() => void)[] = [];
      const context = {
        workbook: {
          functions: {
            date(y: number, m: number, d: number) {
              if (options.canReadDateSystem === false) throw new Error("ApiNotFound: workbook.functions is not available");
              const result: { value?: number; error?: string; load(): unknown } = { load: () => result };
              pending.push(() => (result.value = serialIn(system, y, m, d)));
              return result;
            },
          },
        },
        sync: async () => {
          for (const f of pending.splice(0)) f();
        },
      };
      return batch(context);
    },
  };
}

let source: string | undefined;
let metadata: MetadataFile | undefined;

/** The functions.json Excel reads. */
export function distMetadata(): MetadataFile {
  metadata ??= JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as MetadataFile;
  return metadata;
}

/** Registrations of a fresh evaluation of dist/functions.js, and the sandbox's Office.onReady promise. */
export function loadBundle(options: LoadOptions = {}): { registered: Map<string, Registered>; ready: Promise<void> } {
  source ??= fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  const registered = new Map<string, Registered>();
  let resolveReady!: () => void;
  const onReadyCalled = new Promise<void>((r) => (resolveReady = r));
  const office = {
    onReady: (cb?: (info: unknown) => unknown) => {
      const info = { host: "Excel", platform: "PC" };
      const p = Promise.resolve().then(() => cb?.(info)).then(() => info);
      void p.then(() => resolveReady());
      return p;
    },
    context: { requirements: { isSetSupported: (name: string, version?: string) => name === "ExcelApi" && Number(version ?? "1.1") <= 1.12 } },
  };
  const sandbox: Record<string, unknown> = {
    CustomFunctions: customFunctionsNamespace(registered),
    Office: office,
    Excel: fakeExcel(options),
    console,
    setTimeout,
    clearTimeout,
    queueMicrotask,
  };
  sandbox.window = sandbox;
  sandbox.self = sandbox;
  vm.createContext(sandbox);
  vm.runInContext(source, sandbox, { filename: "dist/functions.js" });
  return { registered, ready: Promise.race([onReadyCalled, new Promise<void>((r) => setTimeout(r, 0))]) };
}

/** An emulated Excel over a fresh load of the shipped bundle. */
export function loadExcelHost(options: LoadOptions = {}): EmulatedExcel {
  const { registered } = loadBundle(options);
  return new EmulatedExcel(distMetadata(), registered, options);
}

let shared: EmulatedExcel | undefined;

/** The default host (1900 date system, empty cells as null), loaded once per test file. */
export function excelHost(): EmulatedExcel {
  shared ??= loadExcelHost();
  return shared;
}

/** Arguments are typed loosely: a test may pass any JS value a formula could produce, even wrong ones. */
type Caller = (...args: unknown[]) => Promise<any>;

/**
 * `excel.GAP(a, b, …)`: calls ALM.GAP through the emulated host. Arguments as a formula writes them: a
 * 2-D array is a range, a plain value a single value, `null`/`undefined` an omitted argument (trailing
 * ones may be left out). Resolves to what Excel shows; a whole-result error rejects with a HostError.
 */
export function hostFunctions(host?: EmulatedExcel): Record<string, Caller> {
  return new Proxy({} as Record<string, Caller>, {
    get: (_, id: string) => (...args: unknown[]) => (host ?? excelHost()).call(id, trimOmitted(args as HostArg[])),
  });
}

/** Omitted arguments (`null`/`undefined`) become `undefined`; trailing ones are dropped. */
function trimOmitted(args: HostArg[]): HostArg[] {
  const out = args.map((a) => (a === null ? undefined : a));
  while (out.length > 0 && out[out.length - 1] === undefined) out.pop();
  return out;
}

/** The shared host's functions, for `const { GAP } = excel;`. */
export const excel: Record<string, Caller> = hostFunctions();

/** The Excel error a host call rejects with; fails the test when the call resolves. */
export async function rejected(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await call;
  } catch (e) {
    if (e instanceof HostError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error("expected an Excel error from the call");
}

export type { Shown as HostResult };
