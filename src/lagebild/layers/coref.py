"""Coreference: one cluster per entity of a document, with its names, pronouns and nominal references.

Built on the entity mentions (`doc.layers["entities"]`):
1. mentions of one knowledge-base entry, or of one name the text gives (`Hans Meier … Meier`),
   form a cluster;
2. a nominal reference (`der Norweger`, `der Nato-Chef`, `die Ministerin`) joins the latest
   person before it that it fits: the demonym of the person's nationality, a title of an
   office the person held at the document date (any time when undated), or the role the text
   gave the person;
3. a third-person pronoun (`er`, `ihm`, `seine`; `sie`, `ihr` only for women) joins the first
   person of matching gender in its own sentence before it, else in the nearest of the two
   sentences before it that names people.
Each entity mention gets the index of its cluster (`Mention.cluster`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass, field
from typing import Any

from lagebild.document import Document, Span, Token
from lagebild.kb import KnowledgeBase, Person, load_kb
from lagebild.kb.model import fold
from lagebild.layers.entities import Lexicon, Mention, lexicon_for

_DETERMINERS = frozenset({"der", "die", "des", "dem", "den"})
_PRONOUN_WINDOW = 2  # sentences back in which a pronoun looks for its person
_PRONOUN_REACH = 30  # person mentions back that can lie in that window (bounds the work on long texts)
_NOMINAL_REACH = 200  # person mentions back in which a nominal reference looks for its person


@dataclass(eq=False)
class Cluster:
    id: int
    label: str
    kb_id: str | None
    name: str
    mentions: list[Span] = field(default_factory=list)
    gender: str | None = None
    role: str | None = None  # the latest role the text gave the entity
    country: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "kb_id": self.kb_id, "name": self.name,
                "mentions": [span.to_json() for span in self.mentions]}


class Coreference:
    """Adds `doc.layers["clusters"]` and sets `cluster` on each entity mention."""

    name = "coref"

    def __init__(self, kb: KnowledgeBase | None = None):
        self.kb = kb or load_kb()
        self.lexicon = lexicon_for(self.kb)

    def __call__(self, doc: Document) -> None:
        doc.layers["clusters"] = _Resolver(doc, self.lexicon).run()


class _Resolver:
    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.lex = lexicon
        self.kb = lexicon.kb
        self.tokens = doc.tokens
        self.mentions: list[Mention] = doc.layers.get("entities", [])
        self.clusters: list[Cluster] = []
        self._person_at: list[tuple[int, int, Cluster]] = []  # (token, sentence, cluster) of person mentions, by token
        self.taken: set[int] = set()  # tokens inside entity mentions

    def run(self) -> list[Cluster]:
        self._cluster_mentions()
        self.taken = {i for m in self.mentions for i in range(m.first, m.last + 1)}
        for i, token in enumerate(self.tokens):
            if i in self.taken:
                continue
            if token.lower in _DETERMINERS:
                self._nominal(i)
            elif token.lower in self.lex.pronouns:
                self._pronoun(i)
        for cluster in self.clusters:
            cluster.mentions.sort(key=lambda s: (s.start, s.end))
        return self.clusters

    # -- names --------------------------------------------------------------------------------
    def _cluster_mentions(self) -> None:
        by_key: dict[tuple[str, str], Cluster] = {}
        for m in self.mentions:
            key = ("kb", m.kb_id) if m.kb_id else (m.label, fold(m.name or m.text))
            cluster = by_key.get(key)
            if cluster is None:
                cluster = Cluster(len(self.clusters), m.label, m.kb_id, m.name or m.text, country=m.country)
                self.clusters.append(cluster)
                by_key[key] = cluster
            elif m.is_name and cluster.label != m.label and m.via != "metonym":
                cluster.label = m.label  # a country named by its name rather than its seat of power
            cluster.mentions.append(m.span)
            if m.role_span is not None:
                cluster.mentions.append(m.role_span)  # `Kreml-Chef` in `Kreml-Chef Wladimir Putin`
            cluster.gender = cluster.gender or m.gender
            cluster.role = m.role or cluster.role
            m.cluster = cluster.id
            if m.label == "PER":
                self._person_at.append((m.first, self.tokens[m.first].sent, cluster))
        self._person_at.sort(key=lambda p: p[0])

    def _persons_before(self, i: int, limit: int) -> list[tuple[int, int, Cluster]]:
        """The last `limit` person mentions before token i, nearest last."""
        end = bisect_left(self._person_at, i, key=lambda p: p[0])
        return self._person_at[max(0, end - limit) : end]

    def _add_person(self, i: int, cluster: Cluster) -> None:
        insort(self._person_at, (i, self.tokens[i].sent, cluster), key=lambda p: p[0])

    # -- nominal references ---------------------------------------------------------------------
    def _nominal(self, i: int) -> None:
        """`der Norweger`, `des Nato-Chefs`, `die neue Außenministerin`."""
        j = i + 1
        while j < len(self.tokens) and self.tokens[j].pos.startswith("ADJ") and self.tokens[j].text[:1].islower():
            j += 1
        if j >= len(self.tokens) or not self.tokens[j].text[:1].isupper() or self.tokens[j].sent != self.tokens[i].sent:
            return
        head = self.tokens[j]
        if j in self.taken:
            return  # an entity mention already (`der Nato-Chef` linked at the date)
        if j + 1 < len(self.tokens) and self.tokens[j + 1].pos == "NE":
            return  # `der Außenminister Lawrow`: a name follows, the entity layer has it
        phrase = " ".join(t.text for t in self.tokens[i + 1 : j + 1])
        fits = self._demonym_fit(head) or self._title_fit(phrase, head)
        if fits is None:
            return
        for _, _, cluster in reversed(self._persons_before(i, _NOMINAL_REACH)):
            if fits(cluster):
                cluster.mentions.append(self.doc.span(self.tokens[i].start, head.end))
                self._add_person(i, cluster)
                return

    def _demonym_fit(self, head: Token):
        country = self.lex.demonym_country(head.text)
        if country is None:
            return None
        return lambda cluster: cluster.country == country.id and cluster.label == "PER"

    def _title_fit(self, phrase: str, head: Token):
        if not self.lex.is_title(head.text):
            return None
        readings = self.kb.resolve_title(phrase) or self.kb.resolve_title(head.text)
        base = fold(head.lemma or head.text)
        when = self.doc.effective_date

        def fits(cluster: Cluster) -> bool:
            if cluster.label != "PER":
                return False
            person = self.kb.get(cluster.kb_id) if cluster.kb_id else None
            if isinstance(person, Person) and readings:
                offices = person.offices_on(when) if when else person.offices
                return any(o.role == role and (of is None or o.of == of) and (gender != "f" or person.gender == "f")
                           for o in offices for role, of, gender in readings)
            return bool(cluster.role) and fold(cluster.role).endswith(base)

        return fits

    # -- pronouns -------------------------------------------------------------------------------
    def _pronoun(self, i: int) -> None:
        token = self.tokens[i]
        if i > 0 and self.tokens[i - 1].text in ("„", "\"", "»", "«"):
            return
        gender = self.lex.pronouns[token.lower]
        if gender == "f" and token.text == "Sie" and i > 0 and self.tokens[i - 1].sent == token.sent:
            return  # the polite `Sie`
        candidates = self._persons_before(i, _PRONOUN_REACH)
        same = [c for _, s, c in candidates if s == token.sent]
        pools = [same] if same else []
        for back in range(1, _PRONOUN_WINDOW + 1):
            pool = [c for _, s, c in candidates if s == token.sent - back]
            if pool:
                pools.append(pool)
                break
        for pool in pools:
            fitting = [c for c in pool if _gender_fits(c.gender, gender)]
            if fitting:
                fitting[0].mentions.append(self.doc.span(token.start, token.end))
                return
            if gender == "f":
                return  # `sie` with no woman in sight is plural


def _gender_fits(known: str | None, wanted: str) -> bool:
    return known == wanted or (known is None and wanted == "m")


class ClusterIndex:
    """Finds the entity mention and the cluster at a stretch of text in logarithmic time."""

    def __init__(self, doc: Document):
        self.clusters: list[Cluster] = doc.layers.get("clusters", [])
        self.mentions: list[Mention] = doc.layers.get("entities", [])
        self._mention_starts = [m.start for m in self.mentions]
        spans = sorted((s.start, s.end, c.id) for c in self.clusters for s in c.mentions)
        self._spans = spans
        self._span_starts = [s[0] for s in spans]
        self._longest = max((m.end - m.start for m in self.mentions), default=0)
        self._longest_span = max((e - s for s, e, _ in spans), default=0)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Entity mentions overlapping [start, end)."""
        lo = bisect_left(self._mention_starts, start - self._longest)
        hi = bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.start < end and start < m.end]

    def cluster_at(self, start: int, end: int, exact: bool = False) -> Cluster | None:
        """The cluster with a mention overlapping [start, end) (with `exact`: one spanning exactly it)."""
        lo = bisect_left(self._span_starts, start - self._longest_span)
        hi = bisect_left(self._span_starts, end)
        for s, e, cluster in self._spans[lo:hi]:
            if (s, e) == (start, end) if exact else s < end and start < e:
                return self.clusters[cluster]
        return None


def cluster_of(doc: Document, start: int, end: int) -> Cluster | None:
    """The cluster one of whose mentions overlaps the characters [start, end), names first.

    Builds an index each call; for many look-ups in one document use `ClusterIndex`."""
    index = ClusterIndex(doc)
    for m in index.mentions_in(start, end):
        if m.cluster is not None and m.label in ("PER", "ORG", "GPE"):
            return index.clusters[m.cluster]
    return index.cluster_at(start, end)
