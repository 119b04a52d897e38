/** What the benchmark's parent and worker processes tell each other. */

export interface CaseResult {
  key: string;
  label: string;
  status: "ok" | "missing" | "error" | "skipped";
  /** Wall-clock time of each run. */
  timesMs?: number[];
  medianMs?: number;
  /** Process CPU time (user + system, all threads, GC helpers included) of each run. */
  cpuMs?: number[];
  /** Untimed input preparation (generation, parsing for the engine cases) done before the first run. */
  prepareMs?: number;
  /** Resident memory before the case (inputs held) and its peak during the case, in MB. */
  baselineRssMb?: number;
  peakRssMb?: number;
  message?: string;
}

export type ChildMessage = { type: "case"; result: CaseResult } | { type: "done"; peakScope: "case" | "process"; processPeakRssMb: number };

/** ALM.GAP is cheap at every size: at least this many runs at 10^6 for a steadier median. */
export const GAP_RUNS_1E6 = 5;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
