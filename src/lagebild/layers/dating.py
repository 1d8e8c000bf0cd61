"""Dating the document: when was the text written, judged from its content alone.

Every clue (found by `dating_clues`) is an `Evidence` that scores each month of writing with a
likelihood (`dating_model`): a past-tense date says the text is later and most likely soon
after, an office holder named in the present says it lies inside the term, a word such as
`Hartz IV` that it is not older than the word. The log-likelihoods add up with a prior over the
months to a posterior. The estimate is the year with the most mass (and its best month when
that month holds enough of it), the interval the months around it that are not much less
likely, the confidence the posterior mass of the estimate. A stated date (header or given) that
is far less likely than the estimate, where hard clues rule it out, is judged inconsistent, and
relative expressions are then resolved against the estimate instead. Conventions and
parameters: docs/time.md, "Dating the document".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from lagebild.document import Document
from lagebild.kb import KnowledgeBase, load_kb
from lagebild.layers.dating_clues import (
    Clauses,
    Evidence,
    collect_evidence,
    load_words,
    months_after,
)
from lagebild.layers.dating_model import (
    FIRST_DAY,
    N_MONTHS,
    credible_run,
    grid_date,
    log_likelihood,
    month_number,
    posterior,
    year_masses,
)
from lagebild.layers.timex import Anchor, Timex, anchor_from, find_timexes, value_period

__all__ = ["Dating", "DatingLayer", "Evidence", "date_document"]

# A stated date is inconsistent when the clues' joint likelihood there is below e^-UNLIKELY of
# its best, and clues of at least INCONSISTENT hard weight (one office, one dated event) are
# each at least e^RULED_OUT times less likely there than at the estimate.
UNLIKELY, RULED_OUT, INCONSISTENT = 4.0, 3.0, 2.0
CREDIBLE = 0.01  # the interval: the months at least this likely relative to the best
TIED = 0.95  # years within this share of the best are as good as the best
MONTH_SHARE = 0.3  # the estimate names the month when it holds this share of its year's mass


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
    return min(max(month_number(d), 0), N_MONTHS - 1)


def _month_text(i: int) -> str:
    return grid_date(i).isoformat()[:7]


def date_document(evidence: list[Evidence], stated: str | None) -> Dating:
    """The verdict from the evidence (see the module docstring)."""
    for ev in evidence:
        ev.fitting, ev.rules_out_stated = None, False
    if not evidence:
        return Dating(stated, None, None, 0.0, None, [])
    logliks = [log_likelihood(ev.shapes, ev.floor) for ev in evidence]
    total = np.sum(logliks, axis=0)
    p = posterior(total)
    estimate, best, confidence = _estimate(p)
    lo, hi = credible_run(p, best, CREDIBLE)
    consistent = _consistency(stated, evidence, logliks, total, best)
    for ev in evidence:
        ev.fitting = next((r for r in ev.hard if _index(r[0]) <= best <= _index(r[1])), None)
    used = [ev for ev, ll in zip(evidence, logliks, strict=True) if ev.rules_out_stated or _shaped(ll, best)]
    interval = (None if lo == 0 else _month_text(lo), None if hi == N_MONTHS - 1 else _month_text(hi))
    return Dating(stated, estimate, interval, confidence, consistent, used)


def _estimate(p: np.ndarray) -> tuple[str, int, float]:
    """The year with the most mass, its best month, and the mass of what is estimated: the
    month when it holds a good share of the year's mass, else the year."""
    masses = year_masses(p)
    top = max(masses.values())
    tied = [y for y, m in masses.items() if m >= TIED * top]
    year = tied[len(tied) // 2]  # a flat run of years (a term of office): its middle
    first = (year - FIRST_DAY.year) * 12
    months = p[first:first + 12]
    best = first + int(np.argmax(months))
    if p[best] >= MONTH_SHARE * masses[year]:
        return _month_text(best), best, round(float(p[best]), 2)
    return str(year), best, round(masses[year], 2)


def _shaped(loglik: np.ndarray, best: int) -> bool:
    """The clue says something, and holds at the estimate (is well above its floor there)."""
    low = float(loglik.min())
    return float(loglik.max()) - low > 1.0 and float(loglik[best]) - low > 1.0


def _consistency(stated: str | None, evidence: list[Evidence], logliks: list[np.ndarray], total: np.ndarray,
                 best: int) -> bool | None:
    """False when the stated date is far less likely than the estimate and hard clues that hold
    at the estimate rule it out; those clues get `rules_out_stated`."""
    hard = [k for k, ev in enumerate(evidence) if ev.weight > 0]
    if stated is None or not hard:
        return None
    a = anchor_from(stated)
    months = range(_index(a.date), _index(_period_end(a)) + 1)
    at = max(months, key=lambda i: total[i])
    if total.max() - total[at] < UNLIKELY:
        return True
    ruling = [k for k in hard if logliks[k][best] - logliks[k][at] > RULED_OUT]
    if sum(evidence[k].weight for k in ruling) < INCONSISTENT:
        return True
    for k in ruling:
        evidence[k].rules_out_stated = True
    return False


def _period_end(a: Anchor) -> dt.date:
    if a.granularity == "Y":
        return dt.date(a.date.year, 12, 31)
    if a.granularity == "M":
        return months_after(a.date, 1) - dt.timedelta(days=1)
    return a.date


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
