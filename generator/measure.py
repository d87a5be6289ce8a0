"""How well the generator reads, measured at build time for Methode: every evaluation set
beside the project (evaluation/<set>/{seeds,gold}) scored with `generator.evaluate`, the
same way `python -m generator eval` does. Methode prints these figures, never prose.

A set whose name ends in "-sealed" is never read by a build: it is measured by hand, totals
only (evaluation/README.md). Results are kept in the cache by the hash of the code, the
editors' data and the set's files, so a rebuild does not redo an unchanged measurement.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from generator.cache import Store, code_version, digest
from generator.evaluate import load_gold, score
from generator.pipeline import Inputs, run

SEALED_SUFFIX = "-sealed"
DATA_FILES = ("gazetteer.yml", "time_anchors.yml", "corrections.yml")


@dataclass(frozen=True)
class Measurement:
    name: str  # the set's folder name
    real_news: bool  # real pages, not articles written for the project ("real-" sets)
    articles: int
    gold: int  # events in the reference annotations
    predicted: int
    matched: int
    date_ok: int
    certainty_ok: int
    attribution_ok: int

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    def rate(self, name: str) -> float:
        value: int = getattr(self, name)
        return value / self.matched if self.matched else 0.0


def evaluation_sets(folder: Path) -> list[Path]:
    """The sets a build may read: folders with seeds/ and gold/, sealed ones left out."""
    if not folder.is_dir():
        return []
    return [
        p
        for p in sorted(folder.iterdir())
        if p.is_dir()
        and not p.name.endswith(SEALED_SUFFIX)
        and (p / "seeds").is_dir()
        and (p / "gold").is_dir()
    ]


def measure(folder: Path, data: Path, cache: Path | None = None) -> list[Measurement]:
    """Each evaluation set in `folder`, scored with the editors' data in `data`."""
    store = Store(cache / "measure") if cache else None
    found = []
    for evaluation_set in evaluation_sets(folder):
        key = _key(evaluation_set, data)
        kept = store.get(key) if store else None
        if isinstance(kept, dict):
            try:
                found.append(Measurement(**kept))
                continue
            except TypeError:
                pass  # an entry of another shape: measure again
        measurement = _measure(evaluation_set, data, cache)
        if store:
            store.put(key, asdict(measurement))
        found.append(measurement)
    return found


def _measure(evaluation_set: Path, data: Path, cache: Path | None) -> Measurement:
    result = run(Inputs(evaluation_set / "seeds", data, own_corrections_only=True, cache=cache))
    gold = load_gold(evaluation_set / "gold")
    overall = score(result.corpus, gold, result.article_events).overall
    return Measurement(
        name=evaluation_set.name,
        real_news=evaluation_set.name.startswith("real-"),
        articles=sum(1 for a in result.corpus.articles if a.stem in gold),
        gold=overall.gold,
        predicted=overall.predicted,
        matched=overall.matched,
        date_ok=overall.date_ok,
        certainty_ok=overall.certainty_ok,
        attribution_ok=overall.attribution_ok,
    )


def _key(evaluation_set: Path, data: Path) -> str:
    files = sorted(p for p in evaluation_set.rglob("*") if p.is_file())
    parts: list[str | bytes] = [code_version()]
    for name in DATA_FILES:
        parts += [name, (data / name).read_bytes() if (data / name).is_file() else b""]
    for path in files:
        parts += [path.relative_to(evaluation_set).as_posix(), path.read_bytes()]
    return digest(*parts)
