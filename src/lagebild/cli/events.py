"""Event commands: `lagebild events` (query and export the store), `lagebild events-debug`
(unknown verbs near actors) and `lagebild eval events` (docs/events.md)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lagebild.cli.common import DbOption, analyze_dict, app, err, eval_app, store_db, usage_error


class EventExport(StrEnum):
    plover = "plover"
    gdelt = "gdelt"


@app.command("events")
def events_command(
    db: DbOption = Path("corpus.db"),
    actor: Annotated[str | None, typer.Option(help="An actor: KB id, name or part of it, or country code.")] = None,
    recipient: Annotated[str | None, typer.Option(help="A recipient, as --actor.")] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER type, e.g. THREATEN.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date, YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date, YYYY[-MM[-DD]].")] = None,
    limit: Annotated[int | None, typer.Option(help="At most N events.")] = None,
    export: Annotated[EventExport | None, typer.Option("--export", help="plover (JSON Lines) or gdelt (tab-separated).")] = None,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the export here (default stdout).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One event row as JSON a line.")] = False,
) -> None:
    """Coded events in the corpus store: who did what to whom, when."""
    from lagebild.store.events import export_gdelt, export_plover, query_events, summary

    try:
        rows = query_events(store_db(db), actor=actor, recipient=recipient, type=type_, since=since, until=until, limit=limit)
    except ValueError as error:
        raise usage_error(error) from None
    if export is not None:
        writer = export_plover if export is EventExport.plover else export_gdelt
        if output is None:
            writer(rows, typer.get_text_stream("stdout"))
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                n = writer(rows, out)
            err.print(f"{n} events → {escape(str(output))}")
        return
    if not rows:
        err.print("no events match")
        return
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    table = Table(title="Events", title_justify="left")
    for heading in ("date", "type", "actor", "recipient", "trigger", "modality", "doc"):
        table.add_column(heading, overflow="fold")
    for row in rows:
        s = summary(row)
        negation = "not " if s["negated"] else ""
        table.add_row(s["date"] or "—", f"{negation}{s['type']}" + (f" {s['mode']}" if s["mode"] else ""), escape(s["actor"] or "—"),
                      escape(s["recipient"] or "—"), escape(s["trigger"] or ""), s["modality"] or "", escape(f"{s['doc_id']} {s['event']}"))
    Console(highlight=False).print(table)


@app.command("events-debug")
def events_debug(
    source: Annotated[str, typer.Argument(help="Text file, folder, JSON Lines or - for stdin.")],
    top: Annotated[int, typer.Option(help="Show the N most frequent verbs.")] = 50,
) -> None:
    """Full verbs near actors that the event lexicon does not know (to grow plover_triggers.tsv)."""
    from lagebild.events.debug import UnknownVerbs
    from lagebild.io.readers import ReadError, read_inputs
    from lagebild.pipeline import Pipeline

    pipeline = Pipeline()
    unknown = UnknownVerbs()
    for record in read_inputs([source]):
        if isinstance(record, ReadError):
            err.print(f"[yellow]skipped[/yellow] {escape(str(record))}")
            continue
        unknown.add(pipeline.analyze(record.text, date=record.date, id=record.id).doc)
    table = Table(title="Unknown verbs near actors", title_justify="left")
    for heading in ("lemma", "n", "example"):
        table.add_column(heading, overflow="fold")
    for lemma, n, example in unknown.rows(top):
        table.add_row(lemma, str(n), escape(example))
    Console(highlight=False).print(table)


@eval_app.command("events")
def eval_events(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (news-events format).", exists=True)],
    texts: Annotated[Path | None, typer.Option(help="JSONL with the texts (id, text) when the gold has none; default ../news-statements/<same name>.")] = None,
    misses: Annotated[bool, typer.Option("--misses", help="List missed, spurious and misattributed events.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Score PLOVER events against the news-events gold (its README's scoring)."""
    from lagebild.eval.events import evaluate_events, format_events_report

    report = evaluate_events(gold, analyze_dict(), texts=texts, limit=limit)
    print(json.dumps(report, ensure_ascii=False, indent=2) if as_json else format_events_report(report, misses))
