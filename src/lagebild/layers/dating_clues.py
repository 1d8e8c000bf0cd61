"""The clues to when a text was written (used by `lagebild.layers.dating`).

Each clue is an `Evidence`: the ranges of days in which the text must lie for the clue to hold
(*hard*, with a weight) and where it most likely lies (*soft*). Found here: explicit dates with
the tense of their clause, days with their weekday, office holders from the entity layer and the
knowledge base, people active then, and events the data knows (`dated_events`). Weights and
conventions: docs/time.md, "Dating the document".
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
from lagebild.kb import KnowledgeBase, Person
from lagebild.kb.model import Office
from lagebild.layers.dated_events import EventMention, find_event_mentions
from lagebild.layers.timex import Anchor, Timex, find_timexes, shift_value, value_period, weekday_of

__all__ = ["Clauses", "Evidence", "Words", "collect_evidence", "load_words"]

_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"

# the months the estimate is searched in: no text is written after the day it is analysed
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date.today()
# weights of hard evidence
W_OFFICE, W_FORMER, W_INCOMING = 2.0, 1.0, 1.5
W_EVENT_RELATIVE, W_EVENT_TENSE, W_WEEKDAY, W_PAST_DATE, W_FUTURE_DATE = 2.0, 1.0, 1.5, 1.0, 1.0
# weights of soft evidence
S_DATE, S_DATE_AFTER, S_YEAR, S_PERSON, S_EVENT = 1.0, 0.5, 0.6, 0.3, 1.5
WEEKDAY_YEARS = range(1950, 2041)
MONTH = dt.timedelta(days=31)

DateRange = tuple[dt.date, dt.date]


# --------------------------------------------------------------------------- language data


@dataclass(frozen=True, slots=True)
class Words:
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
    incumbent: frozenset[str]

    def prefix(self, word: str, cls: frozenset[str]) -> bool:
        return any(w.endswith("-") and word.startswith(w) for w in cls)


@lru_cache(maxsize=4)
def load_words(lang: str) -> Words:
    data = json.loads((_LANG_DIR / lang / "timex_dating.json").read_text(encoding="utf-8"))
    classes = {k: frozenset(w if w.endswith("-") else w.casefold() for w in v["words"])
               for k, v in data.items() if not k.startswith("_")}
    return Words(**classes)


# --------------------------------------------------------------------------- a clue


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


def _day(d: dt.date) -> str | None:
    if d <= FIRST_DAY or d >= LAST_DAY:
        return None  # open
    return d.isoformat()


# --------------------------------------------------------------------------- clauses and tense


class Clauses:
    """Clause-level questions about the tokens around a character position."""

    BOUNDARY = frozenset(",;:()„“”\"«»–")

    def __init__(self, doc: Document, words: Words):
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


def months_after(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return dt.date(y, m + 1, 1)


def _month_of(d: dt.date) -> DateRange:
    return dt.date(d.year, d.month, 1), months_after(d, 1) - dt.timedelta(days=1)


def _date_evidence(timexes: list[Timex], text: str, clauses: Clauses) -> list[Evidence]:
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
            ev.soft = [(_month_of(lo), S_DATE), ((months_after(lo, 1), months_after(lo, 3) - dt.timedelta(days=1)), S_DATE_AFTER)]
        out.append(ev)
    return out


def _day_evidence(timexes: list[Timex], clauses: Clauses) -> list[Evidence]:
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


def _office_terms(kb: KnowledgeBase, people: list[Person], role_text: str, country: str | None,
                  words: Words) -> list[tuple[Person, Office]]:
    """The terms of these people in the office the title names: by the KB's reading of the title,
    else by the titles each office bore (`SPD-Vorsitzende`, `Bürgermeister` for the Regierender
    Bürgermeister); an incumbent (`Amtsinhaber`) holds any of their offices."""
    if role_text.casefold() in words.incumbent:
        return [(p, o) for p in people for o in p.offices]
    readings = kb.resolve_title(role_text)
    terms = [(p, o) for p in people for o in p.offices
             for role, of, gender in readings
             if o.role == role and (of is None or o.of == of) and (gender is None or p.gender == gender)]
    if not terms:
        terms = _terms_by_title(kb, people, role_text)
    if country and any(o.of == country for _, o in terms):
        terms = [(p, o) for p, o in terms if o.of == country]
    return list(dict.fromkeys(terms))


def _title_key(title: str) -> str:
    """The stem of a title's head word: `Vorsitzenden`, `Vorsitzender` → `vorsitzend`,
    `Kanzlerin`, `Kanzler` → `kanzl`."""
    word = title.split()[-1].split("-")[-1].casefold()
    if word.endswith(("innen", "in")) and len(word) > 6:
        word = word[: -5 if word.endswith("innen") else -2]
    while len(word) > 4 and word[-1] in "enrs":
        word = word[:-1]
    return word


def _terms_by_title(kb: KnowledgeBase, people: list[Person], role_text: str) -> list[tuple[Person, Office]]:
    key = _title_key(role_text)
    if len(key) < 5:
        return []
    exact, compound = [], []
    for p in people:
        for o in p.offices:
            keys = {_title_key(t) for t in (*kb.titles(p, o), *o.titles)}
            if key in keys:
                exact.append((p, o))
            elif any(k.endswith(key) for k in keys):
                compound.append((p, o))  # `Innenminister` for the Bundesinnenminister
    return exact or compound


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


def _office_marker(doc: Document, e: Any, clauses: Clauses, words: Words, dated: list[Timex]) -> tuple[str | None, str]:
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


def _dated(timexes: list[Timex]) -> list[Timex]:
    return [t for t in timexes if t.anchor == "explicit" and value_period(t.value) is not None]


def _office_evidence(doc: Document, kb: KnowledgeBase, clauses: Clauses, words: Words,
                     timexes: list[Timex]) -> list[Evidence]:
    """`Bundeskanzlerin Angela Merkel`: written during her term; `der frühere …`: after it."""
    dated = _dated(timexes)
    out: list[Evidence] = []
    seen: set[tuple[str, ...]] = set()
    for e in doc.layers.get("entities", []):
        if e.label != "PER" or not e.role:
            continue
        marker, role = _office_marker(doc, e, clauses, words, dated)
        terms = _office_terms(kb, _people(kb, e), role, getattr(e, "country", None), words) if marker != "then" else []
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


def _person_evidence(doc: Document, kb: KnowledgeBase, clauses: Clauses, words: Words,
                     timexes: list[Timex]) -> list[Evidence]:
    """People the knowledge base knows, named in full: most likely written while they held some
    office (not when the text calls them former, incoming, or the office holder of the time told)."""
    dated = _dated(timexes)
    out, seen = [], set()
    for e in doc.layers.get("entities", []):
        if e.label != "PER" or not getattr(e, "kb_id", None) or e.kb_id in seen:
            continue
        if e.role and _office_marker(doc, e, clauses, words, dated)[0] is not None:
            continue
        if len(e.text.split()) < 2 and (len((e.name or "").split()) < 2 or e.name not in doc.text):
            continue  # only people named in full: a lone surname may be someone else
        person = kb.get(e.kb_id)
        if not isinstance(person, Person) or not person.offices:
            continue
        seen.add(e.kb_id)
        # active from the first office to the end of the last: the gaps between recorded offices
        # are seldom gaps in a career (the knowledge base may hold only the highest offices)
        first = min(o.first_day for o in person.offices)
        last = max(o.last_day for o in person.offices)
        out.append(Evidence(doc.span(e.start, e.end), f"{person.name} held offices then", "person",
                            soft=[((first, last), S_PERSON)]))
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
        first = months_after(dt.date(event.year, event.month, 1), -n)
        return _month_of(first)
    day = event - dt.timedelta(days=n)
    return day - dt.timedelta(days=7), day + dt.timedelta(days=7)


def _event_evidence(doc: Document, kb: KnowledgeBase, timexes: list[Timex], clauses: Clauses,
                    words: Words, lang: str) -> list[Evidence]:
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
                    soft, labels, values=values)


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


def _tensed_event(doc: Document, mention: EventMention, clauses: Clauses, words: Words) -> Evidence | None:
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


def _relative_clause_tense(doc: Document, mention: EventMention, clauses: Clauses) -> str | None:
    """The tense of a relative clause right after the event word (`…-Gipfel, an dem … wird`)."""
    m = re.match(r"\s*(?:[A-ZÄÖÜ][\w-]*\s+)?(?:in\s+\w+\s+)?,\s*(?:\w+\s+)?(?:dem|der|den|die|das|welche[mnrs]?)\b", doc.text[mention.end:mention.end + 60])
    if not m:
        return None
    return clauses.tense(mention.end + m.end(), mention.end + m.end() + 1)


def collect_evidence(doc: Document, kb: KnowledgeBase, words: Words, lang: str = "de") -> list[Evidence]:
    """Every clue in the text, in text order. Time expressions are found again without an anchor,
    so the stated date never leaks in."""
    content = find_timexes(doc.text, None, doc.body_start, lang=lang)
    clauses = Clauses(doc, words)
    found = (_date_evidence(content, doc.text, clauses) + _weekday_evidence(content, doc.text)
             + _day_evidence(content, clauses)
             + _office_evidence(doc, kb, clauses, words, content) + _person_evidence(doc, kb, clauses, words, content)
             + _event_evidence(doc, kb, content, clauses, words, lang))
    return sorted(found, key=lambda e: e.span.start)
