import type { Amount, Time } from "../types";
import { edgeTime, type BucketScheme } from "./buckets";

/**
 * Basel slotting of a non-maturity deposit by bucket edges in years (SRP31.108–31.112): the non-core
 * part is overnight (bucket 0); the core part runs off linearly over twice its average maturity M, so
 * bucket (a, b] holds core · |(a, b] ∩ (0, 2M]| / 2M.
 * @example nmdSlotting(100, 0.5, 1, customBuckets([1, 2], ["1Y", "2Y"])).core //=> [25, 25, 0]
 */
export function nmdSlotting(balance: Amount, coreShare: number, coreMaturity: Time, scheme: BucketScheme): { nonCore: Amount; core: Amount[] } {
  const core = balance * coreShare;
  const horizon = 2 * coreMaturity;
  const upper = scheme.edges.map(edgeTime);
  const slots = scheme.labels.map((_, k) => {
    const a = k === 0 ? 0 : upper[k - 1];
    const b = k < upper.length ? upper[k] : Infinity;
    const overlap = Math.max(0, Math.min(b, horizon) - Math.min(a, horizon));
    return (core * overlap) / horizon;
  });
  return { nonCore: balance - core, core: slots };
}
