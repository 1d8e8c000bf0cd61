"""The document model: one input text, and spans into it that never drift.

Every annotation any layer adds is expressed as `Span`s: character offsets into
`Document.text`, the text exactly as it was given (header included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
_DATE = re.compile(r"\A\d{4}(-\d{2}(-\d{2})?)?\Z")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the input text; `parts` for discontinuous spans (`kündigte … an`)."""

    start: int
    end: int
    text: str
    parts: tuple[Span, ...] = ()

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    @classmethod
    def joined(cls, text: str, pieces: list[tuple[int, int]]) -> Span:
        """One span covering `pieces`; keeps them as parts when they are not contiguous."""
        pieces = sorted(set(pieces))
        start, end = pieces[0][0], max(e for _, e in pieces)
        span = cls.of(text, start, end)
        if len(pieces) == 1:
            return span
        contiguous = all(text[a_end:b_start].strip() == "" for (_, a_end), (b_start, _) in zip(pieces, pieces[1:], strict=False))
        if contiguous:
            return span
        return cls(start, end, span.text, tuple(cls.of(text, s, e) for s, e in pieces))

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.parts:
            out["parts"] = [p.to_json() for p in self.parts]
        return out

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True)
class Token:
    """One token with its morphology (filled by the morphology layer)."""

    i: int
    start: int
    end: int
    text: str
    sent: int = 0
    pos: str = ""  # STTS-like tag from the morphology layer, e.g. NE, NN, VV(FIN)
    lemma: str = ""
    suffix: str = ""  # inflectional suffix, e.g. "e" in werd+e
    stem: str = ""  # morphological stem as analysed, e.g. "würd" for würden
    space_after: bool = True

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(slots=True)
class Sentence:
    i: int
    start: int
    end: int
    first_token: int
    last_token: int  # exclusive
    paragraph: int = 0


@dataclass
class Document:
    """An input text with its stated date and every layer's annotations."""

    text: str
    id: str | None = None
    stated_date: str | None = None
    body_start: int = 0  # first character after the ` date …` header
    header: Span | None = None
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    layers: dict[str, Any] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, date: str | None = None, id: str | None = None, **meta: Any) -> Document:
        """Build a document; a leading ` date YYYY-MM[-DD]` header is parsed, an explicit date wins."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, not {type(text).__name__}")
        if date is not None:
            date = normalise_date(date)
        doc = cls(text=text, id=id, stated_date=date, meta={k: v for k, v in meta.items() if v is not None})
        match = _HEADER.match(text)
        if match:
            doc.header = Span.of(text, match.start(1) - len("date "), match.end(1))
            doc.body_start = match.end()
            if doc.stated_date is None:
                doc.stated_date = match.group(1)
        return doc

    def span(self, start: int, end: int) -> Span:
        return Span.of(self.text, start, end)

    @property
    def effective_date(self) -> str | None:
        """The date relative expressions resolve against: the dating layer's estimate when it
        judged the stated date inconsistent, else the stated date."""
        dating = self.layers.get("dating")
        resolved = getattr(dating, "resolved_against", None)
        return resolved if resolved is not None else self.stated_date

    def sentence_tokens(self, sent: Sentence) -> list[Token]:
        return self.tokens[sent.first_token : sent.last_token]


def normalise_date(value: str) -> str:
    value = str(value).strip()[:10]
    if not _DATE.match(value):
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")
    return value
