"""Open data written with every build: chronology.json/.csv, facts.json, places.geojson."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from generator.gazetteer import Gazetteer
from generator.model import Article, Corpus, EntityKind, Event, Fact, SourceRef
from generator.render.pages import GENERATED, Layout
from generator.story.permissions import Step, Story

CSV_COLUMNS = (
    "id",
    "date",
    "start",
    "end",
    "label",
    "headline",
    "certainty",
    "attributed_to",
    "weapons",
    "places",
    "actors",
    "summary",
    "sources",
    "url",
)


def sentence_url(source: SourceRef) -> str:
    return f"{GENERATED}/bronnen/{source.article}/#{source.anchor}"


def event_url(event: Event, plan: Layout) -> str:
    return f"{GENERATED}/{plan.event_page(event)}#{event.id}"


def _source(source: SourceRef) -> dict[str, Any]:
    record: dict[str, Any] = {
        "article": source.article,
        "quote": source.quote,
        "paragraph": source.paragraph,
        "sentence": source.sentence,
        "url": sentence_url(source),
    }
    if source.certainty is not None:  # how this article itself tells it
        record["certainty"] = source.certainty
        record["attributed_to"] = list(source.attributed_to)
        record["date"] = source.date
    return record


def _article(article: Article) -> dict[str, Any]:
    published = article.meta.published
    return {
        "stem": article.stem,
        "title": article.title,
        "outlet": article.meta.outlet,
        "published": published.edtf if published else None,
        "published_estimate": bool(published and published.estimate),
        "original_url": article.meta.url,
        "basis": article.meta.basis,
        "licence": article.meta.licence,
        "full_text": article.meta.full_text,
        "url": f"{GENERATED}/bronnen/{article.stem}/",
    }


def event_record(event: Event, plan: Layout) -> dict[str, Any]:
    return {
        "id": event.id,
        "date": event.date.edtf,
        "start": event.date.start.isoformat(),
        "end": event.date.end.isoformat(),
        "label": event.date.label,
        "headline": event.headline,
        "summary": event.summary,
        "weapons": event.weapons,
        "places": event.places,
        "actors": event.actors,
        "certainty": event.certainty.value,
        "attributed_to": event.attributed_to,
        "sources": [_source(s) for s in event.sources],
        "url": event_url(event, plan),
        "corrections": event.corrections,
        "changes": [{"field": c.field, "old": c.old, "new": c.new} for c in event.changes],
    }


def chronology(corpus: Corpus, plan: Layout) -> dict[str, Any]:
    """Articles, and events in the chronology's order (the story's, not only the date's)."""
    return {
        "articles": [_article(a) for a in corpus.articles],
        "events": [event_record(e, plan) for e in _in_order(plan)],
    }


def _in_order(plan: Layout) -> list[Event]:
    return [e for entry in plan.entries for e in entry.events]


def _step(step: Step, plan: Layout) -> dict[str, Any]:
    event = step.event
    return {
        "scope": step.scope,
        "date": event.date.edtf,
        "start": event.date.start.isoformat(),
        "end": event.date.end.isoformat(),
        "label": event.date.label,
        "certainty": event.certainty.value,
        "attributed_to": event.attributed_to,
        "event": event.id,
        "headline": event.headline,
        "weapons": list(step.weapons),
        "limits": [
            {
                "text": limit.text,
                "weapons": list(limit.weapons),
                "keeps_banned": list(limit.keeps_banned),
                "sources": [_source(limit.source)],
            }
            for limit in step.limits
        ],
        "sources": [_source(s) for s in event.sources],
        "url": event_url(event, plan),
    }


