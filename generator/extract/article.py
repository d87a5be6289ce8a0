"""Everything extracted from one article on its own, computed once per content.

An article's events (merged within it), facts and mentions depend only on the article, its
metadata, the gazetteer, the time anchors and the code; with a cache Store they are kept
under a hash of all of those, so a rebuild re-extracts only the articles that changed.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator import records
from generator.cache import Store, code_version, digest
from generator.extract.events import extract_events
from generator.extract.facts import extract_facts
from generator.extract.mentions import MentionFinder
from generator.extract.merge import merge_events
from generator.extract.speakers import sentence_attributions
from generator.extract.weapons import narrowest
from generator.model import Article, DateValue, Event, Fact, Mention

FORMAT = 1  # of the stored records below; a change makes every old entry a miss
# The code an article's results depend on: what this module imports, transitively.
CODE = (
    "__init__.py",
    "cache.py",
    "dates.py",
    "dutch",
    "errors.py",
    "extract",
    "gazetteer.py",
    "ids.py",
    "inputfiles.py",
    "model.py",
    "records.py",
    "validate.py",
    "yamlfile.py",
)


@dataclass(frozen=True)
class ArticleExtraction:
    events: list[Event]  # merged within the article, in text order
    facts: list[Fact]
    mentions: dict[tuple[int, int], list[Mention]]  # by (paragraph, sentence)


@dataclass(frozen=True)
class Extractor:
    """What extraction needs besides the article, and the hash of it for the cache."""

    finder: MentionFinder
    anchors: Mapping[str, DateValue]
    broader: Mapping[str, frozenset[str]]
    parents: Mapping[str, tuple[str, ...]]
    inputs: str  # digest of the gazetteer and time anchors the above were read from
    store: Store | None = None

    def __call__(self, article: Article) -> ArticleExtraction:
        if self.store is None:
            return self.extract(article)
        key = digest(code_version(*CODE), str(FORMAT), self.inputs, fingerprint(article))
        stored = self.store.get(key)
        if stored is not None:
            try:
                return decode(stored)
            except records.RecordError:
                pass  # an entry of another shape: extract anew and replace it
        result = self.extract(article)
        self.store.put(key, encode(result))
        return result

    def extract(self, article: Article) -> ArticleExtraction:
        told = extract_events(article, self.finder, self.anchors, self.broader, self.parents)
        facts = extract_facts(article, self.finder, sentence_attributions(article, self.finder))
        on = article.meta.published.start if article.meta.published else None
        mentions = {(s.paragraph, s.index): self.finder.find(s.text, on) for s in article.sentences}
        merged = merge_events(told, self.broader)
        for event in merged:  # after merging: merging keys on the weapons as they were told
            event.weapons = narrowest(event.weapons, self.broader)
        return ArticleExtraction(merged, facts, mentions)


def fingerprint(article: Article) -> str:
    """The article as extraction reads it: its text and the metadata that dates it."""
    meta = article.meta
    published = meta.published
    return json.dumps(
        [
            article.stem,
            article.text,
            article.header_date,
            [published.edtf, published.estimate] if published else None,
            [meta.outlet, meta.title, meta.url, sorted(meta.basis.items())],
        ],
        ensure_ascii=False,
    )


def encode(result: ArticleExtraction) -> dict[str, Any]:
    return {
        "events": records.dump(result.events),
        "facts": records.dump(result.facts),
        "mentions": [[p, s, records.dump(ms)] for (p, s), ms in result.mentions.items()],
    }


def decode(raw: dict[str, Any]) -> ArticleExtraction:
    """The stored result; RecordError when it is not one."""
    try:
        mentions = {(p, s): records.load(list[Mention], ms) for p, s, ms in raw["mentions"]}
        return ArticleExtraction(
            records.load(list[Event], raw["events"]),
            records.load(list[Fact], raw["facts"]),
            mentions,
        )
    except (KeyError, TypeError, ValueError) as exc:  # RecordError is a ValueError
        raise records.RecordError(str(exc)) from exc
