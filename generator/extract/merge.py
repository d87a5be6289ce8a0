"""One happening told by several sentences or articles becomes one event with several sources."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from generator import dates
from generator.dutch.numbers import find_quantities
from generator.model import Certainty, Event, SourceRef

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


# A happening told across articles spans at most this many days (see _same).
_NARROW_DAYS = 31


def action_of(event: Event) -> str | None:
    return action_of_text(event.sources[0].quote)


@lru_cache(maxsize=65536)
def action_of_text(text: str) -> str | None:
    for name, pattern in ACTIONS:
        if pattern.search(text):
            return name
    return None


def merge_events(events: Sequence[Event], broader: Mapping[str, frozenset[str]]) -> list[Event]:
    """Fold events into earlier ones that tell the same happening; order is kept.

    Each event goes into the first earlier event it is the same as. Rather than asking every
    earlier event, an index names the only ones that can be: those sharing an article, and
    those of the same kind of happening in the same month about a related weapon or place.
    """
    merged: list[Event] = []
    told: list[_Told] = []  # what each merged event's sources tell, kept as they grow
    index = _Index(broader)
    for event in events:
        found = sorted(index.candidates(event))
        position = next((i for i in found if _same(merged[i], event, broader, told[i])), None)
        if position is None:
            index.add(len(merged), event)
            merged.append(event)
            told.append(_Told.of(event.sources))
        else:
            _fold(merged[position], event, told[position])
            index.add(position, merged[position])
    return merged


class _Index:
    """Earlier events by (kind of happening, month, weapon or place), and within an article
    by the same keys and by what else makes two tellings in one article the same: a large
    quantity both name, or the very sentence told again.

    It may name an event that is not the same (each candidate is still asked), but never
    leaves out one that is: the keys follow the conditions of _same. An event is indexed
    again after another folds into it, as its articles, date, weapons and places change.
    Not every earlier event of the article: in a very long article that was quadratic.
    """

    def __init__(self, broader: Mapping[str, frozenset[str]]) -> None:
        self._broader = broader
        self._by_key: dict[tuple[object, ...], set[int]] = {}
        self._indexed: dict[int, _Indexed] = {}

    def add(self, position: int, event: Event) -> None:
        """Index an event, or again after another folded into it: only the keys it did not
        have yet. Indexing all again made a happening that N articles tell cost N² keys
        (each quantity and weapon key once per article, at every fold that added a place)."""
        state = self._indexed.setdefault(position, _Indexed(0, set(), set(), set()))
        keys: list[tuple[object, ...]] = list(self._keys(event, query=False))  # a few
        sources = event.sources[state.sources :]
        state.sources = len(event.sources)
        articles = {s.article for s in sources} - state.articles
        quantities = {q for s in sources for q in _large_quantities(s.quote)} - state.quantities
        weapon_keys = set(self._article_weapon_keys(event)) - state.weapon_keys
        keys += [("told", s.article, s.quote) for s in sources]
        # the old quantities and weapon keys for the new articles, the new ones for all
        keys += [("quantity", a, q) for q in state.quantities for a in articles]
        keys += [("article", a, *k) for k in state.weapon_keys for a in articles]
        state.articles |= articles
        keys += [("quantity", a, q) for q in quantities for a in state.articles]
        keys += [("article", a, *k) for k in weapon_keys for a in state.articles]
        state.quantities |= quantities
        state.weapon_keys |= weapon_keys
        for key in keys:
            self._by_key.setdefault(key, set()).add(position)

    def _article_weapon_keys(self, event: Event) -> tuple[tuple[str, int, str, str], ...]:
        if action_of(event) is None or event.certainty is Certainty.PLANNED:
            return ()
        return tuple(self._weapon_keys(event, query=False))

    def candidates(self, event: Event) -> set[int]:
        found: set[int] = set()
        for key in self._all_keys(event, query=True):
            if event.certainty is not Certainty.PLANNED or key[0] == "told":
                found |= self._by_key.get(key, set())
        return found

    def _all_keys(self, event: Event, query: bool) -> Iterator[tuple[object, ...]]:
        yield from self._keys(event, query)
        articles = {s.article for s in event.sources}
        yield from self._source_keys(event.sources, articles)
        action = action_of(event)
        if action is None or event.certainty is Certainty.PLANNED:
            return
        for key in self._weapon_keys(event, query):
            for article in articles:
                yield "article", article, *key

    @staticmethod
    def _source_keys(
        sources: Sequence[SourceRef], articles: Set[str]
    ) -> Iterator[tuple[object, ...]]:
        quantities: set[tuple[float, str | None]] = set()
        for source in sources:
            yield "told", source.article, source.quote
            quantities |= _large_quantities(source.quote)
        for quantity in quantities:  # once each, not once per source that names it
            for article in articles:
                yield "quantity", article, quantity

    def _weapon_keys(self, event: Event, query: bool) -> Iterator[tuple[str, int, str, str]]:
        """(kind, month, "w"/"n", weapon) for every month the event spans.

        Weapons are related when one is the other or wider than it: an event is stored
        under its weapons ("w") and the categories they belong to ("n"); a query looks up
        its weapons among both, and its weapons' categories among the stored weapons.
        """
        action = action_of(event)
        assert action is not None
        for month in _months(event.date.start, event.date.end):
            for weapon in event.weapons:
                yield action, month, "w", weapon
                wider = self._broader.get(weapon, frozenset())
                if query:
                    yield action, month, "n", weapon
                    for category in wider:
                        yield action, month, "w", category
                else:
                    for category in wider:
                        yield action, month, "n", category

    def _keys(self, event: Event, query: bool) -> Iterator[tuple[str, int, str, str]]:
        """Keys under which an event is stored, or (query) under which its matches are,
        across articles: only happenings of at most a month (see _same)."""
        action = action_of(event)
        if (
            action is None
            or event.certainty is Certainty.PLANNED
            or (event.date.end - event.date.start).days > _NARROW_DAYS
        ):
            return
        yield from self._weapon_keys(event, query)
        places = set(event.places) - _COUNTRIES
        for month in _months(event.date.start, event.date.end):
            for place in places:
                yield action, month, "p", place


@dataclass
class _Indexed:
    """What an event has been indexed with: how many of its sources, its articles, large
    quantities and weapon keys (stored once per article)."""

    sources: int
    articles: set[str]
    quantities: set[tuple[float, str | None]]
    weapon_keys: set[tuple[str, int, str, str]]


def _months(start: date, end: date) -> range:
    return range(start.year * 12 + start.month, end.year * 12 + end.month + 1)


def _same(
    a: Event, b: Event, broader: Mapping[str, frozenset[str]], told: _Told | None = None
) -> bool:
    """Whether b tells the happening a tells; told: what a's sources tell, if known."""
    told = told or _Told.of(a.sources)
    if _retold(a, b, told):
        return True  # a repeated paragraph: the same sentence, date and certainty again
    if a.certainty is Certainty.PLANNED or b.certainty is Certainty.PLANNED:
        return False
    same_article = told.articles & {s.article for s in b.sources}
    overlapping = a.date.start <= b.date.end and b.date.start <= a.date.end
    if same_article and overlapping and told.quantities & _Told.of(b.sources).quantities:
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


