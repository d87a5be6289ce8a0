"""The map page: a standalone Leaflet map (via folium) plus the rows of its accessible table.

The map HTML is written to docs/dossier/kaart/map.html and shown in an iframe; the same
facts go into a plain table beside it, so nothing is only available on the map.
Its base layer is Natural Earth's countries drawn by the map itself (data/countries.geojson),
so it reads offline and with tiles blocked; OpenStreetMap's tiles are an optional layer,
off until a reader switches it on. Privacy: the page loads Leaflet from the site itself and
requests nothing from anyone else by default. Output is byte-for-byte deterministic.
"""

from __future__ import annotations

import html
import importlib
import itertools
import json
import math
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
from generator.render.mapdata import MapLayers, Reach, StrikeSite, Zone

if TYPE_CHECKING:  # folium (with requests, branca) and shapely load only to draw the map
    from shapely.geometry import MultiPolygon, Polygon

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = (
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers'
)
NE_ATTRIBUTION = "Natural Earth"

DECIMALS = 5
"""Coordinates in the output are rounded to ~1 m: smaller files, stable diffs."""

LEAFLET_FILES = ("leaflet.js", "leaflet.css")
# The code the kept map and geodesy depend on: what this module imports, transitively.
CODE = (
    "__init__.py",
    "cache.py",
    "geo.py",
    "records.py",
    "render/__init__.py",
    "render/mapdata.py",
    "render/mapview.py",
)
MIN_ZOOM = 5
"""Zoomed out further, the map would show the edge of its own countries (their box, see
scripts/natural_earth.py)."""
NARROW_PX = 600
"""Below this width (a phone) the layer list and the legend start folded."""

SEA = "#d6e6f0"
_LAND_STYLE = {"color": "#8c8c8c", "weight": 0.8, "fillColor": "#f3f0e8", "fillOpacity": 1.0}
_TARGET_STYLE = {"color": "#8c8c8c", "weight": 0.8, "fillColor": "#ebe4d6", "fillOpacity": 1.0}
_BORDER_STYLE = {"color": "#222222", "weight": 2, "dash_array": "6 6", "opacity": 0.9}
_BAND_COLOURS = ("#b2182b", "#e66101", "#5e3c99", "#1b7837")
_ZONE_COLOURS = ("#2166ac", "#7b3294", "#008837", "#a6611a")
_STRIKE_COLOUR = "#d7191c"
STRIKE_SVG = (
    '<svg width="22" height="22" viewBox="-11 -11 22 22"><polygon points="'
    + " ".join(
        f"{round((10 if i % 2 == 0 else 4.5) * math.sin(math.pi * i / 8), 2)},"
        f"{round(-(10 if i % 2 == 0 else 4.5) * math.cos(math.pi * i / 8), 2)}"
        for i in range(16)
    )
    + f'" fill="{_STRIKE_COLOUR}" stroke="#000" stroke-width="1.2"/></svg>'
)
"""An eight-pointed burst: the usual sign of an attack, drawn without an icon font."""
_NO_ZOOM_RE = re.compile(r",\s*maximum-scale=1\.0,\s*user-scalable=no")
_ID_RE = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
_STYLE = f"""<style>
html .leaflet-container {{ background: {SEA}; font: 12px/1.4 sans-serif; }}
.leaflet-tooltip.kaart-label {{ padding: 0 4px; font-size: 11px; font-weight: 600;
  background: rgba(255,255,255,.85); border: 0; box-shadow: none; }}
.leaflet-tooltip.kaart-label::before {{ display: none; }}
.leaflet-tooltip.kaart-vlak {{ padding: 0 4px; font-size: 11px; font-style: italic;
  background: rgba(255,255,255,.7); border: 0; box-shadow: none; }}
.leaflet-tooltip.kaart-inslag {{ padding: 0 4px; font-size: 11px; border-color: #000; }}
.inslag svg {{ display: block; }}
.legenda {{ background: #fff; padding: 4px 8px; border-radius: 4px; max-width: 220px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }}
.legenda summary {{ cursor: pointer; font-weight: 600; }}
.legenda ul {{ list-style: none; margin: 4px 0 0; padding: 0; }}
.legenda li {{ margin: 2px 0; }}
.legenda .teken, .leaflet-control-layers .teken {{ display: inline-block; width: 14px;
  height: 10px; margin-right: 4px; vertical-align: middle; border: 1px solid #555; }}
.leaflet-control-layers-overlays label {{ max-width: 220px; }}
.wiel-hint {{ position: absolute; left: 50%; top: 8px; transform: translateX(-50%);
  z-index: 1000; background: rgba(0,0,0,.75); color: #fff; padding: 4px 8px;
  border-radius: 4px; pointer-events: none; }}
</style>"""


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
    key: bool = False  # labelled on the map at all times


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
    distance_km: int | None  # to the border, geodesic, rounded; None far from it
    reaches: tuple[str, ...]  # names of the weapons whose band holds the place
    event_count: int
    url: str | None

    @property
    def coordinates_text(self) -> str:
        return f"{self.lat_text}, {self.lon_text}"

    @property
    def inside_reach(self) -> bool:
        return bool(self.reaches)


