"""Source pages and rights: by default a source page quotes only the sentences the site
cites, in their paragraphs, with the outlet, the date and the original; the whole text only
where the article's metadata says its licence allows it. Every link still lands."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from generator.site import Project, build
from tests.test_site import follow, parse

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

SENTENCE_ID = re.compile(r"^p\d+-s\d+$")
SOURCE_LINK = re.compile(r"bronnen/(?P<stem>[^/#]+)/#(?P<anchor>[^#]+)$")


def html_pages(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("*.html")) if p.name != "map.html"]


DATA_LINK = re.compile(r'"dossier/bronnen/(?P<stem>[^/#"]+)/#(?P<anchor>[^#"]+)"')


def links_into_sources(site: Path) -> dict[Path, set[str]]:
    """Every #anchor that a page of the site or its open data links to, per source page."""
    found: dict[Path, set[str]] = {}
    for data in sorted((site / "data").glob("*.json")):
        for match in DATA_LINK.finditer(data.read_text(encoding="utf-8")):
            page = site / "dossier" / "bronnen" / match["stem"] / "index.html"
            found.setdefault(page, set()).add(match["anchor"])
    for page in html_pages(site):
        for tag, attributes in parse(page).tags:
            href = attributes.get("href", "")
            if tag == "a" and SOURCE_LINK.search(href) and not href.startswith("http"):
                target, anchor = follow(page, href)
                found.setdefault(target, set()).add(anchor)
    return found


def test_every_link_into_a_source_page_lands_on_an_anchor_that_exists(
    built_site: BuiltSite,
) -> None:
    linked = links_into_sources(built_site.site)
    assert linked
    missing = {
        f"{page.relative_to(built_site.site)}#{anchor}"
        for page, anchors in linked.items()
        for anchor in anchors - parse(page).ids
    }
    assert missing == set()


def test_by_default_a_source_page_shows_only_the_sentences_the_site_cites(
    built_site: BuiltSite,
) -> None:
    linked = links_into_sources(built_site.site)
    for article in built_site.report.result.corpus.articles:
        page = built_site.site / "dossier" / "bronnen" / article.stem / "index.html"
        shown = {i for i in parse(page).ids if SENTENCE_ID.match(i)}
        assert shown <= linked.get(page, set()), article.stem  # nothing uncited
        assert len(shown) < len(article.sentences), article.stem  # not the whole article
        words = page.read_text(encoding="utf-8")
        assert "Het hele artikel staat bij het medium" in words
        assert "Bestand" not in words and "seeds/" not in words  # no editor's jargon


def test_the_editors_notes_stand_in_the_fine_print(built_site: BuiltSite) -> None:
    for article in built_site.report.result.corpus.articles:
        if not article.meta.basis:
            continue
        html = (built_site.site / "dossier" / "bronnen" / article.stem / "index.html").read_text(
            encoding="utf-8"
        )
        meta, _, rest = html.partition('class="kleine-lettertjes"')
        assert rest, article.stem
        for note in article.meta.basis.values():
            shown = note.replace("'", "&#39;").replace('"', "&quot;")
            assert shown in rest or note in rest, note
            assert shown not in meta and note not in meta, note


def test_the_whole_text_appears_only_where_the_licence_allows_it(
    fresh_project: Project,
) -> None:
    metadata = fresh_project.seeds / "metadata.yml"
    text = metadata.read_text(encoding="utf-8")
    opened = "000_fe8d94a0878b44c6:\n"
    assert opened in text
    metadata.write_text(
        text.replace(opened, opened + '  licence: "CC BY 4.0"\n  full_text: true\n'),
        encoding="utf-8",
    )

    report = build(fresh_project)

    articles = {a.stem: a for a in report.result.corpus.articles}
    for stem, article in articles.items():
        page = fresh_project.site / "dossier" / "bronnen" / stem / "index.html"
        shown = {i for i in parse(page).ids if SENTENCE_ID.match(i)}
        if stem == "000_fe8d94a0878b44c6":
            assert shown == {s.anchor for s in article.sentences}
            assert "CC BY 4.0" in page.read_text(encoding="utf-8")
        else:
            assert len(shown) < len(article.sentences), stem
