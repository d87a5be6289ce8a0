"""Every mistake an editor can make in the files they own gets a Dutch `path:line: message`
from `check` (and stops `build`), never a traceback: one example per mistake, each with the
line it must name. The project is a private copy with the frozen fixture articles."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.check import check_project
from generator.errors import Severity
from generator.site import Project
from tests.test_cli import generator

Edit = Callable[[Project], Path]


@dataclass(frozen=True)
class Mistake:
    edit: Callable[[Project], tuple[Path, int]]  # makes the mistake: (file, line to name)
    says: str  # part of the message


def replace_line(path: Path, startswith: str, new: str | list[str]) -> int:
    """Replace the first line starting with `startswith`; its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(startswith))
    lines[number : number + 1] = [new] if isinstance(new, str) else new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def metadata_published(value: str) -> Callable[[Project], tuple[Path, int]]:
    def edit(project: Project) -> tuple[Path, int]:
        path = project.seeds / "metadata.yml"
        return path, replace_line(path, "  published: ", f'  published: "{value}"')

    return edit


def metadata_basis(new: str) -> Callable[[Project], tuple[Path, int]]:
    """Replace the first article's basis block by one line."""

    def edit(project: Project) -> tuple[Path, int]:
        path = project.seeds / "metadata.yml"
        lines = path.read_text(encoding="utf-8").split("\n")
        start = next(i for i, line in enumerate(lines) if line.startswith("  basis:"))
        end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith("    "))
        lines[start:end] = [new]
        path.write_text("\n".join(lines), encoding="utf-8")
        return path, start + 1

    return edit


def metadata_twice(project: Project) -> tuple[Path, int]:
    path = project.seeds / "metadata.yml"
    return path, replace_line(path, "  basis:", ["  outlet: NOS", "  basis:"])


def gazetteer_place(new: str) -> Callable[[Project], tuple[Path, int]]:
    """Replace the Kharkiv entry (a must-show place) by `new`."""

    def edit(project: Project) -> tuple[Path, int]:
        path = project.data / "gazetteer.yml"
        return path, replace_line(path, "  - {id: kharkiv,", new)

    return edit


def gazetteer_kursk(new: str) -> Callable[[Project], tuple[Path, int]]:
    def edit(project: Project) -> tuple[Path, int]:
        path = project.data / "gazetteer.yml"
        return path, replace_line(path, "  - {id: kursk,", new)

    return edit


KHARKIV = "  - {id: kharkiv, name: Charkiv, kind: stad, country: ukraine, aliases: [Charkiv]"


def gazetteer_appended(text: str, offset: int) -> Callable[[Project], tuple[Path, int]]:
    """Add a weapon at the top of the weapons list; the line to name is offset into it."""

    def edit(project: Project) -> tuple[Path, int]:
        path = project.data / "gazetteer.yml"
        return path, replace_line(path, "weapons:", ["weapons:", *text.split("\n")]) + offset

    return edit


def no_gazetteer(project: Project) -> tuple[Path, int]:
    path = project.data / "gazetteer.yml"
    path.unlink()
    return path, 0


def anchors_entry(new: list[str], offset: int) -> Callable[[Project], tuple[Path, int]]:
    def edit(project: Project) -> tuple[Path, int]:
        path = project.data / "time_anchors.yml"
        lines = path.read_text(encoding="utf-8").split("\n")
        third = [i for i, line in enumerate(lines) if line.startswith("- phrase:")][2]
        lines[third:third] = new
        path.write_text("\n".join(lines), encoding="utf-8")
        return path, third + 1 + offset

    return edit


def mkdocs_line(
    startswith: str, new: str, offset: int = 0
) -> Callable[[Project], tuple[Path, int]]:
    def edit(project: Project) -> tuple[Path, int]:
        path = project.root / "mkdocs.yml"
        return path, replace_line(path, startswith, new) + offset

    return edit


def broken_link(project: Project) -> tuple[Path, int]:
    path = project.docs / "methode.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "\nZie ook [de achtergrond](achtergrond.md).\n", encoding="utf-8")
    return path, len(text.split("\n")) + 1


def wrong_event_id(project: Project) -> tuple[Path, int]:
    path = project.data / "corrections.yml"
    path.write_text(
        'events:\n  - id: e-0000000000\n    quote: "Dit citaat staat nergens"\n'
        "    drop: true\n    reason: x\n",
        encoding="utf-8",
    )
    return path, 2


