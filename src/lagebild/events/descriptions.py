"""Who a description stands for: `der Minister`, `Die österreichische Aussenministerin`.

A definite description whose head is an office or role word names a person of the text: the
nearest person whose role in the text ends with the same word (`Verteidigungsminister Jung`
… `der Minister`), looking back first and then a little ahead (a lead sentence often names
the person only in the next one); else the one holder of that office on the document date
by the knowledge base (`die österreichische Außenministerin` in 2005 → Ursula Plassnik).
"""

from __future__ import annotations

from lagebild.kb import KnowledgeBase
from lagebild.kb.model import fold

CASE_ENDINGS = ("s", "es", "n", "en")
LOOKAHEAD = 400  # characters after the description in which a cataphoric name may follow


def _role_head(word: str) -> str:
    """`Außenministerin` and `Aussenministerin` alike; the last part of a hyphenated compound."""
    return fold(word.rsplit("-", 1)[-1]).replace("ß", "ss")


def _same_role(role: str, head: str) -> bool:
    """Whether a role (`SPD-Verteidigungsminister`) has the description's head (`Minister`) as its
    compound head (a feminine head only a feminine role)."""
    role, head = _role_head(role), _role_head(head)
    forms = {head} | {head[: -len(ending)] for ending in CASE_ENDINGS if head.endswith(ending)}  # `des Bürgermeisters`
    return any(len(form) > 3 and role.endswith(form) for form in forms)


class DescriptionResolver:
    def __init__(self, kb: KnowledgeBase, entities: list, when: str | None):
        self.kb = kb
        self.when = when
        self.people = [e for e in entities if getattr(e, "label", "") == "PER"]
        self.roles = {id(e): self._roles(e) for e in self.people}

    def _roles(self, entity) -> list[str]:
        """The role the text gives a person, and the titles of the offices the person holds on
        the document date (`Jung` in 2009 → Verteidigungsminister; in an undated text any office)."""
        roles = [entity.role] if getattr(entity, "role", None) else []
        person = self.kb.get(getattr(entity, "kb_id", None) or "")
        if person is not None and hasattr(person, "offices_on"):
            offices = person.offices_on(self.when) if self.when else person.offices  # undated: any office held
            for office in offices:
                roles += self.kb.titles(person, office)
        return roles

    def person(self, phrase: str, head: str, start: int, end: int, look_ahead: bool = True):
        """The entity mention of the person a description refers to, or None."""
        countries = {of for _, of, _ in self.kb.resolve_title(phrase) if of is not None}
        fitting = [e for e in self.people if any(_same_role(r, head) for r in self.roles[id(e)]) and (not countries or getattr(e, "country", None) in countries | {None})]
        before = [e for e in fitting if e.end <= start]
        if before:
            return before[-1]
        after = [e for e in fitting if end <= e.start < end + LOOKAHEAD] if look_ahead else []
        return after[0] if after else None

    def office_holder(self, phrase: str):
        """The one person holding the office that `phrase` names on the document date."""
        readings = self.kb.resolve_title(phrase) if self.when else []
        if not readings or any(of is None for _, of, _ in readings):
            return None  # a bare `Minister` or `Präsident` names no one in particular
        try:
            holders = self.kb.office_holders(phrase, on_date=self.when)
        except (KeyError, ValueError):
            return None
        return holders[0] if len({h.id for h in holders}) == 1 else None


def fullest_names(entities: list) -> dict[str, str]:
    """Last name as written → the fullest name of that person in the text (`Gudenus` → `Johann
    Gudenus`): the house rule names people by the fullest name the text gives."""
    names: dict[str, str] = {}
    for entity in entities:
        name = getattr(entity, "name", None) or entity.text
        if getattr(entity, "label", "") != "PER" or " " not in name:
            continue
        last = name.rsplit(" ", 1)[-1]
        if len(name) > len(names.get(last, "")):
            names[last] = name
    return names
