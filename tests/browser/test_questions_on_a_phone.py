"""The issue's test of an explainer: a reader on a phone (390 px) answers three questions
from Home in at most two taps, without scrolling past more than one screen.

- When was Ukraine first allowed to use ATACMS inside Russia, where, and who says so?
- What could Storm Shadow hit, and since when?
- Where was the first ATACMS strike in Russia?

The expected answers come from the open data of the same build (permissions.json), so the
test holds for whatever the articles say; the seeds give each question an answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Browser, Locator, Page

from generator.gazetteer import load_gazetteer
from tests.browser.browsing import PHONE, Tab, needs_chromium

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

pytestmark = [pytest.mark.browser, needs_chromium]


def words(text: str) -> str:
    return " ".join(text.split())


def line_of(built_site: BuiltSite, weapon: str) -> dict[str, Any]:
    stories = built_site.data("permissions.json")["stories"]
    (line,) = [s for s in stories if s["weapon"] == weapon]
    return line


def summary_item(page: Page, name: str) -> Locator:
    """Home's one-line answer for a weapon (the list above the step cards)."""
    item = page.locator(".verhaal-kort li").filter(has_text=name)
    assert item.count() == 1, f"Home has one line for {name}"
    return item


def within_two_screens(item: Locator, page: Page) -> bool:
    """Seen on Home after scrolling at most one screen: its bottom in the first two."""
    box = item.bounding_box()
    assert box is not None
    scrolled = page.evaluate("() => scrollY")
    return box["y"] + scrolled + box["height"] <= 2 * PHONE["height"]


def in_view(locator: Locator, page: Page) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def test_when_where_and_who_for_the_first_atacms_permission(
    chromium: Browser, site_url: str, built_site: BuiltSite
) -> None:
    first = line_of(built_site, "atacms")["steps"][0]
    with Tab(chromium, site_url, PHONE) as tab:
        page = tab.open("")
        item = summary_item(page, "ATACMS")
        assert within_two_screens(item, page)
        item.locator("a").first.click()  # tap 1: the ATACMS card with its steps and sources
        page.wait_for_function("() => document.querySelector(':target') !== null")
        step = page.locator(":target li.stap").first
        what, source = step.locator(".stap-wat"), step.locator(".stap-bron a").first
        assert first["label"] in words(what.inner_text())
        assert first["scope"] in words(what.inner_text())
        assert in_view(what, page) and in_view(source, page)
        outlet = words(source.inner_text())
        assert outlet and outlet in words(page.locator(":target").inner_text())
        source.click()  # tap 2: the sentence that says so, highlighted in its article
        page.wait_for_function("() => document.querySelector(':target') !== null")
        assert "/bronnen/" in page.url
        assert in_view(page.locator(":target"), page)


def test_what_storm_shadow_could_hit_and_since_when(
    chromium: Browser, site_url: str, built_site: BuiltSite
) -> None:
    latest = line_of(built_site, "storm-shadow")["steps"][-1]
    with Tab(chromium, site_url, PHONE) as tab:
        page = tab.open("")
        item = summary_item(page, "Storm Shadow")
        assert within_two_screens(item, page)  # no tap needed
        said = words(item.inner_text())
        assert latest["scope"] in said and f"sinds {latest['label']}" in said


def test_where_the_first_atacms_strike_in_russia_was(
    chromium: Browser, site_url: str, built_site: BuiltSite
) -> None:
    (use,) = [
        u for u in built_site.data("permissions.json")["first_use"] if u["weapon"] == "atacms"
    ]
    with Tab(chromium, site_url, PHONE) as tab:
        page = tab.open("")
        item = summary_item(page, "ATACMS")
        assert within_two_screens(item, page)  # no tap needed
        said = words(item.inner_text())
        assert f"eerste inzet gemeld op {use['label']} in " in said
        named = said.split(f"eerste inzet gemeld op {use['label']} in ", 1)[1]
        gazetteer = load_gazetteer(built_site.project.data / "gazetteer.yml")
        in_russia = {
            gazetteer.entries[p].name
            for p in use["places"]
            if p in gazetteer.entries and gazetteer.entries[p].country == "russia"
        }
        assert any(named.startswith(name) for name in in_russia), (named, in_russia)
