"""Who acts when the clause names no actor outright: pronouns through coreference, `beide
Länder`, descriptions (`Die Regierungschefin`), the subject a zu-infinitive depends on, the
speaker of the statement an act is told in, and the body a speaker holds office in."""

from __future__ import annotations

from bisect import bisect_right

from lagebild.document import Sentence
from lagebild.events import modality as md
from lagebild.events.actors import ARTICLES
from lagebild.events.arguments import (
    GROUP_WORDS,
    Arguments,
    clause_subject,
)
from lagebild.events.clauses import (
    Clause,
    Group,
    Mention,
    attachment,
)
from lagebild.events.lexicon import Trigger
from lagebild.events.model import Actor
from lagebild.events.triggers import Candidate
from lagebild.kb import Person
from lagebild.lang import speech_lexicon
from lagebild.layers.phrases import noun_phrase_at

SINGULAR_PRONOUNS = {"er"}


class SubjectResolver:
    """Part of the document coder (`coder._DocumentCoder`): uses its tokens, entities, clusters,
    statements, actors and descriptions."""

    def _resolved_subject(self, args: Arguments, sentence: Sentence, clause: Clause, candidate: Candidate, mentions: list[Mention]) -> list[Actor]:
        """A pronoun, `beide Länder`, or a description standing as subject."""
        k = args.actor_token
        tokens = self.tokens
        if k is not None:
            word = tokens[k].lower
            cluster_actor = self._cluster_actor(k)
            if cluster_actor is not None:
                return [cluster_actor]
            if word in ("wir", "ich"):
                statement = self._statement_around(tokens[k].start)
                body = self._speaker_body(statement) if word == "wir" and candidate.trigger.type not in md.SPEECH_ACTS else None
                speaker = body or (self._speaker_actor(statement) if statement is not None else None)
                return [speaker] if speaker is not None else []
            plural = word != "sie" or _plural_verb(tokens, clause)
            if word in GROUP_WORDS or (word == "sie" and plural and self.last_plural):
                return list(self.last_plural)
            for group in reversed(self.earlier_groups):
                if word in SINGULAR_PRONOUNS and (len(group.mentions) > 1 or group.mentions[0].label != "PER"):
                    continue
                return [self._actor(m) for m in group.mentions]
            return []
        if args.passive or candidate.nominal:
            return []
        return self._prefix_subject(clause, candidate, mentions) or self._description_subject(clause, candidate)

    def _controller(self, clause: Clause, clauses: list[Clause], mentions: list[Mention], groups: list[Group], candidate: Candidate) -> list[Actor]:
        """`Die EU beschloss, keine neuen Kapitel zu eröffnen`: a zu-infinitive clause acts through
        the subject of the clause it depends on."""
        before = [c for c in clauses if c.last <= clause.first and c.finite]
        if not before:
            return []
        governing = before[-1]
        subject = clause_subject(self.tokens, governing, groups, self.adverbial)
        if subject is not None:
            return [self._actor(m) for m in subject.mentions]
        return self._prefix_subject(governing, candidate, mentions)

    def _prefix_subject(self, clause: Clause, candidate: Candidate, mentions: list[Mention]) -> list[Actor]:
        """`die EU-Staats- und Regierungschefs`: the organisation or state in a subject compound."""
        for m in mentions:
            if m.prefix and m.first in clause and m.first not in candidate.tokens and attachment(self.tokens, m.first, clause.first) == (None, False):
                return [self._actor(m)]
        return []

    def _description_subject(self, clause: Clause, candidate: Candidate) -> list[Actor]:
        """`Die Opposition kritisierte …`: a common noun as subject names the actor."""
        tokens = self.tokens
        if clause.subordinate or not clause.finite:
            return []
        lead = clause.first
        while lead < clause.last and tokens[lead].pos.startswith(("$", "KON")):
            lead += 1
        np = noun_phrase_at(tokens, lead, clause.finite[0])
        if np is None or np[1] != clause.finite[0] - 1 or tokens[np[1]].pos not in ("NN", "NE"):
            return self._inverted_description(clause, candidate)
        head = tokens[np[1]]
        if head.i in candidate.tokens or not head.text[:1].isupper():
            return []
        if any(t.type != "NONE" for t in self.lex.noun_triggers(head.lemma or head.text)):
            return []  # an act is no actor: `Russische Angriffe trafen Kiew`
        start = tokens[np[0]].start
        described = self._cluster_actor_at(start, head.end) or self._description_actor(start, head.end)  # `Die Regierungschefin` → May
        if described is not None:
            return [described]
        return [Actor(head.text, None, None, None, self.doc.span(start, head.end))]

    def _inverted_description(self, clause: Clause, candidate: Candidate) -> list[Actor]:
        """`Zugleich lobte der Minister …`: after an adverb in the first field, a `der` phrase
        right after the finite verb is the subject; it counts only when it names a person or
        party of the text (a bare noun there may be an object)."""
        tokens = self.tokens
        finite = clause.finite[0]
        if tokens[clause.first].pos != "ADV" or finite + 2 >= clause.last or tokens[finite + 1].lower != "der":
            return []
        np = noun_phrase_at(tokens, finite + 1, clause.last)
        if np is None or tokens[np[1]].pos != "NN" or np[1] in candidate.tokens:
            return []
        start, end = tokens[np[0]].start, tokens[np[1]].end
        described = self._cluster_actor_at(start, end) or self._description_actor(start, end)
        return [described] if described is not None else []

    def _description_actor(self, start: int, end: int) -> Actor | None:
        """The person a description with an office word stands for (events/descriptions.py)."""
        phrase = self.doc.text[start:end]
        words = phrase.split()
        if not words or words[-1][:1].islower():
            return None
        span = self.doc.span(start, end)
        person = self.descriptions.person(phrase, words[-1], start, end)
        if person is not None:
            return self.actors.from_mention(person, span)
        first, _, rest = phrase.partition(" ")
        holder = self.descriptions.office_holder(rest if rest and first.lower() in ARTICLES else phrase)
        return self.actors.from_name(holder.name, holder.id, span) if holder is not None else None

    def _described(self, args: Arguments) -> list[Actor]:
        """`Der Chef der Freien Wähler` is a person when coreference ties the phrase to one."""
        if args.described_by is None:
            return []
        first, last = args.described_by
        if last < first:
            return []
        person = self._person_in_cluster(self.tokens[first].start, self.tokens[last].end)
        return [person] if person is not None else []

    def _person_in_cluster(self, start: int, end: int) -> Actor | None:
        """The person a description (`Der Chef der Freien Wähler`) refers to, by coreference."""
        for a, b, c in self.cluster_of_span:
            if a < end and start < b:
                entity = next((e for e in self.entities if getattr(e, "cluster", None) == c and getattr(e, "label", "") == "PER"), None)
                if entity is not None:
                    return self.actors.from_mention(entity, self.doc.span(start, end))
        return None

    def _speaker_actor(self, statement_index: int | None) -> Actor | None:
        if statement_index is None:
            return None
        statement = self.statements[statement_index]
        mention = statement.mention
        if mention is not None:
            person = self._person_in_cluster(mention.start, mention.end)
            if person is not None:
                return person
            for entity in self.entities:
                if entity.start < mention.end and mention.start < entity.end and getattr(entity, "label", "") in ("PER", "ORG", "GPE"):
                    return self.actors.from_mention(entity, self.doc.span(entity.start, entity.end))
            cluster_actor = self._cluster_actor_at(mention.start, mention.end) or self._description_actor(mention.start, mention.end)
            if cluster_actor is not None:
                return cluster_actor
        name = statement.speaker.name if statement.speaker else None
        if not name:
            return None
        return self.actors.from_name(name, statement.entity, mention)

    def _speaker_body(self, statement_index: int | None) -> Actor | None:
        """The state or organisation a speaker holds office in at the document date: who `wir`
        and agentless passives of an official's statement stand for."""
        speaker = self._speaker_actor(statement_index) if statement_index is not None else None
        entry = self.actors.kb.get(speaker.entity) if speaker is not None and speaker.entity else None
        if not isinstance(entry, Person) or not self.date:
            return None
        for office in entry.offices_on(self.date):
            body = self.actors.kb.get(office.of)
            if body is not None:
                return self.actors.from_name(body.name, body.id, None)
        return None

    def _statement_cues(self) -> dict[int, tuple[int, Trigger | None]]:
        """Cue verb token → (statement index, speech-act trigger of its class or None)."""
        cues: dict[int, tuple[int, Trigger | None]] = {}
        speech = speech_lexicon()
        for n, statement in enumerate(self.statements):
            if statement.cue is None:
                continue
            parts = statement.cue.parts or (statement.cue,)
            indices = [self._token_at(p.start) for p in parts]
            words = {self.tokens[i].lower for i in indices if i is not None}
            for i in indices:
                if i is None or not self.tokens[i].pos.startswith("V"):
                    continue
                lemma = self.tokens[i].lemma.lower()
                entries = speech.cues.get(lemma, ())
                entry = next((e for e in entries if e.companion is None or e.companion.lower() in words), None)
                trigger = self.lex.cue_classes.get(entry.cls) if entry else None
                cues[i] = (n, trigger)
        return cues

    def _token_at(self, offset: int) -> int | None:
        k = bisect_right(self.token_starts, offset) - 1
        return k if k >= 0 and self.tokens[k].start == offset else None

    def _statement_around(self, offset: int) -> int | None:
        for n, statement in enumerate(self.statements):
            parts = statement.message.parts or (statement.message,)
            if any(p.start <= offset < p.end for p in parts):
                return n
        return None

    def _cluster_spans(self) -> list[tuple[int, int, int]]:
        spans = []
        for c, cluster in enumerate(self.doc.layers.get("clusters", []) or []):
            for span in getattr(cluster, "mentions", []):
                spans.append((span.start, span.end, c))
        return spans

    def _cluster_actor(self, k: int) -> Actor | None:
        return self._cluster_actor_at(self.tokens[k].start, self.tokens[k].end)

    def _cluster_actor_at(self, start: int, end: int) -> Actor | None:
        for a, b, c in self.cluster_of_span:
            if a < end and start < b:
                entity = next((e for e in self.entities if getattr(e, "cluster", None) == c), None)
                if entity is not None:
                    return self.actors.from_mention(entity, self.doc.span(start, end))
        return None


def _plural_verb(tokens, clause: Clause) -> bool:
    return any(tokens[k].lower.endswith("n") for k in clause.finite)
