"""Scorers behind ``lagebild eval``: pure functions of gold data and an ``analyze`` callable."""

from lagebild.eval.spkatt import evaluate_spkatt, format_spkatt_report
from lagebild.eval.statements import evaluate_statements, format_statements_report

__all__ = [
    "evaluate_spkatt",
    "evaluate_statements",
    "format_spkatt_report",
    "format_statements_report",
]
