"""Statements that continue a report or point back to a document: a speech verb in Konjunktiv
inside a report, `Danach …` after a document, `Dies geht aus dem Bericht hervor.` (sentences
written for these tests)."""


def _last(statements, text):
    return statements(text)[-1]


def _all(pipeline, text):
    """Every statement, speech acts told without content (`reported`) included."""
    return pipeline.analyze(text).to_dict()["statements"]


def _mention(statement):
    speaker = statement["speaker"] or {}
    return (speaker.get("mention") or {}).get("text")


def test_speech_verb_in_konjunktiv_ii_continues_the_report(statements):
    text = "Der Zeuge sagte vor Gericht, er sei bedroht worden. Die Männer hätten Geld verlangt."
    found = _last(statements, text)
    assert found["message"]["text"] == "Die Männer hätten Geld verlangt"
    assert found["cue"] is None
    assert found["speaker"]["name"] == "Der Zeuge"


def test_speech_verb_in_konjunktiv_ii_without_report_before_is_its_own(pipeline):
    found = _all(pipeline, "Die Männer hätten Geld verlangt.")[-1]
    assert found["cue"]["text"] == "verlangt"
    assert _mention(found) == "Die Männer"


def test_speech_verb_in_indicative_after_a_report_is_its_own(pipeline):
    text = "Der Zeuge sagte vor Gericht, er sei bedroht worden. Die Männer verlangten Geld von ihm."
    found = _all(pipeline, text)[-1]
    assert found["cue"]["text"] == "verlangten"
    assert _mention(found) == "Die Männer"


def test_danach_after_a_document_cites_it(statements):
    text = "Der Bericht des Rechnungshofs wurde am Montag veröffentlicht. Danach habe das Ministerium Geld verschwendet."
    found = _last(statements, text)
    assert found["message"]["text"] == "habe das Ministerium Geld verschwendet"
    assert found["cue"]["text"] == "Danach"
    assert found["speaker"]["name"] == "Der Bericht"


def test_danach_in_the_present_cites_the_document(statements):
    found = _last(statements, "Die Studie wurde in Bonn vorgestellt. Danach leiden viele Kinder unter Armut.")
    assert found["speaker"]["name"] == "Die Studie"


def test_temporal_danach_is_no_citation(statements):
    assert statements("Die Studie wurde in Bonn vorgestellt. Danach gab es eine lange Debatte.") == []
    assert statements("Die Studie wurde in Bonn vorgestellt. Danach diskutierten die Gäste.") == []
    assert statements("Das Konzert war ausverkauft. Danach leiden die Nachbarn unter Lärm.") == []


def test_dies_geht_aus_dem_bericht_hervor(statements):
    text = "Die Zahl der Arbeitslosen ist im Mai gestiegen. Dies geht aus dem Bericht der Bundesagentur hervor."
    found = _last(statements, text)
    assert found["message"]["text"] == "Die Zahl der Arbeitslosen ist im Mai gestiegen"
    assert _mention(found) == "dem Bericht der Bundesagentur"


def test_subject_of_its_own_is_no_pointing_back(statements):
    text = "Das Programm ist kostenlos. Das Softwarepaket ging aus einem älteren Projekt hervor."
    assert statements(text) == []
