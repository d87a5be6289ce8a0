"""Command line: build, check, serve, eval. Read top to bottom, it is the pipeline."""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from generator.errors import InputError, Problem, Severity, describe_os_error, shown

if TYPE_CHECKING:  # the site module pulls in MkDocs: loaded only by the commands that build
    from generator.site import Project


def find_root(start: Path) -> Path | None:
    """The project folder: the first of start and its parents that holds mkdocs.yml and
    seeds/, so that the commands work from any folder inside the project."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "seeds").is_dir():
            return folder
    return None


class NoProject(Exception):
    """No project folder around the working directory and no --root."""


def _project(args: argparse.Namespace) -> Project:
    from generator.site import Project

    if args.root is not None:
        root = Path(args.root).resolve()
    else:
        # Inside the project: that project. Elsewhere: the checkout this code runs from.
        found = find_root(Path.cwd()) or find_root(Path(__file__).resolve().parents[1])
        if found is None:
            raise NoProject(
                f"geen projectmap gevonden in {Path.cwd()} of erboven (een map met "
                "mkdocs.yml en seeds/); ga naar het project of geef --root MAP"
            )
        root = found

    def under_root(value: str | None, default: str) -> Path:
        # Folders given on the command line are where the editor typed them; defaults
        # belong to the project, wherever the command was started.
        return Path(value).resolve() if value is not None else root / default

    return Project(
        root=root,
        seeds=under_root(args.seeds, "seeds"),
        data=under_root(args.data, "data"),
        site=under_root(getattr(args, "site", None), "site"),
    )


def _print_problems(problems: Sequence[Problem]) -> None:
    here = Path.cwd()
    for problem in problems:
        print(shown(problem, here), file=sys.stderr)


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
        project = _project(args)
        result = run(Inputs(project.seeds, project.data, own_corrections_only=True))
    except InputError as exc:
        _print_problems(exc.problems)
        return 1
    try:
        gold = load_gold(Path(args.gold), {a.stem for a in result.corpus.articles})
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


_EXAMPLES = """voorbeelden:
  {prog} check                      controleer artikelen, metadata en correcties
  {prog} serve                      live voorbeeld op http://127.0.0.1:8000/
  {prog} serve --dev-addr 127.0.0.1:8001
  {prog} build                      bouw de hele site in site/
  {prog} eval --gold evaluation/heldout-a/gold --seeds evaluation/heldout-a/seeds

Elke melding is 'bestand:regel: wat er mis is'. Uitleg voor redacteuren: CONTRIBUTING.md.
"""


class _DutchHelp(argparse.RawDescriptionHelpFormatter):
    """argparse's help in Dutch: its own few words translated, the rest is ours."""

    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


_ARGPARSE_NL = (
    (re.compile(r"the following arguments are required: (.*)"), r"verplicht: \1"),
    (re.compile(r"invalid choice: (.*?) \(choose from (.*)\)"), r"onbekend: \1 (kies uit \2)"),
    (re.compile(r"unrecognized arguments: (.*)"), r"onbekende opties: \1"),
    (re.compile(r"argument (.*?): expected one argument"), r"\1 verwacht een waarde"),
)


class _DutchParser(argparse.ArgumentParser):
    """argparse's complaints in Dutch, with the hint to ask for help."""

    def error(self, message: str) -> NoReturn:
        for pattern, dutch in _ARGPARSE_NL:
            message = pattern.sub(dutch, message)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {message}\n(meer uitleg: {self.prog} --help)\n")


def _dutch(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p._positionals.title = "commando's"
    p._optionals.title = "opties"
    p.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")
    return p


def prog_name() -> str:
    """How the editor started us: the console script, or python -m generator."""
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else ""
    return "westerse-wapens" if name.startswith("westerse-wapens") else "python -m generator"


def version() -> str:
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("westerse-wapens")
    except PackageNotFoundError:
        return "onbekend (niet geïnstalleerd)"


def parser() -> argparse.ArgumentParser:
    prog = prog_name()
    top = _dutch(
        _DutchParser(
            prog=prog,
            description="Maakt de uitlegsite over westerse wapens en doelen in Rusland uit de "
            "artikelen in seeds/ en de gegevens in data/.",
            epilog=_EXAMPLES.format(prog=prog),
            formatter_class=_DutchHelp,
            add_help=False,
        )
    )
    top.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {version()}",
        help="toon de versie en stop",
    )
    sub = top.add_subparsers(
        dest="command", required=True, title="commando's", metavar="{build,check,serve,eval}"
    )

    def command(name: str, help_text: str, example: str) -> argparse.ArgumentParser:
        p = _dutch(
            sub.add_parser(
                name,
                help=help_text,
                description=help_text,
                epilog=f"voorbeeld:\n  {prog} {example}",
                formatter_class=_DutchHelp,
                add_help=False,
            )
        )
        p.add_argument(
            "--seeds",
            default=None,
            help="map met artikelen (*.txt) en metadata.yml (standaard: seeds/)",
        )
        p.add_argument(
            "--data", default=None, help="map met de gegevens van de redactie (standaard: data/)"
        )
        p.add_argument(
            "--root",
            default=None,
            help="projectmap met mkdocs.yml, docs/, templates/ (standaard: de map "
            "met mkdocs.yml en seeds/ waarin u staat, of erboven)",
        )
        return p

    build = command("build", "genereer en bouw de hele site (atomair)", "build --site /tmp/site")
    build.add_argument(
        "--site", default=None, help="doelmap van de gebouwde site (standaard: site/)"
    )
    build.set_defaults(func=cmd_build)

    check = command(
        "check",
        "controleer artikelen en gegevens zoals build dat doet; meldt bestand:regel: fout",
        "check",
    )
    check.set_defaults(func=cmd_check)

    serve = command("serve", "live voorbeeld voor redacteuren", "serve --dev-addr 127.0.0.1:8001")
    serve.add_argument(
        "--dev-addr", default="127.0.0.1:8000", help="adres:poort (standaard: 127.0.0.1:8000)"
    )
    serve.set_defaults(func=cmd_serve)

    evaluate = command(
        "eval",
        "meet de extractie tegen referentie-annotaties",
        "eval --gold evaluation/heldout-a/gold --seeds evaluation/heldout-a/seeds -v",
    )
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
    except NoProject as exc:
        print(f"fout: {exc}", file=sys.stderr)
        return 2
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
