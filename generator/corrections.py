"""Editors' corrections (data/corrections.yml): what the extraction got wrong, fixed in
reviewed data and shown on the site, never silently.

A correction names its event by id *and* by quote (the start of its source sentence). If
the quote is no longer at that event, the correction is an error that says where the quote
went, so that it can never slip onto another sentence.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import dates
from generator.errors import InputError, Problem
from generator.ids import event_id, normalized, repeats
from generator.model import (
    Article,
    Certainty,
    Change,
    DateValue,
    EntityKind,
    Event,
    SourceRef,
)
from generator.validate import validate, where
from generator.yamlfile import LineDict, LineList, line_at, load

SCHEMA = "corrections.schema.json"
# The site's own Dutch words are accepted for the certainty values.
CERTAINTY_ALIASES = {
    "bevestigd": Certainty.CONFIRMED,
    "gemeld": Certainty.REPORTED,
    "bewering": Certainty.CLAIMED,
    "gepland": Certainty.PLANNED,
}
_ENTITY_FIELDS = {
    "weapons": EntityKind.WEAPON,
    "places": EntityKind.PLACE,
    "actors": EntityKind.ACTOR,
}


@dataclass(frozen=True)
class Anchor:
    """An event as an editor names it: its id and (the start of) its source sentence."""

    id: str
    quote: str
    line: int


@dataclass(frozen=True)
class Correction:
    line: int
    reason: str
    target: Anchor | None = None  # the corrected event (set, drop, split)
    drop: bool = False
    values: Mapping[str, Any] = field(default_factory=dict)  # set: checked and normalised
    add: Mapping[str, str] | None = None  # an event the generator missed: article, quote, date
    merge: tuple[Anchor, ...] = ()  # events that are one; the first keeps its id
    split: tuple[tuple[str, int], ...] = ()  # (quote, line) of sources that become events

    @property
    def anchors(self) -> tuple[Anchor, ...]:
        return (self.target, *self.merge) if self.target else self.merge

    def concerns(self, articles: Sequence[Article]) -> bool:
        """Whether this correction is about these articles (evaluation sets apply only their
        own corrections): every sentence it names is one of theirs, so a merge of an
        article's event with another's is not half applied."""
        if self.add is not None:
            return any(a.stem == self.add["article"] for a in articles)
        return all(_sentence_with(a.quote, articles) is not None for a in self.anchors)


def load_corrections(path: Path, known: Mapping[str, EntityKind] | None = None) -> list[Correction]:
    """Read and check the file; a missing file means no corrections. With `known` (the
    gazetteer's ids and kinds), weapons, places and actors are checked against it."""
    if not path.exists():
        return []
    data = load(path)
    if data is None:
        return []
    problems = validate(data, SCHEMA, path)
    items = data.get("events") if isinstance(data, LineDict) else None
    result: list[Correction] = []
    if isinstance(items, LineList):
        for number, item in enumerate(items):
            bad = [p for p in problems if p.message.startswith(f"events[{number + 1}]")]
            if not isinstance(item, LineDict) or bad:
                continue
            correction = _correction(item, ["events", number], path, known, problems)
            if correction is not None:
                result.append(correction)
    if problems:
        raise InputError(sorted(set(problems), key=lambda p: (p.line, p.message)))
    return result


def _correction(
    item: LineDict,
    steps: list[str | int],
    path: Path,
    known: Mapping[str, EntityKind] | None,
    problems: list[Problem],
) -> Correction | None:
    """One correction that passed the schema: dates, certainty words and ids checked."""
    before = len(problems)

    def fail(keys: Sequence[str | int], message: str) -> None:
        at = [*steps, *keys]
        problems.append(Problem(str(path), line_at(item, keys), f"{where(at)}: {message}"))

    values: dict[str, Any] = dict(item.get("set") or {})
    if "date" in values:
        try:
            values["date"] = dates.parse_editors(values["date"])
        except dates.DateError as exc:
            fail(["set", "date"], str(exc))
    if "certainty" in values:
        word = values["certainty"]
        values["certainty"] = CERTAINTY_ALIASES.get(word) or Certainty(word)
    for key, kind in _ENTITY_FIELDS.items():
        for index, ident in enumerate(values.get(key, [])):
            found = known.get(ident) if known is not None else kind
            if found is None:
                same_kind = [i for i, k in (known or {}).items() if k is kind]
                fail(
                    ["set", key, index],
                    f"{ident!r} staat niet in data/gazetteer.yml{_did_you_mean(ident, same_kind)}",
                )
            elif found is not kind:
                fail(["set", key, index], f"{ident!r} is in data/gazetteer.yml geen {kind.value}")
    add = item.get("add")
    if isinstance(add, LineDict):
        try:
            dates.parse_editors(add["date"])
        except dates.DateError as exc:
            fail(["add", "date"], str(exc))
    if len(problems) > before:
        return None
    target = None
    if "id" in item:
        target = Anchor(item["id"], item["quote"], item.line_of("id"))
    merge = tuple(Anchor(m["id"], m["quote"], m.line) for m in item.get("merge", []))
    split = item.get("split") or LineList()
    return Correction(
        line=item.line,
        reason=item["reason"].strip(),
        target=target,
        drop=bool(item.get("drop")),
        values=values,
        add=dict(add) if isinstance(add, LineDict) else None,
        merge=merge,
        split=tuple((str(q), split.line_of(i)) for i, q in enumerate(split)),
    )


def quote_at(source_quote: str, quote: str) -> bool:
    """An editor's quote names a source sentence when it is the sentence or its start."""
    return normalized(source_quote).startswith(normalized(quote))


def _sentence_with(quote: str, articles: Iterable[Article]) -> tuple[Article, int] | None:
    for article in articles:
        for number, sentence in enumerate(article.sentences):
            if quote_at(sentence.text, quote):
                return article, number
    return None


def apply_corrections(
    events: list[Event],
    corrections: Sequence[Correction],
    articles: Sequence[Article],
    path: Path,
    own_only: bool = False,
) -> list[Event]:
    """Apply in file order. A correction whose quote is not at its event is an error that
    names the event holding the quote now. With own_only, corrections about other articles
    are left out (an evaluation set applies only its own)."""
    events = list(events)
    problems: list[Problem] = []
    for c in corrections:
        if own_only and not c.concerns(articles):
            continue
        try:
            events = _apply(c, events, articles)
        except _Stale as exc:
            problems.append(Problem(str(path), exc.line, exc.message))
    if problems:
        raise InputError(problems)
    return events


class _Stale(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _resolve(anchor: Anchor, events: Sequence[Event], articles: Sequence[Article]) -> Event:
    by_id = next((e for e in events if e.id == anchor.id), None)
    if by_id is not None and any(quote_at(s.quote, anchor.quote) for s in by_id.sources):
        return by_id
    short = anchor.quote if len(anchor.quote) <= 60 else anchor.quote[:57] + "..."
    if by_id is None:
        message = f"onbekende gebeurtenis {anchor.id!r} met citaat {short!r}"
    else:
        message = (
            f"het citaat {short!r} staat niet (meer) bij {anchor.id} "
            f"(die citeert nu {by_id.sources[0].quote[:50]!r}...)"
        )
    holders = [e for e in events if any(quote_at(s.quote, anchor.quote) for s in e.sources)]
    if holders:
        now = ", ".join(f"{e.id} ({e.date.label})" for e in holders)
        message += f"; het citaat staat nu bij {now}: zet die id in de correctie"
    elif (found := _sentence_with(anchor.quote, articles)) is not None:
        message += (
            f"; de zin staat in {found[0].stem} maar is geen gebeurtenis (meer): "
            "voeg haar toe met add"
        )
    else:
        message += "; het citaat staat in geen enkel artikel (het begin van de bronzin, letterlijk)"
        near = _nearest(anchor.quote, events)
        if near is not None:
            event, quote = near
            message += (
                f"; is de zin veranderd? Het meest lijkt {quote[:60]!r}... bij {event.id}: "
                "neem id en citaat daarvan over als het dezelfde gebeurtenis is"
            )
    raise _Stale(anchor.line, message)


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (bedoelt u {close[0]!r}?)" if close else ""


def _nearest(quote: str, events: Sequence[Event]) -> tuple[Event, str] | None:
    """The source sentence most like an editor's quote that is in no article any more (the
    sentence was edited): its start, as long as the quote, compared word by word."""
    words = normalized(quote).split()
    best: tuple[float, Event, str] | None = None
    for event in events:
        for source in event.sources:
            start = normalized(source.quote).split()[: len(words)]
            score = difflib.SequenceMatcher(None, words, start).ratio()
            if score >= 0.6 and (best is None or score > best[0]):
                best = (score, event, source.quote)
    return (best[1], best[2]) if best else None


def _apply(c: Correction, events: list[Event], articles: Sequence[Article]) -> list[Event]:
    if c.add is not None:
        added = _added(c, articles)
        return [*events, added]
    if c.merge:
        return _merge(c, events, articles)
    assert c.target is not None
    target = _resolve(c.target, events, articles)
    if c.drop:
        return [e for e in events if e is not target]
    if c.split:
        return _split(c, target, events, articles)
    _set(target, c.values)
    target.corrections.append(c.reason)
    return events


def _set(event: Event, values: Mapping[str, Any]) -> None:
    for key, value in values.items():
        old, new = _shown(getattr(event, key)), _shown(value)
        if old == new:
            continue
        if old != "":  # a headline is written after the corrections: no old one to show
            event.changes.append(Change(key, old, new))
        if key in ("summary", "headline"):
            setattr(event, key, " ".join(str(value).split()))
        elif key in ("date", "certainty"):
            setattr(event, key, value)
        else:
            setattr(event, key, [str(v) for v in value])


def _shown(value: Any) -> str | list[str]:
    if isinstance(value, DateValue):
        return value.edtf
    if isinstance(value, Certainty):
        return value.value
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return str(value)


def _merge(c: Correction, events: list[Event], articles: Sequence[Article]) -> list[Event]:
    first, *others = [_resolve(a, events, articles) for a in c.merge]
    for anchor, other in zip(c.merge[1:], others, strict=True):
        if other is first:
            raise _Stale(anchor.line, f"{anchor.id} is dezelfde gebeurtenis als {first.id}")
    for other in others:
        known = {(s.article, s.paragraph, s.sentence) for s in first.sources}
        first.sources.extend(
            s for s in other.sources if (s.article, s.paragraph, s.sentence) not in known
        )
        for key in ("weapons", "places", "actors", "attributed_to"):
            values = getattr(first, key)
            values.extend(v for v in getattr(other, key) if v not in values)
    first.changes.append(Change("merge", [o.id for o in others], first.id))
    _set(first, c.values)
    first.corrections.append(c.reason)
    gone = {id(o) for o in others}
    return [e for e in events if id(e) not in gone]


def _split(
    c: Correction, target: Event, events: list[Event], articles: Sequence[Article]
) -> list[Event]:
    taken: list[SourceRef] = []
    for quote, line in c.split:
        matching = [s for s in target.sources if quote_at(s.quote, quote)]
        if not matching:
            raise _Stale(line, f"{target.id} heeft geen bron die begint met {quote[:60]!r}")
        taken.extend(s for s in matching if s not in taken)
    if len(taken) == len(target.sources):
        raise _Stale(c.line, f"split zou {target.id} zonder bron laten: laat minstens één bron")
    target.sources[:] = [s for s in target.sources if s not in taken]
    new_events = [_split_off(source, target, c.reason, articles) for source in taken]
    target.changes.append(Change("split", target.id, [e.id for e in new_events]))
    target.corrections.append(c.reason)
    return [*events, *new_events]


def _split_off(source: SourceRef, whole: Event, reason: str, articles: Sequence[Article]) -> Event:
    """A source split off an event becomes an event as that source itself tells it."""
    article = next(a for a in articles if a.stem == source.article)
    sentence = next(
        s
        for s in article.sentences
        if (s.paragraph, s.index) == (source.paragraph, source.sentence)
    )
    repeat = repeats(article.sentences)[(sentence.paragraph, sentence.index)]
    return Event(
        id=event_id(article.stem, sentence.text, repeat, "split"),
        date=dates.parse(source.date) if source.date else whole.date,
        summary=normalized(source.quote),
        weapons=list(whole.weapons),
        places=list(whole.places),
        actors=list(whole.actors),
        certainty=Certainty(source.certainty) if source.certainty else whole.certainty,
        attributed_to=list(source.attributed_to),
        sources=[source],
        corrections=[reason],
        changes=[Change("split_from", whole.id, whole.id)],
    )


def _added(c: Correction, articles: Sequence[Article]) -> Event:
    assert c.add is not None
    article = next((a for a in articles if a.stem == c.add["article"]), None)
    if article is None:
        raise _Stale(
            c.line, f"add: onbekend artikel {c.add['article']!r} (bestandsnaam zonder .txt)"
        )
    quote = c.add["quote"]
    sentence = next((s for s in article.sentences if quote_at(s.text, quote)), None)
    if sentence is None:
        raise _Stale(
            c.line,
            f"add: geen zin in {article.stem} begint met {quote[:60]!r} (citeer het begin van "
            "de zin letterlijk)",
        )
    repeat = repeats(article.sentences)[(sentence.paragraph, sentence.index)]
    event = Event(
        id=event_id(article.stem, sentence.text, repeat, "editor"),
        date=dates.parse(c.add["date"]),
        summary=normalized(sentence.text),
        weapons=[],
        places=[],
        actors=[],
        certainty=Certainty.CONFIRMED,
        attributed_to=[],
        sources=[SourceRef(article.stem, sentence.paragraph, sentence.index, sentence.text)],
        corrections=[c.reason],
    )
    values = dict(c.values)
    for key in ("date", "certainty", "summary", "headline"):
        if key in values:
            setattr(event, key, values.pop(key))
    for key, value in values.items():
        setattr(event, key, [str(v) for v in value])
    return event
