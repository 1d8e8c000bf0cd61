"""The event coder on small German sentences written for these tests."""

from __future__ import annotations

import pytest

from lagebild.events.lexicon import event_lexicon
from lagebild.events.modality import calendar_date
from lagebild.pipeline import Pipeline


def events(pipeline: Pipeline, text: str, date: str = "2021-06-07") -> list[dict]:
    return pipeline.analyze(text, date=date).to_dict()["events"]


def names(actors: list[dict]) -> list[str]:
    return [a["name"] for a in actors]


def test_light_verb_sanction_with_recipient_from_gegen(pipeline):
    [ev] = events(pipeline, "Die EU verhängte neue Sanktionen gegen Belarus.")
    assert (ev["type"], ev["mode"]) == ("SANCTION", "discontinue")
    assert names(ev["actor"]) == ["Europäische Union"] and names(ev["recipient"]) == ["Belarus"]
    assert ev["actor"][0]["country"] == "EUR" and ev["cameo"] == "16" and ev["quad_class"] == 4
    assert ev["trigger"]["text"].startswith("verhängte") and ev["date"] == "2021-06-07" and ev["date_source"] == "document"


def test_separable_verb_and_metonym(pipeline):
    [ev] = events(pipeline, "Der Kreml lehnte das Angebot der Nato ab.")
    assert ev["type"] == "REJECT" and names(ev["actor"]) == ["Russland"] and names(ev["recipient"]) == ["Nato"]
    assert [p["text"] for p in ev["trigger"]["parts"]] == ["lehnte", "ab"]


def test_passive_takes_the_agent_from_von(pipeline):
    [ev] = events(pipeline, "Die Türkei wurde von der EU scharf kritisiert.")
    assert ev["type"] == "ACCUSE" and names(ev["actor"]) == ["Europäische Union"] and names(ev["recipient"]) == ["Türkei"]


def test_passive_without_agent_is_not_coded(pipeline):
    assert events(pipeline, "Die Türkei wurde am Montag scharf kritisiert.") == []


def test_coordinated_actors_exercising_together_cooperate(pipeline):
    [ev] = events(pipeline, "Russland und China halten gemeinsame Manöver ab.")
    assert ev["type"] == "COOPERATE" and names(ev["actor"]) == ["Russland", "China"] and ev["recipient"] == []


def test_one_country_holding_manoeuvres_mobilizes(pipeline):
    [ev] = events(pipeline, "Russland hält an der Grenze ein großes Manöver ab.")
    assert (ev["type"], ev["mode"]) == ("MOBILIZE", "troops")


def test_warning_an_actor_threatens_a_danger_is_no_event(pipeline):
    [ev] = events(pipeline, "Der Außenminister Frankreichs hat Russland vor einer Eskalation gewarnt.")
    assert ev["type"] == "THREATEN" and names(ev["recipient"]) == ["Russland"]
    assert events(pipeline, "Die Bundesbank warnt vor einer Rezession.") == []


def test_future_meeting_is_agree(pipeline):
    [ev] = events(pipeline, "Die Kanzlerin wird am Donnerstag den französischen Präsidenten in Paris treffen.", date="2021-06-07")
    assert ev["type"] == "AGREE" and ev["modality"] == "future"
    assert ev["date"] == "2021-06-10" and ev["date_source"] == "text"


def test_negation_and_hypothesis(pipeline):
    [talks] = events(pipeline, "Die Nato hat keine Gespräche mit Russland geführt.")
    assert talks["type"] == "CONSULT" and talks["negated"] is True
    [attack] = events(pipeline, "Falls Russland angreift, wird die Nato reagieren.")
    assert attack["type"] == "ASSAULT" and attack["modality"] == "hypothetical"


def test_demand_and_its_content(pipeline):
    found = events(pipeline, "„Russland muss seine Truppen abziehen“, forderte Scholz.")
    request = next(e for e in found if e["type"] == "REQUEST")
    retreat = next(e for e in found if e["type"] == "RETREAT")
    assert names(request["actor"]) == ["Olaf Scholz"] and names(request["recipient"]) == ["Russland"]
    assert request["statement"] == "st1" and request["modality"] == "asserted"
    assert retreat["modality"] == "demanded"


def test_material_act_claimed_by_a_speaker_is_reported(pipeline):
    found = events(pipeline, "Die Armee habe am Morgen Stellungen der Rebellen beschossen, sagte ein Sprecher der Regierung Malis.")
    [assault] = [e for e in found if e["type"] == "ASSAULT"]
    assert assault["modality"] == "reported" and assault["statement"] == "st1"


