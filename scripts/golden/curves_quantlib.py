#!/usr/bin/python3
"""Golden data: zero-curve interpolation (LINEAR / LOGLINEAR / CUBIC) by QuantLib.

Produces : test/golden/curves-quantlib.json
Tool     : QuantLib-Python (Debian package `quantlib-python`, imported by Debian's
           /usr/bin/python3; version read from QuantLib.__version__ and stored).
Run      : /usr/bin/python3 scripts/golden/curves_quantlib.py
           (or scripts/golden/regenerate.sh for all golden files)

Setup: reference date 2025-01-15, NullCalendar, Actual365Fixed, so a date
`days` after the reference date has t = days/365.  Pillars are integer day
offsets, the first one at day 0.  Pillar zero rates are continuously
compounded.  Methods:

* LINEAR    - ql.ZeroCurve (linear interpolation of zero rates in t);
* LOGLINEAR - ql.DiscountCurve (log-linear interpolation of discount factors)
              built from DF = exp(-z t) at the pillars;
* CUBIC     - ql.NaturalCubicZeroCurve (SplineCubic interpolator = cubic spline
              with second derivative 0 at both ends, on zero rates vs t).  The
              script asserts it equals ql.CubicNaturalSpline on the same (t, z).

Query points (integer days, fixed seed) lie in [1, last pillar - 1]: every
interior pillar, pillar +/- 1 and 2 days, and random days.  For each we record
DF, zero rates in six compoundings (curve.zeroRate(date, Actual365Fixed,
comp, freq)) and a continuously-compounded forward to a later day t2 <= last
pillar (curve.forwardRate(d1, d2, Actual365Fixed, Continuous)).  Independent
re-computations (plain Python interpolation) are asserted to agree.
"""

from __future__ import annotations

import math
import os
import random
import sys

import QuantLib as ql

sys.dont_write_bytecode = True  # keep scripts/golden/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

SEED = 424242
POINTS_PER_CURVE = 240
REF = ql.Date(15, 1, 2025)
DC = ql.Actual365Fixed()
CAL = ql.NullCalendar()

COMPOUNDINGS = [
    ("CONTINUOUS", ql.Continuous, ql.Annual),
    ("ANNUAL", ql.Compounded, ql.Annual),
    ("SEMIANNUAL", ql.Compounded, ql.Semiannual),
    ("QUARTERLY", ql.Compounded, ql.Quarterly),
    ("MONTHLY", ql.Compounded, ql.Monthly),
    ("SIMPLE", ql.Simple, ql.Annual),
]
PERIODS = {"ANNUAL": 1, "SEMIANNUAL": 2, "QUARTERLY": 4, "MONTHLY": 12}

CURVE_SETS = [
    {
        "id": "A-usd-hump",
        "description": "USD-like: short end high, dip at 3y, rising long end; 13 pillars to 30y",
        "days": [0, 30, 91, 182, 365, 730, 1095, 1825, 2555, 3650, 5475, 7300, 10950],
        "zero": [0.0430, 0.0432, 0.0428, 0.0421, 0.0405, 0.0392, 0.0388, 0.0390, 0.0398,
                 0.0410, 0.0425, 0.0432, 0.0430],
    },
    {
        "id": "B-eur-negative",
        "description": "EUR-2020-like: negative short end crossing zero near 10y; 17 pillars to 40y",
        "days": [0, 7, 33, 92, 184, 367, 549, 731, 1096, 1461, 2192, 3653, 5479, 7306, 9132,
                 10958, 14610],
        "zero": [-0.0058, -0.0057, -0.0055, -0.0052, -0.0050, -0.0049, -0.0050, -0.0051,
                 -0.0049, -0.0045, -0.0036, -0.0012, 0.0008, 0.0018, 0.0024, 0.0027, 0.0035],
    },
    {
        "id": "C-inverted-sparse",
        "description": "Inverted curve on a sparse 6-pillar grid to 30y",
        "days": [0, 91, 365, 1095, 3650, 10950],
        "zero": [0.0550, 0.0520, 0.0470, 0.0410, 0.0360, 0.0340],
    },
]


