"""Unknown verbs near actors: full verbs whose clause names an entity but that no trigger,
cue or support verb of the lexicon covers. The listing shows where the lexicon can grow."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from lagebild.document import Document
from lagebild.events.clauses import clauses_of, place_mentions
from lagebild.events.lexicon import event_lexicon
from lagebild.events.triggers import verb_lemma
from lagebild.lang import speech_lexicon


@dataclass
class UnknownVerbs:
    counts: Counter[str] = field(default_factory=Counter)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, doc: Document) -> None:
        lex, speech = event_lexicon(), speech_lexicon()
        known = set(lex.verbs) | set(lex.light_verbs) | lex.support_verbs | set(speech.cues)
        entities = sorted(doc.layers.get("entities", []), key=lambda e: e.start)
        for sentence in doc.sentences:
            first, last = sentence.first_token, sentence.last_token
            mentions = place_mentions(doc, entities, first, last)
            for clause in clauses_of(doc, first, last):
                if not any(m.first in clause and m.label in ("PER", "ORG", "GPE") for m in mentions):
                    continue
                for k in range(clause.first, clause.last):
                    if not doc.tokens[k].pos.startswith("VV"):
                        continue
                    lemma = verb_lemma(doc.tokens, k, clause)
                    if lemma in known or not lemma.isalpha():
                        continue
                    self.counts[lemma] += 1
                    self.examples.setdefault(lemma, doc.text[sentence.start : sentence.end])

    def rows(self, top: int | None = None) -> list[tuple[str, int, str]]:
        return [(lemma, n, self.examples[lemma]) for lemma, n in self.counts.most_common(top)]
