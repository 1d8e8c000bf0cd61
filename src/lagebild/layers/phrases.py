"""Noun phrases around cue words: the speaker before or after a verb, the object of `laut`.

Works on HanTa's STTS-like tags; no parser. A speaker phrase is a pronoun, a name with its
titles (`Generalsekretär Jens Stoltenberg`), or a determiner with adjectives and a noun and
at most one genitive attribute (`ein Sprecher des Auswärtigen Amts`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.document import Token
from lagebild.lang import speech_lexicon

DETERMINERS = ("ART", "PDAT", "PPOSAT", "PIAT", "PIDAT", "PWAT")
SKIPPABLE = {"auch", "zudem", "weiter", "dann", "nun", "jedoch", "aber", "dazu", "später", "bereits", "noch", "ebenfalls", "zuletzt", "schließlich", "außerdem", "gleichzeitig", "daraufhin", "anschließend", "demnach", "hingegen", "dagegen", "allerdings", "indes", "unterdessen", "damals", "heute", "gestern", "erneut", "nochmals", "wiederum", "selbst", "jetzt", "einst", "kürzlich", "jüngst", "seinerseits", "ihrerseits", "sich", "sogar", "nur", "wörtlich", "deshalb", "daher", "also", "doch", "ja", "so", "etwa", "zufolge"}
CLAUSE_CONJUNCTIONS = {"aber", "und", "doch", "denn", "oder", "sondern"}
FOCUS_PARTICLES = {"auch", "selbst", "sogar", "nur", "gerade", "ebenso", "ebenfalls", "vor allem", "einzig", "allein", "lediglich", "ausgerechnet", "insbesondere", "besonders", "zumindest", "wenigstens", "ausschließlich", "bereits", "schon"}
GENITIVE_ADVERBIALS = {("des", "weiteren"), ("des", "öfteren"), ("des", "nachts"), ("des", "morgens"), ("des", "abends"), ("eines", "tages"), ("letzten", "endes")}
PRONOUNS = {"er", "sie"}  # third person: resolved to an antecedent
DEMONSTRATIVES = {"dieser", "diese", "jener", "jene"}  # "sagte dieser": the person just named
PARTITIVES = {"einer", "eine", "eines", "keiner", "jeder", "jede", "viele", "einige", "mehrere", "manche"}
INDEFINITE_SPEAKERS = {"einige", "viele", "manche", "mehrere", "andere", "niemand", "jemand", "beide"}  # people unnamed
SPEAKER_PRONOUNS = PRONOUNS | {"ich", "wir", "du", "ihr"}  # speeches and interviews: "Ich sage Ihnen, …"


def is_nounlike(t: Token) -> bool:
    # nominalised hyphen compounds: "der 86-Jährige", "der Ex-Kanzler", "der 81-jährige" (sic)
    if t.pos in ("NN", "NE", "FM"):
        return True
    if not t.pos.startswith("ADJ") or "-" not in t.text:
        return False
    first, last = t.text.split("-", 1)[0], t.text.rsplit("-", 1)[-1]
    return last[:1].isupper() or (first.isdigit() and last.startswith("jährige"))


def is_name(t: Token) -> bool:
    return t.pos == "NE" or (t.pos == "FM" and t.text[:1].isupper())


def is_punct(t: Token) -> bool:
    return t.pos.startswith("$") or not any(c.isalnum() for c in t.text)


def noun_phrase_at(tokens: list[Token], i: int, stop: int) -> tuple[int, int] | None:
    """The speaker-like noun phrase starting at tokens[i] (before `stop`), as (first, last) inclusive."""
    if i >= stop:
        return None
    t = tokens[i]
    if t.lower in SPEAKER_PRONOUNS and t.pos.startswith("PPER") or t.lower in DEMONSTRATIVES and t.pos == "PDS":
        return i, i
    if t.lower in INDEFINITE_SPEAKERS and t.pos == "PIS":  # "Einige vertreten die Auffassung, …"
        return i, i
    if _is_web_address(t):  # "Wie t-online.de berichtet"
        return i, i
    title_end = _quoted_title_end(tokens, i, stop, names_only=True)
    if title_end is not None and not _is_nickname_mark(tokens, i, stop):  # „heise online“ berichtet
        return i, title_end
    if _is_nickname_mark(tokens, i, stop):  # “Kaiser” Franz Beckenbauer
        np = noun_phrase_at(tokens, i + 1, stop)
        return (i, np[1]) if np else None
    if t.lower in PARTITIVES and i + 1 < stop and tokens[i + 1].lower == "der":  # einer der Feuerwehrmänner
        np = noun_phrase_at(tokens, i + 1, stop)
        return (i, np[1]) if np else None
    j = i
    if t.pos.startswith(DETERMINERS) or t.lower in ("ein", "eine", "einer", "der", "die", "das", "dem", "den", "des"):
        j += 1
        title_end = _quoted_title_end(tokens, j, stop)
        if title_end is not None:  # der „Rheinischen Post“
            return i, title_end
        j = skip_participial_attribute(tokens, j, stop)
    head = None
    while j < stop:
        tok = tokens[j]
        if tok.pos.startswith("ADJ") and not tok.text[:1].isupper() and not is_nounlike(tok):
            if head is not None:
                break  # "laut Hauptmann Sipe gute Fortschritte": an adjective after the head starts the next phrase
            j += 1
            continue
        if tok.pos == "CARD" and j + 1 < stop and (is_nounlike(tokens[j + 1]) or tokens[j + 1].pos.startswith("ADJ")):
            j += 1
            continue
        if is_nounlike(tok) or (tok.text[:1].isupper() and tok.pos.startswith("ADJ")) or (tok.text[:1].isupper() and tok.pos == "XY"):
            head = j
            j += 1
            continue
        if head is not None and _is_nickname_mark(tokens, j, stop):
            j += 1
            continue
        break
    if head is None:
        return None
    name_end = _quoted_title_end(tokens, j, stop) if _names_a_kind(tokens[head]) else None
    if name_end is not None:  # the name after its kind: das Bündnis „Aktion Deutschland hilft“
        return i, name_end
    # one genitive attribute after a common noun: "ein Sprecher des Ministeriums"
    if j < stop and tokens[head].pos == "NN" and tokens[j].lower in ("des", "der") and not is_name(tokens[head]):
        genitive = noun_phrase_at(tokens, j, stop)
        if genitive and genitive[1] > j:
            head = genitive[1]
    return i, head


@lru_cache(maxsize=1)
def _kind_suffixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    lex = speech_lexicon()
    return tuple(lex.word_class("institution_suffix")), tuple(lex.word_class("role_suffix"))


def _names_a_kind(t: Token) -> bool:
    """A common noun that a quoted name may follow: an institution, not a person's role."""
    institutions, roles = _kind_suffixes()
    return t.pos == "NN" and t.lower.endswith(institutions) and not t.lower.endswith(roles)


