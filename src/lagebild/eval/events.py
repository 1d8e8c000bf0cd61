"""Score events against the news-events gold (../shared/data/news-events/README.md, "Scoring").

Per document, gold and system events are matched one to one: candidate pairs (same type,
overlapping sentences) ranked by the characters their sentences share, largest first, greedy.
A pair is *matched* at type level; it is a *full match* when the actor sets and the recipient
sets are equal after mapping each name to its key (aliases to one name; lower case, NFKC;
articles, prepositions and titles dropped; the last remaining token). System events with
modality `demanded` are ignored. Mode, negation, modality and date are reported as accuracy
over fully matched events.

"Aliases map to one key": besides the README's list, a name that the knowledge base knows
as the name, alias or abbreviation of one organisation or state (`Grüne` = `Bündnis 90/Die
Grünen`, `GDL` = `Gewerkschaft Deutscher Lokomotivführer`) also has that entry as a key; two
names are the same when they share a key. People go by their last name alone, and a regnal
number is no name (`Benedikt XVI.` → `benedikt`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.eval.report import (
    Analyze,
    check_text,
    greedy_one_to_one,
    pct,
    prf,
    prf_cells,
    shorten,
    table,
)
from lagebild.lang.de.function_words import ARTICLES

ALIASES = {
    "europäische union": "eu",
    "nato": "nato",
    "vereinte nationen": "uno",
    "un": "uno",
    "uno": "uno",
    "vereinigte staaten": "usa",
    "us": "usa",
    "usa": "usa",
    "vereinigtes königreich": "großbritannien",
    "uk": "großbritannien",
    "großbritannien": "großbritannien",
    "eu": "eu",
}
PREPOSITIONS = {"von", "vom", "zu", "zum", "zur", "in", "im", "an", "am", "auf", "für", "mit", "bei", "beim", "aus", "nach", "über", "unter", "gegen"}
TITLES = {
    "herr", "frau", "dr.", "prof.", "präsident", "präsidentin", "kanzler", "kanzlerin", "bundeskanzler", "bundeskanzlerin",
    "minister", "ministerin", "generalsekretär", "generalsekretärin", "chef", "chefin", "papst", "könig", "königin",
    "ministerpräsident", "ministerpräsidentin", "bürgermeister", "bürgermeisterin", "premierminister", "premierministerin",
    "außenminister", "außenministerin", "sprecher", "sprecherin", "ajatollah", "scheich", "sir", "lord",
}
UNMATCHED = "—"
REGNAL_NUMBER = re.compile(r"^[ivxl]+$")
ALIAS_VIAS = ("name", "alias", "abbr")


def name_key(name: str) -> str:
    """The key a name is compared by: `Jens Stoltenberg` → `stoltenberg`, `EU-Kommission` →
    `kommission`, `Europäische Union` = `EU` → `eu`."""
    text = unicodedata.normalize("NFKC", name).lower().strip()
    text = re.sub(r"\([^)]*\)", " ", text)
    text = " ".join(text.split())
    if text in ALIASES:
        return ALIASES[text]
    words = [w.strip(".,;:!?\"'„“”‚‘’»«") for w in re.split(r"[\s\-]+", text)]
    words = [w for w in words if w and w not in ARTICLES and w not in PREPOSITIONS and w not in TITLES]
    while len(words) > 1 and REGNAL_NUMBER.match(words[-1]):
        words.pop()
    if not words:
        return text
    last = words[-1]
    return ALIASES.get(last, last)


def entity_key(name: str) -> str | None:
    """`kb:<id>` when the knowledge base knows `name` as the name, an alias or the abbreviation
    of an organisation, state or place (people are compared by last name alone)."""
    from lagebild.kb import load_kb

    for match in load_kb().match(unicodedata.normalize("NFKC", name).strip()):
        if match.via in ALIAS_VIAS and match.entry.label != "PER":
            return f"kb:{match.entry.id}"
    return None


@lru_cache(maxsize=4096)
def keys_of(name: str) -> frozenset[str]:
    """Every key a name maps to: its README key, and its knowledge-base entry if any."""
    kb_key = entity_key(name)
    return frozenset({name_key(name), kb_key} if kb_key else {name_key(name)})


def name_keys(names: list[str] | tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """One key set per distinct party: names that share a key are one party."""
    parties: list[frozenset[str]] = []
    for name in names:
        if not name:
            continue
        keys = keys_of(name)
        same = [p for p in parties if p & keys]
        parties = [p for p in parties if not p & keys] + [keys.union(*same)]
    return tuple(parties)


def same_parties(gold: tuple[frozenset[str], ...], system: tuple[frozenset[str], ...]) -> bool:
    """Whether two actor lists name the same parties: a one-to-one pairing by shared keys (an
    empty list equals only an empty list)."""
    if len(gold) != len(system):
        return False

    def pair(i: int, free: frozenset[int]) -> bool:
        if i == len(gold):
            return True
        return any(gold[i] & system[j] and pair(i + 1, free - {j}) for j in free)

    return pair(0, frozenset(range(len(system))))


@dataclass(frozen=True)
class GoldEvent:
    type: str
    mode: str | None
    actor: tuple[frozenset[str], ...]
    recipient: tuple[frozenset[str], ...]
    actor_names: tuple[str, ...]
    recipient_names: tuple[str, ...]
    interval: tuple[int, int] | None
    sentence: str
    trigger: str
    negated: bool
    modality: str
    date: str | None


@dataclass
class SystemEvent:
    type: str
    actor: tuple[frozenset[str], ...]
    recipient: tuple[frozenset[str], ...]
    interval: tuple[int, int]
    data: dict


@dataclass
class DocumentResult:
    id: str
    gold: list[GoldEvent]
    system: list[SystemEvent]
    pairs: dict[int, int] = field(default_factory=dict)  # gold → system (type level)
    full: set[int] = field(default_factory=set)  # gold indices fully matched
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)


def load_gold(path: str | Path, texts: str | Path | None = None) -> list[dict]:
    """Gold records with their texts: from the record, else from the news-statements file of
    the same name beside the gold folder (or `texts`)."""
    path = Path(path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if all("text" in r for r in records):
        return records
    source = Path(texts) if texts else path.parent.parent / "news-statements" / path.name
    if not source.exists():
        raise FileNotFoundError(f"{path}: records have no text and no texts file at {source}")
    by_id = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            by_id[record["id"]] = record
    for record in records:
        if "text" not in record:
            if record["id"] not in by_id:
                raise KeyError(f"{source}: no text for {record['id']}")
            record["text"] = by_id[record["id"]]["text"]
            record.setdefault("url_date", by_id[record["id"]].get("url_date"))
    return records


def _locate(text: str, sentence: str, start: int | None = None) -> tuple[int, int] | None:
    if start is not None:
        return start, start + len(sentence)
    at = text.find(sentence)
    return (at, at + len(sentence)) if at >= 0 else None


def gold_events(record: dict) -> list[GoldEvent]:
    text = record["text"]
    events = []
    for e in record.get("events", []):
        sentence = e.get("sentence") or ""
        offset = (e.get("sentence_span") or {}).get("start") if isinstance(e.get("sentence_span"), dict) else None
        events.append(
            GoldEvent(
                type=e["type"],
                mode=e.get("mode"),
                actor=name_keys(e.get("actor") or []),
                recipient=name_keys(e.get("recipient") or []),
                actor_names=tuple(e.get("actor") or []),
                recipient_names=tuple(e.get("recipient") or []),
                interval=_locate(text, sentence, offset),
                sentence=sentence,
                trigger=e.get("trigger") or "",
                negated=bool(e.get("negated")),
                modality=e.get("modality") or "asserted",
                date=e.get("date"),
            )
        )
    return events


def system_events(analysis: dict) -> list[SystemEvent]:
    out = []
    for e in analysis.get("events", []):
        if e.get("modality") == "demanded":
            continue
        sentence = e["sentence"]
        out.append(
            SystemEvent(
                type=e["type"],
                actor=name_keys([a["name"] for a in e.get("actor", [])]),
                recipient=name_keys([a["name"] for a in e.get("recipient", [])]),
                interval=(sentence["start"], sentence["end"]),
                data=e,
            )
        )
    return out


def _overlap(a: tuple[int, int] | None, b: tuple[int, int]) -> int:
    if a is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_document(record: dict, analysis: dict) -> DocumentResult:
    check_text(analysis, record["text"], record["id"])
    result = DocumentResult(record["id"], gold_events(record), system_events(analysis))
    candidates = [
        (overlap, gi, si)
        for gi, g in enumerate(result.gold)
        for si, s in enumerate(result.system)
        if g.type == s.type and (overlap := _overlap(g.interval, s.interval)) > 0
    ]
    result.pairs = greedy_one_to_one(candidates)
    result.full = {gi for gi, si in result.pairs.items() if _same_arguments(result.gold[gi], result.system[si])}
    result.confusion = _confusion(result)
    return result


def _same_arguments(gold: GoldEvent, system: SystemEvent) -> bool:
    return same_parties(gold.actor, system.actor) and same_parties(gold.recipient, system.recipient)


def _confusion(result: DocumentResult) -> Counter[tuple[str, str]]:
    """Gold type × system type over sentence-overlapping pairs: the type-level matches, then the
    remaining events paired one to one by sentence overlap; the rest against `—`."""
    counts: Counter[tuple[str, str]] = Counter()
    for gi, si in result.pairs.items():
        counts[(result.gold[gi].type, result.system[si].type)] += 1
    gold_left = [gi for gi in range(len(result.gold)) if gi not in result.pairs]
    used = set(result.pairs.values())
    system_left = [si for si in range(len(result.system)) if si not in used]
    candidates = [(o, gi, si) for gi in gold_left for si in system_left if (o := _overlap(result.gold[gi].interval, result.system[si].interval)) > 0]
    rest = greedy_one_to_one(candidates)
    for gi in gold_left:
        counts[(result.gold[gi].type, result.system[rest[gi]].type if gi in rest else UNMATCHED)] += 1
    paired = set(rest.values())
    for si in system_left:
        if si not in paired:
            counts[(UNMATCHED, result.system[si].type)] += 1
    return counts


def _figures(documents: list[DocumentResult], type_: str | None = None) -> dict[str, Any]:
    def keep(t: str) -> bool:
        return type_ is None or t == type_

    gold = sum(1 for d in documents for g in d.gold if keep(g.type))
    system = sum(1 for d in documents for s in d.system if keep(s.type))
    matched = sum(1 for d in documents for gi in d.pairs if keep(d.gold[gi].type))
    full = sum(1 for d in documents for gi in d.full if keep(d.gold[gi].type))
    return {"type": prf(matched, system, matched, gold), "full": prf(full, system, full, gold)}


def _attribute_accuracy(documents: list[DocumentResult]) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    total = 0
    for d in documents:
        for gi in d.full:
            g, s = d.gold[gi], d.system[d.pairs[gi]].data
            total += 1
            counts["mode"] += g.mode == s.get("mode")
            counts["negated"] += g.negated == bool(s.get("negated"))
            counts["modality"] += g.modality == s.get("modality")
            counts["date"] += g.date == s.get("date")
    return {"full_matches": total, **{k: (counts[k] / total if total else None) for k in ("mode", "negated", "modality", "date")}}


def _misses(documents: list[DocumentResult]) -> dict[str, list[dict]]:
    missed, spurious, wrong_actors = [], [], []
    for d in documents:
        for gi, g in enumerate(d.gold):
            if gi not in d.pairs:
                missed.append({"id": d.id, "type": g.type, "trigger": g.trigger, "actor": list(g.actor_names), "recipient": list(g.recipient_names), "sentence": g.sentence})
            elif gi not in d.full:
                s = d.system[d.pairs[gi]].data
                wrong_actors.append({
                    "id": d.id, "type": g.type, "trigger": g.trigger,
                    "gold": [list(g.actor_names), list(g.recipient_names)],
                    "system": [[a["name"] for a in s["actor"]], [a["name"] for a in s["recipient"]]],
                })
        used = set(d.pairs.values())
        for si, s in enumerate(d.system):
            if si not in used:
                spurious.append({"id": d.id, "type": s.type, "trigger": s.data["trigger"]["text"], "actor": [a["name"] for a in s.data["actor"]], "sentence": s.data["sentence"]["text"]})
    return {"missed": missed, "spurious": spurious, "wrong_actors": wrong_actors}


def build_report(documents: list[DocumentResult]) -> dict[str, Any]:
    types = sorted({g.type for d in documents for g in d.gold} | {s.type for d in documents for s in d.system})
    confusion: Counter[tuple[str, str]] = Counter()
    for d in documents:
        confusion.update(d.confusion)
    return {
        "documents": len(documents),
        "overall": _figures(documents),
        "per_type": {t: _figures(documents, t) for t in types},
        "confusion": {f"{g} -> {s}": n for (g, s), n in sorted(confusion.items())},
        "attributes": _attribute_accuracy(documents),
        "per_document": {d.id: {"gold": len(d.gold), "system": len(d.system), "type_matched": len(d.pairs), "full": len(d.full),
                                "modality_ok": sum(1 for gi, si in d.pairs.items() if d.gold[gi].modality == d.system[si].data.get("modality"))}
                         for d in documents},
        "misses": _misses(documents),
    }


def evaluate_events(path: str | Path, analyze: Analyze, texts: str | Path | None = None, limit: int | None = None) -> dict[str, Any]:
    """Score ``analyze(text, date, id)`` on a gold JSONL file. The date given is the URL date
    where the record has one (the gold resolves dates against the real publication date, and
    the URL date counts before the page header); else the text's own header decides."""
    records = load_gold(path, texts)[:limit]
    documents = [score_document(r, analyze(r["text"], r.get("url_date"), r["id"])) for r in records]
    return build_report(documents)


