"""Checks of the CI entry point and the GitHub Actions workflows.

The workflows are validated offline with the tools from requirements.lock:
check-jsonschema (against the bundled GitHub workflow schema) and zizmor
(security audit, --offline). Every action must be pinned to a full commit SHA
with a version comment.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS_DIR = REPO_ROOT / ".github" / "workflows"
WORKFLOWS = sorted([*WORKFLOWS_DIR.glob("*.yml"), *WORKFLOWS_DIR.glob("*.yaml")])
BIN_DIR = Path(sys.executable).parent

PINNED_USES = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")
VERSION_COMMENT = re.compile(r"^\s+#\s*v\d+\.\d+\.\d+\b")


def _tool(name: str) -> str:
    path = BIN_DIR / name
    if not path.exists():
        pytest.fail(f"{name} not found next to {sys.executable}; run scripts/setup.sh")
    return str(path)


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    # zizmor must never use a token or the network here.
    for var in ("GH_TOKEN", "GITHUB_TOKEN", "ZIZMOR_GITHUB_TOKEN"):
        env.pop(var, None)
    return subprocess.run(
        args,
        cwd=REPO_ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _iter_uses(workflow: dict[str, Any]) -> Iterator[str]:
    for job in (workflow.get("jobs") or {}).values():
        if "uses" in job:  # reusable workflow call
            yield str(job["uses"])
        for step in job.get("steps") or []:
            if "uses" in step:
                yield str(step["uses"])


def test_workflows_exist() -> None:
    names = {p.name for p in WORKFLOWS}
    assert {"ci.yml", "pages.yml"} <= names, names


def test_workflows_match_github_schema() -> None:
    result = _run(
        [
            _tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            *[str(p) for p in WORKFLOWS],
        ]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_has_no_findings() -> None:
    result = _run([_tool("zizmor"), "--offline", str(WORKFLOWS_DIR)])
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha(path: Path) -> None:
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    uses = list(_iter_uses(workflow))
    assert uses, f"{path.name} uses no actions"
    for ref in uses:
        if ref.startswith("./"):  # local action or workflow in this repository
            continue
        assert PINNED_USES.match(ref), f"{path.name}: {ref!r} is not pinned to a 40-hex SHA"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_pinned_action_has_a_version_comment(path: Path) -> None:
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = USES_LINE.match(line)
        if m is None or m["ref"].startswith("./"):
            continue
        assert VERSION_COMMENT.match(m["rest"]), (
            f"{path.name}:{lineno}: pinned action needs a '# vX.Y.Z' comment: {line.strip()}"
        )


def test_checkout_does_not_persist_credentials() -> None:
    for path in WORKFLOWS:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        for job in (workflow.get("jobs") or {}).values():
            for step in job.get("steps") or []:
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    with_ = step.get("with") or {}
                    assert with_.get("persist-credentials") is False, path.name


def test_ci_run_calls_test_script() -> None:
    ci_run = REPO_ROOT / ".ci" / "run"
    assert ci_run.is_file()
    assert os.access(ci_run, os.X_OK), ".ci/run must be executable"
    text = ci_run.read_text(encoding="utf-8")
    assert text.startswith("#!/usr/bin/env bash\n")
    commands = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert "set -euo pipefail" in commands
    assert any("scripts/test.sh" in line for line in commands), commands


def _workflow(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((WORKFLOWS_DIR / name).read_text(encoding="utf-8"))
    return loaded


def test_the_deployment_waits_for_the_build_and_the_data_check_not_for_the_unit_tests() -> None:
    jobs = _workflow("pages.yml")["jobs"]
    assert jobs["deploy"]["needs"] == "build"
    steps = " ".join(str(s.get("run", "")) for s in jobs["build"]["steps"])
    assert "westerse-wapens check" in steps and "westerse-wapens build" in steps
    assert "--build-only" in steps  # no test tools, no Playwright for a deployment
    assert "scripts/test.sh" in " ".join(str(s.get("run", "")) for s in jobs["tests"]["steps"])


def test_the_published_site_takes_its_addresses_from_the_repository() -> None:
    build = _workflow("pages.yml")["jobs"]["build"]
    built = next(s for s in build["steps"] if "westerse-wapens build" in str(s.get("run")))
    assert built["env"]["SITE_URL"].startswith("${{ steps.pages.outputs.base_url }}")
    assert "github.repository" in built["env"]["REPO_URL"]
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_url: !ENV [SITE_URL," in config and "repo_url: !ENV [REPO_URL," in config


def test_pull_requests_run_once_and_cache_pip_by_the_locks() -> None:
    ci = _workflow("ci.yml")
    triggers = ci[True]  # PyYAML reads the key `on` as True
    assert "pull_request" in triggers and "push" not in triggers  # not twice per push
    assert "pull_request.number" in ci["concurrency"]["group"]
    assert ci["concurrency"]["cancel-in-progress"] is True
    python = next(
        s
        for s in ci["jobs"]["test-and-build"]["steps"]
        if str(s.get("uses", "")).startswith("actions/setup-python@")
    )
    assert python["with"]["cache"] == "pip"
    assert "requirements.lock" in python["with"]["cache-dependency-path"]


def test_dependabot_watches_actions_and_pip() -> None:
    config = yaml.safe_load((REPO_ROOT / ".github" / "dependabot.yml").read_text("utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} == {"github-actions", "pip"}


# The first release of each action that runs on Node 24 (`runs.using: node24`); GitHub
# retires Node 20 on its runners. upload-artifact v5 only "supported" Node 24.
NODE24 = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/upload-artifact": 6,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_runs_on_node_24(path: Path) -> None:
    for line in path.read_text(encoding="utf-8").splitlines():
        m = USES_LINE.match(line)
        if m is None or m["ref"].startswith("./"):
            continue
        action = m["ref"].split("@")[0]
        version = re.search(r"v(\d+)", m["rest"])
        assert version, line
        major = int(version[1])
        assert action in NODE24, f"{path.name}: is {action} on Node 24? add it to NODE24"
        assert major >= NODE24[action], f"{path.name}: {action} v{major} runs on Node 20"


def test_the_pull_request_preview_says_how_to_open_it() -> None:
    steps = _workflow("ci.yml")["jobs"]["test-and-build"]["steps"]
    names = [str(s.get("uses", s.get("run", ""))) for s in steps]
    said = next(i for i, s in enumerate(steps) if "VOORBEELD.txt" in str(s.get("run", "")))
    uploaded = next(i for i, n in enumerate(names) if n.startswith("actions/upload-artifact@"))
    assert said < uploaded and steps[uploaded]["with"]["path"] == "site/"
    assert "python3 -m http.server" in steps[said]["run"]
