import * as cashflows from "./adapters/cashflows";
import * as curves from "./adapters/curves";
import * as gap from "./adapters/gap";
import * as irrbb from "./adapters/irrbb";
import * as liquidity from "./adapters/liquidity";
import * as meta from "./adapters/meta";

/** Types an offloaded function's synchronous kernel with the registered function's parameters and result. */
function sync<F extends (...args: any[]) => Promise<unknown>>(_registered: F, kernel: (...args: any[]) => unknown): (...args: Parameters<F>) => Awaited<ReturnType<F>> {
  return kernel as (...args: Parameters<F>) => Awaited<ReturnType<F>>;
}

/**
 * Every ALM.* function by its id without the namespace, callable in plain Node exactly as Excel calls it:
 * ranges as row-major 2-D arrays, omitted optionals as `null`. Used by the tests, the demo and the
 * browser preview. Each entry returns its result synchronously; Excel registers the whole-table functions
 * through `offload`, which runs these same implementations in a Web Worker (see offload.ts).
 */
const byId = {
  DISCOUNT: curves.discount,
  ZERO: curves.zero,
  FWD: curves.fwd,
  BOOTSTRAP: cashflows.bootstrap,
  NPV: cashflows.npv,
  DURATION: cashflows.durationFn,
  CONVEXITY: cashflows.convexityFn,
  BPV: cashflows.bpv,
  KRD: sync(cashflows.krd, cashflows.kernels.KRD),
  DGAP: cashflows.dgap,
  CASHFLOWS: sync(cashflows.cashflows, cashflows.kernels.CASHFLOWS),
  BUCKETS: gap.buckets,
  GAP: sync(gap.gap, gap.kernels.GAP),
  REPRICINGGAP: sync(gap.repricinggap, gap.kernels.REPRICINGGAP),
  LIQUIDITYGAP: sync(gap.liquiditygap, gap.kernels.LIQUIDITYGAP),
  NMD: gap.nmd,
  SCENARIOS: irrbb.scenarios,
  SHOCKSIZES: irrbb.shocksizes,
  SHOCK: irrbb.shock,
  EVE: sync(irrbb.eveFn, irrbb.kernels.EVE),
  DELTAEVE: sync(irrbb.deltaeve, irrbb.kernels.DELTAEVE),
  STANDARDEVE: sync(irrbb.standardeve, irrbb.kernels.STANDARDEVE),
  NII: sync(irrbb.niiFn, irrbb.kernels.NII),
  DELTANII: sync(irrbb.deltanii, irrbb.kernels.DELTANII),
  LCR: liquidity.lcrFn,
  VERSION: meta.version,
} as const satisfies Record<string, (...args: any[]) => unknown>;

/**
 * Typed loosely on purpose: Node callers (the demo, the tests) may pass a single value where Excel would
 * pass a 1×1 range, which every range parameter accepts.
 */
export const functionsById = byId as { [K in keyof typeof byId]: (...args: any[]) => ReturnType<(typeof byId)[K]> };

export type FunctionId = keyof typeof byId;
