"""What every `lagebild` command module shares: the app, its sub-apps, the error console."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

app = typer.Typer(help="Evidence-linked situation pictures from German news.", no_args_is_help=True, add_completion=False)
eval_app = typer.Typer(help="Measure quality against gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
kb_app = typer.Typer(help="The knowledge base of actors with offices and dates.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")
err = Console(stderr=True, soft_wrap=True, highlight=False)

DbOption = Annotated[Path, typer.Option("--db", envvar="LAGEBILD_DB", help="The corpus store (SQLite file).")]


def store_db(db: Path) -> Path:
    """The store file, or exit 2 with a message when there is none."""
    if not db.exists():
        err.print(f"[red]error[/red] no corpus store at {escape(str(db))} (run lagebild ingest first)")
        raise typer.Exit(2)
    return db


def usage_error(error: Exception) -> typer.Exit:
    """Print a bad option value (a ValueError from a query) and return the exit (code 2) to raise."""
    err.print(f"[red]error[/red] {escape(str(error))}")
    return typer.Exit(2)


def analyze_dict():
    """A function text → analysis dict over one pipeline loaded once (for the evaluations)."""
    from lagebild.pipeline import Pipeline

    pipeline = Pipeline()
    return lambda text, date=None, id=None: pipeline.analyze(text, date=date, id=id).to_dict()
