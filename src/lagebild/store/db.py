"""Opening the corpus store: one SQLite file in WAL mode, schema applied on open."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

STORE_SCHEMA_VERSION = "2"

# Columns each schema version added to tables that existed before it; an older store gets
# them by ALTER TABLE, then every document's rows are rebuilt from its stored analysis.
ADDED_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "2": [
        ("documents", "estimated_date TEXT"),
        ("documents", "date_consistent INTEGER"),
        ("documents", "date_confidence REAL"),
        ("documents", "date TEXT"),
        ("statements", "speaker_entity TEXT"),
        ("statements", "speaker_actor TEXT COLLATE NOCASE"),
        ("statements", "time_value TEXT"),
        ("entities", "country TEXT"),
        ("entities", "role TEXT"),
        ("entities", "cluster INTEGER"),
        ("entities", "actor TEXT COLLATE NOCASE"),
    ],
}


def _schema_sql() -> str:
    return resources.files("lagebild.store").joinpath("schema.sql").read_text(encoding="utf-8")


def _casefold(value: str | None) -> str | None:
    return value.casefold() if isinstance(value, str) else value


def connect(path: str | Path, *, create: bool = True, timeout: float = 30.0) -> sqlite3.Connection:
    """Open (and, if `create`, initialise) the store at `path`.

    The connection is in autocommit mode (`isolation_level=None`): writers open their own
    transactions with `BEGIN IMMEDIATE … COMMIT`. Rows come back as `sqlite3.Row`.
    """
    path = Path(path)
    if not create and not path.exists():
        raise FileNotFoundError(f"no corpus store at {path}")
    if create and path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        str(path), timeout=timeout, isolation_level=None, check_same_thread=False
    )
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
    mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
    if str(mode).lower() != "wal":
        conn.close()
        raise RuntimeError(f"could not switch {path} to WAL mode (got {mode!r})")
    # WAL + NORMAL: every committed transaction survives a crash of the process (kill -9);
    # only a power loss can drop the last few commits, and never leaves a torn database.
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    if create or stored_schema_version(conn) != STORE_SCHEMA_VERSION:
        init_schema(conn)  # creates, or upgrades an older store in place
    return conn


def init_schema(conn: sqlite3.Connection) -> None:
    """Create the schema, or upgrade an older store to it; re-applying is a no-op."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = stored_schema_version(conn)
        if found is not None and int(found) > int(STORE_SCHEMA_VERSION):
            raise RuntimeError(
                f"store schema version {found} is newer than this lagebild's ({STORE_SCHEMA_VERSION}): upgrade lagebild"
            )
        upgrading = found is not None and found != STORE_SCHEMA_VERSION
        if upgrading:
            _add_columns(conn, found)
        for statement in _split_sql(_schema_sql()):
            conn.execute(statement)
        if upgrading:
            _rederive_all(conn)
        if found != STORE_SCHEMA_VERSION:
            conn.execute(
                "INSERT OR REPLACE INTO store_meta(key, value) VALUES ('store_schema_version', ?)",
                (STORE_SCHEMA_VERSION,),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def stored_schema_version(conn: sqlite3.Connection) -> str | None:
    """The schema version a store was written with; None for a new, empty file."""
    if not conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'store_meta'"
    ).fetchone():
        return None
    row = conn.execute("SELECT value FROM store_meta WHERE key = 'store_schema_version'").fetchone()
    return None if row is None else row[0]


def _add_columns(conn: sqlite3.Connection, found: str) -> None:
    for version, additions in sorted(ADDED_COLUMNS.items(), key=lambda item: int(item[0])):
        if int(version) <= int(found):
            continue
        for table, definition in additions:
            present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if definition.split()[0] not in present:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {definition}")


def _rederive_all(conn: sqlite3.Connection) -> None:
    from lagebild.store.rows import rederive_document

    stored = conn.execute("SELECT doc_id, analysis, analysed_at FROM documents").fetchall()
    for doc_id, analysis, analysed_at in stored:
        rederive_document(conn, doc_id, analysis, analysed_at)


def _split_sql(script: str) -> list[str]:
    """Split a script into complete statements (triggers contain inner semicolons)."""
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def as_connection(db: str | Path | sqlite3.Connection) -> tuple[sqlite3.Connection, bool]:
    """(connection, opened_here): accept a path or an open connection."""
    if isinstance(db, sqlite3.Connection):
        db.row_factory = sqlite3.Row
        db.create_function("casefold", 1, _casefold, deterministic=True)
        return db, False
    return connect(db, create=False), True
