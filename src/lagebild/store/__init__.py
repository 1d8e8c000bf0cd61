"""The embedded corpus store: analyses in one SQLite file (WAL), with full-text search.

    from lagebild.store import ingest, search, statements, export
    stats = ingest(["news.jsonl"], "corpus.db", workers=4)
    statements("corpus.db", speaker="merkel", since="2025")
    actors("corpus.db", labels=["PER"], top=20); timeline("corpus.db", "Merkel", by="week")
    write_network("corpus.db", "actors.graphml")

See docs/store.md.
"""

from __future__ import annotations

from lagebild.store.actors import actors, timeline
from lagebild.store.db import STORE_SCHEMA_VERSION, connect
from lagebild.store.export import FORMATS, export
from lagebild.store.ingest import IngestStats, doc_identity, ingest
from lagebild.store.network import actor_graph, write_network
from lagebild.store.queries import counts, search, statements
from lagebild.store.sinks import load

__all__ = [
    "FORMATS",
    "STORE_SCHEMA_VERSION",
    "IngestStats",
    "actor_graph",
    "actors",
    "connect",
    "counts",
    "doc_identity",
    "export",
    "ingest",
    "load",
    "search",
    "statements",
    "timeline",
    "write_network",
]
