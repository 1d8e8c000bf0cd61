import json

import pytest

from lagebild.eval.statements import (
    evaluate_statements,
    format_statements_report,
    head_noun,
    same_speaker,
)

TEXT = (
    " date 2021-06 „Wir sind bereit“, sagte Jens Stoltenberg. "
    "Russland sei eine Gefahr, betonte ein Sprecher des Ministeriums."
)
DIRECT = "Wir sind bereit"
INDIRECT = "Russland sei eine Gefahr"
GOLD = [
    {
        "speaker": "Jens Stoltenberg",
        "speaker_mention": "Jens Stoltenberg",
        "cue": "sagte",
        "kind": "direct",
        "message": DIRECT,
    },
    {
        "speaker": "ein Sprecher des Ministeriums",
        "speaker_mention": "ein Sprecher",
        "cue": "betonte",
        "kind": "indirect",
        "message": INDIRECT,
    },
]


def span(text, start, end):
    return {"start": start, "end": end, "text": text[start:end]}


def statement(text, message, speaker, kind="direct", occurrence=0, start_shift=0, end_shift=0):
    """A system statement whose message is the n-th occurrence of ``message``, widened or
    narrowed by the shifts."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(message, start + 1)
    message_span = span(text, start + start_shift, start + len(message) + end_shift)
    return {
        "kind": kind,
        "message": message_span,
        "cue": None,
        "speaker": {"name": speaker, "mention": None},
    }


def write_gold(tmp_path, *records):
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    return path


def record(statements=GOLD, text=TEXT, doc_id="d1"):
    return {"id": doc_id, "text": text, "statements": statements}


def fake(by_id):
    """An analyze that returns the given system statements per document id."""

    def analyze(text, date, doc_id):
        assert date is None
        return {"text": text, "statements": by_id.get(doc_id, [])}

    return analyze


def evaluate(tmp_path, system, records=None):
    path = write_gold(tmp_path, *(records or [record()]))
    return evaluate_statements(path, fake({"d1": system}))


def perfect():
    return [
        statement(TEXT, DIRECT, "Jens Stoltenberg"),
        statement(TEXT, INDIRECT, "ein Sprecher des Ministeriums", kind="indirect"),
    ]


def test_perfect_system_scores_one(tmp_path):
    overall = evaluate(tmp_path, perfect())["overall"]
    for figure in ("message", "end_to_end"):
        assert overall[figure]["precision"] == overall[figure]["recall"] == 1.0
        assert overall[figure]["f1"] == 1.0
    assert overall["attribution_accuracy"] == overall["kind_accuracy"] == 1.0
    assert (overall["gold"], overall["system"], overall["found"]) == (2, 2, 2)


def test_missing_one_of_two_halves_recall(tmp_path):
    report = evaluate(tmp_path, perfect()[:1])
    message = report["overall"]["message"]
    assert (message["precision"], message["recall"]) == (1.0, 0.5)
    assert message["f1"] == pytest.approx(2 / 3)
    assert report["by_kind"]["indirect"]["message"]["recall"] == 0.0
    assert report["by_kind"]["indirect"]["message"]["precision"] is None
    assert report["misses"]["missed"] == [
        {
            "doc": "d1",
            "kind": "indirect",
            "speaker": "ein Sprecher des Ministeriums",
            "message": INDIRECT,
        }
    ]


def test_wrong_speaker_is_found_but_not_attributed(tmp_path):
    report = evaluate(tmp_path, [statement(TEXT, DIRECT, "Angela Merkel")], [record(GOLD[:1])])
    overall = report["overall"]
    assert overall["message"]["f1"] == 1.0
    assert overall["attribution_accuracy"] == 0.0
    assert overall["end_to_end"]["f1"] == 0.0
    assert report["misses"]["wrong_speaker"][0]["system_speaker"] == "Angela Merkel"


def test_false_positive_lowers_precision(tmp_path):
    extra = statement(TEXT, "sagte Jens", None)
    report = evaluate(tmp_path, [*perfect(), extra])
    assert report["overall"]["message"]["precision"] == pytest.approx(2 / 3)
    assert report["overall"]["message"]["recall"] == 1.0
    assert [m["message"] for m in report["misses"]["false_positives"]] == ["sagte Jens"]


@pytest.mark.parametrize(
    ("start_shift", "end_shift", "found"),
    [
        (0, -7, True),  # system keeps 8 of 15 characters
        (0, -8, False),  # 7 of 15: less than half of the longer (gold)
        (-14, 0, True),  # system 29 characters, all 15 gold inside: 15 >= 14.5
        (-16, 0, False),  # system 31 characters: 15 < 15.5, half of the longer (system)
    ],
)
def test_half_of_the_longer_message_threshold(tmp_path, start_shift, end_shift, found):
    text = " " * 20 + "„Wir sind bereit“, sagte er."
    gold = [{**GOLD[0], "speaker": None}]
    system = [statement(text, DIRECT, None, start_shift=start_shift, end_shift=end_shift)]
    report = evaluate(tmp_path, system, [record(gold, text)])
    assert report["overall"]["found"] == int(found)


def test_one_system_statement_matches_at_most_one_gold(tmp_path):
    text = "Er sagte: „A b c d e f“ und „A b c“."
    gold = [{**GOLD[0], "message": "A b c d e f"}, {**GOLD[0], "message": "A b c"}]
    system = [statement(text, "A b c d e f", "Jens Stoltenberg")]
    report = evaluate(tmp_path, system, [record(gold, text)])
    assert report["overall"]["found"] == 1
    assert report["misses"]["missed"][0]["message"] == "A b c"


def test_repeated_message_aligns_with_its_own_occurrence(tmp_path):
    text = "„Nie wieder“, sagte sie. Und später noch einmal: „Nie wieder“, sagte sie."
    gold = [{**GOLD[0], "speaker": "Merkel", "message": "Nie wieder"}] * 2
    system = [statement(text, "Nie wieder", "Angela Merkel", occurrence=1)]
    report = evaluate(tmp_path, system, [record(gold, text)])
    assert report["overall"]["found"] == 1
    assert report["documents"][0]["message"]["recall"] == 0.5


def test_message_with_parts_uses_the_parts(tmp_path):
    text = "„Wir sind“, sagte er, „bereit“."
    gold = [{**GOLD[0], "speaker": None, "message": "Wir sind"}]
    second_start = text.index("bereit")
    first, second = span(text, 1, 9), span(text, second_start, second_start + 6)
    message = {**span(text, 1, second["end"]), "parts": [first, second]}
    system = [
        {
            "kind": "direct",
            "message": message,
            "cue": None,
            "speaker": {"name": None, "mention": None},
        }
    ]
    # 8 of 14 part characters overlap; the whole 27-character range would not reach half
    assert evaluate(tmp_path, system, [record(gold, text)])["overall"]["found"] == 1


def test_kind_precision_per_system_kind_and_confusion(tmp_path):
    system = [
        statement(TEXT, DIRECT, "Jens Stoltenberg", kind="mixed"),
        statement(TEXT, INDIRECT, "Sprecher", kind="indirect"),
    ]
    report = evaluate(tmp_path, system)
    assert report["overall"]["kind_accuracy"] == 0.5
    assert report["overall"]["kind_confusion"] == {
        "direct": {"mixed": 1},
        "indirect": {"indirect": 1},
    }
    assert report["by_kind"]["direct"]["message"]["recall"] == 1.0
    assert report["by_kind"]["direct"]["message"]["precision"] is None
    assert report["by_kind"]["mixed"]["message"]["precision"] == 1.0
    assert report["by_kind"]["mixed"]["gold"] == 0


def test_per_document_figures(tmp_path):
    path = write_gold(tmp_path, record(), record(GOLD[:1], doc_id="d2"))
    report = evaluate_statements(path, fake({"d1": perfect()}))
    by_id = {doc["id"]: doc for doc in report["documents"]}
    assert by_id["d1"]["message"]["f1"] == 1.0
    assert by_id["d2"]["message"]["recall"] == 0.0
    assert by_id["d2"]["message"]["precision"] is None
    assert report["overall"]["message"]["recall"] == pytest.approx(2 / 3)
    json.dumps(report)


@pytest.mark.parametrize(
    ("gold", "system", "same"),
    [
        ("Jens Stoltenberg", "Stoltenberg", True),
        ("Jens Stoltenberg", "Nato-Generalsekretär Jens Stoltenberg", True),
        ("Jens Stoltenberg", "Stoltenbergs", True),
        ("Jens Stoltenberg", "jens stoltenberg", True),
        ("Jens Stoltenberg", "Jens Spahn", False),
        ("Jens Stoltenberg", "Stoltenberg-Sprecher", False),
        ("Karin Keller-Sutter", "Keller-Sutter", True),
        ("Karin Keller-Sutter", "Karin Keller Sutter", True),
        ("Karin Keller-Sutter", "Sutter", False),
        ("Ursula von der Leyen", "von der Leyen", True),
        ("ein Sprecher des Ministeriums", "Sprecher", True),
        ("ein Sprecher des Ministeriums", "der Sprecher", True),
        ("ein Sprecher des Ministeriums", "Ministerium", False),
        ("ein Sprecher des Ministeriums", "Jens Stoltenberg", False),
        ("die Deutsche Bischofskonferenz", "Bischofskonferenz", True),
        ("der Schweizerische Gewerkschaftsbund (SGB)", "Gewerkschaftsbund", True),
        ("die «Bild»-Zeitung", "Bild-Zeitung", True),
        (None, None, True),
        (None, "Stoltenberg", False),
        ("Jens Stoltenberg", None, False),
    ],
)
def test_same_speaker(gold, system, same):
    assert same_speaker(gold, system) is same


@pytest.mark.parametrize(
    ("description", "head"),
    [
        ("ein Sprecher des Auswärtigen Amts", "sprecher"),
        ("die katholische Reformbewegung «Wir sind Kirche»", "reformbewegung"),
        ("mehrere Agenturen und türkische Fernsehsender", "agenturen"),
        ("die EU-Kommission", "eukommission"),
        ("er", None),
    ],
)
def test_head_noun(description, head):
    assert head_noun(description) == head


def test_head_noun_match_counts_as_attributed(tmp_path):
    system = [statement(TEXT, INDIRECT, "Sprecher", kind="indirect")]
    report = evaluate(tmp_path, system, [record(GOLD[1:])])
    assert report["overall"]["attribution_accuracy"] == 1.0


def test_null_gold_speaker_needs_null_system_speaker(tmp_path):
    gold = [{**GOLD[0], "speaker": None}]
    named = evaluate(tmp_path, [statement(TEXT, DIRECT, "Stoltenberg")], [record(gold)])
    unnamed = evaluate(tmp_path, [statement(TEXT, DIRECT, None)], [record(gold)])
    assert named["overall"]["attributed"] == 0
    assert unnamed["overall"]["attributed"] == 1


def test_gold_message_missing_from_text_is_an_error(tmp_path):
    with pytest.raises(ValueError, match="not in the text"):
        evaluate(tmp_path, [], [record([{**GOLD[0], "message": "nirgends"}])])


def test_analysis_text_must_be_the_input(tmp_path):
    path = write_gold(tmp_path, record())
    with pytest.raises(ValueError, match="differs"):
        evaluate_statements(path, lambda text, date, doc_id: {"text": text.strip()})


def test_format_lists_misses_only_when_asked(tmp_path):
    report = evaluate(tmp_path, [statement(TEXT, DIRECT, "Angela Merkel")])
    short, full = format_statements_report(report, False), format_statements_report(report, True)
    assert "direct" in short and "d1" in short and INDIRECT not in short
    assert "Missed gold statements (1)" in full and INDIRECT in full
    assert "gold 'Jens Stoltenberg' vs system 'Angela Merkel'" in full