@dataclass(frozen=True)
class MapResult:
    html: str  # complete standalone HTML document for docs/gen/kaart/map.html
    rows: list[TableRow]
    features: list[dict[str, Any]]  # the bands and step areas as GeoJSON, for the open data
    legend: list[tuple[str, str]]  # (colour, Dutch text) of each band and area, for the page

    @property
    def reach_geojson(self) -> dict[str, Any]:
        """The band shown first (kept for callers of the single-band map)."""
        return self.features[0]


def build_map(
    places: Sequence[PlaceRow],
    border: Sequence[LatLon],
    layers: MapLayers | None = None,
    leaflet_url: str = "../assets/leaflet/",
    store: Store | None = None,
    event_urls: Mapping[str, str] | None = None,
) -> MapResult:
    """Build the map document, its table rows and the bands and areas as GeoJSON.

    leaflet_url is where copy_leaflet_assets() put Leaflet, relative to the map page;
    event_urls gives an event's page by its id, relative to the map page. store, if
    given, keeps the map between builds (a build whose places, counts and layers did not
    change loads neither folium nor numpy), and the geodesy when they did.
    """
    layers = layers or MapLayers(reaches=(Reach("", "", 300.0, None, "", True),))
    event_urls = dict(event_urls or {})
    key = digest(
        code_version(*CODE),
        json.dumps(
            [
                records.dump(list(places)),
                records.dump(list(border)),
                records.dump(layers),
                leaflet_url,
                event_urls,
            ]
        ),
    )
    kept = _kept_map(store.get(key)) if store else None
    if kept is not None:
        return kept
    made = _draw(places, border, layers, leaflet_url, store, event_urls)
    if store:
        store.put(key, records.dump(made))
    return made


def _kept_map(stored: Any) -> MapResult | None:
    try:
        return records.load(MapResult, stored)
    except (KeyError, TypeError, records.RecordError):
        return None  # nothing kept, or an entry of another shape


