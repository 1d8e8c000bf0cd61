"""From one analysis dict (Analysis.to_dict()) to the rows of every store table, and back in.

The store never analyses: every row here is a projection of the analysis JSON, so a store
can always be rebuilt from its `documents.analysis` column (db.py does so on upgrade).
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from lagebild import __version__

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

DOCUMENT_COLUMNS = (
    "doc_id",
    "text",
    "stated_date",
    "estimated_date",
    "date_consistent",
    "date_confidence",
    "date",
    "url",
    "source",
    "title",
    "lagebild_version",
    "schema_version",
    "analysed_at",
    "analysis",
)
STATEMENT_COLUMNS = (
    "doc_id",
    "n",
    "kind",
    "speaker_name",
    "speaker_entity",
    "speaker_actor",
    "speaker_mention_start",
    "speaker_mention_end",
    "speaker_mention_text",
    "cue_text",
    "cue_start",
    "cue_end",
    "message_start",
    "message_end",
    "message_text",
    "medium",
    "addressee",
    "sentence",
    "time_value",
)
TIMEX_COLUMNS = ("doc_id", "n", "start", "end", "text", "type", "value", "mod", "anchor")
ENTITY_COLUMNS = (
    "doc_id",
    "n",
    "start",
    "end",
    "text",
    "label",
    "kb_id",
    "name",
    "country",
    "role",
    "cluster",
    "actor",
)
EVENT_COLUMNS = (
    "doc_id",
    "n",
    "event_id",
    "type",
    "mode",
    "actor",
    "recipient",
    "trigger_start",
    "trigger_end",
    "trigger_text",
    "negated",
    "modality",
    "statement",
    "date",
    "date_source",
    "location_name",
    "location_entity",
    "cameo",
    "quad_class",
    "goldstein",
    "confidence",
    "event",
)
EVENT_ACTOR_COLUMNS = (
    "doc_id",
    "n",
    "role",
    "i",
    "name",
    "entity",
    "country",
    "sector",
    "mention_start",
    "mention_end",
    "actor",
)

# table -> columns of its rows; the child tables hang off documents by doc_id
TABLES: dict[str, tuple[str, ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "timexes": TIMEX_COLUMNS,
    "entities": ENTITY_COLUMNS,
    "events": EVENT_COLUMNS,
    "event_actors": EVENT_ACTOR_COLUMNS,
}
CHILD_TABLES = ("statements", "timexes", "entities", "events", "event_actors")


def _insert_sql(table: str, columns: tuple[str, ...], verb: str = "INSERT") -> str:
    names = ", ".join(f'"{c}"' for c in columns)
    return f"{verb} INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"


INSERT_SQL = {table: _insert_sql(table, columns) for table, columns in TABLES.items()}
INSERT_SQL["documents"] = _insert_sql("documents", DOCUMENT_COLUMNS, "INSERT OR IGNORE")


# ------------------------------------------------------------------------------- dates


def as_date(value: Any) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD from a date-like value (an ISO datetime keeps its date)."""
    if not isinstance(value, str):
        return None
    match = _DATE.match(value.strip())
    return match.group(0) if match else None


def effective_date(stated: str | None, dating: dict[str, Any] | None) -> str | None:
    """The date queries use: the date the dating layer resolved the text against when it
    names one; else the estimate where the stated date was judged inconsistent (or is
    missing), else the stated date."""
    resolved = as_date((dating or {}).get("resolved_against"))
    if resolved:
        return resolved
    stated = as_date(stated)
    estimate = as_date((dating or {}).get("estimate"))
    if estimate and (stated is None or (dating or {}).get("consistent") is False):
        return estimate
    return stated


# ------------------------------------------------------------------------------ actors


def actor_key(kb_id: Any, name: Any, text: Any = None) -> str | None:
    """What groups mentions into one actor across documents: KB id, else the canonical name."""
    for value in (kb_id, name, text):
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _overlaps(a: dict, start: Any, end: Any) -> bool:
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and isinstance(a.get("start"), int)
        and isinstance(a.get("end"), int)
        and a["start"] < end
        and start < a["end"]
    )


