"""Who speaks when the subject is set off by commas, agrees with the verb,
is shared by coordinated verbs, or is a surname with an institution's ending; which words name a
continued speaker (sentences written for these tests)."""


def speakers(statements, text):
    """(message, speaker name, speaker mention) of each statement."""
    rows = []
    for statement in statements(text):
        speaker = statement["speaker"] or {}
        mention = speaker.get("mention") or {}
        rows.append((statement["message"]["text"], speaker.get("name"), mention.get("text")))
    return rows


def test_surname_with_an_institution_ending_names_a_person(statements):
    """`Jung` ends like `Regierung`, `Papier` like an office paper: the entity layer knows them
    as people, so the narration's person speaks on."""
    text = (
        "Der Botschafter Peter Kanz sagte, er sei zufrieden. "
        "Der deutsche Verteidigungsminister Franz Josef Jung nannte im Radio drei Bedingungen. "
        "So müsse das Parlament zustimmen."
    )
    assert speakers(statements, text)[-1][1] == "Franz Josef Jung"


def test_apposition_names_the_subject_when_its_phrase_is_no_plain_noun_phrase(statements):
    text = (
        "Der Abgeordnete Karl Bertram sagte, er sei zufrieden. "
        "Die Sprecherin von Bündnis 90 / Die Grünen, Anja Wendtland, kritisierte die Pläne der Regierung. "
        "Die Mittel seien völlig unzureichend."
    )
    last = speakers(statements, text)[-1]
    assert last[0] == "Die Mittel seien völlig unzureichend"
    assert last[1] == "Anja Wendtland"


def test_name_right_after_the_verb_still_is_its_subject_after_an_insertion(statements):
    text = "Gespräche, aber sofort, fordert Hubert Brandl. Er sagte, man müsse jetzt verhandeln."
    assert speakers(statements, text)[-1][1] == "Hubert Brandl"


def test_plural_verb_does_not_take_a_single_person_after_it_as_subject(statements):
    text = "Einige Abgeordnete aus dem Landtag haben Ministerpräsident Ulrich Hansen in einem Brief geschrieben, dass die Schulen mehr Geld bräuchten."
    found = speakers(statements, text)
    assert found[0][2].startswith("Einige Abgeordnete")


def test_plural_verb_does_not_take_a_dative_after_it_as_subject(statements):
    text = "Politiker aus der Opposition haben der Ministerin vorgeworfen, die Zahlen verschwiegen zu haben."
    assert speakers(statements, text)[0][2] == "Politiker aus der Opposition"


def test_verb_after_a_main_clause_comma_shares_its_subject(statements):
    text = "Der Bürgermeister kam am Morgen nach Bonn, traf die Abgeordneten und sagte, die Lage sei ernst."
    assert speakers(statements, text)[0][1:] == ("Der Bürgermeister", "Der Bürgermeister")


def test_verb_after_a_subordinate_clause_keeps_its_own_subject(statements):
    text = "Als ein Helfer herbeieilte, stieß der Mann ihn weg und rief: „Lasst mich in Ruhe!“"
    assert speakers(statements, text)[0][2] == "der Mann"


def test_verb_of_a_relative_clause_is_not_the_sentence_verb(statements):
    text = (
        "Der Angeklagte Boris Lenz schwieg. "
        "Die Gutachterin, die als wichtige Zeugin gilt, will ihre Arbeit beenden:\n"
        "„Mehr kann ich hier nicht tun.“"
    )
    assert speakers(statements, text)[-1][2] == "Die Gutachterin"


def test_role_noun_before_the_verb_is_the_subject_not_the_medium_after_it(statements):
    text = "Ein Sprecher des Übergangsrates sagte Radio Bremen, man habe erst am Montag davon erfahren."
    assert speakers(statements, text)[0][2] == "Ein Sprecher des Übergangsrates"


def test_continued_speaker_is_named_by_a_name_rather_than_a_pronoun_between(statements):
    """A pronoun's antecedent is guessed (`Er` here is the find); the name is sure."""
    text = (
        "Als großen Erfolg bezeichnet der Forscher Mario Quintana den Fund. "
        "Er wurde am letzten Tag der Grabung gemacht. "
        "Bei anderen Funden sei die Datierung oft ungenau."
    )
    assert speakers(statements, text)[-1][2] == "der Forscher Mario Quintana"


def test_subject_of_a_passive_holds_no_report_after_it(statements):
    text = (
        "Nach Angaben der Polizei kam der Bus von der Straße ab. "
        "Acht Reisende wurden verletzt, die Verletzten seien Touristen aus Bayern."
    )
    assert speakers(statements, text)[-1][1:] == ("der Polizei", "Angaben der Polizei")


def test_report_in_a_coordinated_main_clause_has_its_own_subject(statements):
    text = (
        "Der Minister Paul Renner trat am Montag zurück. Er nannte private Gründe. "
        "Seine Frau ist schwer erkrankt, und er wolle sie nun pflegen."
    )
    assert speakers(statements, text)[-1][1] == "Paul Renner"


def test_possessive_before_a_matter_is_no_source_phrase(statements):
    """`seiner Meinung nach` names a source; `Seine Zuversicht` names a matter, so the quotation
    after it goes on with the speaker named before."""
    text = (
        "In einem Interview äußerte sich der Kommissar Olaf Brandt zuversichtlich:\n"
        "„Wir werden uns einigen.“\n"
        "Seine Zuversicht gründet sich auf frühere Erfahrungen:\n"
        "„Solche Entscheidungen fallen immer erst in letzter Minute.“"
    )
    assert speakers(statements, text)[-1][2] == "der Kommissar Olaf Brandt"


def test_passive_demand_without_agent_takes_no_earlier_statement(statements):
    """`Außerdem wurde mehr Jugendarbeit gefordert`: what was demanded is no speaker of the
    Konjunktiv before it."""
    text = (
        "Vertreter aller Parteien warnten vor den Gefahren des Extremismus. "
        "Diese Gefahr dürfe nicht verharmlost werden. "
        "Außerdem wurde eine bessere Jugendarbeit gefordert."
    )
    found = [s for s in speakers(statements, text) if s[0].startswith("Diese Gefahr")]
    assert found and found[0][1] == "Vertreter aller Parteien"
