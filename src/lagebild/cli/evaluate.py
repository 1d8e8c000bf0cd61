"""`lagebild eval …`: quality against gold data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.common import analyze_dict, eval_app


@eval_app.command("statements")
def eval_statements(
    gold: Annotated[Path, typer.Argument(help="Gold JSONL (news-statements format).", exists=True)],
    misses: Annotated[bool, typer.Option("--misses", help="List missed, spurious and misattributed statements.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Score statements against the news-statements gold (GUIDE.md procedure)."""
    from lagebild.eval.statements import evaluate_statements, format_statements_report

    report = evaluate_statements(gold, analyze_dict())
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

    report = evaluate_spkatt(directory, analyze_dict(), limit=limit)
    print(json.dumps(report, ensure_ascii=False, indent=2) if as_json else format_spkatt_report(report, misses))
