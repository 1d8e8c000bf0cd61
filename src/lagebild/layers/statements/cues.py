"""Cues: the words that attribute a statement (verbs, `laut`, `zufolge`, `nach Angaben`, `so`, `wonach`, `Demnach`, `Name:`)."""

from __future__ import annotations

from lagebild.lang import speech_lexicon
from lagebild.lang.de.function_words import DEFINITE_ARTICLES
from lagebild.layers.mood import subjunctive_mood
from lagebild.layers.phrases import (
    PRONOUNS,
    is_name,
    noun_phrase_at,
    phrase_after,
)
from lagebild.layers.statements.model import (
    DOCUMENT_NOUNS,
    EVENT_LIKE_SOURCES,
    IMPERSONAL_SOURCES,
    NAMING_VERBS,
    RELATIVE_DETERMINERS,
    SOURCE_NOUNS,
    SPEECH_NOUNS,
    UNSAID,
    Cue,
)
from lagebild.layers.units import QUOTE_MARKS, Unit, inside_quote

# sources that are also processes: `nach der Auszählung`, `nach umfangreichen Ermittlungen` tell
# when, unless a holder follows (`nach Ermittlungen der Polizei`)
PROCESS_SOURCES = ("zählung", "zählungen", "ermittlungen")
CITED_NOUNS = tuple(sorted(speech_lexicon().word_class("cited_noun")))  # `Nach einem EU-Dokument …`
FINDING_NOUNS = tuple(sorted(speech_lexicon().word_class("finding_noun")))  # `Nach einer ersten Analyse …`


