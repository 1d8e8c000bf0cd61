"""Event queries and exports over the corpus store (tables `events` and `event_actors`).

    query_events(db, actor=, recipient=, type=, since=, until=, limit=) -> list[dict]
    export_plover(rows, out)      one PLOVER-style JSON object a line
    export_gdelt(rows, out)       a GDELT-style tab-separated table

An actor or recipient filter matches a participant's KB id, actor key, name or mention (any
case; a first or last name suffices: `Stoltenberg`) or its country code (`RUS`). A date range keeps
events whose (possibly partial) date overlaps it, as for statements: `--until 2021-06` keeps events
of 2021-06-30 and of `2021`, `--since 2021-06-15` those of `2021-06`.
"""

from __future__ import annotations

import csv
import json
from typing import IO, Any

from lagebild.store.db import as_connection
from lagebild.store.queries import pad_date, padded_date_column

Db = Any  # str | Path | sqlite3.Connection

EVENT_DATE = "CASE WHEN ev.date IS NOT NULL THEN ev.date ELSE d.date END"

PARTICIPANT = """EXISTS (SELECT 1 FROM event_actors p WHERE p.doc_id = ev.doc_id AND p.n = ev.n AND p.role = ?
    AND (p.entity = ? COLLATE NOCASE OR p.actor = ? COLLATE NOCASE OR p.country = ? COLLATE NOCASE
         OR lower(p.name) = lower(?) OR lower(p.name) LIKE '% ' || lower(?) OR lower(p.name) LIKE lower(?) || ' %'))"""

GDELT_COLUMNS = (
    "GlobalEventID", "Date", "DateSource",
    "Actor1Name", "Actor1Code", "Actor1CountryCode", "Actor1Type1Code", "Actor1KB",
    "Actor2Name", "Actor2Code", "Actor2CountryCode", "Actor2Type1Code", "Actor2KB",
    "EventCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "PloverType", "PloverMode", "IsNegated", "Modality", "Confidence",
    "SourceDoc", "SourceURL", "TriggerStart", "TriggerEnd", "Trigger", "SentenceStart", "SentenceEnd", "EvidenceOffsets",
)


