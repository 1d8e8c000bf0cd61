"""The event lexicon: German triggers, PLOVER type codes, modes and speech-act cue classes.

Everything here is read from reviewed data files under `lang/de/` (plover_triggers.tsv,
plover_types.tsv, plover_modes.tsv, plover_cues.tsv); this module only indexes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lagebild.lang import read_rows

KINDS = ("V", "N", "A", "LV", "S")


@dataclass(frozen=True)
class Trigger:
    kind: str  # V, N, A or LV
    pattern: str  # lemma, or `noun+verb` for LV
    type: str  # PLOVER type, or NONE
    mode: str | None
    frame: frozenset[str]
    required: tuple[str, ...] = ()  # one of these words must stand in the clause
    forbidden: tuple[str, ...] = ()  # none of these may

    @property
    def noun(self) -> str:
        return self.pattern.split("+")[0].lower()

    @property
    def verb(self) -> str:
        return self.pattern.split("+")[-1].lower()


@dataclass(frozen=True)
class TypeCode:
    cameo: str
    quad_class: int
    goldstein: float
    recipient_required: bool


@dataclass(frozen=True)
class EventLexicon:
    verbs: dict[str, tuple[Trigger, ...]]
    nouns: dict[str, tuple[Trigger, ...]]
    adjectives: dict[str, tuple[Trigger, ...]]
    light_verbs: dict[str, tuple[Trigger, ...]]  # by verb lemma
    codes: dict[tuple[str, str | None], TypeCode]
    modes: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    cue_classes: dict[str, Trigger]
    support_verbs: frozenset[str]  # verbs whose subject acts a noun trigger of their clause

    def code(self, type_: str, mode: str | None) -> TypeCode:
        return self.codes.get((type_, mode)) or self.codes[(type_, None)]

    def noun_triggers(self, lemma: str) -> tuple[Trigger, ...]:
        """Triggers of a noun lemma, or of its longest compound head (`EU-Sanktion` → `sanktion`)."""
        lemma = lemma.lower()
        if lemma in self.nouns:
            return self.nouns[lemma]
        for i in range(3, len(lemma) - 2):  # a compound's first part has at least three letters
            if lemma[i:] in self.nouns:
                return self.nouns[lemma[i:]]
        return ()

    def mode_for(self, type_: str, words: list[str]) -> str | None:
        for mode, stems in self.modes.get(type_, ()):
            if any(word.startswith(stem) for word in words for stem in stems):
                return mode
        return None


def word_matches(pattern: str, word: str) -> bool:
    """`Sanktion*` matches any word starting so; otherwise the words are equal (case-insensitive)."""
    pattern, word = pattern.lower(), word.lower()
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


def _words(field: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if field == "-":
        return (), ()
    if field.startswith("!"):
        return (), tuple(field[1:].split("|"))
    return tuple(field.split("|")), ()


def _none(value: str) -> str | None:
    return None if value == "-" else value


@lru_cache(maxsize=2)
def event_lexicon(lang: str = "de") -> EventLexicon:
    verbs: dict[str, list[Trigger]] = {}
    nouns: dict[str, list[Trigger]] = {}
    adjectives: dict[str, list[Trigger]] = {}
    light: dict[str, list[Trigger]] = {}
    support: set[str] = set()
    for kind, pattern, with_, type_, mode, frame in read_rows(lang, "plover_triggers.tsv"):
        if kind not in KINDS:
            raise ValueError(f"plover_triggers.tsv: unknown kind {kind!r}")
        if kind == "S":
            support.add(pattern.lower())
            continue
        required, forbidden = _words(with_)
        trigger = Trigger(kind, pattern, type_, _none(mode), frozenset(frame.split(",")) - {"-"}, required, forbidden)
        index = {"V": verbs, "N": nouns, "A": adjectives, "LV": light}[kind]
        index.setdefault(trigger.verb if kind == "LV" else pattern.lower(), []).append(trigger)
    codes = {}
    for type_, mode, cameo, quad, goldstein, recipient in read_rows(lang, "plover_types.tsv"):
        codes[(type_, _none(mode))] = TypeCode(cameo, int(quad), float(goldstein), recipient == "yes")
    modes: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for type_, mode, stems in read_rows(lang, "plover_modes.tsv"):
        modes.setdefault(type_, []).append((mode, tuple(stems.split())))
    cue_classes = {
        cls: Trigger("V", cls, type_, _none(mode), frozenset(frame.split(",")) - {"-"})
        for cls, type_, mode, frame in read_rows(lang, "plover_cues.tsv")
    }
    freeze = lambda d: {k: tuple(v) for k, v in d.items()}  # noqa: E731
    return EventLexicon(
        verbs=freeze(verbs),
        nouns=freeze(nouns),
        adjectives=freeze(adjectives),
        light_verbs=freeze(light),
        codes=codes,
        modes={k: tuple(v) for k, v in modes.items()},
        cue_classes=cue_classes,
        support_verbs=frozenset(support),
    )
