"""The web interface in a real browser: Debian's headless Chromium driven by playwright.

Search, open an article, see its statements highlighted and attributed, open the speaker's
actor page, and save a screenshot of each step to tests/artifacts/ (ignored by git). A
hostile article must show its markup as text and run no script. Skipped when chromium or
playwright is not installed (`.ci/run` installs chromium; never `playwright install`).
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
if CHROMIUM is None:
    pytest.skip("chromium is not installed (apt-get install -y chromium); browser tests skipped", allow_module_level=True)
playwright_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed (pip install -e '.[dev]')")
uvicorn = pytest.importorskip("uvicorn")

from lagebild.store import ingest  # noqa: E402
from lagebild.web import create_app  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
ARTIFACTS = REPO / "tests" / "artifacts"
REFERENCE = REPO.parent / "shared" / "data" / "news-statements" / "dev.jsonl"
BROWSER_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
HOSTILE = {
    "id": "hostile", "title": "<script>window.__xss = 3</script>Feindlich", "url": "javascript:window.__xss = 4",
    "text": ("Ein Test <script>window.__xss = 1</script> mit <img src=x onerror=\"window.__xss = 2\"> "
             "und &amp; &lt;b&gt;. „<b>Fett</b> ist das nicht“, sagte Max Mustermann."),
}


def _reference_article() -> tuple[dict, str, str]:
    """(record, word to search, expected speaker): d000 when the shared data is there, else the
    bundled example article."""
    if REFERENCE.exists():
        with REFERENCE.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("id") == "d000":
                    return {"id": "d000", "text": record["text"], "title": "d000 — Stoltenberg warnt"}, "Ostflanke", "Stoltenberg"
    text = (REPO / "examples" / "beispiel.txt").read_text(encoding="utf-8")
    return {"id": "beispiel", "text": text, "title": "Beispiel"}, "Feuerpause", "Baerbock"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("e2e")
    record, word, speaker = _reference_article()
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (record, HOSTILE)), encoding="utf-8")
    db = folder / "corpus.db"
    assert ingest([str(source)], db, progress=False).ingested == 2
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "record": record, "word": word, "speaker": speaker}
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright_api.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=BROWSER_ARGS,
            viewport={"width": 1280, "height": 900},
        )
        yield context
        context.close()


def _shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    return path


def test_search_article_and_actor_as_a_reader_would(site, browser):
    page = browser.new_page()
    page.goto(site["url"] + "/")
    page.keyboard.press("Tab")  # the first stop is the skip link
    assert page.evaluate("document.activeElement.className") == "skip-link"

    page.fill("#q", site["word"])
    page.press("#q", "Enter")
    page.wait_for_url("**/search?*")
    result = page.locator("ol.results li h3 a").first
    assert site["record"]["id"] in result.get_attribute("href")
    _shot(page, "web-search.png")

    result.click()
    page.wait_for_url(f"**/article/{site['record']['id']}")
    messages = page.locator(".article-text .hl-message")
    assert messages.count() > 0
    assert page.locator(".article-text .hl-cue").count() > 0
    speakers = page.locator(".article-text .hl-speaker").all_inner_texts()
    assert any(site["speaker"] in s for s in speakers)
    rows = page.locator("table.statements tbody tr")
    assert rows.count() > 0
    attributed = [rows.nth(i).locator("td.speaker").inner_text() for i in range(rows.count())]
    assert sum(site["speaker"] in who for who in attributed) >= 2
    # the highlight is not colour alone: a message carries an underline, a cue a double one
    assert "underline" in page.locator(".article-text .hl-message").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert page.locator(".article-text .hl-cue").first.evaluate("e => getComputedStyle(e).textDecorationStyle") == "double"
    assert page.locator("section.legend li").count() >= 5
    _shot(page, "web-article.png")

    page.locator("td.speaker a", has_text=site["speaker"]).first.click()
    page.wait_for_url("**/actor/**")
    assert site["speaker"] in page.locator("h1").inner_text()
    assert page.locator("text=Statements made over time").count() == 1
    assert page.locator("svg rect.bar").count() >= 1
    shot = _shot(page, "web-actor.png")
    assert shot.stat().st_size > 10_000


def test_hostile_article_runs_no_script(site, browser):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(site["url"] + "/article/hostile")
    text = page.locator(".article-text").inner_text()
    assert "<script>window.__xss = 1</script>" in text and '<img src=x onerror="window.__xss = 2">' in text
    assert "&amp; &lt;b&gt;" in text and "<b>Fett</b>" in text
    assert "<script>window.__xss = 3</script>Feindlich" in page.locator("h1").inner_text()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator(".article-text script, .article-text img, .article-text b").count() == 0
    assert page.locator('a[href^="javascript:"]').count() == 0
    page.goto(site["url"] + "/search?q=Test")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    _shot(page, "web-hostile-search.png")


def test_network_page_draws_speakers_and_actors(site, browser):
    page = browser.new_page()
    page.goto(site["url"] + "/network")
    assert page.locator("h1").inner_text() == "Who speaks about whom"
    if page.locator("svg line.edge").count():
        assert page.locator("svg circle.node-speaker").count() >= 1
        _shot(page, "web-network.png")
    else:
        assert "No speaker speaks about another actor" in page.locator("main").inner_text()
