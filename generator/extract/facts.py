"""Facts: counted quantities in sentences ("zo'n 300 kilometer", "31 ATACMS-raketten"),
each tied to the entity it is about and to whoever gives the figure."""

from __future__ import annotations

from collections.abc import Sequence

from generator.dutch.numbers import find_quantities
from generator.extract.mentions import MentionFinder
from generator.ids import fact_id, repeats
from generator.model import Article, BlockKind, EntityKind, Fact, Mention, SourceRef

# What a fact is about, in order of preference when several entities are near.
_PREFERENCE = (EntityKind.WEAPON, EntityKind.ACTOR, EntityKind.PLACE)
_COUNTRIES = frozenset({"russia", "ukraine", "united-states"})


def extract_facts(
    article: Article, finder: MentionFinder, attributions: dict[str, list[str]]
) -> list[Fact]:
    """Quantities with a unit or counted noun; `attributions` maps sentence anchors to names."""
    facts: list[Fact] = []
    previous: list[Mention] = []
    repeat = repeats(article.sentences)
    for sentence in article.sentences:
        if sentence.kind not in (BlockKind.BODY, BlockKind.CAPTION):
            continue
        mentions = finder.find(sentence.text)
        for q in find_quantities(sentence.text):
            if q.unit is None:
                continue
            about = _about(q.start, q.end, mentions, previous)
            if about is None:
                continue
            facts.append(
                Fact(
                    id=fact_id(
                        article.stem,
                        sentence.text,
                        repeat[(sentence.paragraph, sentence.index)],
                        q.start,
                    ),
                    about=about,
                    what=_context(sentence.text, q.start, q.end),
                    value=q.value,
                    unit=q.unit,
                    qualifier=q.qualifier,
                    attributed_to=attributions.get(sentence.anchor, []),
                    sources=[
                        SourceRef(article.stem, sentence.paragraph, sentence.index, sentence.text)
                    ],
                    number_text=q.text,
                )
            )
        if mentions:
            previous = mentions
    return facts


def _about(
    start: int, end: int, mentions: Sequence[Mention], previous: Sequence[Mention]
) -> str | None:
    """The nearest weapon, else actor, else place; a compound like "31 ATACMS-raketten" wins."""
    for kind in _PREFERENCE:
        near = [m for m in mentions if m.kind is kind and m.entity not in _COUNTRIES]
        if near:
            best = min(near, key=lambda m: min(abs(m.start - end), abs(start - m.end)))
            return best.entity
    for kind in _PREFERENCE:
        near = [m for m in previous if m.kind is kind and m.entity not in _COUNTRIES]
        if near:
            return near[-1].entity
    countries = [m for m in mentions if m.entity in _COUNTRIES]
    return countries[0].entity if countries else None


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    """The words around a number, cut at word boundaries, for a fact sheet's line."""
    lo = max(0, start - width)
    hi = min(len(text), end + width)
    snippet = text[lo:hi]
    if lo > 0:
        snippet = "…" + snippet.split(" ", 1)[-1]
    if hi < len(text):
        snippet = snippet.rsplit(" ", 1)[0] + "…"
    return snippet.strip()
