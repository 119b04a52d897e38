/**
 * The whole-table functions registered with Excel run in dist/functions-worker.js (src/functions/offload.ts).
 * Here the built worker bundle runs in a sandbox standing in for a browser worker, messages cross it by
 * structured clone as they would between threads (the arguments as JSON text, as offload sends them), and
 * every result must equal functionsById's, bit for bit — extreme numbers and ISO-text dates included.
 */
import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { functionsById } from "../../src/functions/index";
import { isExcelError } from "../../src/functions/excelError";
import { SAMPLE_AS_OF, SAMPLE_CURVES, SAMPLE_TIER1, positionsIn } from "../../src/sample/sampleBank";

const bundle = fs.readFileSync(path.join(__dirname, "..", "..", "dist", "functions-worker.js"), "utf8");

/** A Worker whose script is the built bundle, run in its own context; messages are structured clones. */
class BundleWorker {
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  readonly scripts: string[] = [];
  private readonly scope: { onmessage: ((e: { data: unknown }) => void) | null; postMessage(m: unknown): void };

  constructor(script: string) {
    this.scripts.push(script);
    const scope: any = { onmessage: null, postMessage: (m: unknown) => setTimeout(() => this.onmessage?.({ data: structuredClone(m) }), 0) };
    scope.self = scope;
    scope.globalThis = scope;
    vm.createContext(scope);
    vm.runInContext(bundle, scope);
    this.scope = scope;
  }

  postMessage(message: unknown): void {
    const data = structuredClone(message);
    setTimeout(() => this.scope.onmessage?.({ data }), 0);
  }

  terminate(): void {}
}

const usd = positionsIn("USD");
const curve = SAMPLE_CURVES.USD.map((r) => [...r]);

const calls: [string, unknown[]][] = [
  ["DELTAEVE", [usd, SAMPLE_AS_OF, curve, "USD", null, null, null]],
  ["STANDARDEVE", [usd, SAMPLE_AS_OF, curve, "USD", null, "EU", SAMPLE_TIER1, null]],
  ["DELTANII", [usd, SAMPLE_AS_OF, curve, "USD", null, null, null, null]],
  ["EVE", [usd, SAMPLE_AS_OF, curve, "STEEPENER", "USD", null, null]],
  ["NII", [usd, SAMPLE_AS_OF, curve, "PARALLEL_UP", "USD", null, 6, null]],
  ["REPRICINGGAP", [usd, SAMPLE_AS_OF, null, null]],
  ["LIQUIDITYGAP", [usd, SAMPLE_AS_OF, "MONTHLY", null]],
  ["CASHFLOWS", [usd, SAMPLE_AS_OF, "REPRICING", null, null]],
  ["GAP", [[[100.25], [-50.5], [null], [0.07]], [[SAMPLE_AS_OF + 10], [SAMPLE_AS_OF + 400], [null], [SAMPLE_AS_OF]], SAMPLE_AS_OF, null, null, null]],
  ["GAP", [[[1e-300], [5e-324], [123456789.123456], [-0.1]], [[SAMPLE_AS_OF + 1], ["2027-02-28"], [SAMPLE_AS_OF + 0.75], [SAMPLE_AS_OF + 9000]], SAMPLE_AS_OF, "MONTHLY", null, false]],
  ["KRD", [[[5], [105]], [[SAMPLE_AS_OF + 365], [SAMPLE_AS_OF + 730]], SAMPLE_AS_OF, curve, null, null]],
];

