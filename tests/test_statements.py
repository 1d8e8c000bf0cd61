"""Statements on small sentences written for these tests (each one a case seen in real news)."""

import pytest


def only(statements):
    assert len(statements) == 1, statements
    return statements[0]


def test_direct_quote_with_inverted_attribution(statements):
    st = only(statements("„Wir sind bereit, jeden Verbündeten zu verteidigen“, sagte Nato-Chef Jens Stoltenberg."))
    assert st["kind"] == "direct"
    assert st["message"]["text"] == "Wir sind bereit, jeden Verbündeten zu verteidigen"
    assert st["cue"]["text"] == "sagte"
    assert st["speaker"]["name"] == "Jens Stoltenberg"


def test_pronoun_resolves_to_previous_speaker(statements):
    found = statements("Außenministerin Anna Berger kritisierte den Plan. „Das ist falsch“, sagte sie. „Wir lehnen ihn ab“, sagte sie weiter.")
    assert [s["speaker"]["name"] for s in found] == ["Anna Berger", "Anna Berger"]
    assert found[0]["speaker"]["mention"]["text"] == "sie"


def test_indirect_speech_with_konjunktiv_and_continuation(statements):
    found = statements("Der Minister Karl Huber sagte, die Lage sei ernst. Man werde alles tun, um zu helfen. Das Wetter war gut.")
    assert [s["kind"] for s in found] == ["indirect", "indirect"]
    assert found[0]["message"]["text"] == "die Lage sei ernst"
    assert found[1]["cue"] is None and found[1]["speaker"]["name"] == "Karl Huber"


def test_dass_clause_without_dass_in_message(statements):
    st = only(statements("Die Regierung erklärte am Montag, dass sie die Gespräche fortsetzen werde."))
    assert st["message"]["text"] == "sie die Gespräche fortsetzen werde"
    assert st["speaker"]["name"] == "Die Regierung"


def test_mixed_speech_keeps_quoted_fragment(statements):
    st = only(statements("Das Land werde „immer abhängiger“ von seinem Nachbarn, betonte Petra Lang."))
    assert st["kind"] == "mixed"
    assert st["message"]["text"] == "Das Land werde „immer abhängiger“ von seinem Nachbarn"
    assert st["speaker"]["name"] == "Petra Lang"


def test_particle_verb_cue_is_discontinuous(statements):
    st = only(statements("Die Ministerin kündigte am Montag an, die Mittel zu erhöhen."))
    assert st["cue"]["text"] == "kündigte am Montag an"
    assert st["message"]["text"] == "die Mittel zu erhöhen"
    assert [p["text"] for p in st["cue"]["parts"]] == ["kündigte", "an"]


def test_interrupted_quote_gives_two_statements(statements):
    found = statements("„Wir brauchen Zeit“, sagte Paul Roth, „und wir brauchen Geld.“")
    assert [s["message"]["text"] for s in found] == ["Wir brauchen Zeit", "und wir brauchen Geld."]
    assert {s["speaker"]["name"] for s in found} == {"Paul Roth"}


def test_laut_and_zufolge(statements):
    st = only(statements("Laut Innenminister Otto Weber sind die Grenzen sicher."))
    assert st["cue"]["text"] == "Laut" and st["speaker"]["name"] == "Otto Weber"
    assert "die Grenzen sicher" in st["message"]["text"]
    st = only(statements("Die Kosten können Experten zufolge auf zehn Milliarden steigen."))
    assert st["cue"]["text"] == "zufolge" and st["speaker"]["name"] == "Experten"


def test_name_colon(statements):
    st = only(statements("Merz: „Wir werden liefern.“"))
    assert st["kind"] == "direct" and st["cue"]["text"] == ":" and st["speaker"]["name"] == "Merz"


def test_medium_is_not_the_speaker(statements):
    st = only(statements("„Die Lage ist ernst“, sagte Stoltenberg der „Welt am Sonntag“."))
    assert st["speaker"]["name"] == "Stoltenberg"
    assert st["medium"]["text"] == "„Welt am Sonntag“"


