"""Event dates, background acts, authors of proposals and new lexicon entries, on small German
sentences written for these tests."""

from __future__ import annotations

import pytest

from lagebild.events.modality import shift_year
from lagebild.pipeline import Pipeline


def events(pipeline: Pipeline, text: str, date: str = "2017-08-29") -> list[dict]:
    return pipeline.analyze(text, date=date).to_dict()["events"]


def names(actors: list[dict]) -> list[str]:
    return [a["name"] for a in actors]


def test_shift_year():
    assert shift_year("2017-12", -1) == "2016-12"
    assert shift_year("2016-02-29", 1) == "2017-02-28"
    assert shift_year("2020", -1) == "2019"


def test_a_month_in_a_past_clause_is_the_last_such_month(pipeline):
    [ev] = events(pipeline, "Die EU verhängte bereits im Dezember Sanktionen gegen Russland.")
    assert ev["type"] == "SANCTION" and ev["date"] == "2016-12" and ev["date_source"] == "text"
    assert ev["modality"] == "historical"


def test_a_month_ahead_without_past_marker_stays_ahead(pipeline):
    [ev] = events(pipeline, "Die EU wird im Dezember Sanktionen gegen Russland verhängen.")
    assert ev["date"] == "2017-12" and ev["modality"] == "future"


def test_a_since_phrase_dates_no_act(pipeline):
    [ev] = events(pipeline, "Die Nato kritisierte Russland so scharf wie seit dem Krieg 2014 nicht mehr.")
    assert ev["type"] == "ACCUSE" and ev["date_source"] == "document" and ev["date"] == "2017-08-29"


def test_an_approximate_anchored_date_keeps_the_month(pipeline):
    [ev] = events(pipeline, "Rund eine Woche vor dem Nato-Gipfel in Brüssel hat die Nato Russland gewarnt.", date="2021-06-07")
    assert ev["type"] == "THREATEN" and ev["date"] == "2021-06"


def test_a_bare_year_dates_the_act(pipeline):
    [ev] = events(pipeline, "Zuletzt hatte Papst Johannes Paul II. 1996 Berlin besucht.", date="2010-09-17")
    assert ev["type"] == "CONSULT" and ev["date"] == "1996" and ev["modality"] == "historical"


def test_a_count_is_no_year(pipeline):
    [ev] = events(pipeline, "Russland verlegte 2000 Soldaten an die Grenze.")
    assert ev["type"] == "MOBILIZE" and ev["date_source"] == "document"


def test_the_act_a_reaction_answers_is_coded_after_the_main_act(pipeline):
    evs = events(pipeline, "Als Reaktion auf palästinensische Raketenangriffe habe die israelische Armee eine Offensive gestartet.")
    assert [e["type"] for e in evs] == ["ASSAULT", "ASSAULT"]
    assert evs[1]["trigger"]["text"] == "Raketenangriffe" and names(evs[1]["actor"]) == ["Palästina"]


def test_a_time_anchor_with_a_country_adjective_stays_uncoded(pipeline):
    evs = events(pipeline, "Nach dem russischen Angriff verhängte die EU Sanktionen gegen Russland.")
    assert [e["type"] for e in evs] == ["SANCTION"]


def test_a_country_adjective_names_the_actor_of_a_trigger_noun(pipeline):
    [ev] = events(pipeline, "Die amerikanischen Sanktionen gegen Iran bleiben in Kraft.")
    assert ev["type"] == "SANCTION" and names(ev["actor"]) == ["USA"] and names(ev["recipient"]) == ["Iran"]


def test_an_act_is_no_actor(pipeline):
    assert [e["type"] for e in events(pipeline, "Russische Angriffe trafen Kiew.")] == ["ASSAULT"]


def test_the_author_of_a_rejected_proposal_is_the_recipient(pipeline):
    [ev] = events(pipeline, "Polen lehnte den von Deutschland und Frankreich eingebrachten Vorschlag ab.")
    assert ev["type"] == "REJECT" and names(ev["actor"]) == ["Polen"] and names(ev["recipient"]) == ["Deutschland", "Frankreich"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Russland signalisierte Verhandlungsbereitschaft.", "AGREE"),
        ("Der Außenminister konsultierte seinen französischen Kollegen.", "CONSULT"),
        ("Die Kanzlerin beglückwünschte Macron zum Wahlsieg.", "SUPPORT"),
        ("Russland zog seine Truppen aus der Region zurück.", "RETREAT"),
        ("Der Papst mahnte die Konfliktparteien zur Zurückhaltung.", "REQUEST"),
        ("Die Opposition geißelte die Politik der Regierung.", "ACCUSE"),
        ("Das Parlament verwarf den Antrag der Regierung.", "REJECT"),
        ("Die Ukraine rief ihren Botschafter aus Moskau zurück.", "SANCTION"),
        ("Die Polizei sperrte den Oppositionsführer ein.", "COERCE"),
        ("Die Miliz richtete drei Gefangene hin.", "ASSAULT"),
    ],
)
def test_new_lexicon_entries(pipeline, text, type_):
    assert type_ in [e["type"] for e in events(pipeline, text)]


def test_an_intention_a_speaker_ascribes_to_another_is_no_act(pipeline):
    evs = events(pipeline, "Putin wolle damit der EU die Schuld anlasten, sagte der Nato-Generalsekretär Stoltenberg.")
    assert "ACCUSE" not in [e["type"] for e in evs if names(e["actor"]) == ["Wladimir Putin"]]
    [ev] = events(pipeline, "Die Nato kritisierte Russland scharf, sagte Stoltenberg.")
    assert ev["type"] == "ACCUSE"


def test_a_body_named_after_a_capital_is_not_the_state(pipeline):
    evs = events(pipeline, "Auch das Erzbistum Berlin hieß den Papst aus Rom herzlich willkommen.")
    assert [e["type"] for e in evs] == ["SUPPORT"] and names(evs[0]["actor"]) == ["Berlin"]


def test_a_title_may_stand_between_a_trigger_noun_and_its_person(pipeline):
    evs = events(pipeline, "Der Kardinal sprach über die Bedeutung des anstehenden Besuchs Papst Benedikt XVI. in Bayern.")
    assert [(e["type"], e["modality"]) for e in evs] == [("AGREE", "future")] and names(evs[0]["actor"]) == ["Benedikt XVI."]


def test_a_strike_without_actor_is_the_unions_the_article_is_about(pipeline):
    text = ("Die GDL hat einen Streik bei der Deutschen Bahn angekündigt. GDL-Chef Weselsky sprach von Sparzwängen. "
            "Am Mittwoch beginnt die Arbeitsniederlegung im Güterverkehr. Danach wäre nur noch ein unbefristeter Streik denkbar.")
    strikes = [e for e in events(pipeline, text) if e["type"] == "PROTEST"]
    assert [e["trigger"]["text"] for e in strikes] == ["Arbeitsniederlegung"]
    assert names(strikes[0]["actor"]) == ["Gewerkschaft Deutscher Lokomotivführer"] and strikes[0]["actor"][0]["mention"] is None


def test_a_strike_in_an_article_about_no_union_has_no_actor(pipeline):
    assert events(pipeline, "Die Bahn ist pünktlich. Am Mittwoch beginnt die Arbeitsniederlegung im Güterverkehr.") == []
