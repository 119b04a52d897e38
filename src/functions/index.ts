import * as cashflows from "./adapters/cashflows";
import * as curves from "./adapters/curves";
import * as gap from "./adapters/gap";
import * as irrbb from "./adapters/irrbb";
import * as liquidity from "./adapters/liquidity";
import * as meta from "./adapters/meta";

/**
 * Every ALM.* function by its id without the namespace, callable in plain Node exactly as Excel calls it:
 * ranges as row-major 2-D arrays, omitted optionals as `null`. Used by the tests, the demo and the
 * browser preview.
 */
export const functionsById = {
  DF: curves.df,
  ZERO: curves.zero,
  FWD: curves.fwd,
  BOOTSTRAP: cashflows.bootstrap,
  PV: cashflows.pv,
  DURATION: cashflows.durationFn,
  CONVEXITY: cashflows.convexityFn,
  DV01: cashflows.dv01Fn,
  KRD: cashflows.krd,
  DGAP: cashflows.dgap,
  CASHFLOWS: cashflows.cashflows,
  BUCKETS: gap.buckets,
  GAP: gap.gap,
  REPRICINGGAP: gap.repricinggap,
  LIQUIDITYGAP: gap.liquiditygap,
  NMD: gap.nmd,
  SCENARIOS: irrbb.scenarios,
  SHOCKSIZES: irrbb.shocksizes,
  SHOCK: irrbb.shock,
  EVE: irrbb.eveFn,
  DELTAEVE: irrbb.deltaeve,
  STANDARDEVE: irrbb.standardeve,
  NII: irrbb.niiFn,
  DELTANII: irrbb.deltanii,
  LCR: liquidity.lcrFn,
  VERSION: meta.version,
} as const satisfies Record<string, (...args: any[]) => unknown>;

export type FunctionId = keyof typeof functionsById;
