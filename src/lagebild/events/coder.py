"""The event coder: who did what to whom, in PLOVER, with the text that proves it.

Per sentence and clause: trigger candidates from the lexicon (verbs, nouns, light-verb
constructions, speech-act cues of statements) → actor and recipient among the entity
mentions → negation, modality, date, mode and codes. Then future meetings and aid become
AGREE, announced withdrawals CONCEDE, and reports of one act in several sentences merge.
"""

from __future__ import annotations

from bisect import bisect_right

from lagebild.document import Document, Sentence, Span
from lagebild.events import modality as md
from lagebild.events.actors import ARTICLES, ActorFactory
from lagebild.events.arguments import (
    GROUP_WORDS,
    Arguments,
    clause_subject,
    find_arguments,
    prefix_actor,
)
from lagebild.events.clauses import (
    Clause,
    Group,
    Mention,
    attachment,
    clauses_of,
    group_mentions,
    place_mentions,
)
from lagebild.events.descriptions import DescriptionResolver
from lagebild.events.lexicon import EventLexicon, Trigger, event_lexicon
from lagebild.events.model import Actor, Event, Location
from lagebild.events.triggers import Candidate, find_candidates, verb_lemma
from lagebild.kb import KnowledgeBase, Person, Place, load_kb
from lagebild.lang import speech_lexicon
from lagebild.layers.phrases import noun_phrase_at

FUTURE_AS_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
SINGULAR_PRONOUNS = {"er"}
PLACE_PREPOSITIONS = {"in", "im", "nach"}
TARGETED = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "SANCTION", "ASSAULT"}  # "X [type]s Y": nearly always a Y
ACTOR_LABELS = ("PER", "ORG", "GPE")
GOAL_WORDS = {"für", "bis"}
DEFINITE_ARTICLES = {"der", "des", "dem", "den", "die"}
ANSWERED = {"ACCUSE", "REQUEST", "THREATEN"}  # what a rejection replies to
CIRCUMSTANCE_PREPOSITIONS = {"seit", "nach", "vor", "während", "in", "im", "bis", "ab", "unter"}
STATE_BODIES = {"military", "government", "ministry"}
VENUE_PREPOSITIONS = {"bei", "beim", "auf", "während"}
VERBAL_SECTORS = {"PTY", "LEG", "OPP", "ELI"}
SENTENCE_END = (".", "!", "?", "“", "\"", "”", "«", "»", ":")


