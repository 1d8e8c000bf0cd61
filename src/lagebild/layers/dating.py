"""Dating the document: when was the text written, judged from its content alone.

Every clue becomes an `Evidence`: the months in which the text may have been written, with a
weight. *Hard* evidence bounds the time of writing (who holds which office, an event told
relative to the text, a past-tense date); *soft* evidence says where inside those bounds the
text most likely lies (dates mentioned, people active then). The interval is the run of
months that satisfies the heaviest set of hard evidence; the estimate is the month or year in
it with the most soft evidence. A stated date (header or given) that lies where clearly less
hard evidence holds is judged inconsistent, and relative expressions are then resolved against
the estimate instead. Conventions and weights: docs/time.md, "Dating the document".
"""

from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.document import Document, Span, Token
from lagebild.kb import KnowledgeBase, Person, load_kb
from lagebild.kb.model import Office
from lagebild.layers.dated_events import EventMention, find_event_mentions
from lagebild.layers.timex import (
    Anchor,
    Timex,
    anchor_from,
    find_timexes,
    shift_value,
    value_period,
    weekday_of,
)

__all__ = ["Dating", "DatingLayer", "Evidence", "date_document"]

_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"

# the months the estimate is searched in: no text is written after the day it is analysed
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date.today()
# weights of hard evidence; a stated date is inconsistent when at least INCONSISTENT more
# weight holds at the estimate than at the stated date (one office or one dated event)
W_OFFICE, W_FORMER, W_INCOMING = 2.0, 1.0, 1.5
W_EVENT_RELATIVE, W_EVENT_TENSE, W_WEEKDAY, W_PAST_DATE, W_FUTURE_DATE = 2.0, 1.0, 1.5, 1.0, 1.0
INCONSISTENT = 2.0
# weights of soft evidence
S_DATE, S_DATE_AFTER, S_YEAR, S_PERSON, S_EVENT = 1.0, 0.5, 0.6, 0.3, 1.5
WEEKDAY_YEARS = range(1950, 2041)
MONTH = dt.timedelta(days=31)

DateRange = tuple[dt.date, dt.date]


# --------------------------------------------------------------------------- language data


@dataclass(frozen=True, slots=True)
class _Words:
    former: frozenset[str]
    then: frozenset[str]
    future: frozenset[str]
    future_tense_aux: frozenset[str]
    future_markers: frozenset[str]
    past_aux: frozenset[str]
    perfect_aux_lemmas: frozenset[str]
    preterite_suffixes: frozenset[str]
    past_markers: frozenset[str]
    future_modal: frozenset[str]
    until: frozenset[str]

    def prefix(self, word: str, cls: frozenset[str]) -> bool:
        return any(w.endswith("-") and word.startswith(w) for w in cls)


@lru_cache(maxsize=4)
def _words(lang: str) -> _Words:
    data = json.loads((_LANG_DIR / lang / "timex_dating.json").read_text(encoding="utf-8"))
    classes = {k: frozenset(w if w.endswith("-") else w.casefold() for w in v["words"])
               for k, v in data.items() if not k.startswith("_")}
    return _Words(**classes)


# --------------------------------------------------------------------------- results


@dataclass(slots=True)
class Evidence:
    """One clue to the time of writing.

    `hard`: ranges the text must lie in (one of them) for this clue to hold, with `weight`;
    `soft`: ranges where it most likely lies, with their weights. `labels` name what each hard
    range rests on (the event of a candidate), so the reason can name the one that fits.
    """

    span: Span
    reason: str
    kind: str
    hard: list[DateRange] = field(default_factory=list)
    weight: float = 0.0
    soft: list[tuple[DateRange, float]] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    month: int | None = None  # kind "day": the month of a day named without its year
    values: list[str] = field(default_factory=list)  # per hard range: the value of the expression (anchored events)
    fitting: DateRange | None = None  # the hard range that holds at the estimate
    rules_out_stated: bool = False

    def to_json(self) -> dict[str, Any]:
        rng = self.fitting or (self.hard[0] if len(self.hard) == 1 else None)
        reason = self.reason
        if self.fitting is not None and len(self.hard) > 1 and self.labels:
            reason += f" — {self.labels[self.hard.index(self.fitting)]}"
        return {
            "span": self.span.to_json(),
            "reason": reason,
            "kind": self.kind,
            "interval": [_day(rng[0]), _day(rng[1])] if rng else None,
            "rules_out_stated": self.rules_out_stated,
        }


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


