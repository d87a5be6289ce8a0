"""Proper names in Dutch text that no gazetteer knows: capitalised word runs that are not
a sentence's first word, a nationality adjective or a function word."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Capitalised words that open clauses or are common nouns in titles, never names.
NOT_NAMES = frozenset(
    """De Het Een En Maar Ook Dat Dit Die Deze Zo Als Toen Wel Niet Volgens Daarover Bij In
    Op Over Naast Verder Hoewel Zoals Door Tijdens Afgelopen Gisteren Vandaag Morgen Eerder
    Inmiddels Nog Wat Wanneer Er Hij Zij Ze Zonder Aan Westen Oost West Witte Huis
    Buitenlandse Zaken Defensie Binnenlandse Minister Premier President Generaal Kanselier
    Defensieminister Avonds Ochtends Middags Nachts Morgens""".split()
)
# Nationality adjectives ("Amerikaanse", "Oekraïens", "Britse") describe, they name nothing.
_ADJECTIVE_RE = re.compile(r"(?:aans|se|sche|isch|ees|iens|ïens|ts)$")
_CLAUSE_START_RE = re.compile(r"(?:^|(?<=[a-z0-9\"”'])[.!?]\s*|[:;]\s*|[\"“‘']\s*)$")
_NAME_RE = re.compile(r"(?<![\w-])([A-Z][\w'-]+(?:\s+(?:van\s+|de\s+|der\s+)?[A-Z][\w'-]+)*)")


def _demonym(word: str) -> bool:
    """'Amerikanen', 'Oekraïners', 'Russen', 'Britten', 'Duitsers': plural inhabitants."""
    return word.endswith(("anen", "ners", "sers", "ssen", "tten", "zen"))


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str


def find_names(text: str) -> list[Name]:
    """Candidate names with their offsets (the leading non-name words cut off)."""
    found: list[Name] = []
    for m in _NAME_RE.finditer(text):
        words = m.group(1).split()
        start = m.start()
        if _CLAUSE_START_RE.search(text[: m.start()]) and (
            len(words) == 1 or words[0] in NOT_NAMES
        ):
            words = words[1:]  # a capital that opens a sentence or a quotation
        while words and (
            words[0] in NOT_NAMES
            or words[0].islower()
            or _ADJECTIVE_RE.search(words[0])
            or _demonym(words[0])
        ):
            words = words[1:]
        if not words or all(w in NOT_NAMES for w in words):
            continue
        name = " ".join(words)
        if len(words) == 1 and (_ADJECTIVE_RE.search(name) or _demonym(name)):
            continue
        start = m.start() + m.group(1).find(words[0])
        found.append(Name(start, m.end(), text[start : m.end()]))
    return found
