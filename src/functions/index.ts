import "./adapters/cashflows";
import "./adapters/curves";
import "./adapters/gap";
import "./adapters/irrbb";
import "./adapters/liquidity";
import "./adapters/meta";
import "./adapters/outlier";
import "./adapters/scenarios";
import { registeredFunctions } from "./runner";

/**
 * Every ALM.* function by its id without the namespace, callable in plain Node exactly as Excel calls it:
 * ranges as row-major 2-D arrays, omitted optionals as `null`. Used by the tests, the demo, the task
 * pane's previews and the Web Worker. Each entry returns its result synchronously; Excel calls the
 * whole-table functions through their registered wrappers, which run these same implementations in the
 * worker (runner.ts, offload.ts). Typed loosely on purpose: Node callers may pass a single value where
 * Excel would pass a 1×1 range, which every range parameter accepts.
 */
export const functionsById: Readonly<Record<string, (...args: any[]) => any>> = registeredFunctions();
