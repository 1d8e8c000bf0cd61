"""Speaker names, round two: nobiliary particles before foreign surnames, places inside an
institution's name, relative determiners, quoted organisation names, and subordinate clauses
whose cue speaks (or does not) for the clause after them. Sentences written for these tests."""


def only(statements):
    assert len(statements) == 1, statements
    return statements[0]


def test_particle_before_a_foreign_surname_stays_in_the_name(statements):
    st = only(statements("Am Freitag hat der Bundesinnenminister Thomas de Maizière ( CDU ) bekanntgegeben , dass die Bombe eine Attrappe gewesen sei ."))
    assert st["speaker"]["name"] == "Thomas de Maizière"


def test_place_after_an_institution_noun_is_part_of_its_name(statements):
    st = only(statements("Die Brandursache ist nach Angaben der Bundespolizeidirektion Wien unklar."))
    assert st["speaker"]["name"] == "der Bundespolizeidirektion Wien"


def test_relative_determiner_refers_to_the_noun_before_it(statements):
    text = "Der Polizist Peter Kern sprach mit dem Mann. Die Tasche des Mannes, die nach dessen Angaben eine Bombe enthalten sollte, war leer."
    st = only(statements(text))
    assert st["speaker"]["name"] == "des Mannes"
    st = only(statements("Peter Kern traf die Ärztin, nach deren Angaben das Kind gesund sei."))
    assert st["speaker"]["name"] == "die Ärztin"


def test_relative_determiner_after_a_name_gives_the_name(statements):
    st = only(statements("Peter Kern traf den Bürgermeister Hans Roth, nach dessen Angaben die Brücke gesperrt sei."))
    assert st["speaker"]["name"] == "Hans Roth"


def test_quoted_organisation_name_with_a_verb_is_part_of_the_speaker(statements):
    st = only(statements("Der Verein „Aktion Deutschland hilft“ erklärte, die Spenden seien gestiegen."))
    assert st["speaker"]["mention"]["text"] == "Der Verein „Aktion Deutschland hilft“"
    assert st["message"]["text"] == "die Spenden seien gestiegen"
    st = only(statements("Die Spenden seien gestiegen, teilte das Bündnis „Aktion Deutschland hilft“ mit."))
    assert st["speaker"]["mention"]["text"] == "das Bündnis „Aktion Deutschland hilft“"


def test_quoted_words_after_a_role_noun_are_no_name(statements):
    st = only(statements("Der Minister sagte, die Reform sei „ein großer Schritt“ für das Land."))
    assert st["speaker"]["name"] == "Der Minister"
    assert st["kind"] == "mixed"


def test_cue_of_a_waehrend_clause_speaks_for_no_main_clause(statements):
    found = statements("Während Politiker den Besuch begrüßten, sieht die Reformbewegung den Papst vor einer schwierigen Mission.")
    assert not any("sieht" in s["message"]["text"] or "begrüßten" in s["message"]["text"] for s in found)


def test_waehrend_before_a_noun_is_a_preposition(statements):
    st = only(statements("Während der Sitzung sagte der Minister, die Lage sei ernst."))
    assert (st["speaker"]["name"], st["message"]["text"]) == ("der Minister", "die Lage sei ernst")


def test_subordinate_cue_clause_before_a_konjunktiv_clause(statements):
    st = only(statements("Nachdem der Minister erklärt hatte, er trete zurück, brach Jubel aus."))
    assert (st["speaker"]["name"], st["message"]["text"]) == ("der Minister", "er trete zurück")
    st = only(statements("Als Kern sagte, er habe Angst, lachten alle."))
    assert st["message"]["text"] == "er habe Angst"


def test_pronoun_agrees_with_the_gender_of_the_name(statements):
    found = statements("Olaf Scholz traf Angela Merkel. Sie sagte, die Lage sei ernst. Er sagte, er sei froh.")
    assert [s["speaker"]["name"] for s in found] == ["Angela Merkel", "Olaf Scholz"]


def test_er_after_the_verb_is_the_subject_of_a_fronted_object(statements):
    st = only(statements("Olaf Scholz traf Angela Merkel. Den Plan der Regierung kritisierte er scharf: „Er ist zu teuer.“"))
    assert (st["speaker"]["mention"]["text"], st["speaker"]["name"]) == ("er", "Olaf Scholz")


