"""The versioned JSON Schema of an analysis, and validation against it."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).with_name("analysis.schema.json")


@lru_cache(maxsize=1)
def analysis_schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate(analysis: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when `analysis` does not follow the schema."""
    import jsonschema

    jsonschema.validate(analysis, analysis_schema())