def _draw(
    places: Sequence[PlaceRow],
    border: Sequence[LatLon],
    layers: MapLayers,
    leaflet_url: str,
    store: Store | None,
    event_urls: Mapping[str, str],
) -> MapResult:
    import folium
    from branca.element import Element, Figure

    bands, distances = _geometry(places, border, layers, store)
    rows = table_rows(places, border, layers, distances, bands)
    features = [
        _band_feature(band, reach) for band, reach in zip(bands, layers.reaches, strict=True)
    ] + [_zone_feature(zone) for zone in layers.zones]

    (south, west), (north, east) = _view(places, border, layers)
    fmap = folium.Map(
        location=((south + north) / 2, (west + east) / 2),
        zoom_start=7,
        tiles=None,
        control_scale=False,  # _Controls adds one in kilometres only
        min_zoom=MIN_ZOOM,
        scrollWheelZoom=False,  # a page scrolled past the map must not zoom it: _Controls
    )
    # instance attributes shadow folium's CDN lists (jQuery, Bootstrap, Font Awesome)
    base = leaflet_url if leaflet_url.endswith("/") else leaflet_url + "/"
    fmap.default_js = [("leaflet", base + "leaflet.js")]
    fmap.default_css = [("leaflet_css", base + "leaflet.css")]
    figure = fmap.get_root()
    assert isinstance(figure, Figure)
    figure.title = "Kaart"
    figure.header.add_child(Element(_STYLE), name="kaart_style")

    geojson = _geojson_class()
    bind = _bind_class()
    overlays: list[tuple[str, Any]] = []
    legend: list[tuple[str, str]] = []

    if layers.countries:
        target = json.dumps(layers.territory, sort_keys=True) if layers.territory else None
        land = {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"t": 1}
                    if json.dumps(a.geometry, sort_keys=True) == target
                    else {},
                    "geometry": a.geometry,
                }
                for a in layers.countries
            ],
        }
        geojson(
            land,
            {"interactive": False, "attribution": NE_ATTRIBUTION},
            style=dict(_LAND_STYLE),
            target_style=dict(_TARGET_STYLE),
        ).add_to(fmap)
    osm = folium.TileLayer(
        tiles=OSM_TILES,
        attr=OSM_ATTRIBUTION,
        name="OpenStreetMap",
        max_zoom=19,
        show=False,
        control=False,
    )
    osm.add_to(fmap)
    overlays.append(
        ("Achtergrond van OpenStreetMap (haalt kaarttegels op bij openstreetmap.org)", osm)
    )

    for i, (band, reach) in enumerate(zip(bands, layers.reaches, strict=True)):
        colour = _BAND_COLOURS[i % len(_BAND_COLOURS)]
        style = {
            "color": colour,
            "weight": 1.5,
            "fillColor": colour,
            "fillOpacity": 0.12,
            "opacity": 0.8,
        }
        if i:
            style["dashArray"] = "4 4"
        layer = geojson(
            _round_coords(mapping_of(band)),
            {"interactive": True},
            style=style,
            show=reach.shown,
            tooltip=_reach_label(reach, layers.territory_name),
        )
        layer.add_to(fmap)
        text = _reach_title(reach)
        overlays.append((_swatch(colour, 0.25) + html.escape(text), layer))
        legend.append((colour, text))

    for i, zone in enumerate(layers.zones):
        colour = _ZONE_COLOURS[i % len(_ZONE_COLOURS)]
        style = {
            "color": colour,
            "weight": 2,
            "fillColor": colour,
            "fillOpacity": 0.2,
            "opacity": 0.9,
            "dashArray": "2 4",
        }
        layer = geojson(
            _round_coords(zone.geometry),
            {"interactive": True},
            style=style,
            tooltip=f"<strong>{html.escape(zone.label)}</strong><br>" + html.escape(zone.detail),
            label=f"toestemming {zone.date}" if zone.date else "",
            label_at=_label_point(zone.geometry),
        )
        layer.add_to(fmap)
        overlays.append((_swatch(colour, 0.4) + html.escape(zone.label), layer))
        legend.append((colour, f"{zone.label}. {zone.detail}"))

    folium.PolyLine(  # type: ignore[no-untyped-call]  # folium leaves this one unannotated
        [(_r(lat), _r(lon)) for lat, lon in border],
        interactive=False,
        **_BORDER_STYLE,
    ).add_to(fmap)

    descriptions = {place.id: place.description for place in places}
    labelled = _labelled(places, rows, layers)
    for row in rows:
        marker = folium.CircleMarker(
            location=(_r(row.lat), _r(row.lon)),
            radius=4 + min(row.event_count, 6),
            color="#08306b",
            weight=2 if row.kind != "regio" else 1,
            fill=True,
            fill_color="#2171b5",
            fill_opacity=0.8 if row.kind != "regio" else 0.4,
        ).add_to(fmap)
        options = (
            {"permanent": True, "direction": "top", "offset": [0, -4], "className": "kaart-label"}
            if row.id in labelled
            else {}
        )
        marker.add_child(bind("bindTooltip", html.escape(row.name), options))
        marker.add_child(bind("bindPopup", _popup_html(row, descriptions.get(row.id, ""))))

    for site in layers.strikes:
        label = f"{site.name}, {' en '.join(site.dates)}"
        icon = folium.DivIcon(
            html=f'<span class="inslag" aria-hidden="true">{STRIKE_SVG}</span>',
            icon_size=(22, 22),
            icon_anchor=(11, 11),
            class_name="inslag-icoon",
        )
        marker = folium.Marker(
            location=(_r(site.lat), _r(site.lon)),
            icon=icon,
            title=f"Aanval: {label}",
            keyboard=True,
        ).add_to(fmap)
        marker.add_child(
            bind(
                "bindTooltip",
                html.escape(label),
                {
                    "permanent": True,
                    "direction": "right",
                    "offset": [10, 0],
                    "className": "kaart-inslag",
                },
            )
        )
        marker.add_child(bind("bindPopup", _strike_popup(site, event_urls)))

    _controls_class()(overlays, _legend_html(layers)).add_to(fmap)
    fmap.fit_bounds([[south, west], [north, east]])

    page = figure.render()
    page = _stable_ids(page)
    page = page.replace("<html>", '<html lang="nl">', 1)
    # folium forbids pinch-zoom of the page; people who need to enlarge text must be able to
    page = _NO_ZOOM_RE.sub("", page, count=1)
    return MapResult(html=page, rows=rows, features=features, legend=legend)


