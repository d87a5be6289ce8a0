"""Errors about input that editors can fix: each names the file and line."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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


class InputError(Exception):
    """Bad input; carries every problem found so the editor sees them all at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))
