"""Speech acts told through their object (`sprach von …`, `hält … für …`, `geht von … aus`) and
the clauses they still take; small sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def all_statements(pipeline):
    """all_statements(text) -> every statement dict, `reported` ones included."""
    return lambda text: pipeline.analyze(text).to_dict()["statements"]


def reported(found):
    return [(s["message"]["text"], s["speaker"]["mention"]["text"] if s["speaker"]["mention"] else None) for s in found if s["kind"] == "reported"]


@pytest.mark.parametrize(
    ("text", "message", "mention"),
    [
        # estimate: assumptions and figures
        ("Die Ermittler gehen von einem Unfall aus.", "Die Ermittler gehen von einem Unfall aus", "Die Ermittler"),
        ("Der Wetterdienst schätzt den Schaden auf zwei Millionen Euro.", "Der Wetterdienst schätzt den Schaden auf zwei Millionen Euro", "Der Wetterdienst"),
        ("Die Reederei rechnet mit weiteren Verspätungen im Frachtverkehr.", "Die Reederei rechnet mit weiteren Verspätungen im Frachtverkehr", "Die Reederei"),
        # judge: something judged as something, the preposition inside the clause
        ("Die Kommission hält die neuen Pläne für verfehlt.", "Die Kommission hält die neuen Pläne für verfehlt", "Die Kommission"),
        ("Der Rat stufte das neue Gesetz als verfassungswidrig ein.", "Der Rat stufte das neue Gesetz als verfassungswidrig ein", "Der Rat"),
        # mention: speaking of something, naming something as a reason
        ("Die Ärztin sprach von einem großen Erfolg für das ganze Team.", "Die Ärztin sprach von einem großen Erfolg für das ganze Team", "Die Ärztin"),
        ("Als Grund nannte die Sprecherin den hohen Krankenstand.", "Als Grund nannte die Sprecherin den hohen Krankenstand", "die Sprecherin"),
        # advocate: speaking out for or against something
        ("Die Mehrheit der Befragten sprach sich für eine Reform der Rente aus.", "Die Mehrheit der Befragten sprach sich für eine Reform der Rente aus", "Die Mehrheit der Befragten"),
    ],
)
def test_speech_act_told_through_its_object(all_statements, text, message, mention):
    assert reported(all_statements(text)) == [(message, mention)]


def test_relative_clause_of_the_object_belongs_to_the_message(all_statements):
    found = all_statements("Die Agentur berichtete von zwei Explosionen, die den Bahnhof erschütterten.")
    assert reported(found) == [("Die Agentur berichtete von zwei Explosionen, die den Bahnhof erschütterten", "Die Agentur")]
    assert [s["kind"] for s in found] == ["reported"]  # the relative clause is no message of its own


def test_judging_verb_with_a_dass_clause_is_indirect_speech(statements):
    found = statements("Die Forscher halten es für wahrscheinlich, dass der Vulkan bald ausbricht.")
    assert [(s["kind"], s["message"]["text"], s["speaker"]["mention"]["text"]) for s in found] == [("indirect", "der Vulkan bald ausbricht", "Die Forscher")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Wahl ging knapp aus, weil viele Wähler fehlten.",  # `aus` without `von`: no assumption
        "Das Programm ging aus einer älteren Version von StarOffice hervor.",  # `von` and `aus`, but the particle is `hervor`
        "Sie warf den Speer weit und siegte vor der Favoritin.",  # `vor` of another clause: no reproach
        "Über den Streit hat die Zeitung bislang nicht berichtet.",  # a negated act tells nothing
        "Die Mannschaft sieht sich für das Turnier als Favorit gut gerüstet.",  # `sich sehen`: a state
    ],
)
def test_no_speech_act(all_statements, text):
    assert all_statements(text) == []


def test_object_named_before_the_verb_leads_the_message(statements):
    found = statements("Die Tat bezeichnete er als sinnlos.")
    assert [(s["kind"], [p["text"] for p in s["message"]["parts"]], s["speaker"]["mention"]["text"]) for s in found] == [("indirect", ["Die Tat", "als sinnlos"], "er")]
    assert [s["message"]["text"] for s in statements("Am Montag bezeichnete der Bürgermeister den Plan als Fehler.")] == ["den Plan als Fehler"]


def test_coordinated_holders_of_a_source_noun(statements):
    st = statements("Nach Angaben der Polizei und der Feuerwehr brannte das Haus vollständig nieder.")[0]
    assert st["speaker"]["mention"]["text"].endswith("der Polizei und der Feuerwehr")
    assert st["message"]["text"] == "brannte das Haus vollständig nieder"


def test_infinitive_after_a_cue_in_a_fronted_adverbial_clause(statements):
    found = statements("Während der Minister ankündigte, den Vorschlag prüfen zu lassen, stellte sich die Opposition quer.")
    assert [(s["kind"], s["message"]["text"], s["speaker"]["mention"]["text"]) for s in found] == [("indirect", "den Vorschlag prüfen zu lassen", "der Minister")]


def test_das_after_a_comma_points_back_to_the_clause_before(statements):
    found = statements("Seit Montag ist die Kamera des Teleskops ausgefallen, das teilte das Institut mit.")
    assert [(s["message"]["text"], s["speaker"]["mention"]["text"]) for s in found] == [("Seit Montag ist die Kamera des Teleskops ausgefallen", "das Institut")]
    assert statements("Er las das Gesetz, das die Regierung kritisierte.") == []  # a relative clause


def test_fronted_dass_clause_before_an_inverted_cue(statements):
    found = statements("Dass die Lage ernst ist, bestätigte der Minister am Montag.")
    assert [(s["kind"], s["message"]["text"], s["speaker"]["mention"]["text"]) for s in found] == [("indirect", "die Lage ernst ist", "der Minister")]
    assert statements("Dass die Lage ernst ist, weiß jeder.") == []  # nobody named holds it


def test_speech_act_told_in_an_adverbial_clause(all_statements):
    found = all_statements("Nachdem die Behörden vor dem Verzehr der Gurken gewarnt hatten, brach der Absatz ein.")
    assert reported(found) == [("Nachdem die Behörden vor dem Verzehr der Gurken gewarnt hatten", "die Behörden")]
    assert reported(all_statements("Er sagte, dass die Partei den Rücktritt des Ministers forderte.")) == []  # inside what was said


def test_talk_of_something_in_a_document(all_statements):
    found = all_statements("In der Erklärung der Regierung war von neuen Reformen die Rede.")
    assert reported(found) == [("In der Erklärung der Regierung war von neuen Reformen die Rede", "der Erklärung der Regierung")]
    assert all_statements("Von einem Rücktritt war nie die Rede.") == []  # nobody, and negated
