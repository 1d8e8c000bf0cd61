"""Statements: who said what, in direct, indirect and mixed speech.

Per unit (a sentence, or sentences held together by one quotation):
1. find cues: speech verbs with their particles, `laut`/`zufolge`/`nach Angaben`, `so X`,
   `wie X sagte`, `Name:`;
2. split the unit into the attribution (cue, speaker, medium) and the message region;
3. classify the region: one quotation → direct; quoted fragments in a paraphrase → mixed;
   else indirect (direct when the speaker's first person speaks without quotation marks);
4. units without a cue continue the last speaker when they are quotations or Konjunktiv.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from lagebild.document import Document, Span, Token
from lagebild.lang import speech_lexicon
from lagebild.layers.mood import has_reported_subjunctive, subjunctive_mood
from lagebild.layers.phrases import (
    PRONOUNS,
    is_name,
    is_punct,
    noun_phrase_at,
    phrase_after,
    phrase_before,
)
from lagebild.layers.speakers import Speaker, SpeakerResolver
from lagebild.layers.units import BOUNDARY, END, QUOTE_MARKS, Unit, build_units, inside_quote
from lagebild.nlp.quotes import Quote

# `nach Angaben von X`, `nach Polizeiangaben`, `nach Schätzung der WHO`: nouns (and compound endings)
# after `nach` that name a source of information
SOURCE_NOUNS = ("studie", "stellungnahme", "ergebnis", "ergebnissen", "planungen", "meldung", "meldungen", "hinweis", "hinweisen", "bericht", "gerüchten", "quellen", "medien", "unterlagen", "dokumenten", "angaben", "informationen", "ansicht", "auffassung", "einschätzung", "schätzung", "schätzungen", "darstellung", "worten", "meinung", "überzeugung", "sicht", "aussagen", "berechnungen", "erkenntnissen", "erkenntnisstand", "auskunft", "auskünften", "berichten", "mitteilung", "recherchen", "umfragen", "zählung", "zählungen", "prognose", "prognosen", "ermittlungen", "darstellungen", "aussage")
QUOTED_WORDING_BEFORE = {"ein", "eine", "einen", "einem", "einer", "eines", "als", "keine", "keinen", "keinem", "keiner"}
IMPERSONAL_SOURCES = {"von", "vom", "aus", "seitens", "bei", "beim"}
REPORTED_ACTS = {"say", "report", "announce", "accuse", "criticise", "demand", "reject", "warn", "promise", "ask", "write"}
EVENT_LIKE_SOURCES = ("bericht", "hinweis")  # "nach dem Bericht": "after" unless a holder follows
UNSAID = (-1, -1)  # a speaker phrase that names nobody: passives without agent
CONTINUATION_WINDOW = 8  # units after the last statement in which Konjunktiv I continues it
KONJ2_WINDOW = 2  # Konjunktiv II is also hypothetical in narration: only right after a statement


@dataclass
class Statement:
    kind: str
    message: Span
    cue: Span | None
    speaker: Speaker | None
    mention: Span | None
    sentence: int
    addressee: Span | None = None
    medium: Span | None = None
    provisional: bool = False  # speaker guessed before any attribution; the next one may replace it
    # who continues after this statement when not its own speaker ("X wies Berichte zurück, wonach …")
    speaks_on: tuple[Speaker | None, Span | None] | None = None
    entity: str | None = None  # knowledge-base id of the speaker (speaker linking layer)
    time: Any = None  # when the statement was made, a Timex (set by the dating layer), or None

    def to_json(self, number: int) -> dict:
        return {
            "id": f"st{number}",
            "kind": self.kind,
            "message": self.message.to_json(),
            "cue": self.cue.to_json() if self.cue else None,
            "speaker": {
                "name": self.speaker.name if self.speaker else None,
                "mention": self.mention.to_json() if self.mention else None,
                "entity": self.entity,
            },
            "addressee": self.addressee.to_json() if self.addressee else None,
            "medium": self.medium.to_json() if self.medium else None,
            "sentence": self.sentence,
            "time": self.time.to_json() if self.time is not None else None,
        }


@dataclass
class Cue:
    tokens: list[int]  # the cue words, e.g. [kündigte, an]
    kind: str  # verb | prep | so | colon
    anchor: int  # the token the orientation is judged from


class StatementFinder:
    name = "statements"

    def __call__(self, doc: Document) -> None:
        doc.layers["statements"] = _Extractor(doc).run()


class _Extractor:
    def __init__(self, doc: Document):
        self.doc = doc
        self.text = doc.text
        self.tokens = doc.tokens
        self.lex = speech_lexicon()
        self.quotes: list[Quote] = doc.layers.get("quotes", [])
        self.resolver = SpeakerResolver(doc)
        self.previous: Speaker | None = None
        self.previous_mention: Span | None = None  # the nearest words naming the current speaker
        self.last_statement_unit = -100
        self.statements: list[Statement] = []
        self.token_starts = [t.start for t in doc.tokens]
        self._unit_cues: dict[int, list[Cue]] = {}

    # -- driver ---------------------------------------------------------------
    def run(self) -> list[Statement]:
        units = build_units(self.doc, self.quotes)
        for n, unit in enumerate(units):
            found = self._attributed(unit) or self._continued(unit, n)
            orphan = None if found else self._orphan_attribution(unit)
            if orphan and self.statements and self.statements[-1].cue is None and self.statements[-1].sentence >= units[max(0, n - 1)].sentence:
                self._reattribute(self.statements[-1], *orphan)
                continue
            if orphan and n > 0 and self.tokens[unit.first].lower in ("das", "dies") and self.last_statement_unit != n - 1:
                found = [self._statement_before(units[n - 1], *orphan)]
            elif orphan:
                # "Unzufrieden zeigten sich die Delegierten …": no message, but the speaker of what follows
                self.previous, self.previous_mention = self._speaker(orphan[1])
                self.last_statement_unit = n
            for statement in found:
                if statement.cue is not None:
                    self._resolve_provisional(statement)
                self.statements.append(statement)
                if statement.speaks_on is not None:
                    if statement.speaks_on[0] is not None:
                        self.previous, self.previous_mention = statement.speaks_on
                elif statement.speaker and statement.speaker.name:
                    self.previous = statement.speaker
                    self.previous_mention = statement.mention or self.previous_mention
                self.last_statement_unit = n
        return self.statements

    def _resolve_provisional(self, attributed: Statement) -> None:
        """Reported speech before any attribution belongs to the speaker attributed right after it
        (`Heute liege die Quote bei 52 Prozent. Sie müsse steigen, forderten die Delegierten.`)."""
        for earlier in reversed(self.statements):
            if not earlier.provisional or attributed.sentence - earlier.sentence > 2:
                break
            earlier.speaker, earlier.mention, earlier.provisional = attributed.speaker, attributed.mention, False

    # -- cues -----------------------------------------------------------------
    def _outside(self, unit: Unit) -> list[int]:
        return [t.i for t in unit.tokens(self.doc) if inside_quote(t.start, unit.quotes) is None]

    def _clause(self, unit: Unit, i: int) -> tuple[int, int]:
        """(left boundary, right boundary) token indices around i; unit edges are first-1 / last."""
        left = i - 1
        while left >= unit.first and not self._is_boundary(left, unit):
            left -= 1
        right = i + 1
        while right < unit.last and not self._is_boundary(right, unit):
            right += 1
        return left, right

    def _is_boundary(self, i: int, unit: Unit) -> bool:
        t = self.tokens[i]
        if t.text in QUOTE_MARKS:
            q = inside_quote(t.start, unit.quotes)  # a title in quotation marks is part of its clause
            return q is None or not self._is_title(q)
        return t.text in BOUNDARY and inside_quote(t.start, unit.quotes) is None

    def _cues(self, unit: Unit) -> list[Cue]:
        """The unit's cues, found once and reused by the region and orphan checks."""
        if unit.first not in self._unit_cues:
            self._unit_cues[unit.first] = self._find_cues(unit)
        return self._unit_cues[unit.first]

    def _find_cues(self, unit: Unit) -> list[Cue]:
        cues = []
        outside = set(self._outside(unit))
        for i in sorted(outside):
            t = self.tokens[i]
            if t.pos.startswith("V"):
                cue = self._verb_cue(unit, i) or self._verb_after_quote(unit, i)
                if cue:
                    cues.append(cue)
            elif t.lower in ("laut", "gemäß") and t.pos.startswith("APPR") or t.lower == "zufolge" or self._is_source_postposition(unit, i):
                cues.append(Cue([i], "prep", i))
            elif t.lower == "demnach" and (i == unit.first or self.tokens[i - 1].pos.endswith("(FIN)")):
                cues.append(Cue([i], "demnach", i))  # "Demnach steht …": according to what was just cited
            elif t.lower == "wonach" and i - 1 > unit.first and self.tokens[i - 1].text == ",":
                cues.append(Cue([i], "wonach", i))
            elif t.lower == "nach" and (source := self._source_noun_after(unit, i)) is not None:
                cues.append(Cue([i, source], "prep", i))
            elif t.lower in ("aus",) and i + 2 < unit.last and self.tokens[i + 2].lower == "sicht":
                cues.append(Cue([i, i + 2], "prep", i))
            elif t.lower == "so" and i > unit.first and self.tokens[i - 1].text in (",", "“", "\"", "”", "«", "»") and i + 1 < unit.last:
                if self.tokens[i + 1].pos.startswith("V") and self.tokens[i + 1].lemma.lower() in self.lex.cues:
                    cues.append(Cue([i, i + 1], "so", i))  # "…“, so sagt Aiwanger, „…“"
                    continue
                np = phrase_after(self.tokens, i + 1, unit.last)
                if np and self._clause(unit, i)[1] >= np[1] + 1 and (is_name(self.tokens[np[1]]) or self.tokens[np[0]].pos.startswith(("ART", "PPER", "NN", "NE"))):
                    cues.append(Cue([i], "so", i))
        return cues

    def _verb_cue(self, unit: Unit, i: int) -> Cue | None:
        t = self.tokens[i]
        entries = self.lex.cues.get(t.lemma.lower())
        if not entries:
            return None
        left, right = self._clause(unit, i)
        clause = range(left + 1, right)
        plain = None
        for entry in entries:
            if entry.companion is None:
                plain = plain or entry
                continue
            for j in clause:
                if j != i and self.tokens[j].lower == entry.companion.split()[-1].lower() and self._is_companion(j, right):
                    return Cue(sorted([i, j]), "verb", i)
        if t.lemma.lower() == "befinden" and any(self.tokens[j].lower == "sich" for j in clause):
            return None  # "befand sich in Berlin": a place, not a judgement
        if t.lemma.lower() == "finden" and any(self.tokens[j].lower == "statt" and self.tokens[j].pos == "PTKVZ" for j in clause):
            return None  # "findet am Montag statt"
        bare_es = any(0 <= j < len(self.tokens) and self.tokens[j].lower == "es" for j in (i - 1, i + 1))  # "…, heißt es"
        if plain is None or plain.cls == "impersonal" and not (bare_es or self._impersonal_source(i, right)) and self.tokens[left + 1].lower != "wie":
            return None
        return Cue([i], "verb", i)

    def _is_companion(self, j: int, right: int) -> bool:
        """A particle companion (`warf … vor`) is the separated particle, not a preposition
        (`siegte vor der Russin`): tagged as particle or closing its clause."""
        t = self.tokens[j]
        if not t.pos.startswith(("APPR", "PTKVZ", "ADV")) or t.text[:1].isupper():
            return True  # fixed complements: "sich", "Ansicht", "damit"
        return t.pos == "PTKVZ" or j == right - 1

    def _is_source_postposition(self, unit: Unit, i: int) -> bool:
        """`Medienberichten nach`, `Seiner Meinung nach`, `Angaben der Polizei nach`."""
        if self.tokens[i].lower != "nach" or i - 1 < unit.first or self._source_noun_after(unit, i) is not None:
            return False
        if self.tokens[i].pos == "APPO":
            return True
        before = self.tokens[i - 1]
        return before.pos == "NN" and before.lower.endswith(SOURCE_NOUNS) and not (i - 2 >= unit.first and self.tokens[i - 2].lower == "nach")

    def _source_noun_after(self, unit: Unit, i: int) -> int | None:
        j = i + 1
        while j < unit.last and (self.tokens[j].pos.startswith(("ADJ", "ART", "PDAT", "PIAT", "PPOSAT")) and not self.tokens[j].text[:1].isupper() or self.tokens[j].pos.startswith(("ART", "PDAT", "PPOSAT"))):
            j += 1
        if j < unit.last and self.tokens[j].pos == "NN" and self.tokens[j].lower.endswith(SOURCE_NOUNS):
            events = self.tokens[j].lower.endswith(EVENT_LIKE_SOURCES) and self.tokens[i + 1].lower == "dem"
            holder = j + 1 < unit.last and self.tokens[j + 1].lower in ("des", "der", "von", "vom")
            return None if events and not holder else j  # "nach dem Bericht" may be "after the report"
        return None

    def _verb_after_quote(self, unit: Unit, i: int) -> Cue | None:
        """`„…“, kommt Römer zum Punkt`: a finite verb with a named subject right after a quotation
        attributes it, whatever the verb (the lexicon cannot list every `ätzte`, `polterte`)."""
        t = self.tokens[i]
        if not t.pos.endswith("(FIN)") or i - 2 < unit.first or self.tokens[i - 1].text != ",":
            return None
        if self.tokens[i - 2].text not in QUOTE_MARKS or t.lemma.lower() in ("sein", "haben", "werden"):
            return None
        _, right = self._clause(unit, i)
        np = phrase_after(self.tokens, i + 1, right)
        if np is None or not (is_name(self.tokens[np[1]]) or self.tokens[np[0]].lower in PRONOUNS):
            return None
        particle = [j for j in range(np[1] + 1, right) if self.tokens[j].pos == "PTKVZ"]
        return Cue([i, *particle[-1:]], "verb", i)

    def _impersonal_speaker(self, i: int, right: int) -> tuple[int, int] | None:
        """`hieß es vom Abgeordneten X`, `Bei der Agentur RIA hieß es`: the source in its phrase."""
        for j in [*range(i + 1, min(right, i + 4)), *range(max(0, i - 8), i)]:
            if self.tokens[j].lower in IMPERSONAL_SOURCES:
                return noun_phrase_at(self.tokens, j + 1, max(right, i))
            if self.tokens[j].lower in ("in", "im"):  # "In der Pressemitteilung des WWF heißt es"
                np = noun_phrase_at(self.tokens, j + 1, max(right, i))
                if np and self._names_document(np):
                    return np
        return None

    def _names_document(self, np: tuple[int, int]) -> bool:
        documents = tuple(self.lex.word_class("document_noun"))
        return any(self.tokens[k].pos == "NN" and self.tokens[k].lower.endswith(documents) for k in range(np[0], np[1] + 1))

    def _unnamed(self, i: int, right: int):
        """A bare `heißt es` names nobody; `hieß es weiter` goes on with the source before."""
        goes_on = any(self.tokens[j].lower in ("weiter", "ferner", "außerdem", "zudem", "auch") for j in range(i + 1, min(right, i + 4)))
        return None if goes_on and self.previous is not None else UNSAID

    def _impersonal_source(self, i: int, right: int) -> bool:
        """`hieß es von/aus/bei X` names a source; a bare `hieß es` does not."""
        return self._impersonal_speaker(i, right) is not None

    # -- attributed statements -------------------------------------------------
    def _attributed(self, unit: Unit) -> list[Statement]:
        statements: list[Statement] = []
        claimed: list[tuple[int, int]] = []
        colon = self._colon_cue(unit)
        cues = [colon, *self._cues(unit)] if colon else self._cues(unit)
        candidates = [made for cue in sorted(cues, key=lambda c: self._priority(unit, c)) for made in self._from_cue(unit, cue)]
        # a speech act told without content yields to any statement with content
        for made in sorted(candidates, key=lambda st: st.kind == "reported"):
            if any(made.message.start < e and s < made.message.end for s, e in claimed):
                continue
            claimed.append((made.message.start, made.message.end))
            statements.append(made)
        return sorted(statements, key=lambda s: s.message.start)

    def _priority(self, unit: Unit, cue: Cue) -> int:
        if cue.kind == "verb" and self._is_inverted(unit, cue.anchor):
            return 0
        return {"so": 1, "wonach": 1, "verb": 2, "colon": 3, "prep": 4, "demnach": 5}[cue.kind]

    def _finite(self, unit: Unit, cue_token: int) -> int:
        if self.tokens[cue_token].pos.endswith("(FIN)"):
            # participles without ge- look finite to the tagger: "Stoiber hatte … betont"
            return self._auxiliary_before(unit, cue_token) or cue_token
        # the auxiliary of "hat … auf die „persönliche Note“ … hingewiesen": back to the last comma
        j = cue_token - 1
        while j >= unit.first and not (self.tokens[j].text in BOUNDARY and inside_quote(self.tokens[j].start, unit.quotes) is None):
            j -= 1
        for k in range(j + 1, cue_token):
            if self.tokens[k].pos.endswith("(FIN)") and inside_quote(self.tokens[k].start, unit.quotes) is None:
                return k
        return cue_token

    def _is_passive(self, fin: int, cue_token: int) -> bool:
        """`wird beschuldigt`, `wurde berichtet`: a form of `werden` with the cue as participle."""
        return fin != cue_token and self.tokens[fin].lemma == "werden" and self.tokens[cue_token].pos in ("VV(PP)", "VV(FIN)")

    def _agent(self, cue_token: int, left: int, right: int) -> tuple[int, int] | None:
        """The agent of a passive: `wurden von Minister Stolpe als unrealistisch bezeichnet`."""
        for j in range(left + 1, right):
            if self.tokens[j].lower in ("von", "vom", "durch") and j != cue_token:
                np = noun_phrase_at(self.tokens, j + 1, right)
                if np and np[1] < cue_token:
                    return np
        return self._impersonal_speaker(cue_token, right)  # "In einem Bericht wurde vermutet, …"

    def _auxiliary_before(self, unit: Unit, cue_token: int) -> int | None:
        """A finite `haben`/`sein` earlier in the clause of a cue that ends that clause."""
        after = cue_token + 1
        if after < unit.last and self.tokens[after].text not in BOUNDARY and self.tokens[after].text not in END:
            return None
        j = cue_token - 1
        while j >= unit.first and self.tokens[j].text not in BOUNDARY and inside_quote(self.tokens[j].start, unit.quotes) is None:
            t = self.tokens[j]
            if t.pos.endswith("(FIN)"):
                return j if t.pos.startswith("VA") and t.lemma in ("haben", "sein") else None
            j -= 1
        return None

    def _is_inverted(self, unit: Unit, cue_token: int) -> bool:
        fin = self._finite(unit, cue_token)
        left, right = self._clause(unit, fin)
        if not (left >= unit.first and left == fin - 1 and self.tokens[left].text != "("):
            return False
        # "X machte …, forderte alle Seiten auf, …": a coordinated clause that introduces a message;
        # "„A“, sagte er, „B“" is the attribution of an interrupted quotation
        after_quote = left - 1 >= unit.first and self.tokens[left - 1].text in QUOTE_MARKS
        if not after_quote and not self._has_verb(self.tokens[unit.first].start, self.tokens[left].start):
            return False  # "Henning Scherf (SPD), warnte …": an apposition, not a message, before the verb
        return after_quote or not (self.tokens[left].text == "," and self._introduces_message(unit, right))

    def _introduces_message(self, unit: Unit, right: int) -> bool:
        if right >= unit.last or self.tokens[right].text not in (",", ":"):
            return False
        return right + 1 < unit.last and self._has_verb(self.tokens[right + 1].start, self._unit_end(unit))

    def _from_cue(self, unit: Unit, cue: Cue) -> list[Statement]:
        if cue.kind == "verb":
            return self._from_verb(unit, cue)
        if cue.kind == "so":
            return self._from_so(unit, cue)
        if cue.kind == "colon":
            return self._from_colon(unit, cue)
        if cue.kind == "wonach":
            return self._from_wonach(unit, cue)
        if cue.kind == "demnach":
            return self._from_demnach(unit, cue)
        return self._from_preposition(unit, cue)

    def _from_verb(self, unit: Unit, cue: Cue) -> list[Statement]:
        i = cue.anchor
        fin = self._finite(unit, i)
        left, right = self._clause(unit, fin)
        right = max(right, self._clause(unit, cue.tokens[-1])[1])
        if self.tokens[left + 1].pos == "KON" and self.tokens[left + 2].lower == "wie" and left + 2 < fin:
            left += 1  # "Denn wie die Zeitung berichtete, …"
        if left + 1 >= unit.first and self.tokens[left + 1].lower == "wie" and left + 1 < fin:
            if self.tokens[i].lemma.lower() in ("nennen", "bezeichnen"):
                return []  # "der Fahrplanwechsel, wie ihn die Eisenbahner nennen": naming, not speech
            np = phrase_after(self.tokens, left + 2, right)
            return self._around(unit, cue, np, left, right)
        if self._is_inverted(unit, i):
            np = self._impersonal_speaker(i, right) or self._unnamed(i, right) if self.tokens[i].lemma.lower() == "heißen" else phrase_after(self.tokens, fin + 1, right)
            if self.tokens[i].lemma.lower() == "zitieren":
                return []
            region = self._region_before(unit, left)
            if region and self._opens_adverbial_clause(region[0]):
                region = None  # "Während …, dementierte dies X": the fronted clause is no message of X
            made = self._make(unit, region, cue, np, right)
            tail = self._tail_after(unit, right)
            if made and tail:
                made += self._make(unit, tail, cue, np, right)
            return made
        if self._in_fronted_adverbial(unit, left, fin, right):
            return self._from_fronted_adverbial(unit, cue, left, fin, right)
        if self.tokens[left + 1].pos.startswith(("KOUS", "PRELS", "PWS", "PWAV")) or subjunctive_mood(self.tokens[fin], self.lex) == 1:
            return []
        after_comma = fin == left + 1 and left >= unit.first and self.tokens[left].text == ","
        if after_comma and (self._follows_main_clause(unit, left) or self._follows_apposition(unit, left)):
            np = self._unit_subject(unit)  # coordinated clause, or "X, Experte der Y, kritisierte": the first subject
        elif after_comma and self._follows_relative_clause(unit, left):
            np = self._first_phrase(unit)  # "Deiss, der sich … entschlossen hatte, sagte"
        elif self.tokens[i].lemma.lower() == "heißen":
            np = self._impersonal_speaker(i, right) or self._unnamed(i, right)
        else:
            np = self._subject(left + 1, fin, right) or self._coordinated_subject(left, fin)
        if self._is_passive(fin, i):  # "Die Männer werden beschuldigt, …": the subject says nothing
            np = self._agent(i, left, right) or UNSAID
        if self.tokens[i].lemma.lower() == "zitieren":
            np = self._quoted_person(fin, right) or np
        complementizer = next((j for j in range(i + 1, right) if self.tokens[j].lower in ("dass", "daß")), None)
        if complementizer is not None:  # "Pérez hoffte dass …" (comma missing)
            return self._make(unit, (self.tokens[complementizer].start, self._unit_end(unit)), cue, np, complementizer)
        if right >= unit.last or self.tokens[right].text not in (",", ":"):
            return self._object_statement(unit, cue, np, right) or self._reported(unit, cue, np, left, right)
        apposition = self._apposition_after(unit, right)
        if apposition:
            np, right = (np[0] if np else apposition[0], apposition[1]), apposition[1] + 1
        region = self._region_after(unit, right)
        if region is None or self._region_has_other_cue(unit, region, cue) or self._starts_coordinate_clause(right + 1):
            return []
        return self._make(unit, region, cue, np, right)

    def _starts_coordinate_clause(self, i: int) -> bool:
        """`…, doch er selbst wird …`: a new main clause, not the content of the cue."""
        return i < len(self.tokens) and self.tokens[i].lower in ("doch", "aber", "und", "sondern", "denn", "oder")

    def _in_fronted_adverbial(self, unit: Unit, left: int, fin: int, right: int) -> bool:
        """`Während Agenturen berichteten, dass …, dementierte …`: a cue at the end of an
        adverbial clause whose `dass` clause follows it."""
        opener = self.tokens[left + 1]
        if opener.pos != "KOUS" or opener.lower in self.lex.word_class("complementizer") or fin != right - 1:
            return False
        return right + 1 < unit.last and self.tokens[right].text == "," and self.tokens[right + 1].lower in ("dass", "daß")

    def _from_fronted_adverbial(self, unit: Unit, cue: Cue, left: int, fin: int, right: int) -> list[Statement]:
        np = phrase_after(self.tokens, left + 2, fin)
        end = right + 2
        while end < unit.last and not (self.tokens[end].text == "," and end + 1 < unit.last and self.tokens[end + 1].pos.endswith("(FIN)")):
            end += 1
        return self._make(unit, (self.tokens[right + 1].start, self.tokens[end - 1].end), cue, np, right)

    def _object_statement(self, unit: Unit, cue: Cue, np, right: int) -> list[Statement]:
        """A cue with an object instead of a clause: `nannte den Plan „fahrlässig“`, `bezeichnete
        Russland als die größte Bedrohung` (the object is the message), `warnte vor einer
        „Provokation“` (the quoted words are)."""
        fin = self._finite(unit, cue.anchor)
        if fin < cue.anchor:  # perfect: "hat auf die „persönliche Note“ … hingewiesen"
            after, right = max(fin, np[1] if np else fin) + 1, cue.anchor
        else:
            after = max(cue.tokens[-1] if cue.tokens[-1] < right else cue.anchor, np[1] if np else cue.anchor) + 1
            right = self._clause_end_over_quotes(unit, after)
        if after >= right:
            return []
        if self.tokens[cue.anchor].lemma.lower() in ("bezeichnen", "nennen") and any(t.lower == "als" or t.text in QUOTE_MARKS for t in self.tokens[after:right]):
            end = self.tokens[right - 1].end if right < unit.last else self._unit_end(unit)
            return self._make(unit, (self.tokens[after].start, end), cue, np, right, clause=False)
        for q in unit.quotes:
            if self.tokens[after].start <= q.open < self.tokens[right - 1].end and not self._is_title(q):
                return self._make(unit, (q.open, q.outer_end), cue, np, right)
        return []

    def _reported(self, unit: Unit, cue: Cue, np, left: int, right: int) -> list[Statement]:
        """A speech act told without its content: `Die Behörden werfen ihm Betrug vor`,
        `Der Wetterdienst warnte vor Sturm`. The message is the clause that reports the act."""
        classes = {entry.cls for entry in self.lex.cues.get(self.tokens[cue.anchor].lemma.lower(), ())}
        if np is None or np == UNSAID or not classes & REPORTED_ACTS or any(q.open > self.tokens[left + 1].start for q in unit.quotes if not self._is_title(q)):
            return []
        first = min(np[0], left + 1) if np[0] >= unit.first else left + 1
        end = self._clause_end_over_quotes(unit, cue.tokens[-1])
        if not self._reports_an_act(cue, first, end, np):
            return []
        start, stop = self._trim(self.tokens[first].start, self.tokens[end - 1].end)
        if self._words(start, stop) < 3:
            return []
        speaker, mention = self._speaker(np)
        cue_span = Span.joined(self.text, [(self.tokens[j].start, self.tokens[j].end) for j in cue.tokens])
        return [Statement("reported", Span.of(self.text, start, stop), cue_span, speaker, mention, unit.sentence)]

    def _reports_an_act(self, cue: Cue, first: int, end: int, np) -> bool:
        """The clause names what was said or done by saying (`warf ihm Betrug vor`, `warnte vor
        Sturm`): an object besides the speaker, not a pronoun pointing back (`Das sagte X`), not
        `sich befinden` or `sprechen mit`."""
        words = [t for k, t in enumerate(self.tokens[first:end], first) if not (np[0] <= k <= np[1]) and k not in cue.tokens]
        if self.tokens[first].lower in ("das", "dies", "dieses", "so") or not any(t.pos in ("NN", "NE") or t.pos.startswith("PPER") for t in words):
            return False
        lemma = self.tokens[cue.anchor].lemma.lower()
        lowers = {t.lower for t in words}
        return not (lemma == "befinden" and "sich" in lowers or lemma == "sprechen" and lowers & {"mit", "sich"} and "von" not in lowers)

    def _clause_end_over_quotes(self, unit: Unit, i: int) -> int:
        """The next `,` `:` `;` after token i that stands outside quotation marks (or the unit end)."""
        while i < unit.last:
            t = self.tokens[i]
            q = inside_quote(t.start, unit.quotes)
            if q is None and t.text in (",", ":", ";"):
                return i
            i += 1
        end = unit.last
        while end > unit.first and self.tokens[end - 1].text in END:
            end -= 1
        return end

    def _apposition_after(self, unit: Unit, comma: int) -> tuple[int, int] | None:
        """A name between two commas right after the speaker phrase: `…, Mohammed el-Baradei, …`."""
        j = comma + 1
        while j < unit.last and (is_name(self.tokens[j]) or self.tokens[j].text[:1].isupper() and self.tokens[j].pos == "NN" and j > comma + 1):
            j += 1
        if j > comma + 1 and j < unit.last and self.tokens[j].text == "," and any(is_name(self.tokens[k]) for k in range(comma + 1, j)):
            return comma + 1, j - 1
        return None

    def _subject(self, start: int, fin: int, right: int) -> tuple[int, int] | None:
        """Subject of a V2 clause: the first constituent, unless a name or pronoun follows the verb
        and the first constituent names nobody (`Angesichts der Kritik erklärte Olmert, …`)."""
        before = phrase_before(self.tokens, start, fin)
        after = phrase_after(self.tokens, fin + 1, right)
        if before and after and after[0] == fin + 1:
            stretch = self.tokens[before[0] : before[1] + 1]
            first = self.tokens[after[0]]
            named_after = first.lower in PRONOUNS or is_name(first)
            plural_verb = self.tokens[fin].lower.endswith(("en", "nd"))  # "werfen", "sind": not a lone name's verb
            if not any(is_name(t) for t in stretch) and (named_after and not plural_verb or any(t.pos.startswith("APPR") for t in stretch)):
                return after
        return before or after

    def _follows_main_clause(self, unit: Unit, comma: int) -> bool:
        """Whether the clause before `comma` is a main clause (finite verb not at its end)."""
        left, _ = self._clause(unit, comma - 1) if comma - 1 >= unit.first else (comma, comma)
        finite = [j for j in range(left + 1, comma) if self.tokens[j].pos.endswith("(FIN)")]
        return bool(finite) and finite[-1] < comma - 1

    def _follows_relative_clause(self, unit: Unit, comma: int) -> bool:
        """`X, der sich … entschlossen hatte, sagte`: a verb-final relative clause before the comma."""
        start = comma - 1
        while start > unit.first and self.tokens[start - 1].text != ",":
            start -= 1
        if start <= unit.first:
            return False
        opener = self.tokens[start] if self.tokens[start].pos == "PRELS" else self.tokens[start + 1] if self.tokens[start].pos.startswith("APPR") else None
        return opener is not None and opener.pos == "PRELS" and self.tokens[comma - 1].pos.endswith("(FIN)")

    def _first_phrase(self, unit: Unit) -> tuple[int, int] | None:
        comma = next((j for j in range(unit.first, unit.last) if self.tokens[j].text == ","), unit.last)
        return noun_phrase_at(self.tokens, unit.first, comma)

    def _coordinated_subject(self, left: int, fin: int) -> tuple[int, int] | None:
        """`Podolski war anwesend und sagte`: the subject of the first of two coordinated verbs."""
        if fin - 1 <= left + 1 or self.tokens[fin - 1].lower != "und":
            return None
        first_fin = next((j for j in range(left + 1, fin - 1) if self.tokens[j].pos.endswith("(FIN)")), None)
        return self._subject(left + 1, first_fin, fin - 1) if first_fin is not None else None

    def _follows_apposition(self, unit: Unit, comma: int) -> bool:
        """`Fritz Tack, Agrarexperte der Fraktion, kritisierte`: only noun phrases before the comma."""
        before = self.tokens[unit.first : comma]
        return bool(before) and not any(t.pos.startswith("V") or t.pos.startswith(("KOUS", "PRELS", "APPR")) and k == 0 for k, t in enumerate(before))

    def _unit_subject(self, unit: Unit) -> tuple[int, int] | None:
        fin = next((j for j in range(unit.first, unit.last) if self.tokens[j].pos.endswith("(FIN)")), None)
        if fin is None:
            return None
        _, right = self._clause(unit, fin)
        return self._subject(unit.first, fin, right)

    def _quoted_person(self, fin: int, right: int) -> tuple[int, int] | None:
        """`zitierte der „Spiegel“ den Minister`: the accusative object is the speaker."""
        for j in range(fin + 1, right):
            if self.tokens[j].lower in ("den", "die") and j > fin + 1:
                return noun_phrase_at(self.tokens, j, right)
        return None

    def _region_has_other_cue(self, unit: Unit, region: tuple[int, int], cue: Cue) -> bool:
        for other in self._cues(unit):
            t = self.tokens[other.anchor]
            if other.anchor != cue.anchor and region[0] <= t.start < region[1] and other.kind == "verb" and self._is_inverted(unit, other.anchor):
                return True
        return False

    def _from_so(self, unit: Unit, cue: Cue) -> list[Statement]:
        i = cue.anchor
        _, right = self._clause(unit, i)
        np = phrase_after(self.tokens, cue.tokens[-1] + 1, right)
        made = self._make(unit, self._region_before(unit, i - 1), cue, np, right)
        tail = self._tail_after(unit, right)
        if made and tail:
            made += self._make(unit, tail, cue, np, right)
        return made

    def _from_wonach(self, unit: Unit, cue: Cue) -> list[Statement]:
        """`Berichte, wonach die Truppe … operiere`: the noun before the comma is the source."""
        i = cue.anchor
        start = i - 2
        while start > unit.first and (self.tokens[start - 1].pos.startswith(("ART", "ADJ", "NN", "NE", "PIAT", "PPOSAT"))):
            start -= 1
        np = noun_phrase_at(self.tokens, start, i - 1)
        if np is None:
            return []
        made = self._make(unit, (self.tokens[i].end, self._clause_end_char(unit, i)), cue, np, i)
        subject = self._unit_subject(unit)  # X, not the reports, speaks on
        for statement in made:
            statement.speaks_on = self._speaker(subject) if subject else (None, None)
        return made

    def _from_demnach(self, unit: Unit, cue: Cue) -> list[Statement]:
        """`Demnach steht der Kopilot in der Kritik`: the source cited just before speaks on."""
        if self.previous is None or self.last_statement_unit < 0:
            return []
        i = cue.anchor
        start = self.tokens[i + 1].start if i == unit.first else self.tokens[unit.first].start
        made = self._make(unit, (start, self._unit_end(unit)), cue, None, i)
        for statement in made:
            statement.mention = Span.of(self.text, self.tokens[i].start, self.tokens[i].end)
        return made

    def _clause_end_char(self, unit: Unit, i: int) -> int:
        end = self._clause_end_over_quotes(unit, i + 1)
        return self.tokens[end - 1].end if end > i + 1 else self._unit_end(unit)

    def _from_colon(self, unit: Unit, cue: Cue) -> list[Statement]:
        colon = cue.anchor
        region = (self.tokens[colon].end, self.tokens[unit.last - 1].end)
        return self._make(unit, region, cue, (unit.first, colon - 1), colon)

    def _from_preposition(self, unit: Unit, cue: Cue) -> list[Statement]:
        i = cue.anchor
        word = self.tokens[i].lower
        if word == "zufolge" or word == "nach" and cue.tokens == [i]:  # postposed: "Medienberichten nach"
            start = i - 1
            while start > unit.first and (self.tokens[start - 1].pos.startswith(("ART", "ADJ", "NN", "NE", "PPOSAT")) and not is_punct(self.tokens[start - 1])):
                start -= 1
            np = (start, i - 1) if unit.first <= start <= i - 1 else None
            pp = (start, i)
        else:
            after = cue.tokens[-1] + 1
            if after < unit.last and self.tokens[after].lower in ("von", "des", "der", "dem", "vom") and word not in ("laut", "gemäß"):
                after += 1 if self.tokens[after].lower in ("von", "vom") else 0
            np = noun_phrase_at(self.tokens, after, unit.last)
            if np is None and word == "nach":
                np = (i + 1, cue.tokens[-1])  # "nach Polizeiangaben": the source noun is the source
            elif np is None and word in ("laut", "gemäß") and after < unit.last and not is_punct(self.tokens[after]) and not self.tokens[after].pos.startswith("V"):
                np = (after, after)  # "laut faz.net"
            pp = (i, np[1] if np else i)
        if np is None:
            return []
        left, right = self._clause(unit, pp[0])
        first_in_clause = left + 1
        if pp[0] - first_in_clause <= 1 and (pp[0] == first_in_clause or self.tokens[first_in_clause].pos.startswith(("PRELS", "KOUS", "PWS", "ART", "PDS"))):
            start = self.tokens[pp[1]].end
        else:
            start = self.tokens[unit.first].start
        region = (start, self._unit_end(unit))
        if not any(self.tokens[j].pos.startswith("V") for j in range(pp[1] + 1, unit.last)) and start != self.tokens[unit.first].start:
            return []
        return self._make(unit, region, Cue(cue.tokens, "prep", i), np, pp[1] + 1)

    def _around(self, unit: Unit, cue: Cue, np, left: int, right: int) -> list[Statement]:
        """`…, wie X sagte, …`: the message is the unit without the `wie` clause."""
        pieces = []
        if left > unit.first:
            pieces.append((self.tokens[unit.first].start, self.tokens[left - 1].end))
        if right + 1 < unit.last:
            pieces.append((self.tokens[right + 1].start, self._unit_end(unit)))
        if not pieces:
            return []
        region = (pieces[0][0], pieces[-1][1]) if len(pieces) == 1 else (pieces[-1][0], pieces[-1][1]) if left <= unit.first + 1 else (pieces[0][0], pieces[-1][1])
        return self._make(unit, region, cue, np, right)

    def _colon_cue(self, unit: Unit) -> Cue | None:
        for i in range(unit.first, min(unit.last, unit.first + 7)):
            t = self.tokens[i]
            if t.text == ":" and i > unit.first and inside_quote(t.start, unit.quotes) is None:
                before = self.tokens[unit.first : i]
                if any(is_name(b) for b in before) and not any(b.pos.startswith("V") for b in before) and i + 1 < unit.last:
                    return Cue([i], "colon", i)
                return None
        return None

    # -- regions ----------------------------------------------------------------
    def _unit_end(self, unit: Unit) -> int:
        end = self.tokens[unit.last - 1].end
        last = self.tokens[unit.last - 1]
        if last.text in (".", "!", "?", ";") and inside_quote(last.start, unit.quotes) is None:
            end = last.start
        return end

    def _region_before(self, unit: Unit, boundary: int) -> tuple[int, int] | None:
        """Message before `…, sagte X`: a quotation just before, or the unit up to the boundary."""
        if boundary < unit.first:
            return None
        j = boundary
        while j >= unit.first and self.tokens[j].text in (",",):
            j -= 1
        if j < unit.first:
            return None
        end = self.tokens[j].end
        if self.tokens[unit.first].lower == "wie" and any(c.anchor <= j for c in self._cues(unit) if c.kind == "verb"):
            return None  # "Wie X erklärte, sieht …": the clause before is an attribution itself
        start = self.tokens[unit.first].start
        for k in range(j, unit.first - 1, -1):
            if self.tokens[k].text == ":" and inside_quote(self.tokens[k].start, unit.quotes) is None:
                start = self.tokens[k].end
                break
        return (start, end)

    def _region_after(self, unit: Unit, boundary: int) -> tuple[int, int] | None:
        if boundary + 1 >= unit.last:
            return None
        first = self.tokens[boundary + 1]
        if first.pos.startswith(("PRELS", "PRELAT")) or (first.pos.startswith("APPR") and boundary + 2 < unit.last and self.tokens[boundary + 2].pos.startswith("PRELS")):
            return None
        return (first.start, self._unit_end(unit))

    def _tail_after(self, unit: Unit, right: int) -> tuple[int, int] | None:
        """`„A“, sagte er, „B“`: the quotation after the attribution."""
        if right < unit.last and self.tokens[right].text == "," and right + 1 < unit.last:
            q = inside_quote(self.tokens[right + 1].start, unit.quotes)
            if q is not None and q.open == self.tokens[right + 1].start:
                return (q.open, q.outer_end)
        return None

    # -- building ---------------------------------------------------------------
    def _make(self, unit: Unit, region, cue: Cue, np, attribution_end: int, clause: bool = True) -> list[Statement]:
        """A statement from a message region; `clause=False` for object messages without a verb."""
        if region is None:
            return []
        message, kind = self._message(unit, region, clause)
        if message is None:
            return []
        speaker, mention = self._speaker(np)
        cue_span = Span.joined(self.text, [(self.tokens[j].start, self.tokens[j].end) for j in cue.tokens])
        statement = Statement(kind, message, cue_span, speaker, mention, unit.sentence)
        statement.medium, statement.addressee = self._medium_addressee(unit, np, attribution_end, message)
        return [statement]

    def _speaker(self, np) -> tuple[Speaker | None, Span | None]:
        if np is None:
            return self.previous, None
        if np == UNSAID or self.tokens[np[0]].pos.startswith("APPR") and self.tokens[np[0]].lower not in ("laut",):
            return None, None  # no speaker, or a prepositional phrase ("Am 1. Februar") taken for one
        first, last = self._with_apposition(*np)
        last = self.resolver.trim_to_speaker(first, last)
        mention = Span.of(self.text, self.tokens[first].start, self.tokens[last].end)
        previous_offset = self._end_of_last_statement()
        if self.tokens[last].lower.endswith(SOURCE_NOUNS) and self.tokens[first].pos == "PPOSAT" and first < last:
            # "seiner Meinung nach": whom the possessive refers to
            return self.resolver.pronoun(self.tokens[first], self.previous, previous_offset), mention
        holder = self._source_holder(first, last)
        if holder:  # "Angaben der Feuerwehr": the holder, never a person named later
            return self.resolver.resolve(*holder, None, previous_offset, cataphora=False), mention
        return self.resolver.resolve(first, last, self.previous, previous_offset), mention

    def _source_holder(self, first: int, last: int) -> tuple[int, int] | None:
        """`Angaben der Polizei` → `der Polizei`: whose information it is, not the information."""
        for j in range(first, last):
            if self.tokens[j].pos == "NN" and self.tokens[j].lower.endswith(SOURCE_NOUNS) and self.tokens[j + 1].lower in ("der", "des", "von", "vom"):
                start = j + 2 if self.tokens[j + 1].lower in ("von", "vom") else j + 1
                return (start, last) if start <= last else None
        return None

    def _end_of_last_statement(self) -> int:
        """Where the last statement's sentence ends: names before it are no fresh antecedents."""
        if not self.statements:
            return 0
        last = self.statements[-1]
        return max(last.message.end, self.doc.sentences[last.sentence].end)

    def _with_apposition(self, first: int, last: int) -> tuple[int, int]:
        """`der Direktor der Weltbank-Gruppe, Ayhan Kose` names the speaker in its apposition."""
        j = last + 1
        if j < len(self.tokens) and self.tokens[j].text == "," and self.tokens[first].pos.startswith("ART"):
            k = j + 1
            while k < len(self.tokens) and is_name(self.tokens[k]) and self.tokens[k].sent == self.tokens[last].sent:
                k += 1
            after = self.tokens[k] if k < len(self.tokens) else None
            if k - j > 2 - 1 and k > j + 1 and (after is None or is_punct(after) or after.sent != self.tokens[last].sent):
                return first, k - 1
        return first, last

    def _message(self, unit: Unit, region: tuple[int, int], clause: bool = True) -> tuple[Span | None, str]:
        start, end = self._trim(*region)
        if end - start < 2:
            return None, ""
        quotes = [q for q in unit.quotes if start <= q.open and q.outer_end <= end + 1]
        if quotes and start == quotes[0].open and self._continues_narration(quotes[0].outer_end, end):
            end = quotes[0].outer_end  # „dass wir … wollen“, und …: the quotation alone
            quotes = quotes[:1]
        speech = [q for q in quotes if not self._is_title(q)]
        if len(quotes) == 1 and start == quotes[0].open and end <= quotes[0].outer_end:
            q = quotes[0]
            if self._is_title(q) and self._words(q.start, q.end) < 3:
                return None, ""
            s, e = self._trim_quote(q.start, q.end)
            return Span.of(self.text, s, e), "direct"
        if self._opens_adverbial_clause(start) and not self._reported_subjunctive(self._slice(start, end), konj2=False):
            return None, ""  # "Nachdem er gewonnen hatte, sagte er …": circumstances, not what was said
        words = self._words(start, end)
        after_complementizer = self.text[region[0] : start].strip().lower() in ("dass", "daß", "ob")
        if words < (2 if after_complementizer or not clause else 3) or clause and not self._has_verb(start, end):
            return None, ""
        if speech:
            return Span.of(self.text, start, end), "mixed"
        first_person = self.lex.word_class("first_person")
        spoken = any(t.lower in first_person for t in self._slice(start, end) if inside_quote(t.start, unit.quotes) is None)
        return Span.of(self.text, start, end), "direct" if spoken else "indirect"

    def _opens_adverbial_clause(self, start: int) -> bool:
        k = bisect_left(self.token_starts, start)
        if k >= len(self.tokens) or inside_quote(start, self.quotes) is not None:
            return False
        t = self.tokens[k]
        if t.pos == "KOUS" and t.lower not in self.lex.word_class("complementizer"):
            return True
        return t.pos in ("PRELS", "KOUI") or t.lower in ("womit", "wodurch", "sodass") or t.lower == "so" and k + 1 < len(self.tokens) and self.tokens[k + 1].lower == "dass"

    def _continues_narration(self, quote_end: int, end: int) -> bool:
        rest = self.text[quote_end:end].lstrip()
        return rest.startswith((",", "und ", "aber ", "sowie ")) and len(rest) > 10

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—"):
            end -= 1
        for lead in ("dass ", "daß "):
            if text.startswith(lead, start):
                start += len(lead)
        return start, end

    def _trim_quote(self, start: int, end: int) -> tuple[int, int]:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and (self.text[end - 1].isspace() or self.text[end - 1] == ","):
            end -= 1
        return start, end

    def _slice(self, start: int, end: int) -> list[Token]:
        i = bisect_left(self.token_starts, start)
        out = []
        while i < len(self.tokens) and self.tokens[i].end <= end:
            out.append(self.tokens[i])
            i += 1
        return out

    def _words(self, start: int, end: int) -> int:
        return sum(1 for t in self._slice(start, end) if not is_punct(t))

    def _has_verb(self, start: int, end: int) -> bool:
        return any(t.pos.startswith("V") for t in self._slice(start, end))

    def _is_title(self, q: Quote) -> bool:
        """Names and titles in quotation marks: short, capitalised, no verb (`„Welt am Sonntag“`)."""
        content = self.text[q.start : q.end].strip()
        tokens = self._slice(q.start, q.end)
        if not content or len(tokens) > 6:
            return False
        if any(t.pos.endswith("(FIN)") for t in tokens):
            return False
        if not (content[:1].isupper() or content[:1].isdigit()):
            return False
        # a capitalised noun phrase after an indefinite article, an adjective or "als" is quoted
        # wording ("eine wachsende „Kluft zwischen Arm und Reich“"), not a title
        k = bisect_left(self.token_starts, q.open) - 1
        before = self.tokens[k] if k >= 0 else None
        return not (before and (before.lower in QUOTED_WORDING_BEFORE or before.pos.startswith("ADJ") and not before.text[:1].isupper()))

    def _medium_addressee(self, unit: Unit, np, attribution_end: int, message: Span) -> tuple[Span | None, Span | None]:
        if np is None or np == UNSAID:
            return None, None
        media = self.lex.word_class("medium_noun")
        j = np[1] + 1
        stop = min(unit.last, max(attribution_end, j) + 1)
        while j < stop:
            t = self.tokens[j]
            if t.start >= message.start and t.start < message.end:
                break
            if t.lower in ("dem", "der", "den", "gegenüber", "im", "in") and j + 1 < unit.last:
                k = j + 1 if t.lower not in ("in",) else j + 2
                q = inside_quote(self.tokens[min(k, unit.last - 1)].start, unit.quotes)
                if q is not None and self._is_title(q):
                    return Span.of(self.text, q.open, q.outer_end), None
                np2 = noun_phrase_at(self.tokens, k if t.lower != "gegenüber" else j + 1, unit.last)
                if np2:
                    words = {self.tokens[x].text for x in range(np2[0], np2[1] + 1)}
                    span = Span.of(self.text, self.tokens[np2[0]].start, self.tokens[np2[1]].end)
                    if words & media:
                        return span, None
                    if t.lower in ("dem", "den", "gegenüber"):
                        return None, span
            j += 1
        return None, None

    # -- cue-less statements ------------------------------------------------------
    def _continued(self, unit: Unit, n: int) -> list[Statement]:
        speech = [q for q in unit.quotes if not self._is_title(q) and self._words(q.start, q.end) >= 3]
        outside = [self.tokens[i] for i in self._outside(unit)]
        words_outside = [t for t in outside if not is_punct(t)]
        recent = n - self.last_statement_unit
        if speech and not words_outside and self._is_headline(unit, speech):
            return []
        if speech and not words_outside:
            q = speech[0]
            s, e = self._trim_quote(q.start, q.end) if len(speech) == 1 else (q.start, speech[-1].end)
            return [Statement("direct", Span.of(self.text, s, e), None, self.previous, self._continued_mention(), unit.sentence)]
        if recent > CONTINUATION_WINDOW and self.previous is not None:
            return []
        right_after = recent <= KONJ2_WINDOW and self.previous is not None
        if not (self._reported_subjunctive(outside, konj2=right_after) or right_after and self._reportative_sollen(outside)):
            if speech and recent <= 1 and len(words_outside) <= 2:
                q = speech[0]
                return [Statement("direct", Span.of(self.text, *self._trim_quote(q.start, q.end)), None, self.previous, self._continued_mention(), unit.sentence)]
            return []
        clause_start = self._reported_clause_start(unit)
        start, end = self._trim(clause_start, self._unit_end(unit))
        kind = "mixed" if speech or any(not self._is_title(q) for q in unit.quotes) else "indirect"
        holder = self._unit_subject(unit) if clause_start > self.tokens[unit.first].start else None
        if holder:  # "UN-Mitarbeiter diskutierten …, weil Gewalt selten verfolgt werde": their reasoning
            speaker, mention = self._speaker(holder)
            if speaker is not None and speaker.name:
                return [Statement(kind, Span.of(self.text, start, end), None, speaker, mention, unit.sentence)]
        if self.previous:
            return [Statement(kind, Span.of(self.text, start, end), None, self.previous, self._continued_mention(), unit.sentence)]
        return [Statement(kind, Span.of(self.text, start, end), None, self._last_person(unit), None, unit.sentence, provisional=True)]

    def _reported_clause_start(self, unit: Unit) -> int:
        """Where the reported part of a cue-less unit begins: the whole unit, unless an indicative
        main clause comes first (`Vertreter erwarten keine Entscheidung, weil … gestellt hätten`)."""
        first_comma = next((j for j in self._outside(unit) if self.tokens[j].text == ","), None)
        if first_comma is None or first_comma + 1 >= unit.last:
            return self.tokens[unit.first].start
        main = [self.tokens[j] for j in range(unit.first, first_comma)]
        rest = self.tokens[first_comma + 1 : unit.last]
        main_indicative = any(t.pos.endswith("(FIN)") and subjunctive_mood(t, self.lex) is None for t in main)
        if main_indicative and not self._reported_subjunctive(main, konj2=True) and rest[0].pos.startswith(("KOUS", "PRELS")):
            return rest[0].start
        return self.tokens[unit.first].start

    def _continued_mention(self) -> Span | None:
        """A statement without a cue is still named by the words that named its speaker last."""
        return self.previous_mention if self.previous else None

    def _is_headline(self, unit: Unit, speech: list[Quote]) -> bool:
        """A line that is only a quotation without a full stop: a (sub)headline quoting someone."""
        sentence = self.doc.sentences[unit.sentence]
        alone = all(s.paragraph != sentence.paragraph for s in self.doc.sentences[unit.sentence + 1 : unit.sentence + 2])
        alone = alone and (unit.sentence == 0 or self.doc.sentences[unit.sentence - 1].paragraph != sentence.paragraph)
        return alone and len(speech) == 1 and not self.text[speech[0].start : speech[0].end].rstrip().endswith((".", "!", "?", "…"))

    def _last_person(self, unit: Unit) -> Speaker | None:
        """Reported speech before any attribution: the person the text named last."""
        name = self.resolver.person_before(unit.start)
        return Speaker(name, True) if name else None

    @staticmethod
    def _reportative_sollen(tokens: list[Token]) -> bool:
        """`Er soll resistent sein`, right after a statement: what the source says, told on."""
        return any(t.lemma == "sollen" and t.pos == "VM(FIN)" and t.lower in ("soll", "sollen") for t in tokens)

    def _reported_subjunctive(self, tokens: list[Token], konj2: bool) -> bool:
        return has_reported_subjunctive(tokens, self.lex, konj2)

    # -- attributions that follow their statement ---------------------------------------
    def _orphan_attribution(self, unit: Unit):
        """`Das sagte X.` / `Mit diesen Worten kommentierte X …`: a cue with no message of its own."""
        tokens = unit.tokens(self.doc)
        if len(tokens) > 25 or unit.quotes and not self._words_outside_quotes_only(unit):
            return None
        if [t.lower for t in tokens[:3]] in (["mit", "diesen", "worten"], ["mit", "den", "worten"]):
            fin = next((t.i for t in tokens if t.pos.endswith("(FIN)")), None)
            np = phrase_after(self.tokens, fin + 1, unit.last) if fin is not None else None
            if np:
                return Cue([tokens[0].i, tokens[2].i, fin], "verb", fin), np
        for cue in self._cues(unit):
            if cue.kind != "verb":
                continue
            fin = self._finite(unit, cue.anchor)
            left, right = self._clause(unit, fin)
            demonstrative = self.tokens[left + 1].lower in ("das", "dies", "so")
            np = phrase_after(self.tokens, fin + 1, right) if demonstrative else self._subject(left + 1, fin, right)
            if np:
                return cue, np
        return None

    def _statement_before(self, previous: Unit, cue: Cue, np) -> Statement:
        """`… Das berichten arabische Medien.`: the sentence before is what they reported."""
        start, end = self._trim(self.tokens[previous.first].start, self._unit_end(previous))
        statement = Statement("indirect", Span.of(self.text, start, end), None, None, None, previous.sentence)
        self._reattribute(statement, cue, np)
        return statement

    def _words_outside_quotes_only(self, unit: Unit) -> bool:
        return all(inside_quote(t.start, unit.quotes) is None for t in unit.tokens(self.doc) if t.pos.endswith("(FIN)"))

    def _reattribute(self, statement: Statement, cue: Cue, np) -> None:
        statement.cue = Span.joined(self.text, [(self.tokens[j].start, self.tokens[j].end) for j in cue.tokens])
        statement.speaker, statement.mention = self._speaker(np)
        self.previous, self.previous_mention = statement.speaker, statement.mention

