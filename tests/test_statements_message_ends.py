"""Where a message ends and what is no message: narration coordinated after a cue, adverbial
clauses at the end of a sentence, quoted judgements followed by `und` + verb (sentences written
for these tests)."""


def _messages(pipeline, text):
    """Every message text, speech acts told without content (`reported`) included."""
    return [s["message"]["text"] for s in pipeline.analyze(text).to_dict()["statements"]]


def test_predicate_coordinated_after_the_cue_clause_is_narration(pipeline):
    text = "Der Minister wollte die Vorwürfe sofort zurückweisen, hielt sich dann aber zurück."
    assert "hielt sich dann aber zurück" not in _messages(pipeline, text)


def test_predicate_coordinated_after_a_confirmation_is_narration(pipeline):
    text = "Die Sprecherin bestätigte den Unfall, wurde dann aber vom Dienst freigestellt."
    assert "wurde dann aber vom Dienst freigestellt" not in _messages(pipeline, text)


def test_konjunktiv_after_the_comma_is_still_the_message(statements):
    found = statements("Der Sprecher sagte am Montag, sei der Vertrag unterschrieben, beginne der Bau.")
    assert found and "beginne der Bau" in found[-1]["message"]["text"]


def test_adverbial_clause_closing_the_sentence_is_no_message(pipeline):
    text = "Die Feuerwehr fand den Fahrer im Wagen, als er die Tür öffnen wollte."
    assert "als er die Tür öffnen wollte" not in _messages(pipeline, text)


def test_dass_clause_opening_with_an_adverbial_stays_a_message(statements):
    found = statements("Die Polizei berichtete, dass während des Spiels Fans Steine warfen.")
    assert [s["message"]["text"] for s in found] == ["während des Spiels Fans Steine warfen"]


def test_quoted_judgement_ends_before_the_next_predicate(statements):
    found = statements("Die Ärztin nannte den Plan „fahrlässig“ und verwies auf eine Studie der Universität.")
    assert [s["message"]["text"] for s in found] == ["den Plan „fahrlässig“"]


def test_report_ends_before_an_attribution_that_names_no_speaker(pipeline):
    text = "Der Staat habe kapituliert, wir nicht, zitiert die Zeitung aus der Erklärung der Gruppe."
    assert _messages(pipeline, text) == ["Der Staat habe kapituliert, wir nicht"]


def test_reported_clause_ends_before_the_main_verb_of_the_narration(pipeline):
    text = "Die von ihm geäußerte Hoffnung, sein Leben werde sich wenden, schien sich nicht zu erfüllen."
    messages = _messages(pipeline, text)
    assert messages and all("schien" not in m for m in messages)


def test_main_clause_in_the_preterite_after_the_cue_is_narration(pipeline):
    text = "Die Behörden gehen von einem Anschlag aus, ein Verfahren wurde bereits eingeleitet."
    assert "ein Verfahren wurde bereits eingeleitet" not in _messages(pipeline, text)


def test_report_in_the_present_indicative_after_the_comma_stays(statements):
    found = statements("Der Sprecher sagte am Montag, die Lage ist ernst.")
    assert [s["message"]["text"] for s in found] == ["die Lage ist ernst"]