def _day(d: dt.date) -> str | None:
    if d <= FIRST_DAY or d >= LAST_DAY:
        return None  # open
    return d.isoformat()


# --------------------------------------------------------------------------- clauses and tense


class _Clauses:
    """Clause-level questions about the tokens around a character position."""

    BOUNDARY = frozenset(",;:()„“”\"«»–")

    def __init__(self, doc: Document, words: _Words):
        self.doc, self.words = doc, words
        self.starts = [t.start for t in doc.tokens]

    def clause(self, start: int, end: int) -> list[Token]:
        tokens = self.doc.tokens
        if not tokens:
            return []
        first = bisect_right(self.starts, start) - 1
        last = bisect_left(self.starts, end)
        sent = tokens[max(first, 0)].sent
        while first > 0 and tokens[first - 1].sent == sent and tokens[first - 1].text not in self.BOUNDARY:
            first -= 1
        while last < len(tokens) and tokens[last].sent == sent and tokens[last].text not in self.BOUNDARY:
            last += 1
        return tokens[max(first, 0):last]

    def tense(self, start: int, end: int) -> str | None:
        """"past", "future" or None (present, or mixed) of the clause around the span."""
        w = self.words
        toks = self.clause(start, end)
        infinitive = any("INF" in t.pos for t in toks)
        participle = any(t.pos.startswith("VV(PP") or t.pos.startswith("VA(PP") for t in toks)
        past = future = False
        for t in toks:
            low = t.text.casefold()
            if t.pos.startswith("VM(FIN") and low in w.future_modal and infinitive:
                future = True
            elif t.pos.startswith("VA(FIN"):
                if low in w.future_tense_aux and infinitive:
                    future = True
                elif low in w.past_aux or (t.lemma.casefold() in w.perfect_aux_lemmas and participle):
                    past = True
            elif t.pos.startswith(("VV(FIN", "VM(FIN")) and t.suffix in w.preterite_suffixes:
                past = True
        if past == future:
            return None
        return "future" if future else "past"

    def words_before(self, pos: int, n: int = 3) -> list[str]:
        """Up to n words right before `pos`, nearest last, within the clause."""
        out: list[str] = []
        for m in re.finditer(r"[^\s,;:()„“”\"«»–.]+|[,;:()„“”\"«»–.]", self.doc.text[max(0, pos - 80):pos]):
            word = m.group()
            if word in self.BOUNDARY or word == ".":
                out = []
            else:
                out.append(word)
        return out[-n:]


def _in_short_quote(text: str, start: int, end: int, max_words: int = 4) -> bool:
    """Inside a short quoted name (`„Nato 2030“`): a title, not a time."""
    left = max(text.rfind(q, max(0, start - 40), start) for q in "„\"«")
    if left < 0:
        return False
    right = min((i for i in (text.find(q, end, end + 40) for q in "“\"»”") if i >= 0), default=-1)
    if right < 0:
        return False
    inner = text[left + 1:right]
    return not any(q in inner for q in "„“\"«»”") and len(inner.split()) <= max_words


# --------------------------------------------------------------------------- evidence


def _months_after(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, 1)


def _month_of(d: dt.date) -> DateRange:
    return dt.date(d.year, d.month, 1), _months_after(d, 1) - dt.timedelta(days=1)


