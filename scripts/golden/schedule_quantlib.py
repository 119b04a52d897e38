#!/usr/bin/python3
"""Golden data: payment schedules of positions-table rows (Frequency, Start, FirstPayment,
BusinessDay, Calendar, EndOfMonth, Basis) by QuantLib's Schedule and FixedRateLeg.

Produces : test/golden/schedule-quantlib.json
Tool     : QuantLib-Python (Debian package `quantlib-python`, imported by Debian's
           /usr/bin/python3; version read from QuantLib.__version__ and stored).
Run      : /usr/bin/python3 scripts/golden/schedule_quantlib.py

Each case is one BULLET asset row of the positions table (Balance 1,000,000), stored as a
user types it (ISO dates, Frequency as a number or a tenor text), with as_of = Start, and
the flows ALM.CASHFLOWS must give after as_of: per payment date, the interest paid there
and the principal (all at the shifted Maturity).

Positions-table semantics reproduced (the engine's, docs/functions.md once it lands):
* Frequency n payments a year is a cycle of 12/n months; a tenor text `1M`, `3M`, `1Y`,
  `2W`, `10D` is that cycle.
* Without FirstPayment the schedule rolls back from Maturity by whole cycles,
  EDATE(Maturity, -k*cycle), and the odd (short) period is the first one, from Start.
  With FirstPayment (> Start) the dates are EDATE(FirstPayment, k*cycle), k = 0, 1, ...
  up to Maturity, the odd (short) period being the last; the first period runs from
  Start to FirstPayment.
* EndOfMonth EOM: when the anchor (FirstPayment, or Maturity when rolling back) is the
  last day of its month and the cycle is months/years, every date is a month end.
  SD: plain EDATE from the anchor (so an anchor on the 31st gives month ends anyway;
  EOM only differs for anchors on a shorter month's end: 28/29 Feb, 30 Apr, ...).
* BusinessDay: every schedule date, Maturity included, is shifted on Calendar (NONE =
  ql.NullCalendar, WEEKENDS = ql.WeekendsOnly, TARGET = ql.TARGET) following (F),
  modified following (MF), preceding (P) or modified preceding (MP). SC*: the
  interest accrues between the shifted dates; CS*: between the unshifted dates and
  is paid on the shifted one. NOS: no shift.
* Interest of a period = Balance x Rate x yearFraction(start, end) with Basis
  2 = ql.Actual360, 3 = ql.Actual365Fixed, 4 = ql.Thirty360(Thirty360.European).
  Flows on the same payment date are summed (the last interest and the principal are
  kept apart as interest and principal).

How QuantLib 1.29 is used (each mapping was checked; see "QuantLib quirks" below):
* The unadjusted dates: ql.Schedule(Start, Maturity, tenor, NullCalendar, Unadjusted,
  Unadjusted, Backward, eom) when rolling back; Forward with firstDate=FirstPayment
  when anchored (Forward without firstDate when FirstPayment = Start).
* SC* without EOM: the native adjusted schedule ql.Schedule(Start, Maturity, tenor,
  calendar, conv, conv, rule, False, firstDate), checked equal to the unadjusted dates
  each moved with Calendar.adjust(date, conv); interest by ql.FixedRateLeg on it
  (paymentAdjustment=Unadjusted).
* SC* with EOM: the unadjusted EOM dates each moved with Calendar.adjust(date, conv),
  given to ql.Schedule(DateVector) -- see quirk 2 for why not the native schedule.
* CS*: ql.FixedRateLeg(unadjusted schedule, dayCounter, [nominal], [rate],
  paymentAdjustment=conv, paymentCalendar=calendar): accrual on the unadjusted dates,
  each coupon's date() the shifted payment date.
* NOS: ql.FixedRateLeg(..., paymentAdjustment=Unadjusted). (FixedRateLeg's default
  paymentAdjustment is Following on the schedule's calendar.)
* The principal is paid on Calendar.adjust(Maturity, conv).

QuantLib quirks (1.29), why some cases are built as above or left out:
1. With endOfMonth=True, Forward generation with a firstDate moves the effective date
   (Start) to its month end: Start 2024-01-10, firstDate 2024-02-29, 1M, Unadjusted gives
   2024-01-31, 2024-02-29, ... (the first period is lost). Anchored EOM cases therefore
   take QuantLib's Forward schedule from FirstPayment (effective date = FirstPayment) and
   put Start in front; the script detects this quirk and records it under `quirks`.
2. With endOfMonth=True and an adjusting convention, QuantLib moves the inner dates to
   Calendar.endOfMonth (the month's last business day, whatever the convention, so
   Following never goes to the next month), and both ends to the last business day of
   their month (Start 2025-06-10 becomes 2025-06-30; a non-month-end Maturity 2024-07-15
   becomes 2024-07-31). SC* EOM cases use the unadjusted EOM dates shifted one by one.
3. QuantLib's EOM test is Calendar.isEndOfMonth(anchor), the last *business* day of
   the month: on TARGET, Maturity 2024-08-30 (a Friday; the 31st is a Saturday) counts
   as a month end and the unadjusted schedule becomes 2024-01-31, ..., 2024-08-31 (even
   Maturity moves). Ours asks for the calendar month end. The unadjusted schedules are
   built on NullCalendar (where the two tests agree); the payment calendar is passed to
   FixedRateLeg separately.
4. QuantLib drops a schedule date whose adjusted value equals its neighbour's, and the
   first inner date when it is adjusted onto Start; no case here hits this (asserted).
5. QuantLib ignores endOfMonth for day and week tenors, as ours does (a 2W case with
   EOM on a month-end Maturity is included).
6. QuantLib has no LONG stub flag (Stub = LONG is left to the ACTUS conformance tests);
   every case here has Stub SHORT.

Every Start is a TARGET business day, so whether Start is shifted does not matter, and
every payment date is after Start. A plain-Python recomputation of the semantics above
(EDATE, the four rolls on the QuantLib calendars' isBusinessDay, the three day counts)
must give the same dates exactly and the same amounts to 1e-12 relative, or the script
stops.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt
import os
import sys
from typing import Dict, List, Optional, Tuple, Union

import QuantLib as ql

sys.dont_write_bytecode = True  # keep scripts/golden/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

D = dt.date
BALANCE = 1_000_000.0
RATES = [0.05, 0.0425, 0.031]
BASES = [2, 3, 4]

CALENDARS: Dict[str, ql.Calendar] = {"NONE": ql.NullCalendar(), "WEEKENDS": ql.WeekendsOnly(), "TARGET": ql.TARGET()}
ROLLS = {"NOS": ql.Unadjusted, "F": ql.Following, "MF": ql.ModifiedFollowing, "P": ql.Preceding, "MP": ql.ModifiedPreceding}
ROLL_NAMES = {"NOS": "Unadjusted", "F": "Following", "MF": "ModifiedFollowing", "P": "Preceding", "MP": "ModifiedPreceding"}
CONVENTIONS = ["SCF", "SCMF", "CSF", "CSMF", "SCP", "SCMP", "CSP", "CSMP"]
DAY_COUNTERS = {2: ql.Actual360(), 3: ql.Actual365Fixed(), 4: ql.Thirty360(ql.Thirty360.European)}

Frequency = Union[int, str]


# --------------------------------------------------------------------------- dates


def to_ql(d: dt.date) -> ql.Date:
    return ql.Date(d.day, d.month, d.year)


def from_ql(d: ql.Date) -> dt.date:
    return dt.date(d.year(), d.month(), d.dayOfMonth())


def month_end(d: dt.date) -> dt.date:
    return d.replace(day=_cal.monthrange(d.year, d.month)[1])


def is_month_end(d: dt.date) -> bool:
    return d == month_end(d)


def edate(d: dt.date, months: int) -> dt.date:
    """Excel EDATE: same day of month, clamped to the month's end."""
    m0 = d.year * 12 + (d.month - 1) + months
    y, m = m0 // 12, m0 % 12 + 1
    return dt.date(y, m, min(d.day, _cal.monthrange(y, m)[1]))