MISTAKES = {
    **{
        f"metadata-date-{value}": Mistake(metadata_published(value), value)
        for value in ("2024-25", "2024-XX", "2024-05/..", "2023-02-29")
    },
    "metadata-basis-string": Mistake(
        metadata_basis('  basis: "Datumregel in het bestand."'), "basis is een blok"
    ),
    "metadata-basis-list": Mistake(
        metadata_basis("  basis: [outlet, published]"), "basis is een blok"
    ),
    "metadata-duplicate-key": Mistake(metadata_twice, "'outlet' staat twee keer"),
    "metadata-full-text-without-licence": Mistake(
        lambda project: (
            project.seeds / "metadata.yml",
            replace_line(
                project.seeds / "metadata.yml", "  basis:", ["  full_text: true", "  basis:"]
            ),
        ),
        "full_text: true vraagt om de licentie",
    ),
    "gazetteer-patterns-a-number": Mistake(
        gazetteer_appended("  - id: testwapen\n    name: Testwapen\n    patterns: 5", 3),
        "patterns is een lijst",
    ),
    "gazetteer-missing": Mistake(no_gazetteer, "bestand ontbreekt"),
    "gazetteer-coordinates-booleans": Mistake(
        gazetteer_place(KHARKIV + ", coordinates: [true, false], on_map: always}"),
        "de breedtegraad is een getal",
    ),
    "gazetteer-swapped-coordinates": Mistake(
        gazetteer_place(KHARKIV + ", coordinates: [36.2304, 49.9935], on_map: always}"),
        "omgedraaid, [49.9935, 36.2304], ligt er wel in",
    ),
    "gazetteer-unknown-country": Mistake(
        gazetteer_place(KHARKIV.replace("ukraine", "oekraine") + ", coordinates: [49.99, 36.23]}"),
        "onbekend land 'oekraine'",
    ),
    "gazetteer-alias-twice": Mistake(
        gazetteer_kursk(
            "  - {id: kursk, name: Koersk, kind: stad, country: russia, "
            "aliases: [Koersk, Charkiv], coordinates: [51.7304, 36.1926]}"
        ),
        "alias 'Charkiv' hoort al bij kharkiv",
    ),
    "gazetteer-must-show-without-coordinates": Mistake(
        gazetteer_place(KHARKIV + ", on_map: always}"), "on_map: always vraagt om coordinates"
    ),
    "gazetteer-duplicate-key": Mistake(
        gazetteer_appended("  - id: testwapen\n    name: Testwapen\n    name: Ander", 3),
        "'name' staat twee keer",
    ),
    "time-anchors-missing-source": Mistake(
        anchors_entry(["- phrase: de top", '  date: "2024-07-09"'], 0), "'source' ontbreekt"
    ),
    "time-anchors-bad-date": Mistake(
        anchors_entry(["- phrase: de top", '  date: "2024-07-32"', "  source: x"], 1),
        "die dag bestaat niet",
    ),
    "mkdocs-yaml-error": Mistake(
        mkdocs_line("site_name:", "site_name: [Westerse wapens"), "YAML-fout: een lijst"
    ),
    "mkdocs-config-value": Mistake(
        mkdocs_line("strict:", "strict: true\nuse_directory_urls: misschien", 1),
        "use_directory_urls: verwacht true of false",
    ),
    "docs-broken-link": Mistake(broken_link, "link naar 'achtergrond.md'"),
    "corrections-wrong-event-id": Mistake(wrong_event_id, "onbekende gebeurtenis"),
}


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=MISTAKES.keys())
def test_check_names_the_file_and_line_in_dutch(fixture_project: Project, mistake: Mistake) -> None:
    path, line = mistake.edit(fixture_project)

    problems = check_project(fixture_project)

    errors = [(Path(p.path), p.line, p.message) for p in problems if p.severity is Severity.ERROR]
    assert errors, problems
    named = [(at, number) for at, number, message in errors if mistake.says in message]
    assert named == [(path, line)] * len(named) and named, errors


@pytest.mark.parametrize(
    "name",
    [
        "metadata-date-2024-XX",
        "gazetteer-patterns-a-number",
        "time-anchors-missing-source",
        "mkdocs-yaml-error",
        "docs-broken-link",
    ],
)
def test_build_stops_with_the_same_message_and_no_traceback(
    fixture_project: Project, name: str
) -> None:
    path, line = MISTAKES[name].edit(fixture_project)

    done = generator(fixture_project.root, "build")

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    shown = re.escape(str(path.relative_to(fixture_project.root)))
    assert re.search(
        rf"^{shown}:{line}: .*{re.escape(MISTAKES[name].says)}", done.stderr, re.MULTILINE
    ), done.stderr