def _date_evidence(timexes: list[Timex], text: str, clauses: _Clauses) -> list[Evidence]:
    """Explicit dates: near the time of writing; before it in the past tense, after it in the future."""
    out = []
    for t in timexes:
        if t.anchor != "explicit" or t.type not in ("DATE", "TIME") or _in_short_quote(text, t.span.start, t.span.end):
            continue
        period = value_period(t.value)
        if period is None:
            continue
        lo, hi, gran = period
        tense = clauses.tense(t.span.start, t.span.end)
        before = clauses.words_before(t.span.start, 1)
        if tense != "past" and before and before[0].casefold() in clauses.words.until:
            tense = "future"
        ev = Evidence(t.span, f"{t.span.text!r} is {t.value}", "date")
        if tense == "future":
            ev.reason += ", told as still to come: written before"
            ev.hard, ev.weight = [(dt.date.min, hi)], W_FUTURE_DATE
            out.append(ev)
            continue
        if tense == "past":
            ev.reason += ", told in the past tense: written after"
            ev.hard, ev.weight = [(lo, dt.date.max)], W_PAST_DATE
        if gran == "Y":
            ev.soft = [((lo, hi), S_YEAR)]
        else:
            ev.soft = [(_month_of(lo), S_DATE), ((_months_after(lo, 1), _months_after(lo, 3) - dt.timedelta(days=1)), S_DATE_AFTER)]
        out.append(ev)
    return out


def _day_evidence(timexes: list[Timex], text: str, clauses: _Clauses) -> list[Evidence]:
    """`am 24. März` without a year, not still to come: most likely in the year of writing."""
    out = []
    for t in timexes:
        m = re.fullmatch(r"XXXX-(\d{2})-\d{2}(?:T.*)?", t.value)
        if m and t.type in ("DATE", "TIME") and clauses.tense(t.span.start, t.span.end) != "future":
            out.append(Evidence(t.span, f"{t.span.text!r}: a day named without its year, in the year of writing",
                                "day", month=int(m.group(1))))
    return out


_WEEKDAY_GLUE = re.compile(r"\s*(?:,\s*(?:de[mn]\s+)?|\(\s*|\s)\s*")


def _weekday_dates(timexes: list[Timex], text: str) -> list[tuple[Span, int, int, int]]:
    """Day-month dates named with their weekday (`Samstag, dem 24. März`, `Nacht zu Samstag, dem 24. November`)."""
    out = []
    for i, t in enumerate(timexes):
        m = re.fullmatch(r"XXXX-(\d{2})-(\d{2})(?:T.*)?", t.value)
        if not m:
            continue
        wd, span = weekday_of(t.span.text), t.span
        if wd is None and i > 0:
            prev = timexes[i - 1]
            if _WEEKDAY_GLUE.fullmatch(text[prev.span.end:t.span.start]):
                wd, span = weekday_of(prev.span.text), Span.of(text, prev.span.start, t.span.end)
        if wd is not None:
            out.append((span, wd, int(m.group(1)), int(m.group(2))))
    return out


def _weekday_evidence(timexes: list[Timex], text: str) -> list[Evidence]:
    """`Samstag, 24. März` without a year: only the years where 24 March is a Saturday."""
    out = []
    for span, wd, month, day in _weekday_dates(timexes, text):
        days = []
        for year in WEEKDAY_YEARS:
            try:
                d = dt.date(year, month, day)
            except ValueError:
                continue
            if d.isoweekday() == wd:
                days.append(d)
        if days:
            ranges = [(d - 2 * MONTH, d + 2 * MONTH) for d in days]
            out.append(Evidence(span, f"{span.text!r}: that day falls on that weekday only in some years", "weekday",
                                ranges, W_WEEKDAY, labels=[d.isoformat() for d in days]))
    return out


def _office_terms(kb: KnowledgeBase, people: list[Person], role_text: str, country: str | None) -> list[tuple[Person, Office]]:
    readings = kb.resolve_title(role_text)
    terms = [(p, o) for p in people for o in p.offices
             for role, of, gender in readings
             if o.role == role and (of is None or o.of == of) and (gender is None or p.gender == gender)]
    if country and any(o.of == country for _, o in terms):
        terms = [(p, o) for p, o in terms if o.of == country]
    return list(dict.fromkeys(terms))


def _people(kb: KnowledgeBase, entity: Any) -> list[Person]:
    found: list[Person] = []
    if getattr(entity, "kb_id", None):
        e = kb.get(entity.kb_id)
        if isinstance(e, Person):
            found.append(e)
    for name in (getattr(entity, "name", None), entity.text):
        if name:
            found.extend(e for e in kb.lookup(name) if isinstance(e, Person))
    return list(dict.fromkeys(found))


