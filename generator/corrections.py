"""Editors' corrections (data/corrections.yml): what the extraction got wrong, fixed in
reviewed data and shown on the site, never silently."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import dates
from generator.errors import InputError, Problem
from generator.model import Article, Certainty, Event, SourceRef
from generator.yamlfile import LineDict, load

_SETTABLE = {
    "date",
    "certainty",
    "attributed_to",
    "weapons",
    "places",
    "actors",
    "summary",
    "headline",
}


@dataclass(frozen=True)
class Correction:
    line: int
    event: str | None  # id of the corrected event; None for an added one
    reason: str
    drop: bool
    values: dict[str, Any]
    source: dict[str, Any] | None  # for an added event: {article, quote}


def load_corrections(path: Path) -> list[Correction]:
    """Read and check the file's shape; a missing file means no corrections."""
    if not path.exists():
        return []
    data = load(path)
    if data is None:
        return []
    problems: list[Problem] = []
    items = data.get("events", []) if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError([Problem(str(path), 1, "verwacht 'events:' met een lijst correcties")])
    result: list[Correction] = []
    for item in items:
        line = getattr(item, "line", 1)
        if not isinstance(item, LineDict):
            problems.append(Problem(str(path), line, "een correctie is een blok met id en reason"))
            continue
        reason = item.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            problems.append(Problem(str(path), line, "elke correctie heeft een reason nodig"))
            continue
        values = dict(item.get("set") or {})
        for key in values:
            if key not in _SETTABLE:
                problems.append(Problem(str(path), line, f"onbekend veld in set: {key!r}"))
        if "date" in values:
            try:
                dates.parse(str(values["date"]))
            except dates.DateError as exc:
                problems.append(Problem(str(path), line, str(exc)))
        if "certainty" in values and values["certainty"] not in {c.value for c in Certainty}:
            problems.append(
                Problem(str(path), line, f"onbekende zekerheid {values['certainty']!r}")
            )
        source = item.get("add")
        if source is not None and not (
            isinstance(source, dict) and {"article", "quote", "date"} <= source.keys()
        ):
            problems.append(Problem(str(path), line, "add heeft article, quote en date nodig"))
            continue
        if source is None and not isinstance(item.get("id"), str):
            problems.append(Problem(str(path), line, "een correctie noemt een event-id"))
            continue
        result.append(
            Correction(
                line,
                item.get("id"),
                reason.strip(),
                bool(item.get("drop")),
                values,
                dict(source) if source else None,
            )
        )
    if problems:
        raise InputError(problems)
    return result


def apply_corrections(
    events: list[Event], corrections: list[Correction], articles: list[Article], path: Path
) -> list[Event]:
    """Apply in file order; a correction naming an unknown event or quote is an error."""
    by_id = {e.id: e for e in events}
    problems: list[Problem] = []
    dropped: set[str] = set()
    added: list[Event] = []
    for c in corrections:
        if c.source is not None:
            event = _added(c, articles)
            if event is None:
                problems.append(
                    Problem(
                        str(path),
                        c.line,
                        f"citaat niet letterlijk als zin gevonden in {c.source['article']!r}",
                    )
                )
                continue
            added.append(event)
            by_id[event.id] = event
            continue
        assert c.event is not None
        target = by_id.get(c.event)
        if target is None:
            problems.append(
                Problem(
                    str(path),
                    c.line,
                    f"onbekende gebeurtenis {c.event!r} (zie data/chronology.json voor de id's)",
                )
            )
            continue
        if c.drop:
            dropped.add(target.id)
            continue
        _set(target, c.values)
        target.corrections.append(c.reason)
    if problems:
        raise InputError(problems)
    return [e for e in events if e.id not in dropped] + added


def _set(event: Event, values: dict[str, Any]) -> None:
    for key, value in values.items():
        if key == "date":
            event.date = dates.parse(str(value))
        elif key == "certainty":
            event.certainty = Certainty(value)
        elif key in ("summary", "headline"):
            setattr(event, key, " ".join(str(value).split()))
        else:
            setattr(event, key, [str(v) for v in value])


def _added(c: Correction, articles: list[Article]) -> Event | None:
    assert c.source is not None
    article = next((a for a in articles if a.stem == c.source["article"]), None)
    if article is None:
        return None
    quote = str(c.source["quote"])
    sentence = next((s for s in article.sentences if quote in s.text), None)
    if sentence is None:
        return None
    key = f"{article.stem}#{sentence.anchor}#editor"
    event = Event(
        id="e-" + hashlib.sha1(key.encode()).hexdigest()[:10],
        date=dates.parse(str(c.source["date"])),
        summary=sentence.text,
        weapons=[],
        places=[],
        actors=[],
        certainty=Certainty.CONFIRMED,
        attributed_to=[],
        sources=[SourceRef(article.stem, sentence.paragraph, sentence.index, sentence.text)],
        corrections=[c.reason],
    )
    _set(event, c.values)
    return event
