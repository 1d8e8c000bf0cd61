"""Attribution patterns of the second recall round: the words named by a noun (`mit den
Worten: „…“`), quoted sources after `laut`, `zitierte man X`, `zu` infinitives without their
comma, `lauten`, and `halten … für` only with a predicative; small sentences written for these tests."""

import pytest


def said(found):
    return [(s["kind"], s["message"]["text"], s["speaker"]["mention"]["text"] if s["speaker"]["mention"] else None) for s in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun that names the words used, before the quotation: the clause's subject said them
        ("Im Landtag warb die Ministerin für das Gesetz mit den Worten: „Wir brauchen mehr Lehrer an den Schulen.“", ("direct", "Wir brauchen mehr Lehrer an den Schulen.", "die Ministerin")),
        ("Die Streikenden zogen mit der Parole „Wir bleiben hier“ durch die Innenstadt.", ("direct", "Wir bleiben hier", "Die Streikenden")),
        # an inscription: the thing that bears it
        ("Einige Fans trugen Plakate mit der Aufschrift „Der Verein gehört uns“ durch das Stadion.", ("direct", "Der Verein gehört uns", "Plakate")),
    ],
)
def test_quotation_after_a_noun_naming_the_words(statements, text, expected):
    assert said(statements(text)) == [expected]


def test_laut_with_a_quoted_title(statements):
    found = statements("Laut „kurier.at“ gehören auch neue Posten zu den Forderungen der Gewerkschaft.")
    assert said(found) == [("indirect", "gehören auch neue Posten zu den Forderungen der Gewerkschaft", "„kurier.at“")]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("„Wir sind hier nicht willkommen“, zitierte man die Reporterin Ana Ruiz.", "die Reporterin Ana Ruiz"),
        ("„Wir sind hier nicht willkommen“, zitierte die Zeitung den Bürgermeister.", "den Bürgermeister"),
        ("„Wir sind hier nicht willkommen“, wird der Bürgermeister zitiert.", "der Bürgermeister"),
    ],
)
def test_quotation_before_zitieren_belongs_to_the_quoted_person(statements, text, mention):
    assert said(statements(text)) == [("direct", "Wir sind hier nicht willkommen", mention)]


def test_quotation_before_zitieren_without_quoted_person_is_nobodys(statements):
    assert statements("„Wir sind hier nicht willkommen“, zitierte die Zeitung.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Bahn hat angekündigt die Preise ab Oktober zu erhöhen.", ("indirect", "die Preise ab Oktober zu erhöhen", "Die Bahn")),
        ("Die Stadt forderte die Anwohner auf in ihren Häusern zu bleiben.", ("indirect", "in ihren Häusern zu bleiben", "Die Stadt")),
    ],
)
def test_zu_infinitive_after_a_cue_without_its_comma(statements, text, expected):
    assert said(statements(text)) == [expected]


def test_a_zu_infinitive_after_a_verb_that_is_no_cue_says_nothing(statements):
    assert statements("Der Fahrer versuchte die Tür des Wagens zu öffnen.") == []


def test_lauten_gives_the_wording(statements):
    found = statements("Die Antwort der Behörde lautete: „Wir prüfen den Antrag noch.“")
    assert said(found) == [("direct", "Wir prüfen den Antrag noch.", "Die Antwort der Behörde")]
    assert statements("Die Anklage gegen den Fahrer lautet auf fahrlässige Tötung.") == []


@pytest.fixture(scope="module")
def all_statements(pipeline):
    return lambda text: pipeline.analyze(text).to_dict()["statements"]


def test_halten_fuer_judges_only_with_a_predicative(all_statements):
    assert all_statements("Die Läuferin hält den Weltrekord für Frauen über zehn Kilometer.") == []
    judged = all_statements("Der Minister hält den Vorschlag für einen schweren Fehler.")
    assert [(s["kind"], s["speaker"]["mention"]["text"]) for s in judged] == [("reported", "Der Minister")]


def test_nominative_after_the_verb_speaks_when_the_object_is_fronted(statements):
    found = statements("Die Tat bezeichnete der Bürgermeister als sinnlos.")
    assert [([p["text"] for p in s["message"]["parts"]], s["speaker"]["mention"]["text"]) for s in found] == [(["Die Tat", "als sinnlos"], "der Bürgermeister")]
    plain = statements("Der Minister bezeichnete die Pläne als Fehler.")
    assert [(s["message"]["text"], s["speaker"]["mention"]["text"]) for s in plain] == [("die Pläne als Fehler", "Der Minister")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von einer „gezielten Provokation“ sprach der Abgeordnete Paul Weber im Landtag.", ("direct", "gezielten Provokation", "der Abgeordnete Paul Weber")),
        ("Als „verpasste Gelegenheit“ bewertete die Opposition den Gipfel.", ("direct", "verpasste Gelegenheit", "die Opposition")),
    ],
)
def test_quotation_in_an_object_before_the_verb(statements, text, expected):
    assert said(statements(text)) == [expected]


def test_evidence_points_but_does_not_speak(all_statements):
    assert all_statements("Die Spuren am Tatort weisen auf einen Einbruch hin.") == []
    pointed = all_statements("Der Arzt wies auf die Gefahr einer Infektion hin.")
    assert [(s["kind"], s["speaker"]["mention"]["text"]) for s in pointed] == [("reported", "Der Arzt")]


def test_quotation_after_the_colon_not_a_title_before_it(statements):
    found = statements("So heißt es in der Mitteilung auf der Seite von „grün energie“ wörtlich: „Wir wollen die Netze schneller ausbauen.“")
    assert said(found) == [("direct", "Wir wollen die Netze schneller ausbauen.", "der Mitteilung")]


def test_es_hiess_cites_the_document_when_the_vom_phrase_is_a_time(statements):
    found = statements("In einer Erklärung der Innenminister vom Montag hatte es geheißen: „Es gibt keine schnelle Lösung.“")
    assert said(found) == [("direct", "Es gibt keine schnelle Lösung.", "einer Erklärung der Innenminister")]


def test_in_frage_stellen_before_a_quotation(statements):
    found = statements("Die Gewerkschaft stellte den Plan in Frage: „Die Rechnung geht so nicht auf.“")
    assert said(found) == [("direct", "Die Rechnung geht so nicht auf.", "Die Gewerkschaft")]


def test_every_quotation_in_the_object_of_a_saying_verb(statements):
    found = statements("Die Täter schrieben Parolen wie „Wir kriegen euch alle“ und „Wir haben keine Angst“ an die Wand.")
    assert said(found) == [("direct", "Wir kriegen euch alle", "Die Täter"), ("direct", "Wir haben keine Angst", "Die Täter")]
    warned = statements("Der Minister warnte vor einer „gefährlichen Provokation“ und einem „Spiel mit dem Feuer“.")
    assert [s["message"]["text"] for s in warned] == ["gefährlichen Provokation"]  # a warning: the first quotation
