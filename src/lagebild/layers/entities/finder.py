"""Entity mentions: people, organisations, countries and places, linked to the knowledge base.

Per sentence, left to right; at each token the first of these that applies wins:
0. a dateline's agency (`Berlin (ots) -`), a name abbreviated in parentheses
   (`Bundesverband deutscher Musterfirmen (BdM)`), a name broken at its hyphen, a club name
   opened by `FC`, `SV`, `TSV` … (`1. FC Nürnberg`) or an initialism before a town (`HSC
   Musterstadt`), a quoted organisation name (`„Greenpeace Jugend Nord“`);
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

The steps live in `patterns.py` (0 and 5), `known.py` (1–4) and `unknown.py` (the rest), as
parts of one class over the state of `found.py`; this module runs them and makes the mentions.
"""

from __future__ import annotations

from lagebild.document import Document
from lagebild.kb import KnowledgeBase, Person, load_kb
from lagebild.layers.entities.found import (
    _country_of,
    _Found,
    _role_text,
    _strip_genitive,
)
from lagebild.layers.entities.known import _KnownNames
from lagebild.layers.entities.lexicon import _fold, lexicon_for
from lagebild.layers.entities.model import (
    _COORDINATED_LABEL,
    _COORDINATION,
    Mention,
)
from lagebild.layers.entities.patterns import _Patterns
from lagebild.layers.entities.unknown import _UnknownNames
from lagebild.nlp.morphology import is_known_word


class EntityRecognizer:
    """Adds `doc.layers["entities"]`: `Mention`s sorted by start."""

    name = "entities"

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()
        self.lexicon = lexicon_for(self.kb)

    def __call__(self, doc: Document) -> None:
        doc.layers["entities"] = _Finder(doc, self.lexicon).run()


class _Finder(_Patterns, _KnownNames, _UnknownNames):
    """One document's mentions: the steps of the module docstring, sentence by sentence."""

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
            hit = (self._dateline_agency(i, stop, first) or self._club(i, stop) or self._acronym_of_town(i, stop) or self._quoted_org(i, stop, first) or self._slashed(i, stop) or self._public_body(i, stop) or self._defined_acronym(i, stop, first)
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
                self.surnames.add(self._name_form(f.last))
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
            name = f.name or self._name_form(f.first, f.last) if f.via == "pattern" else f.name or text
            gender = self.lex.first_names.get(text.split()[0]) if f.label == "PER" and " " in text else None
            return Mention(start, end, text, f.label, None, name, f.country, f.role, None, f.via, f.first, f.last, gender, f.sector)
        if isinstance(entry, Person) and f.via == "surname" and not self._surname_link_ok(entry):
            entry = None
        country = _country_of(entry) if entry is not None else f.country
        gender = entry.gender if isinstance(entry, Person) else None
        return Mention(start, end, text, f.label, entry.id if entry else None, entry.name if entry else self._name_form(f.first, f.last),
                       country, f.role, None, f.via, f.first, f.last, gender, f.sector, common_noun=f.common_noun)

    def _name_form(self, first: int, last: int | None = None) -> str:
        """The name as written, without a genitive `s` only where it stands before its noun
        (`Zabels Entscheidung` → Zabel; `sagte Gudenus` stays Gudenus)."""
        last = first if last is None else last
        text = self.doc.text[self.tokens[first].start : self.tokens[last].end]
        after = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
        before_noun = after is not None and after.sent == self.tokens[last].sent and after.pos.startswith(("NN", "ADJ(A)"))
        return _strip_genitive(text) if before_noun or text.endswith(("'s", "’s")) else text

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
            earlier = full.get(_fold(m.text)) or full.get(_fold(_strip_genitive(m.text)))
            if earlier is not None:
                m.kb_id, m.name, m.country = earlier.kb_id, earlier.name, earlier.country
                m.gender = m.gender or earlier.gender
