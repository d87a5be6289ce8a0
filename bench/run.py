"""Benchmark: build synthetic corpora of growing size and print where the time goes.

Usage: .venv/bin/python -m bench.run [--sizes 5,50,500,5000] [--keep DIR] [--json FILE]

Per size N (the seed articles varied by bench/corpus.py), each build runs in a fresh
process, so peak memory is that build's own and no cache of one size helps the next:
- wall time per stage of `generator build`, the process as a whole (start-up included),
  and a second build after one article changed (the extraction cache warm);
- a plain `mkdocs build` of the same generated Markdown, so the generator's overhead is a
  ratio rather than seconds of a noisy machine;
- peak memory, HTML pages, the biggest page and the search index;
- the ratio of each figure to the size before (10x the articles should cost about 10x).
Figures, not assertions: this is no test (tests/bench runs it at N=5 to see it works).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from bench.corpus import make_corpus

ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("mkdocs.yml", "generator/mkdocs_hooks.py", "overrides", "templates", "data")
STAGES = (
    "read",
    "extract",
    "merge",
    "corrections",
    "headlines",
    "story",
    "map",
    "render",
    "export",
    "verify",
    "write",
    "mkdocs",
)
STAGE_LABELS = {
    "read": "lezen (artikelen, gegevens)",
    "extract": "extractie",
    "merge": "samenvoegen over artikelen",
    "corrections": "correcties",
    "headlines": "koppen",
    "story": "toestemmingen (verhaal)",
    "map": "kaart",
    "render": "pagina's (Markdown)",
    "export": "open data (JSON, CSV, GeoJSON)",
    "verify": "controle (citaten, schema's)",
    "write": "schrijven",
    "mkdocs": "MkDocs",
}


@dataclass
class Figures:
    size: int
    articles: int = 0
    events: int = 0
    stages: dict[str, float] = field(default_factory=dict)
    stages_cpu: dict[str, float] = field(default_factory=dict)
    build: float = 0.0  # build() in the process
    cpu: float = 0.0  # CPU seconds of the whole process, start-up included
    process: float = 0.0  # the whole `python -m generator build`-like process
    rebuild: float = 0.0  # the same, after one article changed, cache warm
    rebuild_stages: dict[str, float] = field(default_factory=dict)
    plain_mkdocs: float = 0.0
    peak_mb: float = 0.0
    pages: int = 0
    biggest_page: str = ""
    biggest_kb: float = 0.0
    search_kb: float = 0.0
    corpus_seconds: float = 0.0


def empty_project(root: Path) -> Path:
    """A fresh project folder with the repository's pages, templates and data, no seeds."""
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    # docs/dossier and docs/data are the generator's output, made anew by each build
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("dossier", "data"))
    return root


def project_at(root: Path, size: int) -> Path:
    """A project folder with the repository's pages and data and a corpus of size articles."""
    empty_project(root)
    make_corpus(size, ROOT / "seeds", ROOT / "data" / "gazetteer.yml", root / "seeds")
    # The editors' corrections name sentences of today's seeds, which a corpus of varied,
    # shuffled or fewer articles need not hold.
    (root / "data" / "corrections.yml").write_text("events: []\n", encoding="utf-8")
    return root


def child(root: Path) -> None:
    """One build in this process; prints its figures as JSON on the last line."""
    started = time.perf_counter()
    from generator.site import Project, build
    from generator.timings import Timings

    project = Project(root, root / "seeds", root / "data", root / "site")
    timings = Timings()
    build_started = time.perf_counter()
    report = build(project, timings=timings)
    done = time.perf_counter()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_kb = usage.ru_maxrss
    print(
        json.dumps(
            {
                "stages": timings.seconds,
                "stages_cpu": timings.cpu,
                "cpu": usage.ru_utime + usage.ru_stime,
                "build": done - build_started,
                "in_process": done - started,
                "peak_mb": peak_kb / 1024,
                "articles": len(report.result.corpus.articles),
                "events": len(report.result.corpus.events),
            }
        )
    )


def _run_child(root: Path) -> tuple[dict[str, Any], float]:
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-m", "bench.run", "--child", str(root)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if out.returncode != 0:
        sys.stderr.write(out.stdout + out.stderr)
        raise SystemExit(f"build van {root} mislukt (exit {out.returncode})")
    return json.loads(out.stdout.strip().splitlines()[-1]), wall


def _edit_one_article(seeds: Path) -> None:
    """What an editor does: add a sentence to the last article's last paragraph."""
    last = sorted(seeds.glob("*.txt"))[-1]
    text = last.read_text(encoding="utf-8").rstrip("\n")
    last.write_text(text + " Dat meldde de redactie later die dag.\n", encoding="utf-8")


def _plain_mkdocs(root: Path) -> float:
    """MkDocs Material alone on the Markdown the generator wrote: the floor of a build."""
    out = root / "plain-site"
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(root / "mkdocs.yml"),
            "-d",
            str(out),
        ],
        cwd=root,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},  # MkDocs' end-of-life banner
    )
    seconds = time.perf_counter() - started
    shutil.rmtree(out, ignore_errors=True)
    return seconds


