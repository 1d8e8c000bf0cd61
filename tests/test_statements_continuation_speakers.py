"""Cue-less continuations: whom a Konjunktiv right after a sentence of narration reports."""

import lagebild

PIPELINE = lagebild.default_pipeline()


def _speakers(text: str) -> list[tuple[str | None, str]]:
    statements = PIPELINE.analyze(text).to_dict()["statements"]
    return [((s.get("speaker") or {}).get("name"), s["message"]["text"]) for s in statements]


def test_organisation_as_subject_of_the_narration_takes_over_the_konjunktiv():
    text = (
        "Der Minister Peter Müller sagte, die Lage sei ernst. "
        "Das Robert-Koch-Institut sieht gegenwärtig keine Gefahr für Deutschland. "
        "Gefährdet seien nur Personen, die mit Geflügel arbeiten."
    )
    speakers = _speakers(text)
    assert speakers[0][0] == "Peter Müller"
    assert speakers[-1] == ("Robert-Koch-Institut", "Gefährdet seien nur Personen, die mit Geflügel arbeiten")


def test_a_thing_as_subject_leaves_the_speaker_as_he_was():
    text = (
        "Der Minister Peter Müller sagte, die Lage sei ernst. "
        "Der Regen hielt den ganzen Tag an. "
        "Gefährdet seien vor allem die Dörfer am Fluss."
    )
    assert _speakers(text)[-1][0] == "Peter Müller"
