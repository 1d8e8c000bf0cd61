"""Read-only queries over the corpus store; each returns a list of plain dicts."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from lagebild.store.actors import ABOUT_JOIN, actor_keys
from lagebild.store.db import as_connection

Db = str | Path | sqlite3.Connection

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_BAREWORD = re.compile(r"^[\w*]+$")


def check_date(value: str | None) -> str | None:
    """A YYYY[-MM[-DD]] filter value, or ValueError."""
    if value and not _DATE.match(value):
        raise ValueError(f"date must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    return value or None


def pad_date(value: str, fill: str) -> str:
    """A partial date padded to a full day: fill `00` for its earliest, `99` for its latest."""
    check_date(value)
    while len(value) < 10:
        value += "-" + fill
    return value


def padded_date_column(column: str, fill: str) -> str:
    """SQL for a YYYY[-MM[-DD]] column padded like `pad_date`: a range filter keeps documents
    whose (possibly partial) date overlaps it (a document dated 2025-07 matches since 2025-07-15)."""
    return (
        f"(CASE length({column}) WHEN 4 THEN {column} || '-{fill}-{fill}' "
        f"WHEN 7 THEN {column} || '-{fill}' ELSE {column} END)"
    )


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


def run_fts(execute: Callable[[str, list[Any]], list[Any]], sql: str, params: list[Any], at: int) -> list[Any]:
    """`execute(sql, params)` with params[at] as an FTS5 query; if FTS5 rejects its syntax, again
    with every word a quoted phrase (no operators left)."""
    raw = params[at]
    params[at] = fts_query(raw)
    try:
        return execute(sql, params)
    except sqlite3.OperationalError as error:
        if "fts5" not in str(error) and "syntax" not in str(error):
            raise
    params[at] = " ".join('"' + token.replace('"', "") + '"' for token in raw.split() if token.replace('"', ""))
    return execute(sql, params) if params[at] else []


def _run_fts(db: Db, sql: str, params: list[Any], at: int) -> list[dict[str, Any]]:
    return run_fts(lambda q, p: _run(db, q, p), sql, params, at)


def search(db: Db, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Full-text search over document texts, best first.

    Each hit: doc_id, date (effective), stated_date, title, url, source, snippet (the hit in context, matches
    in [brackets]), score (bm25; lower is better).
    """
    sql = """
        SELECT d.doc_id, d.date, d.stated_date, d.title, d.url, d.source,
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

    speaker: case-insensitive substring of the speaker name, or an actor (KB id, canonical
    name) the speaker was resolved to; about: an actor mentioned inside the message (KB id,
    canonical name or mention text) or a full-text query over the messages; kind: direct |
    indirect | mixed | …; since / until: YYYY[-MM[-DD]], inclusive, against the document's
    effective date (a document dated 2025-07 matches since=2025-07-15). Documents without a
    date are left out when since or until is given.
    """
    conn, opened = as_connection(db)
    try:
        where: list[str] = []
        params: list[Any] = []
        if about:
            keys = actor_keys(conn, about)
            # both as uncorrelated sets: each is computed once, from its own index
            mentioned = (
                f"s.sid IN (SELECT s.sid FROM entities e JOIN statements s ON {ABOUT_JOIN} "
                f"WHERE e.actor IN ({', '.join('?' * len(keys))}))"
                if keys
                else "0"
            )
            where.append(
                f"(s.sid IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?) OR {mentioned})"
            )
            params += [about, *keys]
        if speaker:
            keys = actor_keys(conn, speaker)
            resolved = f" OR s.speaker_actor IN ({', '.join('?' * len(keys))})" if keys else ""
            where.append(f"(instr(casefold(s.speaker_name), ?) > 0{resolved})")
            params += [speaker.casefold(), *keys]
        if kind:
            where.append("s.kind = ?")
            params.append(kind)
        if since:
            low = pad_date(since, "00")
            where.append(f"d.date >= ? AND {padded_date_column('d.date', '99')} >= ?")
            params += [low[:4], low]
        if until:
            high = pad_date(until, "99")
            where.append(f"d.date <= ? AND {padded_date_column('d.date', '00')} <= ?")
            params += [high, high]
        sql = f"""
            SELECT s.doc_id, s.n, d.date, d.stated_date, s.kind, s.speaker_name, s.speaker_actor,
                   s.speaker_mention_text, s.speaker_mention_start, s.speaker_mention_end,
                   s.cue_text, s.cue_start, s.cue_end,
                   s.message_text, s.message_start, s.message_end,
                   s.medium, s.addressee, s.sentence, d.url, d.title
            FROM statements s JOIN documents d ON d.doc_id = s.doc_id
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY d.date, s.doc_id, s.n
            LIMIT ?
        """
        params.append(int(limit))
        if about:
            return _run_fts(conn, sql, params, 0)
        return _run(conn, sql, params)
    finally:
        if opened:
            conn.close()


def counts(db: Db) -> dict[str, int]:
    """Rows per table."""
    conn, opened = as_connection(db)
    try:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "documents",
                "statements",
                "timexes",
                "entities",
                "events",
                "event_actors",
            )
        }
    finally:
        if opened:
            conn.close()