def test_titles_and_scare_quotes_are_not_statements(statements):
    assert statements("Die Agenda „Nato 2030“ wurde in Brüssel vorgestellt.") == []
    assert statements("Der Bericht erschien in der „Welt am Sonntag“ und im „Spiegel“.") == []


def test_narration_in_preterite_is_no_statement(statements):
    assert statements("Die Delegation wurde am Abend empfangen. Danach reiste sie weiter.") == []


def test_nominal_reference_resolves_to_titled_name(statements):
    found = statements("Verteidigungsminister Hans Keller besuchte die Truppe. „Ich bin stolz“, sagte der Verteidigungsminister.")
    assert only(found)["speaker"]["name"] == "Hans Keller"


def test_cue_verb_with_noun_object_is_no_statement(statements):
    assert statements("Sie kritisierte den Plan der Regierung, der morgen beschlossen wird.") == []


def test_so_with_verb_and_interrupted_quote(statements):
    found = statements("„Ich würde der Partei empfehlen“, so sagt Huber, „jetzt ruhig zu bleiben.“")
    assert [s["message"]["text"] for s in found] == ["Ich würde der Partei empfehlen", "jetzt ruhig zu bleiben."]
    assert {s["cue"]["text"] for s in found} == {"so sagt"}


def test_noun_cue_with_colon(statements):
    st = only(statements("Die Präsidentin übte ebenfalls Kritik: „Das ist ein schwerer Fehler.“"))
    assert st["kind"] == "direct" and st["cue"]["text"] == "übte ebenfalls Kritik"
    assert st["message"]["text"] == "Das ist ein schwerer Fehler."


def test_coordinated_cue_clause_keeps_first_subject(statements):
    st = only(statements("Nach dem Treffen machte Li zunächst keine Zusagen, forderte jedoch alle Seiten auf, „ihre Versprechen einzuhalten“."))
    assert st["speaker"]["name"] == "Li"


def test_cue_with_quoted_object(statements):
    st = only(statements("Der Verbandschef nannte die Studie „fahrlässig und unseriös“."))
    assert st["message"]["text"] == "die Studie „fahrlässig und unseriös“" and st["kind"] == "mixed"
    st = only(statements("Die Gewerkschaft warnte vor einer „Provokation, die niemand braucht“."))
    assert st["kind"] == "direct" and st["message"]["text"] == "Provokation, die niemand braucht"


def test_pronoun_before_any_name_points_forward(statements):
    found = statements("Der Gewerkschaftschef ist empört. „Das ist ein Skandal“, sagt er. „So geht es nicht weiter“, meint Klaus Becker.")
    assert [s["speaker"]["name"] for s in found] == ["Klaus Becker", "Klaus Becker"]


def test_unknown_verb_after_quote_attributes_it(statements):
    st = only(statements("„Die Regierung ist am Ende“, poltert Oppositionsführer Max Brandt im Landtag."))
    assert st["cue"]["text"] == "poltert" and st["speaker"]["name"] == "Max Brandt"


def test_title_in_quotation_marks_does_not_end_the_attribution(statements):
    st = only(statements("Verdi-Chef Max Roth verteidigte den Streik in der „Bild am Sonntag“: „Lieber ein Tag Stillstand als ein Jahr Stillstand.“"))
    assert st["kind"] == "direct" and st["speaker"]["name"] == "Max Roth"
    assert st["message"]["text"] == "Lieber ein Tag Stillstand als ein Jahr Stillstand."


def test_concessive_sei_es_is_not_reported_speech_but_inverted_sei_es_is(statements):
    found = statements("Die Lage sei ernst, erklärte Anna Kurz. Schwierig sei es nur im Norden.")
    assert [s["message"]["text"] for s in found] == ["Die Lage sei ernst", "Schwierig sei es nur im Norden"]


