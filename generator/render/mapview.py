"""The map page: a standalone Leaflet map (via folium) plus the rows of its accessible table.

The map HTML is written to docs/gen/kaart/map.html and shown in an iframe; the same
facts go into a plain table beside it, so nothing is only available on the map.
Privacy: the page loads Leaflet from the site itself and requests nothing from third
parties except OpenStreetMap tiles. Output is byte-for-byte deterministic.
"""

from __future__ import annotations

import html
import importlib
import json
import re
import shutil
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import records
from generator.cache import Store, code_version, digest
from generator.geo import LatLon, distance_to_border_km, reach_polygon

if TYPE_CHECKING:  # folium (with requests, branca) and shapely load only to draw the map
    from shapely.geometry import MultiPolygon, Polygon

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers'
)
DEFAULT_BOUNDS: tuple[LatLon, LatLon] = ((49.6, 33.6), (53.5, 38.4))
"""South-west and north-east corner: Kharkiv, Belgorod, Kursk and Bryansk in one view."""

DECIMALS = 5
"""Coordinates in the output are rounded to ~1 m: smaller files, stable diffs."""

LEAFLET_FILES = ("leaflet.js", "leaflet.css")
# The code the kept geodesy depends on: what this module imports, transitively.
CODE = (
    "__init__.py",
    "cache.py",
    "geo.py",
    "records.py",
    "render/__init__.py",
    "render/mapview.py",
)

_BORDER_STYLE = {"color": "#222222", "weight": 2, "dash_array": "6 6", "opacity": 0.9}
_REACH_STYLE = {
    "color": "#b2182b",
    "weight": 1,
    "fillColor": "#b2182b",
    "fillOpacity": 0.12,
    "opacity": 0.6,
}
_NO_ZOOM_RE = re.compile(r",\s*maximum-scale=1\.0,\s*user-scalable=no")
_ID_RE = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")


@dataclass(frozen=True)
class PlaceRow:
    """A place to put on the map, as the pipeline knows it."""

    id: str
    name: str
    lat: float
    lon: float
    kind: str  # "stad", "regio", "basis", ...
    country: str | None
    description: str
    event_count: int
    url: str | None  # page about the place, relative to map.html or absolute


@dataclass(frozen=True)
class TableRow:
    """One row of the table beside the map; texts are ready to print in Dutch."""

    id: str
    name: str
    country: str | None
    kind: str
    lat: float
    lon: float
    lat_text: str  # "49,99° N"
    lon_text: str  # "36,23° O"
    distance_km: int  # to the border, geodesic, rounded
    inside_reach: bool  # within reach_km of the border (on either side)
    event_count: int
    url: str | None

    @property
    def coordinates_text(self) -> str:
        return f"{self.lat_text}, {self.lon_text}"


@dataclass(frozen=True)
class MapResult:
    html: str  # complete standalone HTML document for docs/gen/kaart/map.html
    rows: list[TableRow]
    reach_geojson: dict[str, Any]  # GeoJSON Feature of the reach band, for the open data


def build_map(
    places: Sequence[PlaceRow],
    border: Sequence[LatLon],
    reach_km: float = 300.0,
    leaflet_url: str = "../assets/leaflet/",
    bounds: tuple[LatLon, LatLon] = DEFAULT_BOUNDS,
    store: Store | None = None,
) -> MapResult:
    """Build the map document, its table rows and the reach band as GeoJSON.

    leaflet_url is where copy_leaflet_assets() put Leaflet, relative to the map page;
    store, if given, keeps the map between builds (a build whose places and counts did
    not change loads neither folium nor numpy), and the geodesy when they did.
    """
    key = digest(
        code_version(*CODE),
        json.dumps(
            [
                records.dump(list(places)),
                records.dump(list(border)),
                reach_km,
                leaflet_url,
                records.dump(bounds),
            ]
        ),
    )
    kept = _kept_map(store.get(key)) if store else None
    if kept is not None:
        return kept
    made = _draw(places, border, reach_km, leaflet_url, bounds, store)
    if store:
        store.put(
            key, {"html": made.html, "rows": records.dump(made.rows), "reach": made.reach_geojson}
        )
    return made


def _kept_map(stored: Any) -> MapResult | None:
    try:
        html_text, rows, reach = stored["html"], stored["rows"], stored["reach"]
        if isinstance(html_text, str) and isinstance(reach, dict):
            return MapResult(html_text, records.load(list[TableRow], rows), reach)
    except (KeyError, TypeError, records.RecordError):
        pass
    return None  # nothing kept, or an entry of another shape


