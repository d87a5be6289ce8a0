"""The whole extraction, top to bottom: sources -> sentences -> mentions -> events/facts."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from pathlib import Path

from generator.cache import Store, digest
from generator.corrections import apply_corrections, load_corrections
from generator.dutch.timex import load_anchors
from generator.errors import Problem
from generator.extract.article import Extractor
from generator.extract.mentions import MentionFinder
from generator.extract.merge import merge_events
from generator.extract.weapons import narrowest
from generator.gazetteer import Gazetteer, load_gazetteer
from generator.model import Corpus, Entity, Event, Fact, Mention
from generator.sources import read_seeds
from generator.story import labels
from generator.story.headline import event_headline
from generator.story.permissions import Story, tell
from generator.timings import Timings


@dataclass(frozen=True)
class Inputs:
    seeds: Path
    data: Path
    # An evaluation set applies only the corrections about its own articles.
    own_corrections_only: bool = False
    cache: Path | None = None  # a folder for per-article results; None: extract everything


@dataclass(frozen=True)
class Result:
    corpus: Corpus
    gazetteer: Gazetteer
    warnings: list[Problem]
    article_events: dict[str, list[Event]]  # per article, before merging across articles
    story: Story = field(default_factory=Story)  # who allowed what, where, since when


def run(inputs: Inputs, timings: Timings | None = None) -> Result:
    """Read, extract and merge; raises InputError on bad input, before anything is written."""
    timings = timings or Timings()
    with timings.stage("read"):
        gazetteer = load_gazetteer(inputs.data / "gazetteer.yml")
        anchors = load_anchors(inputs.data / "time_anchors.yml")
        corrections_path = inputs.data / "corrections.yml"
        corrections = load_corrections(
            corrections_path, {e.id: e.kind for e in gazetteer.entries.values()}
        )
        seeds = read_seeds(inputs.seeds)
    with timings.stage("extract"):
        finder = MentionFinder(gazetteer)
        broader = gazetteer.broader_closure()
        extractor = Extractor(
            finder,
            anchors,
            broader,
            {e.id: e.broader for e in gazetteer.entries.values() if e.broader},
            inputs=_digest_files(inputs.data / "gazetteer.yml", inputs.data / "time_anchors.yml"),
            store=Store(inputs.cache / "extract") if inputs.cache else None,
        )
        article_events: dict[str, list[Event]] = {}
        facts: list[Fact] = []
        mentions: dict[tuple[str, int, int], list[Mention]] = {}
        for article in seeds.articles:
            extracted = extractor(article)
            article_events[article.stem] = extracted.events
            facts.extend(extracted.facts)
            for (paragraph, sentence), found in extracted.mentions.items():
                mentions[(article.stem, paragraph, sentence)] = found
    with timings.stage("merge"):
        # Across articles on copies: each article's own telling stays as it was, for eval.
        merged = merge_events([_copy(e) for told in article_events.values() for e in told], broader)
        labels.settle(merged)  # a merged event's label: its most cautious telling
        for event in merged:
            event.weapons = narrowest(event.weapons, broader)
    with timings.stage("corrections"):
        merged = apply_corrections(
            merged, corrections, seeds.articles, corrections_path, inputs.own_corrections_only
        )
        merged.sort(key=lambda e: (e.date.start, e.date.end, e.id))
    with timings.stage("headlines"):
        by_stem = {a.stem: a for a in seeds.articles}
        for event in merged:
            if not event.headline:  # an editor's headline (corrections.yml) stands
                event.headline = event_headline(event, by_stem, finder, gazetteer, anchors)
    with timings.stage("story"):
        story = tell(merged, by_stem, gazetteer, finder)
    corpus = Corpus(
        articles=list(seeds.articles),
        entities=_entities(gazetteer),
        events=merged,
        facts=facts,
        mentions=mentions,
    )
    return Result(corpus, gazetteer, seeds.warnings, article_events, story)


def _copy(event: Event) -> Event:
    """A copy the merge can change: its own lists; the records in them are frozen, shared.
    (copy.deepcopy did the same at a tenth of the speed.)"""
    twin = copy.copy(event)
    for f in fields(event):
        value = getattr(event, f.name)
        if isinstance(value, list):
            setattr(twin, f.name, list(value))
    return twin


def _digest_files(*paths: Path) -> str:
    return digest(*(p.read_bytes() if p.exists() else b"" for p in paths))


def _entities(gazetteer: Gazetteer) -> dict[str, Entity]:
    return {
        e.id: Entity(
            e.id,
            e.kind,
            e.name,
            e.aliases,
            e.description,
            e.coordinates,
            e.country,
            gazetteer.places_source if e.coordinates else None,
        )
        for e in gazetteer.entries.values()
    }
