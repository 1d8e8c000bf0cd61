"""Ingest: read records, analyse them (optionally in worker processes), store them.

The parent process is the only writer. Documents are written in batches, one transaction
per batch, so a killed ingest leaves only whole batches behind; a rerun skips every
document already present (identity: record id, or sha256 of the text).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lagebild import __version__
from lagebild.store.db import connect

DEFAULT_BATCH_SIZE = 200

# (doc_id, record_id, text, date, meta, origin, replace)
Task = tuple[Any, ...]


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


# --------------------------------------------------------------------------- analysis side

_PIPELINE = None


def _init_worker() -> None:
    global _PIPELINE
    from lagebild.pipeline import Pipeline

    _PIPELINE = Pipeline()


def _span_fields(span: dict | None) -> tuple[Any, Any, Any]:
    if not span:
        return None, None, None
    return span.get("start"), span.get("end"), span.get("text")


def rows_from_analysis(doc_id: str, data: dict[str, Any], analysed_at: str) -> dict[str, Any]:
    """The rows of every table for one analysis dict (Analysis.to_dict())."""
    meta = data.get("meta") or {}
    document = (
        doc_id,
        data["text"],
        data.get("stated_date"),
        meta.get("url"),
        meta.get("source"),
        meta.get("title"),
        data.get("lagebild_version") or __version__,
        data.get("schema_version") or "",
        analysed_at,
        json.dumps(data, ensure_ascii=False),
    )
    statements = []
    for n, st in enumerate(data.get("statements") or [], 1):
        speaker = st.get("speaker") or {}
        m_start, m_end, m_text = _span_fields(speaker.get("mention"))
        c_start, c_end, c_text = _span_fields(st.get("cue"))
        msg_start, msg_end, msg_text = _span_fields(st.get("message"))
        statements.append(
            (
                doc_id,
                n,
                st.get("kind"),
                speaker.get("name"),
                m_start,
                m_end,
                m_text,
                c_text,
                c_start,
                c_end,
                msg_start,
                msg_end,
                msg_text,
                (st.get("medium") or {}).get("text"),
                (st.get("addressee") or {}).get("text"),
                st.get("sentence"),
            )
        )
    timexes = [
        (
            doc_id,
            n,
            t.get("start"),
            t.get("end"),
            t.get("text"),
            t.get("type"),
            t.get("value"),
            t.get("mod"),
            None if t.get("anchor") is None else str(t.get("anchor")),
        )
        for n, t in enumerate(data.get("timexes") or [], 1)
    ]
    entities = []
    for n, e in enumerate(data.get("entities") or [], 1):
        kb = e.get("kb_id", e.get("entity"))
        entities.append(
            (
                doc_id,
                n,
                e.get("start"),
                e.get("end"),
                e.get("text"),
                e.get("label", e.get("type")),
                None if kb is None else str(kb),
                e.get("name"),
            )
        )
    return {
        "document": document,
        "statements": statements,
        "timexes": timexes,
        "entities": entities,
    }


def _analyse(task: Task) -> tuple[str, Any]:
    """('ok', (rows, replace)) or ('error', 'origin: message'). Runs in a worker or in-process."""
    doc_id, record_id, text, date, meta, origin, replace = task
    try:
        analysis = _PIPELINE.analyze(text, date=date, id=record_id, **meta)
        analysed_at = datetime.now(UTC).isoformat(timespec="seconds")
        return "ok", (rows_from_analysis(doc_id, analysis.to_dict(), analysed_at), replace)
    except Exception as error:  # one bad record must not stop a corpus run
        return "error", (origin, f"analysis failed: {type(error).__name__}: {error}")


# ----------------------------------------------------------------------------- write side

_INSERT_DOCUMENT = (
    "INSERT OR IGNORE INTO documents (doc_id, text, stated_date, url, source, title, "
    "lagebild_version, schema_version, analysed_at, analysis) VALUES (?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_STATEMENT = (
    "INSERT INTO statements (doc_id, n, kind, speaker_name, speaker_mention_start, "
    "speaker_mention_end, speaker_mention_text, cue_text, cue_start, cue_end, message_start, "
    "message_end, message_text, medium, addressee, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_INSERT_TIMEX = 'INSERT INTO timexes (doc_id, n, start, "end", text, type, value, mod, anchor) VALUES (?,?,?,?,?,?,?,?,?)'
_INSERT_ENTITY = 'INSERT INTO entities (doc_id, n, start, "end", text, label, kb_id, name) VALUES (?,?,?,?,?,?,?,?)'


def delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    for table in ("statements", "timexes", "entities", "documents"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


def write_batch(
    conn: sqlite3.Connection, results: Iterable[tuple[dict[str, Any], bool]]
) -> tuple[int, int]:
    """Write analysed documents in one transaction; (written, replaced)."""
    written = replaced = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for rows, replace in results:
            doc_id = rows["document"][0]
            if replace:
                delete_document(conn, doc_id)
            if conn.execute(_INSERT_DOCUMENT, rows["document"]).rowcount != 1:
                continue  # written meanwhile by someone else: keep theirs
            conn.executemany(_INSERT_STATEMENT, rows["statements"])
            conn.executemany(_INSERT_TIMEX, rows["timexes"])
            conn.executemany(_INSERT_ENTITY, rows["entities"])
            written += 1
            replaced += int(replace)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return written, replaced


# ------------------------------------------------------------------------------- driver


def ingest(
    paths: list[str] | str | Path,
    db_path: str | Path,
    workers: int = 1,
    reanalyze: bool = False,
    rejects_path: str | Path | None = None,
    progress: bool = True,
    batch_size: int = DEFAULT_BATCH_SIZE,
    date: str | None = None,
) -> IngestStats:
    """Analyse the records in `paths` (files, directories, JSONL, "-") into the store at `db_path`.

    Idempotent and resumable: documents already stored are skipped (with `reanalyze`, those
    stored by another lagebild version are analysed again and replaced). Records that cannot
    be read or analysed are counted in `failed` and, with `rejects_path`, written there as
    JSON lines `{"origin": …, "reason": …}`. `date` is the stated date for records without one.
    """
    from lagebild.io.readers import ReadError, read_inputs

    if isinstance(paths, str | Path):
        paths = [str(paths)]
    paths = [str(p) for p in paths]
    workers = max(1, int(workers))
    batch_size = max(1, int(batch_size))
    stats = IngestStats()
    started = time.perf_counter()
    conn = connect(db_path)
    rejects = Path(rejects_path).open("w", encoding="utf-8") if rejects_path else None  # noqa: SIM115 (closed in finally)
    bar = _Progress(progress)

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
            row = conn.execute(
                "SELECT lagebild_version FROM documents WHERE doc_id = ?", (doc_id,)
            ).fetchone()
            replace = False
            if row is not None:
                if not (reanalyze and row[0] != __version__):
                    stats.skipped_present += 1
                    bar.update(stats)
                    continue
                replace = True
            yield (
                doc_id,
                record.id,
                record.text,
                record.date or date,
                dict(record.meta),
                record.origin,
                replace,
            )

    def store(results: list[tuple[str, Any]]) -> None:
        good = []
        for status, payload in results:
            if status == "ok":
                good.append(payload)
            else:
                reject(*payload)
        written, replaced = write_batch(conn, good)
        stats.ingested += written
        stats.reanalyzed += replaced
        stats.skipped_present += len(good) - written
        bar.update(stats)

    pool = None
    try:
        bar.start()
        if workers == 1:
            _init_worker()
            for batch in _batches(tasks(), batch_size):
                store([_analyse(task) for task in batch])
        else:
            context = multiprocessing.get_context("spawn")
            pool = context.Pool(workers, initializer=_init_worker)
            pending = None
            for batch in _batches(tasks(), batch_size):
                chunk = max(1, len(batch) // (workers * 4))
                submitted = pool.map_async(_analyse, batch, chunksize=chunk)
                if pending is not None:
                    store(pending.get())  # write batch k while the workers analyse batch k+1
                pending = submitted
            if pending is not None:
                store(pending.get())
            pool.close()
            pool.join()
            pool = None
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()
        stats.seconds = time.perf_counter() - started
        bar.stop(stats)
        if rejects is not None:
            rejects.close()
        conn.close()
    return stats


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
    """A rich progress line on stderr: documents written, skipped, failed, docs/s."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.progress = None
        self.task = None
        self.started = time.perf_counter()

    def start(self) -> None:
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.started = time.perf_counter()
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[bold]ingest[/bold] {task.completed:,.0f} stored"),
            TextColumn("{task.fields[skipped]:,} skipped"),
            TextColumn("{task.fields[failed]:,} failed"),
            TextColumn("[cyan]{task.fields[rate]:,.1f} docs/s"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        )
        self.task = self.progress.add_task("ingest", total=None, skipped=0, failed=0, rate=0.0)
        self.progress.start()

    def update(self, stats: IngestStats) -> None:
        if self.progress is None:
            return
        elapsed = time.perf_counter() - self.started
        self.progress.update(
            self.task,
            completed=stats.ingested,
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