def _speaker_actor(speaker: dict, entities: list[dict]) -> str | None:
    """The speaker's KB id, else the entity their mention names, else their name."""
    if speaker.get("entity"):
        return str(speaker["entity"])
    mention = speaker.get("mention") or {}
    for entity in entities:
        if _overlaps(entity, mention.get("start"), mention.get("end")):
            key = actor_key(entity.get("kb_id"), entity.get("name"), entity.get("text"))
            if key:
                return key
    return actor_key(None, speaker.get("name"))


# -------------------------------------------------------------------------------- rows


def _span(span: dict | None) -> tuple[Any, Any, Any]:
    if not span:
        return None, None, None
    return span.get("start"), span.get("end"), span.get("text")


def _text(span: dict | None) -> Any:
    return (span or {}).get("text")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _document_row(doc_id: str, data: dict[str, Any], analysed_at: str) -> tuple:
    meta = data.get("meta") or {}
    dating = data.get("dating") if isinstance(data.get("dating"), dict) else None
    stated = as_date(data.get("stated_date"))
    consistent = (dating or {}).get("consistent")
    confidence = (dating or {}).get("confidence")
    return (
        doc_id,
        data["text"],
        stated,
        as_date((dating or {}).get("estimate")),
        None if not isinstance(consistent, bool) else int(consistent),
        confidence if isinstance(confidence, int | float) else None,
        effective_date(stated, dating),
        meta.get("url"),
        meta.get("source"),
        meta.get("title"),
        data.get("lagebild_version") or __version__,
        data.get("schema_version") or "",
        analysed_at,
        _json(data),
    )


def _statement_rows(doc_id: str, data: dict[str, Any], entities: list[dict]) -> list[tuple]:
    rows = []
    for n, st in enumerate(data.get("statements") or [], 1):
        speaker = st.get("speaker") or {}
        m_start, m_end, m_text = _span(speaker.get("mention"))
        c_start, c_end, c_text = _span(st.get("cue"))
        msg_start, msg_end, msg_text = _span(st.get("message"))
        time = st.get("time") if isinstance(st.get("time"), dict) else {}
        rows.append(
            (
                doc_id,
                n,
                st.get("kind"),
                speaker.get("name"),
                None if speaker.get("entity") is None else str(speaker["entity"]),
                _speaker_actor(speaker, entities),
                m_start,
                m_end,
                m_text,
                c_text,
                c_start,
                c_end,
                msg_start,
                msg_end,
                msg_text,
                _text(st.get("medium")),
                _text(st.get("addressee")),
                st.get("sentence"),
                time.get("value"),
            )
        )
    return rows


def _timex_rows(doc_id: str, data: dict[str, Any]) -> list[tuple]:
    return [
        (
            doc_id,
            n,
            t.get("start"),
            t.get("end"),
            t.get("text"),
            t.get("type"),
            t.get("value"),
            t.get("mod"),
            None if t.get("anchor") is None else str(t.get("anchor")),
        )
        for n, t in enumerate(data.get("timexes") or [], 1)
    ]


def _entity_rows(doc_id: str, entities: list[dict]) -> list[tuple]:
    rows = []
    for n, e in enumerate(entities, 1):
        kb = e.get("kb_id", e.get("entity"))
        kb = None if kb is None else str(kb)
        rows.append(
            (
                doc_id,
                n,
                e.get("start"),
                e.get("end"),
                e.get("text"),
                e.get("label", e.get("type")),
                kb,
                e.get("name"),
                e.get("country"),
                e.get("role"),
                e.get("cluster") if isinstance(e.get("cluster"), int) else None,
                actor_key(kb, e.get("name"), e.get("text")),
            )
        )
    return rows


