"""The pipeline: ordered layers over one Document, producing an Analysis."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from lagebild.analysis import Analysis
from lagebild.document import Document
from lagebild.layers.coref import Coreference
from lagebild.layers.dating import DatingLayer
from lagebild.layers.entities import EntityRecognizer
from lagebild.layers.events import EventCoder
from lagebild.layers.linking import Relinker, SpeakerLinker
from lagebild.layers.statements import StatementFinder
from lagebild.layers.timex import TimexLayer
from lagebild.nlp.morphology import Morphology
from lagebild.nlp.quotes import QuoteFinder
from lagebild.nlp.tokenize import Tokenizer

Layer = Callable[[Document], None]


def default_layers() -> list[Layer]:
    entities, coreference, linker = EntityRecognizer(), Coreference(), SpeakerLinker()
    return [
        Tokenizer(), Morphology(), QuoteFinder(), entities, coreference, StatementFinder(), linker,
        TimexLayer(), DatingLayer(), Relinker(entities, coreference, linker), EventCoder(),
    ]


class Pipeline:
    """Loads its models once; call `analyze` for each text."""

    def __init__(self, layers: Iterable[Layer] | None = None):
        self.layers = list(layers) if layers is not None else default_layers()

    @property
    def layer_names(self) -> list[str]:
        return [getattr(layer, "name", type(layer).__name__) for layer in self.layers]

    def analyze(self, text: str, date: str | None = None, id: str | None = None, **meta: Any) -> Analysis:
        doc = Document.from_text(text, date=date, id=id, **meta)
        for layer in self.layers:
            layer(doc)
        return Analysis(doc)

    def pipe(self, records: Iterable[dict[str, Any]]) -> Iterable[Analysis]:
        for record in records:
            yield self.analyze(**record)
