"""Mentions of gazetteer entities in a sentence, with Dutch inflections."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.gazetteer import Gazetteer, GazetteerEntry, Role
from generator.model import EntityKind, Mention

# Compounds and inflections Dutch adds to a weapon's name: ATACMS-raketten, Storm Shadow-raket.
_WEAPON_TAIL = r"(?:-?(?:raketten|raket|systemen|systeem|lanceerinstallaties))?(?:'s|s)?"
_NAME_TAIL = r"(?:'s|s)?"
# "Amerikaanse en Britse wapens": each adjective goes with the shared noun.
_COORDINATION_RE = re.compile(r"\b([A-Z]\w+e) en ([A-Z]\w+e) (\w+)")


@dataclass(frozen=True)
class _Pattern:
    entity: str
    kind: EntityKind
    regex: re.Pattern[str]
    role: Role | None
    trigger: str  # lower-case text every match contains: skip the regex when it is absent


class MentionFinder:
    """Compiled matchers for one gazetteer; finds the longest, leftmost mentions."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._patterns: list[_Pattern] = []
        self._cache: dict[tuple[str, date | None], list[Mention]] = {}
        for entry in gazetteer.entries.values():
            tail = _WEAPON_TAIL if entry.kind is EntityKind.WEAPON else _NAME_TAIL
            for alias in entry.aliases:
                self._add(entry, _alias_regex(alias) + tail, _trigger(alias))
            for pattern in entry.patterns:
                self._add(entry, pattern, "")
            for role in entry.roles:
                self._add(entry, _alias_regex(role.alias), _trigger(role.alias), role)
        self._entries = gazetteer.entries
        self._known: set[str] | None = None
        self._weapons_of: dict[str, str] | None = None  # country -> its weapons group

    def _add(
        self, entry: GazetteerEntry, body: str, trigger: str, role: Role | None = None
    ) -> None:
        regex = re.compile(rf"(?<![\w-]){body}(?![\w])")
        self._patterns.append(_Pattern(entry.id, entry.kind, regex, role, trigger))

    def display(self, entity: str) -> str:
        return self._entries[entity].name

    def known_names(self) -> set[str]:
        """Every id and alias, lower-case: names that need no proposal."""
        if self._known is None:
            self._known = {e.id for e in self._entries.values()} | {
                alias.lower() for e in self._entries.values() for alias in e.aliases
            }
        return self._known

    def country(self, entity: str) -> str | None:
        """The country an entity belongs to (a person's, a city's), or the country itself."""
        entry = self._entries.get(entity)
        if entry is None:
            return None
        return entry.country or (entity if entry.category == "land" else None)

    def weapons_of(self, country: str) -> str | None:
        """The gazetteer's group for a supplier's weapons ("us-weapons" for the VS), if any:
        a weapon entry of that country that other weapons name as broader."""
        if self._weapons_of is None:
            groups = {g for e in self._entries.values() for g in e.broader}
            self._weapons_of = {}
            for e in sorted(self._entries.values(), key=lambda e: e.id):
                if e.kind is EntityKind.WEAPON and e.country and e.id in groups:
                    self._weapons_of.setdefault(e.country, e.id)
        return self._weapons_of.get(country)

    def find(self, text: str, on: date | None = None) -> list[Mention]:
        """Non-overlapping mentions, longest first; roles only where they held on `on`."""
        key = (text, on)
        if key not in self._cache:  # every stage asks about the same sentences
            self._cache[key] = self._find(text, on)
        return list(self._cache[key])

    def _find(self, text: str, on: date | None) -> list[Mention]:
        found: list[Mention] = []
        lower = text.lower()
        for pattern in self._patterns:
            if pattern.trigger not in lower:
                continue
            if pattern.role is not None and not (
                pattern.role.holds_on(on) or (on is None and pattern.role.valid_from is None)
            ):
                continue
            for m in pattern.regex.finditer(text):
                found.append(Mention(pattern.entity, pattern.kind, m.start(), m.end(), m.group(0)))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        result: list[Mention] = []
        taken_until = -1
        for mention in found:
            if mention.start >= taken_until:
                result.append(mention)
                taken_until = mention.end
        return self._coordinated(text, result)

    def _coordinated(self, text: str, result: list[Mention]) -> list[Mention]:
        for m in _COORDINATION_RE.finditer(text):
            extra: list[Mention] = []
            for group in (1, 2):
                candidate = f"{m.group(group)} {m.group(3)}"
                for pattern in self._patterns:
                    if pattern.role is None and pattern.regex.fullmatch(candidate):
                        extra.append(
                            Mention(
                                pattern.entity,
                                pattern.kind,
                                m.start(group),
                                m.end(3),
                                text[m.start(group) : m.end(3)],
                            )
                        )
                        break
            if len(extra) == 2:
                result = [r for r in result if not (m.start() <= r.start < m.end())] + extra
        return sorted(result, key=lambda r: (r.start, r.end))


def _trigger(alias: str) -> str:
    """A lower-case stretch of the alias that any inflected form still contains."""
    word = max(re.findall(r"\w+", alias), key=len, default="").lower()
    return word[:4]


_ACRONYM_RE = re.compile(r"^([A-Z]{3,})((?:[-'’]?\w*)?)$")


def _alias_regex(alias: str) -> str:
    acronym = _ACRONYM_RE.match(alias)
    if acronym:
        # Acronyms in any case: house styles write "Atacms", "Himars", "Navo".
        return f"(?i:{re.escape(acronym.group(1))})" + re.escape(acronym.group(2))
    escaped = re.escape(alias)
    first = alias[0]
    if first.isalpha() and first.islower():
        # "de Russische leider" also opens a sentence: "De Russische leider".
        escaped = f"[{first}{first.upper()}]" + re.escape(alias[1:])
    return escaped.replace(r"\ ", r"\s+")


def entity_ids(mentions: list[Mention], kind: EntityKind) -> list[str]:
    """The ids of one kind, in order of first mention."""
    result: list[str] = []
    for m in mentions:
        if m.kind is kind and m.entity not in result:
            result.append(m.entity)
    return result
