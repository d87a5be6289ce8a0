"""The permission story: derived from the events, in the open data, on Home and the sheets."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.corpus import make_corpus
from generator.pipeline import Inputs, run
from generator.site import Project, build
from generator.story.permissions import _decision_starts, _is_decision, _next_decision

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

REPO = Path(__file__).resolve().parents[2]


def stories(data: dict[str, Any]) -> dict[tuple[str, str], list[dict[str, Any]]]:
    return {(s["supplier"], s["weapon"]): s["steps"] for s in data["stories"]}


def test_the_seed_articles_give_the_steps_of_the_story(built_site: BuiltSite) -> None:
    data = built_site.data("permissions.json")
    lines = stories(data)
    # NOS, May 2024: Biden allows US weapons against Russian targets near Charkiv, and the
    # ban on long-range missiles stays (a limit that keeps that group out of the step).
    (may,) = [s for s in lines[("united-states", "us-weapons")] if s["start"] < "2024-06"]
    assert may["scope"] == "Russische doelen bij Charkiv"
    assert any("long-range-missiles" in limit["keeps_banned"] for limit in may["limits"])
    # NOS, 19 November 2024: the US allows ATACMS, reportedly, for the Koersk region.
    (atacms,) = lines[("united-states", "atacms")]
    assert atacms["start"].startswith("2024-11") and "Koersk" in atacms["scope"]
    assert (
        atacms["certainty"] == "reported"
    )  # NOS: "naar verluidt"; MSN's later telling is no proof
    assert any("uitsluitend" in limit["text"] for limit in atacms["limits"])
    # MSN: the UK followed with Storm Shadow.
    (storm_shadow,) = lines[("united-kingdom", "storm-shadow")]
    assert storm_shadow["start"].startswith("2024-11")
    first = {u["weapon"]: u for u in data["first_use"]}
    assert first["atacms"]["date"] == "2024-11-19" and "karachev" in first["atacms"]["places"]


def test_every_step_cites_sentences_that_exist(built_site: BuiltSite) -> None:
    chronology = built_site.data("chronology.json")
    events = {e["id"]: e for e in chronology["events"]}
    for story in built_site.data("permissions.json")["stories"]:
        for step in story["steps"]:
            assert step["event"] in events
            assert step["sources"] == events[step["event"]]["sources"]
            for limit in step["limits"]:
                for source in limit["sources"]:
                    page = built_site.site / source["url"].split("#")[0] / "index.html"
                    assert f'id="{source["url"].split("#")[1]}"' in page.read_text("utf-8")


def test_home_answers_the_three_questions_with_links_that_land(built_site: BuiltSite) -> None:
    home = built_site.page("index.html")
    assert "ATACMS" in home and "Storm Shadow" in home and "Koersk" in home
    assert "eerste inzet gemeld op 19 november 2024 in Karatsjov" in home
    ids = set(re.findall(r'id="([^"]+)"', home))
    for fragment in re.findall(r'href="#(verhaal-[^"]+)"', home):
        assert fragment in ids
    for href in re.findall(r'href="(dossier/[^"#]+)#([^"]+)"', home):
        target = built_site.site / href[0] / "index.html"
        assert f'id="{href[1]}"' in target.read_text("utf-8"), href


def test_a_weapon_sheet_says_which_steps_bound_it(built_site: BuiltSite) -> None:
    sheet = built_site.page("dossier/wapens/atacms/index.html")
    assert "Wat mocht Oekraïne ermee in Rusland?" in sheet
    assert "Geldt niet voor ATACMS" in sheet  # the May step kept long-range missiles out
    assert "doelen in de regio Koersk" in sheet


NEW_ARTICLE = """ date 2025-02-10 De Franse president Macron heeft Oekraïne toestemming gegeven om \
SCALP-raketten in te zetten tegen doelen in de Russische regio Belgorod. Oekraïne mag de \
raketten uitsluitend gebruiken tegen militaire doelen, zegt het Élysée.
"""


def test_a_new_article_with_a_new_decision_changes_the_story(fresh_project: Project) -> None:
    (fresh_project.seeds / "900_frans_besluit.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    build(fresh_project)
    data = json.loads((fresh_project.site / "data" / "permissions.json").read_text("utf-8"))
    french = [s for s in data["stories"] if s["supplier"] == "france"]
    assert french, [s["supplier"] for s in data["stories"]]
    (step,) = french[0]["steps"]
    assert step["date"] == "2025-02-10" and "Belgorod" in step["scope"]
    assert any("uitsluitend" in limit["text"] for limit in step["limits"])
    home = (fresh_project.site / "index.html").read_text("utf-8")
    assert "Frankrijk" in home and "Belgorod" in home
    assert os.path.exists(fresh_project.site / "data" / "permissions.json")


def test_next_decision_is_found_by_look_up_as_by_asking_every_decision(tmp_path: Path) -> None:
    """The index of decision starts per article names the same next decision as the
    definition: the earliest other decision later in the same article."""
    make_corpus(40, REPO / "seeds", REPO / "data" / "gazetteer.yml", tmp_path)
    events = run(Inputs(tmp_path, REPO / "data")).corpus.events
    decisions = [e for e in events if _is_decision(e)]
    assert len(decisions) > 20
    starts = _decision_starts(decisions)
    compared = 0
    for number, event in enumerate(decisions):
        for source in event.sources:
            later = [
                (s.paragraph, s.sentence)
                for d in decisions
                if d is not event
                for s in d.sources[:1]
                if s.article == source.article
                and (s.paragraph, s.sentence) > (source.paragraph, source.sentence)
            ]
            assert _next_decision(starts, number, source) == (min(later) if later else None)
            compared += bool(later)
    assert compared > 5
