"""Who speaks and how far: errors found on news texts written for the held-out view."""

import lagebild

PIPELINE = lagebild.default_pipeline()


def _statements(text: str) -> list[tuple[str | None, str]]:
    statements = PIPELINE.analyze(text).to_dict()["statements"]
    return [((s.get("speaker") or {}).get("name"), s["message"]["text"]) for s in statements]


def _speaker_of(text: str, message: str) -> str | None:
    return next(speaker for speaker, said in _statements(text) if said == message)


def test_a_masculine_description_is_not_the_woman_who_spoke_before():
    text = (
        "Wirtschaftsminister Jonas Pohl lehnte neue Schulden ab. "
        "Die Grünen-Chefin Maria Kessler warnte, die Schulen würden verfallen. "
        "Das Land brauche mehr Geld, betonte sie. "
        "Man werde nicht nachgeben, sagte der CDU-Politiker."
    )
    assert _speaker_of(text, "Das Land brauche mehr Geld") == "Maria Kessler"
    assert _speaker_of(text, "Man werde nicht nachgeben") == "Jonas Pohl"


def test_a_medium_quoting_a_titled_person_gives_the_person():
    text = "Die Zeitung zitierte Staatssekretär Erik Lorenz mit den Worten: „Das Geld ist knapp.“"
    assert _speaker_of(text, "Das Geld ist knapp.") == "Erik Lorenz"


def test_a_body_named_by_a_collective_noun_is_not_the_person_before():
    text = "Ein Sprecher der Stadt wollte sich nicht äußern. Die Opposition verlangte, der Bürgermeister müsse zurücktreten."
    assert _speaker_of(text, "der Bürgermeister müsse zurücktreten") == "Die Opposition"


def test_a_plural_description_is_not_the_person_named_after_it():
    text = "Das Mittel wirke schnell, berichten die Forscher. Projektleiter Paul Weiß warnte vor zu großen Hoffnungen."
    assert _speaker_of(text, "Das Mittel wirke schnell") == "die Forscher"


def test_a_description_is_not_a_person_named_later_with_another_role():
    text = "„Wir haben verdient verloren“, sagte der Trainer. Torwart Felix Brandt hatte zweimal gepatzt."
    assert _speaker_of(text, "Wir haben verdient verloren") == "der Trainer"


def test_konjunktiv_ii_after_narration_of_another_actor_is_the_writers():
    text = (
        "Die Managerin Lea Vogt sagte, der Markt sei gesättigt. "
        "Die Firma beschäftigt 300 Menschen. "
        "Ohne die Krise hätte sie mehr verdient."
    )
    messages = [message for _, message in _statements(text)]
    assert messages == ["der Markt sei gesättigt"]


def test_konjunktiv_ii_right_after_a_statement_still_reports():
    text = "Der Händler Tom Wirth sagte, die Preise seien gestiegen. Ohne die Steuer wären sie stabil geblieben."
    assert _speaker_of(text, "Ohne die Steuer wären sie stabil geblieben") == "Tom Wirth"


def test_sollen_with_a_perfect_passive_infinitive_still_reports():
    text = "Ein Polizeisprecher sagte, der Fahrer sei geflohen. Zwei Fußgänger sollen verletzt worden sein."
    assert _speaker_of(text, "Zwei Fußgänger sollen verletzt worden sein") == "Ein Polizeisprecher"


def test_dessen_before_a_title_and_name_gives_the_name():
    text = "Der Elternverband begrüßte die Pläne grundsätzlich. Dessen Vorsitzender Karl Ohm mahnte aber, die Wartung sei ungeklärt."
    assert _speaker_of(text, "die Wartung sei ungeklärt") == "Karl Ohm"


def test_sie_refers_back_to_a_group_that_spoke_not_to_a_man_named_before():
    text = (
        "Minister Karl Busch verteidigte die Reform. Die Ärzteverbände hatten zuvor mehr Geld gefordert. "
        "In einem Brief schreiben sie, die Praxen seien überlastet."
    )
    assert _speaker_of(text, "die Praxen seien überlastet") == "Die Ärzteverbände"


