/**
 * `npm run bench` — times the heavy ALM.* functions on generated portfolios of 10^4, 10^5 and 10^6
 * positions (rows of amounts for ALM.GAP), called through functionsById exactly as Excel calls them,
 * and reports the median of several runs (after one untimed warm-up below 10^6), peak memory, growth
 * with size and the performance targets.
 * Each size runs in its own child process (node --expose-gc) on an esbuild bundle of the code, as the
 * add-in ships it (bench/bundle.ts), so sizes do not share a heap and each case's peak resident memory
 * can be read from the kernel (VmHWM, reset before each case).
 *
 *   npm run bench               full run (a few minutes on 2 cores); writes bench/results/latest.json
 *   npm run bench -- --quick    10^4 and 10^5 only, fewer runs; writes bench/results/quick.json
 *   npm run bench -- --only=GAP,DELTAEVE --sizes=1e5
 */
import { execSync, fork } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { buildChild } from "./bundle";
import { CASES } from "./cases";
import { GAP_RUNS_1E6, median, type CaseResult, type ChildMessage } from "./protocol";

/** Longest a single call at 10^6 may be expected to take before the case is skipped at that size. */
const LIMIT_MS = 60_000;
const FULL_RUNS: Record<number, number> = { 1e4: 5, 1e5: 3, 1e6: 2 };
const QUICK_RUNS: Record<number, number> = { 1e4: 3, 1e5: 1, 1e6: 1 };

interface SizeResult {
  n: number;
  runs: number;
  /** Peak scope: "case" when VmHWM could be reset before each case, else "process" (peak so far). */
  peakScope: "case" | "process";
  processPeakRssMb?: number;
  cases: CaseResult[];
}

