import json
from pathlib import Path

import pytest

from lagebild.eval.spkatt import (
    date_from_name,
    document_paths,
    evaluate_spkatt,
    format_spkatt_report,
    load_document,
)

SENTENCES = [
    {"SentenceId": 0, "Tokens": ["Müller", "sagte", ",", "die", "Lage", "sei", "ernst", "."]},
    {"SentenceId": 1, "Tokens": ["„", "Wir", "handeln", "jetzt", "“", ",", "so", "Schulz", "."]},
]
TEXT = "Müller sagte , die Lage sei ernst .\n„ Wir handeln jetzt “ , so Schulz ."


def ids(sentence, first, last):
    return [f"{sentence}:{token}" for token in range(first, last + 1)]


INDIRECT = {
    "Message": ids(0, 3, 6),
    "Source": ["0:0"],
    "Cue": ["0:1"],
    "Form": "Indirect",
    "IsNested": False,
}
DIRECT = {
    "Message": ids(1, 1, 3),
    "Source": ["1:7"],
    "Cue": ["1:6"],
    "Form": "Direct",
    "IsNested": False,
}
NESTED = {"Message": ["0:4"], "Source": [], "Cue": [], "Form": "Indirect", "IsNested": True}
CUE_ONLY = {"Message": [], "Source": ["0:0"], "Cue": ["0:1"]}
NAME = "1 - Müller warnt (2005-08-20).json"