def mapping_of(geometry: Polygon | MultiPolygon) -> dict[str, Any]:
    from shapely.geometry import mapping

    return dict(mapping(geometry))


def _swatch(colour: str, opacity: float) -> str:
    return f'<span class="teken" style="background:{colour};opacity:{opacity + 0.4:.2f}"></span>'


def _labelled(places: Sequence[PlaceRow], rows: Sequence[TableRow], layers: MapLayers) -> set[str]:
    """Places whose name stays on the map: the editors' key places, and the places near the
    border that events name; a strike site carries its own label."""
    widest = max((r.km for r in layers.reaches), default=0.0)
    near = {
        r.id
        for r in rows
        if r.distance_km is not None and r.distance_km <= widest and r.event_count
    }
    struck = {s.place for s in layers.strikes}
    return ({p.id for p in places if p.key} | near) - struck


def _view(
    places: Sequence[PlaceRow], border: Sequence[LatLon], layers: MapLayers
) -> tuple[LatLon, LatLon]:
    """The first view: the key places, strike sites and step areas, else the border."""
    points: list[LatLon] = [(p.lat, p.lon) for p in places if p.key]
    points += [(s.lat, s.lon) for s in layers.strikes]
    for zone in layers.zones:
        points += [(lat, lon) for lon, lat in _positions(zone.geometry)]
    if not points:
        points = list(border)
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    pad = 0.3
    return ((_r(min(lats) - pad), _r(min(lons) - pad)), (_r(max(lats) + pad), _r(max(lons) + pad)))


def _label_point(geometry: dict[str, Any]) -> tuple[float, float]:
    """Where an area's name goes: the centroid of its largest part's outer ring (lat, lon).
    The regions are compact enough for the centroid to fall inside them."""
    polygons = (
        [geometry["coordinates"]]
        if geometry["type"] == "Polygon"
        else list(geometry["coordinates"])
    )
    best = (0.0, 0.0, 0.0)
    for polygon in polygons:
        ring = polygon[0]
        area = cx = cy = 0.0
        for (x1, y1, *_), (x2, y2, *_) in itertools.pairwise(ring):
            cross = x1 * y2 - x2 * y1
            area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if area and abs(area) > abs(best[0]):
            best = (area, cx / (3 * area), cy / (3 * area))
    return (_r(best[2]), _r(best[1]))


def _positions(geometry: dict[str, Any]) -> list[tuple[float, float]]:
    found: list[tuple[float, float]] = []

    def walk(obj: Any) -> None:
        if (
            isinstance(obj, list | tuple)
            and len(obj) >= 2
            and all(isinstance(v, int | float) for v in obj[:2])
        ):
            found.append((float(obj[0]), float(obj[1])))
        elif isinstance(obj, list | tuple):
            for item in obj:
                walk(item)

    walk(geometry.get("coordinates"))
    return found


