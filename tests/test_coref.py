"""Coreference clusters and the speaker entity taken from them."""

from __future__ import annotations

import pytest

from lagebild.layers.coref import Coreference
from lagebild.layers.entities import EntityRecognizer
from lagebild.layers.linking import SpeakerLinker
from lagebild.layers.statements import StatementFinder
from lagebild.nlp.morphology import Morphology
from lagebild.nlp.quotes import QuoteFinder
from lagebild.nlp.tokenize import Tokenizer
from lagebild.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline([Tokenizer(), Morphology(), QuoteFinder(), EntityRecognizer(), Coreference(), StatementFinder(), SpeakerLinker()])


def clusters(pipeline, text, date=None):
    doc = pipeline.analyze(text, date=date).doc
    return doc, {c.name: [s.text for s in c.mentions] for c in doc.layers["clusters"]}


def test_one_cluster_per_entity_with_mentions_in_order(pipeline):
    doc, found = clusters(pipeline, "Jens Stoltenberg warnte Russland. Russlands Regierung schwieg, doch Stoltenberg blieb dabei.")
    assert found["Jens Stoltenberg"] == ["Jens Stoltenberg", "Stoltenberg"]
    assert found["Russland"] == ["Russland", "Russlands"]
    for mention in doc.layers["entities"]:
        cluster = doc.layers["clusters"][mention.cluster]
        assert cluster.kb_id == mention.kb_id
    assert set(doc.layers["clusters"][0].to_json()) == {"id", "label", "kb_id", "name", "mentions"}


def test_pronouns_follow_gender(pipeline):
    text = "Angela Merkel traf Joe Biden. Er lobte sie. Sie dankte ihm."
    _, found = clusters(pipeline, text)
    assert found["Angela Merkel"] == ["Angela Merkel", "sie", "Sie"]
    assert found["Joe Biden"] == ["Joe Biden", "Er", "ihm"]


def test_plural_sie_without_a_woman_stays_out(pipeline):
    _, found = clusters(pipeline, "Jens Stoltenberg warnte die Staaten. Sie müssten mehr tun.")
    assert found["Jens Stoltenberg"] == ["Jens Stoltenberg"]


def test_nominal_references_by_nationality_and_office(pipeline):
    text = "Jens Stoltenberg sprach in Brüssel. Der Norweger warnte Moskau. Der Nato-Chef blieb hart."
    _, found = clusters(pipeline, text)
    assert found["Jens Stoltenberg"] == ["Jens Stoltenberg", "Der Norweger", "Der Nato-Chef"]
    # with a date, the entity layer links the title itself to the office holder then
    _, found = clusters(pipeline, text, date="2021-06-14")
    assert found["Jens Stoltenberg"] == ["Jens Stoltenberg", "Der Norweger", "Nato-Chef"]


def test_nominal_reference_needs_a_fitting_person(pipeline):
    _, found = clusters(pipeline, "Angela Merkel sprach in Berlin. Der Norweger schwieg.")
    assert found["Angela Merkel"] == ["Angela Merkel"]


def test_nominal_reference_to_a_role_the_text_gave(pipeline):
    text = "Sprecher Hans Meier äußerte sich am Abend. Der Sprecher nannte keine Details."
    _, found = clusters(pipeline, text)
    assert found["Hans Meier"] == ["Sprecher", "Hans Meier", "Der Sprecher"]


def test_title_role_joins_the_cluster(pipeline):
    _, found = clusters(pipeline, "Kreml-Chef Wladimir Putin drohte dem Westen.")
    assert found["Wladimir Putin"] == ["Kreml-Chef", "Wladimir Putin"]


def test_speaker_entity_from_pronoun_cluster(pipeline):
    text = "Jens Stoltenberg besuchte Vilnius. „Wir stehen zusammen“, sagte er."
    statements = pipeline.analyze(text, date="2021-06-14").doc.layers["statements"]
    assert [(s.speaker.name, s.entity) for s in statements] == [("Jens Stoltenberg", "jens-stoltenberg")]


def test_speaker_entity_from_title(pipeline):
    text = "„Wir werden antworten“, sagte der Kreml-Chef."
    statements = pipeline.analyze(text, date="2021-06-14").doc.layers["statements"]
    assert [s.entity for s in statements] == ["wladimir-putin"]


def test_unlinked_speaker_keeps_no_entity(pipeline):
    statements = pipeline.analyze("„Das ist falsch“, sagte Erika Musterfrau.").doc.layers["statements"]
    assert [s.entity for s in statements] == [None]
