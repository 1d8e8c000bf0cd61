"""Statement units: sentences, merged where one quotation runs over several of them."""

from __future__ import annotations

from dataclasses import dataclass, field

from lagebild.document import Document, Token
from lagebild.nlp.quotes import Quote

QUOTE_MARKS = set("„“”\"»«‚‘’‹›‟")
BOUNDARY = {",", ":", ";", "–", "—", "(", ")"}
END = {".", "!", "?"}


@dataclass
class Unit:
    """A sentence, or several sentences that one quotation holds together."""

    first: int  # token index
    last: int  # exclusive
    start: int
    end: int
    paragraph: int
    sentence: int
    quotes: list[Quote] = field(default_factory=list)

    def tokens(self, doc: Document) -> list[Token]:
        return doc.tokens[self.first : self.last]


def build_units(doc: Document, quotes: list[Quote]) -> list[Unit]:
    units: list[Unit] = []
    sentences = doc.sentences
    i = 0
    while i < len(sentences):
        j = i
        end = sentences[i].end
        # extend while a quote that starts in this unit closes in a later sentence of the line
        changed = True
        while changed:
            changed = False
            for q in quotes:
                if sentences[i].start <= q.open < end and q.outer_end > end:
                    while j + 1 < len(sentences) and sentences[j].end < q.outer_end:
                        j += 1
                    if sentences[j].end > end:
                        end = sentences[j].end
                        changed = True
        unit = Unit(sentences[i].first_token, sentences[j].last_token, sentences[i].start, sentences[j].end, sentences[i].paragraph, i)
        unit.quotes = [q for q in quotes if unit.start <= q.open < unit.end]
        units.append(unit)
        i = j + 1
    return units


def inside_quote(offset: int, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.open <= offset < q.outer_end:
            return q
    return None
