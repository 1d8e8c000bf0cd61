"""`lagebild analyze` and `lagebild version`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from lagebild import __version__
from lagebild.cli.common import app, err


class Format(StrEnum):
    pretty = "pretty"
    json = "json"
    jsonl = "jsonl"
    html = "html"


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Text or JSONL files, directories, or - for stdin.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="pretty, json, jsonl or html (one self-contained page).")] = Format.pretty,
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
            elif format in (Format.json, Format.html):
                collected.append(analysis)
            else:
                write_pretty(analysis, console)
        if collected and format is Format.html:
            from lagebild.web import article_html

            out.write(article_html([a.to_dict() for a in collected]))
        elif collected:
            write_json(collected, out)
    finally:
        if output:
            out.close()
    if failed:
        err.print(f"{done} analysed, {failed} failed")
        raise typer.Exit(1)


@app.command()
def version() -> None:
    """Print the lagebild and schema versions."""
    from lagebild.analysis import SCHEMA_VERSION

    print(f"lagebild {__version__} (schema {SCHEMA_VERSION})")
