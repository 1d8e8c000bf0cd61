"""Score statements against the news-statements gold (data/news-statements/GUIDE.md).

A gold statement is *found* when a system statement's message overlaps it by at least half
the length of the longer of the two messages (characters; a greedy one-to-one alignment by
overlap), and *attributed* when it is found and the system speaker names the same speaker:
the same person (the last name of the gold speaker is among the words of the system name)
or the same description (the head nouns match). A null gold speaker is attributed only to a
null system speaker. Statements of kind ``reported`` (speech acts told without their
content, `warf ihm Betrug vor`) are left out: the GUIDE counts them as events, not statements.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.eval.report import (
    Analyze,
    Interval,
    check_text,
    greedy_one_to_one,
    intervals_length,
    intervals_overlap,
    pct,
    prf,
    prf_cells,
    ratio,
    reaches_half,
    shorten,
    span_intervals,
    span_text,
    speaker_name,
    table,
)

KINDS = ("direct", "indirect", "mixed")


@dataclass(frozen=True)
class GoldStatement:
    interval: Interval
    kind: str
    speaker: str | None
    message: str


@dataclass
class DocumentResult:
    id: str
    gold: list[GoldStatement]
    system: list[dict]
    pairs: dict[int, int] = field(default_factory=dict)  # gold index -> system index
    attributed: set[int] = field(default_factory=set)  # gold indices


# --- speakers --------------------------------------------------------------------------------

_PARENTHESES = re.compile(r"\([^)]*\)")
_OPENING_QUOTES = "„\"»«‚‘‹›“'"
_QUOTES = _OPENING_QUOTES + "”’"


def _word_key(word: str) -> str:
    """A word as compared: lower case, without surrounding punctuation and hyphens."""
    word = word.strip("".join(c for c in word if not c.isalnum() and c != "-"))
    return word.lower().strip("-").replace("-", "")


def _same_word(first: str, second: str) -> bool:
    """Equal keys, allowing a genitive -s on either side (Stoltenbergs = Stoltenberg)."""
    if not first or not second:
        return False
    return first == second or first == second + "s" or second == first + "s"


def _words(name: str) -> list[str]:
    return _PARENTHESES.sub(" ", name).split()


def is_description(name: str) -> bool:
    """A description starts with a lower-case word (``ein Sprecher``, ``die Regierung``)."""
    words = _words(name)
    return bool(words) and words[0].strip(_QUOTES)[:1].islower()


def head_noun(name: str) -> str | None:
    """The head of a description: the last word of the first run of capitalised words.

    ``ein Sprecher des Auswärtigen Amts`` -> ``sprecher``; capitalised adjectives join the
    run (``die Deutsche Bischofskonferenz`` -> ``bischofskonferenz``); a quotation that opens
    a title ends it (``die Reformbewegung «Wir sind Kirche»`` -> ``reformbewegung``).
    """
    run: list[str] = []
    for word in _words(name):
        if word[0] in _OPENING_QUOTES and not any(c in _QUOTES for c in word[1:]):
            break  # a quoted title starts here
        word = "".join(c for c in word if c not in _QUOTES)
        if word[:1].isupper():
            run.append(word)
        elif run:
            break
    return _word_key(run[-1]) if run else None


def _name_keys(name: str) -> list[str]:
    """Keys of each word and of each pair of neighbours (``Keller Sutter`` = ``Keller-Sutter``)."""
    keys = [_word_key(word) for word in _words(name)]
    return keys + [first + second for first, second in zip(keys, keys[1:], strict=False)]


def same_speaker(gold: str | None, system: str | None) -> bool:
    if gold is None or system is None:
        return gold is None and system is None
    if is_description(gold):
        gold_head, system_head = head_noun(gold), head_noun(system)
        return bool(gold_head and system_head) and _same_word(gold_head, system_head)
    words = _words(gold)
    last_name = _word_key(words[-1]) if words else ""
    return any(_same_word(last_name, key) for key in _name_keys(system))


# --- gold ------------------------------------------------------------------------------------


def load_gold(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _occurrences(text: str, message: str) -> list[int]:
    starts, start = [], text.find(message)
    while start >= 0:
        starts.append(start)
        start = text.find(message, start + 1)
    return starts


def locate_gold(record: dict) -> list[GoldStatement]:
    """Gold statements with their place in the text; the n-th gold statement with a given
    message takes the n-th occurrence of that message."""
    seen: Counter[str] = Counter()
    located = []
    for statement in record["statements"]:
        message = statement["message"]
        starts = _occurrences(record["text"], message)
        if not starts:
            raise ValueError(f"{record['id']}: gold message not in the text: {message!r}")
        start = starts[min(seen[message], len(starts) - 1)]
        seen[message] += 1
        located.append(
            GoldStatement(
                (start, start + len(message)), statement["kind"], statement["speaker"], message
            )
        )
    return located


# --- scoring ---------------------------------------------------------------------------------


def _align(gold: list[GoldStatement], system: list[dict]) -> dict[int, int]:
    candidates = []
    for gi, statement in enumerate(gold):
        gold_length = intervals_length([statement.interval])
        for si, found in enumerate(system):
            intervals = span_intervals(found.get("message"))
            overlap = intervals_overlap([statement.interval], intervals)
            if reaches_half(overlap, gold_length, intervals_length(intervals)):
                candidates.append((overlap, gi, si))
    return greedy_one_to_one(candidates)


def score_document(record: dict, analysis: dict) -> DocumentResult:
    check_text(analysis, record["text"], record["id"])
    # GUIDE.md: speech acts without a clause are no statements there (they are events)
    said = [st for st in analysis.get("statements", []) if st.get("kind") != "reported"]
    result = DocumentResult(record["id"], locate_gold(record), said)
    result.pairs = _align(result.gold, result.system)
    result.attributed = {
        gi
        for gi, si in result.pairs.items()
        if same_speaker(result.gold[gi].speaker, speaker_name(result.system[si]))
    }
    return result


def _counts(documents: list[DocumentResult], kind: str | None = None) -> Counter[str]:
    """Counts over gold (and system) statements of ``kind``, or all when it is None."""
    counts: Counter[str] = Counter()
    for doc in documents:
        matched = {si: gi for gi, si in doc.pairs.items()}
        for gi, gold in enumerate(doc.gold):
            if kind in (None, gold.kind):
                counts["gold"] += 1
                counts["found"] += gi in doc.pairs
                counts["attributed"] += gi in doc.attributed
                counts["kind_correct"] += (
                    gi in doc.pairs and doc.system[doc.pairs[gi]].get("kind") == gold.kind
                )
        for si, statement in enumerate(doc.system):
            if kind in (None, statement.get("kind")):
                counts["system"] += 1
                counts["system_found"] += si in matched
                counts["system_attributed"] += matched.get(si) in doc.attributed
    return counts


def _figures(counts: Counter[str]) -> dict[str, Any]:
    return {
        "gold": counts["gold"],
        "system": counts["system"],
        "found": counts["found"],
        "attributed": counts["attributed"],
        "message": prf(counts["system_found"], counts["system"], counts["found"], counts["gold"]),
        "attribution_accuracy": ratio(counts["attributed"], counts["found"]),
        "end_to_end": prf(
            counts["system_attributed"], counts["system"], counts["attributed"], counts["gold"]
        ),
        "kind_accuracy": ratio(counts["kind_correct"], counts["found"]),
    }


def _kinds(documents: list[DocumentResult]) -> list[str]:
    seen = {gold.kind for doc in documents for gold in doc.gold}
    seen |= {statement.get("kind") for doc in documents for statement in doc.system}
    seen.discard(None)
    return [*KINDS, *sorted(seen - set(KINDS))]


def _kind_confusion(documents: list[DocumentResult]) -> dict[str, dict[str, int]]:
    """Found statements: gold kind -> system kind -> count."""
    confusion: dict[str, Counter[str]] = {}
    for doc in documents:
        for gi, si in doc.pairs.items():
            system_kind = str(doc.system[si].get("kind"))
            confusion.setdefault(doc.gold[gi].kind, Counter())[system_kind] += 1
    return {kind: dict(row) for kind, row in confusion.items()}


def _misses(documents: list[DocumentResult]) -> dict[str, list[dict]]:
    misses: dict[str, list[dict]] = {"missed": [], "false_positives": [], "wrong_speaker": []}
    for doc in documents:
        matched = set(doc.pairs.values())
        for gi, gold in enumerate(doc.gold):
            entry = {"doc": doc.id, "kind": gold.kind, "speaker": gold.speaker}
            if gi not in doc.pairs:
                misses["missed"].append({**entry, "message": gold.message})
            elif gi not in doc.attributed:
                system_speaker = speaker_name(doc.system[doc.pairs[gi]])
                misses["wrong_speaker"].append(
                    {**entry, "system_speaker": system_speaker, "message": gold.message}
                )
        misses["false_positives"] += [
            {
                "doc": doc.id,
                "kind": statement.get("kind"),
                "speaker": speaker_name(statement),
                "message": span_text(statement.get("message")),
            }
            for si, statement in enumerate(doc.system)
            if si not in matched
        ]
    return misses


def build_report(documents: list[DocumentResult]) -> dict[str, Any]:
    overall = _figures(_counts(documents))
    overall["documents"] = len(documents)
    overall["kind_confusion"] = _kind_confusion(documents)
    return {
        "overall": overall,
        "by_kind": {kind: _figures(_counts(documents, kind)) for kind in _kinds(documents)},
        "documents": [{"id": doc.id, **_figures(_counts([doc]))} for doc in documents],
        "misses": _misses(documents),
    }


def evaluate_statements(path: str | Path, analyze: Analyze) -> dict[str, Any]:
    """Score ``analyze(text, date, id)`` on a gold JSONL file. The text carries its own date
    header, so no date is passed."""
    documents = [
        score_document(record, analyze(record["text"], None, record["id"]))
        for record in load_gold(path)
    ]
    return build_report(documents)


# --- text report -----------------------------------------------------------------------------


def _figure_row(label: str, figures: dict[str, Any]) -> list[Any]:
    return [
        label,
        figures["gold"],
        figures["system"],
        figures["found"],
        figures["attributed"],
        *prf_cells(figures["message"]),
        pct(figures["attribution_accuracy"]),
        *prf_cells(figures["end_to_end"]),
        pct(figures["kind_accuracy"]),
    ]


_HEADER = [
    "",
    "gold",
    "sys",
    "found",
    "attr",
    "msg P",
    "msg R",
    "msg F1",
    "attr acc",
    "e2e P",
    "e2e R",
    "e2e F1",
    "kind acc",
]


def _misses_text(misses: dict[str, list[dict]]) -> list[str]:
    lines = [f"\nMissed gold statements ({len(misses['missed'])}):"]
    lines += [
        f"  {m['doc']} [{m['kind']}] {m['speaker']}: {shorten(m['message'])}"
        for m in misses["missed"]
    ]
    lines.append(f"\nFalse positives ({len(misses['false_positives'])}):")
    lines += [
        f"  {m['doc']} [{m['kind']}] {m['speaker']}: {shorten(m['message'])}"
        for m in misses["false_positives"]
    ]
    lines.append(f"\nWrong speaker ({len(misses['wrong_speaker'])}):")
    lines += [
        f"  {m['doc']} [{m['kind']}] gold {m['speaker']!r} vs system {m['system_speaker']!r}: "
        f"{shorten(m['message'], 70)}"
        for m in misses["wrong_speaker"]
    ]
    return lines


def format_statements_report(report: dict[str, Any], misses: bool = False) -> str:
    overall = report["overall"]
    rows = [_figure_row("all", overall)]
    rows += [_figure_row(kind, figures) for kind, figures in report["by_kind"].items()]
    lines = [
        f"Statements: {overall['documents']} documents "
        "(by kind: recall per gold kind, precision per system kind)",
        table(_HEADER, rows),
        "",
        "Per document:",
        table(["id", *_HEADER[1:]], [_figure_row(d["id"], d) for d in report["documents"]]),
    ]
    if misses:
        lines += _misses_text(report["misses"])
    return "\n".join(lines)
