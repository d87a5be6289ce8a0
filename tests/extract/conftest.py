"""Shared fixture: the events one made-up article tells, with the project's data."""

from pathlib import Path

import pytest

from generator.dutch.timex import load_anchors
from generator.extract.events import extract_events
from generator.extract.mentions import MentionFinder
from generator.gazetteer import load_gazetteer
from generator.model import Event
from generator.sources import read_seeds

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="session")
def extract(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    gazetteer = load_gazetteer(DATA / "gazetteer.yml")
    finder = MentionFinder(gazetteer)
    anchors = load_anchors(DATA / "time_anchors.yml")
    broader = gazetteer.broader_closure()
    parents = {e.id: e.broader for e in gazetteer.entries.values() if e.broader}

    def run(text: str, published: str | None = "2024-11-19") -> list[Event]:
        folder = tmp_path_factory.mktemp("seeds")
        header = f" date {published} " if published else ""
        (folder / "a.txt").write_text(header + text, encoding="utf-8")
        (article,) = read_seeds(folder).articles
        return extract_events(article, finder, anchors, broader, parents)

    return run