describe("whole-table functions offloaded to the built Web Worker", () => {
  const g = globalThis as any;
  const created: BundleWorker[] = [];
  let offloadModule: typeof import("../../src/functions/offload");
  let adapters: Record<string, (...a: unknown[]) => Promise<unknown>>;

  beforeAll(async () => {
    g.document = {};
    g.Worker = class extends BundleWorker {
      constructor(script: string) {
        super(script);
        created.push(this);
      }
    };
    jest.resetModules();
    offloadModule = await import("../../src/functions/offload");
    const cashflows = await import("../../src/functions/adapters/cashflows");
    const gap = await import("../../src/functions/adapters/gap");
    const irrbb = await import("../../src/functions/adapters/irrbb");
    adapters = {
      DELTAEVE: irrbb.deltaeve, STANDARDEVE: irrbb.standardeve, DELTANII: irrbb.deltanii, EVE: irrbb.eveFn, NII: irrbb.niiFn,
      REPRICINGGAP: gap.repricinggap, LIQUIDITYGAP: gap.liquiditygap, GAP: gap.gap, CASHFLOWS: cashflows.cashflows, KRD: cashflows.krd,
    } as any;
  });

  afterAll(() => {
    delete g.document;
    delete g.Worker;
  });

  it.each(calls)("ALM.%s gives in the worker exactly what functionsById gives inline", async (id, args) => {
    const inline = (functionsById as any)[id](...args);
    const offloaded = await adapters[id](...args);
    expect(created.length).toBe(1);
    expect(created[0].scripts).toEqual([offloadModule.WORKER_SCRIPT]);
    const plain = (v: unknown): unknown => (Array.isArray(v) ? v.map(plain) : isExcelError(v) ? { code: v.code, message: v.message } : v);
    expect(plain(offloaded)).toEqual(plain(inline));
  });

  it("rejects with the same Excel error the inline call throws", async () => {
    const args = [[["Balance"], [1]], SAMPLE_AS_OF, null, null];
    let inline: any;
    try {
      (functionsById as any).REPRICINGGAP(...args);
    } catch (e) {
      inline = e;
    }
    await expect(adapters.REPRICINGGAP(...args)).rejects.toMatchObject({ code: inline.code, message: inline.message });
    expect(inline.message).toMatch(/required column "Rate"/);
  });
});

describe("offload without a Worker (plain Node)", () => {
  it("runs inline and resolves to the same value", async () => {
    jest.resetModules();
    const { offload } = await import("../../src/functions/offload");
    await expect(offload("X", [], () => 42)).resolves.toBe(42);
    await expect(offload("X", [], () => { throw Object.assign(new Error("bad"), { code: "#VALUE!" }); })).rejects.toMatchObject({ code: "#VALUE!" });
  });
});

describe("a worker that dies with calls in flight", () => {
  const g = globalThis as any;
  let sent: unknown[] = [];
  const workers: { onerror: ((e: unknown) => void) | null }[] = [];

  beforeAll(() => {
    g.document = {};
    // A worker that accepts messages and never answers, until the test kills it.
    g.Worker = class {
      onmessage: ((e: { data: unknown }) => void) | null = null;
      onerror: ((e: unknown) => void) | null = null;
      onmessageerror: ((e: unknown) => void) | null = null;
      constructor() {
        workers.push(this);
      }
      postMessage(m: unknown) {
        sent.push(m);
      }
      terminate() {}
    };
  });

  afterAll(() => {
    delete g.document;
    delete g.Worker;
  });

  it("settles every pending call with exactly what the inline call gives, errors included, and then runs inline", async () => {
    jest.resetModules();
    sent = [];
    const gap = (await import("../../src/functions/adapters/gap")) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const { functionsById: byId } = await import("../../src/functions/index");
    const good = [usd, SAMPLE_AS_OF, "MONTHLY", null] as const;
    const bad = [[["Balance"], [1]], SAMPLE_AS_OF, null, null] as const;
    const settled: { ok: boolean; value: unknown }[] = [];
    const track = (p: Promise<unknown>) =>
      p.then(
        (value) => settled.push({ ok: true, value }),
        (value) => settled.push({ ok: false, value })
      );
    const calls = [track(gap.repricinggap(...good)), track(gap.repricinggap(...bad)), track(gap.liquiditygap(...good))];
    await new Promise((r) => setTimeout(r, 5));
    expect(sent.length).toBe(3);
    expect(settled).toEqual([]); // #BUSY! while the worker holds them

    expect(workers.length).toBe(1);
    workers[0].onerror!(new Error("worker crashed"));
    await Promise.all(calls);

    const plain = (v: unknown): unknown => (Array.isArray(v) ? v.map(plain) : isExcelError(v) ? { code: v.code, message: v.message } : v);
    let inlineError: any;
    try {
      byId.REPRICINGGAP(...bad);
    } catch (e) {
      inlineError = e;
    }
    expect(settled.map((s) => s.ok)).toEqual([true, false, true]);
    expect(plain(settled[0].value)).toEqual(plain(byId.REPRICINGGAP(...good)));
    expect(plain(settled[1].value)).toEqual(plain(inlineError));
    expect(inlineError.message).toMatch(/required column "Rate"/);
    expect(plain(settled[2].value)).toEqual(plain(byId.LIQUIDITYGAP(...good)));

    // After the failure no new call waits on the dead worker.
    sent = [];
    await expect(gap.repricinggap(...good).then(plain)).resolves.toEqual(plain(byId.REPRICINGGAP(...good)));
    expect(sent).toEqual([]);
  });
});
