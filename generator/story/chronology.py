"""The chronology as a reader meets it: one entry per sentence, in the story's own order,
split into pages that stay small, with the milestones picked out.

- One sentence gives one entry: events told by the same sentence (a clause dated on its
  own, "twee dagen nadat X ..., keurde Y ... goed") share the entry of the main clause.
- Order: by date; where dates overlap, by the story's cues ("gisteren" before "vandaag"
  before "morgen"; "daarna" after what the article told before), then by text order.
- Pages: a year per page; a year with more than `limit` entries by month; a month with
  more than that in numbered parts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from generator.dates import MONTHS_NL
from generator.gazetteer import Gazetteer
from generator.model import Event

PER_PAGE = 120  # entries on one page at most
# What a page's entries may weigh, in estimated bytes of HTML (weight below): with the
# page around them, under 300 KB however many sources or places an entry gathers.
PAGE_BYTES = 200_000

_DAY_CUES = (
    (re.compile(r"\b(?:eer)?gisteren\b", re.IGNORECASE), -1),
    (re.compile(r"\bvandaag\b|\bvanavond\b|\bvanochtend\b", re.IGNORECASE), 0),
    (re.compile(r"\b(?:over)?morgen\b", re.IGNORECASE), 1),
)
_AFTER_RE = re.compile(
    r"\b(?:daarna|daarop|vervolgens|later|volgde|volgden|nadien)\b", re.IGNORECASE
)
_SUBORDINATE_LEAD_RE = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:nadat|voordat|toen|terwijl|zodra|sinds|en|maar|dat|die)\b",
    re.IGNORECASE,
)


@dataclass
class Entry:
    """One sentence's entry: its main event and the other events the sentence dates."""

    main: Event
    also: list[Event] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [self.main, *self.also]


@dataclass(frozen=True)
class Page:
    slug: str  # "2024", "2024-11", "2024-11-2"
    title: str  # "2024", "november 2024", "november 2024 (deel 2)"
    entries: tuple[Entry, ...]


def entries(events: Iterable[Event]) -> list[Entry]:
    """Group events by the sentence they come from; the main clause's event leads."""
    by_sentence: dict[tuple[str, int, int], list[Event]] = {}
    for event in events:
        first = event.sources[0]
        # An event the editors corrected or added keeps an entry of its own: its reason shows.
        key = (
            (first.article, -1, id(event))
            if event.corrections
            else (
                first.article,
                first.paragraph,
                first.sentence,
            )
        )
        by_sentence.setdefault(key, []).append(event)
    result = []
    for told in by_sentence.values():
        main = next((e for e in told if not _SUBORDINATE_LEAD_RE.match(e.clause or "")), told[0])
        result.append(Entry(main, [e for e in told if e is not main]))
    return result


def order(items: list[Entry], published: Mapping[str, date | None]) -> list[Entry]:
    """By date, then by the story's cues, then by the order the articles tell them."""
    text_order = {
        id(entry): (published.get(entry.main.sources[0].article) or date.min, *_position(entry))
        for entry in items
    }
    before = _told_before(items)

    def key(entry: Entry) -> tuple[object, ...]:
        event = entry.main
        start = event.date.start
        cue = 0
        quote = event.sources[0].quote
        for pattern, rank in _DAY_CUES:
            if pattern.search(quote):
                cue = rank
                break
        previous = before.get(id(entry))
        # "Niet lang daarna ...": after what the article told just before, when that lies
        # within this event's own (wider) date.
        if (
            previous is not None
            and _AFTER_RE.search(quote)
            and event.date.start <= previous.date.start <= event.date.end
        ):
            start, cue = previous.date.start, 1
        if _long_span(event):
            start = event.date.end  # "sinds november": a tally, told where its span ends
        return (start, cue, event.date.end, text_order[id(entry)], event.id)

    return sorted(items, key=key)


def _long_span(event: Event) -> bool:
    """Longer than about a month, but not a calendar year (a year's event opens it)."""
    start, end = event.date.start, event.date.end
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    return (end - start).days > 45 and not whole_year


def _position(entry: Entry) -> tuple[int, int]:
    first = entry.main.sources[0]
    return first.paragraph, first.sentence


