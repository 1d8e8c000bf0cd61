"""The article page's view of one analysis (docs/schema.md): the text cut into highlighted
segments, who said what, actors, time expressions, the dating verdict and events.

Every optional layer may be missing or empty (older analyses, layers not run); the view
then simply has nothing to show for it. Text is never turned into markup here: the
template escapes every piece.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

# Roles a highlight can have, in the order their classes are written (later CSS rules win).
ROLES = ("header", "message", "medium", "addressee", "timex", "entity", "trigger", "cue", "speaker")
ENTITY_LABELS = ("PER", "ORG", "GPE", "LOC", "MISC")

LEGEND = [
    ("message", "hl-message", "message (what was said): green background, solid underline"),
    ("cue", "hl-cue", "cue (speech verb, 'laut', …): bold magenta, double underline"),
    ("speaker", "hl-speaker", "speaker mention: blue, wavy underline"),
    ("medium", "hl-medium", "medium (where it was said): amber, dashed underline"),
    ("addressee", "hl-addressee", "addressee: overline"),
    ("person", "hl-entity hl-ent-PER", "actor: person, dotted border"),
    ("organisation", "hl-entity hl-ent-ORG", "actor: organisation, dashed border"),
    ("place", "hl-entity hl-ent-GPE", "actor: country or place, double border"),
    ("time", "hl-timex", "time expression: dashed box"),
    ("event", "hl-trigger", "event trigger: italic, thick red border"),
]


@dataclass
class Mark:
    start: int
    end: int
    role: str
    css: str
    title: str
    ref: str | None = None  # statement or event id, for the anchor label at the start


@dataclass
class Segment:
    text: str
    classes: str = ""
    title: str = ""
    refs: list[str] = field(default_factory=list)  # ids whose marks start here (st1, ev2)


def span_text(span: dict | None) -> str:
    if not span:
        return ""
    if span.get("parts"):
        return " … ".join(part.get("text", "") for part in span["parts"])
    return span.get("text", "")


def _pieces(span: dict | None) -> list[tuple[int, int]]:
    if not span:
        return []
    parts = span.get("parts") or [span]
    out = []
    for part in parts:
        start, end = part.get("start"), part.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end:
            out.append((start, end))
    return out


def _marks(data: dict[str, Any]) -> list[Mark]:
    marks: list[Mark] = []

    def add(span: dict | None, role: str, css: str, title: str, ref: str | None = None) -> None:
        for n, (start, end) in enumerate(_pieces(span)):
            marks.append(Mark(start, end, role, css, title, ref if n == 0 else None))

    if data.get("header"):
        add(data["header"], "header", "hl-header", "date header")
    for st in data.get("statements") or []:
        who = (st.get("speaker") or {}).get("name") or "unknown speaker"
        sid = st.get("id", "")
        add(st.get("message"), "message", f"hl-message hl-kind-{st.get('kind')}", f"{sid}: {st.get('kind')} statement by {who}", sid)
        add(st.get("cue"), "cue", "hl-cue", f"{sid}: cue")
        add((st.get("speaker") or {}).get("mention"), "speaker", "hl-speaker", f"speaker: {who}")
        add(st.get("medium"), "medium", "hl-medium", f"{sid}: medium")
        add(st.get("addressee"), "addressee", "hl-addressee", f"{sid}: addressee")
    for ent in data.get("entities") or []:
        label = ent.get("label") if ent.get("label") in ENTITY_LABELS else "MISC"
        name = ent.get("name") or ent.get("text") or ""
        add(ent, "entity", f"hl-entity hl-ent-{label}", f"actor: {name} ({label})")
    for tx in data.get("timexes") or []:
        add(tx, "timex", "hl-timex", f"time: {tx.get('value')} ({tx.get('type')})")
    for ev in data.get("events") or []:
        add(ev.get("trigger"), "trigger", "hl-trigger", f"{ev.get('id')}: event {ev.get('type')}", ev.get("id"))
    return marks


def segments(text: str, data: dict[str, Any]) -> list[Segment]:
    """The text cut at every highlight boundary; each piece carries the classes covering it."""
    marks = [m for m in _marks(data) if m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        starts[mark.start].append(mark)
    active: list[Mark] = []
    out: list[Segment] = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > lo] + starts.get(lo, [])
        if not active:
            out.append(Segment(text[lo:hi]))
            continue
        ordered = sorted(active, key=lambda m: ROLES.index(m.role))
        classes = " ".join(dict.fromkeys(c for m in ordered for c in m.css.split()))
        titles = " · ".join(dict.fromkeys(m.title for m in ordered))
        refs = [m.ref for m in starts.get(lo, []) if m.ref and m.role in ("message", "trigger")]
        out.append(Segment(text[lo:hi], classes, titles, list(dict.fromkeys(refs))))
    return out


def actor_key(kb_id: str | None, name: str | None) -> str | None:
    """The key of an actor page: the knowledge-base id, else the name."""
    return kb_id or (name or None)


def statements_view(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for st in data.get("statements") or []:
        speaker = st.get("speaker") or {}
        time = st.get("time") or None
        rows.append({
            "id": st.get("id"),
            "kind": st.get("kind"),
            "speaker": speaker.get("name"),
            "speaker_key": actor_key(speaker.get("entity"), speaker.get("name")),
            "entity": speaker.get("entity"),
            "mention": span_text(speaker.get("mention")),
            "cue": span_text(st.get("cue")),
            "message": span_text(st.get("message")),
            "medium": span_text(st.get("medium")),
            "addressee": span_text(st.get("addressee")),
            "time": (time.get("value") or time.get("text")) if isinstance(time, dict) else None,
        })
    return rows


def actors_view(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Actors of the document, one row each (by cluster, else KB id, else name), most mentioned first."""
    groups: dict[Any, dict[str, Any]] = {}
    for ent in data.get("entities") or []:
        name = ent.get("name") or ent.get("text")
        key = ("cluster", ent["cluster"]) if ent.get("cluster") is not None else (ent.get("kb_id") or name)
        row = groups.setdefault(key, {
            "name": name, "label": ent.get("label"), "kb_id": ent.get("kb_id"),
            "key": actor_key(ent.get("kb_id"), name), "country": ent.get("country"),
            "roles": [], "mentions": [],
        })
        row["mentions"].append(ent.get("text"))
        if ent.get("role") and ent["role"] not in row["roles"]:
            row["roles"].append(ent["role"])
    for row in groups.values():
        row["count"] = len(row["mentions"])
        row["mentions"] = list(dict.fromkeys(row["mentions"]))
    return sorted(groups.values(), key=lambda r: (-r["count"], str(r["name"])))


