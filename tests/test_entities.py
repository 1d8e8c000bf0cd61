"""Entity mentions: recognition, knowledge-base linking at the document date, roles, metonymy."""

from __future__ import annotations

import pytest

from lagebild.layers.entities import Mention


def by_text(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.text: m for m in mentions}


def test_names_titles_and_countries(entities):
    found = by_text(entities("Vor dem Gipfel hat Generalsekretär Jens Stoltenberg Russland und Belarus gewarnt."))
    stoltenberg = found["Jens Stoltenberg"]
    assert (stoltenberg.label, stoltenberg.kb_id, stoltenberg.role, stoltenberg.country) == ("PER", "jens-stoltenberg", "Generalsekretär", "NOR")
    assert (found["Russland"].label, found["Russland"].kb_id) == ("GPE", "RUS")
    assert found["Belarus"].kb_id == "BLR"


def test_mentions_are_sorted_and_serialise_to_the_contract(entities):
    mentions = entities("Die Nato und die EU beraten in Brüssel über China.")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert set(mentions[0].to_json()) == {"start", "end", "text", "label", "kb_id", "name", "country", "role", "cluster", "proper"}
    text = "Die Nato und die EU beraten in Brüssel über China."
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_inflected_forms_and_articles(entities):
    found = by_text(entities("Die Rolle Russlands und Chinas wächst, sagte er in den Niederlanden."))
    assert found["Russlands"].kb_id == "RUS" and found["Russlands"].name == "Russland"
    assert found["Chinas"].kb_id == "CHN"
    assert found["Niederlanden"].kb_id == "NLD"  # the article is not part of the mention


def test_metonymy_actor_or_place(entities):
    found = by_text(entities("Die Bedrohung, die von Minsk und Moskau ausgeht, ist groß. Der Kreml wies das zurück."))
    assert (found["Minsk"].label, found["Minsk"].kb_id, found["Minsk"].role) == ("GPE", "BLR", "Regierung")
    assert (found["Moskau"].kb_id, found["Moskau"].sector) == ("RUS", "GOV")
    assert found["Kreml"].kb_id == "RUS"
    place = by_text(entities("Die Delegation traf sich in Moskau mit Vertretern der Regierung."))["Moskau"]
    assert (place.label, place.kb_id, place.country) == ("LOC", None, "RUS")


def test_hyphen_compounds(entities):
    mentions = entities("Beim Nato-Gipfel sprach Kreml-Chef Wladimir Putin über neue EU-Sanktionen.")
    found = by_text(mentions)
    assert (found["Nato"].label, found["Nato"].kb_id) == ("ORG", "nato")
    assert found["EU"].kb_id == "eu" and not found["EU"].is_name  # a compound part, no name of its own
    putin = found["Wladimir Putin"]
    assert (putin.kb_id, putin.role) == ("wladimir-putin", "Kreml-Chef")
    assert putin.role_span is not None and putin.role_span.text == "Kreml-Chef"


def test_country_adjective_with_actor_noun(entities):
    found = by_text(entities("Die russische Regierung und chinesische Truppen.", date="2021-06-14"))
    government = found["russische Regierung"]
    assert (government.label, government.kb_id, government.role, government.sector) == ("GPE", "RUS", "Regierung", "GOV")
    assert found["chinesische Truppen"].sector == "MIL"


@pytest.mark.parametrize(("date", "person"), [("2021-06-14", "angela-merkel"), ("2023-03-01", "olaf-scholz")])
def test_title_alone_is_the_office_holder_at_the_date(entities, date, person):
    mentions = entities("Der Bundeskanzler reiste nach Paris.", date=date)
    chancellor = [m for m in mentions if m.label == "PER"]
    assert [(m.text, m.kb_id) for m in chancellor] == [("Bundeskanzler", person)]
    assert not chancellor[0].is_name


