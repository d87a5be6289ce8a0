"""Who a Dutch news sentence says a statement comes from, and how certain it is.

Cue tables are data: each row is a pattern and what it means. Certainty follows
shared/gold/FORMAT.md: confirmed, reported, claimed, planned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.model import Certainty

# Hedges that pass a report on without confirming it.
REPORTED_CUES = (
    r"\bzou(?:den)?\b[^.]*\b(?:hebben|zijn|gaan|worden)\b",
    r"\bnaar verluidt\b",
    r"\bvermoedelijk\b",
    r"\bhet lijkt erop dat\b",
    r"\blijkt\b[^.]*\bop het punt\b",
    r"\banonieme?\b",
    r"\bingewijden\b",
    r"\bmelden media\b",
    r"\bvolgens (?:de )?bronnen\b",
    r"\bniet bevestigd\b",
)
# Announced or expected, not yet happened.
PLANNED_CUES = (
    r"\bgaat (?:morgen|volgende week|binnenkort)\b",
    r"\b(?:zal|zullen)\b[^.]*\b(?:volgen|gaan|komen|leveren|bezoeken|ontmoeten)\b",
    r"\bde komende (?:dagen|weken|maanden)\b",
    r"\bis van plan\b",
    r"\bnog dit jaar\b",
    r"\b(?:hoopte|hoopt|plande|plant|verwachtte|verwacht)\b[^.]{0,60}\bte\s+\w+",
    r"\bstaat gepland\b",
    r"\bgaat morgen\b",
)
# Verbs that introduce what somebody says or reports; split verbs as patterns.
SPEECH_VERBS = tuple(
    """zei zeiden zegt zeggen gezegd meldt melden meldde meldden gemeld bericht berichten
    berichtte berichtten beweert beweren beweerde verklaarde verklaart verklaard schrijft
    schreef stelt stelde citeert vernam vernamen noemde noemt dreigde waarschuwde
    waarschuwt bevestigde bevestigt bevestigd ontkende benadrukte aldus bedankte bedankt
    bedankten prees prijst veroordeelde veroordeelt verweet verwijt""".split()
)
SPEECH_PATTERNS = (
    r"antwoordde(?!\s+met\b)",  # "antwoordde met een raket" is no statement
    r"liet\b[^.;]{0,60}?\bweten",
    r"laat\b[^.;]{0,60}?\bweten",
    r"laten weten",
    r"maakt(?:e)? er gewag van",
    r"maakten?\b[^.;]{0,60}?\bbekend",
    r"(?:legt|legde|legden)\b[^.;]{0,40}?\buit\b",  # "legt vanuit Kyiv uit dat"
    r"bekendgemaakt",
    r"kondigde\b[^.;]{0,80}?\baan\b",
    r"aangekondigd",
    r"sprak\b[^.;]{0,40}?\bvan\b",
    r"riep\b[^.;]{0,80}?\bop\b",
    r"hield\b[^.;]{0,40}?\bvol\b",
    r"(?:haalde|haalden|haalt)\b[^.;]{0,40}?\buit\s+naar\b",  # lashed out, in words
    r"uitgehaald\s+naar\b",
    r"(?:deed|deden|doet|doen)\s+(?:\w+\s+){0,2}beroep\s+op\b",  # an appeal
)
# Statements that are themselves the happening: a threat, a warning, an announcement or
# confirmation of one's own decision.
THREAT_VERBS = (
    "dreigde",
    "dreigt",
    "waarschuwde",
    "waarschuwt",
    "gedreigd",
    "gewaarschuwd",
    "bevestigde",
    "bevestigt",
    "bevestigd",
    "aangekondigd",
    "bekendgemaakt",
    r"maakten?\b[^.;]{0,60}?\bbekend",
    r"(?:legt|legde|legden)\b[^.;]{0,40}?\buit\b",  # "legt vanuit Kyiv uit dat"
    r"kondigde\b[^.;]{0,80}?\baan\b",
    r"liet\b[^.;]{0,60}?\bweten",
    r"riep\b[^.;]{0,80}?\bop\b",  # an appeal is itself what happened
)
# A "dat"-clause with one of these states a position ("Oekraïne moet ... kunnen"), no fact.
POSITION_MODALS = (
    "moet",
    "moeten",
    "moest",
    "moesten",
    "mag",
    "mogen",
    "zou moeten",
    "zouden moeten",
    "hoort",
    "horen",
)
# Words that make a source anonymous ("een anonieme functionaris").
ANONYMOUS = (
    "anonieme",
    "anoniem",
    "functionaris",
    "functionarissen",
    "bron",
    "bronnen",
    "ingewijden",
    "ingewijde",
    "ambtenaren",
    "insiders",
    "insider",
    "diplomaat",
    "diplomaten",
    "betrokkenen",
    "welingelichte",
)


@dataclass(frozen=True)
class Cues:
    reported: bool
    planned: bool
    negated: bool
    indirect_speech: bool  # "zegt ... dat": what follows is somebody's assertion
    direct_quote: bool


_REPORTED_RE = re.compile("|".join(REPORTED_CUES), re.IGNORECASE)
_PLANNED_RE = re.compile("|".join(PLANNED_CUES), re.IGNORECASE)
_SPEECH = "|".join(
    [*SPEECH_PATTERNS, *(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))]
)
_SPEECH_RE = re.compile(rf"\b(?:{_SPEECH})\b", re.IGNORECASE)
_THREAT_RE = re.compile(rf"\b(?:{'|'.join(THREAT_VERBS)})\b", re.IGNORECASE)
_POSITION_RE = re.compile(
    rf"\bdat\b[^.;]{{0,120}}?\b(?:{'|'.join(POSITION_MODALS)})\b", re.IGNORECASE
)
_INDIRECT_RE = re.compile(rf"\b(?:{_SPEECH})\b[^\"“”]{{0,80}}?\bdat\b", re.IGNORECASE)
_NEGATED_RE = re.compile(
    r"\b(?:niet|geen|nog geen|nooit)\b[^,.]{0,40}\b(?:bevestigd|vrijgegeven|"
    r"verstrekt|toestaan|gegeven|bekendgemaakt|gemeld|ingezet|geleverd|goedgekeurd)\b",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(r"[\"“][^\"”]{12,}[\"”]")


@lru_cache(maxsize=4096)  # asked about each sentence by several stages
def cues(text: str) -> Cues:
    return Cues(
        reported=bool(_REPORTED_RE.search(text)),
        planned=bool(_PLANNED_RE.search(text)),
        negated=bool(_NEGATED_RE.search(text)),
        indirect_speech=bool(_INDIRECT_RE.search(text)),
        direct_quote=bool(_QUOTE_RE.search(text)),
    )


def is_threat(text: str) -> bool:
    return bool(_THREAT_RE.search(text))


def states_position(text: str) -> bool:
    """'zei dat Oekraïne zich moet kunnen verdedigen': a stance, on the record, no claim."""
    return bool(_POSITION_RE.search(text))


def has_speech_verb(text: str) -> bool:
    return bool(_SPEECH_RE.search(text))


def speech_verb_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _SPEECH_RE.finditer(text)]


def is_anonymous(phrase: str) -> bool:
    words = phrase.lower().split()
    return any(w in ANONYMOUS for w in words)


def decide(*, party_claim: bool, media_report: bool, found: Cues, future: bool) -> Certainty:
    """One certainty per event: planned > claimed > reported > confirmed."""
    if future or found.planned:
        return Certainty.PLANNED
    if party_claim:
        return Certainty.CLAIMED
    if found.reported or media_report:
        return Certainty.REPORTED
    return Certainty.CONFIRMED