def _draw(
    places: Sequence[PlaceRow],
    border: Sequence[LatLon],
    reach_km: float,
    leaflet_url: str,
    bounds: tuple[LatLon, LatLon],
    store: Store | None,
) -> MapResult:
    import folium
    from branca.element import Figure

    reach_feature, distances = _geometry(places, border, reach_km, store)
    rows = table_rows(places, border, reach_km, distances)

    (south, west), (north, east) = bounds
    # start near the final view so the page does not flash the whole world before fitBounds
    fmap = folium.Map(
        location=((south + north) / 2, (west + east) / 2),
        zoom_start=7,
        tiles=None,
        control_scale=True,
    )
    # instance attributes shadow folium's CDN lists (jQuery, Bootstrap, Font Awesome)
    base = leaflet_url if leaflet_url.endswith("/") else leaflet_url + "/"
    fmap.default_js = [("leaflet", base + "leaflet.js")]
    fmap.default_css = [("leaflet_css", base + "leaflet.css")]
    figure = fmap.get_root()
    assert isinstance(figure, Figure)
    figure.title = "Kaart"

    folium.TileLayer(
        tiles=OSM_TILES,
        attr=OSM_ATTRIBUTION,
        name="OpenStreetMap",
        max_zoom=19,
        control=False,
    ).add_to(fmap)

    band = folium.GeoJson(
        reach_feature,
        name="bereik",
        style_function=lambda _feature: dict(_REACH_STYLE),
        control=False,
    ).add_to(fmap)
    bind = _bind_class()
    band.add_child(bind("bindTooltip", _reach_label(reach_km), {"sticky": True}))

    folium.PolyLine(  # type: ignore[no-untyped-call]  # folium leaves this one unannotated
        [(_r(lat), _r(lon)) for lat, lon in border],
        **_BORDER_STYLE,
    ).add_to(fmap)

    descriptions = {place.id: place.description for place in places}
    for row in rows:
        marker = folium.CircleMarker(
            location=(_r(row.lat), _r(row.lon)),
            radius=5 + min(row.event_count, 10),
            color="#08306b",
            weight=2 if row.kind != "regio" else 1,
            fill=True,
            fill_color="#2171b5",
            fill_opacity=0.8 if row.kind != "regio" else 0.4,
        ).add_to(fmap)
        marker.add_child(bind("bindTooltip", html.escape(row.name)))
        marker.add_child(bind("bindPopup", _popup_html(row, descriptions.get(row.id, ""))))

    fmap.fit_bounds([[south, west], [north, east]])

    page = figure.render()
    page = _stable_ids(page)
    page = page.replace("<html>", '<html lang="nl">', 1)
    # folium forbids pinch-zoom of the page; people who need to enlarge text must be able to
    page = _NO_ZOOM_RE.sub("", page, count=1)
    return MapResult(html=page, rows=rows, reach_geojson=reach_feature)


def _geometry(
    places: Sequence[PlaceRow], border: Sequence[LatLon], reach_km: float, store: Store | None
) -> tuple[dict[str, Any], dict[LatLon, float]]:
    """The reach band and each place's distance to the border.

    A second of geodesy that depends only on the border, the reach and the places'
    coordinates, so it is kept in the store under those (and the code). Computed or
    stored, it passes through JSON, so both ways give the same bytes on the page.
    """
    points = sorted({(place.lat, place.lon) for place in places})
    key = digest(
        code_version(*CODE),
        json.dumps([[list(p) for p in border], reach_km, [list(p) for p in points]]),
    )
    stored = store.get(key) if store else None
    try:
        reach, measured = stored["reach"], stored["distances"]  # type: ignore[index]
        if isinstance(reach, dict) and reach.get("type") == "Feature":
            return reach, {(lat, lon): float(km) for lat, lon, km in measured}
    except (KeyError, TypeError, ValueError):
        pass  # nothing stored, or an entry of another shape: measure anew
    reach = _reach_feature(reach_polygon(border, reach_km), reach_km)
    measured = [[lat, lon, distance_to_border_km(lat, lon, border)] for lat, lon in points]
    fresh = json.loads(json.dumps({"reach": reach, "distances": measured}))
    if store:
        store.put(key, fresh)
    return fresh["reach"], {(lat, lon): km for lat, lon, km in fresh["distances"]}


def table_rows(
    places: Sequence[PlaceRow],
    border: Sequence[LatLon],
    reach_km: float = 300.0,
    distances: Mapping[LatLon, float] | None = None,
) -> list[TableRow]:
    """The places as table rows, sorted by name the way a Dutch reader expects.

    distances, if given, holds each place's distance to the border by its (lat, lon).
    """
    rows = []
    for place in places:
        known = distances.get((place.lat, place.lon)) if distances else None
        distance = (
            known if known is not None else distance_to_border_km(place.lat, place.lon, border)
        )
        rows.append(
            TableRow(
                id=place.id,
                name=place.name,
                country=place.country,
                kind=place.kind,
                lat=place.lat,
                lon=place.lon,
                lat_text=format_lat(place.lat),
                lon_text=format_lon(place.lon),
                distance_km=round(distance),
                inside_reach=distance <= reach_km,
                event_count=place.event_count,
                url=place.url,
            )
        )
    rows.sort(key=lambda r: (_sort_key(r.name), r.id))
    return rows


