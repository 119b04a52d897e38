import type { Portfolio } from "../portfolio/portfolio";
import type { Amount, SerialDate } from "../types";
import { generateFlows, type FlowOptions, type FlowSink, type FlowView } from "./generate";

/**
 * Flows summed by day after the valuation date, kept apart for assets and liabilities (by the sign of
 * each position's balance). Index d holds the flows dated asOf + d (d = 0 collects anything on or
 * before asOf). Aggregating by date first means one discounting pass per day, whatever the number of
 * positions, so several scenarios cost little more than one.
 */
export class DailyFlows implements FlowSink {
  readonly asOf: SerialDate;
  assetPrincipal: Float64Array;
  assetInterest: Float64Array;
  liabilityPrincipal: Float64Array;
  liabilityInterest: Float64Array;
  /** 1 on every day offset that received at least one flow (even one of zero amount). */
  present: Uint8Array;
  /** Largest day offset that received a flow, or −1 when none did. */
  lastDay = -1;
  private readonly isAsset: Uint8Array;

  constructor(portfolio: Portfolio, asOf: SerialDate, days = 36600) {
    this.asOf = asOf;
    this.isAsset = Uint8Array.from(portfolio.balance, (b) => (b >= 0 ? 1 : 0));
    this.assetPrincipal = new Float64Array(days);
    this.assetInterest = new Float64Array(days);
    this.liabilityPrincipal = new Float64Array(days);
    this.liabilityInterest = new Float64Array(days);
    this.present = new Uint8Array(days);
  }

  add(position: number, date: SerialDate, principal: Amount, interest: Amount): void {
    const d = date > this.asOf ? date - this.asOf : 0;
    if (d >= this.assetPrincipal.length) this.grow(d + 1);
    if (d > this.lastDay) this.lastDay = d;
    this.present[d] = 1;
    if (this.isAsset[position]) {
      this.assetPrincipal[d] += principal;
      this.assetInterest[d] += interest;
    } else {
      this.liabilityPrincipal[d] += principal;
      this.liabilityInterest[d] += interest;
    }
  }

  private grow(size: number): void {
    const next = Math.max(size, this.assetPrincipal.length * 2);
    const copy = (a: Float64Array) => {
      const b = new Float64Array(next);
      b.set(a);
      return b;
    };
    this.assetPrincipal = copy(this.assetPrincipal);
    this.assetInterest = copy(this.assetInterest);
    this.liabilityPrincipal = copy(this.liabilityPrincipal);
    this.liabilityInterest = copy(this.liabilityInterest);
    const present = new Uint8Array(next);
    present.set(this.present);
    this.present = present;
  }

  /** Net signed total (principal + interest, assets and liabilities) on day offset d. */
  net(d: number): Amount {
    return this.assetPrincipal[d] + this.assetInterest[d] + this.liabilityPrincipal[d] + this.liabilityInterest[d];
  }
}

/** Generates a portfolio's flows and sums them by day. */
export function dailyFlows(portfolio: Portfolio, asOf: SerialDate, view: FlowView, options?: FlowOptions): DailyFlows {
  const daily = new DailyFlows(portfolio, asOf);
  generateFlows(portfolio, asOf, view, daily, options);
  return daily;
}

/** Collects every flow, position by position, in growable typed arrays (for detailed outputs). */
export class FlowList implements FlowSink {
  count = 0;
  position = new Int32Array(1024);
  date = new Int32Array(1024);
  principal = new Float64Array(1024);
  interest = new Float64Array(1024);

  add(position: number, date: SerialDate, principal: Amount, interest: Amount): void {
    if (this.count === this.date.length) {
      const n = this.count * 2;
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
        const b = make(n);
        b.set(a);
        return b;
      };
      this.position = grow(this.position, (k) => new Int32Array(k));
      this.date = grow(this.date, (k) => new Int32Array(k));
      this.principal = grow(this.principal, (k) => new Float64Array(k));
      this.interest = grow(this.interest, (k) => new Float64Array(k));
    }
    this.position[this.count] = position;
    this.date[this.count] = date;
    this.principal[this.count] = principal;
    this.interest[this.count] = interest;
    this.count++;
  }
}
