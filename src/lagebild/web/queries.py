"""The SQL the web needs, over the store tables of docs/store.md, on a read-only connection.

Everything here reads; the connection is opened with `mode=ro`, so not even a bug could
write. Layers that may be absent (entities, dating, an effective-date column) are looked up
once per connection and the queries fall back to what is there.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lagebild.store.queries import check_date, pad_date, padded_date_column, run_fts

KINDS = ("direct", "indirect", "mixed")  # offered even when the store has none yet
_KIND = re.compile(r"^[a-z_]{1,30}$")
_HEADER = re.compile(r"\A\s*date\s+\S+")
# Marks around full-text matches in snippets: control characters no article text contains,
# so the page can split on them and escape every piece.
MARK_START, MARK_END = "\x02", "\x03"


def connect_readonly(path: str | Path) -> sqlite3.Connection:
    """Open the store read-only (SQLite URI `mode=ro`); FileNotFoundError when it is not there."""
    path = Path(path).resolve()
    if not path.is_file():
        raise FileNotFoundError(f"no corpus store at {path}")
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.create_function("casefold", 1, _casefold, deterministic=True)
    conn.execute("PRAGMA query_only = ON")
    return conn


def _casefold(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def date_column(conn: sqlite3.Connection) -> str:
    """The document date to filter and sort by: the effective date of stores that have one
    (store schema 2: the dating layer's estimate where the stated date is judged wrong)."""
    return "d.date" if "date" in _columns(conn, "documents") else "d.stated_date"


def speaker_entity_column(conn: sqlite3.Connection) -> str:
    """The speaker's KB id in the statements table (store schema 2), else NULL."""
    return "s.speaker_entity" if "speaker_entity" in _columns(conn, "statements") else "NULL"


@dataclass
class Filters:
    """What the search form asks for; empty fields filter nothing."""

    q: str = ""
    speaker: str = ""
    actor: str = ""
    kind: str = ""
    since: str = ""
    until: str = ""

    def __post_init__(self) -> None:
        for name in ("q", "speaker", "actor", "kind", "since", "until"):
            setattr(self, name, (getattr(self, name) or "").strip())
        check_date(self.since)
        check_date(self.until)
        if self.kind and not _KIND.match(self.kind):
            raise ValueError(f"not a statement kind: {self.kind!r}")

    def as_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in ("q", "speaker", "actor", "kind", "since", "until")}


