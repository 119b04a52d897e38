/**
 * What the benchmark measures: each heavy ALM.* function called through functionsById exactly as Excel
 * calls it (the positions range as a 2-D array with its header row, so parsing is timed), plus the
 * engine's flow generation on its own. Inputs are built once per size, outside the timings.
 */
import { DailyFlows } from "../src/engine/cashflows/aggregate";
import { generateFlows, type FlowView } from "../src/engine/cashflows/generate";
import { curveIndex } from "../src/engine/cashflows/projection";
import { interpolatedCurve } from "../src/engine/curves/interpolatedCurve";
import type { Portfolio } from "../src/engine/portfolio/portfolio";
import { BUSINESS_DAY_CONVENTIONS } from "../src/engine/time/businessDay";
import { CALENDARS } from "../src/engine/time/calendar";
import { parseCurve } from "../src/functions/args";
import { functionsById } from "../src/functions/index";
import { parsePositions } from "../src/functions/positions";
import { SAMPLE_CURVES } from "../src/sample/sampleBank";
import { BENCH_AS_OF, generateAmountsDates, generatePositions, type AmountsDates } from "./portfolio";

/** The inputs a case uses: the positions table, GAP's amounts and dates, the parsed portfolio, CASHFLOWS' output. */
export type Input = "positions" | "amounts" | "parsed" | "cashflows";

/**
 * The inputs of one size, built lazily so that a size only pays for what its cases use, and released
 * once no remaining case needs them, so that each case runs with only its own input alive (as in
 * Excel, where a formula holds its own ranges) rather than with every earlier case's garbage collector
 * load.
 */
export class BenchInputs {
  readonly n: number;
  readonly asOf = BENCH_AS_OF;
  readonly curve = SAMPLE_CURVES.USD;
  private positionsTable?: unknown[][];
  private amountsDates?: AmountsDates;
  private portfolio?: Portfolio;
  private termsPortfolio?: Portfolio;
  /** The last CASHFLOWS summary table (Date, Principal, Interest, Total), the input of KRD. */
  cashflows?: unknown[][];
  private krd?: { amounts: unknown[][]; dates: unknown[][] };

  constructor(n: number) {
    this.n = n;
  }

  get positions(): unknown[][] {
    return (this.positionsTable ??= generatePositions(this.n));
  }

  get gapInput(): AmountsDates {
    return (this.amountsDates ??= generateAmountsDates(this.n));
  }

  get parsed(): Portfolio {
    return (this.portfolio ??= parsePositions(this.positions, { fn: "BENCH", arg: "positions" }, this.asOf));
  }

  /**
   * The parsed portfolio with ACTUS terms that take the generator's general path: every position's dates
   * shifted modified-following on the TARGET calendar (shift, then calculate).
   */
  get parsedWithTerms(): Portfolio {
    const p = this.parsed;
    return (this.termsPortfolio ??= {
      ...p,
      businessDay: new Uint8Array(p.size).fill(BUSINESS_DAY_CONVENTIONS.indexOf("SCMF")),
      calendar: new Uint8Array(p.size).fill(CALENDARS.indexOf("TARGET")),
    });
  }

  /** Drops every input not in `keep`. */
  release(keep: ReadonlySet<Input>): void {
    if (!keep.has("positions")) this.positionsTable = undefined;
    if (!keep.has("amounts")) this.amountsDates = undefined;
    if (!keep.has("parsed")) {
      this.portfolio = undefined;
      this.termsPortfolio = undefined;
    }
    if (!keep.has("cashflows")) {
      this.cashflows = undefined;
      this.krd = undefined;
    }
  }

  /** Aggregated flows for KRD: CASHFLOWS' last result, or one untimed CASHFLOWS call. */
  get krdInput(): { amounts: unknown[][]; dates: unknown[][] } {
    if (!this.krd) {
      const table = (this.cashflows ??= call("CASHFLOWS", this.positions, this.asOf, null, null, null) as unknown[][]);
      const rows = table.slice(1);
      this.krd = { amounts: rows.map((r) => [r[3]]), dates: rows.map((r) => [r[0]]) };
    }
    return this.krd;
  }
}

/** True when functionsById has the function (the IRRBB functions land while this is written). */
export const available = (id: string): boolean => typeof (functionsById as Record<string, unknown>)[id] === "function";

/** Calls a function by id through functionsById; a missing id throws MissingFunction. */
export function call(id: string, ...args: unknown[]): unknown {
  const fn = (functionsById as Record<string, unknown>)[id];
  if (typeof fn !== "function") throw new MissingFunction(id);
  return fn(...args);
}

export class MissingFunction extends Error {
  constructor(readonly id: string) {
    super(`ALM.${id} is not in functionsById yet`);
  }
}

export interface BenchCase {
  /** Key in the results. */
  readonly key: string;
  readonly label: string;
  /** The functionsById entry it needs, if any. */
  readonly needs?: string;
  /** Whether the rows it is given are amounts (GAP) or positions. */
  readonly rows: "amounts" | "positions";
  /** The inputs it reads. */
  readonly uses: readonly Input[];
  /** Run at 10^6 only when the 10^5 median suggests it finishes within the time limit. */
  readonly at1e6: "always" | "if-fast";
  /** Untimed preparation (builds the inputs it uses). */
  readonly prepare: (inputs: BenchInputs) => void;
  /** The timed call; returns the result so it stays alive until timed. */
  readonly run: (inputs: BenchInputs) => unknown;
  readonly note?: string;
}

