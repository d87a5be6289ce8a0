"""The chronology's filters: without JavaScript a filter is a link to a filtered list; with
it, a filter on a page of entries shows only the matching entries there, at once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from playwright.sync_api import Browser

from tests.browser.browsing import PHONE, Tab, needs_chromium

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

pytestmark = [pytest.mark.browser, needs_chromium]


def busiest_page_and_place(built_site: BuiltSite) -> tuple[str, str, set[str]]:
    """A chronology page, a place some but not all of its entries are about, those entries."""
    events = built_site.data("chronology.json")["events"]
    pages: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        pages.setdefault(event["url"].split("#")[0], []).append(event)
    page, told = max(pages.items(), key=lambda kv: len(kv[1]))
    places = sorted({p for e in told for p in e["places"]})
    place = next(p for p in places if 0 < sum(p in e["places"] for e in told) < len(told))
    return page, place, {e["id"] for e in told if place in e["places"]}


def test_a_filter_shows_only_the_matching_entries_at_once_with_script(
    chromium: Browser, site_url: str, built_site: BuiltSite
) -> None:
    path, place, _ = busiest_page_and_place(built_site)
    with Tab(chromium, site_url, PHONE) as tab:
        page = tab.open(path)
        page.locator("details.filters summary").click()
        page.locator(f'a.filter[data-facet="plaats"][data-value="{place}"]').click()
        assert page.url == site_url + path  # no page load: filtered in place
        entries = page.locator(".gebeurtenis[data-plaats]")
        shown = [entries.nth(i) for i in range(entries.count()) if entries.nth(i).is_visible()]
        assert shown and len(shown) < entries.count()
        assert all(place in (e.get_attribute("data-plaats") or "").split() for e in shown)
        assert page.locator(".filter-status").is_visible()
        page.locator(".filter-wis").click()
        assert all(entries.nth(i).is_visible() for i in range(entries.count()))


def test_without_script_a_filter_is_a_list_whose_links_land(
    chromium: Browser, site_url: str, built_site: BuiltSite
) -> None:
    path, place, _ = busiest_page_and_place(built_site)
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + path)
        about = page.locator(".gebeurtenis[data-plaats]")
        expected = {
            about.nth(i).get_attribute("id")
            for i in range(about.count())
            if place in (about.nth(i).get_attribute("data-plaats") or "").split()
        }
        assert expected
        page.locator("details.filters summary").click()
        page.locator(f'a.filter[data-facet="plaats"][data-value="{place}"]').click()
        page.wait_for_url(f"**/filter/plaats-{place}/")
        links = page.locator(".filterlijst a")
        fragments = {
            (links.nth(i).get_attribute("href") or "").rsplit("#", 1)[1]
            for i in range(links.count())
        }
        assert expected <= fragments  # every entry of that page with the place is listed
        links.first.click()
        page.wait_for_load_state("load")
        fragment = page.url.rsplit("#", 1)[1]
        assert page.locator(f'[id="{fragment}"]').count() == 1
    finally:
        context.close()