def _role_position(text: str, entity: Any) -> int:
    """Where the office title of a mention starts (before the name, or the name itself)."""
    role = entity.role
    i = text.rfind(role, max(0, entity.start - 80), entity.end)
    return min(i, entity.start) if i >= 0 else entity.start


def _office_marker(doc: Document, e: Any, clauses: _Clauses, words: _Words, dated: list[Timex]) -> tuple[str | None, str]:
    """How a title is meant ("former", "then", "future" or None: held now) and the bare title."""
    role = e.role
    position = _role_position(doc.text, e)
    if words.prefix(role, words.former):
        return "former", role.split("-", 1)[1]
    before = [w.casefold() for w in clauses.words_before(position)]
    marker = next((cls for cls in ("former", "then", "future") for w in before if w in getattr(words, cls)), None)
    if marker is None:
        clause = clauses.clause(position, e.end)
        if clause and any(clause[0].start <= t.span.start < clause[-1].end for t in dated):
            marker = "then"  # `1981 wurde Papst Johannes Paul II. angeschossen`: the title of that time
    return marker, role


def _office_evidence(doc: Document, kb: KnowledgeBase, clauses: _Clauses, words: _Words,
                     timexes: list[Timex]) -> list[Evidence]:
    """`Bundeskanzlerin Angela Merkel`: written during her term; `der frühere …`: after it."""
    dated = [t for t in timexes if t.anchor == "explicit" and value_period(t.value) is not None]
    out: list[Evidence] = []
    seen: set[tuple[str, ...]] = set()
    for e in doc.layers.get("entities", []):
        if e.label != "PER" or not e.role:
            continue
        marker, role = _office_marker(doc, e, clauses, words, dated)
        terms = _office_terms(kb, _people(kb, e), role, getattr(e, "country", None)) if marker != "then" else []
        key = (marker or "", role.casefold(), *sorted({p.id for p, _ in terms}))
        if not terms or key in seen:
            continue
        seen.add(key)
        ev = _office_clue(doc.span(min(_role_position(doc.text, e), e.start), e.end), marker, role, terms)
        if ev is not None:
            out.append(ev)
    return out


def _office_clue(span: Span, marker: str | None, role: str, terms: list[tuple[Person, Office]]) -> Evidence | None:
    name = terms[0][0].name
    if marker == "former":
        ended = [o.last_day for _, o in terms if o.end]
        if not ended:
            return None
        return Evidence(span, f"{name} is called a former {role} (term ended {max(ended).isoformat()}): written after",
                        "former_office", [(max(ended), dt.date.max)], W_FORMER)
    if marker == "future":
        first = min(o.first_day for _, o in terms)
        return Evidence(span, f"{name} is not yet {role} (term began {first.isoformat()}): written before",
                        "incoming_office", [(first - 12 * MONTH, first + MONTH)], W_INCOMING)
    periods = [f"{o.start or '?'} – {o.end or 'now'}" for _, o in terms]
    return Evidence(span, f"{name} is {role}: written during the term ({', '.join(periods)})", "office",
                    [(o.first_day, o.last_day) for _, o in terms], W_OFFICE, labels=periods)


def _person_evidence(doc: Document, kb: KnowledgeBase) -> list[Evidence]:
    """People named without a title: most likely written while they held some office."""
    out, seen = [], set()
    for e in doc.layers.get("entities", []):
        if e.label != "PER" or e.role or not getattr(e, "kb_id", None) or e.kb_id in seen:
            continue
        if len(e.text.split()) < 2 and (len((e.name or "").split()) < 2 or e.name not in doc.text):
            continue  # only people named in full: a lone surname may be someone else
        person = kb.get(e.kb_id)
        if not isinstance(person, Person) or not person.offices:
            continue
        seen.add(e.kb_id)
        ranges = [(o.first_day, o.last_day) for o in person.offices]
        out.append(Evidence(doc.span(e.start, e.end), f"{person.name} held offices then", "person",
                            soft=[(r, S_PERSON) for r in _merged(ranges)]))
    return out


