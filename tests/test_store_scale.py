"""HTML pages in, malformed inputs, and the scale-out path: Ray, Parquet datasets, `load`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from lagebild.io.readers import ReadError, read_inputs
from lagebild.store import counts, ingest, load

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>{title} | Beispielzeitung</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T08:00:00+02:00">
<link rel="canonical" href="https://zeitung.example/politik/{slug}">
</head><body>
<nav><a href="/">Startseite</a> <a href="/politik">Politik</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>
<p>{body}</p>
<p>Die Beratungen sollen am Abend fortgesetzt werden, hieß es aus Delegationskreisen.</p>
</article>
<aside><h2>Mehr zum Thema</h2><ul><li><a href="/a">Wetter: Regen im Norden</a></li></ul></aside>
<footer>© Beispielzeitung · Impressum · Datenschutz</footer>
</body></html>
"""


def write_page(path: Path, title: str, date: str, body: str) -> Path:
    slug = path.stem
    path.write_text(PAGE.format(title=title, date=date, slug=slug, body=body), encoding="utf-8")
    return path


@pytest.fixture
def pages(tmp_path) -> Path:
    folder = tmp_path / "pages"
    (folder / "2023").mkdir(parents=True)
    write_page(
        folder / "nato.html",
        "Nato-Gipfel in Vilnius",
        "2023-07-11",
        "„Wir sind bereit“, sagte Generalsekretär Jens Stoltenberg am Dienstag in Vilnius.",
    )
    write_page(
        folder / "2023" / "scholz.htm",
        "Scholz sagt Hilfe zu",
        "2023-07-12",
        "Deutschland werde weitere Luftabwehrsysteme liefern, sagte Bundeskanzler Olaf Scholz.",
    )
    (folder / "empty.html").write_text(
        "<html><head><title>Leer</title></head><body><script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    return folder


def test_html_reader_extracts_main_text_title_and_date(pages):
    records = {Path(r.origin).name: r for r in read_inputs([str(pages)])}
    nato = records["nato.html"]
    assert not isinstance(nato, ReadError)
    assert "„Wir sind bereit“, sagte Generalsekretär Jens Stoltenberg" in nato.text
    for boilerplate in ("Startseite", "Impressum", "Wetter: Regen"):
        assert boilerplate not in nato.text
    assert nato.id == "nato" and nato.date == "2023-07-11"
    assert nato.meta["title"] == "Nato-Gipfel in Vilnius"
    assert nato.meta["url"] == "https://zeitung.example/politik/nato"
    assert records["scholz.htm"].date == "2023-07-12"
    assert isinstance(records["empty.html"], ReadError)
    assert "no main text" in records["empty.html"].message


def test_html_pages_ingest_into_the_store(pages, tmp_path):
    db = tmp_path / "html.db"
    rejects = tmp_path / "rejects.jsonl"
    stats = ingest([str(pages)], db, progress=False, rejects_path=rejects)
    assert stats.ingested == 2 and len(stats.failed) == 1
    assert json.loads(rejects.read_text(encoding="utf-8"))["origin"].endswith("empty.html")
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT doc_id, stated_date, date, title, url FROM documents ORDER BY doc_id"
    ).fetchall()
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("nato", "2023-07-11", "Nato-Gipfel in Vilnius"),
        ("scholz", "2023-07-12", "Scholz sagt Hilfe zu"),
    ]
    speakers = {r[0] for r in conn.execute("SELECT speaker_name FROM statements")}
    assert any("Stoltenberg" in (s or "") for s in speakers)
    assert ingest([str(pages)], db, progress=False).ingested == 0


def test_html_from_stdin_is_recognised(monkeypatch, pages):
    import io
    import sys

    data = (pages / "nato.html").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    [record] = list(read_inputs(["-"]))
    assert record.date == "2023-07-11" and "Stoltenberg" in record.text


