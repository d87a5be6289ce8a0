"""The map page: privacy (no third-party requests), determinism and the table beside it."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.cache import Store
from generator.geo import load_border
from generator.render.mapview import (
    OSM_TILES,
    MapResult,
    PlaceRow,
    build_map,
    copy_leaflet_assets,
    format_lat,
    format_lon,
)

ROOT = Path(__file__).resolve().parents[2]
BORDER_FILE = ROOT / "data" / "border.geojson"

PLACES = [
    PlaceRow(
        "charkiv", "Charkiv", 49.99, 36.23, "stad", "Oekraïne", "Tweede stad.", 3, "../charkiv/"
    ),
    PlaceRow("koersk", "Koersk", 51.73, 36.19, "stad", "Rusland", "", 5, "../koersk/"),
    PlaceRow("moskou", "Moskou", 55.76, 37.62, "stad", "Rusland", "Hoofdstad <b>", 0, None),
    PlaceRow("belgorod", "Oblast Belgorod", 50.6, 36.59, "regio", "Rusland", "", 1, None),
    PlaceRow("engels", "Éngels", 51.48, 46.12, "stad", "Rusland", "Vliegbasis.", 1, None),
]

# a standalone script, so each run has its own process and its own random uuids
BUILD_SCRIPT = """
import hashlib, sys
sys.path.insert(0, {root!r})
from generator.geo import load_border
from generator.render.mapview import PlaceRow, build_map
html = build_map({places!r}, load_border({border!r})).html
print(hashlib.sha256(html.encode()).hexdigest())
"""


@pytest.fixture(scope="module")
def result() -> MapResult:
    return build_map(PLACES, load_border(BORDER_FILE))


class _UrlCollector(HTMLParser):
    """Every src and href attribute in the document."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value is not None:
                self.urls.append((tag, value))


# --- privacy ---------------------------------------------------------------------


def test_scripts_and_styles_come_from_the_site_itself(result: MapResult) -> None:
    parser = _UrlCollector()
    parser.feed(result.html)
    assert ("script", "../assets/leaflet/leaflet.js") in parser.urls
    assert ("link", "../assets/leaflet/leaflet.css") in parser.urls
    for tag, url in parser.urls:
        assert not re.match(r"^([a-z]+:)?//", url), f"<{tag}> loads {url} from elsewhere"


def test_only_openstreetmap_urls_appear_anywhere(result: MapResult) -> None:
    urls = set(re.findall(r"https?://[^\s\"'\\)]+", result.html))
    assert urls == {OSM_TILES, "https://www.openstreetmap.org/copyright"}
    assert "//" not in re.sub(r"https?://[^\s\"'\\)]+", "", result.html)
    for cdn_library in ("jquery", "bootstrap", "fontawesome", "awesome-markers", "$("):
        assert cdn_library not in result.html.lower()


def test_copy_leaflet_assets_copies_the_files_the_map_loads(tmp_path: Path) -> None:
    copy_leaflet_assets(tmp_path / "leaflet")
    assert (tmp_path / "leaflet" / "leaflet.js").stat().st_size > 100_000
    assert (tmp_path / "leaflet" / "leaflet.css").read_text().startswith("/*")
    assert (tmp_path / "leaflet" / "images" / "layers.png").is_file()


# --- determinism -----------------------------------------------------------------


def test_two_builds_in_one_process_are_identical(result: MapResult) -> None:
    again = build_map(PLACES, load_border(BORDER_FILE))
    assert again.html == result.html
    assert again.reach_geojson == result.reach_geojson


