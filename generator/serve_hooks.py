"""MkDocs hooks of the editors' preview (loaded by `python -m generator serve` only): the
problems of the last regeneration at the top of every page, so the browser never shows a
stale page as if all were well; and which pages the next (dirty) build must redo."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from generator.jinjacache import COMPILED
from generator.serve import PENDING, STATUS_NOW


def on_files(files: Any, **kwargs: Any) -> Any:
    """Before the build reads any page: remove the HTML of each page regenerated since the
    last build, so MkDocs' dirty build (which redoes a page only when its HTML is missing or
    older than its file) redoes it. Home includes the generated story: it goes with them."""
    everything, pages = PENDING.take()
    if pages:
        pages.add("index.md")
    for file in files.documentation_pages():
        if everything or file.src_uri in pages:
            Path(file.abs_dest_path).unlink(missing_ok=True)
    return files


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
