"""Clauses of a sentence that each carry their own date ("Twee dagen nadat X op 24 februari
..., keurde Y ... goed": two happenings, two dates)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from generator.dutch.verbs import analyse
from generator.model import DateValue, TimeExpression

_CLAUSE_BOUNDARY_RE = re.compile(r"[,;:]|\s(?:en|maar|nadat|voordat|dat|toen|waarna)\s")


def clause_dates(
    text: str, dated: Sequence[TimeExpression], fallback: DateValue | None
) -> list[tuple[DateValue | None, tuple[int, int]]]:
    """One date per clause: a differently dated expression after a clause boundary opens an
    event of its own; within one clause the last expression dates it. With more than one
    clause each gets the span of the clause it dates ("twee dagen nadat X, Y" dates Y)."""
    if not dated:
        return [(fallback, (0, len(text)))]
    groups: list[list[TimeExpression]] = [[dated[0]]]
    for expr in dated[1:]:
        between = text[groups[-1][0].start : expr.start]
        if _CLAUSE_BOUNDARY_RE.search(between):
            groups.append([expr])
        else:
            groups[-1].append(expr)
    segments = _segments(text)
    groups = _without_wider(text, groups, segments)
    result: list[tuple[DateValue | None, tuple[int, int]]] = []
    seen: set[str] = set()
    for group in groups:
        # "half november, na de verkiezingen": the plain date, not the open-ended "na".
        plain = [e for e in group if e.relation == "at"]
        when = (plain or group)[-1].date
        assert when is not None
        if when.edtf in seen:
            continue
        seen.add(when.edtf)
        span = (0, len(text)) if len(groups) == 1 else _clause_of((plain or group)[-1], segments)
        result.append((when, span))
    return result


def _without_wider(
    text: str, groups: list[list[TimeExpression]], segments: list[tuple[int, int]]
) -> list[list[TimeExpression]]:
    """ "Dit jaar verloor Oekraïne twee toestellen, in april en mei": a clause with no verb
    of its own narrows the date of the one before; one happening, the narrower date."""
    kept = list(groups)
    for narrow in groups:
        n = narrow[-1]
        a, b = _clause_of(n, segments)
        if n.date is None or analyse(text[a:b]).main is not None:
            continue
        for wide in list(kept):
            w = wide[-1]
            if wide is narrow or w.date is None or w.date.edtf == n.date.edtf:
                continue
            if w.date.start <= n.date.start and n.date.end <= w.date.end:
                kept.remove(wide)
    return kept


_SEGMENT_RE = re.compile(r"[,;:]\s+|\s(?=(?:en|maar|waarna)\s)")


def _segments(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in _SEGMENT_RE.finditer(text)] + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]


def _clause_of(expr: TimeExpression, segments: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause an expression dates: its own, or for "N dagen nadat ..." the main one."""
    index = next((i for i, (a, b) in enumerate(segments) if a <= expr.start < b), 0)
    if re.search(r"\b(?:nadat|voordat)\b", expr.text, re.IGNORECASE):
        index = index + 1 if index + 1 < len(segments) else max(index - 1, 0)
    a, b = segments[index]
    return a, b
