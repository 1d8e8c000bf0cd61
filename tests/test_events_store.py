"""Event queries and exports over a small corpus store, and the `lagebild events` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.store import ingest
from lagebild.store.events import GDELT_COLUMNS, export_gdelt, export_plover, query_events

DOCS = [
    {"id": "a", "date": "2021-06-07", "text": "Die EU verhängte neue Sanktionen gegen Belarus."},
    {"id": "b", "date": "2022-03-01", "text": "Russland und China halten gemeinsame Manöver ab."},
    {"id": "c", "date": "2022-05", "text": "Die Bundesregierung kritisierte Russland scharf."},
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("events")
    source = folder / "docs.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS), encoding="utf-8")
    path = folder / "corpus.db"
    ingest([str(source)], path, progress=False)
    return path


def types(rows: list[dict]) -> list[str]:
    return [row["event"]["type"] for row in rows]


def test_filters(db):
    assert types(query_events(db)) == ["SANCTION", "COOPERATE", "ACCUSE"]
    assert types(query_events(db, actor="Russland")) == ["COOPERATE"]
    assert types(query_events(db, recipient="RUS")) == ["ACCUSE"]
    assert types(query_events(db, type="sanction")) == ["SANCTION"]
    assert types(query_events(db, since="2022")) == ["COOPERATE", "ACCUSE"]
    assert types(query_events(db, until="2022-03")) == ["SANCTION", "COOPERATE"]
    assert query_events(db, actor="Belarus") == []


def test_date_range_keeps_partial_dates_that_overlap_it(db):
    assert types(query_events(db, since="2022-05-15")) == ["ACCUSE"]  # dated 2022-05: may be the 15th or later
    assert types(query_events(db, until="2022-05-01")) == ["SANCTION", "COOPERATE", "ACCUSE"]
    assert types(query_events(db, since="2022-06")) == []
    with pytest.raises(ValueError, match="YYYY"):
        query_events(db, since="April")


def test_plover_export(db):
    out = io.StringIO()
    assert export_plover(query_events(db, type="SANCTION"), out) == 1
    record = json.loads(out.getvalue())
    assert record["event_type"] == "SANCTION" and record["mode"] == "discontinue" and record["date"] == "2021-06-07"
    assert record["actor"][0]["country"] == "EUR" and record["recipient"][0]["name"] == "Belarus"
    assert record["source"]["doc_id"] == "a" and "verhängte" in record["event_text"]


def test_gdelt_export(db):
    out = io.StringIO()
    export_gdelt(query_events(db), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS and len(rows) == 3
    sanction = rows[0]
    assert (sanction["EventRootCode"], sanction["QuadClass"], sanction["Date"]) == ("16", "4", "20210607")
    assert sanction["Actor1Code"] == "EURGOV" and sanction["Actor2CountryCode"] == "BLR"
    text = DOCS[0]["text"]
    assert text[int(sanction["TriggerStart"]) : int(sanction["TriggerEnd"])].startswith("verhängte")


def test_cli(db, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["events", "--db", str(db), "--actor", "DEU", "--json"])
    assert result.exit_code == 0 and json.loads(result.stdout)["event"]["type"] == "ACCUSE"
    target = tmp_path / "events.tsv"
    result = runner.invoke(app, ["events", "--db", str(db), "--export", "gdelt", "-o", str(target)])
    assert result.exit_code == 0 and len(target.read_text(encoding="utf-8").splitlines()) == 4
