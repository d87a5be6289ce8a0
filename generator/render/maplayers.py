"""What the map shows beyond the places, derived from the editors' data and the events:
the reach of each weapon the permission story is about, the area of each step, the strikes.

General rules, so a new article flows in with no code change:
- a reach band for every weapon a permission step names whose gazetteer specs give a range
  in km ("bereik"); the band shown at first is that of the weapon most events name;
- an area for every step that names places: a place in Russia gives its Russian region
  (Natural Earth's provinces), a place in Ukraine ("Russische doelen bij Charkiv") the
  Russian regions across the border from its Ukrainian region; steps on the same region
  share one layer, dated by the first, and the regions most steps name are drawn;
- a strike site for every place in Russia with coordinates that a strike event names; a
  region is left out where a place inside it is named too ("Karatsjov in de regio
  Brjansk").
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.extract.merge import action_of
from generator.gazetteer import Gazetteer, GazetteerEntry, Spec
from generator.geo import Area, area_at, neighbours
from generator.model import Certainty, Corpus, Event
from generator.render.mapdata import MapLayers, Reach, StrikeSite, Zone
from generator.story.permissions import Step, Story

TARGET = "russia"
"""The country whose territory the permissions are about (gazetteer id)."""
OTHER_SIDE = "ukraine"
MAX_ZONES = 8
"""Areas drawn at most; the steps themselves are all in the story's table."""
MAX_STEPS_NAMED = 5
"""An area names its first steps and counts the rest."""
MIN_BAND_KM = 20.0
"""A narrower band hides under the border line at the map's scale: not drawn."""


def map_layers(
    corpus: Corpus,
    story: Story,
    gazetteer: Gazetteer,
    countries: Sequence[Area],
    regions: Sequence[Area],
) -> MapLayers:
    target = gazetteer.entries.get(TARGET)
    other = gazetteer.entries.get(OTHER_SIDE)
    territory = _country_area(target, countries)
    return MapLayers(
        territory=territory.geometry if territory else None,
        territory_name=target.name if target else TARGET,
        reaches=reaches(corpus, story, gazetteer),
        zones=zones(story, gazetteer, regions, territory.code if territory else None),
        strikes=strikes(corpus.events, gazetteer, regions),
        countries=tuple(countries),
        border_countries=tuple(e.name for e in (other, target) if e is not None),
    )


def _country_area(entry: GazetteerEntry | None, countries: Sequence[Area]) -> Area | None:
    """A gazetteer land's shape: the country that holds its coordinates (its capital)."""
    if entry is None or entry.coordinates is None:
        return None
    return area_at(countries, *entry.coordinates)


def range_spec(entry: GazetteerEntry) -> Spec | None:
    """The first spec that gives the weapon's range in km."""
    for spec in entry.specs:
        if "bereik" in spec.what.lower() and spec.unit == "km" and spec.value:
            return spec
    return None


def reaches(corpus: Corpus, story: Story, gazetteer: Gazetteer) -> tuple[Reach, ...]:
    named = dict.fromkeys(w for step in story.steps for w in step.weapons)
    counts = {w: sum(1 for e in corpus.events if w in e.weapons) for w in named}
    found = []
    for weapon in named:
        entry = gazetteer.entries.get(weapon)
        spec = range_spec(entry) if entry else None
        if entry is None or spec is None or spec.value is None or spec.value < MIN_BAND_KM:
            continue
        found.append((entry, spec))
    found.sort(key=lambda es: (-counts[es[0].id], -(es[1].value or 0.0), es[0].id))
    return tuple(
        Reach(e.id, e.name, float(s.value or 0.0), s.qualifier, s.source, i == 0)
        for i, (e, s) in enumerate(found)
    )


def zones(
    story: Story, gazetteer: Gazetteer, regions: Sequence[Area], target_code: str | None
) -> tuple[Zone, ...]:
    """One area per region the steps are about, however many steps share it, and at most
    MAX_ZONES of them (those most steps name): the map stays small as the story grows (an
    area per step grew to megabytes at 500 articles)."""
    if target_code is None:
        return ()
    grouped: dict[str, list[tuple[Step, Area, bool]]] = {}
    for step in story.steps:
        areas, across = _step_areas(step.event, gazetteer, regions, target_code)
        for area in areas:
            grouped.setdefault(area.code, []).append((step, area, across))
    for members in grouped.values():
        members.sort(key=lambda m: (m[0].event.date.start, m[0].event.date.end))
    kept = sorted(grouped.values(), key=lambda ms: (-len(ms), ms[0][0].event.date.start))
    kept = sorted(kept[:MAX_ZONES], key=lambda ms: (ms[0][0].event.date.start, ms[0][1].name))
    return tuple(_zone(members, gazetteer) for members in kept)


