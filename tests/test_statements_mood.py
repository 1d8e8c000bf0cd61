"""Mood misreadings in statements: indicative sentences and the writer's own Konjunktiv II taken for
reported speech; quotations without a verb before their cue (sentences written for these tests)."""

INTRO = "Der Minister sagte am Montag, die Lage sei ernst. "


def messages(statements, text):
    return [s["message"]["text"] for s in statements(text)]


def test_particle_after_a_finite_verb_is_no_konjunktiv(statements):
    assert statements("Die Opposition stellte den Nutzen des Gesetzes infrage.") == []
    assert messages(statements, INTRO + "Die Opposition stellte den Nutzen des Gesetzes infrage.") == ["die Lage sei ernst"]


def test_konjunktiv_after_a_conjunction_still_reports(statements):
    assert messages(statements, "Der Minister sagte, die Lage sei ernst und er habe keine Zeit.") == ["die Lage sei ernst und er habe keine Zeit"]


def test_konjunktiv2_in_relative_clause_under_indicative_is_the_writers(statements):
    text = INTRO + "Auch mit der FDP erreicht die CDU nicht die Zahl von Sitzen, die für eine Regierung ausreichen würde."
    assert messages(statements, text) == ["die Lage sei ernst"]


def test_konjunktiv2_in_adverbial_clause_under_indicative_is_the_writers(statements):
    text = INTRO + "Damit tritt die Kandidatin das Amt an, auch wenn sich ihr Vorsprung noch verkleinern könnte."
    assert messages(statements, text) == ["die Lage sei ernst"]


def test_konjunktiv2_in_dass_clause_under_a_report_still_reports(statements):
    text = INTRO + "Man wisse, dass die Hilfe bald kommen würde."
    assert messages(statements, text)[-1] == "Man wisse, dass die Hilfe bald kommen würde"


def test_question_quoted_before_its_cue_without_comma(statements):
    found = statements("Auf der Seite stand nur eine Frage. „Wer sind wir?“ schrieben die Hacker in ihrer Nachricht.")
    assert [(s["message"]["text"], s["cue"]["text"], s["speaker"]["name"]) for s in found] == [("Wer sind wir?", "schrieben", "die Hacker")]


def test_konjunktiv2_under_a_main_clause_that_speaks_still_reports(statements):
    text = INTRO + "Die Verbände erwarten keine schnelle Entscheidung, weil die Abgeordneten keinen Antrag gestellt hätten."
    assert messages(statements, text)[-1].endswith("keinen Antrag gestellt hätten")


def test_quotation_cut_out_between_two_verbs_keeps_the_konjunktiv(pipeline):
    from lagebild.layers.mood import _after_finite_verb

    doc = pipeline.analyze("Der Trainer zeigte sich „sehr zufrieden, wie das Spiel gelaufen“ sei.").doc
    outside = [t for t in doc.tokens if t.text in ("Der", "Trainer", "zeigte", "sich", "sei")]
    assert not _after_finite_verb(outside, len(outside) - 1)
    plain = pipeline.analyze("Die Opposition stellte den Nutzen infrage.").doc.tokens[:-1]
    assert _after_finite_verb(plain, len(plain) - 1)


def test_bei_einem_names_the_case_of_a_konjunktiv2(statements):
    text = INTRO + "Bei einem Sieg der Gäste müssten die Gastgeber fünf Tore mehr erzielen."
    assert messages(statements, text) == ["die Lage sei ernst"]
    assert messages(statements, INTRO + "Die Gastgeber müssten nun fünf Tore mehr erzielen.")[-1] == "Die Gastgeber müssten nun fünf Tore mehr erzielen"