def test_nickname_in_quotation_marks_is_part_of_the_speaker(statements):
    found = statements("Trainer Jens Alt lobte das Team. Unterdessen traut „Kaiser“ Karl Bauer dem Team viel zu: „Ich sehe keinen stärkeren Gegner.“")
    assert found[-1]["speaker"]["name"] == "Karl Bauer"


def test_names_inside_quotations_are_no_antecedents(statements):
    found = statements("„Wir danken Maria Schulz und Peter Roth“, sagte Ministerin Eva Brandt. Sie habe viel gelernt, sagte sie.")
    assert [s["speaker"]["name"] for s in found] == ["Eva Brandt", "Eva Brandt"]


def test_adverbial_first_constituent_is_not_the_speaker(statements):
    st = only(statements("Kurz vor dem Spiel meinte der Trainer Paul Klee, dass er zuversichtlich sei."))
    assert st["speaker"]["name"] == "Paul Klee"


def test_wie_clause_and_source_nouns(statements):
    st = only(statements("Wie der Minister Hans Ober am Dienstag erklärte, sieht die Regierung kein Hindernis."))
    assert st["speaker"]["name"] == "Hans Ober" and st["message"]["text"] == "sieht die Regierung kein Hindernis"
    st = only(statements("Nach Polizeiangaben haben sich etwa 1000 Menschen versammelt."))
    assert st["cue"]["text"] == "Nach Polizeiangaben" and st["speaker"]["name"] == "Polizeiangaben"
    st = only(statements("Nach offiziellen Angaben der Regierung sind 300 Menschen erkrankt."))
    assert st["speaker"]["name"] == "der Regierung" and st["message"]["text"] == "sind 300 Menschen erkrankt"


def test_attribution_after_its_statement(statements):
    found = statements("Der Minister soll das Ziel des Anschlags gewesen sein. Das berichten arabische Medien.")
    assert only(found)["speaker"]["name"] == "arabische Medien"
    assert found[0]["message"]["text"] == "Der Minister soll das Ziel des Anschlags gewesen sein"


def test_apposition_subject_before_cue(statements):
    st = only(statements("Fritz Kahl, Agrarexperte der Fraktion, kritisierte, die Kommission habe versagt."))
    assert st["speaker"]["name"] == "Fritz Kahl" and st["message"]["text"] == "die Kommission habe versagt"


def test_headline_role_noun_points_to_the_named_person(statements):
    found = statements("Bahn-Personalchef nennt Streik „dreist und unverschämt“\nPersonalvorstand Ulrich Lange hat keinerlei Verständnis für den Streik.")
    assert only(found)["speaker"]["name"] == "Ulrich Lange"


def test_wonach_and_quoted_newspaper_source(statements):
    st = only(statements("Der Minister wies Berichte zurück, wonach die Truppe mit einer „neuen Befehlslage“ operiere."))
    assert st["cue"]["text"] == "wonach" and st["speaker"]["name"] == "Berichte" and st["kind"] == "mixed"
    st = only(statements("Dabei setzen sie nach Informationen der „Rheinischen Post“ erstmals Panzer ein."))
    assert st["speaker"]["name"] == "der „Rheinischen Post“"


def test_reported_speech_before_its_attribution(statements):
    found = statements("Heute liege die Quote bei 52 Prozent. Sie müsse auf 60 Prozent steigen, forderten die Delegierten des Verbandes.")
    assert [s["speaker"]["name"] for s in found] == ["die Delegierten des Verbandes"] * 2


def test_attitude_without_message_sets_the_speaker_of_what_follows(statements):
    found = statements("Unzufrieden zeigten sich die Delegierten auch mit der Lage der Frauen. Der Lohnunterschied liege bei 19 Prozent.")
    assert only(found)["speaker"]["name"] == "die Delegierten"


def test_focus_particle_before_subject(statements):
    st = only(statements("Auch Verbandschefin Beate Maier meinte, die Zeit sei reif."))
    assert st["speaker"]["name"] == "Beate Maier"


