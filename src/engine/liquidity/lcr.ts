import { ensure, precondition } from "../errors";
import type { Amount } from "../types";

/**
 * Liquidity coverage ratio of BCBS 238 (January 2013; Basel Framework LCR chapters), docs/methodology/irrbb.md
 * §5. Stocks are market values before haircuts.
 */
export interface HqlaStocks {
  readonly level1: Amount;
  readonly level2a: Amount;
  readonly level2b: Amount;
}

/**
 * Haircuts: Level 1 0 % (¶¶49–50), Level 2A 15 % (¶52), Level 2B 50 % (¶54(b)–(c), corporate debt A+ to
 * BBB− and common equities; RMBS carry 25 % under ¶54(a) — enter them at 1.5 × market value to get that).
 */
export const LCR_HAIRCUTS = { level1: 0, level2a: 0.15, level2b: 0.5 } as const;
/** Caps: Level 2 at most 40 % of HQLA (¶51), Level 2B at most 15 % (¶47), inflows at most 75 % of outflows (¶69). */
export const LCR_CAPS = { level2: 0.4, level2b: 0.15, inflows: 0.75 } as const;

/**
 * Stock of HQLA after haircuts and caps, by the Annex 1 formula applied to the unadjusted stocks
 * (no unwinding of short-term secured funding, secured lending or collateral swaps):
 * HQLA = L1 + L2A′ + L2B′ − Adj15 − Adj40, with L2A′ = 0.85·L2A, L2B′ = 0.5·L2B,
 * Adj15 = max(L2B′ − 15/85·(L1 + L2A′), L2B′ − 15/60·L1, 0), Adj40 = max(L2A′ + L2B′ − Adj15 − 2/3·L1, 0).
 * @example hqla({ level1: 100, level2a: 100, level2b: 0 }) //=> 166.666… (Level 2A capped at 2/3 of Level 1)
 */
export function hqla(stocks: HqlaStocks): Amount {
  for (const [name, value] of Object.entries(stocks)) {
    precondition(Number.isFinite(value) && value >= 0, () => `${name} ${value} must be an amount ≥ 0`);
  }
  const l1 = stocks.level1 * (1 - LCR_HAIRCUTS.level1);
  const l2a = stocks.level2a * (1 - LCR_HAIRCUTS.level2a);
  const l2b = stocks.level2b * (1 - LCR_HAIRCUTS.level2b);
  const c15 = LCR_CAPS.level2b / (1 - LCR_CAPS.level2b); // 15/85
  const c15l1 = LCR_CAPS.level2b / (1 - LCR_CAPS.level2); // 15/60
  const c40 = LCR_CAPS.level2 / (1 - LCR_CAPS.level2); // 2/3
  const adj15 = Math.max(l2b - c15 * (l1 + l2a), l2b - c15l1 * l1, 0);
  const adj40 = Math.max(l2a + l2b - adj15 - c40 * l1, 0);
  return l1 + l2a + l2b - adj15 - adj40;
}

/**
 * Total net cash outflows over 30 days: outflows − min(inflows, 75 % · outflows) (¶69, LCR40.1).
 * @example netCashOutflows(100, 90) //=> 25
 */
export function netCashOutflows(outflows: Amount, inflows: Amount): Amount {
  precondition(Number.isFinite(outflows) && outflows >= 0, () => `outflows ${outflows} must be an amount ≥ 0`);
  precondition(Number.isFinite(inflows) && inflows >= 0, () => `inflows ${inflows} must be an amount ≥ 0`);
  return outflows - Math.min(inflows, LCR_CAPS.inflows * outflows);
}

/**
 * LCR = HQLA / total net cash outflows (¶16), a ratio (1.25 is 125 %).
 * @example lcr({ level1: 120, level2a: 40, level2b: 20 }, 200, 100) //=> 1.64
 */
export function lcr(stocks: HqlaStocks, outflows: Amount, inflows: Amount): number {
  const net = netCashOutflows(outflows, inflows);
  ensure(net > 0, "net cash outflows are zero, so the LCR is undefined (no outflows to cover)");
  return hqla(stocks) / net;
}
