"""One happening told twice becomes one event; different happenings stay apart."""

from datetime import date

from generator import dates
from generator.extract.merge import merge_events
from generator.model import Certainty, Event, SourceRef

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
    assert merged.certainty is Certainty.CONFIRMED
    assert merged.date.start == date(2024, 11, 16)


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
    tally = event("004", "2024-11/2025-01", "Sinds november zijn 31 ATACMS ingezet bij aanvallen.",
                  ["atacms"], Certainty.CLAIMED)
    assert len(merge_events([strike, tally], BROADER)) == 2
