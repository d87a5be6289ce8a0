"""MkDocs as the generator runs it: every warning it logs comes back as `path:line: message`
in Dutch, pointing at the Markdown file and line (or the line of mkdocs.yml) to fix.

MkDocs itself names only the file ("Doc file 'methode.md' contains a link ...") and, in
strict mode, ends with "Aborted with 1 warnings"; the line is found here by looking for the
link in the file.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem, Severity
from generator.yamlfile import syntax_problem


class SiteBuildError(Exception):
    """MkDocs refused the docs: its warnings (strict mode) or errors, each with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Where:
    """The files MkDocs reads, and the docs folder to name in messages (a check builds a
    copy of docs/ elsewhere, but the editor must be sent to the real file)."""

    config: Path
    docs: Path
    shown_docs: Path


_GENERATE_HINT = (
    "; de gegenereerde pagina's (docs/dossier/) ontbreken? Maak ze eerst met "
    "'python -m generator build' (of 'westerse-wapens build')"
)
_LINK_MESSAGES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], str]], ...] = (
    (
        re.compile(
            r"contains a link '(?P<url>[^']*)', but the target.*? is not found among "
            r"documentation files\.(?: Did you mean '(?P<hint>[^']*)'\?)?"
        ),
        lambda m: (
            f"link naar {m['url']!r}: dat bestand bestaat niet in docs/"
            + (f" (bedoelt u {m['hint']!r}?)" if m["hint"] else "")
        ),
    ),
    (
        re.compile(r"contains an unrecognized relative link '(?P<url>[^']*)'"),
        lambda m: (
            f"link {m['url']!r} wijst niet naar een pagina van de site (link naar het "
            ".md-bestand in docs/, bv. methode.md)"
        ),
    ),
    (
        re.compile(r"contains an absolute link '(?P<url>[^']*)'"),
        lambda m: f"absolute link {m['url']!r}: link relatief naar het .md-bestand in docs/",
    ),
    (
        re.compile(r"contains a link '(?P<url>[^']*)', but there is no such anchor on this page"),
        lambda m: f"link {m['url']!r}: die plek bestaat niet op deze pagina",
    ),
    (
        re.compile(
            r"contains a link '(?P<url>[^']*)', but the doc '(?P<doc>[^']*)' does not "
            r"contain an anchor '(?P<anchor>[^']*)'"
        ),
        lambda m: f"link {m['url']!r}: {m['doc']} heeft geen plek {m['anchor']!r}",
    ),
    (
        re.compile(r"contains a link to '(?P<url>[^']*)' which is excluded from the built site"),
        lambda m: f"link naar {m['url']!r}: die pagina wordt niet gepubliceerd",
    ),
)
_DOC_FILE = re.compile(r"^Doc file '(?P<doc>[^']+)' ")
_NAV = re.compile(r"A reference to '(?P<url>[^']+)' is included in the 'nav' configuration")
_WRONG_TYPE = re.compile(r"Expected type: <class '(?P<type>\w+)'>")
_PY_TYPES = {
    "bool": "true of false",
    "str": "tekst",
    "int": "een geheel getal",
    "list": "een lijst",
    "dict": "een blok met velden",
}
_CONFIG = re.compile(r"^Config value '(?P<key>[^']+)': (?P<message>.*)$", re.DOTALL)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def collected_warnings() -> Iterator[list[logging.LogRecord]]:
    """MkDocs' warnings and errors while the block runs, kept from the terminal."""
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    logger.addHandler(handler)
    saved = logger.propagate, logger.level
    logger.propagate = False  # the editor gets them once, translated, with their line
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)
        logger.propagate, _ = saved
        logger.setLevel(saved[1])


def config_problems(config: Path) -> list[Problem]:
    """A mkdocs.yml that is no YAML, at its real line (MkDocs would say line 1 or nothing)."""
    try:
        yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except OSError as exc:
        return [Problem(str(config), 0, f"niet leesbaar: {exc.strerror}")]
    except yaml.MarkedYAMLError as exc:
        return [syntax_problem(config, exc)]
    except yaml.YAMLError as exc:
        return [Problem(str(config), 1, f"YAML-fout: {exc}")]
    return []


