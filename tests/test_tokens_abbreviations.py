"""Dotted names stay one token; abbreviations and ordinals do not end sentences, also in text
tokenised with a space before every full stop (as SpkAtt's rebuilt documents are)."""

from __future__ import annotations

import pytest

from lagebild.document import Document
from lagebild.nlp.tokenize import Tokenizer


def _sentences(text: str) -> list[list[str]]:
    doc = Document.from_text(text)
    Tokenizer()(doc)
    return [[t.text for t in doc.tokens[s.first_token : s.last_token]] for s in doc.sentences]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Die Gewerkschaft ver.di fordert mehr Geld.", "ver.di"),
        ("Ver.di-Chef Frank Bauer sagte, man werde streiken.", "Ver.di-Chef"),
        ("Laut t-online.de ist das Angebot neu.", "t-online.de"),
        ("Wie heise.de meldet, fällt der Dienst aus.", "heise.de"),
        ("Laut news.bbc.co.uk sank die Zahl.", "news.bbc.co.uk"),
        ("Der Streik von ver.di.", "ver.di"),
    ],
)
def test_dotted_name_is_one_token(text, name):
    (sentence,) = _sentences(text)
    assert name in sentence


def test_capitalised_word_after_a_missing_space_is_not_joined():
    tokens = [t for s in _sentences("Er ging nach Hause.Dann kam sie.") for t in s]
    assert "Hause.Dann" not in tokens


@pytest.mark.parametrize(
    "text",
    [
        "Er nannte z.B. die Kosten, u.a. für Strom.",
        "Die dt. Regierung sagte, sie prüfe das bzw. rechne nach.",
        "Gemeint ist Abs. 3 Nr. 4 des Gesetzes.",
        "Prof. Müller und Dr. Schmidt sagten, es gehe voran.",
        "St. Pauli gewann am 3. Mai.",
    ],
)
def test_attached_abbreviations_do_not_end_the_sentence(text):
    assert len(_sentences(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Der dt . Minister sagte , er prüfe das .",
        "Prof . Müller und Dr . Schmidt sagten , es gehe voran .",
        "Das gilt z. B . für Kinder und u. a . für Alte .",
        "Am 3 . Mai kam er zurück .",
        "Der Umsatz lag bei 80 Mio . Euro .",
    ],
)
def test_spaced_abbreviations_do_not_end_the_sentence(text):
    assert len(_sentences(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Er kam um 10 Uhr . Dann ging er .",
        "Sie kaufte Brot , Milch usw . Dann ging sie .",
        "Das Spiel endete 3 . Danach jubelten alle .",
        "Die Frist läuft bis zum 5. Okt . Danach entscheidet das Gericht .",
    ],
)
def test_spaced_full_stop_still_ends_a_sentence(text):
    assert len(_sentences(text)) == 2
