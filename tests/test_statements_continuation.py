"""Precision of statements: sentences that only look like reported speech, and where a reported
part begins (sentences written for these tests)."""

from lagebild.lang import speech_lexicon
from lagebild.layers.mood import has_reported_subjunctive

INTRO = "Die Ministerin Eva Roth sagte am Montag, die Lage sei ernst. "


def messages(statements, text):
    return [s["message"]["text"] for s in statements(text)]


def test_possibility_after_a_gap_is_no_report(statements):
    text = INTRO + "Die Hilfe werde kommen. Die Stadt liegt am Fluss. Der Pegel könnte in den nächsten Tagen weiter steigen."
    assert messages(statements, text) == ["die Lage sei ernst", "Die Hilfe werde kommen"]


def test_possibility_right_after_a_statement_tells_on_the_forecast(statements):
    found = statements(INTRO + "Im nächsten Jahr könnte die Lage sich bessern.")
    assert found[-1]["message"]["text"] == "Im nächsten Jahr könnte die Lage sich bessern"
    assert found[-1]["speaker"]["name"] == "Eva Roth"


def test_konjunktiv_ii_plural_stays_a_report(statements):
    text = INTRO + "Die Hilfe werde kommen. Die Stadt liegt am Fluss. Die Helfer hätten keinen Zugang zu den Dörfern."
    assert messages(statements, text)[-1] == "Die Helfer hätten keinen Zugang zu den Dörfern"


def test_consequence_of_a_condition_is_no_report(statements):
    for sentence in (
        "Falls der Damm bricht, wäre die Altstadt überflutet.",
        "Im Falle eines Bruchs würden die Keller volllaufen.",
        "Hätte man früher gebaut, müssten die Bewohner nun nicht fliehen.",
    ):
        assert messages(statements, INTRO + sentence) == ["die Lage sei ernst"], sentence


def test_preterite_plural_is_no_konjunktiv(statements):
    assert messages(statements, INTRO + "Beide Mannschaften gingen früh in die Kabine.") == ["die Lage sei ernst"]


def test_noun_taken_for_a_verb_is_no_konjunktiv(statements):
    text = INTRO + "Der Bär zieht durch die Wälder, doch alle Versuche ihn einzufangen sind gescheitert."
    assert messages(statements, text) == ["die Lage sei ernst"]


def test_first_person_present_is_indicative():
    lex = speech_lexicon()
    from lagebild import default_pipeline

    doc = default_pipeline().analyze("Ich arbeite an einer Reihe aus Bildern, Filmen und Texten und plane ein Buch.").doc
    assert not has_reported_subjunctive(doc.tokens, lex, konj2=True)
    doc = default_pipeline().analyze("Ich male Bilder, und plane ein Buch.").doc
    assert not has_reported_subjunctive(doc.tokens, lex, konj2=True)
    doc = default_pipeline().analyze("Der Maler arbeite an einer Reihe aus Bildern und plane ein Buch.").doc
    assert has_reported_subjunctive(doc.tokens, lex, konj2=True)


def test_sollen_of_purpose_in_a_relative_clause_is_no_report(statements):
    text = INTRO + "Die Stadt baut neue Deiche, mit denen die Schäden verringert werden sollen."
    assert messages(statements, text) == ["die Lage sei ernst"]


def test_sollen_with_perfect_infinitive_in_a_relative_clause_reports(statements):
    text = INTRO + "Die Polizei fasste einen Mann, der den Damm beschädigt haben soll."
    assert messages(statements, text)[-1] == "der den Damm beschädigt haben soll"


def test_report_begins_after_an_indicative_main_clause(statements):
    text = INTRO + "Am Morgen hatte es zunächst geheißen, die Straße bleibe gesperrt."
    assert messages(statements, text)[-1] == "die Straße bleibe gesperrt"


def test_report_after_a_fronted_clause_keeps_the_whole_sentence(statements):
    text = INTRO + "Obwohl die Stadt neue Deiche baut, sei man von Sicherheit weit entfernt."
    assert messages(statements, text)[-1] == "Obwohl die Stadt neue Deiche baut, sei man von Sicherheit weit entfernt"


def test_main_clause_with_reportative_sollen_is_kept_whole(statements):
    text = INTRO + "Entlegene Dörfer sollen mit Booten erreicht werden, weil die Straßen überflutet sind."
    assert messages(statements, text)[-1] == "Entlegene Dörfer sollen mit Booten erreicht werden, weil die Straßen überflutet sind"


