"""The knowledge base: countries, organisations, places and people with their offices.

Pure Python and read-only once built. A `KnowledgeBase` is built by `lagebild.kb.load_kb`
(usually once per process) and answers three kinds of question:

* `lookup(alias)` / `match(alias)`: which entries a name, spelling variant, inflected
  country form (`Russlands`, `belarussischen`), metonym (`Kreml`) or demonym names;
* `office_holders(title_or_role, country_or_org, on_date)`: who held an office then
  (`Bundeskanzler`, `DEU`, `2021-06-14` → Angela Merkel);
* `get(id)`: an entry by its id (`RUS`, `nato`, `wladimir-putin`).
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

DateLike = date | str | int | None

LABELS = ("PER", "ORG", "GPE", "LOC")
GENDERS = ("m", "f", "d", None)

# ---------------------------------------------------------------------------
# normalisation

_DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "’": "'", "‘": "'", "`": "'", "´": "'"})
_FOLD_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})
_SPACES = re.compile(r"\s+")
_ARTICLES = ("der ", "die ", "das ", "des ", "dem ", "den ")


def clean(text: str) -> str:
    """NFC, plain hyphens and apostrophes, single spaces, stripped."""
    text = unicodedata.normalize("NFC", text).translate(_DASHES)
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive key (`Erdoğan` = `erdogan`, `Weißrussland` = `weissrussland`)."""
    text = clean(text).casefold().translate(_FOLD_EXTRA)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """`Wladimir Putin` → `wladimir-putin`, `Markus Söder` → `markus-soeder`; used for ids."""
    text = clean(text).casefold()
    for umlaut, plain in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, plain)
    text = fold(text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


_PARTICLES = frozenset({"von", "van", "de", "der", "den", "da", "di", "del", "della", "la", "le", "ter", "zu",
                        "al", "el", "bin", "ibn", "dos", "do", "du"})


def default_surname(name: str) -> str | None:
    """`Angela Merkel` → `Merkel`; `Ursula von der Leyen` → `von der Leyen`; one word → None."""
    words = clean(name).split()
    if len(words) < 2:
        return None
    i = len(words) - 1
    while i > 1 and words[i - 1].casefold() in _PARTICLES:
        i -= 1
    return " ".join(words[i:])


def _is_acronym(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return 1 < len(letters) <= 6 and all(ch.isupper() for ch in letters)


# ---------------------------------------------------------------------------
# dates


def _parse_date(value: DateLike, *, upper: bool) -> date | None:
    """`2021`, `2021-06`, `2021-06-14` or a date → first (or, with `upper`, last) day it covers."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    if isinstance(value, int):
        value = str(value)
    parts = value.strip().split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 12, 31) if upper else date(year, 1, 1)
        month = int(parts[1])
        if len(parts) == 2:
            return date(year, month, calendar.monthrange(year, month)[1]) if upper else date(year, month, 1)
        return date(year, month, int(parts[2]))
    except (ValueError, IndexError):
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}") from None


def period(when: DateLike) -> tuple[date, date]:
    """The days a date value covers: `2021` → the year, `2021-06` → June, a day → that day."""
    lo, hi = _parse_date(when, upper=False), _parse_date(when, upper=True)
    if lo is None or hi is None:
        return date.min, date.max
    return lo, hi


def is_valid_date(value: str | None) -> bool:
    if value is None:
        return True
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    try:
        _parse_date(value, upper=False)
    except ValueError:
        return False
    return True


# ---------------------------------------------------------------------------
# entries


@dataclass(frozen=True, slots=True)
class Office:
    """One term in an office: `role` (a key such as `head_of_government`) of `of` (ISO-3 or org id)."""

    role: str
    of: str
    start: str | None = None
    end: str | None = None  # None: ongoing
    titles: tuple[str, ...] = ()  # titles this holder bore beyond those of the titles table
    source: str | None = None  # e.g. a Wikidata position id

    @property
    def first_day(self) -> date:
        return _parse_date(self.start, upper=False) or date.min

    @property
    def last_day(self) -> date:
        return _parse_date(self.end, upper=True) or date.max

    def overlap_days(self, lo: date, hi: date) -> int:
        """Days this term shares with [lo, hi] (0: none; at least 1 if they touch)."""
        a, b = max(lo, self.first_day), min(hi, self.last_day)
        if a > b:
            return 0
        return (b - a).days + 1

    def active_on(self, when: DateLike) -> bool:
        lo, hi = period(when)
        return self.overlap_days(lo, hi) > 0


@dataclass(slots=True, eq=False, kw_only=True, repr=False)
class Entry:
    id: str
    name: str
    label: str  # PER, ORG, GPE or LOC
    kind: str  # person, country, state, intl_org, eu_institution, institution, party, media, ...
    country: str | None = None  # ISO-3
    aliases: tuple[str, ...] = ()
    name_en: str | None = None
    wikidata: str | None = None
    # names among `name`/`aliases` that are common nouns rather than proper names: the entry is
    # the referent (`die Bundesregierung`, `die Sozialdemokraten`), but the word is no name
    common_nouns: frozenset[str] = frozenset()  # folded
    # common nouns among the aliases that name the entry only with the definite article and outside
    # a prepositional phrase: `die Bahn erhöht die Preise` (Deutsche Bahn), not `mit der Bahn`
    definite_aliases: frozenset[str] = frozenset()  # folded

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.id!r}, {self.name!r})"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def is_common_noun(self, name: str) -> bool:
        """Whether `name` (one of the entry's names) is a common noun: `Bundesregierung`, `Sozialdemokraten`."""
        return fold(name) in self.common_nouns


@dataclass(slots=True, eq=False, kw_only=True, repr=False)
class Country(Entry):
    iso2: str = ""
    official_name: str | None = None
    capital: str | None = None
    adjectives: tuple[str, ...] = ()  # stems: `russisch`; prefixes end in `-`: `US-`
    forms: tuple[str, ...] = ()  # inflected names: `Russlands`, `der USA`
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()  # capitals and seats of power: `Moskau`, `Kreml`
    sovereign: bool = True

    @property
    def iso3(self) -> str:
        return self.id


@dataclass(slots=True, eq=False, kw_only=True, repr=False)
class Organisation(Entry):
    abbr: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()  # `Brüssel` for the EU
    parent: str | None = None  # id of the organisation this one belongs to


@dataclass(slots=True, eq=False, kw_only=True, repr=False)
class Place(Entry):
    parent: str | None = None


@dataclass(slots=True, eq=False, kw_only=True, repr=False)
class Person(Entry):
    gender: str | None = None  # m, f (d)
    nationality: str | None = None  # ISO-3
    party: str | None = None  # org id
    offices: tuple[Office, ...] = ()
    surname: str | None = None

    def offices_on(self, when: DateLike) -> list[Office]:
        """Offices held at any time during `when` (a day, `YYYY-MM` or `YYYY`)."""
        lo, hi = period(when)
        return [o for o in self.offices if o.overlap_days(lo, hi) > 0]

    @property
    def prominence(self) -> int:
        weights = {"head_of_state": 5, "head_of_government": 5, "secretary_general": 3,
                   "foreign_minister": 3, "defence_minister": 3, "president": 3,
                   "high_representative": 3, "party_leader": 2}
        return max((weights.get(o.role, 1) for o in self.offices), default=0)


@dataclass(frozen=True, slots=True)
class Match:
    """A lookup hit: the entry, and how the text named it."""

    entry: Entry
    via: str  # name, alias, abbr, code, form, adjective, demonym, metonym, surname

    @property
    def rank(self) -> int:
        return _VIA_RANK.get(self.via, 9)


_VIA_RANK = {"name": 0, "alias": 1, "abbr": 1, "form": 2, "adjective": 3, "demonym": 3,
             "metonym": 4, "code": 4, "surname": 5}


@dataclass(frozen=True, slots=True)
class TitleRule:
    """German titles of a role: for one country/org (`of`) or for all (`of` = None).

    `replace`: for this `of`, the generic titles of the role do not apply (a king is no `Präsident`).
    """

    role: str
    of: str | None
    masculine: tuple[str, ...]
    feminine: tuple[str, ...]
    replace: bool = False


# ---------------------------------------------------------------------------
# the knowledge base


_ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
_TITLE_ENDINGS = ("", "s", "es", "en", "n", "nen")


class KnowledgeBase:
    """Entries by id plus the indices behind `lookup` and `office_holders`."""

    def __init__(self, entries: Iterable[Entry], title_rules: Iterable[TitleRule] = (), *, home: str = "DEU"):
        self.home = home
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            self._entries[entry.id] = entry
        self.title_rules: tuple[TitleRule, ...] = tuple(title_rules)
        self._build()

    # -- container protocol -------------------------------------------------
    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def get(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    @property
    def people(self) -> list[Person]:
        return [e for e in self._entries.values() if isinstance(e, Person)]

    @property
    def countries(self) -> list[Country]:
        return [e for e in self._entries.values() if isinstance(e, Country)]

    @property
    def organisations(self) -> list[Organisation]:
        return [e for e in self._entries.values() if isinstance(e, Organisation)]

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(self._by_role)

    # -- indices --------------------------------------------------------------
    def _build(self) -> None:
        self._exact: dict[str, list[tuple[str, str]]] = {}
        self._folded: dict[str, list[tuple[str, str, bool]]] = {}
        self._codes: dict[str, str] = {}
        self._by_role: dict[str, list[tuple[Person, Office]]] = {}
        for entry in self._entries.values():
            self._add(entry.name, entry.id, "name")
            for alias in entry.aliases:
                self._add(alias, entry.id, "alias")
            if entry.name_en:
                self._add(entry.name_en, entry.id, "alias")
            if isinstance(entry, Organisation):
                for abbr in entry.abbr:
                    self._add(abbr, entry.id, "abbr")
                for met in entry.metonyms:
                    self._add(met, entry.id, "metonym")
            elif isinstance(entry, Country):
                self._index_country(entry)
            elif isinstance(entry, Person):
                if entry.surname:
                    self._add(entry.surname, entry.id, "surname")
                    if entry.surname == default_surname(entry.name):  # `Zelensky` from `Volodymyr Zelensky`
                        for alias in entry.aliases:
                            sn = default_surname(alias)
                            if sn:
                                self._add(sn, entry.id, "surname")
                for office in entry.offices:
                    self._by_role.setdefault(office.role, []).append((entry, office))
        for holders in self._by_role.values():
            holders.sort(key=lambda po: po[1].first_day)
        self._build_titles()

    def _index_country(self, c: Country) -> None:
        self._codes[c.id] = c.id
        if c.iso2:
            self._codes[c.iso2] = c.id
            self._add(c.iso2, c.id, "code", fold_too=False)
        self._add(c.id, c.id, "code", fold_too=False)
        for form in c.forms:
            self._add(form, c.id, "form")
        for adj in c.adjectives:
            if adj.endswith("-"):  # prefix: `US-`
                self._add(adj, c.id, "adjective")
                continue
            for ending in _ADJ_ENDINGS:
                self._add(adj + ending, c.id, "adjective")
        for dem in c.demonyms:
            self._add(dem, c.id, "demonym")
            for extra in _demonym_forms(dem):
                self._add(extra, c.id, "demonym")
        for met in c.metonyms:
            self._add(met, c.id, "metonym")
        if c.capital:
            self._add(c.capital, c.id, "metonym")

    def _add(self, text: str, entry_id: str, via: str, *, fold_too: bool = True) -> None:
        key = clean(text)
        if not key:
            return
        hits = self._exact.setdefault(key, [])
        if (entry_id, via) not in hits:
            hits.append((entry_id, via))
        if fold_too and sum(ch.isalpha() for ch in key) > 1:
            fhits = self._folded.setdefault(fold(key), [])
            item = (entry_id, via, _is_acronym(key))
            if item not in fhits:
                fhits.append(item)

    # -- lookup -----------------------------------------------------------------
    def match(self, alias: str) -> list[Match]:
        """All entries `alias` may name, best first, each with how it matched.

        Tries, in order, until something matches: the exact text; case- and accent-insensitive
        (for names of more than two letters; an all-lowercase query does not match an acronym,
        so `who` is not the WHO); without a leading article (`der Türkei`); without a genitive
        `s`/`'s` (`Putins`, `Nato's`).
        """
        text = clean(alias)
        if not text:
            return []
        hits = self._match_once(text)
        if not hits:
            low = text.casefold()
            for article in _ARTICLES:
                if low.startswith(article):
                    hits = self._match_once(text[len(article):])
                    break
        if not hits:
            for suffix in ("'s", "'", "s"):
                if text.endswith(suffix) and len(text) - len(suffix) >= 3:
                    hits = [h for h in self._match_once(text[: -len(suffix)])
                            if h.via in ("name", "alias", "abbr", "surname")]
                    if hits:
                        break
        return hits

    def _match_once(self, text: str) -> list[Match]:
        found: dict[str, str] = {}
        for entry_id, via in self._exact.get(text, ()):
            found.setdefault(entry_id, via)
        if not found and sum(ch.isalpha() for ch in text) > 2:
            lower_query = text == text.lower()
            for entry_id, via, acronym in self._folded.get(fold(text), ()):
                if acronym and lower_query:
                    continue
                found.setdefault(entry_id, via)
        matches = [Match(self._entries[i], v) for i, v in found.items()]
        matches.sort(key=lambda m: (m.rank, -_prominence(m.entry)))
        return matches

    def alias_items(self) -> Iterator[tuple[str, str, str]]:
        """Every indexed name as (text, entry id, via): what a text scanner builds its index from."""
        for text, hits in self._exact.items():
            for entry_id, via in hits:
                yield text, entry_id, via

    def lookup(self, alias: str) -> list[Entry]:
        """Entries `alias` may name, best first (see `match`)."""
        return [m.entry for m in self.match(alias)]

    def country(self, name_or_code: str) -> Country | None:
        """A country by ISO-2/ISO-3 code, name, inflected form, adjective or metonym."""
        code = self._codes.get(name_or_code.strip().upper()) if len(name_or_code.strip()) in (2, 3) else None
        if code:
            return self._entries[code]  # type: ignore[return-value]
        for m in self.match(name_or_code):
            if isinstance(m.entry, Country):
                return m.entry
        return None

    # -- titles and offices -------------------------------------------------------
    def _build_titles(self) -> None:
        self._title_index: dict[str, set[tuple[str, str | None, str]]] = {}
        self._replaced: set[tuple[str, str]] = set()
        self._rules: dict[tuple[str, str | None], list[TitleRule]] = {}
        for rule in self.title_rules:
            self._rules.setdefault((rule.role, rule.of), []).append(rule)
            if rule.replace and rule.of:
                self._replaced.add((rule.role, rule.of))
            for t in rule.masculine:
                self._title_index.setdefault(fold(t), set()).add((rule.role, rule.of, "m"))
            for t in rule.feminine:
                self._title_index.setdefault(fold(t), set()).add((rule.role, rule.of, "f"))
        for holders in self._by_role.values():
            for person, office in holders:
                for t in office.titles:
                    self._title_index.setdefault(fold(t), set()).add((office.role, office.of, person.gender or "m"))

    def titles(self, person: Person, office: Office) -> list[str]:
        """The German titles `person` bore in `office`, most specific first."""
        fem = person.gender == "f"
        out: list[str] = list(office.titles)
        keys: list[tuple[str, str | None]] = [(office.role, office.of)]
        if (office.role, office.of) not in self._replaced:
            keys.append((office.role, None))
        for key in keys:
            for rule in self._rules.get(key, ()):
                out.extend(rule.feminine if fem and rule.feminine else rule.masculine)
        return list(dict.fromkeys(out))

    def _title_hits(self, text: str) -> set[tuple[str, str | None, str]]:
        key = fold(text)
        for ending in _TITLE_ENDINGS:
            if ending and not key.endswith(ending):
                continue
            hits = self._title_index.get(key[: len(key) - len(ending)] if ending else key)
            if hits:
                return hits
        return set()

    def resolve_title(self, title: str) -> list[tuple[str, str | None, str | None]]:
        """`(role, of, gender)` readings of a German title; `of` None: any country/org, gender None: any.

        Understands table titles (`Bundeskanzler`, `Kreml-Chef`), their inflected forms
        (`Bundeskanzlers`, `US-Präsidenten`), a country/org prefix (`Nato-Chef`, `EU-Außenbeauftragte`),
        a country adjective (`russischer Präsident`) and a following genitive (`Präsident Russlands`,
        `Außenminister der USA`). A feminine-only form (`Kanzlerin`) restricts to women.
        """
        text = clean(title)
        low = text.casefold()
        for article in _ARTICLES:
            if low.startswith(article):
                text = text[len(article):]
                break
        hits = self._title_hits(text)
        if hits:
            return _readings(hits, None)
        words = text.split(" ")
        if len(words) >= 2:
            # `russischer Präsident`, `französische Außenministerin`
            first = self._country_or_org(words[0])
            if first:
                hits = self._title_hits(" ".join(words[1:]))
                if hits:
                    return _readings(hits, first)
            # `Präsident Russlands`, `Außenminister der USA`, `Generalsekretär der Nato`
            for cut in range(len(words) - 1, 0, -1):
                hits = self._title_hits(" ".join(words[:cut]))
                if hits:
                    tail = self._country_or_org(" ".join(words[cut:]))
                    if tail:
                        return _readings(hits, tail)
                    break
        if "-" in text:
            prefix, rest = text.split("-", 1)
            owners = self._country_or_org(prefix) or self._country_or_org(prefix + "-")
            if owners and rest:
                hits = self._title_hits(rest[0].upper() + rest[1:])
                if hits:
                    return _readings(hits, owners)
        return []

    def _country_or_org(self, text: str) -> set[str]:
        text = text.strip()
        if text in self._codes:
            return {self._codes[text]}
        if text in self._entries and not isinstance(self._entries[text], Person):
            return {text}
        return {m.entry.id for m in self.match(text) if not isinstance(m.entry, Person) and m.via != "surname"}

    def _owners(self, country_or_org: str | Iterable[str] | None) -> set[str] | None:
        if country_or_org is None:
            return None
        if isinstance(country_or_org, str):
            found = self._country_or_org(country_or_org)
            if not found:
                raise KeyError(f"unknown country or organisation: {country_or_org!r}")
            return found
        out: set[str] = set()
        for item in country_or_org:
            out |= self._owners(item) or set()
        return out

    def offices(self, title_or_role: str, country_or_org: str | Iterable[str] | None = None,
                on_date: DateLike = None) -> list[tuple[Person, Office]]:
        """(person, office) pairs for a title or role key, best match first.

        `country_or_org`: an ISO code, id or any name `lookup` understands; None: any (or the
        one the title names). `on_date`: a day, `YYYY-MM` or `YYYY`; terms overlapping it count;
        None: all terms. Order: offices of `self.home` (DEU) first (`Bundeskanzler` alone is the
        German one), then the term covering most of `on_date`, then the later term
        (without `on_date`: the earlier term).
        """
        if title_or_role in self._by_role:
            readings: list[tuple[str, str | None, str | None]] = [(title_or_role, None, None)]
        else:
            readings = self.resolve_title(title_or_role)
        owners = self._owners(country_or_org)
        lo, hi = period(on_date)
        scored: list[tuple[int, int, date, Person, Office]] = []
        seen: set[tuple[str, Office]] = set()
        for role, of, gender in readings:
            for person, office in self._by_role.get(role, ()):
                if of is not None and office.of != of:
                    continue
                if of is None and title_or_role not in self._by_role and (role, office.of) in self._replaced:
                    continue  # a king is no `Präsident`
                if owners is not None and office.of not in owners:
                    continue
                if gender == "f" and person.gender != "f":
                    continue
                days = office.overlap_days(lo, hi)
                if days == 0 or (person.id, office) in seen:
                    continue
                seen.add((person.id, office))
                scored.append((days, office.of == self.home, office.first_day, person, office))
        if on_date is None:
            scored.sort(key=lambda s: (not s[1], s[2]))
        else:
            scored.sort(key=lambda s: (not s[1], -s[0], -s[2].toordinal()))
        return [(s[3], s[4]) for s in scored]

    def office_holders(self, title_or_role: str, country_or_org: str | Iterable[str] | None = None,
                       on_date: DateLike = None) -> list[Person]:
        """People who held the office then, best first (see `offices`).

        >>> kb.office_holders("Bundeskanzler", "DEU", "2021-06-14")   # [Person('angela-merkel', …)]
        """
        return list(dict.fromkeys(p for p, _ in self.offices(title_or_role, country_or_org, on_date)))

    # -- integrity ----------------------------------------------------------------
    def validate(self) -> list[str]:
        """Problems in the data (dangling references, bad dates, …); empty when all is well."""
        problems: list[str] = []
        for e in self._entries.values():
            if e.label not in LABELS:
                problems.append(f"{e.id}: label {e.label!r} not one of {LABELS}")
            if e.country and not isinstance(self._entries.get(e.country), Country):
                problems.append(f"{e.id}: unknown country {e.country!r}")
            if isinstance(e, Organisation | Place) and e.parent and e.parent not in self._entries:
                problems.append(f"{e.id}: unknown parent {e.parent!r}")
            problems.extend(f"{e.id}: common noun {c!r} is none of its names"
                            for c in sorted((e.common_nouns | e.definite_aliases) - {fold(n) for n in e.names}))
            if not isinstance(e, Person):
                continue
            if e.gender not in GENDERS:
                problems.append(f"{e.id}: gender {e.gender!r}")
            if e.nationality and not isinstance(self._entries.get(e.nationality), Country):
                problems.append(f"{e.id}: unknown nationality {e.nationality!r}")
            if e.party and e.party not in self._entries:
                problems.append(f"{e.id}: unknown party {e.party!r}")
            if not e.offices:
                problems.append(f"{e.id}: no office")
            for o in e.offices:
                if o.of not in self._entries:
                    problems.append(f"{e.id}: office {o.role} of unknown {o.of!r}")
                if not (is_valid_date(o.start) and is_valid_date(o.end)):
                    problems.append(f"{e.id}: office {o.role} bad date {o.start!r}/{o.end!r}")
                elif o.first_day > o.last_day:
                    problems.append(f"{e.id}: office {o.role} of {o.of} ends before it starts")
        return problems


def _readings(hits: set[tuple[str, str | None, str]], owners: set[str] | None) -> list[tuple[str, str | None, str | None]]:
    genders = {g for _, _, g in hits}
    gender = "f" if genders == {"f"} else None
    out: set[tuple[str, str | None, str | None]] = set()
    for role, of, _ in hits:
        if owners is None:
            out.add((role, of, gender))
        elif of is None:
            out.update((role, o, gender) for o in owners)
        elif of in owners:
            out.add((role, of, gender))
    return sorted(out, key=lambda r: (r[0], r[1] or ""))


def _demonym_forms(word: str) -> tuple[str, ...]:
    """`Russe` → `Russen`; `Norweger` → `Norwegern`; `Russin` → `Russinnen`."""
    if word.endswith("in"):
        return (word + "nen",)
    if word.endswith("e") or word.endswith("er"):
        return (word + "n",)
    return ()


def _prominence(entry: Entry) -> int:
    if isinstance(entry, Person):
        return entry.prominence
    if isinstance(entry, Country):
        return 6 if entry.sovereign else 4
    return 5
