"""The whole extraction on a seeds folder: merging across articles, stable ids, facts."""

import shutil
from pathlib import Path

from generator.pipeline import Inputs, run

ROOT = Path(__file__).resolve().parents[1]
NEW_ARTICLE = (
    " date 2024-11-21 Oekraïne heeft gisteren voor het eerst Britse Storm Shadow-raketten "
    "afgevuurd op doelen in de Russische regio Koersk. Dat meldt persbureau Reuters.\n\n"
    "Volgens het Russische ministerie van Defensie zijn twee raketten neergehaald.\n"
)


def copy_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    return seeds


def test_event_ids_survive_a_new_article(tmp_path: Path) -> None:
    seeds = copy_seeds(tmp_path)
    before = {e.id for e in run(Inputs(seeds, ROOT / "data")).corpus.events}
    (seeds / "005_storm_shadow_koersk.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    after = run(Inputs(seeds, ROOT / "data")).corpus
    assert before <= {e.id for e in after.events}
    new = [
        e for e in after.events if any(s.article == "005_storm_shadow_koersk" for s in e.sources)
    ]
    assert new, "the new article's happening is in the chronology"
    strike = new[0]
    assert strike.date.edtf == "2024-11-20"
    assert "storm-shadow" in strike.weapons and "kursk" in strike.places
    assert strike.certainty.value == "reported" and strike.attributed_to == ["Reuters"]


def test_one_permission_told_by_two_articles_is_one_event_with_two_sources() -> None:
    corpus = run(Inputs(ROOT / "seeds", ROOT / "data")).corpus
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


def test_facts_carry_value_unit_hedge_and_whose_figure() -> None:
    facts = run(Inputs(ROOT / "seeds", ROOT / "data")).corpus.facts
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


def test_a_merged_event_keeps_how_each_article_told_it() -> None:
    corpus = run(Inputs(ROOT / "seeds", ROOT / "data")).corpus
    (permission,) = [e for e in corpus.events if e.date.edtf == "2024-11-16/2024-11-17"]
    tellings = {s.article: (s.certainty, s.date) for s in permission.sources if s.certainty}
    assert tellings["002_da96f0f2ac3269c2"] == ("reported", "2024-11-16/2024-11-17")
    assert tellings["004_1351cae8ef071d2e"] == ("confirmed", "2024-11")
