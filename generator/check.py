"""`check`: validate seeds and data without building, and list names the gazetteer lacks."""

from __future__ import annotations

import re
from pathlib import Path

from generator.corrections import load_corrections
from generator.dutch.timex import load_anchors
from generator.errors import InputError, Problem, Severity
from generator.extract.mentions import MentionFinder
from generator.gazetteer import load_gazetteer
from generator.geo import load_border
from generator.model import Article, BlockKind
from generator.sources import read_seeds

# Capitalised words that open clauses or are common nouns in titles, never names.
_NOT_NAMES = frozenset(
    """De Het Een En Maar Ook Dat Dit Die Deze Zo Als Toen Wel Niet Volgens Daarover Bij In
    Op Over Naast Verder Hoewel Zoals Door Tijdens Afgelopen Gisteren Vandaag Morgen Eerder
    Inmiddels Nog Twee Lees Wat Wanneer Er Hij Zij Ze Zonder Anticiperend Gevraagd Lange Aan
    Andere Bekend Kabinetsleden Civiele Russische Amerikaanse Britse Oekraïense Oekraïners
    Russen Amerikanen Britten Duitsers Litouwse Westen Oost West Witte Huis Buitenlandse Zaken
    Defensie Binnenlandse""".split()
)
# Nationality adjectives ("Amerikaanse", "Oekraïens", "Britse") describe, they name nothing.
_ADJECTIVE_RE = re.compile(r"(?:aans|aanse|ees|ese|isch|ische|iens|ïens|tse|nse|ense)$")
_CLAUSE_START_RE = re.compile(r"(?:^|(?<=[a-z0-9\"”'])[.!?]\s*|[:;]\s*|[\"“‘']\s*)$")
_NAME_RE = re.compile(r"(?<![\w-])([A-Z][\w'-]+(?:\s+(?:van\s+|de\s+)?[A-Z][\w'-]+)*)")


def check(seeds: Path, data: Path) -> list[Problem]:
    problems: list[Problem] = []
    gazetteer = None
    try:
        gazetteer = load_gazetteer(data / "gazetteer.yml")
    except InputError as exc:
        problems += exc.problems
    try:
        load_anchors(data / "time_anchors.yml")
    except (OSError, ValueError) as exc:
        problems.append(Problem(str(data / "time_anchors.yml"), 1, str(exc)))
    try:
        load_corrections(data / "corrections.yml")
    except InputError as exc:
        problems += exc.problems
    try:
        load_border(data / "border.geojson")
    except ValueError as exc:
        problems.append(Problem(str(data / "border.geojson"), 1, str(exc)))
    try:
        seeds_read = read_seeds(seeds)
    except InputError as exc:
        return problems + exc.problems
    problems += seeds_read.warnings
    if gazetteer is not None:
        finder = MentionFinder(gazetteer)
        for article in seeds_read.articles:
            problems += candidates(article, finder)
    return problems


def file_line(article: Article, offset: int) -> int:
    """1-based line in the article's file of an offset into its (header-stripped) text."""
    return article.text.count("\n", 0, offset) + 1


def candidates(article: Article, finder: MentionFinder) -> list[Problem]:
    """Names in body sentences that no gazetteer entry covers: editors decide what they are."""
    found: list[Problem] = []
    seen: set[str] = set()
    for sentence in article.sentences:
        if sentence.kind is not BlockKind.BODY:
            continue
        covered = [(m.start, m.end) for m in finder.find(sentence.text)]
        for m in _NAME_RE.finditer(sentence.text):
            words = m.group(1).split()
            if _CLAUSE_START_RE.search(sentence.text[: m.start()]):
                words = words[1:]  # a capital that opens a sentence or a quotation
            while words and (words[0] in _NOT_NAMES or words[0].islower()):
                words = words[1:]
            name = " ".join(words)
            if not words or name in seen or all(w in _NOT_NAMES for w in words):
                continue
            if len(words) == 1 and _ADJECTIVE_RE.search(name):
                continue
            if any(s <= m.start() < e or s < m.end() <= e for s, e in covered):
                continue
            seen.add(name)
            found.append(
                Problem(
                    article.path,
                    file_line(article, sentence.start),
                    f"naam niet in data/gazetteer.yml: {name!r} (kandidaat: toevoegen als wapen, "
                    f"plaats, actor of medium)",
                    Severity.WARNING,
                )
            )
    return found
