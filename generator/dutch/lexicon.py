"""Dutch word classes: which words can be forms of which verb, and which can be nouns.

The tables are spaCy's Dutch lemmatizer data (package `spacy-lookups-data`): an index of
lemmas per word class, irregular forms per class, and a form -> lemma lookup. They are
loaded once, on first use, and only the parts this module needs are kept.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

# Verbs the tables lack.
_MISSING_VERBS = frozenset({"ontvangen", "ondertekenen", "onderscheppen", "overhandigen"})


@dataclass(frozen=True)
class _Tables:
    verbs: frozenset[str]  # verb lemmas (infinitives)
    nouns: frozenset[str]  # noun lemmas and irregular noun forms
    adjectives: frozenset[str]
    verb_forms: dict[str, tuple[str, ...]]  # irregular verb form -> its lemmas
    lookup: dict[str, str]  # any form -> lemma (class unknown)


def _load(name: str) -> Any:
    data = resources.files("spacy_lookups_data") / "data" / f"nl_{name}.json.gz"
    with data.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        return json.load(text)


@functools.cache
def _tables() -> _Tables:
    index: dict[str, list[str]] = _load("lemma_index")
    irregular: dict[str, dict[str, list[str]]] = _load("lemma_exc")
    lookup: dict[str, str] = _load("lemma_lookup")
    verbs = frozenset(index["verb"]) | _MISSING_VERBS
    return _Tables(
        verbs=verbs,
        nouns=frozenset(index["noun"]) | frozenset(irregular["noun"]),
        adjectives=frozenset(index["adj"]),
        verb_forms={form: tuple(lemmas) for form, lemmas in irregular["verb"].items()},
        lookup={form: lemma for form, lemma in lookup.items() if lemma in verbs},
    )


def verb_lemmas(word: str) -> tuple[str, ...]:
    """The verbs `word` can be a form of ("gaf" -> geven, "levert" -> leveren); () if none."""
    tables = _tables()
    lower = word.lower()
    found: list[str] = list(tables.verb_forms.get(lower, ()))
    looked = tables.lookup.get(lower)
    if looked and looked not in found:
        found.append(looked)
    if lower in tables.verbs and lower not in found:
        found.append(lower)
    return tuple(found)


def is_verb(lemma: str) -> bool:
    return lemma.lower() in _tables().verbs


def can_be_noun(word: str) -> bool:
    lower = word.lower()
    tables = _tables()
    if lower in tables.nouns:
        return True
    for suffix, replacement in (("en", ""), ("s", ""), ("'s", ""), ("ën", "")):
        if lower.endswith(suffix) and lower[: -len(suffix)] + replacement in tables.nouns:
            return True
    return False


def can_be_adjective(word: str) -> bool:
    lower = word.lower()
    adjectives = _tables().adjectives
    return lower in adjectives or (lower.endswith("e") and lower[:-1] in adjectives)
