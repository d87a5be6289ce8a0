"""Page rendering helpers: text from articles cannot break the Markdown it is put in."""

from pathlib import Path

import yaml
from markupsafe import Markup

from generator.render.pages import environment, format_number

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
