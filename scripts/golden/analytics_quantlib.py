#!/usr/bin/python3
"""Golden data: PV, effective duration/convexity, DV01, key-rate durations and
flat-yield PVs of signed cash-flow portfolios, computed with QuantLib.

Produces : test/golden/analytics-quantlib.json
Tool     : QuantLib-Python (Debian package `quantlib-python`, imported by Debian's
           /usr/bin/python3; version read from QuantLib.__version__ and stored).
Run      : /usr/bin/python3 scripts/golden/analytics_quantlib.py
           (or scripts/golden/regenerate.sh for all golden files)

For each portfolio (fixed list, random parts with a fixed seed):
* base curve = ql.ZeroCurve (linear zero rates, continuous compounding,
  Actual365Fixed, NullCalendar) on the as_of date, pillars at integer day
  offsets, first pillar at day 0, every flow strictly inside the pillar range;
* pv = sum(amount * curve.discount(date)), t = days/365;
* pv_up / pv_down = same with every pillar zero +1 bp / -1 bp (ZeroCurve rebuilt);
  effective_duration = (pv_down - pv_up) / (2 pv 1e-4),
  effective_convexity = (pv_down + pv_up - 2 pv) / (pv 1e-8), dv01 = (pv_down - pv_up) / 2;
* key-rate durations for keys 0.25 ... 30 years: ql.PiecewiseZeroSpreadedTermStructure
  over the base curve with a +/-1 bp tent spread (1 bp at the key, 0 at the
  neighbouring keys, linear in t, flat beyond the first and last key);
  key dates = as_of + round_half_up(key * 365) days;
* flat-yield PVs: sum(amount * ql.InterestRate(y, Actual365Fixed, comp, freq).discountFactor(t)).
Independent Python re-computations are asserted to agree.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import random
import sys

import QuantLib as ql

sys.dont_write_bytecode = True  # keep scripts/golden/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

SEED = 9001
BP = 1e-4
DC = ql.Actual365Fixed()
CAL = ql.NullCalendar()
KEYS = [0.25, 0.5, 1, 2, 3, 5, 7, 10, 15, 20, 30]
D = dt.date

PILLARS_30Y = {
    "days": [0, 30, 91, 182, 365, 730, 1095, 1825, 2555, 3650, 5475, 7300, 10950],
    "zero": [0.0430, 0.0432, 0.0428, 0.0421, 0.0405, 0.0392, 0.0388, 0.0390, 0.0398,
             0.0410, 0.0425, 0.0432, 0.0430],
}
PILLARS_40Y_NEG = {
    "days": [0, 7, 33, 92, 184, 367, 549, 731, 1096, 1461, 2192, 3653, 5479, 7306, 9132,
             10958, 14610],
    "zero": [-0.0058, -0.0057, -0.0055, -0.0052, -0.0050, -0.0049, -0.0050, -0.0051,
             -0.0049, -0.0045, -0.0036, -0.0012, 0.0008, 0.0018, 0.0024, 0.0027, 0.0035],
}
PILLARS_SPARSE_INV = {
    "days": [0, 91, 365, 1095, 3650, 10958],
    "zero": [0.0550, 0.0520, 0.0470, 0.0410, 0.0360, 0.0340],
}

FLAT_YIELDS = [
    (0.03, "CONTINUOUS", ql.Continuous, ql.Annual, None),
    (0.03, "ANNUAL", ql.Compounded, ql.Annual, 1),
    (0.04, "SEMIANNUAL", ql.Compounded, ql.Semiannual, 2),
    (0.025, "QUARTERLY", ql.Compounded, ql.Quarterly, 4),
    (0.05, "MONTHLY", ql.Compounded, ql.Monthly, 12),
    (-0.005, "ANNUAL", ql.Compounded, ql.Annual, 1),
]


def round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def add_months(d: D, m: int) -> D:
    return C.add_months(d, m)


def portfolios(rng: random.Random):
    out = []

    # 1. 10y annual 4 % bullet bond, 100 face, on the 30y curve.
    as_of = D(2025, 1, 15)
    flows = [(add_months(as_of, 12 * k), 4.0 + (100.0 if k == 10 else 0.0)) for k in range(1, 11)]
    out.append(("bullet-10y-annual", "10y annual 4 % bullet bond, 100 face", as_of, PILLARS_30Y, flows))

    # 2. Amortising loan: 15y quarterly annuity (60 flows) on 1,000,000 at 5 %.
    as_of = D(2024, 6, 28)
    q = 0.05 / 4
    pay = 1_000_000 * q / (1 - (1 + q) ** -60)
    flows = [(add_months(D(2024, 6, 28), 3 * k), round(pay, 2)) for k in range(1, 61)]
    out.append(("annuity-15y-quarterly", "15y quarterly annuity, 60 equal flows of 23,790.53 (rounded to cents)",
                as_of, PILLARS_30Y, flows))

    # 3. ALM gap: short liabilities (negative) against long assets (positive).
    as_of = D(2025, 1, 15)
    flows = []
    for m in (1, 2, 3, 6, 9, 12, 18, 24):
        flows.append((add_months(as_of, m), -round(rng.uniform(1e6, 4e6), 2)))
    for y in (3, 5, 7, 10, 12, 15, 20, 25, 29):
        flows.append((add_months(as_of, 12 * y), round(rng.uniform(3e6, 9e6), 2)))
    out.append(("alm-gap-mixed", "ALM gap: 8 short negative (liability) flows, 9 long positive (asset) flows",
                as_of, PILLARS_30Y, flows))

    # 4. Long zero-coupon-like position near 29y with two small coupons.
    as_of = D(2025, 1, 15)
    flows = [(as_of + dt.timedelta(days=400), 1.5), (as_of + dt.timedelta(days=5000), 1.5),
             (as_of + dt.timedelta(days=10590), 100.0)]
    out.append(("long-29y", "3 flows, the big one at 10,590 days (~29y)", as_of, PILLARS_30Y, flows))

    # 5. Short-dated monthly flows within 1 year, mixed signs, on the negative-rate curve.
    as_of = D(2020, 3, 10)
    flows = [(add_months(as_of, m), (1 if m % 3 else -1) * round(rng.uniform(1e4, 1e5), 2)) for m in range(1, 13)]
    out.append(("short-monthly-negative-rates", "12 monthly flows < 1y with mixed signs, EUR negative-rate curve",
                as_of, PILLARS_40Y_NEG, flows))

    # 6. Random irregular portfolio, 45 flows up to 29y, mostly positive.
    as_of = D(2023, 9, 29)
    days = sorted(rng.sample(range(3, 10585), 45))
    flows = [(as_of + dt.timedelta(days=d), round(rng.uniform(-2e5, 1e6), 2)) for d in days]
    out.append(("random-irregular-45", "45 flows at random days up to ~29y, random signs (mostly positive)",
                as_of, PILLARS_40Y_NEG, flows))

    # 7. Semiannual 30y-curve bond beyond 20y key with a short negative hedge leg, inverted sparse curve.
    as_of = D(2024, 11, 20)
    flows = [(add_months(as_of, 6 * k), 2.75 + (100.0 if k == 50 else 0.0)) for k in range(1, 51)]
    flows.append((as_of + dt.timedelta(days=45), -20.0))
    flows.append((as_of + dt.timedelta(days=140), -30.0))
    flows.sort()
    out.append(("bond-25y-semiannual-hedged", "25y semiannual 5.5 % bond plus two short negative flows, inverted curve",
                as_of, PILLARS_SPARSE_INV, flows))

    # 8. Flows landing exactly on key dates and curve pillars (tent peaks, kinks).
    as_of = D(2025, 1, 15)
    key_days = [round_half_up(k * 365) for k in KEYS if k < 30]
    flows = [(as_of + dt.timedelta(days=d), 1000.0 * (i + 1)) for i, d in enumerate(key_days)]
    flows.append((as_of + dt.timedelta(days=30), 500.0))
    flows.append((as_of + dt.timedelta(days=10590), 250.0))
    flows.sort()
    out.append(("on-key-dates", "flows exactly on every key date below 30y, on the 30-day pillar, and at 10,590 days",
                as_of, PILLARS_30Y, flows))
    return out


def ql_date(d: D) -> ql.Date:
    return ql.Date(d.day, d.month, d.year)


def zero_curve(ref: ql.Date, pillars, shift=0.0):
    dates = [ref + d for d in pillars["days"]]
    return ql.ZeroCurve(dates, [z + shift for z in pillars["zero"]], DC, CAL, ql.Linear(), ql.Continuous, ql.Annual)


def pv_of(curve, ref, flows):
    return sum(a * curve.discount(ref + d) for d, a in flows)


def ref_zero(pillars, t):
    ts = [d / 365.0 for d in pillars["days"]]
    zs = pillars["zero"]
    for i in range(1, len(ts)):
        if t <= ts[i]:
            w = (t - ts[i - 1]) / (ts[i] - ts[i - 1])
            return zs[i - 1] + w * (zs[i] - zs[i - 1])
    raise ValueError("outside pillars")


def tent(j: int, key_t, t: float) -> float:
    """Weight of key j at time t: 1 at key j, 0 at neighbours, linear, flat beyond the ends."""
    n = len(key_t)
    if t <= key_t[0]:
        return 1.0 if j == 0 else 0.0
    if t >= key_t[-1]:
        return 1.0 if j == n - 1 else 0.0
    for i in range(1, n):
        if t <= key_t[i]:
            w = (t - key_t[i - 1]) / (key_t[i] - key_t[i - 1])
            return (1 - w) if j == i - 1 else w if j == i else 0.0
    raise AssertionError


def main() -> None:
    version = C.quantlib_version()
    rng = random.Random(SEED)
    cases = []
    max_dev = {"pv": 0.0, "krd_pv": 0.0, "flat": 0.0, "krd_sum_vs_dv01": 0.0}
    for pid, desc, as_of, pillars, raw_flows in portfolios(rng):
        ref = ql_date(as_of)
        ql.Settings.instance().evaluationDate = ref
        last = pillars["days"][-1]
        flows = [((d - as_of).days, a) for d, a in raw_flows]
        assert 3 <= len(flows) <= 60
        assert all(0 < d < last for d, _ in flows), pid
        assert max(d for d, _ in flows) <= 29 * 365 + 8

        base = zero_curve(ref, pillars)
        pv = pv_of(base, ref, flows)
        ref_pv = sum(a * math.exp(-ref_zero(pillars, d / 365.0) * d / 365.0) for d, a in flows)
        max_dev["pv"] = max(max_dev["pv"], abs(pv - ref_pv) / max(1.0, abs(pv)))
        assert abs(pv - ref_pv) <= 1e-12 * max(1.0, sum(abs(a) for _, a in flows))
        pv_up = pv_of(zero_curve(ref, pillars, +BP), ref, flows)
        pv_down = pv_of(zero_curve(ref, pillars, -BP), ref, flows)

        handle = ql.YieldTermStructureHandle(base)
        key_days = [round_half_up(k * 365) for k in KEYS]
        key_dates = [ref + d for d in key_days]
        key_t = [d / 365.0 for d in key_days]
        krd = []
        for j, key in enumerate(KEYS):
            res = {}
            for sign, name in ((+1, "pv_up"), (-1, "pv_down")):
                quotes = [ql.QuoteHandle(ql.SimpleQuote(sign * BP if i == j else 0.0)) for i in range(len(KEYS))]
                spreaded = ql.PiecewiseZeroSpreadedTermStructure(handle, quotes, key_dates, ql.Continuous,
                                                                 ql.NoFrequency, DC)
                spreaded.enableExtrapolation()
                p = pv_of(spreaded, ref, flows)
                ref_p = sum(a * math.exp(-(ref_zero(pillars, d / 365.0) + sign * BP * tent(j, key_t, d / 365.0))
                                         * d / 365.0) for d, a in flows)
                max_dev["krd_pv"] = max(max_dev["krd_pv"], abs(p - ref_p) / max(1.0, abs(p)))
                assert abs(p - ref_p) <= 1e-12 * max(1.0, sum(abs(a) for _, a in flows)), (pid, key, p, ref_p)
                res[name] = p
            krd.append({
                "key": key,
                "key_days": key_days[j],
                "key_t": key_t[j],
                "pv_up": res["pv_up"],
                "pv_down": res["pv_down"],
                "krd": (res["pv_down"] - res["pv_up"]) / (2 * pv * BP),
                "dv01": (res["pv_down"] - res["pv_up"]) / 2,
            })
        dv01 = (pv_down - pv_up) / 2
        krd_sum = sum(k["dv01"] for k in krd)
        max_dev["krd_sum_vs_dv01"] = max(max_dev["krd_sum_vs_dv01"], abs(krd_sum - dv01) / abs(dv01))

        flat = []
        for y, name, comp, freq, f in FLAT_YIELDS:
            ir = ql.InterestRate(y, DC, comp, freq)
            p = sum(a * ir.discountFactor(d / 365.0) for d, a in flows)
            ref_p = sum(a * (math.exp(-y * d / 365.0) if f is None else (1 + y / f) ** (-f * d / 365.0))
                        for d, a in flows)
            max_dev["flat"] = max(max_dev["flat"], abs(p - ref_p) / max(1.0, abs(p)))
            assert abs(p - ref_p) <= 1e-12 * max(1.0, sum(abs(a) for _, a in flows))
            flat.append({"yield": y, "compounding": name, "frequency": f if f is not None else 0, "pv": p})

        cases.append({
            "id": pid,
            "description": desc,
            "as_of": C.serial(as_of),
            "as_of_iso": C.iso(as_of),
            "pillars": [{"days": d, "t": d / 365.0, "zero": z} for d, z in zip(pillars["days"], pillars["zero"])],
            "flows": [{"date": C.serial(as_of) + d, "date_iso": C.iso(as_of + dt.timedelta(days=d)), "days": d,
                       "t": d / 365.0, "amount": a, "df": base.discount(ref + d)} for d, a in flows],
            "pv": pv,
            "pv_up": pv_up,
            "pv_down": pv_down,
            "effective_duration": (pv_down - pv_up) / (2 * pv * BP),
            "effective_convexity": (pv_down + pv_up - 2 * pv) / (pv * BP * BP),
            "dv01": dv01,
            "krd": krd,
            "flat_yield": flat,
        })

    notes = (
        f"QuantLib {version} (Python bindings); NullCalendar, Actual365Fixed, t = days/365 from as_of. "
        "Base curve: ql.ZeroCurve(as_of + pillar days, zeros, Actual365Fixed, NullCalendar, Linear, Continuous); "
        "pv = sum(amount * discount(date)). Parallel bump: every pillar zero +/-1 bp (1e-4), ZeroCurve rebuilt; "
        "pv_up = rates UP. effective_duration = (pv_down - pv_up)/(2 pv 1e-4), effective_convexity = "
        "(pv_down + pv_up - 2 pv)/(pv 1e-8), dv01 = (pv_down - pv_up)/2 (same currency units as amounts, per bp). "
        "Key rates: keys [0.25,0.5,1,2,3,5,7,10,15,20,30] years, key dates = as_of + round_half_up(key*365) days "
        "(91, 183, 365, 730, 1095, 1825, 2555, 3650, 5475, 7300, 10950; note 0.5y -> 183 days = JS Math.round, "
        "whereas Python's round() would give 182), so the tent nodes are at key_t = key_days/365 (0.24932 and "
        "0.50137 for the first two keys, not 0.25/0.5). For key j: ql.PiecewiseZeroSpreadedTermStructure(base, "
        "spreads, key dates, Continuous, NoFrequency, Actual365Fixed) with spread +/-1 bp at key j and 0 at the "
        "other keys; QuantLib interpolates the spread linearly in t between key dates and holds it flat before "
        "the first and after the last key date, so key 0.25 gets full weight for t < key_t[0] and key 30 for "
        "t > key_t[-1]. krd = (pv_down_k - pv_up_k)/(2 pv 1e-4), dv01 = (pv_down_k - pv_up_k)/2. "
        "flat_yield: pv = sum(amount * ql.InterestRate(yield, Actual365Fixed, comp, freq).discountFactor(t)): "
        "CONTINUOUS exp(-y t), periodic (1+y/f)^(-f t); frequency 0 means continuous. "
        "Curves: 30y USD-like (13 pillars), 40y EUR negative-rate (17 pillars), sparse inverted to 10958 days. "
        "Independent Python re-computations agree (relative): "
        + ", ".join(f"{k} {v:.1e}" for k, v in max_dev.items())
        + " (krd_sum_vs_dv01 = |sum of key dv01 - parallel dv01| / |dv01|: the tents sum to 1 everywhere, "
        "so the difference is only the third-order terms of the central differences, O(bp^2 t^2) relative). "
        f"Random parts: Python random.Random({SEED})."
    )
    out = {
        "source": "QuantLib-Python ZeroCurve / PiecewiseZeroSpreadedTermStructure / InterestRate",
        "tool_version": C.quantlib_tool_version(),
        "generated_by": "scripts/golden/analytics_quantlib.py",
        "notes": notes,
        "bump": BP,
        "keys": KEYS,
        "cases": cases,
    }
    path = C.write_json("analytics-quantlib.json", out)
    print(f"wrote {path}: {len(cases)} portfolios; max deviations {max_dev}")
    for c in cases:
        print(f"  {c['id']}: {len(c['flows'])} flows pv={c['pv']:.6f} dur={c['effective_duration']:.6f} "
              f"conv={c['effective_convexity']:.4f}")


if __name__ == "__main__":
    main()