def test_politicians_attack_verbally(pipeline):
    [ev] = events(pipeline, "Die SPD griff die CDU im Landtag scharf an.")
    assert ev["type"] == "ACCUSE"


def test_repeated_report_merges_with_evidence(pipeline):
    text = "EU verhängt Sanktionen gegen Belarus\n\nDie EU verhängte am Montag Sanktionen gegen Belarus. Die EU verhängte die Sanktionen gegen Belarus wegen der Festnahme."
    found = [e for e in events(pipeline, text) if e["type"] == "SANCTION"]
    assert len(found) == 1
    assert len(found[0]["evidence"]) == 3 and found[0]["sentence"]["text"].startswith("Die EU verhängte am Montag")


def test_every_event_validates_against_the_schema(pipeline):
    pytest.importorskip("jsonschema")
    from lagebild.schema import validate

    data = pipeline.analyze("Russland und China halten gemeinsame Manöver ab. Die EU verhängte Sanktionen gegen Belarus.", date="2021-06").to_dict()
    validate(data)
    assert len(data["events"]) == 2


def test_lexicon_is_consistent():
    lex = event_lexicon()
    types = {t for t, _ in lex.codes}
    for index in (lex.verbs, lex.nouns, lex.adjectives, lex.light_verbs):
        for triggers in index.values():
            for trigger in triggers:
                assert trigger.type in types | {"NONE"}, trigger
    assert len(types) == 16
    assert lex.noun_triggers("Wirtschaftssanktion")[0].type == "SANCTION"
    assert lex.noun_triggers("Bedrohung")[0].type == "NONE"


def test_calendar_dates():
    assert calendar_date("2021-W24") == "2021-06"
    assert calendar_date("2021-06-07") == "2021-06-07"
    assert calendar_date("XXXX-06") is None and calendar_date("PRESENT_REF") is None


def test_a_state_army_abroad_is_the_state(pipeline):
    [ev] = events(pipeline, "Die israelische Armee hat Stellungen der Hamas im Gazastreifen beschossen.")
    assert ev["type"] == "ASSAULT" and names(ev["actor"]) == ["Israel"] and names(ev["recipient"]) == ["Hamas"]
    assert ev["location"]["name"] == "Gazastreifen"


def test_ebenso_wie_joins_the_actor(pipeline):
    [ev] = events(pipeline, "Die Grünen-Chefin sprach sich ebenso wie SPD-Chef Lars Klingbeil für den Rücktritt von Friedrich Merz aus.")
    assert ev["type"] == "REQUEST" and "Lars Klingbeil" in names(ev["actor"]) and names(ev["recipient"]) == ["Friedrich Merz"]


def test_agentless_passive_in_an_officials_statement_is_his_body(pipeline):
    found = events(pipeline, "Die Hilfe für Belarus sei zurückgefahren worden, sagte Nato-Generalsekretär Jens Stoltenberg.")
    [ev] = [e for e in found if e["type"] == "SANCTION"]
    assert names(ev["actor"]) == ["Nato"] and names(ev["recipient"]) == ["Belarus"] and ev["modality"] == "reported"


def test_pronoun_subject_is_not_the_cues_object(pipeline):
    found = events(pipeline, "Die Bundesregierung verurteilte den Angriff. Sie forderte Russland auf, die Truppen abzuziehen.")
    [request] = [e for e in found if e["type"] == "REQUEST"]
    assert names(request["recipient"]) == ["Russland"] and "Russland" not in names(request["actor"])


def test_organisations_go_by_the_abbreviation_when_the_text_never_spells_them_out():
    from types import SimpleNamespace

    from lagebild.events.actors import _usual_names

    def org(text):
        return SimpleNamespace(text=text, name="Gewerkschaft Deutscher Lokomotivführer", label="ORG", kb_id="gdl")

    assert _usual_names([org("GDL"), org("GDL")]) == {"Gewerkschaft Deutscher Lokomotivführer": "GDL"}
    assert _usual_names([org("GDL"), org("Gewerkschaft Deutscher Lokomotivführer"), org("GDL")]) == {}


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        ("Die Polizei setzte Tränengas gegen die Demonstranten ein.", "ASSAULT", "crowd-control"),
        ("Die türkische Regierung sperrte den Zugang zu Twitter.", "COERCE", "censor"),
        ("Spanien überstellte den Verdächtigen an Deutschland.", "COOPERATE", None),
        ("Die Regierung Malis hat die Forderung fallen lassen.", "CONCEDE", None),
        ("Die Gewerkschaft Verdi hat zum Streik aufgerufen.", "PROTEST", "strike"),
        ("Frankreich wies zwei russische Diplomaten aus.", "SANCTION", "expel"),
    ],
)
def test_trigger_lexicon(pipeline, text, type_, mode):
    assert [(e["type"], e["mode"]) for e in events(pipeline, text)] == [(type_, mode)]


