"""MkDocs hooks of the editors' preview (loaded by `python -m generator serve` only): the
problems of the last regeneration at the top of every page, so the browser never shows a
stale page as if all were well."""

from __future__ import annotations

import html
from typing import Any

from generator.jinjacache import COMPILED
from generator.serve import STATUS_NOW


def on_env(env: Any, **kwargs: Any) -> Any:
    """MkDocs makes a new theme environment for every rebuild; its compiled templates are
    kept from the last one."""
    env.bytecode_cache = COMPILED
    return env


def on_page_content(content: str, **kwargs: Any) -> str:
    if not STATUS_NOW.problems and not STATUS_NOW.internal:
        return content
    items = "".join(
        f"<li><code>{html.escape(p.path)}:{p.line}</code>: {html.escape(p.message)}</li>"
        for p in STATUS_NOW.problems
    )
    if STATUS_NOW.internal:
        items += (
            f"<li>interne fout in de generator: <code>{html.escape(STATUS_NOW.internal)}</code>"
            " (meld dit als issue)</li>"
        )
    banner = (
        '<div class="admonition failure voorbeeld-fout" role="alert">'
        '<p class="admonition-title">De laatste wijziging is niet verwerkt</p>'
        f"<ul>{items}</ul>"
        "<p>Deze pagina toont de laatste versie die wel lukte. Verbeter het bestand en sla "
        "het op: het voorbeeld werkt zichzelf dan bij.</p></div>"
    )
    return banner + content
