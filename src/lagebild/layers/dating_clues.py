"""The clues to when a text was written (used by `lagebild.layers.dating`).

Each clue is an `Evidence`: how likely each month of writing is (a mixture of `Shape`s,
`dating_model`), and the ranges of days in which the text must lie for the clue to hold (*hard*,
with a weight). Found here: explicit dates with
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
from typing import Any

from lagebild.document import Document, Span, Token
from lagebild.kb import KnowledgeBase, Person
from lagebild.kb.model import Office
from lagebild.lang import read_rows, resource_path
from lagebild.layers.dated_events import EventMention, find_event_mentions
from lagebild.layers.dating_model import FIRST_DAY, LAST_DAY, Shape, every_year
from lagebild.layers.timex import Anchor, Timex, find_timexes, shift_value, value_period, weekday_of
from lagebild.layers.timex.arithmetic import add_months

__all__ = ["Clauses", "Evidence", "Words", "collect_evidence", "load_words"]


# How hard a clue is: the weight of its ranges when a stated date is judged (docs/time.md).
W_OFFICE, W_FORMER, W_INCOMING = 2.0, 1.0, 1.5
W_EVENT_RELATIVE, W_EVENT_TENSE, W_WEEKDAY, W_PAST_DATE, W_FUTURE_DATE = 2.0, 1.0, 1.5, 1.0, 1.0
# The chance that a clue was misread (wrong tense, another person of that name, a word meant
# otherwise): that share of its likelihood is spread over all months.
F_DATE, F_OFFICE, F_FORMER, F_WEEKDAY, F_EVENT = 0.02, 0.03, 0.05, 0.1, 0.05
F_DATED_OFFICE = 0.3
W_SPAN, F_SPAN = 1.0, 0.05  # `vor 40 Jahren`, `zum 60. Jahrestag`, ages: right when the date is the one meant
F_WORD, F_WORD_UNTIL = 0.03, 0.3  # a word may be meant otherwise; a bygone one told as history  # a title next to a date may be the title of the time told
WEEKDAY_YEARS = range(1950, 2041)
MONTH = dt.timedelta(days=31)
EVER: tuple[dt.date, dt.date] = (dt.date.min, dt.date.max)

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
    since: frozenset[str]
    incumbent: frozenset[str]

    def prefix(self, word: str, cls: frozenset[str]) -> bool:
        return any(w.endswith("-") and word.startswith(w) for w in cls)


@lru_cache(maxsize=4)
def load_words(lang: str) -> Words:
    data = json.loads(resource_path(lang, "timex_dating.json").read_text(encoding="utf-8"))
    classes = {k: frozenset(w if w.endswith("-") else w.casefold() for w in v["words"])
               for k, v in data.items() if not k.startswith("_")}
    return Words(**classes)


# --------------------------------------------------------------------------- a clue


@dataclass(slots=True)
class Evidence:
    """One clue to the time of writing.

    `shapes` and `floor`: the likelihood of each month of writing (`dating_model`);
    `hard`: the ranges the text must lie in (one of them) for this clue to hold, with `weight`
    (how much it counts against a stated date outside them). `labels` name what each hard
    range rests on (the event of a candidate), so the reason can name the one that fits.
    """

    span: Span
    reason: str
    kind: str
    hard: list[DateRange] = field(default_factory=list)
    weight: float = 0.0
    shapes: list[Shape] = field(default_factory=list)
    floor: float = 0.0
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
    """The first day of the month n months after d's."""
    return dt.date(*add_months(d.year, d.month, n), 1)


def _month_of(d: dt.date) -> DateRange:
    return dt.date(d.year, d.month, 1), months_after(d, 1) - dt.timedelta(days=1)


# How news tells of dates, in months (e-folding lengths of the tails; `near`: the share of
# mentions that are news, the rest being background): a past day is mostly reported within
# weeks, a past month within a season, a past year during it or in the next; a day still to
# come is announced a few weeks ahead, a year still to come up to a year or two ahead; a date
# without tense lies around the time of writing, a little more often before it.
PAST = {"D": (0.5, 0.6), "M": (2.0, 0.5), "S": (3.0, 0.5), "Y": (12.0, 0.5)}  # fall, near
FUTURE = {"D": (2.0, 0.5), "M": (3.0, 0.5), "S": (4.0, 0.5), "Y": (18.0, 0.5)}  # rise, near
PLANS_AHEAD = 36.0  # the rest of what is told as still to come: plans reach a few years ahead
SAME_YEAR = {"Y": 0.2, "S": 0.5, "M": 0.5}  # shares of tensed years, seasons, months in the year of writing
UNTOLD = {"D": (0.5, 0.5, 0.6), "M": (2.0, 3.0, 0.5), "S": (3.0, 4.0, 0.5), "Y": (12.0, 12.0, 0.4)}  # rise, fall, near