def _merged(ranges: list[DateRange]) -> list[DateRange]:
    out: list[DateRange] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


_REFERENCE = dt.date(2000, 7, 1)  # any day: relative expressions are resolved against it to learn their offset


def _relative_offset(doc: Document, t: Timex) -> tuple[str, int] | None:
    """How far a relative expression lies from the time of writing: ("Y", -1) for `im vergangenen Jahr`."""
    resolved = find_timexes(doc.text, Anchor(_REFERENCE, "D"), t.span.start, t.span.end)
    if len(resolved) != 1 or resolved[0].type not in ("DATE", "TIME"):
        return None
    period = value_period(resolved[0].value)
    if period is None:
        return None
    lo, _, gran = period
    if gran == "Y":
        return "Y", lo.year - _REFERENCE.year
    if gran == "M" and resolved[0].value[5:7].isdigit():
        return "M", (lo.year - _REFERENCE.year) * 12 + lo.month - _REFERENCE.month
    if gran in ("D", "W"):
        return "D", (lo - _REFERENCE).days
    return None


def _shifted(event: dt.date, unit: str, n: int) -> DateRange:
    """The time of writing, when `event` lies n units from it."""
    if unit == "Y":
        return dt.date(event.year - n, 1, 1), dt.date(event.year - n, 12, 31)
    if unit == "M":
        first = _months_after(dt.date(event.year, event.month, 1), -n)
        return _month_of(first)
    day = event - dt.timedelta(days=n)
    return day - dt.timedelta(days=7), day + dt.timedelta(days=7)


def _event_evidence(doc: Document, kb: KnowledgeBase, timexes: list[Timex], clauses: _Clauses,
                    words: _Words, lang: str) -> list[Evidence]:
    """Events the data knows: `eine Woche vor dem Nato-Gipfel in Brüssel`, `die Präsidentschaftswahl im vergangenen Jahr`, `… teilnehmen wird`."""
    sentences = [(s.start, s.end) for s in doc.sentences]
    out = []
    for mention in find_event_mentions(doc.text, sentences, kb, doc.body_start, lang):
        ev = _anchored_event(doc, mention, timexes) or _relative_event(doc, mention, timexes) \
            or _tensed_event(doc, mention, clauses, words)
        if ev is not None:
            out.append(ev)
    return out


def _anchored_event(doc: Document, mention: EventMention, timexes: list[Timex]) -> Evidence | None:
    """`eine Woche vor dem Nato-Gipfel`: what is told happened then, and was written soon after."""
    t = next((t for t in timexes if t.offset and t.span.start <= mention.start and mention.end <= t.span.end), None)
    if t is None:
        return None
    ranges, labels, soft, values = [], [], [], []
    for event in mention.candidates:
        value = shift_value(event.date, t.offset)
        period = value_period(value) if value else None
        if period is None:
            continue
        lo, hi, _ = period
        ranges.append((lo - MONTH, hi + 2 * MONTH))
        labels.append(f"{event.label}, {t.offset} → {value}")
        soft.append((_month_of(lo), S_EVENT))
        values.append(value)
    if not ranges:
        return None
    return Evidence(t.span, f"{t.span.text!r}: a date relative to a known event", "event", ranges, W_EVENT_RELATIVE,
                    soft, labels, values)


def _relative_event(doc: Document, mention: EventMention, timexes: list[Timex]) -> Evidence | None:
    """`die Präsidentschaftswahl im vergangenen Jahr`: the event lies that far from the time of writing."""
    gap = doc.text[mention.end:mention.end + 40]
    t = next((t for t in timexes if mention.end <= t.span.start <= mention.end + len(gap)
              and t.anchor == "none" and not re.match(r"XXXX-\d", t.value) and re.fullmatch(r"[\w\s-]*", doc.text[mention.end:t.span.start])
              and len(doc.text[mention.end:t.span.start].split()) <= 2), None)
    if t is None:
        return None
    offset = _relative_offset(doc, t)
    if offset is None:
        return None
    unit, n = offset
    ranges = [_shifted(e.date, unit, n) for e in mention.candidates]
    labels = [f"{e.label}, {t.span.text!r} → written {_range_text(r, unit)}" for e, r in zip(mention.candidates, ranges, strict=True)]
    span = doc.span(mention.start, t.span.end)
    return Evidence(span, f"{span.text!r}: a known event told relative to the time of writing", "event",
                    ranges, W_EVENT_RELATIVE, [(r, S_EVENT) for r in ranges], labels)