def _geometry(
    places: Sequence[PlaceRow],
    border: Sequence[LatLon],
    layers: MapLayers,
    store: Store | None,
) -> tuple[list[Polygon | MultiPolygon], dict[LatLon, float]]:
    """The reach bands and each place's distance to the border.

    Seconds of geodesy that depend only on the border, the ranges, the territory and the
    places' coordinates, so they are kept in the store under those (and the code).
    Computed or stored, they pass through JSON, so both ways give the same bytes.
    """
    from shapely.geometry import shape

    points = sorted({(place.lat, place.lon) for place in places})
    kms = [reach.km for reach in layers.reaches]
    key = digest(
        code_version(*CODE),
        json.dumps(
            [[list(p) for p in border], kms, layers.territory, [list(p) for p in points]],
            sort_keys=True,
        ),
    )
    stored = store.get(key) if store else None
    fresh: Any = None
    try:
        bands, measured = stored["bands"], stored["distances"]  # type: ignore[index]
        if isinstance(bands, list) and len(bands) == len(kms):
            fresh = {"bands": bands, "distances": measured}
    except (KeyError, TypeError, ValueError):
        pass  # nothing stored, or an entry of another shape: measure anew
    if fresh is None:
        made = [
            _round_coords(mapping_of(reach_polygon(border, km, within=layers.territory)))
            for km in kms
        ]
        measured = [[lat, lon, distance_to_border_km(lat, lon, border)] for lat, lon in points]
        fresh = json.loads(json.dumps({"bands": made, "distances": measured}))
        if store:
            store.put(key, fresh)
    return (
        [shape(b) for b in fresh["bands"]],
        {(lat, lon): float(km) for lat, lon, km in fresh["distances"]},
    )


