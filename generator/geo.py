"""Geodesy for the map: the Ukraine–Russia border and the band within reach of it.

All distances are geodesic on the WGS84 ellipsoid (geographiclib), never degree
arithmetic: a degree of longitude is ~70 km at 50°N, so a "circle" drawn in degrees
would be an ellipse off by tens of kilometres. Points are (lat, lon) tuples in this
module's API; shapely geometries are (lon, lat) like GeoJSON. Everything is
deterministic: same input, same output, no randomness or caching that changes results.
The antimeridian and the poles are not handled; the border is nowhere near them.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geographiclib.geodesic import Geodesic

if TYPE_CHECKING:  # shapely (and numpy under it) loads only when a band is drawn
    from shapely.geometry import MultiPolygon, Polygon

LatLon = tuple[float, float]

DENSIFY_KM = 10.0
"""Spacing of the points the border is cut into; at 300 km a 10 km gap dents the band <0.1 km."""

DISC_AZIMUTHS = 90
"""Vertices per disc; a 4° step makes a chord cut at most 0.2 km into a 300 km circle."""

_GEOD = Geodesic.WGS84
_LATLON = Geodesic.LATITUDE | Geodesic.LONGITUDE
_GOLDEN = (math.sqrt(5.0) - 1.0) / 2.0


def load_border(path: Path | str) -> list[LatLon]:
    """Read the border LineString from a GeoJSON file and return its vertices as (lat, lon).

    Accepts a FeatureCollection (the first LineString feature is used), a Feature or a
    bare LineString geometry. Raises ValueError naming the file on anything else.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read border GeoJSON: {exc}") from exc
    coords = _line_coordinates(data)
    if coords is None:
        raise ValueError(f"{path}: no LineString geometry found (expected a GeoJSON border line)")
    if len(coords) < 2:
        raise ValueError(f"{path}: border LineString needs at least 2 positions")
    border: list[LatLon] = []
    for i, pos in enumerate(coords):
        if (
            not isinstance(pos, list)
            or len(pos) < 2
            or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in pos[:2])
        ):
            raise ValueError(f"{path}: position {i} is not a [lon, lat] number pair: {pos!r}")
        lon, lat = float(pos[0]), float(pos[1])
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise ValueError(f"{path}: position {i} out of range (lon {lon}, lat {lat})")
        border.append((lat, lon))
    return border


def _line_coordinates(data: Any) -> list[Any] | None:
    """The coordinates of the first LineString in a GeoJSON object, or None."""
    if not isinstance(data, dict):
        return None
    kind = data.get("type")
    if kind == "FeatureCollection":
        for feature in data.get("features") or []:
            coords = _line_coordinates(feature)
            if coords is not None:
                return coords
        return None
    if kind == "Feature":
        return _line_coordinates(data.get("geometry"))
    if kind == "LineString":
        coords = data.get("coordinates")
        return coords if isinstance(coords, list) else None
    return None


def densify(border: Sequence[LatLon], step_km: float = DENSIFY_KM) -> list[LatLon]:
    """Cut the border into points at most step_km apart along geodesics between its vertices."""
    return list(_densify(_key(border), step_km))


def _key(border: Sequence[LatLon]) -> tuple[LatLon, ...]:
    return tuple((float(lat), float(lon)) for lat, lon in border)


@lru_cache(maxsize=16)
def _densify(border: tuple[LatLon, ...], step_km: float) -> tuple[LatLon, ...]:
    # cached because the table asks for the distance of every place to the same border
    if len(border) < 2:
        raise ValueError("border needs at least 2 points")
    step_m = step_km * 1000.0
    points: list[LatLon] = [border[0]]
    for (lat1, lon1), (lat2, lon2) in itertools.pairwise(border):
        line = _GEOD.InverseLine(lat1, lon1, lat2, lon2)
        pieces = max(1, math.ceil(line.s13 / step_m))
        for i in range(1, pieces):
            pos = line.Position(line.s13 * i / pieces)
            points.append((pos["lat2"], pos["lon2"]))
        points.append((lat2, lon2))
    return tuple(points)


