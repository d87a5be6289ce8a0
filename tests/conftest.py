"""Shared fixtures: the project copied into a temporary folder, and built there once.

Tests never write into the repository's own site/ or docs/: every build runs on a copy of
mkdocs.yml, the editors' docs/ pages, overrides/, templates/, seeds/ and data/.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from generator.render.pages import GENERATED
from generator.site import DATA, BuildReport, Project, build

REPO = Path(__file__).resolve().parents[1]

# Property tests (Hypothesis): the same examples on every run, so that CI is red only for a
# change, not for luck; HYPOTHESIS_PROFILE=explore searches afresh with more examples.
settings.register_profile(
    "ci",
    derandomize=True,
    deadline=None,
    max_examples=150,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("explore", deadline=None, max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
PROJECT_DIRS = ("overrides", "templates", "seeds", "data")
# The five articles the project started with, frozen: tests of what the extraction finds
# read these, so that editors' changes to seeds/ never turn CI red (fixtures/README.md).
FIXTURE_SEEDS = REPO / "tests" / "fixtures" / "seeds"


def data_without_corrections(dest: Path) -> Path:
    """The editors' data with no corrections: the extraction as the generator does it."""
    shutil.copytree(REPO / "data", dest)
    (dest / "corrections.yml").write_text("events: []\n", encoding="utf-8")
    return dest


def project_at(root: Path) -> Project:
    return Project(root=root, seeds=root / "seeds", data=root / "data", site=root / "site")


def copy_project(dest: Path) -> Project:
    """The repository's inputs, without its generated docs/dossier or built site/."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "generator").mkdir()  # mkdocs.yml's hook; the rest of the code is not copied
    shutil.copy2(REPO / "generator" / "mkdocs_hooks.py", dest / "generator" / "mkdocs_hooks.py")
    for name in PROJECT_DIRS:
        shutil.copytree(REPO / name, dest / name)
    shutil.copytree(REPO / "docs", dest / "docs", ignore=_skip_generated)
    return project_at(dest)


def _skip_generated(folder: str, names: list[str]) -> list[str]:
    return [GENERATED, DATA] if Path(folder) == REPO / "docs" else []


def tree_bytes(folder: Path) -> dict[str, bytes]:
    """Every file below folder by its relative path, with its exact content."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def editor_pages(project: Project) -> dict[str, bytes]:
    """What the editors own in docs/: everything but the generated folder."""
    return {
        rel: content
        for rel, content in tree_bytes(project.docs).items()
        if not rel.startswith((f"{GENERATED}/", f"{DATA}/"))
    }


@dataclass(frozen=True)
class BuiltSite:
    project: Project
    report: BuildReport
    editor_pages_before: dict[str, bytes]

    @property
    def site(self) -> Path:
        return self.project.site

    def editor_pages_now(self) -> dict[str, bytes]:
        return editor_pages(self.project)

    def page(self, rel: str) -> str:
        return (self.site / rel).read_text(encoding="utf-8")

    def data(self, name: str) -> Any:
        return json.loads((self.site / "data" / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real seeds, built once for the whole session (read-only for the tests)."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    before = editor_pages(project)
    report = build(project)
    return BuiltSite(project, report, before)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real seeds plus a payload in every input an article or editor controls
    (tests/hostile.py), built once for the session (read-only for the tests)."""
    from tests.hostile import make_hostile

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    make_hostile(project)
    before = editor_pages(project)
    report = build(project)
    return BuiltSite(project, report, before)


@pytest.fixture
def fresh_project(tmp_path: Path) -> Project:
    """A private copy of the project inputs, not built yet: free to change."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def fixture_project(tmp_path: Path) -> Project:
    """A private copy of the project with the frozen fixture articles instead of seeds/:
    for tests that change a particular line of a particular article or its metadata."""
    project = copy_project(tmp_path / "project")
    shutil.rmtree(project.seeds)
    shutil.copytree(FIXTURE_SEEDS, project.seeds)
    # The editors' corrections concern today's seeds, not these: a correction of a newly
    # added article must not turn these tests red.
    (project.data / "corrections.yml").write_text("events: []\n", encoding="utf-8")
    return project


@pytest.fixture
def built_copy(built_site: BuiltSite, tmp_path: Path) -> Project:
    """A private copy of the built project, site/ and docs/dossier included: free to break."""
    dest = tmp_path / "project"
    shutil.copytree(built_site.project.root, dest, symlinks=True)
    return project_at(dest)


@pytest.fixture
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    return tree_bytes
