"""Errors about input that editors can fix: each names the file and line."""

from __future__ import annotations

import errno
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        tag = "" if self.severity is Severity.ERROR else "waarschuwing: "
        return f"{self.path}:{self.line}: {tag}{self.message}"


def shown(problem: Problem, here: Path) -> Problem:
    """The problem with its path relative to here when it lies below: short, as typed."""
    path = Path(problem.path)
    if path.is_absolute() and path.is_relative_to(here):
        return replace(problem, path=str(path.relative_to(here)))
    return problem


class InputError(Exception):
    """Bad input; carries every problem found so the editor sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def describe_os_error(exc: OSError) -> str:
    """A Dutch sentence about a failed file operation, naming the file: a full disk, missing
    rights or a read-only disk are the editor's to fix, not a bug."""
    where = exc.filename or "?"
    if exc.filename2:
        where = f"{where} -> {exc.filename2}"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"{where}: de schijf is vol (of het quotum is op); maak ruimte en bouw opnieuw"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{where}: geen toestemming om dit te lezen of te schrijven; controleer de rechten"
    if exc.errno == errno.EROFS:
        return f"{where}: staat op een alleen-lezen schijf"
    if exc.errno == errno.EBUSY:
        return f"{where}: is in gebruik (bijvoorbeeld een koppelpunt) en kan niet vervangen worden"
    if exc.errno == errno.ENOENT:
        return f"{where}: bestaat niet"
    if exc.errno == errno.EISDIR:
        return f"{where}: is een map, geen bestand"
    if exc.errno == errno.ENOTDIR:
        return f"{where}: een deel van dit pad is een bestand, geen map"
    return f"{where}: {exc.strerror or exc}"
