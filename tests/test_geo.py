"""The border file and the geodesy behind the map's 300 km band."""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pytest
from geographiclib.geodesic import Geodesic
from shapely.geometry import LineString, Point, Polygon

from generator.geo import (
    Area,
    area_at,
    densify,
    distance_to_border_km,
    geodesic_disc,
    load_areas,
    load_border,
    neighbours,
    reach_polygon,
)

BORDER_FILE = Path(__file__).resolve().parents[1] / "data" / "border.geojson"
REACH_KM = 300.0

KHARKIV = (49.99, 36.23)
KURSK = (51.73, 36.19)
MOSCOW = (55.76, 37.62)


@pytest.fixture(scope="module")
def border() -> list[tuple[float, float]]:
    return load_border(BORDER_FILE)


@pytest.fixture(scope="module")
def reach(border: list[tuple[float, float]]) -> Polygon:
    band = reach_polygon(border, REACH_KM)
    assert isinstance(band, Polygon)
    return band


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    return float(Geodesic.WGS84.Inverse(a[0], a[1], b[0], b[1])["s12"]) / 1000.0


def sample_far_from_ends(
    ring: list[tuple[float, float]], border: list[tuple[float, float]], n: int = 50
) -> list[tuple[float, float]]:
    """n evenly spaced ring vertices (as lat, lon) whose nearest border point is not an end."""
    ends = (border[0], border[-1])
    far = [
        (lat, lon)
        for lon, lat in ring[:-1]
        if all(km_between((lat, lon), end) > REACH_KM + 50 for end in ends)
    ]
    assert len(far) >= n
    return [far[i * len(far) // n] for i in range(n)]


# --- the border file -------------------------------------------------------------


def test_border_runs_from_belarus_tripoint_to_sea_of_azov(
    border: list[tuple[float, float]],
) -> None:
    assert 25 <= len(border) <= 100
    assert km_between(border[0], (52.10, 31.78)) < 5  # Three Sisters monument near Senkivka
    assert km_between(border[-1], (47.10, 38.22)) < 5  # coast of Taganrog Bay
    assert all(44 < lat < 53 and 31 < lon < 41 for lat, lon in border)


def test_border_file_names_its_source() -> None:
    properties = json.loads(BORDER_FILE.read_text(encoding="utf-8"))["features"][0]["properties"]
    assert "Natural Earth" in properties["source"]
    assert "Douglas-Peucker" in properties["simplification"]


def test_densified_border_has_a_point_at_least_every_10_km(
    border: list[tuple[float, float]],
) -> None:
    points = densify(border, 10.0)
    gaps = [km_between(a, b) for a, b in itertools.pairwise(points)]
    assert max(gaps) <= 10.0 + 1e-6
    assert points[0] == border[0] and points[-1] == border[-1]


# --- load_border errors ----------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "{not json",
        json.dumps({"type": "FeatureCollection", "features": []}),
        json.dumps({"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [30, 51], [30, 50]]]}),
        json.dumps({"type": "LineString", "coordinates": [[36.0, 50.0]]}),
        json.dumps({"type": "LineString", "coordinates": [[36.0, 50.0], ["x", 51.0]]}),
        json.dumps({"type": "LineString", "coordinates": [[36.0, 50.0], [51.0, 236.0]]}),
    ],
    ids=["not-json", "no-features", "polygon", "one-point", "text-coordinate", "lat-out-of-range"],
)
def test_load_border_rejects_bad_content_naming_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "kapotte-grens.geojson"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(str(tmp_path / "kapotte-grens.geojson"))):
        load_border(path)


def test_load_border_reports_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=re.escape(str(tmp_path / "weg.geojson"))):
        load_border(tmp_path / "weg.geojson")


# --- distances -------------------------------------------------------------------


def test_kharkiv_is_about_30_km_from_the_border(border: list[tuple[float, float]]) -> None:
    assert 25 <= distance_to_border_km(*KHARKIV, border) <= 40


def test_a_point_on_the_border_is_at_distance_zero(border: list[tuple[float, float]]) -> None:
    lat, lon = border[40]
    assert distance_to_border_km(lat, lon, border) < 0.01


def test_distance_is_measured_to_the_line_not_only_to_its_vertices() -> None:
    # 100 km due north of the middle of a 200 km east-west segment along the equator
    border = [(0.0, 0.0), (0.0, 1.8)]
    north = Geodesic.WGS84.Direct(0.0, 0.9, 0.0, 100_000.0)
    assert distance_to_border_km(north["lat2"], north["lon2"], border) == pytest.approx(
        100, abs=0.01
    )


# --- the reach band --------------------------------------------------------------


def test_reach_boundary_is_300_km_from_the_border_geodesically(
    border: list[tuple[float, float]], reach: Polygon
) -> None:
    samples = sample_far_from_ends(list(reach.exterior.coords), border)
    distances = [distance_to_border_km(lat, lon, border) for lat, lon in samples]
    assert all(abs(d - REACH_KM) <= 2.0 for d in distances), distances


