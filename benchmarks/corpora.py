"""Texts of the shared corpora for benchmarks and checks (../shared/data beside the repo)."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WIKINEWS = DATA / "wikinews-spkatt" / "train"
NEWS_DEV = DATA / "news-statements" / "dev.jsonl"
SPKATT = DATA / "spkatt2023" / "train"


def jsonl_texts(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def spkatt_texts(directory: Path, limit: int | None = None, every: int = 1) -> list[str]:
    """SpkAtt documents rebuilt as the project reads them: tokens joined by spaces, sentences by
    newlines (see lagebild.eval.spkatt)."""
    from lagebild.eval.spkatt import document_paths, load_document

    return [load_document(path).text for path in document_paths(directory)[::every][:limit]]


def corpus_texts(name: str, limit: int | None = None) -> list[str]:
    """`wikinews`, `news` or `spkatt` (every 4th Bundestag speech), or a path to a JSONL file."""
    if name == "wikinews":
        return spkatt_texts(WIKINEWS, limit)
    if name == "spkatt":
        return spkatt_texts(SPKATT, limit, every=4)
    path = NEWS_DEV if name == "news" else Path(name)
    return jsonl_texts(path)[:limit]