def _actors_text(actors: list[dict] | None) -> list[dict[str, Any]]:
    return [
        {"name": a.get("name") or span_text(a.get("mention")) or "?", "key": actor_key(a.get("entity"), a.get("name")), "country": a.get("country"), "sector": a.get("sector")}
        for a in actors or []
    ]


def events_view(data: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for ev in data.get("events") or []:
        location = ev.get("location") or {}
        rows.append({
            "id": ev.get("id"), "type": ev.get("type"), "mode": ev.get("mode"),
            "actors": _actors_text(ev.get("actor")), "recipients": _actors_text(ev.get("recipient")),
            "trigger": span_text(ev.get("trigger")), "negated": bool(ev.get("negated")),
            "modality": ev.get("modality"), "statement": ev.get("statement"),
            "date": ev.get("date"), "date_source": ev.get("date_source"),
            "location": location.get("name"), "cameo": ev.get("cameo"),
            "quad_class": ev.get("quad_class"), "goldstein": ev.get("goldstein"),
            "confidence": ev.get("confidence"),
        })
    return rows


def dating_view(data: dict[str, Any]) -> dict[str, Any] | None:
    dating = data.get("dating")
    if not isinstance(dating, dict):
        return None
    interval = dating.get("interval") or [None, None]
    consistent = dating.get("consistent")
    stated = dating.get("stated", data.get("stated_date"))
    effective = dating.get("estimate") if consistent is False else (stated or dating.get("estimate"))
    return {
        "stated": stated, "estimate": dating.get("estimate"),
        "earliest": interval[0] if len(interval) > 0 else None,
        "latest": interval[1] if len(interval) > 1 else None,
        "confidence": dating.get("confidence"), "consistent": consistent, "effective": effective,
        "evidence": [
            {"text": span_text(e.get("span")) if isinstance(e.get("span"), dict) else str(e.get("span") or ""), "reason": e.get("reason")}
            for e in dating.get("evidence") or [] if isinstance(e, dict)
        ],
    }


def article_view(data: dict[str, Any], meta: dict[str, Any] | None = None) -> dict[str, Any]:
    """Everything the article template shows, from one analysis dict."""
    meta = {**(data.get("meta") or {}), **(meta or {})}
    text = data.get("text") or ""
    return {
        "doc_id": data.get("id") or meta.get("doc_id"),
        "title": meta.get("title"),
        "url": meta.get("url"),
        "source": meta.get("source"),
        "stated_date": data.get("stated_date"),
        "date": meta.get("date"),  # the store's effective date, when the page comes from a store
        "lagebild_version": data.get("lagebild_version"),
        "segments": segments(text, data),
        "statements": statements_view(data),
        "actors": actors_view(data),
        "timexes": [
            {"text": t.get("text"), "type": t.get("type"), "value": t.get("value"), "mod": t.get("mod"), "anchor": t.get("anchor")}
            for t in data.get("timexes") or []
        ],
        "dating": dating_view(data),
        "events": events_view(data),
        "legend": LEGEND,
    }
