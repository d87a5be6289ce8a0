"""What the map shows beyond its places, derived by general rules from the editors' data and
the events: a reach per weapon a permission names, an area per step, the strike sites."""

from __future__ import annotations

import zlib
from datetime import date
from pathlib import Path

import pytest

from generator.gazetteer import Gazetteer, load_gazetteer
from generator.geo import Area, load_areas
from generator.model import Certainty, Corpus, DateValue, Event, SourceRef
from generator.render.maplayers import MAX_ZONES, map_layers, reaches, strikes, zones
from generator.story.permissions import Step, Story

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(DATA / "gazetteer.yml")


@pytest.fixture(scope="module")
def regions() -> list[Area]:
    return load_areas(DATA / "regions.geojson")


@pytest.fixture(scope="module")
def countries() -> list[Area]:
    return load_areas(DATA / "countries.geojson")


def event(
    quote: str,
    places: list[str],
    weapons: list[str],
    day: date,
    label: str,
    certainty: Certainty = Certainty.REPORTED,
    ident: str = "",
) -> Event:
    return Event(
        id=ident or f"e-{zlib.crc32(quote.encode()):08x}",
        date=DateValue(day.isoformat(), day, day, label),
        summary=quote,
        weapons=weapons,
        places=places,
        actors=[],
        certainty=certainty,
        attributed_to=[],
        sources=[SourceRef("a", 1, 1, quote)],
        headline=quote.rstrip("."),
    )


KHARKIV_STEP = event(
    "Biden gaf toestemming voor Amerikaanse wapens bij Charkiv.",
    ["russia", "ukraine", "kharkiv"],
    [],
    date(2024, 5, 5),
    "begin mei 2024",
)
KURSK_STEP = event(
    "De VS gaf toestemming ATACMS in te zetten in de regio Koersk.",
    ["russia", "kursk"],
    ["atacms"],
    date(2024, 11, 17),
    "17 november 2024",
)
UK_KURSK_STEP = event(
    "Londen gaf toestemming Storm Shadow in te zetten in de regio Koersk.",
    ["russia", "kursk"],
    ["storm-shadow"],
    date(2024, 11, 17),
    "17 november 2024",
)
NOWHERE_STEP = event(
    "Het VK gaf toestemming voor Storm Shadow.",
    ["ukraine"],
    ["storm-shadow"],
    date(2024, 11, 20),
    "20 november 2024",
)

STORY = Story(
    steps=(
        Step("united-states", ("us-weapons",), "Russische doelen bij Charkiv", KHARKIV_STEP),
        Step(
            "united-states",
            ("atacms", "long-range-missiles"),
            "doelen in de regio Koersk",
            KURSK_STEP,
        ),
        Step("united-kingdom", ("storm-shadow",), "doelen in de regio Koersk", UK_KURSK_STEP),
        Step("united-kingdom", ("storm-shadow",), "waar noemt de bron niet", NOWHERE_STEP),
    )
)


def corpus(*events: Event) -> Corpus:
    return Corpus(articles=[], entities={}, events=list(events), facts=[], mentions={})


def test_each_weapon_a_step_names_gets_its_reach_from_the_gazetteer(gazetteer: Gazetteer) -> None:
    found = reaches(
        corpus(
            KURSK_STEP,
            UK_KURSK_STEP,
            KHARKIV_STEP,
            event("ATACMS vielen aan.", [], ["atacms"], date(2024, 11, 20), "x"),
        ),
        STORY,
        gazetteer,
    )
    # groups ("us-weapons", "long-range-missiles") have no range: no band
    assert [(r.weapon, r.km, r.qualifier, r.shown) for r in found] == [
        ("atacms", 300.0, None, True),  # named by the most events: shown from the start
        ("storm-shadow", 250.0, "meer dan", False),
    ]
    assert all(r.source for r in found)


def test_a_story_without_ranges_draws_no_band(gazetteer: Gazetteer) -> None:
    only_groups = Story(steps=STORY.steps[:1])
    assert reaches(corpus(KHARKIV_STEP), only_groups, gazetteer) == ()


