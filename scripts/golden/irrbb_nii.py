#!/usr/bin/python3
"""Golden data for IRRBB issue 16 (item 6): NII on a constant balance sheet with market-consistent renewal
(forward rates of the base curve, the change of the forward under the scenario), client-rate caps and floors
(a non-maturity deposit never below 0 % unless its Floor says so), prepayment (CPR) and early redemption
(TDRR) repaid and renewed within the horizon, BASEL behavioural multipliers, ramps, the curve floor of the
`[floor]` argument, the EU calibration through ALM.DELTANII's `[calibration]`, and the EU NII outlier test
through its `[tier1]`.

Produces : test/golden/irrbb-nii-supervisory.json   (read by test/functions/irrbb-nii-supervisory.test.ts)
Tool     : QuantLib-Python (Debian package `quantlib-python`, imported by Debian's /usr/bin/python3; version
           read from QuantLib.__version__ and stored in `tool_version`).
Run      : /usr/bin/python3 scripts/golden/irrbb_nii.py
           Deterministic: a re-run on the same QuantLib version rewrites the file byte for byte.

Nothing here comes from the TypeScript engine: the rules below are transcribed from the methodology
(docs/methodology/irrbb.md §4 NII, docs/methodology/cashflows.md for CPR/TDRR) and the published texts
(EU Delegated Regulation 2024/856 Art. 1(2), 3(7), 4 and 5(1); SRP31.90-31.91 and the SRP31 behavioural
multipliers), and every number is computed by this script.

Rules (the contract of issue 16):
* Horizon [as_of, EDATE(as_of, horizon_months)), default 12 months.  NII = interest ACCRUED in the horizon,
  assets +, liabilities -.  Every position here has Basis 3 (Actual/365): accrual = days / 365.
* Base curve: pillars (tenor years, continuously-compounded zero), zero rate linear in t, flat beyond both
  ends; t = days/365 from as_of.  Z(t) = z(t) t.  Forward of tenor tau starting at t:
  F(t, tau) = (Z(t + tau) - Z(t)) / tau.
* Scenario curve seen at calendar date d: z_s,d(t) = floored(z(t) + w(d) DeltaR(t)), DeltaR the SRP31.91 shift
  (x = 4) in the calibration's sizes (BCBS2024 default, EU = Reg. 2024/856 Annex Part A, or own sizes),
  w(d) = min(1, (d - as_of) / (EDATE(as_of, ramp) - as_of)) with a ramp, else 1; floored(r) =
  max(r, min(floor(t), z(t))) with floor(t) = EU min(-150 + 3t, 0) bp (Reg. 2024/856 Art. 3(7)), ZERO 0, or a
  number.  BASE is never shocked or floored.  DeltaF(d, tau) = F_s,d(t_d, tau) - F(t_d, tau), t_d = (d - as_of)/365.
* A position earns its current Rate until it reprices.  At each repricing date d an amount renews like-for-like
  for its repricing tenor tau at  margin + F(t_d, tau) + Beta DeltaF(d, tau),  then bounded min(Cap, max(Floor, .));
  a non-maturity deposit (Category) has the lower bound Floor if given, else 0.  margin = Rate - z(tau) (base
  zero at as_of); for floaters Spread where given.  Beta default 1.
* Repricing: floaters in full at NextReset, then every ResetMonths by EDATE from NextReset, tau = ResetMonths/12;
  fixed positions at each principal payment (scheduled, prepaid, redeemed) and at maturity, each renewed piece
  rolling over every T days, T = Maturity - Start (days), or Maturity - as_of without Start, tau = T/365, each
  roll at the then-forward (same formula, new d); NMDs in full at as_of, then daily, tau = 1/365.
* CPR (docs/methodology/cashflows.md, repricing view): at each payment date, after the scheduled principal,
  SMM = 1 - (1 - CPR)^(months/12) of the remaining balance is prepaid (months = 12 / Frequency); an annuity's
  level payment shrinks by (1 - SMM).  Annuity level payment P = B / sum_k prod_{j<=k} 1/(1 + Rate alpha_j) over
  the remaining schedule, alpha_j = days/365.  TDRR: that share of a term deposit is redeemed overnight
  (as_of + 1) with its interest accrued to then.  Every prepaid / redeemed amount renews like-for-like (tau = T/365).
* [behaviour] BASEL (ALM.NII): CPR x gamma, TDRR x u, capped at 1, with (gamma, u) = (0.8, 1.2) PARALLEL_UP and
  (1.2, 0.8) PARALLEL_DOWN (SRP31 behavioural multipliers); the base scenario keeps the inputs.
* ALM.DELTANII table: Scenario, NII, DeltaNII, DeltaNII % of base (= Delta / |base|), and with tier1 a column
  DeltaNII % of Tier 1 (= Delta / tier1) and a last row MAX: the scenario with the most negative DeltaNII (first
  on a tie), label "MAX (<scenario>)" + " OUTLIER" when Delta < -5 % of tier1 (Reg. 2024/856 Art. 5(1)); with no
  decline the row is "MAX" with NII = base and zeros.  Rows: BASE, then the scenarios (default PARALLEL_UP,
  PARALLEL_DOWN: Art. 1(2)).

What QuantLib does here: the base curve is a ql.ZeroCurve (Actual365Fixed, Linear, Continuous) on the pillar
dates with padding nodes at as_of and as_of + 100 years (flat beyond both ends); z(t) = zeroRate(t) and
F(t, tau) = forwardRate(t, t + tau, Continuous) at any time t; for an unfloored parallel shift without ramp the
scenario forward is forwardRate on a ql.ZeroSpreadedTermStructure (the shift as a continuous zero spread);
payment schedules are ql.Schedule (monthly / annual, backward from maturity, unadjusted).  Every QuantLib
number is recomputed in plain Python (linear interpolation, Z differences, EDATE roll-back) and must agree
to 1e-13 (rates) / exactly (dates); the script stops otherwise.
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
from _irrbb import BP, DEFAULT_CALIBRATION, MULTIPLIERS, NII_SCENARIOS as NII_SET, SHOCK_SIZES, floor_level, plain_zero, shift_bp  # noqa: E402

D = dt.date
DAY = dt.timedelta(days=1)
DC = ql.Actual365Fixed()
CAL = ql.NullCalendar()
AS_OF = D(2026, 1, 1)
FAR_DAYS = 36500  # padding node of the QuantLib curve: 100 years
RATE_TOL = 1e-13
NII_THRESHOLD = 0.05  # Reg. (EU) 2024/856 Art. 5(1): a decline of NII larger than 5 % of Tier 1
NMD_TAU = 1 / 365



def qd(d: dt.date) -> ql.Date:
    return ql.Date(d.day, d.month, d.year)


def pd(d: ql.Date) -> dt.date:
    return D(d.year(), d.month(), d.dayOfMonth())


def edate(d: dt.date, months: int) -> dt.date:
    """EDATE by QuantLib (end-of-month clamped), checked against the plain day <= 28 arithmetic."""
    q = pd(CAL.advance(qd(d), ql.Period(months, ql.Months), ql.Unadjusted, False))
    assert q == C.add_months(d, months), (d, months, q)
    return q


def horizon_end(months: int) -> dt.date:
    return edate(AS_OF, months)


# ------------------------------------------------------------------------------------------------------
# Shock sizes, shifts, floors


def sizes_of(calibration, currency):
    if calibration is None:
        calibration = DEFAULT_CALIBRATION
    if isinstance(calibration, str):
        return SHOCK_SIZES[calibration][currency]
    assert len(calibration) == 1 and len(calibration[0]) == 3, calibration
    return tuple(calibration[0])


def label_of(scenario) -> str:
    if isinstance(scenario, (int, float)):
        return f"{'+' if scenario > 0 else ''}{scenario:g} bp"
    return scenario


# ------------------------------------------------------------------------------------------------------
# Curves


def pillars_of(curve):
    if isinstance(curve, (int, float)):
        return [(1.0, float(curve))]
    rows = curve[1:] if isinstance(curve[0][0], str) else curve
    return [(float(t), float(z)) for t, z in rows]


class BaseCurve:
    """z(t) and F(t, tau) through a QuantLib ZeroCurve, each checked against plain Python."""

    def __init__(self, curve):
        self.pillars = pillars_of(curve)
        ref = qd(AS_OF)
        for t, _ in self.pillars:
            assert t > 0 and abs(t * 365 - round(t * 365)) < 1e-9, f"pillar {t} is not a whole number of days"
        days = [0] + [round(t * 365) for t, _ in self.pillars] + [FAR_DAYS]
        zeros = [self.pillars[0][1]] + [z for _, z in self.pillars] + [self.pillars[-1][1]]
        self.curve = ql.ZeroCurve([ref + d for d in days], zeros, DC, CAL, ql.Linear(), ql.Continuous, ql.Annual)
        self.curve.enableExtrapolation()
        self.handle = ql.YieldTermStructureHandle(self.curve)

    def z(self, t: float) -> float:
        plain = plain_zero(self.pillars, t)
        if t == 0:
            return plain  # QuantLib's zero at t = 0 is a proxy; the convention is flat before the first pillar
        q = self.curve.zeroRate(t, ql.Continuous, ql.NoFrequency, True).rate()
        assert abs(q - plain) <= RATE_TOL, (t, q, plain)
        return q

    def Z(self, t: float) -> float:
        return self.z(t) * t

    def fwd(self, t: float, tau: float) -> float:
        q = self.curve.forwardRate(t, t + tau, ql.Continuous, ql.NoFrequency, True).rate()
        plain = (plain_zero(self.pillars, t + tau) * (t + tau) - plain_zero(self.pillars, t) * t) / tau
        assert abs(q - plain) <= RATE_TOL + 1e-13 / tau, (t, tau, q, plain)
        return plain


class Scenario:
    """One scenario of one call: its shift, sizes, floor, ramp."""

    def __init__(self, name, currency, calibration, floor, ramp_months, base: BaseCurve):
        self.name = name  # None = BASE
        self.sizes = None if name is None or isinstance(name, (int, float)) else sizes_of(calibration, currency)
        self.floor = floor
        self.ramp_days = (horizon_end(ramp_months) - AS_OF).days if ramp_months else 0
        self.base = base
        self._spread_cache = {}

    def w(self, d: dt.date) -> float:
        return 1.0 if self.ramp_days == 0 else min(1.0, (d - AS_OF).days / self.ramp_days)

    def zs(self, t: float, w: float) -> float:
        z = self.base.z(t)
        shocked = z + w * shift_bp(self.name, self.sizes, t) * BP
        level = floor_level(self.floor, t)
        return shocked if level is None else max(shocked, min(level, z))

    def delta_fwd(self, d: dt.date, tau: float) -> float:
        """F_s,d(t_d, tau) - F(t_d, tau)."""
        if self.name is None:
            return 0.0
        t = (d - AS_OF).days / 365
        w = self.w(d)
        f_base = self.base.fwd(t, tau)
        f_s = (self.zs(t + tau, w) * (t + tau) - self.zs(t, w) * t) / tau
        parallel = isinstance(self.name, (int, float)) or self.name.startswith("PARALLEL")
        if parallel and floor_level(self.floor, 0.0) is None:
            # QuantLib cross-check: the shifted curve as a continuous zero spread on the base.
            shift = w * shift_bp(self.name, self.sizes, 0.0) * BP
            if shift not in self._spread_cache:
                self._spread_cache[shift] = ql.ZeroSpreadedTermStructure(
                    self.base.handle, ql.QuoteHandle(ql.SimpleQuote(shift)), ql.Continuous, ql.NoFrequency, DC)
            q = self._spread_cache[shift].forwardRate(t, t + tau, ql.Continuous, ql.NoFrequency, True).rate()
            assert abs(q - f_s) <= 1e-12, (d, tau, q, f_s)
            assert abs((f_s - f_base) - shift) <= 1e-12, "an unfloored parallel shift moves every forward by the shift"
        return f_s - f_base


# ------------------------------------------------------------------------------------------------------
# Positions


COLUMNS = ["Id", "Side", "Balance", "Rate", "Maturity", "Type", "NextReset", "ResetMonths", "Spread", "Start", "Amortization",
           "Frequency", "Category", "CoreShare", "CoreMaturity", "CPR", "TDRR", "Beta", "Cap", "Floor", "Basis"]


def table_of(positions):
    """The positions as a user types them: the columns any row uses, in COLUMNS order; Basis 3 on every row."""
    used = [c for c in COLUMNS if c == "Basis" or any(c in p for p in positions)]
    rows = [used]
    for p in positions:
        rows.append([3 if c == "Basis" else (C.iso(p[c]) if isinstance(p.get(c), dt.date) else p.get(c)) for c in used])
    return rows


def payment_dates(p):
    """(period start on or before as_of, payment dates after as_of up to maturity): ql.Schedule backward from
    maturity, checked against EDATE(Maturity, -k months)."""
    months = 12 // p.get("Frequency", 12 if p.get("Amortization", "BULLET") != "BULLET" else 1)
    plain, k = [], 0
    while True:
        d = edate(p["Maturity"], -k * months)
        plain.append(d)
        if d <= AS_OF:
            break
        k += 1
    plain.reverse()
    sched = ql.Schedule(qd(plain[0]), qd(p["Maturity"]), ql.Period(months, ql.Months), CAL, ql.Unadjusted, ql.Unadjusted,
                        ql.DateGeneration.Backward, False)
    assert [pd(d) for d in sched] == plain, (p["Id"], [pd(d) for d in sched], plain)
    start = plain[0]
    if "Start" in p and p["Start"] > start:
        start = p["Start"]
    return months, start, plain[1:]


def fixed_principal(p, cpr: float, tdrr: float):
    """Balance path and principal events of a fixed position under the repricing view of cashflows.md.
    Returns (events [(date, amount > 0)], segments [(from, to, balance)]) for the whole life."""
    months, start, dates = payment_dates(p)
    bal = float(p["Balance"])
    rate = p["Rate"]
    amort = p.get("Amortization", "BULLET")
    events, segments = [], []
    cursor = AS_OF
    if tdrr > 0:
        redeemed = bal * tdrr
        segments.append((AS_OF, AS_OF + DAY, bal))
        events.append((AS_OF + DAY, redeemed, "TDRR"))
        bal -= redeemed
        cursor = AS_OF + DAY
    smm = 1 - (1 - cpr) ** (months / 12)
    alphas, prev = [], start
    for d in dates:
        alphas.append((d - prev).days / 365)
        prev = d
    if amort == "ANNUITY":
        acc, prod = 0.0, 1.0
        for a in alphas:
            prod /= 1 + rate * a
            acc += prod
        payment = bal / acc
    prev = start
    for j, d in enumerate(dates):
        last = j == len(dates) - 1
        interest = bal * rate * alphas[j]
        if last:
            scheduled = bal
        elif amort == "ANNUITY":
            scheduled = payment - interest
        elif amort == "LINEAR":
            scheduled = bal / (len(dates) - j)
        else:
            scheduled = 0.0
        segments.append((max(cursor, prev), d, bal))
        bal -= scheduled
        prepaid = 0.0 if last else smm * bal
        bal -= prepaid
        if amort == "ANNUITY":
            payment *= 1 - smm
        if scheduled:
            events.append((d, scheduled, "maturity" if last else "scheduled"))
        if prepaid:
            events.append((d, prepaid, "CPR"))
        prev = d
    assert abs(bal) < 1e-6 * float(p["Balance"]), (p["Id"], bal)
    total = math.fsum(a for _, a, _ in events)
    assert abs(total - float(p["Balance"])) < 1e-6, (p["Id"], total)
    return events, segments


def term_days(p) -> int:
    return (p["Maturity"] - p.get("Start", AS_OF)).days


def bounds(p):
    lo = p.get("Floor")
    if lo is None and "Category" in p:
        lo = 0.0  # a non-maturity deposit never pays below 0 % unless its Floor says otherwise
    return lo, p.get("Cap")


def bounded(rate: float, p) -> float:
    lo, hi = bounds(p)
    if lo is not None:
        rate = max(lo, rate)
    if hi is not None:
        rate = min(hi, rate)
    return rate


def position_nii(p, scen: Scenario, behaviour, h_end: dt.date):
    """Signed NII of one position in [as_of, h_end) and an explanation of its renewals."""
    base = scen.base
    sign = 1 if p["Side"] == "A" else -1
    beta = p.get("Beta", 1.0)
    rate = p["Rate"]
    parts = []  # (amount, from, to, rate)
    renewals = []

    def renewal(d, tau, margin):
        return bounded(margin + base.fwd((d - AS_OF).days / 365, tau) + beta * scen.delta_fwd(d, tau), p)

    if "Category" in p:  # NMD: in full at as_of, then daily, tau = 1/365
        margin = rate - base.z(NMD_TAU)
        d = AS_OF
        while d < h_end:
            r = renewal(d, NMD_TAU, margin)
            parts.append((p["Balance"], d, d + DAY, r))
            d += DAY
        rates = [x[3] for x in parts]
        renewals.append({"kind": "NMD daily", "tau": NMD_TAU, "margin": margin, "days": len(rates), "first_rate": rates[0],
                         "last_rate": rates[-1], "mean_rate": math.fsum(rates) / len(rates)})
    elif p.get("Type") == "FLOATING":
        tau = p["ResetMonths"] / 12
        margin = p["Spread"] if "Spread" in p else rate - base.z(tau)
        reset = p["NextReset"]
        assert p["Maturity"] >= h_end, "floaters here run beyond the horizon"
        parts.append((p["Balance"], AS_OF, min(reset, h_end), rate))
        k = 0
        while True:
            d = edate(reset, k * p["ResetMonths"])
            if d >= h_end:
                break
            nxt = edate(reset, (k + 1) * p["ResetMonths"])
            r = renewal(d, tau, margin)
            parts.append((p["Balance"], d, min(nxt, h_end), r))
            renewals.append({"kind": "reset", "date_iso": C.iso(d), "tau": tau, "margin": margin, "w": scen.w(d), "rate": r})
            k += 1
    else:
        cpr, tdrr = p.get("CPR", 0.0), p.get("TDRR", 0.0)
        if behaviour == "BASEL" and isinstance(scen.name, str):
            g, u = MULTIPLIERS[scen.name]
            cpr, tdrr = min(1.0, g * cpr), min(1.0, u * tdrr)
        events, segments = fixed_principal(p, cpr, tdrr)
        for a, b, bal in segments:
            if a < h_end:
                parts.append((bal, a, min(b, h_end), rate))
        T = term_days(p)
        tau = T / 365
        margin = rate - base.z(tau)
        for d0, amount, why in events:
            d = d0
            while d < h_end:
                nxt = d + dt.timedelta(days=T)
                r = renewal(d, tau, margin)
                parts.append((amount, d, min(nxt, h_end), r))
                renewals.append({"kind": why if d == d0 else f"{why} roll", "date_iso": C.iso(d), "amount": amount, "tau": tau,
                                 "margin": margin, "w": scen.w(d), "rate": r})
                d = nxt
        renewals = renewals if len(renewals) <= 40 else renewals[:40] + [{"kind": f"... {len(renewals) - 40} more"}]
    nii = sign * math.fsum(amount * r * (b - a).days / 365 for amount, a, b, r in parts) + 0.0  # + 0.0: no -0 in the JSON
    return nii, renewals


def book_nii(positions, curve, scenario, currency, horizon_months, ramp_months, calibration, floor, behaviour):
    base = BaseCurve(curve)
    scen = Scenario(scenario, currency, calibration, floor, ramp_months, base)
    h_end = horizon_end(horizon_months or 12)
    per = []
    for p in positions:
        nii, ren = position_nii(p, scen, behaviour, h_end)
        per.append({"id": p["Id"], "nii": nii, "renewals": ren})
    return math.fsum(x["nii"] for x in per), per


# ------------------------------------------------------------------------------------------------------
# Calls


def nii_call(case, label, source, scenario=None, currency=None, horizon_months=None, ramp_months=None, calibration=None,
             floor=None, behaviour=None):
    total, per = book_nii(case["_positions"], case["curve"], scenario, currency or case.get("currency"), horizon_months,
                          ramp_months, calibration, floor, behaviour)
    call = {"label": label, "source": source, "scenario": scenario, "currency": currency, "horizon_months": horizon_months,
            "ramp_months": ramp_months, "calibration": calibration, "floor": floor, "behaviour": behaviour, "expected": total,
            "per_position": per}
    case["nii"].append(call)
    return total


def deltanii_call(case, label, source, currency, scenarios=None, horizon_months=None, ramp_months=None, calibration=None,
                  floor=None, tier1=None):
    names = NII_SET if scenarios is None else [s for row in scenarios for s in row]
    base, _ = book_nii(case["_positions"], case["curve"], None, currency, horizon_months, ramp_months, calibration, floor, None)
    header = ["Scenario", "NII", "ΔNII", "ΔNII % of base"] + (["ΔNII % of Tier 1"] if tier1 is not None else [])
    rows = [["BASE", base, 0.0, 0.0] + ([0.0] if tier1 is not None else [])]
    for s in names:
        nii, _ = book_nii(case["_positions"], case["curve"], s, currency, horizon_months, ramp_months, calibration, floor, None)
        delta = nii - base
        rows.append([label_of(s), nii, delta, delta / abs(base)] + ([delta / tier1] if tier1 is not None else []))
    out = {"label": label, "source": source, "currency": currency, "scenarios": scenarios, "horizon_months": horizon_months,
           "ramp_months": ramp_months, "calibration": calibration, "floor": floor, "tier1": tier1,
           "sizes_bp": list(sizes_of(calibration, currency)), "header": header, "rows": rows}
    if tier1 is not None:
        worst = None
        for r in rows[1:]:
            if r[2] < 0 and (worst is None or r[2] < worst[2]):
                worst = r
        if worst is None:
            out["max"] = {"label": "MAX", "scenario": None, "nii": base, "delta": 0.0, "pct_base": 0.0, "pct_tier1": 0.0, "outlier": False}
        else:
            outlier = worst[2] < -NII_THRESHOLD * tier1
            assert abs(-worst[2] / tier1 - NII_THRESHOLD) > 0.002, "keep the decline clear of the 5 % threshold"
            out["max"] = {"label": f"MAX ({worst[0]})" + (" OUTLIER" if outlier else ""), "scenario": worst[0], "nii": worst[1],
                          "delta": worst[2], "pct_base": worst[3], "pct_tier1": worst[4], "outlier": outlier}
    case["deltanii"].append(out)
    return out


def new_case(cid, item, source, positions, curve, currency=None):
    return {"id": cid, "item": item, "source": source, "curve": curve, "currency": currency, "positions": table_of(positions),
            "_positions": positions, "nii": [], "deltanii": []}


def close(a, b, tol=1e-9):
    return abs(a - b) <= tol * max(1.0, abs(b))


# ------------------------------------------------------------------------------------------------------
# The books

UP_CURVE = [["Tenor", "Zero rate"], [0.2, 0.022], [1, 0.03], [3, 0.04]]  # z = 2 % + 1 % t on [0.2, 1]; 3 % + 0.5 % (t-1) on [1, 3]
NMD_CORE = {"CoreShare": 0.5, "CoreMaturity": 3}


def case_doc_example():
    pos = [
        {"Id": "FRN", "Side": "A", "Balance": 1_000_000, "Rate": 0.05, "Maturity": D(2030, 1, 1), "Type": "FLOATING",
         "NextReset": D(2026, 4, 1), "ResetMonths": 6},
        {"Id": "LOAN", "Side": "A", "Balance": 500_000, "Rate": 0.04, "Maturity": D(2026, 7, 1), "Type": "FIXED", "Start": D(2025, 7, 1)},
        {"Id": "DEP", "Side": "L", "Balance": 2_000_000, "Rate": 0.01, "Category": "NMD_RETAIL_TRANSACTIONAL", **NMD_CORE, "Beta": 0.4},
    ]
    c = new_case("doc-worked-example", "flat curve", "docs/methodology/irrbb.md §4 worked example: on a flat curve with a parallel "
                 "shift the market-consistent renewal reduces to Rate + Beta x shift; DEP's 0 % floor never binds (0.01 - 0.4 x 0.02 "
                 "= 0.002 > 0).", pos, 0.03)
    up = nii_call(c, "+200 bp", "FRN 1e6 (0.05 x 90 + 0.07 x 275)/365 + LOAN 5e5 (0.04 x 181 + 0.06 x 184)/365 - DEP 2e6 x "
                  "(0.01 + 0.4 x 0.02) = 54,109.59 (the page's result).", scenario=200)
    base = nii_call(c, "BASE", "Rates unchanged: 50,000 + 20,000 - 20,000 = 50,000.00.")
    down = nii_call(c, "-200 bp", "FRN 7 % -> 3 %, LOAN 6 % -> 2 %, DEP 0.2 % (above its 0 % floor): 1e6 (0.05 x 90 + 0.03 x 275)/365 "
                    "+ 5e5 (0.04 x 181 + 0.02 x 184)/365 - 2e6 x 0.002.", scenario=-200)
    assert round(up, 2) == 54_109.59 and round(base, 2) == 50_000.00, (up, base)
    assert close(down, 1e6 * (0.05 * 90 + 0.03 * 275) / 365 + 5e5 * (0.04 * 181 + 0.02 * 184) / 365 - 2e6 * 0.002)
    deltanii_call(c, "DELTANII +200 bp", "DeltaNII(+200 bp) = 54,109.59 - 50,000 = 4,109.59.", "USD", scenarios=[[200]])
    return c


def case_forward_renewal():
    pos = [
        {"Id": "LOAN", "Side": "A", "Balance": 500_000, "Rate": 0.04, "Maturity": D(2026, 7, 1), "Type": "FIXED", "Start": D(2025, 7, 1)},
        {"Id": "LOAN90", "Side": "A", "Balance": 300_000, "Rate": 0.025, "Maturity": D(2026, 4, 1), "Type": "FIXED"},
        {"Id": "FRN", "Side": "A", "Balance": 1_000_000, "Rate": 0.035, "Maturity": D(2030, 1, 1), "Type": "FLOATING",
         "NextReset": D(2026, 4, 1), "ResetMonths": 6},
        {"Id": "FRN_S", "Side": "A", "Balance": 1_000_000, "Rate": 0.035, "Maturity": D(2030, 1, 1), "Type": "FLOATING",
         "NextReset": D(2026, 4, 1), "ResetMonths": 6, "Spread": 0.015},
    ]
    c = new_case(
        "forward-renewal-upward", "item 1",
        "Upward curve (z = 2 % + 1 % t to 1 y, 3 % + 0.5 % (t - 1) to 3 y): renewals at margin + F(t_d, tau) + DeltaF. LOAN (T = 365 d, "
        "tau 1, margin 0.04 - z(1) = 1 %) renews on 2026-07-01; LOAN90 (no Start: T = 90 d remaining, margin 0.025 - z(90/365)) rolls "
        "every 90 days; FRN margin 0.035 - z(0.5) = 1 %, FRN_S margin = Spread 1.5 %; each resets on 2026-04-01 and 2026-10-01.",
        pos, UP_CURVE, "USD")
    base = BaseCurve(UP_CURVE)
    f1 = base.fwd(90 / 365, 0.5)
    assert close(f1, 0.02 + 0.01 * (2 * 90 / 365 + 0.5), 1e-13)  # both ends on the first linear segment: F = 2 % + 1 % (2t + tau)
    nii_call(c, "BASE", "Forward renewal in the base: FRN at 1 % + F(t_d, 0.5) (F(90/365, 0.5) = 2 % + 1 % (2 x 90/365 + 0.5) = "
             f"{100 * f1:.4f} %), LOAN at 1 % + F(181/365, 1), LOAN90 rolls at margin + F(t_d, 90/365).")
    nii_call(c, "PARALLEL_UP", "USD +200 bp (BCBS2024): every unfloored forward moves by exactly +2 %, so NII rises by 2 % on each "
             "repriced amount from its repricing date.", scenario="PARALLEL_UP", currency="USD")
    nii_call(c, "SHORT_UP", "USD SHORT_UP (300 e^(-t/4) bp): DeltaF(t_d, tau) = (DeltaR(t_d + tau)(t_d + tau) - DeltaR(t_d) t_d)/tau, "
             "the change of the forward, not the zero shift at tau.", scenario="SHORT_UP", currency="USD")
    nii_call(c, "BASE 24 months", "24-month horizon: LOAN's renewal re-renews on 2027-07-01 at F(546/365, 1) + margin; FRNs reset "
             "four times.", horizon_months=24)
    nii_call(c, "PARALLEL_DOWN 24 months", "24-month horizon under USD -200 bp: each renewal and roll at its then-forward - 2 %.",
             scenario="PARALLEL_DOWN", currency="USD", horizon_months=24)
    deltanii_call(c, "DELTANII default", "Default NII set, USD +/-200 bp (BCBS2024): DeltaNII = +/-2 % x each repriced amount x its "
                  "days to the horizon / 365 (forwards move one for one).", "USD")
    return c


def case_floored_deposits():
    pos = [
        {"Id": "NMD", "Side": "L", "Balance": 1_000_000, "Rate": 0.005, "Category": "NMD_RETAIL_TRANSACTIONAL", **NMD_CORE, "Beta": 1},
        {"Id": "NMD_NEG", "Side": "L", "Balance": 1_000_000, "Rate": 0.005, "Category": "NMD_RETAIL_TRANSACTIONAL", **NMD_CORE, "Beta": 1,
         "Floor": -0.005},
    ]
    c = new_case("floored-deposits", "item 2", "NMDs at 0.5 %, beta 1, flat 3 % curve: PARALLEL_DOWN (USD -200 bp) would give "
                 "0.5 % - 2 % = -1.5 %; NMD is held at its implicit 0 % floor, NMD_NEG at its Floor column -0.5 %.", pos, 0.03, "USD")
    nii_call(c, "BASE", "-1e6 x 0.5 % each = -10,000.")
    down = nii_call(c, "PARALLEL_DOWN", "NMD pays max(0, -1.5 %) = 0; NMD_NEG pays max(-0.5 %, -1.5 %) = -0.5 % (+5,000): total "
                    "+5,000, not the +30,000 of unfloored -1.5 %.", scenario="PARALLEL_DOWN", currency="USD")
    assert close(down, 5_000.0), down
    up = nii_call(c, "PARALLEL_UP", "Both pay 2.5 %: -50,000.", scenario="PARALLEL_UP", currency="USD")
    assert close(up, -50_000.0), up
    deltanii_call(c, "DELTANII default", "DeltaNII(UP) = -40,000; DeltaNII(DOWN) = +15,000 (NMD +5,000 to 0 %, NMD_NEG +10,000 "
                  "to -0.5 %), where no floor would give +40,000.", "USD")
    return c


def case_cap_floor_floater():
    pos = [{"Id": "FRN_CF", "Side": "A", "Balance": 1_000_000, "Rate": 0.05, "Maturity": D(2030, 1, 1), "Type": "FLOATING",
            "NextReset": D(2026, 4, 1), "ResetMonths": 6, "Cap": 0.06, "Floor": 0.04}]
    c = new_case("cap-floor-floater", "item 2", "A floater at 5 % with Cap 6 % and Floor 4 %, flat 3 % curve, resets 2026-04-01 "
                 "and 2026-10-01: renewal min(6 %, max(4 %, 5 % +/- 2 %)).", pos, 0.03, "USD")
    nii_call(c, "BASE", "5 % all year: 50,000.")
    up = nii_call(c, "PARALLEL_UP", "7 % capped at 6 %: 1e6 (0.05 x 90 + 0.06 x 275)/365.", scenario="PARALLEL_UP", currency="USD")
    assert close(up, 1e6 * (0.05 * 90 + 0.06 * 275) / 365)
    deltanii_call(c, "DELTANII default", "DeltaNII = +/-1e6 x 1 % x 275/365 (the cap and the floor each bind at 1 % from 5 %).", "USD")
    return c


def mortgage(cpr, amort="ANNUITY"):
    return {"Id": f"MORT_{'IO' if amort == 'BULLET' else 'ANN'}_{round(cpr * 100)}", "Side": "A", "Balance": 200_000, "Rate": 0.04,
            "Maturity": D(2041, 1, 1), "Type": "FIXED", "Start": D(2021, 1, 1), "Amortization": amort, "Frequency": 12, "CPR": cpr}


def case_cpr():
    out = []
    deltas = {}
    for cpr, amort in [(0.0, "ANNUITY"), (0.3, "ANNUITY"), (0.3, "BULLET")]:
        p = mortgage(cpr, amort)
        what = "annuity" if amort == "ANNUITY" else "interest-only (BULLET, monthly interest)"
        c = new_case(
            f"cpr-{'annuity' if amort == 'ANNUITY' else 'interest-only'}-{round(cpr * 100)}", "item 3",
            f"20-year {what} mortgage at 4 %, CPR {cpr:.0%}, flat 3 % curve: each month's scheduled principal"
            + (" and SMM = 1 - 0.7^(1/12) of the rest" if cpr else "")
            + " is repaid and renewed for T = 7,305 days (tau = 20.01 y) at 4 % + shift, accruing to 2027-01-01.",
            [p], 0.03, "USD")
        nii_call(c, "BASE", "Flat curve: renewals at 4 %, so base NII = 4 % x the mean balance (all of it stays invested).")
        table = deltanii_call(c, "DELTANII default", "DeltaNII(+/-200 bp) = +/-2 % x sum over payment dates d of (principal + "
                              "prepayment at d) x (2027-01-01 - d)/365.", "USD")
        deltas[c["id"]] = table["rows"][1][2]
        if cpr:
            nii_call(c, "PARALLEL_UP INPUT", "Input CPR 30 % in the scenario.", scenario="PARALLEL_UP", currency="USD")
            nii_call(c, "PARALLEL_UP BASEL", "[behaviour] BASEL: CPR x 0.8 = 24 % under PARALLEL_UP.", scenario="PARALLEL_UP",
                     currency="USD", behaviour="BASEL")
            nii_call(c, "PARALLEL_DOWN BASEL", "[behaviour] BASEL: CPR x 1.2 = 36 % under PARALLEL_DOWN.", scenario="PARALLEL_DOWN",
                     currency="USD", behaviour="BASEL")
            nii_call(c, "BASE BASEL", "[behaviour] BASEL leaves the base at the input CPR.", behaviour="BASEL")
        out.append(c)
    assert deltas["cpr-interest-only-30"] > 0 and deltas["cpr-annuity-30"] > deltas["cpr-annuity-0"] > 0, deltas
    assert not close(deltas["cpr-annuity-30"], deltas["cpr-annuity-0"], 1e-3)
    return out


def case_tdrr():
    td = {"Id": "TD", "Side": "L", "Balance": 1_000_000, "Rate": 0.03, "Maturity": D(2027, 7, 1), "Type": "FIXED", "Start": D(2025, 7, 1),
          "TDRR": 0.1}
    c = new_case("tdrr-term-deposit", "item 3", "2-year term deposit at 3 % (T = 730 d, tau 2, margin 0.03 - z(2) = -0.5 %), TDRR 10 %, "
                 "upward curve: 100,000 redeemed on 2026-01-02 (one day at 3 %) and renewed for 730 days at -0.5 % + F(1/365, 2) + "
                 "DeltaF; 900,000 stays at 3 %.", [td], UP_CURVE, "USD")
    base = BaseCurve(UP_CURVE)
    r0 = 0.03 - base.z(2) + base.fwd(1 / 365, 2)
    expected_base = -(900_000 * 0.03 + 100_000 * 0.03 / 365 + 100_000 * r0 * 364 / 365)
    b = nii_call(c, "BASE", f"-(9e5 x 3 % + 1e5 x 3 % / 365 + 1e5 x {100 * r0:.6f} % x 364/365).")
    assert close(b, expected_base), (b, expected_base)
    nii_call(c, "PARALLEL_UP BASEL", "[behaviour] BASEL: TDRR x 1.2 = 12 % redeemed, renewed at the forward + 2 %.",
             scenario="PARALLEL_UP", currency="USD", behaviour="BASEL")
    nii_call(c, "PARALLEL_DOWN BASEL", "[behaviour] BASEL: TDRR x 0.8 = 8 % redeemed, renewed at the forward - 2 %.",
             scenario="PARALLEL_DOWN", currency="USD", behaviour="BASEL")
    deltanii_call(c, "DELTANII default", "Input TDRR: DeltaNII(+/-200 bp) = -/+1e5 x 2 % x 364/365.", "USD")
    return c


def case_ramp():
    pos = [
        {"Id": "FRN_Q", "Side": "A", "Balance": 1_000_000, "Rate": 0.05, "Maturity": D(2030, 1, 1), "Type": "FLOATING",
         "NextReset": D(2026, 4, 1), "ResetMonths": 3},
        {"Id": "NMD_R", "Side": "L", "Balance": 1_500_000, "Rate": 0.01, "Category": "NMD_RETAIL_NONTRANSACTIONAL", **NMD_CORE, "Beta": 0.5},
    ]
    c = new_case("ramp-12m", "ramps", "12-month ramp on a flat 3 % curve: w(d) = (d - as_of)/365. FRN_Q resets on 2026-04-01, 07-01, "
                 "10-01 at 5 % + 2 % w (w = 90, 181, 273 over 365); NMD_R renews daily at 1 % + 0.5 x 2 % x k/365, k = 0..364.",
                 pos, 0.03, "USD")
    up = nii_call(c, "PARALLEL_UP ramp 12", "1e6 (0.05 x 365 + 0.02 (90 x 91 + 181 x 92 + 273 x 92)/365)/365 - 1.5e6 (0.01 + "
                  "0.01 x 182/365).", scenario="PARALLEL_UP", currency="USD", ramp_months=12)
    frn = 1e6 * (0.05 * 365 + 0.02 * (90 * 91 + 181 * 92 + 273 * 92) / 365) / 365
    nmd = -1.5e6 * (0.01 + 0.01 * 182 / 365)
    assert close(up, frn + nmd), (up, frn + nmd)
    nii_call(c, "PARALLEL_DOWN ramp 12", "The same with -2 %: the NMD stays above 0 % (1 % - 1 % x 364/365).", scenario="PARALLEL_DOWN",
             currency="USD", ramp_months=12)
    deltanii_call(c, "DELTANII ramp 12", "DeltaNII(UP) = 1e6 x 2 % x (90 x 91 + 181 x 92 + 273 x 92)/365^2 - 1.5e6 x 1 % x 182/365.",
                  "USD", ramp_months=12)
    return c


def case_eu_calibration():
    pos = [
        {"Id": "FRN_EUR", "Side": "A", "Balance": 1_000_000, "Rate": 0.03, "Maturity": D(2030, 1, 1), "Type": "FLOATING",
         "NextReset": D(2026, 4, 1), "ResetMonths": 3},
        {"Id": "NMD_EUR", "Side": "L", "Balance": 800_000, "Rate": 0.015, "Category": "NMD_RETAIL_TRANSACTIONAL", **NMD_CORE, "Beta": 0.5},
    ]
    c = new_case("eu-calibration", "item 4", "Flat 2.5 % curve; a quarterly floater and an NMD (beta 0.5). DeltaNII(+/-S) = +/-S (1e6 x "
                 "275/365 - 0.5 x 8e5): S = 200 bp (EUR, EU: Reg. 2024/856 Annex Part A), 225 bp (EUR, BCBS2024), 250 bp (PLN, EU).",
                 pos, 0.025)
    deltanii_call(c, "EUR EU", "EUR under calibration EU: +/-200 bp (Reg. 2024/856 Annex Part A), not BCBS2024's +/-225 bp.", "EUR",
                  calibration="EU")
    deltanii_call(c, "EUR default", "EUR under the default BCBS2024 calibration: +/-225 bp (SRP31.90, d578).", "EUR")
    deltanii_call(c, "PLN EU", "PLN exists only in the EU table: +/-250 bp.", "PLN", calibration="EU")
    deltanii_call(c, "own sizes", "Own sizes (SRP31.93), one row of three numbers for any currency: parallel +/-150 bp.", "EUR",
                  calibration=[[150, 250, 100]])
    nii_call(c, "NII PARALLEL_DOWN EU", "ALM.NII with calibration EU: FRN at 3 % - 2 % = 1 % from 2026-04-01; NMD at 1.5 % - 1 %.",
             scenario="PARALLEL_DOWN", currency="EUR", calibration="EU")
    return c


def case_tier1():
    pos = [
        {"Id": "FRN_T1", "Side": "A", "Balance": 10_000_000, "Rate": 0.03, "Maturity": D(2030, 2, 1), "Type": "FLOATING",
         "NextReset": D(2026, 2, 1), "ResetMonths": 3},
        {"Id": "FUND", "Side": "L", "Balance": 9_000_000, "Rate": 0.025, "Maturity": D(2029, 1, 1), "Type": "FIXED", "Start": D(2024, 1, 1)},
    ]
    c = new_case("tier1-outlier", "item 4", "Asset-sensitive book, flat 3 % curve: a 10m quarterly floater (first reset 2026-02-01, "
                 "334 days before the horizon end) funded by a fixed 9m maturing after the horizon. DeltaNII(DOWN) = -1e7 x S x 334/365.",
                 pos, 0.03)
    decline = 1e7 * 0.02 * 334 / 365
    deltanii_call(c, "USD tier1 3m: OUTLIER", f"Decline {decline:,.2f} = {decline / 3e6:.2%} of Tier 1 3,000,000 > 5 %: MAX "
                  "(PARALLEL_DOWN) OUTLIER (Reg. 2024/856 Art. 5(1)).", "USD", tier1=3_000_000)
    deltanii_call(c, "USD tier1 5m: no flag", f"Decline {decline:,.2f} = {decline / 5e6:.2%} of Tier 1 5,000,000 <= 5 %: no flag.",
                  "USD", tier1=5_000_000)
    d200, d225 = 1e7 * 0.02 * 334 / 365, 1e7 * 0.0225 * 334 / 365
    deltanii_call(c, "EUR EU tier1 3.9m: no flag", f"EUR, calibration EU (200 bp): decline {d200:,.2f} = {d200 / 3.9e6:.2%} of 3,900,000: "
                  "no flag.", "EUR", calibration="EU", tier1=3_900_000)
    deltanii_call(c, "EUR default tier1 3.9m: OUTLIER", f"EUR, BCBS2024 (225 bp): decline {d225:,.2f} = {d225 / 3.9e6:.2%} of "
                  "3,900,000: OUTLIER; the calibration decides the flag.", "EUR", tier1=3_900_000)
    deltanii_call(c, "USD up only: MAX 0", "Only PARALLEL_UP (a gain): MAX holds 0 with no scenario and no flag.", "USD",
                  scenarios=[["PARALLEL_UP"]], tier1=3_000_000)
    return c


def case_floor_low_curve():
    pos = [
        {"Id": "FRN_LOW", "Side": "A", "Balance": 1_000_000, "Rate": 0.01, "Maturity": D(2030, 1, 1), "Type": "FLOATING",
         "NextReset": D(2026, 4, 1), "ResetMonths": 6},
        {"Id": "LOAN_LOW", "Side": "A", "Balance": 500_000, "Rate": 0.02, "Maturity": D(2026, 7, 1), "Type": "FIXED", "Start": D(2025, 7, 1)},
    ]
    c = new_case("floor-low-curve", "item 2", "Flat 0.5 % EUR curve, PARALLEL_DOWN -200 bp (EU): the shocked curve is -1.5 %; [floor] "
                 "bounds it as max(shocked, min(floor(t), z)). FRN_LOW (margin 0.5 %) resets 2026-04-01 and 2026-10-01 for 6 months; "
                 "LOAN_LOW (margin 1.5 %) renews 2026-07-01 for 1 year.", pos, 0.005, "EUR")
    nii_call(c, "NONE", "No floor: DeltaF = -2 %.", scenario="PARALLEL_DOWN", currency="EUR", calibration="EU")
    nii_call(c, "EU", "EU floor: z_s(t) = -1.5 % + 0.03 % t, so DeltaF(t_d, tau) = -2 % + 0.03 % (2 t_d + tau).", scenario="PARALLEL_DOWN",
             currency="EUR", calibration="EU", floor="EU")
    z = nii_call(c, "ZERO", "ZERO floor: z_s = max(-1.5 %, min(0, 0.5 %)) = 0, DeltaF = -0.5 %.", scenario="PARALLEL_DOWN",
                 currency="EUR", calibration="EU", floor="ZERO")
    assert close(z, 1e6 * (0.01 * 90 + 0.005 * 275) / 365 + 5e5 * (0.02 * 181 + 0.015 * 184) / 365), z
    nii_call(c, "-0.75 %", "Floor -0.75 % (OSFI B-12 Annex 1 ¶12): z_s = -0.75 %, DeltaF = -1.25 %.", scenario="PARALLEL_DOWN",
             currency="EUR", calibration="EU", floor=-0.0075)
    deltanii_call(c, "DELTANII EU EU", "DELTANII with calibration EU and floor EU: the down row follows the EU floor; the up row is "
                  "unfloored +2 %.", "EUR", calibration="EU", floor="EU")
    return c


def main() -> None:
    ql.Settings.instance().evaluationDate = qd(AS_OF)
    cases = [case_doc_example(), case_forward_renewal(), case_floored_deposits(), case_cap_floor_floater(), *case_cpr(), case_tdrr(),
             case_ramp(), case_eu_calibration(), case_tier1(), case_floor_low_curve()]
    for c in cases:
        del c["_positions"]
        assert 1 <= len(c["positions"]) - 1 <= 4
    out = {
        "source": "NII on a constant balance sheet with market-consistent renewal (docs/methodology/irrbb.md §4; EU Delegated "
                  "Regulation 2024/856 Art. 1(2), 3(7), 4, 5(1); SRP31.90-31.91 and the SRP31 behavioural multipliers), computed with "
                  "QuantLib-Python ZeroCurve forwards, ZeroSpreadedTermStructure and Schedule",
        "tool_version": C.quantlib_tool_version(),
        "generated_by": "scripts/golden/irrbb_nii.py",
        "notes": (
            f"QuantLib {C.quantlib_version()}; as_of {C.iso(AS_OF)}; horizon [as_of, EDATE(as_of, h)) (default 12 months); Basis 3 "
            "(days/365) on every row. NII = accrued interest, assets +, liabilities -. Base curve linear in zero rates, flat beyond "
            "both ends; F(t, tau) = (Z(t+tau) - Z(t))/tau. Renewal at d for tenor tau: margin + F(t_d, tau) + Beta DeltaF(d, tau), "
            "bounded by Cap/Floor (NMD lower bound Floor or 0); margin = Rate - z(tau), floaters Spread where given. Scenario curve "
            "at d: max(z + w(d) DeltaR, min(floor(t), z)). Floaters reprice at NextReset and every ResetMonths (tau = ResetMonths/12), "
            "fixed positions at every principal payment (scheduled, CPR, TDRR, maturity) rolling every T days (tau = T/365), NMDs "
            "daily (tau = 1/365). CPR: SMM = 1 - (1 - CPR)^(months/12) after scheduled principal; TDRR redeemed on as_of + 1. "
            "BASEL behaviour: (gamma, u) = (0.8, 1.2) up, (1.2, 0.8) down, capped at 1. DELTANII: % of base = Delta/|base|, % of "
            "Tier 1 = Delta/tier1, MAX = the most negative Delta, OUTLIER when Delta < -5 % of tier1."
        ),
        "as_of": C.serial(AS_OF),
        "as_of_iso": C.iso(AS_OF),
        "cases": cases,
    }
    path = C.write_json("irrbb-nii-supervisory.json", out)
    print(f"wrote {path}")
    for c in cases:
        print(f"  {c['id']}:")
        for n in c["nii"]:
            print(f"    NII {n['label']}: {n['expected']:,.6f}")
        for t in c["deltanii"]:
            print(f"    DELTANII {t['label']}: " + "; ".join(f"{r[0]} {r[1]:,.2f} ({r[2]:+,.2f})" for r in t["rows"])
                  + (f"; {t['max']['label']} {t['max']['delta']:,.2f}" if "max" in t else ""))


if __name__ == "__main__":
    main()
