"""The corpus store: ingest, idempotence, crash-resume, WAL reads, queries, export."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from lagebild import __version__
from lagebild.analysis import SCHEMA_VERSION
from lagebild.pipeline import Pipeline
from lagebild.store import counts, doc_identity, export, ingest, search, statements

SPEAKERS = ["Merkel", "Stoltenberg", "Scholz", "Baerbock"]


def make_docs(n: int, with_ids: bool = True) -> list[dict]:
    docs = []
    for i in range(n):
        speaker = SPEAKERS[i % len(SPEAKERS)]
        text = (
            f"„Wir kommen nach Vilnius {i}“, sagte Stoltenberg am Montag. "
            f"Die Lage sei ernst, sagte {speaker} in Berlin über Fall {i}."
        )
        doc = {"text": text, "date": f"2025-{1 + i % 12:02d}", "url": f"https://example.org/{i}"}
        if with_ids and i % 2 == 0:
            doc["id"] = f"d{i}"
        docs.append(doc)
    return docs


def write_jsonl(path: Path, docs: list[dict], extra_lines: list[str] = ()) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for doc in docs:
            handle.write(json.dumps(doc, ensure_ascii=False) + "\n")
        for line in extra_lines:
            handle.write(line + "\n")
    return path


def table_counts(db: Path) -> dict[str, int]:
    return counts(db)


def assert_consistent(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert (
            conn.execute("SELECT count(*) - count(DISTINCT doc_id) FROM documents").fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM (SELECT doc_id, n FROM statements GROUP BY doc_id, n HAVING count(*) > 1)"
            ).fetchone()[0]
            == 0
        )
        assert (
            conn.execute(
                "SELECT count(*) FROM statements WHERE doc_id NOT IN (SELECT doc_id FROM documents)"
            ).fetchone()[0]
            == 0
        )
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A small stored corpus: 12 documents (every second one without id) + one statement-less."""
    root = tmp_path_factory.mktemp("corpus")
    docs = make_docs(12)
    docs.append({"id": "calm", "text": "Heute regnete es in Hamburg.", "date": "2024"})
    docs.append({"id": "nodate", "text": "Die Lage sei ernst, sagte Merkel."})
    source = write_jsonl(root / "in.jsonl", docs)
    db = root / "corpus.db"
    stats = ingest([str(source)], db, progress=False)
    assert stats.ingested == len(docs) and not stats.failed
    return db, docs


def test_ingest_counts_and_versions(corpus):
    db, docs = corpus
    n = table_counts(db)
    assert n["documents"] == len(docs)
    assert n["statements"] == 2 * 12 + 1
    assert n["timexes"] >= 12
    conn = sqlite3.connect(db)
    analyses = [json.loads(row[0]) for row in conn.execute("SELECT analysis FROM documents")]
    for table in ("entities", "events"):
        assert n[table] == sum(len(a[table]) for a in analyses)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    rows = conn.execute(
        "SELECT DISTINCT lagebild_version, schema_version FROM documents"
    ).fetchall()
    assert rows == [(__version__, SCHEMA_VERSION)]
    ids = {row[0] for row in conn.execute("SELECT doc_id FROM documents")}
    assert "d0" in ids and doc_identity(None, docs[1]["text"]) in ids
    url, date = conn.execute(
        "SELECT url, stated_date FROM documents WHERE doc_id = 'd0'"
    ).fetchone()
    assert url == "https://example.org/0" and date == "2025-01"
    conn.close()
    assert_consistent(db)


