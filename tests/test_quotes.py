import pytest

from lagebild.nlp.quotes import find_quotes


def contents(text):
    return [text[q.start : q.end] for q in find_quotes(text) if not q.single]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Er sagte: „Wir kommen.“ Dann ging er.", ["Wir kommen."]),
        ("„Wir kommen\", sagte er.", ["Wir kommen"]),  # mismatched German pair
        ('"Wir kommen", sagte er. "Morgen."', ["Wir kommen", "Morgen."]),
        ("»Wir kommen«, sagte er.", ["Wir kommen"]),
        ("«Wir kommen», sagte sie.", ["Wir kommen"]),
        ("“Wir kommen”, sagte er.", ["Wir kommen"]),
        ("„Wir kommen, sagte er.\nNeue Zeile.", ["Wir kommen, sagte er."]),  # unclosed: runs to line end
    ],
)
def test_quotation_styles(text, expected):
    assert contents(text) == expected


def test_nested_single_quotes_do_not_end_the_double_quote():
    text = "„Sein Buch ‚Heute‘ ist gut“, sagte sie."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes if not q.single] == ["Sein Buch ‚Heute‘ ist gut"]
    assert [text[q.start : q.end] for q in quotes if q.single] == ["Heute"]


def test_apostrophes_are_not_quotes():
    assert contents("Geht's noch? Das war's.") == []
