"""Closed classes of German function words, shared by every layer that reads noun phrases."""

DEFINITE_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des"})
INDEFINITE_ARTICLES = frozenset({"ein", "eine", "einer", "eines", "einem", "einen"})
ARTICLES = DEFINITE_ARTICLES | INDEFINITE_ARTICLES
RELATIVE_PRONOUNS = frozenset({"der", "die", "das", "den", "dem", "denen", "deren", "dessen", "welcher", "welche", "welches", "welchen", "welchem"})
