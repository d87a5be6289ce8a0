"""EDTF dates and their Dutch labels: the precision shown is the precision known."""

import pytest

from generator import dates


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


def test_jaccard_of_day_ranges() -> None:
    assert dates.jaccard(dates.parse("2024-05"), dates.parse("2024-05")) == 1.0
    assert dates.jaccard(dates.parse("2024-05-01/2024-05-10"), dates.parse("2024-05")) == 10 / 31
