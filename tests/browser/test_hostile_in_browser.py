"""The site built from every hostile payload together (tests/hostile.py), in Chromium: no
page opens a dialog or holds a `javascript:` link, not even after hovering and searching,
and the Content-Security-Policy blocks nothing of the site's own (Material, its search
worker, Leaflet in the map) while it does block an injected script."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.browsing import PHONE, Tab, needs_chromium
from tests.browser.conftest import serving
from tests.hostile import PAYLOADS

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

pytestmark = [pytest.mark.browser, needs_chromium]

# Recorded from before the page's own scripts run, in every frame (the map's iframe too).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation',
  e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI + ' '
                                   + e.sourceFile + ':' + e.lineNumber));
"""
# Links a reader could follow into a script, elements with event handlers: in every frame.
FIND_ACTIVE = """() => ({
  links: [...document.querySelectorAll('a[href], area[href], iframe[src], form[action]')]
    .map(el => el.href || el.src || el.action)
    .filter(url => !/^https?:$/.test(new URL(url, location.href).protocol)),
  handlers: [...document.querySelectorAll('*')].flatMap(el => [...el.attributes]
    .filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name)),
  violations: window.__cspViolations || [],
})"""


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as a path relative to its root."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        paths.append(rel.removesuffix("index.html"))
    return paths


def _provoke(page: Page) -> None:
    """What a reader does that would fire a handler: hover over and focus every element."""
    page.evaluate("""() => {
      for (const el of document.querySelectorAll('body *'))
        for (const type of ['mouseover', 'mouseenter', 'focus'])
          el.dispatchEvent(new Event(type, {bubbles: true}));
    }""")


def _inspect(page: Page) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {"links": [], "handlers": [], "violations": []}
    for frame in page.frames:
        for key, values in frame.evaluate(FIND_ACTIVE).items():
            found[key] += values
    return found


def test_no_hostile_page_opens_a_dialog_or_holds_a_javascript_link(
    chromium: Browser, hostile_url: str, hostile_site: BuiltSite
) -> None:
    paths = site_pages(hostile_site.site)
    assert any(p.startswith("dossier/bronnen/900_vijandig") for p in paths)
    dialogs: list[str] = []
    problems: dict[str, dict[str, list[Any]]] = {}
    with Tab(chromium, hostile_url, PHONE) as tab:
        tab.context.add_init_script(RECORD_VIOLATIONS)
        tab.page.on(
            "dialog", lambda d: (dialogs.append(f"{tab.page.url}: {d.message}"), d.dismiss())
        )
        load_errors = []
        for path in paths:
            page = tab.open(path, settle=True)
            if path == "dossier/kaart/":
                page.locator("iframe.kaart").scroll_into_view_if_needed()
                page.wait_for_load_state("networkidle")
            load_errors += [f"{path}: {e}" for e in tab.page_errors]
            tab.page_errors.clear()
            if not path.endswith("map.html"):  # Leaflet rejects events without coordinates
                _provoke(page)
            found = _inspect(page)
            if any(found.values()):
                problems[path] = found
    assert load_errors == []
    assert dialogs == []
    assert problems == {}


def test_searching_the_hostile_site_shows_the_payloads_as_text(
    chromium: Browser, hostile_url: str
) -> None:
    dialogs: list[str] = []
    with Tab(chromium, hostile_url, PHONE) as tab:
        tab.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page = tab.open("dossier/chronologie/")
        page.locator('label.md-header__button[for="__search"]').click()
        field = page.locator("input.md-search__input")
        field.wait_for(state="visible")
        field.press_sequentially("onerror", delay=30)
        results = page.locator(".md-search-result__item")
        results.first.wait_for(state="visible")
        texts = " ".join(results.all_text_contents())
        injected = page.locator(".md-search-result img, .md-search-result script").count()
    assert PAYLOADS["img"].split()[0] in texts  # "<img" shown as text
    assert injected == 0
    assert dialogs == []


def test_the_content_security_policy_blocks_an_injected_script(
    chromium: Browser, hostile_site: BuiltSite, tmp_path: Path
) -> None:
    # The second wall on its own: a page of the site with markup that escaping would have
    # stopped, put back in by hand.
    html = (hostile_site.site / "index.html").read_text(encoding="utf-8")
    injected = (
        "<script>alert('inline')</script><img src=x onerror=\"alert('handler')\">"
        "<a id=probe href=\"javascript:alert('link')\">x</a>"
    )
    (tmp_path / "index.html").write_text(
        html.replace("<body", injected + "<body", 1).replace("</body>", injected + "</body>", 1),
        encoding="utf-8",
    )
    dialogs: list[str] = []
    with serving(tmp_path) as url, Tab(chromium, url, PHONE) as tab:
        tab.context.add_init_script(RECORD_VIOLATIONS)
        tab.page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page = tab.open("", settle=True)
        page.locator("#probe").last.click()
        page.wait_for_timeout(300)
        violations = page.evaluate("() => window.__cspViolations")
    assert dialogs == []
    assert any(v.startswith("script-src") for v in violations), violations