def test_each_step_with_places_gets_its_area(gazetteer: Gazetteer, regions: list[Area]) -> None:
    found = zones(STORY, gazetteer, regions, "RU")
    assert [(z.label, z.regions, z.date) for z in found] == [
        # a place in Ukraine: the Russian region across the border
        ("begin mei 2024: Russische doelen bij Charkiv", ("Belgorod",), "begin mei 2024"),
        # a place in Russia: its own region; two suppliers on one day share one area
        ("17 november 2024: doelen in de regio Koersk", ("Koersk",), "17 november 2024"),
    ]
    across, kursk = found
    assert "aan de overkant van de grens" in across.detail and "kleiner" in across.detail
    assert "VS (ATACMS)" in kursk.detail and "VK (Storm Shadow)" in kursk.detail
    assert kursk.events == (KURSK_STEP.id, UK_KURSK_STEP.id)
    assert kursk.geometry["type"] in ("Polygon", "MultiPolygon")


def test_steps_on_one_area_share_one_layer_however_many_there_are(
    gazetteer: Gazetteer, regions: list[Area]
) -> None:
    later = [
        event(
            f"De VS gaven opnieuw toestemming voor aanvallen in Koersk ({n}).",
            ["kursk", "russia"],
            ["atacms"],
            date(2025, 1, n),
            f"{n} januari 2025",
        )
        for n in range(1, 9)
    ]
    story = Story(
        steps=(
            *STORY.steps,
            *(Step("united-states", ("atacms",), "doelen in de regio Koersk", e) for e in later),
        )
    )
    found = zones(story, gazetteer, regions, "RU")
    assert [(z.label, z.regions) for z in found] == [
        ("begin mei 2024: Russische doelen bij Charkiv", ("Belgorod",)),
        ("sinds 17 november 2024: doelen in de regio Koersk", ("Koersk",)),
    ]
    kursk = found[1]
    assert "17 november 2024" in kursk.detail and "en nog 5 stappen" in kursk.detail
    assert len(kursk.events) == 5


def test_no_more_areas_than_the_cap_however_many_regions(
    gazetteer: Gazetteer, regions: list[Area]
) -> None:
    russian = [
        e
        for e in gazetteer.entries.values()
        if e.country == "russia" and e.coordinates and e.category != "land"
    ]
    steps = tuple(
        Step(
            "united-states",
            ("atacms",),
            f"doelen bij {e.name}",
            event(f"Toestemming voor {e.name}.", [e.id], ["atacms"], date(2025, 1, 1), "2025"),
        )
        for e in russian
    )
    found = zones(Story(steps=steps), gazetteer, regions, "RU")
    assert 0 < len(found) <= MAX_ZONES


def test_strike_sites_are_the_most_precise_places_in_russia(
    gazetteer: Gazetteer, regions: list[Area]
) -> None:
    hit = event(
        "Oekraïne heeft ATACMS-raketten afgevuurd op een wapenopslag in Karatsjov in "
        "de regio Brjansk.",
        ["russia", "ukraine", "karachev", "bryansk"],
        ["atacms"],
        date(2024, 11, 19),
        "19 november 2024",
    )
    planned = event(
        "Oekraïne gaat raketten afvuren op Belgorod.",
        ["belgorod"],
        [],
        date(2024, 12, 1),
        "december 2024",
        Certainty.PLANNED,
    )
    in_ukraine = event(
        "Rusland heeft raketten afgevuurd op Charkiv.",
        ["kharkiv"],
        [],
        date(2024, 5, 10),
        "10 mei 2024",
    )
    found = strikes([hit, planned, in_ukraine], gazetteer, regions)
    assert [(s.name, s.dates) for s in found] == [("Karatsjov", ("19 november 2024",))]
    assert found[0].told == (("19 november 2024", hit.headline, hit.id),)


def test_the_layers_find_russia_by_the_gazetteer_and_name_both_sides(
    gazetteer: Gazetteer, countries: list[Area], regions: list[Area]
) -> None:
    layers = map_layers(corpus(KURSK_STEP), STORY, gazetteer, countries, regions)
    assert layers.territory is not None and layers.territory_name == "Rusland"
    assert layers.border_countries == ("Oekraïne", "Rusland")
    assert len(layers.countries) == len(countries)
