"""The finder's last step: runs of proper nouns the knowledge base does not know, labelled by their context."""

from __future__ import annotations

from lagebild.document import Token
from lagebild.layers.entities.found import (
    _english_phrase,
    _Found,
    _splits_into_words,
    _State,
    _strip_genitive,
    _wordlike,
)
from lagebild.layers.entities.model import (
    _COMMA_OR_QUOTE,
    _GUESS,
    _PARENTHESIS_AGE,
    _QUOTE_MARKS,
    _WEB_DOMAIN,
)
from lagebild.nlp.morphology import is_known_word


class _UnknownNames(_State):
    """Proper nouns the knowledge base does not know: the last step of `finder._Finder`."""

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
        if t.text in self.surnames or _strip_genitive(t.text) in self.surnames:
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
                single in self.surnames or _strip_genitive(single) in self.surnames or self._so_attribution(i) or self._interview_speaker(i, sent_first)):
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
        if _english_phrase(words):
            return None  # `Large Hadron Collider`, `Chief Executive Officer`: an English name of a thing or an office
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
