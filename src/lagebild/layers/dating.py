"""Dating the document: when was the text written, judged from its content alone.

Every clue (found by `dating_clues`) is an `Evidence`: the months in which the text may have been written, with a
weight. *Hard* evidence bounds the time of writing (who holds which office, an event told
relative to the text, a past-tense date); *soft* evidence says where inside those bounds the
text most likely lies (dates mentioned, people active then). The interval is the run of
months that satisfies the heaviest set of hard evidence; the estimate lies in it: where an event
points, else just after the latest date the text tells of, else where the people named held
office, else the middle. A stated date (header or given) that lies where clearly less
hard evidence holds is judged inconsistent, and relative expressions are then resolved against
the estimate instead. Conventions and weights: docs/time.md, "Dating the document".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from lagebild.document import Document
from lagebild.kb import KnowledgeBase, load_kb
from lagebild.layers.dating_clues import (
    FIRST_DAY,
    LAST_DAY,
    Clauses,
    DateRange,
    Evidence,
    collect_evidence,
    load_words,
    months_after,
)
from lagebild.layers.timex import Anchor, Timex, anchor_from, find_timexes, value_period

__all__ = ["Dating", "DatingLayer", "Evidence", "date_document"]

# a stated date is inconsistent when at least this much more hard weight holds at the estimate
# than at the stated date (one office or one dated event)
INCONSISTENT = 2.0


@dataclass(slots=True)
class Dating:
    """The verdict: `doc.layers["dating"]`."""

    stated: str | None
    estimate: str | None
    interval: tuple[str | None, str | None] | None
    confidence: float
    consistent: bool | None
    evidence: list[Evidence]
    resolved_against: str | None = None  # the date relative expressions were resolved against
    resolved_from: str | None = None  # "stated" or "estimate"

    @property
    def effective_date(self) -> str | None:
        return self.resolved_against

    def to_json(self) -> dict[str, Any]:
        return {
            "stated": self.stated,
            "estimate": self.estimate,
            "interval": list(self.interval) if self.interval else None,
            "confidence": self.confidence,
            "consistent": self.consistent,
            "evidence": [e.to_json() for e in self.evidence],
            "resolved_against": self.resolved_against,
            "resolved_from": self.resolved_from,
        }


# --------------------------------------------------------------------------- judging


def _index(d: dt.date) -> int:
    d = min(max(d, FIRST_DAY), LAST_DAY)
    return (d.year - FIRST_DAY.year) * 12 + d.month - 1


def _month_date(i: int) -> dt.date:
    return dt.date(FIRST_DAY.year + i // 12, i % 12 + 1, 1)


def _months(lo: dt.date, hi: dt.date) -> range:
    """The grid months a range covers; empty when it lies wholly outside the grid."""
    if hi < lo or hi < FIRST_DAY or lo > LAST_DAY:
        return range(0)
    return range(_index(lo), _index(hi) + 1)


N_MONTHS = _index(LAST_DAY) + 1


def _mask(ranges: list[DateRange]) -> list[bool]:
    mask = [False] * N_MONTHS
    for lo, hi in ranges:
        for i in _months(lo, hi):
            mask[i] = True
    return mask


def _scores(evidence: list[Evidence]) -> tuple[list[float], list[float], list[list[bool]]]:
    hard, soft, masks = [0.0] * N_MONTHS, [0.0] * N_MONTHS, []
    for ev in evidence:
        mask = _mask(ev.hard) if ev.hard else []
        masks.append(mask)
        for i, inside in enumerate(mask):
            if inside:
                hard[i] += ev.weight
        best = [0.0] * N_MONTHS  # a clue's soft ranges do not add up among themselves
        for (lo, hi), w in ev.soft:
            for i in _months(lo, hi):
                best[i] = max(best[i], w)
        for i, w in enumerate(best):
            soft[i] += w
    return hard, soft, masks


def _run(allowed: list[bool], i: int) -> tuple[int, int]:
    lo = hi = i
    while lo > 0 and allowed[lo - 1]:
        lo -= 1
    while hi < N_MONTHS - 1 and allowed[hi + 1]:
        hi += 1
    return lo, hi


def date_document(evidence: list[Evidence], stated: str | None) -> Dating:
    """The verdict from the evidence (see the module docstring)."""
    hard, soft, masks = _scores(evidence)
    top = max(hard)
    consistent, ruled_out = _consistency(stated, hard, top, masks)
    for k, ev in enumerate(evidence):
        ev.fitting, ev.rules_out_stated = None, k in ruled_out
    if top == 0 and max(soft) == 0:
        return Dating(stated, None, None, 0.0, None, [])
    allowed = [h == top for h in hard]
    pick = _pick(evidence, allowed)
    if pick is None:  # several runs of months, nothing to choose between them
        used = [ev for ev, mask in zip(evidence, masks, strict=True) if mask or ev.rules_out_stated]
        return Dating(stated, None, None, 0.0, consistent, used)
    best, month_level, own = pick
    lo, hi = _run(allowed, best) if top > 0 else own
    d = _month_date(best)
    estimate = d.isoformat()[:7] if month_level or lo == hi else str(d.year)
    days = [] if len(estimate) > 4 else _days_in(evidence, d.year, lo, hi)
    if days:  # the latest day named without its year gives the month
        best = max(days)
        estimate = _month_date(best).isoformat()[:7]
    for ev, mask in zip(evidence, masks, strict=True):
        if mask:
            ev.fitting = next((r for r in ev.hard if best in _months(*r)), None)
    used = [ev for ev, mask in zip(evidence, masks, strict=True)
            if (mask and mask[best]) or ev.rules_out_stated or _soft_at(ev, best)
            or (ev.kind == "day" and len(estimate) > 4 and _index(dt.date(d.year, ev.month, 1)) == best)]
    confidence = _confidence(top, soft[best], hi - lo + 1)
    return Dating(stated, estimate, (_open(lo, True), _open(hi, False)), confidence, consistent, used)


def _pick(evidence: list[Evidence], allowed: list[bool]) -> tuple[int, bool, tuple[int, int]] | None:
    """The month of the estimate, whether it is known to the month, and the months the clue
    chosen covers. In order: an event told relative to the text; the latest date the text tells
    of (a text is written soon after the last thing it reports); people active then; the middle
    of the allowed months (None when they fall into several runs)."""
    event = _best_soft([ev for ev in evidence if ev.kind == "event"], allowed)
    if event is not None:
        return event[0], event[1][0] == event[1][1], event[1]
    latest = _latest_date(evidence, allowed)
    if latest is not None:
        return latest
    people = _best_soft([ev for ev in evidence if ev.kind != "date"], allowed)
    if people is not None:
        lo, hi = people[1]
        return (lo + hi) // 2, lo == hi, people[1]
    runs = sorted({_run(allowed, i) for i in range(N_MONTHS) if allowed[i]})
    if len(runs) > 1:
        told = [_months(*ev.soft[0][0]) for ev in evidence if ev.kind == "date" and ev.soft]
        told = [m[0] for m in told if m]
        if not told:
            return None
        later = [r for r in runs if r[1] >= max(told)]  # written after the last thing it tells of
        runs = later[:1] or runs[-1:]
    lo, hi = runs[0]
    if lo == 0 and hi == N_MONTHS - 1:
        return None  # nothing bounds the time of writing
    middle = hi if lo == 0 else (lo + hi) // 2  # `written before 2010` alone: 2010
    return middle, lo == hi, (lo, hi)


def _days_in(evidence: list[Evidence], year: int, lo: int, hi: int) -> list[int]:
    """Grid months of the days named without a year, taken in `year`, that lie in [lo, hi]."""
    months = []
    for ev in evidence:
        if ev.kind == "day" and ev.month:
            i = _index(dt.date(year, ev.month, 1))
            if lo <= i <= hi:
                months.append(i)
    return months


def _best_soft(evidence: list[Evidence], allowed: list[bool]) -> tuple[int, tuple[int, int]] | None:
    """The allowed month with the most soft weight of `evidence`, and the run of allowed months
    around it that have that much."""
    if not evidence:
        return None
    score = _scores(evidence)[1]
    candidates = [i for i in range(N_MONTHS) if allowed[i] and score[i] > 0]
    if not candidates:
        return None
    best = max(candidates, key=lambda i: score[i])
    return best, _run([allowed[i] and score[i] == score[best] for i in range(N_MONTHS)], best)


def _latest_date(evidence: list[Evidence], allowed: list[bool]) -> tuple[int, bool, tuple[int, int]] | None:
    latest: tuple[tuple[int, bool, int], tuple[int, bool, tuple[int, int]]] | None = None
    for ev in evidence:
        if ev.kind != "date" or not ev.soft:
            continue
        (lo, hi), _ = ev.soft[0]
        months = _months(lo, hi)
        inside = [i for i in months if allowed[i]]
        if not inside:
            continue
        month_level = len(months) == 1
        key = (_month_date(inside[-1]).year, month_level, inside[-1])
        if latest is None or key > latest[0]:
            latest = (key, (inside[-1], month_level, (months[0], months[-1])))
    return latest[1] if latest else None


def _open(i: int, lower: bool) -> str | None:
    if (lower and i == 0) or (not lower and i == N_MONTHS - 1):
        return None
    return _month_date(i).isoformat()[:7]


def _consistency(stated: str | None, hard: list[float], top: float, masks: list[list[bool]]) -> tuple[bool | None, list[int]]:
    """The verdict on the stated date, and the evidence (indices) that rules it out."""
    if stated is None or top == 0:
        return None, []
    a = anchor_from(stated)
    months = _months(a.date, _period_end(a)) or range(N_MONTHS - 1, N_MONTHS)  # a future date: as today
    at_stated = max(hard[i] for i in months)
    if top - at_stated < INCONSISTENT:
        return True, []
    return False, [k for k, m in enumerate(masks) if m and not any(m[i] for i in months)]


def _period_end(a: Anchor) -> dt.date:
    if a.granularity == "Y":
        return dt.date(a.date.year, 12, 31)
    if a.granularity == "M":
        return months_after(a.date, 1) - dt.timedelta(days=1)
    return a.date


def _soft_at(ev: Evidence, i: int) -> bool:
    return any(i in _months(lo, hi) for (lo, hi), _ in ev.soft)


def _confidence(hard: float, soft: float, months: int) -> float:
    support = hard + soft
    width = 1.0 if months <= 12 else 0.8 if months <= 36 else 0.6 if months <= 120 else 0.4
    return round(min(0.95, support / (support + 2.0)) * width, 2)


# --------------------------------------------------------------------------- the layer


class DatingLayer:
    """Document layer: `doc.layers["dating"]`; re-resolves `doc.layers["timexes"]` when the
    stated date is judged inconsistent, and fills `Statement.time`."""

    name = "dating"

    def __init__(self, kb: KnowledgeBase | None = None, lang: str = "de"):
        self.kb = kb or load_kb()
        self.lang = lang
        self.words = load_words(lang)

    def evidence(self, doc: Document) -> list[Evidence]:
        return collect_evidence(doc, self.kb, self.words, self.lang)

    def __call__(self, doc: Document) -> Document:
        dating = date_document(self.evidence(doc), doc.stated_date)
        if dating.consistent is False:
            dating.resolved_against, dating.resolved_from = dating.estimate, "estimate"
            doc.layers["timexes"] = find_timexes(doc.text, anchor_from(dating.estimate), doc.body_start, lang=self.lang)
        elif doc.stated_date:
            dating.resolved_against, dating.resolved_from = doc.stated_date, "stated"
        doc.layers["dating"] = dating
        _resolve_event_anchors(doc, dating)
        _statement_times(doc, Clauses(doc, self.words))
        return doc


def _resolve_event_anchors(doc: Document, dating: Dating) -> None:
    """`eine Woche vor dem Nato-Gipfel` gets its value once the summit meant is known."""
    for ev in dating.evidence:
        if not ev.values or ev.fitting is None:
            continue
        value = ev.values[ev.hard.index(ev.fitting)]
        for t in doc.layers.get("timexes", []):
            if t.span.start == ev.span.start and t.span.end == ev.span.end and t.offset:
                t.value = value


def _says_when(t: Timex) -> bool:
    """A day or a time, as in `sagte er am Montag`; not a reference, a year or a named month
    (`mit Blick auf den Gaza-Krieg 2014` tells of something else)."""
    if t.type not in ("DATE", "TIME") or t.value.endswith("_REF"):
        return False
    period = value_period(t.value)
    if period is None:
        return True  # a day or time the anchor could not resolve (`XXXX-WXX-5`)
    return period[2] in ("D", "W") or (period[2] == "M" and t.anchor != "explicit")


def _statement_times(doc: Document, clauses: Clauses) -> None:
    """`sagte Stoltenberg am Montag`: the time expression of the cue's clause, outside the message."""
    timexes = [t for t in doc.layers.get("timexes", []) if _says_when(t)]
    for st in doc.layers.get("statements", []):
        if st.cue is None or not timexes:
            continue
        cue = st.cue.parts[0] if st.cue.parts else st.cue
        clause = clauses.clause(cue.start, cue.end)
        if not clause:
            continue
        lo, hi = clause[0].start, clause[-1].end
        message = st.message.parts or (st.message,)
        inside = [t for t in timexes if lo <= t.span.start and t.span.end <= hi
                  and not any(t.span.start < m.end and m.start < t.span.end for m in message)]
        if inside:
            st.time = min(inside, key=lambda t: abs(t.span.start - cue.start))
