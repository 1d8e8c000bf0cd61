"""Entity mentions: people, organisations, countries and places, linked to the knowledge base.

Per sentence, left to right; at each token the first of these that applies wins:
0. a dateline's agency (`Berlin (ots) -`), a name abbreviated in parentheses
   (`Bundesverband deutscher Musterfirmen (BdM)`), a name broken at its hyphen, a club name
   opened by `FC`, `SV`, `TSV` … (`1. FC Nürnberg`);
1. a knowledge-base name, longest first (`Welt am Sonntag`, `Jens Stoltenberg`, `Russlands`,
   `Kreml`, `CDU`), with inflected and genitive forms;
2. a hyphen compound whose first part is a country or organisation: `Kreml-Chef` and
   `US-Präsident` are titles, `Berlin-Charlottenburg` a place, `Nato-Gipfel` and
   `EU-Sanktionen` mention the Nato and the EU (the span is the first part);
3. a country adjective before an actor noun or a title: `die russische Regierung` (Russia's
   government), `dem belarussischen Präsidenten` (Belarus's president at the document date);
4. a title of the knowledge base (`Bundeskanzlerin`, `Generalsekretär`);
5. a street or place by its form (`Knoopstraße`, `Tegeler See`), an organisation by its
   capitalised adjectives and noun (`Hessischen Rundfunks`).
Then runs of proper nouns that nothing took are classified by their context and the name lists
of `lagebild.kb.gazetteer`: a title or `(SPD)` makes a person, `AG` or `Universität` an
organisation, a town name or `in` a place.

Titles right before a person become its `role` (`Generalsekretär Jens Stoltenberg`); a title
alone that names one office holder at the document date becomes a linked mention
(`der Bundeskanzler` in 2021 → Angela Merkel). Capitals and seats of power (`Moskau`, `der
Kreml`) are the country's government (label GPE, role `Regierung`) unless a locative
preposition makes them a place (`in Moskau`, label LOC). A surname after the full name in the
text takes that person's entry (`Stoltenberg` → Jens Stoltenberg, also when unknown to the
knowledge base). docs/actors.md has the whole picture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lagebild.document import Document, Token
from lagebild.kb import Country, Entry, KnowledgeBase, Organisation, Person, Place, load_kb
from lagebild.layers.entities.lexicon import Lexicon, _fold, lexicon_for
from lagebild.layers.entities.model import (
    _ACRONYM,
    _ARTICLES,
    _CLOSED_CLASSES,
    _COMMA_OR_QUOTE,
    _COMMON_WORD_KINDS,
    _COORDINATED_LABEL,
    _COORDINATION,
    _GENERIC_ORG_NOUNS,
    _GUESS,
    _NAME_CONNECTORS,
    _PARENTHESIS_AGE,
    _QUOTE_MARKS,
    _ROMAN,
    _SINGULAR_ARTICLES,
    _WEB_DOMAIN,
    GOVERNMENT,
    LABELS,
    NAME_VIAS,
    Mention,
    _Phrase,
)
from lagebild.nlp.morphology import is_known_word


class EntityRecognizer:
    """Adds `doc.layers["entities"]`: `Mention`s sorted by start."""

    name = "entities"

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()
        self.lexicon = lexicon_for(self.kb)

    def __call__(self, doc: Document) -> None:
        doc.layers["entities"] = _Finder(doc, self.lexicon).run()


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


class _Finder:
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

    def run(self) -> list[Mention]:
        found: list[_Found] = []
        for sent in self.doc.sentences:
            found.extend(self._sentence(sent.first_token, sent.last_token))
        mentions = [self._mention(f) for f in found]
        mentions.sort(key=lambda m: (m.start, -m.end))
        self._link_surnames(mentions)
        return mentions

    # -- per sentence -----------------------------------------------------------------------
    def _sentence(self, first: int, stop: int) -> list[_Found]:
        found: list[_Found] = []
        self.parenthesis = any(t.text == "(" for t in self.tokens[first:stop])
        i = first
        while i < stop:
            hit = (self._dateline_agency(i, stop, first) or self._club(i, stop) or self._slashed(i, stop) or self._public_body(i, stop) or self._defined_acronym(i, stop, first)
                   or self._broken_compound(i, stop)
                   or self._kb_phrase(i, stop, first) or self._compound(i)
                   or self._adjective_actor(i, stop) or self._bare_title(i) or self._street(i, stop)
                   or self._adjective_org(i, stop))
            if hit:
                hit = self._with_company_word(hit, stop)
                found.append(hit)
                self._take(hit)
                i = hit.last + 1
            else:
                i += 1
        found.extend(self._unknown_names(first, stop))
        self._agree_in_coordination(found)
        self._roles(found, first)
        for f in found:
            if f.label == "PER" and f.last > f.first:
                self.surnames.add(_strip_genitive(self.tokens[f.last].text))
        return found

    def _agree_in_coordination(self, found: list[_Found]) -> None:
        """`Alfter, Swisttal und Wachtberg`: a guessed label follows a known one it is coordinated with."""
        ordered = sorted(found, key=lambda f: f.first)
        self._fill_coordination(ordered, found)
        self._extend_coordination(ordered, found)
        for left, right in zip(ordered, ordered[1:], strict=False):
            between = self.tokens[left.last + 1 : right.first]
            if not between or any(t.text not in _COORDINATION for t in between):
                continue
            if right.guessed and not left.guessed and left.label in _COORDINATED_LABEL:
                right.label = _COORDINATED_LABEL[left.label]
            elif left.guessed and not right.guessed and right.label in _COORDINATED_LABEL:
                left.label = _COORDINATED_LABEL[right.label]

    def _fill_coordination(self, ordered: list[_Found], found: list[_Found]) -> None:
        """`Alfter, Musterhausen und Wachtberg`: an unknown word between two names of one kind is one of them."""
        for left, right in zip(ordered, ordered[1:], strict=False):
            k = left.last + 2
            if right.first != k + 2 or left.label != right.label or left.label not in _COORDINATED_LABEL:
                continue
            t = self.tokens[k]
            if (self.tokens[k - 1].text in _COORDINATION and self.tokens[k + 1].text in _COORDINATION
                    and t.text[:1].isupper() and t.text.isalpha() and not is_known_word(t.text)):
                found.append(_Found(k, k, _COORDINATED_LABEL[left.label], "pattern"))
                self.taken[k] = True

    def _extend_coordination(self, ordered: list[_Found], found: list[_Found]) -> None:
        """`die Hersteller Musterbau und Quorvax`: an unknown word coordinated after a known name is one of its kind."""
        for left in ordered:
            k = left.last + 2
            if left.guessed or left.label not in _COORDINATED_LABEL or k >= len(self.tokens) or self.taken[k]:
                continue
            t = self.tokens[k]
            if (self.tokens[k - 1].text not in ("und", "oder", "sowie") or t.sent != self.tokens[left.last].sent
                    or not t.text[:1].isupper() or not t.text.isalpha() or is_known_word(t.text) or self._noun_compound(t.text)):
                continue
            after = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
            if after is None or after.sent != t.sent or not after.text[:1].isupper():
                found.append(_Found(k, k, _COORDINATED_LABEL[left.label], "pattern"))
                self.taken[k] = True

    def _take(self, hit: _Found) -> None:
        for k in range(hit.first, hit.last + 1):
            self.taken[k] = True

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
            elif not (nxt.lower in _NAME_CONNECTORS or nxt.pos.startswith("ADJA")) or j + 2 >= stop or not self.tokens[j + 2].text[:1].isupper():
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

    # -- 1. knowledge-base phrases ----------------------------------------------------------
    def _kb_phrase(self, i: int, stop: int, sent_first: int) -> _Found | None:
        token = self.tokens[i]
        key = _fold(token.text)
        candidates = self.lex.phrases.get(key, [])
        if not candidates and len(key) > 3 and key[-1] == "s":
            candidates = self.lex.phrases.get(key[:-1], [])
        for phrase in candidates:
            last = self._phrase_end(phrase, i, stop)
            entry = self.kb.get(phrase.entry_id) if last is not None else None
            if entry is None or not self._plausible(phrase, entry, i, last, sent_first):
                continue
            if last == i and phrase.via != "abbr" and self._first_name_before(i, sent_first):
                return None  # `Kevin Schmidt` is not Helmut Schmidt, `Christiane Holländer` no Dutchman: step 4
            if phrase.via == "surname" and (self._namelike_next(last) or self._first_name_of_unknown(last)):
                return None  # `Hans Krankl` is not Tobias Hans, `Michel Musterini` not Charles Michel
            found = self._kb_found(entry, phrase.via, i, last)
            if found is not None:
                return found
        return None

    def _article_name(self, i: int, sent_first: int) -> bool:
        """`Die Welt` with its article as part of a title: capitalised mid-sentence or after a quotation mark."""
        article = self.tokens[i]
        if i > sent_first:
            return article.text[:1].isupper() or self.tokens[i - 1].text in _QUOTE_MARKS
        return self.tokens[i + 1].pos == "NE"

    def _person_evidence(self, i: int, sent_first: int) -> bool:
        """A title before a single word, `so` before it closing a quotation, or `(54)` or `(11.)` after it."""
        return (i > sent_first and self.tokens[i - 1].text in self.lex.person_titles
                or self._so_attribution(i) or self._interview_speaker(i, sent_first) or self._party_after(i))

    def _first_name_of_unknown(self, i: int) -> bool:
        """A first name before a capitalised word the lexicon does not know (which the tagger may call a noun)."""
        if self.tokens[i].text not in self.lex.first_names or i + 1 >= len(self.tokens):
            return False
        after = self.tokens[i + 1]
        return after.sent == self.tokens[i].sent and after.text[:1].isupper() and after.text.isalpha() and not is_known_word(after.text)

    def _first_name_before(self, i: int, sent_first: int) -> bool:
        return i > sent_first and not self.taken[i - 1] and self.tokens[i - 1].text in self.lex.first_names

    def _phrase_end(self, phrase: _Phrase, i: int, stop: int) -> int | None:
        n = len(phrase.words)
        if i + n > stop:
            return None
        for k, word in enumerate(phrase.words):
            key = _fold(self.tokens[i + k].text)
            if key == word:
                continue
            genitive_ok = k == n - 1 and phrase.via in ("name", "alias", "abbr", "surname")
            if genitive_ok and key in (word + "s", word + "'s", word + "'", word + "es"):
                continue
            return None
        return i + n - 1

    def _plausible(self, phrase: _Phrase, entry: Entry, i: int, last: int, sent_first: int) -> bool:
        first = self.tokens[i]
        if phrase.via == "adjective":
            return False  # a country adjective names an actor only with its noun (step 3)
        if phrase.lower:
            return True
        if phrase.words[0] in _ARTICLES and len(phrase.words) == 2 and not self._article_name(i, sent_first):
            return False  # `Die Welt ist groß` is no newspaper
        if not first.text[:1].isupper():
            return False
        if phrase.acronym and not any(ch.isupper() for ch in first.text[1:]) and len(first.text) > 1:
            return False  # `Eu` is no EU, `Who` no WHO
        if i != last:
            # `CDU und CSU` are two parties, not the alias of their union
            return "und" not in phrase.words or not self.lex.phrases.get(phrase.words[0])
        if first.pos.startswith(_CLOSED_CLASSES):
            return False  # `Über` is no Uber
        if isinstance(entry, Place) and self._person_evidence(i, sent_first):
            return False  # `Genosse X`, `…", so X.`: a person who bears a town's name
        if entry.label in ("GPE", "LOC") and phrase.via in ("name", "form", "alias", "metonym"):
            return True
        # one word: a common noun that names an entry only as an alias (`Welt`, `Kommission`)
        # or a surname that is also a word (`Weil`, `Koch`) must look like a name
        common_word_name = getattr(entry, "kind", "") in _COMMON_WORD_KINDS and first.pos.startswith("NN")
        if phrase.via in ("surname", "demonym") or phrase.via == "alias" and not getattr(entry, "kind", "").startswith("party") or common_word_name:
            if first.pos == "NE" or first.pos == "FM":
                return True
            if is_known_word(first.text):
                return phrase.via == "demonym" and first.pos.startswith("NN")
            return i != sent_first or first.pos.startswith("NN")
        return True

    def _kb_found(self, entry: Entry, via: str, first: int, last: int) -> _Found | None:
        article = self.tokens[first]
        if last > first and article.lower in _ARTICLES and not (article.text[:1].isupper() and first > self.doc.sentences[article.sent].first_token):
            first += 1  # `den Niederlanden`: the article is no part of the name (but `Der Spiegel` mid-sentence is)
        if last > first and self._descriptor(first, last, entry):
            first += 1  # `Nachrichtenagentur AFP`: the kind of thing is no part of the name
        if via == "demonym":
            if first > 0 and self.tokens[first - 1].lower in _SINGULAR_ARTICLES:
                return None  # `der Norweger`: one person, a nominal reference (coreference)
            return _Found(first, last, "GPE", "demonym", entry)
        if via == "metonym" and isinstance(entry, Country | Organisation):
            return self._metonym(entry, first, last)
        word = self.tokens[first].text
        if first == last and "-" in word[1:-1] and self._owner(word.split("-", 1)[0]) not in (None, entry):
            via = "name_with_part"  # `EU-Kommission`, `US-Notenbank`: a name built on another one
        return _Found(first, last, _label(entry), via, entry)

    def _descriptor(self, first: int, last: int, entry: Entry) -> bool:
        head = self.tokens[first]
        if not head.pos.startswith("NN") or not is_known_word(head.text) or head.text in self.lex.org_words:
            return False
        rest = " ".join(t.text for t in self.tokens[first + 1 : last + 1])
        return any(m.entry is entry for m in self.kb.match(rest))

    def _metonym(self, entry: Entry, first: int, last: int) -> _Found:
        """`Moskau`: the government of Russia, or the place (`in Moskau`)."""
        text = " ".join(t.text for t in self.tokens[first : last + 1])
        # `Brüssel` is the EU, `Karlsruhe` the court, only as actors in a text that names them
        if not self._locative(first):
            entry = next((m.entry for m in self.lex.match(text) if m.via == "metonym" and isinstance(m.entry, Organisation)
                          and self._named_elsewhere(m.entry)), entry)
        if isinstance(entry, Organisation) and (self._locative(first) or not self._named_elsewhere(entry)):
            country = self.kb.country(text)
            if country is None:
                place = self.lex.places.get(text)
                return _Found(first, last, "LOC", "metonym", None, country=place[0] if place else entry.country, name=text)
            entry = country
        capital = isinstance(entry, Country) and entry.capital and _fold(entry.capital) == _fold(text.rstrip("s"))
        if capital and self._locative(first):
            return _Found(first, last, "LOC", "metonym", None, country=entry.id, name=entry.capital)
        return _Found(first, last, "GPE" if isinstance(entry, Country) else _label(entry), "metonym", entry, role=GOVERNMENT, sector="GOV")

    def _named_elsewhere(self, entry: Organisation) -> bool:
        if self._words is None:
            self._words = {_fold(t.text) for t in self.tokens}
        return any(_fold(n) in self._words for n in (entry.name, *entry.aliases, *entry.abbr) if " " not in n)

    def _locative(self, i: int) -> bool:
        """`in Moskau`, `nach Minsk und Moskau`: a preposition of place before the name (or its coordination)."""
        j = i - 1
        while j >= 0 and (self.tokens[j].text in (",", "und", "oder", "sowie") or self.taken[j] and self.tokens[j].text[:1].isupper()):
            j -= 1
        return j >= 0 and self.tokens[j].lower in self.lex.locatives and self.tokens[j].sent == self.tokens[i].sent

    # -- 2. hyphen compounds ----------------------------------------------------------------
    def _compound(self, i: int) -> _Found | None:
        token = self.tokens[i]
        if "-" not in token.text[1:-1] or not token.text[:1].isupper():
            return None
        prefix, rest = token.text.split("-", 1)
        if prefix in self.lex.first_names and rest in self.lex.first_names:
            return None  # `Karl-Heinz`
        owner = self._owner(prefix)
        if owner is None:
            return None
        if self.lex.is_title(token.text) and self.kb.resolve_title(token.text):
            return self._title_found(i, i, token.text)
        if token.pos == "NE" and isinstance(owner, Place | Country) and not self._common_compound(token.text):
            return _Found(i, i, "LOC", "pattern", country=_country_of(owner))  # `Berlin-Charlottenburg`
        end = token.start + len(prefix)
        return _Found(i, i, _label(owner), "compound", owner, start=token.start, end=end)

    def _owner(self, prefix: str) -> Entry | None:
        for match in self.lex.match(prefix) or self.lex.match(prefix + "-"):
            if match.via in ("name", "alias", "abbr", "form", "adjective", "metonym") and not isinstance(match.entry, Person):
                return match.entry
        return None

    # -- 3. country adjective + actor noun or title -----------------------------------------
    def _adjective_actor(self, i: int, stop: int) -> _Found | None:
        token = self.tokens[i]
        if not token.pos.startswith("ADJ") or i + 1 >= stop:
            return None
        country = self._adjective_country(token.text)
        if country is None:
            return None
        head = self.tokens[i + 1]
        sector = self.lex.actor_nouns.get(head.text)
        if sector:
            return _Found(i, i + 1, "GPE", "adjective", country, role=head.lemma or head.text, sector=sector)
        if self.lex.is_title(head.text):
            found = self._title_found(i, i + 1, f"{token.text} {head.text}")
            if found.entry is not None or self._name_after(i + 1) is not None:
                return found
        return None

    def _adjective_country(self, word: str) -> Country | None:
        return self.lex.country_adjective(word)

    # -- titles -----------------------------------------------------------------------------
    def _bare_title(self, i: int) -> _Found | None:
        """`Bundeskanzlerin`, `Generalsekretär`: a title of the knowledge base."""
        word = self.tokens[i].text
        if not word[:1].isupper() or not self.lex.is_title(word) or not self.kb.resolve_title(word):
            return None
        return self._title_found(i, i, word)

    def _title_found(self, first: int, last: int, title: str) -> _Found:
        """A title; followed by a name it becomes that name's role (step `_roles`), alone it
        names the office holder at the document date when the title says whose office it is."""
        holder = self._holder(title) if self._name_after(last) is None else None
        return _Found(first, last, "PER", "title", holder, role=_role_text(self.tokens[first : last + 1]))

    def _holder(self, title: str) -> Person | None:
        if self.date is None:
            return None
        readings = self.kb.resolve_title(title)
        if not readings or any(of is None for _, of, _ in readings):
            return None  # `der Präsident`: whose? left to coreference
        holders = self.kb.office_holders(title, on_date=self.date)
        return holders[0] if holders else None

    def _name_after(self, i: int) -> int | None:
        j = i + 1
        if j < len(self.tokens) and self.tokens[j].sent == self.tokens[i].sent and self._namelike(self.tokens[j]):
            return j
        return None

    def _namelike(self, t: Token) -> bool:
        return t.text[:1].isupper() and (t.pos in ("NE", "FM") or t.text in self.lex.first_names or not is_known_word(t.text)) and t.text not in self.lex.not_names

    # -- 4. unknown names -------------------------------------------------------------------
    def _unknown_names(self, first: int, stop: int) -> list[_Found]:
        out: list[_Found] = []
        i = first
        while i < stop:
            if self.taken[i] or not self._starts_name(i, first):
                i += 1
                continue
            j = i
            while j + 1 < stop and not self.taken[j + 1] and self._continues_name(j + 1):
                j += 1
            if i > first and not self.taken[i - 1] and self._institution_noun(self.tokens[i - 1]):
                hit = _Found(i - 1, j, "ORG", "pattern")  # `Realschule Spaichingen`
            else:
                hit = self._classify(i, j, first)
            if hit:
                out.append(hit)
                self._take(hit)
            i = j + 1
        return out

    def _starts_name(self, i: int, sent_first: int) -> bool:
        t = self.tokens[i]
        if not t.text[:1].isupper() or t.text in self.lex.not_names or self.lex.is_title(t.text) or not _wordlike(t.text):
            return False
        if "-" in t.text and self._common_compound(t.text) and not all(p in self.lex.first_names for p in t.text.split("-")):
            return False  # `Diakonie-Spendenkonto`, `Zugmaschinen-Anhänger`
        if t.text.isupper() and len(t.text) > 3 and t.text.title() in self.lex.places:
            return True  # `BOCHUM` in a dateline
        if _WEB_DOMAIN.match(t.text):
            return True
        if t.pos == "FM":
            return self._namelike_next(i) and t.text.isalpha()
        if t.pos == "NE":
            # a capitalised word at the start of a sentence that the tagger knows is no name by itself
            return self._interview_speaker(i, sent_first) or not (i == sent_first and is_known_word(t.text) and not self._namelike_next(i)
                        and t.text not in self.lex.first_names and t.text not in self.lex.places)
        if _strip_genitive(t.text) in self.surnames:
            return True  # `Musterfrau` after `Erika Musterfrau`
        if t.pos.startswith("NN") and not is_known_word(t.text):
            # `Fußball-Experte Sammer`; `in Witten`; `Musterwerk AG`
            return (i > sent_first and (self._person_context(i, self.tokens[i - 1]) or self._kind_noun_before(i))
                    or t.text in self.lex.places or i + 1 < len(self.tokens) and self.tokens[i + 1].text in self.lex.org_words
                    or self._so_attribution(i))
        if t.pos.startswith("ADJ") and i > sent_first and i + 1 < len(self.tokens) and self.tokens[i + 1].text in self.lex.org_words:
            return True  # `Deutsche Bank`
        return t.text in self.lex.org_words and len(t.text) > 1 and t.text.isupper()  # `FC Bayern`, `SV Werder`

    @staticmethod
    def _common_compound(word: str) -> bool:
        head = word.rsplit("-", 1)[1]
        return len(head) > 3 and head[:1].isupper() and is_known_word(head)

    def _namelike_next(self, i: int) -> bool:
        return i + 1 < len(self.tokens) and self.tokens[i + 1].sent == self.tokens[i].sent and self.tokens[i + 1].pos in ("NE", "FM")

    def _continues_name(self, j: int) -> bool:
        t = self.tokens[j]
        if t.text in self.lex.not_names or not t.text[:1].isupper():
            return t.text in ("von", "van", "de", "der", "da", "di", "del", "le", "la", "bin") and j + 1 < len(self.tokens) and self._namelike(self.tokens[j + 1])
        if t.pos in ("NE", "FM") or t.text in self.lex.org_words:
            return True
        # `Jinping` in `Xi Jinping`, `Klee` in `Paul Klee`, `Kocht` in `Roland Kocht`: after a first name, any
        # capitalised noun or "verb" (no verb is capitalised inside a sentence) that is no title
        return self.tokens[j - 1].text in self.lex.first_names and (
            t.pos.startswith(("NN", "V")) and not self.lex.is_title(t.text))

    def _classify(self, i: int, j: int, sent_first: int) -> _Found | None:
        while j > i and self.tokens[j].text in ("von", "van", "de", "der", "da", "di", "del", "le", "la", "bin"):
            j -= 1
        words = [t.text for t in self.tokens[i : j + 1]]
        before = self.tokens[i - 1] if i > sent_first else None
        label = self._label_of(words, i, j, before)
        if label is None:
            return None
        guessed = label.startswith(_GUESS)
        label = label.removeprefix(_GUESS)
        country = None
        if label == "LOC":
            joined = " ".join(words).title() if " ".join(words).isupper() else " ".join(words)
            place = self.lex.places.get(joined) or self.lex.places.get(joined[:-1] if joined.endswith("s") else "")
            country = place[0] if place else None
        return _Found(i, j, label, "pattern", None, country=country, guessed=guessed)

    def _label_of(self, words: list[str], i: int, j: int, before: Token | None) -> str | None:
        lex = self.lex
        if i == j and i in self.abbreviated:
            return self.abbreviated[i]
        if len(words) == 1 and _WEB_DOMAIN.match(words[0]):
            return "ORG"  # `Musterladen.de`: a web business or medium
        if any(w in lex.org_words for w in words) or words[-1].lower().endswith(lex.org_suffixes) and len(words) == 1 and not self._person_context(i, before):
            return "ORG"
        head = before.text.lower() if before is not None and before.text[:1].isupper() and before.pos.startswith("NN") else ""
        if head.endswith(lex.org_heads):
            return "ORG"  # `der Autobauer Tesla`
        if head.endswith(lex.loc_heads):
            return "LOC"  # `die Gemeinde Swisttal`
        if head.endswith(lex.thing_heads):
            return None  # `Orkan Xaveria`, `der Wirkstoff Musterolin`
        sent_first = self.doc.sentences[self.tokens[i].sent].first_token
        single = words[0] if len(words) == 1 else None
        if self._person_context(i, before) or self._party_after(j) or single and (
                _strip_genitive(single) in self.surnames or self._so_attribution(i) or self._interview_speaker(i, sent_first)):
            return "PER"
        if single and self._speaker_slot(i, sent_first) and single not in lex.places:
            return "PER"  # `Musterstadt findet …`: a town that speaks is still a town for NER
        if len(words) == 2 and words[0] in lex.place_openers:
            return "LOC"  # `San Remo`: `San` is also a first name
        if len(words) >= 2 and words[0] in lex.first_names:
            return "PER"
        joined = " ".join(words)
        if joined.isupper() and len(joined) > 3:
            joined = joined.title()  # `BOCHUM` in a dateline
        if (joined in lex.places or joined.endswith("s") and joined[:-1] in lex.places):
            return "LOC"
        if before is not None and before.lower in lex.locatives and len(words) <= 2:
            return "LOC"
        if single and single in lex.first_names:
            return "PER"
        if all(w.isupper() and len(w) > 1 for w in words):
            return "ORG"
        if before is not None and (before.pos == "ART" or before.pos.startswith("ADJ") and before.text[:1].islower()):
            return None  # no article before a person's name; `die Schufa`, `der neue Meriva`: too often a product to guess
        if before is not None and before.text in _QUOTE_MARKS:
            return None  # `„Purple Wombats“`: a work's title, no actor
        if len(words) >= 2:
            # two unknown names: a person when the last is a tagger name, else a foreign-language
            # organisation name (always with an initialism in it: `ABC Musterwerke`)
            person = self.tokens[j].pos == "NE" and self.tokens[i].pos == "NE" and not any(w.isupper() for w in words)
            return _GUESS + ("PER" if person else "ORG")
        # one unknown name: a person (a surname) where the tagger calls it a name it does not know;
        # a name it knows (`Nord`, `Air`, `Land`) is as often a part of something else, and one
        # built of known words (`Handballfans`) a noun the tagger did not know
        if self.tokens[i].pos != "NE" or is_known_word(words[0]) or self._noun_compound(words[0]):
            return None
        return _GUESS + ("LOC" if words[0].lower().endswith(lex.place_suffixes) and words[0] not in lex.first_names else "PER")

    def _noun_compound(self, word: str) -> bool:
        """`Handballfans`, `Kursbasis`: known words joined, not a surname (`Bergmann`) or initialism."""
        low = word.lower()
        if not word.isalpha() or word[1:].lower() != word[1:] or low.endswith(self.lex.surname_heads):
            return False
        return _splits_into_words(low)

    def _speaker_slot(self, i: int, sent_first: int) -> bool:
        """A name right after a speech verb in the singular (`sagte Peters`) or opening a sentence
        right before one (`Peters betonte`): the speaker, a person more often than not."""
        def speech_verb(k: int) -> bool:
            if not 0 <= k < len(self.tokens) or self.tokens[k].sent != self.tokens[i].sent:
                return False
            v = self.tokens[k]
            return v.pos.startswith("VV") and v.lemma.lower() in self.lex.speech_verbs and not v.text.endswith("n")
        return speech_verb(i - 1) or i == sent_first and speech_verb(i + 1) or self._so_attribution(i) or self._interview_speaker(i, sent_first)

    def _interview_speaker(self, i: int, sent_first: int) -> bool:
        """`Peters: „Wir …`, `Peters: Ich …`: a name opening a sentence before a colon and a quotation or pronoun."""
        if i != sent_first or i + 2 >= len(self.tokens) or self.tokens[i + 1].text != ":":
            return False
        t, said = self.tokens[i], self.tokens[i + 2]
        if t.pos.startswith("NN") and is_known_word(t.text):
            return False  # `Frage: Wie …`
        return said.sent == t.sent and (said.text in _QUOTE_MARKS or said.pos == "PPER" and said.text[:1].isupper())

    def _so_attribution(self, i: int) -> bool:
        """`…", so Peters.`: a name closing a quotation after `so` is its speaker."""
        if i < 2 or self.tokens[i - 1].lower != "so" or i + 1 >= len(self.tokens):
            return False
        return self.tokens[i - 2].text in _COMMA_OR_QUOTE and self.tokens[i + 1].text in (".", "!", ";")

    def _institution_noun(self, t: Token) -> bool:
        return t.text[:1].isupper() and t.pos.startswith("NN") and t.text.lower().endswith(self.lex.institution_suffixes)

    def _kind_noun_before(self, i: int) -> bool:
        """`Gemeinde Swisttal`, `Softwarekonzern Saperion`: a noun saying what the next word names."""
        before = self.tokens[i - 1]
        return before.pos.startswith("NN") and before.text.lower().endswith(self.lex.org_heads + self.lex.loc_heads)

    def _person_context(self, i: int, before: Token | None) -> bool:
        return before is not None and (self.lex.is_title(before.text) or before.text in self.lex.person_titles)

    def _party_after(self, j: int) -> bool:
        """`Angela Merkel (CDU)`, `Hans Meier (54)`."""
        if j + 3 >= len(self.tokens) or self.tokens[j + 1].text != "(" or self.tokens[j + 3].text != ")":
            return False
        inside = self.tokens[j + 2].text
        if _PARENTHESIS_AGE.match(inside):
            return True
        return any(getattr(e, "kind", "") == "party" for e in self.kb.lookup(inside))

    # -- roles ----------------------------------------------------------------------------------
    def _roles(self, found: list[_Found], sent_first: int) -> None:
        """A title right before a person becomes its role; the title itself is no mention then."""
        by_first = {f.first: f for f in found}
        for f in list(found):
            if f.label != "PER" or f.via == "title":
                continue
            title = by_first.get(f.first - 1) if f.first > sent_first else None
            if title is not None and title.via == "title" and title.last == f.first - 1:
                f.role, f.role_tokens = title.role, (title.first, title.last)
                found.remove(title)
            elif f.first > sent_first and self.lex.is_title(self.tokens[f.first - 1].text):
                k = f.first - 1
                if k > sent_first and self._adjective_country(self.tokens[k - 1].text) and self.tokens[k - 1].pos.startswith("ADJ"):
                    k -= 1
                f.role, f.role_tokens = _role_text(self.tokens[k : f.first]), (k, f.first - 1)
        found[:] = [f for f in found if f.via != "title" or f.entry is not None]

    # -- mentions ---------------------------------------------------------------------------
    def _mention(self, f: _Found) -> Mention:
        mention = self._bare_mention(f)
        if f.role_tokens is not None:
            mention.role_span = self.doc.span(self.tokens[f.role_tokens[0]].start, self.tokens[f.role_tokens[1]].end)
        return mention

    def _bare_mention(self, f: _Found) -> Mention:
        start = f.start if f.start is not None else self.tokens[f.first].start
        end = f.end if f.end is not None else self.tokens[f.last].end
        text = self.doc.text[start:end]
        entry = f.entry
        if entry is None:
            name = f.name or _strip_genitive(text) if f.via == "pattern" else f.name or text
            gender = self.lex.first_names.get(text.split()[0]) if f.label == "PER" and " " in text else None
            return Mention(start, end, text, f.label, None, name, f.country, f.role, None, f.via, f.first, f.last, gender, f.sector)
        if isinstance(entry, Person) and f.via == "surname" and not self._surname_link_ok(entry):
            entry = None
        country = _country_of(entry) if entry is not None else f.country
        gender = entry.gender if isinstance(entry, Person) else None
        return Mention(start, end, text, f.label, entry.id if entry else None, entry.name if entry else _strip_genitive(text),
                       country, f.role, None, f.via, f.first, f.last, gender, f.sector)

    def _surname_link_ok(self, person: Person) -> bool:
        """A bare surname names a knowledge-base person only when that person was in office then
        (or, without a date, is prominent) and no one else of that surname was."""
        rivals = [e for e in self.kb.lookup(person.surname or person.name) if isinstance(e, Person)]
        in_office = [p for p in rivals if p.offices_on(self.date)] if self.date else []
        if in_office:
            return in_office[0] is person and (len(in_office) == 1 or in_office[1].prominence < person.prominence)
        # undated, or nobody of that name in office then (the stated date may be wrong): the one
        # prominent bearer of the name
        return person.prominence >= 3 and (len(rivals) == 1 or rivals[1].prominence < person.prominence)

    def _link_surnames(self, mentions: list[Mention]) -> None:
        """A last name after the full name is that person (`Jens Stoltenberg … Stoltenberg`)."""
        full: dict[str, Mention] = {}
        for m in mentions:
            if m.label != "PER" or m.via == "title":
                continue
            words = (m.name or m.text).split()
            if len(m.text.split()) >= 2:
                full[_fold(words[-1])] = m
                continue
            earlier = full.get(_fold(_strip_genitive(m.text)))
            if earlier is not None:
                m.kb_id, m.name, m.country = earlier.kb_id, earlier.name, earlier.country
                m.gender = m.gender or earlier.gender


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
    tokens = [t for t in tokens if t.lower not in _ARTICLES] or tokens
    if len(tokens) == 1:
        t = tokens[0]
        return t.lemma if t.pos.startswith("NN") and t.lemma and t.text.startswith(t.lemma) else t.text
    return " ".join(t.text for t in tokens)


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
