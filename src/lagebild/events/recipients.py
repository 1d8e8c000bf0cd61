"""Whom an event is aimed at when no object names it (`forderte, dass die Türkei …`, the last
accusation a rejection answers, the article's main counterpart), and whom a state body or a seat
of power stands for (`die israelische Armee` → Israel, `Brüssel` → the EU)."""

from __future__ import annotations

from bisect import bisect_right

from lagebild.events.arguments import (
    Arguments,
)
from lagebild.events.circumstances import PLACE_PREPOSITIONS
from lagebild.events.clauses import (
    Clause,
    Group,
    Mention,
    attachment,
)
from lagebild.events.model import Actor
from lagebild.events.triggers import Candidate
from lagebild.kb import Place
from lagebild.lang.de.function_words import DEFINITE_ARTICLES

ACTOR_LABELS = ("PER", "ORG", "GPE")
ANSWERED = {"ACCUSE", "REQUEST", "THREATEN"}  # what a rejection replies to
CIRCUMSTANCE_PREPOSITIONS = {"seit", "nach", "vor", "während", "in", "im", "bis", "ab", "unter"}
STATE_BODIES = {"military", "government", "ministry"}


class RecipientResolver:
    """Part of the document coder (`coder._DocumentCoder`): uses its tokens, entities, actors,
    statements, context of the current sentence and the events coded so far."""

    def _target(self, clause: Clause, candidate: Candidate, args: Arguments, actors: list[Actor], statement: int | None) -> list[Actor]:
        """Whom an accusation, demand, refusal, threat, praise or sanction is aimed at when no
        object names it: another actor of the clause (`Verständnis für den Aufruf der GDL`),
        then the subject of the clause that follows (`forderte, dass die Türkei …`), then the
        first actor of the statement's message."""
        clauses, groups, mentions = self.context
        actor_keys = {a.key for a in actors}
        used = {id(m) for m in args.actor}
        for m in mentions:  # other actors in the trigger's clause
            if m.first in clause and id(m) not in used and not set(range(m.first, m.last + 1)) & set(candidate.tokens) and not m.modifier and self._targetable(m, actor_keys) and not self._circumstance(m, clause):
                return [self._actor(m)]
        described = self._described_party(clause, candidate, actor_keys)
        if described is not None:
            return [described]
        following = self._following_subject(clause, actor_keys)
        if following:
            return following
        if statement is not None:
            message = self.statements[statement].message
            for entity in self.entities:
                if message.start <= entity.start < message.end and getattr(entity, "label", "") in ACTOR_LABELS and not self._circumstance_at(entity.start, message.start):
                    actor = self.actors.from_mention(entity, self.doc.span(entity.start, entity.end))
                    if actor.key not in actor_keys:
                        return [actor]
        if candidate.trigger.type == "REJECT":
            answered = self._answered(actor_keys)
            if answered:
                return answered
        return self._counterpart(actor_keys, actors)

    def _answered(self, actor_keys: set[str]) -> list[Actor]:
        """Whom a rejection answers: the actors of the last accusation, demand or threat aimed at
        the rejecting party (`… kritisierte Russland. Moskau wies die Vorwürfe zurück`; house rule:
        the recipient of rejecting an accusation is the accuser)."""
        for event in reversed(self.coded):
            if event.type in ANSWERED and actor_keys & event.recipient_keys():
                return [Actor(a.name, a.entity, a.country, a.sector, None) for a in event.actor]
        return []

    def _described_party(self, clause: Clause, candidate: Candidate, actor_keys: set[str]) -> Actor | None:
        """`für den Rücktritt des Bürgermeisters`: a definite description in the clause that names
        a person the text introduced before with that role (`Bürgermeister Michael Häupl`)."""
        tokens = self.tokens
        for k in range(clause.first + 1, clause.last):
            if tokens[k].pos != "NN" or k in candidate.tokens or tokens[k - 1].lower not in DEFINITE_ARTICLES:
                continue
            person = self.descriptions.person(tokens[k].text, tokens[k].text, tokens[k - 1].start, tokens[k].end, look_ahead=False)
            if person is not None:
                actor = self.actors.from_mention(person, self.doc.span(tokens[k - 1].start, tokens[k].end))
                if actor.key not in actor_keys:
                    return actor
        return None

    def _following_subject(self, clause: Clause, actor_keys: set[str]) -> list[Actor]:
        """The parties named first in the subordinate clause right after `clause` (`forderte, dass
        die Türkei …`)."""
        clauses, groups, _ = self.context
        later = [c for c in clauses if c.first >= clause.last]
        if later and later[0].subordinate:
            for g in groups:
                if g.first in later[0] and all(self._targetable(m, actor_keys) for m in g.mentions):
                    return [self._actor(m) for m in g.mentions]
        return []

    def _state_abroad(self, actor: Actor, recipients: list[Actor]) -> Actor:
        """A state's army, government or ministry acting towards a foreign actor is the state
        (house rule of the PLOVER gold: `die israelische Armee` → Israel)."""
        entry = self.actors.kb.get(actor.entity) if actor.entity else None
        if entry is None or entry.kind not in STATE_BODIES or not entry.country:
            return actor
        if not any(r.country and r.country != entry.country for r in recipients):
            return actor
        state = self.actors.from_name(entry.country, entry.country, actor.mention)
        return state if state.entity else actor

    def _seat_of_power(self, actor: Actor, others: list[Actor]) -> Actor:
        """A capital or seat of power in an event with a foreign party is the state or body it
        stands for (house rule: a state acting abroad includes its capital): `Berlin` visited by
        the Pope is Germany; `Brüssel` is the EU in a text that names the EU, else Belgium."""
        if actor.mention is None or self._body_of_place(actor.mention.start):
            return actor
        seats = [m.entry for m in self.actors.kb.match(actor.mention.text) if m.via == "metonym"]
        if not seats:
            return actor
        named = [e for e in seats if e.id in self.entity_ids]
        seat = named[0] if named else seats[0]
        if seat.id == actor.entity:
            return actor
        if seat.label == "GPE" and not any(o.country and o.country != seat.id for o in others):
            return actor  # a domestic event: the city or Land itself (`Berlin` in Berlin politics)
        return self.actors.from_name(seat.name, seat.id, actor.mention)

    def _body_of_place(self, offset: int) -> bool:
        """`das Erzbistum Berlin`, `die Stadt Wien`: a place named after a common noun is a body of
        that place, not the seat of a state's power."""
        k = self._token_at(offset)
        return k is not None and k > 0 and self.tokens[k - 1].pos == "NN" and self.tokens[k - 1].end < offset and "-" not in self.tokens[k - 1].text

    def _counterpart(self, actor_keys: set[str], actors: list[Actor]) -> list[Actor]:
        """The article's most-mentioned other actor: whom an unaddressed accusation or demand
        in a news text is aimed at, as a last resort (no mention span: it is inferred)."""
        entries = [self.actors.kb.get(k) for k in actor_keys]
        countries = {e.country for e in entries if e is not None}
        # states and international bodies act towards states; people and parties towards people and groups
        international = any(e is not None and (e.label == "GPE" or e.kind in ("intl_org", "eu_institution")) for e in entries) or any(
            a.sector in ("GOV", "MIL") for a in actors)
        best = None
        for key, (count, entity) in self.salience.items():
            if key in actor_keys or key in countries or count < 2 or (entity.label == "GPE" and not international):
                continue
            if best is None or count > best[0]:
                best = (count, entity)
        if best is None:
            return []
        actor = self.actors.from_mention(best[1], None)
        actor.mention = None
        return [actor]

    def _employer(self, actors: list[Actor]) -> list[Actor]:
        """Whom a strike is against: the company the article mentions most (a strike always has
        an employer; the text often names it only once, and elsewhere)."""
        keys = {a.key for a in actors}
        companies = [(count, entity) for key, (count, entity) in self.salience.items() if key not in keys and self.actors.kb.get(key).kind == "company"]
        if not companies:
            return []
        actor = self.actors.from_mention(max(companies, key=lambda c: c[0])[1], None)
        actor.mention = None
        return [actor]

    def _striking_union(self) -> list[Actor]:
        """Who strikes when a strike noun names no one: the union the article is about, i.e. the
        only union it names, or one named more often than all others together."""
        unions = sorted(((count, entity) for key, (count, entity) in self.salience.items() if self.actors.kb.get(key).kind == "union"), key=lambda c: -c[0])
        if not unions or (len(unions) > 1 and unions[0][0] <= sum(c for c, _ in unions[1:])):
            return []
        actor = self.actors.from_mention(unions[0][1], None)
        actor.mention = None
        return [actor]

    def _salience(self) -> dict[str, tuple[int, object]]:
        counts: dict[str, tuple[int, object]] = {}
        for entity in self.entities:
            kb_id = getattr(entity, "kb_id", None)
            if getattr(entity, "label", "") not in ACTOR_LABELS or not kb_id:
                continue
            entry = self.actors.kb.get(kb_id)
            if entry is None or entry.kind == "media" or isinstance(entry, Place):
                continue
            count, first = counts.get(kb_id, (0, entity))
            counts[kb_id] = (count + 1, first)
        return counts

    def _targetable(self, m: Mention, actor_keys: set[str]) -> bool:
        if m.label not in ACTOR_LABELS or (m.prefix and not self.tokens[m.first].pos.startswith("N")):
            return False
        entry = self.actors.kb.get(getattr(m.entity, "kb_id", None) or "")
        if entry is not None and entry.kind == "media":
            return False
        return self._actor(m).key not in actor_keys and not (m.first > 0 and self.tokens[m.first - 1].lower in PLACE_PREPOSITIONS)

    def _object_referent(self, args: Arguments, clause: Clause, groups: list[Group]) -> list[Actor]:
        """Whom an object pronoun or `das Land` refers to: its coreference cluster, else the last
        fitting phrase before the clause (this sentence or earlier ones): `ihn`/`ihm` a person or
        a single party, `sie`/`ihnen` the last parties named together or the last party, `das
        Land` the last country."""
        k = args.object_token
        if k is None:
            return []
        word = self.tokens[k].lower
        subject = {id(m) for m in args.actor}
        subject_keys = {self._actor(m).key for m in args.actor}
        clustered = self._cluster_actor(k) if self.tokens[k].pos.startswith("PPER") else None
        if clustered is not None and clustered.key not in subject_keys:  # an object pronoun is not the subject
            return [clustered]
        earlier = self.earlier_groups + [g for g in groups if g.last < clause.first]
        for group in reversed(earlier):
            if any(id(m) in subject or self._actor(m).key in subject_keys for m in group.mentions):
                continue
            if group.first > 0 and self.tokens[group.first - 1].lower in PLACE_PREPOSITIONS:
                continue  # `in Ankara`: a place, not a party
            labels = {m.label for m in group.mentions}
            if word in ("ihn", "ihm") and len(group.mentions) == 1 and labels <= {"PER", "ORG", "GPE"}:
                return [self._actor(group.mentions[0])]
            if word in ("sie", "ihnen", "ihr") and labels <= {"PER", "ORG", "GPE"}:
                return [self._actor(m) for m in group.mentions]
            if self.tokens[k].pos == "NN" and len(group.mentions) == 1 and labels == {"GPE"}:
                return [self._actor(group.mentions[0])]
        return []

    def _meeting_host(self, clause: Clause, mentions: list[Mention]) -> list[Actor]:
        """`nimmt am Nato-Gipfel teil`, `beim EU-Gipfel, an dem … teilnehmen`: the organisation whose
        meeting it is takes part in it as well."""
        tokens = self.tokens
        at = next((k for k in range(max(clause.first - 1, 0), clause.last - 1) if tokens[k].lower in ("an", "am")), None)
        if at is None:
            return []
        if tokens[at + 1].pos.startswith("PRELS"):  # the noun before the comma: `beim Nato-Gipfel, an dem …`
            meeting = at - 1
            while meeting > 0 and tokens[meeting].pos.startswith("$"):
                meeting -= 1
        else:
            meeting = at + 1 + tokens[at + 1].pos.startswith("ART")
        if meeting >= len(tokens) or tokens[meeting].pos != "NN":
            return []
        if not any(t.type == "CONSULT" for t in self.lex.noun_triggers(tokens[meeting].lemma or tokens[meeting].text)):
            return []
        host = next((m for m in mentions if m.first == meeting and m.label == "ORG" and getattr(m.entity, "kb_id", None)), None)
        return [self._actor(host)] if host is not None else []

    def _circumstance(self, m: Mention, clause: Clause) -> bool:
        """`seit dem Gaza-Krieg`, `nach dem Treffen in Minsk`: a phrase of time or place names no party."""
        governing, _ = attachment(self.tokens, m.first, clause.first)
        return governing is not None and governing.lower in CIRCUMSTANCE_PREPOSITIONS

    def _circumstance_at(self, offset: int, floor_offset: int) -> bool:
        first, floor = self._token_at(offset), bisect_right(self.token_starts, floor_offset) - 1
        if first is None:
            return False
        governing, _ = attachment(self.tokens, first, max(floor, 0))
        return governing is not None and governing.lower in CIRCUMSTANCE_PREPOSITIONS
