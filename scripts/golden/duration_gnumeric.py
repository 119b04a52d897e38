#!/usr/bin/python3
"""Golden data: bond DURATION / MDURATION (and PRICE) as computed by Gnumeric.

Produces : test/golden/duration-gnumeric.json
Tool     : Gnumeric `ssconvert --recalc` (Debian package `gnumeric`; the exact
           version is read from `ssconvert --version` and stored in the JSON).
Run      : /usr/bin/python3 scripts/golden/duration_gnumeric.py
           (or scripts/golden/regenerate.sh for all golden files)

Bonds (fixed seed): settlement ON a coupon date (coupon dates roll back from
maturity by 12/frequency months; maturity day-of-month <= 28, so no
end-of-month effects), basis 0 (US 30/360), frequency 1, 2 or 4, coupon 0-12 %
(a few zero coupons), yield -2 % ... 15 % (about 30 negative, a few 0 %),
1-30 years to maturity.  For each bond: Gnumeric
DURATION(settlement, maturity, coupon, yld, frequency, 0),
MDURATION(...), PRICE(settlement, maturity, coupon, yld, 100, frequency, 0),
and the explicit cash flows per 100 face.  The Macaulay duration recomputed
from the cash flows (period-count times, yield compounded `frequency` times a
year) is asserted to agree with Gnumeric.  Microsoft's documented DURATION and
MDURATION examples are evaluated separately ("documented").
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
from collections import Counter

sys.dont_write_bytecode = True  # keep scripts/golden/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

SEED = 7151
N_BONDS = 240
N_NEGATIVE_YIELD = 30
N_ZERO_YIELD = 4
N_ZERO_COUPON = 8
N_PAR = 6
D = dt.date


def make_bonds(rng: random.Random):
    bonds = []
    for i in range(N_BONDS):
        f = rng.choice([1, 2, 4])
        years = rng.randint(1, 30)
        n = rng.randint(max(f * (years - 1) + 1, f), f * years)  # periods: maturity in [1, 30] years
        if i < 3:  # shortest possible bonds: a single remaining period of 1 year
            f, n = 1, 1
        step = 12 // f
        maturity = D(rng.randint(2026, 2065), rng.randint(1, 12), rng.randint(1, 28))
        settlement = C.add_months(maturity, -n * step)
        if i < N_ZERO_COUPON:
            coupon = 0.0
        else:
            coupon = round(rng.uniform(0.0, 0.12), 5)
        if N_ZERO_COUPON <= i < N_ZERO_COUPON + N_NEGATIVE_YIELD:
            yld = round(rng.uniform(-0.02, -0.0001), 6)
        elif N_ZERO_COUPON + N_NEGATIVE_YIELD <= i < N_ZERO_COUPON + N_NEGATIVE_YIELD + N_ZERO_YIELD:
            yld = 0.0
        elif i >= N_BONDS - N_PAR:
            yld = coupon
        else:
            yld = round(rng.uniform(0.0, 0.15), 6)
        if i < 4:  # zero coupons with negative yields too
            yld = round(rng.uniform(-0.02, -0.0001), 6)
        flows = []
        for k in range(1, n + 1):
            d = C.add_months(settlement, k * step)
            amt = 100.0 * coupon / f + (100.0 if k == n else 0.0)
            if amt != 0.0:
                flows.append({"date": C.serial(d), "date_iso": C.iso(d), "amount": amt})
        assert C.add_months(settlement, n * step) == maturity
        bonds.append({
            "settlement": settlement, "maturity": maturity, "coupon": coupon, "yield": yld,
            "frequency": f, "periods": n, "flows": flows,
        })
    return bonds


def args(b) -> str:
    return (f"{C.date_formula(b['settlement'])},{C.date_formula(b['maturity'])},"
            f"{b['coupon']!r},{b['yield']!r}")


def _all_flows(b):
    """Every period's flow, zero amounts included (index k-1 = period k)."""
    f, c, n = b["frequency"], b["coupon"], b["periods"]
    return [{"amount": 100.0 * c / f + (100.0 if k == n else 0.0)} for k in range(1, n + 1)]


def macaulay_from_flows(b) -> float:
    """Reference: Macaulay duration with time in periods/f, discounting at (1+y/f)."""
    f, y, c, n = b["frequency"], b["yield"], b["coupon"], b["periods"]
    v = 1.0 / (1.0 + y / f)
    num = den = 0.0
    for k in range(1, n + 1):
        cf = 100.0 * c / f + (100.0 if k == n else 0.0)
        pv = cf * v ** k
        num += (k / f) * pv
        den += pv
    return num / den


