"""Analysis: the serialisable result of the pipeline over one document."""

from __future__ import annotations

import json
from typing import Any

from lagebild import __version__
from lagebild.document import Document

SCHEMA_VERSION = "1.1"


class Analysis:
    def __init__(self, doc: Document):
        self.doc = doc

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def id(self) -> str | None:
        return self.doc.id

    @property
    def statements(self) -> list:
        return self.doc.layers.get("statements", [])

    def to_dict(self) -> dict[str, Any]:
        doc = self.doc
        return {
            "schema_version": SCHEMA_VERSION,
            "lagebild_version": __version__,
            "id": doc.id,
            "text": doc.text,
            "stated_date": doc.stated_date,
            "header": doc.header.to_json() if doc.header else None,
            "meta": doc.meta,
            "sentences": [doc.span(s.start, s.end).to_json() for s in doc.sentences],
            "statements": [s.to_json(n) for n, s in enumerate(self.statements, 1)],
            "entities": [e.to_json() for e in doc.layers.get("entities", [])],
            "clusters": [c.to_json() for c in doc.layers.get("clusters", [])],
            "timexes": [t.to_json() for t in doc.layers.get("timexes", [])],
            "dating": doc.layers["dating"].to_json() if doc.layers.get("dating") else None,
            "events": [e.to_json() for e in doc.layers.get("events", [])],
        }

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
