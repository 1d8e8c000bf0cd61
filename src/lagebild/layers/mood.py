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


def has_reported_subjunctive(tokens: list[Token], lex: SpeechLexicon, konj2: bool, possibility: bool = False) -> bool:
    """Whether a clause's tokens carry a reporting Konjunktiv (not `als sei`, `es sei denn`,
    `wenn er käme`). Konjunktiv II counts only when `konj2` (soon after a statement), and its
    forms that speak of what might be (`könnte`, `wäre`) only when `possibility` (right after a
    statement, where they tell on a forecast) or in a clause that reports (`…, es könnte …`)."""
    return reported_subjunctive_at(tokens, lex, konj2, possibility) is not None


def reported_subjunctive_at(tokens: list[Token], lex: SpeechLexicon, konj2: bool, possibility: bool = False) -> int | None:
    """The position of the first reporting Konjunktiv in tokens (see has_reported_subjunctive)."""
    hypothetical = lex.word_class("hypothetical")
    for k, t in enumerate(tokens):
        mood = subjunctive_mood(t, lex)
        if mood is None or (mood == 2 and not konj2) or _is_noun_in_place(tokens, k):
            continue
        if mood == 2 and not possibility and t.lower in lex.word_class("hypothetical_subjunctive2") and not _embedded_report(tokens, k):
            continue
        if mood == 2 and (_conditional_consequence(tokens, k, lex) or _under_indicative_main_clause(tokens, k, lex)):
            continue
        if "ich" in {x.lower for x in tokens[max(0, k - 2) : k + 3]}:
            continue
        if _first_person_indicative(tokens, k, lex) or _after_finite_verb(tokens, k):
            continue
        before = tokens[k - 1].lower if k else ""
        clause_initial = k == 0 or tokens[k - 1].text in ",;:–"
        if before == "als" or t.lower == "sei" and clause_initial and k + 1 < len(tokens) and tokens[k + 1].lower in ("denn", "es"):
            continue
        if tokens[0].lower in hypothetical and not any(x.text in ",;:" for x in tokens[:k]):
            continue
        return k
    return None


def _is_noun_in_place(tokens: list[Token], k: int) -> bool:
    """A capitalised word inside a clause is a noun the tagger took for a verb (`alle Versuche`):
    German capitalises verbs only where a sentence or quotation begins."""
    word = tokens[k].text
    if any(c.isupper() for c in word[1:]):
        return True  # `iMessage`, `WhatsApp`: names, never verbs
    return k > 0 and word[:1].isupper() and tokens[k - 1].text not in _OPENERS


def _after_finite_verb(tokens: list[Token], k: int) -> bool:
    """`Die Opposition stellte den Nutzen infrage`: a clause holds one finite verb unless a
    conjunction or a new clause comes between, so a second `stem + e` after it is a particle or a
    noun the tagger took for a verb."""
    for j in range(k - 1, _clause_start(tokens, k) - 1, -1):
        word = tokens[j]
        if word.pos.startswith(_NEW_CLAUSE) or word.text in _OPENERS or word.text.endswith((".", "!", "?")):
            return False  # `…, vom Typ MI-17. Der Hubschrauber sei …`: a sentence the splitter missed
        if tokens[j + 1].i > word.i + 1:
            return False  # `zeigte sich „glücklich, wie es gelaufen“ sei`: a quotation was cut out between
        if word.pos.endswith("(FIN)") and not _is_noun_in_place(tokens, j):
            return True
    return False


def _under_indicative_main_clause(tokens: list[Token], k: int, lex: SpeechLexicon) -> bool:
    """`Die CDU erreicht nicht die Zahl von Sitzen, die für eine Regierung ausreichen würde`: a
    Konjunktiv II in a relative or adverbial clause under an indicative main clause is the
    writer's own conjecture, unless the main clause speaks or thinks (`erwarten`, `sagen`); only
    `dass` and `ob` clauses hold what someone said under any main clause."""
    start = _clause_start(tokens, k)
    if start == 0:
        return False
    opened = [t for t in tokens[start:k] if t.pos.startswith(_SUBORDINATE_OPENERS)]
    if not opened or any(t.lower in ("dass", "daß", "ob") for t in opened):
        return False
    main = [t for j, t in enumerate(tokens[:start]) if t.pos.startswith("V") and not _is_noun_in_place(tokens, j)]
    finite = [t for t in main if t.pos.endswith("(FIN)")]
    words = {t.lower for t in tokens[:start]}
    return bool(finite) and not _speaks(main, words, lex) and all(subjunctive_mood(t, lex) is None for t in finite)


