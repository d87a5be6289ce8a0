"""EDTF dates and their Dutch labels: the precision shown is the precision known."""

import random
import re
from datetime import date, timedelta
from pathlib import Path

import edtf
import pytest

from generator import dates
from generator.dutch.timex import find_time_expressions
from generator.sources import read_seeds


@pytest.mark.parametrize(
    ("edtf", "label"),
    [
        ("2024-05", "mei 2024"),
        ("2024-22", "zomer 2024"),
        ("2021", "2021"),
        ("2024-11-19", "19 november 2024"),
        ("2024-05-01/2024-05-10", "begin mei 2024"),
        ("2024-10-21/2024-10-31", "eind oktober 2024"),
        ("2024-11-16/2024-11-17", "16–17 november 2024"),
        ("2024-11/2025-01", "november 2024 – januari 2025"),
    ],
)
def test_label_shows_true_precision(edtf: str, label: str) -> None:
    assert dates.parse(edtf).label == label


def test_bounds_of_a_season_and_an_interval() -> None:
    summer = dates.parse("2024-22")
    assert (summer.start.isoformat(), summer.end.isoformat()) == ("2024-06-01", "2024-08-31")
    span = dates.parse("2024-11/2025-01")
    assert (span.start.isoformat(), span.end.isoformat()) == ("2024-11-01", "2025-01-31")


def test_invalid_edtf_is_a_date_error() -> None:
    with pytest.raises(dates.DateError):
        dates.parse("2024-13")


def test_an_interval_that_ends_before_it_begins_is_a_date_error() -> None:
    # Found by tests/test_dates_properties.py: the package takes "2024-05/2023" as read.
    with pytest.raises(dates.DateError, match="loopt achteruit"):
        dates.parse("2024-05/2023")


def test_jaccard_of_day_ranges() -> None:
    assert dates.jaccard(dates.parse("2024-05"), dates.parse("2024-05")) == 1.0
    assert dates.jaccard(dates.parse("2024-05-01/2024-05-10"), dates.parse("2024-05")) == 10 / 31


# --- our reading of the EDTF subset news dates take, held to the edtf package ---------------

REPO = Path(__file__).resolve().parents[1]


def _package(text: str) -> tuple[date, date] | None:
    try:
        parsed = edtf.parse_edtf(text)
        lo, hi = parsed.lower_strict(), parsed.upper_strict()
        return date(lo.tm_year, lo.tm_mon, lo.tm_mday), date(hi.tm_year, hi.tm_mon, hi.tm_mday)
    except Exception:  # not EDTF, or a year 0 that no date holds
        return None


def _ours(text: str) -> tuple[date, date] | None:
    try:
        return dates.bounds(text)
    except dates.DateError:
        return None


def _single_forms() -> list[str]:
    forms = ["0000", "0001", "0999", "1999", "2000", "2100", "9999"]
    for year in (1900, 2022, 2023, 2025):
        forms += [f"{year}", *(f"{year}-{m:02d}" for m in range(0, 27))]
    # Every day of a leap year and of February in a common one, and days that do not exist.
    day = date(2024, 1, 1)
    while day.year == 2024:
        forms.append(day.isoformat())
        day += timedelta(days=1)
    forms += [f"2023-02-{d:02d}" for d in range(25, 32)]
    forms += [f"2024-{m:02d}-{d:02d}" for m in (0, 4, 6, 13, 21) for d in (0, 1, 30, 31, 32)]
    return forms


def _news_forms() -> set[str]:
    """Every date in the reference annotations and every date the time expressions resolve."""
    found: set[str] = set()
    for path in sorted(REPO.glob("evaluation/*/gold/*.yml")):
        found |= set(re.findall(r"\bdate:\s*\"?([0-9][0-9/X~?.%-]*)", path.read_text("utf-8")))
    for folder in [REPO / "seeds", *sorted(REPO.glob("evaluation/*/seeds"))]:
        for article in read_seeds(folder).articles:
            published = article.meta.published
            if published:
                found.add(published.edtf)
            for sentence in article.sentences:
                for expression in find_time_expressions(sentence.text, published):
                    if expression.date is not None:
                        found.add(expression.date.edtf)
    return found


ODD_FORMS = [
    "",
    " 2024",
    "2024 ",
    "2024-5",
    "2024-05-3",
    "24",
    "20245",
    "x",
    "2024/",
    "/2024",
    "2024/2025/2026",
    "2024-05-01/..",
    "../2024",
    "2024-05/",
    "2024~",
    "2024?",
    "2024-05%",
    "2024-XX",
    "202X",
    "2024-05-03T10:00",
    "２０２４",
    "-2024",
    "Y20240",
    "2024-05-31/2024-05-01",
    "2024-21/2024-05",
    "2024-24/2024-21",
    "2024-13/2024-14",
    "2024-02-30/2024-03",
]


def test_own_edtf_subset_matches_the_edtf_package() -> None:
    rng = random.Random(8)
    singles = _single_forms()
    news = sorted(_news_forms())
    intervals = [f"{rng.choice(singles)}/{rng.choice(singles)}" for _ in range(250)]
    intervals += [f"{a}/{b}" for a, b in zip(news, reversed(news), strict=True)]
    strings = [*singles, *news, *intervals, *ODD_FORMS]
    assert len(news) > 50  # the annotations and the seeds were read
    # Open and unknown ends ("2024/", "../2024") we refuse: the package invents ten years.
    open_ended = {
        s for s in strings if s.count("/") == 1 and not all(p.strip(". ") for p in s.split("/"))
    }
    assert open_ended and all(_ours(s) is None for s in open_ended)
    # Intervals that end before they begin we refuse too: the package takes them as read.
    backwards = {s for s in strings if (b := _package(s)) is not None and b[0] > b[1]}
    assert backwards and all(_ours(s) is None for s in backwards)
    differ = {
        s: (_ours(s), _package(s))
        for s in strings
        if s not in open_ended | backwards and _ours(s) != _package(s)
    }
    assert differ == {}
    # and most strings go through our reading, not a call into the package
    assert sum(dates._part_bounds(s.split("/")[0]) is not None for s in strings) > len(strings) / 2


def test_dates_parse_once_and_labels_need_no_package() -> None:
    dates.parse.cache_clear()
    first = dates.parse("2024-11/2025-01")
    assert dates.parse("2024-11/2025-01") is first
    assert first.label == "november 2024 – januari 2025"
