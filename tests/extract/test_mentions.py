"""Gazetteer mentions with Dutch inflections, roles in their period, coordination."""

from datetime import date
from pathlib import Path

import pytest

from generator.extract.mentions import MentionFinder
from generator.gazetteer import load_gazetteer

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(load_gazetteer(DATA / "gazetteer.yml"))


def ids(finder: MentionFinder, text: str, on: date | None = None) -> list[str]:
    return [m.entity for m in finder.find(text, on)]


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("het gebruik van de ATACM's", "atacms"),
        ("een tekort aan ATACMS-raketten", "atacms"),
        ("hun Storm Shadow-raket", "storm-shadow"),
        ("met ook Javelin-raketten", "javelin"),
        ("de bekende Javelins", "javelin"),
        ("in de regio Brjansk", "bryansk"),
        ("in Karatsjov", "karachev"),
        ("richting Kiev", "kyiv"),
        ("in Poetins ogen", "putin"),
        ("dankzij Bidens beslissing", "biden"),
    ],
)
def test_inflected_forms(finder: MentionFinder, text: str, entity: str) -> None:
    assert entity in ids(finder, text)


def test_roles_hold_only_in_their_period(finder: MentionFinder) -> None:
    text = "De Britse premier sprak."
    assert ids(finder, text, date(2024, 9, 10)) == ["starmer"]
    assert ids(finder, text, date(2022, 3, 1)) == []


def test_coordinated_adjectives_share_the_noun(finder: MentionFinder) -> None:
    assert ids(finder, "aanvallen met Amerikaanse en Britse wapens") == ["us-weapons", "uk-weapons"]


def test_longest_match_wins(finder: MentionFinder) -> None:
    assert ids(finder, "volgens de Washington Post") == ["washington-post"]