def table_rows(
    places: Sequence[PlaceRow],
    border: Sequence[LatLon],
    layers: MapLayers | None = None,
    distances: Mapping[LatLon, float] | None = None,
    bands: Sequence[Polygon | MultiPolygon] = (),
) -> list[TableRow]:
    """The places as table rows, sorted by name the way a Dutch reader expects.

    Only places in the countries either side of the border get a distance to it (London's
    says nothing); a place is within reach of a weapon when its band holds it. distances,
    if given, holds each place's distance to the border by its (lat, lon).
    """
    from shapely.geometry import Point

    layers = layers or MapLayers()
    sides = set(layers.border_countries)
    rows = []
    for place in places:
        distance: float | None = None
        if not sides or place.country in sides:
            known = distances.get((place.lat, place.lon)) if distances else None
            distance = (
                known if known is not None else distance_to_border_km(place.lat, place.lon, border)
            )
        point = Point(place.lon, place.lat)
        within = tuple(
            reach.name
            for reach, band in zip(layers.reaches, bands, strict=False)
            if reach.name and band.covers(point)
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
                distance_km=None if distance is None else round(distance),
                reaches=within,
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


def _reach_title(reach: Reach) -> str:
    """'Bereik ATACMS: 300 km'; a range the source gives as 'meer dan 250' says so."""
    qualifier = f"{reach.qualifier} " if reach.qualifier else ""
    return f"Bereik {reach.name}: {qualifier}{_km_text(reach.km)} km".replace("  ", " ")


def _reach_label(reach: Reach, territory: str) -> str:
    name = f" van {reach.name}" if reach.name else ""
    return (
        f"bereik{name}: {_km_text(reach.km)} km vanaf de grens, alleen op het grondgebied "
        f"van {territory} (op de aardbol gemeten)"
    )


def _band_feature(band: Polygon | MultiPolygon, reach: Reach) -> dict[str, Any]:
    km = _km_text(reach.km)
    qualifier = f" ({reach.qualifier} {km} km volgens {reach.source})" if reach.qualifier else ""
    return {
        "type": "Feature",
        "properties": {
            "name": f"Bereik {reach.name} {km} km vanaf de grens".replace("  ", " "),
            "weapon": reach.weapon or None,
            "reach_km": reach.km,
            "description": (
                f"Alle punten in Rusland binnen {km} km van de landgrens Oekraïne–Rusland"
                f"{qualifier}. Op de aardbol (de ellipsoïde) gemeten: vereniging van cirkels "
                "rond grenspunten om de 10 km, dan alleen het deel binnen de grenzen van "
                "Rusland volgens Natural Earth."
            ),
            "source": reach.source or None,
        },
        "geometry": _round_coords(mapping_of(band)),
    }


def _zone_feature(zone: Zone) -> dict[str, Any]:
    return {
        "type": "Feature",
        "properties": {
            "name": zone.label,
            "description": zone.detail,
            "regions": list(zone.regions),
            "events": list(zone.events),
            "source": "Natural Earth 1:10m (regio’s), publiek domein",
        },
        "geometry": _round_coords(zone.geometry),
    }


def _legend_html(layers: MapLayers) -> str:
    """The signs that are always on; the coloured layers explain themselves in the layer
    list beside it (and in the legend under the map on the page)."""
    items = []
    items.append(
        '<li><span class="teken" style="border:0;border-top:2px dashed #222;'
        'height:0"></span>grens Oekraïne–Rusland</li>'
    )
    items.append(
        '<li><span class="teken" style="border-radius:50%;background:#2171b5;'
        'width:10px"></span>plaats uit de artikelen</li>'
    )
    if layers.strikes:
        small = STRIKE_SVG.replace('width="22" height="22"', 'width="14" height="14"')
        items.append(f'<li><span aria-hidden="true">{small}</span> aanval, met datum</li>')
    items.append("<li>kleuren: zie de kaartlagen rechtsboven</li>")
    return "<summary>Legenda</summary><ul>" + "".join(items) + "</ul>"


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
    if row.distance_km is not None:
        parts.append(f"{row.distance_km} km van de grens")
    if row.reaches:
        parts.append("binnen bereik van " + html.escape(" en ".join(row.reaches)))
    if row.event_count:
        noun = "gebeurtenis" if row.event_count == 1 else "gebeurtenissen"
        parts.append(f"{row.event_count} {noun}")
    if row.url:
        # the map lives in an iframe: open the page in the whole window
        link = html.escape(row.url)
        parts.append(f'<a href="{link}" target="_top">Meer over {html.escape(row.name)}</a>')
    return "<br>".join(parts)


def _strike_popup(site: StrikeSite, event_urls: Mapping[str, str]) -> str:
    parts = [f"<strong>Aanval op {html.escape(site.name)}</strong>"]
    for date, headline, event in site.told:
        text = f"{html.escape(date)}: {html.escape(headline)}"
        if event in event_urls:
            link = html.escape(event_urls[event])
            text += f' <a href="{link}" target="_top">In de chronologie</a>'
        parts.append(text)
    return "<br>".join(parts)


def _script_json(data: Any) -> str:
    """Compact JSON, safe inside a <script> like Jinja's tojson: the base layer is most of
    the page, and a space after every comma would be a sixth of it."""
    text = json.dumps(data, separators=(",", ":"), sort_keys=True)
    for char in "<>&'":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


@cache
def _geojson_class() -> type[Any]:
    """A plain L.geoJSON layer: folium's GeoJson adds per-feature styles and handlers that
    the map does not need, and bytes the page would carry."""
    from branca.element import MacroElement
    from jinja2 import Template
    from markupsafe import Markup

    class _GeoJsonLayer(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}"
            "var {{ this.get_name() }} = L.geoJSON({{ this.data_json }}, Object.assign("
            "{{ this.options|tojson }}, {style: function (f) { return f.properties && "
            "f.properties.t ? {{ this.target_style|tojson }} : {{ this.style|tojson }}; }}));\n"
            "{% if this.show %}{{ this.get_name() }}.addTo({{ this._parent.get_name() }});\n"
            "{% endif %}"
            "{% if this.tooltip %}{{ this.get_name() }}.bindTooltip("
            "{{ this.tooltip|tojson }}, {sticky: true});\n{% endif %}"
            "{% if this.label %}(function (layer, map) {\n"
            "  var label = L.tooltip({permanent: true, direction: 'center', "
            "className: 'kaart-vlak', interactive: false, offset: [0, 16]})\n"
            "    .setLatLng({{ this.label_at|tojson }}).setContent({{ this.label|tojson }});\n"
            "  layer.on('add', function () { label.addTo(map); });\n"
            "  layer.on('remove', function () { label.remove(); });\n"
            "  if (map.hasLayer(layer)) { label.addTo(map); }\n"
            "})({{ this.get_name() }}, {{ this._parent.get_name() }});\n{% endif %}"
            "{% endmacro %}"
        )

        def __init__(
            self,
            data: dict[str, Any],
            options: dict[str, Any],
            *,
            style: dict[str, Any],
            target_style: dict[str, Any] | None = None,
            show: bool = True,
            tooltip: str = "",
            label: str = "",
            label_at: tuple[float, float] | None = None,
        ) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "geo_json"
            self.data_json = Markup(_script_json(data))
            self.options = options
            self.style = style
            self.target_style = target_style or style
            self.show = show
            self.tooltip = tooltip  # HTML; tojson escapes it for the script context
            self.label = html.escape(label)  # plain text, on the area while it is shown
            self.label_at = label_at

    return _GeoJsonLayer


