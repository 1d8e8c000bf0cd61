"""Corpus store commands (lagebild.store; docs/store.md)."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from lagebild.cli.common import DbOption, app, err, store_db, usage_error


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class Engine(StrEnum):
    local = "local"
    ray = "ray"


class Period(StrEnum):
    week = "week"
    month = "month"


FormatOption = Annotated[
    OutputFormat,
    typer.Option("--format", "-f", help="table, json (one object a line) or csv."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Same as --format json.")]


def emit(
    rows: list[dict[str, Any]],
    fmt: OutputFormat,
    columns: dict[str, str],
    title: str,
    empty: str,
) -> None:
    """Print query rows: a rich table of `columns` (key -> heading), or every field as JSON
    lines or CSV on stdout."""
    if not rows:
        err.print(empty)
        return
    if fmt is OutputFormat.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    elif fmt is OutputFormat.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title, title_justify="left", show_lines=False)
        for heading in columns.values():
            table.add_column(heading, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(key)) for key in columns))
        Console(highlight=False).print(table)


def _cell(value: Any) -> str:
    return "—" if value is None or value == "" else escape(str(value))


def _format(fmt: OutputFormat, as_json: bool) -> OutputFormat:
    return OutputFormat.json if as_json else fmt


@app.command("ingest")
def store_ingest(
    paths: Annotated[list[str], typer.Argument(help="Text, HTML or JSONL files, directories, or - for stdin.")],
    db: DbOption = Path("lagebild.db"),
    workers: Annotated[int | None, typer.Option("--workers", "-w", min=1, help="Analysis processes (local; default 1) or Ray actors (default: one per CPU).")] = None,
    reanalyze: Annotated[bool, typer.Option("--reanalyze", help="Redo documents stored by another lagebild version.")] = False,
    rejects: Annotated[Path | None, typer.Option("--rejects", help="Write unreadable or failed records here (JSONL: origin, reason).")] = None,
    date: Annotated[str | None, typer.Option(help="Stated date YYYY[-MM[-DD]] for records without one.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = 200,
    engine: Annotated[Engine, typer.Option("--engine", help="local (processes on this machine) or ray.")] = Engine.local,
    address: Annotated[str | None, typer.Option("--address", help="Ray cluster to join (auto, ray://HEAD:10001); default: a local Ray.")] = None,
    out: Annotated[Path | None, typer.Option("--out", help="Write a Parquet dataset of analyses here instead of the store (then: lagebild load).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse articles into a corpus store; idempotent and resumable."""
    from lagebild.store import ingest as run_ingest

    if address and engine is not Engine.ray:
        raise usage_error(ValueError("--address needs --engine ray"))
    if engine is Engine.local and workers is None:
        workers = 1
    stats = run_ingest(
        paths,
        None if out else db,
        workers=workers,
        reanalyze=reanalyze,
        rejects_path=rejects,
        progress=not quiet,
        batch_size=batch_size,
        date=date,
        engine=engine.value,
        address=address,
        out_dir=out,
    )
    for failure in stats.failed[:20]:
        err.print(f"[red]error[/red] {escape(failure)}")
    if len(stats.failed) > 20:
        err.print(f"… {len(stats.failed) - 20} more" + (f" (all in {rejects})" if rejects else ""))
    err.print(
        f"{stats.ingested} ingested ({stats.reanalyzed} re-analysed), {stats.skipped_present} already present, "
        f"{len(stats.failed)} failed, {stats.docs_per_s:.1f} docs/s → {out or db}"
    )
    if stats.failed:
        raise typer.Exit(1)


@app.command("load")
def store_load(
    directory: Annotated[Path, typer.Argument(help="A Parquet dataset of analyses (lagebild ingest --out DIR).")],
    db: DbOption = Path("lagebild.db"),
) -> None:
    """Bring analyses written by `ingest --out` into a corpus store; idempotent."""
    from lagebild.store import load

    try:
        loaded, skipped = load(directory, db)
    except FileNotFoundError as error:
        raise usage_error(error) from None
    err.print(f"{loaded} loaded, {skipped} already present → {db}")


@app.command("search")
def store_search(
    query: Annotated[str, typer.Argument(help="Full-text query (FTS5 syntax: words, \"phrases\", OR, prefix*).")],
    db: DbOption = Path("lagebild.db"),
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 20,
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonOption = False,
) -> None:
    """Search document texts in a corpus store."""
    from lagebild.store import search

    try:
        hits = search(store_db(db), query, limit=limit)
    except ValueError as error:
        raise usage_error(error) from None
    columns = {"doc_id": "document", "date": "date", "title": "title", "snippet": "hit"}
    emit(hits, _format(fmt, as_json), columns, f"search: {query}", "no hits")


