"""The event coder: who did what to whom, in PLOVER, with the text that proves it.

Per sentence and clause: trigger candidates from the lexicon (verbs, nouns, light-verb
constructions, speech-act cues of statements) → actor and recipient among the entity
mentions → negation, modality, date, mode and codes. Then future meetings and aid become
AGREE, announced withdrawals CONCEDE, and reports of one act in several sentences merge.

The document coder is assembled from parts: `subjects` (who acts), `recipients` (at whom),
`circumstances` (modality, date, codes, location) and `merging`.
"""

from __future__ import annotations

from bisect import bisect_right

from lagebild.document import Document, Sentence, Span, Token
from lagebild.events import modality as md
from lagebild.events.actors import ActorFactory
from lagebild.events.arguments import (
    Arguments,
    find_arguments,
    prefix_actor,
)
from lagebild.events.circumstances import CircumstanceCoder
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
from lagebild.events.merging import merge, unique
from lagebild.events.model import Actor, Event
from lagebild.events.recipients import RecipientResolver
from lagebild.events.subjects import SubjectResolver
from lagebild.events.triggers import Candidate, find_candidates, verb_lemma
from lagebild.kb import KnowledgeBase, load_kb

TARGETED = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "SANCTION", "ASSAULT"}  # "X [type]s Y": nearly always a Y
VENUE_PREPOSITIONS = {"bei", "beim", "auf", "während"}
VERBAL_SECTORS = {"PTY", "LEG", "OPP", "ELI"}
REACTION_NOUNS = {"reaktion", "antwort", "vergeltung"}  # `als Reaktion auf …`: a cause, told as fact


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


class _DocumentCoder(SubjectResolver, RecipientResolver, CircumstanceCoder):
    def __init__(self, doc: Document, lex: EventLexicon, kb: KnowledgeBase):
        self.doc = doc
        self.tokens = doc.tokens
        self.lex = lex
        self.entities = sorted(doc.layers.get("entities", []), key=lambda e: e.start)
        self.entity_starts = [e.start for e in self.entities]
        self.entity_ids = {getattr(e, "kb_id", None) for e in self.entities} - {None}
        self.statements = doc.layers.get("statements", [])
        all_timexes = doc.layers.get("timexes", [])
        self.all_timexes = all_timexes
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
        events = merge(events)
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
        events.sort(key=lambda e: e.background)  # stable: the main acts first, in text order
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
        adjective = self._adjective_actor(candidate) if candidate.nominal and not args.own else None
        governing, genitive = attachment(tokens, candidate.head, clause.first)
        participation = support and governing is not None and governing.lower in ("an", "am")  # `an einer Offensive beteiligt`
        venue = trigger.type == "CONSULT" and governing is not None and not genitive and governing.lower in VENUE_PREPOSITIONS and not args.actor
        if venue:  # `einigten sich bei einem Treffen`: the parties of the clause met
            args = find_arguments(tokens, clause, groups, candidate, True, self.adverbial)
            if not args.actor:
                return None
        background = adjective is not None and _reaction(tokens, candidate.head, clause)
        if not venue and trigger.kind == "N" and governing is not None and not args.own and not participation and not background:
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
        actors = [adjective] if adjective else self._described(args) or [self._actor(m) for m in args.actor]
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
        if not actors and candidate.nominal and (type_, mode) == ("PROTEST", "strike") and self._narrated_fact(sentence, clause, candidate):
            actors = self._striking_union()  # `Am Mittwoch beginnt die Arbeitsniederlegung`
        if not actors:
            return None  # PLOVER codes no act without an identifiable actor
        if "warn" in trigger.frame and referred:
            type_, mode = "THREATEN", None
        if type_ in md.SPEECH_ACTS and md.intended(tokens, clause) and self._ascribed(candidate, actors):
            return None  # `Erdogan wolle der EU die Schuld anlasten`, says Juncker: an intention ascribed, not an act
        actor_keys = {a.key for a in actors}
        recipients = [self._actor(m) for m in args.recipient] + [r for r in referred if r.key not in actor_keys]
        event = self._finish(type_, mode, actors, recipients, sentence, clause, candidate, args, mentions, statement, content_at)
        event.background = background
        return event

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
            actor=unique(actors),
            recipient=unique(recipients),
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

    def _narrated_fact(self, sentence: Sentence, clause: Clause, candidate: Candidate) -> bool:
        """Told by the narrator as a fact: neither inside a statement nor hypothetical."""
        inside = self._statement_around(self.tokens[candidate.head].start) is not None
        return not inside and not md.hypothetical(self.tokens, clause, sentence.last_token, False)

    def _ascribed(self, candidate: Candidate, actors: list[Actor]) -> bool:
        """Whether the act stands in the statement of a speaker other than its actor."""
        statement = self._statement_around(self.tokens[candidate.head].start)
        speaker = self._speaker_actor(statement) if statement is not None else None
        return speaker is not None and speaker.key not in {a.key for a in actors}

    def _adjective_actor(self, candidate: Candidate) -> Actor | None:
        """`palästinensische Raketen- und Granatenangriffe`: a country adjective right before a
        trigger noun names its actor (where the entities layer marked no mention there)."""
        tokens = self.tokens
        k = candidate.head - 1
        while k >= 0 and (tokens[k].pos == "TRUNC" or tokens[k].lower in ("und", "oder")):
            k -= 1
        while k >= 0 and tokens[k].pos.startswith("ADJ"):
            country = next((m.entry for m in self.actors.kb.match(tokens[k].lemma or tokens[k].text) if m.via == "adjective" and m.entry.label == "GPE"), None)
            if country is not None:
                return self.actors.from_name(country.name, country.id, self.doc.span(tokens[k].start, tokens[k].end))
            k -= 1
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

    # -- actors ------------------------------------------------------------------------------
    def _actor(self, mention: Mention) -> Actor:
        tokens = self.tokens
        entity = mention.entity
        span = self.doc.span(entity.start, entity.end) if hasattr(entity, "start") else self.doc.span(tokens[mention.first].start, tokens[mention.last].end)
        return self.actors.from_mention(entity, span)


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



def _confidence(candidate: Candidate, args: Arguments, statement: int | None) -> float:
    score = {"LV": 0.8, "V": 0.7, "A": 0.6, "N": 0.55}[candidate.trigger.kind]
    if statement is not None:
        score += 0.1
    if args.actor:
        score += 0.1
    return min(score, 0.95)


def _reaction(tokens: list[Token], head: int, clause: Clause) -> bool:
    """`als Reaktion auf palästinensische Angriffe`: the noun names the act answered."""
    k = head - 1
    while k > clause.first and not tokens[k].pos.startswith(("APPR", "APPRART")):
        k -= 1
    return k > clause.first and tokens[k - 1].lower in REACTION_NOUNS
