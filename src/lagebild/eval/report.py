"""Helpers shared by the scorers: spans, one-to-one alignment, P/R/F1 and text tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

Analyze = Callable[[str, str | None, str | None], dict]
"""``analyze(text, date, id) -> analysis dict`` (see docs/schema.md)."""

Interval = tuple[int, int]


# --- spans -----------------------------------------------------------------------------------


def span_intervals(span: dict | None) -> list[Interval]:
    """Character intervals of a span: its ``parts`` when it has them, else ``(start, end)``."""
    if not span:
        return []
    parts = span.get("parts") or [span]
    return [(part["start"], part["end"]) for part in parts if part["end"] > part["start"]]


def intervals_length(intervals: Iterable[Interval]) -> int:
    return sum(end - start for start, end in intervals)


def intervals_overlap(first: Iterable[Interval], second: Sequence[Interval]) -> int:
    """Characters shared by two lists of intervals (each list free of self-overlap)."""
    return sum(
        max(0, min(end, other_end) - max(start, other_start))
        for start, end in first
        for other_start, other_end in second
    )


def span_text(span: dict | None) -> str | None:
    return span.get("text") if span else None


def speaker_name(statement: dict) -> str | None:
    return (statement.get("speaker") or {}).get("name")


def speaker_mention(statement: dict) -> dict | None:
    return (statement.get("speaker") or {}).get("mention")


def check_text(analysis: dict, text: str, doc: str) -> None:
    """Spans are offsets into the analysis text, so it must be the text that was given."""
    if analysis.get("text", text) != text:
        raise ValueError(f"{doc}: the analysis text differs from the input text")


# --- alignment -------------------------------------------------------------------------------


def greedy_one_to_one(candidates: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Align ``(overlap, gold, system)`` candidates one to one, largest overlap first.

    Ties go to the earlier gold item, then the earlier system item. Returns gold -> system.
    """
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gold, system in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if gold not in pairs and system not in used:
            pairs[gold] = system
            used.add(system)
    return pairs


def reaches_half(overlap: int, first_length: int, second_length: int) -> bool:
    """True when ``overlap`` is at least half the longer of the two lengths."""
    return overlap > 0 and 2 * overlap >= max(first_length, second_length)


# --- figures ---------------------------------------------------------------------------------


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``, or None when the denominator is 0 (undefined)."""
    return numerator / denominator if denominator else None


def f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    total = precision + recall
    return 2 * precision * recall / total if total else 0.0


def prf(correct_system: int, system: int, correct_gold: int, gold: int) -> dict[str, Any]:
    """Precision = correct_system / system, recall = correct_gold / gold, and their F1."""
    precision, recall = ratio(correct_system, system), ratio(correct_gold, gold)
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1(precision, recall),
        "correct_system": correct_system,
        "system": system,
        "correct_gold": correct_gold,
        "gold": gold,
    }


def token_prf(true_positives: int, false_positives: int, false_negatives: int) -> dict[str, Any]:
    return prf(
        true_positives,
        true_positives + false_positives,
        true_positives,
        true_positives + false_negatives,
    )


# --- text ------------------------------------------------------------------------------------


def pct(value: float | None) -> str:
    return "    –" if value is None else f"{100 * value:5.1f}"


def prf_cells(figures: dict[str, Any]) -> list[str]:
    return [pct(figures["precision"]), pct(figures["recall"]), pct(figures["f1"])]


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A plain text table: first column left-aligned, the others right-aligned."""
    cells = [[str(cell) for cell in header]] + [[str(cell) for cell in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in cells
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines)


def shorten(text: str | None, width: int = 100) -> str:
    if text is None:
        return "—"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def spread_sample(items: Sequence[Any], size: int) -> list[Any]:
    """At most ``size`` items, evenly spread over the sequence (deterministic)."""
    if len(items) <= size:
        return list(items)
    step = len(items) / size
    return [items[int(i * step)] for i in range(size)]