def geodesic_disc(lat: float, lon: float, km: float, azimuths: int = DISC_AZIMUTHS) -> Polygon:
    """Polygon (lon/lat) whose vertices lie exactly km from (lat, lon) on the ellipsoid."""
    from shapely.geometry import Polygon

    ring = []
    for i in range(azimuths):
        pos = _GEOD.Direct(lat, lon, 360.0 * i / azimuths, km * 1000.0, _LATLON)
        ring.append((pos["lon2"], pos["lat2"]))
    return Polygon(ring)


def reach_polygon(
    border: Sequence[LatLon],
    km: float,
    *,
    step_km: float = DENSIFY_KM,
    within: dict[str, Any] | None = None,
) -> Polygon | MultiPolygon:
    """The band of all points within km of the border (lon/lat), inside `within` if given.

    Union of geodesic discs around the border densified every step_km, then, with a GeoJSON
    geometry of a territory (Russia, from data/countries.geojson), its intersection with
    it: the reach into that country only. The territory's edges are short (a few km), so
    intersecting in lon/lat is as good as on the ellipsoid at this scale.
    """
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.ops import unary_union

    if km <= 0:
        raise ValueError(f"reach must be positive, got {km} km")
    discs = [geodesic_disc(lat, lon, km) for lat, lon in _densify(_key(border), step_km)]
    result = unary_union(discs)
    if within is not None:
        result = _polygonal(result.intersection(_shape(within)))
    assert isinstance(result, Polygon | MultiPolygon)
    return result


def _shape(geometry: dict[str, Any]) -> Polygon | MultiPolygon:
    from shapely.geometry import shape

    made = shape(geometry)
    if made.geom_type not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"expected a Polygon or MultiPolygon, got {made.geom_type}")
    return made


def _polygonal(geometry: Any) -> Polygon | MultiPolygon:
    """The polygons of an intersection, without the lines and points where shapes touch."""
    from shapely.geometry import MultiPolygon, Polygon

    if isinstance(geometry, Polygon | MultiPolygon):
        return geometry
    parts = [g for g in getattr(geometry, "geoms", []) if isinstance(g, Polygon)]
    parts += [
        p for g in getattr(geometry, "geoms", []) if isinstance(g, MultiPolygon) for p in g.geoms
    ]
    return MultiPolygon(parts) if len(parts) != 1 else parts[0]


@dataclass(frozen=True)
class Area:
    """A country or region of data/countries.geojson or data/regions.geojson."""

    code: str  # ISO 3166-1 alpha-2 of a country, ISO 3166-2 of a region
    name: str  # Dutch where the source has it
    country: str  # ISO 3166-1 alpha-2
    geometry: dict[str, Any]  # GeoJSON Polygon or MultiPolygon, lon/lat


