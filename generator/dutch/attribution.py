"""Who a Dutch news sentence says a statement comes from, and how certain it is.

Cue tables are data: each row is a pattern and what it means. Certainty follows
shared/gold/FORMAT.md: confirmed, reported, claimed, planned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    r"\bstaat gepland\b",
    r"\bgaat morgen\b",
)
# Verbs that introduce what somebody says or reports.
SPEECH_VERBS = (
    "zei",
    "zeiden",
    "zegt",
    "zeggen",
    "meldt",
    "melden",
    "meldde",
    "meldden",
    "bericht",
    "berichten",
    "berichtte",
    "berichtten",
    "beweert",
    "beweren",
    "beweerde",
    "verklaarde",
    "verklaart",
    "schrijft",
    "schreef",
    "stelt",
    "stelde",
    "liet weten",
    "laat weten",
    "citeert",
    "vernam",
    "vernamen",
    "noemde",
    "noemt",
    "antwoordde",
    "dreigde",
    "waarschuwde",
    "maakt er gewag van",
    "maakte er gewag van",
    "bevestigde",
    "bevestigt",
    "ontkende",
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
    "ambtenaren",
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
_SPEECH = "|".join(re.escape(v) for v in sorted(SPEECH_VERBS, key=len, reverse=True))
_SPEECH_RE = re.compile(rf"\b(?:{_SPEECH})\b", re.IGNORECASE)
_INDIRECT_RE = re.compile(rf"\b(?:{_SPEECH})\b[^\"“”]{{0,80}}?\bdat\b", re.IGNORECASE)
_NEGATED_RE = re.compile(
    r"\b(?:niet|geen|nog geen|nooit)\b[^,.]{0,40}\b(?:bevestigd|vrijgegeven|"
    r"verstrekt|toestaan|gegeven)\b",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(r"[\"“][^\"”]{12,}[\"”]")


def cues(text: str) -> Cues:
    return Cues(
        reported=bool(_REPORTED_RE.search(text)),
        planned=bool(_PLANNED_RE.search(text)),
        negated=bool(_NEGATED_RE.search(text)),
        indirect_speech=bool(_INDIRECT_RE.search(text)),
        direct_quote=bool(_QUOTE_RE.search(text)),
    )


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