def measure(size: int, work: Path, rebuild: bool) -> Figures:
    figures = Figures(size)
    started = time.perf_counter()
    root = project_at(work / f"n{size}", size)
    figures.corpus_seconds = time.perf_counter() - started
    result, wall = _run_child(root)
    figures.articles, figures.events = result["articles"], result["events"]
    figures.stages, figures.stages_cpu = result["stages"], result["stages_cpu"]
    figures.cpu = result["cpu"]
    figures.build, figures.process = result["build"], wall
    figures.peak_mb = result["peak_mb"]
    site = root / "site"
    pages = [p for p in site.rglob("*.html")]
    figures.pages = len(pages)
    biggest = max(pages, key=lambda p: p.stat().st_size)
    figures.biggest_page = biggest.relative_to(site).as_posix()
    figures.biggest_kb = biggest.stat().st_size / 1024
    index = site / "search" / "search_index.json"
    figures.search_kb = index.stat().st_size / 1024 if index.exists() else 0.0
    figures.plain_mkdocs = _plain_mkdocs(root)
    if rebuild:
        _edit_one_article(root / "seeds")
        again, wall = _run_child(root)
        figures.rebuild, figures.rebuild_stages = wall, again["stages"]
    return figures


def _ratio(now: float, before: float | None) -> str:
    return f"{now / before:.1f}×" if before else "–"


def table(results: list[Figures], cpu: bool = False) -> str:
    """The figures as a Markdown table, sizes as columns, with the ratio to the size before.

    With cpu, only the stages again, in CPU seconds of the build process: on a machine that
    others share these move less than wall time.
    """
    head = ["", *(f"N = {f.size:,}".replace(",", ".") for f in results)]
    rows: list[list[str]] = []

    def row(label: str, values: list[str]) -> None:
        rows.append([label, *values])

    def seconds(label: str, pick: Any) -> None:
        values = []
        before: float | None = None
        for f in results:
            now = float(pick(f))
            ratio = f" ({_ratio(now, before)})" if before is not None else ""
            values.append(f"{now:.2f} s{ratio}")
            before = now
        row(label, values)

    if cpu:
        for stage in STAGES:
            seconds(STAGE_LABELS[stage], lambda f, s=stage: f.stages_cpu.get(s, 0.0))
        seconds("**build**", lambda f: sum(f.stages_cpu.values()))
        seconds("proces, opstart inbegrepen", lambda f: f.cpu)
        return _markdown(head, rows)
    row("artikelen / gebeurtenissen", [f"{f.articles} / {f.events}" for f in results])
    for stage in STAGES:
        seconds(STAGE_LABELS[stage], lambda f, s=stage: f.stages.get(s, 0.0))
    seconds("**build (in het proces)**", lambda f: f.build)
    seconds("proces, opstart inbegrepen", lambda f: f.process)
    seconds("MkDocs Material alleen (zelfde Markdown)", lambda f: f.plain_mkdocs)
    row(
        "build / MkDocs alleen",
        [f"{f.process / f.plain_mkdocs:.2f}" if f.plain_mkdocs else "–" for f in results],
    )
    if any(f.rebuild for f in results):
        seconds("build na 1 gewijzigd artikel", lambda f: f.rebuild)
        seconds("waarvan extractie", lambda f: f.rebuild_stages.get("extract", 0.0))
    row("piekgeheugen", [f"{f.peak_mb:.0f} MB" for f in results])
    row("HTML-pagina's", [str(f.pages) for f in results])
    row("grootste pagina", [f"{f.biggest_kb:.0f} KB ({f.biggest_page})" for f in results])
    row("zoekindex", [f"{f.search_kb:.0f} KB" for f in results])
    return _markdown(head, rows)


def _markdown(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="5,50,500,5000", help="aantallen artikelen, bv. 5,50")
    parser.add_argument("--keep", help="map voor de projecten (blijft staan); standaard tijdelijk")
    parser.add_argument("--json", help="schrijf de cijfers ook als JSON naar dit bestand")
    parser.add_argument("--no-rebuild", action="store_true", help="sla de tweede build over")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(Path(args.child))
        return 0
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-"))
    results: list[Figures] = []
    try:
        for size in sizes:
            print(f"N = {size}: bezig...", file=sys.stderr, flush=True)
            figures = measure(size, work, not args.no_rebuild)
            results.append(figures)
            print(
                f"N = {size}: build {figures.build:.1f} s, piek {figures.peak_mb:.0f} MB",
                file=sys.stderr,
                flush=True,
            )
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} cores, belasting {load}")
    print("\nWandkloktijd (tussen haakjes: verhouding tot de vorige N)\n")
    print(table(results))
    print("\nCPU-tijd per fase\n")
    print(table(results, cpu=True))
    if args.json:
        Path(args.json).write_text(
            json.dumps([asdict(f) for f in results], indent=1) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
