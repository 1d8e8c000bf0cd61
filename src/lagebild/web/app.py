"""The ASGI app: server-rendered pages over a corpus store, each with a JSON twin.

Every page answers HTML, or JSON with `?format=json`; the same handlers answer under
`/api/…` with JSON only, and those are what `/openapi.json` describes. The store is opened
read-only per request. Requests are small by construction: GET only, bounded parameters,
no body, bounded result sizes.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote, urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from lagebild import __version__
from lagebild.web import queries
from lagebild.web.actors import (
    CHART_H,
    CHART_PAD,
    CHART_W,
    actor_view,
    kb_facts,
    network_view,
    resolve_actor,
)
from lagebild.web.queries import MARK_END, MARK_START, Filters
from lagebild.web.render import article_context, render

MAX_TEXT_PARAM = 200  # characters of a search field
MAX_URL = 4096  # characters of path + query
MAX_BODY = 1024  # bytes a request may declare; no endpoint reads a body
PER_PAGE_MAX = 100
MAX_PAGE = 1000
ACTOR_DOCUMENTS = 2000  # most recent documents scanned for an actor page
NETWORK_DOCUMENTS = 2000
SHOWN_STATEMENTS = 200

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self' data:; "
                                 b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]

Format = Literal["html", "json"]
TextParam = Annotated[str, Query(max_length=MAX_TEXT_PARAM)]
DateParam = Annotated[str, Query(max_length=10, description="YYYY, YYYY-MM or YYYY-MM-DD")]


class Guard:
    """ASGI middleware: refuse over-long URLs and request bodies; add security headers."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        refusal = self._refusal(scope)
        if refusal:
            response = JSONResponse({"detail": refusal[1]}, status_code=refusal[0])
            return await response(scope, receive, self._with_headers(send))
        return await self.app(scope, receive, self._with_headers(send))

    @staticmethod
    def _refusal(scope) -> tuple[int, str] | None:
        headers = dict(scope.get("headers") or [])
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"") > MAX_URL:
            return 414, "URI too long"
        length = headers.get(b"content-length", b"0").strip() or b"0"
        if not length.isdigit():
            return 400, "bad Content-Length"
        if b"transfer-encoding" in headers or int(length) > MAX_BODY:
            return 413, "request body too large"
        return None

    @staticmethod
    def _with_headers(send):
        async def wrapped(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        return wrapped


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _wants_json(request: Request) -> bool:
    return _is_api(request) or request.query_params.get("format") == "json"


def _url(path: str, **params: Any) -> str:
    kept = {k: v for k, v in params.items() if v not in ("", None)}
    return path + ("?" + urlencode(kept) if kept else "")


def _json_url(request: Request) -> str:
    params = dict(request.query_params) | {"format": "json"}
    return _url(request.url.path, **params)


def _connection(request: Request) -> Iterator[sqlite3.Connection]:
    conn = queries.connect_readonly(request.app.state.db_path)
    try:
        yield conn
    finally:
        conn.close()


Conn = Annotated[sqlite3.Connection, Depends(_connection)]


def create_app(db: str | Path, *, kb: Any = None) -> FastAPI:
    """The web app over the store at `db` (opened read-only on every request)."""
    db_path = Path(db).resolve()
    queries.connect_readonly(db_path).close()  # fail now, not on the first request
    app = FastAPI(
        title="lagebild",
        version=__version__,
        description="Who said what, who did what, actors and time in German news: a corpus store, browsed.",
        docs_url=None,  # the interactive docs load scripts from a CDN; this server makes no such calls
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db_path = db_path
    app.add_middleware(Guard)
    app.mount("/static", StaticFiles(packages=[("lagebild.web", "static")]), name="static")

    @lru_cache(maxsize=1)
    def knowledge_base():
        if kb is not None:
            return kb
        from lagebild.kb import load_kb

        return load_kb()

    def respond(request: Request, template: str, data: dict[str, Any], status: int = 200, **html: Any) -> Response:
        if _wants_json(request):
            return JSONResponse(data, status_code=status)
        page = render(template, **data, **html, json_url=_json_url(request))
        return HTMLResponse(page, status_code=status)

    # ------------------------------------------------------------------------ errors

    def error_page(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        heading = {400: "Bad request", 404: "Not found", 422: "Bad request"}.get(status, "Error")
        return HTMLResponse(render("error.html", status=status, heading=heading, message=message), status_code=status)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())[1:])}: {e.get('msg')}" for e in exc.errors())
        return error_page(request, 422, problems or "invalid request")

    # ------------------------------------------------------------------------ search

    def search(
        request: Request, conn: Conn, q: TextParam = "", speaker: TextParam = "", actor: TextParam = "",
        kind: Annotated[str, Query(max_length=30, description="statement kind: direct, indirect, mixed, …")] = "",
        since: DateParam = "", until: DateParam = "",
        scope: Literal["articles", "statements"] = "articles",
        page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
        per_page: Annotated[int, Query(ge=1, le=PER_PAGE_MAX)] = 20,
        format: Format = "html",
    ) -> Response:
        """Full-text search over articles and statements, with filters, counts and paging."""
        error, status = None, 200
        try:
            f = Filters(q=q, speaker=speaker, actor=actor, kind=kind, since=since, until=until)
        except ValueError as exc:
            error, status, f = str(exc), 400, Filters()
        offset = (page - 1) * per_page
        n_docs, documents = queries.search_documents(conn, f, per_page if scope == "articles" else 0, offset)
        n_statements, statements = queries.search_statements(conn, f, per_page if scope == "statements" else 0, offset)
        total = n_docs if scope == "articles" else n_statements
        pages = max(1, math.ceil(total / per_page))
        params = f.as_dict() | {"scope": scope, "per_page": per_page if per_page != 20 else ""}
        data = {
            "filters": f.as_dict(), "scope": scope, "page": page, "per_page": per_page, "error": error,
            "n_documents": n_docs, "n_statements": n_statements,
            "documents": [d | {"snippet": _plain_snippet(d["snippet"])} for d in documents],
            "statements": statements,
        }
        if _wants_json(request):
            return JSONResponse(data, status_code=status)
        html = {
            "nav": "search", "f": f, "offset": offset, "max_len": MAX_TEXT_PARAM,
            "hits": [d | {"snippet_parts": _snippet_parts(d["snippet"])} for d in documents],
            "kinds": queries.statement_kinds(conn), "counts": queries.store_counts(conn),
            "articles_url": _url("/search", **(params | {"scope": "articles"})),
            "statements_url": _url("/search", **(params | {"scope": "statements"})),
            "network_url": _url("/network", q=f.q, since=f.since, until=f.until),
            "paging": {
                "page": page, "pages": pages,
                "prev_url": _url("/search", **params, page=page - 1) if page > 1 else None,
                "next_url": _url("/search", **params, page=page + 1) if page < pages else None,
            },
        }
        return respond(request, "search.html", data, status, **html)

    app.add_api_route("/", search, methods=["GET"], include_in_schema=False)
    app.add_api_route("/search", search, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/search", search, methods=["GET"], summary="Search articles and statements")

    # ----------------------------------------------------------------------- article

    def article(request: Request, conn: Conn, doc_id: Annotated[str, PathParam(max_length=300)], format: Format = "html") -> Response:
        """One article: its analysis, with statements, actors, time expressions, dating, events."""
        row = queries.get_document(conn, doc_id)
        if row is None:
            raise HTTPException(404, f"no article with id {doc_id!r} in this store")
        try:
            analysis = json.loads(row["analysis"])
        except ValueError:
            analysis = {"text": row["text"], "stated_date": row["stated_date"]}
        meta = {"doc_id": row["doc_id"], "title": row["title"], "url": row["url"], "source": row["source"], "date": row["date"]}
        if _wants_json(request):
            return JSONResponse(meta | {"stated_date": row["stated_date"], "analysis": analysis})
        view = article_context(analysis, meta)
        return respond(request, "article.html", {}, nav="article", articles=[view])

    app.add_api_route("/article/{doc_id}", article, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/article/{doc_id}", article, methods=["GET"], summary="One article with its analysis")

    # ------------------------------------------------------------------------- actor

    def actor_page(request: Request, conn: Conn, key: Annotated[str, PathParam(max_length=MAX_TEXT_PARAM)], format: Format = "html") -> Response:
        """An actor: knowledge-base facts, statements by it over time and about it, co-mentioned actors."""
        kb = knowledge_base()
        actor, suggestions = resolve_actor(kb, key)
        if actor.entry is None and len(suggestions) == 1 and suggestions[0]["name"].casefold() == key.casefold():
            return RedirectResponse(_url(f"/{'api/' if _is_api(request) else ''}actor/{quote(suggestions[0]['key'], safe='')}", format=format if format == "json" else ""), status_code=307)
        rows = queries.actor_documents(conn, actor.kb_id, actor.names, ACTOR_DOCUMENTS + 1)
        if actor.entry is None and not rows:
            raise HTTPException(404, f"no actor {key!r} in the knowledge base or in this store")
        view = actor_view(actor, rows[:ACTOR_DOCUMENTS], SHOWN_STATEMENTS, kb)
        view["timeline"]["max"] = max((b["count"] for b in view["timeline"]["bars"]), default=0)
        data = {
            "actor": {"key": actor.key, "name": actor.name, "kb_id": actor.kb_id},
            "kb": kb_facts(kb, actor.entry), "suggestions": suggestions,
            "truncated": len(rows) > ACTOR_DOCUMENTS, **view,
        }
        chart = {"w": CHART_W, "h": CHART_H, "pad": CHART_PAD}
        return respond(request, "actor.html", data, nav="actor", chart=chart)

    app.add_api_route("/actor/{key:path}", actor_page, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/actor/{key:path}", actor_page, methods=["GET"], summary="An actor: KB facts, statements by and about it")

    # ----------------------------------------------------------------------- network

    def network(
        request: Request, conn: Conn, q: TextParam = "", since: DateParam = "", until: DateParam = "",
        nodes: Annotated[int, Query(ge=2, le=60, description="most speakers and most actors shown")] = 25,
        format: Format = "html",
    ) -> Response:
        """Speakers and the actors they speak about, in articles matching a query and date range."""
        error, status = None, 200
        try:
            f = Filters(q=q, since=since, until=until)
        except ValueError as exc:
            error, status, f = str(exc), 400, Filters()
        rows = queries.documents_in_range(conn, f.q, f.since, f.until, NETWORK_DOCUMENTS + 1)
        net = network_view(rows[:NETWORK_DOCUMENTS], nodes, knowledge_base())
        data = {"filters": f.as_dict(), "error": error, "truncated": len(rows) > NETWORK_DOCUMENTS, "net": net}
        return respond(request, "network.html", data, status, nav="network", f=f, max_len=MAX_TEXT_PARAM)

    app.add_api_route("/network", network, methods=["GET"], include_in_schema=False)
    app.add_api_route("/api/network", network, methods=["GET"], summary="Who speaks about whom")

    # --------------------------------------------------------------------------- misc

    @app.get("/api/stats", summary="Rows in the store")
    def stats(conn: Conn) -> dict[str, Any]:
        return {"lagebild_version": __version__, "store": db_path.name, "counts": queries.store_counts(conn)}

    @app.get("/api", include_in_schema=False)
    def api_page(request: Request) -> Response:
        endpoints = [
            {"path": path, "summary": next(iter(ops.values())).get("summary", ""),
             "params": [p["name"] for p in next(iter(ops.values())).get("parameters", [])]}
            for path, ops in app.openapi()["paths"].items()
        ]
        return HTMLResponse(render("api.html", endpoints=endpoints, nav="api"))

    return app


def _snippet_parts(snippet: str | None) -> list[tuple[str, bool]]:
    """A snippet with match marks as (text, is_match) pieces, for the template to escape."""
    parts: list[tuple[str, bool]] = []
    for chunk in (snippet or "").split(MARK_START):
        hit, _, rest = chunk.partition(MARK_END) if MARK_END in chunk else ("", "", chunk)
        if hit:
            parts.append((hit, True))
        if rest:
            parts.append((rest, False))
    return parts


def _plain_snippet(snippet: str | None) -> str:
    return (snippet or "").replace(MARK_START, "[").replace(MARK_END, "]")
