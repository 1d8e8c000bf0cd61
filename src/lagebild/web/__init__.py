"""The web interface: browse a corpus store, read articles with their statements and actors
highlighted (docs/web.md).

    from lagebild.web import create_app, article_html
    app = create_app("corpus.db")          # an ASGI app; `lagebild serve` runs it with uvicorn
    html = article_html(analysis.to_dict())   # one article as a self-contained page
"""

from __future__ import annotations

from lagebild.web.render import article_html


def create_app(db, **kwargs):
    """The ASGI app over a corpus store (imports FastAPI only when asked for)."""
    from lagebild.web.app import create_app as create

    return create(db, **kwargs)


__all__ = ["article_html", "create_app"]
