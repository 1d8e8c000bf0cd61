"""Entity mentions, round three: proper names vs common nouns, country and date context for
linking, names kept as written, and the recognition rules for organisation names."""

from __future__ import annotations

import json

from lagebild.kb import load_kb
from lagebild.layers.entities import Mention


def by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in mentions}


def names(mentions: list[Mention]) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in mentions if m.is_name]


# -- common nouns that name an entry --------------------------------------------------------------
def test_a_common_noun_names_its_entry_but_is_no_proper_name(entities):
    found = by_text(entities("Die Bundesregierung und die Sozialdemokraten streiten mit der CDU über den Haushalt."))
    for word, kb_id in (("Bundesregierung", "bundesregierung"), ("Sozialdemokraten", "spd")):
        assert found[word].kb_id == kb_id  # an actor, linked
        assert not found[word].is_name and found[word].to_json()["proper"] is False
    assert found["CDU"].is_name and found["CDU"].to_json()["proper"] is True


def test_the_kb_checks_that_a_common_noun_is_one_of_the_names(tmp_path):
    user = tmp_path / "mine.jsonl"
    user.write_text(json.dumps({"type": "org", "id": "musterrat", "name": "Musterrat", "aliases": ["Rat der Musterstädte"],
                                "common_nouns": ["Stadtrat"]}) + "\n", encoding="utf-8")
    kb = load_kb([user], use_env=False, cache=False)
    assert any("musterrat" in problem and "Stadtrat" in problem.replace("stadtrat", "Stadtrat") for problem in kb.validate())
    assert not kb.get("musterrat").is_common_noun("Musterrat")


def test_kb_show_lists_the_common_nouns():
    from typer.testing import CliRunner

    from lagebild.cli import app

    result = CliRunner().invoke(app, ["kb", "show", "SPD"])
    assert result.exit_code == 0
    assert "common nouns" in result.output and "Sozialdemokraten" in result.output.split("common nouns")[1]


def test_a_definite_alias_names_the_company_only_with_its_article_outside_a_preposition(entities):
    found = by_text(entities("Die Bahn erhöht zum Dezember die Preise, sagte ein Sprecher der Bahn."))
    assert [m.kb_id for m in found.values() if m.text == "Bahn"] == ["deutsche-bahn"]
    assert not [m for m in entities("Wir fahren morgen mit der Bahn nach Hause.") if m.kb_id == "deutsche-bahn"]
    assert not [m for m in entities("Seit Jahren nimmt sie Bahn und Bus.") if m.kb_id == "deutsche-bahn"]


# -- linking in context ------------------------------------------------------------------------
def test_an_ambiguous_name_follows_the_country_the_text_speaks_of(entities):
    austrian = by_text(entities("In Wien kritisierte die FPÖ die Regierung. Die Sozialdemokraten in Linz wiesen das zurück."))
    assert austrian["Sozialdemokraten"].kb_id == "spoe"
    german = by_text(entities("In Hamburg und Bremen werben die Sozialdemokraten um Stimmen."))
    assert german["Sozialdemokraten"].kb_id == "spd"
    unknown = by_text(entities("Die Sozialdemokraten werben um Stimmen."))
    assert unknown["Sozialdemokraten"].kb_id == "spd"  # the home country's on a tie


def test_a_title_in_a_year_of_two_holders_takes_the_one_the_text_names(entities):
    # 2013 saw two popes; the text names Benedikt, so `der Papst` is he
    named = by_text(entities("Der Papst reist im Herbst nach Erfurt. Benedikt XVI. will dort predigen.", date="2013"))
    assert named["Papst"].kb_id == "benedikt-xvi"
    unnamed = by_text(entities("Der Papst reist im Herbst nach Erfurt.", date="2013"))
    assert unnamed["Papst"].kb_id == "papst-franziskus"  # the term covering most of the year


def test_a_name_ending_in_s_keeps_its_s_unless_it_is_a_genitive(entities):
    found = entities("Der Abgeordnete Karl Brenus kritisierte den Plan. Brenus sagte, er sei falsch. Brenus' Antrag scheiterte.")
    assert [m.name for m in found if m.text == "Brenus"] == ["Karl Brenus"]
    alone = by_text(entities("Danach sagte Brenus, der Plan sei falsch."))
    assert alone["Brenus"].name == "Brenus"
    genitive = by_text(entities("Sabine Kolter sprach. Kolters Antrag scheiterte."))
    assert genitive["Kolters"].name == "Sabine Kolter"


def test_a_newspaper_named_with_its_article_needs_name_evidence_where_a_clause_opens(entities):
    assert not [m for m in entities("„Die Zeit ist reif“, sagte sie am Abend.") if m.kb_id == "zeit"]
    assert not [m for m in entities("Sie sagte: Die Zeit läuft uns davon.") if m.kb_id == "zeit"]
    quoted = by_text(entities("„Die Zeit“ berichtet über den Streit."))
    assert (quoted["Die Zeit"].kb_id, quoted["Die Zeit"].label) == ("zeit", "ORG")
    reporting = by_text(entities("Die Zeit berichtet über den Streit."))
    assert reporting["Die Zeit"].kb_id == "zeit"


# -- organisation names --------------------------------------------------------------------------
def test_a_capitalised_word_inside_a_sentence_is_no_verb(entities):
    assert ("Google", "ORG") in names(entities("Am Ende gründeten die beiden Studenten Google."))


def test_a_name_with_a_lower_case_adjective_is_defined_by_its_initialism(entities):
    found = names(entities("Der Verband norddeutscher Musterfirmen ( VNMF ) warnt vor Zöllen."))
    assert ("Verband norddeutscher Musterfirmen", "ORG") in found and ("VNMF", "ORG") in found


def test_an_initialism_before_a_town_names_its_club_or_branch(entities):
    assert ("HSC Bochum", "ORG") in names(entities("Am Sonntag gewann der HSC Bochum das Derby."))
    assert ("USA", "GPE") in names(entities("Die USA Bochum vorzuziehen wäre falsch."))  # a country is no initialism here


def test_a_quoted_run_that_opens_with_an_organisation_is_its_name(entities):
    assert names(entities("Das schreibt die „Greenpeace Jugend Nord“ in einem Aufruf.")) == [("Greenpeace Jugend Nord", "ORG")]
    assert names(entities("Der Verein „Bündnis Musterstadt Zukunft“ lädt ein.")) == [("Bündnis Musterstadt Zukunft", "ORG")]
    assert names(entities("Sie singen im Chor „Purple Wombats“ von Erika Musterfrau.")) == [("Erika Musterfrau", "PER")]


def test_english_common_words_are_no_persons(entities):
    found = names(entities("Das erklärt Erika Musterfrau, Chief Operating Officer, in einer Mitteilung."))
    assert found == [("Erika Musterfrau", "PER")]
    assert names(entities("Er fing den Ball nach 40 Yards und lief weiter.")) == []
    assert ("Quorvanek", "PER") in names(entities("Danach sagte Quorvanek, man sei zufrieden."))


def test_quoted_name_after_an_organisation_noun_may_hold_a_verb(entities):
    found = by_text(entities("Der Verein „Aktion Deutschland hilft“ sammelt Spenden. Die Hilfsorganisation „Ärzte ohne Grenzen“ ist vor Ort."))
    assert found["Aktion Deutschland hilft"].label == "ORG"
    assert found["Ärzte ohne Grenzen"].label == "ORG"


def test_quoted_clause_after_a_role_noun_is_no_organisation(entities):
    found = by_text(entities("Der Minister „will das nicht“, hieß es."))
    assert "will das nicht" not in found
