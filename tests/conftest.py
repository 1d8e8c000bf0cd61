from __future__ import annotations

import pytest

from lagebild.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def statements(pipeline):
    """statements(text) -> list of statement dicts."""

    def run(text: str, date: str | None = None) -> list[dict]:
        return pipeline.analyze(text, date=date).to_dict()["statements"]

    return run
