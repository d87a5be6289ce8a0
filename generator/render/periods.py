"""Long lists split by date into pages that stay small: a year per page, a month per page
when a year is long, numbered parts when a month is (the source index; the chronology
splits its entries the same way in generator/story/chronology.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from generator.dates import MONTHS_NL

T = TypeVar("T")
UNDATED = "zonder-datum"


@dataclass(frozen=True)
class Period(Generic[T]):
    slug: str  # "2024", "2024-11", "2024-11-2", "zonder-datum"
    title: str  # "2024", "november 2024", "november 2024 (deel 2 van 3)", "zonder datum"
    items: tuple[T, ...]


def split(items: Sequence[T], day: Callable[[T], date | None], limit: int) -> list[Period[T]]:
    """Items (in the order given) by the year of their day, by month when a year holds more
    than limit, in parts when a month does; items without a day last, in parts too."""
    years: dict[int, list[T]] = {}
    undated: list[T] = []
    for item in items:
        when = day(item)
        if when is None:
            undated.append(item)
        else:
            years.setdefault(when.year, []).append(item)
    periods: list[Period[T]] = []
    for year in sorted(years):
        in_year = years[year]
        if len(in_year) <= limit:
            periods.append(Period(str(year), str(year), tuple(in_year)))
            continue
        months: dict[int, list[T]] = {}
        for item in in_year:
            when = day(item)
            assert when is not None
            months.setdefault(when.month, []).append(item)
        for month in sorted(months):
            name = f"{MONTHS_NL[month - 1]} {year}"
            periods += _parts(f"{year}-{month:02d}", name, months[month], limit)
    periods += _parts(UNDATED, "zonder datum", undated, limit)
    return periods


def _parts(slug: str, title: str, items: list[T], limit: int) -> list[Period[T]]:
    chunks = [items[i : i + limit] for i in range(0, len(items), limit)]
    if len(chunks) == 1:
        return [Period(slug, title, tuple(chunks[0]))]
    return [
        Period(f"{slug}-{n}", f"{title} (deel {n} van {len(chunks)})", tuple(chunk))
        for n, chunk in enumerate(chunks, start=1)
    ]