def cycle(freq: Frequency) -> Tuple[int, str]:
    """(n, unit) with unit 'M' or 'D': the cycle of a Frequency cell."""
    if isinstance(freq, int):
        assert 12 % freq == 0, freq
        return 12 // freq, "M"
    n, u = int(freq[:-1]), freq[-1]
    return {"M": (n, "M"), "Y": (12 * n, "M"), "W": (7 * n, "D"), "D": (n, "D")}[u]


def ql_period(freq: Frequency) -> ql.Period:
    if isinstance(freq, int):
        return ql.Period(12 // freq, ql.Months)
    n, u = int(freq[:-1]), freq[-1]
    return ql.Period(n, {"M": ql.Months, "Y": ql.Years, "W": ql.Weeks, "D": ql.Days}[u])


# --------------------------------------------------------------------------- cases


class Case:
    def __init__(self, kind: str, name: str, start: dt.date, maturity: dt.date, freq: Frequency, *,
                 first: Optional[dt.date] = None, bdc: str = "NOS", cal: str = "NONE", eom: bool = False,
                 basis: int = 3, rate: float = 0.05):
        assert first is None or start <= first < maturity, name
        self.kind, self.name = kind, name
        self.start, self.maturity, self.freq, self.first = start, maturity, freq, first
        self.bdc, self.cal, self.eom, self.basis, self.rate = bdc, cal, eom, basis, rate

    @property
    def roll(self) -> str:
        return "NOS" if self.bdc == "NOS" else self.bdc[2:]

    @property
    def shift_then_calculate(self) -> bool:
        return self.bdc.startswith("SC")

    def terms(self, ident: str) -> dict:
        return {
            "Id": ident,
            "Side": "A",
            "Balance": BALANCE,
            "Rate": self.rate,
            "Maturity": C.iso(self.maturity),
            "Amortization": "BULLET",
            "Frequency": self.freq,
            "Basis": self.basis,
            "Start": C.iso(self.start),
            "FirstPayment": C.iso(self.first) if self.first else None,
            "Stub": "SHORT",
            "BusinessDay": self.bdc,
            "Calendar": self.cal,
            "EndOfMonth": "EOM" if self.eom else "SD",
        }


def cases() -> List[Case]:
    out: List[Case] = []
    k = 0

    def pick(seq):
        return seq[k % len(seq)]

    # 1. Roll-back from Maturity (no FirstPayment), NOS, no calendar: each frequency and tenor,
    #    once with Start on a roll date (no stub) and once with a short first stub.
    start = D(2026, 3, 16)  # a Monday, open on TARGET
    for freq, periods in [(12, 18), (6, 9), (4, 8), (2, 5), (1, 3), ("1M", 14), ("3M", 7), ("1Y", 2), ("2W", 26), ("10D", 30)]:
        n, unit = cycle(freq)
        regular = edate(start, n * periods) if unit == "M" else start + dt.timedelta(days=n * periods)
        stub_days = 9 if unit == "M" else n // 2 + 1
        out.append(Case("rollback", f"roll-back {freq} regular", start, regular, freq, basis=pick(BASES), rate=pick(RATES)))
        k += 1
        out.append(Case("rollback", f"roll-back {freq} short first stub", start, regular + dt.timedelta(days=stub_days), freq,
                        basis=pick(BASES), rate=pick(RATES)))
        k += 1

    # 2. Anchored on FirstPayment, short last stub (and one exact fit, and FirstPayment = Start).
    first = D(2026, 5, 20)
    for freq, periods in [(12, 16), (4, 6), (2, 4), (1, 2), ("3M", 5), ("1Y", 3), ("2W", 20), ("10D", 25)]:
        n, unit = cycle(freq)
        last = edate(first, n * periods) if unit == "M" else first + dt.timedelta(days=n * periods)
        extra = 11 if unit == "M" else n // 2
        out.append(Case("anchored", f"anchored {freq} on {C.iso(first)}, short last stub", start, last + dt.timedelta(days=extra), freq,
                        first=first, basis=pick(BASES), rate=pick(RATES)))
        k += 1
    out.append(Case("anchored", "anchored 4 on 2026-05-20, no stub", start, edate(first, 24), 4, first=first, basis=pick(BASES)))
    k += 1
    for freq, mat in [(12, D(2027, 7, 2)), ("2W", D(2026, 9, 1))]:
        out.append(Case("anchored", f"anchored {freq} on Start", start, mat, freq, first=start, basis=pick(BASES), rate=pick(RATES)))
        k += 1

    # 3. End of month: anchors on month ends, SD vs EOM, rolling back from them and anchored on them.
    #    SD and EOM of an anchor share every other term (Basis too), so the test can pair them.
    for ai, (anchor, freq) in enumerate([(D(2024, 1, 31), 12), (D(2026, 2, 28), 12), (D(2024, 2, 29), 4), (D(2025, 4, 30), 12), (D(2025, 9, 30), 2)]):
        for eom in (False, True):
            tag = "EOM" if eom else "SD"
            s = anchor - dt.timedelta(days=400)
            while not CALENDARS["TARGET"].isBusinessDay(to_ql(s)) or is_month_end(s):
                s += dt.timedelta(days=1)
            out.append(Case("eom", f"roll-back {freq} from month end {C.iso(anchor)} {tag}", s, anchor, freq, eom=eom, basis=BASES[ai % 3]))
            s = anchor - dt.timedelta(days=19)
            while not CALENDARS["TARGET"].isBusinessDay(to_ql(s)):
                s += dt.timedelta(days=1)
            out.append(Case("eom", f"anchored {freq} on month end {C.iso(anchor)} {tag}", s, edate(anchor, 14) + dt.timedelta(days=12), freq,
                            first=anchor, eom=eom, basis=BASES[(ai + 1) % 3]))
    # EOM with a calendar: all four rolls, SC and CS, month ends on weekends.
    for bdc, cal, anchor_kind in [("SCF", "TARGET", "rollback"), ("SCMF", "TARGET", "anchored"), ("SCP", "WEEKENDS", "rollback"),
                                  ("SCMP", "WEEKENDS", "anchored"), ("CSF", "TARGET", "rollback"), ("CSMF", "WEEKENDS", "anchored")]:
        if anchor_kind == "rollback":  # Maturity 2026-02-28 (a Saturday): the EOM dates are 31 Jan (Sat), 31 May (Sun), 31 Oct (Sat), ...
            out.append(Case("eom", f"roll-back 1M from 2026-02-28 EOM {bdc} {cal}", D(2025, 3, 12), D(2026, 2, 28), "1M", bdc=bdc, cal=cal, eom=True,
                            basis=pick(BASES)))
        else:  # FirstPayment 2025-04-30: 31 May 2025 (Sat), 31 Aug (Sun), 30 Nov (Sun), ...
            out.append(Case("eom", f"anchored 1M on 2025-04-30 EOM {bdc} {cal}", D(2025, 4, 14), D(2026, 3, 13), "1M", first=D(2025, 4, 30), bdc=bdc,
                            cal=cal, eom=True, basis=pick(BASES)))
        k += 1
    for eom in (False, True):  # EOM has no effect on a week cycle
        out.append(Case("eom", f"roll-back 2W from month end 2026-02-28 {'EOM' if eom else 'SD'}", D(2025, 9, 8), D(2026, 2, 28), "2W", eom=eom, basis=3))

    # 4. Business-day conventions: every convention on TARGET and WEEKENDS over two schedules whose
    #    dates fall on weekends and holidays; NOS on each calendar; SC/CS on NONE (no shift).
    #    S1: monthly, rolled back from Saturday 1 May 2027 (day 1: preceding leaves the month);
    #    S2: monthly, anchored on Saturday 31 Jan 2026 (month ends: following leaves the month),
    #        Maturity Saturday 26 Dec 2026 (a TARGET holiday).
    schedules = [("S1 roll-back 1M to 2027-05-01", D(2026, 4, 20), D(2027, 5, 1), 12, None),
                 ("S2 anchored 1M on 2026-01-31 to 2026-12-26", D(2026, 1, 12), D(2026, 12, 26), 12, D(2026, 1, 31))]
    for si, (label, s, m, freq, fp) in enumerate(schedules):
        for ci, cal in enumerate(["TARGET", "WEEKENDS"]):
            basis = BASES[(2 * si + ci) % 3]
            for bdc in CONVENTIONS:
                out.append(Case("business-day", f"{label} {bdc} {cal}", s, m, freq, first=fp, bdc=bdc, cal=cal, basis=basis))
        for cal in ["NONE", "TARGET", "WEEKENDS"]:
            out.append(Case("business-day", f"{label} NOS {cal}", s, m, freq, first=fp, bdc="NOS", cal=cal, basis=3))
        out.append(Case("business-day", f"{label} {'SCF' if si == 0 else 'CSMP'} NONE", s, m, freq, first=fp, bdc="SCF" if si == 0 else "CSMP",
                        cal="NONE", basis=3))

    # 5. Maturities on TARGET holidays and weekends, quarterly roll-back with a short first stub,
    #    each under one SC and one CS convention (rotating), on TARGET; two on WEEKENDS too.
    holidays = [D(2026, 5, 1), D(2025, 12, 25), D(2025, 12, 26), D(2027, 1, 1), D(2026, 4, 3), D(2026, 4, 6), D(2027, 3, 26), D(2027, 3, 29),
                D(2026, 1, 31), D(2026, 5, 31), D(2027, 2, 28)]
    sc = ["SCF", "SCMF", "SCP", "SCMP"]
    cs = ["CSF", "CSMF", "CSP", "CSMP"]
    for i, mat in enumerate(holidays):
        s = edate(mat, -20) + dt.timedelta(days=17)
        while not CALENDARS["TARGET"].isBusinessDay(to_ql(s)):
            s += dt.timedelta(days=1)
        for bdc in (sc[i % 4], cs[(i + 1) % 4]):
            out.append(Case("holiday-maturity", f"Maturity {C.iso(mat)} ({mat.strftime('%a')}) 3M {bdc} TARGET", s, mat, "3M", bdc=bdc, cal="TARGET",
                            basis=BASES[i % 3], rate=RATES[i % 3]))
    for mat, bdc in [(D(2026, 5, 1), "SCF"), (D(2026, 5, 31), "SCMF")]:
        out.append(Case("holiday-maturity", f"Maturity {C.iso(mat)} ({mat.strftime('%a')}) 3M {bdc} WEEKENDS", D(2025, 2, 3), mat, "3M", bdc=bdc,
                        cal="WEEKENDS", basis=2))
    return out


# --------------------------------------------------------------------------- plain-Python model


def adjust(d: dt.date, roll: str, cal: ql.Calendar) -> dt.date:
    open_ = lambda x: cal.isBusinessDay(to_ql(x))  # noqa: E731
    step = dt.timedelta(days=1)
    if roll == "NOS" or open_(d):
        return d
    if roll in ("F", "MF"):
        x = d
        while not open_(x):
            x += step
        if roll == "MF" and x.month != d.month:
            return adjust(d, "P", cal)
        return x
    x = d
    while not open_(x):
        x -= step
    if roll == "MP" and x.month != d.month:
        return adjust(d, "F", cal)
    return x


def year_fraction(a: dt.date, b: dt.date, basis: int) -> float:
    if basis == 2:
        return (b - a).days / 360.0
    if basis == 3:
        return (b - a).days / 365.0
    assert basis == 4
    d1, d2 = min(a.day, 30), min(b.day, 30)
    return (360 * (b.year - a.year) + 30 * (b.month - a.month) + (d2 - d1)) / 360.0


def model_unadjusted(c: Case) -> List[dt.date]:
    n, unit = cycle(c.freq)
    anchor = c.first if c.first else c.maturity
    month_ends = c.eom and unit == "M" and is_month_end(anchor)

    def at(j: int) -> dt.date:
        if unit == "D":
            return anchor + dt.timedelta(days=j * n)
        d = edate(anchor, j * n)
        return month_end(d) if month_ends else d

    if c.first is None:
        dates, j = [], 0
        while at(-j) > c.start:
            dates.append(at(-j))
            j += 1
        return [c.start] + dates[::-1]
    dates, j = [c.start] if c.first > c.start else [], 0
    while at(j) < c.maturity:
        dates.append(at(j))
        j += 1
    return dates + [c.maturity]


def model_flows(c: Case) -> List[Tuple[dt.date, dt.date, float, float]]:
    """(payment date, unadjusted date, interest, principal) per period; the principal on the last."""
    cal = CALENDARS[c.cal]
    unadj = model_unadjusted(c)
    adj = [adjust(d, c.roll, cal) for d in unadj]
    accrual = adj if c.shift_then_calculate else unadj
    out = []
    for i in range(1, len(unadj)):
        interest = BALANCE * c.rate * year_fraction(accrual[i - 1], accrual[i], c.basis)
        out.append((adj[i], unadj[i], interest, BALANCE if i == len(unadj) - 1 else 0.0))
    return out


# --------------------------------------------------------------------------- QuantLib


QUIRKS: Dict[str, List[str]] = {}


def note_quirk(key: str, text: str) -> None:
    QUIRKS.setdefault(key, [])
    if len(QUIRKS[key]) < 3 and text not in QUIRKS[key]:
        QUIRKS[key].append(text)


def isos(dates) -> str:
    return ", ".join(C.iso(from_ql(d)) for d in dates)


def ql_unadjusted(c: Case) -> Tuple[ql.Schedule, str]:
    tenor = ql_period(c.freq)
    null = ql.NullCalendar()
    if c.first is None:
        s = ql.Schedule(to_ql(c.start), to_ql(c.maturity), tenor, null, ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Backward, c.eom)
        return s, "Backward"
    if c.first == c.start:
        s = ql.Schedule(to_ql(c.start), to_ql(c.maturity), tenor, null, ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Forward, c.eom)
        return s, "Forward"
    s = ql.Schedule(to_ql(c.start), to_ql(c.maturity), tenor, null, ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Forward, c.eom, to_ql(c.first))
    if from_ql(s[0]) == c.start:
        return s, "Forward, firstDate=FirstPayment"
    # Quirk 1: the EOM adjustment moved the effective date; generate from FirstPayment and put Start in front.
    assert c.eom, c.name
    note_quirk("forward_eom_moves_start", f"{c.name}: ql.Schedule(Forward, eom, firstDate) = {isos(s)}")
    g = ql.Schedule(to_ql(c.first), to_ql(c.maturity), tenor, null, ql.Unadjusted, ql.Unadjusted, ql.DateGeneration.Forward, c.eom)
    dates = [to_ql(c.start)] + list(g)
    return ql.Schedule(ql.DateVector(dates), null, ql.Unadjusted), "Forward from FirstPayment (effective date), Start put in front"


def ql_flows(c: Case) -> Tuple[List[Tuple[dt.date, dt.date, float, float]], str]:
    cal = CALENDARS[c.cal]
    conv = ROLLS[c.roll]
    dc = DAY_COUNTERS[c.basis]
    unadj, build = ql_unadjusted(c)
    udates = [from_ql(d) for d in unadj]
    if c.bdc == "NOS":
        leg = ql.FixedRateLeg(unadj, dc, [BALANCE], [c.rate], paymentAdjustment=ql.Unadjusted)
        build += "; NOS: FixedRateLeg paymentAdjustment=Unadjusted"
    elif c.shift_then_calculate:
        derived = [cal.adjust(d, conv) for d in unadj]
        assert all(a < b for a, b in zip(derived, derived[1:])), f"{c.name}: adjusted dates collide"
        rule = ql.DateGeneration.Backward if c.first is None else ql.DateGeneration.Forward
        first = to_ql(c.first) if c.first and c.first > c.start else ql.Date()
        native = ql.Schedule(to_ql(c.start), to_ql(c.maturity), ql_period(c.freq), cal, conv, conv, rule, c.eom, first)
        if list(native) == derived:
            sched = native
            build += f"; SC: native ql.Schedule({c.cal}, {ROLL_NAMES[c.roll]}, {ROLL_NAMES[c.roll]})"
        else:
            # Quirk 2: only the EOM adjustment makes the native schedule differ from the shifted dates.
            assert c.eom and cycle(c.freq)[1] == "M", f"{c.name}: native {isos(native)} vs shifted {isos(derived)}"
            note_quirk("eom_native_adjusted_schedule", f"{c.name}: native {isos(native)}; shifted {isos(derived)}")
            sched = ql.Schedule(ql.DateVector(derived), cal, ql.Unadjusted)
            build += f"; SC EOM: ql.Schedule(DateVector) of the unadjusted dates moved by {c.cal}.adjust({ROLL_NAMES[c.roll]})"
        leg = ql.FixedRateLeg(sched, dc, [BALANCE], [c.rate], paymentAdjustment=ql.Unadjusted)
    else:
        leg = ql.FixedRateLeg(unadj, dc, [BALANCE], [c.rate], paymentAdjustment=conv, paymentCalendar=cal)
        build += f"; CS: FixedRateLeg paymentAdjustment={ROLL_NAMES[c.roll]}, paymentCalendar={c.cal}"
    coupons = [ql.as_fixed_rate_coupon(cf) for cf in leg]
    assert len(coupons) == len(udates) - 1, c.name
    principal_date = from_ql(cal.adjust(to_ql(c.maturity), conv))
    out = []
    for i, cp in enumerate(coupons):
        last = i == len(coupons) - 1
        pay = from_ql(cp.date())
        if last:
            assert pay == principal_date, c.name
        out.append((pay, udates[i + 1], cp.amount(), BALANCE if last else 0.0))
    return out, build


def check_known_quirks() -> None:
    """QuantLib behaviours the docstring relies on (a changed QuantLib shows up here)."""
    # FixedRateLeg's default payment adjustment is Following on the schedule's calendar.
    s = ql.Schedule(ql.DateVector([ql.Date(15, 1, 2026), ql.Date(31, 1, 2026)]), ql.TARGET(), ql.Unadjusted)
    assert ql.FixedRateLeg(s, ql.Actual360(), [1.0], [0.05])[0].date() == ql.Date(2, 2, 2026)
    # Quirk 3: business month end as the EOM test.
    t = ql.Schedule(ql.Date(10, 1, 2024), ql.Date(30, 8, 2024), ql.Period(1, ql.Months), ql.TARGET(), ql.Unadjusted, ql.Unadjusted,
                    ql.DateGeneration.Backward, True)
    note_quirk("eom_test_is_business_month_end", f"TARGET, Unadjusted, Backward, eom, 2024-01-10 to 2024-08-30 (Fri): {isos(t)}")
    # Quirk 2 on a non-month-end Maturity.
    t = ql.Schedule(ql.Date(31, 1, 2024), ql.Date(15, 7, 2024), ql.Period(1, ql.Months), ql.TARGET(), ql.ModifiedFollowing, ql.ModifiedFollowing,
                    ql.DateGeneration.Forward, True)
    note_quirk("eom_native_adjusted_schedule", f"TARGET, ModifiedFollowing, Forward, eom, 2024-01-31 to 2024-07-15: {isos(t)}")
    # Quirk 5: endOfMonth is ignored for day tenors.
    t = ql.Schedule(ql.Date(5, 1, 2026), ql.Date(31, 3, 2026), ql.Period(10, ql.Days), ql.NullCalendar(), ql.Unadjusted, ql.Unadjusted,
                    ql.DateGeneration.Backward, True)
    assert from_ql(t[-2]) == D(2026, 3, 21), isos(t)


def sanity_checks(results) -> None:
    by_name = {c.name: flows for c, flows, _ in results}
    # 1,000,000 x 5% x 31/360 over a 31-day month on Actual/360.
    assert abs(BALANCE * 0.05 * 31 / 360 - 4305.555555555556) < 1e-9
    # Saturday 1 May 2027 (also a TARGET holiday): following pays Monday 3 May, preceding Friday 30 April.
    assert by_name["S1 roll-back 1M to 2027-05-01 SCF TARGET"][-1][0] == D(2027, 5, 3)
    assert by_name["S1 roll-back 1M to 2027-05-01 SCP TARGET"][-1][0] == D(2027, 4, 30)
    # Good Friday 2026 (3 April) is closed on TARGET, open on WEEKENDS.
    assert not ql.TARGET().isBusinessDay(ql.Date(3, 4, 2026)) and ql.WeekendsOnly().isBusinessDay(ql.Date(3, 4, 2026))
    # Friday 1 May 2026: TARGET shifts it (following to Monday 4 May), WEEKENDS does not.
    assert by_name["Maturity 2026-05-01 (Fri) 3M SCF WEEKENDS"][-1][0] == D(2026, 5, 1)
    # Month-end anchor 2026-02-28: SD stays on the 28th, EOM goes to the 31st of January.
    assert by_name["roll-back 12 from month end 2026-02-28 SD"][-2][1] == D(2026, 1, 28)
    assert by_name["roll-back 12 from month end 2026-02-28 EOM"][-2][1] == D(2026, 1, 31)


def main() -> None:
    check_known_quirks()
    all_cases = cases()
    names = [c.name for c in all_cases]
    assert len(set(names)) == len(names), "case names must be unique"
    results = []
    for c in all_cases:
        assert CALENDARS["TARGET"].isBusinessDay(to_ql(c.start)), f"{c.name}: Start must be a business day"
        flows, build = ql_flows(c)
        model = model_flows(c)
        assert [(p, u, q) for p, u, _, q in flows] == [(p, u, q) for p, u, _, q in model], f"{c.name}: {flows} vs {model}"
        for (_, _, a, _), (_, _, b, _) in zip(flows, model):
            assert abs(a - b) <= 1e-12 * abs(b), f"{c.name}: interest {a} vs {b}"
        assert all(p > c.start for p, _, _, _ in flows), f"{c.name}: a payment on or before Start"
        results.append((c, flows, build))
    sanity_checks(results)

    out_cases = []
    for i, (c, flows, build) in enumerate(results):
        summed: Dict[dt.date, List] = {}
        for pay, unadj, interest, principal in flows:
            row = summed.setdefault(pay, [C.serial(pay), C.iso(pay), C.serial(unadj), 0.0, 0.0])
            assert row[2] == C.serial(unadj), f"{c.name}: two schedule dates pay on {pay}"
            row[3] += interest
            row[4] += principal
        assert list(summed) == sorted(summed)
        out_cases.append({
            "name": c.name,
            "kind": c.kind,
            "terms": c.terms(f"Q{i + 1:03d}"),
            "as_of": C.serial(c.start),
            "as_of_iso": C.iso(c.start),
            "quantlib": build,
            "flows": list(summed.values()),
        })

    kinds: Dict[str, int] = {}
    for oc in out_cases:
        kinds[oc["kind"]] = kinds.get(oc["kind"], 0) + 1
    obj = {
        "source": "QuantLib-Python Schedule / FixedRateLeg / Calendar.adjust",
        "tool_version": C.quantlib_tool_version(),
        "generated_by": "scripts/golden/schedule_quantlib.py",
        "notes": "BULLET asset rows of the positions table (Balance 1,000,000) stated with as_of = Start; flows after as_of per payment date. "
        "Unadjusted dates by ql.Schedule on NullCalendar (Backward from Maturity, or Forward with firstDate=FirstPayment); SC*: "
        "native adjusted ql.Schedule (EOM: the unadjusted dates moved by Calendar.adjust); CS*: FixedRateLeg with paymentAdjustment "
        "and paymentCalendar; NOS: paymentAdjustment=Unadjusted. Interest = ql.FixedRateLeg coupon amount (Actual360, "
        "Actual365Fixed, Thirty360 European for Basis 2, 3, 4); principal on the shifted Maturity. Checked against a plain-Python "
        "recomputation (dates exact, amounts to 1e-12). See the script's docstring for QuantLib 1.29's EOM quirks worked around.",
        "flows_columns": ["date", "date_iso", "unadjusted", "interest", "principal"],
        "kinds": kinds,
        "quirks": QUIRKS,
        "cases": out_cases,
    }
    path = C.write_json("schedule-quantlib.json", obj)
    flows = sum(len(oc["flows"]) for oc in out_cases)
    print(f"wrote {path}: {len(out_cases)} cases {kinds}, {flows} payment dates ({obj['tool_version']})")


if __name__ == "__main__":
    main()
