"""The gold reader of `eval`: every reference annotation it cannot use is a Dutch
`path:line: message` and a failed run, never a file skipped (which would change the
scores unseen) and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.evaluate import load_gold
from generator.site import Project
from tests.test_cli import generator, problem_lines

GOOD = """article: a
published: 2024-05-31
events:
  - date: 2024-05-10
    evidence: "Russische troepen staken op 10 mei de grens over"
    certainty: confirmed
    attributed_to: []
"""
# name: (file text, line to name, part of the message)
BROKEN = {
    "empty": ("", 1, "leeg bestand"),
    "only-a-comment": ("# nog te annoteren\n", 1, "leeg bestand"),
    "a-list": ("- article: a\n", 1, "verwacht een referentie-annotatie"),
    "a-word": ("a\n", 1, "verwacht een referentie-annotatie"),
    "no-article": ("published: 2024-05-31\nevents: []\n", 1, "'article' ontbreekt"),
    "events-a-mapping": (
        "article: a\nevents:\n  date: 2024-05\n",
        2,
        "verwacht een lijst gebeurtenissen",
    ),
    "event-a-word": ("article: a\nevents:\n  - 2024-05\n", 3, "elke gebeurtenis is een blok"),
    "event-without-evidence": (
        "article: a\nevents:\n  - date: 2024-05\n",
        3,
        "'evidence' ontbreekt",
    ),
    "bad-date": (GOOD.replace("2024-05-10", "2024-02-30"), 4, "events[1].date"),
    "open-date": (GOOD.replace("2024-05-10", "2024-05/.."), 4, "open interval"),
    "certainty-unknown": (GOOD.replace("confirmed", "zeker"), 6, "'zeker' is niet toegestaan"),
    "attribution-a-word": (GOOD.replace("[]", "AP"), 7, "verwacht een lijst namen"),
    "duplicate-key": (GOOD + "article: b\n", 8, "'article' staat twee keer"),
    "another-article": (
        GOOD.replace("article: a", "article: b"),
        1,
        "artikel 'b' staat niet tussen de geëvalueerde artikelen",
    ),
    "yaml-error": (GOOD.replace("attributed_to: []", "attributed_to: [AP"), 7, "YAML-fout"),
}


def gold_folder(tmp_path: Path, text: str) -> tuple[Path, Path]:
    folder = tmp_path / "gold"
    folder.mkdir()
    path = folder / "a.yml"
    path.write_text(text, encoding="utf-8")
    return folder, path


def test_a_well_formed_annotation_is_read_with_its_events(tmp_path: Path) -> None:
    folder, _ = gold_folder(tmp_path, GOOD)
    gold = load_gold(folder, {"a"})
    assert list(gold) == ["a"] and gold["a"]["events"][0]["date"] == "2024-05-10"


@pytest.mark.parametrize(("text", "line", "says"), BROKEN.values(), ids=BROKEN.keys())
def test_an_unusable_annotation_is_an_error_at_its_line(
    tmp_path: Path, text: str, line: int, says: str
) -> None:
    folder, path = gold_folder(tmp_path, text)
    with pytest.raises(InputError) as caught:
        load_gold(folder, {"a"})
    found = [(p.path, p.line) for p in caught.value.problems if says in p.message]
    assert found == [(str(path), line)], caught.value.problems


def test_two_annotations_of_one_article_are_an_error_naming_the_first(tmp_path: Path) -> None:
    folder, first = gold_folder(tmp_path, GOOD)
    second = folder / "b.yml"
    second.write_text(GOOD, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_gold(folder, {"a"})
    ((problem),) = caught.value.problems
    assert (problem.path, problem.line) == (str(second), 1)
    assert f"al een annotatie in {first.name}" in problem.message


def test_eval_stops_on_an_unusable_annotation_with_its_line_and_prints_no_scores(
    fresh_project: Project, tmp_path: Path
) -> None:
    stem = sorted(fresh_project.seeds.glob("*.txt"))[0].stem
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "leeg.yml").write_text("", encoding="utf-8")
    (folder / "ander.yml").write_text(
        GOOD.replace("article: a", "article: bestaat-niet"), encoding="utf-8"
    )
    (folder / "goed.yml").write_text(
        GOOD.replace("article: a", f"article: {stem}"), encoding="utf-8"
    )

    done = generator(fresh_project.root, "eval", "--gold", str(folder))

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "totaal" not in done.stdout  # no scores from the files that were left
    assert [m["line"] for m in problem_lines(done.stderr, folder / "leeg.yml", tmp_path)] == ["1"]
    (other,) = problem_lines(done.stderr, folder / "ander.yml", tmp_path)
    assert other["line"] == "1" and "'bestaat-niet'" in other["message"]
