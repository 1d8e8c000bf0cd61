"""Attribution details on small sentences written for these tests: which words name the source,
which words the message leaves out, and which speech acts are told without content."""

import pytest


def only(statements):
    assert len(statements) == 1, statements
    return statements[0]


def parts(span):
    return [p["text"] for p in span.get("parts", [])] or [span["text"]]


@pytest.fixture
def everything(pipeline):
    """All statements, `reported` speech acts included."""
    return lambda text: pipeline.analyze(text).to_dict()["statements"]


def test_nach_angaben_names_the_whole_source_phrase(statements):
    st = only(statements("Nach Angaben der Feuerwehr brannte die Halle vollständig aus."))
    assert st["speaker"]["mention"]["text"] == "Angaben der Feuerwehr"
    assert st["speaker"]["name"] == "der Feuerwehr"
    st = only(statements("Dabei starben nach den Polizeiangaben elf Menschen."))
    assert st["speaker"]["mention"]["text"] == "den Polizeiangaben"


def test_a_view_without_holder_names_nobody(statements):
    assert statements("Die Lage ist aus Brüsseler Sicht schwierig.") == []


def test_attribution_inside_the_sentence_is_cut_from_the_message(statements):
    st = only(statements("Die Brandursache ist nach Angaben der Polizei noch unklar."))
    assert parts(st["message"]) == ["Die Brandursache ist", "noch unklar"]
    st = only(statements("Die Brücke war, wie der Bürgermeister mitteilte, seit Jahren marode."))
    assert parts(st["message"]) == ["Die Brücke war", "seit Jahren marode"]
    assert st["speaker"]["name"] == "der Bürgermeister"


def test_attribution_closing_its_line_introduces_the_quotation_below(statements):
    found = statements(
        "Der Chef des Verbands, Peter Hahn, warnte:\n„Das Wasser ist in Gefahr.“\n„Wir müssen handeln.“"
    )
    assert [s["speaker"]["name"] for s in found] == ["Peter Hahn", "Peter Hahn"]
    assert found[0]["cue"]["text"] == "warnte"
    assert found[0]["speaker"]["mention"]["text"] == "Der Chef des Verbands, Peter Hahn"
    assert found[1]["cue"] is None


def test_speech_act_with_an_article_subject_is_reported(everything):
    st = only(everything("Das Auswärtige Amt forderte die sofortige Freilassung der Geiseln."))
    assert st["kind"] == "reported"
    assert st["speaker"]["name"] == "Das Auswärtige Amt"


def test_an_announcement_told_as_an_event_is_no_reported_speech(everything):
    assert everything("Der Konzern kündigte eine neue Version seiner Software an.") == []
    assert everything("Der Minister äußerte sich in einem Interview zu dem Vorfall.") == []


def test_no_reported_act_without_someone_acting(everything):
    assert everything("Die Pläne wurden von vielen abgelehnt.") == []
    assert everything("In der Partei gab es heftige Kritik an dem Vorschlag.") == []


def test_an_accusative_phrase_is_never_the_speaker(statements):
    st = only(statements("Den Vorwurf wies der Konzern zurück, die Firma habe betrogen."))
    assert st["speaker"]["name"] == "der Konzern"


def test_reportative_sollen_reaches_further_only_with_a_perfect_infinitive(statements):
    found = statements("Die Polizei teilte mit, der Mann sei gefasst. Die Stadt ist ruhig. Er soll zwei Menschen verletzen.")
    assert [s["message"]["text"] for s in found] == ["der Mann sei gefasst"]
    found = statements("Die Polizei teilte mit, der Mann sei gefasst. Die Stadt ist ruhig. Er soll zwei Menschen verletzt haben.")
    assert [s["message"]["text"] for s in found] == ["der Mann sei gefasst", "Er soll zwei Menschen verletzt haben"]
    assert found[1]["speaker"]["name"] == "Die Polizei"


def test_a_clause_closing_with_a_colon_introduces_the_quotation(statements):
    found = statements("Die Kanzlerin Anna Roth sprach in Berlin.\nDabei griff sie auch den Präsidenten direkt an:\n„Das ist nicht hinnehmbar.“")
    st = only(found)
    assert st["speaker"]["name"] == "Anna Roth" and st["speaker"]["mention"]["text"] == "sie"
    assert [p["text"] for p in st["cue"]["parts"]] == ["griff", "an"]
    st = only(statements("Erkki Lahti, Präsident des Rats:\n„Das Gesetz ist falsch.“"))
    assert st["speaker"]["name"] == "Erkki Lahti" and st["cue"] is None


def test_mention_cut_before_a_party_keeps_the_whole_bracket(statements):
    st = only(statements("Innenminister Karl Brenner (CDU) und Russland haben gewarnt, die Lage sei ernst."))
    assert st["speaker"]["mention"]["text"] == "Innenminister Karl Brenner (CDU)"
    assert st["speaker"]["name"] == "Karl Brenner"


def test_a_phrase_with_a_relative_clause_is_no_message(statements):
    assert statements("In Spanien, wo am Sonntag gewählt wird, fand das Duell der Kandidaten statt.") == []
    st = only(statements("Die Preise, die seit Jahren steigen, seien zu hoch, sagte der Händler."))
    assert st["message"]["text"] == "Die Preise, die seit Jahren steigen, seien zu hoch"


def test_fronted_attribution_runs_to_the_finite_verb(statements):
    st = only(statements("Nach Angaben eines Sprechers aus dem Rathaus handelte es sich um einen Fehler."))
    assert st["message"]["text"] == "handelte es sich um einen Fehler"
    assert st["speaker"]["mention"]["text"] == "Angaben eines Sprechers"
    st = only(statements("Laut einem Experten, der vom Sender befragt wurde, würde dies für einen Anschlag sprechen."))
    assert st["message"]["text"] == "würde dies für einen Anschlag sprechen"


def test_wie_clause_with_an_apposition(statements):
    st = only(statements("Wie die Ministerin des Landes, Anna Bligh, erklärte, habe sie den Zivilschutz alarmiert."))
    assert st["message"]["text"] == "habe sie den Zivilschutz alarmiert"
    assert st["speaker"]["name"] == "Anna Bligh"


def test_document_named_in_the_genitive_speaks(statements):
    st = only(statements("In der Vorabversion des Berichts heißt es, die Zahl der Straftaten sei gestiegen."))
    assert st["speaker"]["mention"]["text"] == "der Vorabversion des Berichts"


def test_source_noun_after_a_relative_determiner(statements):
    found = statements("Der Sprecher Paul Maier stellte die Tasche sicher, die nach dessen Angaben eine Bombe enthalten sollte.")
    st = only(found)
    assert st["cue"]["text"] == "nach dessen Angaben"
    assert st["message"]["text"] == "eine Bombe enthalten sollte"
    assert st["speaker"]["name"] == "Paul Maier"