def test_a_naive_circle_in_degrees_would_fail_that_test(border: list[tuple[float, float]]) -> None:
    # 300 km as 2.7 degrees in every direction: too wide east-west at 50°N
    naive = LineString([(lon, lat) for lat, lon in border]).buffer(REACH_KM / 111.32, 90)
    samples = sample_far_from_ends(list(naive.exterior.coords), border)
    distances = [distance_to_border_km(lat, lon, border) for lat, lon in samples]
    assert max(abs(d - REACH_KM) for d in distances) > 20


def test_geodesic_disc_vertices_lie_exactly_at_the_radius() -> None:
    disc = geodesic_disc(*KURSK, 300.0, azimuths=12)
    for lon, lat in disc.exterior.coords:
        assert km_between(KURSK, (lat, lon)) == pytest.approx(300.0, abs=1e-6)


def test_kursk_is_within_reach_and_moscow_is_not(reach: Polygon) -> None:
    assert reach.contains(Point(KURSK[1], KURSK[0]))
    assert not reach.contains(Point(MOSCOW[1], MOSCOW[0]))


def test_reach_polygon_is_deterministic(border: list[tuple[float, float]], reach: Polygon) -> None:
    assert reach_polygon(border, REACH_KM).wkb == reach.wkb


def test_reach_must_be_positive(border: list[tuple[float, float]]) -> None:
    with pytest.raises(ValueError):
        reach_polygon(border, 0)


# --- countries and regions (Natural Earth, data/countries.geojson and regions.geojson) ----

DATA = Path(__file__).resolve().parents[1] / "data"
KYIV = (50.45, 30.52)
GOMEL = (52.44, 30.99)  # Belarus, some 40 km from the border's northern end
BELGOROD = (50.60, 36.60)
SIMFEROPOL = (44.95, 34.10)


@pytest.fixture(scope="module")
def countries() -> list[Area]:
    return load_areas(DATA / "countries.geojson")


@pytest.fixture(scope="module")
def regions() -> list[Area]:
    return load_areas(DATA / "regions.geojson")


@pytest.fixture(scope="module")
def russia(countries: list[Area]) -> Area:
    found = area_at(countries, *MOSCOW)
    assert found is not None
    return found


def test_a_point_finds_its_country_and_crimea_counts_to_ukraine(countries: list[Area]) -> None:
    def code(point: tuple[float, float]) -> str | None:
        area = area_at(countries, *point)
        return area.code if area else None

    assert [code(p) for p in (MOSCOW, KURSK, KYIV, KHARKIV, GOMEL, SIMFEROPOL)] == [
        "RU",
        "RU",
        "UA",
        "UA",
        "BY",
        "UA",
    ]
    assert code((43.5, 34.0)) is None  # the Black Sea


def test_the_countries_do_not_overlap(countries: list[Area]) -> None:
    from shapely.geometry import shape

    shapes = [shape(a.geometry) for a in countries]
    for a, b in itertools.combinations(shapes, 2):
        assert a.intersection(b).area < 1e-6


def test_a_region_knows_its_neighbours_across_the_border(regions: list[Area]) -> None:
    kharkiv = area_at(regions, *KHARKIV)
    kursk = area_at(regions, *KURSK)
    assert kharkiv is not None and kharkiv.country == "UA"
    assert kursk is not None and (kursk.code, kursk.name) == ("RU-KRS", "Koersk")
    assert [a.name for a in neighbours(regions, kharkiv, "RU")] == ["Belgorod"]
    assert [a.name for a in neighbours(regions, kursk, "UA")] == ["Soemy"]


def test_the_band_clipped_to_russia_lies_inside_russia(
    border: list[tuple[float, float]], russia: Area
) -> None:
    from shapely.geometry import shape

    band = reach_polygon(border, REACH_KM, within=russia.geometry)
    for lat, lon in (KYIV, KHARKIV, GOMEL, SIMFEROPOL, MOSCOW):
        assert not band.covers(Point(lon, lat)), (lat, lon)
    for lat, lon in (BELGOROD, KURSK):
        assert band.covers(Point(lon, lat)), (lat, lon)
    assert band.difference(shape(russia.geometry)).area == pytest.approx(0, abs=1e-9)
    # clipping only takes away: everything within reach inside Russia is still there
    whole = reach_polygon(border, REACH_KM)
    assert band.area == pytest.approx(whole.intersection(shape(russia.geometry)).area)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "niet lezen"),
        ('{"type": "FeatureCollection", "features": [{"properties": {}}]}', "iso en name"),
        (
            '{"type": "FeatureCollection", "features": [{"properties": {"iso": "X", "name": "X"},'
            ' "geometry": {"type": "Point", "coordinates": [0, 0]}}]}',
            "geen vlak",
        ),
    ],
)
def test_a_broken_areas_file_is_named_in_the_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "countries.geojson"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as caught:
        load_areas(path)
    assert str(path) in str(caught.value)
