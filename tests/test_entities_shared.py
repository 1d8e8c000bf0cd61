"""The reference article d000 of ../shared (skipped where the shared data is missing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lagebild.layers.coref import Coreference
from lagebild.layers.entities import EntityRecognizer
from lagebild.nlp.morphology import Morphology
from lagebild.nlp.quotes import QuoteFinder
from lagebild.nlp.tokenize import Tokenizer
from lagebild.pipeline import Pipeline

DEV = Path(__file__).resolve().parents[2] / "shared" / "data" / "news-statements" / "dev.jsonl"

pytestmark = pytest.mark.skipif(not DEV.exists(), reason="../shared/data is not available")

ACTORS = {"jens-stoltenberg", "wladimir-putin", "alexander-lukaschenko", "angela-merkel", "joe-biden",
          "nato", "eu", "un", "RUS", "BLR", "CHN", "LTU", "LVA", "POL", "welt-am-sonntag", "cdu"}


@pytest.fixture(scope="module")
def d000():
    record = next(json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] == "d000")
    pipeline = Pipeline([Tokenizer(), Morphology(), QuoteFinder(), EntityRecognizer(), Coreference()])
    return pipeline.analyze(record["text"], id="d000").doc


def test_every_actor_found_and_linked(d000):
    assert {m.kb_id for m in d000.layers["entities"]} >= ACTORS


def test_kreml_chef_is_putin(d000):
    clusters = d000.layers["clusters"]
    putin = next(c for c in clusters if c.kb_id == "wladimir-putin")
    assert "Kreml-Chef" in [s.text for s in putin.mentions]


def test_minsk_and_moskau_are_the_governments(d000):
    text = d000.text
    start = text.index("Minsk und Moskau")
    found = {m.text: m for m in d000.layers["entities"] if start <= m.start < start + 16}
    assert (found["Minsk"].kb_id, found["Minsk"].label, found["Minsk"].role) == ("BLR", "GPE", "Regierung")
    assert (found["Moskau"].kb_id, found["Moskau"].label, found["Moskau"].role) == ("RUS", "GPE", "Regierung")


def test_stoltenberg_cluster_holds_his_pronoun(d000):
    stoltenberg = next(c for c in d000.layers["clusters"] if c.kb_id == "jens-stoltenberg")
    texts = [s.text for s in stoltenberg.mentions]
    assert texts.count("Stoltenberg") >= 5 and "er" in texts
