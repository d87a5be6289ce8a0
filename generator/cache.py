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
def code_version() -> str:
    """A hash of the generator's own source: changed code never reads an old result."""
    package = Path(__file__).parent
    files = sorted(package.rglob("*.py"))
    return digest(*(p.relative_to(package).as_posix().encode() + p.read_bytes() for p in files))


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