def test_shorter_description_takes_the_fullest_one(statements):
    found = statements("Die Quote müsse steigen, forderten die Delegierten des Gewerkschaftsbundes. Später erklärten die SGB-Delegierten, man werde weiter kämpfen.")
    assert {s["speaker"]["name"] for s in found} == {"die Delegierten des Gewerkschaftsbundes"}


def test_nominalised_age_refers_to_the_person_named_last(statements):
    found = statements("Irans oberster Führer Ali Chamenei erteilte Gesprächen eine Absage. „Das bringt keinen Nutzen“, sagte der 86-Jährige.")
    st = only(found)
    assert st["speaker"]["name"] == "Ali Chamenei" and st["speaker"]["mention"]["text"] == "der 86-Jährige"


def test_quoted_subheadline_and_naming_clause_are_no_statements(statements):
    found = statements("Der Verband will weiterkämpfen.\n«4000 Franken sind in den Köpfen»\nDer Wechsel, wie ihn die Eisenbahner nennen, bringt Änderungen.")
    assert found == []


def test_speakers_are_linked_to_the_knowledge_base_at_the_document_date(pipeline):
    data = pipeline.analyze("„Wir sind bereit“, sagte Stoltenberg. Die Lage sei ernst, sagte ein Sprecher.", date="2021-06-14").to_dict()
    assert [s["speaker"]["entity"] for s in data["statements"]] == ["jens-stoltenberg", None]


def test_critic_without_message_speaks_the_following_konjunktiv(statements):
    found = statements("Klubchef Hans Gruber kritisierte das Wirken von Stadträtin Renate Auer. Diese mache die Stadt arm.")
    assert only(found)["speaker"]["name"] == "Hans Gruber"


def test_organisation_in_quotation_marks_is_not_resolved_to_a_person(statements):
    found = statements("„Wir warnen“, sagte Eva Brandt. Die „Liga für Freiheit“ teilte mit, diese habe versagt.")
    assert found[-1]["speaker"]["name"] == "Die „Liga für Freiheit“"


def test_party_in_parentheses_stays_in_the_subject(statements):
    found = statements("Umweltminister Jan Albrecht (Grüne) bemängelt, dass die Länder nur zwei Tage Zeit hätten. „Das ist zu wenig.“")
    assert [s["speaker"]["name"] for s in found] == ["Jan Albrecht", "Jan Albrecht"]
    assert found[0]["message"]["text"] == "die Länder nur zwei Tage Zeit hätten"


def test_rejecting_reports_keeps_the_speaker_for_what_follows(statements):
    found = statements("General Otto Brenner wies Berichte zurück, wonach die Truppe neue Befehle habe. Es gebe aber eine „neue Lage“.")
    assert [s["speaker"]["name"] for s in found] == ["Berichte", "Otto Brenner"]


def test_perfect_tense_cue_with_quoted_object_and_later_description(statements):
    found = statements("Kardinal Karl Lehr hat auf die „persönliche Note“ des Besuchs von Papst Benedikt hingewiesen. Heimat sei ihm „teuer“, schreibt der Vorsitzende der Konferenz.")
    assert [s["speaker"]["name"] for s in found] == ["Karl Lehr", "Karl Lehr"]


def test_dateline_is_not_part_of_the_speaker(statements):
    found = statements("VILNIUS (dpa) - Verteidigungsminister Boris Kern hat Russland als größte Bedrohung bezeichnet. „Wir sind bereit“, sagte der SPD-Politiker.")
    assert [s["speaker"]["name"] for s in found] == ["Boris Kern", "Boris Kern"]


