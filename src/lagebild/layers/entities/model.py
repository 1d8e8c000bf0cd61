"""What the entity layer produces, and the word classes and limits it works with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lagebild.document import Span
from lagebild.nlp.quotes import ALL_MARKS

LABELS = ("PER", "ORG", "LOC", "GPE", "MISC")
NAME_VIAS = frozenset({"name", "alias", "abbr", "surname", "form", "metonym", "place", "pattern"})
GOVERNMENT = "Regierung"
_MAX_PHRASE = 8
_CLOSED_CLASSES = ("APPR", "ART", "KO", "PPER", "PPOS", "PD", "PI", "PW", "PR", "ADV", "V", "PTK", "CARD")
_COMMON_WORD_KINDS = frozenset({"media", "company", "sport"})  # names such as `Welt`, `Allianz`, `Union`
_SINGULAR_ARTICLES = frozenset({"der", "dem", "des", "ein", "einem", "eines", "einer"})
_PARENTHESIS_AGE = re.compile(r"^\d{1,3}\.?$")  # an age, or the minute of a goal (`Müller (11.)`)
_GUESS = "?"  # marks a label that `_label_of` chose for want of evidence
_COORDINATION = frozenset({",", "und", "oder", "sowie", "bzw."})
_COORDINATED_LABEL = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}  # an unknown name beside a country is a place
_ROMAN = re.compile(r"^[IVXLC]+$")
_QUOTE_MARKS = frozenset(ALL_MARKS)
_NAME_CONNECTORS = frozenset({"für", "der", "des", "und", "von", "zur", "zum", "of", "the", "and", "for", "de", "du", "la"})
_ACRONYM = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,6}$")
_GENERIC_ORG_NOUNS = frozenset({"Konzern", "Konzerns", "Polizei", "Versicherung", "Firma", "Unternehmen", "Unternehmens", "Bank", "Behörde", "Gruppe"})
_WEB_DOMAIN = re.compile(r"^\w[\w-]*\.(de|com|ch|at|net|org|eu|info|fr|it|uk)$")
_COMMA_OR_QUOTE = _QUOTE_MARKS | {",", "'"}



@dataclass(slots=True, eq=False)
class Mention:
    """One mention of an entity; `via` says how it was found (`name`, `surname`, `title`, …)."""

    start: int
    end: int
    text: str
    label: str
    kb_id: str | None = None
    name: str | None = None
    country: str | None = None
    role: str | None = None
    cluster: int | None = None
    via: str = "name"
    first: int = 0  # first token
    last: int = 0  # last token (inclusive)
    gender: str | None = None
    sector: str | None = None  # GOV or MIL for a state named through its organs or seat of power
    role_span: Span | None = None  # where the text gives the role (`Kreml-Chef` before `Wladimir Putin`)
    common_noun: bool = False  # the entry named by a common noun (`die Bundesregierung`, `die Sozialdemokraten`)

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)

    @property
    def is_name(self) -> bool:
        """Named by a proper name (not a title, adjective, compound part or common noun): what NER scores count."""
        return not self.common_noun and self.via in NAME_VIAS and not (self.text[:1].islower() and " " in self.text)  # `dpa`, not `israelische Armee`

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "kb_id": self.kb_id, "name": self.name, "country": self.country, "role": self.role,
                "cluster": self.cluster, "proper": self.is_name}


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]  # folded
    entry_id: str
    via: str
    acronym: bool
    lower: bool  # written in lower case in the knowledge base (adjectives, `irakisch-Kurdistan`)
    common: bool = False  # a common noun naming the entry (`Bundesregierung`): an actor, no proper name
