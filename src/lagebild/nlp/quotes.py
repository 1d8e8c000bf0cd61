"""Quotation marks: pair opening and closing marks into quotes, in every style German news uses.

Styles: „…“ (German), „…" and „…” (mismatched, common on the web), "…" and “…” (English
and typewriter), »…« (German books), «…» (Swiss), ‚…‘ (single, mostly nested). A quote that
is never closed runs to the end of its line: news paragraphs do not carry quotes across lines
unless the next line opens again, which the closing rule below allows for.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.document import Document

DOUBLE_OPENERS = {"„": "“”\"‟", "»": "«", "«": "»", "“": "”\"“", "\"": "\"“”"}
SINGLE_OPENERS = {"‚": "‘’'", "‹": "›", "›": "‹"}
ALL_MARKS = set("„“”\"»«‚‘’‹›‟")


@dataclass(frozen=True, slots=True)
class Quote:
    open: int  # offset of the opening mark
    close: int | None  # offset of the closing mark, None when unclosed
    start: int  # first character of the content
    end: int  # end of the content (exclusive)
    single: bool = False

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.end


def _word_char(ch: str) -> bool:
    return ch.isalnum()


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{–—-/:") and not after.isspace()


def _spaced_pair(text: str, i: int, end: int) -> bool:
    """`" Vielfalt ist Programm "`: in tokenised text a typewriter mark stands between spaces on
    both sides; it opens when another one follows on the line to close it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return text[i] == '"' and before.isspace() and after.isspace() and text.find('"', i + 1, end) >= 0


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    return not before.isspace()


def _guillemet_style(text: str) -> str:
    """'»' when »…« (German) is used, '«' when «…» (Swiss)."""
    for ch in text:
        if ch in "»«":
            return ch
    return "»"


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """All double quotes (and single quotes inside them) between `start` and `end`.

    A quote left open at the end of a line continues on the next line when that line closes
    it before opening another (a quotation over several paragraphs, or a corpus with one
    sentence per line); otherwise it ends with its line.
    """
    end = len(text) if end is None else end
    guillemet = _guillemet_style(text[start:end])
    quotes: list[Quote] = []
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end < 0 else line_end
        found = _quotes_in_line(text, line_start, line_end, guillemet)
        if found and found[-1].close is None and not found[-1].single:
            joined = _continue_quote(text, found[-1], line_end, end, guillemet)
            if joined is not None:
                quote, line_end = joined
                found = [q for q in found[:-1]] + [quote]
                found.extend(q for q in _quotes_in_line(text, quote.outer_end, line_end, guillemet))
        quotes.extend(found)
        line_start = line_end + 1
    return sorted(quotes, key=lambda q: q.open)


MAX_QUOTE_LINES = 4


def _continue_quote(text: str, quote: Quote, line_end: int, end: int, guillemet: str) -> tuple[Quote, int] | None:
    """Extend an unclosed quote over up to MAX_QUOTE_LINES following lines, to its closing mark."""
    closers = DOUBLE_OPENERS[text[quote.open]]
    position = line_end + 1
    for _ in range(MAX_QUOTE_LINES):
        if position >= end:
            return None
        next_end = text.find("\n", position, end)
        next_end = end if next_end < 0 else next_end
        for i in range(position, next_end):
            ch = text[i]
            if ch == text[quote.open] and ch in "„»«" and _looks_opening(text, i):
                return None  # a new quotation opens first: the old one ended with its line
            if ch in closers and not _looks_opening(text, i):
                return Quote(quote.open, i, quote.start, i), next_end
        position = next_end + 1
    return None


def _quotes_in_line(text: str, start: int, end: int, guillemet: str) -> list[Quote]:
    quotes: list[Quote] = []
    opener: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in DOUBLE_OPENERS and ch not in "“”‟":
            continue
        if opener is None:
            if ch in "»«" and ch != guillemet:
                continue
            if ch == "”" or (ch in "\"“" and not _looks_opening(text, i) and not _spaced_pair(text, i, end)):
                continue
            opener = i
        elif ch in DOUBLE_OPENERS[text[opener]] and (_looks_closing(text, i) or not _looks_opening(text, i)):
            quotes.append(Quote(opener, i, opener + 1, i))
            opener = None
        elif ch == text[opener] and ch in "„»«" :
            # a second opener before any closer: the first quote was never closed
            quotes.append(Quote(opener, None, opener + 1, _trim_end(text, opener + 1, i)))
            opener = i
    if opener is not None:
        quotes.append(Quote(opener, None, opener + 1, _trim_end(text, opener + 1, end)))
    quotes.extend(_single_quotes(text, quotes))
    return sorted(quotes, key=lambda q: q.open)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _single_quotes(text: str, outer: list[Quote]) -> list[Quote]:
    """‚…‘ pairs inside double quotes (or standalone), never apostrophes inside words."""
    found: list[Quote] = []
    for quote in outer or []:
        opener = None
        for i in range(quote.start, quote.end):
            ch = text[i]
            if ch in SINGLE_OPENERS and opener is None and _looks_opening(text, i):
                opener = i
            elif opener is not None and ch in SINGLE_OPENERS[text[opener]]:
                after = text[i + 1] if i + 1 < len(text) else " "
                if not _word_char(after):
                    found.append(Quote(opener, i, opener + 1, i, single=True))
                    opener = None
    return found


class QuoteFinder:
    """Adds `doc.layers["quotes"]`: the double quotes of the body text, in order."""

    name = "quotes"

    def __call__(self, doc: Document) -> None:
        doc.layers["quotes"] = [q for q in find_quotes(doc.text, doc.body_start) if not q.single]
