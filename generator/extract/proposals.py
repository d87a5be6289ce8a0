"""Weapons the gazetteer does not know yet, named the way news names a weapon: a name
joined to what it is ("Neptune-raketten", "Flamingo-kruisraket") or "van het type X".

Each becomes a proposed entity with a stable id by shared/gold/FORMAT.md's rule (lower-case
ASCII, hyphens), so that an event can carry it before an editor confirms it in
data/gazetteer.yml; `check` lists them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# What a weapon is called after its name.
_HEADS = (
    "kruisraketten|kruisraket|raketten|raket|raketsystemen|raketsysteem|raketwerpers|"
    "raketwerper|systemen|systeem|drones|drone|tanks|tank|straaljagers|straaljager|"
    "gevechtsvliegtuigen|gevechtsvliegtuig|toestellen|toestel|helikopters|helikopter|"
    "luchtafweersystemen|luchtafweersysteem|bommen|bom|houwitsers|houwitser|munitie"
)
_NAME = r"[A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*)?(?:[ -]\d+[A-Za-z]?)?"
_COMPOUND_RE = re.compile(rf"(?<![\w-])(?P<name>{_NAME})-(?:{_HEADS})\b")
_TYPE_RE = re.compile(rf"\bvan het type (?P<name>{_NAME})\b")
# Capitals that are no weapon's name: nationalities, makers' countries, places.
_NOT_NAMES = re.compile(
    r"^(?:Amerikaans|Brits|Frans|Duits|Russisch|Oekraïens|Iraans|Westers|Europees|NAVO|VS|"
    r"Noord-Koreaans|Nederlands|Belgisch|Zweeds|Pools|Israëlisch|Turks)\w*$"
)


@dataclass(frozen=True)
class Proposal:
    id: str
    name: str
    start: int  # offsets into the sentence
    end: int


def proposal_id(name: str) -> str:
    """FORMAT.md's id rule: lower-case ASCII, hyphens ("Mirage 2000" -> mirage-2000)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def propose_weapons(text: str, known: set[str]) -> list[Proposal]:
    """Weapon names in a sentence that are not among `known` (the gazetteer's aliases and
    ids, lower-case)."""
    found: list[Proposal] = []
    for pattern in (_COMPOUND_RE, _TYPE_RE):
        for m in pattern.finditer(text):
            name, start = m.group("name").strip(), m.start("name")
            first, _, rest = name.partition(" ")
            if rest and _NOT_NAMES.match(first):
                name, start = rest, start + len(first) + 1  # "Duitse Leopard-tanks": Leopard
            ident = proposal_id(name)
            if (
                not ident
                or _NOT_NAMES.match(name)
                or name.lower() in known
                or ident in known
                or any(p.id == ident for p in found)
            ):
                continue
            found.append(Proposal(ident, name, start, m.end("name")))
    return found
