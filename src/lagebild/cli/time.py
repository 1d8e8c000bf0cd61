"""`lagebild eval time`: document dating against publication dates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.common import analyze_dict, eval_app


@eval_app.command("time")
def eval_time(
    paths: Annotated[list[Path], typer.Argument(help="WikiNews folders (SpkAtt files, date in the file name) and news-statements JSONL files (url_date).", exists=True)],
    misses: Annotated[bool, typer.Option("--misses", help="List wrong years and false alarms.")] = False,
    limit: Annotated[int | None, typer.Option(help="Only the first N documents of each set.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Year and month accuracy of the date estimated from content alone, share of documents with an
    estimate, and false alarms (the true date judged inconsistent)."""
    from lagebild.eval.time import evaluate_time, format_time_report

    report = evaluate_time(paths, analyze_dict(), limit=limit)
    print(json.dumps(report, ensure_ascii=False, indent=2) if as_json else format_time_report(report, misses))
