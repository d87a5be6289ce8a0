"""Methode's figures come from measuring the evaluation sets at build time, as `eval` does:
never from prose, never from a sealed set."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from generator.evaluate import load_gold, score
from generator.measure import evaluation_sets, measure
from generator.pipeline import Inputs, run
from generator.site import Project, build

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

ROOT = Path(__file__).resolve().parents[1]
HELDOUT = ROOT / "evaluation" / "heldout-b"


def percent(share: float) -> str:
    return f"{round(share * 100)}%"


def row_of(html: str, name: str) -> list[str]:
    """The cells of the Methode table's row of one evaluation set."""
    for row in re.findall(r"<tr>(.*?)</tr>", html, re.S):
        found = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in found]
        if cells and f"({name})" in cells[0]:
            return cells
    raise AssertionError(f"no row for {name}")


def test_methode_prints_what_eval_measures_and_never_reads_a_sealed_set(
    fresh_project: Project, tmp_path: Path
) -> None:
    evaluation = fresh_project.root / "evaluation"
    shutil.copytree(HELDOUT, evaluation / HELDOUT.name)
    sealed = evaluation / "proef-sealed"
    (sealed / "seeds").mkdir(parents=True)
    (sealed / "gold").mkdir()
    (sealed / "seeds" / "kapot.txt").write_bytes(b"\xff niet te lezen")  # read: the build fails

    build(fresh_project)

    html = (fresh_project.site / "methode" / "index.html").read_text(encoding="utf-8")
    result = run(Inputs(HELDOUT / "seeds", fresh_project.data, own_corrections_only=True))
    overall = score(result.corpus, load_gold(HELDOUT / "gold"), result.article_events).overall
    cells = row_of(html, HELDOUT.name)
    assert cells[1:] == [
        str(len(load_gold(HELDOUT / "gold"))),
        str(overall.gold),
        percent(overall.recall),
        percent(overall.precision),
        percent(overall.rate("date_ok")),
        percent(overall.rate("certainty_ok")),
        percent(overall.rate("attribution_ok")),
    ]
    assert "proef-sealed" not in html


def test_a_measurement_is_kept_until_code_data_or_set_change(tmp_path: Path) -> None:
    evaluation = tmp_path / "evaluation"
    shutil.copytree(HELDOUT, evaluation / HELDOUT.name)
    cache = tmp_path / "cache"
    first = measure(evaluation, ROOT / "data", cache)
    assert measure(evaluation, ROOT / "data", cache) == first
    gold = sorted((evaluation / HELDOUT.name / "gold").glob("*.yml"))
    gold[0].unlink()  # a set that changed is measured again
    (again,) = measure(evaluation, ROOT / "data", cache)
    assert again.gold < first[0].gold


def test_without_evaluation_sets_methode_states_no_figures(built_site: BuiltSite) -> None:
    html = built_site.page("methode/index.html")
    assert "geen meetcijfers" in html
    assert not re.search(r"\d+%", html)


def test_every_set_the_project_keeps_sealed_is_named_so_that_builds_leave_it_out() -> None:
    """A sealed set is measured by hand, totals only; a name that does not end in "-sealed"
    would put it on Methode and in front of whoever tunes the rules."""
    kept = {p.name for p in (ROOT / "evaluation").iterdir() if "sealed" in p.name}
    assert kept, "the project keeps sealed sets"
    assert not kept & {p.name for p in evaluation_sets(ROOT / "evaluation")}