def test_without_entities_layer_speakers_and_descriptions_still_act():
    from lagebild.layers.events import EventCoder
    from lagebild.layers.statements import StatementFinder
    from lagebild.nlp.morphology import Morphology
    from lagebild.nlp.quotes import QuoteFinder
    from lagebild.nlp.tokenize import Tokenizer

    bare = Pipeline([Tokenizer(), Morphology(), QuoteFinder(), StatementFinder(), EventCoder()])
    found = bare.analyze("Die Opposition kritisierte den Haushalt scharf.", date="2021").to_dict()["events"]
    assert [(e["type"], names(e["actor"])) for e in found] == [("ACCUSE", ["Opposition"])]
    assert bare.analyze("", date="2021").to_dict()["events"] == []


def test_zu_infinitive_acts_through_the_governing_subject(pipeline):
    found = events(pipeline, "Die EU beschloss am Montag, die Verhandlungen mit der Türkei abzubrechen.")
    assert [(e["type"], names(e["actor"]), names(e["recipient"])) for e in found] == [("SANCTION", ["Europäische Union"], ["Türkei"])]


# --- argument finding: descriptions, names, recipients (docs/events.md, step 2) -----------------


def test_a_description_names_the_person_holding_that_role(pipeline):
    [_, praise] = events(pipeline, "Verteidigungsminister Boris Pistorius besuchte die Truppe. Zugleich lobte der Minister die Leistung der Bundeswehr.")
    assert praise["type"] == "SUPPORT" and names(praise["actor"]) == ["Boris Pistorius"] and names(praise["recipient"]) == ["Bundeswehr"]


def test_a_description_with_a_country_names_the_office_holder_on_the_date(pipeline):
    [ev] = events(pipeline, "Die österreichische Außenministerin kritisierte die Türkei scharf.", date="2005-10-01")
    assert ev["type"] == "ACCUSE" and names(ev["actor"]) == ["Ursula Plassnik"] and names(ev["recipient"]) == ["Türkei"]


def test_a_description_in_the_object_names_the_person_introduced_with_that_role(pipeline):
    text = "Bürgermeister Michael Häupl hielt eine Rede. Die FPÖ forderte danach den Rücktritt des Bürgermeisters."
    [ev] = [e for e in events(pipeline, text) if e["type"] == "REQUEST"]
    assert names(ev["actor"]) == ["FPÖ"] and names(ev["recipient"]) == ["Michael Häupl"]


def test_a_person_goes_by_the_fullest_name_of_the_text():
    from types import SimpleNamespace

    from lagebild.events.descriptions import fullest_names

    mention = lambda text, name: SimpleNamespace(text=text, name=name, label="PER")  # noqa: E731
    assert fullest_names([mention("Johann Gudenus", "Johann Gudenus"), mention("Gudenus", "Gudenu")]) == {"Gudenus": "Johann Gudenus"}


def test_a_strike_is_against_the_employer_named_with_bei(pipeline):
    [ev] = events(pipeline, "Die Gewerkschaft Verdi hat einen Streik bei der Lufthansa angekündigt.")
    assert (ev["type"], ev["mode"]) == ("THREATEN", "restrict") and names(ev["recipient"]) == ["Deutsche Lufthansa"]


def test_a_strike_without_a_named_employer_is_against_the_company_of_the_article(pipeline):
    text = "Die Lufthansa bietet mehr Geld. Die Lufthansa will verhandeln. Die Gewerkschaft Verdi hat trotzdem zum Streik aufgerufen."
    [ev] = [e for e in events(pipeline, text) if e["type"] == "PROTEST"]
    assert names(ev["actor"]) == ["Verdi"] and names(ev["recipient"]) == ["Deutsche Lufthansa"] and ev["recipient"][0]["mention"] is None


def test_phrases_of_time_and_leadership_name_no_recipient(pipeline):
    [ev] = events(pipeline, "Die USA stiegen unter Präsident Trump aus dem Abkommen mit Iran aus.")
    assert ev["type"] == "SANCTION" and names(ev["actor"]) == ["USA"] and names(ev["recipient"]) == ["Iran"]


