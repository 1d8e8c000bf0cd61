"""Events and their actors, as they appear in `doc.layers["events"]` and the analysis JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lagebild.document import Span

MODALITIES = ("hypothetical", "future", "reported", "historical", "asserted", "demanded")


@dataclass
class Actor:
    name: str
    entity: str | None = None  # knowledge-base id
    country: str | None = None  # ISO-3, or EUR, IGO, UNO, NGO …
    sector: str | None = None  # GOV, MIL, PTY, …
    mention: Span | None = None

    @property
    def key(self) -> str:
        return self.entity or self.name.lower()

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entity": self.entity,
            "country": self.country,
            "sector": self.sector,
            "mention": self.mention.to_json() if self.mention else None,
        }


@dataclass
class Location:
    name: str
    entity: str | None
    mention: Span

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "entity": self.entity, "mention": self.mention.to_json()}


@dataclass
class Event:
    type: str
    mode: str | None
    actor: list[Actor]
    recipient: list[Actor]
    trigger: Span
    sentence: Span
    sentence_index: int
    lemma: str  # the trigger's lemma (or `noun+verb`), to tell repeated reports of one act
    evidence: list[Span] = field(default_factory=list)
    negated: bool = False
    modality: str = "asserted"
    statement: int | None = None  # index into doc.layers["statements"]
    date: str | None = None
    date_source: str | None = None
    location: Location | None = None
    cameo: str = ""
    quad_class: int = 0
    goldstein: float = 0.0
    confidence: float = 0.5
    number: int = 0  # 1-based position in the layer, set by the coder
    quoted: bool = False  # inside a statement's message (a repeat there is coded at the narration)
    background: bool = False  # the act a sentence's main act answers (`als Reaktion auf …`): listed after it

    def actor_keys(self) -> frozenset[str]:
        return frozenset(a.key for a in self.actor)

    def recipient_keys(self) -> frozenset[str]:
        return frozenset(a.key for a in self.recipient)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": f"ev{self.number}",
            "type": self.type,
            "mode": self.mode,
            "actor": [a.to_json() for a in self.actor],
            "recipient": [a.to_json() for a in self.recipient],
            "trigger": self.trigger.to_json(),
            "sentence": self.sentence.to_json(),
            "evidence": [s.to_json() for s in self.evidence],
            "negated": self.negated,
            "modality": self.modality,
            "statement": f"st{self.statement + 1}" if self.statement is not None else None,
            "date": self.date,
            "date_source": self.date_source,
            "location": self.location.to_json() if self.location else None,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "confidence": round(self.confidence, 2),
        }
