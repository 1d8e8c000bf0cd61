"""Opening the corpus store: one SQLite file in WAL mode, schema applied on open."""

from __future__ import annotations

import sqlite3
from importlib import resources
from pathlib import Path

STORE_SCHEMA_VERSION = "1"


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
    if create:
        init_schema(conn)
    return conn


def init_schema(conn: sqlite3.Connection) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in _split_sql(_schema_sql()):
            conn.execute(statement)
        found = conn.execute(
            "SELECT value FROM store_meta WHERE key = 'store_schema_version'"
        ).fetchone()
        if found is None:
            conn.execute(
                "INSERT INTO store_meta(key, value) VALUES ('store_schema_version', ?)",
                (STORE_SCHEMA_VERSION,),
            )
        elif found[0] != STORE_SCHEMA_VERSION:
            raise RuntimeError(
                f"store schema version {found[0]} is not supported (this lagebild writes {STORE_SCHEMA_VERSION})"
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


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
