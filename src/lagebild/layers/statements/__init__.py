"""Statements: who said what (see finder.py for the procedure)."""

from lagebild.layers.statements.finder import StatementFinder
from lagebild.layers.statements.model import Cue, Statement

__all__ = ["Cue", "Statement", "StatementFinder"]
