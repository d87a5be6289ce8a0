"""Which weapon a sentence means when it names a category or points back ("die
langeafstandsraketten", "er ... mee", "de langeafstandsraket Storm Shadow")."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from generator.extract.mentions import MentionFinder, entity_ids
from generator.model import EntityKind, Mention, Sentence


def single_named_weapons(
    sentences: Sequence[Sentence], finder: MentionFinder, parents: Mapping[str, tuple[str, ...]]
) -> dict[str, str]:
    """Categories with a single named weapon in this article: there, the category
    ("langeafstandsraketten") can only mean that weapon. {category: weapon}"""
    named = {
        m.entity
        for s in sentences
        for m in finder.find(s.text)
        if m.kind is EntityKind.WEAPON and parents.get(m.entity)
    }
    by_category: dict[str, list[str]] = {}
    for weapon in sorted(named):
        by_category.setdefault(parents[weapon][0], []).append(weapon)
    return {category: ws[0] for category, ws in by_category.items() if len(ws) == 1}


# "er ... mee", "de eerste systemen", "die toestellen": weapons named just before.
WEAPON_ANAPHOR_RE = re.compile(
    r"\b(?:ermee|daarmee|er\b[^.;]{0,60}\bmee|(?:de\s+eerste|die|deze|dezelfde)\s+"
    r"(?:exemplaren|systemen|toestellen|raketten|wapens|kruisraketten)|"
    r"(?:de|het|die|deze)\s+(?:nieuwe|experimentele)\s+(?:raket|wapen|systeem|raketten|wapens))\b",
    re.IGNORECASE,
)


_ANAPHOR_RE = re.compile(r"\b(?:die|deze|dergelijke|dezelfde)\s+$", re.IGNORECASE)


def resolve_weapons(
    text: str,
    mentions: list[Mention],
    recent: Sequence[str],
    broader: Mapping[str, frozenset[str]],
    single: Mapping[str, str] | None = None,
) -> list[Mention]:
    """'die langeafstandsraketten' are the ATACMS named just before; 'de langeafstandsraket
    Storm Shadow' is Storm Shadow. A category gives way to the weapon it stands for."""
    result: list[Mention] = []
    for index, m in enumerate(mentions):
        if m.kind is EntityKind.WEAPON:
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if (
                following is not None
                and following.kind is EntityKind.WEAPON
                and m.entity in broader.get(following.entity, frozenset())
                and not text[m.end : following.start].strip(" ,")
            ):
                continue  # apposition: the category names the weapon that follows
            narrower = [w for w in recent if m.entity in broader.get(w, frozenset())]
            if narrower and _ANAPHOR_RE.search(text[: m.start]):
                result.append(Mention(narrower[0], m.kind, m.start, m.end, m.surface))
                continue
            named_here = any(o.entity == (single or {}).get(m.entity) for o in mentions)
            if single and m.entity in single and not named_here:
                result.append(Mention(single[m.entity], m.kind, m.start, m.end, m.surface))
                continue
        result.append(m)
    return result


def inherited_weapons(
    inherited: list[Mention],
    recent: Sequence[str],
    broader: Mapping[str, frozenset[str]],
    single: Mapping[str, str],
) -> list[str]:
    return entity_ids(resolve_weapons("", inherited, recent, broader, single), EntityKind.WEAPON)


# "zijn nieuwste raket", "een nieuw wapen", "de Russische raket": one weapon, not named here.
GENERIC_WEAPON_RE = re.compile(
    r"\b(?:de|het|een|zijn|haar|hun|deze|die|dat)\s+(?:\w+\s+){0,2}(?:raket|wapen)\b",
    re.IGNORECASE,
)


def only_weapon(
    sentences: Sequence[Sentence], finder: MentionFinder, groups: set[str]
) -> str | None:
    """The one specific weapon an article names, if it names exactly one: there "de raket"
    and "een nieuw wapen" can only be it."""
    named = {
        m.entity
        for s in sentences
        for m in finder.find(s.text)
        if m.kind is EntityKind.WEAPON and m.entity not in groups
    }
    return next(iter(named)) if len(named) == 1 else None


def narrowest(weapons: Sequence[str], broader: Mapping[str, frozenset[str]]) -> list[str]:
    """A named weapon is not also listed as its group: "Amerikaanse wapens" beside ATACMS,
    "luchtverdediging" beside Patriot are that weapon."""
    return [w for w in weapons if not any(w in broader.get(v, frozenset()) for v in weapons)]
