"""`lagebild serve`: the web interface over a corpus store (lagebild.web; docs/web.md)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from lagebild.cli.common import app, err


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve(
    db: Annotated[Path | None, typer.Option("--db", envvar="LAGEBILD_DB", help="The corpus store (SQLite file); without it, a demo store of the bundled example article.")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; only this machine can connect to the default.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Browse a corpus store in the web browser: search, articles, actors, network."""
    import uvicorn

    from lagebild.web import create_app
    from lagebild.web.demo import demo_store

    if db is None:
        db = demo_store()
        err.print(f"no --db given: serving the demo store {escape(str(db))}")
    elif not db.is_file():
        err.print(f"[red]error[/red] no corpus store at {escape(str(db))} (run lagebild ingest first)")
        raise typer.Exit(2)
    if not _is_loopback(host):
        err.print(f"[yellow]warning[/yellow] listening on {escape(host)}: other machines can read this corpus")
    web_app = create_app(db)
    err.print(f"lagebild web on http://{escape(host)}:{port}/  (read-only: {escape(db.name)}; Ctrl+C stops)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", limit_concurrency=64, h11_max_incomplete_event_size=16 * 1024)