def _grain(gran: str) -> str:
    return gran if gran in ("D", "M", "Y") else "D" if gran == "W" else "S"


def date_shapes(lo: dt.date, hi: dt.date, gran: str, tense: str | None) -> list[Shape]:
    """The likelihood of the months of writing for a date from `lo` to `hi` told in `tense`.

    A year or a month named with its year in a tense is less often in the year of writing
    (that is `in diesem Jahr`, `im März`) than a day is: that share (`SAME_YEAR`) stays near
    the date, the rest goes to the next year (past) or the year before (still to come)."""
    g = _grain(gran)
    same = SAME_YEAR.get(g, 1.0)
    if tense == "past":
        fall, near = PAST[g]
        after = dt.date(lo.year + 1, 1, 1), dt.date(lo.year + 1, 12, 31)
        return [Shape(lo, hi, fall=fall if g != "Y" else 0.0, weight=near * same),
                Shape(*after, fall=PAST["Y"][0], weight=near * (1 - same)), Shape(lo, dt.date.max, weight=1 - near)]
    if tense == "future":
        rise, near = FUTURE[g]
        before = dt.date(lo.year - 1, 1, 1), dt.date(lo.year - 1, 12, 31)
        return [Shape(lo, hi, rise=rise if g != "Y" else 0.0, weight=near * same),
                Shape(*before, rise=FUTURE["Y"][0], weight=near * (1 - same)),
                Shape(lo if g != "Y" else before[0], hi, rise=PLANS_AHEAD, weight=1 - near)]
    rise, fall, near = UNTOLD[g]
    return [Shape(lo, hi, rise=rise, fall=fall, weight=near), Shape(*EVER, weight=1 - near)]


_GRAIN_ORDER = {"D": 0, "M": 1, "S": 2, "Y": 3}


def _date_evidence(timexes: list[Timex], text: str, clauses: Clauses) -> list[Evidence]:
    """Explicit dates: near the time of writing; before it in the past tense, after it in the
    future. Mentions of the same year are one clue (the same thing told again is no new
    evidence): the most precise of them, in the tense they agree on (none when they disagree)."""
    by_year: dict[int, list[tuple[Timex, dt.date, dt.date, str, str | None]]] = {}
    for t in timexes:
        if t.anchor != "explicit" or t.type not in ("DATE", "TIME") or _in_short_quote(text, t.span.start, t.span.end):
            continue
        period = value_period(t.value)
        if period is None:
            continue
        lo, hi, gran = period
        tense = clauses.tense(t.span.start, t.span.end)
        before = clauses.words_before(t.span.start, 2)
        if tense != "past" and before and before[-1].casefold() in clauses.words.until:
            tense = "future"
        elif tense != "future" and {w.casefold() for w in before} & clauses.words.since:
            tense = "past"
        by_year.setdefault(lo.year, []).append((t, lo, hi, gran, tense))
    out = []
    for mentions in by_year.values():
        tenses = {m[4] for m in mentions} - {None}
        tense = tenses.pop() if len(tenses) == 1 else None
        t, lo, hi, gran, _ = min(mentions, key=lambda m: (_GRAIN_ORDER[_grain(m[3])], m[0].span.start))
        ev = Evidence(t.span, f"{t.span.text!r} is {t.value}", "date", shapes=date_shapes(lo, hi, gran, tense),
                      floor=F_DATE)
        if tense == "future":
            ev.reason += ", told as still to come: written before"
            ev.hard, ev.weight = [(dt.date.min, hi)], W_FUTURE_DATE
        elif tense == "past":
            ev.reason += ", told in the past tense: written after"
            ev.hard, ev.weight = [(lo, dt.date.max)], W_PAST_DATE
        out.append(ev)
    return out


