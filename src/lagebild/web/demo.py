"""The demo store `lagebild serve` opens without `--db`: the bundled example article,
analysed and ingested once into the user's cache folder."""

from __future__ import annotations

import json
import os
import tempfile
from importlib import resources
from pathlib import Path

from lagebild import __version__

DEMO_ARTICLE = "demo/beispiel.txt"  # a copy of examples/beispiel.txt (a test keeps them equal)
DEMO_ID = "beispiel"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "lagebild"


def demo_text() -> str:
    return resources.files("lagebild.web").joinpath(DEMO_ARTICLE).read_text(encoding="utf-8")


def demo_store(folder: Path | None = None) -> Path:
    """The demo store for this lagebild version, built on first use."""
    from lagebild.store import ingest

    folder = folder or cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # no writable cache (read-only home): the temp folder will do
        folder = Path(tempfile.gettempdir()) / "lagebild"
        folder.mkdir(parents=True, exist_ok=True)
    db = folder / f"demo-{__version__}.db"
    if db.exists():
        return db
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "demo.jsonl"
        record = {"id": DEMO_ID, "text": demo_text(), "title": "Beispiel: Baerbock warnt vor Eskalation"}
        source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        partial = folder / f".demo-{__version__}-{os.getpid()}.db"
        stats = ingest([str(source)], partial, progress=False)
        if stats.failed:
            raise RuntimeError(f"could not build the demo store: {stats.failed[0]}")
        _checkpoint(partial)
        partial.replace(db)  # atomic: a half-built store is never found under the final name
    return db


def _checkpoint(db: Path) -> None:
    """Fold the write-ahead log into the file so that it can be moved alone."""
    from lagebild.store import connect

    conn = connect(db, create=False)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