def test_the_head_of_a_description_comes_before_its_prepositional_attribute():
    text = "Der Gesandte Olaf Fink forderte Hilfe. Die Verwaltung in Kairo bestritt, sie halte Lieferungen zurück."
    assert _speaker_of(text, "sie halte Lieferungen zurück") == "Die Verwaltung in Kairo"


def test_a_description_takes_up_the_person_the_text_named_so_before():
    text = (
        "Die Klägerin hatte ihre Nachbarin verklagt. Ihr Anwalt erklärte, der Lärm sei unerträglich. "
        "Die Nachbarin sagte, sie habe nie laut gefeiert."
    )
    assert _speaker_of(text, "sie habe nie laut gefeiert") == "Die Nachbarin"


def test_a_reply_does_not_claim_the_konjunktiv_of_the_speaker_before():
    text = (
        "Bürgermeister Uwe Frey sagte, das Krankenhaus bleibe offen. Die Schließung sei vom Tisch. "
        "Die Kassen widersprachen sofort. Die Klinik schreibe rote Zahlen, erklärten sie."
    )
    assert _speaker_of(text, "Die Schließung sei vom Tisch") == "Uwe Frey"


def test_an_attribution_that_points_back_still_claims_the_sentence_before():
    text = "Bürgermeister Uwe Frey sagte, die Klinik sei sicher. Sie bleibe offen. Das bestätigte auch Landrätin Eva Kunz."
    assert _speaker_of(text, "Sie bleibe offen") == "Eva Kunz"


def test_a_body_before_its_own_name_is_not_the_person_before():
    text = "Eine Sprecherin des Flughafens sagte, alle Flüge fielen aus. Die Vereinigung Kabine hatte die Crews zum Streik aufgerufen."
    assert _speaker_of(text, "Die Vereinigung Kabine hatte die Crews zum Streik aufgerufen") == "Die Vereinigung Kabine"


def test_a_role_sharing_the_post_of_a_person_named_later_is_that_person():
    text = "Der Bahn-Personalchef nennt die Forderung „maßlos“. Bahn-Personalvorstand Kurt Weiler lehnte Gespräche ab."
    assert _statements(text)[0][0] == "Kurt Weiler"


def test_deren_before_a_title_after_the_verb_gives_the_name():
    text = "Auch aus der FDP kam Widerspruch. Das Gesetz sei teuer, sagte deren finanzpolitische Sprecherin Ida Wolf."
    assert _speaker_of(text, "Das Gesetz sei teuer") == "Ida Wolf"


def test_a_surname_the_tagger_reads_as_a_verb_is_part_of_the_name():
    text = "Der Ort sei gut gewählt, sagte der Bischof Joachim Wanke."
    assert _speaker_of(text, "Der Ort sei gut gewählt") == "Joachim Wanke"


def test_an_article_das_is_no_pointing_word_claiming_the_sentence_before():
    text = (
        "Bürgermeisterin Vera Linde sagte, der Plan sei gut. Er spare Geld. "
        "Das Landesamt verteidigte den Entwurf ebenfalls."
    )
    assert _speaker_of(text, "Er spare Geld") == "Vera Linde"


def _mention_of(text: str, message: str) -> str | None:
    for s in PIPELINE.analyze(text).to_dict()["statements"]:
        if s["message"]["text"] == message:
            return ((s.get("speaker") or {}).get("mention") or {}).get("text")
    raise AssertionError(message)


def test_the_mention_ends_before_the_medium_told():
    text = "„Ich bleibe im Amt“, sagte Paula Horn der „Rheinischen Post“."
    assert _mention_of(text, "Ich bleibe im Amt") == "Paula Horn"


def test_a_name_particle_article_stays_in_the_mention():
    text = "„Wir handeln“, sagte Ursula von der Leyen."
    assert _mention_of(text, "Wir handeln") == "Ursula von der Leyen"


def test_a_nominalised_adjective_with_die_is_a_woman_not_the_man_before():
    text = (
        "Ihr Anwalt Peter Kolb verlas eine Erklärung. "
        "Darin bestreitet die 41-Jährige, den Unfall verursacht zu haben."
    )
    assert _speaker_of(text, "den Unfall verursacht zu haben") == "die 41-Jährige"