def _day_evidence(timexes: list[Timex], clauses: Clauses) -> list[Evidence]:
    """`am 24. März`, `im März` without a year: most likely in the year of writing, a little
    before it (a day: that month or the next; a month: up to two after), or, told as still to
    come, a little after it (that month or the one before)."""
    out = []
    for t in timexes:
        m = re.fullmatch(r"XXXX-(\d{2})(-\d{2})?(?:T.*)?", t.value)
        if not m or t.type not in ("DATE", "TIME"):
            continue
        month, day = int(m.group(1)), m.group(2) is not None
        what = "a day" if day else "a month"
        if clauses.tense(t.span.start, t.span.end) == "future":
            shapes = every_year((month + 10) % 12 + 1, span=2, weight=0.5)
            reason = f"{t.span.text!r}: {what} named without its year, still to come: written shortly before"
        else:
            shapes = every_year(month, span=2 if day else 3, weight=0.5)
            reason = f"{t.span.text!r}: {what} named without its year, in the year of writing"
        out.append(Evidence(t.span, reason, "day", shapes=[*shapes, Shape(*EVER, weight=0.5 * len(shapes))],
                            month=month))
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
            rise, fall, _ = UNTOLD["D"]  # a day named with its weekday is told close to it
            shapes = [Shape(d, d, rise=rise, fall=fall) for d in days]
            out.append(Evidence(span, f"{span.text!r}: that day falls on that weekday only in some years", "weekday",
                                ranges, W_WEEKDAY, shapes, F_WEEKDAY, labels=[d.isoformat() for d in days]))
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
    """The people a mention with a title names. A bare title (`der Pontifex`) names nobody here:
    the entity layer linked it to whoever held the office at the stated date (directly, or
    through coreference), and counting that term would let the stated date vouch for itself."""
    if getattr(entity, "via", None) == "title":
        return []
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
    """How a title is meant ("former", "then", "future", "dated": next to a date, perhaps of the
    time told; None: held now) and the bare title."""
    role = e.role
    position = _role_position(doc.text, e)
    if words.prefix(role, words.former):
        return "former", role.split("-", 1)[1]
    before = [w.casefold() for w in clauses.words_before(position)]
    marker = next((cls for cls in ("former", "then", "future") for w in before if w in getattr(words, cls)), None)
    if marker is None:
        clause = clauses.clause(position, e.end)
        if clause and any(clause[0].start <= t.span.start < clause[-1].end for t in dated):
            marker = "dated"  # `1981 wurde Papst Johannes Paul II. angeschossen`: perhaps the title of that time
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
    if marker == "dated":
        ranges = [(o.first_day, o.last_day) for _, o in terms]
        return Evidence(span, f"{name} is {role} next to a date: likely written during the term", "office",
                        ranges, 0.0, [Shape(lo, hi, rise=1.0, fall=1.0) for lo, hi in ranges], F_DATED_OFFICE)
    if marker == "former":
        ended = [o.last_day for _, o in terms if o.end]
        if not ended:
            return None
        end = max(ended)
        return Evidence(span, f"{name} is called a former {role} (term ended {end.isoformat()}): written after",
                        "former_office", [(end, dt.date.max)], W_FORMER, [Shape(end, dt.date.max, rise=1.0)], F_FORMER)
    if marker == "future":
        first = min(o.first_day for _, o in terms)
        return Evidence(span, f"{name} is not yet {role} (term began {first.isoformat()}): written before",
                        "incoming_office", [(first - 12 * MONTH, first + MONTH)], W_INCOMING,
                        [Shape(first - 12 * MONTH, first, rise=3.0, fall=1.0)], F_FORMER)
    periods = [f"{o.start or '?'} – {o.end or 'now'}" for _, o in terms]
    ranges = [(o.first_day, o.last_day) for _, o in terms]
    shapes = [Shape(lo, hi, rise=1.0, fall=1.0) for lo, hi in ranges]  # the KB's days may be a month off
    return Evidence(span, f"{name} is {role}: written during the term ({', '.join(periods)})", "office",
                    ranges, W_OFFICE, shapes, F_OFFICE, labels=periods)


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
        shapes = [Shape(first, last, rise=12.0, fall=12.0, weight=0.5), Shape(*EVER, weight=0.5)]
        out.append(Evidence(doc.span(e.start, e.end), f"{person.name} held offices then", "person", shapes=shapes))
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
    ranges, labels, values, shapes = [], [], [], []
    for event in mention.candidates:
        value = shift_value(event.date, t.offset)
        period = value_period(value) if value else None
        if period is None:
            continue
        lo, hi, _ = period
        ranges.append((lo - MONTH, hi + 2 * MONTH))
        shapes.append(Shape(lo, hi, rise=1.0, fall=2.0))  # what is told happened then, written soon after
        labels.append(f"{event.label}, {t.offset} → {value}")
        values.append(value)
    if not ranges:
        return None
    return Evidence(t.span, f"{t.span.text!r}: a date relative to a known event", "event", ranges, W_EVENT_RELATIVE,
                    shapes, F_EVENT, labels, values=values)


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
                    ranges, W_EVENT_RELATIVE, [Shape(lo, hi, rise=1.0, fall=1.0) for lo, hi in ranges], F_EVENT, labels)


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
    shapes: list[Shape] = []
    for e in mention.candidates:
        if tense == "future":  # announced within the year before
            ranges.append((e.date - 12 * MONTH, e.date))
            shapes.append(Shape(e.date - 6 * MONTH, e.date, rise=6.0))
        else:  # told of within the next years, most often within months
            ranges.append((e.date, e.date + 24 * MONTH))
            shapes.append(Shape(e.date, e.date + 6 * MONTH, fall=12.0))
    labels = [e.label for e in mention.candidates]
    where = "still to come: written before it" if tense == "future" else "past: written after it"
    return Evidence(doc.span(mention.start, mention.end), f"{mention.text!r} is {where}", "event",
                    ranges, W_EVENT_TENSE, shapes, F_EVENT, labels)


