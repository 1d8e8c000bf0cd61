"""Dating the document from its content (lagebild.layers.dating)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from lagebild.document import Document, Span
from lagebild.layers.dated_events import find_event_mentions, load_events
from lagebild.layers.dating import DatingLayer, Evidence, date_document
from lagebild.layers.dating_clues import date_shapes
from lagebild.layers.dating_model import Shape, month_number
from lagebild.layers.timex import TimexLayer, value_period
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


def d(s: str) -> dt.date:
    return dt.date.fromisoformat(s)


def term(lo: str, hi: str, weight: float = 2.0) -> Evidence:
    """An office held from lo to hi, as `dating_clues` makes it."""
    return Evidence(Span(0, 1, "x"), "office", "office", [(d(lo), d(hi))], weight,
                    [Shape(d(lo), d(hi), rise=1.0, fall=1.0)], 0.03)


def told(value: str, tense: str | None) -> Evidence:
    lo, hi, gran = value_period(value)
    return Evidence(Span(0, 1, "x"), value, "date", shapes=date_shapes(lo, hi, gran, tense), floor=0.02)


def test_no_evidence_no_estimate():
    dating = date_document([], "2021-06")
    assert (dating.estimate, dating.interval, dating.consistent, dating.confidence) == (None, None, None, 0.0)


def test_a_shape_is_a_density_with_soft_edges():
    inside = Shape(d("2010-01-01"), d("2010-12-31"), rise=1.0).density()
    i = month_number(d("2010-01-01"))
    assert abs(inside.sum() - 1.0) < 1e-9
    assert inside[i] == inside[i + 11] > inside[i - 1] > inside[i - 3] > 0
    assert inside[i + 12] == 0  # no tail after it


def test_the_estimate_lies_where_two_terms_overlap():
    dating = date_document([term("2005-11-22", "2021-12-08"), term("2021-01-20", "2025-01-20")], None)
    assert dating.estimate[:4] == "2021"
    lo, hi = dating.interval
    assert "2020-09" <= lo <= "2021-01" and "2021-11" <= hi <= "2022-06"
    assert dating.consistent is None
    assert 0.5 < dating.confidence <= 1.0


def test_a_flat_run_of_years_gives_its_middle():
    assert date_document([term("2001-01-01", "2009-12-31")], None).estimate == "2005"


def test_stated_date_ruled_out_by_offices_is_inconsistent_with_the_evidence_that_rules_it_out():
    merkel, biden = term("2005-11-22", "2021-12-08"), term("2021-01-20", "2025-01-20")
    dating = date_document([merkel, biden], "2024-06")
    assert dating.consistent is False
    assert [e.rules_out_stated for e in dating.evidence] == [True, False]
    assert date_document([merkel, biden], "2021-06").consistent is True


def test_one_weak_clue_alone_does_not_make_a_date_inconsistent():
    past = told("2019-05", "past")
    past.hard, past.weight = [(d("2019-05-01"), dt.date.max)], 1.0
    assert date_document([past], "2018-01").consistent is True


def test_a_text_is_written_soon_after_the_last_thing_it_reports():
    clues = [told("1998", "past"), told("2005-10-12", "past"), told("2008", "future")]
    assert date_document(clues, None).estimate == "2005-10"


def test_a_year_told_in_the_past_is_most_likely_the_year_before_the_writing():
    assert date_document([told("2011", "past")], None).estimate == "2012"
    assert date_document([told("2011", "future")], None).estimate[:4] in ("2010", "2011")


def test_the_same_year_told_again_is_one_clue(layers):
    text = "Das Unglück geschah 1989. Im Jahr 1989 starben viele Menschen. Er kam 2004 nach Berlin."
    doc = analyse(layers, text)
    assert [e.span.text for e in doc.layers["dating"].evidence if e.kind == "date"].count("1989") <= 1


def test_weekday_candidates_are_a_mixture_and_the_latest_date_told_picks_one():
    weekday = Evidence(Span(0, 1, "x"), "weekday", "weekday", [], 1.5,
                       [Shape(d("2007-03-24"), d("2007-04-24"), 1.0, 1.0), Shape(d("2012-03-24"), d("2012-04-24"), 1.0, 1.0)],
                       0.1)
    assert date_document([weekday, told("2011-11", "past")], None).estimate[:4] == "2012"
    assert date_document([weekday, told("2006-11", "past")], None).estimate[:4] == "2007"


# --------------------------------------------------------------------------- offices


MERKEL_BIDEN = ("Beim Treffen in Rom sprach Bundeskanzlerin Angela Merkel lange mit US-Präsident Joe Biden "
                "über den Handel.")


def test_office_holders_bound_the_time_of_writing(layers):
    doc = analyse(layers, MERKEL_BIDEN, entities=[
        ("Bundeskanzlerin Angela Merkel", "angela-merkel", "Bundeskanzlerin"),
        ("US-Präsident Joe Biden", "joe-biden", "US-Präsident")])
    dating = doc.layers["dating"]
    assert dating.estimate == "2021"
    assert "2020-09" <= dating.interval[0] <= "2021-01" and "2021-11" <= dating.interval[1] <= "2022-06"
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
    assert dating.estimate[:4] in ("2004", "2005", "2008", "2009")


def test_an_incumbent_holds_one_of_their_offices(layers):
    text = "Amtsinhaber Klaus Wowereit tritt wieder an."
    doc = analyse(layers, text, entities=[("Amtsinhaber Klaus Wowereit", "klaus-wowereit", "Amtsinhaber")])
    dating = doc.layers["dating"]
    assert dating.interval[0] <= "2001-06" and dating.interval[1] >= "2014-12"
    assert "2001" <= dating.estimate <= "2014"


def test_a_former_office_is_no_evidence_of_tenure(layers):
    text = "Der frühere US-Präsident Barack Obama hielt in Berlin eine Rede."
    doc = analyse(layers, text, entities=[("US-Präsident Barack Obama", "barack-obama", "US-Präsident")])
    assert kinds(doc) == ["former_office"]
    assert "2016-06" <= doc.layers["dating"].interval[0] <= "2017-01"  # after the end of the term
    assert doc.layers["dating"].estimate >= "2017"


def test_an_office_held_then_says_nothing_about_the_time_of_writing(layers):
    text = "Der damalige Bundeskanzler Gerhard Schröder hatte das Gesetz unterschrieben."
    doc = analyse(layers, text, entities=[("Bundeskanzler Gerhard Schröder", "gerhard-schroeder", "Bundeskanzler")])
    assert doc.layers["dating"].estimate is None


def test_without_entities_the_layer_still_runs_on_the_words_alone(layers):
    doc = analyse(layers, MERKEL_BIDEN)
    assert kinds(doc) == ["word"]  # `Bundeskanzlerin`: a woman as chancellor, 2005-11 … 2021-12
    assert "2005" <= doc.layers["dating"].estimate <= "2021"


# --------------------------------------------------------------------------- dates and tense


def test_past_tense_dates_bound_from_below_future_ones_from_above(layers):
    text = "Am 3. März 2008 hatte die Firma ihr Werk geschlossen. Im Mai 2010 wird sie ein neues eröffnen."
    dating = analyse(layers, text).layers["dating"]
    assert dating.interval[0] == "2008-03" and dating.interval[1] <= "2010-05"
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
    assert dating.interval[1] == "2023-07"
    assert "2022-07" <= dating.estimate <= "2023-07"


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


# --------------------------------------------------------------------------- dated words, ages, anniversaries


def test_vocabulary_data_is_well_formed():
    from lagebild.layers.dating_clues import load_vocabulary

    words = load_vocabulary("de")
    assert len(words) > 200
    assert {w.kind for w in words} == {"since", "until", "between", "event"}
    for w in words:
        assert w.why and w.start <= w.end
        assert not w.pattern.search("")  # no pattern matches nothing at all


def test_a_word_that_exists_only_since_some_year_bounds_the_text_from_below(layers):
    doc = analyse(layers, "Die Regierung will die Regeln für Hartz IV ändern.")
    dating = doc.layers["dating"]
    assert kinds(doc) == ["word"]
    assert dating.interval[0] >= "2003-01" and dating.estimate >= "2003"


def test_a_bygone_currency_as_current_money_bounds_the_text_from_above(layers):
    doc = analyse(layers, "Der Umbau kostet 4,5 Millionen D-Mark und beginnt im Frühjahr.")
    assert kinds(doc) == ["word"]
    assert doc.layers["dating"].estimate <= "2001"


def test_a_word_inside_an_office_title_adds_nothing_to_the_office(layers):
    doc = analyse(layers, MERKEL_BIDEN, entities=[
        ("Bundeskanzlerin Angela Merkel", "angela-merkel", "Bundeskanzlerin")])
    assert "word" not in kinds(doc)


def test_an_age_on_a_birthday_dates_the_text(layers):
    text = "Der am 5. August 1930 in Ohio geborene Astronaut wurde heute 75 Jahre alt."
    dating = analyse(layers, text).layers["dating"]
    assert dating.estimate == "2005-08"
    assert "span" in kinds(analyse(layers, text))


def test_an_anniversary_of_a_date_named_with_it_dates_the_text(layers):
    text = "Zum 16. Jahrestag der Niederschlagung der Proteste am 4. Juni 1989 kamen Tausende."
    assert analyse(layers, text).layers["dating"].estimate[:4] == "2005"
    text = "Vor 40 Jahren, am 4. Dezember 1964, wurde die Stiftung gegründet."
    assert analyse(layers, text).layers["dating"].estimate[:4] == "2004"


def test_an_age_without_a_birth_date_says_nothing(layers):
    doc = analyse(layers, "Der 64-Jährige wurde im Jahr 2003 verletzt.")
    assert "span" not in kinds(doc)


def test_years_ago_may_be_written_in_words(layers):
    text = "Vor zehn Jahren, im März 1996, begann der Bau der Brücke."
    assert analyse(layers, text).layers["dating"].estimate[:4] == "2006"


def test_a_season_across_two_years_dates_the_text(layers):
    doc = analyse(layers, "In der Saison 2005/06 spielt der Verein in der zweiten Liga.")
    assert kinds(doc) == ["date"]
    assert doc.layers["dating"].estimate[:4] in ("2005", "2006")
    assert kinds(analyse(layers, "Die Saison 2005/08 war lang.")) == []  # no season


def test_the_number_of_an_edition_of_a_series_gives_its_year(layers):
    from lagebild.layers.dating_clues import load_series

    assert len(load_series("de")) >= 10
    doc = analyse(layers, "Auf der 57. Berlinale lief der Film im Wettbewerb.")
    assert kinds(doc) == ["event"]
    assert doc.layers["dating"].estimate[:4] == "2007"
    assert analyse(layers, "Der 37C3 fand in Hamburg statt.").layers["dating"].estimate[:4] == "2023"
    assert kinds(analyse(layers, "Die 900. Berlinale wird es nie geben.")) == []  # beyond today


def test_a_day_without_its_year_gives_the_month_and_one_still_to_come_the_month_before(layers):
    past = analyse(layers, "Im Jahr 2007 wurde gebaut. Am 24. März war die Firma geschlossen.").layers["dating"]
    assert past.estimate in ("2008-03", "2008-04")
    to_come = analyse(layers, "Im Jahr 2007 wurde gebaut. Am 24. März wird die Firma öffnen.").layers["dating"]
    assert to_come.estimate in ("2008-02", "2008-03")


def test_a_bare_title_linked_at_the_stated_date_is_no_evidence_for_that_date(pipeline):
    # `der Bundeskanzler` is linked to whoever held the office at the header's date; counting that
    # holder's term would let the header vouch for itself.
    data = pipeline.analyze("Der Bundeskanzler reiste am Montag nach Paris.", date="2023-05-10").to_dict()
    assert not [e for e in data["dating"]["evidence"] if e["kind"] == "office"]



def test_a_title_with_its_name_is_evidence(pipeline):
    data = pipeline.analyze("Bundeskanzlerin Angela Merkel reiste am Montag nach Paris.", date="2023-05-10").to_dict()
    offices = [e["reason"] for e in data["dating"]["evidence"] if e["kind"] == "office"]
    assert offices and all("Angela Merkel" in reason for reason in offices)
    assert data["dating"]["consistent"] is False