def test_a_ceasefire_is_conceded_to_the_other_side(pipeline):
    [ev] = events(pipeline, "Nach heftigen Kämpfen mit Israel hat die Hamas eine Waffenruhe verkündet.")
    assert ev["type"] == "CONCEDE" and names(ev["actor"]) == ["Hamas"] and names(ev["recipient"]) == ["Israel"]


def test_a_capital_visited_by_a_foreigner_is_its_state(pipeline):
    [ev] = events(pipeline, "Später hat Papst Franziskus Berlin besucht.")
    assert ev["type"] == "CONSULT" and names(ev["actor"]) == ["Franziskus"] and names(ev["recipient"]) == ["Deutschland"]


def test_talks_that_a_rejection_refuses_are_no_act(pipeline):
    coded = events(pipeline, "Chamenei erteilte Verhandlungen mit den USA eine klare Absage.")
    assert [(e["type"], e["modality"]) for e in coded] == [("REJECT", "asserted"), ("CONSULT", "demanded")]


def test_the_organisation_of_a_summit_takes_part_in_it(pipeline):
    [ev] = events(pipeline, "Kanzler Olaf Scholz nimmt am Nato-Gipfel teil.")
    assert ev["type"] == "CONSULT" and names(ev["actor"]) == ["Olaf Scholz", "Nato"]
    [ev] = events(pipeline, "Beim Nato-Gipfel, an dem auch US-Präsident Joe Biden teilnehmen wird, geht es um die Ukraine.")
    assert (ev["type"], ev["modality"]) == ("AGREE", "future") and names(ev["actor"]) == ["Joe Biden", "Nato"]


def test_it_is_time_that_is_a_demand_on_the_party_named(pipeline):
    [demand, _] = events(pipeline, "Es sei an der Zeit, dass Russland seine Truppen abziehe, sagte Scholz.")
    assert demand["type"] == "REQUEST" and names(demand["actor"]) == ["Olaf Scholz"] and names(demand["recipient"]) == ["Russland"]
    assert events(pipeline, "Es war an der Zeit, diese Eskalation vorzunehmen, sagte Scholz.") == []


def test_a_relative_pronoun_refers_to_the_phrase_right_before_it(pipeline):
    coded = events(pipeline, "Die hatten sich in Brüssel auf Regeln geeinigt, die eine Einigung über Geld vorsehen.")
    assert all(names(e["actor"]) != ["Belgien"] and names(e["actor"]) != ["Brüssel"] for e in coded)


def test_a_fronted_object_is_told_by_its_article(pipeline):
    [ev] = events(pipeline, "Den Kreml kritisierte die Nato scharf.")
    assert ev["type"] == "ACCUSE" and names(ev["actor"]) == ["Nato"] and names(ev["recipient"]) == ["Russland"]


def test_an_object_pronoun_refers_back_to_the_previous_sentence(pipeline):
    [ev] = events(pipeline, "Putin hielt eine Rede. Die Nato kritisierte ihn scharf.")
    assert names(ev["actor"]) == ["Nato"] and names(ev["recipient"]) == ["Wladimir Putin"]
    [_, warning] = events(pipeline, "Russland und Belarus halten ein Manöver ab. Die Nato warnte sie vor einer Eskalation.")
    assert warning["type"] == "THREATEN" and names(warning["recipient"]) == ["Russland", "Belarus"]


def test_das_land_refers_to_the_last_country(pipeline):
    [_, ev] = events(pipeline, "Belarus schloss die Grenze. Die EU verhängte deshalb Sanktionen gegen das Land.")
    assert ev["type"] == "SANCTION" and names(ev["recipient"]) == ["Belarus"]


def test_a_fronted_trigger_noun_leaves_the_subject_after_the_verb(pipeline):
    [ev] = events(pipeline, "Sanktionen gegen Russland hat die EU am Montag beschlossen.")
    assert ev["type"] == "SANCTION" and names(ev["actor"]) == ["Europäische Union"] and names(ev["recipient"]) == ["Russland"]


def test_a_rejection_answers_the_last_accusation_or_demand_against_the_party(pipeline):
    [_, reply] = events(pipeline, "Die Nato-Staaten haben Russland scharf kritisiert. Moskau wies die Vorwürfe zurück.")
    assert reply["type"] == "REJECT" and names(reply["actor"]) == ["Russland"] and names(reply["recipient"]) == ["Nato"]
    assert reply["recipient"][0]["mention"] is None  # inferred, not named in the sentence


def test_a_person_is_spelled_as_the_text_spells_the_name(pipeline):
    [ev] = events(pipeline, "Juncker kritisierte Erdogan scharf.")
    assert names(ev["recipient"]) == ["Recep Tayyip Erdogan"]
