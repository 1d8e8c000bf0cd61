"""Attributed statements: from each cue, the message region, the speaker and the kind."""

from __future__ import annotations

from bisect import bisect_left

from lagebild.document import Span
from lagebild.lang.de.function_words import DEFINITE_ARTICLES
from lagebild.layers.mood import subjunctive_mood
from lagebild.layers.phrases import (
    is_punct,
    noun_phrase_at,
    phrase_after,
)
from lagebild.layers.statements.model import (
    CONJUNCTION_PREPOSITIONS,
    DOCUMENT_NOUNS,
    KONJ2_WINDOW,
    NAMING_VERBS,
    OBJECT_ACTS,
    REPORTED_ACTS,
    SPEECH_ACTS,
    UNSAID,
    Cue,
    Statement,
)
from lagebild.layers.units import QUOTE_MARKS, Unit, inside_quote

ASSERTIONS = {"say", "report", "announce"}  # classes whose denial (`wollte nicht bestätigen, dass`) says nothing
NOBODY = {"niemand", "keiner", "keine", "nichts"}  # a subject that names nobody holds no view
NOMINATIVE_ARTICLES = {"der", "ein", "kein"}  # only nominative before a masculine noun (`der` also genitive, dative feminine)
ORIGIN_VERBS = {"hervorgehen", "verlauten"}  # what comes out of a source: `wie aus dem Bericht hervorgeht`
CONTRASTIVE_ADVERBS = {"aber", "jedoch", "allerdings", "zugleich", "gleichzeitig", "dennoch", "trotzdem"}  # `…, mahnte aber …`


