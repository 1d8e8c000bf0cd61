"""Knowledge base of countries, organisations, places and political actors with their offices.

    from lagebild.kb import load_kb
    kb = load_kb()                       # bundled data (+ user files, see docs/kb.md)
    kb.lookup("Kreml")                   # [Country('RUS', 'Russland')]
    kb.office_holders("Bundeskanzler", "DEU", "2021-06-14")   # [Person('angela-merkel', …)]
"""

from .loader import KBError, build_kb, load_kb
from .model import (
    Country,
    Entry,
    KnowledgeBase,
    Match,
    Office,
    Organisation,
    Person,
    Place,
    TitleRule,
    period,
)
from .wikidata import ImportStats, import_wikidata

__all__ = [
    "Country",
    "Entry",
    "ImportStats",
    "KBError",
    "KnowledgeBase",
    "Match",
    "Office",
    "Organisation",
    "Person",
    "Place",
    "TitleRule",
    "build_kb",
    "import_wikidata",
    "load_kb",
    "period",
]
