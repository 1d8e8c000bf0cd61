"""Renderings of an Analysis: JSON, JSON Lines and a terminal view (rich)."""

from __future__ import annotations

import json
from typing import IO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from lagebild.analysis import Analysis

STYLE = {"message": "bold green", "cue": "bold magenta", "speaker": "bold cyan underline", "medium": "yellow"}


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
    legend = Text.assemble(("message", STYLE["message"]), "  ", ("cue", STYLE["cue"]), "  ", ("speaker", STYLE["speaker"]), "  ", ("medium", STYLE["medium"]))
    console.print(legend)
    console.print(highlighted_text(analysis))
    console.print(statements_table(analysis))


def _span_words(span: dict | None) -> str:
    if not span:
        return "—"
    return " … ".join(part["text"] for part in span["parts"]) if span.get("parts") else span["text"]