class AttributionMixin:
    """Part of the statement extractor (see finder.py); works on its shared state."""

    # -- attributed statements -------------------------------------------------
    def _attributed(self, unit: Unit) -> list[Statement]:
        statements: list[Statement] = []
        claimed: list[tuple[int, int]] = []
        colon = self._colon_cue(unit)
        cues = [colon, *self._cues(unit)] if colon else self._cues(unit)
        cues += self._governed_cues(unit, cues)
        candidates = [made for cue in sorted(cues, key=lambda c: self._priority(unit, c)) for made in self._from_cue(unit, cue)]
        candidates += [made for cue in self._wording_cues(unit) for made in self._with_quoting_medium(unit, self._verb_before(unit, cue.tokens[0]), self._from_wording(unit, cue))]
        # a speech act told without content yields to any statement with content
        for made in sorted(candidates, key=lambda st: st.kind == "reported"):
            if any(made.message.start < e and s < made.message.end for s, e in claimed):
                continue
            claimed.append((made.message.start, made.message.end))
            statements.append(made)
        return sorted(statements, key=lambda s: s.message.start)

    def _from_cue(self, unit: Unit, cue: Cue) -> list[Statement]:
        if cue.kind == "verb" and self._lacks_companion(cue):
            return []  # "ging knapp aus": the particle alone, without `von`, is no `gehen von … aus`
        if cue.kind == "verb":
            return self._with_quoting_medium(unit, cue.anchor, self._from_verb(unit, cue))
        if cue.kind == "so":
            return self._from_so(unit, cue)
        if cue.kind == "colon":
            return self._from_colon(unit, cue)
        if cue.kind == "wonach":
            return self._from_wonach(unit, cue)
        if cue.kind == "demnach":
            return self._from_demnach(unit, cue)
        if cue.kind == "noun":
            return self._from_noun(unit, cue)
        return self._from_preposition(unit, cue)

    def _with_quoting_medium(self, unit: Unit, verb: int | None, made: list[Statement]) -> list[Statement]:
        """`zitierte der „Spiegel“ den Minister`: the minister speaks, the one who quotes him is
        the medium — the other phrase of the clause before or after the verb, not in a
        prepositional phrase (`mit den Worten`)."""
        if verb is None or self.tokens[verb].lemma.lower() != "zitieren":
            return made
        left, right = self._clause(unit, verb)
        fin = self._finite(unit, verb)
        for statement in made:
            if statement.medium is not None or statement.mention is None:
                continue
            for np in (self._subject(left + 1, fin, right), noun_phrase_at(self.tokens, left + 1, fin), phrase_after(self.tokens, fin + 1, right)):
                if np is None or np == UNSAID:
                    continue
                start, end = self._quoted_title_around(unit, *np)
                if end <= statement.mention.start or start >= statement.mention.end:
                    statement.medium = Span.of(self.text, start, end)
                    break
        return made

    def _verb_before(self, unit: Unit, i: int) -> int | None:
        """The nearest verb before token i in the unit (`zitierte X mit den Worten`), or None."""
        return next((j for j in range(i - 1, unit.first - 1, -1) if self.tokens[j].pos.startswith("V")), None)

    def _quoted_title_around(self, unit: Unit, first: int, last: int) -> tuple[int, int]:
        """The characters of the phrase, with the quotation marks of a title it ends in (`der „Spiegel“`)."""
        start, end = self.tokens[first].start, self.tokens[last].end
        q = inside_quote(self.tokens[last].start, unit.quotes)
        return (start, max(end, q.outer_end)) if q is not None else (start, end)

    def _wie_clause_without_comma(self, unit: Unit, cue: Cue) -> int | None:
        """`Wie die Zeitung berichtet wurde der Minister entlassen`: a `wie` clause that opens the
        unit and whose cue runs straight into the finite verb of the main clause (V2); returns the
        cue's last token, where the comma belongs."""
        last = cue.tokens[-1]
        if self.tokens[unit.first].lower != "wie" or last + 2 >= unit.last or self.tokens[cue.anchor].lemma.lower() in NAMING_VERBS:
            return None
        if any(self.tokens[j].text in (",", ":", ";") or self.tokens[j].pos.endswith("(FIN)") and j != cue.anchor for j in range(unit.first + 1, last)):
            return None
        return last if self.tokens[last + 1].pos.endswith("(FIN)") else None

    def _wording_cues(self, unit: Unit) -> list[Cue]:
        """`mit den Worten: „…“`, `mit der Aufschrift „…“`: a noun naming the words used, right
        before the quotation that gives them."""
        found = []
        wording = self.lex.word_class("wording_noun") | self.lex.word_class("inscription_noun")
        for i in range(unit.first, unit.last - 3):
            if self.tokens[i].lower != "mit" or not self.tokens[i + 1].pos.startswith(("ART", "PDAT", "PPOSAT")) or self.tokens[i + 2].text not in wording:
                continue
            if self._quotation_at(unit, i + 3 + (self.tokens[i + 3].text == ":")) is not None:
                found.append(Cue([i, i + 1, i + 2], "wording", i + 2))
        return found

    def _quotation_at(self, unit: Unit, i: int):
        """The quotation (not a title) opening at token i, or None."""
        if i >= unit.last:
            return None
        return next((q for q in unit.quotes if q.open == self.tokens[i].start and not self._is_title(q)), None)

    def _from_wording(self, unit: Unit, cue: Cue) -> list[Statement]:
        """The quotation after `mit den Worten` is said by the clause's subject; the words of an
        inscription (`Plakate mit der Aufschrift „…“`) are borne by the thing named before `mit`."""
        noun = cue.anchor
        quote_at = noun + 1 + (self.tokens[noun + 1].text == ":")
        q = self._quotation_at(unit, quote_at)
        left, right = self._clause(unit, cue.tokens[0])
        if self.tokens[noun].text in self.lex.word_class("inscription_noun"):
            np = self._bearer_before(left, cue.tokens[0])
        else:
            fin = next((j for j in range(left + 1, cue.tokens[0]) if self.tokens[j].pos.endswith("(FIN)")), None)
            np = self._subject(left + 1, fin, right) if fin is not None else None
        if np is None or not self.resolver.can_speak(*np):
            return []
        return self._make(unit, (q.open, q.outer_end), cue, np, noun)

    def _bearer_before(self, left: int, mit: int) -> tuple[int, int] | None:
        """The noun phrase right before `mit der Aufschrift` (`trugen Plakate mit …`)."""
        if mit - 1 <= left or self.tokens[mit - 1].pos not in ("NN", "NE"):
            return None
        start = mit - 1
        while start - 1 > left and self.tokens[start - 1].pos.startswith(("ART", "ADJA", "PIAT", "CARD", "PPOSAT", "PDAT")):
            start -= 1
        return start, mit - 1

    def _from_noun(self, unit: Unit, cue: Cue) -> list[Statement]:
        """`die Forderung der Gewerkschaft, die Löhne zu erhöhen`: the content after the comma,
        said by the holder of the noun (`der Gewerkschaft`, `seine` → he), else by nobody named."""
        noun, comma = cue.tokens[0], cue.anchor
        end = self._clause_end_over_quotes(unit, comma + 1)
        holder = None
        if noun + 1 < comma and self.tokens[noun + 1].lower in ("der", "des", "von", "vom"):
            start = noun + 1 + (self.tokens[noun + 1].lower in ("von", "vom"))
            holder = (start, comma - 1)
        elif noun > 0 and self.tokens[noun - 1].pos == "PPOSAT":
            holder = (noun - 1, noun)
        region = (self.tokens[comma + 1].start, self.tokens[end - 1].end)
        return self._make(unit, region, Cue([noun], "noun", noun), holder or UNSAID, end)

    def _from_verb(self, unit: Unit, cue: Cue) -> list[Statement]:
        i = cue.anchor
        closing = self._wie_clause_without_comma(unit, cue)
        if closing is not None:  # "Wie die Zeitung berichtet wurde …": the comma left out
            return self._around(unit, cue, phrase_after(self.tokens, unit.first + 1, closing), unit.first - 1, closing)
        fin = self._finite(unit, i)
        left, right = self._clause(unit, fin)
        right = max(right, self._clause(unit, cue.tokens[-1])[1])
        if self.tokens[left + 1].pos == "KON" and self.tokens[left + 2].lower == "wie" and left + 2 < fin:
            left += 1  # "Denn wie die Zeitung berichtete, …"
        if self.tokens[unit.first].lower == "wie" and left > unit.first and not any(self.tokens[j].pos.endswith("(FIN)") for j in range(unit.first, fin)):
            left = unit.first - 1  # "Wie die Ministerin, Anna Bligh, erklärte, …": the apposition stays in the wie clause
        if left + 1 >= unit.first and self.tokens[left + 1].lower == "wie" and left + 1 < fin:
            if self.tokens[i].lemma.lower() in NAMING_VERBS:
                return []  # "der Fahrplanwechsel, wie ihn die Eisenbahner nennen": naming, not speech
            np = self._impersonal_source_of(i, left, fin, right) or phrase_after(self.tokens, left + 2, right)
            return self._around(unit, cue, np or self._origin_phrase(cue, left, fin), left, right)
        if self._is_inverted(unit, i) and not self._coordinated_by_adverb(unit, left, fin):
            np = self._impersonal_speaker(i, right) or self._unnamed(i, right) if self.tokens[i].lemma.lower() == "heißen" else phrase_after(self.tokens, fin + 1, right)
            if self.tokens[i].lemma.lower() == "zitieren":
                np = self._inverted_quoted(fin, i, right)
                if np is None:
                    return []  # "„…“, zitierte die Zeitung": whom it quotes is not said
            region = self._region_before(unit, left)
            if np is None and not self._quoted_region(unit, region) and not self._wie_clause_before(unit, fin):
                return []  # "Sie arbeitete als Köchin, fand dann eine Stelle": a coordinated clause, no speaker after the verb
            fronted_dass = region is not None and self._dass_at(region[0])
            if fronted_dass and np is None:
                region = None  # "Dass …, weiß jeder": common knowledge, nobody's statement
            elif fronted_dass:  # "Dass die Lage ernst ist, bestätigte der Minister": the clause without `dass`
                region = (self.tokens[bisect_left(self.token_starts, region[0]) + 1].start, region[1])
            elif region and (self._opens_adverbial_clause(region[0]) or not self._has_main_clause(unit, region)):
                if np is not None:
                    return self._reported(unit, cue, np, unit.first - 1, right)  # "Seit …, warnte die Botschaft vor Anschlägen"
                region = None  # "Während …, dementierte dies X", "In Spanien, wo …, fand": no message of X
            made = self._make(unit, region, cue, np, right)
            tail = self._tail_after(unit, right)
            if made and tail:
                made += self._make(unit, tail, cue, np, right)
            return made
        if self._points_back(unit, left, fin):
            return self._from_pointing_back(unit, cue, left, fin, right)
        if self._in_fronted_adverbial(unit, left, fin, right):
            return self._from_fronted_adverbial(unit, cue, left, fin, right)
        if self._reported_cue(fin, left, right):
            return []
        if self._coordinated_cue_after(unit, cue, fin, right):
            return []  # "bekräftigte sein Festhalten und bekannte, er würde …": the nearer verb introduces it
        relative_quote = self._relative_before_quotation(unit, left, fin, right)
        if relative_quote is not None:  # "die Demonstranten, die riefen: „…“"
            return self._make(unit, self._region_after(unit, right), cue, relative_quote, right)
        if self._opens_subordinate_clause(left + 1, fin, right):
            if self._opens_adverbial_act(left + 1, cue):  # "Nachdem Behörden vor dem Verzehr gewarnt hatten, …"
                return self._reported(unit, cue, phrase_after(self.tokens, left + 2, fin), left, right)
            return []
        after_comma = (fin == left + 1 or self._elliptic_participle(fin, left)) and left >= unit.first and self.tokens[left].text == ","
        if after_comma and (self._follows_main_clause(unit, left) or self._follows_apposition(unit, left)):
            np = self._unit_subject(unit)  # coordinated clause, or "X, Experte der Y, kritisierte": the first subject
        elif after_comma and self._follows_relative_clause(unit, left):
            np = self._first_phrase(unit)  # "Deiss, der sich … entschlossen hatte, sagte"
        elif self.tokens[i].lemma.lower() == "heißen":
            np = self._heissen_source(i, left, fin, right)
        elif any(self.tokens[j].text == "Rede" for j in cue.tokens):  # "In der Meldung war von 20 Toten die Rede"
            np = self._document_in_clause(left, right) or UNSAID
        else:
            np = self._subject(left + 1, fin, right) or self._coordinated_subject(left, fin) or self._origin_phrase(cue, left, right)
        if np and np != UNSAID and self.tokens[np[0]].lower in NOBODY:
            return []  # "Niemand erwartet, dass …": no view held by anyone
        if self._unasserted(unit, cue, fin, left, right, np):
            return []
        if self._is_passive(fin, i):  # "Die Männer werden beschuldigt, …": the subject says nothing
            np = self._agent(i, left, right) or UNSAID
            if self._governed_von(cue, np) and not self.resolver.can_speak(*np):
                np = self._agent(i, np[1], right) or UNSAID  # "wird von einer hohen Gefahr ausgegangen": `von` is the verb's own
            if np == UNSAID and self._only_opinion(cue):
                return []  # "Es wird erwartet, dass …": an impersonal attitude, nobody's statement
        if self.tokens[i].lemma.lower() == "zitieren":
            np = self._quoted_person(fin, right) or np
        complementizer = next((j for j in range(i + 1, right) if self.tokens[j].lower in ("dass", "daß")), None)
        if complementizer is not None:  # "Pérez hoffte dass …" (comma missing)
            return self._make(unit, (self.tokens[complementizer].start, self._unit_end(unit)), cue, np, complementizer)
        infinitive = self._infinitive_without_comma(cue, fin, right)
        if infinitive is not None:  # "hat angekündigt die Preise zu erhöhen" (comma left out)
            return self._make(unit, (self.tokens[infinitive].start, self._unit_end(unit)), cue, np, infinitive)
        if right >= unit.last or self.tokens[right].text not in (",", ":"):
            return self._object_statement(unit, cue, np, right) or self._reported(unit, cue, np, left, right)
        if self._opens_relative(unit, right + 1):  # "sprach von 50.000 Menschen, die …": the object goes on
            return self._reported(unit, cue, np, left, right)
        if self._adverbial_without_report(unit, right + 1):  # "forderte den Rücktritt, weil …"
            return self._object_statement(unit, cue, np, right) or self._reported(unit, cue, np, left, right)
        apposition = self._apposition_after(unit, right)
        if apposition:
            np, right = (np[0] if np else apposition[0], apposition[1]), apposition[1] + 1
        region = self._until_narration(unit, right + 1, self._region_after(unit, right))
        if region is None or self._region_has_other_cue(unit, region, cue) or self._starts_coordinate_clause(right + 1):
            return []
        if self._only_opinion(cue) and self._opens_question(right + 1):
            return []  # "weiß nicht, wer der Täter ist": an open question, no view held
        return self._make(unit, region, cue, np, right)

    def _governed_von(self, cue: Cue, np) -> bool:
        """The phrase after `von` is the object the verb governs (`ausgehen von`, `sprechen
        von`), not the agent of its passive."""
        if np == UNSAID or np[0] == 0 or self.tokens[np[0] - 1].lower not in ("von", "vom"):
            return False
        return any(e.companion and "von" in e.companion.split() for e in self._cue_entries(cue))

    def _unasserted(self, unit: Unit, cue: Cue, fin: int, left: int, right: int, np) -> bool:
        """A cue whose clause asserts nothing: a question put to the reader or an interviewee
        (`Glauben Sie, dass …?`), an imperative (`Erzähl uns, …`), a speech act denied
        (`wollte nicht bestätigen, dass …`)."""
        subject = self.tokens[np[0]] if np and np != UNSAID else None
        if self.tokens[fin].pos == "VV(IMP)":
            return True
        if subject is not None and self.tokens[unit.last - 1].text == "?" and (subject.lower in ("du", "ihr") or subject.text == "Sie" and np[0] != unit.first):
            return True
        return bool(self._cue_classes(cue) & ASSERTIONS) and self._negated(unit, left, right)

    def _negated(self, unit: Unit, left: int, right: int) -> bool:
        """`nicht` in the cue's clause, not as `nicht nur` (which adds rather than denies)."""
        for k in range(left + 1, right):
            t = self.tokens[k]
            after = self.tokens[k + 1].lower if k + 1 < len(self.tokens) else ""
            if t.pos == "PTKNEG" and inside_quote(t.start, unit.quotes) is None and after not in ("nur", "zuletzt", "umsonst"):
                return True
        return False

    def _adverbial_without_report(self, unit: Unit, first: int) -> bool:
        """An adverbial clause (`weil …`, `um … zu`) opens at token `first`, and no Konjunktiv
        after it reports what was said (`sagte, weil es regne, bleibe er`): circumstances of the act."""
        if first >= unit.last or not self._opens_adverbial_clause(self.tokens[first].start):
            return False
        return not self._reported_subjunctive(self._slice(self.tokens[first].start, self._unit_end(unit)), konj2=False)

    def _wie_clause_before(self, unit: Unit, fin: int) -> bool:
        """`…, wie Hans Berg, Chef der Firma, mitteilte`: the verb closes a `wie` clause split by an apposition."""
        return any(self.tokens[k].lower == "wie" and self.tokens[k - 1].text == "," for k in range(unit.first + 1, fin))

    def _quoted_region(self, unit: Unit, region: tuple[int, int] | None) -> bool:
        """The region holds a quotation (`„…“, sagte gestern`): its speaker may stand further on."""
        return region is not None and any(region[0] <= q.open < region[1] for q in unit.quotes)

    def _until_narration(self, unit: Unit, first: int, region: tuple[int, int] | None) -> tuple[int, int] | None:
        """`sagte, er sei unschuldig, und verließ den Saal`: a message in Konjunktiv (or a `dass`
        clause) ends where a coordinated main clause in the indicative takes up the narration again."""
        if region is None:
            return None
        verb = self._finite_in_clause(unit, first)
        if verb is None or subjunctive_mood(self.tokens[verb], self.lex) is None and not self._dass_at(self.tokens[first].start):
            return region
        for b in range(verb + 1, unit.last):
            if inside_quote(self.tokens[b].start, unit.quotes) is None and self._narration_resumes(unit, b):
                return (region[0], self.tokens[b - 1].end) if self.tokens[b - 1].end > region[0] else region
        return region

    def _narration_resumes(self, unit: Unit, b: int) -> bool:
        """Whether a main clause in the indicative starts at the comma or conjunction at token b:
        its finite verb comes right after (`und verglich`) or after its subject (`doch der
        Sprecher erklärte …`); clauses with their verb last open with a subordinator."""
        t = self.tokens[b]
        if not (t.text in (",", ";") or t.pos == "KON" and t.lower in ("und", "doch", "aber", "sondern", "jedoch")):
            return False
        start = b + 1 + (b + 1 < unit.last and self.tokens[b + 1].pos == "KON")
        if start >= unit.last or self.tokens[start].pos.startswith(("PREL", "KOUS", "KOUI", "PW", "PTKZU")):
            return False
        verb = self._finite_in_clause(unit, start)
        if verb is None or subjunctive_mood(self.tokens[verb], self.lex) is not None or self.tokens[verb].pos.startswith("VM"):
            return False  # modals (`sollte`, `wollte`) may be Konjunktiv II: the report may go on
        if verb + 1 >= unit.last or self.tokens[verb + 1].text in (".", "!", "?", ";"):
            return False  # "…, und der Stadtteil eine Mischung hat.": the verb last, a dependent clause
        return verb == start or all(self.tokens[k].pos.startswith(("ART", "ADJ", "NN", "NE", "PPOSAT", "CARD", "PPER", "APPR")) or self.tokens[k].text == "-" for k in range(start, verb))

    def _finite_in_clause(self, unit: Unit, first: int) -> int | None:
        """The first finite verb from token `first` up to the next comma, outside quotation marks."""
        for j in range(first, unit.last):
            t = self.tokens[j]
            if inside_quote(t.start, unit.quotes) is not None:
                continue
            if t.text in (",", ";", ":") or t.pos == "KON" and j > first:
                return None
            if t.pos.endswith("(FIN)"):
                return j
        return None

    def _inverted_quoted(self, fin: int, cue_token: int, right: int) -> tuple[int, int] | None:
        """Who speaks in `„…“, zitierte man die Reporterin`: the quoted person (the accusative
        object); in the passive (`„…“, wird der Minister zitiert`) the subject after the verb."""
        if self._is_passive(fin, cue_token):
            return phrase_after(self.tokens, fin + 1, right)
        return self._quoted_person(fin, right)

    def _infinitive_without_comma(self, cue: Cue, fin: int, right: int) -> int | None:
        """The first word of a `zu` infinitive that follows the cue's last word with the comma
        left out (`kündigte an die Preise zu erhöhen`): no verb between, `zu` + infinitive last."""
        after = max(cue.tokens[-1], fin) + 1
        end = right
        while end > after and is_punct(self.tokens[end - 1]):
            end -= 1
        particles = {e.companion.split()[-1].lower() for e in self._cue_entries(cue) if e.companion}
        particle = next((k for k in range(end - 1, after - 1, -1) if self.tokens[k].pos == "PTKVZ" or self.tokens[k].lower in particles), None)
        if particle is not None:  # "forderte die Bürger auf zu …": the verb's particle closes its clause
            after = particle + 1
        if end - after < 3 or not self._cue_classes(cue) & SPEECH_ACTS:
            return None
        last, before_last = self.tokens[end - 1], self.tokens[end - 2]
        if not (last.pos in ("VV(IZU)", "VVIZU") or before_last.pos == "PTKZU" and last.pos.startswith("V")):
            return None
        if any(t.pos.startswith(("V", "KOUS", "KOUI", "PREL", "PW")) for t in self.tokens[after : end - 2]):
            return None
        return after

    def _document_in_clause(self, left: int, right: int) -> tuple[int, int] | None:
        """`In ersten Agenturmeldungen war von … die Rede`: the document the clause cites."""
        for j in range(left + 1, right - 1):
            if self.tokens[j].lower in ("in", "im"):
                np = noun_phrase_at(self.tokens, j + 1, right)
                head = next((k for k in range(np[0], np[1] + 1) if self.tokens[k].pos == "NN"), None) if np else None
                if head is not None and self.tokens[head].lemma.lower().endswith(DOCUMENT_NOUNS):
                    return np  # "der Erklärung der Regierung": the document, with its holder
        return None

    def _dass_at(self, start: int) -> bool:
        k = bisect_left(self.token_starts, start)
        return k < len(self.tokens) and self.tokens[k].start == start and self.tokens[k].lower in ("dass", "daß")

    def _opens_adverbial_act(self, first: int, cue: Cue) -> bool:
        """An adverbial clause (`während`, `nachdem`, `weil`, not `dass` or a relative clause)
        around a speech act whose object tells what was said: the clause reports it."""
        opener = self.tokens[first]
        adverbial = opener.pos == "KOUS" or opener.lower in CONJUNCTION_PREPOSITIONS
        return adverbial and opener.lower not in self.lex.word_class("complementizer") and bool(self._cue_classes(cue) & REPORTED_ACTS)

    def _coordinated_by_adverb(self, unit: Unit, comma: int, fin: int) -> bool:
        """`Der Verband begrüßte den Plan, mahnte aber mehr Geld an`: a verb with `aber`,
        `jedoch` … right after a told main clause shares its subject; it attributes nothing."""
        if fin + 2 >= unit.last or self.tokens[fin + 1].lower not in CONTRASTIVE_ADVERBS:
            return False
        after = self.tokens[fin + 2]
        if after.lower in NOMINATIVE_ARTICLES or after.pos.startswith(("PPER", "NE")):
            return False  # "…, meinte jedoch der Minister": the subject follows, an attribution
        before = range(unit.first, comma)
        if any(self.tokens[j].text in QUOTE_MARKS for j in before):
            return False
        return not any(self.tokens[j].pos.endswith("(FIN)") and subjunctive_mood(self.tokens[j], self.lex) for j in before)

    def _elliptic_participle(self, fin: int, comma: int) -> bool:
        """`hatte die Tat gestanden, aber bestritten, …`: a participle after a conjunction, its
        auxiliary and subject left out, shares them with the clause before."""
        if fin != comma + 2 or not (self.tokens[comma + 1].pos == "KON" or self.tokens[comma + 1].lower in CONTRASTIVE_ADVERBS):
            return False
        after_participle = self.tokens[comma - 1].pos.endswith("(PP)")  # "eingeräumt, aber betont": the tagger may read `betont` as finite
        return self.tokens[fin].pos == "VV(PP)" or after_participle and self.tokens[fin].pos == "VV(FIN)"

    def _points_back(self, unit: Unit, left: int, fin: int) -> bool:
        """`…, das teilte das Institut mit`, `– das zumindest meint X`: a main clause whose `das`
        stands for the clause before it."""
        if left < unit.first or self.tokens[left].text not in (",", ";", "–", "—", "-") or self.tokens[left + 1].lower not in ("das", "dies"):
            return False
        return fin == left + 2 or fin == left + 3 and self.tokens[left + 2].pos == "ADV"

    def _from_pointing_back(self, unit: Unit, cue: Cue, left: int, fin: int, right: int) -> list[Statement]:
        np = phrase_after(self.tokens, fin + 1, right)
        region = self._region_before(unit, left)
        if np is None or region is None or self._opens_adverbial_clause(region[0]) or not self._has_main_clause(unit, region):
            return []  # ", das kritisierte, …": a relative clause, its verb last
        return self._make(unit, region, cue, np, right)

    def _opens_relative(self, unit: Unit, i: int) -> bool:
        """A relative clause (`die …`, `auf die …`) opens at token i."""
        if i >= unit.last:
            return False
        t = self.tokens[i]
        return t.pos.startswith(("PRELS", "PRELAT")) or t.pos.startswith("APPR") and i + 1 < unit.last and self.tokens[i + 1].pos.startswith("PRELS")

    def _opens_question(self, i: int) -> bool:
        return i < len(self.tokens) and (self.tokens[i].pos.startswith(("PWS", "PWAV", "PWAT")) or self.tokens[i].lower == "ob")

    def _reported_cue(self, fin: int, left: int, right: int) -> bool:
        """A cue in Konjunktiv I is itself reported (`sie glaube, dass …`); with `ich` the same
        form is the speaker's own present tense (`Ich glaube, dass …`, `sage ich`)."""
        return subjunctive_mood(self.tokens[fin], self.lex) == 1 and not self._first_person_at(fin, left, right)

    def _first_person_at(self, fin: int, left: int, right: int) -> bool:
        return any(self.tokens[j].lower == "ich" and self.tokens[j].pos.startswith("PPER") for j in range(max(left + 1, fin - 1), min(right, fin + 2)))

    def _opens_subordinate_clause(self, first: int, fin: int, right: int) -> bool:
        """A subordinate clause: its cue does not take the clause after it as message. The tagger
        may read `Während Politiker den Besuch begrüßten, …` as a preposition and `Während der Sitzung sagte er`
        as a conjunction; where the finite verb stands tells them apart."""
        opener = self.tokens[first]
        if opener.lower in CONJUNCTION_PREPOSITIONS:  # the tagger confuses both readings: the verb's place decides
            return fin == right - 1 and first < fin - 1
        if opener.pos.startswith("APPR") and self.tokens[first + 1].pos.startswith(("PRELS", "PRELAT")):
            return True  # "von dem man weiß, dass …", "in denen er eine Strafe sah": a relative clause
        return opener.pos.startswith(("KOUS", "PRELS", "PWS", "PWAV"))

    def _in_fronted_adverbial(self, unit: Unit, left: int, fin: int, right: int) -> bool:
        """`Während Agenturen berichteten, dass …, dementierte …`: a cue at the end of an
        adverbial clause whose `dass` clause follows it."""
        opener = self.tokens[left + 1]
        verb_final = all(self.tokens[k].pos.startswith(("VA", "VM")) for k in range(fin + 1, right))  # "erklärt hatte"
        if opener.pos != "KOUS" and opener.lower not in CONJUNCTION_PREPOSITIONS or opener.lower in self.lex.word_class("complementizer") or not verb_final:
            return False
        if right + 1 >= unit.last or self.tokens[right].text not in (",", ":"):
            return False
        if self.tokens[right].text == ":":
            return True  # "…, indem Sie sagen: Die Arbeitsplätze sollen bleiben."
        return self.tokens[right + 1].lower in ("dass", "daß") or self._reported_clause_at(unit, right + 1) or self._infinitive_clause_at(unit, right + 1)

    def _infinitive_clause_at(self, unit: Unit, first: int) -> bool:
        """`Während X ankündigte, den Vorschlag prüfen zu lassen, …`: a `zu` infinitive without a
        finite verb (not `um … zu`, a purpose)."""
        if self.tokens[first].pos.startswith("KOUI"):
            return False
        for j in range(first, unit.last):
            t = self.tokens[j]
            if t.text == "," and inside_quote(t.start, unit.quotes) is None or t.pos.endswith("(FIN)"):
                return False
            if t.pos in ("PTKZU", "VV(IZU)", "VVIZU"):
                return True
        return False

    def _reported_clause_at(self, unit: Unit, first: int) -> bool:
        """`Während der Minister sagte, die Lage sei ernst, …`: a clause in Konjunktiv I after the cue's clause."""
        for j in range(first, unit.last):
            t = self.tokens[j]
            if t.text == "," or inside_quote(t.start, unit.quotes) is not None:
                return False
            if t.pos.endswith("(FIN)"):
                return j > first and subjunctive_mood(t, self.lex) == 1
        return False

    def _from_fronted_adverbial(self, unit: Unit, cue: Cue, left: int, fin: int, right: int) -> list[Statement]:
        np = phrase_after(self.tokens, left + 2, fin)
        if self.tokens[right].text == ":":
            return self._make(unit, (self.tokens[right].end, self._unit_end(unit)), cue, np, right)
        end = right + 2
        while end < unit.last and not (self.tokens[end].text == "," and end + 1 < unit.last and self.tokens[end + 1].pos.endswith("(FIN)")):
            end += 1
        return self._make(unit, (self.tokens[right + 1].start, self.tokens[end - 1].end), cue, np, right)

    def _origin_phrase(self, cue: Cue, left: int, end: int) -> tuple[int, int] | None:
        """`wie aus dem Bericht hervorgeht`, `Aus Regierungskreisen verlautete, …`: a verb of
        coming out without a subject of its own speaks through its `aus` phrase."""
        particles = "".join(self.tokens[j].lower for j in cue.tokens if self.tokens[j].pos == "PTKVZ")
        if particles + self.tokens[cue.anchor].lemma.lower() not in ORIGIN_VERBS:
            return None
        source = next((j for j in range(left + 1, end) if self.tokens[j].lower == "aus"), None)
        return noun_phrase_at(self.tokens, source + 1, end) if source is not None else None

    def _impersonal_source_of(self, i: int, left: int, fin: int, right: int):
        """`so heißt es in einer Erklärung`, `wie es auf einer Pressekonferenz hieß`: with `es
        heißen` the source is the document or occasion the clause names, never `es`."""
        if i == left or self.tokens[i].lemma.lower() != "heißen":
            return None
        np = self._heissen_source(i, left, fin, right)
        return self._occasion_in_clause(left, right) if np in (None, UNSAID) else np

    def _occasion_in_clause(self, left: int, right: int) -> tuple[int, int] | None:
        """`auf einer Pressekonferenz der Polizei`: the occasion the clause names after `auf`/`bei`."""
        occasions = tuple(self.lex.word_class("occasion_noun"))
        for j in range(left + 1, right - 1):
            if self.tokens[j].lower in ("auf", "bei", "beim"):
                np = noun_phrase_at(self.tokens, j + 1, right)
                head = next((k for k in range(np[0], np[1] + 1) if self.tokens[k].pos == "NN"), None) if np else None
                if head is not None and self.tokens[head].lower.endswith(occasions):
                    return np
        return None

    def _heissen_source(self, i: int, left: int, fin: int, right: int):
        """Who `es heißt` cites: the source in its phrase (`hieß es vom Minister`), else the
        document the clause names (`In einer Erklärung vom Dienstag hatte es geheißen`, where
        `vom Dienstag` is a time), else nobody named."""
        np = self._impersonal_speaker(i, right)
        if np is None or np != UNSAID and not self.resolver.can_speak(*np):
            np = self._document_in_clause(left, fin) or np
        return np or self._unnamed(i, right)

    def _relative_before_quotation(self, unit: Unit, left: int, fin: int, right: int) -> tuple[int, int] | None:
        """`stand der Bürgermeister, der sagte: „…“`: a relative clause whose cue ends in a colon
        before a quotation; the noun the relative pronoun refers to said it."""
        if left <= unit.first or self.tokens[left].text != "," or self._colon_before_quotation(unit, right) is None:
            return None
        pronoun = self.tokens[left + 1]
        if not (pronoun.pos.startswith("PRELS") or pronoun.lower in DEFINITE_ARTICLES and fin == left + 2):
            return None
        return self._bearer_before(unit.first - 1, left)

    def _colon_before_quotation(self, unit: Unit, right: int) -> int | None:
        """The colon that ends the cue's clause when a quotation follows it."""
        if right + 1 < unit.last and self.tokens[right].text == ":" and self._quotation_at(unit, right + 1) is not None:
            return right
        return None

    def _fronted_quotation(self, unit: Unit, cue: Cue, fin: int, np):
        """The quotation in an object put before the verb of an act told through its object,
        the speaker after the verb: `Von einer „Provokation“ sprach der Minister`."""
        if np is None or np == UNSAID or np[0] <= fin or not self._cue_classes(cue) & OBJECT_ACTS:
            return None
        first = fin
        while first > unit.first and not (self.tokens[first - 1].text in (",", ";", ":") and inside_quote(self.tokens[first - 1].start, unit.quotes) is None):
            first -= 1  # the clause's start past the quotation marks
        start, stop = self.tokens[first].start, self.tokens[fin].start
        return next((q for q in unit.quotes if start <= q.open and q.outer_end <= stop and not self._is_title(q)), None)

    def _nominative_after_fronted(self, fin: int, np, right: int) -> tuple[int, int] | None:
        """`Die Tat bezeichnete der Bürgermeister als sinnlos`: a phrase after the verb whose
        article marks the nominative (`der`, `ein`, `kein`) is the subject, the phrase before it
        the object named; with `der` before the verb too (`Der Rat nannte der …`) it stays open."""
        if np is None or np == UNSAID or np[1] >= fin:
            return None
        after = phrase_after(self.tokens, fin + 1, right)
        if after is None or after[0] != fin + 1 or self.tokens[after[0]].lower not in NOMINATIVE_ARTICLES:
            return None
        return after if self.tokens[np[0]].lower not in NOMINATIVE_ARTICLES else None

    def _fronted_object(self, unit: Unit, fin: int, np) -> tuple[int, int] | None:
        """The noun phrase before the finite verb when the speaker stands after it: the object
        (`Die Tat bezeichnete er …`) or the subject of a passive (`Die Pläne wurden von X … genannt`)."""
        first = self._clause(unit, fin)[0] + 1
        if first >= fin or np is not None and np != UNSAID and np[0] < fin:
            return None
        if not self.tokens[first].pos.startswith(("ART", "PDAT", "PPOSAT", "PIAT", "NN", "NE", "ADJA")):
            return None  # "Am Montag nannte er …": a time, not what is named
        return first, fin - 1

    def _reported_within_report(self, unit: Unit, fin: int, left: int, right: int) -> bool:
        """A speech act told in Konjunktiv II right after a statement is part of that report, not
        an act of the writer's own telling (`Der Zeuge sagte, er sei bedroht worden. Die Männer
        hätten Geld verlangt.`); Konjunktiv I is reported anywhere (see `_reported_cue`)."""
        if self.previous is None or not self.statements or unit.sentence - self.statements[-1].sentence > KONJ2_WINDOW:
            return False
        return subjunctive_mood(self.tokens[fin], self.lex) == 2 and not self._first_person_at(fin, left, right)

    def _region_has_other_cue(self, unit: Unit, region: tuple[int, int], cue: Cue) -> bool:
        for other in self._cues(unit):
            t = self.tokens[other.anchor]
            if other.anchor != cue.anchor and region[0] <= t.start < region[1] and other.kind == "verb" and self._is_inverted(unit, other.anchor):
                return True
            if other.kind == "verb" and self._opens_region(other.anchor, region) and self._elliptic_participle(other.anchor, other.anchor - 2):
                return True  # "hat den Fehler eingeräumt, aber betont, dass …": the message is the participle's
        return False

    def _coordinated_cue_after(self, unit: Unit, cue: Cue, fin: int, right: int) -> bool:
        """Another cue verb after `und`/`oder` later in the clause: the message after the clause
        belongs to that verb, not to this one."""
        if right >= unit.last or self.tokens[right].text not in (",", ":"):
            return False
        later = [other.anchor for other in self._cues(unit) if other.kind == "verb" and fin < other.anchor < right]
        return any(self.tokens[j - 1].lower in ("und", "oder") and self.tokens[j].pos.endswith("(FIN)") for j in later)

    def _opens_region(self, verb: int, region: tuple[int, int]) -> bool:
        """The verb stands first in the region, or after a conjunction there (`jedoch betont, …`)."""
        first = self.tokens[verb - 1] if verb > 0 else None
        after_conjunction = first is not None and first.start == region[0] and (first.pos == "KON" or first.lower in CONTRASTIVE_ADVERBS)
        return self.tokens[verb].start == region[0] or after_conjunction

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
        made = self._make(unit, region, cue, np, right)
        for statement in made:
            statement.message = self._without(statement.message, left + 1, right - 1)
        return made

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
