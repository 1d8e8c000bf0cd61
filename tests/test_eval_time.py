"""`lagebild eval time`: dating scored against publication dates (lagebild.eval.time)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.eval.time import evaluate_time, format_time_report, news_texts, wikinews_texts

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def spkatt_file(folder: Path, name: str, sentences: list[str]) -> None:
    data = {"Sentences": [{"SentenceId": str(i), "Tokens": s.split()} for i, s in enumerate(sentences)],
            "Annotations": []}
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def fake_analyze(estimates: dict[str, str | None], verdicts: dict[str, bool | None]):
    """An analyse function that answers from tables: estimate by text without a date, verdict with one."""

    def analyze(text: str, date: str | None = None, id: str | None = None) -> dict:
        if date is None:
            interval = [estimates[text][:4] + "-06", estimates[text][:4] + "-12"] if estimates[text] else None
            return {"dating": {"estimate": estimates[text], "interval": interval, "confidence": 0.5,
                               "consistent": None, "evidence": []}}
        return {"dating": {"estimate": estimates[text], "consistent": verdicts[text],
                           "evidence": [{"reason": "r", "rules_out_stated": verdicts[text] is False}]}}

    return analyze


def test_scores_year_month_share_and_false_alarms(tmp_path):
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    spkatt_file(wiki, "1 - A (2021-06-10).json", ["Eins ."])
    spkatt_file(wiki, "2 - B (2008-03-01).json", ["Zwei ."])
    spkatt_file(wiki, "3 - C (2010-01-05).json", ["Drei ."])
    estimates = {"Eins .": "2021-06", "Zwei .": "2008", "Drei .": None}
    verdicts = {"Eins .": True, "Zwei .": False, "Drei .": None}
    report = evaluate_time([wiki], fake_analyze(estimates, verdicts))
    figures = report["sets"][str(wiki)]
    assert figures["documents"] == 3
    assert figures["with_estimate"] == pytest.approx(2 / 3)
    assert figures["year_accuracy"] == pytest.approx(2 / 3)  # no estimate counts as wrong
    assert figures["month_accuracy"] == pytest.approx(1 / 3)  # a year-level estimate never matches a month
    assert figures["false_alarm_rate"] == pytest.approx(1 / 3)
    assert figures["year_accuracy_estimated"] == pytest.approx(1.0)  # both estimates have the right year
    assert figures["interval_contains"] == pytest.approx(1 / 2)  # 2021-06 … 2021-12 holds 2021-06; 2008-06 … 2008-12 not 2008-03
    assert "false alarm" in format_time_report(report, misses=True)


def test_news_records_use_url_date_and_strip_the_header(tmp_path):
    path = tmp_path / "news.jsonl"
    records = [
        {"id": "a", "text": " date 2019-01 Text eins.", "url_date": "2016-11-09"},
        {"id": "b", "text": "Text zwei.", "url_date": None},
        {"id": "c", "text": " date 2020-02 Text drei.", "url_date": None},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    dated, headed = news_texts(path)
    assert [(t.name, t.text, t.date, t.header) for t in dated] == [("a", "Text eins.", "2016-11-09", "2019-01")]
    assert [(t.name, t.header, t.date) for t in headed] == [("a", "2019-01", "2016-11-09"), ("c", "2020-02", "")]


@pytest.mark.skipif(not (SHARED / "wikinews-spkatt" / "train").is_dir(), reason="shared data not available")
def test_real_wikinews_texts_load_with_their_dates():
    texts = wikinews_texts(SHARED / "wikinews-spkatt" / "train", limit=3)
    assert len(texts) == 3
    assert all(len(t.date) == 10 and t.text for t in texts)


@pytest.mark.skipif(not (SHARED / "news-statements" / "dev.jsonl").is_file(), reason="shared data not available")
def test_reference_article_header_is_judged_inconsistent(pipeline):
    _, headed = news_texts(SHARED / "news-statements" / "dev.jsonl", limit=1)
    analysis = pipeline.analyze(headed[0].text, id="d000").to_dict()["dating"]
    assert analysis["consistent"] is False
    assert analysis["estimate"].startswith("2021")
    reasons = " ".join(e["reason"] for e in analysis["evidence"])
    assert "Merkel" in reasons and "Biden" in reasons and "2020" in reasons
