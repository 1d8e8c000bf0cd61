"""The public types of the time layer: anchors (the date a text is read against) and time expressions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.document import Span

_LANG_DIR = Path(__file__).resolve().parents[2] / "lang"

TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Anchor:
    """The reference date relative expressions resolve against, with its granularity.

    `granularity` is "D" (a day), "M" (a month: `date` is its first day) or "Y" (a year).
    A month-level anchor never pretends to know the day: `gestern` against 2021-06 is 2021-06.
    """

    date: dt.date
    granularity: str = "D"

    def __post_init__(self) -> None:
        if self.granularity not in ("D", "M", "Y"):
            raise ValueError(f"granularity must be D, M or Y, not {self.granularity!r}")

    @property
    def value(self) -> str:
        d = self.date
        if self.granularity == "Y":
            return f"{d.year:04d}"
        if self.granularity == "M":
            return f"{d.year:04d}-{d.month:02d}"
        return d.isoformat()


@dataclass(slots=True)
class Timex:
    """One time expression.

    `anchor` says what the value rests on: "explicit" (the text says it all), "document"
    (resolved against the document date), "none" (needed an anchor and had none: the value
    keeps X placeholders), or the text of the anchor (an event such as "dem Nato-Gipfel",
    or an earlier time expression for "zwei Tage später").  `offset` is the signed
    TIMEX3 duration from that anchor ("-P1W") for anchored expressions, else None.
    """

    span: Span
    type: str
    value: str
    anchor: str = "explicit"
    mod: str | None = None
    offset: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "start": self.span.start,
            "end": self.span.end,
            "text": self.span.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
            "anchor": self.anchor,
        }


def anchor_from(stated: Anchor | dt.date | str | None) -> Anchor | None:
    """An `Anchor` from a stated date: "YYYY", "YYYY-MM", "YYYY-MM-DD", a date, or None."""
    if stated is None or isinstance(stated, Anchor):
        return stated
    if isinstance(stated, dt.datetime):
        return Anchor(stated.date(), "D")
    if isinstance(stated, dt.date):
        return Anchor(stated, "D")
    s = str(stated).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?", s)
    if not m:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {stated!r}")
    return _anchor_at(m.group(1), m.group(2), m.group(3))


def _anchor_at(year: str, month: str | None, day: str | None) -> Anchor:
    """An anchor with the granularity of the date given (day, month or year)."""
    if day:
        return Anchor(dt.date(int(year), int(month), int(day)), "D")
    if month:
        return Anchor(dt.date(int(year), int(month), 1), "M")
    return Anchor(dt.date(int(year), 1, 1), "Y")
