"""The corpus and knowledge-base commands, end to end through the CLI."""

import csv
import io
import json

from typer.testing import CliRunner

from lagebild.cli import app

runner = CliRunner()


def test_ingest_then_query_and_export(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "„Wir sind bereit“, sagte Stoltenberg.", "date": "2021-06-14"}) + "\n"
        + json.dumps({"id": "b", "text": "Die Lage sei ernst, sagte Merkel am Montag in Berlin.", "date": "2021-06-15"}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "c.db"
    first = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--quiet"])
    assert first.exit_code == 0, first.stderr
    assert "2 ingested" in first.stderr
    again = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--quiet"])
    assert "0 ingested" in again.stderr and "2 already present" in again.stderr

    found = runner.invoke(app, ["statements", "--db", str(db), "--speaker", "merkel", "--json"])
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert [r["doc_id"] for r in rows] == ["b"] and rows[0]["message_text"] == "Die Lage sei ernst"

    hits = runner.invoke(app, ["search", "Berlin", "--db", str(db), "--json"])
    assert [json.loads(line)["doc_id"] for line in hits.stdout.splitlines()] == ["b"]

    out = tmp_path / "st.csv"
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--table", "statements", "-o", str(out)])
    assert exported.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 3  # header + 2

    parquet = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "pq")])
    assert parquet.exit_code == 0 and "statements: 2 rows" in parquet.stderr
    assert (tmp_path / "pq" / "documents" / "year_month=2021-06").is_dir()


def test_query_output_formats(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "Die Lage sei ernst, sagte Merkel am Montag in Berlin.", "date": "2021-06-15"}) + "\n"
        + json.dumps({"id": "b", "text": "„Wir sind bereit“, sagte Merkel.", "date": "2021-07-01"}) + "\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["ingest", str(source), "--db", db, "--quiet"]).exit_code == 0

    as_json = runner.invoke(app, ["statements", "--db", db, "--format", "json"])
    alias = runner.invoke(app, ["statements", "--db", db, "--json"])
    assert as_json.stdout == alias.stdout and len(as_json.stdout.splitlines()) == 2
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["statements", "--db", db, "-f", "csv"]).stdout)))
    assert [r["doc_id"] for r in rows] == ["a", "b"] and rows[0]["speaker_name"] == "Merkel"
    table = runner.invoke(app, ["statements", "--db", db])
    assert "Merkel" in table.stdout and "Die Lage sei ernst" in table.stdout

    actors = [json.loads(line) for line in runner.invoke(app, ["actors", "--db", db, "--json"]).stdout.splitlines()]
    merkel = [a for a in actors if "Merkel" in (a["name"] or "")]
    assert merkel and merkel[0]["statements_made"] == 2
    assert "said about" in runner.invoke(app, ["actors", "--db", db, "--top", "3"]).stdout
    assert runner.invoke(app, ["actors", "--db", db, "--label", "NOPE"]).exit_code == 2

    timeline = runner.invoke(app, ["timeline", "Merkel", "--db", db, "--format", "csv"])
    periods = list(csv.DictReader(io.StringIO(timeline.stdout)))
    assert [(p["period"], p["statements_made"]) for p in periods] == [("2021-06", "1"), ("2021-07", "1")]
    weeks = runner.invoke(app, ["timeline", "Merkel", "--db", db, "--by", "week", "--json"])
    assert [json.loads(line)["period"] for line in weeks.stdout.splitlines()] == ["2021-W24", "2021-W26"]
    assert "no actor" in runner.invoke(app, ["timeline", "Niemand", "--db", db]).stderr

    hits = runner.invoke(app, ["search", "Berlin", "--db", db, "-f", "csv"])
    assert list(csv.DictReader(io.StringIO(hits.stdout)))[0]["doc_id"] == "a"

    graph = tmp_path / "net.graphml"
    made = runner.invoke(app, ["network", "--db", db, "-o", str(graph)])
    assert made.exit_code == 0 and graph.exists() and "actors" in made.stderr
    assert runner.invoke(app, ["network", "--db", db, "-o", str(tmp_path / "net.png")]).exit_code == 2


def test_missing_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["statements", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no corpus store" in result.stderr


def test_kb_show_prints_offices_with_dates():
    result = runner.invoke(app, ["kb", "show", "Stoltenberg"])
    assert result.exit_code == 0
    assert "Jens Stoltenberg" in result.stdout and "2014-10-01" in result.stdout and "Nato-Generalsekretär" in result.stdout
    assert runner.invoke(app, ["kb", "show", "Niemand Unbekannt"]).exit_code == 1


def test_ingest_out_then_load(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text(
        json.dumps({"id": "a", "text": "Die Lage sei ernst, sagte Merkel.", "date": "2021-06-15"}) + "\n",
        encoding="utf-8",
    )
    out, db = tmp_path / "analyses", tmp_path / "c.db"
    written = runner.invoke(app, ["ingest", str(source), "--out", str(out), "--quiet"])
    assert written.exit_code == 0 and "1 ingested" in written.stderr and not db.exists()
    loaded = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert loaded.exit_code == 0 and "1 loaded" in loaded.stderr
    assert "0 loaded, 1 already present" in runner.invoke(app, ["load", str(out), "--db", str(db)]).stderr
    wrong = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--address", "auto"])
    assert wrong.exit_code == 2 and "--engine ray" in wrong.stderr