class EventCoder:
    """Pipeline layer: `doc.layers["events"]`, a list of `Event`."""

    name = "events"

    def __init__(self, kb: KnowledgeBase | None = None, lang: str = "de"):
        self._kb = kb
        self.lang = lang

    @property
    def kb(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = load_kb()
        return self._kb

    def __call__(self, doc: Document) -> None:
        doc.layers["events"] = _DocumentCoder(doc, event_lexicon(self.lang), self.kb).run()


def document_date(doc: Document) -> str | None:
    """The date events default to: the dating layer's effective date, else the stated date."""
    effective = getattr(doc, "effective_date", None)
    if isinstance(effective, str) and effective:
        return effective
    dating = doc.layers.get("dating")
    if dating is not None:
        data = dating.to_json() if hasattr(dating, "to_json") else dict(dating)
        if data.get("consistent") is False and data.get("estimate"):
            return data["estimate"]
        return data.get("stated") or data.get("estimate") or doc.stated_date
    return doc.stated_date


class _DocumentCoder:
    def __init__(self, doc: Document, lex: EventLexicon, kb: KnowledgeBase):
        self.doc = doc
        self.tokens = doc.tokens
        self.lex = lex
        self.entities = sorted(doc.layers.get("entities", []), key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]
        self.entity_ids = {getattr(e, "kb_id", None) for e in self.entities} - {None}
        self.statements = doc.layers.get("statements", [])
        all_timexes = doc.layers.get("timexes", [])
        self.timexes = [t for t in all_timexes if t.type == "DATE" and md.calendar_date(t.value) and not self._goal(t)]
        self.token_starts = [t.start for t in doc.tokens]
        self.adverbial = {k for x in all_timexes for k in range(bisect_right(self.token_starts, x.span.start - 1), bisect_right(self.token_starts, x.span.end - 1))}
        self.date = document_date(doc)
        self.actors = ActorFactory(kb, self.date, self.entities)
        self.descriptions = DescriptionResolver(kb, self.entities, self.date)
        self.cues = self._statement_cues()
        self.earlier_groups: list[Group] = []  # groups of the sentences before, for `beide Länder`, `er`
        self.cluster_of_span = self._cluster_spans()
        self.last_plural: list[Actor] = []  # the last parties named together, for `beide Länder`
        self.salience = self._salience()
        self.coded: list[Event] = []  # the events of the sentences so far, for replies (`wies die Vorwürfe zurück`)

    # -- driver -------------------------------------------------------------------------------
    def run(self) -> list[Event]:
        events: list[Event] = []
        for sentence in self.doc.sentences:
            events.extend(self._sentence_events(sentence))
        events = _merge(events)
        for n, event in enumerate(events, 1):
            event.number = n
        return events

    def _sentence_events(self, sentence: Sentence) -> list[Event]:
        first, last = sentence.first_token, sentence.last_token
        lo = bisect_right(self.entity_starts, self.tokens[first].start - 1) if first < last else 0
        hi = bisect_right(self.entity_starts, self.tokens[last - 1].end) if first < last else 0
        mentions = place_mentions(self.doc, self.entities[lo:hi], first, last)
        groups = group_mentions(self.tokens, mentions)
        clauses = clauses_of(self.doc, first, last)
        self.context = (clauses, groups, mentions)
        events: list[Event] = []
        content_at: int | None = None  # the first demand or accusation: what follows is its content
        for clause in clauses:
            cue_triggers = {i: cue[1] for i, cue in self.cues.items() if i in clause and cue[1] is not None}
            in_clause: list[tuple[Candidate, Event]] = []
            for candidate in find_candidates(self.tokens, clause, self.lex, cue_triggers):
                event = self._event(sentence, clauses, clause, candidate, mentions, groups, content_at)
                if event is None:
                    continue
                if event.type in ("REQUEST", "ACCUSE") and content_at is None:
                    content_at = candidate.head
                if len(event.actor) > 1:
                    self.last_plural = event.actor
                in_clause.append((candidate, event))
            _mark_rejected_content(in_clause)
            events.extend(event for _, event in in_clause)
            self.coded.extend(event for _, event in in_clause)
        self.earlier_groups.extend(groups)
        plural_groups = [g for g in groups if len(g.mentions) > 1 and all(m.label in ("GPE", "ORG") for m in g.mentions)]
        if plural_groups:
            self.last_plural = [self._actor(m) for m in plural_groups[-1].mentions]
        return events

    # -- one event ---------------------------------------------------------------------------
    def _event(self, sentence: Sentence, clauses: list[Clause], clause: Clause, candidate: Candidate, mentions: list[Mention], groups: list[Group], content_at: int | None) -> Event | None:
        tokens = self.tokens
        trigger = candidate.trigger
        type_, mode = trigger.type, trigger.mode
        support = any(verb_lemma(tokens, k, clause) in self.lex.support_verbs for k in range(clause.first, clause.last) if tokens[k].pos.startswith("V"))
        args = find_arguments(tokens, clause, groups, candidate, support, self.adverbial)
        for noun in (k for k in candidate.tokens if tokens[k].pos in ("NN", "NE")):
            prefix = prefix_actor(mentions, noun)
            if prefix is not None and (not args.actor or args.passive):
                args.actor = [prefix]
        governing, genitive = attachment(tokens, candidate.head, clause.first)
        participation = support and governing is not None and governing.lower in ("an", "am")  # `an einer Offensive beteiligt`
        venue = trigger.type == "CONSULT" and governing is not None and not genitive and governing.lower in VENUE_PREPOSITIONS and not args.actor
        if venue:  # `einigten sich bei einem Treffen`: the parties of the clause met
            args = find_arguments(tokens, clause, groups, candidate, True, self.adverbial)
            if not args.actor:
                return None
        elif trigger.kind == "N" and governing is not None and not args.own and not participation:
            return None  # a time anchor or label: `nach dem Putsch`, `beim Gipfel`
        referred = self._object_referent(args, clause, groups)  # `warnte ihn`, `Sanktionen gegen das Land`
        if "warn" in trigger.frame and not referred:
            type_, mode, args = self._warning(clause, candidate, groups, args)
            if type_ is None:
                return None
        if "joint" in trigger.frame and self._joint(clause, args):
            type_, mode = "COOPERATE", None
        self._relative_antecedent(clause, clauses, groups, args, trigger)
        if "said" in trigger.frame:
            return self._allegation(sentence, clause, candidate, args, mentions)
        statement = self.cues.get(candidate.head, (None, None))[0]
        actors = self._described(args) or [self._actor(m) for m in args.actor]
        if not actors and statement is not None:
            speaker = self._speaker_actor(statement)
            objects = {(m.entity.start, m.entity.end) for m in args.recipient}
            if speaker is not None and speaker.mention is not None and (speaker.mention.start, speaker.mention.end) in objects:
                speaker = None  # the cue's object, not its speaker (`Sie forderte Russland auf`)
            actors = [speaker] if speaker is not None else []
        if not actors:
            actors = self._resolved_subject(args, sentence, clause, candidate, mentions)
        if not actors and not clause.finite and not args.passive and _infinitive(tokens, clause):
            actors = self._controller(clause, clauses, mentions, groups, candidate)
        if not actors and args.passive and type_ not in md.SPEECH_ACTS:
            # `Das Abkommen mit Belarus sei zurückgefahren worden`, says the Nato's secretary general
            body = self._speaker_body(self._statement_around(tokens[candidate.head].start))
            actors = [body] if body is not None else []
        actors += [self._actor(m) for m in args.partners]  # `keine Gespräche mit Ankara`: at least the partners
        if trigger.kind == "V" and type_ == "CONSULT" and actors:
            actors += self._meeting_host(clause, mentions)
        if not actors:
            return None  # PLOVER codes no act without an identifiable actor
        if "warn" in trigger.frame and referred:
            type_, mode = "THREATEN", None
        actor_keys = {a.key for a in actors}
        recipients = [self._actor(m) for m in args.recipient] + [r for r in referred if r.key not in actor_keys]
        return self._finish(type_, mode, actors, recipients, sentence, clause, candidate, args, mentions, statement, content_at)

    def _finish(self, type_: str, mode: str | None, actors: list[Actor], recipients: list[Actor], sentence: Sentence, clause: Clause, candidate: Candidate, args: Arguments, mentions: list[Mention], statement: int | None, content_at: int | None) -> Event:
        tokens = self.tokens
        trigger = candidate.trigger
        if "verbal" in trigger.frame and all(a.sector in VERBAL_SECTORS or (a.entity is None and a.mention is None) or _is_person(a, self.entities) for a in actors):
            type_, mode = "ACCUSE", "disapprove"  # a politician's attack is a verbal one
        actor_keys = {a.key for a in actors}
        recipients = [r for r in recipients if r.key not in actor_keys]
        if not recipients and type_ == "PROTEST" and mode == "strike":
            recipients = self._employer(actors)
        elif not recipients and type_ in TARGETED:
            recipients = self._target(clause, candidate, args, actors, statement)
        actors = [self._state_abroad(self._seat_of_power(a, recipients), recipients) for a in actors]
        recipients = [self._seat_of_power(r, actors) for r in recipients]
        event = Event(
            type=type_,
            mode=mode,
            actor=_unique(actors),
            recipient=_unique(recipients),
            trigger=Span.joined(self.doc.text, [(tokens[k].start, tokens[k].end) for k in candidate.tokens]),
            sentence=self.doc.span(sentence.start, sentence.end),
            sentence_index=sentence.i,
            lemma=candidate.lemma,
        )
        event.evidence = [event.sentence]
        self._modality(event, sentence, clause, candidate, statement, content_at)
        self._mode_and_codes(event, clause, trigger)
        event.location = self._location(clause, mentions, args)
        event.confidence = _confidence(candidate, args, statement)
        return event

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
        if actor.mention is None:
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

    def _allegation(self, sentence: Sentence, clause: Clause, candidate: Candidate, args: Arguments, mentions: list[Mention]) -> Event | None:
        """`Iran missachte seine Verpflichtungen, sagte Wadephul`: inside a statement, the
        speaker alleges wrongdoing of the clause's subject."""
        statement = self._statement_around(self.tokens[candidate.head].start)
        speaker = self._speaker_actor(statement) if statement is not None else None
        if speaker is None:
            return None
        accused = [self._actor(m) for m in args.actor] or self._resolved_subject(args, sentence, clause, candidate, mentions)
        if candidate.trigger.type == "REQUEST":  # `Es sei an der Zeit, dass die Türkei …`: a demand needs an addressee
            accused = [self._actor(m) for m in args.recipient] or self._following_subject(clause, {speaker.key})
            if not accused:
                return None
        event = self._finish(candidate.trigger.type, candidate.trigger.mode, [speaker], accused, sentence, clause, candidate, args, mentions, statement, None)
        event.modality, event.statement = "asserted", statement  # the saying is the act
        return event

    def _warning(self, clause: Clause, candidate: Candidate, groups: list[Group], args: Arguments) -> tuple[str | None, str | None, Arguments]:
        """`warnte Russland vor …` threatens Russia; `warnte vor einem Angriff Russlands` alleges;
        a warning of a danger is no event."""
        if args.recipient:
            return "THREATEN", None, args
        tokens = self.tokens
        for group in groups:
            if group.first in clause and group.first > candidate.head:
                before = [tokens[k].lower for k in range(clause.first, group.first)]
                if "vor" in before:
                    args.recipient = group.mentions
                    return "ACCUSE", "allege", args
        return None, None, args

    def _joint(self, clause: Clause, args: Arguments) -> bool:
        words = {self.tokens[k].lower for k in range(clause.first, clause.last)}
        return len(args.actor) > 1 or bool(words & {"gemeinsam", "gemeinsame", "gemeinsamen", "zusammen", "gemeinsames"})

    def _relative_antecedent(self, clause: Clause, clauses: list[Clause], groups: list[Group], args: Arguments, trigger: Trigger) -> None:
        """`Belarus, das … mit Sanktionen belegt wurde`: the relative pronoun stands for the
        phrase before the clause."""
        tokens = self.tokens
        lead = clause.first
        while lead < clause.last and tokens[lead].pos.startswith("$"):
            lead += 1
        if lead >= clause.last or not tokens[lead].pos.startswith("PRELS"):
            return
        before = [g for g in groups if g.last < clause.first]
        if not before or any(not tokens[k].pos.startswith("$") for k in range(before[-1].last + 1, clause.first)):
            return  # the pronoun refers to the phrase right before the comma, and that is no entity
        antecedent = before[-1]
        if args.passive and "obj" in trigger.frame and not args.recipient:
            args.recipient = antecedent.mentions
        elif not args.actor and not args.passive:
            args.actor = antecedent.mentions

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
            return []
        head = tokens[np[1]]
        if head.i in candidate.tokens or not head.text[:1].isupper():
            return []
        start = tokens[np[0]].start
        described = self._cluster_actor_at(start, head.end) or self._description_actor(start, head.end)  # `Die Regierungschefin` → May
        if described is not None:
            return [described]
        return [Actor(head.text, None, None, None, self.doc.span(start, head.end))]

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

    # -- actors ------------------------------------------------------------------------------
    def _actor(self, mention: Mention) -> Actor:
        tokens = self.tokens
        entity = mention.entity
        span = self.doc.span(entity.start, entity.end) if hasattr(entity, "start") else self.doc.span(tokens[mention.first].start, tokens[mention.last].end)
        return self.actors.from_mention(entity, span)

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

    # -- modality, date, codes ---------------------------------------------------------------
    def _modality(self, event: Event, sentence: Sentence, clause: Clause, candidate: Candidate, cue_statement: int | None, content_at: int | None) -> None:
        tokens = self.tokens
        event.negated = md.negated(tokens, clause, [k for k in candidate.tokens if tokens[k].pos in ("NN", "NE")], candidate.trigger.required, candidate.nominal)
        timex = self._timex_in(clause, sentence)
        if timex is not None:
            event.date, event.date_source = md.calendar_date(timex.value), "text"
        elif self.date:
            event.date, event.date_source = self.date, "document"
        in_statement = self._statement_around(event.trigger.start) if cue_statement is None else None
        event.quoted = in_statement is not None
        when = md.compare_dates(event.date, self.date) if event.date_source == "text" else 0
        if event.type not in md.SPEECH_ACTS and ((content_at is not None and content_at < candidate.head) or self._demand(in_statement)):
            event.modality = "demanded"  # the content of a demand or accusation: not an act of its own
        elif md.hypothetical(tokens, clause, sentence.last_token, in_statement is not None):
            event.modality = "hypothetical"
        elif md.future(tokens, clause, event.type) or when > 0:
            event.modality = "future"
        elif in_statement is not None and not self._speaker_acts(event, in_statement):
            event.modality, event.statement = "reported", in_statement
        elif when < 0 and md.year_of(event.date) != md.year_of(self.date) or md.past_words(tokens, clause):
            event.modality = "historical"
        if in_statement is not None:
            event.statement = in_statement
        elif cue_statement is not None:
            event.statement = cue_statement
        if event.modality == "future" and event.type in FUTURE_AS_AGREE:
            event.type, event.mode = "AGREE", None
        elif event.modality == "future" and event.type == "RETREAT":
            event.type, event.mode = "CONCEDE", None

    def _demand(self, statement: int | None) -> bool:
        """Whether a statement is a demand (`„Russland muss abziehen“, forderte Scholz`)."""
        if statement is None or self.statements[statement].cue is None:
            return False
        cue = self._token_at(self.statements[statement].cue.start)
        trigger = self.cues.get(cue, (None, None))[1] if cue is not None else None
        lemma = self.tokens[cue].lemma.lower() if cue is not None else ""
        verbs = self.lex.verbs.get(lemma, ())
        return (trigger is not None and trigger.type == "REQUEST") or any(t.type == "REQUEST" for t in verbs)

    def _speaker_acts(self, event: Event, statement_index: int) -> bool:
        speaker = self._speaker_actor(statement_index)
        return speaker is not None and speaker.key in event.actor_keys()

    def _goal(self, timex) -> bool:
        """`Kanzlerkandidat für 2013`, `bis 2030`: a goal or deadline, not when the act happened."""
        before = self.doc.text[max(0, timex.span.start - 5) : timex.span.start].split()
        return bool(before) and before[-1].lower() in GOAL_WORDS

    def _timex_in(self, clause: Clause, sentence: Sentence):
        start, end = self.tokens[clause.first].start, self.tokens[clause.last - 1].end
        inside = [t for t in self.timexes if start <= t.span.start < end]
        if inside:
            return inside[0]
        in_sentence = [t for t in self.timexes if sentence.start <= t.span.start < sentence.end]
        return in_sentence[0] if len(in_sentence) == 1 else None

    def _mode_and_codes(self, event: Event, clause: Clause, trigger: Trigger) -> None:
        if event.type == trigger.type:
            words = [self.tokens[k].lower for k in range(clause.first, clause.last)]
            event.mode = self.lex.mode_for(event.type, words) or event.mode
        code = self.lex.code(event.type, event.mode)
        event.cameo, event.quad_class, event.goldstein = code.cameo, code.quad_class, code.goldstein

    def _location(self, clause: Clause, mentions: list[Mention], args: Arguments) -> Location | None:
        used = {id(m) for m in args.actor + args.recipient}
        for m in mentions:
            if m.first in clause and id(m) not in used and m.label in ("LOC", "GPE") and not m.prefix:
                before = self.tokens[m.first - 1].lower if m.first > 0 else ""
                if before in PLACE_PREPOSITIONS:
                    entity = m.entity
                    return Location(getattr(entity, "name", None) or entity.text, getattr(entity, "kb_id", None), self.doc.span(entity.start, entity.end))
        return None


def _mark_rejected_content(in_clause: list[tuple[Candidate, Event]]) -> None:
    """`erteilte möglichen Verhandlungen eine Absage`: the talks a rejection refuses are its
    content, not an act of their own (as with the content of a demand)."""
    if not any(event.type == "REJECT" and candidate.trigger.kind != "N" for candidate, event in in_clause):
        return
    for candidate, event in in_clause:
        if candidate.trigger.kind == "N" and event.type != "REJECT":
            event.modality = "demanded"


def _is_person(actor: Actor, entities: list) -> bool:
    mention = actor.mention
    return mention is not None and any(e.start == mention.start and getattr(e, "label", "") == "PER" for e in entities)


def _infinitive(tokens, clause: Clause) -> bool:
    return any(tokens[k].pos in ("VV(IZU)", "PTKZU") for k in range(clause.first, clause.last))


def _plural_verb(tokens, clause: Clause) -> bool:
    return any(tokens[k].lower.endswith("n") for k in clause.finite)


def _unique(actors: list[Actor]) -> list[Actor]:
    seen, out = set(), []
    for a in actors:
        if a.key not in seen:
            seen.add(a.key)
            out.append(a)
    return out


def _confidence(candidate: Candidate, args: Arguments, statement: int | None) -> float:
    score = {"LV": 0.8, "V": 0.7, "A": 0.6, "N": 0.55}[candidate.trigger.kind]
    if statement is not None:
        score += 0.1
    if args.actor:
        score += 0.1
    return min(score, 0.95)


def _merge(events: list[Event]) -> list[Event]:
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
        into.recipient = _unique(into.recipient + event.recipient)
        into.actor = _unique(into.actor + event.actor)
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
