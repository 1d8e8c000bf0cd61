"""The `lagebild` command."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from lagebild import __version__

app = typer.Typer(help="Evidence-linked situation pictures from German news.", no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Measure quality against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
err = Console(stderr=True, soft_wrap=True, highlight=False)


class Format(StrEnum):
    pretty = "pretty"
    json = "json"
    jsonl = "jsonl"


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Text or JSONL files, directories, or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="pretty, json or jsonl.")] = Format.pretty,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    date: Annotated[str | None, typer.Option(help="Stated date YYYY[-MM[-DD]] for records without one.")] = None,
) -> None:
    """Analyse articles: who said what, with character offsets."""
    from lagebild.document import normalise_date
    from lagebild.io.readers import ReadError, read_inputs
    from lagebild.io.writers import write_json, write_jsonl, write_pretty
    from lagebild.pipeline import Pipeline

    if date is not None:
        try:
            date = normalise_date(date)
        except ValueError as error:
            err.print(f"[red]error[/red] --date: {escape(str(error))}")
            raise typer.Exit(2) from None
    pipeline = Pipeline()
    failed = done = 0
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    console = Console(file=out, force_terminal=None if output is None else False, width=None if output is None else 120)
    collected = []
    try:
        for record in read_inputs(paths):
            if isinstance(record, ReadError):
                failed += 1
                err.print(f"[red]error[/red] {escape(str(record))}")
                continue
            try:
                analysis = pipeline.analyze(record.text, date=record.date or date, id=record.id, **record.meta)
            except Exception as error:  # one bad record must not stop a corpus run
                failed += 1
                err.print(f"[red]error[/red] {escape(record.origin)}: analysis failed: {type(error).__name__}: {escape(str(error))}")
                continue
            done += 1
            if format is Format.jsonl:
                write_jsonl(analysis, out)
            elif format is Format.json:
                collected.append(analysis)
            else:
                write_pretty(analysis, console)
        if collected:
            write_json(collected, out)
    finally:
        if output:
            out.close()
    if failed:
        err.print(f"{done} analysed, {failed} failed")
        raise typer.Exit(1)


@eval_app.command("statements")
def eval_statements(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (news-statements format).", exists=True)],
    misses: Annotated[bool, typer.Option("--misses", help="List missed, spurious and misattributed statements.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Score statements against the news-statements gold (GUIDE.md procedure)."""
    from lagebild.eval.statements import evaluate_statements, format_statements_report

    report = evaluate_statements(gold, _analyze_dict())
    print(json.dumps(report, ensure_ascii=False, indent=2) if as_json else format_statements_report(report, misses))


@eval_app.command("spkatt")
def eval_spkatt(
    directory: Annotated[Path, typer.Argument(help="Folder of SpkAtt-2023 JSON files.", exists=True)],
    misses: Annotated[bool, typer.Option("--misses", help="List a sample of misses and false positives.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N files.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Score speech events on SpkAtt-2023 data (token-level and statement-level)."""
    from lagebild.eval.spkatt import evaluate_spkatt, format_spkatt_report

    report = evaluate_spkatt(directory, _analyze_dict(), limit=limit)
    print(json.dumps(report, ensure_ascii=False, indent=2) if as_json else format_spkatt_report(report, misses))


def _analyze_dict():
    from lagebild.pipeline import Pipeline

    pipeline = Pipeline()
    return lambda text, date=None, id=None: pipeline.analyze(text, date=date, id=id).to_dict()


@app.command()
def version() -> None:
    """Print the lagebild and schema versions."""
    from lagebild.analysis import SCHEMA_VERSION

    print(f"lagebild {__version__} (schema {SCHEMA_VERSION})")


# --- corpus store commands (lagebild.store; docs/store.md) ---------------------------------


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


DbOption = Annotated[Path, typer.Option("--db", envvar="LAGEBILD_DB", help="The corpus store (SQLite file).")]


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


def _store_db(db: Path) -> Path:
    if not db.exists():
        err.print(f"[red]error[/red] no corpus store at {escape(str(db))} (run lagebild ingest first)")
        raise typer.Exit(2)
    return db


@app.command("search")
def store_search(
    query: Annotated[str, typer.Argument(help="Full-text query (FTS5 syntax: words, \"phrases\", OR, prefix*).")],
    db: DbOption = Path("lagebild.db"),
    limit: Annotated[int, typer.Option("--limit", "-n", min=1)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """Search document texts in a corpus store."""
    from lagebild.store import search

    hits = search(_store_db(db), query, limit=limit)
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
        rows = statements(_store_db(db), speaker=speaker, about=about, kind=kind, since=since, until=until, limit=limit)
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
        n = export(_store_db(db), format.value, output)
    except RuntimeError as error:  # parquet without pyarrow
        err.print(f"[red]error[/red] {escape(str(error))}")
        raise typer.Exit(2) from None
    err.print(f"{n} rows → {output}")


# --- knowledge base (lagebild.kb; docs/kb.md) ------------------------------------------------

kb_app = typer.Typer(help="The knowledge base of actors with offices and dates.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")


@kb_app.command("show")
def kb_show(
    name: Annotated[str, typer.Argument(help="A name, alias, abbreviation or id (Putin, Nato, Russlands).")],
    extra: Annotated[list[Path] | None, typer.Option("--kb", help="Extra KB files (JSONL) to load.")] = None,
) -> None:
    """Print the knowledge-base entries for NAME, with offices and dates."""
    from lagebild.kb import load_kb

    kb = load_kb(tuple(extra or ()))
    entries = [kb.get(name)] if kb.get(name) else kb.lookup(name)
    if not entries:
        err.print(f"not in the knowledge base: {escape(name)}")
        raise typer.Exit(1)
    out = Console(soft_wrap=True, highlight=False)
    for entry in entries[:5]:
        out.print(f"[bold]{escape(entry.name)}[/bold]  [dim]{entry.id} · {entry.label} · {entry.country or '—'}[/dim]")
        if entry.aliases:
            out.print("  aliases: " + escape(", ".join(entry.aliases[:12])))
        for office in getattr(entry, "offices", ()):
            titles = kb.titles(entry, office)
            out.print(f"  {office.start or '?'} – {office.end or 'today'}  {escape(titles[0] if titles else office.role)} ({office.of})")


@kb_app.command("import")
def kb_import(
    source: Annotated[str, typer.Argument(help="Only 'wikidata' for now.")],
    dump: Annotated[Path, typer.Argument(help="Wikidata JSON entity dump (.json or .json.gz), one entity per line.", exists=True)],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="KB file to write (JSONL); load it with --kb or LAGEBILD_KB.")] = None,
) -> None:
    """Import people, offices and organisations from a Wikidata dump into a user KB file."""
    from lagebild.kb.wikidata import import_wikidata

    if source != "wikidata":
        err.print(f"[red]error[/red] unknown source {escape(source)!r}; supported: wikidata")
        raise typer.Exit(2)
    stats = import_wikidata(dump, output)
    err.print(f"{stats.people} people, {stats.offices} offices, {stats.organisations} organisations → {stats.out_path}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
