"""Clauses and the actor phrases in them, from part-of-speech tags alone (no parser).

A clause is a stretch of a sentence between commas, colons, semicolons and dashes; stretches
without a verb (enumerations, appositions) stay with their neighbour. Actor phrases are entity
mentions (doc.layers["entities"]) grouped by coordination: `Russland und China`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.document import Document, Token
from lagebild.layers.units import BOUNDARY

BOUNDARIES = BOUNDARY  # the clause boundaries of the statements layer
SUBORDINATORS = ("KOUS", "PRELS", "PRELAT", "PWS", "PWAV", "PWAT")
COORDINATORS = {"und", "sowie", "oder", ",", "als auch", "wie"}
# words between two coordinated entities that keep them in one group: `Putin und dem
# belarussischen Präsidenten Lukaschenko`, `sowohl … als auch`
LINKING_POS = ("ART", "ADJ", "NN", "PPOSAT", "PIAT", "KON", "$,", "ADV", "$(", "CARD")


@dataclass
class Clause:
    first: int  # token index
    last: int  # exclusive
    subordinate: bool
    finite: list[int] = field(default_factory=list)
    particles: dict[int, int] = field(default_factory=dict)  # finite verb → the token of its separable particle

    def __contains__(self, i: int) -> bool:
        return self.first <= i < self.last


def clauses_of(doc: Document, first: int, last: int) -> list[Clause]:
    tokens = doc.tokens
    pieces: list[tuple[int, int]] = []
    start = first
    for i in range(first, last):
        if tokens[i].text in BOUNDARIES and i > start and not _enumeration_comma(tokens, i, last):
            pieces.append((start, i))
            start = i + 1
    if start < last:
        pieces.append((start, last))
    if len(pieces) > 1 and tokens[pieces[0][1]].text in ("-", "–", "—") and not any(tokens[k].pos.startswith("V") for k in range(*pieces[0])):
        pieces = pieces[1:]  # a dateline: `Brüssel (dpa) - …`
    merged: list[list[int]] = []
    for a, b in pieces:
        has_verb = any(tokens[k].pos.startswith("V") for k in range(a, b))
        if merged and not has_verb:
            merged[-1][1] = b
        elif merged and not merged[-1][2]:
            merged[-1][1], merged[-1][2] = b, has_verb
        else:
            merged.append([a, b, has_verb])
    return [_clause(tokens, a, b) for a, b, _ in merged]


def _enumeration_comma(tokens: list[Token], i: int, last: int) -> bool:
    """`Gabriel, Steinmeier und Steinbrück`: a comma between names of one enumeration."""
    if tokens[i].text != "," or i + 1 >= last or not tokens[i - 1].text[:1].isupper() or not tokens[i + 1].text[:1].isupper():
        return False
    for k in range(i + 1, min(i + 8, last)):
        if tokens[k].lower in ("und", "sowie", "oder"):
            return True
        if tokens[k].pos.startswith(("V", "APPR", "KOUS", "PRELS")) or tokens[k].text in BOUNDARIES:
            return False
    return False


def _clause(tokens: list[Token], a: int, b: int) -> Clause:
    lead = a
    while lead < b and tokens[lead].pos.startswith(("$", "KON")):
        lead += 1
    subordinate = lead < b and (tokens[lead].pos.startswith(SUBORDINATORS) or tokens[lead].lower == "dass")
    if lead + 1 < b and tokens[lead].pos.startswith("APPR") and tokens[lead + 1].pos.startswith(("PRELS", "PWS", "PWAV")):
        subordinate = True  # `an dem`, `mit denen`
    clause = Clause(a, b, subordinate)
    for i in range(a, b):
        if tokens[i].pos.endswith("(FIN)"):
            clause.finite.append(i)
        elif tokens[i].pos == "PTKVZ" and clause.finite:
            clause.particles.setdefault(clause.finite[-1], i)
    return clause


@dataclass
class Mention:
    """An entity mention placed on tokens."""

    entity: object  # the entities layer's mention object
    first: int
    last: int  # inclusive
    prefix: bool = False  # only the first part of a compound: `EU` in `EU-Sanktionen`
    modifier: bool = False  # a country adjective before a person: `belarussischen` Präsidenten X

    @property
    def label(self) -> str:
        return getattr(self.entity, "label", "")


@dataclass
class Group:
    """Coordinated mentions that act together: `Russland und China`."""

    mentions: list[Mention]

    @property
    def first(self) -> int:
        return self.mentions[0].first

    @property
    def last(self) -> int:
        return self.mentions[-1].last


def place_mentions(doc: Document, entities: list, first: int, last: int) -> list[Mention]:
    """The entity mentions within tokens [first, last), on token indices."""
    tokens = doc.tokens
    if first >= last:
        return []
    start, end = tokens[first].start, tokens[last - 1].end
    placed = []
    k = first
    for entity in entities:
        if entity.end <= start or entity.start >= end:
            continue
        while k < last and tokens[k].end <= entity.start:
            k += 1
        j = k
        while j + 1 < last and tokens[j + 1].start < entity.end:
            j += 1
        if k >= last:
            break
        token = tokens[j]
        prefix = entity.end < token.end and token.text[entity.end - token.start : entity.end - token.start + 1] == "-"
        placed.append(Mention(entity, k, j, prefix=prefix))
    _mark_modifiers(tokens, placed)
    return placed


def _mark_modifiers(tokens: list[Token], mentions: list[Mention]) -> None:
    """`der israelische Regierungschef Olmert`: the country adjective describes the person;
    `Merkel (CDU)`: the party in parentheses describes the person before it."""
    for m, following in zip(mentions, mentions[1:], strict=False):
        if following.first >= 1 and tokens[following.first - 1].text == "(" and following.first - 2 == m.last:
            following.modifier = True
        last = tokens[m.last]
        adjective = last.text[:1].islower()
        name = getattr(m.entity, "name", None) or ""
        genitive = last.text.endswith("s") and last.pos in ("NE", "NN") and (not last.lemma.endswith("s") or not name.endswith("s"))  # `Irans oberster Führer`
        if not (adjective or genitive) or following.label != "PER":
            continue
        between = tokens[m.last + 1 : following.first]
        if 0 < len(between) <= 4 and all(t.pos in ("NN", "NE") or t.pos.startswith("ADJ") for t in between):
            m.modifier = True


def group_mentions(tokens: list[Token], mentions: list[Mention]) -> list[Group]:
    usable = [m for m in mentions if not m.prefix and not m.modifier]
    groups: list[Group] = []
    for m in usable:
        if groups and _coordinated(tokens, groups[-1].mentions[-1], m):
            groups[-1].mentions.append(m)
        else:
            groups.append(Group([m]))
    return groups


def _coordinated(tokens: list[Token], left: Mention, right: Mention) -> bool:
    between = tokens[left.last + 1 : right.first]
    if not between or len(between) > 6:
        return False
    if not any(t.lower in COORDINATORS or t.text == "," for t in between):
        return False
    return all(t.pos.startswith(LINKING_POS) or t.lower in ("auch", "sowohl") for t in between) and not any(
        t.pos.startswith("APPR") for t in between
    )


NP_INNER = ("ART", "ADJ", "PPOSAT", "PIAT", "PIDAT", "CARD", "$(")


def attachment(tokens: list[Token], i: int, floor: int) -> tuple[Token | None, bool]:
    """How the phrase starting at token i attaches: (the governing preposition or None, whether
    it is a genitive attribute). `die Entscheidung der Vereinten Nationen` → (None, True);
    `Kritik an der Politik des Präsidenten Erdogan` → (an, True); `gegen Russland` → (gegen, False)."""
    k = i - 1
    genitive = False
    for _ in range(4):
        previous = None
        while k >= floor and (tokens[k].pos.startswith(NP_INNER) or _title_before_name(tokens, k, previous)):
            previous = tokens[k]
            k -= 1
        if k < floor:
            return None, genitive
        if tokens[k].pos.startswith(("APPR", "APPRART")):
            return tokens[k], genitive
        if tokens[k].pos == "NN" and previous is not None and previous.lower in ("des", "der"):
            genitive = True  # attribute of the noun at k: go on with that noun's phrase
            k -= 1
            continue
        return None, genitive
    return None, genitive


def _title_before_name(tokens: list[Token], k: int, previous: Token | None) -> bool:
    """`Präsidenten` in `dem türkischen Präsidenten Erdogan`: a title right before the name."""
    title = tokens[k].pos == "NN" or (tokens[k].pos == "NE" and "-" in tokens[k].text)  # `GDL-Chef` is often tagged NE
    return previous is None and title and k + 1 < len(tokens) and tokens[k + 1].pos in ("NE", "NN", "FM")  # foreign names are often FM
