"""Cue verbs: readings that are no speech, verbs of setting out and weighing, and reported acts
with a passive, an adverbial clause or a second accusative."""

import pytest

import lagebild


@pytest.fixture(scope="module")
def statements():
    pipeline = lagebild.default_pipeline()
    return lambda text: pipeline.analyze(text).to_dict()["statements"]


def only(found: list[dict]) -> dict:
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Der neue Vertrag sieht vor, dass die Firma alle Kosten trägt.",
        "Das Gesetz sah eine Frist von zwei Jahren vor, die Anlagen umzurüsten.",
        "Sieht man von dem Fehlstart ab, war die Saison ein Erfolg.",
        "Die Helfer fanden den Fahrer noch im Wagen vor, als sie die Unfallstelle erreichten.",
        "Damit bestätigt sich die Vermutung, dass das Feuer im Keller ausbrach.",
        "Das Hochwasser hat in der Region mehr als 30 Todesopfer gefordert.",
        "Der Sturm forderte am Wochenende zahlreiche Menschenleben.",
        "Die Piloten hatten noch eine Vollbremsung eingeleitet, trotzdem rutschte die Maschine über die Piste.",
    ],
)
def test_readings_that_are_no_speech(statements, text):
    assert statements(text) == [], text


@pytest.mark.parametrize(
    ("text", "cue", "message"),
    [
        ("Die Ärztin schilderte, dass der Patient kaum noch atmen konnte.", "schilderte", "der Patient kaum noch atmen konnte"),
        ("Der Minister legte dar, dass die Mittel nicht ausreichen.", "legte", "die Mittel nicht ausreichen"),
        ("Die Klägerin erwägt, gegen das Urteil in Berufung zu gehen.", "erwägt", "gegen das Urteil in Berufung zu gehen"),
        ("Die Forscher errechneten, dass der Meeresspiegel um einen Meter steigt.", "errechneten", "der Meeresspiegel um einen Meter steigt"),
        ("Der Wirt ärgerte sich darüber, dass die Gäste ausblieben.", "ärgerte", "die Gäste ausblieben"),
        ("Die Anklägerin war sich sicher, dass die Beweise ausreichen würden.", "war", "die Beweise ausreichen würden"),
        ("Die Behörden wiesen die Anwohner an, ihre Häuser sofort zu verlassen.", "wiesen", "ihre Häuser sofort zu verlassen"),
    ],
)
def test_verbs_of_setting_out_and_weighing(statements, text, cue, message):
    found = only(statements(text))
    assert found["cue"]["text"].startswith(cue)
    assert found["message"]["text"] == message


def test_a_passive_act_without_agent_names_no_speaker(statements):
    for text in (
        "Der kurz nach der Tat verhaftete junge Mann wurde jetzt in Leipzig angeklagt.",
        "Drei Männer sind wegen Betrugs festgenommen und angeklagt worden.",
        "Weil die Richter als unabhängig angesehen werden, war das Urteil endgültig.",
    ):
        assert [s for s in statements(text) if s["kind"] == "reported"] == [], text


def test_a_passive_act_with_its_agent_is_reported(statements):
    found = only(statements("Die Reform wurde vom Bauernverband als rückschrittlich kritisiert."))
    assert found["kind"] == "reported"
    assert found["speaker"]["mention"]["text"] == "Bauernverband"


def test_the_adverbial_clause_belongs_to_the_reported_act(statements):
    for text, tail in (
        ("Der Verband forderte am Montag den Rücktritt des Vorstands, weil dieser die Verluste verschwiegen hatte.", "verschwiegen hatte"),
        ("Die Helferin forderte einen sicheren Korridor, um Hilfsgüter in die Region zu bringen.", "zu bringen"),
    ):
        found = only(statements(text))
        assert found["kind"] == "reported", text
        assert found["message"]["text"].endswith(tail)


def test_a_clause_in_konjunktiv_after_the_adverbial_stays_the_message(statements):
    found = only(statements("Der Trainer sagte, weil es regne, falle das Training aus."))
    assert found["kind"] == "indirect"
    assert found["message"]["text"] == "weil es regne, falle das Training aus"


