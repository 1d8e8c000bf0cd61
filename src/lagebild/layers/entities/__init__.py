"""Entity mentions linked to the knowledge base (see finder.py for the procedure)."""

from lagebild.layers.entities.finder import EntityRecognizer
from lagebild.layers.entities.lexicon import Lexicon, lexicon_for
from lagebild.layers.entities.model import LABELS, NAME_VIAS, Mention

__all__ = ["LABELS", "NAME_VIAS", "EntityRecognizer", "Lexicon", "Mention", "lexicon_for"]
