"""Statements: who said what, in direct, indirect and mixed speech.

Per unit (a sentence, or sentences held together by one quotation):
1. find cues: speech verbs with their particles, `laut`/`zufolge`/`nach Angaben`, `so X`,
   `wie X sagte`, `Name:`;
2. split the unit into the attribution (cue, speaker, medium) and the message region;
3. classify the region: one quotation → direct; quoted fragments in a paraphrase → mixed;
   else indirect (direct when the speaker's first person speaks without quotation marks);
4. units without a cue continue the last speaker when they are quotations or Konjunktiv.

The extractor is one object over one document; its parts live in their own modules:
clauses.py (clause and region geometry), cues.py (finding cues), cue_classes.py (which readings
of a cue verb hold in its clause), subjects.py (who speaks), attributions.py (statements from
cue verbs), reported.py (speech acts told through their object), source_phrases.py (`so X`,
`laut X`, `nach Angaben von X`, `X zufolge`, `wonach`, `X:`), continuation.py (statements
without a cue).
"""

from __future__ import annotations

from lagebild.document import Document, Span
from lagebild.lang import speech_lexicon
from lagebild.layers.speakers import Speaker, SpeakerResolver
from lagebild.layers.statements.attributions import AttributionMixin
from lagebild.layers.statements.clauses import ClauseMixin
from lagebild.layers.statements.continuation import ContinuationMixin
from lagebild.layers.statements.cue_classes import CueClassMixin
from lagebild.layers.statements.cues import CueMixin
from lagebild.layers.statements.model import RELATIVE_DETERMINERS, Cue, Statement
from lagebild.layers.statements.reported import ReportedActMixin
from lagebild.layers.statements.source_phrases import SourcePhraseMixin
from lagebild.layers.statements.subjects import SubjectMixin
from lagebild.layers.units import QUOTE_MARKS, build_units
from lagebild.nlp.quotes import Quote


class StatementFinder:
    name = "statements"

    def __call__(self, doc: Document) -> None:
        doc.layers["statements"] = _Extractor(doc).run()


