"""lagebild: evidence-linked situation pictures from German news."""

from __future__ import annotations

__version__ = "0.1.0"

from functools import lru_cache  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from lagebild.analysis import Analysis
    from lagebild.pipeline import Pipeline


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    from lagebild.pipeline import Pipeline

    return Pipeline()


def analyze(text: str, date: str | None = None, id: str | None = None, **meta: Any) -> Analysis:
    """Analyse one text with the default pipeline (loaded once per process)."""
    return default_pipeline().analyze(text, date=date, id=id, **meta)


def __getattr__(name: str):
    if name == "Pipeline":
        from lagebild.pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)


__all__ = ["Pipeline", "analyze", "default_pipeline", "__version__"]
