"""Shared helpers for the golden-data generators in scripts/golden/.

Not a generator itself.  Provides:

* Excel 1900-system date serials (valid only for dates >= 1900-03-01, where
  Excel, Gnumeric and this module agree: 1900-03-01 = 61, 2000-01-01 = 36526);
* `gnumeric_eval(formulas)`: evaluates a list of spreadsheet formulas with
  Gnumeric's `ssconvert --recalc` and returns the raw result strings;
* JSON writing with full double precision (Python's float repr is the shortest
  string that round-trips to the same IEEE-754 double).

Gnumeric notes (found while writing these scripts):

* `ssconvert` does NOT evaluate formulas written into a .csv input (they come
  back as text), so we write a minimal uncompressed Gnumeric XML workbook
  instead.  The XML must contain a <gnm:SheetNameIndex> or ssconvert refuses it.
* The Debian build of Gnumeric 1.12.55 computes in long double (80-bit)
  precision; with the `Gnumeric_stf:stf_assistant` exporter and `format=raw`
  it prints ~20 significant digits.  We parse them with float(), i.e. round the
  long-double result to the nearest double.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import subprocess
import tempfile
from typing import Iterable, List, Sequence
from xml.sax.saxutils import escape

EXCEL_EPOCH = _dt.date(1899, 12, 30)  # serial 0 for dates >= 1900-03-01
FIRST_SAFE = _dt.date(1900, 3, 1)  # serial 61; earlier serials hit the 1900 leap-year bug

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GOLDEN_DIR = os.path.join(REPO_ROOT, "test", "golden")


def serial(d: _dt.date) -> int:
    """Excel 1900-system serial of a date on or after 1900-03-01."""
    if d < FIRST_SAFE:
        raise ValueError(f"{d} is before 1900-03-01; serials < 61 are avoided")
    return (d - EXCEL_EPOCH).days


def from_serial(s: int) -> _dt.date:
    if s < 61:
        raise ValueError("serials < 61 are avoided")
    return EXCEL_EPOCH + _dt.timedelta(days=s)


def add_months(d: _dt.date, months: int) -> _dt.date:
    """EDATE for day-of-month <= 28 (no end-of-month clamping needed)."""
    if d.day > 28:
        raise ValueError("add_months only supports day-of-month <= 28")
    m0 = d.year * 12 + (d.month - 1) + months
    return _dt.date(m0 // 12, m0 % 12 + 1, d.day)


def date_formula(d: _dt.date) -> str:
    return f"DATE({d.year},{d.month},{d.day})"


def debian_package_version(pkg: str) -> str:
    """'<pkg> <version>' from dpkg, or '' when dpkg does not know the package."""
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg], capture_output=True, text=True)
    except FileNotFoundError:
        return ""
    return f"{pkg} {out.stdout.strip()}" if out.returncode == 0 and out.stdout.strip() else ""


def gnumeric_version() -> str:
    out = subprocess.run(["ssconvert", "--version"], check=True, capture_output=True, text=True).stdout
    m = re.search(r"ssconvert version '([^']+)'", out)
    if not m:
        raise RuntimeError(f"cannot parse ssconvert version from {out!r}")
    return m.group(1)


def gnumeric_tool_version() -> str:
    deb = debian_package_version("gnumeric")
    return f"gnumeric {gnumeric_version()}" + (f" (Debian package {deb})" if deb else "")


def quantlib_version() -> str:
    import QuantLib as ql  # imported lazily: the Gnumeric scripts do not need it

    return ql.__version__


def quantlib_tool_version() -> str:
    deb = debian_package_version("quantlib-python")
    return f"QuantLib {quantlib_version()}" + (f" (Debian package {deb})" if deb else "")


_ERROR_RE = re.compile(r"^#[A-Z0-9/!?]+[!?]?$|^#N/A$")


def is_error(text: str) -> bool:
    return bool(_ERROR_RE.match(text.strip()))


def gnumeric_eval(formulas: Sequence[str]) -> List[str]:
    """Evaluate each formula (a string starting with '=') in its own cell.

    Returns the raw text ssconvert prints for each cell (numbers with ~20
    significant digits, errors such as '#NUM!').  One formula per row, column A.
    """
    cells = []
    for i, f in enumerate(formulas):
        if not f.startswith("="):
            raise ValueError(f"not a formula: {f!r}")
        cells.append(f'        <gnm:Cell Row="{i}" Col="0">{escape(f)}</gnm:Cell>')
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd">\n'
        "  <gnm:SheetNameIndex><gnm:SheetName>Sheet1</gnm:SheetName></gnm:SheetNameIndex>\n"
        "  <gnm:Sheets>\n"
        "    <gnm:Sheet>\n"
        "      <gnm:Name>Sheet1</gnm:Name>\n"
        "      <gnm:MaxCol>0</gnm:MaxCol>\n"
        f"      <gnm:MaxRow>{max(len(formulas) - 1, 0)}</gnm:MaxRow>\n"
        "      <gnm:Cells>\n" + "\n".join(cells) + "\n"
        "      </gnm:Cells>\n"
        "    </gnm:Sheet>\n"
        "  </gnm:Sheets>\n"
        "</gnm:Workbook>\n"
    )
    with tempfile.TemporaryDirectory(prefix="golden-gnm-") as tmp:
        src = os.path.join(tmp, "in.gnumeric")
        dst = os.path.join(tmp, "out.txt")
        with open(src, "w", encoding="utf-8") as fh:
            fh.write(xml)
        proc = subprocess.run(
            [
                "ssconvert",
                "--recalc",
                "-T",
                "Gnumeric_stf:stf_assistant",
                "-O",
                "format=raw separator=; quote=never eol=unix",
                src,
                dst,
            ],
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0 or not os.path.exists(dst):
            raise RuntimeError(f"ssconvert failed ({proc.returncode}): {proc.stderr}")
        with open(dst, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(formulas):
        raise RuntimeError(f"expected {len(formulas)} result rows, got {len(lines)}")
    for f, v in zip(formulas, lines):
        if v.startswith("="):
            raise RuntimeError(f"formula was not evaluated: {f} -> {v}")
    return lines


def gnumeric_numbers(formulas: Sequence[str]) -> List[object]:
    """Like gnumeric_eval but returns floats, or the error text (str) for error cells."""
    out: List[object] = []
    for f, v in zip(formulas, gnumeric_eval(formulas)):
        v = v.strip()
        if is_error(v):
            out.append(v)
            continue
        try:
            out.append(float(v))
        except ValueError as exc:
            raise RuntimeError(f"unexpected output for {f}: {v!r}") from exc
    return out


def write_json(name: str, obj: dict, width: int = 180) -> str:
    """Write test/golden/<name> deterministically (sorted nothing, fixed layout)."""
    os.makedirs(GOLDEN_DIR, exist_ok=True)
    path = os.path.join(GOLDEN_DIR, name)
    _check_finite(obj)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(_dumps(obj, 0, width))
        fh.write("\n")
    return path


def _dumps(obj, level: int, width: int = 180) -> str:
    """JSON with small containers on one line and big ones expanded.

    Floats use repr (shortest string that round-trips the double exactly).
    """
    compact = json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(", ", ": "))
    if not isinstance(obj, (dict, list)) or len(compact) + 2 * level <= width:
        return compact
    pad = "  " * (level + 1)
    if isinstance(obj, dict):
        items = [f"{pad}{json.dumps(k)}: {_dumps(v, level + 1, width)}" for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + "  " * level + "}"
    items = [pad + _dumps(v, level + 1, width) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + "  " * level + "]"


def _check_finite(obj) -> None:
    if isinstance(obj, float):
        if obj != obj or obj in (float("inf"), float("-inf")):
            raise ValueError("non-finite number in golden data")
    elif isinstance(obj, dict):
        for v in obj.values():
            _check_finite(v)
    elif isinstance(obj, (list, tuple)):
        for v in obj:
            _check_finite(v)


def iso(d: _dt.date) -> str:
    return d.isoformat()


def chunks(seq: Sequence, n: int) -> Iterable[Sequence]:
    for i in range(0, len(seq), n):
        yield seq[i : i + n]
