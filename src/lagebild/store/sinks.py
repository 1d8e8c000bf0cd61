"""Where an ingest puts its analyses: a store, or a Parquet dataset of analyses for `load`.

The dataset (`--out DIR`) holds one row per document: doc_id, the effective date, the
versions, analysed_at and the analysis JSON, Hive-partitioned by year-month like the
exports. `load` turns such a dataset into a store, skipping documents already there; the
store's rows are rebuilt from the analysis JSON exactly as an ingest builds them.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lagebild.store.db import connect
from lagebild.store.export import PARTITION, year_month
from lagebild.store.rows import (
    DOCUMENT_COLUMNS,
    delete_document,
    insert_document,
    rows_from_analysis,
)

ANALYSES_COLUMNS = (
    "doc_id",
    "date",
    "lagebild_version",
    "schema_version",
    "analysed_at",
    "analysis",
)
_DOC = {name: i for i, name in enumerate(DOCUMENT_COLUMNS)}


def write_batch(
    conn: sqlite3.Connection, results: Iterable[tuple[dict[str, Any], bool]]
) -> tuple[int, int]:
    """Write analysed documents in one transaction; (written, replaced)."""
    written = replaced = 0
    conn.execute("BEGIN IMMEDIATE")
    try:
        for rows, replace in results:
            if replace:
                delete_document(conn, rows["documents"][0])
            if not insert_document(conn, rows):
                continue  # written meanwhile by someone else: keep theirs
            written += 1
            replaced += int(replace)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return written, replaced


class StoreSink:
    """Writes into the SQLite store, one transaction per batch."""

    def __init__(self, db_path: str | Path):
        self.conn = connect(db_path)

    def stored_version(self, doc_id: str) -> str | None:
        """The lagebild version of a stored document; None when it is not stored."""
        row = self.conn.execute(
            "SELECT lagebild_version FROM documents WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return None if row is None else row[0]

    def write(self, results: list[tuple[dict[str, Any], bool]]) -> tuple[int, int]:
        return write_batch(self.conn, results)

    def close(self) -> None:
        self.conn.close()


class ParquetSink:
    """Writes a Parquet dataset of analyses, one file per batch and partition; a rerun into
    the same directory skips the documents already in it."""

    def __init__(self, out_dir: str | Path):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.present = {
            row["doc_id"]: row["lagebild_version"]
            for row in _read(self.out, ("doc_id", "lagebild_version"))
        }
        self.run = uuid.uuid4().hex[:12]
        self.batches = 0

    def stored_version(self, doc_id: str) -> str | None:
        return self.present.get(doc_id)

    def write(self, results: list[tuple[dict[str, Any], bool]]) -> tuple[int, int]:
        import pyarrow as pa
        import pyarrow.dataset as ds

        records = []
        for rows, _replace in results:
            document = rows["documents"]
            record = {name: document[_DOC[name]] for name in ANALYSES_COLUMNS}
            record[PARTITION] = year_month(record["date"])
            records.append(record)
        if not records:
            return 0, 0
        self.batches += 1
        ds.write_dataset(
            pa.Table.from_pylist(records, schema=analyses_schema()),
            self.out,
            format="parquet",
            partitioning=ds.partitioning(pa.schema([(PARTITION, pa.string())]), flavor="hive"),
            basename_template=f"part-{self.run}-{self.batches}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
        replaced = sum(1 for rows, replace in results if replace)
        for rows, _replace in results:
            self.present[rows["documents"][0]] = rows["documents"][_DOC["lagebild_version"]]
        return len(records), replaced

    def close(self) -> None:
        pass


def analyses_schema():
    import pyarrow as pa

    return pa.schema(
        [(name, pa.string()) for name in ANALYSES_COLUMNS] + [(PARTITION, pa.string())]
    )


def _read(directory: Path, columns: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """Rows of the analyses dataset in `directory` (none when it holds no Parquet files)."""
    import pyarrow.dataset as ds

    if not any(directory.rglob("*.parquet")):
        return
    dataset = ds.dataset(directory, format="parquet", partitioning="hive")
    for batch in dataset.to_batches(columns=list(columns)):
        yield from batch.to_pylist()


def load(directory: str | Path, db_path: str | Path, batch_size: int = 500) -> tuple[int, int]:
    """Bring a dataset of analyses (`ingest --out DIR`) into the store; (loaded, skipped).

    A document already in the store is left alone, so loading twice adds nothing. A document
    the dataset holds more than once (re-analysed with `--reanalyze`) is loaded from its
    latest analysis."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"no dataset directory {directory}")
    latest: dict[str, str] = {}
    for record in _read(directory, ("doc_id", "analysed_at")):
        if record["analysed_at"] >= latest.get(record["doc_id"], ""):
            latest[record["doc_id"]] = record["analysed_at"]
    sink = StoreSink(db_path)
    loaded = skipped = 0
    try:
        batch: list[tuple[dict[str, Any], bool]] = []
        for record in _read(directory, ("doc_id", "analysed_at", "analysis")):
            doc_id = record["doc_id"]
            if latest.get(doc_id) != record["analysed_at"] or sink.stored_version(doc_id):
                skipped += 1
                continue
            latest.pop(doc_id)  # two rows with the same analysed_at: the first read
            data = json.loads(record["analysis"])
            batch.append((rows_from_analysis(doc_id, data, record["analysed_at"]), False))
            if len(batch) >= batch_size:
                loaded += sink.write(batch)[0]
                batch = []
        if batch:
            loaded += sink.write(batch)[0]
    finally:
        sink.close()
    return loaded, skipped
