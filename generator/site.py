"""Build the site: generate docs/dossier, run MkDocs into a staging folder, add the open
data, check it, then exchange it for site/ (generator/publish.py). On any error the previous
site/ is untouched."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from generator import publish
from generator.cache import CACHE_DIR, Store
from generator.errors import InputError, Problem, describe_os_error
from generator.geo import Area, load_areas, load_border
from generator.measure import measure
from generator.mkdocs_run import SiteBuildError as SiteBuildError
from generator.mkdocs_run import Where, run_mkdocs
from generator.model import Corpus, EntityKind
from generator.pipeline import Inputs, Result, run
from generator.render import exports, feed
from generator.render.links import repository_url, site_url
from generator.render.maplayers import map_layers
from generator.render.mapview import PlaceRow, build_map, copy_leaflet_assets
from generator.render.pages import GENERATED, layout, render_pages
from generator.timings import Timings

SCHEMAS = Path(__file__).parent / "schemas"
DATA = "data"  # the folder of docs/ (and of the site) that holds the open data
EVALUATION = "evaluation"  # annotated test sets beside the project, measured for Methode


@dataclass(frozen=True)
class Project:
    root: Path  # holds mkdocs.yml, docs/, templates/
    seeds: Path
    data: Path
    site: Path

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def generated(self) -> Path:
        return self.docs / GENERATED

    @property
    def cache(self) -> Path:
        return self.root / CACHE_DIR

    @property
    def open_data(self) -> Path:
        """The open data in docs/, so that any MkDocs-family build of docs/ publishes it."""
        return self.docs / DATA


@dataclass(frozen=True)
class BuildReport:
    result: Result
    pages_written: int
    pages_unchanged: int
    notes: list[str] = field(default_factory=list)  # leftovers of old builds not removed


@dataclass(frozen=True)
class Generated:
    """Everything a build writes, still in memory."""

    result: Result
    pages: dict[str, bytes]  # by path in docs/dossier
    data: dict[str, bytes]  # open data, by file name in site/data


def generate(project: Project, timings: Timings | None = None) -> Generated:
    """Extract and render everything in memory; nothing is written yet."""
    timings = timings or Timings()
    result = run(Inputs(project.seeds, project.data, cache=project.cache), timings)
    corpus = result.corpus
    plan = layout(corpus)
    with timings.stage("map"):
        border_path = project.data / "border.geojson"
        try:
            border = load_border(border_path)
        except ValueError as exc:
            raise InputError([Problem(str(border_path), 1, str(exc))]) from exc
        border_source = _border_source(border_path)
        countries = _areas(project.data / "countries.geojson")
        regions = _areas(project.data / "regions.geojson")
        layers = map_layers(corpus, result.story, result.gazetteer, countries, regions)
        places = _place_rows(result, {s.place for s in layers.strikes})
        map_result = build_map(
            places,
            border,
            layers,
            store=Store(project.cache / "map"),
            event_urls={
                e: _event_url(plan.page_of, e) for s in layers.strikes for _, _, e in s.told
            },
        )
    with timings.stage("measure"):
        measurements = measure(project.root / EVALUATION, project.data, project.cache)
    seeds_rel = os.path.relpath(project.seeds, project.root).replace(os.sep, "/")
    with timings.stage("render"):
        pages = render_pages(
            corpus,
            result.story,
            plan,
            result.gazetteer,
            project.root / "templates",
            seeds_rel,
            {
                "reaches": layers.reaches,
                "zones": layers.zones,
                "strikes": layers.strikes,
                "legend": map_result.legend,
                "rows": map_result.rows,
                "border_source": border_source,
                "places_source": result.gazetteer.places_source,
                "areas_source": _areas_source(project.data / "countries.geojson"),
            },
            repository_url(project.root / "mkdocs.yml"),
            _site_address(project),
            measurements,
        )
        files = {path: text.encode("utf-8") for path, text in pages.items()}
        files["kaart/map.html"] = map_result.html.encode("utf-8")
        files["feed.xml"] = feed.atom(
            corpus, plan, _site_address(project), _latest_day(corpus)
        ).encode("utf-8")
    with timings.stage("export"):
        data: dict[str, str] = {
            "chronology.json": exports.dumps(exports.chronology(corpus, plan)),
            "chronology.csv": exports.chronology_csv(corpus, plan),
            "facts.json": exports.dumps(exports.facts(corpus, result.gazetteer)),
            "places.geojson": exports.dumps(
                exports.places_geojson(corpus, result.gazetteer, map_result.features)
            ),
            "permissions.json": exports.dumps(
                exports.permissions(result.story, result.gazetteer, plan)
            ),
        }
    return Generated(result, files, {name: text.encode("utf-8") for name, text in data.items()})


def _site_address(project: Project) -> str:
    """The published address with a trailing slash ("/" without a site_url)."""
    return (site_url(project.root / "mkdocs.yml") or "").rstrip("/") + "/"


def _latest_day(corpus: Corpus) -> date:
    """The feed's date: the latest publication of the input (a build is reproducible)."""
    ends = [a.meta.published.end for a in corpus.articles if a.meta.published]
    return max(ends) if ends else date(2000, 1, 1)


