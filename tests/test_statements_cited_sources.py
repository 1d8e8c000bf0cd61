"""Source phrases and impersonal reports, on small sentences written for these tests: a fronted
`Nach` with a text or finding, `Demnach`/`Danach`, `wurde bekannt, dass`, relative source words."""

import pytest


@pytest.fixture()
def all_statements(pipeline):
    """statements(text) -> every statement dict, `reported` ones included."""
    return lambda text: pipeline.analyze(text).to_dict()["statements"]


def mention(statement):
    return statement["speaker"]["mention"]["text"] if statement["speaker"]["mention"] else None


def only(found):
    assert len(found) == 1, found
    return found[0]


def test_fronted_nach_with_a_document_cites_it(statements):
    st = only(statements("Nach einem Dokument der Kommission leben viele Familien in Armut."))
    assert st["message"]["text"] == "leben viele Familien in Armut"
    assert mention(st) == "einem Dokument der Kommission"


def test_fronted_nach_with_a_law_cites_it(statements):
    st = only(statements("Nach dem Grundgesetz ist der Kanzler für die Richtlinien der Politik verantwortlich."))
    assert mention(st) == "dem Grundgesetz"


def test_finding_with_indefinite_article_cites_it(statements):
    st = only(statements("Nach einer ersten Auswertung entstand das Feuer im Keller des Hauses."))
    assert st["message"]["text"] == "entstand das Feuer im Keller des Hauses"
    assert mention(st) == "einer ersten Auswertung"


def test_finding_with_definite_article_and_no_holder_tells_when(statements):
    assert statements("Nach der Veröffentlichung kam es zu Protesten in der Hauptstadt.") == []


def test_finding_with_its_holder_cites_it(statements):
    st = only(statements("Nach der Ankündigung der Ministerin soll die Frist um vier Jahre verlängert werden."))
    assert mention(st) == "der Ankündigung der Ministerin"


def test_fronted_demnach_cites_even_without_a_source_before(statements):
    found = statements("Inzwischen sind neue Beschuldigungen an die Öffentlichkeit gelangt. Demnach trägt der Pilot die Schuld am Unfall.")
    st = only(found)
    assert st["message"]["text"] == "trägt der Pilot die Schuld am Unfall"
    assert mention(st) == "Demnach"


def test_danach_after_published_figures_cites_them(statements):
    found = statements("Die Bank legte am Dienstag neue Quartalszahlen vor. Danach verzeichnet sie einen Verlust von zwei Milliarden Euro.")
    st = only(found)
    assert st["message"]["text"] == "verzeichnet sie einen Verlust von zwei Milliarden Euro"
    assert mention(st) == "Danach"


def test_wurde_bekannt_dass_is_an_impersonal_report(all_statements):
    st = only(all_statements("Am Montag wurde bekannt, dass der Trainer den Verein verlässt."))
    assert st["kind"] == "reported"  # the news guide counts no impersonal report
    assert st["message"]["text"] == "der Trainer den Verein verlässt"
    assert st["speaker"]["name"] is None and mention(st) is None


def test_wie_bekannt_wurde_reports_the_main_clause(all_statements):
    st = only(all_statements("Wie heute bekannt wurde, sind im Süden erste Fälle aufgetreten."))
    assert st["message"]["text"] == "sind im Süden erste Fälle aufgetreten"
    assert mention(st) is None


def test_impersonal_passive_of_supposing(all_statements):
    st = only(all_statements("Es wird befürchtet, dass die Zahl der Opfer weiter steigt."))
    assert st["kind"] == "reported"
    assert st["message"]["text"] == "die Zahl der Opfer weiter steigt"
    assert st["cue"]["text"].startswith("Es wird")


def test_reflexive_finding(all_statements):
    st = only(all_statements("Bei der Prüfung stellte sich heraus, dass die Bremsen defekt waren."))
    assert st["message"]["text"] == "die Bremsen defekt waren"
    assert st["speaker"]["name"] is None


def test_reflexive_with_a_person_is_no_impersonal_report(all_statements):
    st = only(all_statements("Die Ministerin zeigte sich zufrieden, dass der Plan gelang."))
    assert st["kind"] != "reported"
    assert st["speaker"]["name"] == "Die Ministerin"


def test_wurde_bekannt_without_clause_reports_nothing(all_statements):
    assert all_statements("Der Fall wurde bekannt, weil eine Nachbarin die Polizei rief.") == []


def test_relative_nach_denen_names_the_source_by_the_relative_word(statements):
    st = only(statements("Es gibt Gerüchte, nach denen der Sänger schwer krank ist."))
    assert st["message"]["text"] == "der Sänger schwer krank ist"
    assert mention(st) == "denen"
    assert st["speaker"]["name"] == "Gerüchte"


