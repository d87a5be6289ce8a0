"""Ids of events and facts: derived from the article and the sentence's own words, never
from its position, so that a paragraph inserted above leaves every id (and every editor's
correction naming it) where it was."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from generator.model import Sentence


def normalized(text: str) -> str:
    """A sentence as its words: re-wrapping or extra spaces change no id."""
    return " ".join(text.split())


def repeats(sentences: Iterable[Sentence]) -> dict[tuple[int, int], int]:
    """For each sentence (paragraph, index), how many earlier sentences of the article have
    the same words: the disambiguator of a sentence that occurs more than once."""
    seen: dict[str, int] = {}
    result: dict[tuple[int, int], int] = {}
    for sentence in sentences:
        key = normalized(sentence.text)
        result[(sentence.paragraph, sentence.index)] = seen.get(key, 0)
        seen[key] = seen.get(key, 0) + 1
    return result


def _digest(prefix: str, *parts: object) -> str:
    key = "#".join(str(p) for p in parts)
    return prefix + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def event_id(stem: str, text: str, repeat: int, clause: int | str) -> str:
    """An event told by clause `clause` of the `repeat`-th sentence with these words."""
    return _digest("e-", stem, normalized(text), repeat, clause)


def fact_id(stem: str, text: str, repeat: int, start: int) -> str:
    """A figure at character `start` of the `repeat`-th sentence with these words."""
    return _digest("f-", stem, normalized(text), repeat, start)