def test_adjective_title_is_the_office_holder(entities):
    mentions = entities("Der belarussische Präsident drohte mit Gegenmaßnahmen.", date="2021-06-14")
    assert [(m.text, m.kb_id) for m in mentions if m.label == "PER"] == [("belarussische Präsident", "alexander-lukaschenko")]


def test_title_alone_without_date_stays_unlinked(entities):
    assert [m for m in entities("Der Bundeskanzler reiste nach Paris.") if m.label == "PER"] == []


def test_unknown_person_with_title_and_party(entities):
    text = "Die Abgeordnete Erika Musterfrau (SPD) widersprach. Musterfrau sagte, der Plan sei falsch."
    found = entities(text)
    people = [m for m in found if m.label == "PER"]
    assert [(m.text, m.kb_id, m.name) for m in people] == [("Erika Musterfrau", None, "Erika Musterfrau"), ("Musterfrau", None, "Erika Musterfrau")]
    assert people[0].role == "Abgeordnete"
    assert any(m.text == "SPD" and m.label == "ORG" and m.kb_id for m in found)


def test_surname_after_full_name_takes_the_entry(entities):
    people = [m for m in entities("Jens Stoltenberg sprach in Brüssel. Später betonte Stoltenberg, die Lage sei ernst.") if m.label == "PER"]
    assert [m.kb_id for m in people] == ["jens-stoltenberg", "jens-stoltenberg"]


def test_known_surname_with_other_first_name_is_someone_else(entities):
    people = [m for m in entities("Der Stürmer Kevin Schmidt traf zweimal.") if m.label == "PER"]
    assert [(m.text, m.kb_id) for m in people] == [("Kevin Schmidt", None)]


def test_places_and_organisations_outside_the_knowledge_base(entities):
    found = by_text(entities("Die Auszubildenden der Musterwerk AG in Ingolstadt gewannen den Preis."))
    assert found["Musterwerk AG"].label == "ORG"
    assert (found["Ingolstadt"].label, found["Ingolstadt"].country) == ("LOC", "DEU")


def test_common_words_are_no_entities(entities):
    assert entities("Die Welt ist groß, und die Kommission tagt am Montag.") == []


def test_bruessel_is_the_eu_only_where_the_text_is_about_it(entities):
    found = by_text(entities("Brüssel fordert von Rom neue Reformen. Die EU droht mit einem Verfahren."))
    assert (found["Brüssel"].kb_id, found["Brüssel"].label) == ("eu", "ORG")
    place = by_text(entities("Das Treffen fand in Brüssel statt. Die EU schwieg."))["Brüssel"]
    assert (place.label, place.kb_id) == ("LOC", None)
    capital = by_text(entities("Brüssel und Paris einigten sich auf einen Plan."))["Brüssel"]
    assert (capital.label, capital.kb_id) == ("GPE", "BEL")


def test_name_built_on_another_name_is_no_name_of_its_own_for_ner(entities):
    commission = by_text(entities("Die EU-Kommission legte einen Plan vor."))["EU-Kommission"]
    assert commission.kb_id == "eu-commission" and not commission.is_name


def test_unknown_name_takes_the_label_of_its_coordinated_neighbour(entities):
    found = by_text(entities("Das Zentrum ist für Alfter, Musterhausen und Wachtberg zuständig."))
    assert found["Musterhausen"].label == "LOC"


def test_street_and_club_patterns(entities):
    found = by_text(entities("Der Unfall geschah in der Knoopstraße. Der 1. FC Musterstadt gewann."))
    assert found["Knoopstraße"].label == "LOC"
    assert found["1. FC Musterstadt"].label == "ORG"


def test_slash_joined_places_are_one_mention(entities):
    found = by_text(entities("München/Hamburg (dpa) Die Messe beginnt."))
    assert found["München/Hamburg"].label == "LOC"