def query_events(
    db: Db,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,  # noqa: A002  (the PLOVER word)
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Events matching every given filter, oldest first; each row has the event JSON under
    `event` and the document's id, date, source and url."""
    conn, opened = as_connection(db)
    try:
        where, params = [], []
        for role, value in (("actor", actor), ("recipient", recipient)):
            if value:
                where.append(PARTICIPANT)
                params += [role, value, value, value, value, value, value]
        if type:
            where.append("ev.type = ? COLLATE NOCASE")
            params.append(type)
        if since:
            where.append(f"{padded_date_column(f'({EVENT_DATE})', '99')} >= ?")
            params.append(pad_date(since, "00"))
        if until:
            where.append(f"{padded_date_column(f'({EVENT_DATE})', '00')} <= ?")
            params.append(pad_date(until, "99"))
        sql = f"""SELECT ev.doc_id, ev.n, ev.event, {EVENT_DATE} AS event_date, d.date AS document_date, d.source, d.url
            FROM events ev JOIN documents d ON d.doc_id = ev.doc_id
            {"WHERE " + " AND ".join(where) if where else ""}
            ORDER BY event_date IS NULL, event_date, d.rid, ev.n"""
        if limit:
            sql += " LIMIT ?"
            params.append(int(limit))
        rows = []
        for row in conn.execute(sql, params):
            event = json.loads(row["event"])
            rows.append({"doc_id": row["doc_id"], "n": row["n"], "date": row["event_date"], "document_date": row["document_date"],
                         "source": row["source"], "url": row["url"], "event": event})
        return rows
    finally:
        if opened:
            conn.close()


def summary(row: dict[str, Any]) -> dict[str, Any]:
    """A flat view of one queried event for tables and CSV."""
    ev = row["event"]
    return {
        "doc_id": row["doc_id"],
        "event": ev.get("id"),
        "date": row["date"],
        "type": ev.get("type"),
        "mode": ev.get("mode"),
        "actor": _names(ev.get("actor")),
        "recipient": _names(ev.get("recipient")),
        "trigger": (ev.get("trigger") or {}).get("text"),
        "modality": ev.get("modality"),
        "negated": ev.get("negated"),
        "sentence": (ev.get("sentence") or {}).get("text"),
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event in the PLOVER JSON layout (id, date, event_type, mode, contexts, actor and
    recipient with their attributes), plus lagebild's evidence and modality fields."""
    ev = row["event"]
    return {
        "id": f"{row['doc_id']}-{ev.get('id')}",
        "date": row["date"],
        "event_type": ev.get("type"),
        "mode": ev.get("mode"),
        "contexts": [],
        "actor": ev.get("actor") or [],
        "recipient": ev.get("recipient") or [],
        "negated": ev.get("negated"),
        "modality": ev.get("modality"),
        "date_source": ev.get("date_source"),
        "location": ev.get("location"),
        "cameo": ev.get("cameo"),
        "quad_class": ev.get("quad_class"),
        "goldstein": ev.get("goldstein"),
        "confidence": ev.get("confidence"),
        "event_text": (ev.get("sentence") or {}).get("text"),
        "trigger": ev.get("trigger"),
        "evidence": ev.get("evidence") or [],
        "statement": ev.get("statement"),
        "source": {"doc_id": row["doc_id"], "source": row.get("source"), "url": row.get("url"), "document_date": row.get("document_date")},
    }


def export_plover(rows: list[dict[str, Any]], out: IO[str]) -> int:
    for row in rows:
        out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
    return len(rows)


def gdelt_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event as a GDELT-style row: actor codes are country + sector (`RUSGOV`); several
    actors are joined by `;`; offsets are characters into the stored document text."""
    ev = row["event"]
    actors, recipients = ev.get("actor") or [], ev.get("recipient") or []
    trigger, sentence = ev.get("trigger") or {}, ev.get("sentence") or {}
    return {
        "GlobalEventID": f"{row['doc_id']}-{ev.get('id')}",
        "Date": (row["date"] or "").replace("-", ""),
        "DateSource": ev.get("date_source") or "",
        **_gdelt_actor("Actor1", actors),
        **_gdelt_actor("Actor2", recipients),
        "EventCode": ev.get("cameo") or "",
        "EventRootCode": (ev.get("cameo") or "")[:2],
        "QuadClass": ev.get("quad_class") or "",
        "GoldsteinScale": ev.get("goldstein") if ev.get("goldstein") is not None else "",
        "PloverType": ev.get("type") or "",
        "PloverMode": ev.get("mode") or "",
        "IsNegated": int(bool(ev.get("negated"))),
        "Modality": ev.get("modality") or "",
        "Confidence": ev.get("confidence") if ev.get("confidence") is not None else "",
        "SourceDoc": row["doc_id"],
        "SourceURL": row.get("url") or "",
        "TriggerStart": trigger.get("start", ""),
        "TriggerEnd": trigger.get("end", ""),
        "Trigger": trigger.get("text", ""),
        "SentenceStart": sentence.get("start", ""),
        "SentenceEnd": sentence.get("end", ""),
        "EvidenceOffsets": ";".join(f"{s['start']}-{s['end']}" for s in ev.get("evidence") or []),
    }


def _gdelt_actor(prefix: str, actors: list[dict]) -> dict[str, str]:
    join = ";".join
    return {
        f"{prefix}Name": join(a.get("name") or "" for a in actors),
        f"{prefix}Code": join((a.get("country") or "") + (a.get("sector") or "") for a in actors),
        f"{prefix}CountryCode": join(a.get("country") or "" for a in actors),
        f"{prefix}Type1Code": join(a.get("sector") or "" for a in actors),
        f"{prefix}KB": join(a.get("entity") or "" for a in actors),
    }


def export_gdelt(rows: list[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=GDELT_COLUMNS, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _clean(v) for k, v in gdelt_record(row).items()})
    return len(rows)


def _clean(value: Any) -> Any:
    return " ".join(value.split()) if isinstance(value, str) else value


def _names(actors: list[dict] | None) -> str:
    return "; ".join(a.get("name") or "?" for a in actors or [])
