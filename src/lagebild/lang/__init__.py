"""Language resources: reviewed data files, one per kind of knowledge, under `lang/<code>/`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RESOURCES = Path(__file__).parent


def resource_path(lang: str, name: str) -> Path:
    return RESOURCES / lang / name


def read_rows(lang: str, name: str) -> list[list[str]]:
    """Rows of a tab-separated resource, without comments and blank lines."""
    rows = []
    for line in resource_path(lang, name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    companion: str | None  # particle or fixed complement that must stand in the same clause
    cls: str


@dataclass(frozen=True)
class SpeechLexicon:
    cues: dict[str, tuple[CueEntry, ...]]  # by base lemma
    words: dict[str, frozenset[str]]  # closed classes from speech_words.tsv

    def word_class(self, kind: str) -> frozenset[str]:
        return self.words.get(kind, frozenset())


@lru_cache(maxsize=4)
def speech_lexicon(lang: str = "de") -> SpeechLexicon:
    cues: dict[str, list[CueEntry]] = {}
    for lemma, companion, cls in read_rows(lang, "cue_verbs.tsv"):
        entry = CueEntry(lemma, None if companion == "-" else companion, cls)
        cues.setdefault(lemma.lower(), []).append(entry)
    words = {kind: frozenset(items.split()) for kind, items in read_rows(lang, "speech_words.tsv")}
    return SpeechLexicon({k: tuple(v) for k, v in cues.items()}, words)
