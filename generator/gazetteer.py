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
from generator.validate import validate
from generator.yamlfile import LineDict, LineList, load

SCHEMA = "gazetteer.schema.json"
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
    bounds: tuple[tuple[float, float], tuple[float, float]] | None = None  # a land's box


@dataclass(frozen=True)
class Gazetteer:
    path: str
    entries: dict[str, GazetteerEntry] = field(default_factory=dict)
    places_source: str = ""
    not_entities: frozenset[str] = frozenset()  # names that check no longer reports

    def of_kind(self, kind: EntityKind) -> list[GazetteerEntry]:
        return [e for e in self.entries.values() if e.kind is kind]

    def broader_closure(self) -> dict[str, frozenset[str]]:
        """Every wider category of each entity, transitively (worked out once: pages ask
        for it per event; each caller gets its own dict)."""
        known = self.__dict__.get("_broader_memo")
        if known is None:
            known = self._closure()
            object.__setattr__(self, "_broader_memo", known)  # frozen: a memo, not a change
        return dict(known)

    def _closure(self) -> dict[str, frozenset[str]]:
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
    """Load and validate the gazetteer (generator/schemas/gazetteer.schema.json, then the
    rules a schema cannot say); every problem is reported with its line."""
    data = load(path)
    problems = validate(data, SCHEMA, path)
    if not isinstance(data, LineDict):
        raise InputError(problems)
    entries: dict[str, GazetteerEntry] = {}
    for section, kind in _SECTIONS.items():
        items = data.get(section)
        if not isinstance(items, LineList):
            continue
        for number, item in enumerate(items):
            prefix = f"{section}[{number + 1}]"
            if any(p.message.startswith((prefix + ".", prefix + ":")) for p in problems):
                continue  # already reported by the schema
            entry = _entry(item, kind, path, problems)
            if entry is None:
                continue
            if entry.id in entries:
                problems.append(
                    Problem(
                        str(path),
                        entry.line,
                        f"id {entry.id!r} komt twee keer voor (ook op regel "
                        f"{entries[entry.id].line})",
                    )
                )
            entries[entry.id] = entry
    problems += _cross_checks(entries, str(path))
    if problems:
        raise InputError(sorted(set(problems), key=lambda p: (p.line, p.message)))
    return Gazetteer(
        str(path),
        entries,
        str(data.get("places_source", "")),
        frozenset(data.get("not_entities", [])),
    )


def _cross_checks(entries: dict[str, GazetteerEntry], where: str) -> list[Problem]:
    """What only the whole gazetteer can tell: references, one owner per alias, places that
    lie in their country, places the map must show."""
    problems: list[Problem] = []
    owners: dict[str, GazetteerEntry] = {}
    for entry in entries.values():
        if entry.kind is EntityKind.WEAPON and entry.description and not entry.source:
            problems.append(
                Problem(where, entry.line, f"{entry.id}: een beschrijving heeft een source nodig")
            )
        for wider in entry.broader:
            if wider not in entries:
                problems.append(
                    Problem(where, entry.line, f"{entry.id}: onbekend broader {wider!r}")
                )
        for alias in entry.aliases:
            owner = owners.setdefault(alias, entry)
            if owner is not entry:
                problems.append(
                    Problem(
                        where,
                        entry.line,
                        f"{entry.id}: alias {alias!r} hoort al bij {owner.id} (regel "
                        f"{owner.line}); een naam kan maar naar één ding wijzen",
                    )
                )
        if entry.always_on_map and entry.coordinates is None:
            problems.append(
                Problem(
                    where,
                    entry.line,
                    f"{entry.id}: on_map: always vraagt om coordinates [breedtegraad, lengtegraad]",
                )
            )
        problems += _placed(entry, entries, where)
    return problems


def _placed(entry: GazetteerEntry, entries: dict[str, GazetteerEntry], where: str) -> list[Problem]:
    """A place's country must be a known land, and its coordinates must lie in that land."""
    if entry.country is None and entry.category != "land":
        return []
    country = entries.get(entry.country) if entry.country else entry
    if country is None or country.kind is not EntityKind.PLACE or country.category != "land":
        lands = sorted(e.id for e in entries.values() if e.category == "land")
        return [
            Problem(
                where,
                entry.line,
                f"{entry.id}: onbekend land {entry.country!r}; een land is een plaats met "
                f"kind: land ({', '.join(lands)})",
            )
        ]
    if entry.coordinates is None or country.bounds is None:
        return []
    (south, west), (north, east) = country.bounds
    lat, lon = entry.coordinates
    if south <= lat <= north and west <= lon <= east:
        return []
    swapped = south <= lon <= north and west <= lat <= east
    hint = f"; omgedraaid, [{lon}, {lat}], ligt er wel in: eerst de breedtegraad" if swapped else ""
    return [
        Problem(
            where,
            entry.line,
            f"{entry.id}: coordinates [{lat}, {lon}] liggen niet in {country.name} "
            f"(tussen breedtegraad {south} en {north}, lengtegraad {west} en {east}){hint}",
        )
    ]


def _entry(
    item: LineDict, kind: EntityKind, path: Path, problems: list[Problem]
) -> GazetteerEntry | None:
    """One entry that passed the schema: patterns compile, role dates exist."""
    where = str(path)
    ident = item["id"]
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
    for pattern in item.get("patterns", []):
        try:
            re.compile(pattern)
        except re.error as exc:
            problems.append(Problem(where, item.line_of("patterns"), f"{ident}: patroon: {exc}"))
            return None
    roles = tuple(_role(r, ident, where, item, problems) for r in item.get("roles", []))
    coordinates = item.get("coordinates")
    bounds = item.get("bounds")
    return GazetteerEntry(
        id=ident,
        kind=kind,
        name=item["name"],
        aliases=tuple(item.get("aliases", [])),
        patterns=tuple(item.get("patterns", [])),
        roles=tuple(r for r in roles if r),
        description=str(item.get("description", "")).strip(),
        category=item.get("kind"),
        country=item.get("country"),
        coordinates=(float(coordinates[0]), float(coordinates[1])) if coordinates else None,
        specs=tuple(_spec(s) for s in item.get("specs", [])),
        broader=tuple(item.get("broader", [])),
        always_on_map=item.get("on_map") == "always",
        adjectives=tuple(str(a) for a in item.get("adjectives", [])),
        source=item.get("source"),
        line=item.line,
        bounds=(
            ((float(bounds[0][0]), float(bounds[0][1])), (float(bounds[1][0]), float(bounds[1][1])))
            if bounds
            else None
        ),
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


def _spec(raw: LineDict) -> Spec:
    value = raw.get("value")
    return Spec(
        what=str(raw["what"]),
        source=str(raw["source"]),
        value=float(value) if value is not None else None,
        unit=raw.get("unit"),
        qualifier=raw.get("qualifier"),
        text=raw.get("text"),
    )
