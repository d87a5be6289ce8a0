"""The site built from hostile input (tests/hostile.py): every payload in articles, metadata,
corrections and gazetteer is shown as text, and no page carries a script, an event handler
or a link that is not http(s) or a site path."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest

from generator.errors import InputError
from generator.site import Project, build
from tests.hostile import (
    ALL,
    HOSTILE_ARTICLE,
    HOSTILE_META_ARTICLE,
    HOSTILE_URL,
    OPENING,
    PAYLOADS,
    WEAPON_ID,
)

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

# Scripts a page may load: Material's bundle, its search worker and our own files.
OWN_SCRIPTS = ("assets/javascripts/", "javascripts/", "assets/leaflet/leaflet.js")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}


class Page(HTMLParser):
    """Elements, attributes and the visible text of a built page."""

    def __init__(self, path: Path) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.scripts: list[dict[str, str]] = []
        self.inline_scripts: list[str] = []
        self.title = ""
        self.text: list[str] = []
        self._open: list[str] = []
        self.feed(path.read_text(encoding="utf-8"))
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag == "script":
            self.scripts.append({name: value or "" for name, value in attrs})
        self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        where = self._open[-1] if self._open else ""
        if where == "title":
            self.title += data
        elif where == "script":
            script = self.scripts[-1] if self.scripts else {}
            data_block = script.get("type") in ("application/json", "application/ld+json")
            if data.strip() and "src" not in script and not data_block:
                self.inline_scripts.append(data)
        elif where != "style":
            self.text.append(data)

    @property
    def words(self) -> str:
        return " ".join("".join(self.text).split())


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_hostile_input_builds(hostile_site: BuiltSite) -> None:
    assert (hostile_site.site / "dossier" / "bronnen" / HOSTILE_ARTICLE / "index.html").is_file()
    assert (hostile_site.site / "dossier" / "wapens" / WEAPON_ID / "index.html").is_file()


def test_no_page_has_an_event_handler_or_a_link_other_than_http_or_a_site_path(
    hostile_site: BuiltSite,
) -> None:
    bad = []
    for path in pages(hostile_site.site):
        for tag, name, value in Page(path).attributes:
            scheme = urlsplit(value.strip()).scheme.lower()
            if name.startswith("on") or (
                name in URL_ATTRIBUTES and scheme not in ("", "http", "https")
            ):
                bad.append(f"{path.relative_to(hostile_site.site)}: <{tag} {name}={value!r}>")
    assert not bad


def test_no_page_runs_a_script_but_the_sites_own_files(hostile_site: BuiltSite) -> None:
    site = hostile_site.site
    for path in pages(site):
        if path.name == "map.html":
            continue  # the map's inline Leaflet set-up is checked below
        page = Page(path)
        base = path.parent
        for script in page.scripts:
            if script.get("type") in ("application/json", "application/ld+json"):
                continue  # Material's configuration and schema.org data: never run
            src = script["src"]
            if src.startswith("/"):  # 404.html links from the root of site_url's path
                target = src.split("/", 2)[2]
            else:
                target = (base / src).resolve().relative_to(site.resolve()).as_posix()
            assert target.startswith(OWN_SCRIPTS), f"{path}: {script}"
        assert not page.inline_scripts, path


def test_every_payload_in_the_article_reads_as_written_on_its_source_page(
    hostile_site: BuiltSite,
) -> None:
    page = Page(hostile_site.site / "dossier" / "bronnen" / HOSTILE_ARTICLE / "index.html")
    for payload in PAYLOADS.values():
        assert payload in page.words
    assert page.title.startswith(OPENING)  # the title from the opening words, as text


def test_the_metadata_title_url_outlet_and_basis_read_as_written(
    hostile_site: BuiltSite,
) -> None:
    meta = hostile_site.data("chronology.json")
    page = Page(hostile_site.site / "dossier" / "bronnen" / HOSTILE_META_ARTICLE / "index.html")
    title = PAYLOADS["breakout"] + " " + PAYLOADS["script"] + " " + PAYLOADS["quote"]
    assert page.title.startswith(title)
    assert title in page.words and ALL in page.words
    assert PAYLOADS["img"] + " " + PAYLOADS["md-link"] in page.words  # the outlet
    links = [value for tag, name, value in page.attributes if tag == "a" and name == "href"]
    assert HOSTILE_URL in [unquote(link) for link in links]
    assert any(a["stem"] == HOSTILE_META_ARTICLE for a in meta["articles"])


def test_a_title_cannot_break_out_of_its_link_in_the_bronnen_table(
    hostile_site: BuiltSite,
) -> None:
    page = Page(hostile_site.site / "dossier" / "bronnen" / "index.html")
    links = [value for tag, name, value in page.attributes if tag == "a" and name == "href"]
    assert f"{HOSTILE_META_ARTICLE}/" in links
    assert not [link for link in links if "javascript" in link]
    assert PAYLOADS["breakout"] in page.words


def test_a_correction_and_gazetteer_entries_read_as_written(hostile_site: BuiltSite) -> None:
    urls = {e["url"].split("#")[0] for e in hostile_site.data("chronology.json")["events"]}
    chronology = " ".join(Page(hostile_site.site / url / "index.html").words for url in urls)
    assert chronology.count(ALL) >= 3  # summary, attribution, reason (on the event's page)
    weapon = Page(hostile_site.site / "dossier" / "wapens" / WEAPON_ID / "index.html")
    name = PAYLOADS["img"] + " " + PAYLOADS["breakout"]
    assert weapon.title.startswith(name)
    assert name in weapon.words and ALL in weapon.words  # description, specs, sources
    kaart = Page(hostile_site.site / "dossier" / "kaart" / "index.html")
    assert PAYLOADS["img"] + " " + PAYLOADS["script"] in kaart.words  # the place's name


def test_no_control_character_reaches_a_page(hostile_site: BuiltSite) -> None:
    for path in pages(hostile_site.site):
        text = path.read_text(encoding="utf-8")
        assert not [c for c in text if ord(c) < 32 and c not in "\t\n\r"], path
    page = Page(hostile_site.site / "dossier" / "bronnen" / HOSTILE_ARTICLE / "index.html")
    assert "Een NUL en een escape[31m in de tekst." in page.words


def test_the_search_index_holds_titles_as_escaped_html(hostile_site: BuiltSite) -> None:
    index = json.loads((hostile_site.site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            assert "<img" not in doc[field] and "<script" not in doc[field], doc["location"]


def test_the_map_carries_names_only_inside_json_strings(hostile_site: BuiltSite) -> None:
    html = (hostile_site.site / "dossier" / "kaart" / "map.html").read_text("utf-8")
    assert "<img" not in html and "</title><script>alert" not in html
    assert 'href="javascript' not in html and 'href=\\"javascript' not in html


def test_every_page_has_the_content_security_policy(hostile_site: BuiltSite) -> None:
    for path in pages(hostile_site.site):
        if path.name == "map.html":
            continue
        policy = [
            value
            for tag, name, value in Page(path).attributes
            if tag == "meta" and name == "content" and "script-src" in value
        ]
        assert policy and "script-src 'self';" in policy[0], path
        assert "unsafe-inline" not in policy[0].split("script-src", 1)[1].split(";")[0]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "nos.nl/artikel"])
def test_a_metadata_url_that_is_no_web_address_is_refused_at_its_line(
    fresh_project: Project, url: str
) -> None:
    meta = fresh_project.seeds / "metadata.yml"
    text = meta.read_text(encoding="utf-8")
    assert "  url: null\n" in text
    meta.write_text(text.replace("  url: null\n", f"  url: {json.dumps(url)}\n", 1), "utf-8")
    line = text[: text.index("  url: null\n")].count("\n") + 1
    with pytest.raises(InputError) as caught:
        build(fresh_project)
    assert [(p.path, p.line) for p in caught.value.problems] == [(str(meta), line)]
    assert "http:// of https://" in caught.value.problems[0].message
    assert not fresh_project.site.exists()


def test_a_link_or_image_in_an_article_is_text_and_does_not_fail_the_strict_build(
    fresh_project: Project,
) -> None:
    markup = "[meer](achtergrond.html) ![foto](beeld.png) <a href='x.md'>x</a>"
    (fresh_project.seeds / "950_links.txt").write_text(
        f" date 2024-05 {markup}\n\nBiden gaf Oekraïne toestemming om ATACMS in te zetten "
        f"tegen doelen in Rusland {markup}, meldt het Witte Huis.\n",
        encoding="utf-8",
    )
    build(fresh_project)
    page = Page(fresh_project.site / "dossier" / "bronnen" / "950_links" / "index.html")
    assert page.words.count(markup) >= 3  # title, opening paragraph, sentence
    targets = [v for t, n, v in page.attributes if t in ("a", "img") and n in ("href", "src")]
    assert not [v for v in targets if v.startswith(("achtergrond", "beeld", "x.md"))]
