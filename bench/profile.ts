/**
 * `npx tsx bench/profile.ts CASE [SIZE] [RUNS] [TOP]` — CPU profile of one bench case (keys in
 * bench/cases.ts: flows, CASHFLOWS, REPRICINGGAP, STANDARDEVE, …) on a generated portfolio, run on the
 * same bundle as the benchmark, summarised as the functions with the most self time at their
 * TypeScript file:line (mapped back through the bundle's source map). The raw profile is kept in
 * bench/results/CASE-SIZE.cpuprofile for Chrome DevTools (Performance → Load profile).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import { SourceMap } from "module";
import * as path from "path";
import { buildChild } from "./bundle";
import { CASES } from "./cases";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame }[];
  samples: number[];
  timeDeltas: number[];
}

export interface Hotspot {
  readonly name: string;
  /** Source file:line (1-based) where the function starts, relative to the repository. */
  readonly location: string;
  readonly selfMs: number;
  readonly share: number;
}

const ROOT = path.resolve(__dirname, "..");

/** Self time per function, summed over every call path, largest first; `locate` maps a frame to file:line. */
export function hotspots(profile: CpuProfile, locate: (frame: CallFrame) => string): Hotspot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const merged = new Map<string, { name: string; location: string; micros: number }>();
  for (const [id, micros] of self) {
    const frame = byId.get(id)!.callFrame;
    const name = frame.functionName || "(anonymous)";
    const location = locate(frame);
    const key = `${name}@${location}`;
    const entry = merged.get(key) ?? { name, location, micros: 0 };
    entry.micros += micros;
    merged.set(key, entry);
  }
  return [...merged.values()].sort((a, b) => b.micros - a.micros).map((e) => ({ name: e.name, location: e.location, selfMs: e.micros / 1000, share: total ? e.micros / total : 0 }));
}

/** Maps frames of the bundle to their TypeScript sources; other frames keep their own url. */
function locator(bundle: string): (frame: CallFrame) => string {
  const map = new SourceMap(JSON.parse(fs.readFileSync(`${bundle}.map`, "utf8")));
  const bundleUrl = new URL(`file://${bundle}`).href;
  return (frame) => {
    if (!frame.url) return "(native)";
    if (frame.url !== bundleUrl && frame.url !== bundle) return frame.url;
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string; originalLine?: number };
    if (!entry.originalSource) return `${path.basename(bundle)}:${frame.lineNumber + 1}`;
    const source = path.resolve(path.dirname(bundle), entry.originalSource.replace(/^file:\/\//, ""));
    return `${path.relative(ROOT, source)}:${entry.originalLine! + 1}`;
  };
}

function main(): void {
  const [key = "flows", sizeText = "1e5", runsText = "1", topText = "25"] = process.argv.slice(2);
  const spec = CASES.find((c) => c.key === key);
  if (!spec) throw new Error(`unknown case ${key}; one of ${CASES.map((c) => c.key).join(", ")}`);
  const bundle = buildChild();
  const file = path.join(__dirname, "results", `${key}-${sizeText}.cpuprofile`);
  const out = execFileSync(process.execPath, ["--expose-gc", bundle, "profile", key, String(Number(sizeText)), runsText, file], { encoding: "utf8" });
  const { elapsedMs } = JSON.parse(out.trim().split("\n").pop()!) as { elapsedMs: number };
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  console.log(`${spec.label}, ${sizeText} rows, ${runsText} run(s): ${elapsedMs.toFixed(0)} ms; self time by function:`);
  for (const h of hotspots(profile, locator(bundle)).slice(0, Number(topText))) {
    console.log(`${(100 * h.share).toFixed(1).padStart(5)} %  ${h.selfMs.toFixed(0).padStart(6)} ms  ${h.name}  ${h.location}`);
  }
  console.log(`profile: ${path.relative(process.cwd(), file)}`);
}

if (require.main === module) main();