def build_curves(days, zeros):
    dates = [REF + d for d in days]
    linear = ql.ZeroCurve(dates, zeros, DC, CAL, ql.Linear(), ql.Continuous, ql.Annual)
    dfs = [math.exp(-z * d / 365.0) for z, d in zip(zeros, days)]
    loglin = ql.DiscountCurve(dates, dfs, DC, CAL, ql.LogLinear())
    cubic = ql.NaturalCubicZeroCurve(dates, zeros, DC, CAL, ql.SplineCubic(), ql.Continuous, ql.Annual)
    for c in (linear, loglin, cubic):
        c.disableExtrapolation()
    return {"LINEAR": linear, "LOGLINEAR": loglin, "CUBIC": cubic}


def query_days(rng, pillars):
    last = pillars[-1]
    pts = set()
    for p in pillars[1:-1]:
        for off in (-2, -1, 0, 1, 2):
            if 1 <= p + off <= last - 1:
                pts.add(p + off)
    for off in (1, 2, 3):
        pts.add(off)
        pts.add(last - off)
    while len(pts) < POINTS_PER_CURVE:
        # Half uniform in days, half uniform in log(days) so the short end is dense.
        if rng.random() < 0.5:
            pts.add(rng.randint(1, last - 1))
        else:
            pts.add(min(last - 1, max(1, int(round(math.exp(rng.uniform(0, math.log(last))))))))
    return sorted(pts)


def second_day(rng, d, last):
    r = rng.random()
    if r < 0.15:
        return d + 1
    if r < 0.25:
        return last
    if r < 0.6:
        return min(last, d + rng.randint(1, 400))
    return rng.randint(d + 1, last)


def ref_linear(ts, zs, t):
    for i in range(1, len(ts)):
        if t <= ts[i]:
            w = (t - ts[i - 1]) / (ts[i] - ts[i - 1])
            return zs[i - 1] + w * (zs[i] - zs[i - 1])
    raise ValueError


def ref_loglinear_df(ts, zs, t):
    lnd = [-z * tt for z, tt in zip(zs, ts)]
    for i in range(1, len(ts)):
        if t <= ts[i]:
            w = (t - ts[i - 1]) / (ts[i] - ts[i - 1])
            return math.exp(lnd[i - 1] + w * (lnd[i] - lnd[i - 1]))
    raise ValueError


