"""PLOVER actors from entity mentions and statement speakers: name, KB id, country, sector.

Country and sector come from the entity's knowledge-base entry (lang/de/plover_sectors.tsv
maps entry kinds and office roles to sectors): a person by the office held on the event
date, else the party; an organisation by its kind; a state acting abroad is its government.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from lagebild.document import Span
from lagebild.events.descriptions import fullest_names
from lagebild.events.model import Actor
from lagebild.kb import KnowledgeBase, Organisation, Person
from lagebild.kb.model import fold
from lagebild.lang import read_rows
from lagebild.lang.de.function_words import ARTICLES


@lru_cache(maxsize=2)
def sector_table(lang: str = "de") -> dict[str, tuple[str | None, str | None]]:
    return {key: (None if sector == "-" else sector, None if country == "-" else country) for key, sector, country in read_rows(lang, "plover_sectors.tsv")}


class ActorFactory:
    def __init__(self, kb: KnowledgeBase, when: str | None, entities: list = ()):
        self.kb = kb
        self.when = when
        self.table = sector_table()
        self.spelled = _text_spellings(entities)
        self.usual = _usual_names(entities)
        self.fullest = fullest_names(entities)

    def from_mention(self, entity, mention: Span) -> Actor:
        kb_id = getattr(entity, "kb_id", None)
        name = getattr(entity, "name", None) or entity.text
        name = self.spelled.get(fold(name), name)
        if getattr(entity, "label", "") == "ORG":
            name = self.usual.get(name, name)
        elif getattr(entity, "label", "") == "PER" and " " not in name:  # `Gudenus` → Johann Gudenus
            name = self.fullest.get(entity.text) or self.fullest.get(name) or name
        country = getattr(entity, "country", None)
        sector, fallback_country = self._sector(kb_id)
        return Actor(name, kb_id, country or fallback_country, sector, mention)

    def from_name(self, name: str, kb_id: str | None, mention: Span | None) -> Actor:
        """A statement speaker the entities layer did not mark (`die Opposition`)."""
        entry = self.kb.get(kb_id) if kb_id else None
        sector, fallback_country = self._sector(kb_id)
        if entry is not None:
            return Actor(entry.name, kb_id, entry.country or fallback_country, sector, mention)
        first, _, rest = name.partition(" ")
        if rest and first.lower() in ARTICLES:  # `Die Opposition` → Opposition
            name = rest
        return Actor(name, None, None, None, mention)

    def _sector(self, kb_id: str | None) -> tuple[str | None, str | None]:
        entry = self.kb.get(kb_id) if kb_id else None
        if entry is None:
            return None, None
        if f"id:{entry.id}" in self.table:
            return self.table[f"id:{entry.id}"]
        if isinstance(entry, Person):
            return self._person_sector(entry), None
        sector, country = self.table.get(f"kind:{entry.kind}", (None, None))
        if isinstance(entry, Organisation) and entry.parent and country is None:
            parent = self.table.get(f"id:{entry.parent}")
            country = parent[1] if parent else None
        return sector, country

    def _person_sector(self, person: Person) -> str | None:
        offices = person.offices_on(self.when) if self.when else []
        for office in offices:
            sector = self.table.get(f"role:{office.role}", (None, None))[0]
            if sector:
                return sector
        if person.offices and self.when:
            return "ELI"  # a former official
        return "PTY" if person.party else None


def _usual_names(entities) -> dict[str, str]:
    """An organisation's name as this text gives it: the abbreviation when the text uses it
    and never spells the name out (`GDL` rather than `Gewerkschaft Deutscher Lokomotivführer`;
    a text that writes `Deutsche Bahn` once keeps the full name, as people keep their fullest)."""
    forms: dict[str, Counter[str]] = {}
    for entity in entities:
        name = getattr(entity, "name", None)
        if name and getattr(entity, "label", "") == "ORG":
            forms.setdefault(name, Counter())[entity.text] += 1
    usual = {}
    for name, counts in forms.items():
        if any(not _is_acronym(text) for text in counts):
            continue
        text, n = counts.most_common(1)[0]
        if n > 1 and text != name:  # a name the text keeps using
            usual[name] = text
    return usual


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 1 < len(letters) <= 6 and all(c.isupper() for c in letters)


def _text_spellings(entities) -> dict[str, str]:
    """Names as the text spells them where the knowledge base differs only in accents
    (`Recep Tayyip Erdogan` for `Recep Tayyip Erdoğan`, also when the text writes only
    `Erdogan`)."""
    spelled = {}
    for entity in entities:
        name = getattr(entity, "name", None)
        if not name or entity.text == name:
            continue
        if fold(entity.text) == fold(name):
            spelled[fold(name)] = entity.text
            continue
        head, _, last = name.rpartition(" ")
        if head and entity.text != last and fold(entity.text) == fold(last):
            spelled.setdefault(fold(name), f"{head} {entity.text}")
    return spelled
