"""Steps 1–4 of the finder: knowledge-base names, hyphen compounds, country adjectives and titles."""

from __future__ import annotations

from lagebild.document import Token
from lagebild.kb import Country, Entry, Organisation, Person, Place
from lagebild.lang.de.function_words import DEFINITE_ARTICLES
from lagebild.layers.entities.found import (
    _country_of,
    _Found,
    _label,
    _phrase_key,
    _role_text,
    _significant_word,
    _State,
)
from lagebild.layers.entities.lexicon import _fold
from lagebild.layers.entities.model import (
    _CLOSED_CLASSES,
    _COMMON_WORD_KINDS,
    _QUOTE_MARKS,
    _SINGULAR_ARTICLES,
    GOVERNMENT,
    _Phrase,
)
from lagebild.nlp.morphology import is_known_word


class _KnownNames(_State):
    """Names the knowledge base knows, compounds, adjectives and titles: steps 1–4 of `finder._Finder`."""

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
            entry = self._local_reading(phrase, entry, candidates, i, sent_first)
            found = self._kb_found(entry, phrase.via, i, last)
            if found is not None:
                found.common_noun = phrase.common
                return found
        return None

    def _local_reading(self, phrase: _Phrase, entry: Entry, candidates: list[_Phrase], i: int, sent_first: int) -> Entry:
        """`die Sozialdemokraten` in a text about Austria are the SPÖ: of the entries one name gives, the
        one of the country the document speaks of most (the first, home-country entry on a tie)."""
        rivals = [p for p in candidates if p.words == phrase.words and p.entry_id != phrase.entry_id]
        if not rivals or isinstance(entry, Person):
            return entry  # people: the office at the document date decides (`_surname_link_ok`)
        last = i + len(phrase.words) - 1
        readings = [entry, *(e for p in rivals if (e := self.kb.get(p.entry_id)) is not None
                             and e.label == entry.label and self._plausible(p, e, i, last, sent_first))]
        countries = self._document_countries()
        best = max(readings, key=lambda e: countries.get(_country_of(e) or "", 0))
        return best if countries.get(_country_of(best) or "", 0) > countries.get(_country_of(entry) or "", 0) else entry

    def _document_countries(self) -> dict[str, int]:
        """How often the document names each country: by name, adjective, a town or an organisation of it."""
        if self._countries is None:
            counts: dict[str, int] = {}
            for t in self.tokens:
                country = self._country_named(t.text) if t.text[:1].isalpha() else None
                if country:
                    counts[country] = counts.get(country, 0) + 1
            self._countries = counts
        return self._countries

    def _country_named(self, word: str) -> str | None:
        adjective = self.lex.country_adjective(word) if word[:1].islower() else None
        if adjective is not None:
            return adjective.id
        if not word[:1].isupper():
            return None
        for match in self.lex.match(word):
            if match.via in ("name", "abbr", "form", "metonym") and not isinstance(match.entry, Person):
                return _country_of(match.entry)
        place = self.lex.places.get(word)
        return place[0] if place else None

    def _article_name(self, i: int, sent_first: int) -> bool:
        """`Die Welt` with its article as part of a title: capitalised inside a sentence; where a
        sentence, quotation or colon opens (`„Die Zeit ist reif“`) only as a quoted title, as a
        name to the tagger, or before a verb of saying (`Die Zeit berichtet`)."""
        article = self.tokens[i]
        opens = i == sent_first or self.tokens[i - 1].text in _QUOTE_MARKS or self.tokens[i - 1].text == ":"
        if not opens:
            return article.text[:1].isupper()
        after = self.tokens[i + 2] if i + 2 < len(self.tokens) else None
        quoted = i > sent_first and self.tokens[i - 1].text in _QUOTE_MARKS and after is not None and after.text in _QUOTE_MARKS
        reports = after is not None and after.pos.startswith("VV") and after.lemma.lower() in self.lex.speech_verbs
        return quoted or reports or self.tokens[i + 1].pos == "NE"

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
        if phrase.words[0] in DEFINITE_ARTICLES and len(phrase.words) == 2 and not self._article_name(i, sent_first):
            return False  # `Die Welt ist groß` is no newspaper
        if not first.text[:1].isupper():
            return False
        if phrase.acronym and not any(ch.isupper() for ch in first.text[1:]) and len(first.text) > 1:
            return False  # `Eu` is no EU, `Who` no WHO
        if i != last:
            # `CDU und CSU` are two parties, not the alias of their union
            return "und" not in phrase.words or not self.lex.phrases.get(phrase.words[0])
        if first.pos.startswith(_CLOSED_CLASSES) and not (first.pos.startswith("V") and i != sent_first):
            return False  # `Über` is no Uber; but no verb is capitalised inside a sentence (`gründen: Google`)
        if isinstance(entry, Place) and self._person_evidence(i, sent_first):
            return False  # `Genosse X`, `…", so X.`: a person who bears a town's name
        if entry.label in ("GPE", "LOC") and phrase.via in ("name", "form", "alias", "metonym"):
            return True
        if _phrase_key(phrase) in entry.definite_aliases:
            return self._definite_not_prepositional(i)
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

    def _definite_not_prepositional(self, i: int) -> bool:
        """`die Bahn erhöht`, `Sprecher der Bahn`, but not `mit der Bahn`, `Bahn fahren`."""
        if i < 1 or self.tokens[i - 1].lower not in ("die", "der", "des") or self.tokens[i - 1].sent != self.tokens[i].sent:
            return False
        return i < 2 or not self.tokens[i - 2].pos.startswith("APPR")

    def _kb_found(self, entry: Entry, via: str, first: int, last: int) -> _Found | None:
        article = self.tokens[first]
        capital_article = article.text[:1].isupper() and (first > self.doc.sentences[article.sent].first_token or entry.kind == "media")
        if last > first and article.lower in DEFINITE_ARTICLES and not capital_article:
            first += 1  # `den Niederlanden`: the article is no part of the name (but `Der Spiegel` is)
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
        # a date of a year or a month may span two terms (`der Papst` in 2013): the holder the text names
        return next((p for p in holders if self._named_in_text(p)), holders[0]) if holders else None

    def _named_in_text(self, person: Person) -> bool:
        if self._words is None:
            self._words = {_fold(t.text) for t in self.tokens}
        return any(_fold(_significant_word(name)) in self._words for name in (person.surname or person.name, *person.aliases))

    def _name_after(self, i: int) -> int | None:
        j = i + 1
        if j < len(self.tokens) and self.tokens[j].sent == self.tokens[i].sent and self._namelike(self.tokens[j]):
            return j
        return None

    def _namelike(self, t: Token) -> bool:
        return t.text[:1].isupper() and (t.pos in ("NE", "FM") or t.text in self.lex.first_names or not is_known_word(t.text)) and t.text not in self.lex.not_names
