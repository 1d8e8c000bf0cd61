"""Dated events the news names without their year: `beim Nato-Gipfel in Brüssel`, `die
Präsidentschaftswahl im vergangenen Jahr`.

The events are data (`kb/data/events.tsv`: kind, of, date, place), the words that name them are
language (`lang/<code>/timex_events.tsv`). `find_event_mentions` finds the words in a text and
narrows each mention to the events whose country, organisation or place the sentence names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lagebild.kb import KnowledgeBase
from lagebild.kb.model import fold

_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
ANY = "*"
MAX_CANDIDATES = 8  # a mention that fits more events than this says too little to date a text
ENDINGS = "(?:e|en|n|s|es)?"


@dataclass(frozen=True, slots=True)
class DatedEvent:
    kind: str
    of: str
    date: dt.date
    places: tuple[str, ...]
    note: str = ""

    @property
    def label(self) -> str:
        where = self.places[0] if self.places else self.of
        return f"{self.kind.replace('_', ' ')} ({self.of}, {where}) {self.date.isoformat()}"


@dataclass(slots=True)
class EventMention:
    start: int
    end: int
    text: str
    kind: str
    of: str  # an events' `of`, or ANY: from the sentence
    candidates: list[DatedEvent]


def _rows(text: str) -> list[list[str]]:
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines[1:]]  # the first line names the columns


@lru_cache(maxsize=1)
def load_events() -> tuple[DatedEvent, ...]:
    text = resources.files("lagebild.kb").joinpath("data", "events.tsv").read_text("utf-8")
    events = []
    for row in _rows(text):
        kind, of, date, places, *rest = row + [""] * (5 - len(row))
        places_t = tuple(p for p in places.split("|") if p)
        events.append(DatedEvent(kind, of, dt.date.fromisoformat(date), places_t, rest[0] if rest else ""))
    return tuple(events)


@lru_cache(maxsize=4)
def _event_words(lang: str) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    rows = _rows((_LANG_DIR / lang / "timex_events.tsv").read_text(encoding="utf-8"))
    words = {fold(word): (kind, of) for word, kind, of in rows}
    forms = sorted((word for word, _, _ in rows), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, f.split())) for f in forms)
    return re.compile(rf"(?<![\w-])(?:{alternation}){ENDINGS}(?![\w-])", re.IGNORECASE), words


def _word_key(text: str, words: dict[str, tuple[str, str]]) -> tuple[str, str] | None:
    key = fold(" ".join(text.split()))
    for cut in range(0, 3):
        hit = words.get(key[: len(key) - cut] if cut else key)
        if hit:
            return hit
    return None


_CAPITALISED = re.compile(r"\b[A-ZÄÖÜ][\w’'.-]*\w|\b[a-zäöü]+ische[nmrs]?\b")


def sentence_keys(sentence: str, kb: KnowledgeBase) -> set[str]:
    """What a sentence names that an event can be told by: folded words and ISO-3 codes."""
    keys: set[str] = set()
    for m in _CAPITALISED.finditer(sentence):
        word = m.group()
        keys.add(fold(word))
        for part in (word, word.split("-")[0] + "-" if "-" in word else None):
            country = kb.country(part) if part else None
            if country is not None:
                keys.add(country.iso3)
    return keys


def _fits(event: DatedEvent, keys: set[str]) -> bool:
    country = event.of.isupper() and event.of in keys  # an ISO-3 code, not an organisation
    return country or any(fold(p) in keys for p in event.places)


def find_event_mentions(text: str, sentences: list[tuple[int, int]], kb: KnowledgeBase,
                        start: int = 0, lang: str = "de") -> list[EventMention]:
    """Event words in `text[start:]`, each with the events it may mean.

    A mention keeps the events whose place, country or organisation its sentence names; when
    the sentence names none of them, the events another mention of the same kind was narrowed
    to (`beim Nato-Gipfel` after `vor dem Nato-Gipfel in Brüssel`), else all of that kind.
    """
    pattern, words = _event_words(lang)
    events = load_events()
    found: list[tuple[EventMention, bool]] = []
    for m in pattern.finditer(text, start):
        hit = _word_key(m.group(), words)
        if hit is None:
            continue
        kind, of = hit
        pool = [e for e in events if e.kind == kind and (of == ANY or e.of == of)]
        s_start, s_end = next(((a, b) for a, b in sentences if a <= m.start() < b), (start, len(text)))
        keys = sentence_keys(text[s_start:s_end], kb)
        narrowed = [e for e in pool if _fits(e, keys)]
        mention = EventMention(m.start(), m.end(), m.group(), kind, of, narrowed or pool)
        found.append((mention, bool(narrowed)))
    for mention, narrowed in found:
        if narrowed:
            continue
        others = [o for o, n in found if n and o.kind == mention.kind and o.of == mention.of]
        if others:
            mention.candidates = others[0].candidates
    return [m for m, _ in found if 0 < len(m.candidates) <= MAX_CANDIDATES]
