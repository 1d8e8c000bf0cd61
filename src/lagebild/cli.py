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
    from lagebild.io.readers import ReadError, read_inputs
    from lagebild.io.writers import write_json, write_jsonl, write_pretty
    from lagebild.pipeline import Pipeline

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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