def _zone(members: Sequence[tuple[Step, Area, bool]], gazetteer: Gazetteer) -> Zone:
    first, area, across = members[0]
    dates = list(dict.fromkeys(m[0].event.date.label for m in members))
    told = [
        f"{_short_name(gazetteer, s.supplier)} ({_weapon_names(gazetteer, s)})"
        + (f", {s.event.date.label}" if len(dates) > 1 else "")
        for s, _, _ in members[:MAX_STEPS_NAMED]
    ]
    if len(members) > MAX_STEPS_NAMED:
        told.append(f"en nog {len(members) - MAX_STEPS_NAMED} stappen")
    if across:
        drawn = (
            f"de Russische regio {area.name} aan de overkant van de grens; het toegestane "
            "gebied kan kleiner zijn"
        )
    else:
        drawn = f"de regio {area.name}"
    since = dates[0] if len(dates) == 1 else f"sinds {dates[0]}"
    return Zone(
        label=f"{since}: {first.scope}",
        detail=f"Toestemming van {'; '.join(told)}. Getekend: {drawn}.",
        regions=(area.name,),
        geometry=area.geometry,
        events=tuple(s.event.id for s, _, _ in members[:MAX_STEPS_NAMED]),
        date=since,
    )


def _step_areas(
    event: Event, gazetteer: Gazetteer, regions: Sequence[Area], target_code: str
) -> tuple[list[Area], bool]:
    """The regions a step is about, and whether they lie across the border from its place."""
    inside: list[Area] = []
    across: list[Area] = []
    for place in event.places:
        entry = gazetteer.entries.get(place)
        if entry is None or entry.coordinates is None or entry.category == "land":
            continue
        area = area_at(regions, *entry.coordinates)
        if area is None:
            continue
        if area.country == target_code:
            inside.append(area)
        elif entry.country == OTHER_SIDE:
            across.extend(neighbours(regions, area, target_code))
    chosen = inside or across
    unique = list({a.code: a for a in chosen}.values())
    return unique, not inside


def strikes(
    events: Sequence[Event], gazetteer: Gazetteer, regions: Sequence[Area]
) -> tuple[StrikeSite, ...]:
    by_place: dict[str, list[Event]] = {}
    for event in events:
        if event.certainty is Certainty.PLANNED or action_of(event) != "strike":
            continue
        for place in _strike_places(event, gazetteer, regions):
            by_place.setdefault(place.id, []).append(event)
    sites = []
    for place_id, told in by_place.items():
        entry = gazetteer.entries[place_id]
        assert entry.coordinates is not None
        told.sort(key=lambda e: (e.date.start, e.date.end, e.id))
        sites.append(
            StrikeSite(
                place_id,
                entry.name,
                entry.coordinates[0],
                entry.coordinates[1],
                tuple(dict.fromkeys(e.date.label for e in told)),
                tuple((e.date.label, e.headline or e.summary, e.id) for e in told),
            )
        )
    sites.sort(key=lambda s: (s.name, s.place))
    return tuple(sites)


def _strike_places(
    event: Event, gazetteer: Gazetteer, regions: Sequence[Area]
) -> list[GazetteerEntry]:
    places = [
        e
        for p in event.places
        if (e := gazetteer.entries.get(p)) is not None
        and e.coordinates is not None
        and e.category != "land"
        and e.country == TARGET
    ]
    region_of = {e.id: area_at(regions, *e.coordinates) for e in places if e.coordinates}

    def holds_another(entry: GazetteerEntry) -> bool:
        mine = region_of.get(entry.id)
        return (
            "regio" in (entry.category or "")
            and mine is not None
            and any(o.id != entry.id and region_of.get(o.id) == mine for o in places)
        )

    return [e for e in places if not holds_another(e)]


def _short_name(gazetteer: Gazetteer, country: str) -> str:
    entry = gazetteer.entries.get(country)
    if entry is None:
        return country
    return min((entry.name, *entry.aliases), key=lambda n: (len(n), n))


def _weapon_names(gazetteer: Gazetteer, step: Step) -> str:
    return _join(
        [gazetteer.entries[w].name if w in gazetteer.entries else w for w in step.weapons[:1]]
    )


def _join(names: Sequence[str]) -> str:
    names = list(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]
