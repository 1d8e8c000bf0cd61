"""Speakers: the phrase that names who speaks (subject, agent, apposition) and its resolution."""

from __future__ import annotations

from lagebild.document import Span
from lagebild.layers.phrases import (
    PRONOUNS,
    is_name,
    is_punct,
    noun_phrase_at,
    phrase_after,
    phrase_before,
)
from lagebild.layers.speakers import Speaker
from lagebild.layers.statements.model import (
    ACCUSATIVE_DETERMINERS,
    HOLDER_STARTS,
    RELATIVE_DETERMINERS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    UNSAID,
)
from lagebild.layers.units import Unit, inside_quote

SOURCE_PREPOSITIONS = {"laut", "nach", "gemäß"}  # `laut X`: X is the source, whatever it is
UNNAMED = Speaker(None, False)  # someone speaks, but the text does not say who
FRONTED_SOURCE_PREPOSITIONS = {"in", "im", "auf", "aus", "bei", "beim"}  # `In der Erklärung wurde verkündet`
PLACE_PREPOSITIONS = {"in", "im", "auf"}  # before a name they say where, not who
NOMINATIVE_PRONOUNS = {"er", "ich", "wir", "du"}  # never an object: right after the verb they are its subject
SINGULAR_OR_OBLIQUE = {"der", "das", "dem", "des", "ein", "eine", "einer", "eines", "einem"}  # no plural nominative


