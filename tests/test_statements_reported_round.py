"""Reported acts: `drohen` as a threat made versus what lies ahead."""

import pytest

import lagebild


@pytest.fixture(scope="module")
def statements():
    pipeline = lagebild.default_pipeline()
    return lambda text: pipeline.analyze(text).to_dict()["statements"]


def test_what_lies_ahead_is_no_threat(statements):
    for text in (
        "Dem früheren Bürgermeister droht nun eine lange Haftstrafe.",
        "Nach dem Urteil drohen dem Verein hohe Geldstrafen.",
    ):
        assert [s for s in statements(text) if s["kind"] == "reported"] == [], text


def test_a_threat_with_its_means_is_reported(statements):
    found = statements("Die Regierung drohte den Nachbarländern mit harten Sanktionen.")
    assert [s["kind"] for s in found] == ["reported"]
    assert "Sanktionen" in found[0]["message"]["text"]
