"""Typed records passed between the pipeline's stages.

sources -> sentences -> mentions -> events/facts -> pages; each stage takes the
records of the previous one and returns its own, never reaching back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property


@dataclass(frozen=True)
class DateValue:
    """A date with its true precision: an EDTF string and its inclusive bounds."""

    edtf: str
    start: date
    end: date
    label: str
    estimate: bool = False


class BlockKind(StrEnum):
    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"
    BYLINE = "byline"
    BOILERPLATE = "boilerplate"


@dataclass(frozen=True)
class Sentence:
    article: str
    paragraph: int
    index: int
    start: int  # character offsets into Article.text
    end: int
    text: str
    kind: BlockKind = BlockKind.BODY

    @property
    def anchor(self) -> str:
        return f"p{self.paragraph}-s{self.index}"


@dataclass(frozen=True)
class Paragraph:
    number: int
    kind: BlockKind
    start: int
    end: int
    text: str
    sentences: tuple[Sentence, ...]
    credit: str | None = None  # photo agency of a caption

    @property
    def anchor(self) -> str:
        return f"p{self.number}"


@dataclass(frozen=True)
class ArticleMeta:
    outlet: str | None
    published: DateValue | None
    title: str | None
    url: str | None
    basis: dict[str, str] = field(default_factory=dict)
    licence: str | None = None  # as the outlet states it, e.g. "CC BY 4.0"
    # The licence lets this site show the whole text; otherwise only the cited sentences.
    full_text: bool = False


@dataclass(frozen=True)
class Article:
    stem: str
    path: str
    text: str  # the article text with the ` date EDTF` header stripped
    meta: ArticleMeta
    paragraphs: tuple[Paragraph, ...]
    header_date: str | None = None
    line_offset: int = 0  # characters stripped before `text` in the file

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        # Kept once made: asked for per event and per source, it was quadratic in size.
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @cached_property
    def _positions(self) -> dict[tuple[int, int], int]:
        return {(s.paragraph, s.index): i for i, s in enumerate(self.sentences)}

    def position_of(self, paragraph: int, index: int) -> int | None:
        """Where sentence (paragraph, index) stands in `sentences`, or None."""
        return self._positions.get((paragraph, index))

    def sentence_at(self, paragraph: int, index: int) -> Sentence | None:
        position = self.position_of(paragraph, index)
        return None if position is None else self.sentences[position]

    @property
    def title(self) -> str:
        if self.meta.title:
            return self.meta.title
        for p in self.paragraphs:
            if p.kind in (BlockKind.HEADING, BlockKind.BODY):
                return cut_between_words(p.text, 90)
        return self.stem


def cut_between_words(words: str, limit: int) -> str:
    """At most about `limit` characters, cut between words with an ellipsis, never in one."""
    words = " ".join(words.split())
    if len(words) <= limit:
        return words
    cut = words[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,.:;")
    return f"{cut} …" if cut else words.split(" ", 1)[0]


class EntityKind(StrEnum):
    WEAPON = "weapon"
    PLACE = "place"
    ACTOR = "actor"
    MEDIUM = "medium"  # news outlets and agencies: they report, they are no party


@dataclass(frozen=True)
class Entity:
    id: str
    kind: EntityKind
    name: str  # Dutch display name
    aliases: tuple[str, ...]
    description: str = ""
    coordinates: tuple[float, float] | None = None  # (lat, lon)
    country: str | None = None
    source: str | None = None  # where the editors took coordinates or specs from


@dataclass(frozen=True)
class Mention:
    entity: str
    kind: EntityKind
    start: int  # offsets into the sentence text
    end: int
    surface: str


@dataclass(frozen=True)
class TimeExpression:
    start: int  # offsets into the sentence text
    end: int
    text: str
    date: DateValue | None  # None when it cannot be resolved honestly
    relation: str = "at"  # at | since | until | after | before


@dataclass(frozen=True)
class SourceRef:
    article: str
    paragraph: int
    sentence: int
    quote: str
    # How this source itself tells it (an event merged from several keeps each telling).
    certainty: str | None = None
    attributed_to: tuple[str, ...] = ()
    date: str | None = None  # EDTF

    @property
    def anchor(self) -> str:
        return f"p{self.paragraph}-s{self.sentence}"


@dataclass(frozen=True)
class Change:
    """A value an editor's correction replaced: the page shows the old beside the new."""

    field: str
    old: str | list[str]
    new: str | list[str]


class Certainty(StrEnum):
    CONFIRMED = "confirmed"
    REPORTED = "reported"
    CLAIMED = "claimed"
    PLANNED = "planned"


@dataclass
class Event:
    id: str
    date: DateValue
    summary: str
    weapons: list[str]
    places: list[str]
    actors: list[str]
    certainty: Certainty
    attributed_to: list[str]
    sources: list[SourceRef]
    clause: str = ""  # the part of the sentence the event stands on
    corrections: list[str] = field(default_factory=list)  # editors' reasons, shown on the site
    headline: str = ""  # plain Dutch, from the sentence (generator.story.headline) or an editor
    changes: list[Change] = field(default_factory=list)  # what those corrections replaced


@dataclass
class Fact:
    id: str
    about: str
    what: str
    value: float | None
    unit: str | None
    qualifier: str | None  # hedge as written: "zo'n", "ruim", "minstens"
    attributed_to: list[str]
    sources: list[SourceRef]
    number_text: str | None = None


@dataclass
class Corpus:
    """Everything extracted from a set of articles, ready to render."""

    articles: list[Article]
    entities: dict[str, Entity]
    events: list[Event]
    facts: list[Fact]
    mentions: dict[tuple[str, int, int], list[Mention]]  # (article, paragraph, sentence)
