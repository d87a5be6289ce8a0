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
from generator.geo import area_at, load_areas, load_border
from generator.render.mapdata import MapLayers, Reach, StrikeSite, Zone
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
        "charkiv",
        "Charkiv",
        49.99,
        36.23,
        "stad",
        "Oekraïne",
        "Tweede stad.",
        3,
        "../charkiv/",
        True,
    ),
    PlaceRow("koersk", "Koersk", 51.73, 36.19, "stad", "Rusland", "", 5, "../koersk/", True),
    PlaceRow("moskou", "Moskou", 55.76, 37.62, "stad", "Rusland", "Hoofdstad <b>", 0, None),
    PlaceRow("belgorod", "Oblast Belgorod", 50.6, 36.59, "regio", "Rusland", "", 1, None),
    PlaceRow("engels", "Éngels", 51.48, 46.12, "stad", "Rusland", "Vliegbasis.", 1, None),
    PlaceRow("kyiv", "Kyiv", 50.45, 30.52, "stad", "Oekraïne", "", 2, None),
    PlaceRow("londen", "Londen", 51.51, -0.13, "stad", "Verenigd Koninkrijk", "", 1, None),
]

EVENT_URLS = {"e-2": "../chronologie/#e-2"}

# a standalone script, so each run has its own process and its own random uuids
BUILD_SCRIPT = """
import hashlib, sys
sys.path.insert(0, {root!r})
sys.path.insert(0, {tests!r})
from test_mapview import PLACES, layers
from generator.geo import load_border
from generator.render.mapview import build_map
html = build_map(PLACES, load_border({border!r}), layers(),
                 event_urls={{"e-2": "../chronologie/#e-2"}}).html
print(hashlib.sha256(html.encode()).hexdigest())
"""


def layers() -> MapLayers:
    """The layers of a map like the site's: real countries and regions, two weapons' reach,
    one step's area and one strike."""
    countries = load_areas(ROOT / "data" / "countries.geojson")
    regions = load_areas(ROOT / "data" / "regions.geojson")
    russia = area_at(countries, 55.76, 37.62)
    kursk = area_at(regions, 51.73, 36.19)
    assert russia is not None and kursk is not None
    return MapLayers(
        territory=russia.geometry,
        territory_name="Rusland",
        reaches=(
            Reach("atacms", "ATACMS", 300.0, None, "US Army", True),
            Reach("storm-shadow", "Storm Shadow", 250.0, "meer dan", "MBDA", False),
        ),
        zones=(
            Zone(
                "november 2024: doelen in de regio Koersk",
                "Toestemming van VS (ATACMS).",
                ("Koersk",),
                kursk.geometry,
                ("e-1",),
                "november 2024",
            ),
        ),
        strikes=(
            StrikeSite(
                "karachev",
                "Karatsjov",
                53.12,
                34.98,
                ("19 november 2024",),
                (("19 november 2024", "Eerste aanval <met> ATACMS", "e-2"),),
            ),
        ),
        countries=tuple(countries),
        border_countries=("Oekraïne", "Rusland"),
    )


@pytest.fixture(scope="module")
def result() -> MapResult:
    return build_map(PLACES, load_border(BORDER_FILE), layers(), event_urls=EVENT_URLS)


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


def test_the_openstreetmap_layer_is_there_but_off(result: MapResult) -> None:
    # The base layer is the map's own Natural Earth countries: it reads with no tiles.
    (tiles,) = re.findall(r"var (tile_layer_\d+) = L\.tileLayer", result.html)
    assert f"{tiles}.addTo(" not in result.html
    assert f"] = {tiles};" in result.html  # offered in the layer list
    assert "Natural Earth" in result.html


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
    again = build_map(PLACES, load_border(BORDER_FILE), layers(), event_urls=EVENT_URLS)
    assert again.html == result.html
    assert again.features == result.features


def test_a_kept_map_is_the_same_map_and_a_broken_entry_is_redone(
    result: MapResult, tmp_path: Path
) -> None:
    def same(made: MapResult, expected: MapResult) -> None:
        assert (made.html, made.rows, made.features, made.legend) == (
            expected.html,
            expected.rows,
            expected.features,
            expected.legend,
        )

    def build(places: list[PlaceRow]) -> MapResult:
        return build_map(
            places, load_border(BORDER_FILE), layers(), store=store, event_urls=EVENT_URLS
        )

    store = Store(tmp_path)
    same(build(PLACES), result)
    assert len(list(tmp_path.rglob("*.json"))) == 2  # the map, and its geodesy
    same(build(PLACES), result)
    # Other counts: a new map, on the kept geodesy.
    counted = [dataclasses.replace(p, event_count=p.event_count + 3) for p in PLACES]
    same(
        build(counted),
        build_map(counted, load_border(BORDER_FILE), layers(), event_urls=EVENT_URLS),
    )
    assert len(list(tmp_path.rglob("*.json"))) == 3
    for entry in tmp_path.rglob("*.json"):  # entries of another shape
        entry.write_text(json.dumps({"key": entry.stem, "value": {"bands": 1, "html": 2}}))
    same(build(PLACES), result)
    same(build(PLACES), result)  # written anew


def test_a_build_in_another_process_is_identical(result: MapResult) -> None:
    # folium draws fresh random uuids in every process: this catches any that slip through
    script = BUILD_SCRIPT.format(
        root=str(ROOT), tests=str(Path(__file__).parent), border=str(BORDER_FILE)
    )
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


