"""The API over the engine: find_timexes, value helpers for the dating layer, and the pipeline layer."""

from __future__ import annotations

import datetime as dt
import re

from lagebild.document import Document, Span
from lagebild.layers.timex.arithmetic import _shift_exact, add_months
from lagebild.layers.timex.grammar import _TOKEN, _grammar
from lagebild.layers.timex.matcher import _Matcher
from lagebild.layers.timex.model import Anchor, Timex, anchor_from


def find_timexes(text: str, anchor: Anchor | dt.date | str | None, start: int = 0, end: int | None = None,
                 lang: str = "de") -> list[Timex]:
    """All time expressions in `text[start:end]`, non-overlapping, in text order.

    `anchor` is the date relative expressions resolve against (usually the document's stated
    date): a `datetime.date` (day granularity), an `Anchor`, a string "YYYY[-MM[-DD]]", or None.
    Spans are offsets into the whole `text`.
    """
    g = _grammar(lang)
    end = len(text) if end is None else min(end, len(text))
    if start >= end:
        return []
    matcher = _Matcher(g, text, anchor_from(anchor), start, end)
    out = []
    for c in matcher.run():
        out.append(Timex(Span.of(text, c.start, c.end), c.type, c.value, c.anchor, c.mod, c.offset))
    return out


_PERIOD = re.compile(
    r"(?P<y>\d{4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?:-(?P<wd>\d|WE))?|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?"
)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def value_period(value: str) -> tuple[dt.date, dt.date, str] | None:
    """The days a DATE/TIME value covers, and its granularity (D, W, M, Y).

    `2021-06-14` → that day; `2021-W23` → its Monday to Sunday; `2021-06`, `2021-Q2`, `2021-H1`,
    `2021-SU` (June to August), `2021-WI` (December to February) → months; `2021` → the year.
    None for values without a concrete year (`XXXX-06`, `PAST_REF`, decades).
    """
    m = _PERIOD.fullmatch(value)
    if not m:
        return None
    year = int(m["y"])
    try:
        if m["d"]:
            day = dt.date(year, int(m["m"]), int(m["d"]))
            return day, day, "D"
        if m["w"]:
            monday = dt.date.fromisocalendar(year, int(m["w"]), 1)
            if m["wd"] and m["wd"].isdigit():
                day = monday + dt.timedelta(days=int(m["wd"]) - 1)
                return day, day, "D"
            return monday, monday + dt.timedelta(days=6), "W"
        first, last = _value_months(m)
        if first is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), "Y"
        y2, m2 = add_months(year, last, 1)
        return dt.date(year, first, 1), dt.date(y2, m2, 1) - dt.timedelta(days=1), "M"
    except ValueError:
        return None


def _value_months(m: re.Match[str]) -> tuple[int | None, int]:
    if m["m"]:
        return int(m["m"]), int(m["m"])
    if m["q"]:
        q = int(m["q"])
        return 3 * q - 2, 3 * q
    if m["h"]:
        h = int(m["h"])
        return 6 * h - 5, 6 * h
    if m["s"]:
        return _SEASON_MONTHS[m["s"]]
    return None, 12


def shift_value(anchor: dt.date, offset: str) -> str | None:
    """The value `offset` (a signed TIMEX3 duration such as `-P1W`, `+P2D`) away from a day."""
    m = re.fullmatch(r"([+-])P(\d+(?:\.\d+)?)([YMWD])", offset)
    if not m:
        return None
    n = float(m.group(2)) * (-1 if m.group(1) == "-" else 1)
    return _shift_exact(Anchor(anchor, "D"), m.group(3), n)


def weekday_of(text: str, lang: str = "de") -> int | None:
    """The ISO weekday (1 = Monday) a weekday name in `text` names (`am Samstag, dem 24. März` → 6)."""
    g = _grammar(lang)
    for word in _TOKEN.findall(text):
        day = g.lookup(word, "weekday")
        if day is not None:
            return day
    return None


class TimexLayer:
    """Document layer: `doc.layers["timexes"]`, resolved against the stated date."""

    name = "timexes"

    def __init__(self, lang: str = "de") -> None:
        self.lang = lang
        _grammar(lang)  # compile once, up front

    def __call__(self, doc: Document) -> Document:
        doc.layers["timexes"] = find_timexes(doc.text, anchor_from(doc.stated_date), doc.body_start, lang=self.lang)
        return doc