def test_idempotent_and_rejects(tmp_path):
    source = write_jsonl(
        tmp_path / "in.jsonl",
        make_docs(10),
        extra_lines=['{"text": "kaputt', '{"id": "x"}', '["no object"]'],
    )
    db = tmp_path / "c.db"
    rejects = tmp_path / "rejects.jsonl"
    first = ingest([str(source)], db, rejects_path=rejects, progress=False, batch_size=3)
    assert first.ingested == 10 and first.skipped_present == 0
    assert len(first.failed) == 3
    lines = [json.loads(line) for line in rejects.read_text(encoding="utf-8").splitlines()]
    assert [r["origin"] for r in lines] == [f"{source}:{n}" for n in (11, 12, 13)]
    assert "malformed JSON" in lines[0]["reason"] and "text" in lines[1]["reason"]
    assert first.failed[0].startswith(f"{source}:11: malformed JSON")
    before = table_counts(db)
    second = ingest([str(source)], db, progress=False)
    assert second.ingested == 0 and second.skipped_present == 10
    assert table_counts(db) == before
    # a record repeated within one input is stored once
    dup = write_jsonl(tmp_path / "dup.jsonl", make_docs(3) + make_docs(3))
    third = ingest([str(dup)], tmp_path / "d.db", progress=False)
    assert third.ingested == 3 and third.skipped_present == 3


