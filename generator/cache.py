"""A folder of JSON results by content hash, so a rebuild redoes only what changed.

Safe when builds run side by side: an entry is written to a temporary file and renamed
into place, so a reader sees a whole entry or none. An entry that cannot be read (cut
short, edited, from another version) is a miss and is written anew; the cache can always
be deleted. JSON, not pickle: reading a cache folder must never run code.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

CACHE_DIR = ".cache"  # below the project root; ignored by git


def digest(*parts: str | bytes) -> str:
    """A hash of several parts that cannot run into each other."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


@cache
def code_version(*parts: str) -> str:
    """A hash of the code behind a result: the named parts of the generator (files or
    folders below generator/), the Python version and the installed packages. Changed
    code never reads an old result; a change elsewhere keeps them. (Each user names the
    parts its imports reach; tests/test_cache.py checks that against the imports.)"""
    package = Path(__file__).parent
    files: set[Path] = set()
    for part in parts:
        path = package / part
        files |= set(path.rglob("*.py")) if path.is_dir() else {path}
    return digest(
        sys.version,
        *_installed(),
        *(p.relative_to(package).as_posix() for p in sorted(files)),
        *(p.read_bytes() for p in sorted(files)),
    )


def _installed() -> list[str]:
    """The installed distributions with their versions (their .dist-info folders' names)."""
    found: list[str] = []
    for entry in sys.path:
        folder = Path(entry)
        if folder.is_dir():
            found += sorted(p.name for p in folder.glob("*.dist-info"))
    return found


class Store:
    """JSON values by key in one folder (per kind of result)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        try:
            entry = json.loads(self._path(key).read_bytes())
        except (OSError, ValueError):
            return None  # absent or unreadable: a miss
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None  # not what was stored under this key
        return entry.get("value")

    def put(self, key: str, value: Any) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    entry = {"key": key, "value": value}
                    handle.write(json.dumps(entry, ensure_ascii=False).encode("utf-8"))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            pass  # a read-only or full disk makes the build slower, never wrong
