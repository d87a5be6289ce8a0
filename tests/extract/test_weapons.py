"""Categories and pointers resolved to the weapon they stand for."""

from pathlib import Path

import pytest

from generator.extract.mentions import MentionFinder
from generator.extract.weapons import narrowest, resolve_weapons
from generator.gazetteer import Gazetteer, load_gazetteer

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer(DATA / "gazetteer.yml")


def weapons(
    gazetteer: Gazetteer, text: str, recent: list[str], single: dict[str, str]
) -> list[str]:
    finder = MentionFinder(gazetteer)
    found = resolve_weapons(text, finder.find(text), recent, gazetteer.broader_closure(), single)
    return [m.entity for m in found if m.kind.value == "weapon"]


def test_die_points_back_to_the_weapon_just_named(gazetteer: Gazetteer) -> None:
    assert weapons(
        gazetteer, "toestemming om die langeafstandsraketten in te zetten", ["atacms"], {}
    ) == ["atacms"]


def test_the_category_gives_way_to_the_named_weapon_in_apposition(gazetteer: Gazetteer) -> None:
    assert weapons(gazetteer, "de Britse langeafstandsraket Storm Shadow", [], {}) == [
        "storm-shadow"
    ]


def test_an_article_with_one_named_long_range_missile_means_it(gazetteer: Gazetteer) -> None:
    single = {"long-range-missiles": "atacms"}
    assert weapons(gazetteer, "Amerikaanse langeafstandsraketten", [], single) == ["atacms"]


def test_a_category_with_its_example_stays_a_category(gazetteer: Gazetteer) -> None:
    single = {"anti-tank-weapons": "javelin"}
    assert weapons(gazetteer, "17.000 antitankwapens, waaronder Javelins", [], single) == [
        "anti-tank-weapons",
        "javelin",
    ]


def test_a_named_weapon_is_not_also_listed_as_its_group() -> None:
    broader = {"atacms": frozenset({"us-weapons", "long-range-missiles"})}
    assert narrowest(["us-weapons", "atacms", "air-defence"], broader) == ["atacms", "air-defence"]
    assert narrowest(["us-weapons"], broader) == ["us-weapons"]