function flows(inputs: BenchInputs, view: FlowView): DailyFlows {
  const sink = new DailyFlows(inputs.parsed, inputs.asOf);
  generateFlows(inputs.parsed, inputs.asOf, view, sink);
  return sink;
}

const positions = (inputs: BenchInputs) => void inputs.positions;

export const CASES: readonly BenchCase[] = [
  {
    key: "GAP", label: "ALM.GAP (amounts, dates)", needs: "GAP", rows: "amounts", uses: ["amounts"], at1e6: "always",
    prepare: (i) => void i.gapInput,
    run: (i) => call("GAP", i.gapInput.amounts, i.gapInput.dates, i.asOf, null, null, null),
  },
  {
    key: "flows", label: "engine flows, repricing view → DailyFlows", rows: "positions", uses: ["parsed"], at1e6: "always",
    prepare: (i) => void i.parsed,
    run: (i) => flows(i, "REPRICING"),
    note: "generateFlows on the parsed portfolio (no parsing), the core of REPRICINGGAP, EVE and DELTAEVE",
  },
  {
    key: "flowsContractual", label: "engine flows, contractual view → DailyFlows", rows: "positions", uses: ["parsed"], at1e6: "always",
    prepare: (i) => void i.parsed,
    run: (i) => flows(i, "CONTRACTUAL"),
  },
  {
    key: "flowsTerms", label: "engine flows, contractual, TARGET business days, floaters projected", rows: "positions", uses: ["parsed"], at1e6: "always",
    prepare: (i) => void i.parsedWithTerms,
    run: (i) => {
      const portfolio = i.parsedWithTerms;
      const sink = new DailyFlows(portfolio, i.asOf);
      generateFlows(portfolio, i.asOf, "CONTRACTUAL", sink, { index: curveIndex(interpolatedCurve(parseCurve(i.curve, { fn: "BENCH", arg: "index" }), "LINEAR"), i.asOf) });
      return sink;
    },
    note: "the general path of the ACTUS generator: every date shifted SCMF on TARGET (payment and calculation dates apart), floaters reset from the USD curve's forwards (events merged)",
  },
  {
    key: "CASHFLOWS", label: "ALM.CASHFLOWS (summary by date)", needs: "CASHFLOWS", rows: "positions", uses: ["positions"], at1e6: "always",
    prepare: positions,
    run: (i) => (i.cashflows = call("CASHFLOWS", i.positions, i.asOf, null, null, null) as unknown[][]),
  },
  {
    key: "REPRICINGGAP", label: "ALM.REPRICINGGAP", needs: "REPRICINGGAP", rows: "positions", uses: ["positions"], at1e6: "always",
    prepare: positions,
    run: (i) => call("REPRICINGGAP", i.positions, i.asOf, null, null),
  },
  {
    key: "LIQUIDITYGAP", label: "ALM.LIQUIDITYGAP", needs: "LIQUIDITYGAP", rows: "positions", uses: ["positions"], at1e6: "always",
    prepare: positions,
    run: (i) => call("LIQUIDITYGAP", i.positions, i.asOf, null, null),
  },
  {
    key: "EVE", label: "ALM.EVE (base curve, one value)", needs: "EVE", rows: "positions", uses: ["positions"], at1e6: "if-fast",
    prepare: positions,
    run: (i) => call("EVE", i.positions, i.asOf, i.curve, null, null, null, null),
  },
  {
    key: "DELTAEVE", label: "ALM.DELTAEVE (base + six scenarios)", needs: "DELTAEVE", rows: "positions", uses: ["positions"], at1e6: "if-fast",
    prepare: positions,
    run: (i) => call("DELTAEVE", i.positions, i.asOf, i.curve, "USD", null, null, null),
  },
  {
    key: "STANDARDEVE", label: "ALM.STANDARDEVE (base + six, behavioural)", needs: "STANDARDEVE", rows: "positions", uses: ["positions"], at1e6: "if-fast",
    prepare: positions,
    run: (i) => call("STANDARDEVE", i.positions, i.asOf, i.curve, "USD", null, null, 1e9, null),
  },
  {
    key: "DELTANII", label: "ALM.DELTANII (base + two parallel)", needs: "DELTANII", rows: "positions", uses: ["positions"], at1e6: "if-fast",
    prepare: positions,
    run: (i) => call("DELTANII", i.positions, i.asOf, i.curve, "USD", null, null, null, null),
  },
  {
    key: "KRD", label: "ALM.KRD on CASHFLOWS' dated totals", needs: "KRD", rows: "positions", uses: ["cashflows"], at1e6: "if-fast",
    prepare: (i) => void i.krdInput,
    run: (i) => {
      const { amounts, dates } = i.krdInput;
      return call("KRD", amounts, dates, i.asOf, i.curve, null, null);
    },
    note: "input is CASHFLOWS' output: one row per distinct date (about 11,000 at every size), so its time does not grow with positions",
  },
];
