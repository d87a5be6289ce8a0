"""Score extraction against reference annotations (shared/gold/FORMAT.md).

An event matches a gold event when one of its source sentences overlaps the gold
evidence in the same article; pairs are matched one to one, best date first.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import dates
from generator.errors import InputError, Problem
from generator.model import Article, Corpus, Event
from generator.validate import validate
from generator.yamlfile import LineDict, load

GOLD_SCHEMA = "gold.schema.json"
_ARTICLES = re.compile(r"^(?:de|het|een|the)\s+|^\d+\s+|^(?:twee|drie|vier)\s+", re.IGNORECASE)


@dataclass
class Counts:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    date_ok: int = 0
    certainty_ok: int = 0
    attribution_ok: int = 0
    entity_tp: int = 0
    entity_fp: int = 0
    entity_fn: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        for name in (
            "predicted",
            "gold",
            "matched",
            "date_ok",
            "certainty_ok",
            "attribution_ok",
            "entity_tp",
            "entity_fp",
            "entity_fn",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def rate(self, name: str) -> float:
        return getattr(self, name) / self.matched if self.matched else 0.0

    @property
    def entity_f1(self) -> float:
        tp, fp, fn = self.entity_tp, self.entity_fp, self.entity_fn
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


@dataclass(frozen=True)
class Scores:
    per_article: dict[str, Counts]
    overall: Counts


def load_gold(folder: Path, articles: Collection[str] | None = None) -> dict[str, dict[str, Any]]:
    """Reference annotations by article stem, each checked against gold.schema.json.

    Every failure is an InputError with `path:line` in Dutch, never a file skipped: an empty
    file, one that is no annotation, a bad date, an article named twice, or (given the
    evaluated `articles`) an article that is not among them would change the scores unseen.
    """
    gold: dict[str, dict[str, Any]] = {}
    first_file: dict[str, Path] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        raise InputError([Problem(str(folder), 0, "map met referentie-annotaties bestaat niet")])
    for path in sorted(folder.glob("*.yml")):
        try:
            data = load(path)
        except InputError as exc:
            problems += exc.problems
            continue
        if data is None:
            problems.append(
                Problem(str(path), 1, "leeg bestand: verwacht article, published en events")
            )
            continue
        found = validate(data, GOLD_SCHEMA, path)
        if found or not isinstance(data, LineDict):
            problems += found
            continue
        problems += _bad_dates(data, path)
        stem = data["article"]
        line = data.line_of("article")
        if stem in first_file:
            problems.append(
                Problem(
                    str(path),
                    line,
                    f"artikel {stem!r} heeft al een annotatie in "
                    f"{first_file[stem].name}; één bestand per artikel",
                )
            )
            continue
        if articles is not None and stem not in articles:
            problems.append(
                Problem(
                    str(path),
                    line,
                    f"artikel {stem!r} staat niet tussen de "
                    f"geëvalueerde artikelen (seeds); klopt de naam?",
                )
            )
            continue
        first_file[stem] = path
        gold[stem] = data
    if problems:
        raise InputError(problems)
    return gold


def _bad_dates(data: LineDict, path: Path) -> list[Problem]:
    """Event dates that are no EDTF: the score would stop on them with a traceback."""
    problems = []
    events = data.get("events") or []
    for number, event in enumerate(events, start=1):
        try:
            dates.parse(str(event["date"]))
        except dates.DateError as exc:
            line = event.line_of("date")
            problems.append(Problem(str(path), line, f"events[{number}].date: {exc}"))
    return problems


def _norm_name(name: str) -> str:
    return _ARTICLES.sub("", name.strip().lower()).strip()


def _names_match(predicted: list[str], gold: list[str]) -> bool:
    p = {_norm_name(n) for n in predicted}
    g = {_norm_name(n) for n in gold}
    if len(p) != len(g):
        return False
    return all(any(a in b or b in a for b in p) for a in g)


def _span(article: Article, evidence: str) -> tuple[int, int] | None:
    index = article.text.find(evidence)
    if index < 0:
        flat = re.sub(r"\s+", " ", article.text)
        index = flat.find(re.sub(r"\s+", " ", evidence))
        if index < 0:
            return None
    return index, index + len(evidence)


def score(
    corpus: Corpus, gold: dict[str, dict[str, Any]], article_events: dict[str, list[Event]]
) -> Scores:
    """Each article is scored on its own events (before the merge across articles)."""
    articles = {a.stem: a for a in corpus.articles}
    per_article: dict[str, Counts] = {}
    overall = Counts()
    for stem, annotation in gold.items():
        article = articles.get(stem)
        if article is None:
            continue
        counts = _score_article(article, article_events.get(stem, []), annotation)
        per_article[stem] = counts
        overall.add(counts)
    return Scores(per_article, overall)


def _score_article(article: Article, events: list[Event], annotation: dict[str, Any]) -> Counts:
    counts = Counts()
    spans = {(s.paragraph, s.index): (s.start, s.end) for s in article.sentences}
    predicted = [
        (e, [spans[(s.paragraph, s.sentence)] for s in e.sources if s.article == article.stem])
        for e in events
    ]
    predicted = [(e, sp) for e, sp in predicted if sp]
    gold_events = annotation.get("events") or []
    counts.predicted = len(predicted)
    counts.gold = len(gold_events)
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold_events):
        span = _span(article, str(g["evidence"]))
        if span is None:
            counts.misses.append(f"evidence niet gevonden: {g['evidence']!r}")
            continue
        gdate = dates.parse(str(g["date"]))
        for pi, (event, event_spans) in enumerate(predicted):
            if any(s < span[1] and span[0] < e for s, e in event_spans):
                pairs.append((dates.jaccard(event.date, gdate), gi, pi))
    pairs.sort(key=lambda t: -t[0])
    used_g: set[int] = set()
    used_p: set[int] = set()
    for jac, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        counts.matched += 1
        g, (event, _) = gold_events[gi], predicted[pi]
        problems = []
        if jac >= 0.5:
            counts.date_ok += 1
        else:
            problems.append(f"datum {event.date.edtf} ≠ {g['date']}")
        if event.certainty.value == g.get("certainty"):
            counts.certainty_ok += 1
        else:
            problems.append(f"zekerheid {event.certainty.value} ≠ {g.get('certainty')}")
        if _names_match(event.attributed_to, list(g.get("attributed_to") or [])):
            counts.attribution_ok += 1
        else:
            problems.append(f"bron {event.attributed_to} ≠ {g.get('attributed_to')}")
        for key in ("weapons", "places"):
            p, q = set(getattr(event, key)), set(g.get(key) or [])
            counts.entity_tp += len(p & q)
            counts.entity_fp += len(p - q)
            counts.entity_fn += len(q - p)
            if p != q:
                problems.append(f"{key} {sorted(p)} ≠ {sorted(q)}")
        if problems:
            counts.wrong.append(f"{str(g['evidence'])[:60]!r}: " + "; ".join(problems))
    for gi, g in enumerate(gold_events):
        if gi not in used_g:
            counts.misses.append(f"gemist: {g['date']} {str(g['evidence'])[:70]!r}")
    for pi, (event, _) in enumerate(predicted):
        if pi not in used_p:
            counts.extras.append(f"extra: {event.date.edtf} {event.summary[:70]!r}")
    return counts


def format_table(scores: Scores, verbose: bool = False) -> str:
    header = (
        f"{'artikel':<24}{'pred':>5}{'gold':>5}{'P':>6}{'R':>6}{'F1':>6}"
        f"{'datum':>7}{'zeker':>7}{'bron':>6}{'ent-F1':>8}"
    )
    lines = [header, "-" * len(header)]
    rows = [*scores.per_article.items(), ("totaal", scores.overall)]
    for stem, c in rows:
        lines.append(
            f"{stem:<24}{c.predicted:>5}{c.gold:>5}{c.precision:>6.2f}{c.recall:>6.2f}"
            f"{c.f1:>6.2f}{c.rate('date_ok'):>7.2f}{c.rate('certainty_ok'):>7.2f}"
            f"{c.rate('attribution_ok'):>6.2f}{c.entity_f1:>8.2f}"
        )
    if verbose:
        for stem, c in scores.per_article.items():
            for line in c.misses + c.extras + c.wrong:
                lines.append(f"  {stem}: {line}")
    return "\n".join(lines)