class SubjectMixin:
    """Part of the statement extractor (see finder.py); works on its shared state."""

    def _subject(self, start: int, fin: int, right: int) -> tuple[int, int] | None:
        """Subject of a V2 clause: the first constituent, unless a name or pronoun follows the verb
        and the first constituent names nobody (`Angesichts der Kritik erklärte Olmert, …`)."""
        if start == fin and not self.tokens[fin].pos.endswith("(FIN)"):
            return self._subject_before_apposition(fin)
        before = self._nominative(self._phrase_before(start, fin))
        after = self._nominative(phrase_after(self.tokens, fin + 1, right))
        if start == fin and (after is None or self.tokens[after[0]].lower not in NOMINATIVE_PRONOUNS):
            inserted = self._subject_before_insertion(fin)
            if inserted is not None and not self._names_after(after, fin):
                return inserted  # the sentence's first phrase, set off from its verb: no fronted object
            before = inserted or before
        elif before is None and fin - 1 > start and self.tokens[fin - 1].text == ",":
            before = self._subject_before_insertion(fin)  # "Der Ermittler, der als Zeuge gilt, will …"
        if before and after and after[0] == fin + 1 and self.tokens[after[0]].lower in NOMINATIVE_PRONOUNS:
            return after  # "Die Arbeit der Koalition lobte er": a fronted object, `er` is the subject
        if before and after and after[0] == fin + 1:
            stretch = self.tokens[before[0] : before[1] + 1]
            first = self.tokens[after[0]]
            named_after = first.lower in PRONOUNS or is_name(first)
            plural_verb = self.tokens[fin].lower.endswith(("en", "nd"))  # "werfen", "sind": not a lone name's verb
            # "Einige Moslems im Königreich haben Premier Tony Blair geschrieben": a plural verb agrees not with one person
            fronted_attribute = any(t.pos.startswith("APPR") for t in stretch) and not (plural_verb and self._singular_phrase(*after))
            # "Ein Sprecher des Rates sagte SPIEGEL ONLINE": a speaker first is the subject, the name its addressee
            speaker_first = self.resolver.surely_speaks(*before) and not self._has_person(*after)
            if not any(is_name(t) for t in stretch) and (named_after and not plural_verb and not speaker_first or fronted_attribute):
                return after
        if before and after and self._fronted_non_speaker(before, after):
            return after
        return before or after or self._subjectless_source(start, fin)

    def _names_after(self, after: tuple[int, int] | None, fin: int) -> bool:
        """Whether a name or pronoun follows the verb right away: `…, fordert Hubert Aiwanger`."""
        return after is not None and after[0] == fin + 1 and (self.tokens[after[0]].lower in PRONOUNS or is_name(self.tokens[after[0]]))

    def _has_person(self, first: int, last: int) -> bool:
        return any(self.resolver.entity_label(k) == "PER" for k in range(first, last + 1))

    def _singular_phrase(self, first: int, last: int) -> bool:
        """Whether the phrase names one person (`Premierminister Tony Blair`) or has an article no
        plural subject takes (`der Ministerin`, `ein Gericht`): no subject of a plural verb."""
        words = self.tokens[first : last + 1]
        if any(t.pos == "KON" or t.text == "," for t in words):
            return False
        return words[0].lower in SINGULAR_OR_OBLIQUE or self._has_person(first, last)

    def _phrase_before(self, start: int, verb: int) -> tuple[int, int] | None:
        """The first constituent before the verb (see `phrase_before`), a first name the tagger
        reads as an imperative included (`Henk Jaap Meijer, Laborleiter der Firma, erklärte`)."""
        np = phrase_before(self.tokens, start, verb)
        if np is not None or start + 1 > verb or not self.resolver.is_first_name_read_as_imperative(start):
            return np
        if start + 1 == verb:
            return start, start  # the name alone before an apposition's comma
        rest = phrase_before(self.tokens, start + 1 + (self.tokens[start + 1].text == ","), verb)
        return (start, rest[1]) if rest is not None else None

    def _subjectless_source(self, start: int, fin: int) -> tuple[int, int] | None:
        """`Aus EU-Kreisen verlautete, …`, `Aus der Regierung ist zu hören, …`: a clause without a
        subject names its source in the fronted phrase, as a passive does."""
        sentence = self.doc.sentences[self.tokens[fin].sent]
        if start != sentence.first_token or fin + 1 >= sentence.last_token:
            return None
        return self._fronted_source(fin + 1)  # the phrase must stand right before the verb

    def _fronted_non_speaker(self, before: tuple[int, int], after: tuple[int, int]) -> bool:
        """`Ende August teilte die Stadt mit`: a time is no subject; `Die Frage stellte der
        Abgeordnete`: a fronted object, where what follows the verb is surely someone."""
        if self.resolver.can_speak(*before, holder=False):
            return False
        return self.resolver.can_speak(*after) if self.resolver.is_time(*before) else self.resolver.surely_speaks(*after)

    def _subject_before_insertion(self, verb: int) -> tuple[int, int] | None:
        """`Sadiq Khan, einer der Abgeordneten, die den Brief unterschrieben, verurteilte die
        Haltung der Regierung`: a verb right after a clause or apposition set off by commas has
        its subject at the start of the sentence, not in the object after it."""
        closing = verb - 1
        if closing < 1 or self.tokens[closing].text != ",":
            return None
        sentence_start = self.doc.sentences[self.tokens[verb].sent].first_token
        opening = next((k for k in range(closing - 1, sentence_start, -1) if self.tokens[k].text == ","), None)
        if opening is None:
            return None
        np = self._nominative(self._phrase_before(sentence_start, opening))
        if np is None and self._name_between(opening, closing):
            return opening + 1, closing - 1  # "Die Politikerin von Bündnis 90 / Die Grünen, Anja Hajduk, kritisierte"
        return np if np is not None and self.resolver.can_speak(*np) else None

    def _name_between(self, opening: int, closing: int) -> bool:
        """Whether the words between two commas are a name only: an apposition naming the subject."""
        words = self.tokens[opening + 1 : closing]
        return bool(words) and all(is_name(t) or t.pos.startswith("NE") for t in words) and any(self.resolver.entity_label(t.i) == "PER" for t in words)

    def _subject_before_apposition(self, verb: int) -> tuple[int, int] | None:
        """`Zuvor hatte der Chef der Firma, Max Kern, erklärt`: a participle right after an
        apposition, whose auxiliary and subject stand before it."""
        closing = verb - 1
        if closing < 1 or self.tokens[closing].text != ",":
            return None
        opening = next((k for k in range(closing - 1, max(closing - 9, 0), -1) if self.tokens[k].text == ","), None)
        if opening is None:
            return None
        apposition = self.tokens[opening + 1 : closing]
        if not any(is_name(t) for t in apposition) or any(t.pos.startswith(("V", "PREL")) for t in apposition):
            return None
        sentence_start = self.doc.sentences[self.tokens[verb].sent].first_token
        for aux in range(opening - 1, sentence_start - 1, -1):
            t = self.tokens[aux]
            if t.text == ",":
                return None
            if t.pos in ("VA(FIN)", "VM(FIN)"):
                np = self._nominative(phrase_after(self.tokens, aux + 1, opening))
                attribute_only = np is not None and all(t.pos.startswith(("APPR", "ART", "ADJ", "NN", "NE", "CARD")) for t in self.tokens[np[1] + 1 : opening])
                return (np[0], closing - 1) if attribute_only else None  # "der Investor für den Neubau, Larry Silverstein"
        return None

    def _nominative(self, np: tuple[int, int] | None) -> tuple[int, int] | None:
        """A phrase that can be the subject: not one marked accusative (`den Vorwurf`, `einen Plan`)."""
        return None if np is None or self.tokens[np[0]].lower in ACCUSATIVE_DETERMINERS else np

    def _follows_main_clause(self, unit: Unit, comma: int) -> bool:
        """Whether the clause before `comma` is a main clause (finite verb not at its end)."""
        left, _ = self._clause(unit, comma - 1) if comma - 1 >= unit.first else (comma, comma)
        finite = [j for j in range(left + 1, comma) if self.tokens[j].pos.endswith("(FIN)")]
        return bool(finite) and finite[-1] < comma - 1

    def _follows_relative_clause(self, unit: Unit, comma: int) -> bool:
        """`X, der sich … entschlossen hatte, sagte`: a verb-final relative clause before the comma,
        after a noun phrase; after a prepositional phrase (`In dem Bericht, der …, heißt es`) the
        first phrase is no subject."""
        if self.tokens[unit.first].pos.startswith("APPR"):
            return False
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
        if first_fin is None:
            return None
        shared = None
        if first_fin == left + 1 and self.tokens[left].text == ",":
            shared = self._coordinated_subject_before(left)  # "X kam, traf die Abgeordneten und sagte": X
        return shared or self._subject(left + 1, first_fin, fin - 1)

    def _coordinated_subject_before(self, comma: int) -> tuple[int, int] | None:
        """`Der Minister kam nach Berlin, traf …`: a verb right after a main clause's comma shares
        that clause's subject."""
        sentence_start = self.doc.sentences[self.tokens[comma].sent].first_token
        fin = next((j for j in range(sentence_start, comma) if self.tokens[j].pos.endswith("(FIN)")), None)
        if fin is None or fin == comma - 1 or any(self.tokens[j].text == "," for j in range(sentence_start, comma)):
            return None  # verb-final: the comma closes a subordinate clause; or several clauses before
        return self._subject(sentence_start, fin, comma)

    def _follows_apposition(self, unit: Unit, comma: int) -> bool:
        """`Fritz Tack, Agrarexperte der Fraktion, kritisierte`: only noun phrases before the comma."""
        before = self.tokens[unit.first : comma]
        return bool(before) and not any(t.pos.startswith("V") or t.pos.startswith(("KOUS", "PRELS", "APPR")) and k == 0 for k, t in enumerate(before))

    def _unit_subject(self, unit: Unit) -> tuple[int, int] | None:
        fin = next((j for j in range(unit.first, unit.last) if self.tokens[j].pos.endswith("(FIN)") and not self._in_embedded_clause(unit, j)), None)
        if fin is None:
            return None
        _, right = self._clause(unit, fin)
        return self._subject(unit.first, fin, right)

    def _in_embedded_clause(self, unit: Unit, verb: int) -> bool:
        """`Der Ermittler, der als Zeuge gilt, will …`: a verb in a relative or subordinate clause
        set off by a comma is not the verb whose subject the sentence opens with."""
        comma = next((k for k in range(verb - 1, unit.first, -1) if self.tokens[k].text == ","), None)
        if comma is None or comma + 1 >= verb:
            return False
        opener = self.tokens[comma + 1]
        if opener.pos.startswith("APPR") and comma + 2 < verb:
            opener = self.tokens[comma + 2]
        return opener.pos.startswith(("PRELS", "PRELAT", "KOUS", "PWAV", "PWS"))

    def _quoted_person(self, fin: int, right: int) -> tuple[int, int] | None:
        """`zitierte der „Spiegel“ den Minister`: the accusative object is the speaker; a phrase
        after a preposition (`mit den Worten`, `in der Zeitung`) is none. Right after the verb
        only `den` is surely the object: `zitierte die Zeitung …` names the subject."""
        for j in range(fin + 1, right):
            word = self.tokens[j].lower
            if (word == "den" or word == "die" and j > fin + 1) and not self.tokens[j - 1].pos.startswith("APPR"):
                return noun_phrase_at(self.tokens, j, right)
        return self._quoted_name(fin, right)

    def _quoted_name(self, fin: int, right: int) -> tuple[int, int] | None:
        """`Der Sender zitierte Papandreou mit den Worten`: with the subject before the verb, a
        name right after it, ending before a preposition, is the object quoted."""
        if fin == 0 or fin + 1 >= right or not self._name_or_title(fin + 1, right) or is_punct(self.tokens[fin - 1]):
            return None  # `„…“, zitierte Reuters den Minister`: the name after the verb is the subject
        np = noun_phrase_at(self.tokens, fin + 1, right)
        if np is None or np[1] + 1 < right and not self.tokens[np[1] + 1].pos.startswith(("APPR", "$")):
            return None
        return np

    def _name_or_title(self, j: int, right: int) -> bool:
        """`Papandreou`, or a title right before a name without an article: `Minister Max Kern`."""
        if is_name(self.tokens[j]):
            return True
        title = self.tokens[j].pos == "NN" and self.tokens[j].text[:1].isupper()
        return title and j + 1 < right and is_name(self.tokens[j + 1])

    def _apposition_after(self, unit: Unit, comma: int) -> tuple[int, int] | None:
        """A name between two commas right after the speaker phrase: `…, Mohammed el-Baradei, …`."""
        j = comma + 1
        while j < unit.last and (is_name(self.tokens[j]) or self.tokens[j].text[:1].isupper() and self.tokens[j].pos == "NN" and j > comma + 1):
            j += 1
        if j > comma + 1 and j < unit.last and self.tokens[j].text == "," and any(is_name(self.tokens[k]) for k in range(comma + 1, j)):
            return comma + 1, j - 1
        return None

    def _agent(self, cue_token: int, left: int, right: int) -> tuple[int, int] | None:
        """The agent of a passive: `wurden von Minister Stolpe als unrealistisch bezeichnet`."""
        for j in range(left + 1, right):
            if self.tokens[j].lower in ("von", "vom", "durch") and j != cue_token:
                np = noun_phrase_at(self.tokens, j + 1, right)
                if np and np[1] < cue_token:
                    return np
        # "In einem Bericht wurde vermutet, …"; "In einer Erklärung, die … veröffentlicht wurde, wurde verkündet"
        return self._impersonal_speaker(cue_token, right) or self._fronted_source(cue_token)

    def _fronted_source(self, cue_token: int) -> tuple[int, int] | None:
        """A document, meeting or body in the first phrase of the passive's sentence that says
        where it was said: `In der Erklärung, die …, wurde verkündet`, `Aus EU-Kreisen verlautete`."""
        sentence = self.doc.sentences[self.tokens[cue_token].sent]
        first = sentence.first_token
        while first < cue_token and self.tokens[first].pos == "KON":
            first += 1
        if first + 1 >= cue_token or self.tokens[first].lower not in FRONTED_SOURCE_PREPOSITIONS:
            return None
        np = noun_phrase_at(self.tokens, first + 1, cue_token)
        if np is None or not self._right_before_verb(np[1] + 1, cue_token):
            return None
        head = next((k for k in range(np[0], np[1] + 1) if self.tokens[k].pos in ("NN", "NE")), None)
        if head is None:
            return None
        # `Bei Siemens hieß es`, `Aus Moskau verlautete`; but `In Bonn` is only where
        named = head in self.resolver.in_runs and self.tokens[first].lower not in PLACE_PREPOSITIONS
        return np if named or self.resolver.names_a_source(self.tokens[head].lower) else None

    def _right_before_verb(self, j: int, cue_token: int) -> bool:
        """Whether the finite verb comes next, over at most one clause set off by commas."""
        if j < cue_token and self.tokens[j].text == ",":
            j = next((k + 1 for k in range(j + 1, cue_token) if self.tokens[k].text == ","), cue_token)
        return j < cue_token and self.tokens[j].pos.endswith("(FIN)")

    def _speaker(self, np) -> tuple[Speaker | None, Span | None]:
        if np is None:
            return self.previous, None
        if np == UNSAID or self.tokens[np[0]].pos.startswith("APPR") and self.tokens[np[0]].lower not in ("laut",):
            return None, None  # no speaker, or a prepositional phrase ("Am 1. Februar") taken for one
        first, last = self._with_apposition(*np)
        last = self.resolver.name_run_end(last)  # `Ursula | von der Leyen`: the phrase stopped at `von`
        last = self.resolver.trim_to_speaker(first, last)
        last = self._close_bracket(first, last)
        mention = Span.of(self.text, self.tokens[first].start, self.tokens[last].end)
        previous_offset = self._end_of_last_statement()
        relative = self.tokens[first].lower in RELATIVE_DETERMINERS
        # `seiner Meinung nach`, but not `Seine Zuversicht`: a matter, not something said
        said = self.tokens[last].lower.endswith(SOURCE_NOUNS + SPEECH_NOUNS) and self.resolver.can_speak(last, last, holder=False)
        if said and (self.tokens[first].pos in ("PPOSAT", "PRELAT") or relative) and first < last:
            # "seiner Meinung nach", "nach dessen Angaben": whom the possessive refers to
            if relative:
                return self.resolver.relative_antecedent(self.tokens[first], self.previous, previous_offset), mention
            return self.resolver.pronoun(self.tokens[first], self.previous, previous_offset), mention
        holder = self._source_holder(first, last)
        if holder:  # "Angaben der Feuerwehr": the holder, never a person named later
            return self.resolver.resolve(*holder, None, previous_offset, cataphora=False), mention
        source = self._source_noun_before(first)
        if source is not None and not self.resolver.can_speak(first, last):
            # "Angaben vom Mittwoch zufolge": the information speaks, not its day
            mention = Span.of(self.text, self.tokens[source].start, self.tokens[last].end)
            return self.resolver.resolve(source, last, None, previous_offset, cataphora=False), mention
        if self._after_source_preposition(*np):
            return self.resolver.resolve(first, last, self.previous, previous_offset), mention
        if not self.resolver.can_speak(first, last):
            # "Die Frage wurde erörtert", "Dienstagabend hieß es": no speaker named here; the current
            # one goes on, or an unnamed one whom what follows in Konjunktiv may continue
            return (self.previous, self.previous_mention) if self.previous else (UNNAMED, None)
        return self.resolver.resolve(first, last, self.previous, previous_offset), mention

    def _after_source_preposition(self, first: int, last: int) -> bool:
        """`laut X`, `nach X`, `X zufolge`, `X, wonach`: whatever X is, the text gives it as the
        source (`Überlieferungen zufolge`, `Spekulationen, wonach …`)."""
        before = self.tokens[first - 1].lower if first > 0 else ""
        after = [t.lower for t in self.tokens[last + 1 : last + 3]]
        wonach = after[:1] == ["wonach"] or after == [",", "wonach"]  # `Spekulationen, wonach …`
        return self.tokens[first].lower == "laut" or before in SOURCE_PREPOSITIONS or after[:1] == ["zufolge"] or wonach

    def _source_noun_before(self, first: int) -> int | None:
        """Where `Ersten Angaben vom` begins before `gestrigen Mittwoch`: a source noun whose
        attribute the phrase at `first` is."""
        noun = first - 2
        if noun < 0 or self.tokens[first - 1].lower not in HOLDER_STARTS or not self.tokens[noun].lower.endswith(SOURCE_NOUNS):
            return None
        while noun > 0 and self.tokens[noun - 1].pos.startswith(("ADJ", "ART", "PDAT", "PPOSAT")) and self.tokens[noun - 1].sent == self.tokens[noun].sent:
            noun -= 1
        return noun

    def _close_bracket(self, first: int, last: int) -> int:
        """`Thomas de Maizière (CDU)` cut before the party keeps the party it opened, not half of it."""
        if self.tokens[last].text != "(" or last == first:
            return last
        closing = next((k for k in range(last + 1, min(last + 5, len(self.tokens))) if self.tokens[k].text == ")"), None)
        return closing if closing is not None else last - 1

    def _source_holder(self, first: int, last: int) -> tuple[int, int] | None:
        """`Angaben der Polizei` → `der Polizei`, `Lehmanns Angaben` → `Lehmanns`: whose
        information it is, not the information."""
        if first < last and self.tokens[last].pos == "NN" and self.tokens[last].lower.endswith(SOURCE_NOUNS) and self._saxon_genitive(last - 1):
            names = last - 1
            while names > first and is_name(self.tokens[names - 1]):
                names -= 1
            return (names, last - 1) if names == first or self.tokens[first].pos.startswith("ADJ") else None
        for j in range(first, last):
            if self.tokens[j].pos == "NN" and self.tokens[j].lower.endswith(SOURCE_NOUNS) and self.tokens[j + 1].lower in HOLDER_STARTS:
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