def _speaks(verbs: list[Token], words: set[str], lex: SpeechLexicon) -> bool:
    """Whether one of the verbs is a cue with its companion words in the clause (`erwarten`,
    `machen … deutlich`): `erwarten keine Entscheidung, weil …` gives their view."""
    for verb in verbs:
        for entry in lex.cues.get(verb.lemma.lower(), ()):
            if entry.cls != "not" and (entry.companion is None or set(entry.companion.lower().split()) <= words):
                return True
    return False


def _conditional_consequence(tokens: list[Token], k: int, lex: SpeechLexicon) -> bool:
    """`Falls …, wäre es`, `Sollte …, könnte`, `Hätte er …, müsste er`, `Im Falle einer X würde`: the
    Konjunktiv II says what would follow from a condition, not what someone said."""
    if [t.lower for t in tokens[:2]] in (["im", "falle"], ["im", "fall"]) or _bei_einem(tokens, k):
        return _clause_start(tokens, k) == _clause_start(tokens, 0)
    first = tokens[0]
    verb_first = first.pos.endswith("(FIN)") and subjunctive_mood(first, lex) == 2
    if k == 0:
        return verb_first  # `Hätte man früher gebaut, …`: the condition itself
    if not (verb_first or first.lower in ("wenn", "falls", "sofern", "sollte", "sollten")):
        return False
    start = _clause_start(tokens, k)
    comma = next((j for j, t in enumerate(tokens) if t.text in _CLAUSE_MARKS), None)
    return comma is not None and start == comma + 1 and (k == start or tokens[start].lower == "so")


def _bei_einem(tokens: list[Token], k: int) -> bool:
    """`Bei einem Sieg müssten sie …`: `bei` with an indefinite noun right before the fronted
    Konjunktiv II names the case it would hold in."""
    return len(tokens) > 2 and tokens[0].lower == "bei" and tokens[1].lower in ("einem", "einer") and tokens[k - 1].pos.startswith(("NN", "NE"))


def _embedded_report(tokens: list[Token], k: int) -> bool:
    """`…, es könnte eine Aktion bevorstehen`, `…, dass er kandidieren könnte`: a clause after the
    main clause that holds what someone thinks or fears, where `könnte` reports as well."""
    first = _clause_start(tokens, k)
    if first == 0 or first == k:
        return False
    opener = tokens[first]
    if opener.lower in ("dass", "daß"):
        return True
    return not opener.pos.startswith(_NOT_REPORT_OPENERS) and opener.lower not in ("und", "aber", "doch", "sondern", "oder", "denn")


def _clause_start(tokens: list[Token], k: int) -> int:
    first = k
    while first > 0 and tokens[first - 1].text not in _CLAUSE_MARKS:
        first -= 1
    return first


def _first_person_indicative(tokens: list[Token], k: int, lex: SpeechLexicon) -> bool:
    """`Ich arbeite … und plane einen Film`: with `ich` as subject, stem + e is the indicative.
    Only the listed forms (`sei`, `könne`) stay Konjunktiv I in the first person."""
    if tokens[k].lower in lex.word_class("subjunctive1"):
        return False
    for j in range(k - 1, -1, -1):
        word = tokens[j]
        if word.lower == "ich":
            return True
        if word.pos.startswith(_OTHER_SUBJECTS) or word.text in _CLAUSE_MARKS and _opens_clause(tokens, j + 1):
            return False
    return False


def _opens_clause(tokens: list[Token], j: int) -> bool:
    """Whether the word after a comma may begin a clause with a subject of its own; a noun goes on
    a list (`aus Designern, Animateuren und Regisseuren`), `und` before a verb shares the subject
    (`…, und spiele damit`)."""
    if j >= len(tokens) or tokens[j].pos.startswith(("NN", "ADJ", "CARD")):
        return False
    return not (tokens[j].pos == "KON" and j + 1 < len(tokens) and tokens[j + 1].pos.endswith("(FIN)"))


# subordinators, relative and interrogative words, verbs: clauses that do not carry a report
_NOT_REPORT_OPENERS = ("KOUS", "KOUI", "PREL", "PW", "APPR", "V")
_SUBORDINATE_OPENERS = ("KOUS", "PREL", "PW")
_NEW_CLAUSE = ("KON", "KOUS", "KOUI", "PREL", "PW")  # `und`, `dass`, `der`, `wer`: a finite verb of its own may follow
_OTHER_SUBJECTS = ("KOUS", "PREL", "PW", "PPER", "PDS", "PIS")  # a new clause or subject before `ich` is reached
_CLAUSE_MARKS = {",", ";", ":", "–", "—"}
_OPENERS = {"„", "“", "\"", "»", "«", "‚", "‘", ":", "(", "–"}
