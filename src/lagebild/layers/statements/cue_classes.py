"""The cue verb's readings: which lexicon entries and classes hold in its clause."""

from __future__ import annotations

from lagebild.lang import CueEntry
from lagebild.lang.de.function_words import DEFINITE_ARTICLES
from lagebild.layers.statements.model import (
    ATTITUDES,
    OBJECT_ACTS,
    Cue,
)
from lagebild.layers.units import BOUNDARY, Unit, inside_quote


class CueClassMixin:
    """Part of the statement extractor (see finder.py); works on its shared state."""

    def _cue_classes(self, cue: Cue) -> set[str]:
        """The classes of the cue verb in the cue lexicon (`say`, `opinion`, `demand`, …): of
        the entries whose words all stand with it (`sprach von` → `mention`), else of its plain
        entries (`sprach` → `say`)."""
        return {entry.cls for entry in self._cue_entries(cue)}

    def _cue_entries(self, cue: Cue) -> list[CueEntry]:
        """A cue found by its particle (`ging … aus`) stands for the entries ending in that
        particle (`gehen  von aus`, not `gehen  hervor`)."""
        i = cue.anchor
        entries = [e for e in self.lex.cues.get(self.tokens[i].lemma.lower(), ()) if e.cls != "not"]
        particles = {self.tokens[j].lower for j in cue.tokens if j != i}
        words = self._clause_words(i) | particles
        bound = [e for e in entries if e.companion and all(w.lower() in words for w in e.companion.split()) and (not particles or e.companion.split()[-1].lower() in particles)]
        bound = [e for e in bound if self._predicative_stands(e, i)]
        return bound or [e for e in entries if e.companion is None]

    def _predicative_stands(self, entry: CueEntry, i: int) -> bool:
        """`halten … für` judges only with a predicative after `für` (`für verfehlt`, `für einen
        Fehler`); a bare or definite noun there belongs to the object (`hält den Weltrekord für
        Frauen`): holding, not judging."""
        if entry.cls != "judge" or entry.companion != "für":
            return True
        sent = self.tokens[i].sent
        for k in range(i + 1, len(self.tokens)):
            t = self.tokens[k]
            if t.sent != sent or t.text in BOUNDARY:
                return True  # "für" before the verb (`Für verfehlt hält er …`): no object to confuse
            if t.lower == "für" and k + 1 < len(self.tokens):
                after = self.tokens[k + 1]
                return not (after.pos in ("NN", "NE", "CARD") or after.lower in DEFINITE_ARTICLES)
        return True

    def _lacks_companion(self, cue: Cue) -> bool:
        """A cue found by a particle none of whose entries stands complete (a cue of one word
        may be a verb by its place alone: `„…“, kommt Römer zum Punkt`)."""
        return len(cue.tokens) > 1 and not self._cue_entries(cue)

    def _clause_words(self, i: int) -> set[str]:
        """The words of the sentence between the punctuation marks around token i; a relative
        clause set in by commas is passed over (`schätzt die Zahl der Kinder, die …, auf 150 Millionen`)."""
        sent, words = self.tokens[i].sent, set()
        for step in (-1, 1):
            k = i + step
            while 0 <= k < len(self.tokens) and self.tokens[k].sent == sent:
                if self.tokens[k].text in BOUNDARY:
                    k = self._past_relative_clause(k) if step == 1 else None
                    if k is None:
                        break
                words.add(self.tokens[k].lower)
                k += step
        return words

    def _past_relative_clause(self, comma: int) -> int | None:
        """The token after the comma that closes a relative clause opening at `comma`, or None."""
        k = comma + 1
        if self.tokens[comma].text != "," or k >= len(self.tokens) or not self.tokens[k].pos.startswith(("PRELS", "PRELAT")):
            return None
        sent = self.tokens[comma].sent
        while k < len(self.tokens) and self.tokens[k].sent == sent and self.tokens[k].text not in BOUNDARY:
            k += 1
        if k + 1 < len(self.tokens) and self.tokens[k].text == "," and self.tokens[k + 1].sent == sent and self.tokens[k + 1].text not in BOUNDARY:
            return k + 1
        return None

    def _governed_cues(self, unit: Unit, cues: list[Cue]) -> list[Cue]:
        """Verbs the cue finder leaves because their preposition stands inside the clause, not at
        its end: `hält den Plan für verfehlt`, `stufte das Gesetz als verfassungswidrig ein`."""
        taken = {c.anchor for c in cues}
        found = []
        for i in range(unit.first, unit.last):
            t = self.tokens[i]
            if i in taken or not t.pos.startswith("VV") or inside_quote(t.start, unit.quotes) is not None:
                continue
            entries = self.lex.cues.get(t.lemma.lower(), ())
            words = self._clause_words(i)
            if any(e.cls == "not" and e.companion and e.companion.lower() in words for e in entries):
                continue
            if any(e.companion and e.cls in OBJECT_ACTS and all(w.lower() in words for w in e.companion.split()) and self._predicative_stands(e, i) for e in entries):
                found.append(Cue([i], "verb", i))
        return found

    def _only_opinion(self, cue: Cue) -> bool:
        classes = self._cue_classes(cue)
        return bool(classes) and classes <= ATTITUDES

    def _says(self, cue: Cue) -> bool:
        return "say" in self._cue_classes(cue)
