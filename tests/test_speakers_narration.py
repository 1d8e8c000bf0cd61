"""Speakers, round three: the holder of a report after a main clause, Saxon genitive sources,
prepositional phrases before a relative clause (sentences written for these tests)."""


def speakers(statements, text):
    return [(s["message"]["text"], (s["speaker"] or {}).get("name")) for s in statements(text)]


def test_relative_clause_on_the_subject_is_no_report_of_the_subject(statements):
    text = "Der Anschlag geschah am Montag, sagte die Polizei. Als verdächtig gelten zwei Männer, die nach der Tat geflohen sein sollen."
    assert speakers(statements, text)[-1] == ("die nach der Tat geflohen sein sollen", "die Polizei")


def test_reason_after_a_main_clause_stays_with_its_subject(statements):
    text = "Die Polizei sagte, die Straße sei gesperrt. Die Gewerkschaften lehnen den Plan ab, weil er zu teuer sei."
    assert speakers(statements, text)[-1][1] == "Die Gewerkschaften"


def test_saxon_genitive_before_a_source_noun_names_the_speaker(statements):
    text = "Der Brand brach am Montag aus. Nach Lehmanns Angaben sei das Feuer inzwischen gelöscht."
    found = statements(text)
    assert found[-1]["message"]["text"] == "sei das Feuer inzwischen gelöscht"
    assert found[-1]["speaker"]["name"] == "Lehmann"


def test_saxon_genitive_resolves_to_the_full_name(statements):
    text = "Die Ministerin Petra Lehmann besuchte den Ort. Nach Lehmanns Angaben sei das Feuer inzwischen gelöscht."
    assert statements(text)[-1]["speaker"]["name"] == "Petra Lehmann"


def test_surname_after_a_first_name_in_s_stays_part_of_the_name(statements):
    assert statements("Thomas Koch sagte, das Feuer sei gelöscht.")[0]["speaker"]["name"] == "Thomas Koch"


def test_prepositional_phrase_before_a_relative_clause_is_no_subject(statements):
    text = "Im Entwurf des Gutachtens, der am Montag bekannt wurde, heißt es, die Kosten seien zu hoch."
    found = statements(text)
    assert found[0]["message"]["text"] == "die Kosten seien zu hoch"
    assert "Gutachtens" in (found[0]["speaker"]["name"] or "")


def test_noun_phrase_before_a_relative_clause_is_the_subject(statements):
    text = "Der Minister, der gestern zurückgetreten war, sagte, er sei unschuldig."
    assert speakers(statements, text) == [("er sei unschuldig", "Der Minister")]


def test_named_subject_of_the_narration_before_takes_over_the_konjunktiv(statements):
    text = "Der Streit begann im Mai, sagte ein Polizist. Staatspräsident Georgi Parwanow ist besorgt. Der Konflikt sei nicht ethnisch motiviert."
    assert speakers(statements, text)[-1] == ("Der Konflikt sei nicht ethnisch motiviert", "Georgi Parwanow")


def test_unnamed_subject_of_the_narration_does_not_take_over(statements):
    text = "Der Streit begann im Mai, sagte ein Polizist. Viele Anwohner sind besorgt. Der Konflikt sei nicht ethnisch motiviert."
    assert speakers(statements, text)[-1] == ("Der Konflikt sei nicht ethnisch motiviert", "ein Polizist")


def test_narrated_person_goes_on_speaking_in_the_next_konjunktiv(statements):
    text = (
        "Der Streit begann im Mai, sagte ein Polizist. Staatspräsident Georgi Parwanow ist besorgt. "
        "Der Konflikt sei nicht ethnisch motiviert. Er dürfe den Wahlkampf nicht bestimmen."
    )
    assert speakers(statements, text)[-1][1] == "Georgi Parwanow"


def test_name_in_the_apposition_of_the_narrated_subject_takes_over(statements):
    text = (
        "Die Lehrer protestierten, erklärte der Verband. Am Rande einer Sitzung nahm auch der Ministerpräsident "
        "des Landes, Christian Wulff, zu der Frage Stellung. Jeder Lehrer könne das Konto später einlösen."
    )
    assert speakers(statements, text)[-1] == ("Jeder Lehrer könne das Konto später einlösen", "Christian Wulff")