def _relative_clause_tense(doc: Document, mention: EventMention, clauses: Clauses) -> str | None:
    """The tense of a relative clause right after the event word (`…-Gipfel, an dem … wird`)."""
    m = re.match(r"\s*(?:[A-ZÄÖÜ][\w-]*\s+)?(?:in\s+\w+\s+)?,\s*(?:\w+\s+)?(?:dem|der|den|die|das|welche[mnrs]?)\b", doc.text[mention.end:mention.end + 60])
    if not m:
        return None
    return clauses.tense(mention.end + m.end(), mention.end + m.end() + 1)


_SEASON = re.compile(r"\b(?:Saison|Spielzeit|Wintersemester|Schuljahr|Skisaison|Winter)\s+((?:19|20)\d\d)/((?:19|20)?\d\d)\b")


def _season_evidence(doc: Document) -> list[Evidence]:
    """`die Saison 2005/06`: a season from summer to summer, told of during it or near it."""
    out = []
    for m in _SEASON.finditer(doc.text, doc.body_start):
        first, second = int(m.group(1)), int(m.group(2)[-2:])
        if (first + 1) % 100 != second:
            continue
        lo, hi = dt.date(first, 7, 1), dt.date(first + 1, 6, 30)
        shapes = [Shape(lo - 3 * MONTH, hi, rise=3.0, fall=6.0, weight=0.6), Shape(*EVER, weight=0.4)]
        out.append(Evidence(doc.span(m.start(), m.end()), f"{m.group()!r}: a season from {first} to {first + 1}",
                            "date", shapes=shapes, floor=F_DATE))
    return out


_NUMBER_WORDS = {w: i for i, w in enumerate([
    "null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
    "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"])} | {
    "dreißig": 30, "vierzig": 40, "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80,
    "neunzig": 90, "hundert": 100, "einhundert": 100}
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_HEDGE = r"(?:genau |fast |knapp |rund |mehr als |über |nunmehr |gut |etwa |exakt |just )?"
# how many years lie between a date the text names and the time of writing
_SPANS = [
    ("ago", re.compile(rf"\b[Vv]or {_HEDGE}{_NUMBER} Jahren\b")),
    ("anniversary", re.compile(rf"\b{_NUMBER}\. (?:Jahrestag|Geburtstag|Todestag|Jubiläum|Wiederkehr|Gründungstag|Hochzeitstag|Jahrestages|Geburtstages|Geburtstags|Todestages|Todestags|Jubiläums)\b")),
    ("anniversary", re.compile(rf"\b{_NUMBER}-?jährige[ns]? (?:Bestehen|Jubiläum|Jubiläums|Bestehens)\b")),
    ("anniversary", re.compile(rf"\b{_NUMBER} Jahre her\b")),
    ("age", re.compile(rf"\b{_NUMBER} Jahre alt\b")),
    ("age", re.compile(rf"\b[Ii]m Alter von {_HEDGE}{_NUMBER} Jahren\b")),
    ("age", re.compile(rf"\b{_NUMBER}-[Jj]ährige[nrm]?\b")),
]
_TURNS = re.compile(r"\b(?:wird|wurde|werden|wurden)\b")
_BORN = re.compile(r"\b(?:geboren|geb\.|Geburt|Jahrgang)|\(\s*\*|\*\s*\d")


