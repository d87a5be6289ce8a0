"""YAML loading that remembers line numbers, so errors can point editors to a line."""

from __future__ import annotations

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
    line: int = 1


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[str(key)] = loader.construct_object(value_node, deep=True)
        result.key_lines[str(key)] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(n, deep=True) for n in node.value)
    result.line = node.start_mark.line + 1
    return result


def _timestamp_as_text(loader: _Loader, node: yaml.ScalarNode) -> str:
    # Dates stay text: they are EDTF, which YAML's own date type cannot hold.
    return str(loader.construct_scalar(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def load(path: Path) -> Any:
    """Load a YAML file; syntax errors become an InputError with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(str(path), 1, f"geen geldige UTF-8: {exc.reason}")]) from exc
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 1
        raise InputError([Problem(str(path), line, f"YAML-fout: {exc.problem}")]) from exc
