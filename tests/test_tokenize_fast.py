"""lagebild's SoMaJo setup (emoji step only where a token has emoji characters) must tokenize
exactly as SoMaJo as shipped."""

from __future__ import annotations

import pytest

from lagebild.document import Document
from lagebild.nlp.tokenize import Tokenizer

TEXTS = [
    "Die Nato-Mitglieder seien „über die engere Zusammenarbeit“ besorgt, sagte Stoltenberg.",
    "Berlin (dpa) – Am 12. März 2021 stiegen die Preise um 3,5 %. Dr. Müller u. a. widersprachen.",
    "Super Nachricht 😀! Das 👍🏽 war ❤️ und ☺ – sogar 🇩🇪 und 👨‍👩‍👧 tauchten auf :-)",
    "Die Zahl 1️⃣ und #hashtag sowie @nutzer und https://example.org/pfad?x=1 blieben.",
    "Überschrift ohne Punkt\nZweite Zeile mit z.B. Abkürzungen usw.\n\nDritter Absatz!",
]


def _layout(text: str, tokenizer: Tokenizer) -> list[tuple]:
    doc = Document.from_text(text)
    tokenizer(doc)
    tokens = [(t.start, t.end, t.text, t.sent, t.space_after) for t in doc.tokens]
    return tokens + [(s.start, s.end, s.first_token, s.last_token, s.paragraph) for s in doc.sentences]


@pytest.mark.parametrize("text", TEXTS)
def test_tokens_and_sentences_are_somajos(text):
    assert _layout(text, Tokenizer(fast=True)) == _layout(text, Tokenizer(fast=False))


def test_emojis_still_become_tokens_of_their_own():
    doc = Document.from_text("Super Nachricht 😀! Das 👍🏽 war gut.")
    Tokenizer()(doc)
    assert {"😀", "👍🏽"} <= {t.text for t in doc.tokens}
