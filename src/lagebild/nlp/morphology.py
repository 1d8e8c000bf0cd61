"""Part of speech, lemma and inflection per token (HanTa, the Hanover Tagger).

HanTa ships its German model inside the package, so this works offline.
"""

from __future__ import annotations

from functools import lru_cache

from lagebild.document import Document
from lagebild.nlp.hanta_fast import FastAnalyzer

_MAX_SENTENCE = 200
STTS = {"NNA": "NN"}  # HanTa's nominalised adjectives (die Delegierten) are nouns in STTS
QUOTE_CHARACTERS = set("„“”\"»«‚‘’‹›‟'")  # HanTa's Viterbi is linear, but very long "sentences" are split for memory


def load_tagger(fast: bool = True):
    """HanTa's German tagger; `fast` swaps in lagebild's faster word analysis (same results,
    see nlp/hanta_fast.py), `fast=False` is HanTa as shipped (for checks and benchmarks)."""
    from HanTa import HanoverTagger

    tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
    if fast:
        FastAnalyzer(tagger).install()
    # Word-level analyses do not depend on context: memoise them, so that a corpus pays for
    # each word form once (HanTa itself caches only the words of its training lexicon).
    tagger.analyze_forward = lru_cache(maxsize=500_000)(tagger.analyze_forward)
    tagger._analyze = lru_cache(maxsize=500_000)(tagger._analyze)
    return tagger


@lru_cache(maxsize=1)
def _tagger():
    return load_tagger()


@lru_cache(maxsize=200_000)
def _morphemes(word: str, tagger) -> tuple[str, str]:
    """(stem, inflectional suffix) of a finite verb form, e.g. werde → (werd, e)."""
    _, morphemes, _ = tagger.analyze(word, taglevel=3)
    stem = suffix = ""
    for morph, tag in morphemes:
        if tag.startswith("SUF"):
            suffix = morph
        elif tag.startswith(("V", "PREF")) and not tag.startswith("PREF"):
            stem = morph
    return stem, suffix


class Morphology:
    """Fills `pos`, `lemma`, and for finite verbs `stem` and `suffix`."""

    name = "morphology"

    def __init__(self, tagger=None) -> None:
        self._tagger = tagger  # None: the shared fast tagger, loaded on first use

    def __call__(self, doc: Document) -> None:
        tagger = self._tagger or _tagger()
        for sent in doc.sentences:
            tokens = []
            for token in doc.sentence_tokens(sent):
                if _is_quote_mark(token.text):
                    token.pos, token.lemma = "$(", token.text  # quote marks confuse HanTa's context
                else:
                    tokens.append(token)
            for offset in range(0, len(tokens), _MAX_SENTENCE):
                part = tokens[offset : offset + _MAX_SENTENCE]
                for token, (_, lemma, pos) in zip(part, tagger.tag_sent([t.text for t in part], taglevel=1), strict=True):
                    token.pos, token.lemma = STTS.get(pos, pos), lemma
                    if pos.endswith("(FIN)"):
                        token.stem, token.suffix = _morphemes(token.text, tagger)


def _is_quote_mark(text: str) -> bool:
    return all(ch in QUOTE_CHARACTERS for ch in text)


def is_known_word(word: str) -> bool:
    """Whether HanTa's lexicon knows the word form (unknown capitalised words are often names)."""
    return word.lower() in _tagger().cache
