"""What the entity finder's steps share: a finding, the per-document state, small helpers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lagebild.document import Document, Token
from lagebild.kb import Country, Entry, Person
from lagebild.lang.de.function_words import DEFINITE_ARTICLES
from lagebild.layers.entities.lexicon import Lexicon, english_word_tags
from lagebild.layers.entities.model import (
    _ROMAN,
    LABELS,
    _Phrase,
)
from lagebild.nlp.morphology import is_known_word


@dataclass(slots=True)


class _Found:
    first: int
    last: int  # inclusive
    label: str
    via: str
    entry: Entry | None = None
    start: int | None = None  # character offsets when not the tokens' (compound parts)
    end: int | None = None
    role: str | None = None
    sector: str | None = None
    country: str | None = None
    name: str | None = None
    role_tokens: tuple[int, int] | None = None  # the title before a person (first, last)
    guessed: bool = False  # label by default, no evidence: coordination may overrule it
    common_noun: bool = False  # a common noun that names a knowledge-base entry (`Bundesregierung`)


class _State:
    """The document and what the finder has learnt of it so far; the steps (patterns, known, unknown) work on it."""

    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.tokens = doc.tokens
        self.lex = lexicon
        self.kb = lexicon.kb
        self.date = doc.effective_date
        self.taken: list[bool] = [False] * len(doc.tokens)
        self.surnames: set[str] = set()  # last words of the person names found so far
        self.parenthesis = False  # whether the current sentence has one (initialisms defined in it)
        self.abbreviated: dict[int, str] = {}  # token of an initialism in parentheses → the label of the name before it
        self._words: set[str] | None = None  # the document's words, folded (built when first needed)
        self._countries: dict[str, int] | None = None  # ISO-3 → how often the document names it (when first needed)

    def _take(self, hit: _Found) -> None:
        for k in range(hit.first, hit.last + 1):
            self.taken[k] = True


def _label(entry: Entry) -> str:
    return entry.label if entry.label in LABELS else "MISC"


def _country_of(entry: Entry) -> str | None:
    if isinstance(entry, Country):
        return entry.id
    if isinstance(entry, Person):
        return entry.nationality or entry.country
    return entry.country


def _role_text(tokens: list[Token]) -> str:
    """The title as a role: one noun in its base form (`Präsidenten` → `Präsident`), a phrase as written."""
    tokens = [t for t in tokens if t.lower not in DEFINITE_ARTICLES] or tokens
    if len(tokens) == 1:
        t = tokens[0]
        return t.lemma if t.pos.startswith("NN") and t.lemma and t.text.startswith(t.lemma) else t.text
    return " ".join(t.text for t in tokens)


def _english_phrase(words: list[str]) -> bool:
    """Words that end in an English common word: a noun, adjective or verb form the English lexicon
    knows other than as a name (`… Collider` is none, `Officer`, `Sciences` are); for one word
    only a plural or an -ing form (`Yards`, `Tearing`), as many surnames are English nouns (`Bush`)."""
    tags = english_word_tags(words[-1])
    if len(words) == 1:
        return bool(tags & {"NN2", "VVG"}) and "NP0" not in tags
    return bool(tags - {"NP0", "UNC"})


def _phrase_key(phrase: _Phrase) -> str:
    return " ".join(phrase.words)


def _significant_word(name: str) -> str:
    """The word that identifies a bearer of `name`: the surname, or the name before a regnal number (`Benedikt XVI.`)."""
    words = name.split()
    return words[-2] if len(words) > 1 and _ROMAN.match(words[-1].rstrip(".")) else words[-1]


def _wordlike(text: str) -> bool:
    """Two letters or more, and no Roman numeral (`Arbeitslosengeld I`, `Karl V.`)."""
    letters = text.rstrip(".")
    return sum(ch.isalpha() for ch in letters) >= 2 and not _ROMAN.match(letters)


@lru_cache(maxsize=20_000)


def _splits_into_words(low: str, depth: int = 0) -> bool:
    """Whether a lower-case word is two known words (the first may be a compound itself or carry a linking `s`)."""
    for cut in range(3, len(low) - 3):
        head = low[cut:]
        if not (_known(head) or head.endswith(("n", "s")) and len(head) > 4 and _known(head[:-1])):
            continue  # `fanmeilen`: the plural of a known head
        first = low[:cut]
        for part in (first, first[:-1] if first.endswith("s") else None):
            if part and (_known(part) or depth == 0 and len(part) > 6 and _splits_into_words(part, 1)):
                return True
    return False


def _known(low: str) -> bool:
    """A known word, also in the spelling before 1996 (`schluss` as `schluß`)."""
    return is_known_word(low) or "ss" in low and is_known_word(low.replace("ss", "ß"))


def _strip_genitive(text: str) -> str:
    if text.endswith("'s") or text.endswith("’s"):
        return text[:-2]
    if text.endswith("s") and len(text) > 4 and text[-2] not in "sxzß" and " " not in text:
        return text[:-1]
    return text
