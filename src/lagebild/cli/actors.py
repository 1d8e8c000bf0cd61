"""`lagebild eval ner`: entity recognition against GermEval 2014 data."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from lagebild.cli.common import eval_app


def named_mentions():
    """A function (text, date) → the named entity mentions as (start, end, label), one pipeline loaded once."""
    from lagebild.layers.entities import EntityRecognizer
    from lagebild.nlp.morphology import Morphology
    from lagebild.nlp.quotes import QuoteFinder
    from lagebild.nlp.tokenize import Tokenizer
    from lagebild.pipeline import Pipeline

    pipeline = Pipeline([Tokenizer(), Morphology(), QuoteFinder(), EntityRecognizer()])

    def recognise(text: str, date: str | None) -> list[tuple[int, int, str]]:
        mentions = pipeline.analyze(text, date=date).doc.layers["entities"]
        return [(m.start, m.end, m.label) for m in mentions if m.is_name]

    return recognise


@eval_app.command("ner")
def eval_ner(
    gold: Annotated[Path, typer.Argument(help="GermEval 2014 TSV file.", exists=True)],
    misses: Annotated[bool, typer.Option("--misses", help="List a sample of news sentences with errors.")] = False,
    limit: Annotated[int | None, typer.Option(help="Score only the first N sentences.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full report as JSON.")] = False,
) -> None:
    """Score entity mentions on GermEval 2014 (PER/ORG/LOC outer chunks; overall and news sentences)."""
    from lagebild.eval.ner import evaluate_ner, format_ner_report

    report = evaluate_ner(gold, named_mentions(), limit=limit)
    if as_json:
        report.pop("news_errors")
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_ner_report(report, misses))
