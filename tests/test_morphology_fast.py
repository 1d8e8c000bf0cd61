"""lagebild's fast HanTa word analysis must give HanTa's results exactly (nlp/hanta_fast.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.document import Document
from lagebild.nlp.morphology import Morphology, load_tagger
from lagebild.nlp.tokenize import Tokenizer

TRICKY_WORDS = [
    # compounds, known and new
    "Bundesverteidigungsministerium", "Klimaschutzabkommen", "Waffenstillstandsverhandlungen",
    "Grenzschutzpatrouillen", "Donaudampfschifffahrtsgesellschaft", "Katastrophenschutzübung",
    # names and words HanTa has never seen
    "Tichanowskaja", "Lukaschenko", "Zelenskyy", "Quaxelbrumm", "Schnörkelfitz",
    # hyphenated words
    "Nato-Gipfel", "Kreml-Chef", "Ost-West-Konflikt", "CDU-Vorsitzende", "E-Mail-Adresse",
    # particles, short words, umlauts, sharp s
    "an", "zu", "ab", "ö", "äh", "Größe", "Übergangsregierung", "fließen", "müßte", "Äußerungen",
    # verb forms whose stem and suffix the layer reads
    "kündigte", "verabschiedeten", "werde", "sei", "hätten", "angekündigt",
    # numbers, abbreviations, odd tokens
    "1969", "12.", "11:00", "3,5", "Dr.", "z.B.", "%", "-", "…", "x", "",
]

SENTENCES = [
    "Die Übergangsregierung kündigte am Montag Neuwahlen an.",
    "Bundesaußenministerin Annalena Baerbock traf in Kiew den Präsidenten Wolodymyr Selenskyj.",
    "Laut Sprecherin Tichanowskaja sei das Ost-West-Verhältnis angespannt.",
    "Größere Äußerungen blieben aus, hieß es aus dem Kreml-Umfeld.",
    "Am 12. März 2021 um 11:00 Uhr stiegen die Preise um 3,5 % – so die Zentralbank.",
    "Quaxelbrumm und Schnörkelfitz reisten nach Ouagadougou weiter.",
    "Er gab zu, dass er die Frist hatte verstreichen lassen.",
]


@pytest.fixture(scope="module")
def taggers():
    return load_tagger(fast=False), load_tagger(fast=True)


@pytest.mark.parametrize("word", TRICKY_WORDS)
def test_word_analyses_are_hantas(taggers, word):
    reference, fast = taggers
    _assert_same_word_analysis(reference, fast, word.lower())


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="aeinrstulhgmbdcozkäöüßfwpv-.", min_size=1, max_size=18))
def test_word_analyses_of_made_up_strings_are_hantas(taggers, word):
    reference, fast = taggers
    _assert_same_word_analysis(reference, fast, word)


def test_layer_fields_are_hantas(taggers):
    reference, fast = taggers
    for text in SENTENCES:
        assert _morphology(text, Morphology(fast)) == _morphology(text, Morphology(reference)), text


def test_sentence_tags_are_hantas(taggers):
    reference, fast = taggers
    for text in SENTENCES:
        words = text.replace(",", " ,").replace(".", " .").split()
        assert fast.tag_sent(words, taglevel=3) == reference.tag_sent(words, taglevel=3)
        lower = [word.lower() for word in words]
        assert fast.tag_sent_viterbi(lower, casesensitive=False) == reference.tag_sent_viterbi(lower, casesensitive=False)


def test_known_verb_form_keeps_stem_and_suffix(taggers):
    _, fast = taggers
    [token] = [t for t in _tokens("Er werde kommen.", Morphology(fast)) if t.text == "werde"]
    assert (token.pos, token.lemma, token.stem, token.suffix) == ("VA(FIN)", "werden", "werd", "e")


def _assert_same_word_analysis(reference, fast, word: str) -> None:
    expected, got = reference.analyze_forward(word), fast.analyze_forward(word)
    assert got == expected
    assert [type(p) for _, p in got] == [type(p) for _, p in expected]  # numpy floats where HanTa sums
    for pos, _ in expected:
        assert fast.analyze_viterbi(word, -pos) == reference.analyze_viterbi(word, -pos), (word, pos)


def _tokens(text: str, morphology: Morphology) -> list:
    doc = Document.from_text(text)
    Tokenizer()(doc)
    morphology(doc)
    return doc.tokens


def _morphology(text: str, morphology: Morphology) -> list[tuple[str, str, str, str]]:
    return [(t.pos, t.lemma, t.stem, t.suffix) for t in _tokens(text, morphology)]


def test_fast_path_is_installed_for_the_verified_hanta(taggers):
    from HanTa.HanoverTagger import HanoverTagger

    from lagebild.nlp import hanta_fast

    reference, fast = taggers
    assert hanta_fast._hanta_version() in hanta_fast.VERIFIED_HANTA
    assert fast.analyze_forward.__wrapped__.__func__ is hanta_fast._forward
    assert reference.analyze_forward.__wrapped__.__func__ is HanoverTagger.analyze_forward
