"""Per-article extraction and its cache: one changed article re-extracts only itself."""

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bench.corpus import make_corpus
from generator.dutch.timex import load_anchors
from generator.extract.article import Extractor, decode, encode
from generator.extract.mentions import MentionFinder
from generator.pipeline import Inputs, Result, run
from tests.conftest import FIXTURE_SEEDS, data_without_corrections

REPO = Path(__file__).resolve().parents[2]


def corpus_view(result: Result) -> tuple[object, ...]:
    corpus = result.corpus
    return corpus.events, corpus.facts, corpus.mentions, result.article_events


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The stems of the articles actually extracted (not read from the cache)."""
    stems: list[str] = []
    extract = Extractor.extract

    def counting(self: Extractor, article):  # type: ignore[no-untyped-def]
        stems.append(article.stem)
        return extract(self, article)

    monkeypatch.setattr(Extractor, "extract", counting)
    return stems


def copy_inputs(tmp_path: Path, size: int = 0) -> Inputs:
    """The frozen fixture articles (or a corpus made from them) and the editors' data without
    their corrections: an editor's new article or correction changes none of these tests."""
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    if size:
        make_corpus(size, FIXTURE_SEEDS, REPO / "data" / "gazetteer.yml", seeds)
    else:
        shutil.copytree(FIXTURE_SEEDS, seeds)
    data_without_corrections(data)
    return Inputs(seeds, data, cache=tmp_path / ".cache")


def articles(inputs: Inputs) -> int:
    return len(list(inputs.seeds.glob("*.txt")))


def test_records_survive_the_cache_unchanged(tmp_path: Path) -> None:
    inputs = copy_inputs(tmp_path, 30)
    result = run(Inputs(inputs.seeds, inputs.data))  # no cache
    cached = run(inputs)
    again = run(inputs)  # every article from the cache now
    assert corpus_view(cached) == corpus_view(result)
    assert corpus_view(again) == corpus_view(result)


def test_encode_decode_round_trip_on_the_seeds() -> None:
    result = run(Inputs(REPO / "seeds", REPO / "data"))
    gazetteer = result.gazetteer
    extractor = Extractor(
        MentionFinder(gazetteer),
        load_anchors(REPO / "data" / "time_anchors.yml"),
        gazetteer.broader_closure(),
        {e.id: e.broader for e in gazetteer.entries.values() if e.broader},
        inputs="",
    )
    for article in result.corpus.articles:
        extracted = extractor(article)
        assert extracted.events and extracted.mentions
        assert decode(json.loads(json.dumps(encode(extracted)))) == extracted


def test_one_changed_article_is_the_only_one_extracted_again(
    tmp_path: Path, counted: list[str]
) -> None:
    inputs = copy_inputs(tmp_path)
    run(inputs)
    assert len(counted) == articles(inputs)
    counted.clear()
    run(inputs)
    assert counted == []
    article = sorted(inputs.seeds.glob("*.txt"))[2]
    article.write_text(article.read_text("utf-8") + "\nGisteren zijn ATACMS ingezet.\n", "utf-8")
    result = run(inputs)
    assert counted == [article.stem]
    assert result.article_events[article.stem][-1].summary == "Gisteren zijn ATACMS ingezet."


def test_metadata_gazetteer_and_anchors_are_part_of_the_key(
    tmp_path: Path, counted: list[str]
) -> None:
    inputs = copy_inputs(tmp_path)
    run(inputs)
    counted.clear()
    meta = inputs.seeds / "metadata.yml"
    meta.write_text(meta.read_text("utf-8").replace('published: "2024-09"', 'published: "2024-10"'))
    run(inputs)
    assert counted == ["001_aa51b72f12ef88cb"]
    counted.clear()
    gazetteer = inputs.data / "gazetteer.yml"
    gazetteer.write_text(gazetteer.read_text("utf-8") + "\n# a comment\n", "utf-8")
    run(inputs)
    assert len(counted) == articles(inputs)
    counted.clear()
    anchors = inputs.data / "time_anchors.yml"
    anchors.write_text(anchors.read_text("utf-8") + "\n# a comment\n", "utf-8")
    run(inputs)
    assert len(counted) == articles(inputs)


def test_a_broken_cache_entry_is_extracted_again(tmp_path: Path, counted: list[str]) -> None:
    inputs = copy_inputs(tmp_path)
    expected = corpus_view(run(inputs))
    assert inputs.cache is not None
    entries = sorted((inputs.cache / "extract").rglob("*.json"))
    assert len(entries) == articles(inputs)
    entries[0].write_bytes(entries[0].read_bytes()[:100])  # cut short
    entry = json.loads(entries[1].read_text("utf-8"))
    entry["value"]["events"] = [{"id": "e-kapot"}]  # the right key, a wrong shape
    entries[1].write_text(json.dumps(entry), "utf-8")
    counted.clear()
    assert corpus_view(run(inputs)) == expected
    assert len(counted) == 2
    counted.clear()
    run(inputs)
    assert counted == []  # and the entries were written anew


CHILD = """
import hashlib, sys
from pathlib import Path
from generator.pipeline import Inputs, run
root = Path(sys.argv[1])
result = run(Inputs(root / "seeds", root / "data", cache=root / ".cache"))
print(hashlib.sha256(repr([result.corpus.events, result.corpus.facts]).encode()).hexdigest())
"""


def test_builds_side_by_side_share_one_cache(tmp_path: Path) -> None:
    inputs = copy_inputs(tmp_path, 20)
    expected = run(Inputs(inputs.seeds, inputs.data)).corpus
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    outputs = {child.communicate(timeout=300)[0].strip() for child in children}
    assert all(child.returncode == 0 for child in children)
    assert len(outputs) == 1
    again = run(inputs).corpus  # from the cache the children wrote
    assert outputs == {hashlib.sha256(repr([again.events, again.facts]).encode()).hexdigest()}
    assert (again.events, again.facts) == (expected.events, expected.facts)
