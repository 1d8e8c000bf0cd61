"""One event per act: coordinated triggers of a sentence and repeated reports of one act in
several sentences become one event, coded where the text narrates it."""

from __future__ import annotations

from lagebild.events.model import Actor, Event

SENTENCE_END = (".", "!", "?", "“", "\"", "”", "«", "»", ":")


def unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.key not in seen:
            seen.add(a.key)
            out.append(a)
    return out


def merge(events: list[Event]) -> list[Event]:
    """One event per act: coordinated triggers of one sentence, and repeated reports of an act
    (same type, actors, recipients and trigger lemma) in several sentences."""
    kept: list[Event] = []
    for event in events:
        into = next((k for k in kept if _same_act(k, event)), None)
        if into is None:
            kept.append(event)
            continue
        if event.sentence not in into.evidence:
            into.evidence.append(event.sentence)
        if _rank(event) < _rank(into):  # code the act at the body sentence that narrates it
            into.sentence, into.trigger, into.sentence_index = event.sentence, event.trigger, event.sentence_index
            into.modality, into.statement, into.date, into.date_source = event.modality, event.statement, event.date, event.date_source
        into.recipient = unique(into.recipient + event.recipient)
        into.actor = unique(into.actor + event.actor)
        into.confidence = max(into.confidence, event.confidence)
    return kept


def _rank(event: Event) -> int:
    """Where an act is best coded: narration (0) before a quotation (1) before a headline (2)."""
    return 2 if _headline(event) else 1 if event.quoted else 0


def _headline(event: Event) -> bool:
    """A title or subheading: a line without a closing punctuation mark."""
    return not event.sentence.text.rstrip().endswith(SENTENCE_END)


def _same_act(kept: Event, event: Event) -> bool:
    if kept.type != event.type or kept.negated != event.negated:
        return False
    if kept.sentence_index == event.sentence_index:
        a, b = kept.actor_keys(), event.actor_keys()
        return bool(a & b) and kept.modality == event.modality
    if _headline(kept) or _headline(event):
        return bool(kept.actor_keys() & event.actor_keys())
    return kept.lemma == event.lemma and kept.actor_keys() == event.actor_keys() and kept.recipient_keys() == event.recipient_keys()

