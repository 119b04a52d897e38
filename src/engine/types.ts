/** Unit-carrying aliases. They are plain numbers at run time; the names say what a value means. */

/** A decimal annual rate: 0.035 is 3.5 %. */
export type Rate = number;
/** Basis points: 25 is 0.25 %. */
export type Bp = number;
/** A time in years from the valuation date. */
export type Time = number;
/** A discount factor, P(0, t). */
export type DiscountFactor = number;
/** A signed money amount: assets and inflows positive, liabilities and outflows negative. */
export type Amount = number;
/** An integer Excel 1900-system serial day: 1 is 1900-01-01, 36526 is 2000-01-01. */
export type SerialDate = number;

/** One basis point as a decimal rate. */
export const BASIS_POINT: Rate = 1e-4;
