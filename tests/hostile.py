"""Hostile input: markup and scripts in every place an editor or an article can put text.

`make_hostile(project)` adds to a copy of the project an article whose opening words and
event sentences carry payloads (its licence lets the whole text show), an article whose
metadata (title, url, outlet, basis) does,
a correction whose summary, attribution and reason do, and a weapon and a place whose
gazetteer name, description, source and specs do. Every payload must reach the site as
text: shown as written, never markup, never a script, never a `javascript:` link.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.site import Project

# Each payload once, as an attacker would write it; `alert` carries the payload's name.
PAYLOADS: dict[str, str] = {
    "img": "<img src=x onerror=alert('img')>",
    "script": "</title><script>alert('script')</script>",
    "md-link": "[klik](javascript:alert('md-link'))",
    "breakout": "x](javascript:alert('breakout')) [y",
    "md-image": "![x](javascript:alert('md-image'))",
    "autolink": "<javascript:alert('autolink')>",
    "attr-list": "{: onclick=\"alert('attr-list')\" }",
    "quote": '" onmouseover="alert(\'quote\')" x="',
    "entity": "&lt;img src=x onerror=alert('entity')&gt;",
    "markdown": "**vet** _schuin_ `code` | cel",
    "reference": "[ref][1] [1]: javascript:alert('reference')",
    "jinja": "{{ 7 * 7 }} {% if true %}jinja{% endif %} {# weg #}",
}
ALL = " ".join(PAYLOADS.values())
OPENING = PAYLOADS["img"] + " " + PAYLOADS["md-link"]  # short enough to stay whole in a title
HOSTILE_ARTICLE = "900_vijandig"
HOSTILE_META_ARTICLE = "901_vijandige_metadata"
HOSTILE_URL = "https://example.org/\"><script>alert('url')</script>?a=1&b=<2>"
# Control characters, and a line end of each kind, in a paragraph of their own.
CONTROLS = "Een NUL\x00 en een escape\x1b[31m in de tekst.\rNog een regel.\r\nEn\u2028nog een."
WEAPON_ID = "vijandig-wapen"
PLACE_ID = "vijandig-dorp"
QUOTED = "Biden gaf Oekraïne op 12 mei 2024 toestemming om de Vijandraket in te zetten"


def _sentences() -> str:
    """One event sentence per payload, each naming the hostile weapon and place."""
    return "\n\n".join(
        f"Biden gaf Oekraïne op {day} mei 2024 toestemming om de Vijandraket in te zetten "
        f"tegen doelen bij Vijanddorp in Rusland {payload} aldus het Witte Huis."
        for day, payload in zip(range(12, 31), PAYLOADS.values(), strict=False)
    )


def make_hostile(project: Project) -> None:
    """Put every payload into a copy of the project (articles, metadata, corrections,
    gazetteer); the real articles and data stay as they are beside them."""
    seeds, data = project.seeds, project.data
    (seeds / f"{HOSTILE_ARTICLE}.txt").write_text(
        f" date 2024-05 {OPENING}\n\n{_sentences()}\n\n{CONTROLS}\n", encoding="utf-8"
    )
    (seeds / f"{HOSTILE_META_ARTICLE}.txt").write_text(
        " date 2024-06 Biden gaf Oekraïne op 3 juni 2024 toestemming om de Vijandraket in te "
        "zetten tegen doelen in Rusland, meldt het Witte Huis.\n",
        encoding="utf-8",
    )
    _update_yaml(seeds / "metadata.yml", _add_metadata)
    _update_yaml(data / "corrections.yml", _add_correction)
    _update_yaml(data / "gazetteer.yml", _add_gazetteer)


def _update_yaml(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _add_metadata(data: dict[str, Any]) -> None:
    # Its licence lets the whole text show, payloads and control characters included.
    data[HOSTILE_ARTICLE] = {"licence": PAYLOADS["img"], "full_text": True}
    data[HOSTILE_META_ARTICLE] = {
        "outlet": PAYLOADS["img"] + " " + PAYLOADS["md-link"],
        "published": "2024-06-03",
        "title": PAYLOADS["breakout"] + " " + PAYLOADS["script"] + " " + PAYLOADS["quote"],
        "url": HOSTILE_URL,
        "basis": {"outlet": ALL, "published": ALL, "title": ALL},
    }


def _add_correction(data: dict[str, Any]) -> None:
    events = data.get("events") or []
    events.append(
        {
            "add": {"article": HOSTILE_ARTICLE, "quote": QUOTED, "date": "2024-05-12"},
            "set": {"summary": ALL, "attributed_to": [ALL], "weapons": [WEAPON_ID]},
            "reason": ALL,
        }
    )
    data["events"] = events


def _add_gazetteer(data: dict[str, Any]) -> None:
    data["weapons"].append(
        {
            "id": WEAPON_ID,
            "name": PAYLOADS["img"] + " " + PAYLOADS["breakout"],
            "description": ALL,
            "source": ALL,
            "aliases": ["Vijandraket"],
            "specs": [{"what": ALL, "text": ALL, "source": ALL}],
        }
    )
    data["places"].append(
        {
            "id": PLACE_ID,
            "name": PAYLOADS["img"] + " " + PAYLOADS["script"],
            "kind": "stad",
            "country": "russia",
            "aliases": ["Vijanddorp"],
            "coordinates": [51.2, 36.4],
            "description": ALL,
            "on_map": "always",
        }
    )
    data["actors"].append(
        {"id": "vijandige-actor", "name": PAYLOADS["md-link"], "aliases": ["Vijandactor"]}
    )
