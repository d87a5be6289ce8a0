"""The chronology as readers meet it: one entry per sentence, the story's order, small pages."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from typing import TYPE_CHECKING

from generator import dates
from generator.model import Certainty, Event, SourceRef
from generator.story.chronology import PAGE_BYTES, entries, order, page_of, paginate, weight

if TYPE_CHECKING:
    from tests.conftest import BuiltSite


def event(
    ident: str,
    when: str,
    quote: str,
    *,
    article: str = "a",
    paragraph: int = 1,
    sentence: int = 1,
    clause: str = "",
) -> Event:
    source = SourceRef(article, paragraph, sentence, quote, "confirmed", (), when)
    return Event(
        ident,
        dates.parse(when),
        quote,
        [],
        [],
        [],
        Certainty.CONFIRMED,
        [],
        [source],
        clause=clause,
    )


def test_one_sentence_gives_one_entry_led_by_its_main_clause() -> None:
    quote = "Twee dagen nadat X op 24 februari binnenviel, keurde Y hulp goed."
    told = entries(
        [
            event(
                "e-1", "2022-02-24", quote, clause="Twee dagen nadat X op 24 februari binnenviel,"
            ),
            event("e-2", "2022-02-26", quote, clause="keurde Y hulp goed."),
        ]
    )
    assert len(told) == 1
    assert told[0].main.id == "e-2" and [e.id for e in told[0].also] == ["e-1"]


def test_day_words_order_a_month_and_daarna_follows_what_came_before() -> None:
    published = {"a": date(2024, 9, 1), "b": date(2024, 12, 1)}
    items = entries(
        [
            event("e-morgen", "2024-09", "Hij gaat morgen naar Washington.", sentence=1),
            event("e-gisteren", "2024-09", "Gisteren waren de ministers in Kyiv.", sentence=2),
            event(
                "e-vk",
                "2024-11",
                "Niet lang daarna gaf Londen toestemming.",
                article="b",
                paragraph=2,
            ),
            event(
                "e-vs",
                "2024-11-16/2024-11-17",
                "In november gaf Washington toestemming.",
                article="b",
                paragraph=1,
            ),
            event(
                "e-tally",
                "2024-11/2025-01",
                "Sinds november zijn 31 raketten ingezet.",
                article="b",
                paragraph=3,
            ),
        ]
    )
    ordered = [entry.main.id for entry in order(items, published)]
    assert ordered == ["e-gisteren", "e-morgen", "e-vs", "e-vk", "e-tally"]


def test_pages_go_by_year_then_by_month_then_in_parts() -> None:
    items = entries(
        [event(f"e-{i}", "2024-11-0" + str(1 + i % 9), f"Zin {i}.", sentence=i) for i in range(25)]
        + [event("e-old", "2022-03", "Oud.", sentence=99)]
    )
    pages = paginate(order(items, {"a": date(2024, 12, 1)}), limit=10)
    assert [p.slug for p in pages] == ["2022", "2024-11-1", "2024-11-2", "2024-11-3"]
    assert pages[2].title == "november 2024 (deel 2 van 3)"
    assert all(len(p.entries) <= 10 for p in pages)
    assert set(page_of(pages)) == {e.main.id for e in items}


def test_entries_that_gather_many_sources_and_places_make_more_pages_not_bigger_ones() -> None:
    items = entries([event(f"e-{i}", "2024-11-05", f"Zin {i}.", sentence=i) for i in range(40)])
    light = paginate(items, limit=120)
    for entry in items:
        entry.main.places = [f"plaats-{n}" for n in range(30)]
        entry.main.sources = entry.main.sources * 50
    heavy = paginate(items, limit=120)
    assert [p.slug for p in light] == ["2024"]
    assert len(heavy) > 1 and all(sum(weight(e) for e in p.entries) <= PAGE_BYTES for p in heavy)
    assert [e for p in heavy for e in p.entries] == items


def test_the_overview_has_a_timeline_of_milestones_whose_links_land(built_site: BuiltSite) -> None:
    overview = built_site.page("dossier/chronologie/index.html")
    svg = re.search(r"<svg class=\"tijdlijn\".*?</svg>", overview, re.S)
    assert svg and "<script" not in svg.group(0)
    links = re.findall(r'<a href="([^"#]+)#([^"]+)"', svg.group(0))
    assert links
    for page, fragment in links:
        target = built_site.site / "dossier" / "chronologie" / page / "index.html"
        assert f'id="{fragment}"' in target.read_text("utf-8")


def test_filters_work_without_script_and_entries_carry_what_the_script_needs(
    built_site: BuiltSite,
) -> None:
    events = built_site.data("chronology.json")["events"]
    kursk = [e for e in events if "kursk" in e["places"]]
    filtered = built_site.page("dossier/chronologie/filter/plaats-kursk/index.html")
    for e in kursk:
        assert f'#{e["id"]}"' in filtered
    year_page = built_site.page(kursk[0]["url"].split("#")[0] + "index.html")
    assert 'data-plaats="' in year_page and 'data-facet="plaats"' in year_page
    assert re.search(r'data-zekerheid="(confirmed|reported|claimed|planned)"', year_page)


def test_decisions_and_milestones_stand_out(built_site: BuiltSite) -> None:
    steps = built_site.data("permissions.json")["stories"]
    for story in steps:
        for step in story["steps"]:
            page = built_site.page(step["url"].split("#")[0] + "index.html")
            entry = re.search(rf'<div class="gebeurtenis[^"]*"[^>]* id="{step["event"]}"', page)
            assert entry and "mijlpaal" in entry.group(0), step["event"]


def test_search_indexes_headlines_not_whole_articles(built_site: BuiltSite) -> None:
    index = json.loads((built_site.site / "search" / "search_index.json").read_text("utf-8"))
    by_page: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        shown = html.unescape(doc["title"] + " " + doc["text"])
        by_page[page] = by_page.get(page, "") + " " + shown
    # A sentence's key words: its headline (each headline once a page; weapons and places
    # on their own pages).
    for event in built_site.data("chronology.json")["events"]:
        page = event["url"].split("#")[0].removeprefix("/")
        words = re.findall(r"\w{5,}", event["headline"].removesuffix(" …"))
        assert all(w in by_page.get(page, "") for w in words), (event["id"], page)
    # The articles' full texts are on their pages, not in the index.
    assert not any(loc.startswith("dossier/bronnen/0") for loc in by_page)


def test_a_merged_event_shows_how_each_source_tells_it(built_site: BuiltSite) -> None:
    labels = {
        "confirmed": "bevestigd",
        "reported": "gemeld",
        "claimed": "bewering",
        "planned": "gepland",
    }
    merged = 0
    for event in built_site.data("chronology.json")["events"]:
        tellings = {
            (s["article"], s["paragraph"], s["url"]): s
            for s in event["sources"]
            if s.get("certainty")
        }
        if len(tellings) < 2:
            continue
        merged += 1
        page = built_site.page(event["url"].split("#")[0] + "index.html")
        entry = page.split(f'id="{event["id"]}"', 1)[1].split('<div class="gebeurtenis', 1)[0]
        told = re.search(r'<ul class="lezingen".*?</ul>', entry, re.S)
        assert told, event["id"]
        items = re.findall(r"<li>(.*?)</li>", told.group(0), re.S)
        assert len(items) == len(tellings), event["id"]
        for item, source in zip(items, tellings.values(), strict=True):
            assert labels[source["certainty"]] in item
            assert source["url"].split("dossier/", 1)[1] in item
            assert all(html.escape(name, quote=False) in item for name in source["attributed_to"])
    assert merged  # the seeds tell some events in more than one article


def test_a_partys_claim_is_no_decision(built_site: BuiltSite) -> None:
    for event in built_site.data("chronology.json")["events"]:
        if event["certainty"] not in ("claimed", "planned"):
            continue
        page = built_site.page(event["url"].split("#")[0] + "index.html")
        entry = re.search(rf'<div class="gebeurtenis[^"]*"[^>]* id="{event["id"]}"', page)
        assert entry and "besluit" not in entry.group(0), event["id"]


def test_the_timeline_is_drawn_to_scale_and_numbered_like_the_list(built_site: BuiltSite) -> None:
    overview = built_site.page("dossier/chronologie/index.html")
    svg = re.search(r"<svg class=\"tijdlijn\".*?</svg>", overview, re.S)
    assert svg
    dots = re.findall(
        r'<a href="[^"]*#([^"]+)"><title>(\d+)\. [^<]*</title><circle cx="([\d.]+)"', svg.group(0)
    )
    listed = re.findall(r'<li><time[^>]*>[^<]*</time>.*?#([^"]+)"', overview[svg.end() :])
    assert [ident for ident, _, _ in dots] == listed[: len(dots)]
    assert [int(n) for _, n, _ in dots] == list(range(1, len(dots) + 1))
    events = {e["id"]: e for e in built_site.data("chronology.json")["events"]}
    middle = [
        date.fromisoformat(events[i]["start"]).toordinal()
        + date.fromisoformat(events[i]["end"]).toordinal()
        for i, _, _ in dots
    ]
    xs = [float(x) for _, _, x in dots]
    # Later dates stand further right: the axis is to scale.
    pairs = zip(middle, xs, middle[1:], xs[1:], strict=False)
    assert all((m1 < m2) <= (x1 <= x2) for m1, x1, m2, x2 in pairs)
