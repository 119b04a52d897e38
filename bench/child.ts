/**
 * The benchmark's worker process, bundled by bench/bundle.ts and started by bench/run.ts (one process
 * per size) or bench/profile.ts. Modes:
 *   run N RUNS KEY,KEY…       times each case on N rows and reports it to the parent over IPC
 *   profile KEY N RUNS FILE   CPU-profiles RUNS calls of one case and writes the profile to FILE
 */
import * as fs from "fs";
import { Session } from "node:inspector/promises";
import { BenchInputs, CASES, MissingFunction, available } from "./cases";
import { GAP_RUNS_1E6, median, type ChildMessage } from "./protocol";

const MB = 1024 * 1024;

const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Resets the kernel's peak-RSS mark of this process (Linux ≥ 4.0); false where not possible. */
function resetPeak(): boolean {
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** Peak resident memory in MB: VmHWM since the last reset, else the process's maximum. */
function peakRssMb(): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

function runCases(n: number, runs: number, keys: string[]): void {
  const send = (m: ChildMessage) => process.send!(m);
  const inputs = new BenchInputs(n);
  let scope: "case" | "process" = "case";
  /** Highest peak seen in the process, across resets of the kernel's mark. */
  let processPeak = 0;
  keys.forEach((key, index) => {
    const spec = CASES.find((c) => c.key === key)!;
    const base = { key, label: spec.label };
    const repeat = key === "GAP" && n >= 1e6 ? Math.max(runs, GAP_RUNS_1E6) : runs;
    try {
      if (spec.needs && !available(spec.needs)) throw new MissingFunction(spec.needs);
      const t0 = performance.now();
      spec.prepare(inputs);
      const prepareMs = performance.now() - t0;
      if (n < 1e6) spec.run(inputs); // one untimed warm-up: the median is of compiled code, not of the JIT at work
      gc();
      processPeak = Math.max(processPeak, peakRssMb());
      if (!resetPeak()) scope = "process";
      const baselineRssMb = process.memoryUsage().rss / MB;
      const timesMs: number[] = [];
      const cpuMs: number[] = [];
      for (let r = 0; r < repeat; r++) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        let result: unknown = spec.run(inputs);
        timesMs.push(performance.now() - start);
        const used = process.cpuUsage(cpu);
        cpuMs.push((used.user + used.system) / 1000);
        result = undefined;
        void result;
        gc();
      }
      const peak = peakRssMb();
      processPeak = Math.max(processPeak, peak);
      send({ type: "case", result: { ...base, status: "ok", timesMs, medianMs: median(timesMs), cpuMs, prepareMs, baselineRssMb, peakRssMb: peak } });
    } catch (error) {
      if (error instanceof MissingFunction) send({ type: "case", result: { ...base, status: "missing", message: `not available yet (${error.message})` } });
      else {
        const e = error as { code?: string; message?: string };
        send({ type: "case", result: { ...base, status: "error", message: `${e.code ?? "error"}: ${e.message ?? String(error)}` } });
      }
    }
    inputs.release(new Set(keys.slice(index + 1).flatMap((k) => CASES.find((c) => c.key === k)!.uses)));
    gc();
  });
  const done: ChildMessage = { type: "done", peakScope: scope, processPeakRssMb: Math.max(processPeak, peakRssMb()) };
  process.send!(done, () => process.exit(0));
}

async function profileCase(key: string, n: number, runs: number, file: string): Promise<void> {
  const spec = CASES.find((c) => c.key === key)!;
  const inputs = new BenchInputs(n);
  spec.prepare(inputs);
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  const started = performance.now();
  for (let r = 0; r < runs; r++) spec.run(inputs);
  const elapsedMs = performance.now() - started;
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  fs.writeFileSync(file, JSON.stringify(profile));
  console.log(JSON.stringify({ elapsedMs }));
}

const [mode, ...rest] = process.argv.slice(2);
if (require.main === module && mode === "run") runCases(Number(rest[0]), Number(rest[1]), rest[2].split(",").filter(Boolean));
if (require.main === module && mode === "profile") {
  profileCase(rest[0], Number(rest[1]), Number(rest[2]), rest[3]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