def test_a_fronted_adverbial_clause_before_a_reported_act(statements):
    found = only(statements("Seit die Armee in das Nachbarland einmarschiert ist, warnt die Botschaft vor Anschlägen."))
    assert found["kind"] == "reported"
    assert found["message"]["text"].startswith("Seit die Armee")
    assert found["speaker"]["mention"]["text"] == "die Botschaft"


def test_naming_with_a_second_accusative_judges(statements):
    found = only(statements("Die Datenschützerin nannte den Vorschlag einen gefährlichen Irrweg."))
    assert found["kind"] == "reported"
    assert found["speaker"]["mention"]["text"] == "Die Datenschützerin"
    assert statements("Der Sprecher nannte die Zahl der Verletzten.") == []


def test_forecasts_told_through_their_object(statements):
    found = only(statements("Die Meteorologen sagten für das Wochenende heftige Gewitter voraus."))
    assert (found["kind"], found["speaker"]["mention"]["text"]) == ("reported", "Die Meteorologen")


def test_nobody_holds_no_view(statements):
    assert statements("Niemand erwartet, dass die Verhandlungen noch in diesem Jahr enden.") == []


def test_a_coordinated_clause_without_a_speaker_after_the_verb_is_no_attribution(statements):
    assert statements("Nach dem Krieg arbeitete sie als Näherin, fand dann in Bremen eine Stelle als Köchin.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Findest du, dass die Stadt genug für Radfahrer tut?",
        "Glauben Sie wirklich, dass die Reform noch kommt?",
        "Erzähl uns, wie du zum Film gekommen bist.",
        "Eine Sprecherin wollte nicht bestätigen, dass die Firma verkauft wird.",
        "Es ist das älteste Fossil, von dem man weiß, dass es Federn trug.",
        "Seine Predigten, in denen er eine Strafe Gottes sah, sorgten für Unmut.",
    ],
)
def test_clauses_that_assert_nothing(statements, text):
    assert statements(text) == [], text


def test_not_only_adds_rather_than_denies(statements):
    found = only(statements("Die Ministerin sagte nicht nur, dass die Mittel fehlten."))
    assert found["message"]["text"] == "die Mittel fehlten"


def test_the_object_after_von_is_no_agent(statements):
    found = only(statements("In Brandenburg wird vom Wetterdienst weiter von einer hohen Waldbrandgefahr ausgegangen."))
    assert found["kind"] == "reported"
    assert found["speaker"]["mention"]["text"] == "Wetterdienst"
    found = only(statements("Von einer hohen Waldbrandgefahr wird auch vom Wetterdienst ausgegangen."))
    assert found["speaker"]["mention"]["text"] == "Wetterdienst"


@pytest.mark.parametrize(
    ("text", "cue", "message"),
    [
        ("Die Forscher stellten die These auf, dass die Tiere einander helfen.", "stellten die These auf", "die Tiere einander helfen"),
        ("Der Premier machte zur Bedingung, dass die Blockaden enden.", "machte zur Bedingung", "die Blockaden enden"),
        ("Der Kapitän erteilte den Befehl, das Schiff sofort zu verlassen.", "erteilte den Befehl", "das Schiff sofort zu verlassen"),
        ("Beide Parteien legen Wert darauf, dass die Gespräche vertraulich bleiben.", "legen Wert", "die Gespräche vertraulich bleiben"),
    ],
)
def test_speech_acts_named_by_a_noun_with_a_light_verb(statements, text, cue, message):
    found = only(statements(text))
    assert (found["cue"]["text"], found["message"]["text"]) == (cue, message)


def test_a_light_verb_act_without_a_clause_is_an_event(statements):
    assert statements("Die Ermittler haben schwere Vorwürfe gegen die beiden Piloten erhoben.") == []
    assert statements("Der Verein legt großen Wert auf Nachwuchsarbeit.") == []
