#!/usr/bin/python3
"""Golden data: EVE of a small banking book under the six Basel IRRBB scenarios,
with the cash flows rebuilt here in Python and discounted with QuantLib.

Produces : test/golden/irrbb-eve-quantlib.json
Tool     : QuantLib-Python (Debian package `quantlib-python`, imported by Debian's
           /usr/bin/python3; version read from QuantLib.__version__ and stored).
Run      : /usr/bin/python3 scripts/golden/irrbb_eve_quantlib.py

What it does, independently of the TypeScript engine:
* positions: bullets (annual / semiannual coupons), a monthly annuity, a quarterly
  linear amortiser, two liabilities and a quarterly floater, all dated on the 15th
  so that month arithmetic never clamps; the table is stored exactly as a user
  would type it (ISO dates) so the TS tests feed it to ALM.EVE / ALM.DELTAEVE;
* repricing flows (docs/functions.md#the-positions-table): regular schedule rolled back from maturity by whole
  months (ql.Schedule, Backward, NullCalendar, Unadjusted); interest on the
  outstanding at the position's rate, Actual/365 fixed (basis 3) from the previous
  roll date, computed by ql.FixedRateLeg over the outstanding notionals; annuity
  level payment that repays the balance exactly under Actual/365 accrual over the N
  remaining payments, principal = payment - interest, the last payment repays the rest;
  linear: outstanding/(payments left); the floater ends at NextReset with its full
  notional plus interest accrued from the previous roll date; a plain-Python
  recomputation of every interest amount must agree to 1e-9;
* shock sizes: this script's own transcription of docs/methodology/irrbb.md §1
  for the currencies used; scenario shifts (SRP31.91, x = 4):
  parallel +/-S_par; short +/-S_short e^(-t/4); steepener -0.65 S_short e^(-t/4)
  + 0.9 S_long (1 - e^(-t/4)); flattener +0.8 S_short e^(-t/4) - 0.6 S_long (1 - e^(-t/4));
* base curve = ql.ZeroCurve(base pillars, Linear, Continuous, Actual365Fixed); the
  scenario rate of a flow at t = days/365 is the base zero rate there plus the
  shift evaluated at t itself (never interpolated between shocked pillars), floored
  as max(shocked, min(floor(t), z0(t))) with floor(t) = min(-150 + 3t, 0) bp (EU),
  0 (ZERO) or a number: a floor never lifts a rate above its unshocked value;
* EVE = sum(amount * exp(-r(t) t)); every flow lies strictly inside the pillar
  range, so QuantLib's extrapolation never enters; a plain-Python linear zero
  interpolation must agree to 1e-12 relative. Each case also stores the shocked
  zero rates at the pillar tenors (what ALM.SHOCK returns there).
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
from _irrbb import BP, SCENARIOS, SHOCK_SIZES, floored, plain_zero, shift_bp  # noqa: E402

D = dt.date
DC = ql.Actual365Fixed()
CAL = ql.NullCalendar()
AS_OF = D(2026, 1, 15)

PILLAR_DAYS = [0, 30, 91, 182, 365, 730, 1095, 1825, 2555, 3650, 5475, 7300, 10950]
CURVES = {
    "usd-normal": [0.0430, 0.0432, 0.0428, 0.0421, 0.0405, 0.0392, 0.0388, 0.0390, 0.0398, 0.0410, 0.0425, 0.0432, 0.0430],
    "low-negative-short": [-0.0160, -0.0120, -0.0080, -0.0040, 0.0000, 0.0030, 0.0050, 0.0075, 0.0090, 0.0105, 0.0120, 0.0125, 0.0120],
}
CASES = [
    ("usd-bcbs2024-none", "USD", "BCBS2024", "NONE", "usd-normal"),
    ("eur-eu-eufloor", "EUR", "EU", "EU", "low-negative-short"),
    ("jpy-bcbs2016-zero", "JPY", "BCBS2016", "ZERO", "low-negative-short"),
    ("gbp-bcbs2024-rate", "GBP", "BCBS2024", -0.0075, "low-negative-short"),
]

HEADER = ["Id", "Side", "Balance", "Rate", "Maturity", "Amortization", "Frequency", "Type", "NextReset"]
POSITIONS = [
    # id, side, balance, rate, maturity, amortization, frequency, type, next reset
    ("BOND5", "A", 1_000_000, 0.04, D(2031, 3, 15), "BULLET", 1, "FIXED", None),
    ("MORT", "A", 250_000, 0.055, D(2040, 6, 15), "ANNUITY", 12, "FIXED", None),
    ("NOTE", "A", 500_000, 0.03, D(2028, 9, 15), "BULLET", 2, "FIXED", None),
    ("LOAN", "A", 300_000, 0.06, D(2029, 1, 15), "LINEAR", 4, "FIXED", None),
    ("TD", "L", 800_000, 0.025, D(2027, 7, 15), "BULLET", 1, "FIXED", None),
    ("ISSUE", "L", 600_000, 0.0375, D(2033, 11, 15), "BULLET", 1, "FIXED", None),
    ("FRN", "A", 400_000, 0.048, D(2032, 1, 15), "BULLET", 4, "FLOATING", D(2026, 4, 15)),
]


def ql_date(d: D) -> ql.Date:
    return ql.Date(d.day, d.month, d.year)


def py_date(d: ql.Date) -> D:
    return D(d.year(), d.month(), d.dayOfMonth())


def schedule_dates(maturity: D, months: int, as_of: D):
    """Roll dates back from maturity by `months`: (previous roll date <= as_of, payment dates > as_of)."""
    k = 0
    while C.add_months(maturity, -months * (k + 1)) > as_of:
        k += 1
    previous = C.add_months(maturity, -months * (k + 1))
    sched = ql.Schedule(ql_date(previous), ql_date(maturity), ql.Period(months, ql.Months), CAL,
                        ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, False)
    dates = [py_date(d) for d in sched]
    assert dates[0] == previous and dates[-1] == maturity and all(d > as_of for d in dates[1:])
    return dates


def position_flows(pos):
    """Repricing flows [(date, principal, interest)] of one position (sign applied later)."""
    pid, _side, balance, rate, maturity, amort, freq, kind, reset = pos
    months = 12 // freq
    dates = schedule_dates(maturity, months, AS_OF)
    if kind == "FLOATING":
        interest = balance * rate * (reset - dates[0]).days / 365
        return [(reset, float(balance), interest)], [(reset, float(balance), interest)]
    n = len(dates) - 1
    outstanding = float(balance)
    notionals, principals = [], []
    # Level payment that repays the balance exactly under Actual/365 accrual: B / sum_k prod_{j<=k} 1/(1 + r a_j)
    # (docs/methodology/cashflows.md); it equals B i / (1 - (1 + i)^-N) when every a_j is 1/freq.
    payment = 0.0
    if amort == "ANNUITY":
        discount, annuity = 1.0, 0.0
        for k in range(n):
            discount /= 1 + rate * (dates[k + 1] - dates[k]).days / 365
            annuity += discount
        payment = outstanding / annuity
    for k in range(n):
        notionals.append(outstanding)
        interest = outstanding * rate * (dates[k + 1] - dates[k]).days / 365
        if k == n - 1:
            principal = outstanding
        elif amort == "BULLET":
            principal = 0.0
        elif amort == "ANNUITY":
            principal = payment - interest
        else:
            principal = outstanding / (n - k)
        principals.append(principal)
        outstanding -= principal
    # QuantLib computes the interest of each period on the outstanding notional.
    sched = ql.Schedule([ql_date(d) for d in dates], CAL, ql.Unadjusted)
    leg = ql.FixedRateLeg(sched, DC, notionals, [rate])
    flows = []
    plain = []
    for k, cf in enumerate(leg):
        d = py_date(cf.date())
        assert d == dates[k + 1]
        flows.append((d, principals[k], cf.amount()))
        plain.append((d, principals[k], notionals[k] * rate * (dates[k + 1] - dates[k]).days / 365))
    return flows, plain


def main() -> None:
    ref = ql_date(AS_OF)
    ql.Settings.instance().evaluationDate = ref
    flows = []  # (days, signed amount)
    by_position = []
    max_interest_dev = 0.0
    for pos in POSITIONS:
        sign = 1 if pos[1] == "A" else -1
        pf, plain = position_flows(pos)
        for (d, p, i), (_, _, i2) in zip(pf, plain):
            max_interest_dev = max(max_interest_dev, abs(i - i2))
            assert abs(i - i2) <= 1e-9, (pos[0], d, i, i2)
        total_principal = sum(p for _, p, _ in pf)
        assert abs(total_principal - pos[2]) <= 1e-6, (pos[0], total_principal)
        by_position.append({
            "id": pos[0],
            "flows": [{"date": C.serial(d), "date_iso": C.iso(d), "principal": sign * p, "interest": sign * i} for d, p, i in pf],
        })
        flows += [((d - AS_OF).days, sign * (p + i)) for d, p, i in pf]
    net = {}
    for d, a in flows:
        net[d] = net.get(d, 0.0) + a
    daily = sorted(net.items())
    assert all(0 < d < PILLAR_DAYS[-1] for d, _ in daily)

    times = [d / 365.0 for d in PILLAR_DAYS]
    cases = []
    max_pv_dev = 0.0
    for cid, currency, calibration, floor, curve_id in CASES:
        zeros0 = CURVES[curve_id]
        sizes = SHOCK_SIZES[calibration][currency]
        rows = []
        base_curve = ql.ZeroCurve([ref + d for d in PILLAR_DAYS], zeros0, DC, CAL, ql.Linear(), ql.Continuous, ql.Annual)

        def rate(name, z0, t):
            return z0 if name == "BASE" else floored(floor, t, z0 + shift_bp(name, sizes, t) * BP, z0)

        for name in ["BASE"] + SCENARIOS:
            zs = [rate(name, z, t) for t, z in zip(times, zeros0)]
            eve = 0.0
            for d, a in daily:
                t = d / 365.0
                z0 = base_curve.zeroRate(ref + d, DC, ql.Continuous).rate()
                eve += a * math.exp(-rate(name, z0, t) * t)
            plain = sum(a * math.exp(-rate(name, plain_zero(list(zip(times, zeros0)), d / 365.0), d / 365.0) * d / 365.0) for d, a in daily)
            max_pv_dev = max(max_pv_dev, abs(eve - plain) / abs(eve))
            assert abs(eve - plain) <= 1e-12 * abs(eve), (cid, name, eve, plain)
            rows.append({"scenario": name, "zeros": zs, "eve": eve})
        base = rows[0]["eve"]
        for r in rows:
            r["delta"] = r["eve"] - base
        cases.append({
            "id": cid,
            "currency": currency,
            "calibration": calibration,
            "floor": floor,
            "sizes_bp": {"parallel": sizes[0], "short": sizes[1], "long": sizes[2]},
            "pillars": [{"days": d, "t": d / 365.0, "zero": z} for d, z in zip(PILLAR_DAYS, zeros0)],
            "scenarios": rows,
        })

    positions = [HEADER] + [
        [pid, side, bal, rate, C.iso(mat), amort, freq, kind, C.iso(reset) if reset else None]
        for pid, side, bal, rate, mat, amort, freq, kind, reset in POSITIONS
    ]
    notes = (
        f"QuantLib {C.quantlib_version()} (Python bindings); NullCalendar, Actual365Fixed, t = days/365 from as_of. "
        "Flows rebuilt in Python from the positions (repricing view of docs/methodology/cashflows.md, basis 3): ql.Schedule backward from maturity "
        "by 12/Frequency months; interest by ql.FixedRateLeg on the outstanding notionals (checked against plain Python "
        f"to {max_interest_dev:.1e}); annuity level payment repaying the balance exactly under Actual/365 accrual, principal = payment - interest; "
        "linear = outstanding / payments left; floater ends at NextReset with notional + accrued interest. "
        "Base curve ql.ZeroCurve(as_of + pillar days, zeros, Actual365Fixed, NullCalendar, Linear, Continuous); "
        "scenario rate at each flow's t = days/365: z0(t) + shift(t) (SRP31.91, x = 4, evaluated at t itself), floored as "
        "max(shocked, min(floor(t), z0(t))) (EU floor(t) = min(-150 + 3t, 0) bp; ZERO 0; a number); BASE unshocked and unfloored; "
        "zeros = the scenario rates at the pillar tenors. "
        "eve = sum(net daily flow * exp(-r(t) t)); delta = eve - eve(BASE). Plain-Python linear zero interpolation "
        f"agrees to {max_pv_dev:.1e} relative."
    )
    out = {
        "source": "QuantLib-Python Schedule / FixedRateLeg / ZeroCurve",
        "tool_version": C.quantlib_tool_version(),
        "generated_by": "scripts/golden/irrbb_eve_quantlib.py",
        "notes": notes,
        "as_of": C.serial(AS_OF),
        "as_of_iso": C.iso(AS_OF),
        "positions": positions,
        "position_flows": by_position,
        "daily_flows": [{"days": d, "amount": a} for d, a in daily],
        "cases": cases,
    }
    path = C.write_json("irrbb-eve-quantlib.json", out)
    print(f"wrote {path}: {len(daily)} flow days, {len(cases)} cases")
    for c in cases:
        print("  " + c["id"] + ": " + ", ".join(f"{r['scenario']} {r['eve']:.2f}" for r in c["scenarios"]))


if __name__ == "__main__":
    main()
