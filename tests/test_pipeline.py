"""The whole extraction on a seeds folder: merging across articles, stable ids, facts."""

import shutil
from pathlib import Path

import pytest

from generator.pipeline import Inputs, Result, run
from tests.conftest import FIXTURE_SEEDS, data_without_corrections

NEW_ARTICLE = (
    " date 2024-11-21 Oekraïne heeft gisteren voor het eerst Britse Storm Shadow-raketten "
    "afgevuurd op doelen in de Russische regio Koersk. Dat meldt persbureau Reuters.\n\n"
    "Volgens het Russische ministerie van Defensie zijn twee raketten neergehaald.\n"
)


def copy_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURE_SEEDS, seeds)
    return seeds


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return data_without_corrections(tmp_path_factory.mktemp("pipeline") / "data")


@pytest.fixture(scope="module")
def fixture_run(data: Path) -> Result:
    return run(Inputs(FIXTURE_SEEDS, data))


def test_event_ids_survive_a_new_article(tmp_path: Path, data: Path) -> None:
    seeds = copy_seeds(tmp_path)
    before = {e.id for e in run(Inputs(seeds, data)).corpus.events}
    (seeds / "005_storm_shadow_koersk.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    after = run(Inputs(seeds, data)).corpus
    assert before <= {e.id for e in after.events}
    new = [
        e for e in after.events if any(s.article == "005_storm_shadow_koersk" for s in e.sources)
    ]
    assert new, "the new article's happening is in the chronology"
    strike = new[0]
    assert strike.date.edtf == "2024-11-20"
    assert "storm-shadow" in strike.weapons and "kursk" in strike.places
    assert strike.certainty.value == "reported" and strike.attributed_to == ["Reuters"]


def test_one_permission_told_by_two_articles_is_one_event_with_two_sources(
    fixture_run: Result,
) -> None:
    corpus = fixture_run.corpus
    kharkiv_may = [
        e
        for e in corpus.events
        if "kharkiv" in e.places
        and e.date.start.isoformat().startswith("2024-05")
        and len({s.article for s in e.sources}) > 1
    ]
    assert kharkiv_may, "the May 2024 Kharkiv permission merges 000 and 001"
    november = [e for e in corpus.events if e.date.edtf == "2024-11-16/2024-11-17"]
    (permission,) = november
    assert {s.article for s in permission.sources} >= {
        "002_da96f0f2ac3269c2",
        "004_1351cae8ef071d2e",
    }


def test_facts_carry_value_unit_hedge_and_whose_figure(fixture_run: Result) -> None:
    facts = fixture_run.corpus.facts
    by_text = {(f.about, f.number_text): f for f in facts}
    economist = by_text[("atacms", "127")]
    assert (economist.value, economist.unit, economist.attributed_to) == (
        127,
        "doelen",
        ["The Economist"],
    )
    kremlin = by_text[("storm-shadow", "minstens 14")]
    assert kremlin.qualifier == "minstens" and "het Kremlin" in kremlin.attributed_to
    aid = by_text[("biden", "350 miljoen")]
    assert (aid.value, aid.unit) == (350_000_000, "USD")


def test_a_merged_event_keeps_how_each_article_told_it(fixture_run: Result) -> None:
    corpus = fixture_run.corpus
    (permission,) = [e for e in corpus.events if e.date.edtf == "2024-11-16/2024-11-17"]
    tellings = {s.article: (s.certainty, s.date) for s in permission.sources if s.certainty}
    assert tellings["002_da96f0f2ac3269c2"] == ("reported", "2024-11-16/2024-11-17")
    assert tellings["004_1351cae8ef071d2e"] == ("confirmed", "2024-11")


def test_event_ids_survive_a_paragraph_inserted_above(tmp_path: Path, data: Path) -> None:
    """Ids come from the sentence's own words: inserting text above moves no id."""
    seeds = copy_seeds(tmp_path)
    first = sorted(seeds.glob("*.txt"))[0]
    before = {
        (e.id, s.quote)
        for e in run(Inputs(seeds, data)).article_events[first.stem]
        for s in e.sources
    }
    text = first.read_text(encoding="utf-8")
    body = text.index("\n\n") + 2  # after the first paragraph
    first.write_text(
        text[:body] + "Dit is een nieuwe alinea zonder nieuws.\n\n" + text[body:],
        encoding="utf-8",
    )
    after = {
        (e.id, s.quote)
        for e in run(Inputs(seeds, data)).article_events[first.stem]
        for s in e.sources
    }
    assert before and before <= after


def test_merging_across_articles_leaves_each_articles_own_telling(
    tmp_path: Path, data: Path, fixture_run: Result
) -> None:
    """The merge folds copies: what each article told on its own stays as it was (eval)."""
    assert any(len({s.article for s in e.sources}) > 1 for e in fixture_run.corpus.events)
    for stem, told in fixture_run.article_events.items():
        alone = tmp_path / stem
        alone.mkdir()
        shutil.copy2(FIXTURE_SEEDS / f"{stem}.txt", alone)
        shutil.copy2(FIXTURE_SEEDS / "metadata.yml", alone)
        assert run(Inputs(alone, data)).article_events[stem] == told
