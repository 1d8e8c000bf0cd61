"""Tokens and sentences with character offsets (SoMaJo), one line at a time.

News texts put headlines, datelines and paragraphs on lines of their own, often without a
final full stop, so a line break always ends a sentence.

Two repairs after SoMaJo: a dotted name written without spaces (`ver.di`) stays one token, and
in text tokenised with spaces before the full stop (`Dr . Müller`, `am 3 . Mai`) an
abbreviation or day number does not end the sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise
from types import MethodType

import regex

from lagebild.document import Document, Sentence, Token

_LINE = re.compile(r"[^\n]+")
_LETTERS = regex.compile(r"\p{L}+")
_DOT_BETWEEN_LETTERS = regex.compile(r"\p{L}\.\p{L}")
# The part after the dot of a dotted name: a short lower-case ending (ver.di), perhaps compounded
_DOTTED_NAME_END = regex.compile(r"\p{Ll}{2,3}(?:-[\p{L}\d-]+)?")
_MONTHS = {"Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
# A date often ends a sentence, its month abbreviated: `bis zum 5. Okt. Dann …`
_MONTH_ABBREVIATIONS = {month[:3].lower() + "." for month in _MONTHS} | {"sept."}
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
    """Sentences as (start, end, space_after) per token: SoMaJo's, with dotted names joined and
    spaced abbreviations kept inside their sentence."""
    sentences = _somajo_sentences(line, fast)
    if _DOT_BETWEEN_LETTERS.search(line):
        sentences = [_join_dotted_names(line, words) for words in sentences]
    if len(sentences) > 1 and " ." in line:
        sentences = _join_abbreviation_sentences(line, sentences)
    return sentences


def _somajo_sentences(line: str, fast: bool = True) -> list[list[tuple[int, int, bool]]]:
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


def _join_dotted_names(line: str, words: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """`ver.di`, `Ver.di-Chef`, `news.bbc.co.uk`: SoMaJo splits a dotted name whose ending is no
    top-level domain it knows into words and dots; written without spaces and ending in a short
    lower-case part it is one name."""
    out: list[tuple[int, int, bool]] = []
    k = 0
    while k < len(words):
        last = _dotted_name_end(line, words, k)
        out.append((words[k][0], words[last][1], words[last][2]))
        k = last + 1
    return out


def _dotted_name_end(line: str, words: list[tuple[int, int, bool]], k: int) -> int:
    """Index of the last token of the dotted name starting at token k (k itself if none does)."""
    if not _LETTERS.fullmatch(line, *words[k][:2]):
        return k
    last = k
    while last + 2 < len(words) and _abut(words[last], words[last + 1], words[last + 2]) and line[words[last + 1][0] : words[last + 1][1]] == ".":
        last += 2
        if not _LETTERS.fullmatch(line, *words[last][:2]):
            break
    while last > k and not _DOTTED_NAME_END.fullmatch(line, *words[last][:2]):
        last -= 2
    return last


def _abut(*words: tuple[int, int, bool]) -> bool:
    return all(left[1] == right[0] for left, right in pairwise(words))


def _join_abbreviation_sentences(line: str, sentences: list[list[tuple[int, int, bool]]]) -> list[list[tuple[int, int, bool]]]:
    """In text tokenised with a space before every full stop, SoMaJo takes `Dr .` or `3 .` for a
    sentence end before a capital; a known abbreviation (not one that often ends sentences, like
    `usw.`) or a day number before a month name continues the sentence."""
    out = sentences[:1]
    for words in sentences[1:]:
        if _continues_after_spaced_dot(line, out[-1], words[0]):
            out[-1] = out[-1] + words
        else:
            out.append(words)
    return out


def _continues_after_spaced_dot(line: str, before: list[tuple[int, int, bool]], first: tuple[int, int, bool]) -> bool:
    if len(before) < 2 or line[before[-1][0] : before[-1][1]] != "." or before[-2][2] is False:
        return False
    word = line[before[-2][0] : before[-2][1]]
    if word.isdigit():
        return 1 <= int(word) <= 31 and line[first[0] : first[1]] in _MONTHS
    abbreviation = (word + ".").lower()
    abbreviations, sentence_final = _abbreviations()
    return abbreviation in abbreviations and abbreviation not in sentence_final and abbreviation not in _MONTH_ABBREVIATIONS


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """SoMaJo's German abbreviations (lower case) and those that often end a sentence."""
    from somajo import utils

    known = utils.read_abbreviation_file("abbreviations_de.txt", to_lower=True)
    known += utils.read_abbreviation_file("single_token_abbreviations_de.txt", to_lower=True)
    return frozenset(known), frozenset(utils.read_abbreviation_file("eos_abbreviations.txt", to_lower=True))


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
