"""Benchmark: extraction time per sentence on real news (issue 6 asks for under 5 ms).

Usage: .venv/bin/python -m bench.extraction [--sets real-dev,real-dev-2] [--repeat 3]

Reads the articles of the evaluation sets named (never a sealed one), then extracts every
article's events, facts and mentions with no cache: once cold (the first pass pays for
the lexicon and the compiled patterns) and `--repeat` times warm. Prints CPU time per
sentence for each; CPU, because a busy shared machine inflates wall time most. Figures,
not assertions.
"""

from __future__ import annotations

import argparse
import time

from bench.run import ROOT
from generator.dutch.timex import load_anchors
from generator.extract.article import Extractor
from generator.extract.mentions import MentionFinder
from generator.gazetteer import load_gazetteer
from generator.measure import SEALED_SUFFIX
from generator.sources import read_seeds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="real-dev,real-dev-2")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    names = [n for n in args.sets.split(",") if n and not n.endswith(SEALED_SUFFIX)]
    articles = [
        a for name in names for a in read_seeds(ROOT / "evaluation" / name / "seeds").articles
    ]
    sentences = sum(len(a.sentences) for a in articles)
    started = time.process_time()
    gazetteer = load_gazetteer(ROOT / "data" / "gazetteer.yml")
    extractor = Extractor(
        MentionFinder(gazetteer),
        load_anchors(ROOT / "data" / "time_anchors.yml"),
        gazetteer.broader_closure(),
        {e.id: e.broader for e in gazetteer.entries.values() if e.broader},
        inputs="bench",
    )
    setup = time.process_time() - started
    timings = []
    for _ in range(1 + args.repeat):
        started = time.process_time()
        for article in articles:
            extractor.extract(article)
        timings.append(time.process_time() - started)
    cold, warm = timings[0], min(timings[1:]) if timings[1:] else timings[0]
    print(f"sets: {', '.join(names)}; {len(articles)} articles, {sentences} sentences")
    print(f"setup (gazetteer, anchors): {setup * 1000:.0f} ms CPU")
    print(f"cold: {cold * 1000 / sentences:.2f} ms CPU per sentence ({cold:.2f} s)")
    print(
        f"warm: {warm * 1000 / sentences:.2f} ms CPU per sentence ({warm:.2f} s, best of "
        f"{args.repeat})"
    )


if __name__ == "__main__":
    main()
