"""Negation, modality and date of an event (../shared/docs/plover-de.md §5).

The first modality that applies wins: hypothetical (`falls`, `könnte`, a question), future
(`wird … treffen`, a planned date), reported (a material act only a speaker claims), historical
(dated to an earlier year than the document), else asserted. `demanded` marks acts that are
only the content of a demand (`forderte die Freilassung`).
"""

from __future__ import annotations

import datetime as dt
import re

from lagebild.document import Token
from lagebild.events.clauses import Clause

NEGATIONS = {"nicht", "nie", "niemals", "kein", "keine", "keinen", "keinem", "keiner", "keines"}
CONDITIONALS = {"wenn", "falls", "sofern", "ob", "sollte", "sollten"}
HYPOTHETICAL_MODALS = {"könnte", "könnten", "dürfte", "dürften", "müsste", "müssten", "wäre", "wären", "hätte", "hätten"}
FUTURE_AUXILIARIES = {"wird", "werden", "werde", "wirst"}
FUTURE_WORDS = {"geplant", "geplante", "geplanten", "anstehend", "anstehende", "anstehenden", "bevorstehend", "bevorstehende", "bevorstehenden", "demnächst"}
INTENTION_VERBS = {"wollen", "planen", "beabsichtigen", "sollen", "vorhaben"}
PAST_WORDS = {"damals", "einst", "seinerzeit"}
SPEECH_ACTS = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "AGREE", "SUPPORT", "CONCEDE"}


def negated(tokens: list[Token], clause: Clause, trigger_tokens: list[int], required: tuple[str, ...], nominal: bool) -> bool:
    """`keine Gespräche`, `kritisierte nicht`; constructions that contain the negation
    themselves (`kein Verständnis haben`) are not negated."""
    if any(p.startswith(("kein", "nicht")) for p in required):
        return False
    for noun in trigger_tokens:
        k = noun - 1
        while k >= clause.first and tokens[k].pos.startswith(("ADJ", "ART", "PIAT", "PIDAT", "ADV")) and tokens[k].lower not in NEGATIONS:
            k -= 1
        if k >= clause.first and tokens[k].lower.startswith("kein"):
            return True
    if nominal:
        return False
    for k in range(clause.first, clause.last):
        word = tokens[k].lower
        following = tokens[k + 1].lower if k + 1 < clause.last else ""
        if word in ("nicht", "nie", "niemals") and following not in ("nur", "zuletzt", "einmal"):
            return True
    return False


def hypothetical(tokens: list[Token], clause: Clause, sentence_last: int, in_statement: bool) -> bool:
    words = [tokens[k].lower for k in range(clause.first, clause.last)]
    if words and (words[0] in CONDITIONALS or (len(words) > 1 and words[0] in ("und", "aber") and words[1] in CONDITIONALS)):
        return True
    if any(w in HYPOTHETICAL_MODALS for w in words):
        return True
    if not in_statement and any(w in ("würde", "würden") for w in words):
        return True
    return tokens[sentence_last - 1].text == "?"


def future(tokens: list[Token], clause: Clause, type_: str) -> bool:
    """`wird … teilnehmen`, `der geplante Besuch`; the future of a promise or a threat is its
    content, so speech acts are judged by their date only."""
    if type_ in SPEECH_ACTS:
        return False
    span = tokens[clause.first : clause.last]
    auxiliary = any(t.lower in FUTURE_AUXILIARIES and t.pos.startswith("VA") for t in span)
    infinitive = any(t.pos.endswith("(INF)") for t in span)
    if auxiliary and infinitive:
        return True
    if any(t.lower in FUTURE_WORDS for t in span):
        return True
    return intended(tokens, clause)


def intended(tokens: list[Token], clause: Clause) -> bool:
    """`wolle … anlasten`, `wollten … angreifen`: an intention verb with an infinitive."""
    span = tokens[clause.first : clause.last]
    return any(t.pos.endswith("(INF)") for t in span) and any(t.lemma.lower() in INTENTION_VERBS and t.pos.startswith(("VM", "VV")) for t in span)


def past_words(tokens: list[Token], clause: Clause) -> bool:
    return any(tokens[k].lower in PAST_WORDS for k in range(clause.first, clause.last))


def year_of(value: str | None) -> int | None:
    if value and len(value) >= 4 and value[:4].isdigit():
        return int(value[:4])
    return None


def compare_dates(event: str | None, document: str | None) -> int:
    """-1 when the event lies in an earlier year than the document (or an earlier month of the
    same year, for month dates), 1 when later, 0 when the same or unknown."""
    if not event or not document:
        return 0
    n = min(len(event), len(document), 7)
    a, b = event[:n], document[:n]
    return (a > b) - (a < b)


def shift_year(value: str, years: int) -> str:
    """`2017-12` → `2016-12` for years=-1 (29 February becomes the 28th)."""
    shifted = f"{int(value[:4]) + years:04d}{value[4:]}"
    return shifted.replace("-02-29", "-02-28") if value[4:].startswith("-02-29") else shifted


_CALENDAR = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def calendar_date(value: str) -> str | None:
    """A TIMEX3 date value as YYYY[-MM[-DD]]: a week becomes the month of its Monday, a season
    or quarter its year; values with unknown parts (`XXXX-06`) or references give None."""
    match = _CALENDAR.match(value)
    if match is None:
        return None
    week = _WEEK.match(value)
    if week:
        try:
            return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1).isoformat()[:7]
        except ValueError:
            return week.group(1)
    return match.group(0)
