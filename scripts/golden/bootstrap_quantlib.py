#!/usr/bin/python3
"""Golden data: bootstrapping continuously-compounded zero rates from par rates with QuantLib.

Produces : test/golden/bootstrap-quantlib.json
Tool     : QuantLib-Python (Debian package `quantlib-python`, imported by Debian's
           /usr/bin/python3; version read from QuantLib.__version__ and stored).
Run      : /usr/bin/python3 scripts/golden/bootstrap_quantlib.py
           (or scripts/golden/regenerate.sh for all golden files)

Convention reproduced (each par curve is bootstrapped with frequency 1 and 2):
* tenors <= 1 year are simple-interest deposits: DF(t) = 1 / (1 + r t);
* tenors > 1 year are par bonds (price 100) paying `frequency` coupons of
  100 * c / frequency a year, coupon dates at i / frequency years;
* a par bond is placed at EVERY coupon date > 1 year; its coupon c is the
  input par rate at that tenor, or the linear interpolation in tenor between
  the neighbouring input tenors when the date is not an input tenor;
* reported: for each INPUT tenor, z = -ln(DF(t)) / t.
QuantLib set-up: reference date 2025-01-15, NullCalendar, no settlement lag,
Thirty360(BondBasis) everywhere (so a 3/6/12-month period is exactly
0.25/0.5/1 year), DepositRateHelper for t <= 1, FixedRateBondHelper (clean
price 100, issue date = reference date) for t > 1, PiecewiseLogLinearDiscount.
Every coupon date is a pillar, so the interpolation scheme does not affect the
result; an independent closed-form recursion is asserted to agree.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import sys

import QuantLib as ql

sys.dont_write_bytecode = True  # keep scripts/golden/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

REF = ql.Date(15, 1, 2025)
CAL = ql.NullCalendar()
DC = ql.Thirty360(ql.Thirty360.BondBasis)
ACCURACY = 1e-14

PAR_CURVES = [
    {
        "id": "upward",
        "tenors": [0.25, 0.5, 1, 2, 3, 5, 7, 10],
        "par_rates": [0.030, 0.031, 0.032, 0.033, 0.034, 0.036, 0.037, 0.038],
    },
    {
        "id": "inverted",
        "tenors": [0.25, 0.5, 1, 2, 3, 5, 7, 10, 20, 30],
        "par_rates": [0.055, 0.054, 0.052, 0.048, 0.045, 0.042, 0.040, 0.039, 0.038, 0.037],
    },
    {
        "id": "negative-short",
        "tenors": [0.25, 0.5, 1, 2, 3, 4, 5, 7, 10, 15],
        "par_rates": [-0.006, -0.0055, -0.005, -0.003, -0.001, 0.0005, 0.002, 0.004, 0.006, 0.008],
    },
]
FREQUENCIES = [1, 2]


def months_of(t: float) -> int:
    m = round(t * 12)
    assert abs(m - t * 12) < 1e-9, t
    return m


def par_at(tenors, rates, t):
    for i, tt in enumerate(tenors):
        if abs(tt - t) < 1e-12:
            return rates[i]
    for i in range(1, len(tenors)):
        if t < tenors[i]:
            w = (t - tenors[i - 1]) / (tenors[i] - tenors[i - 1])
            return rates[i - 1] + w * (rates[i] - rates[i - 1])
    raise ValueError(t)


def bootstrap(tenors, rates, f):
    """Returns (QuantLib curve, grid of (t, par, kind))."""
    grid = []
    helpers = []
    for t, r in zip(tenors, rates):
        if t <= 1:
            grid.append((t, r, "deposit"))
            helpers.append(ql.DepositRateHelper(ql.QuoteHandle(ql.SimpleQuote(r)), ql.Period(months_of(t), ql.Months),
                                                0, CAL, ql.Unadjusted, False, DC))
    # Coupon dates <= 1y must be deposit pillars for the convention to be unambiguous.
    for i in range(1, f + 1):
        assert any(abs(t - i / f) < 1e-12 for t, _, _ in grid), (tenors, f)
    n_max = round(tenors[-1] * f)
    assert abs(n_max - tenors[-1] * f) < 1e-12
    for n in range(f + 1, n_max + 1):
        t = n / f
        c = par_at(tenors, rates, t)
        grid.append((t, c, "par_bond"))
        maturity = REF + ql.Period(months_of(t), ql.Months)
        schedule = ql.Schedule(REF, maturity, ql.Period(12 // f, ql.Months), CAL, ql.Unadjusted, ql.Unadjusted,
                               ql.DateGeneration.Backward, False)
        assert len(schedule) == n + 1
        helpers.append(ql.FixedRateBondHelper(ql.QuoteHandle(ql.SimpleQuote(100.0)), 0, 100.0, schedule, [c], DC,
                                              ql.Unadjusted, 100.0, REF))
    curve = ql.PiecewiseLogLinearDiscount(REF, helpers, DC, ql.IterativeBootstrap(ACCURACY))
    return curve, grid


def closed_form(grid, f):
    dfs = {}
    for t, r, kind in grid:
        if kind == "deposit":
            dfs[t] = 1.0 / (1.0 + r * t)
    for t, c, kind in grid:
        if kind == "par_bond":
            n = round(t * f)
            s = sum(dfs[i / f] for i in range(1, n))
            dfs[t] = (1.0 - c / f * s) / (1.0 + c / f)
    return dfs


def main() -> None:
    version = C.quantlib_version()
    ql.Settings.instance().evaluationDate = REF
    cases = []
    max_dev = 0.0
    for pc in PAR_CURVES:
        for f in FREQUENCIES:
            curve, grid = bootstrap(pc["tenors"], pc["par_rates"], f)
            ref_dfs = closed_form(grid, f)
            out_grid = []
            for t, r, kind in grid:
                d = REF + ql.Period(months_of(t), ql.Months)
                assert abs(DC.yearFraction(REF, d) - t) < 1e-15
                df = curve.discount(d)
                dev = abs(df - ref_dfs[t])
                max_dev = max(max_dev, dev)
                assert dev < 1e-12, (pc["id"], f, t, df, ref_dfs[t])
                z = -math.log(df) / t
                assert abs(z - curve.zeroRate(d, DC, ql.Continuous, ql.Annual).rate()) < 1e-12
                out_grid.append({"t": t, "par_rate": r, "instrument": kind, "df": df, "zero_rate": z})
            by_t = {g["t"]: g for g in out_grid}
            cases.append({
                "id": f"{pc['id']}-f{f}",
                "tenors": pc["tenors"],
                "par_rates": pc["par_rates"],
                "frequency": f,
                "zero_rates": [by_t[t]["zero_rate"] for t in pc["tenors"]],
                "discount_factors": [by_t[t]["df"] for t in pc["tenors"]],
                "grid": out_grid,
            })
    notes = (
        f"QuantLib {version} (Python bindings). Reference date 2025-01-15, NullCalendar, no settlement lag, "
        "Thirty360(BondBasis) for deposits, bond coupons and the curve (a tenor t maps to reference date + 12t "
        "months, whose 30/360 year fraction is exactly t). Tenors <= 1: ql.DepositRateHelper(r, tenor, 0, "
        "NullCalendar, Unadjusted, False, Thirty360) => DF(t) = 1/(1 + r t). Tenors > 1: ql.FixedRateBondHelper "
        "(clean price 100, settlement days 0, face 100, Schedule(ref, maturity, 12/frequency months, Backward), "
        "coupon c, Thirty360, Unadjusted, redemption 100, issue date = ref) at every coupon date i/frequency "
        "> 1; c = input par rate there or linear interpolation in tenor between neighbouring input tenors (the "
        "1y DEPOSIT rate is used as the left end for 1 < t < next input tenor). Curve: "
        f"ql.PiecewiseLogLinearDiscount(ref, helpers, Thirty360, IterativeBootstrap(accuracy={ACCURACY})); every "
        "coupon date is a pillar, so the interpolation does not matter. zero_rates[i] = -ln(DF(tenors[i]))/"
        "tenors[i] (continuous), discount_factors[i] = DF(tenors[i]); `grid` lists every bootstrapped node "
        "(t, par rate used, instrument, DF, zero). Closed-form recursion DF_n = (1 - c/f sum_{i<n} DF_i)/(1 + c/f) "
        f"agrees to max |DF diff| {max_dev:.1e}. Each par curve is bootstrapped with frequency 1 and 2."
    )
    out = {
        "source": "QuantLib-Python PiecewiseLogLinearDiscount with DepositRateHelper / FixedRateBondHelper",
        "tool_version": C.quantlib_tool_version(),
        "generated_by": "scripts/golden/bootstrap_quantlib.py",
        "notes": notes,
        "reference_date": C.serial(dt.date(2025, 1, 15)),
        "reference_date_iso": "2025-01-15",
        "cases": cases,
    }
    path = C.write_json("bootstrap-quantlib.json", out)
    print(f"wrote {path}: {len(cases)} cases; max |DF - closed form| {max_dev:.2e}")
    for c in cases:
        print(" ", c["id"], [f"{z:.8f}" for z in c["zero_rates"]])


if __name__ == "__main__":
    main()
