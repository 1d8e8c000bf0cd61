"""Statement units: sentences, merged where one quotation runs over several of them."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from lagebild.document import Document, Token
from lagebild.nlp.quotes import ALL_MARKS, Quote

QUOTE_MARKS = ALL_MARKS
BOUNDARY = {",", ":", ";", "–", "—", "-"}  # a lone "-" is a dash (datelines); parentheses (party, abbreviation) stay inside their clause
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
    opens = [q.open for q in quotes]  # quotes come sorted by their opening mark
    i = 0
    while i < len(sentences):
        j = i
        end = sentences[i].end
        first_quote = bisect_left(opens, sentences[i].start)
        k = first_quote
        # extend while a quote that opens in this unit closes in a later sentence
        while k < len(quotes) and quotes[k].open < end:
            while quotes[k].outer_end > end and j + 1 < len(sentences):
                j += 1
                end = sentences[j].end
            k += 1
        unit = Unit(sentences[i].first_token, sentences[j].last_token, sentences[i].start, sentences[j].end, sentences[i].paragraph, i)
        unit.quotes = quotes[first_quote:k]
        units.append(unit)
        i = j + 1
    return units


def inside_quote(offset: int, quotes: list[Quote]) -> Quote | None:
    for q in quotes:
        if q.open <= offset < q.outer_end:
            return q
    return None
