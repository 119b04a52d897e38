import { INTERPOLATIONS, interpolatedCurve } from "../../engine/curves/interpolatedCurve";
import { COMPOUNDINGS, forwardRate, zeroRate } from "../../engine/curves/yieldCurve";
import { arg, curveArg, fail, isBlank, timeCell } from "../args";
import { cellResult, cellWhere, mapCells } from "../cells";
import { messages } from "../messages";
import { defineFunction, type Cell } from "../runner";

const DISCOUNT = defineFunction("DISCOUNT", [curveArg(), arg.any("t"), arg.optionalChoice("interpolation", INTERPOLATIONS, "LINEAR")], (pillars, t, interpolation) => {
  const curve = interpolatedCurve(pillars, interpolation);
  return mapCells(t, { fn: "DISCOUNT", arg: "t" }, (v, w) => curve.discount(timeCell(v, w)));
});

/**
 * Discount factor exp(−z(t)·t) on a zero curve.
 * @customfunction DISCOUNT
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor (years or text like 3M) and zero rate.
 * @param t Time(s) in years or tenor text; a range gives a result of the same shape.
 * @param [interpolation] LINEAR (zero rates, default), LOGLINEAR (discount factors) or CUBIC (natural spline on zero rates).
 * @example =ALM.DISCOUNT({1,0.02;5,0.03}, 2) returns e^(−0.0225·2) = 0.95599748183…
 * @returns Discount factor(s).
 */
export function discount(curve: any[][], t: any[][], interpolation?: any): any[][] {
  return DISCOUNT(curve, t, interpolation);
}

const ZERO = defineFunction(
  "ZERO",
  [curveArg(), arg.any("t"), arg.optionalChoice("compounding", COMPOUNDINGS, "CONTINUOUS"), arg.optionalChoice("interpolation", INTERPOLATIONS, "LINEAR")],
  (pillars, t, compounding, interpolation) => {
    const curve = interpolatedCurve(pillars, interpolation);
    return mapCells(t, { fn: "ZERO", arg: "t" }, (v, w) => zeroRate(curve, timeCell(v, w), compounding));
  }
);

/**
 * Zero rate(s) of a curve, in the chosen compounding.
 * @customfunction ZERO
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param t Time(s) in years or tenor text; a range gives a result of the same shape.
 * @param [compounding] CONTINUOUS (default), ANNUAL, SEMIANNUAL, QUARTERLY, MONTHLY or SIMPLE.
 * @param [interpolation] LINEAR (default), LOGLINEAR or CUBIC.
 * @example =ALM.ZERO(0.03, 2, "ANNUAL") returns e^0.03 − 1 = 0.03045453395…
 * @returns Zero rate(s) as decimals.
 */
export function zero(curve: any[][], t: any[][], compounding?: any, interpolation?: any): any[][] {
  return ZERO(curve, t, compounding, interpolation);
}

/** Pairs two scalar-or-range arguments cell by cell; a single value pairs with every cell of the other. */
function broadcast(a: unknown[][], b: unknown[][]): [unknown[][], unknown[][]] {
  if (a.length === 0) fail(messages.missing({ fn: "FWD", arg: "t1" }));
  if (b.length === 0) fail(messages.missing({ fn: "FWD", arg: "t2" }));
  const single = (m: unknown[][]) => m.length === 1 && m[0].length === 1;
  if (single(a) && !single(b)) return [b.map((r) => r.map(() => a[0][0])), b];
  if (single(b) && !single(a)) return [a, a.map((r) => r.map(() => b[0][0]))];
  if (a.length !== b.length || a[0]?.length !== b[0]?.length) {
    fail(messages.shape({ fn: "FWD", arg: "t2" }, `is ${b.length}×${b[0]?.length ?? 0} but t1 is ${a.length}×${a[0]?.length ?? 0}; expected the same shape or a single value`));
  }
  return [a, b];
}

const FWD = defineFunction(
  "FWD",
  [curveArg(), arg.range("t1"), arg.range("t2"), arg.optionalChoice("interpolation", INTERPOLATIONS, "LINEAR")],
  (pillars, t1, t2, interpolation) => {
    const curve = interpolatedCurve(pillars, interpolation);
    const [a, b] = broadcast(t1, t2);
    return a.map((row, i) =>
      row.map((start, j): Cell => {
        if (isBlank(start) && isBlank(b[i][j])) return "";
        const w2 = cellWhere({ fn: "FWD", arg: "t2" }, b, i, j);
        return cellResult(() => {
          const s = timeCell(start, cellWhere({ fn: "FWD", arg: "t1" }, a, i, j));
          const e = timeCell(b[i][j], w2);
          return forwardRate(curve, s, e);
        }, w2);
      })
    );
  }
);

/**
 * Continuously-compounded forward rate between t1 and t2: (z2·t2 − z1·t1)/(t2 − t1).
 * @customfunction FWD
 * @param curve A flat continuously-compounded zero rate, or a two-column range of tenor and zero rate.
 * @param t1 Start time(s) in years or tenor text.
 * @param t2 End time(s) in years or tenor text, after t1; a single value pairs with every t1 and vice versa.
 * @param [interpolation] LINEAR (default), LOGLINEAR or CUBIC.
 * @example =ALM.FWD({1,0.02;5,0.03}, 1, 5) returns (0.03·5 − 0.02·1)/4 = 0.0325
 * @returns Forward rate(s) as decimals.
 */
export function fwd(curve: any[][], t1: any[][], t2: any[][], interpolation?: any): any[][] {
  return FWD(curve, t1, t2, interpolation);
}
