"""Events: who did what to whom, coded in PLOVER with the text that proves it (docs/events.md)."""

from lagebild.events.coder import EventCoder, document_date
from lagebild.events.model import Actor, Event, Location

__all__ = ["Actor", "Event", "EventCoder", "Location", "document_date"]
