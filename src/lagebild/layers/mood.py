"""Mood: Konjunktiv I and II, the grammar of reported speech in German.

`Die Lage sei ernst` reports; `Die Lage ist ernst` asserts. Konjunktiv I is told from the
indicative by HanTa's stem and suffix (`sag`+`e` is Konjunktiv I of `sagen`, `wurd`+`e` is the
preterite of `werden`); irregular and ambiguous forms are listed in lang/de/speech_words.tsv.
"""

from __future__ import annotations

from lagebild.document import Token
from lagebild.lang import SpeechLexicon


def subjunctive_mood(t: Token, lex: SpeechLexicon) -> int | None:
    """1 for Konjunktiv I (`sei`, `habe`, `sage`), 2 for Konjunktiv II (`würde`, `wäre`), else None."""
    low = t.lower
    if not t.pos.startswith("V") or low in lex.word_class("not_subjunctive"):
        return None
    if low in lex.word_class("subjunctive1"):
        return 1
    if low in lex.word_class("subjunctive2"):
        return 2
    lemma = t.lemma.lower()
    stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1] if lemma.endswith("n") else lemma
    if t.pos.endswith("(FIN)") and t.suffix == "e" and low.endswith("e") and low[:-1] == stem:
        return 1
    return None


def has_reported_subjunctive(tokens: list[Token], lex: SpeechLexicon, konj2: bool) -> bool:
    """Whether a clause's tokens carry a reporting Konjunktiv (not `als sei`, `es sei denn`,
    `wenn er käme`); Konjunktiv II counts only when `konj2` (right after a statement)."""
    hypothetical = lex.word_class("hypothetical")
    for k, t in enumerate(tokens):
        mood = subjunctive_mood(t, lex)
        if mood is None or (mood == 2 and not konj2):
            continue
        if "ich" in {x.lower for x in tokens[max(0, k - 2) : k + 3]}:
            continue
        before = tokens[k - 1].lower if k else ""
        clause_initial = k == 0 or tokens[k - 1].text in ",;:–"
        if before == "als" or t.lower == "sei" and clause_initial and k + 1 < len(tokens) and tokens[k + 1].lower in ("denn", "es"):
            continue
        if tokens[0].lower in hypothetical and not any(x.text in ",;:" for x in tokens[:k]):
            continue
        return True
    return False
