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
        cwd=project.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        url = f"http://127.0.0.1:{port}/westerse-wapens/dossier/chronologie/"
        assert wait_for(url, "Chronologie", 90), "the preview serves the chronology"
        seed = sorted(project.seeds.glob("*.txt"))[0]
        seed.write_text(
            seed.read_text(encoding="utf-8")
            + "\nGisteren heeft Biden opnieuw toestemming gegeven voor "
            "ATACMS-aanvallen op Koersk.\n",
            encoding="utf-8",
        )
        assert wait_for(url, "opnieuw toestemming gegeven", 60), "the new sentence shows up"
    finally:
        server.terminate()
        server.wait(timeout=20)


def start_serve(root: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(server: subprocess.Popen[str]) -> str:
    server.terminate()
    output, _ = server.communicate(timeout=20)
    return output


def wait_without(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text not in page:
            return True
        time.sleep(0.5)
    return False


def test_a_failed_rebuild_shows_in_the_browser_and_the_next_change_recovers(
    tmp_path: Path,
) -> None:
    project = copy_project(tmp_path / "project")
    port = free_port()
    server = start_serve(project.root, port)
    try:
        home = f"http://127.0.0.1:{port}/westerse-wapens/"
        assert wait_for(home, "Westerse wapens", 90), "the preview serves the home page"
        metadata = project.seeds / "metadata.yml"
        good = metadata.read_text(encoding="utf-8")
        lines = good.split("\n")
        number = next(i for i, line in enumerate(lines) if line.startswith("  published: "))
        lines[number] = '  published: "2024-XX"'
        metadata.write_text("\n".join(lines), encoding="utf-8")

        fetch(f"http://127.0.0.1:{port}/")  # a redirect to the mount point
        fetch(f"{home}bestaat-niet/")  # a 404
        page = wait_for(home, "De laatste wijziging is niet verwerkt", 60)
        assert page is not None, "the error is shown on the page"
        assert f"seeds/metadata.yml:{number + 1}</code>" in page and "2024-XX" in page

        # A bug, not an input error: the preview says so and lives on.
        template = project.root / "templates" / "kaart.md.j2"
        working = template.read_text(encoding="utf-8")
        metadata.write_text(good, encoding="utf-8")
        template.write_text(working + "\n{{ 1 / 0 }}\n", encoding="utf-8")
        assert wait_for(home, "interne fout in de generator", 60), "an internal error is shown"

        template.write_text(working, encoding="utf-8")
        assert wait_without(home, "De laatste wijziging is niet verwerkt", 60), "recovered"
        seed = sorted(project.seeds.glob("*.txt"))[0]
        seed.write_text(
            seed.read_text(encoding="utf-8")
            + "\nOp 3 maart 2025 gaf Biden toestemming voor nieuwe ATACMS-aanvallen "
            "op Koersk.\n",
            encoding="utf-8",
        )
        source = f"http://127.0.0.1:{port}/westerse-wapens/dossier/bronnen/{seed.stem}/"
        assert wait_for(source, "toestemming voor nieuwe ATACMS-aanvallen", 60)
    finally:
        output = stop(server)
    assert "Traceback" not in output
    assert "not included in the" not in output  # quiet: no MkDocs INFO chatter
    assert '" code ' not in output  # nor the server's log of requests
    assert "interne fout in de generator: ZeroDivisionError" in output


def test_a_busy_port_gets_a_message_that_suggests_another(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = start_serve(project.root, port)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 1
    assert "Traceback" not in output
    assert f"poort {port} op 127.0.0.1 is al in gebruik" in output
    assert f"--dev-addr 127.0.0.1:{port + 1}" in output


def test_a_dirty_rebuild_redoes_each_regenerated_page_even_when_its_html_is_newer(
    tmp_path: Path,
) -> None:
    """A page written while a build runs can get HTML newer than its file: the next build
    must redo it all the same (serve_hooks.on_files removes its HTML)."""
    from mkdocs.structure.files import File, Files

    from generator import serve_hooks
    from generator.serve import PENDING

    docs, site = tmp_path / "docs", tmp_path / "site"
    names = ["index.md", "dossier/a.md", "dossier/b.md"]
    files = Files([File(name, str(docs), str(site), use_directory_urls=True) for name in names])
    for file in files:
        Path(file.abs_src_path).parent.mkdir(parents=True, exist_ok=True)
        Path(file.abs_src_path).write_text("# x\n", encoding="utf-8")
        Path(file.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
        Path(file.abs_dest_path).write_text("<p>x</p>", encoding="utf-8")
    PENDING.add("dossier/a.md")
    serve_hooks.on_files(files)
    redone = {f.src_uri for f in files if not Path(f.abs_dest_path).exists()}
    assert redone == {"dossier/a.md", "index.md"}  # Home includes the generated story
    serve_hooks.on_files(files)  # taken: the build after that redoes nothing more
    kept = files.get_file_from_path("dossier/b.md")
    assert kept is not None and Path(kept.abs_dest_path).exists()
    PENDING.everything()
    serve_hooks.on_files(files)
    assert not any(Path(f.abs_dest_path).exists() for f in files)
