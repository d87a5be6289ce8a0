"""One happening told twice becomes one event; different happenings stay apart."""

import copy
import random
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from bench.corpus import make_corpus
from generator import dates
from generator.dutch.timex import load_anchors
from generator.extract.events import extract_events
from generator.extract.mentions import MentionFinder
from generator.extract.merge import _fold, _same, merge_events
from generator.gazetteer import load_gazetteer
from generator.model import Certainty, Event, SourceRef
from generator.sources import read_seeds

REPO = Path(__file__).resolve().parents[2]

BROADER = {
    "atacms": frozenset({"long-range-missiles", "us-weapons"}),
    "storm-shadow": frozenset({"long-range-missiles", "uk-weapons"}),
}


def event(
    article: str,
    edtf: str,
    quote: str,
    weapons: list[str],
    certainty: Certainty = Certainty.CONFIRMED,
) -> Event:
    return Event(
        id=f"e-{article}",
        date=dates.parse(edtf),
        summary=quote,
        weapons=weapons,
        places=["kursk"],
        actors=[],
        certainty=certainty,
        attributed_to=[],
        sources=[SourceRef(article, 1, 1, quote)],
    )


def test_same_permission_in_two_articles_merges_to_the_narrower_date() -> None:
    a = event("004", "2024-11", "In november 2024 gaf de VS toestemming.", ["long-range-missiles"])
    b = event(
        "002",
        "2024-11-16/2024-11-17",
        "De VS gaf afgelopen weekend toestemming.",
        ["atacms"],
        Certainty.REPORTED,
    )
    (merged,) = merge_events([a, b], BROADER)
    assert merged.date.edtf == "2024-11-16/2024-11-17"
    assert [s.article for s in merged.sources] == ["004", "002"]
    # A later article that states as fact what the first report hedged confirms nothing.
    assert merged.certainty is Certainty.REPORTED
    assert merged.date.start == date(2024, 11, 16)


def test_a_confirmation_on_the_record_makes_a_merged_event_confirmed() -> None:
    hedged = event(
        "002", "2024-11", "De VS gaven naar verluidt toestemming.", ["atacms"], Certainty.REPORTED
    )
    hedged.sources = [SourceRef("002", 1, 1, hedged.summary, "reported")]
    confirmed = event(
        "005", "2024-11", "Het Pentagon bevestigde dat de VS toestemming gaven.", ["atacms"]
    )
    confirmed.sources = [SourceRef("005", 1, 1, confirmed.summary, "confirmed", ("Pentagon",))]
    (merged,) = merge_events([hedged, confirmed], BROADER)
    assert merged.certainty is Certainty.CONFIRMED


def test_different_weapons_in_one_article_stay_apart() -> None:
    a = event(
        "004",
        "2024-11",
        "De VS gaf toestemming voor langeafstandsraketten.",
        ["long-range-missiles"],
    )
    b = event(
        "004", "2024-11", "Daarna gaf het VK toestemming voor Storm Shadow.", ["storm-shadow"]
    )
    assert len(merge_events([a, b], BROADER)) == 2


def test_different_kinds_of_happening_stay_apart() -> None:
    a = event("001", "2024-11", "De VS gaf toestemming.", ["atacms"])
    b = event("002", "2024-11-19", "Oekraïne zette ATACMS in bij een aanval.", ["atacms"])
    assert len(merge_events([a, b], BROADER)) == 2


def test_a_tally_over_months_does_not_swallow_one_strike() -> None:
    strike = event("002", "2024-11-19", "Oekraïne zette ATACMS in bij een aanval.", ["atacms"])
    tally = event(
        "004",
        "2024-11/2025-01",
        "Sinds november zijn 31 ATACMS ingezet bij aanvallen.",
        ["atacms"],
        Certainty.CLAIMED,
    )
    assert len(merge_events([strike, tally], BROADER)) == 2


# --- the index finds what asking every earlier event finds ----------------------------------


def pairwise(events: list[Event], broader: Mapping[str, frozenset[str]]) -> list[Event]:
    """The definition: each event folds into the first earlier event that is the same."""
    merged: list[Event] = []
    for event in events:
        target = next((m for m in merged if _same(m, event, broader)), None)
        if target is None:
            merged.append(event)
        else:
            _fold(target, event)
    return merged


