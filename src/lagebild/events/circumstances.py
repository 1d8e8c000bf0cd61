"""The circumstances of a coded event: negation, modality (asserted, reported, future,
hypothetical, demanded, historical), date, mode and codes, and location."""

from __future__ import annotations

import re

from lagebild.document import Sentence
from lagebild.events import modality as md
from lagebild.events.arguments import (
    Arguments,
)
from lagebild.events.clauses import (
    Clause,
    Mention,
)
from lagebild.events.lexicon import Trigger
from lagebild.events.model import Event, Location
from lagebild.events.triggers import Candidate

FUTURE_AS_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
GOAL_WORDS = {"für", "bis"}
SINCE_WORDS = {"seit", "seitdem"}  # `seit dem Gaza-Krieg 2014`: where a state began, not when the act happened
LABEL_WORDS = {"von", "aus"}  # `das Gesetz von 1961`: a year that labels a thing
PHRASE_POS = ("ART", "ADJ", "NN", "NE", "CARD", "TRUNC", "PPOSAT")
PAST_MARKERS = {"bereits", "schon", "zuvor", "damals", "hatte", "hatten", "war", "waren", "wurde", "wurden"}
APPROXIMATE = {"APPROX", "ABOUT"}
BARE_YEAR = re.compile(r"(1[89]|20)\d\d")
PLACE_PREPOSITIONS = {"in", "im", "nach"}


