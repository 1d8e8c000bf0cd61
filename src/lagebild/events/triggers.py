"""Trigger candidates in a clause: verbs (with their separable particles), nouns (and compound
heads), adjectives, light-verb constructions, and statement cues of speech-act classes."""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.document import Token
from lagebild.events.clauses import Clause
from lagebild.events.lexicon import EventLexicon, Trigger, word_matches

VERB_POS = ("VV",)
NOUN_POS = ("NN", "NE")


@dataclass
class Candidate:
    trigger: Trigger
    tokens: list[int]  # the trigger words: [verb] or [noun] or [verb, noun] (LV), in text order
    head: int  # the token the arguments are judged from: the verb, or the noun
    lemma: str

    @property
    def nominal(self) -> bool:
        return self.trigger.kind in ("N", "A")


def verb_lemma(tokens: list[Token], i: int, clause: Clause) -> str:
    """`lehnte … ab` → `ablehnen`; participles and infinitives carry the particle already."""
    lemma = tokens[i].lemma.lower()
    at = clause.particles.get(i)
    particle = tokens[at].lower if at is not None else ""
    return particle + lemma if particle and not lemma.startswith(particle) else lemma


def clause_words(tokens: list[Token], clause: Clause) -> list[str]:
    words = []
    for t in tokens[clause.first : clause.last]:
        words.append(t.lower)
        if t.lemma and t.lemma.lower() != t.lower:
            words.append(t.lemma.lower())
    return words


def allowed(trigger: Trigger, words: list[str]) -> bool:
    if trigger.required and not any(word_matches(p, w) for p in trigger.required for w in words):
        return False
    return not any(word_matches(p, w) for p in trigger.forbidden for w in words)


def _first_allowed(triggers: tuple[Trigger, ...], words: list[str]) -> Trigger | None:
    return next((t for t in triggers if allowed(t, words)), None)


def find_candidates(tokens: list[Token], clause: Clause, lex: EventLexicon, cue_class: dict[int, Trigger]) -> list[Candidate]:
    """All trigger candidates of one clause; a light-verb construction replaces the verb and noun
    candidates it is made of. `cue_class` maps statement cue tokens to their speech-act trigger."""
    words = clause_words(tokens, clause)
    found: list[Candidate] = []
    taken: set[int] = set()
    for i in range(clause.first, clause.last):
        t = tokens[i]
        if not t.pos.startswith("V"):
            continue
        lemma = verb_lemma(tokens, i, clause)
        light = _light_verb(tokens, clause, i, lemma, lex, words)
        if light:
            found.append(light)
            taken.update(light.tokens)
    for i in range(clause.first, clause.last):
        if i in taken:
            continue
        t = tokens[i]
        candidate = None
        if t.pos.startswith(VERB_POS):
            lemma = verb_lemma(tokens, i, clause)
            trigger = _first_allowed(lex.verbs.get(lemma, ()), words) or cue_class.get(i)
            if trigger:
                particle = clause.particles.get(i)
                candidate = Candidate(trigger, [i] if particle is None else [i, particle], i, lemma)
        elif t.pos in NOUN_POS and t.text[:1].isupper():
            lemma = (t.lemma or t.text).lower()
            triggers = lex.noun_triggers(lemma) or lex.noun_triggers(t.lower)
            trigger = _first_allowed(triggers, words)
            if trigger:
                candidate = Candidate(trigger, [i], i, trigger.pattern)
        elif t.pos.startswith(("ADJ", "ADV")):
            trigger = _first_allowed(lex.adjectives.get((t.lemma or t.text).lower(), ()), words)
            if trigger:
                candidate = Candidate(trigger, [i], i, trigger.pattern)
        if candidate and candidate.trigger.type != "NONE":
            found.append(candidate)
    objects = _required_objects(tokens, found)
    return [c for c in found if c.trigger.type != "NONE" and not (c.trigger.kind == "N" and c.head in objects)]


def _required_objects(tokens: list[Token], found: list[Candidate]) -> set[int]:
    """Nouns a verb trigger required (`Verhandlungen` in `die Verhandlungen beenden`): they
    belong to the verb's event, not to one of their own."""
    nouns = {c.head for c in found if c.trigger.kind == "N"}
    taken = set()
    for c in found:
        if c.trigger.kind == "V" and c.trigger.required:
            for k in nouns:
                word = (tokens[k].lemma or tokens[k].text).lower()
                if any(word_matches(p, word) or word_matches(p, tokens[k].lower) for p in c.trigger.required):
                    taken.add(k)
    return taken


def _light_verb(tokens: list[Token], clause: Clause, verb: int, lemma: str, lex: EventLexicon, words: list[str]) -> Candidate | None:
    for trigger in lex.light_verbs.get(lemma, ()):
        if not allowed(trigger, words):
            continue
        for k in range(clause.first, clause.last):
            t = tokens[k]
            if k == verb or not (t.pos.startswith(("NN", "ADJ")) or t.text[:1].isupper()):
                continue
            noun = (t.lemma or t.text).lower()
            if noun == trigger.noun or t.lower == trigger.noun or (noun.endswith(trigger.noun) and len(noun) - len(trigger.noun) >= 3):
                particle = clause.particles.get(verb)
                words = [verb, k] if particle is None else [verb, k, particle]
                return Candidate(trigger, sorted(words), verb, trigger.pattern.lower())
    return None
