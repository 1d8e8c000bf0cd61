"""Statements from source phrases rather than verbs: `so X`, `wonach`, `demnach`, `X:`, `laut X`, `nach Angaben von X`, `X zufolge`."""

from __future__ import annotations

from bisect import bisect_left

from lagebild.document import Span
from lagebild.lang.de.function_words import DEFINITE_ARTICLES
from lagebild.layers.mood import subjunctive_mood
from lagebild.layers.phrases import (
    is_name,
    is_punct,
    noun_phrase_at,
    phrase_after,
)
from lagebild.layers.statements.cues import CITED_NOUNS
from lagebild.layers.statements.model import (
    DOCUMENT_NOUNS,
    HOLDER_STARTS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    UNSAID,
    Cue,
    Statement,
)
from lagebild.layers.units import Unit, inside_quote


class SourcePhraseMixin:
    """Part of the statement extractor (see finder.py); works on its shared state."""

    def _from_so(self, unit: Unit, cue: Cue) -> list[Statement]:
        i = cue.anchor
        _, right = self._clause(unit, i)
        verb = cue.tokens[-1]
        np = self._impersonal_source_of(verb, i, verb, right) or phrase_after(self.tokens, verb + 1, right)
        if self._so_parenthetical(unit, i, right):  # "Sein Rivale, so Obama weiter, würde …"
            return self._around(unit, cue, np, i - 1, right)
        made = self._make(unit, self._region_before(unit, i - 1), cue, np, right)
        tail = self._tail_after(unit, right)
        if made and tail:
            made += self._make(unit, tail, cue, np, right)
        return made

    def _so_parenthetical(self, unit: Unit, i: int, right: int) -> bool:
        """`Sein Rivale, so Obama, würde …`: a `so` clause between commas after a phrase without a
        verb, the finite verb right after it; the message runs around it."""
        if right + 1 >= unit.last or self.tokens[right].text != "," or not self.tokens[right + 1].pos.endswith("(FIN)"):
            return False
        before = [t for t in self.tokens[unit.first : i - 1] if inside_quote(t.start, unit.quotes) is None]
        return bool(before) and not any(t.pos.startswith("V") for t in before)

    def _from_wonach(self, unit: Unit, cue: Cue) -> list[Statement]:
        """`Berichte, wonach die Truppe … operiere`: the noun before the comma is the source."""
        i = cue.anchor
        relative = cue.tokens[-1] if len(cue.tokens) > 1 else None  # "Studien, nach denen …": `denen` names them here
        noun = self._relative_source_noun(unit, i) if relative is not None else None
        start = i - 2 if noun is None else noun
        if noun is None and self._names_source_noun(i - 3) and self.tokens[i - 2].pos == "PTKVZ":
            start = i - 3  # "wies Berichte zurück, wonach …": the clause moved past the particle
        # "kehrten zur Version zurück, wonach …": no noun right before the comma, the relative word names the source
        extraposed = relative is None and start == i - 2 and not self.tokens[start].pos.startswith(("NN", "NE", "$("))
        words = ("ART", "ADJ", "NN", "NE", "PIAT", "PPOSAT") if noun is None else ("ART", "ADJ", "PIAT", "PPOSAT")
        while start > unit.first and (self.tokens[start - 1].pos.startswith(words)):
            start -= 1
        np = noun_phrase_at(self.tokens, start, i - 1)
        if extraposed:
            relative, np = i, UNSAID
        if np is None:
            return []
        made = self._make(unit, (self.tokens[cue.tokens[-1]].end, self._clause_end_char(unit, i)), cue, np, i)
        if relative is not None:
            for statement in made:
                statement.mention = Span.of(self.text, self.tokens[relative].start, self.tokens[relative].end)
        subject = self._unit_subject(unit)  # X, not the reports, speaks on
        for statement in made:
            statement.speaks_on = self._speaker(subject) if subject else (None, None)
        return made

    def _names_source_noun(self, k: int) -> bool:
        """Whether token k is a noun of sources, saying or documents (`Berichte`, `Forderung`)."""
        word = self.tokens[k].lower
        return self.tokens[k].pos == "NN" and any(form.endswith(SOURCE_NOUNS + SPEECH_NOUNS + DOCUMENT_NOUNS) for form in (word, word[:-1], word[:-2]))

    def _from_demnach(self, unit: Unit, cue: Cue) -> list[Statement]:
        """`Demnach steht der Kopilot in der Kritik`: the source cited just before speaks on."""
        i = cue.anchor
        if i + 1 >= unit.last:
            return []  # nothing after it to cite
        source = None if self.previous is not None and self.last_statement_unit >= 0 else self._document_before(unit)
        if self.previous is None and source is None and i != unit.first:
            return []  # `… wird demnach …` needs a source before; a fronted `Demnach` cites one even where the text does not say which
        if self._draws_a_conclusion(unit, i):
            return []
        start = self.tokens[i + 1].start if i == unit.first else self.tokens[unit.first].start
        made = self._make(unit, (start, self._unit_end(unit)), cue, source, i)
        for statement in made:
            statement.mention = Span.of(self.text, self.tokens[i].start, self.tokens[i].end)
        return made

    def _draws_a_conclusion(self, unit: Unit, i: int) -> bool:
        """`Demnach wäre frühestens 2030 damit zu rechnen`: with a hypothetical Konjunktiv II the
        writer draws a conclusion (`accordingly, it would`), citing nobody."""
        verb = i + 1 if i == unit.first else i - 1
        return verb < unit.last and self.tokens[verb].lower in self.lex.word_class("hypothetical_subjunctive2")

    def _from_colon(self, unit: Unit, cue: Cue) -> list[Statement]:
        colon = cue.anchor
        region = (self.tokens[colon].end, self.tokens[unit.last - 1].end)
        np = (unit.first, colon - 1)
        if not any(is_name(t) for t in self.tokens[unit.first : colon]):  # "Ein Beamter nach der Festnahme:"
            np = noun_phrase_at(self.tokens, unit.first, colon) or np
        return self._make(unit, region, cue, np, colon)

    def _from_impersonal(self, unit: Unit, cue: Cue) -> list[Statement]:
        """`wurde bekannt, dass …`, `Wie sich herausstellte, …`, `es wird vermutet, dass …`: the
        `dass` clause or the clause after the `wie` clause, with nobody named. The news guide
        counts impersonal views as no statement, SpkAtt does: they are `reported`. A finding that
        names where it came from (`Wie sich aus dem Bericht ergab, …`) is that source's statement."""
        left, right = self._clause(unit, cue.anchor)
        source = self._finding_source(left, right)
        made = self._make(unit, (self.tokens[right + 1].start, self._unit_end(unit)), cue, source or UNSAID, right)
        for statement in made:
            statement.kind = statement.kind if source else "reported"
        return made

    def _finding_source(self, left: int, right: int) -> tuple[int, int] | None:
        """The `aus` phrase of a finding (`wie sich aus der Auswertung ergab`), or None."""
        at = next((j for j in range(left + 1, right) if self.tokens[j].lower == "aus"), None)
        return None if at is None else noun_phrase_at(self.tokens, at + 1, right)

    def _from_preposition(self, unit: Unit, cue: Cue) -> list[Statement]:
        if cue.kind == "impersonal":  # reaches here as the fallback of `_from_cue`
            return self._from_impersonal(unit, cue)
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
            if len(cue.tokens) > 1:  # "nach Polizeiangaben", "nach Angaben der Polizei": the whole phrase names the source
                holder_end = self._holder_end(unit, after)
                np = (i + 1, holder_end or cue.tokens[-1])
                if holder_end is None and word != "nach" and self.tokens[i + 1].pos != "PPOSAT":
                    np = None  # "aus Brüsseler Sicht": a view, nobody who speaks
            else:
                np = noun_phrase_at(self.tokens, after, unit.last)
            if np is None and word in ("laut", "gemäß") and after < unit.last and not is_punct(self.tokens[after]) and not self.tokens[after].pos.startswith("V"):
                np = (after, after)  # "laut faz.net"
            if np is None and word in ("laut", "gemäß"):
                np = self._quoted_title_at(unit, after)  # "laut „tagesschau.de“"
            pp = (i, np[1] if np else i)
        if np is None:
            return []
        left, right = self._clause(unit, pp[0])
        first_in_clause = left + 1
        after_relative = pp[0] == first_in_clause and self._closes_relative_clause(unit, left)
        if after_relative:
            start = self.tokens[unit.first].start  # "Das Werk, welches X betreibt, bleibt nach Berichten des Amts still"
        elif pp[0] - first_in_clause <= 1 and (pp[0] == first_in_clause or self.tokens[first_in_clause].pos.startswith(("PRELS", "KOUS", "PWS", "ART", "PDS"))):
            start = self.tokens[pp[1]].end
            if pp[0] == unit.first and (verb := self._finite_after_fronted(unit, pp[1] + 1)) is not None:
                start = self.tokens[verb].start  # "Nach Angaben eines Sprechers aus dem Amt handelte es sich …"
        elif left >= unit.first and self.tokens[left].text == "," and self._follows_main_clause(unit, left):
            start = self.tokens[left + 1].start  # "X soll dies gewusst haben, die Taten seien aber laut Y verjährt"
        else:
            start = self.tokens[unit.first].start
        region = (start, self._embedded_clause_end(unit, first_in_clause, right) or self._unit_end(unit))
        if not any(self.tokens[j].pos.startswith("V") for j in range(pp[1] + 1, unit.last)) and start != self.tokens[unit.first].start:
            return []
        made = self._make(unit, region, Cue(cue.tokens, "prep", i), np, pp[1] + 1)
        if not made and start == self.tokens[unit.first].start and self._after_adverbial_clause(unit, left):
            # "Weil …, ist es laut dem Bericht schwer, …": the source covers the clause before its main clause
            made = self._make(unit, (self.tokens[left + 1].start, region[1]), Cue(cue.tokens, "prep", i), np, pp[1] + 1)
            for statement in made:
                statement.message = Span.of(self.text, start, statement.message.end)
        for statement in made:  # "Die Ursache ist nach Angaben der Polizei unklar": the message around the attribution
            statement.message = self._without(statement.message, pp[0], pp[1])
        return made

    def _closes_relative_clause(self, unit: Unit, comma: int) -> bool:
        """Whether the comma closes a relative clause set in the main clause (`Das Werk, welches
        X betreibt, bleibt …`): the clause before it opens with a relative pronoun after a comma,
        after words of the main clause, and ends in its finite verb."""
        if comma <= unit.first or self.tokens[comma].text != "," or not self.tokens[comma - 1].pos.endswith("(FIN)"):
            return False
        opening = next((k for k in range(comma - 1, unit.first, -1) if self.tokens[k].text == ","), None)
        if opening is None or opening + 1 >= comma:
            return False
        first = self.tokens[opening + 1]
        return first.pos.startswith("PREL") or first.pos.startswith("APPR") and self.tokens[opening + 2].pos.startswith("PREL")

    def _after_adverbial_clause(self, unit: Unit, left: int) -> bool:
        """Whether the clause from `left` on is the main clause after a fronted adverbial clause
        (`Nachdem …, ist es …`): the unit opens with one, and the finite verb follows its comma."""
        if left <= unit.first or self.tokens[left].text != "," or not self.tokens[left + 1].pos.endswith("(FIN)"):
            return False
        return self._opens_adverbial_clause(self.tokens[unit.first].start)

    def _verb_final_relative_at(self, unit: Unit, first: int) -> bool:
        """`…, heißt es in dem Bericht, der konkrete Fälle auflistet`: a d-word after the comma
        whose clause ends in an indicative finite verb is a relative clause (the tagger may read
        `der` as an article), not the message: a message in V2 has its verb second."""
        if first >= unit.last or self.tokens[first].lower not in DEFINITE_ARTICLES or not self.tokens[first].pos.startswith(("ART", "PRELS", "PDS")):
            return False
        end = self._clause_end_over_quotes(unit, first + 1)
        finite = [j for j in range(first + 1, end) if self.tokens[j].pos.endswith("(FIN)")]
        if len(finite) != 1 or finite[0] != end - 1 or finite[0] - first < 3:
            return False
        return subjunctive_mood(self.tokens[finite[0]], self.lex) is None

    def _embedded_clause_end(self, unit: Unit, first: int, right: int) -> int | None:
        """`Im Koffer, der nach Angaben der Polizei die Bombe enthielt, wurde …`: a source inside a
        relative or adverbial clause set off by commas covers that clause only; returns its end."""
        if first <= unit.first or self.tokens[first - 1].text != "," or not self.tokens[first].pos.startswith(("PRELS", "KOUS")):
            return None
        if right >= unit.last or self.tokens[right].text != "," or self.tokens[first].lower in self.lex.word_class("complementizer"):
            return None
        return self.tokens[right - 1].end

    def _finite_after_fronted(self, unit: Unit, i: int) -> int | None:
        """The finite verb after a fronted phrase (V2): everything before it, relative clauses
        included (`eines Experten, der befragt wurde,`), still belongs to the phrase."""
        relative = False
        for j in range(i, unit.last):
            t = self.tokens[j]
            if inside_quote(t.start, unit.quotes) is not None:
                continue
            if t.text == ",":
                after = self.tokens[j + 1] if j + 1 < unit.last else None
                relative = after is not None and (after.pos.startswith(("PRELS", "PRELAT")) or after.pos.startswith("APPR") and j + 2 < unit.last and self.tokens[j + 2].pos.startswith("PREL"))
                continue
            if t.pos.endswith("(FIN)") and not relative:
                return j
            if t.text in (":", ";") or t.pos.startswith("KOUS"):
                return None
        return None

    def _quoted_title_at(self, unit: Unit, i: int) -> tuple[int, int] | None:
        """The tokens of a title in quotation marks opening at token i (`„tagesschau.de“`)."""
        if i >= unit.last:
            return None
        q = next((q for q in unit.quotes if q.open == self.tokens[i].start and self._is_title(q)), None)
        if q is None:
            return None
        last = bisect_left(self.token_starts, q.outer_end) - 1
        return (i, last) if i < last < unit.last else None

    def _without(self, message: Span, first: int, last: int) -> Span:
        """The message without the attribution words from token `first` to `last` inside it."""
        cut_start, cut_end = self.tokens[first].start, self.tokens[last].end
        if message.parts or not (message.start <= cut_start and cut_end <= message.end):
            return message
        pieces = [self._trim(message.start, cut_start), self._trim(cut_end, message.end)]
        pieces = [(a, b) for a, b in pieces if b > a]
        return Span.joined(self.text, pieces) if pieces else message

    def _holder_end(self, unit: Unit, after: int) -> int | None:
        """The last word of the genitive or `von` holder after a source noun (`Angaben der
        Polizei`, `Angaben von Amnesty International`), or None without one."""
        if (holder := self._bare_genitive_plural(unit, after)) is not None:
            return holder  # "nach Angaben libanesischer Sicherheitskreise"
        if after >= unit.last or self.tokens[after].lower not in HOLDER_STARTS:
            return None
        holder = noun_phrase_at(self.tokens, after + (self.tokens[after].lower in ("von", "vom")), unit.last)
        while holder and holder[1] + 2 < unit.last and self.tokens[holder[1] + 1].lower in ("und", "sowie"):
            more = noun_phrase_at(self.tokens, holder[1] + 2, unit.last)  # "Angaben der Agenturen dpa und AFP"
            if more is None or not self._names_source(more):
                break
            holder = (holder[0], more[1])
        return holder[1] if holder else None

    def _bare_genitive_plural(self, unit: Unit, after: int) -> int | None:
        """The last noun of a genitive plural without article (`Angaben libanesischer
        Sicherheitskreise`, `Schätzungen französischer Behörden`): adjectives in -er, then a noun."""
        j = after
        while j < unit.last and self.tokens[j].pos == "ADJ(A)" and self.tokens[j].lower.endswith("er"):
            j += 1
        if j == after or j >= unit.last or self.tokens[j].pos != "NN":
            return None
        return j

    def _names_source(self, np: tuple[int, int]) -> bool:
        """A coordinated holder names a source (`AFP`, `der Polizei`), not the start of the message
        (`und die Zahl der Toten`): a name or a bare noun (`und Feuerwehr`), or a noun phrase in the genitive."""
        first = self.tokens[np[0]]
        return first.pos in ("NN", "NE") or is_name(first) or first.lower in ("der", "des", "eines", "einer")

    def _document_before(self, unit: Unit) -> tuple[int, int] | None:
        """The document, text or source the sentence before names (`Das Gericht veröffentlichte
        sein Urteil.`, `Die Bank legte Quartalszahlen vor.`, `Dieser Darstellung widersprach X.`)."""
        documents = DOCUMENT_NOUNS + CITED_NOUNS + SOURCE_NOUNS
        for k in range(unit.first - 1, max(-1, unit.first - 40), -1):
            t = self.tokens[k]
            if t.sent < self.tokens[unit.first].sent - 1:
                break
            if t.pos == "NN" and t.lower.endswith(documents):
                first = k - 1 if k > 0 and self.tokens[k - 1].pos.startswith(("ART", "PPOSAT", "PDAT")) else k
                return first, k
        return None