def test_nouns_that_say_what_a_name_names(entities):
    found = by_text(entities("Der Softwarekonzern Quexaro übernimmt Teile der Gemeinde Blumbachtal."))
    assert found["Quexaro"].label == "ORG"
    assert found["Blumbachtal"].label == "LOC"


def test_institution_names(entities):
    found = by_text(entities("Das Bundesamt für Gesundheit warnte, die Realschule Blumbachtal blieb geschlossen."))
    assert found["Bundesamt für Gesundheit"].label == "ORG"
    assert found["Realschule Blumbachtal"].label == "ORG"


def test_known_words_joined_are_no_guessed_name(entities):
    labels = {(m.text, m.label) for m in entities("Gestern kamen viele Handballfans zum Spiel, sagte Quaritsch.")}
    assert ("Handballfans", "PER") not in labels
    assert ("Quaritsch", "PER") in labels


def test_so_after_a_quotation_names_the_speaker(entities):
    labels = {(m.text, m.label) for m in entities("„Das war ein guter Tag“, so Wendelberg.")}
    assert ("Wendelberg", "PER") in labels


def test_place_openers_and_company_words(entities):
    labels = {(m.text, m.label) for m in entities("Die Firma reist von San Telmo nach Hause, teilte Quorvex Technologies mit.")}
    assert ("San Telmo", "LOC") in labels
    assert ("Quorvex Technologies", "ORG") in labels


def test_interjection_is_no_name(entities):
    assert not [m for m in entities("Oh Mann, das hat lange gedauert.") if m.text == "Oh"]


def test_initialism_in_parentheses_makes_the_name_an_organisation(entities):
    labels = {(m.text, m.label) for m in entities("Der Verband Norddeutscher Kleingärtner (VNK) hat am Montag gewarnt.")}
    assert ("Verband Norddeutscher Kleingärtner", "ORG") in labels
    labels = {(m.text, m.label) for m in entities("Die Ministerin Erika Musterfrau (SPD) hat am Montag gewarnt.")}
    assert ("Erika Musterfrau", "PER") in labels


def test_company_word_after_a_known_name(entities):
    labels = {(m.text, m.label) for m in entities("Die Aktien der Siemens Holdings stiegen am Montag.")}
    assert ("Siemens Holdings", "ORG") in labels


def test_name_broken_at_its_hyphen(entities):
    found = by_text(entities("Die Regierung in Mecklenburg- Vorpommern hat entschieden."))
    assert found["Mecklenburg- Vorpommern"].label in ("GPE", "LOC")


def test_interview_speaker_and_person_with_a_towns_name(entities):
    labels = {(m.text, m.label) for m in entities('Quaritsch: „Wir haben gewonnen.“')}
    assert ("Quaritsch", "PER") in labels
    assert not [m for m in entities("Frage: Wie geht es weiter?") if m.text == "Frage"]


def test_a_works_title_in_quotation_marks_is_no_person(entities):
    assert not [m for m in entities('Sie lasen „Purple Wombats“ im Unterricht.') if m.label == "PER"]


def test_unknown_name_coordinated_after_a_company(entities):
    labels = {(m.text, m.label) for m in entities("Darauf habe man sich mit den Herstellern Siemens und Quorvax geeinigt.")}
    assert ("Quorvax", "ORG") in labels


def test_first_name_before_an_unknown_word_is_no_known_surname(entities):
    found = by_text(entities("Das sagte Michel Musterini am Montag."))
    assert found["Michel Musterini"].label == "PER"
    assert found["Michel Musterini"].kb_id is None


def test_web_domain_is_an_organisation(entities):
    labels = {(m.text, m.label) for m in entities("Das meldete Musterladen.de am Montag.")}
    assert ("Musterladen.de", "ORG") in labels


def test_dateline_agency(entities):
    labels = {(m.text, m.label) for m in entities("Berlin (mpa) - Die Regierung hat am Montag entschieden.")}
    assert ("mpa", "ORG") in labels