# --- text ------------------------------------------------------------------------------------


def format_events_report(report: dict[str, Any], misses: bool = False) -> str:
    overall = report["overall"]
    lines = [f"Events: {report['documents']} documents, {overall['type']['gold']} gold, {overall['type']['system']} system (demanded ignored)", ""]
    lines.append(table(["level", "P", "R", "F1", "correct", "system", "gold"], [
        ["type", *prf_cells(overall["type"]), overall["type"]["correct_system"], overall["type"]["system"], overall["type"]["gold"]],
        ["full", *prf_cells(overall["full"]), overall["full"]["correct_system"], overall["full"]["system"], overall["full"]["gold"]],
    ]))
    lines += ["", table(["type", "type P", "R", "F1", "full P", "R", "F1", "gold", "system"], [
        [t, *prf_cells(f["type"]), *prf_cells(f["full"]), f["type"]["gold"], f["type"]["system"]] for t, f in report["per_type"].items()
    ])]
    lines += ["", _confusion_text(report["confusion"])]
    attributes = report["attributes"]
    lines += ["", f"Over {attributes['full_matches']} full matches: mode {pct(attributes['mode'])}  negated {pct(attributes['negated'])}  "
              f"modality {pct(attributes['modality'])}  date {pct(attributes['date'])} (% correct)"]
    if misses:
        lines += ["", _misses_text(report)]
    return "\n".join(lines)


