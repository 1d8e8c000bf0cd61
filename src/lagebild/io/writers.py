"""Renderings of an Analysis: JSON, JSON Lines and a terminal view (rich)."""

from __future__ import annotations

import json
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lagebild.analysis import Analysis

STYLE = {"message": "bold green", "cue": "bold magenta", "speaker": "bold cyan underline", "medium": "yellow"}
# entity mentions get a background, so that the statement colours stay readable on top
ENTITY_STYLE = {"PER": "on grey30", "ORG": "on dark_blue", "GPE": "on dark_red", "LOC": "on dark_red", "MISC": "on grey19"}


def write_json(analyses: list[Analysis], out: IO[str]) -> None:
    data = analyses[0].to_dict() if len(analyses) == 1 else [a.to_dict() for a in analyses]
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(analysis: Analysis, out: IO[str]) -> None:
    out.write(json.dumps(analysis.to_dict(), ensure_ascii=False))
    out.write("\n")


def highlighted_text(analysis: Analysis) -> Text:
    """The article with statements, cues, speakers and media highlighted."""
    data = analysis.to_dict()
    text = Text(analysis.text)
    for entity in data["entities"]:
        text.stylize(ENTITY_STYLE.get(entity["label"], ENTITY_STYLE["MISC"]), entity["start"], entity["end"])
    for st in data["statements"]:
        spans = [("message", st["message"]), ("cue", st["cue"]), ("speaker", st["speaker"]["mention"]), ("medium", st["medium"])]
        for role, span in spans:
            if span:
                for part in span.get("parts") or [span]:
                    text.stylize(STYLE[role], part["start"], part["end"])
    return text


def statements_table(analysis: Analysis) -> Table:
    table = Table(title="Who said what", show_lines=False, expand=True)
    table.add_column("#", no_wrap=True)
    table.add_column("speaker", overflow="fold", ratio=2)
    table.add_column("kind", no_wrap=True)
    table.add_column("cue", overflow="fold", ratio=1)
    table.add_column("message", overflow="fold", ratio=5)
    for st in analysis.to_dict()["statements"]:
        table.add_row(st["id"], st["speaker"]["name"] or "?", st["kind"], _span_words(st["cue"]), st["message"]["text"])
    return table


def write_pretty(analysis: Analysis, console: Console) -> None:
    title = analysis.id or "text"
    date = analysis.doc.stated_date or "no date"
    console.rule(f"[bold]{title}[/bold]  ({date})")
    verdict = dating_verdict(analysis)
    if verdict is not None:
        console.print(verdict)
    legend = Text.assemble(("message", STYLE["message"]), "  ", ("cue", STYLE["cue"]), "  ", ("speaker", STYLE["speaker"]), "  ", ("medium", STYLE["medium"]),
                           "  ", *[(f" {label} ", ENTITY_STYLE[label]) for label in ("PER", "ORG", "GPE")])
    console.print(legend)
    console.print(highlighted_text(analysis))
    console.print(statements_table(analysis))
    if analysis.doc.layers.get("events"):
        console.print(events_table(analysis))


def events_table(analysis: Analysis) -> Table:
    """Who did what to whom: one row per coded event."""
    table = Table(title="Who did what", show_lines=False, expand=True)
    for heading, ratio in (("#", None), ("type", None), ("actor", 2), ("recipient", 2), ("trigger", 2), ("modality", None), ("date", None)):
        table.add_column(heading, overflow="fold", ratio=ratio, no_wrap=ratio is None)
    for ev in analysis.to_dict()["events"]:
        kind = ("not " if ev["negated"] else "") + ev["type"] + (f" {ev['mode']}" if ev["mode"] else "")
        names = lambda actors: ", ".join(a["name"] for a in actors) or "—"  # noqa: E731
        table.add_row(ev["id"], kind, names(ev["actor"]), names(ev["recipient"]), _span_words(ev["trigger"]), ev["modality"], ev["date"] or "—")
    return table


def dating_verdict(analysis: Analysis) -> Text | None:
    """One line: when the text was written by its content, and whether the stated date fits."""
    dating = analysis.doc.layers.get("dating")
    if dating is None or (dating.estimate is None and dating.consistent is None):
        return None
    data = dating.to_json()
    lo, hi = data["interval"] or (None, None)
    line = Text.assemble(("written ", "bold"), (data["estimate"] or "?", "bold"),
                         f"  (interval {lo or '…'} – {hi or '…'}, confidence {data['confidence']:.2f})")
    if data["consistent"] is False:
        line.append(f"  stated date {data['stated']} inconsistent", style="bold red")
        ruled = [e["span"]["text"] for e in data["evidence"] if e["rules_out_stated"]]
        line.append(f": {'; '.join(ruled)}" if ruled else "")
        line.append(f"; relative times resolved against {data['resolved_against']}")
    elif data["consistent"]:
        line.append(f"  stated date {data['stated']} consistent", style="green")
    return line


def _span_words(span: dict | None) -> str:
    if not span:
        return "—"
    return " … ".join(part["text"] for part in span["parts"]) if span.get("parts") else span["text"]