def load_areas(path: Path | str) -> list[Area]:
    """Read a FeatureCollection of areas (see scripts/natural_earth.py); ValueError naming
    the file on anything else."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        areas = []
        for feature in data["features"]:
            props, geometry = feature["properties"], feature["geometry"]
            if geometry["type"] not in ("Polygon", "MultiPolygon"):
                raise ValueError(f"{props['iso']}: geometrie {geometry['type']} is geen vlak")
            iso = str(props["iso"])
            areas.append(Area(iso, str(props["name"]), str(props.get("country", iso)), geometry))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: kan de gebieden (GeoJSON) niet lezen: {exc}") from exc
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(
            f"{path}: geen FeatureCollection van gebieden met iso en name "
            f"(maak het bestand opnieuw met scripts/natural_earth.py): {exc}"
        ) from exc
    return areas


def area_at(areas: Sequence[Area], lat: float, lon: float) -> Area | None:
    """The area that holds the point, or None (at sea, or outside the areas' box).

    Plain Python (ray casting), so that finding a place's region loads no numpy.
    """
    for area in areas:
        if _covers(area.geometry, lon, lat):
            return area
    return None


def neighbours(areas: Sequence[Area], of: Area, country: str) -> list[Area]:
    """The areas of a country that share a border with `of`. The areas are one coverage,
    simplified together: a shared border has the same vertices in both, and two shared
    vertices make a shared stretch (one alone is a corner where three areas meet)."""
    mine = _vertices(of.geometry)
    return [
        a
        for a in areas
        if a.country == country and a is not of and len(mine & _vertices(a.geometry)) >= 2
    ]


def _polygons(geometry: dict[str, Any]) -> list[list[list[list[float]]]]:
    coords = geometry["coordinates"]
    return [coords] if geometry["type"] == "Polygon" else list(coords)


def _vertices(geometry: dict[str, Any]) -> set[tuple[float, float]]:
    return {(p[0], p[1]) for polygon in _polygons(geometry) for ring in polygon for p in ring}


def _covers(geometry: dict[str, Any], x: float, y: float) -> bool:
    for polygon in _polygons(geometry):
        outer, holes = polygon[0], polygon[1:]
        if _in_ring(outer, x, y) and not any(_in_ring(h, x, y) for h in holes):
            return True
    return False


def _in_ring(ring: list[list[float]], x: float, y: float) -> bool:
    inside = False
    for (x1, y1, *_), (x2, y2, *_) in itertools.pairwise(ring):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def distance_to_border_km(lat: float, lon: float, border: Sequence[LatLon]) -> float:
    """Shortest geodesic distance in km from (lat, lon) to the border line.

    The densified points give a first bound; the sub-segments that can still hold a
    closer point are then searched exactly along their geodesic.
    """
    key = _key(border)
    points = _densify(key, DENSIFY_KM)
    dists = [_distance_m(lat, lon, p) for p in points]
    best = min(dists)
    candidates = []
    for i, seg_m in enumerate(_segment_lengths_m(key, DENSIFY_KM)):
        # triangle inequality: no point of the segment is nearer than (d1 + d2 - length) / 2
        bound = (dists[i] + dists[i + 1] - seg_m) / 2.0
        if bound < best:
            candidates.append((bound, i))
    for bound, i in sorted(candidates):
        if bound < best:
            best = min(best, _segment_min_m(lat, lon, points[i], points[i + 1]))
    return best / 1000.0


@lru_cache(maxsize=16)
def _segment_lengths_m(border: tuple[LatLon, ...], step_km: float) -> tuple[float, ...]:
    points = _densify(border, step_km)
    return tuple(_distance_m(a[0], a[1], b) for a, b in itertools.pairwise(points))


def _distance_m(lat: float, lon: float, point: LatLon) -> float:
    return float(_GEOD.Inverse(lat, lon, point[0], point[1], Geodesic.DISTANCE)["s12"])


def _segment_min_m(lat: float, lon: float, a: LatLon, b: LatLon) -> float:
    """Minimum distance to a short geodesic segment by golden-section search (unimodal there)."""
    line = _GEOD.InverseLine(a[0], a[1], b[0], b[1])

    def dist(s: float) -> float:
        pos = line.Position(s, _LATLON)
        return _distance_m(lat, lon, (pos["lat2"], pos["lon2"]))

    lo, hi = 0.0, float(line.s13)
    x1, x2 = hi - _GOLDEN * (hi - lo), lo + _GOLDEN * (hi - lo)
    f1, f2 = dist(x1), dist(x2)
    # 20 steps shrink a 10 km segment to under a metre
    for _ in range(20):
        if f1 < f2:
            hi, x2, f2 = x2, x1, f1
            x1 = hi - _GOLDEN * (hi - lo)
            f1 = dist(x1)
        else:
            lo, x1, f1 = x1, x2, f2
            x2 = lo + _GOLDEN * (hi - lo)
            f2 = dist(x2)
    return min(f1, f2, _distance_m(lat, lon, a), _distance_m(lat, lon, b))
