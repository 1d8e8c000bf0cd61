"""Speaker linking: statement speakers to knowledge-base entries, judged at the document's date.

A speaker whose words are an entity mention, or a pronoun or nominal reference in a
coreference cluster (`sagte er`, `der Norweger`), takes the entry of that mention or cluster:
the entity layer has already weighed context and date there (`Kreml-Chef` → Wladimir Putin,
`Stoltenberg` after `Jens Stoltenberg`). A speaker with no such mention is looked up by name:
where several entries share it, the one that held an office at the document's date wins,
then the most prominent. Descriptions (`ein Sprecher des Ministeriums`) stay unlinked.
"""

from __future__ import annotations

from dataclasses import replace

from lagebild.document import Document
from lagebild.kb import Entry, KnowledgeBase, Person, load_kb
from lagebild.layers.coref import ClusterIndex

_NO_MENTION = object()
_ARTICLES = frozenset({"der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen"})


class SpeakerLinker:
    name = "speaker_linking"

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()

    def __call__(self, doc: Document) -> None:
        index = ClusterIndex(doc)
        for statement in doc.layers.get("statements", []):
            speaker = statement.speaker
            if speaker is None or not speaker.name:
                continue
            linked = self._from_clusters(index, statement)
            if linked is not _NO_MENTION:
                statement.entity = linked
            elif not speaker.name[:1].islower():
                entry = self.best(speaker.name, doc.effective_date)
                statement.entity = entry.id if entry else None
            fullest = _fullest_name(index, statement.entity, speaker.name)
            if fullest is not None:
                statement.speaker = replace(speaker, name=fullest)

    @staticmethod
    def _from_clusters(index: ClusterIndex, statement) -> str | None | object:
        """The KB id of the entity the speaker mention names; `_NO_MENTION` when it names none.

        A person inside the mention wins (`Israels Staatspräsident Schimon Peres`: Peres, the one
        whose name the speaker carries); an organisation or state only when it is the whole
        mention (`die CSU`, `das iranische Außenministerium`); else a pronoun or nominal reference
        of a cluster (`er`, `der Norweger`)."""
        span = statement.mention
        if span is None:
            return _NO_MENTION
        inside = index.mentions_in(span.start, span.end)
        people = [m for m in inside if m.label == "PER"]
        if people:
            name = statement.speaker.name or ""
            named = [m for m in people if (m.name or m.text).split()[-1] in name] or people
            return named[-1].kb_id
        words = span.text.split()
        bare = " ".join(words[1:]) if len(words) > 1 and words[0].lower() in _ARTICLES else span.text
        whole = [m for m in inside if m.label in ("ORG", "GPE") and m.text == bare]
        if whole:
            return whole[0].kb_id
        cluster = index.cluster_at(span.start, span.end, exact=True)
        if cluster is None:
            return _NO_MENTION
        # a pronoun: trust the cluster only where it agrees with the speaker the statements layer found
        agrees = cluster.name.split()[-1] in (statement.speaker.name or "")
        return cluster.kb_id if agrees else _NO_MENTION

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


class Relinker:
    """Links actors again when the dating layer judged the stated date wrong: `der Bundeskanzler`
    in a text headed 2025 but written in 2021 is Angela Merkel, not the chancellor of 2025."""

    name = "relinking"

    def __init__(self, *layers):
        self.layers = layers  # entity recognition, coreference, speaker linking: in that order

    def __call__(self, doc: Document) -> None:
        if doc.effective_date == doc.stated_date:
            return
        for layer in self.layers:
            layer(doc)


def _fullest_name(index: ClusterIndex, entity: str | None, name: str) -> str | None:
    """The fullest name the text gives the linked person, where the speaker's name is a shorter
    form of it (`Baerbock` → `Annalena Baerbock`); None when there is none longer."""
    if entity is None or not name:
        return None
    last = name.split()[-1]
    names = [m.text for m in index.mentions if m.kb_id == entity and m.label == "PER" and m.is_name
             and m.text.split()[-1] == last]
    longest = max(names, key=lambda text: len(text.split()), default=None)
    return longest if longest is not None and len(longest.split()) > len(name.split()) else None
