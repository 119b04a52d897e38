import { BASIS_POINT, type Rate, type Time } from "../types";

/**
 * Post-shock lower bounds on shocked zero rates (docs/methodology/irrbb.md §1). The Basel text sets no
 * numeric floor (national discretion, SRP31.93), so the floor is a named option:
 * - `NONE` (default): no bound;
 * - `EU`: Commission Delegated Regulation (EU) 2024/856 Art. 3(7): min(−150 + 3·t, 0) bp at maturity t
 *   years (−150 bp at t = 0, zero from 50 years), or the unshocked rate where that is lower (SECONDARY);
 * - `ZERO`: shocked rates not below 0 %;
 * - `RATE`: shocked rates not below a given rate, e.g. −0.0075 for OSFI B-12 Annex 1 ¶12 (−75 bp) or
 *   −0.02 for HKMA IR-1 §5.34.2.
 * `ZERO` and `RATE` bound the shocked rate only, as OSFI and the HKMA write them: a shocked rate below the
 * floor is raised to it even when the unshocked rate was lower still.
 */
export type Floor = { readonly kind: "NONE" } | { readonly kind: "EU" } | { readonly kind: "ZERO" } | { readonly kind: "RATE"; readonly rate: Rate };
export type FloorName = "NONE" | "EU" | "ZERO";
export const FLOOR_NAMES: readonly FloorName[] = ["NONE", "EU", "ZERO"];
export const NO_FLOOR: Floor = { kind: "NONE" };

/**
 * The EU floor at maturity t years before the observed-rate clause: min(−150 + 3·t, 0) bp.
 * @example euFloorRate(10) //=> −0.012
 */
export function euFloorRate(t: Time): Rate {
  return Math.min(-150 + 3 * t, 0) * BASIS_POINT;
}

/**
 * The floored shocked rate at t, given the shocked and the unshocked (base) zero rate.
 * @example applyFloor({ kind: "EU" }, 0, -0.02, 0.005) //=> −0.015
 */
export function applyFloor(floor: Floor, t: Time, shocked: Rate, base: Rate): Rate {
  switch (floor.kind) {
    case "NONE":
      return shocked;
    case "EU":
      return Math.max(shocked, Math.min(euFloorRate(t), base));
    case "ZERO":
      return Math.max(shocked, 0);
    case "RATE":
      return Math.max(shocked, floor.rate);
  }
}
