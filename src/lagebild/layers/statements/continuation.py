"""Statements without a cue of their own: Konjunktiv and quotations that continue a speaker, and attributions that follow their statement (`Das sagte X.`)."""

from __future__ import annotations

from lagebild.document import Span, Token
from lagebild.layers.mood import has_reported_subjunctive, reported_subjunctive_at, subjunctive_mood
from lagebild.layers.phrases import (
    is_name,
    is_punct,
    noun_phrase_at,
    phrase_after,
)
from lagebild.layers.speakers import Speaker
from lagebild.layers.statements.model import (
    CONTINUATION_WINDOW,
    KONJ2_WINDOW,
    UNSAID,
    Cue,
    Statement,
)
from lagebild.layers.units import QUOTE_MARKS, Unit, inside_quote
from lagebild.nlp.quotes import Quote


class ContinuationMixin:
    """Part of the statement extractor (see finder.py); works on its shared state."""

    # -- cue-less statements ------------------------------------------------------
    def _continued(self, unit: Unit, n: int) -> list[Statement]:
        """A person who became the subject of the narration right before (`Staatspräsident X ist
        besorgt.`) is whom a following Konjunktiv reports, rather than an earlier speaker."""
        narrator = self.narrator if self.narrator is not None and self.narrator[2] == n - 1 else None
        if narrator is None:
            return self._continued_speaker(unit, n)
        saved = self.previous, self.previous_mention
        self.previous, self.previous_mention = narrator[:2]
        found = self._continued_speaker(unit, n)
        if not found or any(statement.speaker != narrator[0] for statement in found):
            self.previous, self.previous_mention = saved
        return found

    def _note_narrator(self, unit: Unit, n: int) -> None:
        """Remember the person an indicative sentence without statement is about, as its subject."""
        self.narrator = None
        np = self._unit_subject(unit)
        if np is None or self.tokens[np[0]].pos.startswith(("PPER", "PDS", "APPR")) or has_reported_subjunctive(unit.tokens(self.doc), self.lex, konj2=False):
            return
        self.narrated_subject_unit = n
        organisation = self._names_an_organisation(*np)
        if self.previous is None or not (organisation or self._names_a_person(*np) or self._person_in_apposition(*np)):
            return
        speaker, mention = self._speaker(np)
        if speaker is not None and (speaker.person or organisation) and speaker.name and speaker != self.previous:
            self.narrator = (speaker, mention, n)

    def _names_an_organisation(self, first: int, last: int) -> bool:
        """`Das Robert-Koch-Institut sieht keine Gefahr.`: an institution as the subject of the
        narration is whom a following Konjunktiv reports, as a person would be."""
        named = first + 1 if first < last and self.tokens[first].pos.startswith("ART") else first
        start, end = self.tokens[named].start, self.tokens[last].end
        # the whole phrase is the name, not a noun it only begins (`Die Nato-Länder Litauen und Polen`);
        # a description (`Die Brüsseler Behörde`) rather names again the body that spoke before
        whole = any(e.label == "ORG" and e.start == start and e.end >= end for e in self.doc.layers.get("entities", []))
        return whole and any(t.pos == "NE" for t in self.tokens[named : last + 1])

    def _names_a_person(self, first: int, last: int) -> bool:
        """`Staatspräsident Georgi Parwanow`, not `Die Kritik an Olmert`: a person's name before
        any attribute of the phrase."""
        for k in range(first, last + 1):
            if self.resolver.entity_label(k) == "PER":
                return True
            if k > first and self.tokens[k].pos.startswith(("APPR", "ART", "KON", "$")):
                return False
        return False

    def _person_in_apposition(self, first: int, last: int) -> bool:
        """`Der Ministerpräsident des Landes, Christian Wulff,`: the name after the comma."""
        _, end = self._with_apposition(first, last)
        return any(self.resolver.entity_label(k) == "PER" for k in range(last + 1, end + 1))

    def _continued_speaker(self, unit: Unit, n: int) -> list[Statement]:
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
        right_after = recent <= KONJ2_WINDOW and self.previous is not None and not self._writers_konjunktiv(outside, n)
        # reportative "soll" reports on in the very next sentence; with a perfect infinitive ("soll
        # verletzt haben"), which only a report can mean, as far as Konjunktiv I
        next_to_it = recent <= 1 and self.previous is not None
        sollen = self._reportative_sollen(outside) and (next_to_it or self.previous is not None and self._perfect_infinitive(outside))
        if not (has_reported_subjunctive(outside, self.lex, konj2=right_after, possibility=next_to_it) or sollen):
            if speech and recent <= 1 and len(words_outside) <= 2:
                q = speech[0]
                return [Statement("direct", Span.of(self.text, *self._trim_quote(q.start, q.end)), None, self.previous, self._continued_mention(), unit.sentence)]
            return []
        clause_start = self._reported_clause_start(unit)
        start, end = self._trim(clause_start, self._unit_end(unit))
        kind = "mixed" if speech or any(not self._is_title(q) for q in unit.quotes) else "indirect"
        holder = self._holder(unit, clause_start)
        if holder:  # "UN-Mitarbeiter diskutierten …, weil Gewalt selten verfolgt werde": their reasoning
            speaker, mention = self._speaker(holder)
            if speaker is not None and speaker.name:
                return [Statement(kind, Span.of(self.text, start, end), None, speaker, mention, unit.sentence)]
        if self.previous:
            return [Statement(kind, Span.of(self.text, start, end), None, self.previous, self._continued_mention(), unit.sentence)]
        return [Statement(kind, Span.of(self.text, start, end), None, self._last_person(unit), None, unit.sentence, provisional=True)]

    def _writers_konjunktiv(self, outside: list[Token], n: int) -> bool:
        """`… Der Konzern beschäftigt 300 Menschen. Ohne die Krise hätte er mehr verdient.`: after a
        narrated sentence with a subject of its own, a singular Konjunktiv II (whose Konjunktiv I,
        `habe`, would differ) is the writer's again; a plural one (`hätten`, for `haben`) still reports."""
        if not self.last_statement_unit < self.narrated_subject_unit < n:
            return False
        k = reported_subjunctive_at(outside, self.lex, konj2=True, possibility=True)
        return k is not None and subjunctive_mood(outside[k], self.lex) == 2 and not outside[k].lower.endswith("n")

    def _after_document(self, unit: Unit) -> list[Statement]:
        """`Die Studie wurde am Montag vorgestellt. Danach seien die Mieten gestiegen.`: `danach`
        as `according to it` points back to the document the sentence before names. Its temporal
        reading tells on in the past (`Danach gab es Streit`); a finding is told in the present or
        in Konjunktiv."""
        first = unit.first
        if self.tokens[first].lower != "danach" or first + 1 >= unit.last or not self.tokens[first + 1].pos.endswith("(FIN)"):
            return []
        if self.statements and self.statements[-1].sentence >= unit.sentence - 1:
            return []  # a statement just before: `danach` tells what happened after it
        document = self._document_before(unit)
        if document is None or not self._finding_tense(self.tokens[first + 1]):
            return []
        made = self._make(unit, (self.tokens[first + 1].start, self._unit_end(unit)), Cue([first], "demnach", first), document, first)
        for statement in made:
            statement.mention = Span.of(self.text, self.tokens[first].start, self.tokens[first].end)
        return made

    def _finding_tense(self, verb: Token) -> bool:
        """Konjunktiv, or a present indicative (`bestimmen`, `verzeichnet`, `ist`), not a preterite
        (`verzeichnete`, `gab`) nor `werden`, which may tell of the future."""
        if subjunctive_mood(verb, self.lex) is not None:
            return True
        low, lemma = verb.lower, verb.lemma.lower()
        if lemma == "werden":
            return False
        if lemma in ("sein", "haben"):
            return low in ("ist", "sind", "hat", "haben")
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        return low == lemma or low in (stem + "t", stem + "et")

    def _holder(self, unit: Unit, clause_start: int) -> tuple[int, int] | None:
        """The subject of an indicative main clause before the reported part holds it
        (`Vertreter erwarten …, weil … gestellt hätten`); but a relative clause on that subject
        tells what others say of it (`Als verdächtig gelten zwei Männer, die … haben sollen`)."""
        if clause_start <= self.tokens[unit.first].start:
            return None
        subject = self._unit_subject(unit)
        if subject is None:
            return None
        opener = next((t for t in unit.tokens(self.doc) if t.start >= clause_start), None)
        if opener is None or opener.i + 1 >= len(self.tokens):
            return subject
        if opener.pos == "KON" or self._suffered(unit, subject, opener.i):
            return None  # "…, und er wolle …": a main clause of its own; "X wurden verletzt, …": X suffered, said nothing
        relative = opener.pos.startswith("PREL") or opener.pos.startswith("APPR") and self.tokens[opener.i + 1].pos.startswith("PREL")
        if relative and self.tokens[subject[1] + 1].text == "," and self.tokens[subject[1] + 1].end <= clause_start and self._only_commas_between(subject[1] + 1, opener.i):
            return None
        return subject

    def _suffered(self, unit: Unit, subject: tuple[int, int], opener: int) -> bool:
        """Whether the subject of the main clause before the report is that of a passive
        (`Zwölf Reisende wurden verletzt, …`): what happened to it, not what it holds; a
        passive subject that is itself something said speaks (`Forderungen wurden erhoben, …`)."""
        fin = next((j for j in range(subject[1] + 1, opener) if self.tokens[j].pos.endswith("(FIN)")), None)
        if fin is None or self.tokens[fin].lemma != "werden":
            return False
        participle = any(self.tokens[j].pos == "VV(PP)" and not self._in_embedded_clause(unit, j) for j in range(fin + 1, opener))
        head = next((t for t in reversed(self.tokens[subject[0] : subject[1] + 1]) if t.pos == "NN"), None)
        return participle and not (head is not None and self.resolver.names_a_source(head.lower))

    def _only_commas_between(self, first: int, last: int) -> bool:
        return all(self.tokens[k].text == "," for k in range(first, last))

    def _introduced(self, unit: Unit, intro: Cue | None) -> list[Statement]:
        """`Ich sage es ganz deutlich: Alte Kraftwerke gefährden die Versorgung.` A sentence after
        one that closes with a verb of saying and a colon is what was said, quoted or not."""
        if intro is None or self.previous is None or not self._says(intro) or unit.quotes:
            return []
        start, end = self._trim(self.tokens[unit.first].start, self._unit_end(unit))
        if self._words(start, end) < 2:
            return []
        first_person = self.lex.word_class("first_person")
        kind = "direct" if any(t.lower in first_person for t in unit.tokens(self.doc)) else "indirect"
        return [Statement(kind, Span.of(self.text, start, end), None, self.previous, self._continued_mention(), unit.sentence)]

    def _reported_clause_start(self, unit: Unit) -> int:
        """Where the reported part of a cue-less unit begins: the whole unit, unless an indicative
        main clause comes first and the report follows in a clause of its own (`Vertreter erwarten
        keine Entscheidung, weil … gestellt hätten`, `Zunächst hatte es geheißen, die Opposition
        hätte abgesagt`). A report after a fronted clause (`Obwohl …, sei man …`) keeps the whole."""
        outside = [self.tokens[i] for i in self._outside(unit)]
        found = [k for k in (reported_subjunctive_at(outside, self.lex, konj2=True, possibility=True), self._reportative_sollen_at(outside)) if k is not None]
        if not found:
            return self.tokens[unit.first].start
        opener = min(found)
        while opener > 0 and outside[opener - 1].text != ",":
            opener -= 1
        main_indicative = any(_indicative_verb(outside, k, self.lex) for k in range(opener))
        # a verb first is the main clause after a fronted one, or the rest of a clause that a
        # relative clause interrupted (`sobald die Studie, der …, fertiggestellt sei`)
        if opener == 0 or outside[opener].pos.startswith("V") or not main_indicative:
            return self.tokens[unit.first].start
        return outside[opener].start

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

    def _reportative_sollen(self, tokens: list[Token]) -> bool:
        return self._reportative_sollen_at(tokens) is not None

    def _reportative_sollen_at(self, tokens: list[Token]) -> int | None:
        """`Er soll resistent sein`, right after a statement: what the source says, told on. In a
        relative or adverbial clause (`Projekte, mit denen Kosten sinken sollen`) `sollen` names a
        purpose, unless a perfect infinitive makes it a report (`…, der geschossen haben soll`)."""
        for k, t in enumerate(tokens):
            if t.lemma != "sollen" or t.pos != "VM(FIN)" or t.lower not in ("soll", "sollen"):
                continue
            if not _in_relative_or_adverbial_clause(tokens, k) or self._perfect_infinitive(self.tokens[max(0, t.i - 4) : t.i]):
                return k
        return None

    @staticmethod
    def _perfect_infinitive(tokens: list[Token]) -> bool:
        return any(t.pos.endswith("(PP)") for t in tokens) and any(t.lower in ("haben", "sein") and t.pos.endswith("(INF)") for t in tokens)

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
            article = demonstrative and fin > left + 2  # `Das Ministerium verteidigte den Plan`
            np = phrase_after(self.tokens, fin + 1, right) if demonstrative and not article else self._subject(left + 1, fin, right)
            if article and self._is_passive(fin, cue.anchor):
                continue  # `Das Gesetz wurde … kritisiert`: what was acted on, no attribution
            if article and (np is None or not self.resolver.surely_speaks(*np)):
                continue  # `Das Wetter spielte mit`: no speaker to claim the sentence before
            if self._is_passive(fin, cue.anchor) and self._agent(cue.anchor, left, right) is None:
                continue  # "Außerdem wurde mehr Jugendarbeit gefordert": what was demanded says nothing
            if np is None and demonstrative:
                np = self._origin_after(fin, right)
            if np is None and left == fin - 1 and left >= unit.first and self.tokens[left].text == "," and self._names_apposition(unit, left):
                np = self._unit_subject(unit)  # "Der Chef des Verbands, Peter Hahn, warnte:"
            if np:
                return cue, np
        return None

    def _origin_after(self, fin: int, right: int) -> tuple[int, int] | None:
        """`Dies geht aus dem Bericht hervor.`, `Das steht in der Mitteilung.`: with no subject
        besides the pointing word, the source is what it comes out of, or the document it is in."""
        if self.tokens[fin - 1].lower not in ("das", "dies"):
            return None  # "Das Softwarepaket ging aus StarOffice hervor": a subject of its own
        if fin + 1 >= right or self.tokens[fin + 1].lower != "aus":
            return self._document_in_clause(fin, right)
        return noun_phrase_at(self.tokens, fin + 2, right)

    def _tells_its_own_act(self, unit: Unit, orphan) -> bool:
        """`Die Gewerkschaften hatten ihren Streik angekündigt.`: the clause names what was
        announced, so it is no attribution of the sentence before (though its speaker may go on)."""
        cue, np = orphan
        tokens = unit.tokens(self.doc)
        if np == UNSAID or cue.kind != "verb" or tokens[0].lower in ("das", "dies", "so", "mit"):  # "Mit dieser Warnung reagierte X"
            return False
        left, _ = self._clause(unit, self._finite(unit, cue.anchor))
        end = self._clause_end_over_quotes(unit, cue.tokens[-1])
        return self._reports_an_act(cue, min(np[0], left + 1), end, np)

    def _names_apposition(self, unit: Unit, comma: int) -> bool:
        """`Der Chef des Verbands, Peter Hahn,` before the verb: noun phrases with a name in them."""
        return self._follows_apposition(unit, comma) and any(is_name(t) for t in self.tokens[unit.first : comma])

    def _introduction(self, unit: Unit, orphan, following: Unit | None) -> tuple[Cue | None, tuple[int, int]] | None:
        """A sentence closing with a colon introduces what follows: `Peter Hahn warnte:` (a cue),
        or before a quotation any clause or name (`Hier sparte der Präsident nicht mit Kritik:`,
        `Erkki Tuomioja, Präsident des Rats:`). Returns (cue or None, speaker phrase) or None."""
        last = unit.last - 1
        if last <= unit.first or self.tokens[last].text != ":" or inside_quote(self.tokens[last].start, unit.quotes) is not None:
            return None
        if orphan:
            return orphan
        if following is None or self.tokens[following.first].text not in QUOTE_MARKS:
            return None
        fin = next((j for j in range(unit.first, last) if self.tokens[j].pos.endswith("(FIN)") and not self._in_embedded_clause(unit, j)), None)
        if fin is None:
            np = self._first_phrase(unit)
            return (None, np) if np else None
        np = self._unit_subject(unit)
        if np is None:
            return None
        particles = [j for j in range(fin + 1, last) if self.tokens[j].pos == "PTKVZ"]
        return Cue([fin, *particles[-1:]], "verb", fin), np

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


def _in_relative_or_adverbial_clause(tokens: list[Token], k: int) -> bool:
    """Whether token k stands in a clause opened by a relative word or a subordinator other than
    `dass`/`ob` (`…, mit denen …`, `…, weil …`)."""
    first = k
    while first > 0 and tokens[first - 1].text not in (",", ";", ":", "–"):
        first -= 1
    opener = tokens[first]
    if opener.pos.startswith("APPR") and first + 1 < k:  # "mit denen", "auf deren"
        opener = tokens[first + 1]
    if opener.lower in ("dass", "daß", "ob"):
        return False
    return first > 0 and opener.pos.startswith(("PREL", "KOUS", "PWAV", "PWS"))


def _indicative_verb(tokens: list[Token], k: int, lex) -> bool:
    """A finite verb in the indicative; a capitalised one inside its clause is a noun (`Das Gehen`)."""
    t = tokens[k]
    return t.pos.endswith("(FIN)") and subjunctive_mood(t, lex) is None and (k == 0 or not t.text[:1].isupper())
