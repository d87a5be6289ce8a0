"""Builds that are locked, atomic and never crash: killed at any moment, run twice at once,
on a full disk, without rights or on a read-only old site, `python -m generator build`
leaves a complete site/ and says what went wrong in Dutch, without a traceback."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import cli
from generator.errors import describe_os_error
from generator.site import Project
from tests.test_cli import generator

REPO = Path(__file__).resolve().parents[1]
Snapshot = Callable[[Path], dict[str, bytes]]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".build-[to]*"))


def test_a_build_killed_at_any_moment_leaves_the_previous_site(
    built_copy: Project, snapshot: Snapshot
) -> None:
    before = snapshot(built_copy.site)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for delay in (0.5, 1.5, 2.5, 3.5, 4.5):
        build = subprocess.Popen(
            [sys.executable, "-m", "generator", "build"],
            cwd=built_copy.root,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=60)
        # Old or new (the same input builds byte-identical), but always whole.
        assert snapshot(built_copy.site) == before, f"killed after {delay} s"

    done = generator(built_copy.root, "build")

    assert done.returncode == 0, done.stderr
    assert snapshot(built_copy.site) == before
    assert leftovers(built_copy.root) == []


def test_two_builds_at_once_both_succeed_one_after_the_other(
    built_copy: Project, snapshot: Snapshot
) -> None:
    before = snapshot(built_copy.site)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    builds = [
        subprocess.Popen(
            [sys.executable, "-m", "generator", "build"],
            cwd=built_copy.root,
            env=env,
            text=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    results = [b.communicate(timeout=600) for b in builds]

    assert [b.returncode for b in builds] == [0, 0], results
    assert "Traceback" not in "".join(err for _, err in results)
    assert snapshot(built_copy.site) == before
    assert leftovers(built_copy.root) == []


def test_a_build_while_another_holds_the_lock_says_so_and_waits(
    built_copy: Project, tmp_path: Path
) -> None:
    from tests.test_publish import locker

    release = tmp_path / "vrijgeven"
    holder = locker(built_copy.root, 300, 60, release)
    assert holder.stdout is not None and holder.stdout.readline() == "binnen\n"
    log = tmp_path / "build.err"
    with log.open("w") as err:
        build = subprocess.Popen(
            [sys.executable, "-m", "generator", "build"],
            cwd=built_copy.root,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        deadline = time.monotonic() + 300
        while "er loopt al een build" not in log.read_text() and time.monotonic() < deadline:
            assert build.poll() is None, log.read_text()  # it waits, it does not go ahead
            time.sleep(0.1)
        release.touch()
        build.wait(timeout=300)
    holder.communicate(timeout=60)
    assert build.returncode == 0, log.read_text()
    assert f"er loopt al een build (proces {holder.pid}" in log.read_text()


def test_the_site_gets_the_permissions_the_umask_gives(built_site: object) -> None:
    site = built_site.site  # type: ignore[attr-defined]
    umask = os.umask(0)
    os.umask(umask)
    assert site.stat().st_mode & 0o777 == 0o777 & ~umask
    assert (site / "index.html").stat().st_mode & 0o777 == 0o666 & ~umask


# --- a full disk: a real, small tmpfs ------------------------------------------------------


@contextlib.contextmanager
def small_disk(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("a tmpfs cannot be mounted here (needs root): no full-disk test")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_full_disk_is_a_clear_message_and_the_previous_site_stays(
    fresh_project: Project, snapshot: Snapshot, tmp_path: Path
) -> None:
    with small_disk(tmp_path / "disk") as disk:
        first = generator(fresh_project.root, "build", "--site", str(disk / "site"))
        assert first.returncode == 0, first.stderr
        before = snapshot(disk / "site")
        used = shutil.disk_usage(disk).used
        subprocess.run(["mount", "-o", f"remount,size={used + 256 * 1024}", str(disk)], check=True)

        done = generator(fresh_project.root, "build", "--site", str(disk / "site"))

        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert "de schijf is vol" in done.stderr
        assert "de vorige site/ is ongewijzigd" in done.stderr
        assert snapshot(disk / "site") == before
        assert leftovers(disk) == []


# --- rights: the build runs as a user without them ----------------------------------------


@contextlib.contextmanager
def unprivileged_project() -> Iterator[tuple[Project, list[str]]]:
    """A copy of the project that an unprivileged user owns, and the command prefix that
    runs as that user (nobody, when the tests run as root)."""
    from tests.conftest import copy_project

    folder = Path(tempfile.mkdtemp(prefix="rechten-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        project = copy_project(folder / "project")
        prefix: list[str] = []
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: cannot drop rights")
            subprocess.run(["chown", "-R", "nobody:", str(folder)], check=True)
            prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
        yield project, prefix
    finally:
        subprocess.run(["chmod", "-R", "u+w", str(folder)], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def build_as(prefix: list[str], project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "HOME": str(project.root)}
    return subprocess.run(
        [*prefix, sys.executable, "-m", "generator", "build", *args],
        cwd=project.root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_a_read_only_old_site_is_replaced_and_its_leftovers_reported(
    snapshot: Snapshot,
) -> None:
    with unprivileged_project() as (project, prefix):
        assert build_as(prefix, project).returncode == 0
        subprocess.run([*prefix, "chmod", "-R", "a-w", str(project.site)], check=True)

        done = build_as(prefix, project)

        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert "oude build niet helemaal verwijderd" in done.stderr
        assert (project.site / "index.html").is_file()
        # The next build does not fail on the leftovers either.
        again = build_as(prefix, project)
        assert again.returncode == 0, again.stderr
        assert "Traceback" not in again.stderr


def test_a_site_folder_without_rights_is_a_clear_message_and_the_site_stays(
    snapshot: Snapshot,
) -> None:
    with unprivileged_project() as (project, prefix):
        out = project.root / "out"
        assert build_as(prefix, project, "--site", "out/site").returncode == 0
        before = snapshot(out / "site")
        subprocess.run([*prefix, "chmod", "a-w", str(out)], check=True)

        done = build_as(prefix, project, "--site", "out/site")

        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert "geen toestemming" in done.stderr and str(out) in done.stderr
        assert snapshot(out / "site") == before


# --- the last resort ------------------------------------------------------------------------


def test_an_internal_error_says_so_and_keeps_the_traceback_in_a_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def broken(_args: object) -> int:
        raise RuntimeError("kapot")

    monkeypatch.setattr(cli, "cmd_check", broken)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    tempfile.tempdir = None  # read TMPDIR again
    try:
        code = cli.main(["check"])
    finally:
        tempfile.tempdir = None
    err = capsys.readouterr().err
    assert code == 70
    assert err.startswith("interne fout: RuntimeError: kapot\n")
    assert "Meld het" in err and "Traceback" not in err
    (kept,) = tmp_path.glob("generator-fout-*.txt")
    assert "Traceback" in kept.read_text() and str(kept) in err


def test_a_folder_for_a_file_outside_build_is_a_dutch_message(
    fresh_project: Project,
) -> None:
    gazetteer = fresh_project.data / "gazetteer.yml"
    gazetteer.unlink()
    gazetteer.mkdir()

    done = generator(fresh_project.root, "check")

    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "interne fout" not in done.stderr
    assert "gazetteer.yml" in done.stderr and "is een map, geen bestand" in done.stderr


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "de schijf is vol"),
        (errno.EACCES, "geen toestemming"),
        (errno.EROFS, "alleen-lezen"),
        (errno.EBUSY, "in gebruik"),
    ],
)
def test_file_system_errors_are_named_in_dutch(code: int, words: str) -> None:
    message = describe_os_error(OSError(code, os.strerror(code), "/x/site"))
    assert message.startswith("/x/site: ") and words in message
