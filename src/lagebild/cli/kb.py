"""`lagebild kb …`: the knowledge base (lagebild.kb; docs/kb.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from lagebild.cli.common import err, kb_app


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
        common = [n for n in entry.names if entry.is_common_noun(n)]
        if common:
            out.print("  common nouns (actor, no proper name): " + escape(", ".join(common)))
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