def test_malformed_inputs_are_reported_and_the_run_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Die Lage sei ernst, sagte Merkel.", encoding="utf-8")
    (folder / "latin1.txt").write_bytes("Die Lage sei schön, sagte Müller.".encode("latin-1"))
    (folder / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    lines = [
        json.dumps({"id": "ok", "text": "Es regnet, sagte Scholz."}),
        '{"id": "broken", "text": "kaputt',
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "nodate", "text": "Gut.", "date": 2025}),
    ]
    jsonl = folder / "records.jsonl"
    jsonl.write_bytes(
        ("\n".join(lines) + "\n").encode("utf-8") + b'{"id": "bad", "text": "\xff\xfe"}\n'
    )
    db = tmp_path / "c.db"
    rejects = tmp_path / "rejects.jsonl"
    stats = ingest([str(folder)], db, progress=False, rejects_path=rejects)
    assert stats.ingested == 2
    reasons = {
        json.loads(line)["origin"]: json.loads(line)["reason"]
        for line in rejects.read_text(encoding="utf-8").splitlines()
    }
    assert "invalid UTF-8" in reasons[str(folder / "latin1.txt")]
    assert "empty text" in reasons[str(folder / "blank.txt")]
    assert "binary" in reasons[str(folder / "binary.txt")]
    assert "malformed JSON" in reasons[f"{jsonl}:2"]
    assert "empty text" in reasons[f"{jsonl}:3"]
    assert "date" in reasons[f"{jsonl}:4"]
    assert "invalid UTF-8" in reasons[f"{jsonl}:5"]
    assert len(stats.failed) == len(reasons) == 7


# ---------------------------------------------------------------------------- Ray, load


def make_records(n: int) -> list[dict]:
    return [
        {
            "id": f"r{i}",
            "text": f"Die Lage an der Grenze sei ernst, sagte Merkel über Fall {i}.",
            "date": f"2025-{1 + i % 3:02d}-1{i % 9}",
        }
        for i in range(n)
    ]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def store_contents(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(
            "SELECT d.doc_id, d.date, s.n, s.speaker_name, s.message_text FROM documents d "
            "LEFT JOIN statements s USING (doc_id) ORDER BY d.doc_id, s.n"
        ).fetchall()
    finally:
        conn.close()


def test_load_brings_a_dataset_into_a_store(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", make_records(7))
    stats = ingest([str(source)], None, out_dir=tmp_path / "ds", progress=False, batch_size=3)
    assert stats.ingested == 7
    assert {p.name for p in (tmp_path / "ds").iterdir()} == {
        "year_month=2025-01",
        "year_month=2025-02",
        "year_month=2025-03",
    }
    again = ingest([str(source)], None, out_dir=tmp_path / "ds", progress=False)
    assert again.ingested == 0 and again.skipped_present == 7  # resumable into the same folder
    assert load(tmp_path / "ds", tmp_path / "loaded.db") == (7, 0)
    assert load(tmp_path / "ds", tmp_path / "loaded.db") == (0, 7)
    direct = tmp_path / "direct.db"
    ingest([str(source)], direct, progress=False)
    assert store_contents(tmp_path / "loaded.db") == store_contents(direct)
    assert counts(tmp_path / "loaded.db") == counts(direct)
    with pytest.raises(FileNotFoundError):
        load(tmp_path / "nowhere", tmp_path / "x.db")


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_engine_streams_into_the_store_and_into_parquet(local_ray, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", make_records(6))
    direct = tmp_path / "direct.db"
    ingest([str(source)], direct, progress=False)

    on_ray = tmp_path / "ray.db"
    stats = ingest([str(source)], on_ray, engine="ray", workers=2, progress=False, batch_size=2)
    assert stats.ingested == 6 and not stats.failed
    assert store_contents(on_ray) == store_contents(direct)
    assert ingest([str(source)], on_ray, engine="ray", workers=2, progress=False).ingested == 0

    out = tmp_path / "ds"
    stats = ingest([str(source)], None, engine="ray", workers=2, out_dir=out, progress=False)
    assert stats.ingested == 6
    assert load(out, tmp_path / "loaded.db") == (6, 0)
    assert store_contents(tmp_path / "loaded.db") == store_contents(direct)
