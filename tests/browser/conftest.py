"""Fixtures for the browser tests: the built site on a loopback server, and Chromium.

The built site (the session's `built_site`) is served by an http.server thread on
127.0.0.1 at a free port; Chromium is launched once per session (see browsing.py).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.browser.browsing import CHROMIUM, LAUNCH_ARGS, SKIP_REASON

if TYPE_CHECKING:
    from tests.conftest import BuiltSite


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    timeout = 10  # seconds per connection: a stuck client cannot hold a server thread

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextlib.contextmanager
def serving(folder: Path) -> Iterator[str]:
    """A folder served by an http.server thread on 127.0.0.1 at a free port, as a URL with a
    trailing slash."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="site-server", daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a free port, as a URL with a trailing slash."""
    with serving(built_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_url(hostile_site: BuiltSite) -> Iterator[str]:
    """The site built from hostile input (tests/hostile.py), served like site_url."""
    with serving(hostile_site.site) as url:
        yield url


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Debian's Chromium, headless; never a browser that Playwright downloads."""
    if not CHROMIUM.is_file():
        pytest.skip(SKIP_REASON)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=LAUNCH_ARGS, timeout=60_000
        )
        try:
            yield browser
        finally:
            browser.close()
