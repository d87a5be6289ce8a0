"""An Atom feed (RFC 4287) of the chronology: the latest entries first, each with its
headline, date label, certainty and quote, linking to its place on the site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, time

from generator.model import Corpus, Event
from generator.render.pages import CERTAINTY_LABELS, GENERATED, Layout

ATOM = "http://www.w3.org/2005/Atom"
ENTRIES = 50  # the latest; the open data has all of them


def _stamp(day: date) -> str:
    return datetime.combine(day, time(12), tzinfo=UTC).isoformat().replace("+00:00", "Z")


def atom(corpus: Corpus, plan: Layout, site: str, updated: date) -> str:
    """The feed as UTF-8 XML text; `site` is the site's address with a trailing slash."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"xml:lang": "nl"})
    _text(feed, "id", f"{site}{GENERATED}/feed.xml")
    _text(feed, "title", "Westerse wapens, Russische doelen: chronologie")
    _text(feed, "subtitle", "Elke gebeurtenis met haar bron, datum en zekerheid.")
    _text(feed, "updated", _stamp(updated))
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": f"{site}{GENERATED}/feed.xml"})
    ET.SubElement(
        feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": f"{site}{GENERATED}/chronologie/"}
    )
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", "Redactie Westerse wapens, Russische doelen")
    latest = sorted(plan.entries, key=lambda e: (e.main.date.end, e.main.id), reverse=True)
    for entry in latest[:ENTRIES]:
        _entry(feed, entry.main, plan, site)
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _entry(feed: ET.Element, event: Event, plan: Layout, site: str) -> None:
    item = ET.SubElement(feed, f"{{{ATOM}}}entry")
    url = f"{site}{GENERATED}/{plan.event_page(event)}#{event.id}"
    _text(item, "id", url)
    _text(item, "title", event.headline)
    _text(item, "updated", _stamp(event.date.end))
    ET.SubElement(item, f"{{{ATOM}}}link", {"rel": "alternate", "href": url})
    label = CERTAINTY_LABELS[event.certainty.value]
    said = f", volgens {', '.join(event.attributed_to)}" if event.attributed_to else ""
    _text(item, "summary", f"{event.date.label} ({label}{said}): “{event.summary}”")


def _text(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}{tag}").text = value
