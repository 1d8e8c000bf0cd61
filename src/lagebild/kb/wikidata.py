"""Import people and organisations from a Wikidata JSON entity dump into a user KB file.

The dump is the public format (`latest-all.json.gz` or a filtered extract of it): a `[` line,
one entity per line each ending in `,`, a `]` line; plain or gzip. The importer streams it
twice and never holds more than the selected entities:

1. humans (P31 = Q5) with a German label and (by default) at least one position held (P39),
   organisations (P31 in `ORG_CLASSES`), and ISO 3166-1 alpha-3 codes (P298) of countries;
2. the German labels, jurisdictions (P1001) and classes (P279/P31) of the positions and
   parties the humans refer to.

Each P39 statement becomes an office: start (P580) and end (P582) qualifiers at the
precision Wikidata gives (day, month or year), the position's German label as its title,
the role from `POSITION_ROLES`/`POSITION_CLASS_ROLES` (else `position`), and `of` from the
`of` (P642) qualifier or the position's jurisdiction (P1001), else the person's citizenship.

    stats = import_wikidata("extract.json.gz", "~/.config/lagebild/wikidata.jsonl")
    kb = load_kb([stats.out_path])

Ids of imported entries are their Wikidata ids (`Q567`), so they never collide with the
bundled slugs; organisations in `KNOWN_ORGS` are merged into the bundled entry instead, and
countries (entities with P298) are written under their ISO-3 code: a country the KB already
has only gains the Wikidata label as an alias (`name_if_new`).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HUMAN = "Q5"
GENDERS = {"Q6581097": "m", "Q6581072": "f", "Q2449503": "m", "Q1052281": "f"}

# Classes (P31) an entity must have to be imported as an organisation, and the `kind` it gets.
ORG_CLASSES = {
    "Q7278": "party",  # political party
    "Q484652": "intl_org",  # international organization
    "Q327333": "institution",  # government agency
    "Q11032": "media",  # newspaper
    "Q192283": "media",  # news agency
    "Q1002697": "media",  # periodical literature
    "Q43229": "org",  # organization
}

# Classes of positions (P279 or P31 of the position entity) → role key.
POSITION_CLASS_ROLES = {
    "Q48352": "head_of_state",
    "Q2285706": "head_of_government",
    "Q7330070": "foreign_minister",
}

# Individual positions → (role, of); extend with the `position_roles` argument.
POSITION_ROLES: dict[str, tuple[str, str]] = {
    "Q11696": ("head_of_state", "USA"),  # President of the United States
}

# Wikidata ids of organisations the bundled KB has under its own id.
KNOWN_ORGS = {"Q7184": "nato", "Q458": "eu", "Q1065": "un", "Q7817": "who", "Q7804": "imf"}

_PAREN = re.compile(r"\s*\([^)]*\)\s*$")


@dataclass(slots=True)
class ImportStats:
    entities: int = 0  # entities read (first pass)
    people: int = 0  # people written
    offices: int = 0  # offices written
    organisations: int = 0  # organisations written (new or merged)
    countries: int = 0  # country ISO codes learnt from the dump
    skipped_offices: int = 0  # positions held that could not be tied to a country or org
    out_path: Path | None = None


def _open(path: Path) -> io.TextIOBase:
    with open(path, "rb") as fh:
        magic = fh.read(2)
    if magic == b"\x1f\x8b":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8")
    return open(path, encoding="utf-8")  # noqa: SIM115 - closed by the caller


def iter_entities(dump_path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """Entities of a dump, one at a time."""
    with _open(Path(dump_path)) as fh:
        for line in fh:
            line = line.strip()
            if line.endswith(","):
                line = line[:-1]
            if not line or line in ("[", "]"):
                continue
            yield json.loads(line)


def _claims(entity: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    return [c for c in entity.get("claims", {}).get(prop, ()) if c.get("rank") != "deprecated"]


def _value(snak: dict[str, Any]) -> Any:
    if snak.get("snaktype", "value") != "value":
        return None
    return snak.get("datavalue", {}).get("value")


def _item_ids(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in _claims(entity, prop):
        value = _value(claim.get("mainsnak", {}))
        if isinstance(value, dict) and value.get("id"):
            out.append(value["id"])
    return out


def _strings(entity: dict[str, Any], prop: str) -> list[str]:
    out = []
    for claim in _claims(entity, prop):
        value = _value(claim.get("mainsnak", {}))
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict) and isinstance(value.get("text"), str):
            out.append(value["text"])  # monolingual text
    return out


def wikidata_time(value: Any) -> str | None:
    """`{"time": "+2005-11-22T00:00:00Z", "precision": 11}` → `2005-11-22` (10 → month, 9 → year)."""
    if not isinstance(value, dict) or not isinstance(value.get("time"), str):
        return None
    m = re.match(r"^\+?(\d{4,})-(\d\d)-(\d\d)", value["time"])
    if not m:
        return None
    year, month, day = m.groups()
    if len(year) > 4:
        year = year.lstrip("0").rjust(4, "0")
    precision = value.get("precision", 11)
    if precision >= 11 and month != "00" and day != "00":
        return f"{year}-{month}-{day}"
    if precision == 10 and month != "00":
        return f"{year}-{month}"
    if precision >= 9:
        return year
    return None


def _qualifier(claim: dict[str, Any], prop: str) -> Any:
    for snak in claim.get("qualifiers", {}).get(prop, ()):
        value = _value(snak)
        if value is not None:
            return value
    return None


def _label(entity: dict[str, Any], langs: tuple[str, ...]) -> str | None:
    labels = entity.get("labels", {})
    for lang in langs:
        if lang in labels:
            return labels[lang]["value"]
    return None


def _aliases(entity: dict[str, Any], langs: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for lang in langs:
        out.extend(a["value"] for a in entity.get("aliases", {}).get(lang, ()))
    return out


def import_wikidata(dump_path: str | os.PathLike[str], out_path: str | os.PathLike[str] | None = None, *,
                    languages: tuple[str, ...] = ("de",), require_position: bool = True,
                    position_roles: dict[str, tuple[str, str]] | None = None,
                    iso3: dict[str, str] | None = None) -> ImportStats:
    """Stream `dump_path` and write people and organisations as KB JSONL to `out_path`.

    `out_path` defaults to `<dump name>.kb.jsonl` beside the dump. `languages`: label
    languages, best first (an entity without a label in one of them is skipped).
    `position_roles`: more position ids → (role, of). `iso3`: more country ids → ISO-3
    (the dump's own P298 claims are always used).
    """
    dump = Path(dump_path)
    out = Path(out_path).expanduser() if out_path else dump.with_name(dump.name.split(".")[0] + ".kb.jsonl")
    roles = {**POSITION_ROLES, **(position_roles or {})}
    codes: dict[str, str] = dict(iso3 or {})
    stats = ImportStats(out_path=out)
    people: list[dict[str, Any]] = []
    orgs: list[dict[str, Any]] = []
    wanted: set[str] = set()

    countries: list[dict[str, Any]] = []

    # pass 1: humans, organisations, country codes
    for entity in iter_entities(dump):
        stats.entities += 1
        qid = entity.get("id", "")
        classes = set(_item_ids(entity, "P31"))
        label = _label(entity, languages)
        for code in _strings(entity, "P298")[:1]:
            codes[qid] = code.upper()
            if label:
                iso2 = _strings(entity, "P297")
                countries.append({"type": "country", "id": code.upper(), "name_if_new": label,
                                  "aliases": _aliases(entity, languages), "iso2": iso2[0].upper() if iso2 else "",
                                  "wikidata": qid})
        if HUMAN in classes:
            if not label:
                continue
            positions = []
            for claim in _claims(entity, "P39"):
                pos = _value(claim.get("mainsnak", {}))
                if not isinstance(pos, dict) or "id" not in pos:
                    continue
                of = _qualifier(claim, "P642")
                positions.append((pos["id"], wikidata_time(_qualifier(claim, "P580")),
                                  wikidata_time(_qualifier(claim, "P582")),
                                  of.get("id") if isinstance(of, dict) else None))
            if require_position and not positions:
                continue
            genders = [GENDERS.get(g, "d") for g in _item_ids(entity, "P21")]
            person = {"qid": qid, "name": label, "aliases": _aliases(entity, languages),
                      "gender": genders[0] if genders else None,
                      "citizenship": _item_ids(entity, "P27"), "parties": _item_ids(entity, "P102"),
                      "positions": positions}
            wanted.update(p[0] for p in positions)
            wanted.update(person["parties"])
            people.append(person)
        elif label and classes & ORG_CLASSES.keys():
            kind = next(ORG_CLASSES[c] for c in ORG_CLASSES if c in classes)
            orgs.append({"qid": qid, "name": label, "aliases": _aliases(entity, languages),
                         "name_en": _label(entity, ("en",)), "abbr": _strings(entity, "P1813"),
                         "kind": kind, "country": _item_ids(entity, "P17")})
    stats.countries = len(codes)

    # pass 2: what the positions and parties referred to are
    info: dict[str, dict[str, Any]] = {}
    if wanted:
        for entity in iter_entities(dump):
            qid = entity.get("id", "")
            if qid in wanted:
                info[qid] = {"label": _label(entity, languages),
                             "jurisdiction": _item_ids(entity, "P1001"),
                             "classes": _item_ids(entity, "P279") + _item_ids(entity, "P31")}

    org_ids = {o["qid"]: KNOWN_ORGS.get(o["qid"], o["qid"]) for o in orgs}
    org_ids.update(KNOWN_ORGS)

    def owner(qid: str | None) -> str | None:
        if qid is None:
            return None
        return codes.get(qid) or org_ids.get(qid)

    lines: list[str] = []
    for country in countries:  # new countries are added; known ones only get the German label as an alias
        if not country["iso2"]:
            del country["iso2"]
        lines.append(json.dumps(country, ensure_ascii=False))
    for org in orgs:
        oid = org_ids[org["qid"]]
        country = next((codes[c] for c in org["country"] if c in codes), None)
        if oid != org["qid"]:  # merge into the bundled entry: add names only
            rec: dict[str, Any] = {"type": "org", "id": oid, "wikidata": org["qid"],
                                   "aliases": [a for a in [org["name"], *org["aliases"]] if a]}
        else:
            rec = {"type": "org", "id": oid, "name": org["name"], "kind": org["kind"],
                   "label": "ORG", "country": country, "name_en": org["name_en"],
                   "abbr": org["abbr"], "aliases": org["aliases"], "wikidata": org["qid"]}
        lines.append(json.dumps(rec, ensure_ascii=False))
        stats.organisations += 1
    for person in people:
        nationality = next((codes[c] for c in person["citizenship"] if c in codes), None)
        offices = []
        for pos, start, end, of_q in person["positions"]:
            pinfo = info.get(pos, {})
            role, of = roles.get(pos, (None, None))
            if role is None:
                role = next((POSITION_CLASS_ROLES[c] for c in pinfo.get("classes", ()) if c in POSITION_CLASS_ROLES),
                            "position")
            of = of or owner(of_q) or next((owner(j) for j in pinfo.get("jurisdiction", ()) if owner(j)), None) \
                or nationality
            if of is None:
                stats.skipped_offices += 1
                continue
            office: dict[str, Any] = {"role": role, "of": of, "start": start, "end": end, "source": pos}
            title = pinfo.get("label")
            if title:
                office["titles"] = [_PAREN.sub("", title)]
            offices.append(office)
        if require_position and not offices:
            continue
        party = next((org_ids[p] for p in person["parties"] if p in org_ids), None)
        rec = {"type": "person", "id": person["qid"], "name": person["name"], "aliases": person["aliases"],
               "gender": person["gender"], "nationality": nationality, "party": party,
               "wikidata": person["qid"], "offices": offices}
        lines.append(json.dumps(rec, ensure_ascii=False))
        stats.people += 1
        stats.offices += len(offices)

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text("".join(line + "\n" for line in lines), "utf-8")
    tmp.replace(out)
    return stats
