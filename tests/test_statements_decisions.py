"""Decisions (`beschließen`, `entscheiden`, `sich einigen`, `vereinbaren`) on small sentences
written for these tests: reported acts that do not take over the Konjunktiv after them."""

import pytest


@pytest.fixture(scope="module")
def all_statements(pipeline):
    """all_statements(text) -> every statement dict, `reported` ones included."""
    return lambda text: pipeline.analyze(text).to_dict()["statements"]


def test_decision_without_konjunktiv_is_a_reported_act(all_statements):
    found = all_statements("Der Stadtrat beschloss am Montag, die Gebühren für Kitas zu senken.")
    assert [s["kind"] for s in found] == ["reported"]
    assert found[0]["message"]["text"] == "die Gebühren für Kitas zu senken"
    assert found[0]["speaker"]["name"] == "Der Stadtrat"


def test_decision_does_not_take_over_the_konjunktiv_after_it(all_statements):
    found = all_statements("Der Bürgermeister sagte, man prüfe alle Schulen. Der Rat entschied, dass die Schule im Sommer geschlossen wird. Sie sei marode.")
    assert [s["kind"] for s in found] == ["indirect", "reported", "indirect"]
    assert found[1]["speaker"]["name"] == "Der Rat"
    assert found[2]["message"]["text"] == "Sie sei marode"
    assert found[2]["speaker"]["name"] == "Der Bürgermeister"


def test_decision_with_konjunktiv_of_its_own_stays_indirect(all_statements):
    found = all_statements("Die Minister vereinbarten, dass jedes Land zehn Prozent mehr zahle.")
    assert [s["kind"] for s in found] == ["indirect"]
    assert found[0]["speaker"]["name"] == "Die Minister"


def test_agreement_with_quoted_words_stays_a_statement(all_statements):
    found = all_statements("Die Minister einigten sich darauf, „die Grenzen offen zu halten“.")
    assert [s["kind"] for s in found] != ["reported"]
    assert found[0]["speaker"]["name"] == "Die Minister"
