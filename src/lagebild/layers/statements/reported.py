"""Reported speech acts: a speech act told through its object, without a clause of content (`Die Polizei geht von Suizid aus`)."""

from __future__ import annotations

from bisect import bisect_left

from lagebild.document import Span
from lagebild.layers.statements.model import (
    ACCUSATIVE_DETERMINERS,
    NAMING_VERBS,
    OBJECT_ACTS,
    REPORTED_ACTS,
    SPEECH_ACTS,
    UNSAID,
    Cue,
    Statement,
)
from lagebild.layers.units import QUOTE_MARKS, Unit

INDEFINITE_ACCUSATIVES = {"einen", "eine", "ein", "keinen", "keine", "kein"}  # the second accusative of `nannte den Plan einen Fehler`
PASSIVE_SOURCES = {"von", "vom", "durch", "seitens", "in", "im", "aus", "bei", "beim"}  # before the agent or document of a passive


class ReportedActMixin:
    """Part of the statement extractor (see finder.py); works on its shared state."""

    def _object_statement(self, unit: Unit, cue: Cue, np, right: int) -> list[Statement]:
        """A cue with an object instead of a clause: `nannte den Plan „fahrlässig“`, `bezeichnete
        Russland als die größte Bedrohung` (the object is the message), `warnte vor einer
        „Provokation“` (the quoted words are)."""
        fin = self._finite(unit, cue.anchor)
        if self.tokens[cue.anchor].lemma.lower() in NAMING_VERBS:
            np = self._nominative_after_fronted(fin, np, right) or np
        fronted = self._fronted_quotation(unit, cue, fin, np)
        if fronted is not None:  # "Von einer „gezielten Indiskretion“ sprach der Abgeordnete"
            return self._make(unit, (fronted.open, fronted.outer_end), cue, np, fin)
        if fin < cue.anchor:  # perfect: "hat auf die „persönliche Note“ … hingewiesen"
            after, right = max(fin, np[1] if np else fin) + 1, cue.anchor
        else:
            after = max(cue.tokens[-1] if cue.tokens[-1] < right else cue.anchor, np[1] if np else cue.anchor) + 1
            right = self._clause_end_over_quotes(unit, after)
        if after >= right:
            return []
        colon = self._colon_before_quotation(unit, right)
        if colon is not None:  # "heißt es in der Meldung von „X“ wörtlich: „…“": the quotation after the colon
            return self._make(unit, self._region_after(unit, colon), cue, np, colon)
        if self.tokens[cue.anchor].lemma.lower() in ("bezeichnen", "nennen") and any(t.lower == "als" or t.text in QUOTE_MARKS for t in self.tokens[after:right]):
            end = self.tokens[right - 1].end if right < unit.last else self._unit_end(unit)
            made = self._make(unit, (self.tokens[after].start, end), cue, np, right, clause=False)
            front = self._fronted_object(unit, fin, np)
            if made and front and made[0].kind != "direct":  # "Die Tat bezeichnete er als sinnlos": what is named leads
                pieces = [(self.tokens[front[0]].start, self.tokens[front[1]].end), (made[0].message.start, made[0].message.end)]
                made[0].message = Span.joined(self.text, pieces)
            return made
        quoted = self._quotations_in_object(unit, cue, after, right)
        every = bool(self._cue_classes(cue) & {"say", "write"})  # "skandierten „A“ und „B“": each quotation said
        return [made for q in quoted[: None if every else 1] for made in self._make(unit, (q.open, q.outer_end), cue, np, right)]

    def _as_decision(self, statement: Statement) -> Statement:
        """A decision (`beschloss, die Steuer zu senken`) is an act: without quoted or Konjunktiv
        words of its own it is told as a reported act, and the Konjunktiv that follows stays with
        whoever spoke before (`Der Sprecher sagte, … . Der Rat beschloss, … . Es sei …`: the speaker’s)."""
        if statement.cue is None:
            return statement
        anchor = self.tokens[bisect_left(self.token_starts, statement.cue.start)]
        classes = {e.cls for e in self.lex.cues.get(anchor.lemma.lower(), ()) if e.cls != "not"}
        if classes != {"decide"}:
            return statement
        statement.speaks_on = (None, None)
        said = self._slice(statement.message.start, statement.message.end)
        if statement.kind == "indirect" and not self._reported_subjunctive(said, konj2=False):
            statement.kind = "reported"
        return statement

    def _quotations_in_object(self, unit: Unit, cue: Cue, after: int, right: int) -> list:
        """The quotations in the object of a cue: `rief „Hilfe“` (what was said, a title too when
        it stands first), `skandierten Parolen wie „A“ oder „B“` (each one said)."""
        found = []
        for q in unit.quotes:
            first = q.open == self.tokens[after].start or found and self.text[found[-1].outer_end : q.open].strip() in ("und", "oder", ",")
            said = first and self._says(cue)  # "rief „Hilfe“": the quotation is what was said
            if self.tokens[after].start <= q.open < self.tokens[right - 1].end and (said or not self._is_title(q)):
                found.append(q)
        return found

    def _reported(self, unit: Unit, cue: Cue, np, left: int, right: int) -> list[Statement]:
        """A speech act told without its content: `Die Behörden werfen ihm Betrug vor`,
        `Der Wetterdienst warnte vor Sturm`. The message is the clause that reports the act."""
        classes = self._cue_classes(cue)
        if np is None or np == UNSAID or not classes & SPEECH_ACTS or any(q.open > self.tokens[left + 1].start for q in unit.quotes if not self._is_title(q)):
            return []
        fin = self._finite(unit, cue.anchor)
        if self._reported_within_report(unit, fin, left, right):
            return []  # "Der Zeuge sagte, …. Die Männer hätten Geld verlangt.": his report goes on
        passive = self._is_passive(fin, cue.anchor) or self._passive_participle(cue, left, right)
        if passive and not classes & OBJECT_ACTS:
            return []  # "Die Pläne wurden abgelehnt": an outcome told, not who said what
        if passive and not self._is_agent(np):
            return []  # "Da die Bischöfe als Nachfolger gesehen werden": the subject is what is judged
        if any(self.tokens[j].lower == "es" for j in (fin - 1, fin + 1) if 0 <= j < len(self.tokens)) or self.tokens[np[0]].lower in ACCUSATIVE_DETERMINERS:
            return []  # "gab es Kritik": nobody acts; "den Plan" is an object, not who speaks
        first = min(np[0], left + 1) if np[0] >= unit.first else left + 1
        end = self._clause_end_over_quotes(unit, cue.tokens[-1])
        while end < unit.last and (self._opens_relative(unit, end + 1) or self._adverbial_without_report(unit, end + 1)):
            relative = self._opens_relative(unit, end + 1)
            end = self._clause_end_over_quotes(unit, end + 1)  # the object's relative clause, the act's adverbial clause belong to it
            if relative and self._main_clause_goes_on(unit, end):
                end = self._clause_end_over_quotes(unit, end + 1)  # "schätzt die Zahl der Kinder, die …, auf 150 Millionen"
        if not self._reports_an_act(cue, first, end, np) or any(self.tokens[k].pos == "PTKNEG" for k in range(first, end)):
            return []  # "hat darüber nicht berichtet": no act told
        if self._impends(cue, first, end):
            return []  # "Ihm droht eine Haftstrafe": what lies ahead, nobody threatens
        if self._names_evidence(np):
            return []  # "Spuren weisen auf einen Brand hin": evidence points, nobody speaks
        start, stop = self._trim(self.tokens[first].start, self.tokens[end - 1].end)
        if self._words(start, stop) < 3:
            return []
        speaker, mention = self._speaker(np)
        judged = self._names_as(cue, end)  # "nannte den Vorstoß einen Fehler"
        if not (classes & REPORTED_ACTS or judged) or self._named_by_noun(cue, classes):
            # "übt Kritik an X", "kündigte eine Lösung an": told as an event, no statement of its
            # own, but what follows in Konjunktiv goes on with this speaker
            self.silent_speaker = (speaker, mention)
            return []
        cue_span = Span.joined(self.text, [(self.tokens[j].start, self.tokens[j].end) for j in cue.tokens])
        return [Statement("reported", Span.of(self.text, start, stop), cue_span, speaker, mention, unit.sentence)]

    def _named_by_noun(self, cue: Cue, classes: set[str]) -> bool:
        """The act is named by a noun with a light verb (`erhob Vorwürfe`, `stellte eine
        Forderung`): told without a clause it is an event, like `übt Kritik`; an object act
        keeps its object (`war von 20 Toten die Rede`)."""
        return not classes & OBJECT_ACTS and any(e.companion and e.companion[:1].isupper() for e in self._cue_entries(cue))

    def _main_clause_goes_on(self, unit: Unit, comma: int) -> bool:
        """After the comma that closes a relative clause, the main clause goes on without a verb
        of its own to its end (`…, auf 150 Millionen.`)."""
        if comma + 1 >= unit.last or self.tokens[comma].text != ",":
            return False
        stop = self._clause_end_over_quotes(unit, comma + 1)
        rest = self.tokens[comma + 1 : stop]
        if stop < unit.last and self.tokens[stop].text not in (".", "!", "?") or not rest:
            return False
        return rest[0].pos != "KON" and not any(t.pos.startswith(("KOUS", "KOUI", "PREL", "PW", "VV", "VA", "VM")) for t in rest)

    def _names_as(self, cue: Cue, end: int) -> bool:
        """`nannte den Vorstoß einen Fehler`, `nennt ihn einen Lügner`: `nennen` with a definite
        object and an indefinite second accusative judges the object, as `bezeichnen als` does."""
        if self.tokens[cue.anchor].lemma.lower() != "nennen":
            return False
        k = cue.anchor + 1
        if k < end and self.tokens[k].pos.startswith("PPER") and self.tokens[k].lower in ("ihn", "sie", "es"):
            k += 1
        elif k < end and self.tokens[k].pos.startswith(("ART", "PDAT", "PPOSAT")) and self.tokens[k].lower not in INDEFINITE_ACCUSATIVES:
            k += 1
            nouns = k
            while k < end and self.tokens[k].pos in ("ADJA", "ADJ(A)", "NN", "NE"):
                k += 1
            if not any(t.pos in ("NN", "NE") for t in self.tokens[nouns:k]):
                return False
        else:
            return False
        while k < end and self.tokens[k].pos == "ADV":
            k += 1
        return k < end and self.tokens[k].lower in INDEFINITE_ACCUSATIVES

    def _passive_participle(self, cue: Cue, left: int, right: int) -> bool:
        """The cue is a participle with `werden` or `sein` in its clause and no `haben`: a
        passive (`wurde … angeklagt`, `sind … angeklagt worden`), also where the tagger takes an
        attributive participle for the finite verb; speech verbs form their perfect with `haben`."""
        if self.tokens[cue.anchor].pos != "VV(PP)":
            return False
        auxiliaries = {self.tokens[k].lemma for k in range(left + 1, right) if self.tokens[k].pos.startswith("VA")}
        return "haben" not in auxiliaries and bool(auxiliaries & {"werden", "sein"})

    def _is_agent(self, np) -> bool:
        """The phrase is the agent of a passive (`von der Polizei`, `durch das Gericht`) or the
        document it was said in (`In dem Bericht wird … als verfehlt bezeichnet`)."""
        return np[0] > 0 and self.tokens[np[0] - 1].lower in PASSIVE_SOURCES

    def _names_evidence(self, np: tuple[int, int]) -> bool:
        """The phrase's first noun is a noun of evidence (`Die Spuren am Tatort`)."""
        head = next((t for t in self.tokens[np[0] : np[1] + 1] if t.pos == "NN"), None)
        return head is not None and head.text in self.lex.word_class("evidence_noun")

    def _reports_an_act(self, cue: Cue, first: int, end: int, np) -> bool:
        """The clause names what was said or done by saying (`warf ihm Betrug vor`, `warnte vor
        Sturm`): an object besides the speaker, not a pronoun pointing back (`Das sagte X`), not
        `sprechen mit` (talking, not saying)."""
        words = [t for k, t in enumerate(self.tokens[first:end], first) if not (np[0] <= k <= np[1]) and k not in cue.tokens]
        points_back = self.tokens[first].lower in ("das", "dies", "dieses", "so") and not np[0] == first < np[1]  # not "Das Amt"
        if points_back or not any(t.pos in ("NN", "NE") or t.pos.startswith("PPER") for t in words):
            return False
        if self._cue_classes(cue) & REPORTED_ACTS:
            return True  # "sprachen sich für eine Offenlegung aus"
        lemma = self.tokens[cue.anchor].lemma.lower()
        lowers = {t.lower for t in words}
        return not (lemma == "sprechen" and lowers & {"mit", "sich"} and "von" not in lowers)

    def _impends(self, cue: Cue, first: int, end: int) -> bool:
        """`drohen` without `mit` tells what lies ahead (`Ihm droht eine Strafe`, `Dem Verein
        drohen Sperren`), not a threat made: a threat told by its object names the means
        (`Die Regierung droht mit Sanktionen`)."""
        if self.tokens[cue.anchor].lemma.lower() != "drohen":
            return False
        return not any(self.tokens[k].lower == "mit" for k in range(first, end))
