"""Actor and network views, computed from the stored analyses of the documents concerned.

An actor is a knowledge-base entry (key = its id) or, for speakers and mentions the KB does
not know, a name (key = the name). Statements count as made by the actor when their speaker
is linked to it, or, unlinked, bears one of its names; as about it when an actor mention of
it lies inside the message, or — in analyses without actor mentions — one of its names does.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lagebild.web.article import actor_key, span_text

MIN_NAME_CHARS = 3  # shorter aliases (`EU` aside) match too much running text to count as mentions


@dataclass
class Actor:
    key: str
    name: str
    kb_id: str | None = None
    names: list[str] = field(default_factory=list)  # every name it may bear in a text
    entry: Any = None

    @property
    def folded(self) -> set[str]:
        return {n.casefold() for n in self.names}

    def pattern(self) -> re.Pattern | None:
        usable = sorted({n for n in self.names if len(n) >= MIN_NAME_CHARS or n.isupper()}, key=len, reverse=True)
        if not usable:
            return None
        return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in usable) + r")(?!\w)")

    def is_key(self, kb_id: str | None, name: str | None) -> bool:
        if self.kb_id and kb_id:
            return kb_id == self.kb_id
        return bool(name) and name.casefold() in self.folded


def resolve_actor(kb, key: str) -> tuple[Actor, list[dict[str, str]]]:
    """The actor a page key names, and KB entries a bare name might mean (for links)."""
    entry = kb.get(key) if kb is not None else None
    if entry is not None:
        names = [entry.name, *entry.aliases, *filter(None, [getattr(entry, "surname", None)])]
        names += list(getattr(entry, "abbr", ()) or ())
        return Actor(key, entry.name, entry.id, list(dict.fromkeys(names)), entry), []
    suggestions = []
    if kb is not None:
        suggestions = [{"key": e.id, "name": e.name, "label": e.label} for e in kb.lookup(key)[:5]]
    return Actor(key, key, None, [key]), suggestions


def kb_facts(kb, entry) -> dict[str, Any] | None:
    """What the knowledge base says: kind, country, party, aliases, offices with dates."""
    if entry is None:
        return None

    def name_of(entry_id: str | None) -> str | None:
        found = kb.get(entry_id) if entry_id else None
        return found.name if found else entry_id

    offices = []
    for office in getattr(entry, "offices", ()) or ():
        titles = kb.titles(entry, office)
        offices.append({
            "title": titles[0] if titles else office.role, "role": office.role,
            "of": office.of, "of_name": name_of(office.of),
            "start": office.start, "end": office.end,
        })
    offices.sort(key=lambda o: o["start"] or "", reverse=True)
    return {
        "id": entry.id, "name": entry.name, "label": entry.label, "kind": entry.kind,
        "country": entry.country, "country_name": name_of(entry.country),
        "party": name_of(getattr(entry, "party", None)),
        "aliases": list(entry.aliases)[:20], "wikidata": entry.wikidata,
        "offices": offices,
    }


def _load(row: dict) -> dict:
    try:
        data = json.loads(row["analysis"])
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _inside(ent: dict, message: dict | None) -> bool:
    if not message:
        return False
    return any(
        isinstance(ent.get("start"), int) and part["start"] <= ent["start"] and ent.get("end", 0) <= part["end"]
        for part in (message.get("parts") or [message])
    )


def _statement_row(row: dict, st: dict) -> dict[str, Any]:
    speaker = st.get("speaker") or {}
    return {
        "doc_id": row["doc_id"], "date": row.get("date"), "title": row.get("title"),
        "id": st.get("id"), "kind": st.get("kind"), "speaker": speaker.get("name"),
        "speaker_key": actor_key(speaker.get("entity"), speaker.get("name")),
        "cue": span_text(st.get("cue")), "message": span_text(st.get("message")),
    }


def _speaks(actor: Actor, st: dict) -> bool:
    speaker = st.get("speaker") or {}
    return actor.is_key(speaker.get("entity"), speaker.get("name"))


def _about(actor: Actor, st: dict, entities: list[dict], pattern: re.Pattern | None) -> bool:
    message = st.get("message")
    if entities:
        return any(_inside(e, message) and actor.is_key(e.get("kb_id"), e.get("name") or e.get("text")) for e in entities)
    return bool(pattern and pattern.search(span_text(message)))


def _others(data: dict) -> dict[str, str]:
    """key → name of every actor in a document: its actor mentions and its speakers."""
    found: dict[str, str] = {}
    for ent in data.get("entities") or []:
        name = ent.get("name") or ent.get("text")
        key = actor_key(ent.get("kb_id"), name)
        if key:
            found.setdefault(key, name)
    for st in data.get("statements") or []:
        speaker = st.get("speaker") or {}
        key = actor_key(speaker.get("entity"), speaker.get("name"))
        if key:
            found.setdefault(key, speaker.get("name") or key)
    return found


def actor_view(actor: Actor, rows: list[dict], limit: int, kb=None) -> dict[str, Any]:
    """Statements made by and about the actor, co-mentioned actors, from candidate documents."""
    made, about = [], []
    co: Counter[str] = Counter()
    co_names: dict[str, str] = {}
    pattern = actor.pattern()
    for row in rows:
        data = _load(row)
        entities = data.get("entities") or []
        present = False
        for st in data.get("statements") or []:
            if _speaks(actor, st):
                made.append(_statement_row(row, st))
                present = True
            elif _about(actor, st, entities, pattern):
                about.append(_statement_row(row, st))
        present = present or any(actor.is_key(e.get("kb_id"), e.get("name") or e.get("text")) for e in entities)
        present = present or bool(not entities and pattern and pattern.search(data.get("text") or ""))
        if present:
            for key, name in _others(data).items():
                if key not in (actor.key, actor.kb_id) and (name or "").casefold() not in actor.folded:
                    co[key] += 1
                    co_names.setdefault(key, name)
    return {
        "statements_made": made[:limit], "n_made": len(made),
        "statements_about": about[:limit], "n_about": len(about),
        "co_mentioned": [{"key": k, "name": display_name(kb, k, co_names[k]), "documents": n} for k, n in co.most_common(20)],
        "timeline": timeline(made),
        "documents_scanned": len(rows),
    }


# ---------------------------------------------------------------------------- timeline


def timeline(statements: list[dict]) -> dict[str, Any]:
    """Statements per month (per year when they span more than three years), as bars."""
    dates = [s["date"] for s in statements if s.get("date")]
    undated = len(statements) - len(dates)
    if not dates:
        return {"bars": [], "undated": undated, "unit": None}
    months = sorted({d[:7] for d in dates if len(d) >= 7})
    by_year = len(months) > 1 and _months_between(months[0], months[-1]) > 36
    unit = "year" if by_year else "month"
    counts = Counter(d[:4] if by_year else d[:7] for d in dates)
    buckets = _fill(sorted(counts), unit)
    return {"bars": bar_chart([(b, counts.get(b, 0)) for b in buckets]), "undated": undated, "unit": unit}


def _months_between(a: str, b: str) -> int:
    return (int(b[:4]) - int(a[:4])) * 12 + int(b[5:7]) - int(a[5:7])


def _fill(keys: list[str], unit: str) -> list[str]:
    """Every bucket from the first to the last, so gaps show as empty bars (at most 120)."""
    if unit == "year":
        years = [int(k[:4]) for k in keys]
        return [str(y) for y in range(min(years), max(years) + 1)][-120:]
    months = [k for k in keys if len(k) == 7]
    if not months:
        return keys
    y, m = int(months[0][:4]), int(months[0][5:])
    out = []
    while f"{y:04d}-{m:02d}" <= months[-1] and len(out) < 120:
        year = f"{y:04d}"
        if m == 1 or not out:
            out += [k for k in keys if k == year]  # year-only dates before that year's months
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


CHART_W, CHART_H, CHART_PAD = 640, 180, 28


def bar_chart(points: list[tuple[str, int]]) -> list[dict[str, Any]]:
    """Bar geometry for an inline SVG: x, y, width, height per (label, count)."""
    if not points:
        return []
    top = max(c for _, c in points) or 1
    inner_w = CHART_W - 2 * CHART_PAD
    step = inner_w / len(points)
    width = min(48.0, max(2.0, step * 0.8))  # one bar alone stays a bar, not a block
    bars = []
    for i, (label, count) in enumerate(points):
        height = (CHART_H - 2 * CHART_PAD) * count / top
        bars.append({
            "label": label, "count": count, "x": round(CHART_PAD + i * step + (step - width) / 2, 1),
            "y": round(CHART_H - CHART_PAD - height, 1), "w": round(width, 1), "h": round(height, 1),
            "show_label": len(points) <= 12 or i % max(1, len(points) // 8) == 0,
            "label_x": round(CHART_PAD + i * step + step / 2, 1),
        })
    return bars


# ------------------------------------------------------------------------------ network


def display_name(kb, key: str, fallback: str) -> str:
    """The knowledge-base name of an actor key when it is a KB id, else the name found."""
    entry = kb.get(key) if kb is not None and key else None
    return entry.name if entry is not None else fallback


def network_view(rows: list[dict], max_nodes: int, kb=None) -> dict[str, Any]:
    """Speakers and the actors they speak about (actor mentions inside their messages)."""
    edges: Counter[tuple[str, str]] = Counter()
    names: dict[str, str] = {}
    statements = with_entities = 0
    for row in rows:
        data = _load(row)
        entities = data.get("entities") or []
        with_entities += bool(entities)
        for st in data.get("statements") or []:
            speaker = st.get("speaker") or {}
            source = actor_key(speaker.get("entity"), speaker.get("name"))
            if not source:
                continue
            statements += 1
            names.setdefault(source, speaker.get("name") or source)
            targets = {}
            for ent in entities:
                name = ent.get("name") or ent.get("text")
                target = actor_key(ent.get("kb_id"), name)
                if target and target != source and _inside(ent, st.get("message")):
                    targets[target] = name
            for target, name in targets.items():
                names.setdefault(target, name)
                edges[(source, target)] += 1
    names = {key: display_name(kb, key, name) for key, name in names.items()}
    return _layout(edges, names, max_nodes) | {
        "documents": len(rows), "statements": statements, "documents_with_actors": with_entities,
    }


def _layout(edges: Counter, names: dict[str, str], max_nodes: int) -> dict[str, Any]:
    """Two columns: speakers left, actors spoken about right, ordered by weight."""
    out_weight: Counter[str] = Counter()
    in_weight: Counter[str] = Counter()
    for (s, t), n in edges.items():
        out_weight[s] += n
        in_weight[t] += n
    speakers = [k for k, _ in out_weight.most_common(max_nodes)]
    targets = [k for k, _ in in_weight.most_common(max_nodes)]
    row_h, top = 26, 40
    height = top + row_h * max(len(speakers), len(targets), 1) + 10
    left_x, right_x = 260, 640
    ys_left = {k: top + i * row_h for i, k in enumerate(speakers)}
    ys_right = {k: top + i * row_h for i, k in enumerate(targets)}
    drawn = [
        {"source": s, "target": t, "count": n, "source_name": names[s], "target_name": names[t],
         "x1": left_x, "y1": ys_left[s], "x2": right_x, "y2": ys_right[t],
         "stroke": round(1 + min(n, 12) * 0.6, 1)}
        for (s, t), n in edges.most_common() if s in ys_left and t in ys_right
    ]
    nodes = [{"key": k, "name": names[k], "side": "speaker", "x": left_x, "y": y, "weight": out_weight[k]} for k, y in ys_left.items()]
    nodes += [{"key": k, "name": names[k], "side": "actor", "x": right_x, "y": y, "weight": in_weight[k]} for k, y in ys_right.items()]
    return {"nodes": nodes, "edges": drawn, "width": 900, "height": height, "left_x": left_x, "right_x": right_x}

