"""Calendar arithmetic on TIMEX3 values: durations, shifts by units, weeks, Easter."""

from __future__ import annotations

import datetime as dt
import re

from lagebild.layers.timex.model import Anchor, _anchor_at

# units: S, MIN, H (clock), D, W, M, Q (quarter), HY (half year), Y, DE (decade), CE (century)
_RANK = {"S": -3, "MIN": -2, "H": -1, "D": 0, "W": 1, "M": 2, "Q": 3, "HY": 4, "Y": 5, "DE": 6, "CE": 7}
_DAYS = {
    "S": 1 / 86400, "MIN": 1 / 1440, "H": 1 / 24, "D": 1.0, "W": 7.0, "M": 30.436875,
    "Q": 91.310625, "HY": 182.62125, "Y": 365.2425, "DE": 3652.425, "CE": 36524.25,
}
_XVALUE = {
    "S": "XXXX-XX-XX", "MIN": "XXXX-XX-XX", "H": "XXXX-XX-XX", "D": "XXXX-XX-XX", "W": "XXXX-WXX",
    "M": "XXXX-XX", "Q": "XXXX-QX", "HY": "XXXX-HX", "Y": "XXXX", "DE": "XXX", "CE": "XX",
}
# exact conversion of a fraction into the next smaller unit
_SMALLER = {"Y": ("M", 12), "HY": ("M", 6), "Q": ("M", 3), "W": ("D", 7), "D": ("H", 24),
            "H": ("MIN", 60), "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100)}
_DURATION_UNIT = {"Y": "Y", "M": "M", "W": "W", "D": "D", "DE": "DE", "CE": "CE"}
_TIME_UNIT = {"H": "H", "MIN": "M", "S": "S"}


def _integral(n: float, unit: str) -> tuple[float, str]:
    """Express n units with a whole number where an exact smaller unit exists (0.5 Y -> 6 M)."""
    if unit == "Q":
        n, unit = n * 3, "M"
    elif unit == "HY":
        n, unit = n * 6, "M"
    while n != int(n) and unit in _SMALLER:
        unit, factor = _SMALLER[unit]
        n = n * factor
    return (int(n) if n == int(n) else n), unit


def _num_str(n: float) -> str:
    if n == int(n):
        return str(int(n))
    return f"{n:.2f}".rstrip("0").rstrip(".")


def duration_value(n: float | str | None, unit: str) -> str:
    """TIMEX3 duration: (3, "Y") -> P3Y, (24, "H") -> PT24H, (0.5, "Y") -> P6M, (None, "M") -> PXM."""
    if n is None or n == "X":
        if unit in ("Q", "HY"):
            unit = "M"
        return f"PTX{_TIME_UNIT[unit]}" if unit in _TIME_UNIT else f"PX{_DURATION_UNIT[unit]}"
    n, unit = _integral(float(n), unit)
    if unit in _TIME_UNIT:
        return f"PT{_num_str(n)}{_TIME_UNIT[unit]}"
    return f"P{_num_str(n)}{_DURATION_UNIT[unit]}"


def compose_duration(parts: list[tuple[float, str]]) -> str | None:
    """A compound duration, largest unit first: [(5, "H"), (3, "MIN")] -> PT5H3M; None if malformed."""
    amounts: dict[str, float] = {}
    last = 99
    for n, unit in parts:
        if _RANK[unit] >= last or n != int(n):
            return None
        last = _RANK[unit]
        if unit in ("Q", "HY", "DE", "CE"):
            n, unit = n * {"Q": 3, "HY": 6, "DE": 10, "CE": 100}[unit], ("M" if unit in ("Q", "HY") else "Y")
        amounts[unit] = amounts.get(unit, 0) + n
    date = "".join(f"{int(amounts[u])}{u}" for u in ("Y", "M", "W", "D") if u in amounts)
    time = "".join(f"{int(amounts[u])}{_TIME_UNIT[u]}" for u in ("H", "MIN", "S") if u in amounts)
    return "P" + date + (f"T{time}" if time else "")


def _year_str(y: int) -> str:
    return f"{y:04d}" if y > 0 else f"BC{1 - y:04d}"


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    idx = year * 12 + (month - 1) + n
    return idx // 12, idx % 12 + 1


def _shift_exact(anchor: Anchor | None, unit: str, n: float) -> str:
    """Like `_shift`, but a day shifted by weeks stays a day ("eine Woche vor dem 14. Juni")."""
    if unit == "W" and anchor is not None and anchor.granularity == "D":
        unit, n = "D", 7 * n
    return _shift(anchor, unit, n)


def _shift(anchor: Anchor | None, unit: str, n: float) -> str:
    """The value n units away from the anchor, at the unit's granularity (coarsened to the anchor's)."""
    if anchor is None:
        return _XVALUE[unit]
    n, unit = _integral(n, unit)
    g = anchor.granularity
    if _RANK[unit] < _RANK[g]:
        # finer than the anchor knows: round the offset to whole anchor units
        return _shift(anchor, g, round(n * _DAYS[unit] / _DAYS[g]))
    n = int(round(n))
    try:
        return _shift_units(anchor.date, unit, n)
    except (OverflowError, ValueError):  # beyond the calendar: keep the year only
        return _year_str(anchor.date.year + round(n * _DAYS[unit] / _DAYS["Y"]))


def _shift_units(d: dt.date, unit: str, n: int) -> str:
    if unit in ("D", "H", "MIN", "S"):
        return (d + dt.timedelta(days=n)).isoformat()
    if unit == "W":
        y, w, _ = (d + dt.timedelta(days=7 * n)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    if unit == "M":
        y, m = add_months(d.year, d.month, n)
        if y < 1:
            raise ValueError(y)
        return f"{y:04d}-{m:02d}"
    if unit == "Q":
        idx = d.year * 4 + (d.month - 1) // 3 + n
        return f"{idx // 4:04d}-Q{idx % 4 + 1}"
    if unit == "HY":
        idx = d.year * 2 + (d.month - 1) // 6 + n
        return f"{idx // 2:04d}-H{idx % 2 + 1}"
    if unit == "Y":
        return _year_str(d.year + n)
    if unit == "DE":
        return f"{max(0, d.year // 10 + n):03d}"
    return f"{max(0, d.year // 100 + n):02d}"  # CE


def _with_time(date_value: str, time: str) -> str:
    """Attach a time of day (`14:00`, `EV`) to a date value, padding unknown parts with X."""
    if re.fullmatch(r"[\dX]{4}-[\dX]{2}-[\dX]{2}", date_value):
        return f"{date_value}T{time}"
    if re.fullmatch(r"\d{4}-\d{2}", date_value):
        return f"{date_value}-XXT{time}"
    if re.fullmatch(r"\d{4}", date_value):
        return f"{date_value}-XX-XXT{time}"
    return f"XXXX-XX-XXT{time}"


_VALUE_ANCHOR = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?|(\d{4})-W(\d{2})(?:-.*)?")


def _anchor_of_value(value: str) -> Anchor | None:
    """A value that can serve as an anchor for offsets ("zwei Tage später")."""
    m = _VALUE_ANCHOR.fullmatch(value)
    if not m:
        return None
    try:
        if m.group(4):
            return Anchor(dt.date.fromisocalendar(int(m.group(4)), int(m.group(5)), 1), "D")
        return _anchor_at(m.group(1), m.group(2), m.group(3))
    except ValueError:
        return None


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _valid_day(year: int | None, month: int, day: int) -> bool:
    try:
        dt.date(year if year is not None else 2000, month, day)
    except ValueError:
        return False
    return True
