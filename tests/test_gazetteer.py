"""The editors' gazetteer: every description cites its source, every broader id exists."""

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.gazetteer import load_gazetteer

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_projects_gazetteer_loads_with_sources() -> None:
    gazetteer = load_gazetteer(DATA / "gazetteer.yml")
    weapons = [e for e in gazetteer.entries.values() if e.kind.value == "weapon"]
    assert {"atacms", "storm-shadow", "javelin"} <= {w.id for w in weapons}
    assert all(w.source for w in weapons if w.description)
    assert all(s.source for w in weapons for s in w.specs)
    assert "long-range-missiles" in gazetteer.broader_closure()["atacms"]


def test_a_description_without_source_is_an_error_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.yml"
    path.write_text(
        "weapons:\n  - id: x\n    name: X\n    description: Een raket.\n"
        "places: []\nactors: []\nmedia: []\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_gazetteer(path)
    (problem,) = caught.value.problems
    assert (problem.line, "source" in problem.message) == (2, True)


@pytest.mark.parametrize("ident", ["index", "readme"])
def test_an_id_that_is_a_page_name_of_the_site_is_refused_at_its_line(
    tmp_path: Path, ident: str
) -> None:
    path = tmp_path / "gazetteer.yml"
    path.write_text(
        f"weapons:\n  - name: X\n    id: {ident}\nplaces: []\nactors: []\nmedia: []\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_gazetteer(path)
    (problem,) = caught.value.problems
    assert (problem.line, "voorbehouden" in problem.message) == (3, True)


def test_an_id_given_twice_is_refused_at_the_second_naming_the_first(tmp_path: Path) -> None:
    path = tmp_path / "gazetteer.yml"
    path.write_text(
        "weapons:\n  - id: vijand\n    name: X\n  - id: vijand\n    name: Y\n"
        "places: []\nactors: []\nmedia: []\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_gazetteer(path)
    (problem,) = caught.value.problems
    assert problem.line == 4 and "komt twee keer voor (ook op regel 2)" in problem.message