@app.command("statements")
def store_statements(
    db: DbOption = Path("lagebild.db"),
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Substring of the speaker name (any case), or an actor (KB id, name).")] = None,
    about: Annotated[str | None, typer.Option("--about", "-a", help="An actor mentioned in the message, or a full-text query over the messages.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, indirect, mixed, …")] = None,
    since: Annotated[str | None, typer.Option(help="Documents dated on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Documents dated on or before YYYY[-MM[-DD]].")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 100,
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonOption = False,
) -> None:
    """Who said what: statements in a corpus store."""
    from lagebild.store import statements

    try:
        rows = statements(store_db(db), speaker=speaker, about=about, kind=kind, since=since, until=until, limit=limit)
    except ValueError as error:
        raise usage_error(error) from None
    columns = {
        "date": "date",
        "doc_id": "document",
        "n": "#",
        "speaker_name": "speaker",
        "kind": "kind",
        "cue_text": "cue",
        "message_text": "message",
    }
    emit(rows, _format(fmt, as_json), columns, "statements", "no statements")


@app.command("actors")
def store_actors(
    db: DbOption = Path("lagebild.db"),
    label: Annotated[list[str] | None, typer.Option("--label", "-l", help="PER, ORG, LOC, GPE or MISC (repeatable).")] = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many actors.")] = 20,
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonOption = False,
) -> None:
    """The most mentioned actors: mentions, statements made, statements about them."""
    from lagebild.store import actors

    labels = [part for value in label or [] for part in value.replace(",", " ").split()]
    try:
        rows = actors(store_db(db), labels=labels, top=top)
    except ValueError as error:
        raise usage_error(error) from None
    columns = {
        "name": "actor",
        "label": "label",
        "kb_id": "KB id",
        "mentions": "mentions",
        "documents": "docs",
        "statements_made": "said",
        "statements_about": "said about",
    }
    emit(rows, _format(fmt, as_json), columns, "actors (statements they made, statements about them)", "no actors")


@app.command("timeline")
def store_timeline(
    name: Annotated[str, typer.Argument(help="An actor: KB id, name or part of a name.")],
    db: DbOption = Path("lagebild.db"),
    by: Annotated[Period, typer.Option("--by", help="week or month.")] = Period.month,
    fmt: FormatOption = OutputFormat.table,
    as_json: JsonOption = False,
) -> None:
    """An actor over time: documents, mentions, statements made and about, events."""
    from lagebild.store import timeline

    rows = timeline(store_db(db), name, by=by.value)
    columns = {
        "period": by.value,
        "documents": "docs",
        "mentions": "mentions",
        "statements_made": "said",
        "statements_about": "said about",
        "events": "events",
    }
    emit(rows, _format(fmt, as_json), columns, f"timeline: {name} (statements made, about)", f"no actor {name!r} in the store")


@app.command("network")
def store_network(
    output: Annotated[Path, typer.Option("--output", "-o", help="FILE.graphml or FILE.gexf.")],
    db: DbOption = Path("lagebild.db"),
    min_weight: Annotated[int, typer.Option("--min-weight", min=1, help="Leave out edges lighter than this.")] = 1,
) -> None:
    """The actor network (speaks about, co-mentioned), for Gephi or networkx."""
    from lagebild.store import write_network

    try:
        nodes, edges = write_network(store_db(db), output, min_weight=min_weight)
    except ValueError as error:
        raise usage_error(error) from None
    err.print(f"{nodes} actors, {edges} edges → {output}")


@app.command("export")
def store_export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File (jsonl analyses; one table as csv/jsonl) or directory.")],
    db: DbOption = Path("lagebild.db"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv or parquet (partitioned by year-month).")] = ExportFormat.jsonl,
    table: Annotated[list[str] | None, typer.Option("--table", "-t", help="documents, statements, entities, timexes, events, event_actors (repeatable; default: all, or the analyses for jsonl).")] = None,
) -> None:
    """Export a corpus store: the analyses as JSONL, or its tables as CSV, JSONL or Parquet."""
    from lagebild.store import export

    try:
        written = export(store_db(db), format.value, output, tables=table or None)
    except (ValueError, FileExistsError) as error:
        raise usage_error(error) from None
    for name, n in written.items():
        err.print(f"{name}: {n} rows")
    err.print(f"→ {output}")
