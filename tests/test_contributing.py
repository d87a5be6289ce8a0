"""The editors' guide says what the code does: its examples pass the checks they describe,
and the pull request template asks for the source of every new fact."""

from __future__ import annotations

import re
from pathlib import Path

from generator.corrections import load_corrections
from generator.gazetteer import load_gazetteer
from tests.conftest import BuiltSite

REPO = Path(__file__).resolve().parents[1]
GUIDE = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")


def yaml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", markdown, re.DOTALL)


def test_the_guides_corrections_example_passes_the_schema(tmp_path: Path) -> None:
    (example,) = [b for b in yaml_blocks(GUIDE) if b.startswith("events:")]
    path = tmp_path / "corrections.yml"
    path.write_text(example, encoding="utf-8")
    known = {i: e.kind for i, e in load_gazetteer(REPO / "data" / "gazetteer.yml").entries.items()}

    corrections = load_corrections(path, known)

    kinds = {
        ("set" if c.values and c.target else "")
        + ("drop" if c.drop else "")
        + ("merge" if c.merge else "")
        + ("split" if c.split else "")
        + ("add" if c.add else "")
        for c in corrections
    }
    assert {"set", "drop", "merge", "split", "add"} <= kinds


def test_the_corrections_file_shows_the_same_examples(tmp_path: Path) -> None:
    text = (REPO / "data" / "corrections.yml").read_text(encoding="utf-8")
    commented = "\n".join(line[2:] for line in text.splitlines() if line.startswith("# "))
    example = commented[commented.index("events:") : commented.index("\nset accepts")]
    path = tmp_path / "corrections.yml"
    path.write_text(example + "\n", encoding="utf-8")
    known = {i: e.kind for i, e in load_gazetteer(REPO / "data" / "gazetteer.yml").entries.items()}

    assert len(load_corrections(path, known)) == example.count("\n  - ")


def test_the_pull_request_template_asks_for_the_source_of_every_new_fact() -> None:
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert "## Bron van elk nieuw feit" in template
    assert "| feit | bron |" in template
    assert "westerse-wapens check" in template


def test_the_guide_covers_what_editors_asked() -> None:
    for topic in (
        "De naam wordt het adres",
        "datumregel",
        "Id en citaat vinden",
        "Wat `set` accepteert",
        "merge",
        "split",
        "not_entities",
        "--dev-addr",
        "site-preview",
        "Het sjabloon vraagt",
    ):
        assert topic in GUIDE, topic


def test_the_site_has_an_editors_page_that_edits_itself(built_site: BuiltSite) -> None:
    page = built_site.page("redacteuren/index.html")
    assert "<h1" in page and "Voor redacteuren" in page
    assert re.search(
        r'href="[^"]*/edit/main/docs/redacteuren\.md"[^>]*rel="edit"', page
    ) or re.search(r'rel="edit"[^>]*href="[^"]*/edit/main/docs/redacteuren\.md"', page)
    assert 'href="redacteuren/"' in built_site.page("index.html")  # in the menu
    methode = built_site.page("methode/index.html")
    assert "corrigeer" in methode and 'rel="edit"' in methode  # what it says of itself holds
