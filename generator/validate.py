"""Editors' files checked against their JSON Schemas (generator/schemas/*.schema.json),
with every finding in Dutch at the line of the YAML it is about.

A schema may carry its own Dutch message for a rule in `x-fout` (a text, or a text per
keyword); otherwise the message says in general terms what is allowed.
"""

from __future__ import annotations

import difflib
import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema.exceptions import ValidationError, best_match

from generator.errors import Problem
from generator.yamlfile import LineDict, line_at

SCHEMAS = Path(__file__).parent / "schemas"

_TYPES = {
    "string": "tekst",
    "boolean": "true of false (zonder aanhalingstekens)",
    "array": "een lijst",
    "object": "een blok met velden",
    "number": "een getal",
    "integer": "een geheel getal",
    "null": "niets (leeg)",
}


_CONSEQUENTIAL = {"anyOf", "oneOf", "not", "dependentSchemas", "if", "then"}


@cache
def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return loaded


def validate(data: Any, schema_name: str, path: Path | str) -> list[Problem]:
    """Every schema violation in data, one Problem each, in file order."""
    validator = jsonschema.Draft202012Validator(schema(schema_name))
    errors = list(validator.iter_errors(data))
    # A typo'd key or a wrong value inside a block also breaks the block's "which kind of
    # entry is this" rules; those would only repeat the real mistake, less clearly.
    specific = {tuple(e.absolute_path) for e in errors if e.validator == "additionalProperties"}
    specific |= {tuple(e.absolute_path)[:-n] for e in errors for n in range(1, len(e.path) + 1)}
    errors = [
        e
        for e in errors
        if not (e.validator in _CONSEQUENTIAL and tuple(e.absolute_path) in specific)
    ]
    problems = [_problem(error, data, str(path)) for error in errors]
    return sorted(set(problems), key=lambda p: (p.line, p.message))


def where(steps: Any) -> str:
    """A dotted path for a message: events[2].set.certainty."""
    text = ""
    for step in steps:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else str(step))
    return text


def _own_message(error: ValidationError) -> str | None:
    custom = error.schema.get("x-fout") if isinstance(error.schema, dict) else None
    if isinstance(custom, dict):
        custom = custom.get(str(error.validator))
    return custom if isinstance(custom, str) else None


def _problem(error: ValidationError, data: Any, path: str) -> Problem:
    own = _own_message(error)
    rules: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    if own is None and error.context:
        deepest = best_match(error.context)
        if deepest is not None and _own_message(deepest) is not None:
            error = deepest
            own = _own_message(deepest)
    steps = list(error.absolute_path)
    line = line_at(data, steps)
    message = own or _generic(error)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(rules.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        if extra and isinstance(error.instance, LineDict):
            line = error.instance.line_of(extra[0])
    label = where(steps)
    return Problem(path, line, f"{label}: {message}" if label else message)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if value is None:
        return "niets"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else str(value)


def _generic(error: ValidationError) -> str:
    kind = error.validator
    expected: Any = error.validator_value
    value: Any = error.instance
    rules: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    if kind == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        names = " of ".join(_TYPES.get(str(t), str(t)) for t in wanted)
        return f"verwacht {names}, niet {_value(value)}"
    if kind == "enum":
        choices = ", ".join(_value(v) for v in expected)
        return f"{_value(value)} is niet toegestaan; kies uit: {choices}"
    if kind == "const":
        return f"moet {_value(expected)} zijn, niet {_value(value)}"
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = sorted(rules.get("properties", {}))
        extra = sorted(k for k in value if k not in allowed)
        hint = ""
        close = difflib.get_close_matches(extra[0], allowed, n=1) if extra else []
        if close:
            hint = f" (bedoelt u '{close[0]}'?)"
        return (
            f"onbekend veld {', '.join(repr(k) for k in extra)}{hint}; toegestaan: "
            f"{', '.join(allowed)}"
        )
    if kind == "required" and isinstance(value, dict):
        missing = [k for k in expected if k not in value]
        return f"{', '.join(repr(k) for k in missing)} ontbreekt"
    if kind == "dependentRequired" and isinstance(value, dict):
        for key, needs in expected.items():
            lacking = [n for n in needs if key in value and n not in value]
            if lacking:
                return f"'{key}' vraagt ook om {', '.join(repr(n) for n in lacking)}"
    if kind == "pattern":
        return f"{_value(value)} heeft niet de vorm {expected}"
    if kind == "minLength":
        return "mag niet leeg zijn"
    if kind == "maxLength" and isinstance(value, str):
        return f"te lang: hoogstens {expected} tekens, dit zijn er {len(value)}"
    if kind in ("minItems", "maxItems") and rules.get("minItems") == rules.get("maxItems"):
        return f"verwacht precies {expected} waarden, niet {len(value)}"
    if kind == "minItems":
        return f"verwacht minstens {expected} waarden"
    if kind == "maxItems":
        return f"verwacht hoogstens {expected} waarden"
    if kind == "minProperties":
        return "mag niet leeg zijn"
    if kind == "minimum":
        return f"{_value(value)} is kleiner dan het minimum {expected}"
    if kind == "maximum":
        return f"{_value(value)} is groter dan het maximum {expected}"
    if kind == "uniqueItems":
        return "een waarde staat dubbel in de lijst"
    if kind in ("oneOf", "anyOf"):
        return "past bij geen van de toegestane vormen"
    if kind == "not":
        return "deze combinatie is niet toegestaan"
    return f"ongeldig ({kind})"
