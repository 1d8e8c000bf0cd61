"""Store rows of the actors, dating and events layers, and upgrading an older store.

The layers are stood in for by small fakes that follow the contracts (each item has
`to_json()`), so the store is tested on its own whatever the state of the real layers.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

import lagebild.pipeline
from lagebild.store import (
    STORE_SCHEMA_VERSION,
    actors,
    connect,
    counts,
    ingest,
    statements,
    timeline,
    write_network,
)
from lagebild.store.rows import effective_date

# name in the text -> (label, KB id, canonical name, country)
ACTORS = {
    "Stoltenberg": ("PER", "jens-stoltenberg", "Jens Stoltenberg", "NOR"),
    "Nato": ("ORG", "nato", "Nato", None),
    "Russland": ("GPE", "RUS", "Russland", "RUS"),
    "Brandtner": ("PER", None, "Anna Brandtner", None),
}


@dataclass
class FakeEntity:
    start: int
    end: int
    text: str
    label: str
    kb_id: str | None
    name: str
    country: str | None

    def to_json(self) -> dict:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
            "kb_id": self.kb_id,
            "name": self.name,
            "country": self.country,
            "role": None,
            "cluster": None,
        }


@dataclass
class FakeJson:
    data: dict

    def to_json(self) -> dict:
        return self.data


def fake_entities(doc) -> None:
    found = []
    for surface, (label, kb_id, name, country) in ACTORS.items():
        for match in re.finditer(rf"\b{surface}\b", doc.text):
            found.append(
                FakeEntity(match.start(), match.end(), surface, label, kb_id, name, country)
            )
    doc.layers["entities"] = sorted(found, key=lambda e: e.start)


def fake_dating(doc) -> None:
    """An archive marker makes the stated date inconsistent; the estimate is then 2019-03-01."""
    if doc.stated_date is None:
        doc.layers["dating"] = None
        return
    archived = "(Archiv)" in doc.text
    estimate = "2019-03-01" if archived else doc.stated_date
    doc.layers["dating"] = FakeJson(
        {
            "stated": doc.stated_date,
            "estimate": estimate,
            "interval": [estimate, estimate],
            "confidence": 0.8,
            "consistent": not archived,
            "evidence": [],
        }
    )


def _span(doc, start: int, end: int) -> dict:
    return {"start": start, "end": end, "text": doc.text[start:end]}


def _actor(doc, entity: FakeEntity) -> dict:
    return {
        "name": entity.name,
        "entity": entity.kb_id,
        "country": entity.country,
        "sector": "GOV" if entity.label == "GPE" else None,
        "mention": _span(doc, entity.start, entity.end),
    }


def fake_events(doc) -> None:
    """'X droht Y': a THREATEN event with the entity before the trigger and the one after it
    in the same sentence."""
    events = []
    entities = doc.layers.get("entities", [])
    for match in re.finditer(r"\bdroht\b", doc.text):
        before = [e for e in entities if e.end <= match.start()]
        after = [
            e
            for e in entities
            if e.start >= match.end() and "." not in doc.text[match.end() : e.start]
        ]
        number = len(events) + 1
        events.append(
            FakeJson(
                {
                    "id": f"ev{number}",
                    "type": "THREATEN",
                    "mode": None,
                    "actor": [_actor(doc, before[-1])] if before else [],
                    "recipient": [_actor(doc, after[0])] if after else [],
                    "trigger": _span(doc, match.start(), match.end()),
                    "sentence": _span(doc, 0, len(doc.text)),
                    "evidence": [],
                    "negated": False,
                    "modality": "asserted",
                    "statement": None,
                    "date": doc.stated_date,
                    "date_source": "document",
                    "location": None,
                    "cameo": "13",
                    "quad_class": 3,
                    "goldstein": -4.4,
                    "confidence": 0.7,
                }
            )
        )
    doc.layers["events"] = events


@pytest.fixture
def fake_layers(monkeypatch):
    original = lagebild.pipeline.default_layers

    def layers():
        return [*original(), fake_entities, fake_dating, fake_events]

    monkeypatch.setattr(lagebild.pipeline, "default_layers", layers)


DOCS = [
    {
        "id": "a",
        "date": "2025-06-02",
        "text": "„Die Nato ist bereit“, sagte Stoltenberg in Brüssel. Russland droht der Nato.",
    },
    {
        "id": "b",
        "date": "2025-06-20",
        "text": "(Archiv) Russland droht Litauen. Die Lage sei ernst, sagte Brandtner über Russland.",
    },
    {"id": "c", "text": "Die Nato tagt, sagte Stoltenberg."},
    {
        "id": "d",
        "date": "2025-07-01",
        "text": "Russland habe die Grenze verletzt, sagte Stoltenberg.",
    },
]


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8"
    )
    return path


@pytest.fixture
def layered_store(tmp_path, fake_layers) -> Path:
    db = tmp_path / "layers.db"
    stats = ingest([str(write_jsonl(tmp_path / "in.jsonl", DOCS))], db, progress=False)
    assert stats.ingested == len(DOCS) and not stats.failed
    return db


def test_entities_rows_with_actor_keys(layered_store):
    conn = sqlite3.connect(layered_store)
    rows = conn.execute(
        "SELECT doc_id, n, text, label, kb_id, name, country, actor FROM entities ORDER BY doc_id, n"
    ).fetchall()
    assert rows[:3] == [
        ("a", 1, "Nato", "ORG", "nato", "Nato", None, "nato"),
        (
            "a",
            2,
            "Stoltenberg",
            "PER",
            "jens-stoltenberg",
            "Jens Stoltenberg",
            "NOR",
            "jens-stoltenberg",
        ),
        ("a", 3, "Russland", "GPE", "RUS", "Russland", "RUS", "RUS"),
    ]
    # without a KB id the canonical name is the actor key
    assert ("b", "Anna Brandtner") in conn.execute("SELECT doc_id, actor FROM entities").fetchall()
    # speakers are tied to the entity their mention names
    speakers = conn.execute(
        "SELECT doc_id, speaker_name, speaker_actor FROM statements WHERE speaker_name IN ('Stoltenberg', 'Brandtner') ORDER BY doc_id"
    ).fetchall()
    assert speakers == [
        ("a", "Stoltenberg", "jens-stoltenberg"),
        ("b", "Brandtner", "Anna Brandtner"),
        ("c", "Stoltenberg", "jens-stoltenberg"),
        ("d", "Stoltenberg", "jens-stoltenberg"),
    ]


def test_dating_columns_and_effective_date(layered_store):
    conn = sqlite3.connect(layered_store)
    rows = {
        row[0]: row[1:]
        for row in conn.execute(
            "SELECT doc_id, stated_date, estimated_date, date_consistent, date_confidence, date FROM documents"
        )
    }
    assert rows["a"] == ("2025-06-02", "2025-06-02", 1, 0.8, "2025-06-02")
    assert rows["b"] == ("2025-06-20", "2019-03-01", 0, 0.8, "2019-03-01")
    assert rows["c"] == (None, None, None, None, None)
    # date filters use the effective date: b's statement is from 2019, not 2025
    assert {r["doc_id"] for r in statements(layered_store, since="2025")} == {"a", "d"}
    assert {r["doc_id"] for r in statements(layered_store, until="2019-12")} == {"b"}


def test_effective_date_rules():
    assert effective_date("2025-06-01", None) == "2025-06-01"
    assert effective_date("2025-06-01", {"estimate": "2019", "consistent": True}) == "2025-06-01"
    assert effective_date("2025-06-01", {"estimate": "2019", "consistent": False}) == "2019"
    assert (
        effective_date(None, {"estimate": "2019-02-03T10:00", "consistent": None}) == "2019-02-03"
    )
    assert effective_date("2025-06", {"estimate": None, "consistent": False}) == "2025-06"
    # the dating layer's own choice, when it states one, wins
    dating = {"estimate": "2019", "consistent": False, "resolved_against": "2019-04-02"}
    assert effective_date("2025-06-01", dating) == "2019-04-02"


def test_events_and_participants(layered_store):
    conn = sqlite3.connect(layered_store)
    events = conn.execute(
        "SELECT doc_id, n, event_id, type, actor, recipient, trigger_text, negated, cameo, quad_class, goldstein, event FROM events ORDER BY doc_id, n"
    ).fetchall()
    assert [e[:11] for e in events] == [
        ("a", 1, "ev1", "THREATEN", "Russland", "Nato", "droht", 0, "13", 3, -4.4),
        ("b", 1, "ev1", "THREATEN", "Russland", None, "droht", 0, "13", 3, -4.4),
    ]
    assert json.loads(events[0][-1])["recipient"][0]["entity"] == "nato"
    participants = conn.execute(
        "SELECT doc_id, n, role, i, name, entity, country, sector, actor FROM event_actors ORDER BY doc_id, role"
    ).fetchall()
    assert participants == [
        ("a", 1, "actor", 0, "Russland", "RUS", "RUS", "GOV", "RUS"),
        ("a", 1, "recipient", 0, "Nato", "nato", None, None, "nato"),
        ("b", 1, "actor", 0, "Russland", "RUS", "RUS", "GOV", "RUS"),
    ]
    assert counts(layered_store)["events"] == 2


def test_reanalyze_replaces_layer_rows(layered_store, fake_layers):
    conn = sqlite3.connect(layered_store)
    before = {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("entities", "events", "event_actors")
    }
    conn.execute("UPDATE documents SET lagebild_version = '0.0.1'")
    conn.commit()
    source = write_jsonl(layered_store.parent / "again.jsonl", DOCS)
    stats = ingest([str(source)], layered_store, reanalyze=True, progress=False)
    assert stats.reanalyzed == len(DOCS)
    after = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before


# The store schema 1 DDL, as released: the upgrade test starts from it.
SCHEMA_1 = """
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    rid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL UNIQUE, text TEXT NOT NULL, stated_date TEXT,
    url TEXT, source TEXT, title TEXT, lagebild_version TEXT NOT NULL, schema_version TEXT NOT NULL,
    analysed_at TEXT NOT NULL, analysis TEXT NOT NULL);
