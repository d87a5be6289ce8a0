"""The command line as editors use it: `python -m generator ...` in a copy of the project."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.site import Project
from tests.conftest import FIXTURE_SEEDS, copy_project

REPO = Path(__file__).resolve().parents[1]
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
PROBLEM = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<message>.+)$")

Snapshot = Callable[[Path], dict[str, bytes]]


def generator(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator *args` in cwd, with this repository's code."""
    pythonpath = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": pythonpath},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


def problem_lines(stderr: str, path: Path, cwd: Path) -> list[re.Match[str]]:
    """The `path:line: message` lines of stderr about path, written relative or absolute."""
    names = {str(path.relative_to(cwd)), str(path), str(path.resolve())}
    return [m for line in stderr.splitlines() if (m := PROBLEM.match(line)) and m["path"] in names]


@pytest.mark.parametrize("command", ["build", "check", "serve", "eval"])
def test_every_command_explains_itself(fresh_project: Project, command: str) -> None:
    done = generator(fresh_project.root, command, "--help")

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"gebruik: python -m generator {command}")
    assert "--seeds" in done.stdout and "voorbeeld:" in done.stdout


def test_check_on_the_real_seeds_passes_and_reports_path_line_message(
    fresh_project: Project,
) -> None:
    done = generator(fresh_project.root, "check")

    assert done.returncode == 0, done.stderr
    *problems, summary = done.stderr.splitlines()
    assert summary.startswith("0 fouten")
    for line in problems:  # warnings, e.g. names the gazetteer lacks
        match = PROBLEM.match(line)
        assert match, line
        named = fresh_project.root / match["path"]
        assert named.is_file(), line
        assert 1 <= int(match["line"]) <= len(named.read_text(encoding="utf-8").splitlines())


def _unknown_field(lines: list[str]) -> tuple[int, str]:
    number = lines.index("  outlet: NOS") + 1
    lines.insert(number, "  publisher: NOS")
    return number + 1, "publisher"


def _impossible_day(lines: list[str]) -> tuple[int, str]:
    number = lines.index('  published: "2024-09"')
    lines[number] = '  published: "2024-09-31"'
    return number + 1, "2024-09-31"


def _dutch_words_for_a_date(lines: list[str]) -> tuple[int, str]:
    number = lines.index('  published: "2024-09"')
    lines[number] = '  published: "september 2024"'
    return number + 1, "september 2024"


@pytest.mark.parametrize(
    "mistake",
    [_unknown_field, _impossible_day, _dutch_words_for_a_date],
    ids=["unknown-field", "impossible-day", "date-in-words"],
)
def test_check_points_to_the_line_of_a_metadata_mistake(
    fixture_project: Project, mistake: Callable[[list[str]], tuple[int, str]]
) -> None:
    fresh_project = fixture_project
    metadata = fresh_project.seeds / "metadata.yml"
    lines = metadata.read_text(encoding="utf-8").split("\n")
    line, culprit = mistake(lines)
    metadata.write_text("\n".join(lines), encoding="utf-8")

    done = generator(fresh_project.root, "check")

    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    found = problem_lines(done.stderr, metadata, fresh_project.root)
    assert [int(m["line"]) for m in found] == [line], done.stderr
    assert culprit in found[0]["message"]


def test_build_refuses_a_non_utf8_article_and_keeps_the_previous_site(
    built_copy: Project, snapshot: Snapshot
) -> None:
    site_before = snapshot(built_copy.site)
    article = built_copy.seeds / "005_latin1.txt"
    article.write_bytes(b" date 2024-11 Eerste alinea.\n\nOekra\xefne kreeg ATACMS.\n")

    done = generator(built_copy.root, "build")

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert [int(m["line"]) for m in problem_lines(done.stderr, article, built_copy.root)] == [3]
    assert snapshot(built_copy.site) == site_before
    assert list(built_copy.root.glob(".build-tmp-*")) == []


