"""Benchmark: one very long article. Build time must grow linearly with its size.

Usage: .venv/bin/python -m bench.big_article [--sizes 0.3,1.25,5] [--repeated] [--keep DIR]

The article is the synthetic corpus of bench/corpus.py (the seeds varied: other dates,
places, weapons, shuffled paragraphs) written one after the other into a single file of
the given size in MB, beside the real seeds; with --repeated it is one seed article's
paragraphs over and over instead (a repeated paragraph must not become an extra event).
Per size, each in a fresh process: `python -m generator check`, then a build with its
time per stage, wall and CPU (CPU is what a busy shared machine inflates least); and the
ratio of each figure to the size before (4x the text should cost about 4x). Figures, not
assertions.
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
from pathlib import Path

from bench.corpus import make_corpus
from bench.run import ROOT, empty_project

STEM = "999_groot"


def big_text(size_bytes: int, repeated: bool, scratch: Path) -> str:
    """Article text of about size_bytes, from the varied corpus or one repeated seed."""
    if repeated:
        sources = [(ROOT / "seeds" / "001_aa51b72f12ef88cb.txt").read_text(encoding="utf-8")]
    else:
        count = 5
        while True:
            folder = scratch / f"corpus-{count}"
            make_corpus(count, ROOT / "seeds", ROOT / "data" / "gazetteer.yml", folder)
            sources = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
            if sum(len(s.encode()) for s in sources) >= size_bytes or count > 20000:
                break
            count *= 4
    bodies = [s.split(None, 2)[2] if s.lstrip().startswith("date ") else s for s in sources]
    parts: list[str] = []
    total = 0
    while total < size_bytes:
        for body in bodies:
            parts.append(body.strip())
            total += len(body.encode()) + 2
            if total >= size_bytes:
                break
    return " date 2024-11 " + "\n\n".join(parts) + "\n"


def project(root: Path, text: str) -> Path:
    empty_project(root)
    shutil.copytree(ROOT / "seeds", root / "seeds")
    (root / "seeds" / f"{STEM}.txt").write_text(text, encoding="utf-8")
    return root


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Wall and CPU seconds of a child process (CPU: what a busy machine does not inflate)."""
    started, cpu = time.perf_counter(), _children_cpu()
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode not in (0,):
        sys.stderr.write(done.stdout[-2000:] + done.stderr[-4000:])
        raise SystemExit(f"{' '.join(args[1:4])} mislukt (exit {done.returncode})")
    return wall, _children_cpu() - cpu, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.3,1.25,5", help="grootte in MB, komma's")
    parser.add_argument("--repeated", action="store_true", help="één artikel steeds herhaald")
    parser.add_argument("--keep", type=Path, help="laat de projecten in deze map staan")
    args = parser.parse_args()
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="groot-artikel-"))
    scratch.mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        for size_mb in (float(s) for s in args.sizes.split(",")):
            text = big_text(int(size_mb * 1_000_000), args.repeated, scratch)
            root = project(scratch / f"project-{size_mb:g}", text)
            check_s, check_cpu, _ = timed([sys.executable, "-m", "generator", "check"], root)
            build_s, build_cpu, out = timed(
                [sys.executable, "-m", "bench.run", "--child", str(root)], ROOT
            )
            figures = json.loads(out.strip().splitlines()[-1])
            rows.append((len(text.encode()) / 1e6, check_s, build_s, check_cpu, build_cpu, figures))
            print(
                f"{rows[-1][0]:.2f} MB: check {check_s:.1f} s (cpu {check_cpu:.1f}), "
                f"build {build_s:.1f} s (cpu {build_cpu:.1f}), "
                f"{figures['events']} gebeurtenissen",
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(scratch, ignore_errors=True)
    print()
    print(f"belasting van de machine (1 min): {os.getloadavg()[0]:.1f} op {os.cpu_count()} cores")
    print(
        "| MB | check s | check cpu | build s | build cpu | x tekst | x check cpu "
        "| x build cpu | gebeurtenissen | traagste fasen (s) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    previous = None
    for size, check_s, build_s, check_cpu, build_cpu, figures in rows:
        stages = sorted(figures["stages"].items(), key=lambda kv: -kv[1])[:3]
        slowest = ", ".join(f"{name} {seconds:.1f}" for name, seconds in stages)
        ratios = ("", "", "")
        if previous:
            ratios = (
                f"{size / previous[0]:.1f}",
                f"{check_cpu / previous[1]:.1f}",
                f"{build_cpu / previous[2]:.1f}",
            )
        print(
            f"| {size:.2f} | {check_s:.1f} | {check_cpu:.1f} | {build_s:.1f} | "
            f"{build_cpu:.1f} | {ratios[0]} | {ratios[1]} | {ratios[2]} | "
            f"{figures['events']} | {slowest} |"
        )
        previous = (size, check_cpu, build_cpu)


if __name__ == "__main__":
    main()
