"""Time expressions: recognition and TIMEX3 normalisation.

The engine here knows calendars, TIMEX3 values and how to combine matches; everything
that is German lives in `lang/de/timex_lexicon.json` (word lists) and `lang/de/timex_rules.txt`
(patterns), as in HeidelTime. Value conventions are documented in docs/time.md.

    find_timexes(text, anchor)          -> list[Timex]   (pure; anchor: date, "YYYY[-MM[-DD]]", Anchor or None)
    TimexLayer()(doc)                   sets doc.layers["timexes"]

Grammars are compiled once per process and language (module-level cache).
"""

from lagebild.layers.timex.api import (
    TimexLayer,
    find_timexes,
    shift_value,
    value_period,
    weekday_of,
)
from lagebild.layers.timex.arithmetic import compose_duration, duration_value
from lagebild.layers.timex.grammar import _grammar  # noqa: F401  (tests look into the engine)
from lagebild.layers.timex.matcher import _Matcher  # noqa: F401
from lagebild.layers.timex.model import TYPES, Anchor, Timex, anchor_from

__all__ = ["Anchor", "TYPES", "Timex", "TimexLayer", "anchor_from", "compose_duration", "duration_value", "find_timexes", "shift_value", "value_period", "weekday_of"]
