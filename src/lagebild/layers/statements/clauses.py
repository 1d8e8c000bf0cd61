"""Clause geometry: where a unit's clauses, regions and words begin and end."""

from __future__ import annotations

from bisect import bisect_left

from lagebild.document import Token
from lagebild.lang.de.function_words import RELATIVE_PRONOUNS
from lagebild.layers.mood import has_reported_subjunctive, subjunctive_mood
from lagebild.layers.phrases import (
    is_punct,
)
from lagebild.layers.statements.model import (
    CONJUNCTION_PREPOSITIONS,
    QUOTED_WORDING_BEFORE,
    RELATIVE_DETERMINERS,
)
from lagebild.layers.units import BOUNDARY, END, QUOTE_MARKS, Unit, inside_quote
from lagebild.nlp.quotes import Quote

PRETERITE_AUXILIARIES = {"war", "waren", "wurde", "wurden", "hatte", "hatten"}


class ClauseMixin:
    """Part of the statement extractor (see finder.py); works on its shared state."""

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

    def _is_passive(self, fin: int, cue_token: int) -> bool:
        """`wird beschuldigt`, `wurde berichtet`: a form of `werden` with the cue as participle."""
        return fin != cue_token and self.tokens[fin].lemma == "werden" and self.tokens[cue_token].pos in ("VV(PP)", "VV(FIN)")

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
        if right + 1 < unit.last and self._verb_final_relative_at(unit, right + 1):
            return False  # "…, heißt es in dem Bericht, der Fälle auflistet": a relative clause
        return right + 1 < unit.last and self._has_verb(self.tokens[right + 1].start, self._unit_end(unit))

    def _clause_end_over_quotes(self, unit: Unit, i: int) -> int:
        """The next `,` `:` `;` after token i that stands outside quotation marks (or the unit end),
        or the `und` of a coordinated clause with an indicative verb of its own."""
        while i < unit.last:
            t = self.tokens[i]
            q = inside_quote(t.start, unit.quotes)
            if q is None and t.text in (",", ":", ";"):
                return i
            if q is None and self._coordinates_told_clause(unit, i):
                return i
            i += 1
        end = unit.last
        while end > unit.first and self.tokens[end - 1].text in END:
            end -= 1
        return end

    def _coordinates_told_clause(self, unit: Unit, i: int) -> bool:
        """`nannte sie „fahrlässig“ und verwies auf Studien`: `und` with an indicative finite verb
        right after it opens a second main clause of the same subject, which the writer tells."""
        if self.tokens[i].lower not in ("und", "oder", "sowie") or not unit.first < i < unit.last - 1 or self.tokens[i - 1].text not in QUOTE_MARKS:
            return False
        return self._told_finite(self.tokens[i + 1])

    def _told_finite(self, verb: Token) -> bool:
        """A finite verb in the indicative inside a clause (lower case: not a noun, not a sentence start)."""
        return verb.pos.endswith("(FIN)") and not verb.text[:1].isupper() and subjunctive_mood(verb, self.lex) is None

    def _clause_end_char(self, unit: Unit, i: int) -> int:
        end = self._clause_end_over_quotes(unit, i + 1)
        return self.tokens[end - 1].end if end > i + 1 else self._unit_end(unit)

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
        j = self._before_wie_apposition(unit, j)
        end = self.tokens[j].end
        if self.tokens[unit.first].lower == "wie" and any(c.anchor <= j for c in self._cues(unit) if c.kind == "verb"):
            return None  # "Wie X erklärte, sieht …": the clause before is an attribution itself
        start = self.tokens[unit.first].start
        for k in range(j, unit.first - 1, -1):
            if self.tokens[k].text == ":" and inside_quote(self.tokens[k].start, unit.quotes) is None:
                start = self.tokens[k].end
                break
        return (start, end)

    def _before_wie_apposition(self, unit: Unit, j: int) -> int:
        """`Der Tank stand unter Druck, wie Burt Rutan, Chef der Firma, mitteilte`: the `wie` clause
        that an apposition splits is the attribution; the message ends before its comma."""
        for k in range(j, unit.first, -1):
            t = self.tokens[k]
            if inside_quote(t.start, unit.quotes) is not None:
                continue
            if t.pos.endswith("(FIN)"):
                return j
            if t.lower == "wie" and self.tokens[k - 1].text == "," and k - 2 >= unit.first:
                return k - 2
        return j

    def _region_after(self, unit: Unit, boundary: int) -> tuple[int, int] | None:
        if boundary + 1 >= unit.last:
            return None
        first = self.tokens[boundary + 1]
        if self._continues_predicate(unit, boundary + 1) or self._narrates_in_preterite(unit, boundary + 1):
            return None
        if first.pos.startswith(("PRELS", "PRELAT")) or (first.pos.startswith("APPR") and boundary + 2 < unit.last and self.tokens[boundary + 2].pos.startswith("PRELS")):
            return None
        return (first.start, self._unit_end(unit))

    def _continues_predicate(self, unit: Unit, k: int) -> bool:
        """`wollte die Vorwürfe zurückweisen, hielt sich aber zurück`: an indicative finite verb
        right after the comma goes on with the same subject, the writer telling what it did next;
        a report after its cue opens with its own subject or a Konjunktiv."""
        verb = self.tokens[k]
        if not self._told_finite(verb) or inside_quote(verb.start, unit.quotes) is not None:
            return False
        if verb.lower in ("sollte", "sollten") or self._in_relative_clause(unit, k - 1):
            return False  # "…, sollte er gewinnen, …": a condition; "Die Alternative, die sie nannte, ist …": the main verb
        # "lobte …, bekräftigte … und bekannte, er würde …": left to the cue that follows
        return not any(c.kind == "verb" and c.anchor >= k for c in self._cues(unit))

    def _narrates_in_preterite(self, unit: Unit, k: int) -> bool:
        """`Die Behörden gehen von Terror aus, ein Verfahren wurde bereits eingeleitet`: a main
        clause after the comma whose finite verb is a preterite auxiliary tells what happened; a
        report in the indicative keeps the speaker's present (`sagte, die Lage ist ernst`)."""
        for j in range(k, unit.last):
            t = self.tokens[j]
            if t.text in (",", ";", ":") or inside_quote(t.start, unit.quotes) is not None:
                return False
            if t.pos.endswith("(FIN)"):
                return j > k and t.lower in PRETERITE_AUXILIARIES and not self.tokens[k].pos.startswith(("KOUS", "PREL", "PW", "KON"))
        return False

    def _in_relative_clause(self, unit: Unit, i: int) -> bool:
        """Whether the clause that ends before token i opens with a relative pronoun (`, die X nannte`)."""
        left, _ = self._clause(unit, i - 1)
        if left < unit.first:
            return False
        opener = left + 1
        if opener + 1 < unit.last and self.tokens[opener].pos.startswith("APPR"):
            opener += 1  # "…, mit denen …"
        first = self.tokens[opener]
        verb_last = self.tokens[i - 1].pos.endswith("(FIN)")  # the tagger may read `die` as an article
        return first.pos.startswith("PREL") or verb_last and first.lower in RELATIVE_PRONOUNS

    def _tail_after(self, unit: Unit, right: int) -> tuple[int, int] | None:
        """`„A“, sagte er, „B“`: the quotation after the attribution."""
        if right < unit.last and self.tokens[right].text == "," and right + 1 < unit.last:
            q = inside_quote(self.tokens[right + 1].start, unit.quotes)
            if q is not None and q.open == self.tokens[right + 1].start:
                return (q.open, q.outer_end)
        return None

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in ",;:–—-"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—"):
            end -= 1
        for lead in ("dass ", "daß "):
            if text.startswith(lead, start):
                start += len(lead)
        end = self._before_comment(start, end)
        return start, self._before_told_predicate(start, end)

    def _before_comment(self, start: int, end: int) -> int:
        """`…, Gelder erhalten zu haben, was nicht bestätigt werden konnte`: a closing clause on the
        whole (`was`, `wobei`) in the indicative is the writer's comment on a reported message."""
        tokens = self._slice(start, end)
        for k in range(1, len(tokens) - 2):
            if tokens[k].text != "," or tokens[k + 1].lower not in ("was", "wobei") or inside_quote(tokens[k].start, self.quotes) is not None:
                continue
            if tokens[k + 1].lower == "was" and not tokens[k - 1].pos.startswith("V"):
                continue  # "Er wisse nicht, was …": the question he cannot answer, after its verb only a comment
            said, comment = tokens[:k], tokens[k + 1 :]
            reported = any(t.pos in ("PTKZU", "VV(IZU)") for t in said) or has_reported_subjunctive(said, self.lex, konj2=False)
            told = any(t.pos.endswith("(FIN)") for t in comment) and not has_reported_subjunctive(comment, self.lex, konj2=True, possibility=True)
            if reported and told and not any(t.text in QUOTE_MARKS for t in comment):
                return tokens[k - 1].end
        return end

    def _before_told_predicate(self, start: int, end: int) -> int:
        """`Die Hoffnung, sein Leben werde sich wenden, schien sich nicht zu erfüllen`: an
        indicative finite verb right after the comma that closes a reported clause is the verb
        of the writer's main clause (or of an attribution, `…, hatte sie gesagt`); the report ends
        before it."""
        tokens = self._slice(start, end)
        for k in range(1, len(tokens) - 1):
            comma, verb = tokens[k], tokens[k + 1]
            if comma.text != "," or inside_quote(comma.start, self.quotes) is not None:
                continue
            if not self._told_finite(verb):
                continue
            said = [t for t in tokens[:k] if inside_quote(t.start, self.quotes) is None]
            if has_reported_subjunctive(said, self.lex, konj2=False):
                return tokens[k - 1].end
        return end

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

    def _starts_coordinate_clause(self, i: int) -> bool:
        """`…, doch er selbst wird …`: a new main clause, not the content of the cue."""
        return i < len(self.tokens) and self.tokens[i].lower in ("doch", "aber", "und", "sondern", "denn", "oder")

    def _opens_adverbial_clause(self, start: int) -> bool:
        k = bisect_left(self.token_starts, start)
        if k >= len(self.tokens) or inside_quote(start, self.quotes) is not None:
            return False
        t = self.tokens[k]
        if k > 0 and self.tokens[k - 1].lower in ("dass", "daß"):
            return False  # "dass während der Feier Musik spielte": the dass clause's own adverbial
        if t.lower in CONJUNCTION_PREPOSITIONS:  # the tagger confuses both readings: the verb's place decides
            return self._ends_in_finite_verb(k)
        if t.pos == "KOUS" and t.lower not in self.lex.word_class("complementizer"):
            return True
        return t.pos in ("PRELS", "KOUI") or t.lower in ("womit", "wodurch", "sodass") or t.lower == "so" and k + 1 < len(self.tokens) and self.tokens[k + 1].lower == "dass"

    def _ends_in_finite_verb(self, k: int) -> bool:
        """Whether the stretch from token k to the next comma ends in a finite verb (a verb-final clause)."""
        for j in range(k + 1, len(self.tokens)):
            t = self.tokens[j]
            if t.text in END and j > k + 1:
                return self.tokens[j - 1].pos.endswith("(FIN)")
            if t.text == "," or t.sent != self.tokens[k].sent:
                return j > k + 1 and self.tokens[j - 1].pos.endswith("(FIN)")
        return False

    def _has_main_clause(self, unit: Unit, region: tuple[int, int]) -> bool:
        """Whether a region holds a clause of its own with a finite verb, not only a phrase with
        relative or adverbial clauses (`In Spanien, wo am Sonntag gewählt wird`); a quotation
        counts as said whatever its form."""
        if inside_quote(region[0], unit.quotes) is not None or self.text[region[0]] in QUOTE_MARKS:
            return True
        chunk: list[Token] = []
        for t in [*self._slice(*region), None]:
            if t is not None and not (t.text == "," and inside_quote(t.start, unit.quotes) is None):
                chunk.append(t)
                continue
            opener = chunk[1] if len(chunk) > 1 and chunk[0].pos in ("ADV", "PTKNEG") else chunk[0] if chunk else None
            if opener is not None and opener.pos.startswith("APPR") and len(chunk) > 1 and (chunk[1].pos.startswith("PREL") or chunk[1].lower in RELATIVE_DETERMINERS):
                opener = chunk[1]  # "auf deren Listen …", "mit denen …": a relative clause after its preposition
            embedded = opener is not None and opener.pos.startswith(("KOUS", "PRELS", "PWAV", "PWS", "KOUI"))
            condition = opener is not None and opener.lower in ("sollte", "sollten") and opener.start == region[0]
            embedded = embedded or condition  # "Sollte sich das bestätigen, …"
            if not embedded and any(c.pos.endswith("(FIN)") for c in chunk):
                return True
            chunk = []
        return False

    def _continues_narration(self, quote_end: int, end: int) -> bool:
        rest = self.text[quote_end:end].lstrip()
        return rest.startswith((",", "und ", "aber ", "sowie ")) and len(rest) > 10

    def _is_title(self, q: Quote) -> bool:
        """Names and titles in quotation marks: short, capitalised, no verb (`„Welt am Sonntag“`)."""
        content = self.text[q.start : q.end].strip()
        tokens = self._slice(q.start, q.end)
        if tokens and (tokens[0].start, tokens[-1].end) in self.quoted_names:
            return True  # der Verein „Aktion Deutschland hilft“: a name, though it holds a verb
        if not content or len(tokens) > 6:
            return False
        if any(t.pos.endswith(("(FIN)", "(IMP)")) for t in tokens) or content.endswith(("!", "?")):
            return False
        if not (content[:1].isupper() or content[:1].isdigit()):
            return False
        # a capitalised noun phrase after an indefinite article, an adjective or "als" is quoted
        # wording ("eine wachsende „Kluft zwischen Arm und Reich“"), not a title
        k = bisect_left(self.token_starts, q.open) - 1
        before = self.tokens[k] if k >= 0 else None
        return not (before and (before.lower in QUOTED_WORDING_BEFORE or before.pos.startswith("ADJ") and not before.text[:1].isupper()))
