from __future__ import annotations

import pytest

from lagebild.layers.entities import EntityRecognizer, Mention
from lagebild.nlp.morphology import Morphology
from lagebild.nlp.quotes import QuoteFinder
from lagebild.nlp.tokenize import Tokenizer
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


@pytest.fixture(scope="session")
def entities():
    """entities(text, date=None) -> the entity mentions of the entity layer alone."""
    pipeline = Pipeline([Tokenizer(), Morphology(), QuoteFinder(), EntityRecognizer()])

    def run(text: str, date: str | None = None) -> list[Mention]:
        return pipeline.analyze(text, date=date).doc.layers["entities"]

    return run
