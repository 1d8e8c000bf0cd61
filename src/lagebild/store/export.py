"""Export the store: jsonl (the stored analyses), csv or parquet (the statements table)."""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from lagebild.store.db import as_connection

FORMATS = ("jsonl", "csv", "parquet")

STATEMENT_COLUMNS = [
    "doc_id",
    "n",
    "date",
    "speaker",
    "kind",
    "cue",
    "message",
    "medium",
    "addressee",
    "message_start",
    "message_end",
]

_STATEMENTS_SQL = """
    SELECT s.doc_id, s.n, d.stated_date AS date, s.speaker_name AS speaker, s.kind,
           s.cue_text AS cue, s.message_text AS message, s.medium, s.addressee,
           s.message_start, s.message_end
    FROM statements s JOIN documents d ON d.doc_id = s.doc_id
    ORDER BY d.rid, s.n
"""


def export(db: str | Path | sqlite3.Connection, fmt: str, out_path: str | Path) -> int:
    """Write the store to `out_path`; returns the number of rows (documents or statements).

    jsonl: one analysis per line, exactly the stored analysis JSON, in ingest order.
    csv / parquet: one row per statement with STATEMENT_COLUMNS. parquet needs pyarrow.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as error:
            raise RuntimeError("parquet export needs pyarrow: pip install pyarrow") from error
    conn, opened = as_connection(db)
    try:
        if fmt == "jsonl":
            return _jsonl(conn, Path(out_path))
        if fmt == "csv":
            return _csv(conn, Path(out_path))
        return _parquet(conn, Path(out_path))
    finally:
        if opened:
            conn.close()


def _jsonl(conn: sqlite3.Connection, out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for (analysis,) in conn.execute("SELECT analysis FROM documents ORDER BY rid"):
            handle.write(analysis)
            handle.write("\n")
            n += 1
    return n


def _csv(conn: sqlite3.Connection, out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(STATEMENT_COLUMNS)
        for row in conn.execute(_STATEMENTS_SQL):
            writer.writerow(["" if value is None else value for value in tuple(row)])
            n += 1
    return n


def _parquet(conn: sqlite3.Connection, out: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list] = {name: [] for name in STATEMENT_COLUMNS}
    for row in conn.execute(_STATEMENTS_SQL):
        for name, value in zip(STATEMENT_COLUMNS, tuple(row), strict=True):
            columns[name].append(value)
    pq.write_table(pa.table(columns), out)
    return len(columns["doc_id"])
