"""Untrusted text stays text: each hostile payload, in each place a template puts a value,
through the site's own Markdown extensions, makes no element and no attribute, and reads as
it was written."""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
import yaml
from markupsafe import Markup

from generator.render.escape import UnsafeURLError, front_matter, href, text
from tests.hostile import PAYLOADS

# The places where templates print a value, as Markdown lines; {v} is the value.
CONTEXTS = {
    "paragraph": "{v}",
    "heading": "# {v}",
    "list item": "- **mei 2024** <span>gemeld</span>: {v} ([in de chronologie](c.md#e-1))",
    "table cell": "| Artikel | Medium |\n| --- | --- |\n| [{v}](a.md) | {v} |",
    "md_in_html": '<div class="gebeurtenis" markdown>\n<p class="citaat">{v}</p>\n</div>',
    "raw html": '<p class="bron-alinea" id="p1"><span class="zin" id="p1-s1">{v}</span></p>',
    "attribute": '<p><a href="x/" title="{v}">bron</a></p>',
    "line start": "Eerste regel\n{v}",
}
EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]  # as in mkdocs.yml


class Shape(HTMLParser):
    """The elements and attributes of an HTML fragment, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.values: list[str] = []
        self.text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted(name for name, _ in attrs))))
        self.values += [value or "" for _, value in attrs]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render(context: str, value: str) -> Shape:
    html = markdown.markdown(CONTEXTS[context].replace("{v}", value), extensions=EXTENSIONS)
    return Shape(html)


@pytest.mark.parametrize("context", CONTEXTS)
@pytest.mark.parametrize("payload", PAYLOADS, ids=list(PAYLOADS))
def test_a_payload_makes_no_markup_and_reads_as_written(context: str, payload: str) -> None:
    harmless = render(context, text("veilig"))
    hostile = render(context, text(PAYLOADS[payload]))
    assert hostile.tags == harmless.tags  # no element or attribute more, none less
    written = PAYLOADS[payload]
    if context == "attribute":
        assert written in hostile.values
    else:
        assert written in " ".join("".join(hostile.text).split())


def test_line_ends_and_control_characters_never_start_a_block() -> None:
    value = "eerste\n\n- lijst\n# kop\n    code\x00\x1b\x85"
    shape = render("paragraph", text(value))
    assert [tag for tag, _ in shape.tags] == ["p"]
    assert "".join(shape.text) == "eerste - lijst # kop code"


@pytest.mark.parametrize("value", ["- lijst", "+ lijst", "1. lijst", "2) lijst", "===", "---"])
def test_a_value_at_the_start_of_a_line_opens_no_list_rule_or_heading(value: str) -> None:
    shape = render("line start", text(value))
    assert [tag for tag, _ in shape.tags] == ["p"]
    assert "".join(shape.text) == f"Eerste regel\n{value}"


def test_text_leaves_markup_the_generator_made_alone() -> None:
    marked = text("a <b>") + Markup("<mark>")
    assert text(marked) == "a &lt;b&gt;<mark>"


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "\x00javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "https:///geen-host",
        "x:y/z",
    ],
)
def test_a_link_other_than_http_or_a_site_path_is_refused(url: str) -> None:
    with pytest.raises(UnsafeURLError):
        href(url)


@pytest.mark.parametrize(
    ("url", "attribute"),
    [
        ("https://nos.nl/artikel/1?a=1&b=2", "https://nos.nl/artikel/1?a=1&amp;b=2"),
        ('https://x.nl/"><script>', "https://x.nl/%22%3E%3Cscript%3E"),
        ("../bronnen/000_a/#p1-s1", "../bronnen/000_a/#p1-s1"),
        ("a b(c)", "a%20b%28c%29"),
    ],
)
def test_a_good_link_is_encoded_for_an_attribute_and_a_markdown_link(
    url: str, attribute: str
) -> None:
    assert href(url) == attribute


def test_front_matter_is_yaml_whose_value_is_escaped_text() -> None:
    value = PAYLOADS["script"] + " : # \" ' \\ \u2028"
    loaded = yaml.safe_load(f"title: {front_matter(value)}")
    assert loaded["title"] == str(text(value))
    assert "<" not in loaded["title"] and '"' not in loaded["title"]