def test_reanalyze_replaces_old_versions(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", make_docs(6))
    db = tmp_path / "c.db"
    ingest([str(source)], db, progress=False)
    before = table_counts(db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE documents SET lagebild_version = '0.0.0' WHERE doc_id = 'd2'")
    conn.commit()
    conn.close()
    assert ingest([str(source)], db, progress=False).ingested == 0  # not asked to
    stats = ingest([str(source)], db, reanalyze=True, progress=False)
    assert (stats.ingested, stats.reanalyzed, stats.skipped_present) == (1, 1, 5)
    assert table_counts(db) == before
    conn = sqlite3.connect(db)
    assert (
        conn.execute("SELECT lagebild_version FROM documents WHERE doc_id = 'd2'").fetchone()[0]
        == __version__
    )
    conn.close()
    assert_consistent(db)


def test_workers_match_single_process(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", make_docs(30))
    one = ingest([str(source)], tmp_path / "one.db", progress=False, batch_size=7)
    two = ingest([str(source)], tmp_path / "two.db", workers=2, progress=False, batch_size=7)
    assert one.ingested == two.ingested == 30
    assert table_counts(tmp_path / "one.db") == table_counts(tmp_path / "two.db")
    a = (
        sqlite3.connect(tmp_path / "one.db")
        .execute("SELECT doc_id, analysis FROM documents ORDER BY doc_id")
        .fetchall()
    )
    b = (
        sqlite3.connect(tmp_path / "two.db")
        .execute("SELECT doc_id, analysis FROM documents ORDER BY doc_id")
        .fetchall()
    )
    assert a == b


SLOW_INGEST = """
import sys, time
from lagebild.pipeline import Pipeline
_analyze = Pipeline.analyze
def slow(self, *args, **kwargs):
    time.sleep(0.01)
    return _analyze(self, *args, **kwargs)
Pipeline.analyze = slow
from lagebild.store import ingest
ingest([sys.argv[1]], sys.argv[2], progress=False, batch_size=20)
"""


def _documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return 0


def test_resume_after_kill(tmp_path):
    docs = make_docs(300)
    source = write_jsonl(tmp_path / "in.jsonl", docs)
    clean_db = tmp_path / "clean.db"
    ingest([str(source)], clean_db, progress=False, batch_size=20)
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-c", SLOW_INGEST, str(source), str(db)])
    try:
        deadline = time.monotonic() + 60
        while _documents(db) < 40:
            assert proc.poll() is None, "ingest ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    partial = _documents(db)
    assert 40 <= partial < 300 and partial % 20 == 0  # whole batches only
    stats = ingest([str(source)], db, progress=False, batch_size=20)
    assert stats.skipped_present == partial and stats.ingested == 300 - partial
    assert table_counts(db) == table_counts(clean_db)
    assert store_contents(db) == store_contents(clean_db)
    assert_consistent(db)


def store_contents(db: Path) -> dict[str, list]:
    """Every row of the store but timestamps and internal keys, in a stable order."""
    conn = sqlite3.connect(db)
    try:
        return {
            "documents": conn.execute(
                "SELECT doc_id, text, stated_date, date, url, analysis FROM documents ORDER BY doc_id"
            ).fetchall(),
            "statements": conn.execute(
                "SELECT doc_id, n, kind, speaker_name, speaker_actor, cue_text, message_text "
                "FROM statements ORDER BY doc_id, n"
            ).fetchall(),
            "entities": conn.execute("SELECT * FROM entities ORDER BY doc_id, n").fetchall(),
            "timexes": conn.execute("SELECT * FROM timexes ORDER BY doc_id, n").fetchall(),
            "events": conn.execute("SELECT * FROM events ORDER BY doc_id, n").fetchall(),
        }
    finally:
        conn.close()


def test_concurrent_read_during_ingest(tmp_path, monkeypatch):
    source = write_jsonl(tmp_path / "in.jsonl", make_docs(120))
    db = tmp_path / "c.db"
    analyze = Pipeline.analyze

    def slow(self, *args, **kwargs):
        time.sleep(0.005)
        return analyze(self, *args, **kwargs)

    monkeypatch.setattr(Pipeline, "analyze", slow)
    ingest([str(make_docs_file(tmp_path))], db, progress=False)  # creates the store
    errors: list[BaseException] = []

    def write() -> None:
        try:
            ingest([str(source)], db, progress=False, batch_size=10)
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    reader = sqlite3.connect(db, timeout=0.05)  # would fail fast if readers were blocked
    writer = threading.Thread(target=write)
    writer.start()
    seen = []
    while writer.is_alive():
        seen.append(reader.execute("SELECT count(*) FROM documents").fetchone()[0])
        time.sleep(0.005)
    writer.join()
    seen.append(reader.execute("SELECT count(*) FROM documents").fetchone()[0])
    reader.close()
    assert not errors
    assert seen == sorted(seen)
    assert seen[-1] == 121
    assert any(1 < n < 121 for n in seen), "no read saw a partly ingested store"


def make_docs_file(tmp_path: Path) -> Path:
    return write_jsonl(
        tmp_path / "seed.jsonl", [{"id": "seed", "text": "Es sei kalt, sagte Scholz."}]
    )


def test_search(corpus):
    db, _ = corpus
    hits = search(db, "Hamburg")
    assert [h["doc_id"] for h in hits] == ["calm"]
    assert "[Hamburg]" in hits[0]["snippet"]
    assert len(search(db, "Vilnius", limit=5)) == 5
    assert search(db, "Nato-Gipfel") == []  # punctuation does not break the query
    assert search(db, '"Lage sei ernst"', limit=100)
    assert search(db, "Hamburg AND") == []  # bad FTS5 syntax: taken as the plain words, no error
    assert [h["doc_id"] for h in search(db, "Hamburg OR Vilnius", limit=100)].count("calm") == 1
    with pytest.raises(ValueError):
        search(db, "  ")


def test_statements_filters(corpus):
    db, _ = corpus
    merkel = statements(db, speaker="merkel")
    assert merkel and all(r["speaker_name"] == "Merkel" for r in merkel)
    assert len(merkel) == 3 + 1  # docs 0, 4, 8 and the undated one
    assert {r["kind"] for r in statements(db, speaker="STOLTENBERG")} == {"direct", "indirect"}
    direct = statements(db, kind="direct")
    assert len(direct) == 12 and all(r["cue_text"] == "sagte" for r in direct)
    about = statements(db, about="Vilnius")
    assert len(about) == 12 and all("Vilnius" in r["message_text"] for r in about)
    assert len(statements(db, about="NOT Vilnius (")) == 0
    assert len(statements(db, about="Vilnius", speaker="stolten", since="2025-06")) == 7
    # dates: months 2025-01 … 2025-12, one doc each
    assert {r["stated_date"] for r in statements(db, kind="direct", since="2025-11")} == {
        "2025-11",
        "2025-12",
    }
    assert {r["stated_date"] for r in statements(db, kind="direct", until="2025-02")} == {
        "2025-01",
        "2025-02",
    }
    mid = statements(db, kind="direct", since="2025-03-15", until="2025-04-02")
    assert {r["stated_date"] for r in mid} == {"2025-03", "2025-04"}  # month precision overlaps
    assert statements(db, kind="direct", since="2025") == statements(db, kind="direct", limit=1000)
    assert statements(db, since="2026") == []
    assert len(statements(db, limit=2)) == 2
    with pytest.raises(ValueError):
        statements(db, since="März 2025")


def test_export_analyses_and_csv(corpus, tmp_path):
    db, _ = corpus
    n = table_counts(db)
    out = tmp_path / "out.jsonl"
    assert export(db, "jsonl", out) == {"documents": n["documents"]}
    lines = out.read_text(encoding="utf-8").splitlines()
    stored = [
        row[0] for row in sqlite3.connect(db).execute("SELECT analysis FROM documents ORDER BY rid")
    ]
    assert lines == stored
    first = json.loads(lines[0])
    assert first["id"] == "d0" and first["statements"][0]["speaker"]["name"] == "Stoltenberg"
    # one table to one file
    out_csv = tmp_path / "statements.csv"
    assert export(db, "csv", out_csv, tables="statements") == {"statements": n["statements"]}
    with out_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == n["statements"]
    assert {"doc_id", "n", "date", "speaker_name", "kind", "cue_text", "message_text"} <= set(
        rows[0]
    )
    assert rows[0]["doc_id"] == "d0" and rows[0]["message_text"].startswith("Wir kommen")
    # every table into a directory
    written = export(db, "csv", tmp_path / "tables")
    assert set(written) == {"documents", "statements", "entities", "timexes"} | (
        {"events", "event_actors"} if n["events"] else set()
    )
    for table, count in written.items():
        assert count == n[table]
        lines = (tmp_path / "tables" / f"{table}.csv").read_text(encoding="utf-8").splitlines()
        assert len(lines) >= count + 1  # header (texts may hold line breaks)
    as_jsonl = export(db, "jsonl", tmp_path / "j", tables=["entities"])
    assert as_jsonl == {"entities": n["entities"]}
    with pytest.raises(ValueError):
        export(db, "xml", tmp_path / "x")
    with pytest.raises(ValueError):
        export(db, "csv", tmp_path / "x", tables=["nope"])


def _store_rows(db: Path, table: str) -> dict[tuple, dict]:
    """The rows of a store table with the effective date of their document, by key."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    rows = {}
    for row in conn.execute(
        f"SELECT t.*, d.date AS doc_date FROM {table} t JOIN documents d USING (doc_id)"
    ):
        row = dict(row)
        row.pop("sid", None)
        row.pop("rid", None)
        row.pop("analysis", None)
        rows[(row["doc_id"], row.get("n"))] = row
    return rows


def test_export_parquet_round_trip(corpus, tmp_path):
    from lagebild.store.export import read_parquet_dataset, year_month

    db, _ = corpus
    written = export(db, "parquet", tmp_path / "pq")
    for table in ("documents", "statements", "entities", "timexes"):
        stored = _store_rows(db, table)
        exported = read_parquet_dataset(tmp_path / "pq" / table)
        assert written[table] == len(exported) == len(stored)
        for row in exported:
            key = (row["doc_id"], row.get("n"))
            expected = stored[key]
            date = expected.pop("doc_date")
            assert row.pop("year_month") == year_month(date)
            assert row.pop("date") == (expected.pop("date") if table == "documents" else date)
            assert row == expected
    partitions = sorted(p.name for p in (tmp_path / "pq" / "statements").iterdir())
    assert partitions == [f"year_month=2025-{m:02d}" for m in range(1, 13)] + ["year_month=undated"]
    with pytest.raises(FileExistsError):
        export(db, "parquet", tmp_path / "pq")  # never mixed into an earlier export


def test_parquet_readable_by_pandas_and_duckdb(corpus, tmp_path):
    pd = pytest.importorskip("pandas")
    duckdb = pytest.importorskip("duckdb")
    db, _ = corpus
    export(db, "parquet", tmp_path / "pq", tables=["statements"])
    frame = pd.read_parquet(tmp_path / "pq" / "statements")
    assert len(frame) == table_counts(db)["statements"]
    assert set(frame["year_month"].astype(str)) >= {"2025-01", "undated"}
    glob = str(tmp_path / "pq" / "statements" / "*" / "*.parquet")
    by_month = duckdb.sql(
        f"SELECT year_month, count(*) FROM read_parquet('{glob}', hive_partitioning = true) "
        "WHERE year_month = '2025-03' GROUP BY year_month"
    ).fetchall()
    assert by_month == [("2025-03", 2)]