def _border_source(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    props = data["features"][0].get("properties", {})
    return str(props.get("source", "onbekend"))


def _event_url(page_of: Mapping[str, str], event: str) -> str:
    """An event's chronology entry, relative to the map page (dossier/kaart/map.html)."""
    page = f"chronologie/{page_of.get(event, '')}/".replace("//", "/")
    return f"../{page}#{event}"


def _areas(path: Path) -> list[Area]:
    try:
        return load_areas(path)
    except ValueError as exc:
        raise InputError([Problem(str(path), 1, str(exc))]) from exc


def _areas_source(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    props = data.get("properties", {})
    return f"{props.get('source', 'onbekend')}; {props.get('licence', '')}".strip("; ")


def _place_rows(result: Result, struck: set[str]) -> list[PlaceRow]:
    corpus = result.corpus
    mentioned = {m.entity for ms in corpus.mentions.values() for m in ms}
    rows = []
    for entry in result.gazetteer.of_kind(EntityKind.PLACE):
        shown = entry.id in mentioned or entry.always_on_map
        if entry.coordinates is None or entry.category == "land" or not shown:
            continue
        count = sum(1 for e in corpus.events if entry.id in e.places)
        country = result.gazetteer.entries.get(entry.country or "")
        rows.append(
            PlaceRow(
                entry.id,
                entry.name,
                entry.coordinates[0],
                entry.coordinates[1],
                entry.category or "plaats",
                country.name if country else None,
                entry.description,
                count,
                None,
                entry.always_on_map or entry.id in struck,
            )
        )
    return rows


def verify_quotes(corpus: Corpus) -> list[Problem]:
    """Every quote on the site must stand verbatim at its anchor in its article."""
    problems: list[Problem] = []
    articles = {a.stem: a for a in corpus.articles}
    by_anchor = {(a.stem, s.paragraph, s.index): s for a in corpus.articles for s in a.sentences}
    sources = [(e.id, s) for e in corpus.events for s in e.sources]
    sources += [(f.id, s) for f in corpus.facts for s in f.sources]
    for owner, source in sources:
        article = articles.get(source.article)
        sentence = by_anchor.get((source.article, source.paragraph, source.sentence))
        if (
            article is None
            or sentence is None
            or article.text[sentence.start : sentence.end] != source.quote
        ):
            path = article.path if article else source.article
            problems.append(
                Problem(path, 1, f"{owner}: citaat niet letterlijk gevonden: {source.quote[:60]!r}")
            )
    return problems


def write_generated(
    folder: Path,
    files: Mapping[str, bytes],
    leaflet: bool = True,
    changing: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Write a generated folder: only changed files are rewritten, stale ones removed.
    changing(rel) is told of each file once it is rewritten (the preview's rebuild)."""
    written = unchanged = 0
    wanted = set(files)
    folder.mkdir(parents=True, exist_ok=True)
    for rel in sorted(wanted):
        target = folder / rel
        content = files[rel]
        if target.exists() and target.read_bytes() == content:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(content)
        tmp.replace(target)
        if changing is not None:
            changing(rel)
        written += 1
    for path in sorted(folder.rglob("*"), reverse=True):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and rel not in wanted and not rel.startswith("assets/"):
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    assets = folder / "assets" / "leaflet"
    if leaflet and not (assets / "leaflet.js").exists():
        copy_leaflet_assets(assets)
    return written, unchanged


def build_epoch(corpus: Corpus) -> int:
    """A build date derived from the input, so two builds of it are byte-identical."""
    ends = [a.meta.published.end for a in corpus.articles if a.meta.published]
    day = max(ends) if ends else datetime(2000, 1, 1).date()
    day = max(day, datetime(1970, 1, 2).date())  # MkDocs reads no date before the epoch
    return int(datetime.combine(day, time(12), tzinfo=UTC).timestamp())


def _validate(name: str, data: Any) -> list[Problem]:
    import jsonschema  # a tenth of a second to load; only builds validate

    schema_path = SCHEMAS / name
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    return [
        Problem(str(schema_path), 1, f"{e.json_path}: {e.message}")
        for e in validator.iter_errors(data)
    ]


def verify(generated: Generated) -> list[Problem]:
    """What the build checks before it writes: quotes verbatim, open data to its schemas."""
    data = generated.data
    problems = verify_quotes(generated.result.corpus)
    for name, schema in (
        ("chronology.json", "chronology.schema.json"),
        ("facts.json", "facts.schema.json"),
        ("places.geojson", "places.schema.json"),
        ("permissions.json", "permissions.schema.json"),
    ):
        problems += _validate(schema, json.loads(data[name]))
    return problems


def check_build(project: Project) -> list[Problem]:
    """Everything build checks, MkDocs' strict link check included, on a copy of docs/ in a
    temporary folder: nothing of the project is written but the extraction cache."""
    generated = generate(project)
    problems = verify(generated)
    if problems:
        return problems
    with tempfile.TemporaryDirectory(prefix="westerse-wapens-check-") as tmp:
        docs = Path(tmp) / "docs"
        shutil.copytree(
            project.docs, docs, ignore=lambda folder, names: _generated_in(project, folder)
        )
        write_generated(docs / GENERATED, generated.pages)
        write_generated(docs / DATA, generated.data, leaflet=False)
        where = Where(project.root / "mkdocs.yml", docs, project.docs)
        try:
            run_mkdocs(where, Path(tmp) / "site", build_epoch(generated.result.corpus), True)
        except SiteBuildError as exc:
            problems += exc.problems
    return problems


def _generated_in(project: Project, folder: str) -> list[str]:
    return [GENERATED, DATA] if Path(folder) == project.docs else []


class BuildIOError(Exception):
    """A file could not be read or written (a full disk, missing rights, a read-only disk):
    the message says which file, in Dutch; the previous site/ is untouched."""


def build(
    project: Project,
    strict: bool = True,
    timings: Timings | None = None,
    say: Callable[[str], None] = publish.say,
) -> BuildReport:
    """The whole build; raises InputError (nothing replaced) on bad input or a failed check,
    BuildIOError when the disk refuses, BuildBusy when another build holds the lock too long.

    One build at a time per project and site folder (publish.build_lock); the new site
    replaces the old one in a single exchange (publish.exchange)."""
    try:
        return _build(project, strict, timings or Timings(), say)
    except OSError as exc:
        raise BuildIOError(describe_os_error(exc)) from exc


def _build(
    project: Project, strict: bool, timings: Timings, say: Callable[[str], None]
) -> BuildReport:
    generated = generate(project, timings)
    result, data_files = generated.result, generated.data
    with timings.stage("verify"):
        problems = verify(generated)
    if problems:
        raise InputError(problems)
    site = project.site
    with publish.build_lock([project.root, site.parent], say=say):
        notes = publish.recover(site)
        with timings.stage("write"):
            written, unchanged = write_generated(project.generated, generated.pages)
            write_generated(project.open_data, data_files, leaflet=False)
        staging = publish.make_staging(site)
        try:
            with timings.stage("mkdocs"):
                where = Where(project.root / "mkdocs.yml", project.docs, project.docs)
                run_mkdocs(where, staging, build_epoch(result.corpus), strict)
            with timings.stage("write"):
                old = publish.exchange(staging, site)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        if old is not None:
            notes += publish.remove_tree(old)
    return BuildReport(result, written, unchanged, notes)
