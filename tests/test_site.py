"""End to end: the real seeds through the real MkDocs build, checked in the built site/.

Most tests read the one session build (`built_site`); tests that change input work on a
private copy of the project, so the repository's own site/ and docs/ are never touched.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft202012Validator

from generator.errors import InputError, Severity
from generator.site import BuildReport, Project, SiteBuildError, build

if TYPE_CHECKING:
    from conftest import BuiltSite

SCHEMAS = Path(__file__).resolve().parents[1] / "generator" / "schemas"
ANCHOR_URL = re.compile(r"^dossier/bronnen/(?P<stem>[^/]+)/#(?P<anchor>p\d+-s\d+)$")
SENTENCE_HREF = re.compile(r"bronnen/(?P<stem>[^/#]+)/#(?P<anchor>p\d+-s\d+)$")
TILE_HOST = "tile.openstreetmap.org"
# <link rel=...> values that make the browser fetch something (canonical, prev, next don't).
FETCHING_RELS = {
    "stylesheet",
    "icon",
    "shortcut",
    "apple-touch-icon",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "modulepreload",
    "manifest",
}

Snapshot = Callable[[Path], dict[str, bytes]]


class Page(HTMLParser):
    """What the tests need from an HTML page: tags, ids, sentence texts, chronology entries."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.ids: set[str] = set()
        self.span_text: dict[str, str] = {}  # text of each <span id=...>
        self.entries: dict[str, list[str]] = {}  # chronology entry id -> hrefs inside it
        self.entry_of: dict[str, str] = {}  # any id inside an entry (and its own) -> entry id
        self.scripts: list[str] = []  # inline script bodies
        self._spans: list[str | None] = []
        self._entry: str | None = None
        self._entry_depth = 0
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])
            if self._entry is not None:
                self.entry_of[attributes["id"]] = self._entry
        if tag == "span":
            self._spans.append(attributes.get("id"))
            if attributes.get("id"):
                self.span_text[attributes["id"]] = ""
        elif tag == "div":
            if self._entry is not None:
                self._entry_depth += 1
            elif "gebeurtenis" in attributes.get("class", "").split():
                self._entry, self._entry_depth = attributes["id"], 1
                self.entries[self._entry] = []
                self.entry_of[self._entry] = self._entry
        elif tag == "a" and self._entry is not None and "href" in attributes:
            self.entries[self._entry].append(attributes["href"])
        elif tag == "script" and "src" not in attributes:
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._spans:
            self._spans.pop()
        elif tag == "div" and self._entry is not None:
            self._entry_depth -= 1
            if self._entry_depth == 0:
                self._entry = None
        elif tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        for span_id in self._spans:
            if span_id:
                self.span_text[span_id] += data
        if self._in_script:
            self.scripts[-1] += data


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page


def follow(page: Path, href: str) -> tuple[Path, str]:
    """The built file a relative link on page points to, and its #fragment."""
    target, _, fragment = href.partition("#")
    path = Path(os.path.normpath(page.parent / target)) if target else page
    if target.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, fragment


def all_sources(built: BuiltSite) -> list[tuple[str, dict[str, Any]]]:
    """(owner id, source record) for every quote in the open data, events and facts."""
    chronology, facts = built.data("chronology.json"), built.data("facts.json")
    sources = [(e["id"], s) for e in chronology["events"] for s in e["sources"]]
    sources += [
        (f["id"], s)
        for entity in facts["entities"].values()
        for f in entity["facts"]
        for s in f["sources"]
    ]
    return sources


# --- every page type -------------------------------------------------------------------------

PAGES = [
    "index.html",
    "methode/index.html",
    "dossier/chronologie/index.html",
    "dossier/wapens/index.html",
    "dossier/wapens/atacms/index.html",
    "dossier/wapens/storm-shadow/index.html",
    "dossier/wapens/javelin/index.html",
    "dossier/kaart/index.html",
    "dossier/kaart/map.html",
    "dossier/assets/leaflet/leaflet.js",
    "dossier/bronnen/index.html",
]


@pytest.mark.parametrize("rel", PAGES)
def test_the_site_has_every_page_type(built_site: BuiltSite, rel: str) -> None:
    assert (built_site.site / rel).is_file()


