"""The 404 page works under any base path: GitHub Pages serves it for any missing address
below the site, at any depth, so its links and assets go from the root of site_url's path
(the publishing workflow sets SITE_URL to where the site is served)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from generator.site import Project, build

LINK = re.compile(r'(?:href|src)="([^"]+)"')


@pytest.mark.parametrize(
    "site_url", ["https://voorbeeld.org/ander/diep/pad/", "https://voorbeeld.org/"]
)
def test_every_link_of_the_404_page_lands_under_the_base_path(
    fresh_project: Project, monkeypatch: pytest.MonkeyPatch, site_url: str
) -> None:
    monkeypatch.setenv("SITE_URL", site_url)
    build(fresh_project)

    page = (fresh_project.site / "404.html").read_text(encoding="utf-8")
    base = urlsplit(site_url).path
    local = [link for link in LINK.findall(page) if not urlsplit(link).scheme]
    assert local
    for link in local:
        assert link.startswith(base), link  # absolute from the base: right at any depth
        path = urlsplit(link).path.removeprefix(base)
        target = fresh_project.site / path
        if link.endswith("/") or target.is_dir():
            target = target / "index.html"
        assert target.is_file(), link
    assert "Pagina niet gevonden" in page and "Not found" not in page  # in Dutch
