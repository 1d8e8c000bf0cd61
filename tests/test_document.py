import pytest

from lagebild.document import Document, Span


def test_header_is_parsed_and_not_part_of_any_sentence(pipeline):
    analysis = pipeline.analyze(" date 2025-07 Die Nato tagt. Stoltenberg spricht.")
    doc = analysis.doc
    assert doc.stated_date == "2025-07"
    assert doc.header.text == "date 2025-07"
    assert all(s.start >= doc.body_start for s in doc.sentences)
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["Die Nato tagt.", "Stoltenberg spricht."]


def test_explicit_date_wins_over_header():
    doc = Document.from_text(" date 2025-07-01 Text.", date="2021-06-14")
    assert doc.stated_date == "2021-06-14"
    assert doc.body_start > 0


def test_invalid_date_is_rejected():
    with pytest.raises(ValueError):
        Document.from_text("Text.", date="14.06.2021")


def test_discontinuous_span_keeps_parts():
    text = "Er kündigte neue Gespräche an."
    span = Span.joined(text, [(3, 11), (27, 29)])
    assert span.text == text[3:29]
    assert [p.text for p in span.parts] == ["kündigte", "an"]
    assert Span.joined(text, [(0, 2), (3, 11)]).parts == ()


def test_every_line_is_its_own_sentence(pipeline):
    doc = pipeline.analyze("Schlagzeile ohne Punkt\nDer Text beginnt hier. Er endet hier.").doc
    assert len(doc.sentences) == 3
    assert doc.sentences[0].paragraph == 0 and doc.sentences[1].paragraph == 1


def test_tokens_keep_their_offsets_where_somajo_normalises_the_text(pipeline):
    text = "Der Pro\xadfit stieg, sagte die Hallo\u200bWelt-Firma über die Cafe\u0301s."
    doc = pipeline.analyze(text).doc
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)
    assert "Pro\xadfit" in [t.text for t in doc.tokens]
