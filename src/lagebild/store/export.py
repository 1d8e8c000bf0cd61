"""Export the store: the analyses as JSON Lines, or its tables as CSV, JSON Lines or Parquet.

Parquet goes through pyarrow as one dataset per table, Hive-partitioned by the year-month
of the documents' effective date (`year_month=2025-07/part-0.parquet`), which pandas,
polars, DuckDB and Spark read as they are.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lagebild.store.db import as_connection

FORMATS = ("jsonl", "csv", "parquet")
TABLES = ("documents", "statements", "entities", "timexes", "events", "event_actors")
PARTITION = "year_month"
BATCH_ROWS = 10_000

# the export of each table: its columns (the store's, without internal keys) and the
# effective date of its document, which is also what the Parquet partitions follow
_DOCUMENT_COLUMNS = (
    "doc_id, date, stated_date, estimated_date, date_consistent, date_confidence, title, url, "
    "source, lagebild_version, schema_version, analysed_at, text"
)
EXPORT_SQL = {
    "documents": f"SELECT {_DOCUMENT_COLUMNS} FROM documents d ORDER BY d.rid",
    "statements": "SELECT {columns}, d.date AS date FROM statements t JOIN documents d ON d.doc_id = t.doc_id ORDER BY d.rid, t.n",
    "entities": "SELECT {columns}, d.date AS date FROM entities t JOIN documents d ON d.doc_id = t.doc_id ORDER BY d.rid, t.n",
    "timexes": "SELECT {columns}, d.date AS date FROM timexes t JOIN documents d ON d.doc_id = t.doc_id ORDER BY d.rid, t.n",
    "events": "SELECT {columns}, d.date AS document_date FROM events t JOIN documents d ON d.doc_id = t.doc_id ORDER BY d.rid, t.n",
    "event_actors": "SELECT {columns}, d.date AS document_date FROM event_actors t JOIN documents d ON d.doc_id = t.doc_id ORDER BY d.rid, t.n, t.role, t.i",
}
_INTERNAL = {"sid"}


UNDATED = "undated"


def year_month(date: str | None) -> str:
    """The partition of an effective date: YYYY-MM; YYYY-00 for a year alone; "undated"
    (not null: pandas cannot read a null partition next to others)."""
    if not date:
        return UNDATED
    return date[:7] if len(date) >= 7 else f"{date[:4]}-00"


def export(
    db: str | Path | sqlite3.Connection,
    fmt: str,
    out_path: str | Path,
    tables: list[str] | str | None = None,
) -> dict[str, int]:
    """Write the store to `out_path`; returns rows written per table.

    jsonl without `tables`: one analysis per line (the stored JSON, in ingest order) to the
    file `out_path`. Otherwise each table in `tables` (default: all, events only when there
    are any): csv / jsonl into `out_path/<table>.<fmt>` (or the file `out_path` itself when
    one table is asked for and `out_path` ends in `.<fmt>`); parquet into the dataset
    directory `out_path/<table>/`, partitioned by year-month.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(tables, str):
        tables = [tables]
    unknown = [t for t in tables or [] if t not in TABLES]
    if unknown:
        raise ValueError(f"unknown table {unknown[0]!r}; use one of {', '.join(TABLES)}")
    conn, opened = as_connection(db)
    out = Path(out_path)
    try:
        if fmt == "jsonl" and not tables:
            return {"documents": _analyses(conn, out)}
        tables = list(tables or _present_tables(conn))
        written = {}
        for table in tables:
            if fmt == "parquet":
                written[table] = write_parquet_dataset(
                    out / table, _schema(conn, table), _rows(conn, table)
                )
            else:
                single = len(tables) == 1 and out.suffix.lower() == f".{fmt}"
                target = out if single else out / f"{table}.{fmt}"
                writer = _csv if fmt == "csv" else _jsonl
                written[table] = writer(conn, table, target)
        return written
    finally:
        if opened:
            conn.close()


def _present_tables(conn: sqlite3.Connection) -> list[str]:
    has_events = conn.execute("SELECT 1 FROM events LIMIT 1").fetchone() is not None
    return [t for t in TABLES if has_events or t not in ("events", "event_actors")]


def _cursor(conn: sqlite3.Connection, table: str) -> sqlite3.Cursor:
    names = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    columns = ", ".join(f't."{name}"' for name in names if name not in _INTERNAL)
    return conn.execute(EXPORT_SQL[table].format(columns=columns))


def _rows(conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    cursor = _cursor(conn, table)
    names = [d[0] for d in cursor.description]
    for row in cursor:
        yield dict(zip(names, tuple(row), strict=True))


def _analyses(conn: sqlite3.Connection, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for (analysis,) in conn.execute("SELECT analysis FROM documents ORDER BY rid"):
            handle.write(analysis)
            handle.write("\n")
            n += 1
    return n


def _csv(conn: sqlite3.Connection, table: str, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    cursor = _cursor(conn, table)
    n = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([d[0] for d in cursor.description])
        for row in cursor:
            writer.writerow(["" if value is None else value for value in tuple(row)])
            n += 1
    return n


def _jsonl(conn: sqlite3.Connection, table: str, out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for row in _rows(conn, table):
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


# ------------------------------------------------------------------------------- parquet

_ARROW_TYPES = {"INTEGER": "int64", "REAL": "float64"}


def _schema(conn: sqlite3.Connection, table: str):
    """The Arrow schema of a table's export: SQLite declared types, text for the rest."""
    import pyarrow as pa

    declared = {row[1]: row[2].upper() for row in conn.execute(f"PRAGMA table_info({table})")}
    names = [d[0] for d in _cursor(conn, table).description]
    return pa.schema(
        [
            (name, getattr(pa, _ARROW_TYPES.get(declared.get(name, ""), "string"))())
            for name in names
        ]
        + [(PARTITION, pa.string())]
    )


def _date_column(schema) -> str:
    return (
        "date"
        if "date" in schema.names and "document_date" not in schema.names
        else "document_date"
    )


def write_parquet_dataset(out: Path, schema, rows: Iterator[dict[str, Any]]) -> int:
    """Stream `rows` into a Hive-partitioned Parquet dataset at `out` (which must not hold
    files yet: a second export beside a first would mix them); returns the rows written."""
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty; export into a new directory")
    date_column = _date_column(schema)
    counted = [0]

    def batches() -> Iterator[pa.RecordBatch]:
        chunk: list[dict[str, Any]] = []
        for row in rows:
            row[PARTITION] = year_month(row.get(date_column))
            chunk.append(row)
            if len(chunk) >= BATCH_ROWS:
                yield pa.RecordBatch.from_pylist(chunk, schema=schema)
                counted[0] += len(chunk)
                chunk = []
        if chunk:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            counted[0] += len(chunk)

    out.mkdir(parents=True, exist_ok=True)
    partition_schema = pa.schema([(PARTITION, pa.string())])
    ds.write_dataset(
        batches(),
        out,
        schema=schema,
        format="parquet",
        partitioning=ds.partitioning(partition_schema, flavor="hive"),
        basename_template="part-{i}.parquet",
        existing_data_behavior="overwrite_or_ignore",
    )
    if counted[0] == 0:  # an empty table is still a dataset with its columns
        empty = schema.remove(schema.get_field_index(PARTITION)).empty_table()
        pq.write_table(empty, out / "part-0.parquet")
    return counted[0]


def read_parquet_dataset(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a dataset written by `export` (partition column included), for checks."""
    import pyarrow.dataset as ds

    dataset = ds.dataset(Path(path), format="parquet", partitioning="hive")
    return dataset.to_table().to_pylist()
