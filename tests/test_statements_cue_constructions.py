"""Cues found missing when probing with agency-style sentences written for these tests."""

import pytest


@pytest.fixture(scope="module")
def all_statements(pipeline):
    """all_statements(text) -> every statement, reported speech acts included."""
    return lambda text: pipeline.analyze(text).to_dict()["statements"]


def only(statements):
    assert len(statements) == 1, statements
    return statements[0]


@pytest.mark.parametrize(
    ("text", "cue", "message"),
    [
        (
            "Der Umbau koste 8 Millionen Euro, rechnete die Sprecherin vor.",
            "rechnete die Sprecherin vor",
            "Der Umbau koste 8 Millionen Euro",
        ),
        (
            "Sie hat vorgerechnet, dass der Umbau 8 Millionen Euro koste.",
            "vorgerechnet",
            "der Umbau 8 Millionen Euro koste",
        ),
        ("Der Trainer deutete an, dass er bleiben wolle.", "deutete an", "er bleiben wolle"),
        (
            "Sie sei an dem Abend zu Hause gewesen, gab die Zeugin zu Protokoll.",
            "gab die Zeugin zu Protokoll",
            "Sie sei an dem Abend zu Hause gewesen",
        ),
        (
            "Der Landrat stellte in Aussicht, dass die Straße im Mai öffne.",
            "stellte in Aussicht",
            "die Straße im Mai öffne",
        ),
        (
            "Das Labor gab Entwarnung: Die Proben seien unbedenklich.",
            "gab Entwarnung",
            "Die Proben seien unbedenklich",
        ),
    ],
)
def test_cue_verbs_with_particles_and_fixed_nouns(statements, text, cue, message):
    st = only(statements(text))
    assert st["kind"] == "indirect"
    assert st["cue"]["text"] == cue
    assert st["message"]["text"] == message


def test_werben_fuer_is_a_reported_act(all_statements):
    st = only(all_statements("Die Bürgermeisterin warb für einen neuen Radweg am Fluss."))
    assert st["kind"] == "reported"
    assert st["cue"]["text"] == "warb"
    assert st["speaker"]["name"] == "Die Bürgermeisterin"


def test_werben_fuer_names_the_speaker_of_the_konjunktiv_after_it(all_statements):
    found = all_statements(
        "Die Bürgermeisterin sprach im Rat. Darin warb sie für einen Radweg. Die Stadt müsse handeln."
    )
    assert [s["kind"] for s in found] == ["reported", "indirect"]
    assert found[-1]["cue"] is None
    assert found[-1]["message"]["text"] == "Die Stadt müsse handeln"
    assert found[-1]["speaker"]["name"] == "Die Bürgermeisterin"


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Wie aus dem Gutachten hervorgeht, ist die Halle marode.", "dem Gutachten"),
        (
            "Wie aus Kreisen der Partei verlautete, soll der Vorsitzende gehen.",
            "Kreisen der Partei",
        ),
        ("Aus dem Gutachten geht hervor, dass die Halle marode ist.", "dem Gutachten"),
    ],
)
def test_verb_of_coming_out_speaks_through_its_aus_phrase(statements, text, mention):
    st = only(statements("Der Kämmerer sprach lange. " + text))
    assert st["speaker"]["mention"]["text"] == mention  # not the Kämmerer, speaker of no cue here


def test_verb_of_coming_out_keeps_its_subject(statements):
    st = only(
        statements(
            "Der Verein ist aus einer Bürgerinitiative hervorgegangen, sagte die Sprecherin."
        )
    )
    assert st["speaker"]["name"] == "die Sprecherin"


@pytest.mark.parametrize(
    ("text", "holder"),
    [
        ("Aus Sicht des Mieterbunds ist die Reform gescheitert.", "Mieterbunds"),
        ("Aus Sicht von Fachleuten war die Brücke zu schwach.", "Fachleuten"),
    ],
)
def test_aus_sicht_with_its_holder_cites_a_view(statements, text, holder):
    st = only(statements(text))
    assert st["cue"]["text"] == "Aus Sicht"
    assert st["speaker"]["mention"]["text"].endswith(holder)


def test_aus_sicht_of_an_onlooker_is_no_source(statements):
    assert statements("Das Foto wurde aus Sicht eines Kranführers aufgenommen.") == []


def test_verb_with_aber_after_a_told_clause_shares_its_subject(all_statements):
    st = only(
        all_statements(
            "Der Mieterverein lobte den Entwurf im Ganzen, mahnte aber strengere Fristen an."
        )
    )
    assert st["kind"] == "reported"
    assert st["speaker"]["name"] == "Der Mieterverein"
    assert "lobte den Entwurf im Ganzen" in st["message"]["text"]  # not the message of `mahnte`


def test_inverted_attribution_with_jedoch_and_its_subject(statements):
    st = only(statements("Der Zeitplan ist zu knapp, meinte jedoch der Bauleiter."))
    assert st["cue"]["text"] == "meinte"
    assert st["message"]["text"] == "Der Zeitplan ist zu knapp"
    assert st["speaker"]["name"] == "der Bauleiter"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Die Fahrerin hatte den Unfall zugegeben, aber bestritten, zu schnell gefahren zu sein.",
            "bestritten",
        ),
        (
            "Der Hersteller hat den Mangel eingeräumt, aber betont, dass keine Gefahr bestanden habe.",
            "betont",
        ),
        (
            "Der Hersteller hat den Mangel eingeräumt, jedoch betont, dass keine Gefahr bestanden habe.",
            "betont",
        ),
    ],
)
def test_participle_after_aber_shares_auxiliary_and_subject(statements, text, cue):
    st = only(statements(text))
    assert st["cue"]["text"] == cue
    assert st["speaker"]["mention"]["text"] in ("Die Fahrerin", "Der Hersteller")


def test_nearer_of_two_coordinated_cues_introduces_the_message(statements):
    st = only(
        statements("Der Trainer sprach mit Reportern und räumte ein, er habe falsch aufgestellt.")
    )
    assert st["cue"]["text"] == "räumte ein"
    assert st["message"]["text"] == "er habe falsch aufgestellt"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "Der Vorwurf: Der Verein habe Spenden zweckentfremdet.",
            "Der Verein habe Spenden zweckentfremdet",
        ),
        (
            "Die Forderung der Eltern: Die Schule müsse länger offen bleiben.",
            "Die Schule müsse länger offen bleiben",
        ),
    ],
)
def test_noun_of_saying_before_a_colon_introduces_reported_speech(statements, text, message):
    st = only(statements(text))
    assert st["cue"]["text"] in ("Vorwurf", "Forderung")
    assert st["message"]["text"] == message


def test_label_before_a_colon_introduces_nothing(statements):
    assert statements("Das Ergebnis: Die Halle wäre ohne Sanierung längst geschlossen.") == []
