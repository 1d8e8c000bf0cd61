"""Actors are linked again at the date the content gives when the stated date is judged wrong."""

TEXT = (
    "Der Bundeskanzler sprach am Abend. Bundeskanzlerin Angela Merkel (CDU) und US-Präsident Joe Biden "
    "nehmen am Gipfel teil. Die Präsidentschaftswahl in Belarus im vergangenen Jahr sei gefälscht gewesen."
)


def kb_of(analysis, text):
    return next(e["kb_id"] for e in analysis["entities"] if e["text"] == text)


def test_title_is_linked_at_the_estimated_date_when_the_header_is_wrong(pipeline):
    analysis = pipeline.analyze(" date 2025-07 " + TEXT).to_dict()
    assert analysis["dating"]["consistent"] is False
    assert kb_of(analysis, "Bundeskanzler") == "angela-merkel"


def test_title_is_linked_at_the_stated_date_when_it_holds(pipeline):
    analysis = pipeline.analyze("Der Bundeskanzler sprach am Abend über den Haushalt.", date="2023-05-02").to_dict()
    assert kb_of(analysis, "Bundeskanzler") == "olaf-scholz"