@pytest.mark.parametrize("name", ["x.txt", "index.txt", "Y.TXT"])
def test_build_refuses_a_file_it_may_not_publish_and_keeps_the_previous_site(
    built_copy: Project, snapshot: Snapshot, name: str
) -> None:
    site_before = snapshot(built_copy.site)
    article = built_copy.seeds / name
    if name == "x.txt":
        article.symlink_to("/etc/passwd")
    else:
        article.write_text("Biden gaf Oekraïne toestemming.\n", encoding="utf-8")

    done = generator(built_copy.root, "build")

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert [int(m["line"]) for m in problem_lines(done.stderr, article, built_copy.root)] == [1]
    assert snapshot(built_copy.site) == site_before
    assert "root:" not in "".join(
        p.read_text("utf-8", "replace") for p in built_copy.generated.rglob("*.md")
    )


def test_build_into_a_site_folder_whose_parent_does_not_exist_yet(
    fresh_project: Project,
) -> None:
    done = generator(fresh_project.root, "build", "--site", "out/site")

    assert "Traceback" not in done.stderr
    assert done.returncode == 0, done.stderr
    assert (fresh_project.root / "out" / "site" / "index.html").is_file()


# The seed references often leave out the countries an event concerns (the recipient, the
# target), which the real-news references list (evaluation/ANNOTATION.md): hence ent-F1 0.75.
THRESHOLDS = {"F1": 0.9, "datum": 0.9, "zeker": 0.85, "bron": 0.8, "ent-F1": 0.75}


@pytest.mark.skipif(not GOLD.is_dir(), reason=f"no reference annotations in {GOLD}")
def test_eval_against_the_gold_annotations_meets_the_targets(fresh_project: Project) -> None:
    seeds = str(FIXTURE_SEEDS)  # the articles the reference annotations were written for
    done = generator(fresh_project.root, "eval", "--gold", str(GOLD), "--seeds", seeds)

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    header = next(line.split() for line in lines if line.startswith("artikel"))
    assert header == ["artikel", "pred", "gold", "P", "R", "F1", "datum", "zeker", "bron", "ent-F1"]
    rows = {
        cells[0]: dict(zip(header, cells, strict=True))
        for line in lines
        if len(cells := line.split()) == len(header)
    }
    assert {p.stem for p in FIXTURE_SEEDS.glob("*.txt")} <= rows.keys()
    total = rows["totaal"]
    scores = {column: float(total[column]) for column in THRESHOLDS}
    assert {c: s for c, s in scores.items() if s < THRESHOLDS[c]} == {}, total


def test_a_broken_template_is_reported_at_its_line_without_traceback(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    template = project.root / "templates" / "kaart.md.j2"
    template.write_text(
        template.read_text(encoding="utf-8") + "\n{% for x in %}\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build"],
        cwd=project.root,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "kaart.md.j2:" in done.stderr


def test_help_is_dutch_with_examples_and_there_is_a_version(fresh_project: Project) -> None:
    helped = generator(fresh_project.root, "--help")
    assert helped.returncode == 0
    assert helped.stdout.startswith("gebruik: python -m generator")
    assert "voorbeelden:" in helped.stdout and "python -m generator check" in helped.stdout
    assert "opties:" in helped.stdout and "toon deze hulp en stop" in helped.stdout
    versioned = generator(fresh_project.root, "--version")
    assert versioned.returncode == 0 and re.match(r"python -m generator \S+", versioned.stdout)
    wrong = generator(fresh_project.root, "bouw")
    assert wrong.returncode == 2 and "fout: " in wrong.stderr and "'bouw'" in wrong.stderr


def test_commands_find_the_project_from_any_folder_inside_it(fresh_project: Project) -> None:
    inside = fresh_project.data
    done = generator(inside, "check")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.splitlines()[-1].startswith("0 fouten")


def test_a_folder_outside_any_project_is_said_plainly(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from generator.cli import main; "
            "sys.argv[0] = 'westerse-wapens'; sys.exit(main(['check', '--root', sys.argv[1]]))",
            str(tmp_path / "nergens"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert "Traceback" not in done.stderr
    assert done.returncode != 0