def _confusion_text(confusion: dict[str, int]) -> str:
    pairs = {tuple(k.split(" -> ")): n for k, n in confusion.items()}
    gold_types = sorted({g for g, _ in pairs})
    system_types = sorted({s for _, s in pairs})
    rows = [[g, *[pairs.get((g, s), "") for s in system_types]] for g in gold_types]
    return "Confusion (rows gold, columns system, — none):\n" + table(["gold \\ system", *[s[:5] for s in system_types]], rows)


def _misses_text(report: dict[str, Any]) -> str:
    misses = report["misses"]
    lines = ["Per document (gold / system / type-matched / full / modality right):"]
    lines += [f"  {doc}: {d['gold']} / {d['system']} / {d['type_matched']} / {d['full']} / {d['modality_ok']}" for doc, d in report["per_document"].items()]
    lines.append(f"\nMissed ({len(misses['missed'])}):")
    lines += [f"  {m['id']} {m['type']} [{m['trigger']}] {m['actor']} → {m['recipient']}  {shorten(m['sentence'], 90)}" for m in misses["missed"]]
    lines.append(f"\nSpurious ({len(misses['spurious'])}):")
    lines += [f"  {m['id']} {m['type']} [{m['trigger']}] {m['actor']}  {shorten(m['sentence'], 90)}" for m in misses["spurious"]]
    lines.append(f"\nType right, actors or recipients wrong ({len(misses['wrong_actors'])}):")
    lines += [f"  {m['id']} {m['type']} [{m['trigger']}] gold {m['gold'][0]} → {m['gold'][1]}  system {m['system'][0]} → {m['system'][1]}" for m in misses["wrong_actors"]]
    return "\n".join(lines)