def permissions(story: Story, gazetteer: Gazetteer, plan: Layout) -> dict[str, Any]:
    """The permission story: per supplier and weapon (or group), the ordered steps."""
    names = {e.id: e.name for e in gazetteer.entries.values()}
    return {
        "stories": [
            {
                "supplier": supplier,
                "supplier_name": names.get(supplier, supplier),
                "weapon": weapon,
                "weapon_name": names.get(weapon, weapon),
                "steps": [_step(s, plan) for s in steps],
            }
            for (supplier, weapon), steps in story.lines.items()
        ],
        "first_use": [
            {
                "weapon": weapon,
                "weapon_name": names.get(weapon, weapon),
                "event": event.id,
                "date": event.date.edtf,
                "label": event.date.label,
                "certainty": event.certainty.value,
                "attributed_to": event.attributed_to,
                "places": event.places,
                "headline": event.headline,
                "sources": [_source(s) for s in event.sources],
                "url": event_url(event, plan),
            }
            for weapon, event in sorted(story.first_use.items())
        ],
    }


def chronology_csv(corpus: Corpus, plan: Layout) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for event in _in_order(plan):
        r = event_record(event, plan)
        writer.writerow(
            [
                r["id"],
                r["date"],
                r["start"],
                r["end"],
                r["label"],
                r["headline"],
                r["certainty"],
                "; ".join(r["attributed_to"]),
                "; ".join(r["weapons"]),
                "; ".join(r["places"]),
                "; ".join(r["actors"]),
                r["summary"],
                " | ".join(s["url"] for s in r["sources"]),
                r["url"],
            ]
        )
    return buffer.getvalue()


def _fact(fact: Fact) -> dict[str, Any]:
    return {
        "id": fact.id,
        "what": fact.what,
        "value": fact.value,
        "unit": fact.unit,
        "qualifier": fact.qualifier,
        "number_text": fact.number_text,
        "attributed_to": fact.attributed_to,
        "sources": [_source(s) for s in fact.sources],
    }


def facts(corpus: Corpus, gazetteer: Gazetteer) -> dict[str, Any]:
    entities: dict[str, Any] = {}
    by_entity: dict[str, list[Fact]] = {}
    for fact in corpus.facts:
        by_entity.setdefault(fact.about, []).append(fact)
    for entry in gazetteer.entries.values():
        found = by_entity.get(entry.id, [])
        if not found and not entry.specs:
            continue
        entities[entry.id] = {
            "name": entry.name,
            "kind": entry.kind.value,
            "description": entry.description,
            "description_source": entry.source,
            "editors": [
                {
                    "what": s.what,
                    "value": s.value,
                    "unit": s.unit,
                    "qualifier": s.qualifier,
                    "text": s.text,
                    "source": s.source,
                }
                for s in entry.specs
            ],
            "facts": [_fact(f) for f in found],
        }
    return {"entities": entities}


def places_geojson(
    corpus: Corpus, gazetteer: Gazetteer, areas: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """Every place with coordinates, then the map's areas (reach bands, permission steps)."""
    mentions = Counter(
        m.entity for ms in corpus.mentions.values() for m in ms if m.kind is EntityKind.PLACE
    )
    # Each place's events in one pass, not a pass over all events per place.
    events_at: dict[str, list[str]] = {}
    for event in corpus.events:
        for place in dict.fromkeys(event.places):
            events_at.setdefault(place, []).append(event.id)
    features: list[dict[str, Any]] = []
    for entry in sorted(gazetteer.of_kind(EntityKind.PLACE), key=lambda e: e.id):
        if entry.coordinates is None:
            continue
        lat, lon = entry.coordinates
        features.append(
            {
                "type": "Feature",
                "id": entry.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "id": entry.id,
                    "name": entry.name,
                    "kind": entry.category,
                    "country": entry.country,
                    "mentions": mentions.get(entry.id, 0),
                    "events": events_at.get(entry.id, []),
                    "source": gazetteer.places_source,
                },
            }
        )
    features.extend(areas)
    return {"type": "FeatureCollection", "features": features}


def dumps(data: Any) -> str:
    """Stable JSON: sorted keys would scramble records, so key order is the code's order."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
