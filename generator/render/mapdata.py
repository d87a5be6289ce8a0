"""The records of what the map shows beyond its places: reach bands, permission areas,
strike sites and the base layer (made by generator.render.maplayers, drawn by mapview).

Plain data with no heavy imports, so that a kept map is found without loading the story,
shapely or folium.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.geo import Area


@dataclass(frozen=True)
class Reach:
    weapon: str  # gazetteer id
    name: str  # "ATACMS"
    km: float
    qualifier: str | None  # "meer dan", as the spec says
    source: str  # where the range comes from
    shown: bool  # drawn when the map opens; the others are switched on in the layer list

    @property
    def km_text(self) -> str:
        """300.0 -> '300', 250.5 -> '250,5'."""
        km = float(self.km)
        return str(int(km)) if km.is_integer() else f"{km:.1f}".replace(".", ",")


@dataclass(frozen=True)
class Zone:
    """The area of one or more permission steps with the same date and places."""

    label: str  # "begin mei 2024: Russische doelen bij Charkiv"
    detail: str  # who allowed which weapons, and what is drawn
    regions: tuple[str, ...]  # names of the regions drawn
    geometry: dict[str, Any]  # GeoJSON (Multi)Polygon, lon/lat
    events: tuple[str, ...]  # event ids
    date: str = ""  # "begin mei 2024": written on the area itself


@dataclass(frozen=True)
class StrikeSite:
    place: str  # gazetteer id
    name: str
    lat: float
    lon: float
    dates: tuple[str, ...]  # Dutch date labels, oldest first
    told: tuple[tuple[str, str, str], ...]  # (date label, headline, event id) per event


@dataclass(frozen=True)
class MapLayers:
    territory: dict[str, Any] | None = None  # the target country, GeoJSON geometry
    territory_name: str = "Rusland"
    reaches: tuple[Reach, ...] = ()
    zones: tuple[Zone, ...] = ()
    strikes: tuple[StrikeSite, ...] = ()
    countries: tuple[Area, ...] = ()  # the base layer
    border_countries: tuple[str, ...] = ()  # Dutch names of the countries either side
