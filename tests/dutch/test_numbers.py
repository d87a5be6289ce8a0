"""Numbers as Dutch news writes them: separators, words, scales, hedges, counted nouns."""

import pytest

from generator.dutch.numbers import find_quantities, parse_number


@pytest.mark.parametrize(
    ("token", "value"),
    [("17.000", 17000), ("1,5", 1.5), ("zes", 6), ("vijftig", 50), ("dertien", 13)],
)
def test_parse_number(token: str, value: float) -> None:
    assert parse_number(token) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("meer dan 17.000 antitankwapens", (17000, "antitankwapens", "meer dan")),
        ("voor 350 miljoen dollar aan hulp", (350_000_000, "USD", None)),
        ("zo’n 221 miljoen euro", (221_000_000, "EUR", "zo’n")),
        ("ruim 100 kilometer over de grens", (100, "km", "ruim")),
        ("een arsenaal van zo'n vijftig raketten", (50, "raketten", "zo'n")),
        ("minstens 14 Storm Shadow-raketten", (14, "raketten", "minstens")),
        ("127 belangrijke militaire doelen", (127, "doelen", None)),
        ("nog dertien andere landen", (13, "landen", None)),
    ],
)
def test_quantity_value_unit_and_hedge(text: str, expected: tuple[float, str, str | None]) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.qualifier) == expected


def test_coordinated_numbers_of_one_thing_share_their_hedge() -> None:
    found = find_quantities("minstens 14 Storm Shadow-raketten en 31 ATACMS-raketten ingezet")
    assert [(q.value, q.qualifier) for q in found] == [(14, "minstens"), (31, "minstens")]
    other = find_quantities("zo'n 300 kilometer en 5 raketten")
    assert [q.qualifier for q in other] == ["zo'n", None]


def test_a_hedge_before_the_number_in_its_clause_stays_with_it() -> None:
    (q,) = find_quantities("te versoepelen, vermoedelijk een arsenaal van zo'n vijftig raketten")
    assert (q.value, q.qualifier) == (50, "vermoedelijk zo'n")
    (other,) = find_quantities("Vermoedelijk, zegt hij, kwamen er 5 raketten")
    assert other.qualifier is None  # another clause


@pytest.mark.parametrize(
    "text", ["op 24 februari", "in 2021", "vandaag, 20:26", "binnen de zes dagen", "een test"]
)
def test_dates_times_and_articles_are_no_quantities(text: str) -> None:
    assert find_quantities(text) == []
