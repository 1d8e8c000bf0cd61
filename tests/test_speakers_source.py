"""Which words can name a speaker: times, matters and events say nothing; people,
organisations and documents do. And where a passive or a fronted focus word hides the
source. Sentences written for these tests."""

import pytest

from lagebild.layers.speakers import SpeakerResolver


def only(statements):
    assert len(statements) == 1, statements
    return statements[0]


@pytest.fixture(scope="module")
def speaks(pipeline):
    """speaks(text, phrase) -> whether the resolver lets the phrase (found in text) name a speaker."""

    def run(text: str, phrase: str) -> bool:
        doc = pipeline.analyze(text).doc
        start = text.index(phrase)
        tokens = [t.i for t in doc.tokens if start <= t.start and t.end <= start + len(phrase)]
        return SpeakerResolver(doc).can_speak(tokens[0], tokens[-1])

    return run


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Dienstagabend wurde die Sperrung verkündet.", "Dienstagabend"),
        ("Ende August wurde die Brücke gesperrt.", "Ende August"),
        ("Die Frage wurde im Rat lange erörtert.", "Die Frage"),
        ("Proteste begleiteten den Besuch des Ministers.", "Proteste"),
        ("Die niedrige Wahlbeteiligung überraschte alle.", "Die niedrige Wahlbeteiligung"),
        ("Die Anzahl der Unfälle stieg im Winter.", "Die Anzahl der Unfälle"),
    ],
)
def test_times_matters_and_events_cannot_speak(speaks, text, phrase):
    assert not speaks(text, phrase)


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Die Bundesregierung erklärte, sie prüfe den Fall.", "Die Bundesregierung"),
        ("Der Sprecher der Stadt sagte, die Brücke bleibe zu.", "Der Sprecher der Stadt"),
        ("Die Mehrheit der Befragten meinte, das sei richtig.", "Die Mehrheit der Befragten"),
        ("Die Entscheidung des Gerichts stellt klar, dass das Gesetz gilt.", "Die Entscheidung des Gerichts"),
        ("Die Erklärung betont, man wolle verhandeln.", "Die Erklärung"),
        ("Verteidigungsminister Franz Jung sagte, die Lage sei ernst. Jung betonte, man bleibe.", "Jung betonte"),
        ("Michael Sommer warnte vor Kürzungen. Sommer sagte, die Löhne müssten steigen.", "Sommer sagte"),
        ("Er sagte, das sei falsch.", "Er"),
    ],
)
def test_people_organisations_and_documents_can_speak(speaks, text, phrase):
    assert speaks(text, phrase)


def test_a_time_the_tagger_calls_a_name_is_no_person(statements):
    st = only(statements("Ende August teilte die Stadt mit, die Brücke werde gesperrt."))
    assert st["speaker"]["name"] == "die Stadt"


def test_fronted_focus_word_before_the_subject(statements):
    st = only(statements("Einzig die Polizei gab bekannt, dass niemand verletzt worden sei."))
    assert st["speaker"]["mention"]["text"] == "die Polizei"


def test_passive_takes_the_document_in_its_first_phrase(statements):
    text = "In einer Erklärung, die am Montag in Bonn veröffentlicht wurde, wurde verkündet, dass die Fabrik schließen werde."
    st = only(statements(text))
    assert st["speaker"]["mention"]["text"] == "einer Erklärung"
    st = only(statements("Auf der Versammlung wurde angekündigt, dass die Spenden einen Rekord erreichten."))
    assert st["speaker"]["mention"]["text"] == "der Versammlung"


def test_passive_with_a_place_in_its_first_phrase_names_no_source(statements):
    st = only(statements("In Bonn wurde verkündet, dass die Fabrik schließen werde."))
    assert st["speaker"]["mention"] is None


def test_participle_after_an_apposition_takes_the_subject_after_the_auxiliary(statements):
    text = "Am Montag hatte der Leiter des Bauamts, Max Kern, erklärt, die Brücke werde gesperrt."
    st = only(statements(text))
    assert st["speaker"]["name"] == "Max Kern"
    assert st["speaker"]["mention"]["text"] == "der Leiter des Bauamts, Max Kern"