def _retold(a: Event, b: Event, told: _Told) -> bool:
    """The same sentence in the same article, read the same way: one telling, repeated."""
    if (a.date.start, a.date.end, a.certainty) != (b.date.start, b.date.end, b.certainty):
        return False
    return any((s.article, s.quote) in told.quotes for s in b.sources)


@dataclass
class _Told:
    """What an event's sources tell, kept up to date as folds add sources, so that asking a
    happening that N articles tell costs the same as asking one told once."""

    anchors: set[tuple[str, int, int]]
    quotes: set[tuple[str, str]]  # (article, quote)
    articles: set[str]
    quantities: set[tuple[float, str | None]]
    certainties: set[Certainty]
    on_record: bool  # a source confirms it on the record (see merged_certainty)

    @classmethod
    def of(cls, sources: Sequence[SourceRef]) -> _Told:
        told = cls(set(), set(), set(), set(), set(), False)
        told.add(sources)
        return told

    def add(self, sources: Sequence[SourceRef]) -> None:
        for s in sources:
            self.anchors.add((s.article, s.paragraph, s.sentence))
            self.quotes.add((s.article, s.quote))
            self.articles.add(s.article)
            self.quantities |= _large_quantities(s.quote)
            if s.certainty:
                self.certainties.add(Certainty(s.certainty))
            if not self.on_record:
                self.on_record = bool(
                    s.certainty == Certainty.CONFIRMED.value
                    and s.attributed_to
                    and _CONFIRMING_RE.search(s.quote)
                )

    def certainty(self, first: Certainty, other: Certainty) -> Certainty:
        told = self.certainties or {first, other}
        if all(c is Certainty.CONFIRMED for c in told):
            return Certainty.CONFIRMED
        if self.on_record:
            return Certainty.CONFIRMED
        if Certainty.REPORTED in told:
            return Certainty.REPORTED
        if Certainty.CLAIMED in told:
            return Certainty.CLAIMED
        return max(told, key=lambda c: _STRENGTH[c])


@lru_cache(maxsize=65536)
def _large_quantities(quote: str) -> frozenset[tuple[float, str | None]]:
    # Small counts match only with what they count ("31 Abrams-tanks"), large ones alone.
    return frozenset(
        (q.value, q.unit)
        for q in find_quantities(quote)
        if q.value >= 100 or (q.unit is not None and q.value >= 10)
    )


def _compatible(a: Sequence[str], b: Sequence[str], broader: Mapping[str, frozenset[str]]) -> bool:
    for x in a:
        for y in b:
            if x == y or y in broader.get(x, frozenset()) or x in broader.get(y, frozenset()):
                return True
    return False


def _fold(target: Event, other: Event, told: _Told | None = None) -> None:
    """Fold other into target; told: what target's sources tell, if known (kept up to date)."""
    told = told or _Told.of(target.sources)
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
    new = [s for s in other.sources if (s.article, s.paragraph, s.sentence) not in told.anchors]
    target.sources.extend(new)
    told.add(new)
    target.certainty = told.certainty(target.certainty, other.certainty)


# A source that confirms what others hedge: an official confirmation, on the record.
_CONFIRMING_RE = re.compile(
    r"\bbevestig\w*|\bofficieel\b|\bmaakte\w* bekend\b|\bbekendgemaakt\b|"
    r"\bkondigde\w* aan\b|\baangekondigd\b",
    re.IGNORECASE,
)


def merged_certainty(sources: Sequence[SourceRef], first: Certainty, other: Certainty) -> Certainty:
    """The label of a happening several sources tell (Methode explains it to readers):
    confirmed when every source states it, or one confirms it on the record; a later source
    that merely states as fact what an earlier one hedged does not make it confirmed. Else
    reported when a source passes it on, claimed when only parties assert it."""
    return _Told.of(sources).certainty(first, other)
