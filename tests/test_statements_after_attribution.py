"""Precision of statements, round two: clauses that tell an act of their own, impersonal sources
further away, speakers without a name (sentences written for these tests)."""

INTRO = "Der Bürgermeister Karl Berger sagte am Dienstag, die Straße bleibe gesperrt. "


def speakers(statements, text):
    return [(s["message"]["text"], (s["speaker"] or {}).get("name")) for s in statements(text)]


def test_clause_announcing_its_own_act_is_no_after_attribution(statements):
    text = INTRO + "Die Anwohner hätten nichts zu befürchten. Mehrere Bürgerinitiativen haben ihren Protest angekündigt."
    assert speakers(statements, text)[-1] == ("Die Anwohner hätten nichts zu befürchten", "Karl Berger")


def test_pointing_back_clause_stays_an_after_attribution(statements):
    text = "Die Straße bleibe bis Freitag gesperrt. Das kündigte die Bürgermeisterin Eva Roth an."
    assert speakers(statements, text)[0][1] == "Eva Roth"


def test_document_fronted_far_before_heissen_is_the_source(statements):
    text = "In dem neuen Bericht der Kommission für Umwelt und Verkehr des Landes Bayern heißt es, die Kosten seien zu hoch."
    found = statements(text)
    assert found[0]["message"]["text"] == "die Kosten seien zu hoch"
    assert found[0]["speaker"]["name"] is not None


def test_place_fronted_before_heissen_is_no_source(statements):
    found = statements("In der Hauptstadt, wo am Montag gewählt wurde, heißt es, die Kosten seien zu hoch.")
    assert found[0]["speaker"]["name"] is None


def test_das_after_a_sentence_that_only_named_a_speaker_takes_that_sentence(statements):
    text = "Der Plan sieht den Bau von drei neuen Brücken vor. Dies bestätigte die Stadtverwaltung."
    assert speakers(statements, text) == [("Der Plan sieht den Bau von drei neuen Brücken vor", "die Stadtverwaltung")]


def test_unnamed_speaker_with_a_cue_goes_on_speaking():
    from lagebild.document import Span
    from lagebild.layers.speakers import Speaker
    from lagebild.layers.statements.finder import _Extractor
    from lagebild.layers.statements.model import Statement

    message, cue = Span.of("ab", 0, 1), Span.of("ab", 1, 2)
    assert _Extractor._goes_on_speaking(Statement("indirect", message, cue, Speaker(None, False), None, 0))
    assert not _Extractor._goes_on_speaking(Statement("indirect", message, None, Speaker(None, False), None, 0))
    assert not _Extractor._goes_on_speaking(Statement("indirect", message, cue, None, None, 0))


def test_particle_after_an_apposition_completes_the_cue(statements):
    found = statements("Am Freitag gab die Sprecherin der Stadtwerke, Maria Lenz, bekannt, dass das Netz erneuert werde.")
    assert found[0]["message"]["text"] == "das Netz erneuert werde"
    assert "bekannt" in found[0]["cue"]["text"]


def test_relative_clause_before_the_particle_is_no_apposition(statements):
    found = statements("Am Freitag wies der Verein, der die Halle betreibt, die Kritik zurück.")
    assert all("zurück" not in (s["cue"] or {}).get("text", "") for s in found)


def test_name_in_the_genitive_before_a_source_noun_is_a_nach_cue(statements):
    found = statements("Nach Lehmanns Angaben wurden drei Häuser beschädigt.")
    assert found[0]["message"]["text"] == "wurden drei Häuser beschädigt"
    assert found[0]["cue"]["text"] == "Nach Lehmanns Angaben"


def test_nach_before_a_holiday_is_no_cue(statements):
    assert statements("Nach Ostern beginnt die Saison am Hafen.") == []


def test_speaker_of_an_act_goes_on_in_the_konjunktiv_after_it(statements):
    text = "Unzufrieden zeigten sich die Delegierten mit der Lage der Pflege. Die Löhne seien seit Jahren zu niedrig."
    assert speakers(statements, text) == [("Die Löhne seien seit Jahren zu niedrig", "die Delegierten")]