class CueMixin:
    """Part of the statement extractor (see finder.py); works on its shared state."""

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
                if (impersonal := self._impersonal_report(unit, i)) is not None:
                    cues.append(impersonal)
            elif t.lower in ("laut", "gemäß") and t.pos.startswith("APPR") or t.lower == "zufolge" or self._is_source_postposition(unit, i):
                cues.append(Cue([i], "prep", i))
            elif t.lower == "demnach" and (i == unit.first or self.tokens[i - 1].pos.endswith("(FIN)")):
                cues.append(Cue([i], "demnach", i))  # "Demnach steht …": according to what was just cited
            elif t.pos == "NN" and (comma := self._speech_noun_comma(unit, i)) is not None:
                cues.append(Cue([i], "noun", comma))  # "die Forderung der Gewerkschaft, die Löhne zu erhöhen"
            elif t.lower == "wonach" and i - 1 > unit.first and self.tokens[i - 1].text == ",":
                cues.append(Cue([i], "wonach", i))
            elif t.lower == "nach" and self._relative_source(unit, i):
                cues.append(Cue([i, i + 1], "wonach", i))  # "Studien, nach denen Homöopathie wirke"
            elif t.lower == "nach" and (source := self._source_noun_after(unit, i)) is not None:
                cues.append(Cue([i, source], "prep", i))
            elif t.lower == "nach" and (noun := self._cited_noun_after(unit, i)) is not None:
                cues.append(Cue([i, noun], "prep", i))  # "Nach einem EU-Dokument leben sie in Armut"
            elif t.lower in ("aus",) and i + 2 < unit.last and self.tokens[i + 2].lower == "sicht":
                cues.append(Cue([i, i + 2], "prep", i))
            elif t.lower == "aus" and self._held_view_after(unit, i):
                cues.append(Cue([i, i + 1], "prep", i))  # "Aus Sicht des Verbands ist …"
            elif t.lower == "so" and i > unit.first and self.tokens[i - 1].text in (",", "“", "\"", "”", "«", "»") and i + 1 < unit.last and not self._so_gives_example(i):
                if self.tokens[i + 1].pos.startswith("V") and self.tokens[i + 1].lemma.lower() in self.lex.cues:
                    cues.append(Cue([i, i + 1], "so", i))  # "…“, so sagt Aiwanger, „…“"
                    continue
                np = phrase_after(self.tokens, i + 1, unit.last)
                if np and self._clause(unit, i)[1] >= np[1] + 1 and (is_name(self.tokens[np[1]]) or self.tokens[np[0]].pos.startswith(("ART", "PPER", "NN", "NE"))):
                    cues.append(Cue([i], "so", i))
        return cues

    def _impersonal_report(self, unit: Unit, i: int) -> Cue | None:
        """`wurde bekannt, dass …`, `stellte sich heraus, dass …`, `es wird vermutet, dass …`,
        `Wie heute bekannt wurde, …`: something came out or is supposed, nobody named for it.
        The verb's clause is either a `wie` clause or followed by a `dass` clause."""
        left, right = self._clause(unit, i)
        words = self._impersonal_words(left, right, i)
        if words is None or self._named_in_clause(left, right, words):
            return None
        wie = self.tokens[left + 1].lower == "wie" and right < unit.last and self.tokens[right].text == ","
        dass = right + 1 < unit.last and self.tokens[right].text == "," and self.tokens[right + 1].lower in ("dass", "daß")
        if not (wie or dass):
            return None
        return Cue(sorted(words), "impersonal", i)

    def _impersonal_words(self, left: int, right: int, i: int) -> list[int] | None:
        """The cue words when token i is the verb of an impersonal report: `werden` with
        `bekannt`, a reflexive verb of finding (`sich herausstellen`), a passive of supposing."""
        t = self.tokens[i]
        clause = range(left + 1, right)
        lemma = t.lemma.lower()
        if lemma == "werden" and t.lower != "werden":
            adjective = next((j for j in clause if self.tokens[j].lower in self.lex.word_class("disclosure_adjective")), None)
            done = any(self.tokens[j].pos == "VV(PP)" for j in clause if j != adjective)  # `bekannt gegeben`: announced, by someone
            if adjective is None or done or any(self.tokens[j].lemma.lower() == "werden" for j in clause if j < i):
                return None
            return [adjective, i]
        particles = [j for j in clause if self.tokens[j].pos == "PTKVZ"]
        lemmas = {lemma, *(self.tokens[j].lower + lemma for j in particles)}
        if lemmas & self.lex.word_class("finding_reflexive"):
            reflexive = next((j for j in clause if self.tokens[j].lower == "sich"), None)
            return None if reflexive is None else [reflexive, i, *particles]
        if lemmas & self.lex.word_class("supposition_verb") and t.pos == "VV(PP)":
            passive = next((j for j in clause if self.tokens[j].lemma.lower() == "werden" and self.tokens[j].pos.endswith("(FIN)")), None)
            if passive is None or any(self.tokens[j].lower in ("von", "vom") for j in clause):
                return None  # "Von den Behörden wird angenommen": the agent holds the view
            return [j for j in clause if self.tokens[j].lower == "es"] + [passive, i]
        return None

    def _named_in_clause(self, left: int, right: int, words: list[int]) -> bool:
        """Whether the clause names whom the report is of (`Er zeigte sich erfreut, dass`, `Dann
        zeigte sich die Ministerin zufrieden`): a pronoun, a predicative adjective at its end, a
        noun phrase before the finite verb, or one after it outside a prepositional phrase."""
        finite = next((j for j in range(left + 1, right) if self.tokens[j].pos.endswith("(FIN)")), right)
        if finite > left + 1 and self.tokens[left + 1].pos.startswith(("ART", "ADJ(A)", "NN", "NE", "PDAT", "PIAT", "PPOSAT", "CARD")):
            return True  # "Unterschiedliche Verläufe ergeben sich aus …": a noun phrase before the verb
        in_phrase = False
        for j in range(left + 1, right):
            t = self.tokens[j]
            if j in words:
                in_phrase = False
                continue
            if t.pos.startswith("PPER") and t.lower not in ("es", "sich") or t.pos == "ADJ(D)" and j == right - 1:
                return True
            if t.pos.startswith("APPR"):
                in_phrase = True
            elif not t.pos.startswith(("ART", "ADJ", "NN", "NE", "CARD")):
                in_phrase = False
            elif j > finite and t.pos.startswith(("ART", "NN", "NE")) and not in_phrase:
                return True
        return False

    def _so_gives_example(self, i: int) -> bool:
        """`…, so auch seine Mutter`, `…, so etwa der Präsident`: `so` brings an example, no source."""
        return self.tokens[i + 1].lower in ("auch", "etwa", "beispielsweise", "zum", "unter", "vor", "insbesondere")

    def _speech_noun_comma(self, unit: Unit, i: int) -> int | None:
        """The comma after a noun of saying (and its holder) that opens the noun's content: a
        `dass` clause, a `zu` infinitive or a Konjunktiv clause."""
        if not self.tokens[i].lower.endswith(SPEECH_NOUNS):
            return None
        j = i + 1
        if j < unit.last and self.tokens[j].lower in ("der", "des", "von", "vom"):
            holder = noun_phrase_at(self.tokens, j + (self.tokens[j].lower in ("von", "vom")), unit.last)
            j = holder[1] + 1 if holder else j
        if j + 2 >= unit.last or inside_quote(self.tokens[j].start, unit.quotes) is not None:
            return None
        if self.tokens[j].text == ":" and self._heads_the_unit(unit, i):
            return j if self._reported_subjunctive(self.tokens[j + 1 : unit.last], konj2=True) else None  # "Der Vorwurf: Er habe …"
        if self.tokens[j].text != ",":
            return None
        end = self._clause_end_over_quotes(unit, j + 1)
        clause = self.tokens[j + 1 : end]
        if clause[0].lower in ("dass", "daß") or any(t.pos == "PTKZU" or t.pos == "VV(IZU)" for t in clause):
            return j
        return j if self._reported_subjunctive(clause, konj2=False) else None

    def _heads_the_unit(self, unit: Unit, i: int) -> bool:
        """The noun stands first in the unit, after its determiners and adjectives only."""
        return all(self.tokens[k].pos.startswith(("ART", "PPOSAT", "ADJA", "PDAT")) for k in range(unit.first, i))

    def _verb_cue(self, unit: Unit, i: int) -> Cue | None:
        t = self.tokens[i]
        entries = self.lex.cues.get(t.lemma.lower())
        if not entries:
            return None
        left, right = self._clause(unit, i)
        clause = range(left + 1, right)
        if self._attributive_participle(unit, i, clause) or self._in_condition(unit, left, right) or self._names_only(unit, i, clause):
            return None

        def companion_at(entry) -> int | None:
            word = entry.companion.split()[-1].lower()
            return next((j for j in clause if j != i and self.tokens[j].lower == word and self._is_companion(j, right)), None)

        if any(entry.cls == "not" and companion_at(entry) is not None for entry in entries):
            return None  # "befand sich in Berlin", "findet am Montag statt" (cue_verbs.tsv, class `not`)
        plain = None
        for entry in entries:
            if entry.cls == "not":
                continue
            if entry.companion is None:
                plain = plain or entry
                continue
            j = companion_at(entry)
            if j is None:
                j = self._particle_after_apposition(right, entry.companion)
            if j is not None:
                return Cue(sorted([i, j]), "verb", i)
        bare_es = any(0 <= j < len(self.tokens) and self.tokens[j].lower == "es" for j in (i - 1, i + 1))  # "…, heißt es"
        if plain is None or plain.cls == "impersonal" and not (bare_es or self._impersonal_source(i, right)) and self.tokens[left + 1].lower != "wie":
            return None
        return Cue([i], "verb", i)

    def _names_only(self, unit: Unit, i: int, clause: range) -> bool:
        """`Das nennt man einen „Aktiensplit“`, `Zum Beispiel nennt VW die Modelle „Golf“ und
        „Polo“`: naming with `man`, or naming titles without a judgement (`als …`), says nothing."""
        if self.tokens[i].lemma.lower() not in NAMING_VERBS:
            return False
        if any(self.tokens[j].lower == "man" for j in clause):
            return True
        if any(self.tokens[j].lower == "als" for j in clause if j > i):
            return False  # "bezeichnete die Reise im „Deutschlandfunk“ als hilfreich": a judgement
        quotes = [q for q in unit.quotes if self.tokens[clause.start].start <= q.open < self.tokens[clause.stop - 1].end]
        return bool(quotes) and all(self._is_title(q) for q in quotes)

    def _in_condition(self, unit: Unit, left: int, right: int) -> bool:
        """`Sollte sich das bestätigen, droht …`, `Falls der Antrag angenommen wird, könnte …`: a
        verb in a condition attributes nothing to the main clause that follows it (`Wenn Sie
        sagen, dass …` keeps its own complement)."""
        opener = self.tokens[max(left + 1, unit.first)]
        condition = opener.lower in ("wenn", "falls", "sofern")
        condition = condition or opener.i == unit.first and opener.lower in ("sollte", "sollten") and opener.pos.endswith("(FIN)")
        return condition and right + 1 < unit.last and self.tokens[right].text == "," and self.tokens[right + 1].pos.endswith("(FIN)")

    def _attributive_participle(self, unit: Unit, i: int, clause: range) -> bool:
        """`Das Objekt, genannt 2003 EL61, …`, `auch Scratching genannt`: a naming participle
        without a finite verb in its clause names, it does not attribute; nor does any participle
        that opens a phrase after a comma (`eine Firma, hervorgegangen aus einem Werk`)."""
        # not the participle that closes its clause after an inserted phrase: "wurde …, dem 28. Mai, bestätigt"
        appositive = self.tokens[i - 1].text == "," and i - 1 > unit.first and i + 1 < unit.last and not self._is_boundary(i + 1, unit)
        appositive = appositive and self.tokens[i + 1].text not in (".", "!", "?")
        if self.tokens[i].lemma.lower() not in NAMING_VERBS and not appositive or self.tokens[i].pos != "VV(PP)" or self._finite(unit, i) != i:
            return False
        end = self._clause_end_over_quotes(unit, i)  # "…, dass er bestätigt wurde": the auxiliary follows
        return not any(self.tokens[j].pos.endswith("(FIN)") for j in range(i + 1, end) if inside_quote(self.tokens[j].start, unit.quotes) is None)

    def _particle_after_apposition(self, right: int, companion: str) -> int | None:
        """`gab der Leiter des Amts, Peter Hahn, bekannt`: the particle right after an apposition
        (noun phrases without a verb between two commas) that follows the verb's clause."""
        if right >= len(self.tokens) or self.tokens[right].text != ",":
            return None
        close = next((k for k in range(right + 1, min(len(self.tokens), right + 8)) if self.tokens[k].text in (",", ".", ":", ";")), None)
        if close is None or self.tokens[close].text != "," or close == right + 1:
            return None
        apposition = self.tokens[right + 1 : close]
        if any(t.pos.startswith(("V", "KOUS", "PREL", "PW")) for t in apposition) or not any(t.pos in ("NN", "NE") for t in apposition):
            return None
        j = close + 1
        if j < len(self.tokens) and self.tokens[j].lower == companion.split()[-1].lower() and self.tokens[j].pos in ("PTKVZ", "ADJ(D)", "ADV"):
            return j
        return None

    def _is_companion(self, j: int, right: int) -> bool:
        """A particle companion (`warf … vor`) is the separated particle, not a preposition
        (`siegte vor der Russin`): tagged as particle or closing its clause."""
        t = self.tokens[j]
        if t.pos.startswith("ART"):
            return j == right - 1  # "fordert … ein Ende": the object's article, not the particle of `einfordern`
        if not t.pos.startswith(("APPR", "PTKVZ", "ADV")) or t.text[:1].isupper():
            return True  # fixed complements: "sich", "Ansicht", "damit"
        return t.pos == "PTKVZ" or j == right - 1

    def _held_view_after(self, unit: Unit, i: int) -> bool:
        """`aus Sicht des Verbands`, `aus Sicht von Experten`: a view without article, its holder after it."""
        if i + 3 >= unit.last or self.tokens[i + 1].lower != "sicht":
            return False
        return self.tokens[i + 2].lower in ("des", "der", "von", "vom")

    def _is_source_postposition(self, unit: Unit, i: int) -> bool:
        """`Medienberichten nach`, `Seiner Meinung nach`, `Angaben der Polizei nach`."""
        if self.tokens[i].lower != "nach" or i - 1 < unit.first or self._source_noun_after(unit, i) is not None:
            return False
        if self.tokens[i].pos == "APPO":
            return True
        before = self.tokens[i - 1]
        if self._not_postposed(unit, i):
            return False
        return before.pos == "NN" and before.lower.endswith(SOURCE_NOUNS) and not (i - 2 >= unit.first and self.tokens[i - 2].lower == "nach")

    def _not_postposed(self, unit: Unit, i: int) -> bool:
        """`aller Voraussicht nach`, `allem Anschein nach`: with `all-` an idiom of likelihood;
        `freie Sicht nach draußen`: `nach` with a local adverb is a direction."""
        idiom = i - 2 >= unit.first and self.tokens[i - 2].lower in ("aller", "allem")
        direction = i + 1 < unit.last and self.tokens[i + 1].lower in self.lex.word_class("local_adverb")
        return idiom or direction

    def _relative_source(self, unit: Unit, i: int) -> bool:
        """`Studien der Charité, nach denen …`: `nach` with a relative pronoun after a source noun."""
        return self._relative_source_noun(unit, i) is not None

    def _relative_source_noun(self, unit: Unit, i: int) -> int | None:
        """The source noun before `, nach denen`, a genitive or prepositional attribute between
        (`Studien der Universität`, `Umfragen im Land`), or None."""
        if not (unit.first < i - 1 and i + 2 < unit.last and self.tokens[i - 1].text == "," and self.tokens[i + 1].pos == "PRELS"):
            return None
        k = i - 2
        if self.tokens[k].pos == "PTKVZ":
            k -= 1  # "brachte einen Antrag ein, nach welchem …": the clause moved past the particle
        while k >= max(unit.first, i - 7) and self.tokens[k].pos.startswith(("ART", "ADJ", "NN", "NE", "CARD", "APPR")):
            word = self.tokens[k].lower
            if self.tokens[k].pos == "NN" and any(form.endswith(SOURCE_NOUNS + DOCUMENT_NOUNS) for form in (word, word[:-1], word[:-2])):
                return k
            k -= 1
        return None

    def _noun_after_determiners(self, unit: Unit, i: int) -> int:
        """The first token after the determiners and adjectives that follow token i."""
        j = i + 1
        while j < unit.last and (self.tokens[j].pos.startswith(("ADJ", "ART", "PDAT", "PIAT", "PPOSAT", "PRELAT")) and not self.tokens[j].text[:1].isupper() or self.tokens[j].pos.startswith(("ART", "PDAT", "PPOSAT")) or self.tokens[j].lower in RELATIVE_DETERMINERS):
            j += 1
        return j

    def _cited_noun_after(self, unit: Unit, i: int) -> int | None:
        """`Nach einem EU-Dokument leben sie …`, `Nach dem Grundgesetz ist …`, `Nach einer ersten
        Analyse entstand …`: a fronted `Nach` with a text, rule or finding, right before the
        finite verb (V2). A finding noun that also names an act (`Nach der Veröffentlichung kam
        es zu Protesten`) cites only with an indefinite article, without article, or with a holder."""
        if i > 0 and self.tokens[i - 1].sent == self.tokens[i].sent:
            return None
        j = self._noun_after_determiners(unit, i)
        if j >= unit.last or self.tokens[j].pos != "NN":
            return None
        word = self.tokens[j].lower
        if not word.endswith(CITED_NOUNS):
            if not word.endswith(FINDING_NOUNS):
                return None
            article = self.tokens[i + 1].lower
            holder = j + 1 < unit.last and self.tokens[j + 1].lower in ("des", "der", "von", "vom")
            if article in DEFINITE_ARTICLES and not holder:
                return None
        return j if self._finite_after_fronted(unit, j + 1) is not None else None

    def _source_noun_after(self, unit: Unit, i: int) -> int | None:
        j = self._noun_after_determiners(unit, i)
        if j == i + 1 and (genitive := self._saxon_genitive_name(j, unit.last)) is not None:
            j = genitive + 1  # "Nach Grupps Meinung", "Nach Peter Lehmanns Angaben"
        if j < unit.last and self.tokens[j].pos == "NN" and self.tokens[j].lower.endswith(SOURCE_NOUNS):
            word = self.tokens[j].lower
            events = word.endswith(EVENT_LIKE_SOURCES) and self.tokens[i + 1].lower == "dem" or word.endswith(PROCESS_SOURCES)
            holder = j + 1 < unit.last and self.tokens[j + 1].lower in ("des", "der", "von", "vom")
            return None if events and not holder else j  # "nach dem Bericht" may be "after the report"
        return None

    def _saxon_genitive_name(self, j: int, last: int) -> int | None:
        """The genitive word of a name before its noun, first names before it included:
        `Grupps`, `Peter Lehmanns`, `Anna Maria Kochs`."""
        for k in range(j, min(j + 3, last - 1)):
            if self._saxon_genitive(k):
                return k
            if self.tokens[k].pos != "NE" or not self.tokens[k].text[:1].isupper():
                return None
        return None

    def _saxon_genitive(self, j: int) -> bool:
        """`Grupps`, `Schäubles`: a name in the genitive before its noun."""
        t = self.tokens[j]
        return t.pos == "NE" and len(t.text) > 3 and t.text.endswith(("s", "’", "'")) and self.tokens[j + 1].pos == "NN"

    def _verb_after_quote(self, unit: Unit, i: int) -> Cue | None:
        """`„…“, kommt Römer zum Punkt`: a finite verb with a named subject right after a quotation
        attributes it, whatever the verb (the lexicon cannot list every `ätzte`, `polterte`); so
        does one after a clause in Konjunktiv I (`Die Ursache sei unklar, verlautbarte X`)."""
        t = self.tokens[i]
        if not t.pos.endswith("(FIN)") or i - 2 < unit.first or self.tokens[i - 1].text != ",":
            return None
        if t.lemma.lower() in ("sein", "haben", "werden") or subjunctive_mood(t, self.lex) is not None:
            return None
        if self.tokens[i - 2].text not in QUOTE_MARKS and not self._reported_before(unit, i - 1):
            return None
        _, right = self._clause(unit, i)
        np = phrase_after(self.tokens, i + 1, right)
        if np is None or not (is_name(self.tokens[np[1]]) or self.tokens[np[0]].lower in PRONOUNS):
            return None
        particle = [j for j in range(np[1] + 1, right) if self.tokens[j].pos == "PTKVZ"]
        return Cue([i, *particle[-1:]], "verb", i)

    def _reported_before(self, unit: Unit, comma: int) -> bool:
        """Whether the unit up to `comma` is a main clause in Konjunktiv I."""
        before = [self.tokens[j] for j in range(unit.first, comma) if inside_quote(self.tokens[j].start, unit.quotes) is None]
        return self._reported_subjunctive(before, konj2=False)

    def _impersonal_speaker(self, i: int, right: int) -> tuple[int, int] | None:
        """`hieß es vom Abgeordneten X`, `Bei der Agentur RIA hieß es`: the source in its phrase."""
        for j in [*range(i + 1, min(right, i + 4)), *range(max(0, i - 8), i)]:
            if self.tokens[j].lower in IMPERSONAL_SOURCES:
                return noun_phrase_at(self.tokens, j + 1, max(right, i))
            if self.tokens[j].lower in ("in", "im"):  # "In der Pressemitteilung des WWF heißt es"
                np = noun_phrase_at(self.tokens, j + 1, max(right, i))
                if np and self._names_document(np):
                    return np
        return self._fronted_document(i)

    def _fronted_document(self, i: int) -> tuple[int, int] | None:
        """`In der Vorabversion des Berichts, der am Montag erschien, heißt es`: the document in the
        sentence's first phrase, however long the relative clause after it."""
        first = self.doc.sentences[self.tokens[i].sent].first_token
        if first + 1 >= i or self.tokens[first].lower not in ("in", "im"):
            return None
        np = noun_phrase_at(self.tokens, first + 1, i)
        if np is None or not self._names_document(np):
            return None
        return np if self._attributes_up_to(np[1] + 1, i) else None

    def _attributes_up_to(self, j: int, verb: int) -> bool:
        """Whether tokens[j:verb] only qualify the phrase before them: attributes without a verb
        (`der Kommission für Umwelt`), and at most one relative clause set off by commas."""
        while j < verb and self.tokens[j].text != ",":
            if self.tokens[j].pos.startswith("V") or self.tokens[j].pos in ("KOUS", "$."):
                return False
            j += 1
        if j < verb and j + 1 < verb and self.tokens[j + 1].pos.startswith(("PREL", "APPR")):
            j = next((k + 1 for k in range(j + 1, verb) if self.tokens[k].text == ","), verb + 1)
        return j == verb

    def _names_document(self, np: tuple[int, int]) -> bool:
        def document(word: str) -> bool:  # genitives too: "in der Vorabversion des Berichts"
            return any(form.endswith(DOCUMENT_NOUNS) for form in (word, word.removesuffix("s"), word.removesuffix("es")))

        return any(self.tokens[k].pos == "NN" and document(self.tokens[k].lower) for k in range(np[0], np[1] + 1))

    def _unnamed(self, i: int, right: int):
        """A bare `heißt es` names nobody; `hieß es weiter` goes on with the source before."""
        goes_on = any(self.tokens[j].lower in ("weiter", "ferner", "außerdem", "zudem", "auch") for j in range(i + 1, min(right, i + 4)))
        return None if goes_on and self.previous is not None else UNSAID

    def _impersonal_source(self, i: int, right: int) -> bool:
        """`hieß es von/aus/bei X` names a source; a bare `hieß es` does not."""
        return self._impersonal_speaker(i, right) is not None

    def _colon_cue(self, unit: Unit) -> Cue | None:
        for i in range(unit.first, min(unit.last, unit.first + 7)):
            t = self.tokens[i]
            if t.text == ":" and i > unit.first and inside_quote(t.start, unit.quotes) is None:
                before = self.tokens[unit.first : i]
                # `Gabriel: „…“` quotes; `Pau: Die Maßnahme …` without quotation marks is a turn in
                # an interview transcript or a label, not speech the article reports
                quoted = i + 1 < unit.last and self.tokens[i + 1].text in QUOTE_MARKS
                if (any(is_name(b) for b in before) or self._speaker_description(unit.first, i)) and not any(b.pos.startswith("V") for b in before) and quoted:
                    return Cue([i], "colon", i)
                return None
        return None

    def _speaker_description(self, first: int, colon: int) -> bool:
        """`Ein Beamter der Nationalpolizei: „…“`: a phrase whose head names a person by role or
        an institution speaks; `Das Ergebnis: „…“` is a label."""
        np = noun_phrase_at(self.tokens, first, colon)
        if np is None or not self.tokens[first].pos.startswith("ART"):
            return False
        head = next((k for k in range(np[0], np[1] + 1) if self.tokens[k].pos == "NN"), None)
        return head is not None and self.tokens[head].lower.endswith(self._speaker_suffixes())

    def _speaker_suffixes(self) -> tuple[str, ...]:
        return tuple(self.lex.word_class("role_suffix") | self.lex.word_class("institution_suffix"))

    def _priority(self, unit: Unit, cue: Cue) -> int:
        if cue.kind == "verb" and self._is_inverted(unit, cue.anchor):
            return 0
        return {"so": 1, "wonach": 1, "verb": 2, "impersonal": 7, "colon": 3, "prep": 4, "demnach": 5, "noun": 6}[cue.kind]