def test_indefinite_pronoun_speaks(statements):
    st = only(statements("Einige vertreten die Auffassung, die Welt befinde sich in der Endzeit."))
    assert st["speaker"]["name"] == "Einige"


def test_role_description_before_a_colon_introduces_a_quotation(statements):
    st = only(statements("Ein Beamter der Nationalpolizei: „Hier weiß jeder, wer die Täter sind.“"))
    assert st["speaker"]["mention"]["text"] == "Ein Beamter der Nationalpolizei"
    assert statements("Das Ergebnis: „Alles bleibt, wie es ist.“") == []


def test_nach_denen_after_a_source_noun_attributes_the_relative_clause(statements):
    st = only(statements("Der Sprecher verwies auf Studien der Universität, nach denen das Mittel wirksam sei."))
    assert st["message"]["text"] == "das Mittel wirksam sei"
    assert statements("Das sind die Regeln, nach denen gespielt wird.") == []


def test_sentence_opening_deren_angaben_points_into_the_sentence_before(statements):
    st = only(statements("Die Forscher haben eine Studie veröffentlicht. Nach deren Angaben sollten täglich Speisen mit Vitamin E auf den Teller kommen."))
    assert st["speaker"]["mention"]["text"] == "deren Angaben"
    assert st["speaker"]["name"] == "eine Studie"


def test_laut_in_a_second_main_clause_attributes_only_that_clause(statements):
    st = only(statements("Die Mutter soll davon gewusst haben, diese Taten seien aber laut der Staatsanwältin schon verjährt."))
    assert st["message"]["text"].startswith("diese Taten seien aber")


def test_criticism_told_as_an_event_carries_its_speaker_to_what_follows(pipeline):
    text = "Die Kommission übt in ihrem Bericht scharfe Kritik an der Regierung des Landes. Die Entwicklungen seien unvereinbar mit dem Beitrittswunsch."
    found = pipeline.analyze(text).to_dict()["statements"]
    assert [(s["kind"], s["speaker"]["name"]) for s in found] == [("indirect", "Die Kommission")]


def test_first_person_present_is_no_konjunktiv(statements):
    st = only(statements("Ich glaube, dass alle Fraktionen sich damit befassen müssen."))
    assert (st["speaker"]["mention"]["text"], st["cue"]["text"]) == ("Ich", "glaube")
    st = only(statements("Angesichts dieser Entwicklung sage ich, dass die Frist nicht zu halten ist."))
    assert st["speaker"]["mention"]["text"] == "ich"
    st = only(statements("Er sagte, sie glaube, dass alles gut werde."))
    assert st["speaker"]["mention"]["text"] == "Er"


def test_knowing_holds_a_view_but_an_open_question_is_none(statements):
    st = only(statements("Wir wissen, dass die Lage ernst ist."))
    assert st["message"]["text"] == "die Lage ernst ist"
    assert statements("Die Polizei weiß noch nicht, wer der Täter ist.") == []


def test_subordinate_cue_clause_before_a_colon(statements):
    st = only(statements("Das wollen Sie verhindern, indem Sie sagen: Die Arbeitsplätze sollen bleiben."))
    assert (st["speaker"]["mention"]["text"], st["message"]["text"]) == ("Sie", "Die Arbeitsplätze sollen bleiben")


def test_sentence_after_a_colon_introduction_is_said_even_without_quotation_marks(statements):
    st = only(statements("Ich sage es hier ganz deutlich:\nAlte Kohlekraftwerke gefährden die Versorgung."))
    assert (st["speaker"]["mention"]["text"], st["cue"]["text"], st["message"]["text"]) == ("Ich", "sage", "Alte Kohlekraftwerke gefährden die Versorgung")


def test_participial_attribute_with_an_object_before_the_name(statements):
    st = only(statements("Die das Unglück überlebende Alice Kakamara beschrieb den Hergang: „Die See war wirklich rau.“"))
    assert st["speaker"]["name"] == "Alice Kakamara"


def test_a_linked_speaker_takes_the_fullest_name_the_text_gives(statements):
    found = statements("Außenministerin Annalena Baerbock reiste nach Kiew. „Wir stehen an Ihrer Seite“, sagte Baerbock.",
                       date="2024-03-12")
    assert [s["speaker"]["name"] for s in found] == ["Annalena Baerbock"]
    assert found[0]["speaker"]["mention"]["text"] == "Baerbock"  # the words that name her here
