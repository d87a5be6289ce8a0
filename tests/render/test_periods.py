"""Long lists by date in pages that stay small: the source index of a large dossier."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from pathlib import Path

import pytest

from generator.render import pages, periods
from generator.site import Project, build


def test_a_list_goes_by_year_then_by_month_then_in_parts_and_undated_last() -> None:
    days = [date(2022, 3, 1)] + [date(2024, 11, 1 + i % 9) for i in range(25)] + [None]
    found = periods.split(list(range(len(days))), lambda i: days[i], limit=10)
    assert [p.slug for p in found] == [
        "2022",
        "2024-11-1",
        "2024-11-2",
        "2024-11-3",
        "zonder-datum",
    ]
    assert found[2].title == "november 2024 (deel 2 van 3)"
    assert sorted(i for p in found for i in p.items) == list(range(len(days)))
    assert all(len(p.items) <= 10 for p in found)


def test_a_long_source_index_is_split_by_period_and_every_article_stays_reachable(
    fresh_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "SOURCES_PER_PAGE", 2)
    build(fresh_project)  # strict MkDocs: every link between the pages must land
    site = fresh_project.site / "dossier" / "bronnen"
    index = (site / "index.html").read_text(encoding="utf-8")
    listed = re.findall(r'href="periode/([^"/]+)/"', index)
    assert len(listed) >= 3
    linked: set[str] = set()
    for slug in listed:
        page = (site / "periode" / slug / "index.html").read_text(encoding="utf-8")
        linked |= set(re.findall(r'href="\.\./\.\./([^"/#.]+)/"', page))
    stems = {p.stem for p in Path(fresh_project.seeds).glob("*.txt")}
    assert linked == stems


def test_an_entry_names_its_first_sources_and_links_to_a_page_with_all(
    fresh_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "SOURCES_SHOWN", 1)
    monkeypatch.setattr(pages, "SHEET_FACTS", 1)
    build(fresh_project)
    site = fresh_project.site
    events = json.loads((site / "data" / "chronology.json").read_text(encoding="utf-8"))["events"]
    often = [e for e in events if len(e["sources"]) > 1]
    assert often, "the seeds tell some happening twice"
    for event in often:
        page = site / event["url"].split("#")[0].lstrip("/") / "index.html"
        entry = page.read_text(encoding="utf-8").split(f'id="{event["id"]}"', 1)[1]
        entry = entry.split("</div>", 1)[0]
        more = len({s["url"] for s in event["sources"]}) - 1  # a sentence is named once
        assert f"en nog {more} bron{'' if more == 1 else 'nen'}" in html.unescape(
            re.sub(r"<[^>]+>", "", entry)
        )
        tellings = (
            entry.split('class="lezingen"', 1)[1].split("</ul>", 1)[0]
            if ('class="lezingen"' in entry)
            else ""
        )
        assert tellings.count("<li>") <= 2  # the first telling, then "en nog N andere"
        listing = site / "dossier" / "chronologie" / "bronnen" / event["id"] / "index.html"
        hrefs = re.findall(r'href="\.\./\.\./\.\./bronnen/([^"]+)"', listing.read_text("utf-8"))
        assert hrefs == [s["url"].removeprefix("dossier/bronnen/") for s in event["sources"]]
    told_apart = [e for e in events if len({s.get("certainty") for s in e["sources"]}) > 1]
    assert told_apart, "the seeds tell the November permission in two ways"
    assert any(
        "andere bron"
        in (site / e["url"].split("#")[0].lstrip("/") / "index.html").read_text("utf-8")
        for e in told_apart
    )
    # a weapon sheet shows its latest figure and says where the others are
    sheets = [p.read_text("utf-8") for p in (site / "dossier" / "wapens").glob("*/index.html")]
    assert any("De 1 laatste van" in sheet and "data/facts.json" in sheet for sheet in sheets)
