"""Speaker linking: statement speakers to knowledge-base entries, judged at the document's date.

`Stoltenberg` in a text of 2021 is Jens Stoltenberg; `Merkel` is Angela Merkel. Where several
entries share a name, the one that held an office at the document's date wins, then the most
prominent. Descriptions (`ein Sprecher des Ministeriums`) stay unlinked.
"""

from __future__ import annotations

from lagebild.document import Document
from lagebild.kb import Entry, KnowledgeBase, Person, load_kb


class SpeakerLinker:
    name = "speaker_linking"

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()

    def __call__(self, doc: Document) -> None:
        for statement in doc.layers.get("statements", []):
            speaker = statement.speaker
            if speaker is None or not speaker.name or speaker.name[:1].islower():
                continue
            entry = self.best(speaker.name, doc.stated_date)
            statement.entity = entry.id if entry else None

    def best(self, name: str, when: str | None) -> Entry | None:
        candidates = [e for e in self.kb.lookup(name) if e.label in ("PER", "ORG", "GPE")]
        if not candidates:
            return None
        if when:
            in_office = [e for e in candidates if isinstance(e, Person) and e.offices_on(when)]
            if in_office:
                candidates = in_office
        people = [e for e in candidates if isinstance(e, Person)]
        if people:
            return max(people, key=lambda p: p.prominence)
        return candidates[0]
