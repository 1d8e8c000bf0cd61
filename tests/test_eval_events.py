"""The events scorer (news-events README scoring) on hand-made gold and system events."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.eval.events import (
    build_report,
    evaluate_events,
    format_events_report,
    name_key,
    score_document,
)

TEXT = "Die EU verhängte Sanktionen gegen Belarus. Russland kritisierte die Nato. Berlin lobte Paris."
S1, S2, S3 = TEXT.split(". ")[0] + ".", TEXT.split(". ")[1] + ".", TEXT.split(". ")[2]


def gold_event(type_: str, sentence: str, actor: list[str], recipient: list[str], **extra) -> dict:
    return {"type": type_, "mode": None, "actor": actor, "recipient": recipient, "trigger": "x", "sentence": sentence,
            "negated": False, "modality": "asserted", "date": "2021", **extra}


def span(sentence: str) -> dict:
    start = TEXT.index(sentence)
    return {"start": start, "end": start + len(sentence), "text": sentence}


def system_event(n: int, type_: str, sentence: str, actor: list[str], recipient: list[str], modality: str = "asserted") -> dict:
    people = lambda names: [{"name": n, "entity": None, "country": None, "sector": None, "mention": None} for n in names]  # noqa: E731
    return {"id": f"ev{n}", "type": type_, "mode": None, "actor": people(actor), "recipient": people(recipient), "trigger": span(sentence),
            "sentence": span(sentence), "evidence": [span(sentence)], "negated": False, "modality": modality, "statement": None,
            "date": "2021", "date_source": "document", "location": None, "cameo": "16", "quad_class": 4, "goldstein": -6.0, "confidence": 0.8}


def test_name_keys_follow_the_readme():
    assert name_key("Jens Stoltenberg") == "stoltenberg"
    assert name_key("EU-Kommission") == "kommission"
    assert name_key("Europäische Union") == name_key("EU") == "eu"
    assert name_key("NATO") == name_key("Nato")
    assert name_key("Vereinte Nationen") == name_key("UN") == name_key("UNO")
    assert name_key("Vereinigte Staaten") == name_key("USA") == name_key("US")
    assert name_key("Vereinigtes Königreich") == name_key("Großbritannien") == name_key("UK")
    assert name_key("Bundeskanzlerin Angela Merkel (CDU)") == "merkel"


def test_type_level_full_match_and_confusion():
    record = {"id": "t1", "text": TEXT, "events": [
        gold_event("SANCTION", S1, ["Europäische Union"], ["Belarus"]),
        gold_event("ACCUSE", S2, ["Russland"], ["Nato"]),
        gold_event("SUPPORT", S3, ["Deutschland"], ["Frankreich"]),
    ]}
    analysis = {"text": TEXT, "events": [
        system_event(1, "SANCTION", S1, ["EU"], ["Belarus"]),            # full match (EU = Europäische Union)
        system_event(2, "ACCUSE", S2, ["Russland"], []),                 # type level only: recipient missing
        system_event(3, "REJECT", S3, ["Berlin"], ["Paris"]),            # wrong type: confusion SUPPORT -> REJECT
        system_event(4, "AID", S1, ["EU"], ["Belarus"], "demanded"),     # ignored
    ]}
    report = build_report([score_document(record, analysis)])
    overall = report["overall"]
    assert (overall["type"]["correct_system"], overall["type"]["system"], overall["type"]["gold"]) == (2, 3, 3)
    assert overall["full"]["correct_gold"] == 1
    assert report["confusion"]["SUPPORT -> REJECT"] == 1
    assert report["per_type"]["ACCUSE"]["type"]["f1"] == 1.0 and report["per_type"]["ACCUSE"]["full"]["f1"] == 0.0
    assert report["attributes"]["full_matches"] == 1 and report["attributes"]["modality"] == 1.0
    text = format_events_report(report, misses=True)
    assert "Missed (1)" in text and "Spurious (1)" in text and "actors or recipients wrong (1)" in text


def test_greedy_matching_is_one_to_one():
    record = {"id": "t2", "text": TEXT, "events": [gold_event("SANCTION", S1, ["EU"], ["Belarus"])]}
    analysis = {"text": TEXT, "events": [system_event(1, "SANCTION", S1, ["EU"], ["Belarus"]), system_event(2, "SANCTION", S1, ["EU"], [])]}
    result = score_document(record, analysis)
    assert result.pairs == {0: 0} and result.full == {0}


def test_texts_come_from_the_statements_file(tmp_path: Path):
    (tmp_path / "news-events").mkdir()
    (tmp_path / "news-statements").mkdir()
    (tmp_path / "news-statements" / "g.jsonl").write_text(json.dumps({"id": "t3", "text": TEXT}) + "\n", encoding="utf-8")
    gold = tmp_path / "news-events" / "g.jsonl"
    gold.write_text(json.dumps({"id": "t3", "events": [gold_event("SANCTION", S1, ["EU"], ["Belarus"])]}) + "\n", encoding="utf-8")
    report = evaluate_events(gold, lambda text, date, id: {"text": text, "events": [system_event(1, "SANCTION", S1, ["EU"], ["Belarus"])]})
    assert report["overall"]["full"]["f1"] == 1.0


DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-events" / "dev.jsonl"


@pytest.mark.skipif(not DEV.exists(), reason="needs ../shared/data/news-events")
def test_reference_article_events():
    """d000: the coder finds most of the reference article's events with the gold modality."""
    from lagebild.pipeline import Pipeline

    pipeline = Pipeline()
    report = evaluate_events(DEV, lambda text, date, id: pipeline.analyze(text, date=date, id=id).to_dict(), limit=1)
    d000 = report["per_document"]["d000"]
    assert d000["type_matched"] >= 6 and d000["modality_ok"] >= 5


def test_knowledge_base_aliases_and_regnal_numbers_map_to_one_key():
    from lagebild.eval.events import name_keys, same_parties

    assert same_parties(name_keys(["Grüne"]), name_keys(["Bündnis 90/Die Grünen"]))
    assert same_parties(name_keys(["GDL"]), name_keys(["Gewerkschaft Deutscher Lokomotivführer"]))
    assert same_parties(name_keys(["Benedikt"]), name_keys(["Benedikt XVI."]))
    assert same_parties(name_keys(["Jens Stoltenberg", "Russland"]), name_keys(["Russland", "Stoltenberg"]))
    assert not same_parties(name_keys(["Grüne"]), name_keys(["SPD"]))
    assert not same_parties(name_keys(["Russland", "Belarus"]), name_keys(["Russland"]))
    assert same_parties(name_keys([]), name_keys([])) and not same_parties(name_keys([]), name_keys(["EU"]))
    # an alias names one party, not two
    assert len(name_keys(["Europäische Union", "EU"])) == 1
    # people go by their last name, never by a knowledge-base surname guess
    assert not same_parties(name_keys(["Angela Merkel"]), name_keys(["Bundesregierung"]))
