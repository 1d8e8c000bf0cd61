"""Attribution patterns of the third recall round: `so heißt es in …` and `wie es auf … hieß`
(the document or occasion speaks, never `es`), sources inside relative clauses, relative clauses
after `heißt es in dem Bericht`, relative clauses that end in a colon before a quotation, and
`Wie X berichtet` without its comma; small sentences written for these tests."""

import pytest


def said(found):
    return [(s["kind"], s["message"]["text"], s["speaker"]["mention"]["text"] if s["speaker"]["mention"] else None) for s in found]


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Die Regierung werde die Steuern nicht erhöhen, so heißt es in einer Erklärung des Finanzministeriums.", "einer Erklärung des Finanzministeriums"),
        ("Die Regierung werde die Steuern nicht erhöhen, wie es in einer Mitteilung der Partei hieß.", "einer Mitteilung der Partei"),
        ("Die Regierung werde die Steuern nicht erhöhen, wie es auf einer Pressekonferenz der Partei hieß.", "einer Pressekonferenz der Partei"),
    ],
)
def test_es_heisst_in_so_and_wie_clauses_names_the_document(statements, text, mention):
    assert said(statements(text)) == [("indirect", "Die Regierung werde die Steuern nicht erhöhen", mention)]


def test_bare_so_heisst_es_names_nobody(statements):
    assert said(statements("Die Regierung werde die Steuern nicht erhöhen, so heißt es.")) == [("indirect", "Die Regierung werde die Steuern nicht erhöhen", None)]


def test_source_inside_a_relative_clause_covers_that_clause(statements):
    found = statements("In dem Koffer, der nach Angaben der Polizei die Bombe enthalten sollte, wurde kein Sprengstoff gefunden.")
    assert said(found) == [("indirect", "die Bombe enthalten sollte", "Angaben der Polizei")]


def test_source_inside_an_adverbial_clause_covers_that_clause(statements):
    found = statements("Der Zug hielt an, weil laut der Bahn ein Signal ausgefallen war, und fuhr erst nach einer Stunde weiter.")
    assert said(found) == [("indirect", "ein Signal ausgefallen war", "der Bahn")]


@pytest.mark.parametrize("verb", ["hätten", "haben"])
def test_relative_clause_after_the_document_is_no_message(statements, verb):
    found = statements(f"Die Behörden {verb} versagt, heißt es in dem Bericht, der konkrete Fälle auflistet.")
    assert said(found) == [("indirect", f"Die Behörden {verb} versagt", "dem Bericht")]


def test_message_after_heisst_es_with_an_article_stays(statements):
    found = statements("Der Minister sagte, der neue Plan komme zu spät.")
    assert said(found) == [("indirect", "der neue Plan komme zu spät", "Der Minister")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vor dem Rathaus standen die Demonstranten, die riefen: „Wir wollen Frieden!“", ("direct", "Wir wollen Frieden!", "die Demonstranten")),
        ("Vor dem Rathaus stand der Bürgermeister, der sagte: „Wir wollen Frieden in der Stadt.“", ("direct", "Wir wollen Frieden in der Stadt.", "der Bürgermeister")),
    ],
)
def test_relative_clause_cue_before_a_colon_and_quotation(statements, text, expected):
    assert said(statements(text)) == [expected]


@pytest.mark.parametrize("comma", ["", ","])
def test_wie_clause_with_or_without_its_comma(statements, comma):
    found = statements(f"Wie die Zeitung berichtet{comma} wurde der Minister am Montag entlassen.")
    assert said(found) == [("indirect", "wurde der Minister am Montag entlassen", "die Zeitung")]


def test_wie_clause_of_naming_says_nothing(statements):
    assert statements("Wie die Eisenbahner ihn nennen hat der Fahrplan viele Lücken.") == []


def parts(statement):
    return [p["text"] for p in statement["message"].get("parts", [])]


def test_so_clause_inside_the_sentence_leaves_the_message_around_it(statements):
    found = statements("Der neue Plan, so die Ministerin weiter, werde viel Geld kosten.")
    assert [(s["speaker"]["mention"]["text"], parts(s)) for s in found] == [("die Ministerin", ["Der neue Plan", "werde viel Geld kosten"])]


def test_so_clause_after_a_full_clause_keeps_the_clause_before(statements):
    found = statements("Die Lage sei ernst, so der Minister, man müsse jetzt handeln.")
    assert said(found)[0] == ("indirect", "Die Lage sei ernst", "der Minister")


def test_findings_of_a_study_with_ergeben(statements):
    found = statements("Wie eine Studie der Universität ergab, trinken viele Kinder regelmäßig Alkohol.")
    assert said(found) == [("indirect", "trinken viele Kinder regelmäßig Alkohol", "eine Studie der Universität")]


@pytest.mark.parametrize("text", ["Die Soldaten ergaben sich nach drei Tagen der Belagerung.", "Die Obduktion ergab keine Hinweise auf Gewalt."])
def test_ergeben_without_a_clause_or_reflexive_says_nothing(statements, text):
    assert statements(text) == []


def test_rumours_as_source_before_nach_denen(statements):
    found = statements("Es gibt auch Gerüchte, nach denen der Sänger an einer schweren Krankheit litt.")
    # the relative word names the source in its clause (SpkAtt); the speaker stays the rumours
    assert said(found) == [("indirect", "der Sänger an einer schweren Krankheit litt", "denen")]
    assert found[0]["speaker"]["name"] == "Gerüchte"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Der Angeklagte sagte, er sei unschuldig, und verließ dann den Saal.", "er sei unschuldig"),
        ("Die Ministerin erklärte, die Lage sei ernst, doch ihr Sprecher widersprach am Abend.", "die Lage sei ernst"),
        # the report goes on in Konjunktiv; relative clauses stay with it
        ("Der Trainer sagte, die Mannschaft sei müde, und sie brauche eine Pause.", "die Mannschaft sei müde, und sie brauche eine Pause"),
        ("Der Trainer sagte, die Mannschaft habe Spieler, die verletzt sind.", "die Mannschaft habe Spieler, die verletzt sind"),
    ],
)
def test_reported_clause_ends_where_narration_resumes(statements, text, message):
    assert said(statements(text))[0][1] == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Sie sagte, das Gesetz enthalte Regeln, die große Firmen begünstigten.", "das Gesetz enthalte Regeln, die große Firmen begünstigten"),
        ("Sie sagte, die Mieten dürften nicht steigen und das Viertel eine gute Mischung hat.", "die Mieten dürften nicht steigen und das Viertel eine gute Mischung hat"),
        ("Er sagte, die Lage sei ernst und jeder sollte jetzt vorsichtig sein.", "die Lage sei ernst und jeder sollte jetzt vorsichtig sein"),
    ],
)
def test_reported_clause_goes_on_through_dependent_and_modal_clauses(statements, text, message):
    assert said(statements(text))[0][1] == message


def test_dass_clause_ends_where_narration_resumes(statements):
    found = statements("Der Angeklagte erklärte, dass er unschuldig ist, und verließ dann den Saal.")
    assert said(found) == [("indirect", "er unschuldig ist", "Der Angeklagte")]