/** Parent: one child process per size, collecting its case results as they arrive. */
function runSize(bundle: string, n: number, runs: number, keys: string[], onCase: (r: CaseResult) => void): Promise<SizeResult> {
  return new Promise((resolve, reject) => {
    const child = fork(bundle, ["run", String(n), String(runs), keys.join(",")], { execArgv: ["--expose-gc", "--max-old-space-size=6144"] });
    const size: SizeResult = { n, runs, peakScope: "process", cases: [] };
    child.on("message", (m: ChildMessage) => {
      if (m.type === "case") {
        size.cases.push(m.result);
        onCase(m.result);
      } else {
        size.peakScope = m.peakScope;
        size.processPeakRssMb = m.processPeakRssMb;
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(size);
      else {
        for (const key of keys.filter((k) => !size.cases.some((c) => c.key === k))) {
          const r: CaseResult = { key, label: CASES.find((c) => c.key === key)!.label, status: "error", message: `the child process exited with code ${code} (out of memory?)` };
          size.cases.push(r);
          onCase(r);
        }
        resolve(size);
      }
    });
  });
}

const power = (n: number) => `10^${Math.round(Math.log10(n))}`;
const fmtMs = (ms?: number) => (ms === undefined ? "" : ms >= 100 ? ms.toFixed(0) : ms.toFixed(1));

/** The commit measured, and whether the work tree had uncommitted changes. */
function revision(): string {
  try {
    const head = execSync("git rev-parse --short HEAD", { cwd: __dirname, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const dirty = execSync("git status --porcelain", { cwd: __dirname, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() !== "";
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

function machine() {
  let cpuModel = os.cpus()[0]?.model ?? "unknown";
  try {
    cpuModel = /model name\s*:\s*(.*)/.exec(fs.readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpuModel;
  } catch {
    // not Linux
  }
  return { cpuModel, cores: os.cpus().length, node: process.version, platform: `${os.platform()} ${os.release()}`, totalMemoryGb: +(os.totalmem() / 1024 ** 3).toFixed(1) };
}

interface Target {
  name: string;
  limit: string;
  actual: string;
  pass: boolean | null;
}

function evaluate(sizes: SizeResult[]) {
  const find = (n: number, key: string) => sizes.find((s) => s.n === n)?.cases.find((c) => c.key === key && c.status === "ok");
  const growth: Record<string, Record<string, number>> = {};
  const growthCpu: Record<string, Record<string, number>> = {};
  for (const spec of CASES) {
    for (const [a, b] of [[1e4, 1e5], [1e5, 1e6]]) {
      const x = find(a, spec.key);
      const y = find(b, spec.key);
      if (!x || !y) continue;
      (growth[spec.key] ??= {})[`${power(a)}→${power(b)}`] = y.medianMs! / x.medianMs!;
      (growthCpu[spec.key] ??= {})[`${power(a)}→${power(b)}`] = median(y.cpuMs!) / median(x.cpuMs!);
    }
  }
  const eveRatio: Record<string, { wall: number; cpu: number }> = {};
  for (const s of sizes) {
    const eve = find(s.n, "EVE");
    const delta = find(s.n, "DELTAEVE");
    if (eve && delta) eveRatio[power(s.n)] = { wall: delta.medianMs! / eve.medianMs!, cpu: median(delta.cpuMs!) / median(eve.cpuMs!) };
  }
  const timeTarget = (name: string, n: number, key: string, limit: number): Target => {
    const r = find(n, key);
    return { name, limit: `≤ ${limit} ms`, actual: r ? `${fmtMs(r.medianMs)} ms` : "not measured", pass: r ? r.medianMs! <= limit : null };
  };
  const big = sizes.find((s) => s.n === 1e6);
  const positionPeaks = big?.cases.filter((c) => c.status === "ok" && CASES.find((x) => x.key === c.key)!.rows === "positions").map((c) => c.peakRssMb!) ?? [];
  const peak = big ? (big.peakScope === "case" && positionPeaks.length ? Math.max(...positionPeaks) : big.processPeakRssMb) : undefined;
  const linear = Object.entries(growth)
    .filter(([key]) => key !== "KRD")
    .flatMap(([key, g]) => Object.entries(g).map(([step, x]) => ({ key, step, x })));
  const worst = linear.reduce<{ key: string; step: string; x: number } | undefined>((w, g) => (!w || g.x > w.x ? g : w), undefined);
  const worstCpu = Object.entries(growthCpu)
    .filter(([key]) => key !== "KRD")
    .flatMap(([key, g]) => Object.entries(g).map(([step, x]) => ({ key, step, x })))
    .reduce<{ key: string; step: string; x: number } | undefined>((w, g) => (!w || g.x > w.x ? g : w), undefined);
  const targets: Target[] = [
    timeTarget("ALM.GAP, 10^6 rows", 1e6, "GAP", 300),
    timeTarget("flows for 10^5 mixed positions (repricing view)", 1e5, "flows", 500),
    timeTarget("ALM.DELTAEVE (seven curves), 10^5 positions", 1e5, "DELTAEVE", 1000),
    timeTarget("ALM.STANDARDEVE, 10^5 positions", 1e5, "STANDARDEVE", 800),
    { name: "peak memory, 10^6 positions", limit: "≤ 1536 MB", actual: peak ? `${peak.toFixed(0)} MB` : "not measured", pass: peak ? peak <= 1536 : null },
    {
      name: "linear growth (10× rows → time ×)",
      limit: "≤ 11×",
      actual: worst ? `worst ${worst.x.toFixed(1)}× (${worst.key}, ${worst.step}); in CPU time worst ${worstCpu!.x.toFixed(1)}× (${worstCpu!.key}, ${worstCpu!.step})` : "not measured",
      pass: worst ? linear.every((g) => g.x <= 11) : null,
    },
  ];
  return { growth, growthCpu, deltaEveOverEve: eveRatio, targets };
}

function printSummary(sizes: SizeResult[], evaluation: ReturnType<typeof evaluate>, skipped: string[]) {
  const ns = sizes.map((s) => s.n);
  const steps = [...new Set(Object.values(evaluation.growth).flatMap((g) => Object.keys(g)))].sort();
  const header = ["case", ...ns.map((n) => `${power(n)} ms`), ...steps.map((k) => `× ${k}`), "peak MB (largest)"];
  const rows = CASES.map((spec) => {
    const cells = ns.map((n) => {
      const r = sizes.find((s) => s.n === n)!.cases.find((c) => c.key === spec.key);
      if (!r) return "";
      return r.status === "ok" ? fmtMs(r.medianMs) : r.status;
    });
    const g = steps.map((k) => (evaluation.growth[spec.key]?.[k] ? evaluation.growth[spec.key][k].toFixed(1) : ""));
    const last = [...sizes].reverse().map((s) => s.cases.find((c) => c.key === spec.key && c.status === "ok")).find(Boolean);
    return [spec.label, ...cells, ...g, last?.peakRssMb ? last.peakRssMb.toFixed(0) : ""];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (cells: string[]) => cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${rows.map(line).join("\n")}`);
  for (const [n, r] of Object.entries(evaluation.deltaEveOverEve)) console.log(`DELTAEVE / EVE at ${n}: ${r.wall.toFixed(2)}× wall, ${r.cpu.toFixed(2)}× CPU (seven curves for the price of one EVE)`);
  for (const s of skipped) console.log(`skipped: ${s}`);
  console.log("\ntargets:");
  for (const t of evaluation.targets) console.log(`  ${t.pass === null ? "n/a " : t.pass ? "pass" : "MISS"}  ${t.name}: ${t.actual} (target ${t.limit})`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const sizes = (option("sizes")?.split(",").map(Number) ?? (quick ? [1e4, 1e5] : [1e4, 1e5, 1e6])).sort((a, b) => a - b);
  const only = option("only")?.split(",");
  const keys = CASES.filter((c) => !only || only.includes(c.key)).map((c) => c.key);
  const runsBySize = quick ? QUICK_RUNS : FULL_RUNS;
  const info = { ...machine(), loadAverageStart: os.loadavg().map((x) => +x.toFixed(2)) };
  console.log(`ALM bench (${quick ? "quick" : "full"}): ${info.cores} × ${info.cpuModel}, node ${info.node}, ${info.totalMemoryGb} GB; load average ${info.loadAverageStart.join(" ")}`);
  const started = performance.now();
  const bundle = buildChild();
  const results: SizeResult[] = [];
  const skipped: string[] = [];
  for (const n of sizes) {
    const runs = runsBySize[n] ?? 1;
    const selected = keys.filter((key) => {
      const spec = CASES.find((c) => c.key === key)!;
      if (n < 1e6 || spec.at1e6 === "always") return true;
      const below = results.find((s) => s.n === n / 10)?.cases.find((c) => c.key === key && c.status === "ok");
      const estimate = below ? below.medianMs! * 10 : undefined;
      if (estimate !== undefined && estimate <= LIMIT_MS) return true;
      skipped.push(`${spec.label} at ${power(n)}: ${estimate === undefined ? `no ${power(n / 10)} measurement to estimate from` : `estimated ${(estimate / 1000).toFixed(0)} s (10 × the ${power(n / 10)} median) > ${LIMIT_MS / 1000} s`}`);
      return false;
    });
    console.log(`\n${power(n)} ${n >= 1e6 ? "positions / rows" : "positions / rows"}: ${runs} run(s) per case${n >= 1e6 && selected.includes("GAP") ? ` (${GAP_RUNS_1E6} for GAP)` : ""}`);
    const size = await runSize(bundle, n, runs, selected, (r) => {
      const detail =
        r.status === "ok"
          ? `${fmtMs(r.medianMs).padStart(8)} ms  [${r.timesMs!.map(fmtMs).join(", ")}]  cpu ${fmtMs(median(r.cpuMs!))} ms  peak ${r.peakRssMb!.toFixed(0)} MB`
          : `${r.status}: ${r.message}`;
      console.log(`  ${r.label.padEnd(46)} ${detail}`);
    });
    results.push(size);
  }
  const evaluation = evaluate(results);
  printSummary(results, evaluation, skipped);
  const totalSeconds = (performance.now() - started) / 1000;
  const report = { mode: quick ? "quick" : "full", revision: revision(), machine: { ...info, loadAverageEnd: os.loadavg().map((x) => +x.toFixed(2)) }, totalSeconds: +totalSeconds.toFixed(1), limitMsAt1e6: LIMIT_MS, sizes: results, skipped, ...evaluation };
  const file = path.join(__dirname, "results", quick ? "quick.json" : "latest.json");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${totalSeconds.toFixed(0)} s in all; results in ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