def test_impersonal_source_and_missing_comma_before_dass(statements):
    st = only(statements("„Alles deutet auf einen Anschlag hin“, hieß es vom Abgeordneten Viktor Olsen."))
    assert st["speaker"]["name"] == "Viktor Olsen"
    st = only(statements("Bei der Agentur Ria hieß es, dass es zwei Explosionen gegeben habe."))
    assert st["speaker"]["mention"]["text"] == "der Agentur Ria" and st["message"]["text"] == "es zwei Explosionen gegeben habe"
    st = only(statements("Pérez hoffte dass der Geist wach sei."))
    assert st["message"]["text"] == "der Geist wach sei" and st["speaker"]["name"] == "Pérez"


def test_quoted_wording_after_an_apposition_subject(statements):
    st = only(statements("Der frühere Bürgermeister, Heinz Scherl (SPD), warnte die Partei vor einem „populistischen Wahlkampf“."))
    assert st["speaker"]["name"] == "Heinz Scherl" and st["message"]["text"] == "populistischen Wahlkampf"
    st = only(statements("Der Präsident konstatierte eine wachsende „Kluft zwischen Arm und Reich“."))
    assert st["kind"] == "direct" and st["message"]["text"] == "Kluft zwischen Arm und Reich"


def test_participle_without_ge_after_auxiliary_keeps_the_subject(statements):
    st = only(statements("Huber hatte die Rolle der Länder betont: „Ohne sie geht es nicht.“"))
    assert st["cue"]["text"] == "betont" and st["speaker"]["name"] == "Huber"


def test_nominalised_age_and_partitive_speakers(statements):
    found = statements("Der 74-jährige sagte, dass die Katze tot gewesen sei. „So etwas sah ich nie“, sagte einer der 20 beteiligten Helfer.")
    assert [s["speaker"]["mention"]["text"] for s in found] == ["Der 74-jährige", "einer der 20 beteiligten Helfer"]


def test_short_dass_clause_is_a_message(statements):
    st = only(statements("Die Ministerin sagte, dass sie zurücktrete."))
    assert st["message"]["text"] == "sie zurücktrete" and st["cue"]["text"] == "sagte"


def test_postposed_nach_names_the_source(statements):
    found = statements("Angaben der Feuerwehr nach brannten drei Häuser. Der Richter Paul Kern sprach. Seiner Meinung nach hätte man früher eingreifen müssen.")
    assert [s["cue"]["text"] for s in found] == ["nach", "nach"]
    assert found[0]["speaker"]["name"] == "der Feuerwehr"
    assert found[0]["speaker"]["mention"]["text"] == "Angaben der Feuerwehr"
    assert found[1]["speaker"]["name"] == "Paul Kern"


def test_passive_cue_takes_its_agent_or_nobody(statements):
    accused = only(statements("Die beiden Männer werden beschuldigt, Geld veruntreut zu haben."))
    assert accused["speaker"]["name"] is None and accused["speaker"]["mention"] is None
    agent = only(statements("Der Vorschlag wurde von Ministerin Eva Roth zurückgewiesen, weil er zu teuer sei."))
    assert agent["speaker"]["name"] == "Eva Roth"


def test_speech_act_without_content_is_reported(pipeline):
    found = pipeline.analyze("Die Behörden werfen dem Händler Betrug vor. Das sagte ein Sprecher.").to_dict()["statements"]
    reported = [s for s in found if s["kind"] == "reported"]
    assert [s["message"]["text"] for s in reported] == ["Die Behörden werfen dem Händler Betrug vor"]
    assert reported[0]["speaker"]["name"] == "Die Behörden"


def test_no_reported_act_for_location_or_pointing_back(pipeline):
    found = pipeline.analyze("Die Ministerin befand sich in Berlin. Das bestätigte der Sprecher am Abend.").to_dict()["statements"]
    assert [s for s in found if s["kind"] == "reported"] == []


def test_bare_heisst_es_has_no_speaker(statements):
    found = statements("Die Ministerin Eva Roth besuchte das Werk. Eine Einigung sei nicht in Sicht, heißt es.")
    assert only(found)["cue"]["text"] == "heißt" and found[0]["speaker"]["name"] is None


