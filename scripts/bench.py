"""Benchmark: time per pipeline stage on the seeds, printed as figures, not asserted.

Usage: .venv/bin/python scripts/bench.py [--repeat N]
Prints the best of N runs per stage and each stage's share of the whole build, so the
numbers stay comparable on a noisy machine.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from generator.pipeline import Inputs, run
from generator.site import Project, build, generate

ROOT = Path(__file__).resolve().parents[1]


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        for name in ("mkdocs.yml", "docs", "overrides", "templates", "seeds", "data"):
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("dossier"))
            else:
                shutil.copy2(source, work / name)
        project = Project(work, work / "seeds", work / "data", work / "site")
        extract = best(lambda: run(Inputs(project.seeds, project.data)), args.repeat)
        render = best(lambda: generate(project), args.repeat)
        whole = best(lambda: build(project), args.repeat)
        sentences = sum(len(a.sentences) for a in run(Inputs(project.seeds, project.data))
                        .corpus.articles)
        pages = sum(1 for _ in (work / "site").rglob("*.html"))
        print(f"articles: {len(list(project.seeds.glob('*.txt')))}, sentences: {sentences}, "
              f"html pages: {pages}")
        print(f"extract (read + events + facts): {extract * 1000:8.0f} ms  "
              f"{extract / whole:6.1%} of build  {extract / sentences * 1e6:8.0f} µs/sentence")
        print(f"generate (extract + pages + map): {render * 1000:7.0f} ms  {render / whole:6.1%}")
        print(f"mkdocs build + data + swap:       {(whole - render) * 1000:7.0f} ms  "
              f"{(whole - render) / whole:6.1%}")
        print(f"whole build:                      {whole * 1000:7.0f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
