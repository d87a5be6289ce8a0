"""One happening told by several sentences or articles becomes one event with several sources."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator import dates
from generator.dutch.numbers import find_quantities
from generator.model import Certainty, Event

# What kind of happening a sentence tells; only events of one kind can be the same event.
ACTIONS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        (
            "permission",
            r"\btoestemming\b|\bbeperking\w*\b|\bgroen licht\b|\btoe(?:ge)?sta\w*\b|"
            r"\bopheffing\b|\bhief\b|\brestricties\b",
        ),
        (
            "delivery",
            r"\bgeleverd\b|\blevering\w*\b|\bleveren\b|\bstuurden\b|\bgestuurd\b|"
            r"\bmilitaire hulp\b|\bwapenpakket\b|\bgekregen\b|\bkregen\b",
        ),
        (
            "strike",
            r"\baanval\w*\b|\bingezet\b|\binzet\w*\b|\bneergehaald\b|\bafgevuurd\b|"
            r"\bgetroffen\b",
        ),
        ("meeting", r"\bontmoet\w*\b|\bbijeenkomst\b|\bbezoek\w*\b"),
    )
)
_STRENGTH = {
    Certainty.CONFIRMED: 3,
    Certainty.REPORTED: 2,
    Certainty.CLAIMED: 1,
    Certainty.PLANNED: 0,
}
_COUNTRIES = frozenset({"russia", "ukraine", "united-states"})


def action_of(event: Event) -> str | None:
    for name, pattern in ACTIONS:
        if pattern.search(event.sources[0].quote):
            return name
    return None


def merge_events(events: Sequence[Event], broader: Mapping[str, frozenset[str]]) -> list[Event]:
    """Fold events into earlier ones that tell the same happening; order is kept."""
    merged: list[Event] = []
    for event in events:
        target = next((m for m in merged if _same(m, event, broader)), None)
        if target is None:
            merged.append(event)
        else:
            _fold(target, event)
    return merged


def _same(a: Event, b: Event, broader: Mapping[str, frozenset[str]]) -> bool:
    if a.certainty is Certainty.PLANNED or b.certainty is Certainty.PLANNED:
        return False
    same_article = {s.article for s in a.sources} & {s.article for s in b.sources}
    overlapping = a.date.start <= b.date.end and b.date.start <= a.date.end
    if same_article and overlapping and _shared_quantity(a, b):
        return True  # "17.000 antitankwapens" twice in one article is one delivery
    action = action_of(a)
    if action is None or action != action_of(b):
        return False
    contains = (a.date.start <= b.date.start and b.date.end <= a.date.end) or (
        b.date.start <= a.date.start and a.date.end <= b.date.end
    )
    if same_article:
        # Within one article only the same telling: a party's claim stays its own event.
        new_named = {w for w in b.weapons if broader.get(w)} - set(a.weapons)
        return (
            dates.jaccard(a.date, b.date) >= 0.5
            and a.certainty is b.certainty
            and _compatible(a.weapons, b.weapons, broader)
            and not new_named
        )
    wider = max((a.date.end - a.date.start).days, (b.date.end - b.date.start).days)
    if not contains or wider > 31:
        return False  # "sinds november" spans months: a tally, not that one happening
    if _compatible(a.weapons, b.weapons, broader):
        return True
    places_a = set(a.places) - _COUNTRIES
    return bool(places_a & (set(b.places) - _COUNTRIES))


def _shared_quantity(a: Event, b: Event) -> bool:
    def quantities(event: Event) -> set[tuple[float, str | None]]:
        return {
            (q.value, q.unit)
            for s in event.sources
            for q in find_quantities(s.quote)
            if q.value >= 100
        }

    return bool(quantities(a) & quantities(b))


def _compatible(a: Sequence[str], b: Sequence[str], broader: Mapping[str, frozenset[str]]) -> bool:
    for x in a:
        for y in b:
            if x == y or y in broader.get(x, frozenset()) or x in broader.get(y, frozenset()):
                return True
    return False


def _fold(target: Event, other: Event) -> None:
    # The narrower date is the better one when it lies inside the other.
    if (other.date.end - other.date.start) < (target.date.end - target.date.start) and (
        target.date.start <= other.date.start and other.date.end <= target.date.end
    ):
        target.date = other.date
    for field in ("weapons", "places", "actors", "attributed_to"):
        values = getattr(target, field)
        for value in getattr(other, field):
            if value not in values:
                values.append(value)
    if _STRENGTH[other.certainty] > _STRENGTH[target.certainty]:
        target.certainty = other.certainty
    known = {(s.article, s.paragraph, s.sentence) for s in target.sources}
    target.sources.extend(
        s for s in other.sources if (s.article, s.paragraph, s.sentence) not in known
    )