def _span_evidence(doc: Document, timexes: list[Timex]) -> list[Evidence]:
    """`vor 40 Jahren, am 4. Dezember 1964`, `zum 60. Jahrestag` of a date named with it, `wird heute
    75 Jahre alt` with the birthday: the date plus the years is the time of writing."""
    dated = [(t, value_period(t.value)) for t in timexes
             if t.anchor == "explicit" and t.type in ("DATE", "TIME") and value_period(t.value)]
    births = [(t, p) for t, p in dated if _BORN.search(doc.text[max(0, t.span.start - 40):t.span.end + 60])]
    out = []
    for s in doc.sentences:
        for kind, pattern in _SPANS:
            for m in pattern.finditer(doc.text, s.start, s.end):
                number = m.group(1).casefold()
                years = int(number) if number.isdigit() else _NUMBER_WORDS[number]
                if not 1 <= years <= 150:
                    continue
                how = kind
                if kind == "age" and _TURNS.search(doc.text, max(s.start, m.start() - 120), m.start()):
                    how = "birthday"  # `wurde heute 75 Jahre alt`: on the birthday
                if kind == "age":  # an age counts from a birthday
                    near = [(t, p) for t, p in births if s.start <= t.span.start < s.end] or births
                else:
                    near = [(t, p) for t, p in dated if s.start <= t.span.start < s.end]
                ev = _span_clue(doc, m, how, years, near)
                if ev is not None:
                    out.append(ev)
    return out


def _span_clue(doc: Document, m: re.Match[str], kind: str, years: int,
               dates: list[tuple[Timex, tuple[dt.date, dt.date, str]]]) -> Evidence | None:
    shapes, ranges, labels = [], [], []
    for t, (lo, hi, gran) in dates:
        if lo.year + years > LAST_DAY.year or lo.year < FIRST_DAY.year:
            continue
        start = _years_later(lo, years)
        fall = 1.0
        if kind == "age":  # the age holds for a year from the birthday (a year of birth: two)
            end = _years_later(lo, years + (2 if gran == "Y" else 1)) - dt.timedelta(days=1)
        elif gran == "Y":
            end = dt.date(start.year, 12, 31)
        else:  # told on the day, or soon after
            end, fall = _years_later(hi, years), 0.5
        shapes.append(Shape(start, end, rise=1.0, fall=fall))
        ranges.append((start, end))
        labels.append(f"{t.span.text!r} + {years} years")
    if not shapes:
        return None
    what = {"ago": "years ago", "anniversary": "an anniversary", "age": "an age", "birthday": "a birthday"}[kind]
    span = doc.span(m.start(), m.end())
    return Evidence(span, f"{span.text!r}: {what} of a date the text names", "span", ranges, W_SPAN, shapes,
                    F_SPAN, labels)


def _years_later(d: dt.date, years: int) -> dt.date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


@dataclass(frozen=True, slots=True)
class DatedWord:
    """A word whose existence or current use bounds the time of writing (`dating_vocabulary.tsv`)."""

    pattern: re.Pattern[str]
    kind: str  # since, until, between, event
    start: dt.date
    end: dt.date
    why: str

    def shapes(self) -> tuple[list[Shape], float]:
        if self.kind == "event":  # told of most within weeks of it, less later
            return [Shape(self.start, self.start + MONTH, fall=6.0, weight=0.6),
                    Shape(self.start, dt.date.max, weight=0.4)], F_WORD
        if self.kind == "until":  # also named as history later
            return [Shape(dt.date.min, self.end, fall=3.0)], F_WORD_UNTIL
        return [Shape(self.start, self.end, rise=1.0, fall=1.0)], F_WORD

    def reason(self, text: str) -> str:
        where = {"since": f"exists since {self.start.isoformat()[:7]}: written after",
                 "until": f"current until {self.end.isoformat()[:7]}: written before, unless told as history",
                 "between": f"current {self.start.isoformat()[:7]} – {self.end.isoformat()[:7]}",
                 "event": f"an event of {self.start.isoformat()}: written after it, most often soon after"}[self.kind]
        return f"{text!r} {where} ({self.why})"


def _bound(value: str, end: bool) -> dt.date:
    if value == "-":
        return dt.date.max if end else dt.date.min
    d = dt.date.fromisoformat(value if len(value) == 10 else value + "-01")
    return months_after(d, 1) - dt.timedelta(days=1) if end and len(value) == 7 else d


