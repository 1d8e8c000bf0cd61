"""The likelihood model of the dating layer: every clue scores each month on a grid.

A clue says how likely each month of writing is, as a mixture of `Shape`s: a plateau of months
with exponential tails before and after it (`rise`, `fall`: e-folding lengths in months; 0 cuts
the tail off), each normalised to a density over the grid, plus a small `floor` spread over all
months for the chance that the clue was misread (wrong tense, wrong person). The log-likelihoods
of all clues add up to the posterior over the months of writing (the prior is flat).
Conventions and parameters: docs/time.md, "Dating the document".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

# the months the estimate is searched in: no text is written after the day it is analysed
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date.today()


def month_number(d: dt.date) -> int:
    """Months since the grid's first month; negative before it, beyond the grid after it."""
    return (d.year - FIRST_DAY.year) * 12 + d.month - 1


N_MONTHS = month_number(LAST_DAY) + 1
# Shapes are normalised over the grid and this many months beyond each end, so that a shape cut
# off by the grid's end (a candidate day next year) keeps its share instead of crowding into
# the months left.
PAD = 120
_GRID = np.arange(-PAD, N_MONTHS + PAD, dtype=float)


def grid_date(i: int) -> dt.date:
    return dt.date(FIRST_DAY.year + i // 12, i % 12 + 1, 1)


@dataclass(frozen=True, slots=True)
class Shape:
    """Months from `lo` to `hi` (days; their months count whole) with tails of `rise` months
    before and `fall` months after; `weight`: its share in the clue's mixture."""

    lo: dt.date
    hi: dt.date
    rise: float = 0.0
    fall: float = 0.0
    weight: float = 1.0

    def density(self) -> np.ndarray:
        a, b = month_number(self.lo), month_number(self.hi)
        values = ((a <= _GRID) & (b >= _GRID)).astype(float)
        if self.rise > 0:
            values = np.where(a > _GRID, np.exp(-np.clip(a - _GRID, 0, None) / self.rise), values)
        if self.fall > 0:
            values = np.where(b < _GRID, np.exp(-np.clip(_GRID - b, 0, None) / self.fall), values)
        total = values.sum()
        inside = values[PAD:PAD + N_MONTHS]
        return inside / total if total > 0 else inside


def every_year(month: int, span: int = 2, weight: float = 1.0) -> list[Shape]:
    """The same month (and the `span - 1` after it) in every year of the grid: a day named
    without its year."""
    shapes = []
    for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
        lo = dt.date(year, month, 1)
        hi = dt.date(year + (month + span - 2) // 12, (month + span - 2) % 12 + 1, 1)
        shapes.append(Shape(lo, hi, weight=weight))
    return shapes


def log_likelihood(shapes: list[Shape], floor: float) -> np.ndarray:
    """log p(clue | written in month i) for every month of the grid (up to a constant)."""
    if not shapes:
        return np.zeros(N_MONTHS)
    total = sum(s.weight for s in shapes)
    mix = sum(s.weight * s.density() for s in shapes) / total
    return np.log((1 - floor) * mix + floor / N_MONTHS)


# The texts analysed are digital news: the prior is flat from DIGITAL_ERA to today and falls off
# before it (e-folding PRIOR_FALL months), so that a text whose only clue is a date of 1945
# is not taken as written in 1945 unless the clue is strong (a tensed day, an office).
DIGITAL_ERA, PRIOR_FALL = dt.date(1990, 1, 1), 60.0


def log_prior() -> np.ndarray:
    return np.log(Shape(DIGITAL_ERA, dt.date.max, rise=PRIOR_FALL).density())


def posterior(loglik: np.ndarray) -> np.ndarray:
    """The posterior over the months of writing from the summed log-likelihoods of the clues."""
    total = loglik + log_prior()
    p = np.exp(total - total.max())
    return p / p.sum()


def year_masses(p: np.ndarray) -> dict[int, float]:
    masses: dict[int, float] = {}
    for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
        a = (year - FIRST_DAY.year) * 12
        masses[year] = float(p[a:a + 12].sum())
    return masses


def credible_run(p: np.ndarray, best: int, ratio: float) -> tuple[int, int]:
    """The run of months around `best` whose posterior is at least `ratio` times the best month's:
    a flat stretch (a term of office) stays whole, a peak gives its shoulders."""
    floor = p[best] * ratio
    lo = hi = best
    while lo > 0 and p[lo - 1] >= floor:
        lo -= 1
    while hi < N_MONTHS - 1 and p[hi + 1] >= floor:
        hi += 1
    return lo, hi