def test_writers_comment_after_the_message_is_left_out(statements):
    st = statements("Die Behörde warf dem Verein vor, Gelder aus dem Ausland zu erhalten, was bisher nicht bewiesen werden konnte.")[0]
    assert st["message"]["text"] == "Gelder aus dem Ausland zu erhalten"


def test_wh_complement_after_the_verb_stays_in_the_message(statements):
    found = statements(INTRO + "Er wisse auch nicht, was die Leute dazu gebracht hatte.")
    assert found[-1]["message"]["text"] == "Er wisse auch nicht, was die Leute dazu gebracht hatte"


def test_wie_clause_split_by_an_apposition_is_the_attribution(statements):
    st = statements("Der Tank stand unter hohem Druck, wie Hans Berg, Chef der Firma, mitteilte.")[0]
    assert st["message"]["text"] == "Der Tank stand unter hohem Druck"


def test_sollen_with_perfect_infinitive_reports_after_a_gap(statements):
    text = INTRO + "Die Stadt liegt am Fluss. Ein Mann soll den Damm beschädigt haben."
    found = statements(text)
    assert found[-1]["message"]["text"] == "Ein Mann soll den Damm beschädigt haben"
    assert found[-1]["speaker"]["name"] == "Eva Roth"


def test_so_with_an_example_is_no_source(statements):
    text = "Viele Gäste gratulierten dem Sieger, so auch der Bürgermeister der Stadt."
    assert statements(text) == []


def test_verb_of_saying_in_a_condition_attributes_nothing(statements):
    for text in (
        "Sollte sich der Verdacht bestätigen, droht dem Verein ein Punktabzug.",
        "Falls der Antrag angenommen wird, könnte die Seite wieder online gehen.",
    ):
        assert statements(text) == [], text


def test_naming_with_man_or_titles_says_nothing(statements):
    assert statements("Diesen Vorgang nennt man einen „Aktiensplit“.") == []
    assert statements("Zum Beispiel nennt der Hersteller die Modelle „Aurora“ und „Polaris“.") == []


def test_naming_with_a_judgement_stays_a_statement(statements):
    found = statements("Der Minister bezeichnete die Reform im „Tagesspiegel“ als „längst überfällig“.")
    assert len(found) == 1 and "längst überfällig" in found[0]["message"]["text"]


def test_typewriter_quotes_between_spaces_pair_up():
    from lagebild.nlp.quotes import find_quotes

    text = 'Er sagte :\n" Wir kommen wieder . "\nDas war alles .'
    quotes = find_quotes(text)
    assert [text[q.start : q.end].strip() for q in quotes] == ["Wir kommen wieder ."]
    assert find_quotes('Ein Zoll misst 2,54 cm , also 1 " .') == []


def test_any_verb_with_a_named_subject_after_konjunktiv_attributes(statements):
    st = statements("Die Ursache des Unglücks sei noch unklar, verlautbarte Peter Sharp in einer Mitteilung.")[0]
    assert st["message"]["text"] == "Die Ursache des Unglücks sei noch unklar"
    assert st["speaker"]["name"] == "Peter Sharp"


def test_nach_a_count_tells_when_not_who(statements):
    found = statements("Nach den ersten Auszählungen am Montag lag die Partei knapp vorn.")
    assert found == []
    found = statements("Nach Ermittlungen der Polizei war der Fahrer betrunken.")
    assert found and found[0]["speaker"]["mention"]["text"].endswith("der Polizei")


def test_participle_phrase_after_a_comma_attributes_nothing(statements):
    assert statements("Die Firma war ein alter Betrieb, hervorgegangen aus einer Werkstatt für Bleistifte.") == []


def test_name_with_inner_capital_is_no_verb(pipeline):
    doc = pipeline.analyze("Im Visier sind besonders WhatsApp, iMessage und Snapchat.").doc
    assert not has_reported_subjunctive(doc.tokens, speech_lexicon(), konj2=True)


def test_noun_with_a_relative_clause_after_its_preposition_is_no_message(statements):
    found = statements("Auch offizielle Statistiken, auf die im Bericht hingewiesen wird, bekräftigen die niedrige Quote.")
    assert not any(s["message"]["text"].startswith("Auch offizielle Statistiken") for s in found)
