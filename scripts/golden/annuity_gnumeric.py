#!/usr/bin/python3
"""Golden data: monthly annuity loans - PMT / IPMT / PPMT as computed by Gnumeric.

Produces : test/golden/annuity-gnumeric.json
Tool     : Gnumeric `ssconvert --recalc` (Debian package `gnumeric`; the exact
           version is read from `ssconvert --version` and stored in the JSON).
Run      : /usr/bin/python3 scripts/golden/annuity_gnumeric.py
           (or scripts/golden/regenerate.sh for all golden files)

Loans (fixed list plus seeded random ones): balance 1,000-1,000,000 with cents,
annual rate -1 % ... 12 % (including 0 %), 6-360 months, start date `as_of`
with day-of-month <= 28, maturity = EDATE(as_of, months).  Gnumeric evaluates
PMT(rate/12, n, -balance) and, for every period k = 1..n,
IPMT(rate/12, k, n, -balance), PPMT(rate/12, k, n, -balance) and
EDATE(as_of, k) (cross-checked against our own month arithmetic).  An
independent amortisation recursion is asserted to agree.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys

sys.dont_write_bytecode = True  # keep scripts/golden/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

SEED = 31337
D = dt.date

# (balance, annual rate, months, as_of)
FIXED_LOANS = [
    (250000.37, 0.05, 360, D(2025, 1, 15)),
    (1000.00, 0.12, 6, D(2024, 2, 28)),
    (1000000.00, 0.0, 120, D(2025, 3, 1)),
    (54321.99, -0.01, 60, D(2020, 6, 10)),
    (75000.50, -0.0025, 36, D(2021, 12, 28)),
    (12345.67, 0.0001, 24, D(2023, 11, 5)),
    (999999.99, 0.12, 360, D(2025, 1, 1)),
    (1500.01, 0.0399, 7, D(2019, 8, 20)),
]
N_RANDOM = 10


def make_loans(rng: random.Random):
    loans = list(FIXED_LOANS)
    for _ in range(N_RANDOM):
        balance = round(rng.uniform(1000, 1000000), 2)
        rate = round(rng.uniform(-0.01, 0.12), 5)
        months = rng.randint(6, 360)
        as_of = D(rng.randint(2015, 2030), rng.randint(1, 12), rng.randint(1, 28))
        loans.append((balance, rate, months, as_of))
    return loans


def main() -> None:
    version = C.gnumeric_version()
    rng = random.Random(SEED)
    loans = make_loans(rng)

    formulas = []
    layout = []
    for balance, rate, n, as_of in loans:
        r = f"{rate!r}/12"
        b = f"-{balance!r}"
        start = len(formulas)
        formulas.append(f"=PMT({r},{n},{b})")
        for k in range(1, n + 1):
            formulas.append(f"=IPMT({r},{k},{n},{b})")
            formulas.append(f"=PPMT({r},{k},{n},{b})")
            formulas.append(f"=EDATE({C.date_formula(as_of)},{k})")
        layout.append(start)
    values = C.gnumeric_numbers(formulas)
    errors = [(formulas[i], v) for i, v in enumerate(values) if isinstance(v, str)]
    if errors:
        raise SystemExit(f"Gnumeric returned errors: {errors[:5]}")

    cases = []
    max_dev = 0.0
    for (balance, rate, n, as_of), start in zip(loans, layout):
        pmt = values[start]
        periods = []
        bal = balance
        i = rate / 12
        for k in range(1, n + 1):
            ipmt, ppmt, edate = values[start + 3 * k - 2: start + 3 * k + 1]
            d = C.add_months(as_of, k)
            assert edate == C.serial(d), (as_of, k, edate)
            # Independent amortisation: interest on the outstanding balance.
            ref_i = bal * i
            ref_p = pmt - ref_i
            bal -= ref_p
            dev = max(abs(ipmt - ref_i), abs(ppmt - ref_p), abs(ipmt + ppmt - pmt)) / max(1.0, balance)
            max_dev = max(max_dev, dev)
            assert dev < 1e-10, (balance, rate, n, k, ipmt, ref_i, ppmt, ref_p)
            periods.append({"k": k, "date": C.serial(d), "date_iso": C.iso(d), "ipmt": ipmt, "ppmt": ppmt})
        assert abs(bal) < 1e-8 * balance, (balance, rate, n, bal)
        maturity = C.add_months(as_of, n)
        cases.append({
            "balance": balance,
            "rate": rate,
            "months": n,
            "as_of": C.serial(as_of),
            "as_of_iso": C.iso(as_of),
            "maturity": C.serial(maturity),
            "maturity_iso": C.iso(maturity),
            "pmt": pmt,
            "periods": periods,
        })

    notes = (
        f"Gnumeric {version} PMT(rate/12, months, -balance), IPMT(rate/12, k, months, -balance), "
        "PPMT(rate/12, k, months, -balance) (type 0 = payments at period end), evaluated with "
        "`ssconvert --recalc`; `rate` is the annual nominal rate and rate/12 is computed inside Gnumeric. "
        "Sign convention: the present value is passed as -balance (money received by the borrower counted "
        "negative), so PMT, PPMT and IPMT come out POSITIVE for a positive rate (they are what the borrower "
        "pays); with a negative rate IPMT is negative (interest paid to the borrower) and PPMT > PMT; at 0 % "
        "Gnumeric gives PMT = balance/months, IPMT = 0. ipmt + ppmt = pmt and sum(ppmt) = balance. "
        f"{len(cases)} loans. Period k's date = EDATE(as_of, k) (Gnumeric's EDATE equals ours; day-of-month <= 28), "
        "maturity = EDATE(as_of, months). An independent amortisation recursion (interest = outstanding "
        f"balance * rate/12) agrees to {max_dev:.1e} relative to the balance. Gnumeric computes in long "
        "double; values are the nearest double. "
        f"Random loans: Python random.Random({SEED})."
    )
    out = {
        "source": "Gnumeric PMT / IPMT / PPMT / EDATE via ssconvert --recalc",
        "tool_version": C.gnumeric_tool_version(),
        "generated_by": "scripts/golden/annuity_gnumeric.py",
        "notes": notes,
        "cases": cases,
    }
    path = C.write_json("annuity-gnumeric.json", out)
    print(f"wrote {path}: {len(cases)} loans, {sum(len(c['periods']) for c in cases)} periods, "
          f"max dev {max_dev:.2e}")


if __name__ == "__main__":
    main()
