"""The embedded corpus store: analyses in one SQLite file (WAL), with full-text search.

    from lagebild.store import ingest, search, statements, export
    stats = ingest(["news.jsonl"], "corpus.db", workers=4)
    statements("corpus.db", speaker="merkel", since="2025")

See docs/store.md.
"""

from __future__ import annotations

from lagebild.store.db import STORE_SCHEMA_VERSION, connect
from lagebild.store.export import FORMATS, export
from lagebild.store.ingest import IngestStats, doc_identity, ingest
from lagebild.store.queries import counts, search, statements

__all__ = [
    "FORMATS",
    "STORE_SCHEMA_VERSION",
    "IngestStats",
    "connect",
    "counts",
    "doc_identity",
    "export",
    "ingest",
    "search",
    "statements",
]
