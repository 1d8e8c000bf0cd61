"""Speaker linking: statement speakers to knowledge-base entries, judged at the document's date.

A speaker whose words are an entity mention, or a pronoun or nominal reference in a
coreference cluster (`sagte er`, `der Norweger`), takes the entry of that mention or cluster:
the entity layer has already weighed context and date there (`Kreml-Chef` → Wladimir Putin,
`Stoltenberg` after `Jens Stoltenberg`). A speaker with no such mention is looked up by name:
where several entries share it, the one that held an office at the document's date wins,
then the most prominent. Descriptions (`ein Sprecher des Ministeriums`) stay unlinked.

Last, each statement's speaker mention becomes the words naming the speaker in or nearest before
it: a statement continuing an earlier speaker takes the last naming of that speaker (its
coreference cluster, entity or last name) rather than the first attribution's words.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from itertools import accumulate

from lagebild.document import Document, Span
from lagebild.kb import Entry, KnowledgeBase, Person, load_kb
from lagebild.lang.de.function_words import ARTICLES
from lagebild.layers.coref import ClusterIndex

_NO_MENTION = object()
_POSSESSIVES = frozenset(p + e for p in ("sein", "ihr") for e in ("", "e", "en", "em", "er", "es"))  # `seine Partei` names no speaker
_MENTION_REACH = 3  # sentences back in which a speaker named by name only is looked for


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
        _nearest_mentions(doc, index)

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
        bare = _without_article(span.text)
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


def _nearest_mentions(doc: Document, index: ClusterIndex) -> None:
    """The mention of a speaker is the one in or nearest before its statement: a statement that
    continues an earlier speaker (`Er sei …` two sentences on) takes the words that named that
    speaker last (`Der Minister kam …`), not those of the first attribution; one whose speaker
    was found by name only takes the nearest words naming it."""
    statements = doc.layers.get("statements", [])
    messages = _Messages(statements)
    starts = [s.start for s in doc.sentences]
    possessives = {t.start for t in doc.tokens if t.pos == "PPOSAT" or t.lower in _POSSESSIVES}
    pronouns = {t.start for t in doc.tokens if t.pos.startswith("PPER")}
    for statement in statements:
        if statement.speaker is None or not statement.speaker.name:
            continue
        own = doc.sentences[statement.sentence].start
        mention = statement.mention
        if mention is not None and (statement.cue is not None or mention.start >= own):
            continue  # its cue's own speaker, or named in its own sentence: nothing is nearer
        after = mention.end if mention is not None else starts[max(0, statement.sentence - _MENTION_REACH)]
        spans = _namings(index, statement, after, statement.message.start)
        # a pronoun's antecedent is a guess (`Er` may be the find, not its finder); a name is sure
        spans = [s for s in spans if s.start not in possessives and s.start not in pronouns and s not in messages]
        nearer = max(spans, key=lambda s: (s.start, -s.end), default=None)
        if nearer is not None:
            statement.mention = Span.of(doc.text, nearer.start, nearer.end)


def _namings(index: ClusterIndex, statement, after: int, before: int) -> list[Span]:
    """The spans in [after, before) naming the statement's speaker: its coreference cluster, its
    entity, its last name. A mention that names someone through an organisation (`ein Sprecher
    des Weißen Hauses`) is no mention of the organisation itself."""
    cluster = _speaker_cluster(index, statement)
    spans = [s for s in cluster.mentions if after <= s.start and s.end <= before] if cluster else []
    for m in index.mentions_in(after, before):
        if m.start >= after and m.end <= before and _names_speaker(m, statement) and (m.label == "PER" or cluster or not statement.mention):
            spans.append(m.span)
    return spans


def _names_speaker(mention, statement) -> bool:
    if statement.entity is not None and mention.kb_id == statement.entity:
        return True
    words = (statement.speaker.name or "").split()
    return mention.label == "PER" and mention.is_name and bool(words) and mention.text.split()[-1] == words[-1]


def _speaker_cluster(index: ClusterIndex, statement):
    """The cluster of the words that name the speaker: the whole mention (`er`, `die CSU`), or the
    person named in it (`Israels Staatspräsident Schimon Peres`)."""
    span = statement.mention
    if span is None:
        return None
    exact = index.cluster_at(span.start, span.end, exact=True)
    if exact is not None:
        return exact
    bare = _without_article(span.text)
    for m in index.mentions_in(span.start, span.end):
        if m.cluster is not None and (m.label == "PER" and _names_speaker(m, statement) or m.text == bare):
            return index.clusters[m.cluster]
    return None


def _without_article(text: str) -> str:
    """`die CSU` → `CSU`: the words an entity mention of the phrase would have."""
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].lower() in ARTICLES else text


class _Messages:
    """Whether a span lies inside a statement's message, in logarithmic time."""

    def __init__(self, statements):
        spans = sorted((s.message.start, s.message.end) for s in statements)
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))  # furthest end so far

    def __contains__(self, span: Span) -> bool:
        k = bisect_right(self.starts, span.start)
        return k > 0 and self.reach[k - 1] >= span.end