def test_every_seed_article_has_its_own_source_page_linked_from_the_index(
    built_site: BuiltSite,
) -> None:
    index = built_site.site / "dossier" / "bronnen" / "index.html"
    linked = {
        follow(index, href)[0]
        for tag, a in parse(index).tags
        if tag == "a" and (href := a.get("href"))
    }
    stems = sorted(p.stem for p in built_site.project.seeds.glob("*.txt"))
    assert stems
    for stem in stems:
        page = built_site.site / "dossier" / "bronnen" / stem / "index.html"
        assert page.is_file(), stem
        assert page in linked, stem


def test_every_page_is_in_dutch(built_site: BuiltSite) -> None:
    pages = sorted(built_site.site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        html_tags = [a for tag, a in parse(page).tags if tag == "html"]
        assert html_tags and html_tags[0].get("lang") == "nl", page


# --- open data ---------------------------------------------------------------------------------

EXPORTS = [
    ("chronology.json", "chronology.schema.json"),
    ("facts.json", "facts.schema.json"),
    ("places.geojson", "places.schema.json"),
    ("permissions.json", "permissions.schema.json"),
]


@pytest.mark.parametrize(("name", "schema_name"), EXPORTS)
def test_open_data_validates_against_its_schema(
    built_site: BuiltSite, name: str, schema_name: str
) -> None:
    schema = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = [
        f"{e.json_path}: {e.message}"
        for e in Draft202012Validator(schema).iter_errors(built_site.data(name))
    ]
    assert errors == []


def test_the_csv_has_one_row_per_json_event_with_the_same_ids(built_site: BuiltSite) -> None:
    events = built_site.data("chronology.json")["events"]
    text = (built_site.site / "data" / "chronology.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    assert [r["date"] for r in rows] == [e["date"] for e in events]
    assert len(events) > 10


def test_every_quote_stands_verbatim_in_its_seed_file(built_site: BuiltSite) -> None:
    seeds = built_site.project.seeds
    missing = [
        (owner, s["article"], s["quote"])
        for owner, s in all_sources(built_site)
        if s["quote"] not in (seeds / f"{s['article']}.txt").read_text(encoding="utf-8")
    ]
    assert missing == []


def test_every_quote_url_is_a_sentence_anchor_on_the_built_source_page(
    built_site: BuiltSite,
) -> None:
    pages: dict[str, Page] = {}
    wrong = []
    for owner, source in all_sources(built_site):
        match = ANCHOR_URL.match(source["url"])
        assert match, (owner, source["url"])
        assert match["stem"] == source["article"]
        assert match["anchor"] == f"p{source['paragraph']}-s{source['sentence']}"
        if source["article"] not in pages:
            pages[source["article"]] = parse(
                built_site.site / "dossier" / "bronnen" / source["article"] / "index.html"
            )
        shown = pages[source["article"]].span_text.get(match["anchor"])
        if shown != source["quote"]:
            wrong.append((owner, source["url"], shown))
    assert wrong == []


def test_every_chronology_entry_links_to_the_sentences_it_comes_from(built_site: BuiltSite) -> None:
    events = built_site.data("chronology.json")["events"]
    pages: dict[Path, Page] = {}
    for event in events:
        path, _, fragment = event["url"].partition("#")
        chronology = built_site.site / path / "index.html"
        page = pages.setdefault(chronology, parse(chronology))
        assert fragment == event["id"] and fragment in page.entry_of, event["url"]
        linked = set()
        for href in page.entries[page.entry_of[fragment]]:
            if match := SENTENCE_HREF.search(href):
                target, fragment = follow(chronology, href)
                assert fragment in parse(target).ids, (event["id"], href)
                linked.add((match["stem"], match["anchor"]))
        cited = {(s["article"], f"p{s['paragraph']}-s{s['sentence']}") for s in event["sources"]}
        assert linked, event["id"]
        assert cited <= linked, event["id"]


@pytest.mark.parametrize(
    ("place", "lon", "lat"),
    [
        ("kharkiv", 36.23, 49.99),
        ("kursk", 36.19, 51.73),
        ("bryansk", 34.37, 53.25),
        ("karachev", 34.98, 53.12),
    ],
)
def test_places_geojson_puts_longitude_before_latitude(
    built_site: BuiltSite, place: str, lon: float, lat: float
) -> None:
    features = {f.get("id"): f for f in built_site.data("places.geojson")["features"]}
    assert features[place]["geometry"] == {
        "type": "Point",
        "coordinates": [pytest.approx(lon, abs=0.05), pytest.approx(lat, abs=0.05)],
    }


# --- privacy: readers' browsers ask no third party -----------------------------------------


def _fetched_urls(tag: str, attrs: dict[str, str]) -> list[str]:
    if tag in ("script", "img", "iframe", "source", "audio", "video", "embed", "track"):
        urls = [attrs.get("src", "")]
        urls += [part.split()[0] for part in attrs.get("srcset", "").split(",") if part.strip()]
        return [u for u in urls if u]
    if tag == "link" and FETCHING_RELS & set(attrs.get("rel", "").lower().split()):
        return [attrs.get("href", "")]
    if tag == "object":
        return [attrs.get("data", "")]
    return []


def _third_party(url: str) -> bool:
    parts = urlsplit(url.strip())
    external = parts.scheme in ("http", "https") or url.strip().startswith("//")
    return external and parts.hostname != TILE_HOST


def test_no_page_loads_anything_from_a_third_party(built_site: BuiltSite) -> None:
    offenders = []
    for path in sorted(built_site.site.rglob("*.html")):
        for tag, attrs in parse(path).tags:
            offenders += [
                (str(path.relative_to(built_site.site)), tag, url)
                for url in _fetched_urls(tag, attrs)
                if _third_party(url)
            ]
    assert offenders == []


def test_no_stylesheet_imports_from_a_third_party(built_site: BuiltSite) -> None:
    remote = re.compile(r"""url\(\s*["']?(?:https?:)?//|@import\s+["']?(?:https?:)?//""")
    offenders = [
        str(p.relative_to(built_site.site))
        for p in built_site.site.rglob("*.css")
        if remote.search(p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_map_asks_only_openstreetmap_for_tiles(built_site: BuiltSite) -> None:
    page = parse(built_site.site / "dossier" / "kaart" / "map.html")
    script_urls = re.findall(r"https?://[^\s\"'<>]+", "\n".join(page.scripts))
    assert f"https://{TILE_HOST}/{{z}}/{{x}}/{{y}}.png" in script_urls
    # Besides the tiles, only the attribution link to the OpenStreetMap copyright page.
    assert {urlsplit(u).hostname for u in script_urls} <= {TILE_HOST, "www.openstreetmap.org"}
    local = [a["src"] for tag, a in page.tags if tag == "script" and a.get("src")]
    assert local == ["../assets/leaflet/leaflet.js"]


def test_no_file_mentions_google_fonts(built_site: BuiltSite) -> None:
    files = [p for p in built_site.site.rglob("*") if p.is_file()]
    assert [str(p) for p in files if b"fonts.googleapis.com" in p.read_bytes()] == []


# --- the build as a whole: editors' pages, determinism, atomicity --------------------------


def test_a_build_never_changes_the_editors_pages(built_site: BuiltSite) -> None:
    assert {"index.md", "methode.md", "stylesheets/site.css"} <= set(built_site.editor_pages_before)
    assert built_site.editor_pages_now() == built_site.editor_pages_before


def test_two_builds_of_the_same_input_are_byte_identical(
    built_site: BuiltSite, fresh_project: Project, snapshot: Snapshot
) -> None:
    build(fresh_project)
    for first, second in [
        (built_site.site, fresh_project.site),
        (built_site.project.generated, fresh_project.generated),
    ]:
        a, b = snapshot(first), snapshot(second)
        differing = sorted((a.keys() ^ b.keys()) | {k for k in a.keys() & b.keys() if a[k] != b[k]})
        assert differing == []


def _bad_utf8_article(project: Project) -> tuple[Path, int]:
    path = sorted(project.seeds.glob("*.txt"))[0]
    raw = path.read_bytes() + "\n\nDe redactie plakte hier een Latin-1 é: ".encode() + b"caf\xe9.\n"
    path.write_bytes(raw)
    return path, raw[: raw.index(b"\xe9.")].count(b"\n") + 1


def _bad_metadata_date(project: Project) -> tuple[Path, int]:
    path = project.seeds / "metadata.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith("  published: "))
    lines[number] = '  published: "2024-13-45"'
    path.write_text("\n".join(lines), encoding="utf-8")
    return path, number + 1


def _bad_date_line(project: Project) -> tuple[Path, int]:
    path = sorted(project.seeds.glob("*.txt"))[0]
    text = path.read_text(encoding="utf-8")
    body = re.sub(r"^ date \S+ ", "", text)
    path.write_text(" date 2022-03-32 " + body, encoding="utf-8")
    return path, 1


@pytest.mark.parametrize(
    "breakage",
    [_bad_utf8_article, _bad_metadata_date, _bad_date_line],
    ids=["non-utf8-article", "bad-edtf-in-metadata", "bad-date-line"],
)
def test_bad_input_stops_the_build_and_leaves_the_previous_site(
    built_copy: Project, snapshot: Snapshot, breakage: Callable[[Project], tuple[Path, int]]
) -> None:
    site_before, docs_before = snapshot(built_copy.site), snapshot(built_copy.generated)
    bad_file, line = breakage(built_copy)

    with pytest.raises(InputError) as caught:
        build(built_copy)

    named = [(Path(p.path), p.line) for p in caught.value.problems if p.severity is Severity.ERROR]
    assert (bad_file, line) in named
    assert snapshot(built_copy.site) == site_before
    assert snapshot(built_copy.generated) == docs_before
    assert list(built_copy.root.glob(".build-tmp-*")) == []


def test_a_failing_mkdocs_run_leaves_the_previous_site(
    built_copy: Project, snapshot: Snapshot
) -> None:
    site_before = snapshot(built_copy.site)
    home = built_copy.docs / "index.md"
    home.write_text(
        home.read_text(encoding="utf-8") + "\n[kapot](bestaat-niet.md)\n", encoding="utf-8"
    )

    with pytest.raises(SiteBuildError):
        build(built_copy)  # strict: the broken link is a warning, so MkDocs aborts

    assert snapshot(built_copy.site) == site_before
    assert list(built_copy.root.glob(".build-tmp-*")) == []


# --- new input needs no code change --------------------------------------------------------

NEW_STEM = "005_koersk_test"
NEW_ARTICLE = (
    " date 2024-11 Oekraïne heeft gisteren acht ATACMS-raketten afgevuurd op een militair "
    "vliegveld in de regio Koersk. Dat meldt de Oekraïense generale staf.\n"
    "\n"
    "Volgens Moskou zijn alle raketten onderschept.\n"
)
NEW_METADATA = f"""
{NEW_STEM}:
  outlet: Testkrant
  published: "2024-11"
  title: "Oekraïne vuurt ATACMS af op Koersk"
  url: null
  basis:
    outlet: "Verzonnen medium voor deze test."
    published: "Datumregel ' date 2024-11' in het bestand."
    title: "Verzonnen kop voor deze test."
"""


def _assert_new_article_everywhere(project: Project, report: BuildReport) -> None:
    chronology = json.loads((project.site / "data" / "chronology.json").read_text("utf-8"))
    (record,) = [a for a in chronology["articles"] if a["stem"] == NEW_STEM]
    assert record["published"] == "2024-11"
    assert any(s["article"] == NEW_STEM for e in chronology["events"] for s in e["sources"])

    source_page = project.site / "dossier" / "bronnen" / NEW_STEM / "index.html"
    new_event = next(
        e for e in chronology["events"] if any(s["article"] == NEW_STEM for s in e["sources"])
    )
    chronology_page = new_event["url"].split("#")[0] + "index.html"
    for rel in ("dossier/bronnen/index.html", "dossier/wapens/atacms/index.html", chronology_page):
        page = project.site / rel
        targets = {
            follow(page, a["href"])[0] for tag, a in parse(page).tags if tag == "a" and "href" in a
        }
        assert source_page in targets, rel

    # "gisteren" in an article dated only by month: no single day is made up for it.
    yesterday = "Oekraïne heeft gisteren acht ATACMS-raketten afgevuurd"
    (told,) = [
        e
        for e in report.result.article_events[NEW_STEM]
        if any(s.quote.startswith(yesterday) for s in e.sources)
    ]
    assert told.date.start < told.date.end
    assert date(2024, 10, 31) <= told.date.start and told.date.end <= date(2024, 11, 30)


def test_a_new_article_with_its_metadata_appears_on_every_page(fresh_project: Project) -> None:
    (fresh_project.seeds / f"{NEW_STEM}.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    metadata = fresh_project.seeds / "metadata.yml"
    metadata.write_text(metadata.read_text(encoding="utf-8") + NEW_METADATA, encoding="utf-8")

    report = build(fresh_project)

    _assert_new_article_everywhere(fresh_project, report)


def test_a_new_article_dropped_in_without_metadata_appears_on_every_page(
    fresh_project: Project,
) -> None:
    new_file = fresh_project.seeds / f"{NEW_STEM}.txt"
    new_file.write_text(NEW_ARTICLE, encoding="utf-8")

    report = build(fresh_project)

    assert any(
        Path(p.path) == new_file and p.severity is Severity.WARNING for p in report.result.warnings
    )
    _assert_new_article_everywhere(fresh_project, report)


UNDATED_STEM = "zonder_datum"
RELATIVE_ONLY = (
    "Oekraïne heeft gisteren ATACMS-raketten afgevuurd op een militair doel in de regio Koersk.",
    "Vorige week werd de Britse Storm Shadow ingezet tegen Brjansk.",
)
DATED = "Op 19 november 2024 vuurde Oekraïne ATACMS-raketten af op een wapenopslag in Karatsjov."


def test_an_article_without_metadata_or_date_builds_and_invents_no_dates(
    fresh_project: Project,
) -> None:
    undated = fresh_project.seeds / f"{UNDATED_STEM}.txt"
    undated.write_text(f"{RELATIVE_ONLY[0]}\n\n{DATED}\n\n{RELATIVE_ONLY[1]}\n", encoding="utf-8")

    report = build(fresh_project)

    assert any(
        Path(p.path) == undated and p.severity is Severity.WARNING for p in report.result.warnings
    )
    own = report.result.article_events[UNDATED_STEM]
    assert [e for e in own if {s.quote for s in e.sources} <= set(RELATIVE_ONLY)] == []
    (dated,) = [e for e in own if any(s.quote == DATED for s in e.sources)]
    assert dated.date.edtf == "2024-11-19"

    chronology = json.loads((fresh_project.site / "data" / "chronology.json").read_text("utf-8"))
    (record,) = [a for a in chronology["articles"] if a["stem"] == UNDATED_STEM]
    assert record["published"] is None
    quoted = {s["quote"] for e in chronology["events"] for s in e["sources"]}
    assert quoted.isdisjoint(RELATIVE_ONLY)
    source_page = fresh_project.site / "dossier" / "bronnen" / UNDATED_STEM / "index.html"
    assert "datum onbekend" in source_page.read_text(encoding="utf-8")


def test_an_outlet_with_a_comma_does_not_leak_into_the_publication_date(
    fixture_project: Project,
) -> None:
    fresh_project = fixture_project
    stem = "000_fe8d94a0878b44c6"
    metadata = fresh_project.seeds / "metadata.yml"
    text = metadata.read_text(encoding="utf-8")
    metadata.write_text(
        text.replace("  outlet: NOS", '  outlet: "NRC, editie Rotterdam"', 1), encoding="utf-8"
    )

    build(fresh_project)

    source_page = (fresh_project.site / "dossier" / "bronnen" / stem / "index.html").read_text(
        encoding="utf-8"
    )
    published = re.search(r"<dt>Gepubliceerd</dt>\s*<dd>([^<]*)", source_page)
    assert published and published[1].strip() == "mei 2024"
    index = (fresh_project.site / "dossier" / "bronnen" / "index.html").read_text(encoding="utf-8")
    (row,) = [r for r in re.findall(r"<tr>.*?</tr>", index, re.DOTALL) if f"{stem}/" in r]
    assert "<td>NRC, editie Rotterdam</td>" in row
    assert "<td>mei 2024</td>" in row


# --- editors' corrections on the page ---------------------------------------------------


def test_a_correction_shows_its_reason_the_old_value_and_a_corrigeer_link(
    fresh_project: Project,
) -> None:
    from generator.pipeline import Inputs, run

    event = run(Inputs(fresh_project.seeds, fresh_project.data)).corpus.events[0]
    other = "planned" if event.certainty.value != "planned" else "reported"
    quote = " ".join(event.sources[0].quote.split()[:6]).replace('"', '\\"')
    (fresh_project.data / "corrections.yml").write_text(
        f'events:\n  - id: {event.id}\n    quote: "{quote}"\n'
        f'    set: {{certainty: {other}}}\n    reason: "Door de redactie nagekeken."\n',
        encoding="utf-8",
    )

    build(fresh_project)

    (record,) = [
        e
        for e in json.loads((fresh_project.site / "data" / "chronology.json").read_text("utf-8"))[
            "events"
        ]
        if e["id"] == event.id
    ]
    assert record["certainty"] == other
    assert record["changes"] == [{"field": "certainty", "old": event.certainty.value, "new": other}]
    page_path = record["url"].split("#")[0] + "index.html"  # the event's chronology page
    page = (fresh_project.site / page_path).read_text("utf-8")
    entry = page[page.index(f'id="{event.id}"') :]
    entry = entry[: entry.index('class="gebeurtenis-bron"') + 3000]
    assert "Door de redactie nagekeken." in entry
    assert "zekerheid was" in entry
    link = re.search(r'<a class="corrigeer" href="([^"]+)"', entry)
    assert link and link[1].startswith("https://github.com/") and event.id in link[1]


def _entry_html(project: Project, record: dict[str, Any]) -> str:
    """The chronology entry of an open-data record, from the page its url names."""
    page = (project.site / (record["url"].split("#")[0] + "index.html")).read_text("utf-8")
    entry = page[page.index(f'id="{record["id"]}"') :]
    return entry[: entry.index('class="gebeurtenis-bron"') + 3000]


def _quote_start(event: Any) -> str:
    return " ".join(event.sources[0].quote.split()[:6]).replace('"', '\\"')


def test_merge_and_split_reach_the_page_and_the_open_data(fixture_project: Project) -> None:
    from generator.pipeline import Inputs, run

    found = run(Inputs(fixture_project.seeds, fixture_project.data)).corpus.events
    first = next(e for e in found if len(e.sources) == 1)
    second = next(
        e for e in found if len(e.sources) == 1 and e.sources[0].article != first.sources[0].article
    )
    merge = (
        f'events:\n  - merge:\n      - {{id: {first.id}, quote: "{_quote_start(first)}"}}\n'
        f'      - {{id: {second.id}, quote: "{_quote_start(second)}"}}\n'
        '    reason: "Hetzelfde besluit, door twee artikelen verteld."\n'
    )
    corrections = fixture_project.data / "corrections.yml"
    corrections.write_text(merge, encoding="utf-8")

    build(fixture_project)

    chronology = json.loads((fixture_project.site / "data" / "chronology.json").read_text("utf-8"))
    records = {e["id"]: e for e in chronology["events"]}
    assert second.id not in records
    merged = records[first.id]
    assert {s["quote"] for s in merged["sources"]} == {
        first.sources[0].quote,
        second.sources[0].quote,
    }
    assert merged["changes"] == [{"field": "merge", "old": [second.id], "new": first.id}]
    csv_text = (fixture_project.site / "data" / "chronology.csv").read_text("utf-8")
    assert second.id not in csv_text and first.id in csv_text
    entry = _entry_html(fixture_project, merged)
    assert "Hetzelfde besluit, door twee artikelen verteld." in entry
    assert "was 2 aparte gebeurtenissen" in entry  # the old state beside the new one
    assert f"/bronnen/{second.sources[0].article}/" in entry  # both sources are linked
    assert f'id="{second.id}"' in entry  # an old link to the merged-away event lands here

    corrections.write_text(
        merge + f'  - id: {first.id}\n    quote: "{_quote_start(first)}"\n'
        f'    split: ["{_quote_start(second)}"]\n    reason: "Toch twee besluiten."\n',
        encoding="utf-8",
    )

    build(fixture_project)

    chronology = json.loads((fixture_project.site / "data" / "chronology.json").read_text("utf-8"))
    records = {e["id"]: e for e in chronology["events"]}
    whole = records[first.id]
    assert [s["quote"] for s in whole["sources"]] == [first.sources[0].quote]
    (apart,) = [
        e
        for e in chronology["events"]
        if [s["quote"] for s in e["sources"]] == [second.sources[0].quote]
    ]
    assert apart["id"] not in (first.id, second.id)
    assert apart["changes"] == [{"field": "split_from", "old": first.id, "new": first.id}]
    assert "Toch twee besluiten." in _entry_html(fixture_project, apart)
    assert "afgesplitst van" in _entry_html(fixture_project, apart)
    assert "afgesplitst" in _entry_html(fixture_project, whole)
