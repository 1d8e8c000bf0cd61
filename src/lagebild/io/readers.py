"""Input records from plain text, `.txt` files, HTML pages, directories, JSON Lines and stdin.

A record that cannot be read becomes a `ReadError` naming file and line; the rest go on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_TEXT_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
HTML_SUFFIXES = {".html", ".htm"}


@dataclass
class Record:
    text: str
    origin: str  # "file:line" or "file"
    id: str | None = None
    date: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadError:
    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


def read_inputs(paths: list[str]) -> Iterator[Record | ReadError]:
    for raw in paths:
        if raw == "-":
            yield from _read_stream(sys.stdin.buffer.read(), "<stdin>")
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES):
                yield from _read_file(child)
        elif path.is_file():
            yield from _read_file(path)
        else:
            yield ReadError(str(path), "no such file or directory")


def _read_file(path: Path) -> Iterator[Record | ReadError]:
    try:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES and path.suffix.lower() not in JSONL_SUFFIXES:
            yield ReadError(str(path), f"file too large ({size} bytes; limit {MAX_TEXT_BYTES})")
            return
        if path.suffix.lower() in JSONL_SUFFIXES:
            with path.open("rb") as handle:
                yield from _read_jsonl(handle, str(path))
            return
        data = path.read_bytes()
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        yield _html_record(data, str(path), default_id=path.stem)
    else:
        yield _text_record(data, str(path), default_id=path.stem)


def _read_stream(data: bytes, origin: str) -> Iterator[Record | ReadError]:
    start = data.lstrip()[:15].lower()
    if start[:1] == b"{":
        yield from _read_jsonl(data.splitlines(keepends=True), origin)
    elif start.startswith((b"<!doctype html", b"<html")):
        yield _html_record(data, origin, default_id=None)
    else:
        yield _text_record(data, origin, default_id=None)


def _html_record(data: bytes, origin: str, default_id: str | None) -> Record | ReadError:
    """The main text of an HTML page (trafilatura), with its title, date, URL and site."""
    import trafilatura

    if b"\x00" in data[:4096]:
        return ReadError(origin, "binary data, not HTML")
    try:
        page = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as error:  # a page the extractor chokes on must not stop the run
        return ReadError(origin, f"HTML extraction failed: {type(error).__name__}: {error}")
    text = getattr(page, "text", None) if page is not None else None
    if not text or not text.strip():
        return ReadError(origin, "no main text found in the HTML page")
    meta = {
        "title": getattr(page, "title", None),
        "url": getattr(page, "url", None),
        "source": getattr(page, "sitename", None) or getattr(page, "hostname", None),
    }
    return Record(
        text=text,
        origin=origin,
        id=default_id,
        date=_html_date(getattr(page, "date", None)),
        meta={key: value for key, value in meta.items() if isinstance(value, str) and value},
    )


def _html_date(value: object) -> str | None:
    """YYYY-MM-DD from the page metadata, or None when it has no usable date."""
    if isinstance(value, str) and len(value) >= 10 and value[4] == "-" and value[7] == "-":
        return value[:10]
    return None


def _text_record(data: bytes, origin: str, default_id: str | None) -> Record | ReadError:
    text = _decode(data)
    if isinstance(text, ReadError):
        return ReadError(origin, text.message)
    if not text.strip():
        return ReadError(origin, "empty text")
    return Record(text=text, origin=origin, id=default_id)


def _decode(data: bytes) -> str | ReadError:
    if b"\x00" in data[:4096]:
        return ReadError("", "binary data, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        return ReadError("", f"invalid UTF-8 at byte {error.start}")


def _read_jsonl(lines, origin: str) -> Iterator[Record | ReadError]:
    for number, raw in enumerate(lines, 1):
        where = f"{origin}:{number}"
        if not raw.strip():
            continue
        text = _decode(raw)
        if isinstance(text, ReadError):
            yield ReadError(where, text.message)
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as error:
            yield ReadError(where, f"malformed JSON: {error.msg} (column {error.colno})")
            continue
        yield _record_from_object(obj, where)


def _record_from_object(obj: Any, where: str) -> Record | ReadError:
    if not isinstance(obj, dict):
        return ReadError(where, "a JSON object with a \"text\" field was expected")
    text = obj.get("text")
    if not isinstance(text, str):
        return ReadError(where, "missing or non-string \"text\" field")
    if not text.strip():
        return ReadError(where, "empty text")
    date = obj.get("date")
    if date is not None and not isinstance(date, str):
        return ReadError(where, "\"date\" must be a string YYYY[-MM[-DD]]")
    record_id = obj.get("id")
    meta = {k: obj[k] for k in ("url", "source", "title") if isinstance(obj.get(k), str)}
    return Record(text=text, origin=where, id=None if record_id is None else str(record_id), date=date or None, meta=meta)
