"""The typed records of generator.model as JSON and back, driven by their type hints.

Generic on purpose: a field added to a record is stored and read back with no change
here, so a cache can never silently drop it. Reading checks every value against its
type and raises RecordError on anything else.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


class RecordError(ValueError):
    """JSON that is not a record of the asked type."""


def dump(value: Any) -> Any:
    """A record (or list, tuple, dict of records) as plain JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: dump(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [dump(v) for v in value]
    if isinstance(value, dict):
        return {str(k): dump(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise RecordError(f"kan {type(value).__name__} niet opslaan")


def load(kind: type[T], raw: Any) -> T:
    """The record of type kind that dump() turned into raw."""
    return typing.cast(T, _load(kind, raw))


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _load(kind: Any, raw: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        arms = typing.get_args(kind)
        if raw is None and type(None) in arms:
            return None
        for arm in arms:
            if arm is not type(None):
                try:
                    return _load(arm, raw)
                except RecordError:
                    continue
        raise RecordError(f"{raw!r} is geen {kind}")
    if origin in (list, tuple):
        if not isinstance(raw, list):
            raise RecordError(f"{raw!r} is geen lijst")
        args = typing.get_args(kind)
        if origin is list:
            return [_load(args[0], v) for v in raw]
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_load(args[0], v) for v in raw)
        if len(args) != len(raw):
            raise RecordError(f"{raw!r} heeft niet {len(args)} waarden")
        return tuple(_load(a, v) for a, v in zip(args, raw, strict=True))
    if origin is dict:
        key, value = typing.get_args(kind)
        if not isinstance(raw, dict) or key is not str:
            raise RecordError(f"{raw!r} is geen woordenboek")
        return {k: _load(value, v) for k, v in raw.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(raw, dict):
            raise RecordError(f"{raw!r} is geen {kind.__name__}")
        hints = _hints(kind)
        fields = {f.name for f in dataclasses.fields(kind)}
        if set(raw) != fields:
            raise RecordError(f"velden van {kind.__name__} kloppen niet")
        return kind(**{name: _load(hints[name], raw[name]) for name in fields})
    if isinstance(kind, type) and issubclass(kind, Enum):
        try:
            return kind(raw)
        except ValueError as exc:
            raise RecordError(str(exc)) from exc
    if kind is date:
        try:
            return date.fromisoformat(raw)
        except (TypeError, ValueError) as exc:
            raise RecordError(f"{raw!r} is geen datum") from exc
    if kind is float and isinstance(raw, int | float) and not isinstance(raw, bool):
        return raw  # an int stays an int: JSON output would differ ("300" or "300.0")
    if kind in (str, int, bool) and type(raw) is kind:
        return raw
    if kind is Any:
        return raw
    raise RecordError(f"{raw!r} is geen {kind}")