def main() -> None:
    version = C.gnumeric_version()
    rng = random.Random(SEED)
    bonds = make_bonds(rng)

    formulas = []
    for b in bonds:
        a, f = args(b), b["frequency"]
        formulas += [
            f"=DURATION({a},{f},0)",
            f"=MDURATION({a},{f},0)",
            f"=PRICE({C.date_formula(b['settlement'])},{C.date_formula(b['maturity'])},"
            f"{b['coupon']!r},{b['yield']!r},100,{f},0)",
            f"={C.date_formula(b['settlement'])}",
            f"={C.date_formula(b['maturity'])}",
        ]
    documented_specs = [
        ("DURATION", "=DURATION(DATE(2018,7,1),DATE(2048,1,1),0.08,0.09,2,1)", 10.9191453,
         "Microsoft DURATION example: settlement 2018-07-01, maturity 2048-01-01, coupon 8 %, "
         "yield 9 %, semiannual, basis 1 (Actual/actual); Microsoft shows 10.9191453"),
        ("MDURATION", "=MDURATION(DATE(2008,1,1),DATE(2016,1,1),0.08,0.09,2,1)", 5.73567,
         "Microsoft MDURATION example: settlement 2008-01-01, maturity 2016-01-01, coupon 8 %, "
         "yield 9 %, semiannual, basis 1; Microsoft shows 5.73567"),
    ]
    formulas += [s[1] for s in documented_specs]
    values = C.gnumeric_numbers(formulas)

    cases = []
    errors = []
    max_dev = 0.0
    for i, b in enumerate(bonds):
        dur, mdur, price, s_ser, m_ser = values[5 * i: 5 * i + 5]
        assert s_ser == C.serial(b["settlement"]) and m_ser == C.serial(b["maturity"])
        case = {
            "settlement": C.serial(b["settlement"]),
            "maturity": C.serial(b["maturity"]),
            "settlement_iso": C.iso(b["settlement"]),
            "maturity_iso": C.iso(b["maturity"]),
            "coupon": b["coupon"],
            "yield": b["yield"],
            "frequency": b["frequency"],
            "basis": 0,
            "periods": b["periods"],
        }
        for key, v in (("duration", dur), ("mduration", mdur), ("price", price)):
            if isinstance(v, str):
                case[key + "_error"] = v
                errors.append(f"{key} {v} ({'yld<0' if b['yield'] < 0 else 'yld=0' if b['yield'] == 0 else 'yld>0'})")
            else:
                case[key] = v
        if not isinstance(dur, str):
            ref = macaulay_from_flows(b)
            dev = abs(dur - ref) / max(1.0, abs(ref))
            max_dev = max(max_dev, dev)
            assert dev < 1e-11, (i, b, dur, ref)
            if not isinstance(mdur, str):
                assert abs(mdur - dur / (1 + b["yield"] / b["frequency"])) < 1e-11 * max(1.0, dur)
        if not isinstance(price, str):
            v = 1.0 / (1.0 + b["yield"] / b["frequency"])
            ref_p = sum(fl["amount"] * v ** (k + 1) for k, fl in enumerate(_all_flows(b)))
            assert abs(price - ref_p) < 1e-10 * max(1.0, ref_p), (i, price, ref_p)
        case["flows"] = b["flows"]
        cases.append(case)

    documented = []
    for (fn, formula, ms, desc), v in zip(documented_specs, values[5 * len(bonds):]):
        entry = {"function": fn, "formula": formula, "description": desc, "microsoft_value": ms}
        if isinstance(v, str):
            entry["error"] = v
        else:
            entry["value"] = v
        documented.append(entry)

    n_neg = sum(1 for c in cases if c["yield"] < 0)
    n_zero_c = sum(1 for c in cases if c["coupon"] == 0)
    notes = (
        f"Gnumeric {version} DURATION/MDURATION/PRICE evaluated with `ssconvert --recalc`. "
        f"{len(cases)} bonds ({n_neg} with negative yield, {n_zero_c} zero-coupon), basis 0, settlement on a "
        "coupon date (coupon dates = maturity rolled back by 12/frequency months, day-of-month <= 28). "
        "flows: per 100 face, coupon 100*coupon/frequency on every coupon date after settlement, the "
        "maturity flow is coupon + 100 in one entry; zero-amount flows (zero-coupon bonds) are omitted. "
        "Macaulay duration recomputed from the flows as sum((k/f)*CF_k*(1+y/f)^-k)/sum(CF_k*(1+y/f)^-k) "
        f"agrees with Gnumeric DURATION to a relative {max_dev:.1e}; MDURATION = DURATION/(1+y/f). "
        + ("Gnumeric errors (recorded as <field>_error instead of a value): "
           + "; ".join(f"{k}: {n}x" for k, n in sorted(Counter(errors).items())) + ". " if errors else
           "Gnumeric returned no error for any case, including negative and zero yields. ")
        + "Caveat: Microsoft documents #NUM! for DURATION/MDURATION when yld < 0, Gnumeric instead returns "
        "the formula's natural continuation (matching the flow-based recomputation); Gnumeric PRICE returns "
        "#NUM! for yld <= 0 (recorded as price_error), while Microsoft documents #NUM! only for yld < 0. "
        "PRICE is Gnumeric's clean price per 100 (= dirty price here, no accrued interest on a coupon date). "
        "`documented` holds Microsoft's documented examples as Gnumeric computes them (basis 1, settlement "
        "not on a coupon date). Gnumeric computes in long double; values are the nearest double. "
        f"Random draws: Python random.Random({SEED})."
    )
    out = {
        "source": "Gnumeric DURATION / MDURATION / PRICE via ssconvert --recalc",
        "tool_version": C.gnumeric_tool_version(),
        "generated_by": "scripts/golden/duration_gnumeric.py",
        "notes": notes,
        "documented": documented,
        "cases": cases,
    }
    path = C.write_json("duration-gnumeric.json", out)
    print(f"wrote {path}: {len(cases)} bonds, {len(errors)} errors, max rel dev {max_dev:.2e}")
    for d in documented:
        print("  documented:", d["formula"], d.get("value", d.get("error")))


if __name__ == "__main__":
    main()