@cache
def _controls_class() -> type[Any]:
    """The layer list, the legend and the scroll wheel that waits for a click, in plain
    Leaflet: folium's LayerControl cannot start folded on phones only."""
    from branca.element import MacroElement
    from jinja2 import Template

    class _Controls(MacroElement):
        _template = Template(
            "{% macro script(this, kwargs) %}"
            "(function (map) {\n"
            "  var narrow = window.innerWidth < {{ this.narrow }};\n"
            "  var overlays = {};\n"
            "{% for label, layer in this.overlays %}"
            "  overlays[{{ label|tojson }}] = {{ layer.get_name() }};\n"
            "{% endfor %}"
            "  var list = L.control.layers(null, overlays, {collapsed: narrow}).addTo(map);\n"
            "  var link = list.getContainer().querySelector('.leaflet-control-layers-toggle');\n"
            "  if (link) { link.title = 'Kaartlagen'; "
            "link.setAttribute('aria-label', 'Kaartlagen kiezen'); }\n"
            "  L.control.scale({imperial: false}).addTo(map);\n"
            "  var legend = L.control({position: 'bottomleft'});\n"
            "  legend.onAdd = function () {\n"
            "    var box = L.DomUtil.create('details', 'legenda');\n"
            "    box.innerHTML = {{ this.legend|tojson }};\n"
            "    box.open = !narrow;\n"
            "    L.DomEvent.disableClickPropagation(box);\n"
            "    L.DomEvent.disableScrollPropagation(box);\n"
            "    return box;\n"
            "  };\n"
            "  legend.addTo(map);\n"
            "  var box = map.getContainer(), hint = null, timer = null;\n"
            "  function wake() { map.scrollWheelZoom.enable(); }\n"
            "  box.addEventListener('click', wake);\n"
            "  box.addEventListener('focus', wake);\n"
            "  box.addEventListener('mouseleave', function () {\n"
            "    map.scrollWheelZoom.disable(); });\n"
            "  box.addEventListener('wheel', function () {\n"
            "    if (map.scrollWheelZoom.enabled()) return;\n"
            "    if (!hint) { hint = L.DomUtil.create('div', 'wiel-hint', box);\n"
            "      hint.textContent = 'Klik op de kaart om met het wieltje te zoomen'; }\n"
            "    hint.style.display = 'block'; clearTimeout(timer);\n"
            "    timer = setTimeout(function () { hint.style.display = 'none'; }, 1500);\n"
            "  }, {passive: true});\n"
            "})({{ this._parent.get_name() }});\n"
            "{% endmacro %}"
        )

        def __init__(self, overlays: list[tuple[str, Any]], legend: str) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self._name = "controls"
            self.overlays = overlays
            self.legend = legend
            self.narrow = NARROW_PX

    return _Controls


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
    "MapLayers",
    "MapResult",
    "PlaceRow",
    "TableRow",
    "build_map",
    "copy_leaflet_assets",
    "format_lat",
    "format_lon",
    "table_rows",
]
