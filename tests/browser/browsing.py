"""Helpers for the browser tests: which Chromium, how it starts, and a recording tab.

Playwright never downloads a browser here: it launches the system's Chromium, Debian's
/usr/bin/chromium (scripts/test.sh installs it with apt when it is missing), or the binary
that the CHROMIUM environment variable names.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Frame,
    Page,
    Request,
    Route,
    ViewportSize,
)

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
TIMEOUT_MS = 15_000  # any single wait: a locator, a function, a load state
NAVIGATION_TIMEOUT_MS = 30_000
TILE_HOST = "tile.openstreetmap.org"

SKIP_REASON = (
    f"no Chromium at {CHROMIUM}: the browser tests need Debian's chromium "
    "(apt-get install chromium; scripts/test.sh installs it when run as root)"
)
needs_chromium = pytest.mark.skipif(not CHROMIUM.is_file(), reason=SKIP_REASON)


def host(url: str) -> str:
    return urlsplit(url).hostname or ""


@dataclass(frozen=True)
class ConsoleError:
    text: str
    url: str  # where it comes from: a resource that failed to load names its own URL here


@dataclass
class Tab:
    """A fresh browser context with one page, recording what the site asks for.

    Use it as a context manager. Every request to a host other than the local server is
    recorded in `external` and then aborted: nothing leaves the machine.
    """

    browser: Browser
    base: str  # the local server, e.g. http://127.0.0.1:PORT/
    viewport: ViewportSize = field(default_factory=PHONE.copy)
    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    console_errors: list[ConsoleError] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def __enter__(self) -> Tab:
        self.context: BrowserContext = self.browser.new_context(
            viewport=self.viewport,
            locale="nl-NL",
            timezone_id="Europe/Amsterdam",
            service_workers="block",
        )
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        self.context.on("request", self._on_request)
        self.context.route("**/*", self._route)
        self.page: Page = self.context.new_page()
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.page_errors.append(str(error)))
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.context.close()

    def is_local(self, url: str) -> bool:
        return url.startswith(self.base)

    def _record(self, url: str) -> None:
        if urlsplit(url).scheme not in ("http", "https"):
            return  # data: and blob: URLs never reach the network
        self.requests.append(url)
        if not self.is_local(url) and url not in self.external:
            self.external.append(url)

    def _on_request(self, request: Request) -> None:
        self._record(request.url)

    def _route(self, route: Route) -> None:
        url = route.request.url
        if self.is_local(url) or urlsplit(url).scheme not in ("http", "https"):
            route.continue_()
        else:
            self._record(url)
            route.abort("blockedbyclient")

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(
                ConsoleError(message.text, str(message.location.get("url", "")))
            )

    def open(self, path: str, *, settle: bool = False) -> Page:
        """Load a page of the site (path relative to the site root); with settle, wait until
        the network has rested for half a second, so late requests are seen too."""
        self.page.goto(self.base + path, wait_until="networkidle" if settle else "load")
        return self.page


def map_frame(page: Page) -> Frame:
    """The Kaart page's map iframe, once Leaflet has drawn in it (the iframe loads lazily)."""
    iframe = page.locator("iframe.kaart")
    iframe.scroll_into_view_if_needed()
    handle = iframe.element_handle()
    frame = handle.content_frame() if handle else None
    assert frame is not None, "the Kaart page has an iframe with the map"
    frame.wait_for_load_state("load")
    frame.wait_for_function(
        "() => window.L !== undefined && document.querySelector('path.leaflet-interactive')"
    )
    page.wait_for_load_state("networkidle")
    return frame