def test_relative_source_after_an_attribute_and_a_particle(statements):
    st = only(statements("Sie legten einen Antrag vor, nach welchem die Steuer sinken sollte."))
    assert mention(st) == "welchem"
    st = only(statements("Das ist eine Folge der Umfragen im Land, nach denen die Mehrheit das Gesetz ablehnt."))
    assert mention(st) == "denen"
    assert "Umfragen" in st["speaker"]["name"]


def test_wonach_past_a_particle_after_a_non_source_names_no_one(statements):
    found = statements("Die Partei kehrte zu ihrer alten Linie zurück, wonach die Steuern gesenkt werden sollen.")
    st = only(found)
    assert mention(st) == "wonach"


def test_wonach_past_a_particle_after_reports_keeps_them(statements):
    st = only(statements("Der General wies Berichte zurück, wonach die Truppe neue Befehle habe."))
    assert mention(st) == "Berichte"


def test_source_in_the_main_clause_covers_the_adverbial_clause_before(statements):
    st = only(statements("Weil die Behörden keine Statistiken führen, ist es laut dem Bericht schwer, die Lage einzuschätzen."))
    assert st["message"]["text"].startswith("Weil die Behörden keine Statistiken führen")
    assert mention(st) == "dem Bericht"


def test_source_after_a_relative_clause_covers_the_main_clause(statements):
    st = only(statements("Dagegen bleibt das Kraftwerk, welches von der Firma betrieben wird, nach Berichten des Ministeriums weiterhin außer Betrieb."))
    assert st["message"]["text"].startswith("Dagegen bleibt das Kraftwerk")
    assert mention(st) == "Berichten des Ministeriums"


def test_forecast_is_a_source_noun(statements):
    st = only(statements("Die Inflation wird nach der Vorhersage der Zentralbank im nächsten Jahr bei 50 Prozent liegen."))
    assert mention(st) == "der Vorhersage der Zentralbank"


def test_demnach_with_hypothetical_konjunktiv_draws_a_conclusion(statements):
    assert statements("Die Stadt hatte zuvor neue Zahlen vorgelegt. Demnach wäre frühestens im Jahr 2030 mit einer Besserung zu rechnen.") == []


def test_danach_after_a_source_noun_cites_it(statements):
    found = statements("Dieser Darstellung wurde von einem Sprecher widersprochen. Danach hätte es sich um ein einseitiges Gefecht gehandelt.")
    st = only(found)
    assert st["message"]["text"] == "hätte es sich um ein einseitiges Gefecht gehandelt"
    assert mention(st) == "Danach"


def test_genitive_plural_without_article_belongs_to_the_source(statements):
    st = only(statements("Bei dem Unglück wurde nach Angaben örtlicher Behörden eine Person getötet."))
    assert mention(st) == "Angaben örtlicher Behörden"
    assert [part["text"] for part in st["message"]["parts"]] == ["Bei dem Unglück wurde", "eine Person getötet"]


def test_finding_with_its_origin_is_that_sources_statement(statements):
    st = only(statements("Wie sich aus der Auswertung des Radars ergab, hatte der Pilot versucht durchzustarten."))
    assert st["message"]["text"] == "hatte der Pilot versucht durchzustarten"
    assert mention(st) == "der Auswertung des Radars"


def test_aller_voraussicht_nach_is_no_source(statements):
    assert statements("Die Vermietung des Turms wird aller Voraussicht nach schwierig werden.") == []


def test_nach_with_a_local_adverb_is_a_direction(statements):
    found = statements("Die Anwohner wünschen sich eine freie Sicht nach draußen.")
    assert all(mention(st) != "freie Sicht" for st in found)


def test_a_text_of_only_demnach_has_no_statement(all_statements):
    assert all_statements("Demnach") == []


def test_the_article_of_an_object_is_no_verb_particle(all_statements):
    st = only(all_statements("Außerdem fordert der Verband ein Ende der Kämpfe."))
    assert st["cue"]["text"] == "fordert"
    st = only(all_statements("Der Verband fordert die ausstehenden Löhne ein."))
    assert [part["text"] for part in st["cue"]["parts"]] == ["fordert", "ein"]


def test_bekannt_with_werden_is_known_not_a_confession(all_statements):
    """The tagger may read `bekannt` as the participle of `bekennen`; with `werden` it is `known`."""
    st = only(all_statements("Wie am Abend bekannt wurde, soll der Minister zurücktreten."))
    assert st["kind"] == "reported" and st["speaker"]["name"] is None
    assert st["message"]["text"] == "soll der Minister zurücktreten"
    st = only(all_statements("Die Gruppe bekannte, dass sie den Anschlag verübt habe."))
    assert st["cue"]["text"] == "bekannte" and st["speaker"]["name"] == "Die Gruppe"


def test_fronted_nach_with_a_paper_cites_it(statements):
    st = only(statements("Nach einem Positionspapier der Union soll die Steuer sinken."))
    assert mention(st) == "einem Positionspapier der Union"
