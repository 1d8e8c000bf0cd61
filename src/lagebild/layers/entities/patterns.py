"""Step 0 and 5 of the finder: names recognised by their form before or beside the knowledge base
(datelines, clubs, initialisms, quoted organisation names, public bodies, streets)."""

from __future__ import annotations

import re

from lagebild.document import Token
from lagebild.kb import Country, Place
from lagebild.lang.de.function_words import DEFINITE_ARTICLES
from lagebild.layers.entities.found import (
    _Found,
    _label,
    _State,
    _wordlike,
)
from lagebild.layers.entities.model import (
    _ACRONYM,
    _COORDINATED_LABEL,
    _GENERIC_ORG_NOUNS,
    _NAME_CONNECTORS,
    _QUOTE_MARKS,
    NAME_VIAS,
)
from lagebild.nlp.morphology import is_known_word


class _Patterns(_State):
    """Names known by their form: steps 0 and 5 of `finder._Finder`."""

    # -- 0. patterns that bind closer than the knowledge base ----------------------------------
    def _club(self, i: int, stop: int) -> _Found | None:
        """`FC Carl Zeiss Jena`, `1. FC Nürnberg`, `SG 01 Höchst`: a club name runs to the first lower-case word."""
        if self.tokens[i].text not in self.lex.club_prefixes:
            return None
        j = i
        while j + 1 < stop and (self.tokens[j + 1].text[:1].isupper() or self.tokens[j + 1].text.isdigit()) and self.tokens[j + 1].text not in self.lex.not_names:
            j += 1
        if j == i:
            return None
        first = i - 1 if i > 0 and re.fullmatch(r"\d\.", self.tokens[i - 1].text) else i
        return _Found(first, j, "ORG", "pattern")

    def _acronym_of_town(self, i: int, stop: int) -> _Found | None:
        """`THW Kiel`, `SPD Musterstadt`: an organisation's initialism right before a town's name names its branch or club there."""
        t = self.tokens[i]
        if i + 1 >= stop or not t.text.isupper() or not 2 <= len(t.text) <= 5 or not t.text.isalpha() or t.text in self.lex.not_names:
            return None
        town = self.tokens[i + 1]
        if town.text not in self.lex.places or not t.space_after or any(isinstance(e, Country | Place) for e in self.kb.lookup(t.text)):
            return None
        return _Found(i, i + 1, "ORG", "pattern")

    def _quoted_org(self, i: int, stop: int, sent_first: int) -> _Found | None:
        """`„Financial Times Deutschland“`, `„Nato Response Force“`: a quoted run of capitalised words
        that opens with an organisation's name or holds an organisation word is one organisation's name."""
        if i == sent_first or self.tokens[i - 1].text not in _QUOTE_MARKS:
            return None
        j = i
        while j + 1 < stop and j - i < 6 and self.tokens[j + 1].text not in _QUOTE_MARKS:
            j += 1
        if j == i or j + 1 >= stop or self.tokens[j + 1].text not in _QUOTE_MARKS:
            return None
        words = self.tokens[i : j + 1]
        lowercase_inside = any(not t.text[:1].isupper() for t in words)
        if lowercase_inside and self._after_org_noun(i - 1, sent_first) and self._phrase_like_name(words):
            return _Found(i, j, "ORG", "pattern")  # die Hilfsorganisation „Ärzte ohne Grenzen“
        if not all(t.text[:1].isupper() and _wordlike(t.text) or t.lower in _NAME_CONNECTORS or t.text == "&" for t in words):
            return None
        if not words[-1].text[:1].isupper() or words[0].lower in DEFINITE_ARTICLES:
            return None
        opener = self._kb_phrase(i, j, sent_first)
        opens_with_org = opener is not None and opener.label == "ORG" and opener.first == i and opener.last < j
        if opens_with_org or any(t.text in self.lex.org_words for t in words):
            return _Found(i, j, "ORG", "pattern")
        return None

    def _after_org_noun(self, quote_mark: int, sent_first: int) -> bool:
        """An organisation noun right before the opening quotation mark: `der Verein „…“`."""
        if quote_mark <= sent_first:
            return False
        noun = self.tokens[quote_mark - 1]
        return noun.pos.startswith("NN") and noun.text[:1].isupper() and noun.lower.endswith(self.lex.org_heads)

    @staticmethod
    def _phrase_like_name(words: list[Token]) -> bool:
        """A name may hold a verb or a preposition (`Aktion Deutschland hilft`), but it opens with a
        capital and holds no clause punctuation, which a quoted statement would. (Runs of capitalised
        words only are left to the organisation-word test below.)"""
        return words[0].text[:1].isupper() and _wordlike(words[0].text) and all(_wordlike(t.text) or t.text in ("&", "-") for t in words)

    def _defined_acronym(self, i: int, stop: int, sent_first: int) -> _Found | None:
        """`Bundesverband deutscher Banken (BdB)`, `Musterland Response Force (MRF)`: a name of two
        capitalised words or more that the text abbreviates in parentheses is an organisation's."""
        t = self.tokens[i]
        if not self.parenthesis or not t.text[:1].isupper() or t.pos.startswith(("ART", "APPR")) or t.text in self.lex.not_names or t.text in self.lex.first_names:
            return None
        if t.pos.startswith("NN") and is_known_word(t.text) and not self._org_noun(t.text):
            return None  # `Vorschlag der …`: a common noun before the name
        j, capitalised = i, 1
        while j + 1 < stop and self.tokens[j + 1].text != "(":
            nxt = self.tokens[j + 1]
            if nxt.text[:1].isupper() and _wordlike(nxt.text) and nxt.text not in self.lex.not_names:
                capitalised += 1
            elif not (nxt.lower in _NAME_CONNECTORS or nxt.pos.startswith("ADJ(A)")) or j + 2 >= stop or not self.tokens[j + 2].text[:1].isupper():
                return None
            j += 1
        if capitalised < 2 or j + 3 >= stop or self.tokens[j + 3].text != ")" or not _ACRONYM.match(self.tokens[j + 2].text):
            return None
        if self.lex.is_title(t.text) or any(getattr(e, "kind", "") == "party" for e in self.kb.lookup(self.tokens[j + 2].text)):
            return None  # `Angela Merkel (CDU)`: a person and her party
        known = self._kb_phrase(i, stop, sent_first)
        hit = known if known is not None and known.last >= j else _Found(i, j, "ORG", "pattern")
        self.abbreviated[j + 2] = hit.label  # the initialism names the same thing
        return hit

    def _dateline_agency(self, i: int, stop: int, sent_first: int) -> _Found | None:
        """`Berlin (ots) -`, `(dpa-AFX) -`: the source in parentheses of a dateline is a news agency."""
        if not (sent_first < i <= sent_first + 4 and i + 2 < stop and self.tokens[i - 1].text == "(" and self.tokens[i + 1].text == ")"):
            return None
        if self.tokens[i + 2].text not in ("-", "–", "—", ":") or not re.fullmatch(r"[A-Za-zÄÖÜäöü][\w/-]+", self.tokens[i].text):
            return None
        known = self._kb_phrase(i, i + 1, sent_first)
        return known if known is not None and known.label == "ORG" else _Found(i, i, "ORG", "pattern")

    def _broken_compound(self, i: int, stop: int) -> _Found | None:
        """`Mecklenburg- Vorpommern`: a name split at its hyphen (a line break in the source) is one name."""
        t = self.tokens[i]
        if not (t.text.endswith("-") and len(t.text) > 2 and t.text[:1].isupper() and i + 1 < stop and t.space_after):
            return None
        joined = t.text + self.tokens[i + 1].text
        entry = next((m.entry for m in self.lex.match(joined) if m.via in ("name", "alias", "abbr", "form")), None)
        if entry is not None:
            return _Found(i, i + 1, _label(entry), "name", entry)
        return _Found(i, i + 1, "LOC", "pattern") if joined in self.lex.places else None

    def _with_company_word(self, hit: _Found, stop: int) -> _Found:
        """`Musterfirma AG`, `Musterbank Investment`: a known name with a company word after it names a company."""
        j = hit.last
        while j + 1 < stop and self.tokens[j + 1].text in self.lex.company_words:
            j += 1
        if j == hit.last or hit.start is not None or hit.via not in NAME_VIAS:
            return hit
        entry = hit.entry if hit.entry is not None and hit.entry.label == "ORG" else None
        return _Found(hit.first, j, "ORG", "pattern" if entry is None else hit.via, entry)

    def _public_body(self, i: int, stop: int) -> _Found | None:
        """`Bundesamt für Gesundheit`, `Bundesstiftung zur Aufarbeitung der SED-Diktatur`."""
        t = self.tokens[i]
        if not (t.text.startswith(self.lex.public_body_prefixes) and self._org_noun(t.text)):
            return None
        if i + 2 >= stop or self.tokens[i + 1].lower not in ("für", "zur", "zum") or not self.tokens[i + 2].text[:1].isupper():
            return None
        j = i + 2
        while j + 1 < stop and (self.tokens[j + 1].text[:1].isupper() or self.tokens[j + 1].lower in ("und", "der", "des")
                                and j + 2 < stop and self.tokens[j + 2].text[:1].isupper()):
            j += 1
        return _Found(i, j, "ORG", "pattern")

    def _adjective_org(self, i: int, stop: int) -> _Found | None:
        """`Hessischen Rundfunks`, `Passauer Neuen Presse`, `Hamburger Mieterverein`: capitalised adjectives before an organisation noun."""
        t = self.tokens[i]
        if not (t.text[:1].isupper() and t.pos.startswith("ADJ")) or i == self.doc.sentences[t.sent].first_token and t.text.endswith("e"):
            return None
        j = i + 1
        while j < stop and self.tokens[j].text[:1].isupper() and self.tokens[j].pos.startswith("ADJ"):
            j += 1
        if j >= stop or not self._org_noun(self.tokens[j].text) or j == i + 1 and self.tokens[j].text in _GENERIC_ORG_NOUNS:
            return None  # `des Düsseldorfer Konzerns`, `der Wülfrather Polizei`: a description, no name
        return _Found(i, j, "ORG", "pattern")

    def _org_noun(self, word: str) -> bool:
        base = word[:-1] if word.endswith("s") else word
        return word in self.lex.org_words or base in self.lex.org_words or word[:1].isupper() and base.lower().endswith(self.lex.org_suffixes)

    def _slashed(self, i: int, stop: int) -> _Found | None:
        """`München/Hamburg`, `AFP/SID`: names of one kind joined by a slash are one mention."""
        j = i
        while j + 2 < stop and self.tokens[j + 1].text == "/" and not self.tokens[j].space_after and not self.tokens[j + 1].space_after:
            j += 2
        if j == i:
            return None
        parts = [self.tokens[k].text for k in range(i, j + 1, 2)]
        labels = {self._part_label(p) for p in parts}
        return _Found(i, j, labels.pop(), "pattern") if len(labels) == 1 and None not in labels else None

    def _part_label(self, word: str) -> str | None:
        if word in self.lex.places:
            return "LOC"
        entry = next((m.entry for m in self.lex.match(word) if m.via in ("name", "alias", "abbr")), None)
        return None if entry is None else _COORDINATED_LABEL.get(_label(entry))

    def _street(self, i: int, stop: int) -> _Found | None:
        """`Knoopstraße`, `Gubener Straße`, `Tegeler See`."""
        t = self.tokens[i]
        if not t.text[:1].isupper() or t.text in self.lex.loc_words:
            return None
        low = t.text.lower()
        suffix = next((x for x in self.lex.loc_suffixes if low.endswith(x)), None)
        if suffix and len(t.text) > len(suffix) + 3 and not is_known_word(t.text) and not is_known_word(t.text[: -len(suffix)]):
            return _Found(i, i, "LOC", "pattern")  # `Knoopstraße`, not `Tabellenplatz`
        after = self.tokens[i + 1] if i + 1 < stop else None
        place_adjective = t.text.endswith("er") and (t.pos.startswith("ADJ") or t.pos == "NE" or t.pos.startswith("NN") and not is_known_word(t.text))
        if after is not None and after.text in self.lex.loc_words and place_adjective:
            return _Found(i, i + 1, "LOC", "pattern")
        return None
