"""Dating the document from its content (lagebild.layers.dating)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from lagebild.document import Document, Span
from lagebild.layers.dated_events import find_event_mentions, load_events
from lagebild.layers.dating import DatingLayer, Evidence, date_document
from lagebild.layers.timex import TimexLayer
from lagebild.nlp.morphology import Morphology
from lagebild.nlp.tokenize import Tokenizer
from lagebild.schema import validate


@pytest.fixture(scope="module")
def layers():
    return Tokenizer(), Morphology(), TimexLayer(), DatingLayer()


def mention(text: str, words: str, kb_id: str | None = None, role: str | None = None, label: str = "PER"):
    """An entity mention as the entity layer gives it (only what dating reads)."""
    start = text.index(words)
    name_start = start + len(role) + 1 if role and words.startswith(role) else start
    return SimpleNamespace(start=name_start, end=start + len(words), text=text[name_start:start + len(words)],
                           label=label, kb_id=kb_id, name=text[name_start:start + len(words)], country=None,
                           role=role, cluster=None)


def analyse(layers, text: str, date: str | None = None, entities=()) -> Document:
    tokenizer, morphology, timex, dating = layers
    doc = Document.from_text(text, date=date)
    tokenizer(doc)
    morphology(doc)
    doc.layers["entities"] = [mention(doc.text, *e) for e in entities]
    timex(doc)
    dating(doc)
    return doc


def kinds(doc: Document) -> list[str]:
    return [e.kind for e in doc.layers["dating"].evidence]


# --------------------------------------------------------------------------- the verdict from evidence


def ev(kind: str, hard=(), weight=0.0, soft=()) -> Evidence:
    return Evidence(Span(0, 1, "x"), kind, kind, list(hard), weight, list(soft))


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def test_no_evidence_no_estimate():
    dating = date_document([], "2021-06")
    assert (dating.estimate, dating.interval, dating.consistent, dating.confidence) == (None, None, None, 0.0)


def test_interval_is_where_the_hard_evidence_overlaps():
    merkel = ev("office", [(d("2005-11-22"), d("2021-12-08"))], 2.0)
    biden = ev("office", [(d("2021-01-20"), d("2025-01-20"))], 2.0)
    dating = date_document([merkel, biden], None)
    assert dating.interval == ("2021-01", "2021-12")
    assert dating.estimate == "2021"
    assert dating.consistent is None


def test_stated_date_outside_the_interval_is_inconsistent_with_the_evidence_that_rules_it_out():
    merkel = ev("office", [(d("2005-11-22"), d("2021-12-08"))], 2.0)
    biden = ev("office", [(d("2021-01-20"), d("2025-01-20"))], 2.0)
    dating = date_document([merkel, biden], "2024-06")
    assert dating.consistent is False
    assert [e.rules_out_stated for e in dating.evidence] == [True, False]
    assert date_document([merkel, biden], "2021-06").consistent is True


def test_one_weak_clue_alone_does_not_make_a_date_inconsistent():
    past = ev("date", [(d("2019-05-01"), dt.date.max)], 1.0)
    assert date_document([past], "2018-01").consistent is True


def test_the_estimate_is_the_latest_date_told_of_within_the_interval():
    old = ev("date", soft=[((d("1998-01-01"), d("1998-12-31")), 0.6)])
    recent = ev("date", soft=[((d("2005-10-01"), d("2005-10-31")), 1.0)])
    plan = ev("date", [(dt.date.min, d("2008-12-31"))], 1.0)
    dating = date_document([old, recent, plan], None)
    assert dating.estimate == "2005-10"


def test_candidates_in_several_runs_with_nothing_to_choose_give_no_estimate():
    weekday = ev("weekday", [(d("2007-01-01"), d("2007-05-01")), (d("2012-01-01"), d("2012-05-01"))], 1.5)
    dating = date_document([weekday], "2007-03")
    assert dating.estimate is None
    assert dating.consistent is True


# --------------------------------------------------------------------------- offices


MERKEL_BIDEN = ("Beim Treffen in Rom sprach Bundeskanzlerin Angela Merkel lange mit US-Präsident Joe Biden "
                "über den Handel.")


def test_office_holders_bound_the_time_of_writing(layers):
    doc = analyse(layers, MERKEL_BIDEN, entities=[
        ("Bundeskanzlerin Angela Merkel", "angela-merkel", "Bundeskanzlerin"),
        ("US-Präsident Joe Biden", "joe-biden", "US-Präsident")])
    dating = doc.layers["dating"]
    assert dating.interval == ("2021-01", "2021-12")
    assert dating.estimate == "2021"
    reasons = " ".join(e.reason for e in dating.evidence)
    assert "Angela Merkel" in reasons and "Joe Biden" in reasons


def test_a_header_the_offices_rule_out_is_inconsistent_and_relative_times_follow_the_estimate(layers):
    text = " date 2015-03 " + MERKEL_BIDEN + " Im vergangenen Jahr war das anders."
    doc = analyse(layers, text, entities=[
        ("Bundeskanzlerin Angela Merkel", "angela-merkel", "Bundeskanzlerin"),
        ("US-Präsident Joe Biden", "joe-biden", "US-Präsident")])
    dating = doc.layers["dating"]
    assert dating.stated == "2015-03" and dating.consistent is False
    assert dating.resolved_against == "2021" and dating.resolved_from == "estimate"
    assert doc.effective_date == "2021"
    assert [(t.span.text, t.value) for t in doc.layers["timexes"]] == [("vergangenen Jahr", "2020")]
    assert any(e.rules_out_stated and "Joe Biden" in e.reason for e in dating.evidence)


def test_a_fitting_header_stays_the_reference(layers):
    doc = analyse(layers, " date 2021-06-16 " + MERKEL_BIDEN, entities=[
        ("Bundeskanzlerin Angela Merkel", "angela-merkel", "Bundeskanzlerin"),
        ("US-Präsident Joe Biden", "joe-biden", "US-Präsident")])
    dating = doc.layers["dating"]
    assert dating.consistent is True
    assert (dating.resolved_against, dating.resolved_from) == ("2021-06-16", "stated")


def test_titles_the_kb_cannot_read_are_matched_against_the_titles_of_the_persons_offices(layers):
    text = "Der SPD-Vorsitzende Franz Müntefering und Bürgermeister Klaus Wowereit trafen sich."
    doc = analyse(layers, text, entities=[
        ("SPD-Vorsitzende Franz Müntefering", "franz-muentefering", "SPD-Vorsitzende"),
        ("Bürgermeister Klaus Wowereit", "klaus-wowereit", "Bürgermeister")])
    dating = doc.layers["dating"]
    assert kinds(doc).count("office") == 2
    # party leader 2004-03 … 2005-11 or 2008-10 … 2009-11, within Wowereit's term 2001 … 2014
    assert dating.estimate is None or dating.interval in (("2004-03", "2005-11"), ("2008-10", "2009-11"))


def test_an_incumbent_holds_one_of_their_offices(layers):
    text = "Amtsinhaber Klaus Wowereit tritt wieder an."
    doc = analyse(layers, text, entities=[("Amtsinhaber Klaus Wowereit", "klaus-wowereit", "Amtsinhaber")])
    assert doc.layers["dating"].interval == ("2001-06", "2014-12")


def test_a_former_office_is_no_evidence_of_tenure(layers):
    text = "Der frühere US-Präsident Barack Obama hielt in Berlin eine Rede."
    doc = analyse(layers, text, entities=[("US-Präsident Barack Obama", "barack-obama", "US-Präsident")])
    assert kinds(doc) == ["former_office"]
    assert doc.layers["dating"].interval[0] == "2017-01"  # after the end of the term


def test_an_office_held_then_says_nothing_about_the_time_of_writing(layers):
    text = "Der damalige Bundeskanzler Gerhard Schröder hatte das Gesetz unterschrieben."
    doc = analyse(layers, text, entities=[("Bundeskanzler Gerhard Schröder", "gerhard-schroeder", "Bundeskanzler")])
    assert doc.layers["dating"].estimate is None


def test_without_entities_the_layer_still_runs(layers):
    doc = analyse(layers, MERKEL_BIDEN)
    assert doc.layers["dating"].estimate is None


# --------------------------------------------------------------------------- dates and tense


def test_past_tense_dates_bound_from_below_future_ones_from_above(layers):
    text = "Am 3. März 2008 hatte die Firma ihr Werk geschlossen. Im Mai 2010 wird sie ein neues eröffnen."
    dating = analyse(layers, text).layers["dating"]
    assert dating.interval == ("2008-03", "2010-05")
    assert dating.estimate == "2008-03"
    assert [e.kind for e in dating.evidence] == ["date", "date"]


def test_a_short_quoted_title_is_not_a_date(layers):
    text = "Die Allianz stellte ihr Programm „Agenda 2040“ vor."
    assert analyse(layers, text).layers["dating"].estimate is None


def test_weekday_and_day_pick_the_years_they_fit(layers):
    text = ("Am Samstag, dem 24. März, trafen sich die Minister. US-Präsident Barack Obama "
            "sagte, er sei zufrieden.")
    doc = analyse(layers, text, entities=[("US-Präsident Barack Obama", "barack-obama", "US-Präsident")])
    years = [y for y in range(2009, 2018) if dt.date(y, 3, 24).isoweekday() == 6]
    assert years == [2012]
    assert doc.layers["dating"].estimate[:4] == "2012"
    assert "weekday" in kinds(doc)


# --------------------------------------------------------------------------- events


def test_event_data_is_well_formed():
    events = load_events()
    assert len(events) > 100
    assert all(e.date.year >= 1949 for e in events)
    nato = [e for e in events if e.kind == "summit" and e.of == "nato"]
    assert [e.date for e in nato] == sorted(e.date for e in nato)


def test_event_mentions_are_narrowed_by_the_places_their_sentence_names():
    from lagebild.kb import load_kb

    text = "Kurz vor dem G20-Gipfel in Hamburg wurde gestritten. Beim G20-Gipfel gab es Proteste."
    sentences = [(0, 52), (53, len(text))]
    found = find_event_mentions(text, sentences, load_kb())
    assert [[e.date.isoformat() for e in m.candidates] for m in found] == [["2017-07-07"], ["2017-07-07"]]


def test_an_event_told_relative_to_the_text_dates_it(layers):
    text = ("Seit der Präsidentschaftswahl in Belarus im vergangenen Jahr protestieren viele Menschen. "
            "US-Präsident Joe Biden forderte neue Sanktionen.")
    doc = analyse(layers, text, entities=[("US-Präsident Joe Biden", "joe-biden", "US-Präsident")])
    dating = doc.layers["dating"]
    assert dating.estimate == "2021"
    event = next(e for e in dating.evidence if e.kind == "event")
    assert "2020-08-09" in event.to_json()["reason"]


def test_an_anchored_expression_gets_the_date_of_its_event(layers):
    text = "Eine Woche vor dem G20-Gipfel in Hamburg haben Demonstranten ein Camp errichtet."
    doc = analyse(layers, text)
    assert doc.layers["dating"].estimate == "2017-06"
    t = doc.layers["timexes"][0]
    assert (t.span.text, t.value, t.anchor) == ("Eine Woche vor dem G20-Gipfel", "2017-06-30", "dem G20-Gipfel")


def test_an_event_still_to_come_is_later_than_the_text(layers):
    text = "Am Nato-Gipfel in Vilnius wird auch der Kanzler teilnehmen."
    dating = analyse(layers, text).layers["dating"]
    assert dating.interval == ("2022-07", "2023-07")


# --------------------------------------------------------------------------- statements and the pipeline


def test_statement_time_is_the_time_of_the_cue_clause(pipeline):
    data = pipeline.analyze("„Wir sind bereit“, sagte der Minister am Montag. Er sagte, am Freitag komme er. "
                            "„Das war hart“, sagte der General mit Blick auf den Krieg 2014.",
                            date="2021-06-16").to_dict()
    times = [s["time"] and (s["time"]["text"], s["time"]["value"]) for s in data["statements"]]
    assert times == [("Montag", "2021-06-14"), None, None]


def test_analysis_json_has_the_dating_and_follows_the_schema(pipeline):
    data = pipeline.analyze(" date 2015-03 " + MERKEL_BIDEN).to_dict()
    validate(data)
    assert data["dating"]["stated"] == "2015-03"
    assert set(data["dating"]) >= {"stated", "estimate", "interval", "confidence", "consistent", "evidence"}


def test_pretty_output_shows_the_verdict_at_the_top(pipeline):
    import io

    from rich.console import Console

    from lagebild.io.writers import write_pretty

    out = io.StringIO()
    write_pretty(pipeline.analyze(" date 2015-03 " + MERKEL_BIDEN, id="t"), Console(file=out, width=200))
    lines = out.getvalue().splitlines()
    assert lines[1].startswith("written 2021")
    assert "stated date 2015-03 inconsistent" in lines[1] and "US-Präsident Joe Biden" in lines[1]