def _is_nickname_mark(tokens: list[Token], i: int, stop: int) -> bool:
    """A quotation mark around a one-word nickname inside a name: “Kaiser” Franz Beckenbauer."""
    if tokens[i].pos != "$(" or i + 1 >= stop:
        return False
    if tokens[i + 1].text[:1].isupper() and i + 2 < stop and tokens[i + 2].pos == "$(":
        return True
    return i > 0 and tokens[i - 1].text[:1].isupper() and tokens[i - 2].pos == "$(" if i > 1 else False


def skip_participial_attribute(tokens: list[Token], j: int, stop: int) -> int:
    """`der seit 23 Jahren amtierende Chef`, `die das Unglück überlebende Frau`: skip the phrase
    before an attributive participle."""
    if j >= stop or not tokens[j].pos.startswith(("APPR", "ART")):
        return j
    for k in range(j + 1, min(stop - 1, j + 6)):
        if tokens[k].pos == "ADJ(A)" and not tokens[k].text[:1].isupper() and is_nounlike(tokens[k + 1]):
            return k
        if tokens[k].pos.startswith(("V", "$")):
            break
    return j


def _quoted_title_end(tokens: list[Token], j: int, stop: int, names_only: bool = False) -> int | None:
    """The closing mark of a short capitalised title in quotation marks starting at j; with
    `names_only`, of a title of names alone (`„heise online“`, `„BBC News“`), which may be lower case."""
    if j >= stop or tokens[j].pos != "$(" or tokens[j].text in BRACKETS or j + 1 >= stop:
        return None
    if not tokens[j + 1].text[:1].isupper() and not (names_only and is_name(tokens[j + 1])):
        return None
    article = names_only and tokens[j + 1].pos == "ART"  # „Die Zeit“, „Der Standard“
    for k in range(j + 1 + article, min(stop, j + 7)):
        if tokens[k].pos == "$(":
            named = not names_only or article and k - j <= 4 or any(is_name(t) for t in tokens[j + 1 : k])
            return k if k > j + 1 + article and named else None
        if tokens[k].pos.startswith("V") or tokens[k].text in ",.:;" or names_only and not _name_like(tokens[k]):
            return None
    return None


