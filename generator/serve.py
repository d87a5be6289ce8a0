"""`serve`: a live preview for editors. MkDocs serves and reloads docs/; a watcher
regenerates docs/dossier whenever seeds, data or templates change."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers.polling import PollingObserver

from generator.errors import InputError
from generator.site import Project, generate, verify_quotes, write_generated


def regenerate(project: Project) -> bool:
    """Regenerate docs/dossier; on bad input say where, and keep the last good pages."""
    try:
        generated = generate(project)
        problems = verify_quotes(generated.result.corpus)
        if problems:
            raise InputError(problems)
    except InputError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return False
    written, _ = write_generated(project.generated, generated.pages)
    print(f"opnieuw gegenereerd: {written} bestanden gewijzigd", file=sys.stderr)
    return True


class _Changed(FileSystemEventHandler):
    def __init__(self, project: Project) -> None:
        self.project = project
        self.pending = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not str(event.src_path).endswith((".tmp", "~")):
            self.pending.set()


def serve(project: Project, dev_addr: str) -> int:
    import logging

    from mkdocs.commands.serve import serve as mkdocs_serve

    # MkDocs reports the address and each rebuild through logging, as its own CLI does.
    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")
    regenerate(project)
    handler = _Changed(project)
    observer = PollingObserver(timeout=1)  # polling works on every filesystem editors use
    for folder in (project.seeds, project.data, project.root / "templates"):
        if Path(folder).exists():
            observer.schedule(handler, str(folder), recursive=True)
    observer.start()

    def loop() -> None:
        while True:
            handler.pending.wait()
            time.sleep(0.3)  # let an editor's save finish
            handler.pending.clear()
            regenerate(project)

    threading.Thread(target=loop, daemon=True).start()
    try:
        mkdocs_serve(str(project.root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
    finally:
        observer.stop()
    return 0
