"""The editors' gazetteer (data/gazetteer.yml): entities, their Dutch forms, their specs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.errors import InputError, Problem
from generator.inputfiles import RESERVED_PAGE_NAMES, is_reserved_page_name
from generator.model import EntityKind
from generator.yamlfile import LineDict, load

_ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_SECTIONS = {
    "weapons": EntityKind.WEAPON,
    "places": EntityKind.PLACE,
    "actors": EntityKind.ACTOR,
    "media": EntityKind.MEDIUM,
}


@dataclass(frozen=True)
class Spec:
    what: str
    source: str
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Role:
    alias: str
    valid_from: date | None = None
    valid_to: date | None = None

    def holds_on(self, day: date | None) -> bool:
        if day is None:
            return self.valid_from is None and self.valid_to is None
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    kind: EntityKind
    name: str
    aliases: tuple[str, ...]
    patterns: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    description: str = ""
    category: str | None = None  # stad, regio, land, persoon, organisatie...
    country: str | None = None
    coordinates: tuple[float, float] | None = None
    specs: tuple[Spec, ...] = ()
    broader: tuple[str, ...] = ()  # wider categories: atacms -> long-range-missiles
    always_on_map: bool = False
    source: str | None = None  # where the description comes from
    adjectives: tuple[str, ...] = ()  # a country's: "Britse", "Brits", "Britten"
    line: int = 0


@dataclass(frozen=True)
class Gazetteer:
    path: str
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    places_source: str = ""

    def of_kind(self, kind: EntityKind) -> list[GazetteerEntry]:
        return [e for e in self.entries.values() if e.kind is kind]

    def broader_closure(self) -> dict[str, frozenset[str]]:
        """Every wider category of each entity, transitively."""
        closure: dict[str, frozenset[str]] = {}
        for ident in self.entries:
            seen: set[str] = set()
            todo = list(self.entries[ident].broader)
            while todo:
                wider = todo.pop()
                if wider not in seen and wider in self.entries:
                    seen.add(wider)
                    todo.extend(self.entries[wider].broader)
            closure[ident] = frozenset(seen)
        return closure


def load_gazetteer(path: Path) -> Gazetteer:
    """Load and validate the gazetteer; every problem is reported with its line."""
    data = load(path)
    problems: list[Problem] = []
    entries: dict[str, GazetteerEntry] = {}
    if not isinstance(data, LineDict):
        raise InputError([Problem(str(path), 1, "verwacht secties weapons, places, actors")])
    for section, kind in _SECTIONS.items():
        items = data.get(section)
        if not isinstance(items, list):
            problems.append(
                Problem(str(path), data.line_of(section), f"sectie {section} ontbreekt")
            )
            continue
        for item in items:
            entry = _entry(item, kind, path, problems)
            if entry is None:
                continue
            if entry.id in entries:
                problems.append(
                    Problem(str(path), entry.line, f"id {entry.id!r} komt twee keer voor")
                )
            entries[entry.id] = entry
    for entry in entries.values():
        if entry.kind is EntityKind.WEAPON and entry.description and not entry.source:
            problems.append(
                Problem(
                    str(path), entry.line, f"{entry.id}: een beschrijving heeft een source nodig"
                )
            )
        for wider in entry.broader:
            if wider not in entries:
                problems.append(
                    Problem(str(path), entry.line, f"{entry.id}: onbekend broader {wider!r}")
                )
        if entry.country and entry.country not in entries and not _ID_RE.match(entry.country):
            problems.append(Problem(str(path), entry.line, f"{entry.id}: ongeldig land"))
    if problems:
        raise InputError(problems)
    return Gazetteer(str(path), entries, str(data.get("places_source", "")))


def _entry(
    item: Any, kind: EntityKind, path: Path, problems: list[Problem]
) -> GazetteerEntry | None:
    where = str(path)
    if not isinstance(item, LineDict):
        problems.append(Problem(where, getattr(item, "line", 1), "verwacht een blok met id, name"))
        return None
    line = item.line
    ident = item.get("id")
    if not isinstance(ident, str) or not _ID_RE.match(ident):
        problems.append(
            Problem(
                where, item.line_of("id"), f"id {ident!r}: kleine letters, cijfers en koppeltekens"
            )
        )
        return None
    if is_reserved_page_name(ident):
        problems.append(
            Problem(
                where,
                item.line_of("id"),
                f"id {ident!r} is voorbehouden aan een pagina van de site "
                f"(niet: {', '.join(sorted(RESERVED_PAGE_NAMES))}); kies een andere",
            )
        )
        return None
    name = item.get("name")
    if not isinstance(name, str) or not name:
        problems.append(Problem(where, line, f"{ident}: name ontbreekt"))
        return None
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
        problems.append(
            Problem(where, item.line_of("aliases"), f"{ident}: aliases is een lijst tekst")
        )
        return None
    patterns = item.get("patterns", [])
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            problems.append(Problem(where, item.line_of("patterns"), f"{ident}: patroon: {exc}"))
            return None
    coordinates = None
    if "coordinates" in item:
        coords = item["coordinates"]
        if not (
            isinstance(coords, list)
            and len(coords) == 2
            and all(isinstance(c, int | float) for c in coords)
            and -90 <= coords[0] <= 90
            and -180 <= coords[1] <= 180
        ):
            problems.append(
                Problem(
                    where,
                    item.line_of("coordinates"),
                    f"{ident}: coordinates is [breedtegraad, lengtegraad]",
                )
            )
            return None
        coordinates = (float(coords[0]), float(coords[1]))
    roles = tuple(_role(r, ident, where, item, problems) for r in item.get("roles", []))
    specs = tuple(_spec(s, ident, where, problems) for s in item.get("specs", []))
    return GazetteerEntry(
        id=ident,
        kind=kind,
        name=name,
        aliases=tuple(aliases),
        patterns=tuple(patterns),
        roles=tuple(r for r in roles if r),
        description=str(item.get("description", "")).strip(),
        category=item.get("kind"),
        country=item.get("country"),
        coordinates=coordinates,
        specs=tuple(s for s in specs if s),
        broader=tuple(item.get("broader", [])),
        always_on_map=item.get("on_map") == "always",
        adjectives=tuple(str(a) for a in item.get("adjectives", [])),
        source=item.get("source"),
        line=line,
    )


def _role(raw: Any, ident: str, where: str, item: LineDict, problems: list[Problem]) -> Role | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("alias"), str):
        problems.append(Problem(where, item.line_of("roles"), f"{ident}: rol heeft alias nodig"))
        return None
    try:
        start = date.fromisoformat(str(raw["from"])) if raw.get("from") else None
        end = date.fromisoformat(str(raw["to"])) if raw.get("to") else None
    except ValueError:
        problems.append(Problem(where, item.line_of("roles"), f"{ident}: rol-datum JJJJ-MM-DD"))
        return None
    return Role(raw["alias"], start, end)


def _spec(raw: Any, ident: str, where: str, problems: list[Problem]) -> Spec | None:
    line = getattr(raw, "line", 1)
    if not isinstance(raw, dict) or not raw.get("what") or not raw.get("source"):
        problems.append(Problem(where, line, f"{ident}: elk gegeven heeft what en source nodig"))
        return None
    value = raw.get("value")
    if value is not None and not isinstance(value, int | float):
        problems.append(Problem(where, line, f"{ident}: value moet een getal zijn"))
        return None
    return Spec(
        what=str(raw["what"]),
        source=str(raw["source"]),
        value=float(value) if value is not None else None,
        unit=raw.get("unit"),
        qualifier=raw.get("qualifier"),
        text=raw.get("text"),
    )