def _name_like(t: Token) -> bool:
    return is_name(t) or t.pos == "NN" and t.text[:1].isupper()


BRACKETS = set("()[]{}")  # tagged like quotation marks, but they enclose no title
WEB_ADDRESS = re.compile(r"^[\w-]+(\.[\w-]+)*\.(de|com|org|net|at|ch|eu|info|fr|uk|it|es|nl|ru)$", re.IGNORECASE)


def _is_web_address(t: Token) -> bool:
    """`t-online.de`, `ndr.de`, `Spiegel.de`: a website named as a medium."""
    return bool(WEB_ADDRESS.match(t.text))


def phrase_after(tokens: list[Token], i: int, stop: int) -> tuple[int, int] | None:
    """The speaker phrase after a verb at i-1: skips adverbs like `auch`, `weiter`."""
    while i < stop and (tokens[i].lower in SKIPPABLE or tokens[i].pos in ("ADV", "PTKNEG") or tokens[i].lower == "es" and i + 1 < stop) and tokens[i].lower not in SPEAKER_PRONOUNS:
        i += 1
    return noun_phrase_at(tokens, i, stop)


def phrase_before(tokens: list[Token], start: int, verb: int) -> tuple[int, int] | None:
    """The first constituent before a V2 verb when it is a noun phrase (the subject), with its
    attributes: `Der Leiter des Programms der WHO, Klaus Stöhr,` or `Merkel (CDU)`."""
    while start < verb and (tokens[start].lower in FOCUS_PARTICLES or tokens[start].lower in CLAUSE_CONJUNCTIONS):  # "Auch NEOS-Chefin X meinte", "Aber Zeitungen berichteten"
        start += 1
    if verb <= start:
        return None
    first = tokens[start]
    if first.pos.startswith(("APPR", "ADV", "KOUS", "KON", "PWAV", "PROAV", "PTK")) or first.lower in SKIPPABLE:
        return None
    if start + 1 < verb and (first.lower, tokens[start + 1].lower) in GENITIVE_ADVERBIALS:
        return None  # "Des Weiteren wirft der Bericht ihm vor": an adverbial, not the subject
    if first.pos == "ADJ(D)" and start + 1 == verb:  # "Unzufrieden zeigten sich …": predicative, no subject
        return None
    if noun_phrase_at(tokens, start, verb) is None and not _quoted_name_before(tokens, start, verb):
        return None
    end = verb - 1
    while end > start and (tokens[end].lower in SKIPPABLE or tokens[end].text == ","):
        end -= 1
    stretch = tokens[start : end + 1]
    if len(stretch) > MAX_SUBJECT_TOKENS or any(_breaks_subject(t) for t in stretch):
        return None
    return start, end


MAX_SUBJECT_TOKENS = 25
COORDINATORS = {"und", "sowie"}


def _quoted_name_before(tokens: list[Token], start: int, verb: int) -> bool:
    """`„Ärzte ohne Grenzen“ kündigte an`, `„Muslix64“ erwähnte`: a short capitalised title in
    quotation marks right before the verb (or coordinated with a phrase that is) is a name."""
    end = _quoted_title_end(tokens, start, verb)
    if end is None or end == start + 1:
        return False
    return end == verb - 1 or tokens[end + 1].lower in COORDINATORS and noun_phrase_at(tokens, end + 2, verb) is not None


def _breaks_subject(t: Token) -> bool:
    return t.pos.endswith("(FIN)") or t.pos.startswith(("KOUS", "PRELS", "PWS", "PWAV")) or t.text in (":", ";", ".")
