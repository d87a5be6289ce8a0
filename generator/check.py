"""`check`: validate seeds and data without building, and list names the gazetteer lacks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from generator.corrections import load_corrections
from generator.dutch.names import find_names
from generator.dutch.timex import load_anchors
from generator.errors import InputError, Problem, Severity
from generator.extract.mentions import MentionFinder
from generator.extract.proposals import propose_weapons
from generator.gazetteer import load_gazetteer
from generator.geo import load_areas, load_border
from generator.model import Article, BlockKind
from generator.sources import read_seeds

if TYPE_CHECKING:
    from jinja2 import TemplateError

    from generator.site import Project


def check_project(project: Project) -> list[Problem]:
    """Every check build runs, without writing anything: the editor files one by one, then
    the extraction with the corrections, the quotes, the open data and MkDocs' strict
    build (broken links) of a copy of docs/."""
    from jinja2 import TemplateError

    from generator.site import check_build

    problems = check(project.seeds, project.data)
    if any(p.severity is Severity.ERROR for p in problems):
        return problems
    try:
        return problems + check_build(project)
    except InputError as exc:
        return problems + exc.problems
    except TemplateError as exc:
        return [*problems, template_problem(exc, project.root / "templates")]


def template_problem(exc: TemplateError, templates: Path) -> Problem:
    """A broken Jinja template at its file and line."""
    where = getattr(exc, "filename", None) or templates
    line = getattr(exc, "lineno", None) or 1
    return Problem(str(where), line, f"sjabloonfout: {exc.message}")


def check(seeds: Path, data: Path) -> list[Problem]:
    """Every editor file on its own, so that all their mistakes show at once."""
    problems: list[Problem] = []
    gazetteer = None
    try:
        gazetteer = load_gazetteer(data / "gazetteer.yml")
    except InputError as exc:
        problems += exc.problems
    try:
        load_anchors(data / "time_anchors.yml")
    except InputError as exc:
        problems += exc.problems
    try:
        known = {e.id: e.kind for e in gazetteer.entries.values()} if gazetteer else None
        load_corrections(data / "corrections.yml", known)
    except InputError as exc:
        problems += exc.problems
    try:
        load_border(data / "border.geojson")
    except ValueError as exc:
        problems.append(Problem(str(data / "border.geojson"), 1, str(exc)))
    for name in ("countries.geojson", "regions.geojson"):
        try:
            load_areas(data / name)
        except ValueError as exc:
            problems.append(Problem(str(data / name), 1, str(exc)))
    try:
        seeds_read = read_seeds(seeds)
    except InputError as exc:
        return problems + exc.problems
    problems += seeds_read.warnings
    if gazetteer is not None:
        finder = MentionFinder(gazetteer)
        for article in seeds_read.articles:
            problems += candidates(article, finder, gazetteer.not_entities)
    return problems


def file_line(article: Article, offset: int) -> int:
    """1-based line in the article's file of an offset into its (header-stripped) text."""
    return article.text.count("\n", 0, offset) + 1


def candidates(
    article: Article, finder: MentionFinder, not_entities: frozenset[str] = frozenset()
) -> list[Problem]:
    """Names in body sentences that no gazetteer entry covers: editors decide what they are
    (an entity, or a name in the gazetteer's not_entities that is none)."""
    found: list[Problem] = []
    seen: set[str] = set()
    for sentence in article.sentences:
        if sentence.kind is not BlockKind.BODY:
            continue
        covered = [(m.start, m.end) for m in finder.find(sentence.text)]
        for candidate in find_names(sentence.text):
            name = candidate.text
            if (
                name in seen
                or name in not_entities
                or any(s <= candidate.start < e or s < candidate.end <= e for s, e in covered)
            ):
                continue
            seen.add(name)
            found.append(
                Problem(
                    article.path,
                    file_line(article, sentence.start),
                    f"naam niet in data/gazetteer.yml: {name!r} (kandidaat: toevoegen als wapen, "
                    f"plaats, actor of medium, of onder not_entities als het geen van die is)",
                    Severity.WARNING,
                )
            )
        for proposal in propose_weapons(sentence.text, finder.known_names()):
            if proposal.id in seen:
                continue
            seen.add(proposal.id)
            found.append(
                Problem(
                    article.path,
                    file_line(article, sentence.start),
                    f"voorgesteld wapen {proposal.name!r} (id {proposal.id}): de site gebruikt "
                    f"het al; bevestig het in data/gazetteer.yml onder weapons",
                    Severity.WARNING,
                )
            )
    return found
