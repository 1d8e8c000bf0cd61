"""The events layer (`doc.layers["events"]`); the coder lives in the package `lagebild.events`."""

from lagebild.events.coder import EventCoder

__all__ = ["EventCoder"]
