"""Links from the site back to the repository: where editors fix what they see."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import yaml

from generator.model import Event

CORRECTIONS_FILE = "data/corrections.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: `!ENV [NAME, default]` takes the environment's value."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    assert isinstance(node, yaml.SequenceNode)
    names = [loader.construct_object(n) for n in node.value]
    *variables, default = names if len(names) > 1 else [*names, None]
    return next((os.environ[v] for v in variables if v in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _config(mkdocs_yml: Path) -> dict[str, Any]:
    try:
        config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return {}  # MkDocs itself reports a broken mkdocs.yml, with its line
    return config if isinstance(config, dict) else {}


def site_url(mkdocs_yml: Path) -> str | None:
    """`site_url` of mkdocs.yml, as MkDocs reads it (environment included)."""
    url = _config(mkdocs_yml).get("site_url")
    return url if isinstance(url, str) else None


def repository_url(mkdocs_yml: Path) -> str | None:
    """The repository's web address (`repo_url` in mkdocs.yml), without a trailing slash."""
    url = _config(mkdocs_yml).get("repo_url")
    return str(url).rstrip("/") if isinstance(url, str) and url.startswith("https://") else None


def correction_url(repository: str, event: Event) -> str:
    """A new GitHub issue, filled in with the event's id and quote and a correction to copy
    into data/corrections.yml: the reader or editor only says what is wrong."""
    quote = event.sources[0].quote if event.sources else event.summary
    start = " ".join(quote.split()[:10])
    body = (
        f"Gebeurtenis `{event.id}` ({event.date.label}) in de chronologie.\n\n"
        f"> {quote}\n\n"
        "**Wat klopt er niet, en wat is de bron?**\n\n\n\n"
        f"---\nVoor de redactie: een correctie in [`{CORRECTIONS_FILE}`]"
        f"({repository}/edit/main/{CORRECTIONS_FILE}) begint zo:\n\n"
        "```yaml\n"
        f"  - id: {event.id}\n"
        f"    quote: {_yaml_string(start)}\n"
        "    set: {}\n"
        '    reason: ""\n'
        "```\n"
    )
    query = urlencode({"title": f"Correctie {event.id}: {start[:60]}", "body": body})
    return f"{repository}/issues/new?{query}"


def _yaml_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
