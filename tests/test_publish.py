"""Putting a site in place: the exchange leaves no moment without site/, a killed fallback
swap is put right, staging has the umask's permissions, and one build waits for another."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from generator import publish

REPO = Path(__file__).resolve().parents[1]


def a_site(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text, encoding="utf-8")
    return folder


def test_the_exchange_never_leaves_a_moment_without_site(tmp_path: Path) -> None:
    site = a_site(tmp_path / "site", "0")
    # A reader in another process looks for site/index.html as fast as it can.
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent("""
            import os, sys
            path, stop = sys.argv[1], sys.argv[2]
            checks = misses = 0
            while not os.path.exists(stop):
                checks += 1
                misses += not os.path.exists(path)
            print(checks, misses)
        """),
            str(site / "index.html"),
            str(tmp_path / "stop"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    for round_ in range(1, 400):
        staging = a_site(publish.make_staging(site), str(round_))
        old = publish.exchange(staging, site)
        assert old is not None and (old / "index.html").read_text() == str(round_ - 1)
        publish.remove_tree(old)
    (tmp_path / "stop").touch()
    checks, misses = map(int, reader.communicate(timeout=60)[0].split())
    assert checks > 1000 and misses == 0
    assert (site / "index.html").read_text() == "399"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site", "stop"]


def test_a_site_killed_between_the_fallbacks_two_renames_is_put_back(tmp_path: Path) -> None:
    # The fallback swap renames site/ away, then staging in: killed between, no site/.
    site = tmp_path / "site"
    older = a_site(tmp_path / ".build-old-site-00000001", "ouder")
    os.utime(older, (1, 1))
    a_site(tmp_path / ".build-old-site-00000002", "laatst gepubliceerd")
    a_site(tmp_path / ".build-tmp-site-00000003", "half gebouwd")

    assert publish.recover(site) == []

    assert (site / "index.html").read_text() == "laatst gepubliceerd"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_fallback_swap_is_used_where_the_exchange_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish, "_rename_exchange", lambda a, b: False)
    site = a_site(tmp_path / "site", "oud")
    old = publish.exchange(a_site(publish.make_staging(site), "nieuw"), site)
    assert old is not None and old.name.startswith(".build-old-site-")
    assert (site / "index.html").read_text() == "nieuw"
    assert (old / "index.html").read_text() == "oud"


def test_staging_gets_the_permissions_the_umask_gives(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        staging = publish.make_staging(tmp_path / "site")
    finally:
        os.umask(previous)
    assert staging.stat().st_mode & 0o777 == 0o755
    assert staging.name.startswith(".build-tmp-site-")


LOCKER = """
import os, sys, time
from pathlib import Path
from generator import publish
folder, hold, release = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[4]
with publish.build_lock([folder], wait_seconds=float(sys.argv[3])):
    print("binnen", flush=True)
    end = time.monotonic() + hold
    while time.monotonic() < end and not (release and os.path.exists(release)):
        time.sleep(0.05)
"""


def locker(
    folder: Path, hold: float, wait: float, release: Path | None = None
) -> subprocess.Popen[str]:
    """A process that takes the build lock of folder and holds it for `hold` seconds, or
    until the file `release` appears."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    args = [str(folder), str(hold), str(wait), str(release or "")]
    return subprocess.Popen(
        [sys.executable, "-c", LOCKER, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def test_a_second_build_says_one_is_running_and_waits_for_it(tmp_path: Path) -> None:
    first = locker(tmp_path, 2.0, 60)
    assert first.stdout is not None and first.stdout.readline() == "binnen\n"
    second = locker(tmp_path, 0, 60)
    out, err = second.communicate(timeout=60)
    first.communicate(timeout=60)
    assert second.returncode == 0 and out == "binnen\n"
    assert f"er loopt al een build (proces {first.pid}" in err


def test_a_build_that_waits_too_long_gives_up_with_a_message(tmp_path: Path) -> None:
    first = locker(tmp_path, 5.0, 60)
    assert first.stdout is not None and first.stdout.readline() == "binnen\n"
    with (
        pytest.raises(publish.BuildBusy, match="loopt de andere build"),
        publish.build_lock([tmp_path], wait_seconds=0.5, say=lambda _: None),
    ):
        pass
    first.kill()
    first.communicate(timeout=60)
    # A killed holder leaves no lock behind.
    with publish.build_lock([tmp_path], wait_seconds=0):
        pass
