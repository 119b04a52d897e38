#!/usr/bin/python3
"""Golden data: the TARGET calendar and business-day adjustment by QuantLib.

Produces : test/golden/calendar-quantlib.json
Tool     : QuantLib-Python (Debian package `quantlib-python`, imported by Debian's
           /usr/bin/python3; version read from QuantLib.__version__ and stored).
Run      : /usr/bin/python3 scripts/golden/calendar_quantlib.py

Contents:

* `target_holidays`: every weekday from 1999-01-01 to 2060-12-31 on which
  ql.TARGET().isBusinessDay is false (weekends are closed anyway and are not
  listed).  The engine's TARGET calendar must be closed on exactly these
  weekdays and open on every other weekday of the range.
* `adjustments`: for ql.TARGET() and ql.WeekendsOnly(), every day of the
  years in ADJUST_YEARS (the TARGET changes of 1999-2001, Easter early and
  late, 1 May on a weekend, month ends on weekends) with
  Calendar.adjust(date, c) for c = Following, ModifiedFollowing, Preceding,
  ModifiedPreceding, and Calendar.advance(date, n, Days) for n = -2, -1, 1, 2.

All dates are Excel 1900-system serials (see _common.serial); the date
itself also carries its ISO text.  The script asserts a few known facts
(Good Friday 2024, the 31 December closings) so a changed QuantLib shows up.
"""

from __future__ import annotations

import datetime as dt
import os
import sys

import QuantLib as ql

sys.dont_write_bytecode = True  # keep scripts/golden/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import _common as C  # noqa: E402

HOLIDAY_FIRST = dt.date(1999, 1, 1)
HOLIDAY_LAST = dt.date(2060, 12, 31)
# 1999-2002: TARGET's early rules; 2008/2011: Easter on 23 March / 24 April;
# 2024: leap year, Easter 31 March; 2027: 1 May a Saturday; 2038: Easter 25 April (latest).
ADJUST_YEARS = [1999, 2000, 2001, 2002, 2008, 2011, 2024, 2027, 2038]
CONVENTIONS = [
    ("following", ql.Following),
    ("modifiedFollowing", ql.ModifiedFollowing),
    ("preceding", ql.Preceding),
    ("modifiedPreceding", ql.ModifiedPreceding),
]
ADVANCES = [-2, -1, 1, 2]
CALENDARS = [("TARGET", ql.TARGET()), ("WEEKENDS", ql.WeekendsOnly())]


def to_ql(d: dt.date) -> ql.Date:
    return ql.Date(d.day, d.month, d.year)


def from_ql(d: ql.Date) -> dt.date:
    return dt.date(d.year(), d.month(), d.dayOfMonth())


def days(first: dt.date, last: dt.date):
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=1)


def target_holidays():
    cal = ql.TARGET()
    out = []
    for d in days(HOLIDAY_FIRST, HOLIDAY_LAST):
        if d.weekday() < 5 and not cal.isBusinessDay(to_ql(d)):
            out.append([C.serial(d), C.iso(d)])
    return out


def adjustment_rows(cal: ql.Calendar):
    rows = []
    for year in ADJUST_YEARS:
        for d in days(dt.date(year, 1, 1), dt.date(year, 12, 31)):
            q = to_ql(d)
            row = [C.serial(d), C.iso(d)]
            row += [C.serial(from_ql(cal.adjust(q, conv))) for _, conv in CONVENTIONS]
            row += [C.serial(from_ql(cal.advance(q, n, ql.Days))) for n in ADVANCES]
            rows.append(row)
    return rows


def sanity_checks(holidays) -> None:
    iso = {h[1] for h in holidays}
    for known in ["2024-03-29", "2024-04-01", "2024-05-01", "2024-12-25", "2024-12-26", "1999-12-31", "2001-12-31", "1999-01-01"]:
        assert known in iso, known
    for open_day in ["1999-04-02", "1999-04-05", "2002-12-31", "2024-12-31"]:
        assert open_day not in iso, open_day
    assert 1998 < int(holidays[0][1][:4]) and len(holidays) > 300


def main() -> None:
    holidays = target_holidays()
    sanity_checks(holidays)
    adjustments = {name: adjustment_rows(cal) for name, cal in CALENDARS}
    obj = {
        "tool": C.quantlib_tool_version(),
        "generator": "scripts/golden/calendar_quantlib.py",
        "description": "TARGET holidays (weekdays closed) 1999-2060 by ql.TARGET().isBusinessDay; "
        "Calendar.adjust under four conventions and Calendar.advance by business days for TARGET and WeekendsOnly",
        "holiday_range": [C.serial(HOLIDAY_FIRST), C.serial(HOLIDAY_LAST)],
        "holiday_range_iso": [C.iso(HOLIDAY_FIRST), C.iso(HOLIDAY_LAST)],
        "target_holidays_columns": ["serial", "iso"],
        "target_holidays": holidays,
        "adjust_years": ADJUST_YEARS,
        "adjustments_columns": ["serial", "iso"] + [name for name, _ in CONVENTIONS] + [f"advance{n:+d}" for n in ADVANCES],
        "adjustments": adjustments,
    }
    path = C.write_json("calendar-quantlib.json", obj)
    count = sum(len(rows) for rows in adjustments.values())
    print(f"wrote {path}: {len(holidays)} TARGET holidays, {count} adjustment rows ({obj['tool']})")


if __name__ == "__main__":
    main()