class _Extractor(
    ClauseMixin,
    CueMixin,
    CueClassMixin,
    SubjectMixin,
    AttributionMixin,
    ReportedActMixin,
    SourcePhraseMixin,
    ContinuationMixin,
):
    """Walks the units of one document in order, keeping the current speaker for what follows."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.lex = speech_lexicon()
        self.quotes: list[Quote] = doc.layers.get("quotes", [])
        self.quoted_names = {(e.start, e.end) for e in doc.layers.get("entities", [])}  # the name a quotation may hold
        _retag_verbs_in_quoted_names(doc, self.quoted_names)
        _retag_possessive_demonstratives(doc)
        self.resolver = SpeakerResolver(doc)
        self.previous: Speaker | None = None
        self.silent_speaker: tuple[Speaker | None, Span | None] | None = None  # of a speech act told as an event
        self.previous_mention: Span | None = None  # the nearest words naming the current speaker
        self.last_statement_unit = -100
        self.narrator: tuple[Speaker, Span | None, int] | None = None  # subject of the narration just before
        self.narrated_subject_unit = -1  # the last unit of narration with a subject of its own
        self.statements: list[Statement] = []
        self.token_starts = [t.start for t in doc.tokens]
        self._unit_cues: dict[int, list[Cue]] = {}

    # -- driver ---------------------------------------------------------------
    def run(self) -> list[Statement]:
        units = build_units(self.doc, self.quotes)
        introducing: tuple[int, Cue | None] = (-2, None)  # the unit of the last "X sagte:" and its cue
        for n, unit in enumerate(units):
            self.silent_speaker = None
            found = self._attributed(unit)
            silent, self.silent_speaker = self.silent_speaker, None
            found = found or self._after_document(unit) or self._continued(unit, n) or self._introduced(unit, introducing[1] if introducing[0] == n - 1 else None)
            orphan = None if found else self._orphan_attribution(unit)
            intro = None if found else self._introduction(unit, orphan, units[n + 1] if n + 1 < len(units) else None)
            if intro:
                self.previous, self.previous_mention = self._speaker(intro[1])
                self.last_statement_unit, introducing = n, (n, intro[0])
                continue
            after = orphan is not None and not self._tells_its_own_act(unit, orphan)
            if after and self.statements and self.statements[-1].cue is None and self.statements[-1].sentence >= units[max(0, n - 1)].sentence and not self._replies(unit, self.statements[-1]):
                self._reattribute(self.statements[-1], *orphan)
                continue
            if after and n > 0 and self._opens_with_pointing_word(unit) and not self._told_in(units, n - 1):
                found = [self._statement_before(units[n - 1], *orphan)]
            elif orphan:
                # "Unzufrieden zeigten sich die Delegierten …": no message, but the speaker of what follows
                self.previous, self.previous_mention = self._speaker(orphan[1])
                self.last_statement_unit = n
            elif not found and silent and silent[0] is not None:
                self.previous, self.previous_mention = silent
                self.last_statement_unit = n
            elif not found:
                self._note_narrator(unit, n)
            for statement in found:
                if statement.cue is not None:
                    statement = self._as_decision(statement)
                    self._resolve_provisional(statement)
                elif introducing[0] == n - 1 and introducing[1] is not None:  # the quotation after "X warnte:" takes its cue
                    statement.cue = Span.joined(self.text, [(self.tokens[j].start, self.tokens[j].end) for j in introducing[1].tokens])
                self.statements.append(statement)
                if statement.speaks_on is not None:
                    if statement.speaks_on[0] is not None:
                        self.previous, self.previous_mention = statement.speaks_on
                elif self._goes_on_speaking(statement):
                    self.previous = statement.speaker
                    self.previous_mention = statement.mention or self.previous_mention
                self.last_statement_unit = n
        return self.statements

    def _replies(self, unit, statement: Statement) -> bool:
        """`… Nun seien die Länder gefordert. Berg konterte umgehend.`: a Konjunktiv that goes on
        with a speaker already named is not claimed by the next sentence's speech verb, unless that
        sentence points back to it (`Das sagte X`, `So X`, `Mit diesen Worten …`)."""
        first, second = self.tokens[unit.first], self.tokens[min(unit.first + 1, unit.last - 1)]
        pointing = self._opens_with_pointing_word(unit) or first.lower in ("so", "mit") and (second.pos.endswith("(FIN)") or second.lower.startswith("dies"))
        return not pointing and statement.kind == "indirect" and statement.speaker is not None and bool(statement.speaker.name)

    def _opens_with_pointing_word(self, unit) -> bool:
        """`Das sagte X`, `Dies betonte X`: a pointing word right before the verb; in `Das
        Ministerium verteidigte …` `das` is an article."""
        first, second = self.tokens[unit.first], self.tokens[min(unit.first + 1, unit.last - 1)]
        return first.lower in ("das", "dies") and second.pos.endswith("(FIN)")

    def _told_in(self, units: list, k: int) -> bool:
        """Whether a statement was made of units[k]: `Das` after it points to that statement, not
        to the unit as what was said. A unit that only named a speaker has none."""
        return bool(self.statements) and self.statements[-1].sentence >= units[k].sentence

    @staticmethod
    def _goes_on_speaking(statement: Statement) -> bool:
        """Whom the Konjunktiv after a statement continues: its speaker, named or not (`Aus
        Regierungskreisen hieß es, …`)."""
        return statement.speaker is not None and (bool(statement.speaker.name) or statement.cue is not None)

    def _resolve_provisional(self, attributed: Statement) -> None:
        """Reported speech before any attribution belongs to the speaker attributed right after it
        (`Heute liege die Quote bei 52 Prozent. Sie müsse steigen, forderten die Delegierten.`)."""
        for earlier in reversed(self.statements):
            if not earlier.provisional or attributed.sentence - earlier.sentence > 2:
                break
            earlier.speaker, earlier.mention, earlier.provisional = attributed.speaker, attributed.mention, False


def _retag_possessive_demonstratives(doc: Document) -> None:
    """`Dessen Vorsitzender Max Kern sagte`, `sagte deren Sprecher`: `dessen`/`deren` before a noun
    is a determiner that says whose (like `sein`, `ihr`), not a pronoun standing for a phrase of its own."""
    tokens = doc.tokens
    for t, after in zip(tokens, tokens[1:], strict=False):
        if t.lower in RELATIVE_DETERMINERS and t.pos == "PDS" and after.sent == t.sent and after.pos.startswith(("NN", "ADJ")):
            t.pos = "PPOSAT"


def _retag_verbs_in_quoted_names(doc: Document, names: set[tuple[int, int]]) -> None:
    """`der Verein „Aktion Deutschland hilft“`: the verb of a quoted name is a word of the name,
    not the verb of the clause around it."""
    marks = {t.i for t in doc.tokens if t.text in QUOTE_MARKS}
    starts = {t.start: t.i for t in doc.tokens}
    for start, end in names:
        first = starts.get(start)
        if first is None or first - 1 not in marks:
            continue
        last = first
        while last + 1 < len(doc.tokens) and doc.tokens[last + 1].end <= end:
            last += 1
        if last + 1 not in marks:
            continue
        for t in doc.tokens[first : last + 1]:
            if t.pos.startswith("V"):
                t.pos = "NE"
