"""Any MkDocs-family tool builds the whole site from a generated docs/: plain `mkdocs build`
and `zensical build` (Material's successor) give the same pages and the same open data as
the generator's own build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BuiltSite

BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[1]


def generated_copy(built: BuiltSite, dest: Path) -> Path:
    """What a clone holds after `python -m generator build`: config, docs/ (generated
    pages and open data included) and the theme overrides; no site/."""
    dest.mkdir(parents=True)
    shutil.copy2(built.project.root / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(built.project.docs, dest / "docs")
    shutil.copytree(built.project.root / "overrides", dest / "overrides")
    (dest / "generator").mkdir()
    shutil.copy2(REPO / "generator" / "mkdocs_hooks.py", dest / "generator" / "mkdocs_hooks.py")
    return dest


def pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def open_data(site: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((site / "data").iterdir())}


def run(tool: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    executable = BIN / tool
    if not executable.exists():
        pytest.fail(f"{tool} not found next to {sys.executable}; run scripts/setup.sh")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [str(executable), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.mark.parametrize("tool", ["mkdocs", "zensical"])
def test_a_generated_docs_folder_builds_the_same_site_with(
    built_site: BuiltSite, tmp_path: Path, tool: str
) -> None:
    root = generated_copy(built_site, tmp_path / "project")

    done = run(tool, "build", cwd=root)

    assert done.returncode == 0, done.stdout + done.stderr
    assert "not included in the" not in done.stdout + done.stderr  # no list of every page
    assert pages(root / "site") == pages(built_site.site)
    assert open_data(root / "site") == open_data(built_site.site)
    assert {"chronology.json", "chronology.csv", "facts.json", "places.geojson"} <= set(
        open_data(root / "site")
    )


def test_plain_mkdocs_on_a_fresh_clone_says_to_generate_first(
    built_site: BuiltSite, tmp_path: Path
) -> None:
    root = generated_copy(built_site, tmp_path / "project")
    shutil.rmtree(root / "docs" / "dossier")

    done = run("mkdocs", "build", cwd=root)

    said = done.stdout + done.stderr  # MkDocs prints an Abort's message on stdout
    assert done.returncode != 0
    assert "Traceback" not in said
    assert "de gegenereerde pagina's zijn er nog niet" in said
    assert "westerse-wapens build" in said