def test_message_does_not_start_with_a_new_main_clause(statements):
    assert statements("Am Montag wird man ihn im Fernsehen sehen können, doch er selbst wird es nicht wahrnehmen.") == []


def test_wie_clause_after_conjunction(statements):
    st = only(statements("Denn wie die Zeitung berichtete, leidet der Schauspieler an einer Krankheit."))
    assert st["speaker"]["name"] == "die Zeitung" and st["cue"]["text"] == "berichtete"


def test_demnach_continues_the_cited_source(statements):
    found = statements("Die Zeitung berichtete, es habe einen Fehler gegeben. Demnach steht der Kopilot in der Kritik.")
    assert found[1]["cue"]["text"] == "Demnach" and found[1]["speaker"]["name"] == "Die Zeitung"


def test_demonstrative_speaker_is_the_person_just_named(statements):
    st = only(statements("Im Gespräch mit dem Anwalt der Familie, Rainer Stein, sagte dieser, dass der Patient gesund sei."))
    assert st["speaker"]["name"] == "Rainer Stein" and st["speaker"]["mention"]["text"] == "dieser"


def test_nach_with_demonstrative_source_noun(statements):
    st = only(statements("Nach diesen Erkenntnissen könnte der Pilot krank gewesen sein."))
    assert st["cue"]["text"] == "Nach diesen Erkenntnissen"


def test_offer_with_infinitive_clause(statements):
    st = only(statements("Die Firma hatte angeboten, den Müll zu entsorgen."))
    assert st["message"]["text"] == "den Müll zu entsorgen" and st["speaker"]["name"] == "Die Firma"


def test_names_with_particles_and_attributes(statements):
    found = statements(
        "Ursula von der Leyen sagte, man werde helfen. Gouverneur Tom Berg aus Texas sagte, es sei ernst. "
        "Forscher der Universität Utrecht sagten, die Studie sei gut. Merkel von der CDU sagte, man warte ab."
    )
    assert [s["speaker"]["name"] for s in found] == ["Ursula von der Leyen", "Tom Berg", "Forscher der Universität Utrecht", "Merkel"]


def test_particle_companion_must_be_the_particle(pipeline):
    found = pipeline.analyze("Sie warf den Speer 66 Meter weit und siegte so vor der Russin Anna Petrowa.").to_dict()["statements"]
    assert found == []


def test_reportative_sollen_right_after_a_statement_continues_it(statements):
    found = statements("Die Polizei teilte mit, der Mann sei festgenommen worden. Er soll zwei Menschen verletzt haben. Die Stadt baut 2030 eine neue Brücke.")
    assert [s["speaker"]["name"] for s in found] == ["Die Polizei", "Die Polizei"]
    assert found[1]["message"]["text"] == "Er soll zwei Menschen verletzt haben"


def test_nach_and_gemaess_with_source_nouns(statements):
    found = statements("Nach einer Studie der Universität steigt das Risiko. Gemäß der Zeitung kostete der Unfall zwei Menschen das Leben. Nach dem Bericht ging er nach Hause.")
    assert [s["cue"]["text"] for s in found] == ["Nach einer Studie", "Gemäß"]
    assert [s["speaker"]["name"] for s in found] == ["der Universität", "der Zeitung"]


def test_documents_cited_with_in_speak(statements):
    found = statements(
        "In der Pressemitteilung des Verbands heißt es, die Lage sei ernst. "
        "In einem Bericht der Zeitung wurde vermutet, dass niemand überlebt hat. In Berlin heißt es, man sei zufrieden."
    )
    assert [s["speaker"]["name"] for s in found] == ["des Verbands", "der Zeitung", None]


