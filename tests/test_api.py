import json

import lagebild
from lagebild.schema import analysis_schema, validate


def test_analyze_api_reads_naturally():
    analysis = lagebild.analyze("„Wir kommen“, sagte Stoltenberg.", date="2021-06-14", id="x1")
    data = analysis.to_dict()
    assert data["id"] == "x1" and data["stated_date"] == "2021-06-14"
    assert data["schema_version"] == analysis_schema()["properties"]["schema_version"]["const"]
    validate(data)
    assert json.loads(analysis.to_json())["statements"] == data["statements"]


def test_pipeline_reuses_models_for_many_texts():
    pipeline = lagebild.Pipeline()
    results = list(pipeline.pipe([{"text": "Er sagte, es sei spät.", "id": "a"}, {"text": "Nichts.", "id": "b"}]))
    assert [r.id for r in results] == ["a", "b"]
    assert [len(r.statements) for r in results] == [1, 0]
    assert results[0].to_dict()["statements"] == lagebild.analyze("Er sagte, es sei spät.", id="a").to_dict()["statements"]
