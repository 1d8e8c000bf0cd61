"""`lagebild eval ner`: GermEval 2014 reading, chunk mapping and scoring."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli import app
from lagebild.eval.ner import (
    evaluate_ner,
    format_ner_report,
    gold_chunks,
    read_germeval,
    system_chunks,
)

SAMPLE = """#\thttp://www.example-news.de/artikel/1.html [2009-10-12]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\treist\tO\tO
4\tnach\tO\tO
5\tParis\tB-LOC\tO
6\tzur\tO\tO
7\tUnesco-Tagung\tB-ORGpart\tO
8\t.\tO\tO

#\thttp://de.wikipedia.org/wiki/Beispiel [2009-08-13]
1\tDie\tO\tO
2\tdeutsche\tB-LOCderiv\tO
3\tBand\tO\tO
4\tKraftklub\tB-OTH\tO
5\tspielte\tO\tO
6\tin\tO\tO
7\tBerlin\tB-LOC\tO
8\t.\tO\tO
"""


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.tsv"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_reading_sentences_sources_and_dates(sample):
    sentences = list(read_germeval(sample))
    assert [s.news for s in sentences] == [True, False]
    assert sentences[0].date == "2009-10-12"
    assert sentences[0].text == "Angela Merkel reist nach Paris zur Unesco-Tagung ."


def test_gold_chunks_keep_per_org_loc_only():
    tags = ["B-PER", "I-PER", "O", "B-LOCderiv", "B-OTH", "I-OTH", "B-ORGpart", "B-ORG", "I-ORG", "B-LOC", "B-LOC"]
    assert gold_chunks(tags) == {(0, 1, "PER"), (7, 8, "ORG"), (9, 9, "LOC"), (10, 10, "LOC")}


def test_an_i_tag_after_another_label_opens_a_chunk():
    assert gold_chunks(["B-PER", "I-ORG"]) == {(0, 0, "PER"), (1, 1, "ORG")}


def test_system_chunks_need_token_edges_and_map_gpe_to_loc(sample):
    sentence = next(read_germeval(sample))
    text = sentence.text
    mentions = [(0, 13, "PER"), (text.index("Paris"), text.index("Paris") + 5, "GPE"),
                (text.index("Unesco"), text.index("Unesco") + 6, "ORG"), (0, 6, "MISC")]
    assert system_chunks(sentence, mentions) == {(0, 1, "PER"), (4, 4, "LOC")}


def test_scores_overall_and_news(sample):
    def recognise(text, date):
        if text.startswith("Angela"):
            return [(0, 13, "PER"), (0, 6, "PER")]  # one right, one wrong
        start = text.index("Berlin")
        return [(start, start + 6, "LOC")]

    report = evaluate_ner(sample, recognise)
    assert report["news"]["sentences"] == 1 and report["all"]["sentences"] == 2
    news = report["news"]["overall"]
    assert (news["precision"], news["recall"]) == (0.5, 0.5)
    assert report["all"]["labels"]["LOC"]["recall"] == 0.5
    assert report["all"]["labels"]["PER"]["f1"] == pytest.approx(2 / 3)
    assert "news PER" in format_ner_report(report, misses=True)


def test_cli_runs_the_recogniser(sample):
    result = CliRunner().invoke(app, ["eval", "ner", str(sample)])
    assert result.exit_code == 0, result.output
    assert "news overall" in result.output and "all LOC" in result.output


def test_malformed_line_is_an_error(tmp_path):
    path = tmp_path / "bad.tsv"
    path.write_text("1\tWort\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tsv:1"):
        list(read_germeval(path))
