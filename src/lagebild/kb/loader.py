"""Reading the bundled KB data and user files into a `KnowledgeBase`.

User files have the bundled format (JSON Lines, one record a line, see docs/kb.md);
records whose id is already known are merged into the existing entry.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from .countries import country_records
from .model import (
    Country,
    Entry,
    KnowledgeBase,
    Office,
    Organisation,
    Person,
    Place,
    TitleRule,
    clean,
    default_surname,
    fold,
    slugify,
)

ENV_VAR = "LAGEBILD_KB"
TITLES_FILE = "titles.tsv"
RECORD_TYPES = ("person", "org", "place", "country", "title")

_LIST_FIELDS = ("aliases", "abbr", "forms", "adjectives", "demonyms", "metonyms", "offices", "common_nouns", "definite_aliases")
_SHORT_KEYS = {"g": "gender", "nat": "nationality", "en": "name_en", "sn": "surname", "wd": "wikidata"}


class KBError(ValueError):
    """A malformed record in a KB file."""


def bundled_files() -> list[tuple[str, str]]:
    """(name, text) of the bundled JSONL files, in load order."""
    data = resources.files("lagebild.kb").joinpath("data")
    names = sorted(p.name for p in data.iterdir() if p.name.endswith(".jsonl"))
    names.sort(key=lambda n: (not n.startswith("orgs"), not n.startswith("places"), n))
    return [(n, data.joinpath(n).read_text("utf-8")) for n in names]


def read_records(text: str, source: str = "<text>") -> Iterator[dict[str, Any]]:
    """Records of a JSONL text (blank lines and lines starting with `#` or `//` are skipped)."""
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith(("#", "//")):
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KBError(f"{source}:{n}: not JSON: {exc}") from None
        if not isinstance(rec, dict):
            raise KBError(f"{source}:{n}: a record must be a JSON object")
        rec = {_SHORT_KEYS.get(k, k): v for k, v in rec.items()}
        rec["_source"] = f"{source}:{n}"
        yield rec


def _record_type(rec: dict[str, Any]) -> str:
    kind = rec.get("type")
    if kind is None:
        kind = "person" if ("offices" in rec or "gender" in rec) else "org"
    if kind not in RECORD_TYPES:
        raise KBError(f"{rec['_source']}: type {kind!r} not one of {RECORD_TYPES}")
    return kind


def _as_list(value: Any, where: str, key: str) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise KBError(f"{where}: {key} must be a list")
    return value


def _office_key(office: Any) -> tuple:
    if isinstance(office, dict):
        return (office.get("role"), office.get("of"), office.get("start"), office.get("end"))
    return tuple(office[:4]) if isinstance(office, list) else (office,)


def merge_record(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """`new` over `old`: lists are united (offices by role, of, start, end), other fields replaced."""
    if new.get("replace"):
        return dict(new)
    out = dict(old)
    for key, value in new.items():
        if key in _LIST_FIELDS:
            items = _as_list(out.get(key), new["_source"], key)
            seen = {_office_key(i) if key == "offices" else json.dumps(i, sort_keys=True) for i in items}
            for item in _as_list(value, new["_source"], key):
                k = _office_key(item) if key == "offices" else json.dumps(item, sort_keys=True)
                if k not in seen:
                    items.append(item)
                    seen.add(k)
            out[key] = items
        elif value is not None or key not in out:
            out[key] = value
    return out


def parse_office(raw: Any, where: str) -> Office:
    """`[role, of, start, end]` (optionally a 5th item: list of titles) or an object."""
    if isinstance(raw, list):
        if not 2 <= len(raw) <= 5:
            raise KBError(f"{where}: office list must be [role, of, start, end(, titles)]")
        role, of, *rest = raw
        start = rest[0] if len(rest) > 0 else None
        end = rest[1] if len(rest) > 1 else None
        titles = rest[2] if len(rest) > 2 else []
        source = None
    elif isinstance(raw, dict):
        role, of = raw.get("role"), raw.get("of")
        start, end = raw.get("start"), raw.get("end")
        titles, source = raw.get("titles") or [], raw.get("source")
    else:
        raise KBError(f"{where}: office must be a list or an object")
    if not isinstance(role, str) or not isinstance(of, str) or not role or not of:
        raise KBError(f"{where}: office needs a role and an `of` (country or org id)")
    for value in (start, end):
        if value is not None and not isinstance(value, str):
            raise KBError(f"{where}: office dates are strings (YYYY-MM-DD, YYYY-MM or YYYY) or null")
    return Office(role, of, start or None, end or None, tuple(_as_list(titles, where, "titles")), source)


def _common(rec: dict[str, Any]) -> dict[str, Any]:
    where = rec["_source"]
    definite = [clean(a) for a in _as_list(rec.get("definite_aliases"), where, "definite_aliases") if isinstance(a, str)]
    aliases = [clean(a) for a in _as_list(rec.get("aliases"), where, "aliases") if isinstance(a, str)] + definite
    common = frozenset(fold(n) for n in _as_list(rec.get("common_nouns"), where, "common_nouns") if isinstance(n, str))
    return {"id": rec["id"], "name": clean(rec["name"]), "aliases": tuple(dict.fromkeys(aliases)),
            "name_en": rec.get("name_en"), "wikidata": rec.get("wikidata"), "common_nouns": common,
            "definite_aliases": frozenset(fold(a) for a in definite)}


def build_entry(rec: dict[str, Any]) -> Entry:
    kind = _record_type(rec)
    where = rec["_source"]
    if kind == "person":
        offices = tuple(parse_office(o, where) for o in _as_list(rec.get("offices"), where, "offices"))
        name = clean(rec["name"])
        return Person(**_common(rec), label="PER", kind="person", country=rec.get("nationality"),
                      gender=rec.get("gender"), nationality=rec.get("nationality"),
                      party=rec.get("party"), offices=offices,
                      surname=rec["surname"] if "surname" in rec else default_surname(name))
    if kind == "org":
        return Organisation(**_common(rec), label=rec.get("label", "ORG"), kind=rec.get("kind", "org"),
                            country=rec.get("country"), abbr=tuple(_as_list(rec.get("abbr"), where, "abbr")),
                            metonyms=tuple(_as_list(rec.get("metonyms"), where, "metonyms")),
                            parent=rec.get("parent"))
    if kind == "place":
        return Place(**_common(rec), label=rec.get("label", "GPE"), kind=rec.get("kind", "place"),
                     country=rec.get("country"), parent=rec.get("parent"))
    return Country(**_common(rec), label="GPE", kind="country", country=rec["id"],
                   iso2=rec.get("iso2", ""), official_name=rec.get("official_name"),
                   capital=rec.get("capital"), adjectives=tuple(rec.get("adjectives") or ()),
                   forms=tuple(rec.get("forms") or ()), demonyms=tuple(rec.get("demonyms") or ()),
                   metonyms=tuple(rec.get("metonyms") or ()), sovereign=rec.get("sovereign", True))


def parse_title_rules(text: str, source: str = TITLES_FILE) -> list[TitleRule]:
    """`role <TAB> of|* <TAB> masculine|… <TAB> feminine|… [<TAB> =]`."""
    rules = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 3:
            raise KBError(f"{source}:{n}: expected role, of, masculine, feminine[, =]")
        cells += [""] * (5 - len(cells))
        role, of, masc, fem, mode = (c.strip() for c in cells[:5])
        rules.append(TitleRule(role, None if of in ("*", "") else of, _bar(masc), _bar(fem), mode == "="))
    return rules


def _bar(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


def _title_rule(rec: dict[str, Any]) -> TitleRule:
    where = rec["_source"]
    if not rec.get("role"):
        raise KBError(f"{where}: a title record needs a role")
    return TitleRule(rec["role"], rec.get("of"), tuple(_as_list(rec.get("m"), where, "m")),
                     tuple(_as_list(rec.get("f"), where, "f")), bool(rec.get("replace")))


def _user_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        path = Path(p).expanduser()
        if path.is_dir():
            files.extend(sorted(path.glob("*.jsonl")))
        elif path.exists():
            files.append(path)
        else:
            raise FileNotFoundError(f"KB file not found: {path}")
    return files


def build_kb(sources: Iterable[tuple[str, str]], *, home: str = "DEU", with_countries: bool = True,
             titles_text: str | None = None) -> KnowledgeBase:
    """A KB from (name, JSONL text) sources, on top of the generated countries and the titles table."""
    records: dict[str, dict[str, Any]] = {}
    rules: list[TitleRule] = []
    if titles_text is not None:
        rules.extend(parse_title_rules(titles_text))
    if with_countries:
        for rec in country_records():
            rec["_source"] = "countries"
            records[rec["id"]] = rec
    for name, text in sources:
        for rec in read_records(text, name):
            kind = _record_type(rec)
            if kind == "title":
                rules.append(_title_rule(rec))
                continue
            if "name_if_new" in rec:  # importers: a name for a new entry, an alias for a known one
                fallback = rec.pop("name_if_new")
                if rec.get("id") in records:
                    rec["aliases"] = [fallback, *_as_list(rec.get("aliases"), rec["_source"], "aliases")]
                else:
                    rec.setdefault("name", fallback)
            if not rec.get("name") and rec.get("id") not in records:
                raise KBError(f"{rec['_source']}: a record needs a name")
            if not rec.get("id"):
                rec["id"] = slugify(rec["name"])
            rec["type"] = kind
            old = records.get(rec["id"])
            if old is not None:
                if old["type"] != kind:
                    raise KBError(f"{rec['_source']}: id {rec['id']!r} is already a {old['type']} ({old['_source']})")
                rec = merge_record(old, rec)
            records[rec["id"]] = rec
    entries = []
    for rec in records.values():
        try:
            entries.append(build_entry(rec))
        except (TypeError, KeyError) as exc:
            raise KBError(f"{rec.get('_source')}: bad record: {exc}") from None
    return KnowledgeBase(entries, rules, home=home)


_CACHE: dict[tuple, KnowledgeBase] = {}


def load_kb(extra_paths: Iterable[str | os.PathLike[str]] = (), *, home: str = "DEU",
            use_env: bool = True, cache: bool = True) -> KnowledgeBase:
    """The bundled KB merged with user files (JSONL; a directory means its `*.jsonl`).

    Files named in the environment variable `LAGEBILD_KB` (separated by `os.pathsep`) are
    added after `extra_paths` when `use_env`. Results are cached per (files, mtimes, home).
    """
    paths = list(extra_paths)
    if use_env and os.environ.get(ENV_VAR):
        paths.extend(p for p in os.environ[ENV_VAR].split(os.pathsep) if p)
    files = _user_files(paths)
    key = (home, tuple((str(f.resolve()), f.stat().st_mtime_ns) for f in files))
    if cache and key in _CACHE:
        return _CACHE[key]
    data = resources.files("lagebild.kb").joinpath("data")
    sources = bundled_files() + [(str(f), f.read_text("utf-8")) for f in files]
    kb = build_kb(sources, home=home, titles_text=data.joinpath(TITLES_FILE).read_text("utf-8"))
    if cache:
        _CACHE[key] = kb
    return kb