def test_map_shows_bands_border_and_one_marker_per_place(result: MapResult) -> None:
    assert "bereik van ATACMS: 300 km vanaf de grens, alleen op het grondgebied van Rusland" in (
        result.html
    )
    assert '"dashArray": "6 6"' in result.html
    assert result.html.count("L.circleMarker(") == len(PLACES)
    assert result.html.count(".bindPopup(") == len(PLACES) + 1  # and the strike
    assert "fitBounds" in result.html


def test_storm_shadow_can_be_switched_on_and_atacms_shows_first(result: MapResult) -> None:
    layer_of = {
        json.loads(label): layer
        for label, layer in re.findall(r"overlays\[(\".*\")\] = (geo_json_\d+);", result.html)
    }
    atacms = next(v for k, v in layer_of.items() if "Bereik ATACMS: 300 km" in k)
    storm = next(v for k, v in layer_of.items() if "Bereik Storm Shadow: meer dan 250 km" in k)
    zone = next(v for k, v in layer_of.items() if "doelen in de regio Koersk" in k)
    assert f"{atacms}.addTo(" in result.html and f"{zone}.addTo(" in result.html
    assert f"{storm}.addTo(" not in result.html
    assert "L.control.layers(null, overlays" in result.html


def test_the_map_has_a_legend_and_labels_that_stay(result: MapResult) -> None:
    assert "<summary>Legenda</summary>" in json.loads(
        re.search(r"box\.innerHTML = (\"[^\n]*\");", result.html).group(1)
    )  # type: ignore[union-attr]
    permanent = re.findall(r'bindTooltip\("([^"]*)", \{[^}]*"permanent": true', result.html)
    # key places, places near the border that events name, and the strike with its date
    assert sorted(permanent) == [
        "Charkiv",
        "Karatsjov, 19 november 2024",
        "Koersk",
        "Kyiv",
        "Oblast Belgorod",
    ]
    assert "Moskou" not in permanent and "Londen" not in permanent


def test_a_step_area_carries_its_date_on_the_map(result: MapResult) -> None:
    assert '.setContent("toestemming november 2024")' in result.html
    # The label sits inside the Kursk region, and goes when the area is switched off.
    at = re.search(r"\.setLatLng\(\[([\d.]+), ([\d.]+)\]\)", result.html)
    assert at is not None and 51 < float(at.group(1)) < 52.5 and 35 < float(at.group(2)) < 38
    assert "layer.on('remove', function () { label.remove(); })" in result.html


def test_distances_are_in_kilometres_only(result: MapResult) -> None:
    assert "L.control.scale({imperial: false})" in result.html
    assert "L.control.scale()" not in result.html


def test_a_strike_is_marked_with_its_date_and_links_to_the_chronology(result: MapResult) -> None:
    assert "L.divIcon(" in result.html and "\\u003csvg" in result.html
    assert '"title": "Aanval: Karatsjov, 19 november 2024"' in result.html
    popups = [json.loads(p) for p in re.findall(r"bindPopup\((\".*?\"), \{", result.html)]
    (text,) = [p for p in popups if p.startswith("<strong>Aanval op Karatsjov")]
    assert "19 november 2024: Eerste aanval &lt;met&gt; ATACMS" in text
    assert '<a href="../chronologie/#e-2" target="_top">' in text


def test_the_scroll_wheel_waits_for_a_click(result: MapResult) -> None:
    assert '"scrollWheelZoom": false' in result.html
    assert "box.addEventListener('click', wake)" in result.html


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
        "Kyiv",
        "Londen",
        "Moskou",
        "Oblast Belgorod",
    ]


def test_rows_carry_dutch_coordinates_distance_and_reach(result: MapResult) -> None:
    rows = {r.id: r for r in result.rows}
    kharkiv = rows["charkiv"]
    assert (kharkiv.lat_text, kharkiv.lon_text) == ("49,99° N", "36,23° O")
    assert kharkiv.coordinates_text == "49,99° N, 36,23° O"
    assert kharkiv.distance_km is not None and 25 <= kharkiv.distance_km <= 40
    assert rows["koersk"].reaches == ("ATACMS", "Storm Shadow")
    assert rows["moskou"].reaches == () and not rows["moskou"].inside_reach
    assert not rows["engels"].inside_reach
    assert rows["koersk"].url == "../koersk/" and rows["moskou"].url is None


def test_only_places_either_side_of_the_border_get_a_distance(result: MapResult) -> None:
    rows = {r.id: r for r in result.rows}
    assert rows["londen"].distance_km is None
    assert rows["kyiv"].distance_km is not None
    # Ukraine is within 300 km of the border but outside the band: it is Russia's only
    assert rows["kyiv"].reaches == () and rows["charkiv"].reaches == ()


def test_southern_and_western_coordinates_get_z_and_w() -> None:
    assert format_lat(-33.86) == "33,86° Z"
    assert format_lon(-3.7) == "3,70° W"


def test_bands_and_areas_are_features_for_the_open_data(result: MapResult) -> None:
    atacms, storm, zone = result.features
    assert atacms["type"] == "Feature"
    assert atacms["geometry"]["type"] in ("Polygon", "MultiPolygon")
    assert (atacms["properties"]["reach_km"], atacms["properties"]["weapon"]) == (300.0, "atacms")
    assert "meer dan 250 km volgens MBDA" in storm["properties"]["description"]
    assert zone["properties"]["regions"] == ["Koersk"]
    assert zone["properties"]["events"] == ["e-1"]
    json.dumps(result.features)  # plain JSON types only


def test_the_page_carries_no_jargon_or_english(result: MapResult) -> None:
    visible = re.sub(r"<[^>]+>", " ", result.html)
    for word in ("WGS84", "EDTF", "geodetisch", "Layers"):
        assert word not in visible
