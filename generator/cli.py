"""Command line: build, check, serve, eval. Read top to bottom, it is the pipeline."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import InputError, Problem, Severity, describe_os_error

if TYPE_CHECKING:  # the site module pulls in MkDocs: loaded only by the commands that build
    from generator.site import Project


def _project(args: argparse.Namespace) -> Project:
    from generator.site import Project

    root = Path(args.root).resolve()
    return Project(
        root=root,
        seeds=Path(args.seeds).resolve(),
        data=Path(args.data).resolve(),
        site=Path(args.site).resolve(),
    )


def _print_problems(problems: Sequence[Problem]) -> None:
    here = Path.cwd()
    for problem in problems:
        path = Path(problem.path)
        if path.is_absolute() and path.is_relative_to(here):  # short, as the editor typed it
            problem = replace(problem, path=str(path.relative_to(here)))
        print(problem, file=sys.stderr)


def cmd_build(args: argparse.Namespace) -> int:
    from jinja2 import TemplateError

    from generator.check import template_problem
    from generator.publish import BuildBusy
    from generator.site import BuildIOError, SiteBuildError, build

    project = _project(args)
    started = time.perf_counter()
    try:
        report = build(project)
    except (BuildIOError, BuildBusy) as exc:
        print(exc, file=sys.stderr)
        print("build afgebroken: de vorige site/ is ongewijzigd", file=sys.stderr)
        return 1
    except InputError as exc:
        _print_problems(exc.problems)
        print("build afgebroken: de vorige site/ is ongewijzigd", file=sys.stderr)
        return 1
    except SiteBuildError as exc:
        _print_problems(exc.problems)
        print("build afgebroken: de vorige site/ is ongewijzigd", file=sys.stderr)
        return 1
    except TemplateError as exc:
        _print_problems([template_problem(exc, project.root / "templates")])
        print("build afgebroken: de vorige site/ is ongewijzigd", file=sys.stderr)
        return 1
    _print_problems(report.result.warnings)
    for note in report.notes:
        print(f"waarschuwing: {note}", file=sys.stderr)
    corpus = report.result.corpus
    print(
        f"site gebouwd in {time.perf_counter() - started:.1f} s: {project.site} "
        f"({len(corpus.articles)} artikelen, {len(corpus.events)} gebeurtenissen, "
        f"{len(corpus.facts)} cijfers; {report.pages_written} bestanden herschreven, "
        f"{report.pages_unchanged} ongewijzigd)"
    )
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from generator.check import check_project

    problems = check_project(_project(args))
    _print_problems(problems)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    print(f"{len(errors)} fouten, {len(problems) - len(errors)} waarschuwingen", file=sys.stderr)
    return 1 if errors else 0


def cmd_eval(args: argparse.Namespace) -> int:
    from generator.evaluate import format_table, load_gold, score
    from generator.pipeline import Inputs, run

    try:
        # An evaluation set applies only the corrections about its own articles.
        result = run(Inputs(Path(args.seeds), Path(args.data), own_corrections_only=True))
    except InputError as exc:
        _print_problems(exc.problems)
        return 1
    try:
        gold = load_gold(Path(args.gold))
    except InputError as exc:
        _print_problems(exc.problems)
        return 1
    if not gold:
        print(f"{args.gold}:0: geen referentie-annotaties (*.yml) gevonden", file=sys.stderr)
        return 1
    print(format_table(score(result.corpus, gold, result.article_events), verbose=args.verbose))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.serve import serve

    project = _project(args)
    return serve(project, args.dev_addr)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="python -m generator",
        description="Maakt de uitlegsite over westerse wapens en doelen in Rusland uit de "
        "artikelen in seeds/.",
    )
    sub = top.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--seeds", default="seeds", help="map met artikelen (*.txt) en metadata.yml")
        p.add_argument("--data", default="data", help="map met de gegevens van de redactie")

    build = sub.add_parser("build", help="genereer en bouw de hele site (atomair)")
    common(build)
    build.add_argument("--site", default="site", help="doelmap van de gebouwde site")
    build.add_argument("--root", default=".", help="projectmap met mkdocs.yml, docs/, templates/")
    build.set_defaults(func=cmd_build)

    check = sub.add_parser("check", help="controleer artikelen en gegevens; meldt pad:regel: fout")
    common(check)
    check.add_argument("--site", default="site", help=argparse.SUPPRESS)
    check.add_argument("--root", default=".", help="projectmap met mkdocs.yml, docs/, templates/")
    check.set_defaults(func=cmd_check)

    serve = sub.add_parser("serve", help="live voorbeeld voor redacteuren")
    common(serve)
    serve.add_argument("--site", default="site", help=argparse.SUPPRESS)
    serve.add_argument("--root", default=".", help="projectmap met mkdocs.yml")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", help="adres:poort")
    serve.set_defaults(func=cmd_serve)

    evaluate = sub.add_parser("eval", help="meet de extractie tegen referentie-annotaties")
    common(evaluate)
    evaluate.add_argument("--gold", required=True, help="map met referentie-annotaties (*.yml)")
    evaluate.add_argument("-v", "--verbose", action="store_true", help="toon missers en fouten")
    evaluate.set_defaults(func=cmd_eval)
    return top


ISSUES_URL = "https://github.com/wapens-uitleg/westerse-wapens/issues"


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except InputError as exc:  # a command that does not report its own input errors
        _print_problems(exc.problems)
        return 1
    except OSError as exc:  # a full disk, missing rights: the editor's to fix, not a bug
        print(f"fout: {describe_os_error(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # the last resort: a bug of ours, said plainly, kept for a report
        return _internal_error(exc)


def _internal_error(exc: Exception) -> int:
    """Say that the generator failed (not the input), and keep the traceback in a file."""
    import tempfile
    import traceback

    details = "".join(traceback.format_exception(exc))
    try:
        with tempfile.NamedTemporaryFile(
            "w", prefix="generator-fout-", suffix=".txt", delete=False, encoding="utf-8"
        ) as handle:
            handle.write(details)
        kept = f"de details staan in {handle.name}"
    except OSError:
        kept = "de details konden niet bewaard worden"
    print(f"interne fout: {type(exc).__name__}: {exc}", file=sys.stderr)
    print(
        f"Dit is een fout in de generator, niet in uw invoer; {kept}. Meld het alstublieft "
        f"op {ISSUES_URL} met de opdracht die u gaf en dat bestand.",
        file=sys.stderr,
    )
    return 70  # EX_SOFTWARE