def write_doc(directory: Path, annotations, name=NAME):
    directory.mkdir(exist_ok=True)
    data = {"Sentences": SENTENCES, "Annotations": annotations}
    (directory / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def span(text, words, occurrence=0):
    if words is None:
        return None
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return {"start": start, "end": start + len(words), "text": words}


def statement(message, mention=None, cue=None):
    return {
        "kind": "direct",
        "message": span(TEXT, message),
        "cue": span(TEXT, cue),
        "speaker": {"name": None, "mention": span(TEXT, mention)},
    }


def fake(statements, seen=None):
    def analyze(text, date, doc_id):
        assert text == TEXT
        if seen is not None:
            seen.append((date, doc_id))
        return {"text": text, "statements": statements}

    return analyze


def evaluate(tmp_path, statements, annotations=(INDIRECT, DIRECT, NESTED, CUE_ONLY)):
    write_doc(tmp_path / "gold", list(annotations))
    return evaluate_spkatt(tmp_path / "gold", fake(statements))


PERFECT = [
    statement("die Lage sei ernst", "Müller", "sagte"),
    statement("Wir handeln jetzt", "Schulz", "so"),
]


def test_document_is_rebuilt_from_tokens(tmp_path):
    write_doc(tmp_path, [INDIRECT])
    doc = load_document(tmp_path / NAME)
    assert doc.text == TEXT
    assert doc.date == "2005-08-20"
    assert doc.words(doc.gold[0].message) == "die Lage sei ernst"
    assert doc.tokens_of(span(TEXT, "Schulz")) == {15}


@pytest.mark.parametrize(
    ("start", "end", "counted"), [(0, 3, True), (3, 6, True), (0, 2, False), (4, 6, False)]
)
def test_a_token_counts_when_half_its_characters_are_inside(tmp_path, start, end, counted):
    write_doc(tmp_path, [])
    doc = load_document(tmp_path / NAME)  # "Müller" is token 0, characters 0-6
    assert (0 in doc.tokens_of({"start": start, "end": end})) is counted


def test_spans_with_parts_use_the_parts(tmp_path):
    write_doc(tmp_path, [])
    doc = load_document(tmp_path / NAME)
    parts = [span(TEXT, "Müller"), span(TEXT, "ernst")]
    assert doc.tokens_of({**span(TEXT, "Müller sagte , die Lage sei ernst"), "parts": parts}) == {
        0,
        6,
    }


def test_perfect_system_scores_one(tmp_path):
    report = evaluate(tmp_path, PERFECT)
    for figures in [*report["tokens"].values(), *report["statements"].values()]:
        if isinstance(figures, dict):
            assert figures["precision"] == figures["recall"] == figures["f1"] == 1.0
    assert report["statements"]["attribution_accuracy"] == 1.0
    assert (report["gold"], report["system"]) == (2, 2)  # nested and cue-only left out


def test_missing_one_of_two_halves_recall(tmp_path):
    report = evaluate(tmp_path, PERFECT[:1])
    found = report["statements"]["found"]
    assert (found["precision"], found["recall"]) == (1.0, 0.5)
    assert report["tokens"]["message"]["recall"] == pytest.approx(4 / 7)
    assert report["by_form"] == {
        "Direct": {"gold": 1, "found": 0, "recall": 0.0},
        "Indirect": {"gold": 1, "found": 1, "recall": 1.0},
    }
    assert report["misses"]["missed"] == [
        {"file": NAME, "form": "Direct", "message": "Wir handeln jetzt"}
    ]


def test_wrong_source_is_found_but_not_attributed(tmp_path):
    report = evaluate(tmp_path, [statement("die Lage sei ernst", "Schulz", "sagte")], [INDIRECT])
    assert report["statements"]["found"]["f1"] == 1.0
    assert report["statements"]["attributed"]["f1"] == 0.0
    assert report["tokens"]["source"]["precision"] == report["tokens"]["source"]["recall"] == 0.0


def test_token_figures_over_aligned_and_unaligned_statements(tmp_path):
    system = [
        statement("sagte , die Lage sei ernst", "Müller"),  # 6 tokens, 4 right; no cue
        statement("Schulz"),  # unaligned: its message token counts against precision
    ]
    report = evaluate(tmp_path, system)
    message, cue = report["tokens"]["message"], report["tokens"]["cue"]
    assert message["precision"] == pytest.approx(4 / 7)
    assert message["recall"] == pytest.approx(4 / 7)  # the direct quote's 3 tokens missed
    assert (cue["precision"], cue["recall"]) == (None, 0.0)
    assert report["statements"]["found"]["correct_system"] == 1  # 4 of 6 >= half


@pytest.mark.parametrize(
    ("message", "found"),
    [("die Lage", 1), ("die", 0), ("Müller sagte , die Lage", 0), ("sagte , die Lage sei", 1)],
)
def test_found_needs_half_of_the_longer_message_in_tokens(tmp_path, message, found):
    report = evaluate(tmp_path, [statement(message, "Müller")], [INDIRECT])
    assert report["statements"]["found"]["correct_gold"] == found
    assert report["tokens"]["message"]["correct_gold"] > 0  # aligned either way


def test_one_to_one_alignment_by_largest_overlap(tmp_path):
    system = [statement("die Lage"), statement("die Lage sei ernst")]
    report = evaluate(tmp_path, system, [INDIRECT])
    assert report["statements"]["found"]["correct_system"] == 1
    assert report["misses"]["false_positives"][0]["message"] == "die Lage"
    assert report["tokens"]["message"]["precision"] == pytest.approx(4 / 6)


def test_gold_without_source_is_attributed_to_no_mention(tmp_path):
    anonymous = {**INDIRECT, "Source": []}
    without = evaluate(tmp_path, [statement("die Lage sei ernst")], [anonymous])
    with_mention = evaluate(tmp_path, [statement("die Lage sei ernst", "Müller")], [anonymous])
    assert without["statements"]["attributed"]["correct_gold"] == 1
    assert with_mention["statements"]["attributed"]["correct_gold"] == 0


def test_date_comes_from_wikinews_names_only(tmp_path):
    write_doc(tmp_path, [INDIRECT])
    write_doc(tmp_path, [INDIRECT], name="19002_Zusatzpunkt_3_SPD_Hendricks_21.11.2017.json")
    seen = []
    report = evaluate_spkatt(tmp_path, fake(PERFECT, seen))
    assert seen == [
        ("2005-08-20", "1 - Müller warnt (2005-08-20)"),
        (None, "19002_Zusatzpunkt_3_SPD_Hendricks_21.11.2017"),
    ]
    assert report["documents"] == 2
    assert date_from_name("a (2022-01-31).json") == "2022-01-31"


def test_limit_takes_the_first_files(tmp_path):
    for number in range(3):
        write_doc(tmp_path, [INDIRECT], name=f"{number}.json")
    report = evaluate_spkatt(tmp_path, fake(PERFECT), limit=2)
    assert (report["documents"], report["gold"]) == (2, 2)


def test_format_lists_misses_only_when_asked(tmp_path):
    report = evaluate(tmp_path, [statement("Schulz")])
    short, full = format_spkatt_report(report, False), format_spkatt_report(report, True)
    assert "message" in short and "Indirect" in short and NAME not in short
    assert "Missed gold messages (2 of 2)" in full and "Wir handeln jetzt" in full
    assert f"{NAME} [direct]: Schulz" in full
    json.dumps(report)


def test_missing_directory_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        evaluate_spkatt(tmp_path / "nowhere", fake([]))


DATA = Path("/work/shared/data")


@pytest.mark.parametrize("corpus", ["spkatt2023/train", "wikinews-spkatt/train"])
def test_every_real_file_loads(corpus):
    directory = DATA / corpus
    if not directory.is_dir():
        pytest.skip(f"{directory} not available")
    for path in document_paths(directory):
        doc = load_document(path)
        assert len(doc.token_starts) == len(doc.token_ends) > 0
        assert all(annotation.message for annotation in doc.gold)
