"""`serve`: a live preview for editors. MkDocs serves and reloads docs/; a watcher
regenerates docs/dossier whenever seeds, data or templates change.

Whatever goes wrong, the preview keeps running: the problems are shown at the top of every
page (generator/serve_hooks.py) with their `path:line`, and the next saved change is built
again. The terminal stays quiet: the address, then one line per rebuild and the problems.
"""

from __future__ import annotations

import errno
import logging
import socket
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from generator.errors import InputError, Problem, shown
from generator.mkdocs_run import SiteBuildError, Where, collected_warnings, to_problem
from generator.render.links import site_url
from generator.render.pages import GENERATED
from generator.site import DATA, Project, generate, verify, write_generated

HOOKS = Path(__file__).with_name("serve_hooks.py")
STATUS = ".voorbeeld-status"  # rewritten in docs/dossier to make MkDocs rebuild the pages


@dataclass
class Status:
    """What the pages of the preview show at their top: the problems of the last attempt."""

    problems: list[Problem] = field(default_factory=list)
    internal: str | None = None  # an unexpected error, as one line


STATUS_NOW = Status()  # read by serve_hooks.py, in this same process


def _say(text: str) -> None:
    print(text, file=sys.stderr)


def regenerate(project: Project, say: Callable[[str], None] = _say) -> bool:
    """Regenerate docs/dossier and docs/data. On any failure keep the last good pages, say
    what went wrong (terminal and browser), and return False; never raise."""
    from jinja2 import TemplateError

    from generator.check import template_problem

    started = time.perf_counter()
    was_failing = bool(STATUS_NOW.problems or STATUS_NOW.internal)
    try:
        generated = generate(project)
        problems = verify(generated)
        if problems:
            raise InputError(problems)
        written, _ = write_generated(
            project.generated,
            generated.pages,
            changing=lambda rel: PENDING.add(f"{GENERATED}/{rel}"),
        )
        write_generated(project.docs / DATA, generated.data, leaflet=False)
    except (InputError, SiteBuildError) as exc:
        _failed(project, Status(list(exc.problems)), say)
        return False
    except TemplateError as exc:
        _failed(project, Status([template_problem(exc, project.root / "templates")]), say)
        return False
    except Exception as exc:  # the preview outlives any bug: shown, then the next change
        where = traceback.extract_tb(exc.__traceback__)[-1]
        line = f"{type(exc).__name__}: {exc} ({Path(where.filename).name}:{where.lineno})"
        _failed(project, Status(internal=line), say)
        return False
    STATUS_NOW.problems, STATUS_NOW.internal = [], None
    if was_failing:
        PENDING.everything()  # the banner goes from every page
    say(f"bijgewerkt in {time.perf_counter() - started:.1f} s ({written} bestanden gewijzigd)")
    return True


class Pending:
    """The pages MkDocs must rebuild at its next (dirty) build, which otherwise rebuilds only
    pages whose file is newer than their HTML. Told once a file is written, taken by the
    build (serve_hooks.py), so a change made while a build runs is built by the next one."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pages: set[str] = set()
        self._all = False

    def add(self, page: str) -> None:
        with self._lock:
            self._pages.add(page)

    def everything(self) -> None:
        with self._lock:
            self._all = True

    def take(self) -> tuple[bool, set[str]]:
        with self._lock:
            taken = (self._all, self._pages)
            self._all, self._pages = False, set()
            return taken


PENDING = Pending()  # read by serve_hooks.py, in this same process


def _failed(project: Project, status: Status, say: Callable[[str], None]) -> None:
    STATUS_NOW.problems, STATUS_NOW.internal = status.problems, status.internal
    here = Path.cwd()
    for problem in status.problems:
        say(str(shown(problem, here)))
    if status.internal:
        say(f"interne fout in de generator: {status.internal} (meld dit als issue)")
    say("niet bijgewerkt: het voorbeeld toont de fout bovenaan elke pagina")
    project.generated.mkdir(parents=True, exist_ok=True)
    PENDING.everything()  # the banner on every page, not only on changed ones
    (project.generated / STATUS).write_text(str(time.time()), encoding="utf-8")


class _Changed(FileSystemEventHandler):
    def __init__(self) -> None:
        self.pending = threading.Event()

    def on_any_event(self, event: FileSystemEvent) -> None:
        path = str(event.src_path)
        if event.event_type in ("opened", "closed_no_write") or path.endswith((".tmp", "~")):
            return
        if Path(path).name.startswith((".#", ".~")):  # editors' lock files
            return
        self.pending.set()


def _observer() -> BaseObserver:
    try:
        return Observer()  # inotify: a saved file is seen at once
    except OSError:
        return PollingObserver(timeout=0.5)


def port_problem(dev_addr: str) -> str | None:
    """A Dutch message when the address cannot be served, before MkDocs tries."""
    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        return f"--dev-addr {dev_addr!r}: verwacht adres:poort, bv. 127.0.0.1:8000"
    try:
        with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
            sock.bind((host.strip("[]"), int(port)))
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return (
                f"poort {port} op {host} is al in gebruik (draait er al een voorbeeld?); "
                f"kies een andere, bv. --dev-addr {host}:{int(port) + 1}"
            )
        return f"kan niet luisteren op {dev_addr}: {exc.strerror}"
    return None


def serve(project: Project, dev_addr: str) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    busy = port_problem(dev_addr)
    if busy is not None:
        print(busy, file=sys.stderr)
        return 1
    _quiet_mkdocs(project)
    regenerate(project)
    handler = _Changed()
    observer = _observer()
    for folder in (project.seeds, project.data, project.root / "templates"):
        if folder.exists():
            observer.schedule(handler, str(folder), recursive=True)
    observer.start()

    def loop() -> None:
        while True:
            handler.pending.wait()
            time.sleep(0.15)  # let an editor's save finish
            handler.pending.clear()
            regenerate(project)

    threading.Thread(target=loop, daemon=True).start()
    host, _, port = dev_addr.rpartition(":")
    mount = urlsplit(site_url(project.root / "mkdocs.yml") or "/").path or "/"
    print(f"voorbeeld op http://{host}:{port}{mount} (stoppen: Ctrl+C)", file=sys.stderr)
    try:
        # Not strict: a broken link is shown on the page, and the preview goes on.
        mkdocs_serve(
            str(project.root / "mkdocs.yml"),
            dev_addr=dev_addr,
            livereload=True,
            build_type="dirty",  # only changed pages: seconds, not a minute, at 500 articles
            strict=False,
            hooks=[str(HOOKS)],
        )
    except KeyboardInterrupt:
        pass
    finally:
        observer.stop()
    return 0


class _Translated(logging.Handler):
    """MkDocs' warnings during the preview, once each, as `path:line: message`."""

    def __init__(self, where: Where) -> None:
        super().__init__(logging.WARNING)
        self.where = where

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "mkdocs.livereload" and '" code ' in record.getMessage():
            return  # the server's log of a request that was no 200 (a redirect, a 404)
        if record.getMessage().startswith(_DIRTY):
            return  # the preview rebuilds changed pages on purpose (generator/serve.py)
        print(shown(to_problem(record, self.where), Path.cwd()), file=sys.stderr)


_DIRTY = "A 'dirty' build is being performed"


def _quiet_mkdocs(project: Project) -> None:
    """MkDocs says only what an editor must act on; its INFO chatter (every page "not
    included in nav", every "Building documentation") stays out of the terminal."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(_Translated(Where(project.root / "mkdocs.yml", project.docs, project.docs)))


__all__ = ["STATUS_NOW", "collected_warnings", "port_problem", "regenerate", "serve"]