CREATE INDEX documents_stated_date ON documents(stated_date);
CREATE TABLE statements (
    sid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id), n INTEGER NOT NULL,
    kind TEXT NOT NULL, speaker_name TEXT, speaker_mention_start INTEGER, speaker_mention_end INTEGER,
    speaker_mention_text TEXT, cue_text TEXT, cue_start INTEGER, cue_end INTEGER,
    message_start INTEGER NOT NULL, message_end INTEGER NOT NULL, message_text TEXT NOT NULL,
    medium TEXT, addressee TEXT, sentence INTEGER, UNIQUE (doc_id, n));
CREATE TABLE timexes (
    doc_id TEXT NOT NULL, n INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    text TEXT NOT NULL, type TEXT, value TEXT, mod TEXT, anchor TEXT, PRIMARY KEY (doc_id, n));
CREATE TABLE entities (
    doc_id TEXT NOT NULL, n INTEGER NOT NULL, start INTEGER, "end" INTEGER, text TEXT, label TEXT,
    kb_id TEXT, name TEXT, PRIMARY KEY (doc_id, n));
CREATE VIRTUAL TABLE documents_fts USING fts5(text, content='documents', content_rowid='rid');
CREATE VIRTUAL TABLE statements_fts USING fts5(message_text, content='statements', content_rowid='sid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, text) VALUES (new.rid, new.text);
END;
INSERT INTO store_meta VALUES ('store_schema_version', '1');
"""


def _columns(conn: sqlite3.Connection) -> dict[str, list[str]]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
        )
    ]
    return {
        t: sorted(r[1] for r in conn.execute(f"PRAGMA table_info({t})")) for t in sorted(tables)
    }


def test_old_store_is_upgraded_in_place(layered_store, tmp_path):
    fresh = sqlite3.connect(layered_store)
    old = tmp_path / "v1.db"
    conn = sqlite3.connect(old)
    conn.executescript(SCHEMA_1)
    # v1 rows of the same analyses (the v1 store kept the analysis JSON as it does now)
    for doc_id, text, stated, version, schema, at, analysis in fresh.execute(
        "SELECT doc_id, text, stated_date, lagebild_version, schema_version, analysed_at, analysis FROM documents ORDER BY rid"
    ):
        conn.execute(
            "INSERT INTO documents (doc_id, text, stated_date, lagebild_version, schema_version, analysed_at, analysis) VALUES (?,?,?,?,?,?,?)",
            (doc_id, text, stated, version, schema, at, analysis),
        )
    conn.commit()
    conn.close()

    upgraded = connect(old)
    assert upgraded.execute("SELECT value FROM store_meta").fetchone()[0] == STORE_SCHEMA_VERSION
    assert _columns(upgraded) == _columns(fresh)
    for table in ("entities", "events", "event_actors"):
        query = f"SELECT * FROM {table} ORDER BY doc_id, n"
        assert [tuple(r) for r in upgraded.execute(query)] == fresh.execute(query).fetchall()
    assert (
        upgraded.execute("SELECT doc_id, date FROM documents WHERE doc_id = 'b'").fetchone()[1]
        == "2019-03-01"
    )
    assert [r["doc_id"] for r in statements(upgraded, about="Lage")] == [
        "b"
    ]  # text index rebuilt too
    upgraded.close()
    again = connect(old)  # applying again changes nothing
    assert counts(again) == counts(layered_store)
    again.close()


def test_newer_store_is_refused(tmp_path):
    db = tmp_path / "new.db"
    connect(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE store_meta SET value = '99'")
    conn.commit()
    conn.close()
    with pytest.raises(RuntimeError, match="newer"):
        connect(db)


# ------------------------------------------------------------------- actor queries


def test_actors_counts(layered_store):
    rows = {r["actor"]: r for r in actors(layered_store, top=None)}
    nato, stoltenberg = rows["nato"], rows["jens-stoltenberg"]
    assert (nato["mentions"], nato["documents"], nato["label"]) == (3, 2, "ORG")
    assert nato["statements_about"] >= 2  # „Die Nato ist bereit“, „Die Nato tagt“
    assert stoltenberg["name"] == "Jens Stoltenberg" and stoltenberg["statements_made"] == 3
    assert rows["Anna Brandtner"]["statements_made"] == 1
    people = actors(layered_store, labels=["per"])
    assert {r["actor"] for r in people} == {"jens-stoltenberg", "Anna Brandtner"}
    assert len(actors(layered_store, top=2)) == 2
    with pytest.raises(ValueError):
        actors(layered_store, labels=["PERSON"])


def test_actors_without_entities_are_the_speakers(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", DOCS)
    db = tmp_path / "plain.db"
    ingest([str(source)], db, progress=False)
    sqlite3.connect(db).execute("DELETE FROM entities").connection.commit()
    rows = {r["actor"]: r for r in actors(db, top=None)}
    assert rows["jens-stoltenberg"]["statements_made"] == 3
    assert rows["jens-stoltenberg"]["mentions"] == 0


def test_statements_about_an_actor_or_text(layered_store):
    def found(**query):
        return {(r["doc_id"], r["n"]) for r in statements(layered_store, **query)}

    assert {("a", 1), ("c", 1)} <= found(about="nato")
    # by KB id: the message names Russland, its text does not hold the word "RUS"
    assert found(about="RUS") == {("d", 1)}
    assert found(about="Russland") >= {("d", 1)}
    # a mention that is the speaker's own (reported speech) does not make it about them
    assert ("b", 1) not in found(about="RUS")
    assert found(about="Jens Stoltenberg") == set()  # nobody speaks about him
    assert {doc for doc, _ in found(about="Lage")} == {"b"}  # plain text
    assert {doc for doc, _ in found(speaker="Jens Stoltenberg")} == {"a", "c", "d"}


def test_timeline_by_month_and_week(layered_store):
    months = timeline(layered_store, "Nato")
    assert [r["period"] for r in months] == ["2025-06", None]
    june = months[0]
    assert (june["documents"], june["mentions"], june["events"]) == (1, 2, 1)
    assert months[1]["mentions"] == 1  # doc c has no date
    weeks = timeline(layered_store, "RUS", by="week")
    assert [r["period"] for r in weeks] == ["2019-W09", "2025-W23", "2025-W27"]
    assert sum(r["events"] for r in weeks) == 2
    assert timeline(layered_store, "stolten")[0]["statements_made"] == 1  # part of a name
    assert weeks[-1]["statements_about"] == 1
    assert timeline(layered_store, "Niemand") == []
    with pytest.raises(ValueError):
        timeline(layered_store, "Nato", by="day")


@pytest.mark.parametrize("suffix", [".graphml", ".gexf"])
def test_network_files_load_in_networkx(layered_store, tmp_path, suffix):
    import networkx as nx

    out = tmp_path / f"actors{suffix}"
    nodes, edges = write_network(layered_store, out)
    graph = nx.read_graphml(out) if suffix == ".graphml" else nx.read_gexf(out)
    assert graph.number_of_nodes() == nodes and graph.number_of_edges() == edges
    assert graph.nodes["jens-stoltenberg"]["label"] == "Jens Stoltenberg"
    kinds = {(u, v, data["kind"]): data for u, v, data in graph.edges(data=True)}
    spoke = kinds[("jens-stoltenberg", "nato", "speaks_about")]
    assert float(spoke["weight"]) == 2 and spoke["first_date"] == "2025-06-02"
    co = kinds[("Anna Brandtner", "RUS", "co_mention")]
    assert float(co["weight"]) == 1 and co["last_date"] == "2019-03-01"
    about = kinds[("jens-stoltenberg", "RUS", "speaks_about")]
    assert float(about["weight"]) == 1 and about["first_date"] == "2025-07-01"
    assert float(kinds[("jens-stoltenberg", "RUS", "co_mention")]["weight"]) == 2
    with pytest.raises(ValueError):
        write_network(layered_store, tmp_path / "actors.png")
