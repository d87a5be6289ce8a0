"""YAML loading that remembers line numbers, so errors can point editors to a line.

Syntax errors come out in Dutch, at the line where the editor has to look (a bracket or
quote that is never closed is reported where it opens, not where the parser gave up), and
a key given twice in one block is an error instead of silently replacing the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from generator.errors import InputError, Problem


class LineDict(dict[str, Any]):
    """A mapping that knows the 1-based line of each key and of itself."""

    line: int = 1
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A list that knows its own line and the line of each item."""

    line: int = 1
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        lines = getattr(self, "item_lines", [])
        return lines[index] if 0 <= index < len(lines) else self.line


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        line = key_node.start_mark.line + 1
        if key in result.key_lines:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"'{key}' staat twee keer in hetzelfde blok (eerder op regel "
                f"{result.key_lines[key]}); de tweede zou de eerste stilletjes vervangen",
                key_node.start_mark,
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(n, deep=True) for n in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [n.start_mark.line + 1 for n in node.value]
    return result


def _timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text: they are EDTF, which YAML's own date type cannot hold.
    return str(loader.construct_scalar(node))


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser where PyYAML has it (four times faster on a metadata.yml of 5,000
    articles), with the same constructors; a file it refuses is read again by _Loader,
    whose messages _EXPLAINED knows."""


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)

# (what the parser says, where to point, what an editor reads); first match wins.
_EXPLAINED: tuple[tuple[str, str, str], ...] = (
    ("could not find expected ':'", "context", "regel zonder ':' (een veld is 'naam: waarde')"),
    ("expected ',' or ']'", "context", "een lijst die met '[' opent, sluit niet met ']'"),
    ("expected ',' or '}'", "context", "een blok dat met '{' opent, sluit niet met '}'"),
    (
        "found unexpected end of stream",
        "context",
        "een aanhalingsteken wordt niet gesloten",
    ),
    (
        "cannot start any token",
        "problem",
        "een teken dat hier niet mag (een tab? gebruik spaties; een waarde die met @, ` of % "
        "begint, zet je tussen aanhalingstekens)",
    ),
    (
        "expected alphabetic or numeric character, but found",
        "problem",
        "een waarde die met * of & begint, zet je tussen aanhalingstekens",
    ),
    (
        "found undefined alias",
        "problem",
        "een waarde die met * of & begint, zet je tussen aanhalingstekens",
    ),
    (
        "expected chomping or indentation indicators",
        "problem",
        "na '|' of '>' begint de tekst op een nieuwe regel",
    ),
    (
        "expected '<document start>'",
        "problem",
        "dit past niet onder wat erboven staat (staat het op de goede plaats, goed ingesprongen?)",
    ),
    (
        "but found another document",
        "problem",
        "een regel '---' begint een tweede document; een bestand heeft er één: haal hem weg",
    ),
    (
        "expected <block end>, but found '<scalar>'",
        "problem",
        "na de waarde staat nog tekst: zet de hele waarde tussen dubbele aanhalingstekens "
        "(een ' binnen '...' schrijf je als '')",
    ),
    (
        "mapping values are not allowed here",
        "problem",
        "onverwachte ':' (zet een waarde met een dubbele punt tussen aanhalingstekens, of "
        "controleer het inspringen)",
    ),
    (
        "expected <block end>",
        "problem",
        "het inspringen klopt niet (te veel of te weinig spaties?)",
    ),
    (
        "did not find expected key",
        "problem",
        "het inspringen klopt niet (te veel of te weinig spaties?)",
    ),
    (
        "did not find expected '-' indicator",
        "problem",
        "het inspringen van de lijst klopt niet (elk item begint met '- ' op dezelfde plaats)",
    ),
)


def syntax_problem(path: Path | str, exc: yaml.MarkedYAMLError) -> Problem:
    """A YAML syntax error as an editor can act on it: Dutch, at the line to look at."""
    problem = str(exc.problem or "")
    for needle, where, message in _EXPLAINED:
        if needle in problem:
            mark = exc.context_mark if where == "context" and exc.context_mark else exc.problem_mark
            line = mark.line + 1 if mark else 1
            return Problem(str(path), line, f"YAML-fout: {message}")
    mark = exc.problem_mark or exc.context_mark
    if isinstance(exc, yaml.constructor.ConstructorError) and "twee keer" in problem:
        return Problem(str(path), mark.line + 1 if mark else 1, problem)
    return Problem(str(path), mark.line + 1 if mark else 1, f"YAML-fout: {problem}")


def load(path: Path) -> Any:
    """Load a YAML file; syntax errors become an InputError with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError([Problem(str(path), 0, "bestand ontbreekt")]) from exc
    except IsADirectoryError as exc:
        raise InputError([Problem(str(path), 0, "is een map, geen bestand")]) from exc
    except UnicodeDecodeError as exc:
        raise InputError([Problem(str(path), 1, f"geen geldige UTF-8: {exc.reason}")]) from exc
    except OSError as exc:
        raise InputError([Problem(str(path), 0, f"niet leesbaar: {exc.strerror}")]) from exc
    try:
        return yaml.load(text, Loader=_FastLoader)
    except yaml.YAMLError:
        pass  # said again below, in the words and at the line the messages expect
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise InputError([syntax_problem(path, exc)]) from exc
    except yaml.YAMLError as exc:
        raise InputError([Problem(str(path), 1, f"YAML-fout: {exc}")]) from exc


def line_at(data: Any, path: Sequence[str | int]) -> int:
    """The line of the value at path (keys and indexes) in loaded data; the nearest known."""
    line = getattr(data, "line", 1)
    node = data
    for step in path:
        if isinstance(node, LineDict) and isinstance(step, str) and step in node:
            line, node = node.line_of(step), node[step]
            continue
        if isinstance(node, LineList) and isinstance(step, int) and 0 <= step < len(node):
            line, node = node.line_of(step), node[step]
            continue
        break
    return line
