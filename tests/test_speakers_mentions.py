"""The mention of a speaker: the words that name the speaker in or nearest before the
statement. Sentences written for these tests."""

import pytest


def mentions(pipeline, text: str) -> list[str | None]:
    statements = pipeline.analyze(text).to_dict()["statements"]
    return [(s["speaker"]["mention"] or {}).get("text") for s in statements]


def test_continuation_takes_the_nearest_naming_of_its_speaker(pipeline):
    text = ("Der Innenminister Thomas de Maizière sagte am Montag, die Lage sei ernst. "
            "De Maizière besuchte danach die Polizei in Berlin. Es gebe keine Hinweise auf weitere Täter.")
    assert mentions(pipeline, text) == ["Der Innenminister Thomas de Maizière", "De Maizière"]


def test_continuation_keeps_its_attribution_when_nobody_names_the_speaker_again(pipeline):
    text = ("Der Innenminister Thomas de Maizière sagte am Montag, die Lage sei ernst. "
            "Es gebe keine Hinweise auf weitere Täter.")
    assert mentions(pipeline, text) == ["Der Innenminister Thomas de Maizière"] * 2


@pytest.mark.parametrize("words", ["seine Partei", "seinen Anhängern"])
def test_a_possessive_names_no_speaker(pipeline, words):
    text = (f"Der Innenminister Thomas de Maizière sagte am Montag, die Lage sei ernst. "
            f"Am Abend lobte er {words}. Es gebe keine Hinweise auf weitere Täter.")
    assert words.split()[0] not in mentions(pipeline, text)


def test_a_spokesman_is_not_named_by_his_organisation(pipeline):
    text = ("Ein Sprecher des Weißen Hauses sagte, die USA seien bereit. "
            "Die USA schickten Truppen. Man werde helfen.")
    assert mentions(pipeline, text)[-1] == "Ein Sprecher des Weißen Hauses"


def test_quoted_words_do_not_name_the_speaker(pipeline):
    text = ("Der Innenminister Thomas de Maizière sagte am Montag, die Lage sei ernst. "
            "Die Opposition erklärte: „De Maizière hat versagt.“ Es gebe keine Hinweise auf weitere Täter.")
    found = mentions(pipeline, text)
    assert "De Maizière" not in found


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("„Reporter ohne Grenzen“ kündigte an, die Zahl der Beobachter zu erhöhen.", "„Reporter ohne Grenzen“"),
        ("„Reporter ohne Grenzen“ sowie das Rote Kreuz kündigten an, die Zahl der Helfer zu erhöhen.",
         "„Reporter ohne Grenzen“ sowie das Rote Kreuz"),
    ],
)
def test_a_quoted_name_before_the_verb_is_its_subject(pipeline, text, speaker):
    assert mentions(pipeline, text) == [speaker]


def test_a_quoted_word_before_the_verb_is_no_name(pipeline):
    assert mentions(pipeline, "„Nein“ sagte er, das sei falsch.") == ["er"]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Der Fonds lehnte ab. Aus Regierungskreisen verlautete, dies sei nur Spekulation.", "Regierungskreisen"),
        ("Die Opposition schwieg. Aus der Landesregierung ist zu hören, der Minister habe das Geld bezahlt.", "der Landesregierung"),
    ],
)
def test_a_clause_without_subject_names_its_source_in_front(pipeline, text, source):
    assert mentions(pipeline, text)[-1] == source


def test_a_fronted_time_names_no_source(pipeline):
    assert mentions(pipeline, "Am Montag hieß es, man sei zufrieden.") == [None]
