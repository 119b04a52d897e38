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
 * Every floor is applied as max(shocked, min(floor(t), base(t))): it bounds the shock, never the rate
 * the curve starts from, so a rate already below the floor stays where it was and a down shock can never
 * raise a rate (STEEPENER on a −0.30 % curve under `ZERO` leaves the short end at −0.30 %, not 0 %).
 * The EU text says so of its own floor ("or the observed rate where lower"); the add-in reads OSFI's and
 * the HKMA's the same way (docs/methodology/irrbb.md §1).
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

/** The floor's level at t, before the rule that it never lifts a rate above its unshocked value. */
function floorLevel(floor: Exclude<Floor, { kind: "NONE" }>, t: Time): Rate {
  switch (floor.kind) {
    case "EU":
      return euFloorRate(t);
    case "ZERO":
      return 0;
    case "RATE":
      return floor.rate;
  }
}

/**
 * The floored shocked rate at t, given the shocked and the unshocked (base) zero rate:
 * max(shocked, min(floor(t), base)).
 * @example applyFloor({ kind: "EU" }, 0, -0.02, 0.005) //=> −0.015
 * @example applyFloor({ kind: "ZERO" }, 1, -0.004, -0.003) //=> −0.003 (never above the unshocked rate)
 */
export function applyFloor(floor: Floor, t: Time, shocked: Rate, base: Rate): Rate {
  if (floor.kind === "NONE") return shocked;
  return Math.max(shocked, Math.min(floorLevel(floor, t), base));
}
