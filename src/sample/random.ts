/**
 * A small seeded pseudo-random generator (mulberry32) and the draws the sample data needs. Only exact
 * IEEE operations are used (integer mixing, +, −, ×, /, floor, round), never Math.exp/log/sin, so the
 * same seed gives bit-identical data in Node, Chrome, Edge and Safari (Excel's webviews): a sample
 * bank generated at import is the same workbook everywhere.
 */

/** Draws from a 32-bit state; `next()` is uniform on [0, 1) with 2^32 distinct values. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32 (Tommy Ettinger), public domain. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform on [a, b). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.next();
  }

  /** Integer uniform on [a, b], both ends included. */
  int(a: number, b: number): number {
    return a + Math.floor(this.next() * (b - a + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One of the items, equally likely. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index drawn with the given (unnormalised, non-negative) weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let k = 0; k < weights.length; k++) {
      u -= weights[k];
      if (u < 0) return k;
    }
    return weights.length - 1;
  }

  /**
   * Right-skewed draw on [a, b): a + (b − a)·u³, so most values sit near `a` with a long tail, like
   * loan sizes (median about a + 0.125·(b − a)).
   */
  skewed(a: number, b: number): number {
    const u = this.next();
    return a + (b - a) * u * u * u;
  }
}

/** Money rounded to cents. */
export const cents = (x: number): number => Math.round(x * 100) / 100;

/** A rate rounded to a hundredth of a basis point (0.043725 → 4.3725 %). */
export const rateOf = (x: number): number => Math.round(x * 1e6) / 1e6;
