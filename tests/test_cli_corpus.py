"""The corpus and knowledge-base commands, end to end through the CLI."""

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
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "-o", str(out)])
    assert exported.exit_code == 0 and len(out.read_text(encoding="utf-8").splitlines()) == 3  # header + 2


def test_missing_store_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["statements", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no corpus store" in result.stderr


def test_kb_show_prints_offices_with_dates():
    result = runner.invoke(app, ["kb", "show", "Stoltenberg"])
    assert result.exit_code == 0
    assert "Jens Stoltenberg" in result.stdout and "2014-10-01" in result.stdout and "Nato-Generalsekretär" in result.stdout
    assert runner.invoke(app, ["kb", "show", "Niemand Unbekannt"]).exit_code == 1
