"""Templates (Jinja2, autoescaped) and the self-contained article page.

The server and `lagebild analyze --format html` render the same article template; the file
version inlines the stylesheet and carries a Content-Security-Policy that allows no script
and no network access at all.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import jinja2

from lagebild import __version__
from lagebild.web.article import article_view

SAFE_SCHEMES = ("http", "https")


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("lagebild.web", "templates"),
        autoescape=True,  # every {{ value }} is HTML-escaped, whatever the template name
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(version=__version__, root="", standalone=False, json_url=None)
    return env


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return resources.files("lagebild.web").joinpath("static/style.css").read_text(encoding="utf-8")


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


def safe_url(url: Any) -> str | None:
    """The URL when it is a plain http(s) address, else None (shown as text, never linked)."""
    if not isinstance(url, str) or any(ch.isspace() or ord(ch) < 32 for ch in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in SAFE_SCHEMES and parts.netloc else None


def article_context(data: dict[str, Any], meta: dict[str, Any] | None = None, prefix: str = "") -> dict[str, Any]:
    """The article template's view; `prefix` keeps element ids apart when a page shows several."""
    view = article_view(data, meta)
    view["safe_url"] = safe_url(view.get("url"))
    view["p"] = prefix
    return view


def article_html(analyses: dict[str, Any] | list[dict[str, Any]]) -> str:
    """Analyses (Analysis.to_dict()) as one self-contained HTML page: no script, no requests."""
    if isinstance(analyses, dict):
        analyses = [analyses]
    articles = [article_context(data, prefix=f"a{n}-" if n else "") for n, data in enumerate(analyses)]
    return render("article.html", articles=articles, nav="article", standalone=True, css=stylesheet())
