"""Putting a built site in place: one build at a time, never a moment without site/.

A build writes into a staging folder beside site/ (`.build-tmp-<site>-XXXXXXXX`, with the
permissions the umask gives, not mkdtemp's 0700) and then exchanges the two with one
`renameat2(RENAME_EXCHANGE)` call: site/ is the old tree and then the new one, with no
moment in between, and it stays a plain folder (GitHub Pages' upload, `mkdocs serve`, a
web server and editors see nothing unusual). Not a `site -> site.vN` symlink, which would
surprise every tool that copies, uploads or removes site/.

Where the exchange is not available (not Linux, an old kernel, a filesystem without it),
the fallback is two renames, site/ -> `.build-old-<site>-XXXXXXXX` and staging -> site/;
a kill between the two leaves no site/ for a moment, and the next build puts the old one
back before it starts (`recover`). Staging folders left by a killed build are removed at
the start of the next one, under the lock.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import secrets
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

STAGING_PREFIX = ".build-tmp-"
OLD_PREFIX = ".build-old-"
LOCK_NAME = ".build.lock"
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class BuildBusy(Exception):
    """Another build held the lock for longer than we were willing to wait."""


def say(message: str) -> None:
    print(message, file=sys.stderr)


@contextlib.contextmanager
def build_lock(
    folders: list[Path], wait_seconds: float = 600.0, say: Callable[[str], None] = say
) -> Iterator[None]:
    """Hold `.build.lock` in each folder (the project root, site/'s parent) for one build.

    A second build says that one is running and waits for it; after wait_seconds it gives
    up with BuildBusy. The lock is an flock: the system drops it when a build dies, so a
    killed build never leaves a lock behind.
    """
    with contextlib.ExitStack() as stack:
        for folder in sorted({f.resolve() for f in folders}):  # one order: no deadlock
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOCK_NAME
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o666)
            stack.callback(os.close, fd)
            _acquire(fd, path, wait_seconds, say)
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        yield


def _acquire(fd: int, path: Path, wait_seconds: float, say: Callable[[str], None]) -> None:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except BlockingIOError:
        pass
    holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
    say(f"er loopt al een build (proces {holder}, {path}); deze wacht tot die klaar is")
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise BuildBusy(
                    f"{path}: na {wait_seconds:.0f} s loopt de andere build (proces {holder}) "
                    f"nog; probeer het later opnieuw"
                ) from None
            time.sleep(0.2)


def make_staging(site: Path) -> Path:
    """A new, empty staging folder beside site/, with the umask's permissions."""
    site.parent.mkdir(parents=True, exist_ok=True)
    while True:
        path = site.with_name(f"{STAGING_PREFIX}{site.name}-{secrets.token_hex(4)}")
        try:
            path.mkdir(mode=0o777)  # the umask applies, as for every folder MkDocs makes
            return path
        except FileExistsError:
            continue


def recover(site: Path) -> list[str]:
    """Before a build, under the lock: put back a site/ that a killed fallback swap took
    away, and remove staging and old folders left by killed builds. Returns what could not
    be removed, as Dutch warnings (a read-only old tree must not stop the build)."""
    notes: list[str] = []
    olds = sorted(site.parent.glob(f"{OLD_PREFIX}{site.name}-*"), key=_mtime)
    if olds and not os.path.lexists(site):
        olds.pop().rename(site)  # the newest old site is the last one published
    for stale in [*site.parent.glob(f"{STAGING_PREFIX}{site.name}-*"), *olds]:
        notes += remove_tree(stale)
    return notes


def _mtime(path: Path) -> float:
    return path.lstat().st_mtime


def remove_tree(path: Path) -> list[str]:
    """Remove a folder; what cannot be removed is reported, never raised."""
    failures: list[str] = []

    def note(_function: object, name: str, info: tuple[type, BaseException, object]) -> None:
        exc = info[1]
        failures.append(f"{name}: {exc.strerror if isinstance(exc, OSError) else exc}")

    shutil.rmtree(path, onerror=note)
    if not failures:
        return []
    return [
        f"{path}: oude build niet helemaal verwijderd ({len(failures)} x, eerst: "
        f"{failures[0]}); de volgende build probeert het opnieuw"
    ]


def exchange(staging: Path, site: Path) -> Path | None:
    """Put staging in site/'s place. Returns where the previous site now is (to remove),
    or None when there was none."""
    if not os.path.lexists(site):
        staging.rename(site)
        return None
    if _rename_exchange(staging, site):
        return staging  # the two swapped names: the old tree is at the staging path
    old = site.with_name(f"{OLD_PREFIX}{site.name}-{secrets.token_hex(4)}")
    site.rename(old)  # from here until the next line there is no site/ (see recover)
    staging.rename(site)
    return old


def _rename_exchange(a: Path, b: Path) -> bool:
    """renameat2(a, b, RENAME_EXCHANGE); False where the system or filesystem lacks it."""
    renameat2 = getattr(_libc(), "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _libc() -> ctypes.CDLL | None:
    try:
        return ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