def _names(actors: list[dict]) -> str | None:
    names = [str(a.get("name")) for a in actors if a.get("name")]
    return "; ".join(names) if names else None


def _event_rows(doc_id: str, data: dict[str, Any]) -> tuple[list[tuple], list[tuple]]:
    events, participants = [], []
    for n, ev in enumerate(data.get("events") or [], 1):
        location = ev.get("location") if isinstance(ev.get("location"), dict) else {}
        t_start, t_end, t_text = _span(ev.get("trigger"))
        actors = [a for a in ev.get("actor") or [] if isinstance(a, dict)]
        recipients = [a for a in ev.get("recipient") or [] if isinstance(a, dict)]
        negated = ev.get("negated")
        events.append(
            (
                doc_id,
                n,
                ev.get("id"),
                ev.get("type"),
                ev.get("mode"),
                _names(actors),
                _names(recipients),
                t_start,
                t_end,
                t_text,
                None if negated is None else int(bool(negated)),
                ev.get("modality"),
                ev.get("statement"),
                as_date(ev.get("date")),
                ev.get("date_source"),
                location.get("name"),
                location.get("entity"),
                None if ev.get("cameo") is None else str(ev.get("cameo")),
                ev.get("quad_class"),
                ev.get("goldstein"),
                ev.get("confidence"),
                _json(ev),
            )
        )
        for role, people in (("actor", actors), ("recipient", recipients)):
            for i, person in enumerate(people):
                m_start, m_end, _ = _span(person.get("mention"))
                participants.append(
                    (
                        doc_id,
                        n,
                        role,
                        i,
                        person.get("name"),
                        person.get("entity"),
                        person.get("country"),
                        person.get("sector"),
                        m_start,
                        m_end,
                        actor_key(person.get("entity"), person.get("name")),
                    )
                )
    return events, participants


def rows_from_analysis(doc_id: str, data: dict[str, Any], analysed_at: str) -> dict[str, Any]:
    """{table: rows} for one analysis; "documents" is the one document row."""
    entities = [e for e in data.get("entities") or [] if isinstance(e, dict)]
    events, participants = _event_rows(doc_id, data)
    return {
        "documents": _document_row(doc_id, data, analysed_at),
        "statements": _statement_rows(doc_id, data, entities),
        "timexes": _timex_rows(doc_id, data),
        "entities": _entity_rows(doc_id, entities),
        "events": events,
        "event_actors": participants,
    }


# ------------------------------------------------------------------------------ writing


def delete_document(conn: sqlite3.Connection, doc_id: str) -> None:
    for table in (*CHILD_TABLES, "documents"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))


def insert_children(conn: sqlite3.Connection, rows: dict[str, Any]) -> None:
    for table in CHILD_TABLES:
        if rows[table]:
            conn.executemany(INSERT_SQL[table], rows[table])


def insert_document(conn: sqlite3.Connection, rows: dict[str, Any]) -> bool:
    """Insert a document and its rows; False (nothing written) when its doc_id is present."""
    if conn.execute(INSERT_SQL["documents"], rows["documents"]).rowcount != 1:
        return False
    insert_children(conn, rows)
    return True


def rederive_document(
    conn: sqlite3.Connection, doc_id: str, analysis: str, analysed_at: str
) -> None:
    """Rebuild a stored document's rows from its analysis JSON, keeping its rowid (and text index)."""
    rows = rows_from_analysis(doc_id, json.loads(analysis), analysed_at)
    for table in CHILD_TABLES:
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    settable = [
        c for c in DOCUMENT_COLUMNS if c not in ("doc_id", "text", "analysis", "analysed_at")
    ]
    values = dict(zip(DOCUMENT_COLUMNS, rows["documents"], strict=True))
    assignments = ", ".join(f'"{c}" = ?' for c in settable)
    conn.execute(
        f"UPDATE documents SET {assignments} WHERE doc_id = ?",
        [values[c] for c in settable] + [doc_id],
    )
    insert_children(conn, rows)
