"""Actor and recipient of a trigger, found among the entity groups of its clause.

Without a parser the subject is judged from German word order: the first constituent before
the finite verb of a main clause, else the first bare phrase after it; in a subordinate clause
the first bare phrase after the conjunction. Passives take the actor from `von`/`durch`.
Nouns take their actor from a compound prefix (`EU-Sanktionen`), a genitive (`die Angriffe
Israels`, `Russlands Angriff`) or the subject of their clause.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.document import Token
from lagebild.events.clauses import Clause, Group, Mention, attachment
from lagebild.events.triggers import Candidate

AGENT_PREPOSITIONS = ("von", "vom", "durch", "seitens")
PASSIVE_AUXILIARIES = {"werden", "wurde", "wurden", "wird", "worden", "werde", "würde", "würden"}
PREPOSITION_BASE = {"vom": "von", "zum": "zu", "zur": "zu", "beim": "bei", "am": "an", "ans": "an", "im": "in", "ins": "in", "aufs": "auf"}
GROUP_WORDS = {"länder", "staaten", "seiten", "regierungen", "parteien", "partner", "nachbarn", "armeen"}


@dataclass
class Arguments:
    actor: list[Mention] = field(default_factory=list)
    recipient: list[Mention] = field(default_factory=list)
    actor_token: int | None = None  # a pronoun or description in the subject slot, when no entity is there
    passive: bool = False
    own: bool = False  # a noun trigger with its own actor (genitive, `zwischen`), not the clause's
    partners: list[Mention] = field(default_factory=list)  # `mit` partners of a reciprocal act whose subject is a pronoun
    described_by: tuple[int, int] | None = None  # `Der Chef der Freien Wähler`: tokens of the describing phrase
    object_token: int | None = None  # a pronoun or `das Land` as object (`warnte ihn`), to be resolved by the coder


def is_passive(tokens: list[Token], clause: Clause, head: int) -> bool:
    if not tokens[head].pos.endswith("(PP)"):
        return False
    return any(tokens[k].lower in PASSIVE_AUXILIARIES for k in range(clause.first, clause.last))


def _attach(tokens: list[Token], group: Group, clause: Clause) -> tuple[str | None, bool]:
    """(preposition or None, genitive) of a group: `gegen Russland`, `die Politik Erdogans`."""
    prep, genitive = attachment(tokens, group.first, clause.first)
    if not genitive and _saxon_or_postnominal_genitive(tokens, group, clause):
        genitive = True
    return (PREPOSITION_BASE.get(prep.lower, prep.lower) if prep is not None else None), genitive


def _saxon_or_postnominal_genitive(tokens: list[Token], group: Group, clause: Clause) -> bool:
    """`der Präsident Russlands`: a name in the genitive right after a noun."""
    before = tokens[group.first - 1] if group.first > clause.first else None
    return before is not None and before.pos == "NN" and _is_genitive_name(tokens[group.last], group.mentions[-1])


def subject_slot(tokens: list[Token], clause: Clause, head: int) -> tuple[int, int]:
    """Token range in which the subject stands: the first constituent or the middle field."""
    lead = clause.first
    while lead < clause.last and (tokens[lead].pos.startswith(("$", "KON")) or tokens[lead].lower in ("und", "aber", "doch")):
        lead += 1
    if clause.subordinate:
        return lead + 1, clause.last
    finite = next((f for f in clause.finite if f >= lead), None)
    if finite is None:
        return lead, clause.last
    return lead, finite


def find_arguments(tokens: list[Token], clause: Clause, groups: list[Group], candidate: Candidate, support_verb: bool, adverbial: set[int]) -> Arguments:
    """Actor and recipient mentions; a noun trigger takes the clause's subject only after a
    support verb (`Die EU beschloss Sanktionen`). `adverbial`: tokens of time expressions."""
    args = Arguments()
    head = candidate.head
    frame = candidate.trigger.frame
    in_clause = [g for g in groups if clause.first <= g.first < clause.last and not _inside_trigger(g, candidate)]
    attached = {id(g): _attach(tokens, g, clause) for g in in_clause}
    if candidate.nominal:
        own = _noun_actor(tokens, groups, candidate)
        if own is not None:
            args.actor, args.own = own.mentions, True
    subject = None
    if not args.actor and (support_verb or not candidate.nominal):
        args.passive = candidate.trigger.kind != "N" and is_passive(tokens, clause, head)
        subject = _subject(tokens, clause, in_clause, attached, adverbial | set(candidate.tokens))  # `Sanktionen … hat die EU beschlossen`
        if args.passive:
            agent = next((g for g in in_clause if attached[id(g)] == ("von", False) or attached[id(g)][0] in ("durch", "seitens")), None)
            args.actor = agent.mentions if agent else []
        else:
            args.actor = subject.mentions if subject else []
            if subject is not None and attached[id(subject)][1]:
                args.described_by = (subject_slot(tokens, clause, head)[0], subject.first - 1)
            if subject is None:
                args.actor_token = _subject_word(tokens, clause, head)
    used = {id(m) for m in args.actor}
    recipients: list[Mention] = []
    possessors: list[Mention] = []  # genitives of the object: `kritisierte die Entscheidung der UN`
    for group in in_clause:
        if any(id(m) in used for m in group.mentions):
            continue
        prep, genitive = attached[id(group)]
        if _acting_alike(tokens, group, clause):  # `ebenso wie X`, `gemeinsam mit X`
            if args.actor:
                args.actor = args.actor + group.mentions
            else:
                args.partners += group.mentions
            continue
        if prep is None:
            if "obj" not in frame or candidate.nominal or (group is subject and not args.passive):
                continue
            if genitive and (group.first > head or not _in_subject_slot(tokens, clause, group)):
                possessors.extend(group.mentions)
            elif not genitive:
                recipients.extend(group.mentions)
        elif prep == "von" and "obj" in frame and not args.passive and not candidate.nominal and _authored_object(tokens, group, clause):
            recipients.extend(group.mentions)  # `akzeptiert den von X ausgearbeiteten Entwurf`: X's proposal
        elif prep == "neben" and not genitive and group.first > clause.first:  # `neben X auch Y`: X acts as well
            args.actor = args.actor + group.mentions
        elif prep in frame:
            if "recip" in frame and prep in ("mit", "zwischen") and not genitive:
                if args.actor or candidate.nominal:
                    args.actor = args.actor + group.mentions
                else:
                    args.partners += group.mentions
                args.own = args.own or (prep == "zwischen" and candidate.nominal)
            else:
                recipients.extend(group.mentions)
    if not recipients:
        recipients = possessors
    if "host" in frame and recipients:  # `X empfing Y`: the guest Y is the actor
        args.actor, recipients = recipients, args.actor
    args.recipient = recipients
    if not recipients and not candidate.nominal:
        args.object_token = _object_word(tokens, clause, candidate, frame, args.actor_token, bool(args.actor))
    return args


def _authored_object(tokens: list[Token], group: Group, clause: Clause) -> bool:
    """`den von der Ratspräsidentschaft ausgearbeiteten Entwurf`: a `von` phrase inside an
    attributive participle names the author of the object, to whom accepting or rejecting it
    answers."""
    k = group.first - 1
    while k > clause.first and tokens[k].lower not in ("von", "vom"):
        k -= 1
    if k <= clause.first or not tokens[k - 1].pos.startswith("ART"):
        return False
    end = group.last + 1
    while end < clause.last and tokens[end].pos.startswith("ADJ") and not tokens[end].text[:1].isupper():
        end += 1
    participle = tokens[end - 1] if end > group.last + 1 else None
    return participle is not None and participle.lower.endswith(("ten", "ene", "enen", "tes", "tem", "te")) and end < clause.last and tokens[end].pos == "NN"


OBJECT_PRONOUNS = {"ihn", "ihm", "ihnen", "sie", "ihr"}
COUNTRY_WORDS = {"land", "staat", "nachbarland", "nachbarstaat"}


def _object_word(tokens: list[Token], clause: Clause, candidate: Candidate, frame: frozenset[str], subject_token: int | None, has_subject: bool) -> int | None:
    """A pronoun or a definite `das Land` in the object slot of the trigger, or after a preposition
    of its frame (`warnte ihn`, `Sanktionen gegen das Land`)."""
    lo, hi = subject_slot(tokens, clause, candidate.head)
    for k in range(clause.first, clause.last):
        t = tokens[k]
        if k == subject_token or k in candidate.tokens or lo <= k < hi:
            continue
        country = t.pos == "NN" and t.lemma.lower() in COUNTRY_WORDS and k > 0 and tokens[k - 1].lower in ("das", "dem", "des", "den")
        pronoun = t.pos.startswith("PPER") and t.lower in OBJECT_PRONOUNS
        if not (country or pronoun):
            continue
        before = tokens[k - 2 if country else k - 1] if k > clause.first else None
        prep = PREPOSITION_BASE.get(before.lower, before.lower) if before is not None and before.pos.startswith("APPR") else None
        if (prep is None and "obj" in frame and not (pronoun and t.lower == "sie" and not has_subject and _nominative_slot(tokens, clause, k))) or (prep is not None and prep in frame):
            return k
    return None


def _nominative_slot(tokens: list[Token], clause: Clause, k: int) -> bool:
    """`sie` right after the finite verb is usually the subject (`Dann warnten sie Russland`)."""
    return k - 1 in clause.finite


ALIKE = (("ebenso", "wie"), ("genauso", "wie"), ("gemeinsam", "mit"), ("zusammen", "mit"), ("wie", "auch"))


def _acting_alike(tokens: list[Token], group: Group, clause: Clause) -> bool:
    """`Er sprach sich ebenso wie NEOS-Chefin X für …`: X takes part in the act."""
    k = group.first - 1
    while k > clause.first and (tokens[k].pos.startswith(("ART", "ADJ")) or tokens[k].pos == "NN" or (tokens[k].pos == "NE" and "-" in tokens[k].text)):
        k -= 1
    return k > clause.first and (tokens[k - 1].lower, tokens[k].lower) in ALIKE


def clause_subject(tokens: list[Token], clause: Clause, groups: list[Group], adverbial: set[int]) -> Group | None:
    """The entity group standing as subject of a clause, if any."""
    in_clause = [g for g in groups if clause.first <= g.first < clause.last]
    attached = {id(g): _attach(tokens, g, clause) for g in in_clause}
    return _subject(tokens, clause, in_clause, attached, adverbial)


def _in_subject_slot(tokens: list[Token], clause: Clause, group: Group) -> bool:
    lo, hi = subject_slot(tokens, clause, group.first)
    return lo <= group.first < hi


def _inside_trigger(group: Group, candidate: Candidate) -> bool:
    return any(m.first in candidate.tokens for m in group.mentions)


def _subject(tokens: list[Token], clause: Clause, groups: list[Group], attached: dict, adverbial: set[int]) -> Group | None:
    lo, hi = subject_slot(tokens, clause, clause.first)
    first_field = [g for g in groups if lo <= g.first < hi]
    bare = [g for g in first_field if attached[id(g)] == (None, False) and not oblique(tokens, g, clause)]
    if bare:
        return bare[0]
    genitive = [g for g in first_field if attached[id(g)] == (None, True)]
    if genitive:  # `Ein Sprecher des Auswärtigen Amts`: the body behind a description
        return genitive[0]
    fronted_object = any(oblique(tokens, g, clause) for g in first_field)  # `Den Kreml kritisierte die Nato`
    if clause.subordinate or hi >= clause.last or (not fronted_object and _nominal_first_field(tokens, lo, hi, adverbial)):
        return None
    # inverted order: `Gegen Belarus verhängte die EU …`: the first bare phrase after the verb
    for g in groups:
        if g.first > hi and attached[id(g)] == (None, False) and not oblique(tokens, g, clause):
            return None if _pronoun_between(tokens, hi, g.first) else g
    return None


OBLIQUE_DETERMINERS = {"den", "dem", "des", "einen", "einem", "eines"}  # never a nominative


def oblique(tokens: list[Token], group: Group, clause: Clause) -> bool:
    """Whether the article or possessive of a phrase marks it as no subject: `den Kreml`,
    `dem türkischen Präsidenten Erdogan`, `seinen Partner` (HanTa gives no case; the
    determiner does)."""
    k = group.first - 1
    while k >= clause.first and (tokens[k].pos.startswith(("ADJ", "CARD")) or (tokens[k].pos == "NN" and k == group.first - 1)):
        k -= 1  # attributes and a title right before the name
    if k < clause.first:
        return False
    word = tokens[k].lower
    return (tokens[k].pos.startswith("ART") and word in OBLIQUE_DETERMINERS) or (tokens[k].pos == "PPOSAT" and word.endswith(("en", "em", "es")))


def _nominal_first_field(tokens: list[Token], lo: int, hi: int, adverbial: set[int]) -> bool:
    """Whether the first field holds a pronoun or a bare noun phrase (then it is the subject,
    and no entity after the verb is)."""
    inside_pp = False
    for k in range(lo, hi):
        t = tokens[k]
        if t.pos.startswith(("APPR", "APPRART")):
            inside_pp = True
        elif (t.pos.startswith("PPER") and t.lower != "es") or (t.pos == "NN" and not inside_pp and k not in adverbial):
            return True
    return False


def _pronoun_between(tokens: list[Token], a: int, b: int) -> bool:
    return any(tokens[k].pos.startswith("PPER") and tokens[k].lower not in ("es", "sich") for k in range(a + 1, b))


def _is_genitive_name(t: Token, mention: Mention | None = None) -> bool:
    """`Russlands`, `Merkels`; not `Franziskus`, whose name ends in s (`Papst Franziskus` is an apposition)."""
    name = getattr(mention.entity, "name", None) if mention is not None else None
    if name and name.endswith(t.text):
        return False
    return t.text.endswith("s") and not t.lemma.endswith("s")


def _subject_word(tokens: list[Token], clause: Clause, head: int) -> int | None:
    """A pronoun or a group word (`beide Länder`) in the subject slot, to be resolved by the coder."""
    lo, hi = subject_slot(tokens, clause, head)
    for k in range(lo, clause.last):
        t = tokens[k]
        if t.pos.startswith("PPER") and t.lower in ("er", "sie", "wir", "ich"):
            return k
        if t.lower in GROUP_WORDS and k > 0 and tokens[k - 1].lower in ("beide", "beiden"):
            return k
        if k > hi and (t.pos.startswith(("APPR", "V")) or t.pos == "NN"):
            break
    return None


def _noun_actor(tokens: list[Token], groups: list[Group], candidate: Candidate) -> Group | None:
    noun = candidate.head
    for g in groups:
        if g.first == noun + 1 or (g.first == noun + 2 and tokens[noun + 1].lower in ("des", "der")):
            return g  # genitive after the noun
        if g.first == noun + 2 and tokens[noun + 1].pos == "NN" and g.mentions[0].label == "PER":
            return g  # a person after a title: `des Besuchs Papst Benedikts`
        if g.last == noun - 1 and _is_genitive_name(tokens[g.last]):
            return g  # Saxon genitive: `Russlands Angriff`
        if g.last < noun and tokens[g.last].text[:1].islower() and all(_attributive(tokens[k]) for k in range(g.last + 1, noun)):
            return g  # a country adjective: `palästinensische Raketen- und Granatenangriffe`
    return None


def _attributive(t: Token) -> bool:
    return t.pos.startswith("ADJ") or t.text.endswith("-") or t.lower in ("und", "oder")


def prefix_actor(mentions: list[Mention], noun: int) -> Mention | None:
    """`EU` in `EU-Sanktionen`: the first part of the trigger compound names the actor."""
    return next((m for m in mentions if m.prefix and m.last == noun and m.label in ("ORG", "GPE")), None)