@lru_cache(maxsize=4)
def load_vocabulary(lang: str) -> tuple[DatedWord, ...]:
    rows = read_rows(lang, "dating_vocabulary.tsv")[1:]  # the first row names the columns
    # no lookbehind in the pattern: it would keep the regex engine from scanning for a literal
    # prefix, making each search many times slower; `_whole_word` checks the left edge instead
    return tuple(DatedWord(re.compile(rf"(?:{pattern})(?![\w-])"), kind, _bound(lo, False), _bound(hi, True), why)
                 for pattern, kind, lo, hi, why in rows)


def _whole_word(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """The first match of `pattern` from `pos` on that no letter, digit or hyphen precedes."""
    while (m := pattern.search(text, pos)) is not None:
        before = text[m.start() - 1] if m.start() > 0 else " "
        if not (before.isalnum() or before in "_-"):
            return m
        pos = m.start() + 1
    return None


def _vocabulary_evidence(doc: Document, lang: str) -> list[Evidence]:
    """`Hartz IV`, `Brexit`, `4,5 Millionen D-Mark`: words that exist, or are current, only for a time."""
    out = []
    for word in load_vocabulary(lang):
        m = _whole_word(word.pattern, doc.text, doc.body_start)
        if m is None:
            continue
        shapes, floor = word.shapes()
        ranges = [(word.start, word.end)] if word.kind != "event" else [(word.start, dt.date.max)]
        out.append(Evidence(doc.span(m.start(), m.end()), word.reason(m.group()), "word", ranges, 0.0,
                            shapes, floor))
    return out


@dataclass(frozen=True, slots=True)
class Series:
    """A numbered series of events (`die 57. Berlinale`): edition N is in year `base + step * N`."""

    pattern: re.Pattern[str]
    base: int
    step: int
    first: int
    last: int
    why: str

    def year(self, n: int) -> int | None:
        return self.base + self.step * n if self.first <= n <= self.last else None


@lru_cache(maxsize=4)
def load_series(lang: str) -> tuple[Series, ...]:
    rows = read_rows(lang, "dating_series.tsv")[1:]
    out = []
    for pattern, base, step, first, last, why in rows:
        regex = re.compile(r"(?<![\w-])(?:" + pattern.replace("{n}", r"(\d{1,3})") + r")(?![\w-])")
        out.append(Series(regex, int(base), int(step), int(first), 999 if last == "-" else int(last), why))
    return tuple(out)


def _series_evidence(doc: Document, lang: str) -> list[Evidence]:
    """`die 57. Berlinale`, `22C3`: the edition's year, told of in the months around it."""
    out = []
    for series in load_series(lang):
        for m in series.pattern.finditer(doc.text, doc.body_start):
            n = next(int(g) for g in m.groups() if g)
            year = series.year(n)
            if year is None or year > LAST_DAY.year:
                continue
            lo, hi = dt.date(year, 1, 1), dt.date(year, 12, 31)
            out.append(Evidence(doc.span(m.start(), m.end()), f"{m.group()!r} is the edition of {year} ({series.why})",
                                "event", [(lo, hi)], W_EVENT_TENSE, [Shape(lo, hi, rise=6.0, fall=3.0)], F_EVENT))
    return out


def collect_evidence(doc: Document, kb: KnowledgeBase, words: Words, lang: str = "de") -> list[Evidence]:
    """Every clue in the text, in text order. Time expressions are found again without an anchor,
    so the stated date never leaks in."""
    content = find_timexes(doc.text, None, doc.body_start, lang=lang)
    clauses = Clauses(doc, words)
    offices = _office_evidence(doc, kb, clauses, words, content)
    found = (_date_evidence(content, doc.text, clauses) + _weekday_evidence(content, doc.text)
             + _day_evidence(content, clauses)
             + offices + _person_evidence(doc, kb, clauses, words, content)
             + _event_evidence(doc, kb, content, clauses, words, lang) + _span_evidence(doc, content)
             + _season_evidence(doc) + _series_evidence(doc, lang))
    # a word inside an office title (`Bundeskanzlerin Angela Merkel`) says nothing more than the office
    found += [w for w in _vocabulary_evidence(doc, lang)
              if not any(o.span.start <= w.span.start < o.span.end for o in offices)]
    return sorted(found, key=lambda e: e.span.start)
