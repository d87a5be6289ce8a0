"""Input files read safely: only regular files, never through a link, with text cleaned of
what no article should carry. Every refusal is a Problem naming the file."""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem, Severity

# Names the site's own pages take in a folder of generated pages (MkDocs makes README.md
# the folder's index too): an article stem or a gazetteer id may not be one of them.
RESERVED_PAGE_NAMES = frozenset({"index", "readme"})

# C0 and C1 controls (tab and line ends aside), and the two non-characters; all invisible
# in a browser, and NUL or ESC in the HTML make it invalid.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LINE_END_RE = re.compile("\r\n|\r|\u2028|\u2029")


def is_reserved_page_name(name: str) -> bool:
    return name.casefold() in RESERVED_PAGE_NAMES


class NotRegularFile(Exception):
    """A path that is a link, a folder or a special file, or cannot be read: the message
    says which, in Dutch."""


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file, refusing symbolic links, folders and special files.

    Opened with O_NOFOLLOW and checked on the open descriptor, so a file swapped for a link
    between a check and the read is refused too; O_NONBLOCK keeps a FIFO from hanging.
    """
    if path.is_symlink():
        raise NotRegularFile(
            f"is een symbolische link (naar {os.readlink(path)!r}); alleen gewone bestanden "
            f"in de map worden gelezen"
        )
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise NotRegularFile("is een symbolische link; alleen gewone bestanden") from exc
        raise NotRegularFile(f"niet te lezen: {exc.strerror}") from exc
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise NotRegularFile("is een map, geen bestand")
        if not stat.S_ISREG(mode):
            raise NotRegularFile("is geen gewoon bestand (maar een apparaat, pipe of socket)")
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise NotRegularFile(f"niet te lezen: {exc.strerror}") from exc
    finally:
        os.close(fd)


@dataclass(frozen=True)
class CleanText:
    text: str
    problems: list[Problem]


def clean_text(content: str, path: str) -> CleanText:
    """One kind of line end (\\n), no byte-order mark, no control characters; what was
    removed is reported at the line of its first occurrence."""
    text = _LINE_END_RE.sub("\n", content.removeprefix("\ufeff"))
    found = _CONTROL_RE.search(text)
    if found is None:
        return CleanText(text, [])
    count = len(_CONTROL_RE.findall(text))
    line = text.count("\n", 0, found.start()) + 1
    message = (
        f"{count} onzichtbare stuurteken(s) weggelaten, het eerste U+{ord(found.group()):04X}; "
        f"controleer of de tekst goed is overgenomen"
    )
    return CleanText(_CONTROL_RE.sub("", text), [Problem(path, line, message, Severity.WARNING)])
