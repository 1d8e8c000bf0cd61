"""The web interface over a small store of our own texts (FastAPI TestClient), and the
self-contained article page of `lagebild analyze --format html`."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import warnings
from html import unescape
from pathlib import Path

import pytest

fastapi = pytest.importorskip("fastapi")
warnings.filterwarnings("ignore", message=".*httpx.*")  # starlette prefers httpx2; httpx works

from fastapi.testclient import TestClient  # noqa: E402

from lagebild.store import ingest  # noqa: E402
from lagebild.web import article_html, create_app  # noqa: E402
from lagebild.web.article import article_view, segments  # noqa: E402
from lagebild.web.queries import connect_readonly  # noqa: E402

REPO = Path(__file__).resolve().parents[1]

HOSTILE_TEXT = (
    "Ein Test <script>window.__xss = 1</script> mit <img src=x onerror=\"window.__xss = 2\"> "
    "und &amp; &lt;b&gt;. „<b>Fett</b> ist das nicht“, sagte Max Mustermann."
)

RECORDS = [
    {"id": "t1", "title": "Baerbock warnt", "url": "https://example.org/t1", "text": (
        " date 2024-05-02\nAußenministerin Annalena Baerbock warnte am Donnerstag in Berlin vor "
        "einer Eskalation. „Wir brauchen jetzt Diplomatie“, sagte Baerbock. Russland müsse die "
        "Angriffe sofort beenden, forderte sie.")},
    {"id": "t2", "title": "Scholz in Paris", "text": (
        " date 2023-11\nBundeskanzler Olaf Scholz traf in Paris den französischen Präsidenten "
        "Emmanuel Macron. „Europa steht zusammen“, sagte Scholz. Macron sagte, Frankreich werde "
        "die Ukraine weiter unterstützen.")},
    {"id": "t4", "text": "Ein Sprecher der Vereinten Nationen sagte, die Lage im Sudan sei ernst."},
    {"id": "x", "title": "<script>window.__xss = 3</script>Titel", "url": "javascript:alert(1)",
     "source": "<b>Quelle</b>", "text": HOSTILE_TEXT},
]

# What the dating and events layers add, written by hand so the page is tested with them
# whether or not those layers are in the pipeline yet.
DATING = {"stated": "2023-11", "estimate": "2023-10", "interval": ["2023-10-01", "2023-10-31"],
          "confidence": 0.7, "consistent": False,
          "evidence": [{"span": {"start": 1, "end": 13, "text": "date 2023-11"}, "reason": "header date"}]}


def _event(text: str) -> dict:
    start = text.index("traf")
    return {"id": "ev1", "type": "CONSULT", "mode": "visit",
            "actor": [{"name": "Olaf Scholz", "entity": "olaf-scholz", "country": "DEU", "sector": "GOV", "mention": None}],
            "recipient": [{"name": "Emmanuel Macron", "entity": "emmanuel-macron", "country": "FRA", "sector": "GOV", "mention": None}],
            "trigger": {"start": start, "end": start + 4, "text": "traf"},
            "sentence": {"start": 15, "end": start + 4, "text": text[15:start + 4]},
            "evidence": [], "negated": False, "modality": "asserted", "statement": None,
            "date": "2023-11", "date_source": "document", "location": None, "cameo": "040",
            "quad_class": 1, "goldstein": 1.0, "confidence": 0.8}


def _set_analysis(db: Path, doc_id: str, change) -> None:
    conn = sqlite3.connect(db)
    try:
        data = json.loads(conn.execute("SELECT analysis FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()[0])
        change(data)
        conn.execute("UPDATE documents SET analysis = ? WHERE doc_id = ?", (json.dumps(data, ensure_ascii=False), doc_id))
        conn.commit()
    finally:
        conn.close()


def _strip_layers(data: dict) -> None:
    data.update(entities=[], dating=None, events=[])


def _add_layers(data: dict) -> None:
    data.update(dating=DATING, events=[_event(data["text"])])


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("webstore")
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS), encoding="utf-8")
    db = folder / "corpus.db"
    stats = ingest([str(source)], db, progress=False)
    assert stats.ingested == len(RECORDS)
    _set_analysis(db, "t2", _add_layers)
    _set_analysis(db, "t4", _strip_layers)
    return db


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(store))


def _marked(html: str, css: str) -> str:
    """The text of all highlights with class `css`, joined (a message may be cut into pieces)."""
    body = html[html.index('class="article-text"'):]
    body = body[:body.index("</div>")]
    pieces = re.findall(r'<span class="([^"]*)"[^>]*>([^<]*)</span>', body)
    return "|".join(unescape(text) for classes, text in pieces if css in classes.split()).replace("|", "")


def _text(html: str) -> str:
    """The visible text of a page, roughly: tags dropped, entities decoded."""
    return unescape(re.sub(r"<[^>]+>", "", html))


# ------------------------------------------------------------------------------- search


def test_search_page_finds_articles_with_counts(client):
    page = client.get("/search", params={"q": "Diplomatie"})
    assert page.status_code == 200
    assert 'role="search"' in page.text and '<label for="q">' in page.text
    assert 'href="/article/t1"' in page.text
    assert "<mark>Diplomatie</mark>" in page.text
    data = client.get("/search", params={"q": "Diplomatie", "format": "json"}).json()
    assert data["n_documents"] == 1 and data["documents"][0]["doc_id"] == "t1"
    assert data["n_statements"] == 1  # the direct quotation
    assert client.get("/api/search", params={"q": "Diplomatie"}).json() == data


def test_search_without_query_lists_newest_first_and_pages(client):
    first = client.get("/api/search", params={"per_page": 1}).json()
    assert first["n_documents"] == len(RECORDS)
    assert first["documents"][0]["doc_id"] == "t1"  # 2024-05-02 is the newest date
    assert not first["documents"][0]["snippet"].startswith("date")  # the header is not shown
    page = client.get("/search", params={"per_page": 1})
    assert 'rel="next"' in page.text and "page 1 of 4" in page.text
    last = client.get("/api/search", params={"per_page": 1, "page": 4}).json()
    assert last["documents"] and last["documents"][0]["doc_id"] not in ("t1", "t2")
    assert client.get("/api/search", params={"per_page": 1, "page": 9}).json()["documents"] == []


def test_search_filters_speaker_kind_actor_and_dates(client):
    by_speaker = client.get("/api/search", params={"scope": "statements", "speaker": "baerbock"}).json()
    assert by_speaker["n_statements"] >= 2
    assert {s["speaker_name"] for s in by_speaker["statements"]} == {"Annalena Baerbock"}  # the fullest name the text gives her
    direct = client.get("/api/search", params={"scope": "statements", "speaker": "baerbock", "kind": "direct"}).json()
    assert [s["message_text"] for s in direct["statements"]] == ["Wir brauchen jetzt Diplomatie"]
    in_2023 = client.get("/api/search", params={"since": "2023", "until": "2023-12-31"}).json()
    assert [d["doc_id"] for d in in_2023["documents"]] == ["t2"]  # undated documents are left out
    assert client.get("/api/search", params={"since": "2024-05-03"}).json()["n_documents"] == 0
    by_actor = client.get("/api/search", params={"actor": "emmanuel-macron"}).json()
    assert [d["doc_id"] for d in by_actor["documents"]] == ["t2"]
    about = client.get("/api/search", params={"scope": "statements", "actor": "RUS"}).json()
    assert [s["message_text"] for s in about["statements"]] == ["Russland müsse die Angriffe sofort beenden"]


def test_search_rejects_bad_input_with_a_message(client):
    bad_date = client.get("/search", params={"since": "2024-13-x"})
    assert bad_date.status_code == 400 and "YYYY" in bad_date.text
    assert client.get("/api/search", params={"q": "x" * 201}).status_code == 422
    assert client.get("/api/search", params={"per_page": 1000}).status_code == 422
    assert client.get("/api/search", params={"page": 0}).status_code == 422
    fts_syntax = client.get("/api/search", params={"q": 'AND "unbalanced OR ('})
    assert fts_syntax.status_code == 200


# ------------------------------------------------------------------------------ article


def test_article_highlights_statements_and_actors(client):
    page = client.get("/article/t1")
    assert page.status_code == 200
    html = page.text
    assert "Wir brauchen jetzt Diplomatie" in _marked(html, "hl-message")
    assert "sagte" in _marked(html, "hl-cue")
    assert "Baerbock" in _marked(html, "hl-speaker")
    assert "Russland" in _marked(html, "hl-ent-GPE")
    assert "Diplomatie" not in _marked(html, "hl-cue")
    assert 'href="/actor/annalena-baerbock"' in html  # who said what links to the actor
    for marker in ("Legend", "Who said what", "Time expressions", "<th scope=\"col\">speaker</th>"):
        assert marker in html
    assert "<header" in html and "<nav" in html and '<main id="main"' in html and 'class="skip-link"' in html
    data = client.get("/article/t1", params={"format": "json"}).json()
    assert data["doc_id"] == "t1" and data["analysis"]["statements"]
    assert client.get("/api/article/t1").json() == data


def test_article_shows_dating_and_events_when_present(client):
    html = client.get("/article/t2").text
    assert "2023-10" in html and "the text points elsewhere" in html and "header date" in html
    assert _marked(html, "hl-trigger") == "traf"
    assert "CONSULT" in html and 'href="/actor/emmanuel-macron"' in html


def test_article_without_optional_layers_still_renders(client):
    page = client.get("/article/t4")
    assert page.status_code == 200
    assert "No actor mentions" in page.text and "No dating verdict" in page.text
    assert "Events" not in _text(page.text)


def test_unknown_article_is_404(client):
    assert client.get("/article/nope").status_code == 404
    assert client.get("/api/article/nope").json()["detail"].startswith("no article")


# ------------------------------------------------------------------------------- safety


def test_hostile_article_renders_as_text(client):
    page = client.get("/article/x")
    html = page.text
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html
    assert "&amp;amp; &amp;lt;b&amp;gt;" in html  # entities in the text stay text
    assert "window.__xss = 3" in _text(html)  # the title, as text
    assert 'href="javascript:' not in html and "javascript:alert(1)" in _text(html)
    assert "script-src" not in page.headers["content-security-policy"]  # default-src 'none' covers it
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    hits = client.get("/search", params={"q": "Test"}).text
    assert "<script>" not in hits and "<img" not in hits


def test_store_is_opened_read_only(store, client):
    before = hashlib.sha256(store.read_bytes()).hexdigest()
    for url in ("/", "/search?q=Lage", "/article/t1", "/actor/annalena-baerbock", "/network"):
        assert client.get(url).status_code == 200
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before
    conn = connect_readonly(store)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")
    conn.close()


def test_request_limits_and_paths(client):
    assert client.get("/search?q=" + "a" * 5000).status_code == 414
    assert client.post("/search", content=b"x" * 4096).status_code == 413
    assert client.post("/search").status_code == 405
    assert client.get("/static/../../../etc/passwd").status_code == 404
    assert client.get("/article/..%2F..%2Fetc%2Fpasswd").status_code == 404
    assert client.get("/docs").status_code == 404  # the interactive docs would load a CDN


def test_openapi_describes_the_json_api(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/article/{doc_id}", "/api/actor/{key}", "/api/network"} <= set(spec["paths"])
    assert "/api/search" in client.get("/api").text


# -------------------------------------------------------------------------------- actor


def test_actor_page_has_kb_facts_timeline_and_statements(client):
    page = client.get("/actor/annalena-baerbock")
    assert page.status_code == 200
    html = page.text
    assert "<h1>Annalena Baerbock</h1>" in html
    assert "Offices" in html and "2021" in html  # foreign minister from December 2021
    assert "<svg" in html and 'class="bar"' in html and "2024-05" in html
    data = client.get("/api/actor/annalena-baerbock").json()
    assert data["n_made"] >= 2 and all(s["doc_id"] == "t1" for s in data["statements_made"])
    assert any(c["key"] == "RUS" for c in data["co_mentioned"])
    russia = client.get("/api/actor/RUS").json()
    assert [s["message"] for s in russia["statements_about"]] == ["Russland müsse die Angriffe sofort beenden"]


def test_actor_by_name_and_unknown_actor(client):
    by_name = client.get("/api/actor/Olaf Scholz")
    assert by_name.status_code == 200 and by_name.json()["actor"]["kb_id"] == "olaf-scholz"
    unknown_speaker = client.get("/api/actor/Max Mustermann").json()
    assert unknown_speaker["kb"] is None and unknown_speaker["n_made"] == 1
    assert client.get("/actor/Niemand Unbekannt").status_code == 404


# ------------------------------------------------------------------------------ network


def test_network_links_speakers_to_actors_they_speak_about(client):
    data = client.get("/api/network").json()
    edges = {(e["source"], e["target"]) for e in data["net"]["edges"]}
    assert ("annalena-baerbock", "RUS") in edges
    assert ("emmanuel-macron", "UKR") in edges
    page = client.get("/network")
    assert "<svg" in page.text and 'class="edge"' in page.text and "<th scope=\"col\">speaker</th>" in page.text
    only_2023 = client.get("/api/network", params={"since": "2023", "until": "2023"}).json()
    assert {e["source"] for e in only_2023["net"]["edges"]} <= {"olaf-scholz", "emmanuel-macron"}
    assert client.get("/api/network", params={"q": "Diplomatie"}).json()["net"]["documents"] == 1


# ----------------------------------------------------------------------- view functions


def test_segments_cover_the_text_exactly_once():
    text = "„Wir kommen“, sagte Stoltenberg in Brüssel."
    data = {
        "statements": [{"id": "st1", "kind": "direct", "message": {"start": 1, "end": 11, "text": "Wir kommen"},
                        "cue": {"start": 14, "end": 19, "text": "sagte"},
                        "speaker": {"name": "Jens Stoltenberg", "mention": {"start": 20, "end": 31, "text": "Stoltenberg"}}}],
        "entities": [{"start": 20, "end": 31, "text": "Stoltenberg", "label": "PER", "kb_id": "jens-stoltenberg"},
                     {"start": 35, "end": 42, "text": "Brüssel", "label": "GPE"}],
        "timexes": [{"start": 5, "end": 11, "text": "kommen", "type": "DATE", "value": "X"}],  # overlaps the message
    }
    pieces = segments(text, data)
    assert "".join(p.text for p in pieces) == text
    classes = {p.text: p.classes for p in pieces}
    assert classes["Wir "].split() == ["hl-message", "hl-kind-direct"]
    assert set(classes["kommen"].split()) == {"hl-message", "hl-kind-direct", "hl-timex"}
    assert set(classes["Stoltenberg"].split()) == {"hl-entity", "hl-ent-PER", "hl-speaker"}
    assert [p.refs for p in pieces if p.refs] == [["st1"]]


def test_article_view_copes_with_missing_and_broken_layers():
    view = article_view({"text": "Nur Text.", "statements": None, "entities": None, "dating": "?", "events": None})
    assert view["statements"] == [] and view["actors"] == [] and view["dating"] is None
    bad_span = {"text": "abc", "statements": [{"id": "st1", "kind": "direct", "message": {"start": 2, "end": 99, "text": "?"}, "speaker": {}}]}
    assert "".join(s.text for s in article_view(bad_span)["segments"]) == "abc"


def test_self_contained_article_page(pipeline, tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app

    source = tmp_path / "a.txt"
    source.write_text(HOSTILE_TEXT, encoding="utf-8")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(app, ["analyze", str(source), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<style>" in html and "Content-Security-Policy" in html
    assert not re.search(r"<(link|img|iframe|object|embed)\b|<[^>]*\ssrc=", html)  # nothing to fetch
    assert "<script" not in html and "&lt;script&gt;" in html
    assert 'class="hl-message' in html and "Max Mustermann" in html
    texts = ["„Wir kommen morgen“, sagte Anna Schmidt.", "„Wir bleiben hier“, sagte Ben Berger."]
    two = article_html([pipeline.analyze(text).to_dict() for text in texts])
    assert 'id="st1"' in two and 'id="a1-st1"' in two  # ids stay unique on one page


# --------------------------------------------------------------------------------- demo


def test_demo_store_is_built_from_the_bundled_article(tmp_path):
    from lagebild.web.demo import DEMO_ID, demo_store, demo_text

    assert demo_text() == (REPO / "examples" / "beispiel.txt").read_text(encoding="utf-8")
    db = demo_store(tmp_path)
    assert demo_store(tmp_path) == db  # built once
    client = TestClient(create_app(db))
    page = client.get(f"/article/{DEMO_ID}")
    assert page.status_code == 200 and "hl-message" in page.text and "Baerbock" in page.text


def test_serve_refuses_a_missing_store(tmp_path):
    from typer.testing import CliRunner

    from lagebild.cli import app
    from lagebild.cli.web import _is_loopback

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert _is_loopback("127.0.0.1") and _is_loopback("::1") and _is_loopback("localhost")
    assert not _is_loopback("0.0.0.0")


def test_actor_view_falls_back_to_names_without_actor_mentions():
    from lagebild.web.actors import Actor, actor_view

    text = "Scholz sagte, die Lage sei ernst. Merz sagte, Scholz habe versagt."
    analysis = {"text": text, "entities": [], "statements": [
        {"id": "st1", "kind": "indirect", "speaker": {"name": "Scholz", "entity": None},
         "message": {"start": 14, "end": 32, "text": text[14:32]}},
        {"id": "st2", "kind": "indirect", "speaker": {"name": "Merz", "entity": None},
         "message": {"start": 46, "end": 64, "text": text[46:64]}},
    ]}
    rows = [{"doc_id": "d", "date": "2024-02", "title": None, "analysis": json.dumps(analysis)}]
    scholz = Actor("olaf-scholz", "Olaf Scholz", "olaf-scholz", ["Olaf Scholz", "Scholz"])
    view = actor_view(scholz, rows, limit=10)
    assert [s["id"] for s in view["statements_made"]] == ["st1"]
    assert [s["id"] for s in view["statements_about"]] == ["st2"]
    assert [c["key"] for c in view["co_mentioned"]] == ["Merz"]


def test_timeline_buckets_by_month_or_year():
    from lagebild.web.actors import timeline

    months = timeline([{"date": d} for d in ("2024-01-03", "2024-03", "2024", None)])
    assert months["unit"] == "month" and months["undated"] == 1
    assert [(b["label"], b["count"]) for b in months["bars"]] == [("2024", 1), ("2024-01", 1), ("2024-02", 0), ("2024-03", 1)]
    years = timeline([{"date": d} for d in ("2019-05", "2024-01-02", "2024-06")])
    assert years["unit"] == "year"
    assert [(b["label"], b["count"]) for b in years["bars"]] == [("2019", 1), ("2020", 0), ("2021", 0), ("2022", 0), ("2023", 0), ("2024", 2)]
    tallest = max(years["bars"], key=lambda b: b["h"])
    assert tallest["label"] == "2024" and all(b["h"] == 0 for b in years["bars"][1:5])


def test_name_filters_scan_when_a_needle_matches_too_many_names(client, monkeypatch):
    from lagebild.web import queries

    asks = [{"scope": "statements", "speaker": "baerbock"}, {"actor": "scholz"}, {"scope": "statements", "actor": "RUS"}]
    listed = [client.get("/api/search", params=ask).json() for ask in asks]
    monkeypatch.setattr(queries, "MAX_NAMES", 0)
    scanned = [client.get("/api/search", params=ask).json() for ask in asks]
    assert scanned == listed
    assert all((r["n_statements"] if r["scope"] == "statements" else r["n_documents"]) > 0 for r in listed)
