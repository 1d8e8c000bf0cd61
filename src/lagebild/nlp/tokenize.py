"""Tokens and sentences with character offsets (SoMaJo), one line at a time.

News texts put headlines, datelines and paragraphs on lines of their own, often without a
final full stop, so a line break always ends a sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from types import MethodType

import regex

from lagebild.document import Document, Sentence, Token

_LINE = re.compile(r"[^\n]+")
_MAX_LINE = 20_000  # SoMaJo is quadratic-ish on very long lines; longer lines are cut in chunks
# Every character SoMaJo's emoji step looks for, in one class (its two classes joined)
_EMOJI_CHARACTER = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


@lru_cache(maxsize=4)
def _somajo(offsets: bool = False, fast: bool = True):
    """SoMaJo for German; `fast=False` is SoMaJo as shipped (for checks and benchmarks)."""
    from somajo import SoMaJo

    somajo = SoMaJo("de_CMC", split_camel_case=False, character_offsets=offsets)
    if fast:
        _skip_emoji_step_without_emojis(somajo)
    return somajo


def _skip_emoji_step_without_emojis(somajo) -> None:
    """SoMaJo's emoji step searches every grapheme of every token with a regex it compiles per
    call (a third of its time on news). A token without any character of the classes it looks
    for can yield no emoji, and the step then splits nothing: only tokens with one run it."""
    tokenizer = getattr(somajo, "_tokenizer", None)
    split_emojis = getattr(tokenizer, "_split_emojis", None)
    if split_emojis is None:
        return

    def split_emojis_if_any(self, node, token_class: str = "emoticon") -> None:
        if _EMOJI_CHARACTER.search(node.value.text):
            split_emojis(node, token_class)

    tokenizer._split_emojis = MethodType(split_emojis_if_any, tokenizer)


class Tokenizer:
    """Adds `doc.tokens` and `doc.sentences` for the text after the header."""

    name = "tokenizer"

    def __init__(self, fast: bool = True) -> None:
        self.fast = fast

    def __call__(self, doc: Document) -> None:
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        paragraph = -1
        for line in _LINE.finditer(doc.text, doc.body_start):
            if not line.group().strip():
                continue
            paragraph += 1  # every line is a paragraph: headlines and datelines stand alone
            for chunk_start, chunk in _chunks(line.start(), line.group()):
                self._tokenize_line(chunk, chunk_start, paragraph, tokens, sentences, self.fast)
        doc.tokens = tokens
        doc.sentences = sentences

    @staticmethod
    def _tokenize_line(line: str, offset: int, paragraph: int, tokens: list[Token], sentences: list[Sentence], fast: bool = True) -> None:
        for words in _sentences_with_offsets(line, fast):
            first = len(tokens)
            for start, end, space_after in words:
                if end > start:
                    tokens.append(Token(i=len(tokens), start=offset + start, end=offset + end, text=line[start:end], sent=len(sentences), space_after=space_after))
            if len(tokens) > first:
                sentences.append(Sentence(i=len(sentences), start=tokens[first].start, end=tokens[-1].end, first_token=first, last_token=len(tokens), paragraph=paragraph))


def _sentences_with_offsets(line: str, fast: bool = True) -> list[list[tuple[int, int, bool]]]:
    """SoMaJo's sentences as (start, end, space_after) per token. Tokens are found in the line
    by their text, which is cheaper than SoMaJo's own alignment; where a token is not the text
    as written (SoMaJo normalised it), SoMaJo aligns the line itself."""
    out, position = [], 0
    for sentence in _somajo(False, fast).tokenize_text([line]):
        words = []
        for tok in sentence:
            at = line.find(tok.text, position)
            if at < 0 or line[position:at].strip():
                return [[(*t.character_offset, bool(t.space_after)) for t in s] for s in _somajo(True, fast).tokenize_text([line])]
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