def _range_text(r: DateRange, unit: str) -> str:
    return str(r[0].year) if unit == "Y" else r[0].isoformat()[:7] if unit == "M" else f"around {(r[0] + dt.timedelta(days=7)).isoformat()}"


def _tensed_event(doc: Document, mention: EventMention, clauses: _Clauses, words: _Words) -> Evidence | None:
    """`beim Nato-Gipfel, an dem … teilnehmen wird` (still to come), `seit der Wahl` (past)."""
    before = {w.casefold() for w in clauses.words_before(mention.start)}
    if before & words.future_markers:
        tense = "future"
    elif before & words.past_markers:
        tense = "past"
    else:
        tense = clauses.tense(mention.start, mention.end) or _relative_clause_tense(doc, mention, clauses)
    if tense is None:
        return None
    ranges: list[DateRange] = []
    for e in mention.candidates:
        ranges.append((e.date - 12 * MONTH, e.date) if tense == "future" else (e.date, e.date + 24 * MONTH))
    soft = [((lo, hi), S_EVENT / 2) for lo, hi in ranges]
    labels = [e.label for e in mention.candidates]
    where = "still to come: written before it" if tense == "future" else "past: written after it"
    return Evidence(doc.span(mention.start, mention.end), f"{mention.text!r} is {where}", "event",
                    ranges, W_EVENT_TENSE, soft, labels)


def _relative_clause_tense(doc: Document, mention: EventMention, clauses: _Clauses) -> str | None:
    """The tense of a relative clause right after the event word (`…-Gipfel, an dem … wird`)."""
    m = re.match(r"\s*(?:[A-ZÄÖÜ][\w-]*\s+)?(?:in\s+\w+\s+)?,\s*(?:\w+\s+)?(?:dem|der|den|die|das|welche[mnrs]?)\b", doc.text[mention.end:mention.end + 60])
    if not m:
        return None
    return clauses.tense(mention.end + m.end(), mention.end + m.end() + 1)


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
        return _months_after(a.date, 1) - dt.timedelta(days=1)
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
        self.words = _words(lang)

    def evidence(self, doc: Document) -> list[Evidence]:
        content = find_timexes(doc.text, None, doc.body_start, lang=self.lang)  # the stated date must not leak in
        clauses = _Clauses(doc, self.words)
        found = (_date_evidence(content, doc.text, clauses) + _weekday_evidence(content, doc.text)
                 + _day_evidence(content, doc.text, clauses)
                 + _office_evidence(doc, self.kb, clauses, self.words, content) + _person_evidence(doc, self.kb)
                 + _event_evidence(doc, self.kb, content, clauses, self.words, self.lang))
        return sorted(found, key=lambda e: e.span.start)

    def __call__(self, doc: Document) -> Document:
        dating = date_document(self.evidence(doc), doc.stated_date)
        if dating.consistent is False:
            dating.resolved_against, dating.resolved_from = dating.estimate, "estimate"
            doc.layers["timexes"] = find_timexes(doc.text, anchor_from(dating.estimate), doc.body_start, lang=self.lang)
        elif doc.stated_date:
            dating.resolved_against, dating.resolved_from = doc.stated_date, "stated"
        doc.layers["dating"] = dating
        _resolve_event_anchors(doc, dating)
        _statement_times(doc, _Clauses(doc, self.words))
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


def _statement_times(doc: Document, clauses: _Clauses) -> None:
    """`sagte Stoltenberg am Montag`: the time expression of the cue's clause, outside the message."""
    timexes = [t for t in doc.layers.get("timexes", [])
               if t.type in ("DATE", "TIME") and not t.value.endswith("_REF")]
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