def told_per_article(seeds: Path) -> tuple[list[list[Event]], dict[str, frozenset[str]]]:
    gazetteer = load_gazetteer(REPO / "data" / "gazetteer.yml")
    finder = MentionFinder(gazetteer)
    anchors = load_anchors(REPO / "data" / "time_anchors.yml")
    broader = gazetteer.broader_closure()
    parents = {e.id: e.broader for e in gazetteer.entries.values() if e.broader}
    told = [
        extract_events(article, finder, anchors, broader, parents)
        for article in read_seeds(seeds).articles
    ]
    return told, broader


def merged_view(events: list[Event]) -> list[tuple[object, ...]]:
    return [
        (e.id, e.date, e.weapons, e.places, e.actors, e.certainty, e.attributed_to, e.sources)
        for e in events
    ]


def assert_index_merges_as_pairwise(seeds: Path) -> int:
    told, broader = told_per_article(seeds)
    within = []
    for events in told:
        fast = merge_events(copy.deepcopy(events), broader)
        assert merged_view(fast) == merged_view(pairwise(copy.deepcopy(events), broader))
        within.extend(fast)
    fast = merge_events(copy.deepcopy(within), broader)
    assert merged_view(fast) == merged_view(pairwise(copy.deepcopy(within), broader))
    return len(within) - len(fast)


def test_index_merges_the_seeds_as_every_pair_would() -> None:
    assert assert_index_merges_as_pairwise(REPO / "seeds") > 0


def test_index_merges_a_synthetic_corpus_as_every_pair_would(tmp_path: Path) -> None:
    make_corpus(80, REPO / "seeds", REPO / "data" / "gazetteer.yml", tmp_path)
    assert assert_index_merges_as_pairwise(tmp_path) > 10  # many happenings told twice


def test_index_merges_dense_random_events_as_every_pair_would() -> None:
    """Many events in few months, weapons of every breadth, planned ones, shared articles."""
    rng = random.Random(8)
    weapons = [*BROADER, "long-range-missiles", "us-weapons", "uk-weapons", "javelin"]
    quotes = ["gaf toestemming", "leverde 300 raketten", "een aanval", "een bezoek", "zei iets"]
    spans = [
        "2024-11",
        "2024-11-19",
        "2024-11-16/2024-11-17",
        "2024-10-28/2024-11-03",
        "2024-12",
        "2024-11/2025-01",
        "2024",
    ]
    events = []
    for n in range(600):
        e = event(
            f"a{rng.randrange(40)}",
            rng.choice(spans),
            rng.choice(quotes),
            rng.sample(weapons, rng.randrange(3)),
            rng.choice(list(Certainty)),
        )
        e.id = f"e-{n}"
        e.places = rng.sample(["kursk", "bryansk", "russia", "kharkiv"], rng.randrange(3))
        e.sources = [SourceRef(e.sources[0].article, n, 1, e.sources[0].quote)]
        events.append(e)
    fast = merge_events(copy.deepcopy(events), BROADER)
    assert merged_view(fast) == merged_view(pairwise(copy.deepcopy(events), BROADER))
    assert 10 < len(fast) < 500


def test_a_repeated_paragraph_is_no_second_event(tmp_path: Path) -> None:
    seed = (REPO / "seeds" / "001_aa51b72f12ef88cb.txt").read_text(encoding="utf-8")
    header, body = seed.split(None, 2)[:2], seed.split(None, 2)[2]
    once, thrice = tmp_path / "once", tmp_path / "thrice"
    once.mkdir()
    thrice.mkdir()
    (once / "a.txt").write_text(" ".join(header) + " " + body, encoding="utf-8")
    (thrice / "a.txt").write_text(
        " ".join(header) + " " + "\n\n".join([body.strip()] * 3) + "\n", encoding="utf-8"
    )
    (told_once,), broader = told_per_article(once)
    (told_thrice,), _ = told_per_article(thrice)
    merged_once = merge_events(told_once, broader)
    merged_thrice = merge_events(told_thrice, broader)
    assert len(told_thrice) > len(merged_once) > 3
    assert [e.summary for e in merged_thrice] == [e.summary for e in merged_once]
    # each event cites every place the article tells it
    pairs = zip(merged_thrice, merged_once, strict=True)
    assert all(len(t.sources) == 3 * len(o.sources) for t, o in pairs)
