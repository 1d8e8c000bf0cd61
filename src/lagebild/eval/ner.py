"""Named-entity recognition on GermEval 2014 data (`lagebild eval ner FILE.tsv`).

The file: a `#` line (tab, source URL, `[date]`) opens each sentence, then one token a line
(number, token, outer tag, inner tag) in BIO encoding. Scored as the GermEval outer-chunk
task, reduced to PER, ORG and LOC: OTH and the `*deriv` / `*part` tags count as O, and the
system's GPE counts as LOC. Each sentence is analysed as its own text (its tokens joined by
single spaces, dated by its `[date]`); a system mention counts for the tokens it covers when
it starts and ends on token edges. Exact-span matching as conlleval: a chunk is correct when
start, end and label agree. Figures: all sentences, and the news sentences (those whose source
is not Wikipedia).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.eval.report import pct, prf, shorten, spread_sample, table

LABELS = ("PER", "ORG", "LOC")
SYSTEM_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC"}
_DATE = re.compile(r"\[(\d{4}-\d{2}-\d{2})\]")

Chunk = tuple[int, int, str]  # first token, last token (inclusive), label
Recognise = Callable[[str, str | None], list[tuple[int, int, str]]]
"""``recognise(text, date) -> [(start, end, label), …]``: the system's named mentions (character offsets)."""


@dataclass
class Sentence:
    source: str
    date: str | None
    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # outer column

    @property
    def news(self) -> bool:
        return "wikipedia.org" not in self.source

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def read_germeval(path: str | Path) -> Iterator[Sentence]:
    sentence: Sentence | None = None
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if line.startswith("#"):
                if sentence is not None and sentence.tokens:
                    yield sentence
                source = line.split("\t")[1] if "\t" in line else line[1:].strip()
                date = _DATE.search(line)
                sentence = Sentence(source.split()[0] if source.split() else "", date.group(1) if date else None)
                continue
            if not line.strip():
                continue
            cells = line.split("\t")
            if sentence is None or len(cells) < 3:
                raise ValueError(f"{path}:{number}: not a GermEval token line")
            sentence.tokens.append(cells[1])
            sentence.tags.append(cells[2])
    if sentence is not None and sentence.tokens:
        yield sentence


def gold_chunks(tags: list[str]) -> set[Chunk]:
    """PER/ORG/LOC chunks of a BIO tag column; every other tag is O."""
    chunks: set[Chunk] = set()
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag[:2] in ("B-", "I-") else None
        kind = kind if kind in LABELS else None
        continues = tag.startswith("I-") and kind == label and start is not None
        if continues:
            continue
        if start is not None:
            chunks.add((start, i - 1, label))
        start, label = (i, kind) if kind else (None, None)
    return chunks


def system_chunks(sentence: Sentence, mentions: Iterable[tuple[int, int, str]]) -> set[Chunk]:
    """System mentions as token chunks; those that do not start and end on token edges are dropped."""
    starts, ends = {}, {}
    offset = 0
    for i, token in enumerate(sentence.tokens):
        starts[offset] = i
        ends[offset + len(token)] = i
        offset += len(token) + 1
    chunks: set[Chunk] = set()
    for start, end, label in mentions:
        mapped = SYSTEM_LABELS.get(label)
        if mapped and start in starts and end in ends:
            chunks.add((starts[start], ends[end], mapped))
    return chunks


@dataclass
class _Counts:
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    system: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    gold: dict[str, int] = field(default_factory=lambda: dict.fromkeys(LABELS, 0))
    sentences: int = 0

    def add(self, gold: set[Chunk], system: set[Chunk]) -> None:
        self.sentences += 1
        for _, _, label in gold:
            self.gold[label] += 1
        for chunk in system:
            self.system[chunk[2]] += 1
            if chunk in gold:
                self.correct[chunk[2]] += 1

    def figures(self) -> dict[str, Any]:
        total = prf(sum(self.correct.values()), sum(self.system.values()), sum(self.correct.values()), sum(self.gold.values()))
        labels = {label: prf(self.correct[label], self.system[label], self.correct[label], self.gold[label]) for label in LABELS}
        return {"sentences": self.sentences, "overall": total, "labels": labels}


def evaluate_ner(path: str | Path, recognise: Recognise, *, limit: int | None = None) -> dict[str, Any]:
    """Scores over all sentences and over the news sentences, with a sample of errors."""
    every, news = _Counts(), _Counts()
    errors: list[dict[str, Any]] = []
    for n, sentence in enumerate(read_germeval(path)):
        if limit is not None and n >= limit:
            break
        gold = gold_chunks(sentence.tags)
        system = system_chunks(sentence, recognise(sentence.text, sentence.date))
        every.add(gold, system)
        if sentence.news:
            news.add(gold, system)
            if gold != system:
                errors.append(_error(sentence, gold, system))
    return {"file": str(path), "all": every.figures(), "news": news.figures(), "news_errors": errors}


def _error(sentence: Sentence, gold: set[Chunk], system: set[Chunk]) -> dict[str, Any]:
    def show(chunks: set[Chunk]) -> list[str]:
        return [f"{' '.join(sentence.tokens[a : b + 1])}/{label}" for a, b, label in sorted(chunks)]

    return {"text": sentence.text, "missed": show(gold - system), "spurious": show(system - gold)}


def format_ner_report(report: dict[str, Any], misses: bool = False) -> str:
    rows = []
    for part in ("news", "all"):
        figures = report[part]
        rows.append([f"{part} overall", *_cells(figures["overall"])])
        rows.extend([f"{part} {label}", *_cells(figures["labels"][label])] for label in LABELS)
    lines = [f"GermEval 2014 NER (outer chunks, PER/ORG/LOC, exact span): {report['file']}",
             f"sentences: {report['all']['sentences']} ({report['news']['sentences']} news)", "",
             table(["", "P", "R", "F1", "correct", "system", "gold"], rows)]
    if misses:
        lines.append("\nNews sentences with errors (sample):")
        for error in spread_sample(report["news_errors"], 40):
            lines.append(f"  {shorten(error['text'], 140)}")
            lines.append(f"    missed: {', '.join(error['missed']) or '—'};  spurious: {', '.join(error['spurious']) or '—'}")
    return "\n".join(lines)


def _cells(figures: dict[str, Any]) -> list[str]:
    return [pct(figures["precision"]), pct(figures["recall"]), pct(figures["f1"]),
            str(figures["correct_system"]), str(figures["system"]), str(figures["gold"])]
