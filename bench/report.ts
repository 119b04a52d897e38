/**
 * `npx tsx bench/report.ts [bench/results/latest.json]` — the benchmark results as markdown tables
 * (medians per size, growth per 10× rows, peak memory, targets), for docs/performance.md.
 */
import * as fs from "fs";
import * as path from "path";
import { CASES } from "./cases";
import type { CaseResult } from "./protocol";

interface Results {
  mode: string;
  revision?: string;
  machine: { cpuModel: string; cores: number; node: string; platform: string; totalMemoryGb: number; loadAverageStart: number[]; loadAverageEnd: number[] };
  totalSeconds: number;
  sizes: { n: number; runs: number; cases: CaseResult[]; processPeakRssMb?: number }[];
  skipped: string[];
  growth: Record<string, Record<string, number>>;
  deltaEveOverEve: Record<string, { wall: number; cpu: number }>;
  targets: { name: string; limit: string; actual: string; pass: boolean | null }[];
}

const power = (n: number) => `10^${Math.round(Math.log10(n))}`;
const ms = (x?: number) => (x === undefined ? "" : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

export function markdown(r: Results): string {
  const out: string[] = [];
  const steps = [...new Set(Object.values(r.growth).flatMap((g) => Object.keys(g)))].sort();
  out.push(`| case | ${r.sizes.map((s) => `${power(s.n)} (${s.runs} runs)`).join(" | ")} | ${steps.map((s) => `× ${s}`).join(" | ")} |`);
  out.push(`|---|${r.sizes.map(() => "---:").join("|")}|${steps.map(() => "---:").join("|")}|`);
  for (const spec of CASES) {
    const cells = r.sizes.map((s) => {
      const c = s.cases.find((x) => x.key === spec.key);
      if (!c) return "skipped";
      return c.status === "ok" ? `${ms(c.medianMs)} ms (cpu ${ms(median(c.cpuMs!))})` : c.status;
    });
    out.push(`| ${spec.label} | ${cells.join(" | ")} | ${steps.map((k) => (r.growth[spec.key]?.[k] ? `${r.growth[spec.key][k].toFixed(1)}×` : "")).join(" | ")} |`);
  }
  out.push("", `| case | ${r.sizes.map((s) => `peak RSS ${power(s.n)}`).join(" | ")} |`, `|---|${r.sizes.map(() => "---:").join("|")}|`);
  for (const spec of CASES) {
    out.push(`| ${spec.label} | ${r.sizes.map((s) => ms(s.cases.find((x) => x.key === spec.key && x.status === "ok")?.peakRssMb)).map((x) => (x ? `${x} MB` : "")).join(" | ")} |`);
  }
  out.push(`| whole process (inputs generated, every case) | ${r.sizes.map((s) => (s.processPeakRssMb ? `${s.processPeakRssMb.toFixed(0)} MB` : "")).join(" | ")} |`);
  out.push("", "| target | limit | measured | |", "|---|---|---|---|");
  for (const t of r.targets) out.push(`| ${t.name} | ${t.limit} | ${t.actual} | ${t.pass === null ? "n/a" : t.pass ? "pass" : "**miss**"} |`);
  out.push("", ...Object.entries(r.deltaEveOverEve).map(([n, x]) => `- DELTAEVE / EVE at ${n}: ${x.wall.toFixed(2)}× wall, ${x.cpu.toFixed(2)}× CPU`));
  out.push(...r.skipped.map((s) => `- skipped: ${s}`));
  out.push(`- machine: ${r.machine.cores} × ${r.machine.cpuModel}, ${r.machine.totalMemoryGb} GB, node ${r.machine.node}, ${r.machine.platform}; load average ${r.machine.loadAverageStart.join(" ")} at the start, ${r.machine.loadAverageEnd.join(" ")} at the end; ${r.totalSeconds.toFixed(0)} s in all; revision ${r.revision ?? "unknown"}`);
  return out.join("\n");
}

if (require.main === module) {
  const file = process.argv[2] ?? path.join(__dirname, "results", "latest.json");
  console.log(markdown(JSON.parse(fs.readFileSync(file, "utf8")) as Results));
}
