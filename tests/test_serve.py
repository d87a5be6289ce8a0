"""`serve` for editors: a real MkDocs server on loopback that picks up a changed article."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import REPO, copy_project


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def wait_for(url: str, contains: str, seconds: float) -> str | None:
    """Poll a bounded number of times until the page holds the text."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and contains in page:
            return page
        time.sleep(0.5)
    return None


def test_serve_shows_a_changed_article_without_a_restart(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/westerse-wapens/dossier/chronologie/"
        assert wait_for(url, "Chronologie", 90), "the preview serves the chronology"
        seed = sorted(project.seeds.glob("*.txt"))[0]
        seed.write_text(seed.read_text(encoding="utf-8")
                        + "\nGisteren heeft Biden opnieuw toestemming gegeven voor "
                          "ATACMS-aanvallen op Koersk.\n", encoding="utf-8")
        assert wait_for(url, "opnieuw toestemming gegeven", 60), "the new sentence shows up"
    finally:
        server.terminate()
        server.wait(timeout=20)
