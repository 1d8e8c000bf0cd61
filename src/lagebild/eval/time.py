"""Score document dating (`lagebild eval time`).

Two kinds of gold: WikiNews files in SpkAtt format, whose publication date is in the file name
(`… (2005-08-20).json`; the text rebuilt from the tokens as in `eval spkatt`), and JSON Lines in
the news-statements format, whose `url_date` is the date the publisher's address gives (records
without one are skipped; a ` date …` header is stripped before the analysis).

Each document is analysed twice. Without any date: is there an estimate (there is one whenever
the text holds any clue), do its year and month match the true date (an estimate at year level
never matches a month; no estimate counts as wrong), how often is the year right among the
documents with an estimate, and how often does the interval hold the true month? With its true date: is that date judged inconsistent (a false alarm)? Headers in
the news-statements texts are also judged, and listed where found inconsistent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.document import Document
from lagebild.eval.report import Analyze, pct, ratio, shorten, spread_sample, table
from lagebild.eval.spkatt import document_paths, load_document

SAMPLE_SIZE = 25


@dataclass(frozen=True)
class DatedText:
    name: str
    text: str  # without a header
    date: str  # the true date: YYYY, YYYY-MM or YYYY-MM-DD
    header: str | None = None  # a header date the source carried, judged separately


def wikinews_texts(directory: str | Path, limit: int | None = None) -> list[DatedText]:
    texts = []
    for path in document_paths(directory, limit):
        doc = load_document(path)
        if doc.date:
            texts.append(DatedText(path.stem, doc.text, doc.date))
    return texts


def news_texts(path: str | Path, limit: int | None = None) -> tuple[list[DatedText], list[DatedText]]:
    """Records with a `url_date`, and records whose text has a ` date …` header (true date or None)."""
    dated, headed = [], []
    with open(path, encoding="utf-8") as file:
        records = [json.loads(line) for line in file if line.strip()][:limit]
    for record in records:
        doc = Document.from_text(record["text"])
        body = record["text"][doc.body_start:]
        name = str(record.get("id"))
        if record.get("url_date"):
            dated.append(DatedText(name, body, record["url_date"], doc.stated_date))
        if doc.header is not None:
            headed.append(DatedText(name, record["text"], record.get("url_date") or "", doc.stated_date))
    return dated, headed


def _inside(interval: list[str | None] | None, truth: str) -> bool:
    """The true month lies in the interval (open ends reach as far as need be)."""
    if not interval or len(truth) < 7:
        return False
    lo, hi = interval
    return (lo is None or lo <= truth[:7]) and (hi is None or truth[:7] <= hi)


def _hit(estimate: str | None, truth: str, length: int) -> bool:
    return bool(estimate) and len(truth) >= length and len(estimate) >= length and estimate[:length] == truth[:length]


def score_texts(texts: list[DatedText], analyze: Analyze) -> dict[str, Any]:
    """Estimates from content alone, and verdicts on the true date."""
    rows = []
    for t in texts:
        blind = analyze(t.text, None, t.name)["dating"] or {}
        given = analyze(t.text, t.date, t.name)["dating"] or {}
        rows.append({
            "name": t.name,
            "date": t.date,
            "estimate": blind.get("estimate"),
            "interval": blind.get("interval"),
            "confidence": blind.get("confidence", 0.0),
            "year_ok": _hit(blind.get("estimate"), t.date, 4),
            "month_ok": _hit(blind.get("estimate"), t.date, 7),
            "inside": _inside(blind.get("interval"), t.date),
            "false_alarm": given.get("consistent") is False,
            "ruled_out_by": [e["reason"] for e in given.get("evidence", []) if e.get("rules_out_stated")],
            "evidence": [e["reason"] for e in blind.get("evidence", [])],
        })
    n = len(rows)
    with_month = [r for r in rows if len(r["date"]) >= 7]
    estimated = [r for r in rows if r["estimate"] is not None]
    return {
        "documents": n,
        "with_estimate": ratio(sum(r["estimate"] is not None for r in rows), n),
        "year_accuracy": ratio(sum(r["year_ok"] for r in rows), n),
        "month_accuracy": ratio(sum(r["month_ok"] for r in with_month), len(with_month)),
        "year_accuracy_estimated": ratio(sum(r["year_ok"] for r in estimated), len(estimated)),
        "interval_contains": ratio(sum(r["inside"] for r in estimated if len(r["date"]) >= 7),
                                   sum(len(r["date"]) >= 7 for r in estimated)),
        "false_alarm_rate": ratio(sum(r["false_alarm"] for r in rows), n),
        "rows": rows,
    }


def judge_headers(texts: list[DatedText], analyze: Analyze) -> list[dict[str, Any]]:
    """The verdict on each header (the header is in the text; no date is passed)."""
    out = []
    for t in texts:
        dating = analyze(t.text, None, t.name)["dating"] or {}
        out.append({
            "name": t.name,
            "header": t.header,
            "true_date": t.date or None,
            "estimate": dating.get("estimate"),
            "consistent": dating.get("consistent"),
            "ruled_out_by": [e["reason"] for e in dating.get("evidence", []) if e.get("rules_out_stated")],
        })
    return out


def evaluate_time(paths: list[str | Path], analyze: Analyze, limit: int | None = None) -> dict[str, Any]:
    """`paths`: WikiNews folders (SpkAtt files) and news-statements JSONL files."""
    report: dict[str, Any] = {"sets": {}, "headers": []}
    for path in paths:
        path = Path(path)
        if path.is_dir():
            report["sets"][str(path)] = score_texts(wikinews_texts(path, limit), analyze)
        else:
            dated, headed = news_texts(path, limit)
            report["sets"][str(path)] = score_texts(dated, analyze)
            report["headers"] += judge_headers(headed, analyze)
    return report


# --- text report -----------------------------------------------------------------------------


def _misses_text(name: str, rows: list[dict[str, Any]]) -> list[str]:
    wrong = [r for r in rows if not r["year_ok"]]
    alarms = [r for r in rows if r["false_alarm"]]
    lines = [f"\n{name}: wrong year ({len(spread_sample(wrong, SAMPLE_SIZE))} of {len(wrong)}):"]
    for r in spread_sample(wrong, SAMPLE_SIZE):
        lines.append(f"  {shorten(r['name'], 50)}  true {r['date']}  estimate {r['estimate'] or '—'}  "
                     f"{shorten('; '.join(r['evidence']), 120)}")
    lines.append(f"{name}: false alarms ({len(alarms)}):")
    for r in alarms:
        lines.append(f"  {shorten(r['name'], 50)}  true {r['date']}  ruled out by: {shorten('; '.join(r['ruled_out_by']), 140)}")
    return lines


def format_time_report(report: dict[str, Any], misses: bool = False) -> str:
    rows = [
        [name, s["documents"], pct(s["with_estimate"]), pct(s["year_accuracy"]), pct(s["month_accuracy"]),
         pct(s["year_accuracy_estimated"]), pct(s["interval_contains"]), pct(s["false_alarm_rate"])]
        for name, s in report["sets"].items()
    ]
    lines = ["Dating from content alone (no date given), and false alarms on the true date:",
             table(["set", "docs", "estimate %", "year %", "month %", "year % (estimated)", "in interval %",
                    "false alarm %"], rows)]
    if report["headers"]:
        lines.append("\nHeaders judged (date in the text):")
        lines.append(table(
            ["id", "header", "true date", "estimate", "consistent"],
            [[h["name"], h["header"], h["true_date"] or "—", h["estimate"] or "—", str(h["consistent"])]
             for h in report["headers"]],
        ))
    if misses:
        for name, s in report["sets"].items():
            lines += _misses_text(name, s["rows"])
    return "\n".join(lines)
