"""Ingest: read records, analyse them (in-process, in worker processes or on Ray), store them.

The driver process reads the input and is the only writer. Documents are written in
batches, one transaction per batch, so a killed ingest leaves only whole batches behind; a
rerun skips every document already present (identity: record id, or sha256 of the text).
With `out_dir` the analyses go to a Parquet dataset instead (sinks.py), for `load`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild import __version__
from lagebild.store.engines import ENGINES, Task, run_in_pool, run_in_process, run_on_ray
from lagebild.store.sinks import ParquetSink, StoreSink, write_batch

__all__ = ["IngestStats", "doc_identity", "ingest", "write_batch"]

DEFAULT_BATCH_SIZE = 200


@dataclass
class IngestStats:
    ingested: int = 0  # documents written this run (new ones and re-analysed ones)
    skipped_present: int = 0  # already stored (or repeated in the input), left alone
    reanalyzed: int = 0  # of `ingested`: replaced because their lagebild_version differed
    failed: list[str] = field(default_factory=list)  # "origin: message"
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.ingested / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingested": self.ingested,
            "skipped_present": self.skipped_present,
            "reanalyzed": self.reanalyzed,
            "failed": len(self.failed),
            "seconds": round(self.seconds, 3),
            "docs_per_s": round(self.docs_per_s, 1),
        }


def doc_identity(record_id: str | None, text: str) -> str:
    """The store key of a document: its id, or the sha256 (hex) of its text."""
    if record_id is not None and str(record_id) != "":
        return str(record_id)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ------------------------------------------------------------------------------- driver


def ingest(
    paths: list[str] | str | Path,
    db_path: str | Path | None = None,
    workers: int | None = 1,
    reanalyze: bool = False,
    rejects_path: str | Path | None = None,
    progress: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    date: str | None = None,
    engine: str = "local",
    address: str | None = None,
    out_dir: str | Path | None = None,
) -> IngestStats:
    """Analyse the records in `paths` (files, directories, JSONL, HTML, "-") into the store
    at `db_path`, or, with `out_dir`, into a Parquet dataset of analyses there.

    Idempotent and resumable: documents already stored are skipped (with `reanalyze`, those
    stored by another lagebild version are analysed again and replaced). Records that cannot
    be read or analysed are counted in `failed` and, with `rejects_path`, written there as
    JSON lines `{"origin": …, "reason": …}`. `date` is the stated date for records without one.
    `engine`: "local" (`workers` processes) or "ray" (`workers` Ray actors, default one per
    CPU; a local Ray, or the cluster at `address`).
    """
    from lagebild.io.readers import ReadError, read_inputs

    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if db_path is None and out_dir is None:
        raise ValueError("ingest needs a store (db_path) or an output directory (out_dir)")
    paths = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    batch_size = max(1, int(batch_size))
    stats = IngestStats()
    started = time.perf_counter()
    sink = ParquetSink(out_dir) if out_dir is not None else StoreSink(db_path)
    rejects = Path(rejects_path).open("w", encoding="utf-8") if rejects_path else None  # noqa: SIM115 (closed in finally)
    bar = _Progress(progress, total=count_records(paths) if progress else None)

    def reject(origin: str, reason: str) -> None:
        stats.failed.append(f"{origin}: {reason}")
        if rejects is not None:
            rejects.write(
                json.dumps({"origin": origin, "reason": reason}, ensure_ascii=False) + "\n"
            )
            rejects.flush()
        bar.update(stats)

    seen: set[str] = set()

    def tasks() -> Iterator[Task]:
        for record in read_inputs(paths):
            if isinstance(record, ReadError):
                reject(record.origin, record.message)
                continue
            doc_id = doc_identity(record.id, record.text)
            if doc_id in seen:
                stats.skipped_present += 1
                bar.update(stats)
                continue
            seen.add(doc_id)
            version = sink.stored_version(doc_id)
            if version is not None and not (reanalyze and version != __version__):
                stats.skipped_present += 1
                bar.update(stats)
                continue
            meta = dict(record.meta)
            yield (
                doc_id,
                record.id,
                record.text,
                record.date or date,
                meta,
                record.origin,
                version is not None,
            )

    def store(results: list[tuple[str, Any]]) -> None:
        good = []
        for status, payload in results:
            if status == "ok":
                good.append(payload)
            else:
                reject(*payload)
        written, replaced = sink.write(good)
        stats.ingested += written
        stats.reanalyzed += replaced
        stats.skipped_present += len(good) - written
        bar.update(stats)

    batches = _batches(tasks(), batch_size)
    if engine == "ray":
        analysed = run_on_ray(batches, workers=workers, address=address)
    elif (workers or 1) > 1:
        analysed = run_in_pool(batches, int(workers))
    else:
        analysed = run_in_process(batches)
    try:
        bar.start()
        for results in analysed:
            store(results)
    finally:
        close = getattr(analysed, "close", None)
        if close is not None:
            close()  # stops worker processes or Ray on an interrupted run
        stats.seconds = time.perf_counter() - started
        bar.stop(stats)
        if rejects is not None:
            rejects.close()
        sink.close()
    return stats


def count_records(paths: list[str]) -> int | None:
    """How many records the input holds, for the ETA: lines of JSON Lines, one per other
    file; None for stdin."""
    from lagebild.io.readers import HTML_SUFFIXES, JSONL_SUFFIXES, TEXT_SUFFIXES

    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if not file.is_file() or (
                path.is_dir() and suffix not in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES
            ):
                continue
            if suffix in JSONL_SUFFIXES:
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total


def _batches(items: Iterable[Task], size: int) -> Iterator[list[Task]]:
    batch: list[Task] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


class _Progress:
    """A rich progress bar on stderr: documents stored, skipped, failed, docs/s and ETA."""

    def __init__(self, enabled: bool, total: int | None = None):
        self.enabled = enabled
        self.total = total
        self.progress = None
        self.task = None
        self.started = time.perf_counter()

    def start(self) -> None:
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.started = time.perf_counter()
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/bold]"),
            BarColumn(),
            TextColumn("{task.fields[stored]:,} stored"),
            TextColumn("{task.fields[skipped]:,} skipped"),
            TextColumn("{task.fields[failed]:,} failed"),
            TextColumn("[cyan]{task.fields[rate]:,.1f} docs/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.task = self.progress.add_task(
            "ingest", total=self.total, stored=0, skipped=0, failed=0, rate=0.0
        )
        self.progress.start()

    def update(self, stats: IngestStats) -> None:
        if self.progress is None:
            return
        elapsed = time.perf_counter() - self.started
        self.progress.update(
            self.task,
            completed=stats.ingested + stats.skipped_present + len(stats.failed),
            stored=stats.ingested,
            skipped=stats.skipped_present,
            failed=len(stats.failed),
            rate=stats.ingested / elapsed if elapsed > 0 else 0.0,
        )

    def stop(self, stats: IngestStats) -> None:
        if self.progress is None:
            return
        self.update(stats)
        self.progress.stop()
        self.progress = None