def format_lat(lat: float) -> str:
    """49.99 -> '49,99° N' (two decimals is about a kilometre)."""
    return f"{_dutch_number(abs(lat), 2)}° {'N' if lat >= 0 else 'Z'}"


def format_lon(lon: float) -> str:
    """36.23 -> '36,23° O' (oost), -3.7 -> '3,70° W'."""
    return f"{_dutch_number(abs(lon), 2)}° {'O' if lon >= 0 else 'W'}"


def copy_leaflet_assets(dest_dir: Path) -> None:
    """Copy leaflet.js, leaflet.css and images/ from the xstatic-leaflet package."""
    # imported by name because xstatic ships no type information
    package = importlib.import_module("xstatic.pkg.leaflet")
    source = Path(str(package.BASE_DIR))
    dest_dir.mkdir(parents=True, exist_ok=True)
    for name in LEAFLET_FILES:
        shutil.copyfile(source / name, dest_dir / name)
    images = dest_dir / "images"
    images.mkdir(exist_ok=True)
    for image in sorted((source / "images").iterdir()):
        if image.is_file():
            shutil.copyfile(image, images / image.name)


def _reach_label(reach_km: float) -> str:
    return f"bereik {_km_text(reach_km)} km vanaf de grens (geodetisch berekend)"


def _reach_feature(reach: Polygon | MultiPolygon, reach_km: float) -> dict[str, Any]:
    from shapely.geometry import mapping

    geometry = _round_coords(mapping(reach))
    return {
        "type": "Feature",
        "properties": {
            "name": f"Bereik {_km_text(reach_km)} km vanaf de grens",
            "reach_km": reach_km,
            "description": (
                f"Alle punten binnen {_km_text(reach_km)} km van de landgrens "
                "Oekraïne–Rusland, aan beide kanten van de grens. Geodetisch berekend op de "
                "WGS84-ellipsoïde: vereniging van cirkels rond grenspunten om de 10 km."
            ),
        },
        "geometry": geometry,
    }


def _round_coords(obj: Any) -> Any:
    """Round every number in a GeoJSON geometry and turn tuples into lists."""
    if isinstance(obj, float):
        return round(obj, DECIMALS)
    if isinstance(obj, dict):
        return {key: _round_coords(value) for key, value in obj.items()}
    if isinstance(obj, list | tuple):
        return [_round_coords(value) for value in obj]
    return obj


def _popup_html(row: TableRow, description: str) -> str:
    parts = [f"<strong>{html.escape(row.name)}</strong>"]
    if description:
        parts.append(html.escape(description))
    parts.append(f"{row.distance_km} km van de grens")
    if row.event_count:
        noun = "gebeurtenis" if row.event_count == 1 else "gebeurtenissen"
        parts.append(f"{row.event_count} {noun}")
    if row.url:
        # the map lives in an iframe: open the page in the whole window
        link = html.escape(row.url)
        parts.append(f'<a href="{link}" target="_top">Meer over {html.escape(row.name)}</a>')
    return "<br>".join(parts)


@cache
def _bind_class() -> type[Any]:
    """The element class below, made on first use: its base class loads branca."""
    from branca.element import MacroElement
    from jinja2 import Template

    class _Bind(MacroElement):
        """A tooltip or popup attached with plain Leaflet calls: folium's Popup needs jQuery."""

        _template = Template(
            "{% macro script(this, kwargs) %}"
            "{{ this._parent.get_name() }}.{{ this.method }}("
            "{{ this.content|tojson }}, {{ this.options|tojson }});\n"
            "{% endmacro %}"
        )

        def __init__(
            self, method: str, content: str, options: dict[str, Any] | None = None
        ) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "Bind"
            self.method = method
            self.content = content  # HTML; tojson escapes it for the script context
            self.options = options or {}

    return _Bind


def _stable_ids(page: str) -> str:
    """Replace folium's random uuid4 element ids by counters in order of appearance."""
    numbers: dict[str, str] = {}

    def number(match: re.Match[str]) -> str:
        return numbers.setdefault(match.group(0), f"{len(numbers) + 1:04d}")

    return _ID_RE.sub(number, page)


def _sort_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _dutch_number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}".replace(".", ",")


def _km_text(km: float) -> str:
    """300.0 -> '300', 250.5 -> '250,5'."""
    return str(int(km)) if float(km).is_integer() else _dutch_number(km, 1)


def _r(value: float) -> float:
    return round(value, DECIMALS)


__all__ = [
    "MapResult",
    "PlaceRow",
    "TableRow",
    "build_map",
    "copy_leaflet_assets",
    "format_lat",
    "format_lon",
    "table_rows",
]
