from __future__ import annotations

import pytest

from lagebild.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def statements(pipeline):
    """statements(text) -> the statement dicts in the sense of the news GUIDE (no `reported`)."""

    def run(text: str, date: str | None = None) -> list[dict]:
        found = pipeline.analyze(text, date=date).to_dict()["statements"]
        return [s for s in found if s["kind"] != "reported"]

    return run