def key_line(config: Path, dotted: str) -> int:
    """The line of a (dotted) key in mkdocs.yml, or 1."""
    try:
        node: Any = yaml.compose(config.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, yaml.YAMLError):
        return 1
    line = 1
    for key in dotted.split("."):
        if not isinstance(node, yaml.MappingNode):
            break
        found = next(((k, v) for k, v in node.value if getattr(k, "value", None) == key), None)
        if found is None:
            break
        line, node = found[0].start_mark.line + 1, found[1]
    return line


def _text_line(path: Path, needle: str) -> int:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    for candidates in ((f"]({needle}", f'="{needle}"', f"='{needle}'"), (needle,)):
        for number, line in enumerate(lines, start=1):
            if any(c in line for c in candidates):
                return number
    return 1


def to_problem(record: logging.LogRecord, where: Where) -> Problem:
    """One MkDocs log record as an editor's problem."""
    message = record.getMessage().strip()
    severity = Severity.ERROR if record.levelno >= logging.ERROR else Severity.WARNING
    doc = _DOC_FILE.match(message)
    if doc is not None:
        for pattern, explain in _LINK_MESSAGES:
            found = pattern.search(message)
            if found:
                url = found["url"]
                line = _text_line(where.docs / doc["doc"], url)
                return Problem(str(where.shown_docs / doc["doc"]), line, explain(found), severity)
        return Problem(str(where.shown_docs / doc["doc"]), 1, f"MkDocs: {message}", severity)
    nav = _NAV.search(message)
    if nav is not None:
        hint = _GENERATE_HINT if nav["url"].startswith("dossier/") else ""
        return Problem(
            str(where.config),
            _text_line(where.config, nav["url"]),
            f"het menu (nav) noemt {nav['url']!r}, maar dat bestand bestaat niet in docs/{hint}",
            severity,
        )
    config = _CONFIG.match(message)
    if config is not None:
        said = config["message"].strip()
        wrong_type = _WRONG_TYPE.search(said)
        if wrong_type is not None:
            said = f"verwacht {_PY_TYPES.get(wrong_type['type'], wrong_type['type'])}"
        return Problem(
            str(where.config),
            key_line(where.config, config["key"]),
            f"{config['key']}: {said}",
            Severity.ERROR,
        )
    return Problem(str(where.config), 1, f"MkDocs: {message}", severity)


def run_mkdocs(where: Where, site_dir: Path, epoch: int, strict: bool) -> list[Problem]:
    """Build docs into site_dir. Strict: any warning is a SiteBuildError listing them all;
    otherwise the warnings are returned."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    broken = config_problems(where.config)
    if broken:
        raise SiteBuildError(broken)
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(epoch)  # MkDocs dates its sitemap by this
    failure: Exception | None = None
    with collected_warnings() as records:
        try:
            config = load_config(
                str(where.config), docs_dir=str(where.docs), site_dir=str(site_dir), strict=strict
            )
            # Snippets resolve against the working directory by default: pin them to docs/.
            snippets = config["mdx_configs"].get("pymdownx.snippets")
            if snippets is not None:
                snippets["base_path"] = [str(where.docs)]
            mkdocs_build(config)
        except (Abort, ConfigurationError) as exc:
            failure = exc
        finally:
            if previous is None:
                del os.environ["SOURCE_DATE_EPOCH"]
            else:
                os.environ["SOURCE_DATE_EPOCH"] = previous
    problems = list(dict.fromkeys(to_problem(r, where) for r in records))
    if failure is not None or (strict and problems):
        if not problems:
            problems = [Problem(str(where.config), 1, f"MkDocs: {failure}")]
        raise SiteBuildError([_as_error(p) for p in problems])
    return problems


def _as_error(problem: Problem) -> Problem:
    return Problem(problem.path, problem.line, problem.message, Severity.ERROR)