class CircumstanceCoder:
    """Part of the document coder (`coder._DocumentCoder`): uses its tokens, timexes, statements,
    cues, lexicon and document date."""

    def _modality(self, event: Event, sentence: Sentence, clause: Clause, candidate: Candidate, cue_statement: int | None, content_at: int | None) -> None:
        tokens = self.tokens
        event.negated = md.negated(tokens, clause, [k for k in candidate.tokens if tokens[k].pos in ("NN", "NE")], candidate.trigger.required, candidate.nominal)
        text_date = self._text_date(clause, sentence)
        if text_date is not None:
            event.date, event.date_source = text_date, "text"
        elif self.date:
            event.date, event.date_source = self.date, "document"
        in_statement = self._statement_around(event.trigger.start) if cue_statement is None else None
        event.quoted = in_statement is not None
        when = md.compare_dates(event.date, self.date) if event.date_source == "text" else 0
        if event.type not in md.SPEECH_ACTS and ((content_at is not None and content_at < candidate.head) or self._demand(in_statement)):
            event.modality = "demanded"  # the content of a demand or accusation: not an act of its own
        elif md.hypothetical(tokens, clause, sentence.last_token, in_statement is not None):
            event.modality = "hypothetical"
        elif md.future(tokens, clause, event.type) or when > 0:
            event.modality = "future"
        elif in_statement is not None and not self._speaker_acts(event, in_statement):
            event.modality, event.statement = "reported", in_statement
        elif when < 0 and md.year_of(event.date) != md.year_of(self.date) or md.past_words(tokens, clause):
            event.modality = "historical"
        if in_statement is not None:
            event.statement = in_statement
        elif cue_statement is not None:
            event.statement = cue_statement
        if event.modality == "future" and event.type in FUTURE_AS_AGREE:
            event.type, event.mode = "AGREE", None
        elif event.modality == "future" and event.type == "RETREAT":
            event.type, event.mode = "CONCEDE", None

    def _demand(self, statement: int | None) -> bool:
        """Whether a statement is a demand (`„Russland muss abziehen“, forderte Scholz`)."""
        if statement is None or self.statements[statement].cue is None:
            return False
        cue = self._token_at(self.statements[statement].cue.start)
        trigger = self.cues.get(cue, (None, None))[1] if cue is not None else None
        lemma = self.tokens[cue].lemma.lower() if cue is not None else ""
        verbs = self.lex.verbs.get(lemma, ())
        return (trigger is not None and trigger.type == "REQUEST") or any(t.type == "REQUEST" for t in verbs)

    def _speaker_acts(self, event: Event, statement_index: int) -> bool:
        speaker = self._speaker_actor(statement_index)
        return speaker is not None and speaker.key in event.actor_keys()

    def _goal(self, timex) -> bool:
        """`Kanzlerkandidat für 2013`, `bis 2030`: a goal or deadline, not when the act happened."""
        before = self.doc.text[max(0, timex.span.start - 5) : timex.span.start].split()
        return bool(before) and before[-1].lower() in GOAL_WORDS

    def _text_date(self, clause: Clause, sentence: Sentence) -> str | None:
        """The date the text gives the act: a time expression of the clause (or the only one of
        the sentence), else a bare year of the clause the time layer left alone (`hatte Papst
        Johannes Paul II. 1996 Berlin besucht`)."""
        timex = self._timex_in(clause, sentence)
        if timex is None:
            return self._bare_year(clause)
        date = md.calendar_date(timex.value)
        if date and timex.mod in APPROXIMATE and len(date) > 7:
            return date[:7]  # `rund eine Woche vor dem Gipfel`: no exact day
        if date and timex.anchor == "document" and md.compare_dates(date, self.date) > 0 and self._past_clause(self._clause_of(timex.span.start, clause)):
            return md.shift_year(date, -1)  # `bereits im Dezember` in a past clause: the last December
        return date

    def _timex_in(self, clause: Clause, sentence: Sentence):
        start, end = self.tokens[clause.first].start, self.tokens[clause.last - 1].end
        inside = [t for t in self.timexes if start <= t.span.start < end and not self._since(t.span.start, clause.first)]
        if inside:
            return inside[0]
        in_sentence = [t for t in self.timexes if sentence.start <= t.span.start < sentence.end and not self._since(t.span.start, sentence.first_token)]
        return in_sentence[0] if len(in_sentence) == 1 else None

    def _since(self, offset: int, floor: int) -> bool:
        """Whether a time expression stands in a `seit` phrase (`seit dem Gaza-Krieg 2014`)."""
        k = self._token_at(offset)
        if k is None:
            return False
        k -= 1
        while k >= floor and self.tokens[k].pos.startswith(PHRASE_POS) and self.tokens[k].lower not in SINCE_WORDS:
            k -= 1
        return k >= floor and self.tokens[k].lower in SINCE_WORDS

    def _bare_year(self, clause: Clause) -> str | None:
        """A year standing alone as an adverbial: a four-digit number that no noun follows and
        no `seit`, `bis`, `für`, `von` or `aus` governs (`2000 Soldaten` is a count, `das Gesetz
        von 1961` a label)."""
        tokens = self.tokens
        for k in range(clause.first, clause.last):
            t = tokens[k]
            if t.pos != "CARD" or not BARE_YEAR.fullmatch(t.text):
                continue
            after = tokens[k + 1] if k + 1 < clause.last else None
            before = tokens[k - 1].lower if k > clause.first else ""
            if (after is not None and after.pos in ("NN", "ADJ(A)")) or before in GOAL_WORDS | SINCE_WORDS | LABEL_WORDS or self._since(t.start, clause.first):
                continue
            if any(x.span.start <= t.start < x.span.end for x in self.all_timexes):
                continue
            return t.text
        return None

    def _clause_of(self, offset: int, default: Clause) -> Clause:
        k = self._token_at(offset)
        return next((c for c in self.context[0] if k is not None and k in c), default)

    def _past_clause(self, clause: Clause) -> bool:
        return any(self.tokens[k].lower in PAST_MARKERS for k in range(clause.first, clause.last))

    def _mode_and_codes(self, event: Event, clause: Clause, trigger: Trigger) -> None:
        if event.type == trigger.type:
            words = [self.tokens[k].lower for k in range(clause.first, clause.last)]
            event.mode = self.lex.mode_for(event.type, words) or event.mode
        code = self.lex.code(event.type, event.mode)
        event.cameo, event.quad_class, event.goldstein = code.cameo, code.quad_class, code.goldstein

    def _location(self, clause: Clause, mentions: list[Mention], args: Arguments) -> Location | None:
        used = {id(m) for m in args.actor + args.recipient}
        for m in mentions:
            if m.first in clause and id(m) not in used and m.label in ("LOC", "GPE") and not m.prefix:
                before = self.tokens[m.first - 1].lower if m.first > 0 else ""
                if before in PLACE_PREPOSITIONS:
                    entity = m.entity
                    return Location(getattr(entity, "name", None) or entity.text, getattr(entity, "kb_id", None), self.doc.span(entity.start, entity.end))
        return None