def test_a_kept_map_is_the_same_map_and_a_broken_entry_is_redone(
    result: MapResult, tmp_path: Path
) -> None:
    def same(made: MapResult, expected: MapResult) -> None:
        assert (made.html, made.rows, made.reach_geojson) == (
            expected.html, expected.rows, expected.reach_geojson
        )

    store = Store(tmp_path)
    same(build_map(PLACES, load_border(BORDER_FILE), store=store), result)
    assert len(list(tmp_path.rglob("*.json"))) == 2  # the map, and its geodesy
    same(build_map(PLACES, load_border(BORDER_FILE), store=store), result)
    # Other counts: a new map, on the kept geodesy.
    counted = [dataclasses.replace(p, event_count=p.event_count + 3) for p in PLACES]
    same(build_map(counted, load_border(BORDER_FILE), store=store),
         build_map(counted, load_border(BORDER_FILE)))
    assert len(list(tmp_path.rglob("*.json"))) == 3
    for entry in tmp_path.rglob("*.json"):  # entries of another shape
        entry.write_text(json.dumps({"key": entry.stem, "value": {"reach": 1, "html": 2}}))
    same(build_map(PLACES, load_border(BORDER_FILE), store=store), result)
    same(build_map(PLACES, load_border(BORDER_FILE), store=store), result)  # written anew


def test_a_build_in_another_process_is_identical(result: MapResult) -> None:
    # folium draws fresh random uuids in every process: this catches any that slip through
    script = BUILD_SCRIPT.format(root=str(ROOT), places=PLACES, border=str(BORDER_FILE))
    other = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert other.stdout.strip() == hashlib.sha256(result.html.encode()).hexdigest()


def test_no_random_element_ids_are_left(result: MapResult) -> None:
    assert not re.search(r"[0-9a-f]{32}", result.html)
    assert 'id="map_0001"' in result.html


# --- contents --------------------------------------------------------------------


def test_page_is_dutch_and_titled(result: MapResult) -> None:
    assert result.html.startswith('<!DOCTYPE html>\n<html lang="nl">')
    assert "<title>Kaart</title>" in result.html
    assert "user-scalable=no" not in result.html


def test_map_shows_band_border_and_one_marker_per_place(result: MapResult) -> None:
    assert "bereik 300 km vanaf de grens (geodetisch berekend)" in result.html
    assert '"dashArray": "6 6"' in result.html
    assert result.html.count("L.circleMarker(") == len(PLACES)
    assert result.html.count(".bindPopup(") == len(PLACES)
    assert "fitBounds" in result.html


def test_popups_link_to_place_pages_and_escape_text(result: MapResult) -> None:
    assert (
        json.dumps('<a href="../koersk/" target="_top">')
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")[1:-1]
        in result.html
    )
    assert "Hoofdstad \\u0026lt;b\\u0026gt;" in result.html


def test_coordinates_are_rounded_to_five_decimals(result: MapResult) -> None:
    assert not re.search(r"\d\.\d{6,}", json.dumps(result.reach_geojson))
    assert not re.search(r"\[\d+\.\d{6,}, \d+\.\d{6,}\]", result.html)


# --- the table -------------------------------------------------------------------


def test_rows_are_sorted_by_name_ignoring_accents(result: MapResult) -> None:
    assert [r.name for r in result.rows] == [
        "Charkiv",
        "Éngels",
        "Koersk",
        "Moskou",
        "Oblast Belgorod",
    ]


def test_rows_carry_dutch_coordinates_distance_and_reach(result: MapResult) -> None:
    rows = {r.id: r for r in result.rows}
    kharkiv = rows["charkiv"]
    assert (kharkiv.lat_text, kharkiv.lon_text) == ("49,99° N", "36,23° O")
    assert kharkiv.coordinates_text == "49,99° N, 36,23° O"
    assert 25 <= kharkiv.distance_km <= 40
    assert rows["koersk"].inside_reach
    assert not rows["moskou"].inside_reach
    assert not rows["engels"].inside_reach
    assert rows["koersk"].url == "../koersk/" and rows["moskou"].url is None


def test_southern_and_western_coordinates_get_z_and_w() -> None:
    assert format_lat(-33.86) == "33,86° Z"
    assert format_lon(-3.7) == "3,70° W"


def test_reach_geojson_is_a_feature_for_the_open_data(result: MapResult) -> None:
    feature = result.reach_geojson
    assert feature["type"] == "Feature"
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["properties"]["reach_km"] == 300.0
    assert "geodetisch" in feature["properties"]["description"].lower()
    json.dumps(feature)  # plain JSON types only
