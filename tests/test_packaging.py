"""Packaging: the runtime dependencies in pyproject.toml are what the Pages build installs
(requirements-build.in/.lock), the development tools are a group of their own, and the
console script is declared."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
NAME = re.compile(r"^([A-Za-z0-9_.-]+)")


def requirements(path: Path) -> set[str]:
    lines = [line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return {line for line in lines if line and not line.startswith("-")}


def pins(path: Path) -> dict[str, str]:
    found = re.findall(r"^([a-z0-9_.-]+)==(\S+)", path.read_text(encoding="utf-8"), re.MULTILINE)
    return dict(found)


def test_runtime_dependencies_are_the_build_requirements() -> None:
    build = requirements(REPO / "requirements-build.in") - {"setuptools>=68"}
    assert set(PYPROJECT["project"]["dependencies"]) == build


def test_development_tools_are_a_separate_group_listed_in_requirements_in() -> None:
    dev = set(PYPROJECT["dependency-groups"]["dev"])
    assert {"pytest>=8,<10", "playwright>=1.45,<2"} <= dev
    assert dev <= requirements(REPO / "requirements.in")
    assert not dev & set(PYPROJECT["project"]["dependencies"])


def test_the_build_lock_has_no_test_tools_and_agrees_with_the_full_lock() -> None:
    build, full = pins(REPO / "requirements-build.lock"), pins(REPO / "requirements.lock")
    assert {"mkdocs", "mkdocs-material", "jinja2", "jsonschema"} <= build.keys()
    assert not {"playwright", "pytest", "mypy", "ruff"} & build.keys()
    assert {name: version for name, version in build.items() if full.get(name) != version} == {}


def test_the_console_script_is_declared() -> None:
    assert PYPROJECT["project"]["scripts"] == {"westerse-wapens": "generator.cli:main"}