@dataclass
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return ("WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def _date_range(where: _Where, column: str, since: str, until: str) -> None:
    """Keep documents whose (possibly partial) date overlaps [since, until]."""
    if since:
        where.add(f"{column} IS NOT NULL AND {padded_date_column(column, '99')} >= ?", pad_date(since, "00"))
    if until:
        where.add(f"{column} IS NOT NULL AND {padded_date_column(column, '00')} <= ?", pad_date(until, "99"))


MAX_NAMES = 2000  # distinct names a substring filter may stand for before it scans instead


def _containing(conn: sqlite3.Connection, table: str, column: str, needle: str, alias: str = "") -> tuple[str, list[Any]]:
    """SQL and parameters: `column` contains `needle`, any case.

    The distinct values are few next to the rows, so they are matched here once and the query
    compares with IN (indexes apply); when a needle matches very many, it scans instead.
    """
    folded = needle.casefold()
    values = [
        value for (value,) in conn.execute(f"SELECT DISTINCT {column} FROM {table} WHERE {column} IS NOT NULL")
        if folded in str(value).casefold()
    ]
    if len(values) > MAX_NAMES:
        return f"instr(casefold({alias}{column}), ?) > 0", [folded]
    if not values:
        return "0", []
    return f"{alias}{column} IN ({', '.join('?' for _ in values)})", values


def _actor_entities(conn: sqlite3.Connection, actor: str) -> tuple[str, list[Any]]:
    """SQL and parameters: entity mentions of `actor` (a KB id, or part of a name or mention)."""
    by_name, name_params = _containing(conn, "entities", "name", actor)
    by_text, text_params = _containing(conn, "entities", "text", actor)
    return f"(kb_id = ? OR {by_name} OR {by_text})", [actor, *name_params, *text_params]


def _actor_speakers(conn: sqlite3.Connection, actor: str) -> tuple[str, list[Any]]:
    """SQL and parameters: statements whose speaker is `actor` (a KB id, or part of a name)."""
    by_name, params = _containing(conn, "statements", "speaker_name", actor)
    entity = speaker_entity_column(conn).removeprefix("s.")
    return f"({entity} = ? OR {by_name})", [actor, *params]


def _split(clause: tuple[str, list[Any]]) -> tuple[Any, ...]:
    return (clause[0], *clause[1])


def _run_fts(conn: sqlite3.Connection, sql: str, params: list[Any], at: int) -> list[sqlite3.Row]:
    return run_fts(lambda q, p: conn.execute(q, p).fetchall(), sql, params, at)


# ------------------------------------------------------------------------------ documents


def _text_and_dates(conn: sqlite3.Connection, f: Filters) -> tuple[str, _Where, str]:
    """The date column, and the conditions and join for a full-text query and a date range."""
    date = date_column(conn)
    where = _Where()
    joins = ""
    if f.q:
        joins = "JOIN documents_fts ON documents_fts.rowid = d.rid"
        where.add("documents_fts MATCH ?", f.q)
    _date_range(where, date, f.since, f.until)
    return date, where, joins


def search_documents(conn: sqlite3.Connection, f: Filters, limit: int, offset: int) -> tuple[int, list[dict]]:
    """(total, page) of documents matching the filters; best match first, else newest first."""
    date, where, joins = _text_and_dates(conn, f)
    if f.speaker or f.kind:
        inner = _Where()
        if f.speaker:
            inner.add(*_split(_containing(conn, "statements", "speaker_name", f.speaker)))
        if f.kind:
            inner.add("kind = ?", f.kind)
        where.add(f"d.doc_id IN (SELECT doc_id FROM statements {inner.sql()})", *inner.params)
    if f.actor:
        mentions, mention_params = _actor_entities(conn, f.actor)
        speakers, speaker_params = _actor_speakers(conn, f.actor)
        where.add(
            f"(d.doc_id IN (SELECT doc_id FROM entities WHERE {mentions}) "
            f"OR d.doc_id IN (SELECT doc_id FROM statements WHERE {speakers}))",
            *mention_params, *speaker_params,
        )
    snippet = f"snippet(documents_fts, 0, '{MARK_START}', '{MARK_END}', '…', 24)" if f.q else "substr(d.text, 1, 400)"
    order = "bm25(documents_fts)" if f.q else f"{date} IS NULL, {date} DESC, d.rid DESC"
    base = f"FROM documents d {joins} {where.sql()}"
    total = _run_fts(conn, f"SELECT count(*) {base}", list(where.params), 0)[0][0] if f.q else conn.execute(f"SELECT count(*) {base}", where.params).fetchone()[0]
    sql = f"""
        SELECT d.doc_id, {date} AS date, d.stated_date, d.title, d.url, d.source,
               {snippet} AS snippet,
               (SELECT count(*) FROM statements s WHERE s.doc_id = d.doc_id) AS n_statements
        {base} ORDER BY {order} LIMIT ? OFFSET ?
    """
    params = [*where.params, limit, offset]
    rows = [dict(r) for r in (_run_fts(conn, sql, params, 0) if f.q else conn.execute(sql, params))]
    for row in rows:
        row["snippet"] = _lead(row["snippet"]) if not f.q else _HEADER.sub("", row["snippet"] or "").lstrip()
    return total, rows


def _lead(text: str, size: int = 240) -> str:
    """The opening of a text without its date header, cut at a word boundary."""
    text = " ".join(_HEADER.sub("", text).split())
    if len(text) <= size:
        return text
    return text[:size].rsplit(" ", 1)[0] + " …"


def get_document(conn: sqlite3.Connection, doc_id: str) -> dict | None:
    row = conn.execute(
        f"SELECT d.doc_id, d.text, d.stated_date, {date_column(conn)} AS date, d.url, d.source, "
        "d.title, d.lagebild_version, d.analysed_at, d.analysis FROM documents d WHERE d.doc_id = ?",
        (doc_id,),
    ).fetchone()
    return dict(row) if row else None


# ----------------------------------------------------------------------------- statements

_STATEMENT_COLUMNS = """
    s.doc_id, s.n, s.kind, s.speaker_name, s.speaker_mention_text, s.cue_text,
    s.message_text, s.message_start, s.message_end, s.medium, s.addressee, s.sentence,
    {entity} AS speaker_entity, {date} AS date, d.title
"""


def statement_kinds(conn: sqlite3.Connection) -> list[str]:
    found = [row[0] for row in conn.execute("SELECT DISTINCT kind FROM statements")]
    return sorted(set(KINDS) | {k for k in found if k})


def search_statements(conn: sqlite3.Connection, f: Filters, limit: int, offset: int) -> tuple[int, list[dict]]:
    """(total, page) of statements matching the filters; newest documents first."""
    date = date_column(conn)
    where = _Where()
    joins = "JOIN documents d ON d.doc_id = s.doc_id"
    if f.q:
        joins += " JOIN statements_fts ON statements_fts.rowid = s.sid"
        where.add("statements_fts MATCH ?", f.q)
    _date_range(where, date, f.since, f.until)
    if f.speaker:
        where.add(*_split(_containing(conn, "statements", "speaker_name", f.speaker, alias="s.")))
    if f.kind:
        where.add("s.kind = ?", f.kind)
    entity = speaker_entity_column(conn)
    if f.actor:
        speakers, speaker_params = _actor_speakers(conn, f.actor)
        mentions, mention_params = _actor_entities(conn, f.actor)
        # spoken by the actor, or with a mention of it inside the message
        where.add(
            f"(s.sid IN (SELECT sid FROM statements WHERE {speakers}) OR EXISTS (SELECT 1 FROM entities e "
            "WHERE e.doc_id = s.doc_id AND e.start >= s.message_start AND e.\"end\" <= s.message_end "
            f"AND e.rowid IN (SELECT rowid FROM entities WHERE {mentions})))",
            *speaker_params, *mention_params,
        )
    base = f"FROM statements s {joins} {where.sql()}"
    count_sql = f"SELECT count(*) {base}"
    total = _run_fts(conn, count_sql, list(where.params), 0)[0][0] if f.q else conn.execute(count_sql, where.params).fetchone()[0]
    sql = f"SELECT {_STATEMENT_COLUMNS.format(date=date, entity=entity)} {base} ORDER BY {date} IS NULL, {date} DESC, s.doc_id, s.n LIMIT ? OFFSET ?"
    params = [*where.params, limit, offset]
    rows = _run_fts(conn, sql, params, 0) if f.q else conn.execute(sql, params).fetchall()
    return total, [dict(r) for r in rows]


# --------------------------------------------------------------------------------- actors


def actor_documents(conn: sqlite3.Connection, kb_id: str | None, names: list[str], limit: int) -> list[dict]:
    """Documents that may concern an actor, newest first: it is a linked entity there, a
    speaker, or one of its names occurs in the text. Callers decide from the analyses."""
    date = date_column(conn)
    parts, params = [], []
    if kb_id:
        parts.append("SELECT doc_id FROM entities WHERE kb_id = ?")
        params.append(kb_id)
        if speaker_entity_column(conn) != "NULL":
            parts.append("SELECT doc_id FROM statements WHERE speaker_entity = ?")
            params.append(kb_id)
    if names:
        marks = ", ".join("?" for _ in names)
        parts.append(f"SELECT doc_id FROM statements WHERE speaker_name COLLATE NOCASE IN ({marks})")
        params += names
        parts.append(f"SELECT doc_id FROM entities WHERE name COLLATE NOCASE IN ({marks})")
        params += names
        phrases = " OR ".join('"' + n.replace('"', '""') + '"' for n in names)
        parts.append(
            "SELECT d.doc_id FROM documents_fts JOIN documents d ON d.rid = documents_fts.rowid "
            "WHERE documents_fts MATCH ?"
        )
        params.append(phrases)
    if not parts:
        return []
    sql = f"""
        SELECT d.doc_id, {date} AS date, d.title, d.analysis FROM documents d
        WHERE d.doc_id IN ({" UNION ".join(parts)})
        ORDER BY {date} IS NULL, {date} DESC, d.rid DESC LIMIT ?
    """
    return [dict(r) for r in conn.execute(sql, [*params, limit])]


def documents_in_range(conn: sqlite3.Connection, q: str, since: str, until: str, limit: int) -> list[dict]:
    """Documents (with their analyses) for the network: a full-text query and a date range."""
    date, where, joins = _text_and_dates(conn, Filters(q=q, since=since, until=until))
    sql = f"""
        SELECT d.doc_id, {date} AS date, d.title, d.analysis FROM documents d {joins} {where.sql()}
        ORDER BY {date} IS NULL, {date} DESC, d.rid DESC LIMIT ?
    """
    params = [*where.params, limit]
    rows = _run_fts(conn, sql, params, 0) if q else conn.execute(sql, params).fetchall()
    return [dict(r) for r in rows]


def store_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "statements", "entities", "timexes")
    }
