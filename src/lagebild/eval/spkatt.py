"""Score statements against SpkAtt-2023 gold (Bundestag speeches, WikiNews).

A document is rebuilt from its tokens (tokens joined by a space, sentences by a newline).
System spans become tokens: a token counts when at least half of its characters lie inside
the span (or its ``parts``). Gold annotations with a Message that are not ``IsNested`` are
aligned one to one with system statements by message-token overlap (greedy, largest overlap
first, at least one shared token). Token P/R/F1 for Message, Source (system:
``speaker.mention``) and Cue run over aligned pairs; tokens of unaligned statements count
against precision (system) or recall (gold). A gold statement is *found* when its aligned
system message shares at least half the tokens of the longer message, and *attributed* when
it is found and the Source tokens overlap (a gold statement without Source is attributed
when the system gives no speaker mention either).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lagebild.eval.report import (
    Analyze,
    check_text,
    greedy_one_to_one,
    pct,
    prf,
    prf_cells,
    ratio,
    reaches_half,
    shorten,
    span_intervals,
    span_text,
    speaker_mention,
    spread_sample,
    table,
    token_prf,
)

ROLES = ("message", "source", "cue")
_DATE_IN_NAME = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.json$")
SAMPLE_SIZE = 25


@dataclass(frozen=True)
class Annotation:
    """One statement as token positions (indices into the document's token list)."""

    message: frozenset[int]
    source: frozenset[int]
    cue: frozenset[int]
    form: str | None = None
    text: str | None = None

    def role(self, name: str) -> frozenset[int]:
        return getattr(self, name)


@dataclass
class SpkDocument:
    name: str
    date: str | None
    text: str
    token_starts: list[int]
    token_ends: list[int]
    gold: list[Annotation]

    def tokens_of(self, span: dict | None) -> frozenset[int]:
        """Tokens with at least half of their characters inside the span."""
        tokens = set()
        for start, end in span_intervals(span):
            first = bisect_right(self.token_ends, start)  # first token ending after start
            for token in range(first, bisect_left(self.token_starts, end)):
                token_start, token_end = self.token_starts[token], self.token_ends[token]
                inside = min(end, token_end) - max(start, token_start)
                if 2 * inside >= token_end - token_start:
                    tokens.add(token)
        return frozenset(tokens)

    def words(self, tokens: frozenset[int]) -> str:
        return " ".join(
            self.text[self.token_starts[t] : self.token_ends[t]] for t in sorted(tokens)
        )


# --- loading ---------------------------------------------------------------------------------


def date_from_name(name: str) -> str | None:
    """The WikiNews publication date in ``… (2005-08-20).json``; None for other names."""
    match = _DATE_IN_NAME.search(name)
    return match.group(1) if match else None


def _rebuild(sentences: list[dict]) -> tuple[str, list[int], list[int], dict[str, int]]:
    """Text, token starts and ends, and ``"sentence:token"`` id -> token position."""
    starts: list[int] = []
    ends: list[int] = []
    positions: dict[str, int] = {}
    offset = 0
    for sentence in sentences:
        for number, token in enumerate(sentence["Tokens"]):
            positions[f"{sentence['SentenceId']}:{number}"] = len(starts)
            starts.append(offset)
            ends.append(offset + len(token))
            offset += len(token) + 1  # the space, or the newline after the last token
        offset += not sentence["Tokens"]  # an empty sentence still gets its newline
    text = "\n".join(" ".join(sentence["Tokens"]) for sentence in sentences)
    return text, starts, ends, positions


def _gold_annotation(annotation: dict, positions: dict[str, int]) -> Annotation:
    def tokens(role: str) -> frozenset[int]:
        return frozenset(positions[token_id] for token_id in annotation.get(role, []))

    return Annotation(tokens("Message"), tokens("Source"), tokens("Cue"), annotation.get("Form"))


def load_document(path: str | Path) -> SpkDocument:
    path = Path(path)
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    text, starts, ends, positions = _rebuild(data["Sentences"])
    gold = [
        _gold_annotation(annotation, positions)
        for annotation in data["Annotations"]
        if annotation.get("Message") and not annotation.get("IsNested", False)
    ]
    return SpkDocument(path.name, date_from_name(path.name), text, starts, ends, gold)


def document_paths(directory: str | Path, limit: int | None = None) -> list[Path]:
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"not a directory: {directory}")
    return sorted(directory.glob("*.json"))[:limit]


# --- scoring ---------------------------------------------------------------------------------


def system_annotations(doc: SpkDocument, analysis: dict) -> list[Annotation]:
    return [
        Annotation(
            doc.tokens_of(statement.get("message")),
            doc.tokens_of(speaker_mention(statement)),
            doc.tokens_of(statement.get("cue")),
            statement.get("kind"),
            span_text(statement.get("message")),
        )
        for statement in analysis.get("statements", [])
    ]