def test_subject_before_relative_clause_or_coordination(statements):
    found = statements(
        "Huber, der sich zu diesem Schritt entschlossen hatte, sagte, er wolle Platz machen. "
        "Lena Roth war ebenfalls anwesend und sagte, sie freue sich. Aber Zeitungen berichteten, es sei ermittelt worden. "
        "Als Aufgabe sah es Karl Stein an, die Reform voranzutreiben."
    )
    assert [s["speaker"]["name"] for s in found] == ["Huber", "Lena Roth", "Zeitungen", "Karl Stein"]


def test_speaker_phrase_stops_where_another_actor_begins(pipeline):
    found = pipeline.analyze("Vor dem Gipfel hat Generalsekretär Jens Stoltenberg Russland und Belarus vor einer Eskalation gewarnt.").to_dict()["statements"]
    assert [s["speaker"]["name"] for s in found] == ["Jens Stoltenberg"]
    assert found[0]["speaker"]["mention"]["text"] == "Generalsekretär Jens Stoltenberg"


def test_fronted_adverbial_clause_is_no_message_but_may_hold_one(statements):
    found = statements("Während zunächst mehrere Agenturen berichteten, dass der Text angenommen sei, dementierte dies ein Sprecher.")
    assert only(found)["speaker"]["name"] == "mehrere Agenturen"
    assert found[0]["message"]["text"] == "der Text angenommen sei"
    assert statements("Nachdem er das Rennen gewonnen hatte, sah der Fahrer müde aus.") == []


def test_hiess_es_weiter_goes_on_with_the_source(statements):
    found = statements("Der Entwurf sei angenommen, wie Diplomaten sagten. Auch Zypern habe keine Einwände mehr, hieß es weiter.")
    assert [s["speaker"]["name"] for s in found] == ["Diplomaten", "Diplomaten"]


def test_konjunktiv_in_a_subordinate_clause_is_the_main_subjects_reasoning(statements):
    found = statements("Der Minister sagte, man werde helfen. Vertreter der Verbände erwarten keine Entscheidung, weil niemand einen Antrag gestellt habe.")
    assert found[1]["message"]["text"] == "weil niemand einen Antrag gestellt habe"
    assert found[1]["speaker"]["name"] == "Vertreter der Verbände"


def test_demnach_after_a_cited_document(statements):
    st = only(statements("Das Gericht veröffentlichte am Montag das Urteil. Demnach ist die Regierung nicht verantwortlich."))
    assert st["cue"]["text"] == "Demnach" and st["speaker"]["name"] == "das Urteil"


def test_quoted_chant_after_a_speech_verb_is_direct(statements):
    st = only(statements("Die Demonstranten skandierten „Stoppt den Überwachungswahn“."))
    assert st["kind"] == "direct" and st["message"]["text"] == "Stoppt den Überwachungswahn"


def test_content_of_a_noun_of_saying(statements):
    found = statements(
        "Die Forderung der Gewerkschaft, die Löhne deutlich zu erhöhen, stieß auf Kritik. "
        "Der Minister Karl Huber sprach lange. Seine Ankündigung, er werde zurücktreten, überraschte alle. "
        "Die Erklärung, die er abgab, war kurz."
    )
    assert [s["message"]["text"] for s in found] == ["die Löhne deutlich zu erhöhen", "er werde zurücktreten"]
    assert [s["speaker"]["name"] for s in found] == ["der Gewerkschaft", "Karl Huber"]


@pytest.mark.parametrize(
    ("text", "speaker", "medium"),
    [
        ("Die Lage sei ernst, zitierte der „Spiegel“ den Minister.", "den Minister", "der „Spiegel“"),
        ("Die Zeitung zitierte den Bürgermeister mit den Worten: „Die Halle bleibt stehen.“", "den Bürgermeister", "Die Zeitung"),
        ("Der Sender zitierte Maier mit den Worten: „Ich trete nicht zurück.“", "Maier", "Der Sender"),
    ],
)
def test_who_quotes_is_the_medium_and_the_quoted_one_speaks(statements, text, speaker, medium):
    st = only(statements(text))
    assert st["speaker"]["name"] == speaker
    assert st["medium"]["text"] == medium
