"""The names, titles and word classes the entity layer looks up, built once per knowledge base."""

from __future__ import annotations

from functools import lru_cache

from lagebild.kb import Country, KnowledgeBase
from lagebild.kb.gazetteer import first_names, place_names
from lagebild.kb.model import fold
from lagebild.lang import read_rows, speech_lexicon
from lagebild.layers.entities.model import _MAX_PHRASE, _Phrase

_VIA_ORDER = {"name": 0, "alias": 1, "abbr": 1, "form": 2, "metonym": 3, "adjective": 4, "demonym": 4, "surname": 5}
_LEXICONS: dict[int, tuple[KnowledgeBase, Lexicon]] = {}


class Lexicon:
    """The indexes the recogniser scans with: knowledge-base phrases by first word, titles, word classes."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.phrases: dict[str, list[_Phrase]] = {}
        for text, entry_id, via in kb.alias_items():
            if via == "code":
                continue
            words = tuple(fold(w) for w in _alias_words(text))
            if not words or len(words) > _MAX_PHRASE:
                continue
            letters = [ch for ch in text if ch.isalpha()]
            entry = kb.get(entry_id)
            common = entry is not None and entry.is_common_noun(text)
            phrase = _Phrase(words, entry_id, via, 1 < len(letters) <= 6 and all(c.isupper() for c in letters), text[:1].islower(), common)
            self.phrases.setdefault(words[0], []).append(phrase)
        for phrases in self.phrases.values():
            phrases.sort(key=lambda p: (-len(p.words), _VIA_ORDER.get(p.via, 9)))
        classes = {kind: items.split() for kind, items in read_rows("de", "entities.tsv")}
        self.person_titles = frozenset(classes["person_title"])
        self.title_suffixes = tuple(classes["person_title_suffix"])
        self.org_words = frozenset(classes["org_word"])
        self.org_suffixes = tuple(classes["org_suffix"])
        self.company_words = frozenset(classes["company_word"])
        self.locatives = frozenset(classes["locative_preposition"])
        self.actor_nouns = {w: "GOV" for w in classes["actor_noun_gov"]} | {w: "MIL" for w in classes["actor_noun_mil"]}
        self.not_names = frozenset(classes["not_a_name"])
        self.loc_words = frozenset(classes["loc_word"])
        self.loc_suffixes = tuple(classes["loc_suffix"])
        self.club_prefixes = frozenset(classes["club_prefix"])
        self.org_heads = tuple(classes["org_head_suffix"])
        self.institution_suffixes = tuple(classes["institution_suffix"])
        self.public_body_prefixes = tuple(classes["public_body_prefix"])
        self.speech_verbs = frozenset(speech_lexicon().cues)
        self.loc_heads = tuple(classes["loc_head_suffix"])
        self.thing_heads = tuple(classes["thing_head_suffix"])
        self.place_openers = frozenset(classes["place_opener"])
        self.place_suffixes = tuple(classes["place_suffix"])
        self.surname_heads = tuple(classes["surname_head"])
        self.pronouns = {w: "m" for w in classes["pronoun_m"]} | {w: "f" for w in classes["pronoun_f"]}
        self.first_names = first_names()
        self.places = place_names()
        self._titles: dict[str, bool] = {}
        self._matches: dict[str, tuple] = {}

    def match(self, word: str) -> tuple:
        """`kb.match`, remembered per word form (the scanners ask for the same words again and again)."""
        found = self._matches.get(word)
        if found is None:
            found = self._matches[word] = tuple(self.kb.match(word))
        return found

    def country_adjective(self, word: str) -> Country | None:
        return next((m.entry for m in self.match(word) if m.via == "adjective" and isinstance(m.entry, Country)), None)

    def demonym_country(self, word: str) -> Country | None:
        return next((m.entry for m in self.match(word) if m.via == "demonym" and isinstance(m.entry, Country)), None)

    def is_title(self, word: str) -> bool:
        """A role noun (`Generalsekretär`, `Kreml-Chef`, `Bundeskanzlerin`, `Sprecher`)."""
        known = self._titles.get(word)
        if known is None:
            low = word.lower()
            known = word[:1].isupper() and (
                word in self.person_titles
                or low.endswith(self.title_suffixes)
                or bool(self.kb.resolve_title(word)))
            self._titles[word] = known
        return known


def lexicon_for(kb: KnowledgeBase) -> Lexicon:
    """The lexicon of `kb`, built on first use and kept for the process."""
    held = _LEXICONS.get(id(kb))
    if held is None or held[0] is not kb:
        held = (kb, Lexicon(kb))
        _LEXICONS[id(kb)] = held
    return held[1]


def _alias_words(text: str) -> list[str]:
    """Words as the tokenizer splits them: `Bonaire, Sint Eustatius` → Bonaire , Sint Eustatius."""
    words = []
    for word in text.split():
        tail = []
        while len(word) > 1 and word[-1] in ",;:)":
            tail.insert(0, word[-1])
            word = word[:-1]
        if word[:1] == "(" and len(word) > 1:
            words.append("(")
            word = word[1:]
        words.append(word)
        words.extend(tail)
    return words


@lru_cache(maxsize=100_000)
def _fold(word: str) -> str:
    return fold(word)



@lru_cache(maxsize=1)
def _english_tagger():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_en.pgz")


@lru_cache(maxsize=50_000)
def english_word_tags(word: str) -> frozenset[str]:
    """The tags HanTa's English lexicon knows `word` with (BNC tags: `NN1`, `NN2`, `AJ0`, `VVG`, `NP0` …)."""
    tagger = _english_tagger()
    return frozenset(tagger.int2tag[tag] for tag, _ in tagger.cache.get(word.lower(), ()))
