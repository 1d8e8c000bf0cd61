"""Actor queries over the corpus store: who is mentioned, who speaks, who is spoken about.

An actor is an actor key (docs/store.md): the KB id of linked mentions, else the canonical
name. A statement is *about* an actor when a mention of the actor lies inside its message
(and is not the speaker's own mention, as in reported speech whose message holds the speaker).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from typing import Any

from lagebild.store.db import as_connection

Db = Any  # str | Path | sqlite3.Connection

# entities e inside the message of statements s, not the speaker's own mention
ABOUT_JOIN = """
    s.doc_id = e.doc_id AND e.start >= s.message_start AND e."end" <= s.message_end
    AND NOT (s.speaker_mention_start IS NOT NULL
             AND e.start < s.speaker_mention_end AND s.speaker_mention_start < e."end")
"""

# an event's own date when the text gives it, else the effective date of its document
EVENT_DATE = (
    "CASE WHEN ev.date_source = 'text' AND ev.date IS NOT NULL THEN ev.date ELSE d.date END"
)

LABELS = ("PER", "ORG", "LOC", "GPE", "MISC")
PERIODS = ("week", "month")


def actor_keys(conn: sqlite3.Connection, name: str, fuzzy: bool = False) -> list[str]:
    """The actor keys `name` denotes: an actor key, KB id, canonical name, mention text or
    speaker name equal to it (any case); with `fuzzy` and no such actor, those containing it."""
    name = name.strip()
    if not name:
        return []
    exact = """
        SELECT actor FROM entities
        WHERE actor = :q OR kb_id = :q OR name = :q COLLATE NOCASE OR text = :q COLLATE NOCASE
        UNION
        SELECT speaker_actor FROM statements
        WHERE speaker_actor = :q OR speaker_entity = :q OR speaker_name = :q COLLATE NOCASE
    """
    keys = [row[0] for row in conn.execute(exact, {"q": name}) if row[0] is not None]
    if keys or not fuzzy:
        return keys
    contains = """
        SELECT actor FROM entities WHERE instr(casefold(name), :q) OR instr(casefold(text), :q)
        UNION
        SELECT speaker_actor FROM statements WHERE instr(casefold(speaker_name), :q)
    """
    return [row[0] for row in conn.execute(contains, {"q": name.casefold()}) if row[0]]


def _placeholders(values: list[Any]) -> str:
    return ", ".join("?" * len(values))


def actors(
    db: Db, labels: list[str] | str | None = None, top: int | None = 50
) -> list[dict[str, Any]]:
    """The most mentioned actors, each: actor (key), name, label, kb_id, mentions, documents,
    statements_made, statements_about. Without `labels`, speakers never mentioned as an
    entity (no actors layer, or a name it missed) are actors too, ranked by statements made."""
    if isinstance(labels, str):
        labels = [labels]
    labels = [label.upper() for label in labels or []]
    unknown = [label for label in labels if label not in LABELS]
    if unknown:
        raise ValueError(f"unknown label {unknown[0]!r}; use {', '.join(LABELS)}")
    label_filter = f"AND label IN ({_placeholders(labels)})" if labels else ""
    # speakers no mention names: actors too, unless only some labels are asked for
    unmentioned = """
        UNION ALL
        SELECT s.actor, s.name, NULL, s.kb_id, 0, 0, s.made FROM spoken s
        WHERE NOT EXISTS (SELECT 1 FROM mentioned m WHERE m.actor = s.actor)
    """
    sql = f"""
        WITH mentioned AS (
            SELECT actor, max(name) AS name, max(label) AS label, max(kb_id) AS kb_id,
                   count(*) AS mentions, count(DISTINCT doc_id) AS documents
            FROM entities WHERE actor IS NOT NULL {label_filter} GROUP BY actor
        ), spoken AS (
            SELECT speaker_actor AS actor, max(speaker_name) AS name,
                   max(speaker_entity) AS kb_id, count(*) AS made
            FROM statements WHERE speaker_actor IS NOT NULL GROUP BY speaker_actor
        )
        SELECT m.actor AS actor, m.name AS name, m.label AS label,
               coalesce(m.kb_id, s.kb_id) AS kb_id, m.mentions AS mentions,
               m.documents AS documents, coalesce(s.made, 0) AS statements_made
        FROM mentioned m LEFT JOIN spoken s ON s.actor = m.actor
        {"" if labels else unmentioned}
        ORDER BY mentions DESC, statements_made DESC, actor
        {"LIMIT ?" if top else ""}
    """
    params: list[Any] = [*labels] + ([int(top)] if top else [])
    conn, opened = as_connection(db)
    try:
        rows = [dict(row) for row in conn.execute(sql, params)]
        about = _statements_about(conn, [row["actor"] for row in rows], everyone=not top)
        for row in rows:
            row["statements_about"] = about.get(row["actor"].casefold(), 0)
        return rows
    finally:
        if opened:
            conn.close()


def _statements_about(conn: sqlite3.Connection, keys: list[str], everyone: bool) -> dict[str, int]:
    """Statements about each actor (by case-folded key): one grouped pass over the store for
    every actor, else one indexed look-up per actor."""
    select = (
        f"SELECT e.actor, count(DISTINCT s.sid) FROM entities e JOIN statements s ON {ABOUT_JOIN}"
    )
    if everyone:
        rows = conn.execute(f"{select} GROUP BY e.actor").fetchall()
    else:
        rows = [conn.execute(f"{select} WHERE e.actor = ?", (key,)).fetchone() for key in keys]
    return {row[0].casefold(): row[1] for row in rows if row[0] is not None}


def period_of(date: str | None, by: str) -> str | None:
    """The bucket of a YYYY[-MM[-DD]] date: YYYY-MM, or the ISO week YYYY-Www (needs a day)."""
    if not date:
        return None
    if by == "month":
        return date[:7] if len(date) >= 7 else None
    if len(date) < 10:
        return None
    try:
        year, week, _ = dt.date.fromisoformat(date[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}"


def timeline(db: Db, name: str, by: str = "month") -> list[dict[str, Any]]:
    """How present an actor is over time, per month or ISO week of the documents' effective
    dates: documents, mentions, statements_made, statements_about, events (as actor or
    recipient). Ordered by period; items whose date is too coarse for the period (or
    missing) are counted in a last row with period None."""
    if by not in PERIODS:
        raise ValueError(f"--by must be one of {', '.join(PERIODS)}, got {by!r}")
    conn, opened = as_connection(db)
    try:
        keys = actor_keys(conn, name, fuzzy=True)
        if not keys:
            return []
        marks = _placeholders(keys)
        queries = {
            "mentions": f"SELECT e.doc_id, d.date FROM entities e JOIN documents d ON d.doc_id = e.doc_id WHERE e.actor IN ({marks})",
            "statements_made": f"SELECT s.doc_id, d.date FROM statements s JOIN documents d ON d.doc_id = s.doc_id WHERE s.speaker_actor IN ({marks})",
            "statements_about": f"""SELECT DISTINCT s.doc_id, d.date, s.sid FROM entities e JOIN statements s ON {ABOUT_JOIN}
                JOIN documents d ON d.doc_id = s.doc_id WHERE e.actor IN ({marks})""",
            "events": f"""SELECT DISTINCT ev.doc_id, {EVENT_DATE}, ev.n FROM event_actors a
                JOIN events ev ON ev.doc_id = a.doc_id AND ev.n = a.n
                JOIN documents d ON d.doc_id = ev.doc_id WHERE a.actor IN ({marks})""",
        }
        buckets: dict[str | None, dict[str, Any]] = defaultdict(
            lambda: {"docs": set(), **{measure: 0 for measure in queries}}
        )
        for measure, sql in queries.items():
            for row in conn.execute(sql, keys):
                bucket = buckets[period_of(row[1], by)]
                bucket[measure] += 1
                bucket["docs"].add(row[0])
    finally:
        if opened:
            conn.close()
    dated = sorted(p for p in buckets if p is not None)
    order = dated + ([None] if None in buckets else [])
    return [
        {
            "period": period,
            "documents": len(buckets[period]["docs"]),
            **{measure: buckets[period][measure] for measure in queries},
        }
        for period in order
    ]
