"""Page rendering helpers: text from articles cannot break the Markdown it is put in."""

from pathlib import Path

from generator.render.pages import environment, format_number

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"


def test_a_table_cell_escapes_html_and_pipes() -> None:
    cell = environment(TEMPLATES).filters["cell"]
    assert cell("a | <b>") == "a &#124; &lt;b&gt;"


def test_front_matter_strings_survive_colons_and_quotes() -> None:
    yaml_string = environment(TEMPLATES).filters["yaml_string"]
    assert yaml_string('Factsheet ATACMS: "wat"') == '"Factsheet ATACMS: \\"wat\\""'


def test_dutch_number_format() -> None:
    assert (format_number(17000), format_number(1.5), format_number(300)) == (
        "17.000",
        "1,5",
        "300",
    )
