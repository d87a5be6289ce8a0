"""Conventions of a news site, checked in the built seed site: an Atom feed, schema.org
JSON-LD, Open Graph and Twitter tags, a print stylesheet; no English and no edit button on
a news article."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

ATOM = "{http://www.w3.org/2005/Atom}"
LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def test_the_atom_feed_is_valid_atom_with_the_latest_events(built_site: BuiltSite) -> None:
    feed = ET.parse(built_site.site / "dossier" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    events = {e["id"]: e for e in built_site.data("chronology.json")["events"]}
    ids = set()
    for entry in entries:
        entry_id = entry.findtext(f"{ATOM}id") or ""
        ids.add(entry_id)
        datetime.fromisoformat((entry.findtext(f"{ATOM}updated") or "").replace("Z", "+00:00"))
        event = events[entry_id.rsplit("#", 1)[1]]
        assert entry.findtext(f"{ATOM}title") == event["headline"]
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None and link.get("href", "").endswith(event["url"])
    assert len(ids) == len(entries)  # ids are unique


def blocks(html: str) -> list[Any]:
    return [json.loads(text) for text in LD_RE.findall(html)]


def test_chronology_pages_carry_events_and_claims_with_their_claimant(
    built_site: BuiltSite,
) -> None:
    events = built_site.data("chronology.json")["events"]
    pages = {e["url"].split("#")[0] for e in events}
    seen: dict[str, dict[str, Any]] = {}
    for page in pages:
        for block in blocks(built_site.page(page + "index.html")):
            assert block["@context"] == "https://schema.org"
            for item in block["@graph"]:
                seen[item["@id"].rsplit("#", 1)[1]] = item
    for event in events:
        item = seen[event["id"]]
        if event["certainty"] in ("reported", "claimed"):
            assert item["@type"] == "Claim"
            assert item["author"] and all(a["name"] for a in _list(item["author"]))
            assert item["appearance"] and item["about"]["@type"] == "Event"
            assert item["about"]["startDate"] == event["start"]
        else:
            assert item["@type"] == "Event"
            assert item["startDate"] == event["start"] and item["endDate"] == event["end"]
        assert item["name"] == event["headline"]


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_source_pages_are_news_articles_with_their_publisher(built_site: BuiltSite) -> None:
    for article in built_site.data("chronology.json")["articles"]:
        (block,) = blocks(built_site.page(article["url"] + "index.html"))
        assert block["@type"] == "NewsArticle" and block["headline"] == article["title"]
        assert block["publisher"]["name"] == (article["outlet"] or "onbekend medium")


def test_every_page_has_open_graph_and_twitter_tags(built_site: BuiltSite) -> None:
    for path in built_site.site.rglob("index.html"):
        html = path.read_text("utf-8")
        for tag in (
            'property="og:title"',
            'property="og:description"',
            'property="og:type"',
            'name="twitter:card"',
            'property="og:locale" content="nl_NL"',
        ):
            assert tag in html, (path, tag)


def test_print_hides_the_navigation_and_keeps_entries_whole(built_site: BuiltSite) -> None:
    css = (built_site.site / "stylesheets" / "site.css").read_text("utf-8")
    rule = css[css.index("@media print") :]
    assert ".md-header" in rule and ".md-sidebar" in rule and "break-inside: avoid" in rule


def test_no_english_and_no_edit_button_on_a_news_article(built_site: BuiltSite) -> None:
    for path in built_site.site.rglob("index.html"):
        assert "Made with" not in path.read_text("utf-8"), path
    for article in built_site.data("chronology.json")["articles"]:
        assert 'rel="edit"' not in built_site.page(article["url"] + "index.html")


def test_a_claims_author_is_the_party_not_the_medium_that_passes_it_on(
    built_site: BuiltSite,
) -> None:
    from generator.gazetteer import load_gazetteer
    from generator.render.pages import split_claimants

    gazetteer = load_gazetteer(built_site.project.data / "gazetteer.yml")
    events = built_site.data("chronology.json")["events"]
    for page in {e["url"].split("#")[0] for e in events}:
        for block in blocks(built_site.page(page + "index.html")):
            for item in block["@graph"]:
                if item["@type"] != "Claim":
                    continue
                event = next(e for e in events if item["@id"].endswith("#" + e["id"]))
                parties, media = split_claimants(event["attributed_to"], gazetteer)
                authors = {a["name"] for a in _list(item["author"])}
                if parties:  # a medium among the names is the messenger, not an author
                    assert authors == set(parties), (event["id"], media)


def test_a_person_who_claims_is_a_person(built_site: BuiltSite) -> None:
    from generator.gazetteer import load_gazetteer

    gazetteer = load_gazetteer(built_site.project.data / "gazetteer.yml")
    people = {
        alias.lower()
        for entry in gazetteer.entries.values()
        if entry.category == "persoon"
        for alias in (entry.name, *entry.aliases)
    }
    events = built_site.data("chronology.json")["events"]
    for page in {e["url"].split("#")[0] for e in events}:
        for block in blocks(built_site.page(page + "index.html")):
            for item in block["@graph"]:
                for author in _list(item.get("author", [])):
                    if author["@type"] in ("Person", "Organization"):
                        is_person = author["name"].lower() in people
                        assert (author["@type"] == "Person") == is_person, author
