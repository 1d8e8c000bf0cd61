"""Speaker phrases left over from earlier rounds: whose meeting speaks, a `mit` phrase after
`zitieren`, a genitive name of two words before a source noun, a first name the tagger reads
as an imperative. Sentences written for these tests."""

import pytest

from lagebild.layers.speakers import SpeakerResolver


def only(statements):
    assert len(statements) == 1, statements
    return statements[0]


def mention(statement) -> str | None:
    found = statement["speaker"]["mention"]
    return found["text"] if found else None


@pytest.fixture(scope="module")
def resolver(pipeline):
    return lambda text: SpeakerResolver(pipeline.analyze(text).doc)


@pytest.fixture(scope="module")
def speaks(resolver):
    """speaks(text, phrase) -> whether the resolver lets the phrase (found in text) name a speaker."""

    def run(text: str, phrase: str) -> bool:
        found = resolver(text)
        start = text.index(phrase)
        tokens = [t.i for t in found.tokens if start <= t.start and t.end <= start + len(phrase)]
        return found.can_speak(tokens[0], tokens[-1])

    return run


def test_whose_meeting_it_is_speaks(statements):
    found = only(statements("Die Bahn werde im Winter mehr Züge einsetzen, wie es auf einer Sitzung des Aufsichtsrats hieß."))
    assert "des Aufsichtsrats" in mention(found)


def test_a_bare_meeting_names_nobody(speaks):
    assert not speaks("Die Bahn werde mehr Züge einsetzen, wie es auf der Sitzung hieß.", "der Sitzung")
    assert speaks("Die Bahn werde mehr Züge einsetzen, wie es auf der Sitzung des Aufsichtsrats hieß.", "der Sitzung des Aufsichtsrats")


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Die Zeitung zitierte den Bürgermeister mit den Worten: „Die Halle wird nicht abgerissen.“", "den Bürgermeister"),
        ("„Die Halle wird nicht abgerissen“, zitierte das Blatt den Bürgermeister.", "den Bürgermeister"),
    ],
)
def test_zitieren_names_the_quoted_person_not_the_words(statements, text, speaker):
    assert mention(only(statements(text))) == speaker


def test_two_word_genitive_name_before_a_source_noun(statements):
    found = only(statements("Nach Clara Vogts Schätzung sind zweihundert Wohnungen betroffen."))
    assert found["cue"]["text"].startswith("Nach")
    assert "Vogt" in found["speaker"]["name"]


def test_first_name_read_as_an_imperative_is_a_name(statements):
    found = only(statements("Henk Jaap Meijer, Laborleiter der Firma, erklärte, die Proben seien verunreinigt."))
    assert mention(found).startswith("Henk Jaap Meijer")
    assert found["speaker"]["name"] == "Henk Jaap Meijer"


@pytest.mark.parametrize(
    "text, name",
    [
        ("Henk Meijer, Laborleiter der Firma, erklärte, die Proben seien verunreinigt.", True),
        ("Henk, der Laborleiter, erklärte, die Proben seien verunreinigt.", True),
        ("Bedenke, dass die Zeit knapp ist.", False),
        ("Lies den Bericht, sagte er.", False),
    ],
)
def test_which_first_words_are_names_read_as_imperatives(resolver, text, name):
    assert resolver(text).is_first_name_read_as_imperative(0) is name


def test_zitieren_with_a_bare_name_as_object(statements):
    found = only(statements("Der Sender zitierte Maier mit den Worten: „Ich trete nicht zurück.“"))
    assert mention(found) == "Maier"
