"""Page rendering helpers: text from articles cannot break the Markdown it is put in."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING

import yaml
from markupsafe import Markup

from generator.render.pages import environment, format_number

if TYPE_CHECKING:
    from tests.conftest import BuiltSite

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_a_table_cell_escapes_html_and_pipes() -> None:
    cell = environment(TEMPLATES).filters["cell"]
    assert cell("a | <b>") == "a &#124; &lt;b&gt;"


def test_front_matter_strings_survive_colons_and_quotes() -> None:
    yaml_string = environment(TEMPLATES).filters["yaml_string"]
    value = yaml_string('Factsheet ATACMS: "wat"')
    loaded = yaml.safe_load(f"title: {value}")
    assert loaded == {"title": "Factsheet ATACMS: &quot;wat&quot;"}


def test_every_printed_value_is_inert_text_unless_the_generator_made_it_markup() -> None:
    env = environment(TEMPLATES)
    page = env.from_string(
        "{% macro m() %}<b>{{ untrusted }}</b>{% endmacro %}{{ untrusted }} {{ trusted }} {{ m() }}"
    )
    rendered = page.render(untrusted="[x](javascript:1) <i>", trusted=Markup("<mark>ok</mark>"))
    assert rendered == (
        "&#91;x&#93;&#40;javascript:1&#41; &lt;i&gt; <mark>ok</mark> "
        "<b>&#91;x&#93;&#40;javascript:1&#41; &lt;i&gt;</b>"
    )


def test_dutch_number_format() -> None:
    assert (format_number(17000), format_number(1.5), format_number(300)) == (
        "17.000",
        "1,5",
        "300",
    )


def test_figures_on_the_sheets_carry_hedge_claimant_and_dutch_numbers(
    built_site: BuiltSite,
) -> None:
    facts = built_site.data("facts.json")["entities"]
    shown = 0
    for weapon, entity in facts.items():
        page = built_site.site / "dossier" / "wapens" / weapon / "index.html"
        if not page.is_file():
            continue
        text = html.unescape(re.sub(r"<[^>]+>", " ", page.read_text(encoding="utf-8")))
        text = " ".join(text.split())
        for fact in entity["facts"]:
            value = format_number(fact["value"])
            figure = " ".join(p for p in (fact["qualifier"], value) if p)
            assert figure in text, (weapon, figure)
            for name in fact["attributed_to"]:
                assert name in text, (weapon, name)
            shown += 1
    assert shown


def test_a_medium_passing_a_partys_claim_on_is_the_messenger_not_a_claimant() -> None:
    from generator.gazetteer import load_gazetteer
    from generator.render.pages import claimants

    gazetteer = load_gazetteer(TEMPLATES.parent / "data" / "gazetteer.yml")
    assert claimants(["het Kremlin", "Kyiv Independent"], gazetteer) == (
        "het Kremlin, via Kyiv Independent"
    )
    assert claimants(["AP", "Reuters"], gazetteer) == "AP, Reuters"  # media alone: as they are
    assert claimants([], gazetteer) == ""