def main() -> None:
    rng = random.Random(SEED)
    version = C.quantlib_version()
    ql.Settings.instance().evaluationDate = REF
    out_curves = []
    max_dev = {"LINEAR": 0.0, "LOGLINEAR": 0.0, "CUBIC": 0.0, "compounding": 0.0, "forward": 0.0}
    n_cases = 0
    for cs in CURVE_SETS:
        days, zeros = cs["days"], cs["zero"]
        assert days[0] == 0 and all(b > a for a, b in zip(days, days[1:]))
        ts = [d / 365.0 for d in days]
        last = days[-1]
        curves = build_curves(days, zeros)
        spline = ql.CubicNaturalSpline(ql.Array(ts), ql.Array(zeros))
        # Natural boundary conditions: second derivative 0 at both ends.
        assert abs(spline.secondDerivative(ts[0], False)) < 1e-12
        assert abs(spline.secondDerivative(ts[-1], False)) < 1e-12
        qdays = query_days(rng, days)
        cases = []
        for method in ("LINEAR", "LOGLINEAR", "CUBIC"):
            curve = curves[method]
            for d in qdays:
                d2 = second_day(rng, d, last)
                t, t2 = d / 365.0, d2 / 365.0
                date, date2 = REF + d, REF + d2
                assert abs(DC.yearFraction(REF, date) - t) < 1e-16
                df = curve.discount(date)
                zero = {name: curve.zeroRate(date, DC, comp, freq).rate() for name, comp, freq in COMPOUNDINGS}
                fwd = curve.forwardRate(date, date2, DC, ql.Continuous).rate()

                # Independent checks.
                if method == "LINEAR":
                    ref_df = math.exp(-ref_linear(ts, zeros, t) * t)
                elif method == "LOGLINEAR":
                    ref_df = ref_loglinear_df(ts, zeros, t)
                else:
                    ref_df = math.exp(-spline(t, False) * t)
                dev = abs(df - ref_df)
                max_dev[method] = max(max_dev[method], dev)
                assert dev < 1e-13, (cs["id"], method, d, df, ref_df)
                zc = zero["CONTINUOUS"]
                checks = [abs(zc - (-math.log(df) / t)), abs(zero["SIMPLE"] - (1 / df - 1) / t)]
                for name, f in PERIODS.items():
                    checks.append(abs(zero[name] - f * (df ** (-1.0 / (f * t)) - 1)))
                max_dev["compounding"] = max(max_dev["compounding"], max(checks))
                assert max(checks) < 1e-9, (cs["id"], method, d, checks)
                ref_fwd = math.log(df / curve.discount(date2)) / (t2 - t)
                max_dev["forward"] = max(max_dev["forward"], abs(fwd - ref_fwd))
                assert abs(fwd - ref_fwd) < 1e-9

                cases.append({
                    "method": method,
                    "days": d,
                    "t": t,
                    "df": df,
                    "zero": zero,
                    "fwd": {"days2": d2, "t2": t2, "rate": fwd},
                })
        n_cases += len(cases)
        out_curves.append({
            "id": cs["id"],
            "description": cs["description"],
            "pillars": [{"days": d, "t": d / 365.0, "zero": z} for d, z in zip(days, zeros)],
            "cases": cases,
        })

    notes = (
        f"QuantLib {version} (Python bindings). Reference date 2025-01-15 (Excel serial "
        f"{C.serial(__import__('datetime').date(2025, 1, 15))}), NullCalendar, Actual365Fixed: t = days/365. "
        "Pillar zero rates are continuously compounded; first pillar at day 0. "
        "LINEAR = ql.ZeroCurve(dates, zeros, Actual365Fixed, NullCalendar, Linear, Continuous); "
        "LOGLINEAR = ql.DiscountCurve(dates, exp(-z t), Actual365Fixed, NullCalendar, LogLinear); "
        "CUBIC = ql.NaturalCubicZeroCurve(dates, zeros, Actual365Fixed, NullCalendar, SplineCubic, Continuous) "
        "- a cubic spline on zero rates vs t with natural boundary conditions (second derivative 0 at both "
        "ends); it was checked to equal ql.CubicNaturalSpline on the same (t, z) nodes "
        f"(max |DF diff| {max_dev['CUBIC']:.1e}). "
        "zero.X = curve.zeroRate(date, Actual365Fixed, X, freq).rate() with freq Annual/Semiannual/Quarterly/"
        "Monthly for the compounded ones (Annual, irrelevant, for CONTINUOUS and SIMPLE): "
        "CONTINUOUS = -ln(DF)/t, SIMPLE = (1/DF-1)/t, periodic f: f*(DF^(-1/(f t))-1). "
        "fwd.rate = curve.forwardRate(d1, d2, Actual365Fixed, Continuous).rate() = ln(DF(t)/DF(t2))/(t2-t). "
        "Query days are in [1, last pillar - 1] (t = 0 is excluded: QuantLib's zeroRate at t = 0 uses a "
        "0.0001-year proxy); fwd.days2 is in (days, last pillar]. "
        "Independent Python re-computation agreed to: "
        + ", ".join(f"{k} {v:.1e}" for k, v in max_dev.items())
        + f". Random query days: Python random.Random({SEED})."
    )
    out = {
        "source": "QuantLib-Python yield term structures (ZeroCurve, DiscountCurve, NaturalCubicZeroCurve)",
        "tool_version": C.quantlib_tool_version(),
        "generated_by": "scripts/golden/curves_quantlib.py",
        "notes": notes,
        "reference_date": 45672,
        "reference_date_iso": "2025-01-15",
        "day_counter": "Actual365Fixed",
        "curves": out_curves,
    }
    assert C.serial(__import__("datetime").date(2025, 1, 15)) == out["reference_date"]
    path = C.write_json("curves-quantlib.json", out, width=400)
    print(f"wrote {path}: {len(out_curves)} curves, {n_cases} cases; max deviations {max_dev}")


if __name__ == "__main__":
    main()