def test_relative_clause_before_a_participle_is_no_apposition(statements):
    found = statements("Am Montag hatte der Rat den Plan, den Max Kern vorlegte, abgelehnt.")
    assert all(st["speaker"]["name"] != "Max Kern" for st in found)


def test_a_day_after_a_source_noun_leaves_the_source_noun_speaking(statements):
    st = only(statements("Ersten Angaben vom Mittwoch zufolge war das Flugzeug voll besetzt."))
    assert st["speaker"]["mention"]["text"] == "Ersten Angaben vom Mittwoch"


def test_a_subject_that_cannot_speak_leaves_the_speaker_before(statements):
    text = "Anna Roth sagte, die Brücke sei gesperrt. Proteste kündigten eine Wende an. Die Reparatur werde Monate dauern."
    last = statements(text)[-1]
    assert last["message"]["text"] == "Die Reparatur werde Monate dauern"
    assert last["speaker"]["name"] == "Anna Roth"


def test_participle_at_the_start_of_a_sentence_finds_no_apposition(statements):
    # no comma before the participle: nothing to look behind for, and no speaker to invent
    for st in statements("Bestätigt, so hieß es, sei nichts."):
        assert st["speaker"]["mention"] is None


def test_the_object_of_zufolge_is_the_source_whatever_it_names(statements):
    st = only(statements("Überlieferungen zufolge stand die Kirche bereits vor dem Jahr 1766."))
    assert st["speaker"]["mention"]["text"] == "Überlieferungen"
    st = statements("Der Minister schwieg. Spekulationen, wonach ein Geheimdienst dahinter stehe, gab es viele.")[-1]
    assert st["speaker"]["mention"]["text"] == "Spekulationen"


def test_a_website_named_as_the_medium_speaks(statements):
    st = only(statements("Wie zeitung-am-ort.de berichtet, wird die Brücke im Mai gesperrt."))
    assert st["speaker"]["mention"]["text"] == "zeitung-am-ort.de"


def test_a_quoted_title_of_names_without_article_speaks(statements):
    st = only(statements("Wie „Radio Nordwest“ berichtet, wird die Brücke im Mai gesperrt."))
    assert st["speaker"]["mention"]["text"] == "„Radio Nordwest“"


def test_a_name_in_brackets_is_no_title(statements):
    for st in statements("Der König (Rama Ulrich) von Nordland sei zurückgetreten, sagte der Minister Hans Roth."):
        assert st["speaker"]["mention"] is None or not st["speaker"]["mention"]["text"].startswith("(")


def test_a_place_after_a_noun_is_no_person_to_continue(statements):
    text = "Die Armee holte die Soldaten aus der Provinz Helmand zurück. Das Ministerium habe Angst um sie gehabt."
    for st in statements(text):
        assert st["speaker"]["name"] != "Helmand"


def test_a_quoted_paper_with_its_article_inside_the_marks_speaks(statements):
    st = only(statements("„Die Brücke bleibt zu“, schrieb „Die Rundschau“ am Montag."))
    assert st["speaker"]["mention"]["text"] == "„Die Rundschau“"


def test_a_genitive_adverbial_before_the_verb_is_no_subject(statements):
    st = only(statements("Des Weiteren wirft der Verband dem Minister vor, die Zahlen geschönt zu haben."))
    assert st["speaker"]["mention"]["text"] == "der Verband"


def test_verb_after_a_relative_clause_takes_the_subject_before_it(statements):
    text = "Max Kern, einer der Abgeordneten, die den Brief unterschrieben, verurteilte die Haltung der Regierung. „Wir werden nicht schweigen.“"
    st = statements(text)[-1]
    assert st["speaker"]["mention"]["text"].startswith("Max Kern")
    assert st["speaker"]["name"] == "Max Kern"
