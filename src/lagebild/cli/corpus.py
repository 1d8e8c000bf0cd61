"""Corpus store commands (lagebild.store; docs/store.md)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from lagebild.cli.common import DbOption, app, err, store_db


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


@app.command("ingest")
def store_ingest(
    paths: Annotated[list[str], typer.Argument(help="Text or JSONL files, directories, or - for stdin.")],
    db: DbOption = Path("lagebild.db"),
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Analysis processes.")] = 1,
    reanalyze: Annotated[bool, typer.Option("--reanalyze", help="Redo documents stored by another lagebild version.")] = False,
    rejects: Annotated[Path | None, typer.Option("--rejects", help="Write unreadable or failed records here (JSONL: origin, reason).")] = None,
    date: Annotated[str | None, typer.Option(help="Stated date YYYY[-MM[-DD]] for records without one.")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = 200,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Analyse articles into a corpus store; idempotent and resumable."""
    from lagebild.store import ingest as run_ingest

    stats = run_ingest(paths, db, workers=workers, reanalyze=reanalyze, rejects_path=rejects, progress=not quiet, batch_size=batch_size, date=date)
    for failure in stats.failed[:20]:
        err.print(f"[red]error[/red] {escape(failure)}")
    if len(stats.failed) > 20:
        err.print(f"… {len(stats.failed) - 20} more" + (f" (all in {rejects})" if rejects else ""))
    err.print(
        f"{stats.ingested} ingested ({stats.reanalyzed} re-analysed), {stats.skipped_present} already present, "
        f"{len(stats.failed)} failed, {stats.docs_per_s:.1f} docs/s → {db}"
    )
    if stats.failed:
        raise typer.Exit(1)


@app.command("search")
def store_search(
    query: Annotated[str, typer.Argument(help="Full-text query (FTS5 syntax: words, \"phrases\", OR, prefix*).")],
    db: DbOption = Path("lagebild.db"),
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """Search document texts in a corpus store."""
    from lagebild.store import search

    hits = search(store_db(db), query, limit=limit)
    out = Console(soft_wrap=True, highlight=False)
    for hit in hits:
        if as_json:
            print(json.dumps(hit, ensure_ascii=False))
        else:
            out.print(f"[bold]{escape(hit['doc_id'])}[/bold] {escape(hit['stated_date'] or '')}  {escape(hit['snippet'])}")
    if not hits:
        err.print("no hits")


@app.command("statements")
def store_statements(
    db: DbOption = Path("lagebild.db"),
    speaker: Annotated[str | None, typer.Option("--speaker", "-s", help="Substring of the speaker name (any case).")] = None,
    about: Annotated[str | None, typer.Option("--about", "-a", help="Full-text query over the messages.")] = None,
    kind: Annotated[str | None, typer.Option("--kind", help="direct, indirect or mixed.")] = None,
    since: Annotated[str | None, typer.Option(help="Documents dated on or after YYYY[-MM[-DD]].")] = None,
    until: Annotated[str | None, typer.Option(help="Documents dated on or before YYYY[-MM[-DD]].")] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """Who said what: statements in a corpus store."""
    from lagebild.store import statements

    try:
        rows = statements(store_db(db), speaker=speaker, about=about, kind=kind, since=since, until=until, limit=limit)
    except ValueError as error:
        err.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(2) from None
    out = Console(soft_wrap=True, highlight=False)
    for row in rows:
        if as_json:
            print(json.dumps(row, ensure_ascii=False))
        else:
            out.print(
                f"[dim]{escape(row['stated_date'] or '—')} {escape(row['doc_id'])}#{row['n']}[/dim] "
                f"[bold]{escape(row['speaker_name'] or '?')}[/bold] ({row['kind']}, {escape(row['cue_text'] or '—')}): "
                f"„{escape(row['message_text'])}“"
            )
    if not rows:
        err.print("no statements")


@app.command("export")
def store_export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    db: DbOption = Path("lagebild.db"),
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl (analyses), csv or parquet (statements).")] = ExportFormat.jsonl,
) -> None:
    """Export a corpus store: analyses as JSONL, or the statements as CSV/Parquet."""
    from lagebild.store import export

    try:
        n = export(store_db(db), format.value, output)
    except RuntimeError as error:  # parquet without pyarrow
        err.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(2) from None
    err.print(f"{n} rows → {output}")
