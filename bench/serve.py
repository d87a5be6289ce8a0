"""How long an editor waits in `serve`: from saving an article to seeing it in the preview.

Usage: .venv/bin/python -m bench.serve [--sizes 5,500] [--edits 3]

Per size it starts the real `python -m generator serve` on a synthetic corpus (bench/corpus.py),
waits for the preview, then appends a sentence to one article several times and polls that
article's page until the sentence is there. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench.run import project_at

MOUNT = "/westerse-wapens"  # the path of site_url in mkdocs.yml, where MkDocs serves


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, text: str, seconds: float, step: float) -> float | None:
    """Seconds until the page holds text, polled every step; None after seconds."""
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        page = _fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - started
        time.sleep(step)
    return None


def _cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (Linux /proc; 0 elsewhere): what an edit
    costs the preview, whatever else the machine is doing."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(size: int, work: Path, edits: int) -> tuple[float, list[float], list[float], list[str]]:
    """Start-up seconds, seconds per edit, the server's CPU seconds per edit, and its log
    lines about rebuilding."""
    root = project_at(work / f"serve-n{size}", size)
    article = sorted((root / "seeds").glob("*.txt"))[-1]
    url = f"http://127.0.0.1:{{port}}{MOUNT}/dossier/bronnen/{article.stem}/"
    port = _free_port()
    url = url.format(port=port)
    log: list[tuple[float, str]] = []  # arrival time, line
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert server.stdout is not None
    stream = server.stdout

    def read() -> None:
        for line in stream:
            log.append((time.perf_counter(), line))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        started = _wait_for(url, "<html", 1800, 0.5)
        if started is None:
            raise SystemExit(f"serve bij N={size} kwam niet op:\n" + _tail(log))
        time.sleep(3)  # let the first build settle
        waits: list[float] = []
        cpu: list[float] = []
        notes: list[str] = []
        for edit in range(edits):
            marker = f"Redactiezin{edit}x{size} werd toegevoegd."
            text = article.read_text(encoding="utf-8").rstrip("\n")
            saved, spent = time.perf_counter(), _cpu_seconds(server.pid)
            article.write_text(f"{text}\n\n{marker}\n", encoding="utf-8")
            seen = _wait_for(url, marker, 600, 0.05)
            if seen is None:
                raise SystemExit(f"wijziging niet gezien bij N={size}:\n" + _tail(log))
            waits.append(seen)
            cpu.append(_cpu_seconds(server.pid) - spent)
            notes += [
                f"+{at - saved:5.2f} s  {line.strip()}"
                for at, line in log
                if at > saved and re.search(r"bijgewerkt in|niet bijgewerkt", line)
            ]
            time.sleep(2)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return started, waits, cpu, notes


def _tail(log: list[tuple[float, str]]) -> str:
    return "".join(line for _, line in log[-20:])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.serve", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--sizes", default="5,500")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    try:
        print(f"belasting van de machine: {os.getloadavg()[0]:.1f} ({os.cpu_count()} kernen)")
        print("| artikelen | opstart | wijziging zichtbaar na (s) | mediaan | CPU per wijziging |")
        print("|---|---|---|---|---|")
        for size in (int(s) for s in args.sizes.split(",")):
            started, waits, cpu, notes = measure(size, work, args.edits)
            shown = ", ".join(f"{w:.2f}" for w in waits)
            print(
                f"| {size} | {started:.1f} s | {shown} | {statistics.median(waits):.2f} s "
                f"| {statistics.median(cpu):.2f} s |"
            )
            for note in notes:
                print(f"  N={size} {note}", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
