"""Tokens and sentences with character offsets (SoMaJo), one line at a time.

News texts put headlines, datelines and paragraphs on lines of their own, often without a
final full stop, so a line break always ends a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lagebild.document import Document, Sentence, Token

_LINE = re.compile(r"[^\n]+")
_MAX_LINE = 20_000  # SoMaJo is quadratic-ish on very long lines; longer lines are cut in chunks


@lru_cache(maxsize=2)
def _somajo(offsets: bool = False):
    from somajo import SoMaJo

    return SoMaJo("de_CMC", split_camel_case=False, character_offsets=offsets)


class Tokenizer:
    """Adds `doc.tokens` and `doc.sentences` for the text after the header."""

    name = "tokenizer"

    def __call__(self, doc: Document) -> None:
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        paragraph = -1
        for line in _LINE.finditer(doc.text, doc.body_start):
            if not line.group().strip():
                continue
            paragraph += 1  # every line is a paragraph: headlines and datelines stand alone
            for chunk_start, chunk in _chunks(line.start(), line.group()):
                self._tokenize_line(chunk, chunk_start, paragraph, tokens, sentences)
        doc.tokens = tokens
        doc.sentences = sentences

    @staticmethod
    def _tokenize_line(line: str, offset: int, paragraph: int, tokens: list[Token], sentences: list[Sentence]) -> None:
        for words in _sentences_with_offsets(line):
            first = len(tokens)
            for start, end, space_after in words:
                if end > start:
                    tokens.append(Token(i=len(tokens), start=offset + start, end=offset + end, text=line[start:end], sent=len(sentences), space_after=space_after))
            if len(tokens) > first:
                sentences.append(Sentence(i=len(sentences), start=tokens[first].start, end=tokens[-1].end, first_token=first, last_token=len(tokens), paragraph=paragraph))


def _sentences_with_offsets(line: str) -> list[list[tuple[int, int, bool]]]:
    """SoMaJo's sentences as (start, end, space_after) per token. Tokens are found in the line
    by their text, which is cheaper than SoMaJo's own alignment; where a token is not the text
    as written (SoMaJo normalised it), SoMaJo aligns the line itself."""
    out, position = [], 0
    for sentence in _somajo().tokenize_text([line]):
        words = []
        for tok in sentence:
            at = line.find(tok.text, position)
            if at < 0 or line[position:at].strip():
                return [[(*t.character_offset, bool(t.space_after)) for t in s] for s in _somajo(True).tokenize_text([line])]
            position = at + len(tok.text)
            words.append((at, position, bool(tok.space_after)))
        out.append(words)
    return out


def _chunks(start: int, line: str):
    if len(line) <= _MAX_LINE:
        yield start, line
        return
    position = 0
    while position < len(line):
        cut = min(len(line), position + _MAX_LINE)
        if cut < len(line):
            space = line.rfind(" ", position, cut)
            cut = space + 1 if space > position else cut
        yield start + position, line[position:cut]
        position = cut