def _align(gold: list[Annotation], system: list[Annotation]) -> dict[int, int]:
    return greedy_one_to_one(
        (len(g.message & s.message), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if g.message & s.message
    )


def _is_found(gold: Annotation, system: Annotation) -> bool:
    return reaches_half(len(gold.message & system.message), len(gold.message), len(system.message))


def _is_attributed(gold: Annotation, system: Annotation) -> bool:
    if not _is_found(gold, system):
        return False
    return bool(gold.source & system.source) if gold.source else not system.source


def _token_counts(
    gold: list[Annotation], system: list[Annotation], pairs: dict[int, int]
) -> Counter[str]:
    counts: Counter[str] = Counter()
    aligned_system = set(pairs.values())
    for role in ROLES:
        for gi, g in enumerate(gold):
            s = system[pairs[gi]].role(role) if gi in pairs else frozenset()
            counts[f"{role}_tp"] += len(g.role(role) & s)
            counts[f"{role}_fn"] += len(g.role(role) - s)
            counts[f"{role}_fp"] += len(s - g.role(role))
        counts[f"{role}_fp"] += sum(
            len(s.role(role)) for si, s in enumerate(system) if si not in aligned_system
        )
    return counts


def score_document(doc: SpkDocument, analysis: dict) -> tuple[Counter[str], dict[str, list]]:
    """Counts for one document, and its missed gold and false-positive system messages."""
    check_text(analysis, doc.text, doc.name)
    system = system_annotations(doc, analysis)
    pairs = _align(doc.gold, system)
    found = {gi for gi, si in pairs.items() if _is_found(doc.gold[gi], system[si])}
    counts = _token_counts(doc.gold, system, pairs)
    counts.update(gold=len(doc.gold), system=len(system), found=len(found))
    counts["attributed"] = sum(_is_attributed(doc.gold[gi], system[pairs[gi]]) for gi in found)
    for gi, g in enumerate(doc.gold):
        counts[f"form:{g.form or 'none'}:gold"] += 1
        counts[f"form:{g.form or 'none'}:found"] += gi in found
    found_system = {pairs[gi] for gi in found}
    misses = {
        "missed": [_miss(doc, g) for gi, g in enumerate(doc.gold) if gi not in found],
        "false_positives": [_miss(doc, s) for si, s in enumerate(system) if si not in found_system],
    }
    return counts, misses


def _miss(doc: SpkDocument, annotation: Annotation) -> dict[str, Any]:
    message = annotation.text if annotation.text is not None else doc.words(annotation.message)
    return {"file": doc.name, "form": annotation.form, "message": message}


def _by_form(counts: Counter[str]) -> dict[str, dict[str, Any]]:
    forms = sorted({key.split(":")[1] for key in counts if key.startswith("form:")})
    return {
        form: {
            "gold": counts[f"form:{form}:gold"],
            "found": counts[f"form:{form}:found"],
            "recall": ratio(counts[f"form:{form}:found"], counts[f"form:{form}:gold"]),
        }
        for form in forms
    }


def build_report(
    directory: str, counts: Counter[str], misses: dict[str, list], documents: int
) -> dict[str, Any]:
    found, attributed = counts["found"], counts["attributed"]
    return {
        "directory": directory,
        "documents": documents,
        "gold": counts["gold"],
        "system": counts["system"],
        "tokens": {
            role: token_prf(counts[f"{role}_tp"], counts[f"{role}_fp"], counts[f"{role}_fn"])
            for role in ROLES
        },
        "statements": {
            "found": prf(found, counts["system"], found, counts["gold"]),
            "attributed": prf(attributed, counts["system"], attributed, counts["gold"]),
            "attribution_accuracy": ratio(attributed, found),
        },
        "by_form": _by_form(counts),
        "misses": misses,
    }


def evaluate_spkatt(
    directory: str | Path, analyze: Analyze, limit: int | None = None
) -> dict[str, Any]:
    """Score ``analyze(text, date, id)`` on the SpkAtt JSON files of ``directory`` (sorted by
    name, the first ``limit`` only when given). WikiNews files pass their date, others None."""
    counts: Counter[str] = Counter()
    misses: dict[str, list] = {"missed": [], "false_positives": []}
    paths = document_paths(directory, limit)
    for path in paths:
        doc = load_document(path)
        doc_counts, doc_misses = score_document(doc, analyze(doc.text, doc.date, path.stem))
        counts.update(doc_counts)
        for key, entries in doc_misses.items():
            misses[key] += entries
    return build_report(str(directory), counts, misses, len(paths))


# --- text report -----------------------------------------------------------------------------


def _misses_text(misses: dict[str, list]) -> list[str]:
    lines = []
    for key, title in (("missed", "Missed gold messages"), ("false_positives", "False positives")):
        entries = misses[key]
        shown = spread_sample(entries, SAMPLE_SIZE)
        lines.append(f"\n{title} ({len(shown)} of {len(entries)}):")
        lines += [f"  {m['file']} [{m['form']}]: {shorten(m['message'])}" for m in shown]
    return lines


def format_spkatt_report(report: dict[str, Any], misses: bool = False) -> str:
    statements = report["statements"]
    rows = [[role, *prf_cells(figures)] for role, figures in report["tokens"].items()]
    rows += [
        [f"{level} statements", *prf_cells(statements[level])] for level in ("found", "attributed")
    ]
    lines = [
        f"SpkAtt: {report['directory']}: {report['documents']} documents, "
        f"{report['gold']} gold, {report['system']} system statements",
        table(["", "P", "R", "F1"], rows),
        f"attribution accuracy (attributed / found): {pct(statements['attribution_accuracy'])}",
        "",
        "Found by gold Form:",
        table(
            ["form", "gold", "found", "R"],
            [
                [form, f["gold"], f["found"], pct(f["recall"])]
                for form, f in report["by_form"].items()
            ],
        ),
    ]
    if misses:
        lines += _misses_text(report["misses"])
    return "\n".join(lines)
