"""The Kaart page in a real browser: it reads with no tiles, explains itself, leaves the page's
scrolling alone until a reader clicks it, and its table fits a phone.

Runs against the session's build of the real seeds, served on 127.0.0.1; every request to
another host is recorded and aborted (browsing.Tab), so "offline" is the normal case here.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Frame, Page

from tests.browser.browsing import DESKTOP, PHONE, TILE_HOST, Tab, host, map_frame, needs_chromium

pytestmark = [pytest.mark.browser, needs_chromium]

KAART = "dossier/kaart/"
MAP = "Object.values(window).find(v => v instanceof L.Map)"

DRAWN_JS = f"""() => {{
  const map = {MAP};
  const layers = [];
  map.eachLayer(l => layers.push(l));
  const tooltips = [...document.querySelectorAll('.leaflet-tooltip')];
  return {{
    tiles: layers.filter(l => l instanceof L.TileLayer).length,
    countries: layers.filter(l => l instanceof L.Path && !l.options.interactive
                                  && l.feature).length,
    background: getComputedStyle(map.getContainer()).backgroundColor,
    labels: tooltips.filter(t => t.classList.contains('kaart-label')).map(t => t.textContent),
    strikes: tooltips.filter(t => t.classList.contains('kaart-inslag')).map(t => t.textContent),
    legend: (document.querySelector('details.legenda') || {{}}).textContent || '',
    overlays: [...document.querySelectorAll('.leaflet-control-layers-overlays label')]
      .map(l => ({{text: l.textContent.trim(), checked: l.querySelector('input').checked}})),
    zoom: map.getZoom(),
  }};
}}"""


def _table_names(page: Page) -> list[str]:
    cells = page.locator("article table tbody tr td:first-child").all_inner_texts()
    return [" ".join(c.split()) for c in cells]


def test_the_map_reads_with_no_tiles_and_explains_itself(chromium: Browser, site_url: str) -> None:
    with Tab(chromium, site_url, DESKTOP) as tab:
        page = tab.open(KAART)
        frame = map_frame(page)
        drawn = frame.evaluate(DRAWN_JS)
        names = _table_names(page)
    assert [u for u in tab.external if host(u) == TILE_HOST] == []
    assert tab.external == []
    assert drawn["tiles"] == 0
    assert drawn["countries"] >= 10, "Natural Earth's countries are drawn by the map itself"
    assert drawn["background"] != "rgba(0, 0, 0, 0)", "the sea has a colour of its own"
    # Labels stay on the key places, and each is a place of the table.
    assert drawn["labels"] and set(drawn["labels"]) <= set(names)
    # A strike site carries its place and date.
    assert all(any(ch.isdigit() for ch in s) for s in drawn["strikes"])
    assert "Legenda" in drawn["legend"] and "grens" in drawn["legend"]
    overlays = drawn["overlays"]
    reach = [o for o in overlays if o["text"].startswith("Bereik ")]
    assert reach and reach[0]["checked"], "the first weapon's reach shows from the start"
    assert all(not o["checked"] for o in reach[1:]), "the others wait to be switched on"
    osm = [o for o in overlays if "OpenStreetMap" in o["text"]]
    assert len(osm) == 1 and not osm[0]["checked"]


def _overlay(frame: Frame, text: str) -> None:
    frame.locator(".leaflet-control-layers-overlays label", has_text=text).locator("input").check()


def test_a_reader_can_switch_on_another_reach_and_the_tiles(
    chromium: Browser, site_url: str
) -> None:
    with Tab(chromium, site_url, DESKTOP) as tab:
        page = tab.open(KAART)
        frame = map_frame(page)
        before = frame.evaluate(f"() => {{ let n = 0; {MAP}.eachLayer(() => n++); return n; }}")
        reach = frame.locator(".leaflet-control-layers-overlays label", has_text="Bereik ")
        if reach.count() < 2:
            pytest.skip("the story names one weapon with a range: nothing to switch")
        reach.nth(1).locator("input").check()
        after = frame.evaluate(f"() => {{ let n = 0; {MAP}.eachLayer(() => n++); return n; }}")
        _overlay(frame, "OpenStreetMap")
        page.wait_for_timeout(1000)
    assert after > before
    # Requests made inside the map's iframe are seen, and the tiles only come when asked.
    assert [u for u in tab.external if host(u) == TILE_HOST]


WHEEL_JS = f"() => {MAP}.getZoom()"


def test_the_scroll_wheel_does_not_zoom_the_map_before_a_click(
    chromium: Browser, site_url: str
) -> None:
    with Tab(chromium, site_url, DESKTOP) as tab:
        page = tab.open(KAART)
        frame = map_frame(page)
        iframe = page.locator("iframe.kaart")

        def middle() -> tuple[float, float]:
            box = iframe.bounding_box()
            assert box is not None
            return box["x"] + box["width"] / 2, box["y"] + box["height"] / 3

        start = frame.evaluate(WHEEL_JS)
        scrolled = page.evaluate("() => window.scrollY")
        page.mouse.move(*middle())
        page.mouse.wheel(0, 200)
        page.wait_for_timeout(800)
        unclicked = frame.evaluate(WHEEL_JS)
        page_moved = page.evaluate("() => window.scrollY") != scrolled
        hint = frame.locator(".wiel-hint")
        hint_shown = hint.count() == 1 and hint.is_visible()
        page.mouse.click(*middle())
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(800)
        clicked = frame.evaluate(WHEEL_JS)
    assert unclicked == start, "the wheel zoomed the map before any click"
    assert page_moved, "the wheel scrolls the page past the map instead"
    assert hint_shown, "the reader is told to click first"
    assert clicked > start, "after a click the wheel zooms"


TABLE_JS = """() => {
  const table = document.querySelector('article table');
  const wide = [...table.querySelectorAll('*')]
    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .map(e => e.tagName + ': ' + e.textContent.trim().slice(0, 40));
  const labels = [...table.querySelectorAll('tbody tr:first-child td')]
    .map(td => getComputedStyle(td, '::before').content);
  return {wide, labels, scroll: table.scrollWidth, client: table.clientWidth,
          right: table.getBoundingClientRect().right, inner: window.innerWidth};
}"""


def test_the_table_beside_the_map_fits_a_phone(chromium: Browser, site_url: str) -> None:
    with Tab(chromium, site_url, PHONE) as tab:
        page = tab.open(KAART)
        fit = page.evaluate(TABLE_JS)
    assert fit["inner"] == 390
    assert fit["wide"] == [] and fit["right"] <= fit["inner"]
    assert fit["scroll"] <= fit["client"] + 1, "the table scrolls sideways"
    # each row is a card whose values say what they are
    assert any("Afstand tot de grens" in label for label in fit["labels"]), fit["labels"]