def _told_before(items: Sequence[Entry]) -> dict[int, Event]:
    """For each entry, the event its article told just before it (in any of that event's
    tellings: a merged event stands wherever each article tells it)."""
    told: dict[str, list[tuple[tuple[int, int], Event]]] = {}
    for entry in items:
        for event in entry.events:
            for source in event.sources:
                if source.certainty is not None or source is event.sources[0]:
                    told.setdefault(source.article, []).append(
                        ((source.paragraph, source.sentence), event)
                    )
    # Sorted by position (ties in telling order) and searched by bisection: asking every
    # telling of the article for every entry was quadratic in the article's length.
    for tellings in told.values():
        tellings.sort(key=lambda pe: pe[0])
    positions = {article: [p for p, _ in tellings] for article, tellings in told.items()}
    result = {}
    for entry in items:
        first = entry.main.sources[0]
        tellings = told.get(first.article, [])
        at = bisect.bisect_left(positions.get(first.article, []), (first.paragraph, first.sentence))
        i = at - 1
        while i >= 0 and tellings[i][1] is entry.main:
            i -= 1
        if i < 0:
            continue
        best = i  # the latest position before it; of several there, the first told
        while i > 0 and tellings[i - 1][0] == tellings[best][0]:
            i -= 1
            if tellings[i][1] is not entry.main:
                best = i
        result[id(entry)] = tellings[best][1]
    return result


def paginate(items: Sequence[Entry], limit: int = PER_PAGE, budget: int = PAGE_BYTES) -> list[Page]:
    """A page per year; by month when a year is large; in parts when a month is. Large:
    more than limit entries, or more than budget bytes of them (see weight)."""
    pages: list[Page] = []
    years: dict[int, list[Entry]] = {}
    for entry in items:
        years.setdefault(entry.main.date.start.year, []).append(entry)
    for year, in_year in years.items():
        if len(in_year) <= limit and sum(weight(e) for e in in_year) <= budget:
            pages.append(Page(str(year), str(year), tuple(in_year)))
            continue
        months: dict[int, list[Entry]] = {}
        for entry in in_year:
            months.setdefault(entry.main.date.start.month, []).append(entry)
        for month, in_month in months.items():
            name = f"{MONTHS_NL[month - 1]} {year}"
            slug = f"{year}-{month:02d}"
            chunks = _chunks(in_month, limit, budget)
            for n, chunk in enumerate(chunks, start=1):
                if len(chunks) == 1:
                    pages.append(Page(slug, name, tuple(chunk)))
                else:
                    pages.append(
                        Page(f"{slug}-{n}", f"{name} (deel {n} van {len(chunks)})", tuple(chunk))
                    )
    return pages


def _chunks(entries: list[Entry], limit: int, budget: int) -> list[list[Entry]]:
    chunks: list[list[Entry]] = [[]]
    load = 0
    for entry in entries:
        size = weight(entry)
        if chunks[-1] and (len(chunks[-1]) >= limit or load + size > budget):
            chunks.append([])
            load = 0
        chunks[-1].append(entry)
        load += size
    return chunks


def weight(entry: Entry) -> int:
    """An entry's bytes of HTML on its page, JSON-LD included, estimated from what grows:
    its text, its weapons and places, its sources (8 named at most, see render/pages.py)
    and the other events of its sentence. Fitted on the pages of 500 synthetic articles,
    where it errs low by a third on average and by 60% at most; the budget allows for it."""
    main = entry.main
    size = 650 + len(main.summary) + 110 * (len(main.weapons) + len(main.places))
    size += 170 * min(len(main.sources), 8) + 200 * len(entry.also)
    for event in entry.events:
        size += 450 + 2 * len(event.headline) + len(event.summary) + 60 * len(event.places)
        size += 130 * min(len({s.article for s in event.sources}), 8)
    return size * 4 // 3


def page_of(pages: Iterable[Page]) -> dict[str, str]:
    """Each event's page slug (the other events of a sentence live with its main one)."""
    return {e.id: page.slug for page in pages for entry in page.entries for e in entry.events}


def suppliers_of(event: Event, gazetteer: Gazetteer) -> list[str]:
    """Countries whose weapons or people the event is about (not the two at war)."""
    closure = _closure(gazetteer)
    found: list[str] = []
    for ident in [*event.weapons, *event.actors]:
        entry = gazetteer.entries.get(ident)
        countries = [entry.country] if entry and entry.country else []
        for wider in closure.get(ident, frozenset()):
            group = gazetteer.entries.get(wider)
            if group and group.country:
                countries.append(group.country)
        for country in countries:
            if country not in ("ukraine", "russia") and country not in found:
                found.append(country)
    return found


_CLOSURES: dict[int, tuple[Gazetteer, dict[str, frozenset[str]]]] = {}


def _closure(gazetteer: Gazetteer) -> dict[str, frozenset[str]]:
    """The gazetteer's broader closure, worked out once per gazetteer."""
    cached = _CLOSURES.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        cached = (gazetteer, gazetteer.broader_closure())
        _CLOSURES[id(gazetteer)] = cached
    return cached[1]
