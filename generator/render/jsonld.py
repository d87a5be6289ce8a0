"""schema.org JSON-LD for search engines and archives: an Event per happening, a Claim
(with its claimant) per reported or claimed one, a NewsArticle per source article.

Printed as a data block (<script type="application/ld+json">): never run, and escaped so
that no text from an article can close it ("<" and "&" as \\u escapes)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup

from generator.gazetteer import Gazetteer
from generator.model import Article, Certainty, Event
from generator.render.pages import GENERATED, SOURCES_SHOWN, Layout, split_claimants

CONTEXT = "https://schema.org"
APPEARANCES = SOURCES_SHOWN


def block(data: Mapping[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return Markup('<script type="application/ld+json">') + Markup(text) + Markup("</script>")


def events_graph(
    events: Iterable[Event],
    plan: Layout,
    site: str,
    articles: Mapping[str, Article],
    gazetteer: Gazetteer,
) -> Markup:
    graph = [_event(e, plan, site, articles, gazetteer) for e in events]
    return block({"@context": CONTEXT, "@graph": graph})


def _event(
    event: Event,
    plan: Layout,
    site: str,
    articles: Mapping[str, Article],
    gazetteer: Gazetteer,
) -> dict[str, Any]:
    url = f"{site}{GENERATED}/{plan.event_page(event)}#{event.id}"
    happening: dict[str, Any] = {
        "@type": "Event",
        "name": event.headline,
        "startDate": event.date.start.isoformat(),
        "endDate": event.date.end.isoformat(),
        "description": event.summary,
        "location": [
            {"@type": "Place", "name": gazetteer.entries[p].name}
            for p in event.places
            if p in gazetteer.entries
        ],
    }
    # Each article once, and the first few: many articles tell one happening.
    told = list(dict.fromkeys(s.article for s in event.sources))[:APPEARANCES]
    appearances = [_appearance(stem, site, articles) for stem in told]
    parties, _ = split_claimants(event.attributed_to, gazetteer)
    claimed_by = parties or event.attributed_to
    if event.certainty in (Certainty.REPORTED, Certainty.CLAIMED):
        return {
            "@type": "Claim",
            "@id": url,
            "url": url,
            "name": event.headline,
            "text": event.summary,
            # The party that claims it; a medium that only passes it on is its appearance.
            "author": [_party(name, gazetteer) for name in claimed_by]
            or appearances[0]["publisher"],
            "appearance": appearances,
            "about": happening,
        }
    return {**happening, "@id": url, "url": url, "subjectOf": appearances}


def _party(name: str, gazetteer: Gazetteer) -> dict[str, str]:
    """A Person when the gazetteer knows the name as a person, else an Organization."""
    lower = name.lower()
    person = any(
        entry.category == "persoon"
        and lower in {alias.lower() for alias in (entry.name, *entry.aliases)}
        for entry in gazetteer.entries.values()
    )
    return {"@type": "Person" if person else "Organization", "name": name}


def _appearance(stem: str, site: str, articles: Mapping[str, Article]) -> dict[str, Any]:
    article = articles.get(stem)
    outlet = article.meta.outlet if article and article.meta.outlet else "onbekend medium"
    record: dict[str, Any] = {
        "@type": "NewsArticle",
        "url": f"{site}{GENERATED}/bronnen/{stem}/",
        "publisher": {"@type": "Organization", "name": outlet},
    }
    if article is not None:
        record["headline"] = article.title
        if article.meta.published:
            record["datePublished"] = article.meta.published.start.isoformat()
    return record


def article_block(article: Article, site: str) -> Markup:
    record = _appearance(article.stem, site, {article.stem: article})
    record["@context"] = CONTEXT
    record["inLanguage"] = "nl"
    if article.meta.url:
        record["sameAs"] = article.meta.url
    return block(record)
