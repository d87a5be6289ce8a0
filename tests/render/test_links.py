"""Links back to the repository: the "corrigeer" link of a chronology entry."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from generator.model import Certainty, DateValue, Event, SourceRef
from generator.render.links import correction_url, repository_url

EVENT = Event(
    id="e-0123456789",
    date=DateValue("2024-05", date(2024, 5, 1), date(2024, 5, 31), "mei 2024"),
    summary="Biden stond het gebruik toe.",
    weapons=[],
    places=[],
    actors=[],
    certainty=Certainty.REPORTED,
    attributed_to=[],
    sources=[SourceRef("000_x", 2, 1, 'Biden stond "het gebruik" van Amerikaanse wapens toe.')],
)


def test_the_link_opens_an_issue_with_the_id_the_quote_and_a_correction_to_copy() -> None:
    url = correction_url("https://github.com/org/repo", EVENT)
    parts = urlsplit(url)
    assert (parts.netloc, parts.path) == ("github.com", "/org/repo/issues/new")
    query = parse_qs(parts.query)
    assert query["title"] == [
        'Correctie e-0123456789: Biden stond "het gebruik" van Amerikaanse wapens toe.'
    ]
    body = query["body"][0]
    assert '> Biden stond "het gebruik" van Amerikaanse wapens toe.' in body
    assert "  - id: e-0123456789\n" in body
    assert '    quote: "Biden stond \\"het gebruik\\" van Amerikaanse wapens toe."' in body
    assert "https://github.com/org/repo/edit/main/data/corrections.yml" in body


@pytest.mark.parametrize(
    ("config", "env", "expected"),
    [
        ("repo_url: https://github.com/a/b/\n", {}, "https://github.com/a/b"),
        (
            "repo_url: !ENV [REPO_URL, 'https://github.com/a/b']\n",
            {"REPO_URL": "https://github.com/fork/b"},
            "https://github.com/fork/b",
        ),
        ("repo_url: !ENV [REPO_URL, 'https://github.com/a/b']\n", {}, "https://github.com/a/b"),
        ("repo_url: javascript:alert(1)\n", {}, None),
        ("site_name: x\n", {}, None),
    ],
)
def test_the_repository_comes_from_mkdocs_yml_and_the_environment(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    config: str,
    env: dict[str, str],
    expected: str | None,
) -> None:
    monkeypatch.delenv("REPO_URL", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    assert repository_url(tmp_path / "mkdocs.yml") == expected
