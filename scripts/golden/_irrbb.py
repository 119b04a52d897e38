"""The Basel IRRBB inputs the golden scripts share, transcribed once from the published texts (never
from this project's TypeScript): shock sizes, the SRP31.91 shift formulas, the post-shock floors, the
SRP31 behavioural multipliers, and plain linear zero interpolation. Used by irrbb_eve_quantlib.py,
irrbb_outlier.py and irrbb_nii.py.
"""

from __future__ import annotations

import math

BP = 1e-4

SCENARIOS = ["PARALLEL_UP", "PARALLEL_DOWN", "STEEPENER", "FLATTENER", "SHORT_UP", "SHORT_DOWN"]
NII_SCENARIOS = ["PARALLEL_UP", "PARALLEL_DOWN"]  # EU RTS 2024/856 Art. 1(2)
DEFAULT_CALIBRATION = "BCBS2024"

# Shock sizes (bp: parallel, short, long) for the currencies the goldens use. BCBS2024 = SRP31.90 as in
# force from 1 January 2026 (d578; OSFI B-12 Annex 1 Table 1); BCBS2016 = d368 Annex 2 Table 1; EU =
# Commission Delegated Regulation (EU) 2024/856 Annex Part A.
SHOCK_SIZES = {
    "BCBS2024": {"USD": (200, 300, 225), "EUR": (225, 350, 200), "CHF": (175, 250, 200), "KRW": (225, 350, 225),
                 "JPY": (100, 100, 100), "GBP": (275, 425, 250)},
    "BCBS2016": {"USD": (200, 300, 150), "JPY": (100, 100, 100)},
    "EU": {"USD": (200, 300, 150), "EUR": (200, 250, 100), "JPY": (100, 100, 100), "PLN": (250, 350, 150)},
}

# SRP31 behavioural multipliers per scenario: (gamma on CPR, u on TDRR).
MULTIPLIERS = {"PARALLEL_UP": (0.8, 1.2), "PARALLEL_DOWN": (1.2, 0.8), "STEEPENER": (0.8, 0.8),
               "FLATTENER": (1.2, 1.2), "SHORT_UP": (0.8, 1.2), "SHORT_DOWN": (1.2, 0.8)}


def shift_bp(name, sizes, t: float) -> float:
    """SRP31.91 shift at t years, in bp (x = 4); BASE is 0 and a number is a parallel shift of that many bp."""
    if isinstance(name, (int, float)):
        return float(name)
    par, short, long_ = sizes
    s = abs(short * math.exp(-t / 4))
    lg = abs(long_ * (1 - math.exp(-t / 4)))
    return {"BASE": 0.0, "PARALLEL_UP": par, "PARALLEL_DOWN": -par, "STEEPENER": -0.65 * s + 0.9 * lg,
            "FLATTENER": 0.8 * s - 0.6 * lg, "SHORT_UP": s, "SHORT_DOWN": -s}[name]


def floor_level(floor, t: float):
    """The post-shock floor at t: EU min(-150 + 3t, 0) bp (2024/856 Art. 3(7)), ZERO, a rate, or None."""
    if floor is None or floor == "NONE":
        return None
    if floor == "EU":
        return min(-150 + 3 * t, 0) * BP
    if floor == "ZERO":
        return 0.0
    return float(floor)


def floored(floor, t: float, shocked: float, base: float) -> float:
    """max(shocked, min(floor(t), base)): a floor never lifts a rate above its unshocked value."""
    level = floor_level(floor, t)
    return shocked if level is None else max(shocked, min(level, base))


def plain_zero(pillars, t: float) -> float:
    """Linear zero rate in t through [(t, z)] pillars, flat beyond both ends."""
    if len(pillars) == 1 or t <= pillars[0][0]:
        return pillars[0][1]
    for (t0, z0), (t1, z1) in zip(pillars, pillars[1:]):
        if t <= t1:
            return z0 + (t - t0) / (t1 - t0) * (z1 - z0)
    return pillars[-1][1]
