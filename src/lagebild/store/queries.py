"""Read-only queries over the corpus store; each returns a list of plain dicts."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from lagebild.store.db import as_connection

Db = str | Path | sqlite3.Connection

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_BAREWORD = re.compile(r"^[\w*]+$")

# A document's stated date, padded to its latest possible day (2025 -> 2025-99-99) or to
# its earliest (2025 -> 2025-00-00); a range filter keeps documents whose date overlaps it.
_DATE_HIGH = (
    "(CASE length(d.stated_date) WHEN 4 THEN d.stated_date || '-99-99' "
    "WHEN 7 THEN d.stated_date || '-99' ELSE d.stated_date END)"
)
_DATE_LOW = (
    "(CASE length(d.stated_date) WHEN 4 THEN d.stated_date || '-00-00' "
    "WHEN 7 THEN d.stated_date || '-00' ELSE d.stated_date END)"
)


def _pad(date: str, high: bool) -> str:
    if not _DATE.match(date):
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, got {date!r}")
    fill = "99" if high else "00"
    while len(date) < 10:
        date += "-" + fill
    return date


def fts_query(query: str) -> str:
    """Make free text safe for FTS5 MATCH: plain words pass through (so `Merkel OR Scholz`,
    `Stolten*` and `"Wir kommen"` keep their meaning); anything else becomes a quoted phrase."""
    query = query.strip()
    if not query:
        raise ValueError("empty search query")
    if query.count('"') % 2 == 0 and '"' in query:
        return query
    parts = []
    for token in query.split():
        if _BAREWORD.match(token) and token.strip("*"):
            parts.append(token)
        else:
            parts.append('"' + token.replace('"', '""') + '"')
    return " ".join(parts)


def _run(db: Db, sql: str, params: list[Any] | tuple[Any, ...]) -> list[dict[str, Any]]:
    conn, opened = as_connection(db)
    try:
        return [dict(row) for row in conn.execute(sql, params)]
    finally:
        if opened:
            conn.close()


def _phrases(query: str) -> str:
    """Every word a quoted phrase: no FTS5 operators left."""
    return " ".join(
        '"' + token.replace('"', "") + '"' for token in query.split() if token.replace('"', "")
    )


def _run_fts(db: Db, sql: str, params: list[Any], at: int) -> list[dict[str, Any]]:
    """Run with params[at] as an FTS5 query; if FTS5 rejects its syntax, as plain words."""
    raw = params[at]
    params[at] = fts_query(raw)
    try:
        return _run(db, sql, params)
    except sqlite3.OperationalError as error:
        if "fts5" not in str(error) and "syntax" not in str(error):
            raise
        params[at] = _phrases(raw)
        if not params[at]:
            return []
        return _run(db, sql, params)


def search(db: Db, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over document texts, best first.

    Each hit: doc_id, stated_date, title, url, source, snippet (the hit in context, matches
    in [brackets]), score (bm25; lower is better).
    """
    sql = """
        SELECT d.doc_id, d.stated_date, d.title, d.url, d.source,
               snippet(documents_fts, 0, '[', ']', '…', 16) AS snippet,
               bm25(documents_fts) AS score
        FROM documents_fts JOIN documents d ON d.rid = documents_fts.rowid
        WHERE documents_fts MATCH ?
        ORDER BY rank
        LIMIT ?
    """
    return _run_fts(db, sql, [query, int(limit)], 0)


def statements(
    db: Db,
    speaker: str | None = None,
    about: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Statements, filtered; ordered by document date, document and position.

    speaker: case-insensitive substring of the speaker name; about: full-text query over the
    messages; kind: direct | indirect | mixed; since / until: YYYY[-MM[-DD]], inclusive,
    against the document's stated date (a document dated 2025-07 matches since=2025-07-15).
    Documents without a stated date are left out when since or until is given.
    """
    where: list[str] = []
    params: list[Any] = []
    joins = ""
    if about:
        joins = "JOIN statements_fts f ON f.rowid = s.sid"
        where.append("statements_fts MATCH ?")
        params.append(about)
    if speaker:
        where.append("instr(casefold(s.speaker_name), ?) > 0")
        params.append(speaker.casefold())
    if kind:
        where.append("s.kind = ?")
        params.append(kind)
    if since:
        low = _pad(since, high=False)
        where.append(f"d.stated_date >= ? AND {_DATE_HIGH} >= ?")
        params += [low[:4], low]
    if until:
        high = _pad(until, high=True)
        where.append(f"d.stated_date <= ? AND {_DATE_LOW} <= ?")
        params += [high, high]
    sql = f"""
        SELECT s.doc_id, s.n, d.stated_date, s.kind, s.speaker_name,
               s.speaker_mention_text, s.speaker_mention_start, s.speaker_mention_end,
               s.cue_text, s.cue_start, s.cue_end,
               s.message_text, s.message_start, s.message_end,
               s.medium, s.addressee, s.sentence, d.url, d.title
        FROM statements s JOIN documents d ON d.doc_id = s.doc_id {joins}
        {"WHERE " + " AND ".join(where) if where else ""}
        ORDER BY d.stated_date, s.doc_id, s.n
        LIMIT ?
    """
    params.append(int(limit))
    if about:
        return _run_fts(db, sql, params, 0)
    return _run(db, sql, params)


def counts(db: Db) -> dict[str, int]:
    """Rows per table."""
    conn, opened = as_connection(db)
    try:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("documents", "statements", "timexes", "entities")
        }
    finally:
        if opened:
            conn.close()
