"""Knowledge base: lookups, office holders by date, data integrity, user files, Wikidata import."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from importlib import resources

import pytest

from lagebild.kb import Country, Organisation, Person, import_wikidata, load_kb
from lagebild.kb import countries as countries_mod
from lagebild.kb.loader import KBError, build_kb, bundled_files, read_records
from lagebild.kb.model import is_valid_date, period


@pytest.fixture(scope="module")
def kb():
    return load_kb(use_env=False)


def ids(entries):
    return [e.id for e in entries]


def names(people):
    return [p.name for p in people]


# -- lookups ------------------------------------------------------------------


@pytest.mark.parametrize("alias", ["Wladimir Putin", "Vladimir Putin", "Putin", "Putins", "putin"])
def test_lookup_putin(kb, alias):
    assert kb.lookup(alias)[0].id == "wladimir-putin"


@pytest.mark.parametrize(
    ("alias", "iso3"),
    [
        ("Russland", "RUS"), ("Russlands", "RUS"), ("Russischen Föderation", "RUS"),
        ("Kreml", "RUS"), ("Moskau", "RUS"), ("russische", "RUS"), ("die Russen", "RUS"),
        ("belarussischen", "BLR"), ("Belarus", "BLR"), ("Weißrussland", "BLR"), ("Minsk", "BLR"),
        ("Chinas", "CHN"), ("Peking", "CHN"), ("chinesischen", "CHN"),
        ("der Türkei", "TUR"), ("türkische", "TUR"),
        ("USA", "USA"), ("Vereinigte Staaten", "USA"), ("den Vereinigten Staaten", "USA"),
        ("US-", "USA"), ("US-amerikanischen", "USA"), ("Weißes Haus", "USA"), ("Washington", "USA"),
        ("Großbritannien", "GBR"), ("Vereinigtes Königreich", "GBR"), ("britischen", "GBR"),
        ("Kiew", "UKR"), ("Kyjiw", "UKR"), ("ukrainischer", "UKR"),
        ("Deutschlands", "DEU"), ("Berlin", "DEU"), ("deutsche", "DEU"),
        ("der Norweger", "NOR"), ("Norwegern", "NOR"),
        ("Irans", "IRN"), ("den Niederlanden", "NLD"), ("Moldawien", "MDA"),
    ],
)
def test_lookup_country_forms(kb, alias, iso3):
    hits = [e for e in kb.lookup(alias) if isinstance(e, Country)]
    assert hits and hits[0].id == iso3, (alias, kb.match(alias))


@pytest.mark.parametrize("alias", ["Nato", "NATO", "nato", "Nordatlantikpakt", "Nato's", "North Atlantic Treaty Organization"])
def test_lookup_nato_variants(kb, alias):
    assert kb.lookup(alias)[0].id == "nato"


def test_lookup_how_it_matched(kb):
    assert [(m.entry.id, m.via) for m in kb.match("Kreml")] == [("RUS", "metonym")]
    assert kb.match("belarussischen")[0].via == "adjective"
    assert kb.match("Russlands")[0].via == "form"
    assert kb.match("Wladimir Putin")[0].via == "name"


def test_lookup_acronyms_and_case(kb):
    assert kb.lookup("WHO")[0].id == "who"
    assert kb.lookup("who") == []  # an all-lowercase word is not the acronym
    assert kb.lookup("EU")[0].id == "eu"
    assert kb.lookup("eu") == []  # two letters: exact case only
    assert kb.lookup("Erdogan")[0].id == "recep-tayyip-erdogan"  # accent-insensitive


def test_lookup_organisations_and_media(kb):
    assert kb.lookup("Grünen")[0].id == "gruene"
    assert kb.lookup("Bündnis 90/Die Grünen")[0].id == "gruene"
    assert kb.lookup("Auswärtiges Amt")[0].id == "aa"
    assert kb.lookup("IWF")[0].id == "imf"
    spiegel = kb.lookup("Spiegel")[0]
    assert spiegel.id == "spiegel" and spiegel.kind == "media" and spiegel.label == "ORG"
    for media in ["Welt am Sonntag", "FAZ", "Süddeutsche Zeitung", "Bild", "ARD", "ZDF", "dpa", "Reuters", "AFP", "AP"]:
        hit = kb.lookup(media)[0]
        assert hit.kind == "media", media


def test_lookup_surname_ranks_prominent_first(kb):
    assert ids(kb.lookup("Schröder"))[:2] == ["gerhard-schroeder", "kristina-schroeder"]
    assert kb.lookup("Zelensky")[0].id == "wolodymyr-selenskyj"  # surname of an alias


def test_country_accessor(kb):
    assert kb.country("RU").id == "RUS"
    assert kb.country("rus").id == "RUS"
    assert kb.country("Kreml").id == "RUS"
    assert kb.country("Xyzzy") is None


def test_entry_fields(kb):
    putin = kb.get("wladimir-putin")
    assert isinstance(putin, Person)
    assert (putin.name, putin.label, putin.kind, putin.country, putin.gender) == ("Wladimir Putin", "PER", "person", "RUS", "m")
    assert "Vladimir Putin" in putin.aliases
    rus = kb.get("RUS")
    assert (rus.label, rus.kind, rus.iso2, rus.name) == ("GPE", "country", "RU", "Russland")
    nato = kb.get("nato")
    assert isinstance(nato, Organisation) and nato.name_en == "North Atlantic Treaty Organization" and "NATO" in nato.abbr
    assert kb.get("nonexistent") is None


# -- offices ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "owner", "when", "expected"),
    [
        ("Bundeskanzler", "DEU", "2021-06-14", "Angela Merkel"),
        ("Bundeskanzler", "DEU", "2021-06", "Angela Merkel"),
        ("Bundeskanzler", "DEU", "2023", "Olaf Scholz"),
        ("Bundeskanzler", None, "2025-06", "Friedrich Merz"),
        ("Bundeskanzler", None, "2025-05", "Friedrich Merz"),
        ("Bundeskanzler", None, "2005-01", "Gerhard Schröder"),
        ("Kanzlerin", None, "2015", "Angela Merkel"),
        ("head_of_government", "DEU", "2022-03-01", "Olaf Scholz"),
        ("US-Präsident", None, "2021-06", "Joe Biden"),
        ("Präsident", "USA", "2019", "Donald Trump"),
        ("Präsident der USA", None, "2012", "Barack Obama"),
        ("US-Präsident", None, "2025-03", "Donald Trump"),
        ("Nato-Generalsekretär", None, "2021", "Jens Stoltenberg"),
        ("Nato-Generalsekretär", None, "2025", "Mark Rutte"),
        ("Generalsekretär", "Nato", "2016-05-01", "Jens Stoltenberg"),
        ("Nato-Chef", None, "2011", "Anders Fogh Rasmussen"),
        ("Kreml-Chef", None, "2010", "Dmitri Medwedew"),
        ("russischer Präsident", None, "2023", "Wladimir Putin"),
        ("Außenminister", "RUS", "2022", "Sergej Lawrow"),
        ("Außenministerin", "DEU", "2023", "Annalena Baerbock"),
        ("Außenminister", "DEU", "2025-07", "Johann Wadephul"),
        ("Verteidigungsminister", "DEU", "2024", "Boris Pistorius"),
        ("französischer Präsident", None, "2019", "Emmanuel Macron"),
        ("britischer Premierminister", None, "2020", "Boris Johnson"),
        ("EU-Kommissionspräsidentin", None, "2022", "Ursula von der Leyen"),
        ("EU-Außenbeauftragte", None, "2025", "Kaja Kallas"),
        ("UN-Generalsekretär", None, "2020", "António Guterres"),
        ("IWF-Chefin", None, "2015", "Christine Lagarde"),
        ("EZB-Präsident", None, "2015", "Mario Draghi"),
        ("WHO-Chef", None, "2021", "Tedros Adhanom Ghebreyesus"),
        ("Bundespräsident", "DEU", "2020", "Frank-Walter Steinmeier"),
        ("Bundestagspräsident", None, "2019", "Wolfgang Schäuble"),
        ("CDU-Chef", None, "2023", "Friedrich Merz"),
        ("Ministerpräsident", "Bayern", "2020", "Markus Söder"),
        ("König", "GBR", "2023", "Charles III."),
        ("Queen", None, "2010", "Elizabeth II."),
    ],
)
def test_office_holders(kb, title, owner, when, expected):
    holders = kb.office_holders(title, owner, when)
    assert holders and holders[0].name == expected, (title, owner, when, names(holders))


def test_office_holders_transition_month(kb):
    # Merkel handed over to Scholz on 8 Dec 2021: both held the office that month
    assert set(names(kb.office_holders("Bundeskanzler", "DEU", "2021-12"))) == {"Angela Merkel", "Olaf Scholz"}
    assert names(kb.office_holders("Bundeskanzler", "DEU", "2021-12-07")) == ["Angela Merkel"]
    assert names(kb.office_holders("Bundeskanzler", "DEU", "2021-12-08"))[0] == "Olaf Scholz"


def test_office_holders_feminine_title_and_monarchy(kb):
    assert kb.office_holders("Bundeskanzlerin", "DEU", "2023") == []
    assert kb.office_holders("Präsident", "GBR", "2023") == []  # a king is no president
    assert kb.office_holders("Präsident", "DEU", "2023")[0].name == "Frank-Walter Steinmeier"


def test_office_holders_all_terms(kb):
    chancellors = names(kb.office_holders("Bundeskanzler", "DEU"))
    assert chancellors[:4] == ["Gerhard Schröder", "Angela Merkel", "Olaf Scholz", "Friedrich Merz"]


def test_office_holders_unknown_owner_raises(kb):
    with pytest.raises(KeyError):
        kb.office_holders("Präsident", "Atlantis", "2020")


def test_offices_on_and_titles(kb):
    merkel = kb.get("angela-merkel")
    roles = {(o.role, o.of) for o in merkel.offices_on("2010-05-01")}
    assert roles == {("head_of_government", "DEU"), ("party_leader", "cdu")}
    office = next(o for o in merkel.offices if o.role == "head_of_government")
    assert kb.titles(merkel, office)[0] == "Bundeskanzlerin"
    assert merkel.offices_on("1990") == []


def test_period():
    assert str(period("2021")[0]) == "2021-01-01" and str(period("2021")[1]) == "2021-12-31"
    assert str(period("2024-02")[1]) == "2024-02-29"
    with pytest.raises(ValueError):
        period("2021-13")


# -- integrity ------------------------------------------------------------------


def test_people_count(kb):
    assert len(kb.people) >= 1000


def test_validate_clean(kb):
    assert kb.validate() == []


def test_unique_ids_across_bundled_files():
    seen: Counter[str] = Counter()
    for name, text in bundled_files():
        for rec in read_records(text, name):
            seen[rec["id"]] += 1
    assert [i for i, n in seen.items() if n > 1] == []


def test_people_integrity(kb):
    for p in kb.people:
        assert p.gender in ("m", "f"), p.id
        assert isinstance(kb.get(p.nationality), Country), p.id
        assert p.offices, p.id
        for o in p.offices:
            assert is_valid_date(o.start) and is_valid_date(o.end), (p.id, o)
            assert o.start is not None, (p.id, o)
            assert o.first_day <= o.last_day, (p.id, o)
            assert o.of in kb, (p.id, o)
            assert o.role in kb.roles
        if p.party:
            assert isinstance(kb.get(p.party), Organisation), p.id


def test_every_country_code_valid(kb):
    countries = kb.countries
    assert len(countries) >= 249
    for c in countries:
        assert len(c.id) == 3 and c.id.isupper() and len(c.iso2) == 2
    codes = {c.id for c in countries}
    forms = countries_mod.country_forms()
    assert set(forms) <= codes, set(forms) - codes
    for e in kb:
        if e.country:
            assert e.country in codes, e.id


def test_titles_table_refers_to_known_owners(kb):
    for rule in kb.title_rules:
        assert rule.of is None or rule.of in kb, rule
        assert rule.masculine or rule.feminine, rule


def test_no_overlapping_terms_in_single_holder_offices(kb):
    """Two people never held the same single-holder office on the same day."""
    single = {"head_of_government", "foreign_minister", "defence_minister", "finance_minister"}
    by_office: dict[tuple[str, str], list] = {}
    for p in kb.people:
        for o in p.offices:
            if o.role in single and o.of == "DEU":
                by_office.setdefault((o.role, o.of), []).append((o.first_day, o.last_day, p.id))
    for key, terms in by_office.items():
        terms.sort()
        for (_, end_a, a), (start_b, _, b) in zip(terms, terms[1:], strict=False):
            # hand-overs share the day of the change at most
            assert start_b >= end_a, (key, a, b)


def test_countries_generated_matches_committed_file():
    pytest.importorskip("pycountry")
    pytest.importorskip("babel")
    committed = countries_mod.read_base_file()
    assert committed == countries_mod.generate_base()


def test_countries_fallback_without_pycountry(monkeypatch):
    def no_libs():
        raise ImportError("pycountry")

    countries_mod.base_countries.cache_clear()
    monkeypatch.setattr(countries_mod, "generate_base", no_libs)
    try:
        rows = countries_mod.base_countries()
        assert any(r.iso3 == "RUS" and r.name_de == "Russland" for r in rows)
    finally:
        countries_mod.base_countries.cache_clear()


def test_load_is_fast_and_cached(kb):
    import time

    start = time.perf_counter()
    fresh = load_kb(use_env=False, cache=False)
    assert time.perf_counter() - start < 2.0  # generous: CI machines vary; measured ~0.2 s
    assert len(fresh) == len(kb)
    assert load_kb(use_env=False) is load_kb(use_env=False)


# -- user files -----------------------------------------------------------------


def test_user_extension_file(tmp_path):
    user = tmp_path / "mine.jsonl"
    user.write_text(
        "# my additions\n"
        + json.dumps({"type": "org", "id": "thw", "name": "Technisches Hilfswerk", "kind": "institution",
                      "country": "DEU", "abbr": ["THW"]}, ensure_ascii=False) + "\n"
        + json.dumps({"id": "erika-musterfrau", "name": "Erika Musterfrau", "gender": "f", "nationality": "DEU",
                      "offices": [{"role": "president", "of": "thw", "start": "2024-02", "end": None,
                                   "titles": ["THW-Präsidentin"]}]}, ensure_ascii=False) + "\n"
        # merge into a bundled person: a new alias and a new office
        + json.dumps({"id": "angela-merkel", "aliases": ["Mutti"],
                      "offices": [["head", "thw", "2030", "2031"]]}) + "\n"
        # and into a bundled country
        + json.dumps({"type": "country", "id": "RUS", "metonyms": ["Lubjanka"]}) + "\n"
        + json.dumps({"type": "title", "role": "president", "of": "thw", "m": ["THW-Chef"], "f": ["THW-Chefin"]}, ensure_ascii=False) + "\n",
        "utf-8",
    )
    kb = load_kb([user], use_env=False, cache=False)
    assert kb.lookup("THW")[0].id == "thw"
    assert kb.lookup("Erika Musterfrau")[0].id == "erika-musterfrau"
    assert names(kb.office_holders("THW-Präsidentin", None, "2025")) == ["Erika Musterfrau"]
    assert names(kb.office_holders("THW-Chefin", None, "2025")) == ["Erika Musterfrau"]
    assert kb.lookup("Mutti")[0].id == "angela-merkel"
    merkel = kb.get("angela-merkel")
    assert any(o.of == "thw" for o in merkel.offices) and any(o.role == "head_of_government" for o in merkel.offices)
    assert kb.lookup("Lubjanka")[0].id == "RUS"
    assert kb.validate() == []
    # a directory means its *.jsonl, and the environment variable adds files too
    assert load_kb([tmp_path], use_env=False, cache=False).get("thw") is not None


def test_user_file_env_var(tmp_path, monkeypatch):
    user = tmp_path / "env.jsonl"
    user.write_text(json.dumps({"type": "org", "id": "my-org", "name": "Meine Organisation"}, ensure_ascii=False) + "\n", "utf-8")
    monkeypatch.setenv("LAGEBILD_KB", str(user))
    assert load_kb(cache=False).get("my-org") is not None


def test_user_file_errors(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"name": "X", "gender": "m", "offices": [["head_of_state"]]}\n', "utf-8")
    with pytest.raises(KBError, match="bad.jsonl:1"):
        load_kb([bad], use_env=False, cache=False)
    bad.write_text("{not json\n", "utf-8")
    with pytest.raises(KBError, match="not JSON"):
        load_kb([bad], use_env=False, cache=False)
    with pytest.raises(FileNotFoundError):
        load_kb([tmp_path / "missing.jsonl"], use_env=False, cache=False)
    with pytest.raises(KBError, match="already a"):
        build_kb([("x", json.dumps({"type": "org", "id": "x", "name": "X"}) + "\n"
                   + json.dumps({"type": "place", "id": "x", "name": "X"}))],
                 with_countries=False, titles_text="")


# -- Wikidata import ------------------------------------------------------------------


def _claim(prop, value, qualifiers=None):
    if isinstance(value, str) and value.startswith("Q"):
        datavalue = {"value": {"entity-type": "item", "id": value}, "type": "wikibase-entityid"}
    else:
        datavalue = {"value": value, "type": "string"}
    claim = {"mainsnak": {"snaktype": "value", "property": prop, "datavalue": datavalue}, "type": "statement", "rank": "normal"}
    if qualifiers:
        claim["qualifiers"] = {p: [{"snaktype": "value", "property": p, "datavalue": {"value": v}}] for p, v in qualifiers.items()}
    return claim


def _time(text, precision=11):
    return {"time": text, "timezone": 0, "before": 0, "after": 0, "precision": precision,
            "calendarmodel": "http://www.wikidata.org/entity/Q1985727"}


def _entity(qid, label_de, claims, aliases_de=(), label_en=None):
    labels = {"de": {"language": "de", "value": label_de}}
    if label_en:
        labels["en"] = {"language": "en", "value": label_en}
    out: dict = {"type": "item", "id": qid, "labels": labels,
                 "aliases": {"de": [{"language": "de", "value": a} for a in aliases_de]}, "claims": {}}
    for prop, value, *quals in claims:
        out["claims"].setdefault(prop, []).append(_claim(prop, value, quals[0] if quals else None))
    return out


def _dump_entities():
    return [
        _entity("Q900001", "Absurdistan", [("P31", "Q6256"), ("P298", "ABS"), ("P297", "AB")]),
        _entity("Q183", "Deutschland", [("P31", "Q6256"), ("P298", "DEU")]),
        _entity("Q900002", "Ministerpräsident von Absurdistan", [("P31", "Q4164871"), ("P279", "Q2285706"), ("P1001", "Q900001")]),
        _entity("Q900003", "Partei der Mitte", [("P31", "Q7278"), ("P17", "Q183"), ("P1813", {"text": "PdM", "language": "de"})], label_en="Centre Party"),
        _entity("Q900004", "Testine Beispiel", [
            ("P31", "Q5"), ("P21", "Q6581072"), ("P27", "Q183"), ("P102", "Q900003"),
            ("P39", "Q900002", {"P580": _time("+2019-03-07T00:00:00Z"), "P582": _time("+2023-05-00T00:00:00Z", 10)}),
        ], aliases_de=["T. Beispiel"]),
        _entity("Q900005", "Ohne Amt", [("P31", "Q5"), ("P21", "Q6581097")]),  # no position held: skipped
    ]


def _write_dump(path, entities, compress):
    lines = ["[\n"] + [json.dumps(e, ensure_ascii=False) + ",\n" for e in entities[:-1]] + [json.dumps(entities[-1]) + "\n", "]\n"]
    data = "".join(lines).encode("utf-8")
    path.write_bytes(gzip.compress(data) if compress else data)


@pytest.mark.parametrize("compress", [False, True])
def test_wikidata_import_round_trip(tmp_path, compress):
    dump = tmp_path / ("dump.json.gz" if compress else "dump.json")
    _write_dump(dump, _dump_entities(), compress)
    out = tmp_path / "wd.jsonl"
    stats = import_wikidata(dump, out)
    assert (stats.entities, stats.people, stats.offices, stats.organisations) == (6, 1, 1, 1)
    assert stats.out_path == out and stats.skipped_offices == 0

    kb = load_kb([out], use_env=False, cache=False)
    assert kb.validate() == []
    person = kb.lookup("Testine Beispiel")[0]
    assert isinstance(person, Person)
    assert (person.id, person.gender, person.nationality, person.party, person.wikidata) == ("Q900004", "f", "DEU", "Q900003", "Q900004")
    assert kb.lookup("T. Beispiel")[0] is person
    office = person.offices[0]
    assert (office.role, office.of, office.start, office.end, office.source) == ("head_of_government", "ABS", "2019-03-07", "2023-05", "Q900002")
    assert office.titles == ("Ministerpräsident von Absurdistan",)
    party = kb.lookup("PdM")[0]
    assert party.kind == "party" and party.name == "Partei der Mitte" and party.country == "DEU" and party.name_en == "Centre Party"
    # the imported office answers queries by role and by its Wikidata title
    assert kb.office_holders("head_of_government", "ABS", "2020") == [person]
    assert kb.office_holders("Ministerpräsident von Absurdistan", None, "2020") == [person]
    assert kb.office_holders("head_of_government", "ABS", "2024") == []


def test_wikidata_time_precision():
    from lagebild.kb.wikidata import wikidata_time

    assert wikidata_time(_time("+2005-11-22T00:00:00Z")) == "2005-11-22"
    assert wikidata_time(_time("+2005-11-00T00:00:00Z", 10)) == "2005-11"
    assert wikidata_time(_time("+2005-00-00T00:00:00Z", 9)) == "2005"
    assert wikidata_time(_time("+2005-00-00T00:00:00Z", 7)) is None
    assert wikidata_time(None) is None


def test_bundled_data_files_are_listed():
    data = resources.files("lagebild.kb").joinpath("data")
    names_ = {p.name for p in data.iterdir()}
    assert {"countries.tsv", "countries_de.tsv", "titles.tsv", "orgs.jsonl", "places.jsonl"} <= names_
    assert sum(1 for n in names_ if n.startswith("people_")) >= 3
