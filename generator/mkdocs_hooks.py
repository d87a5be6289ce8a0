"""MkDocs hook (mkdocs.yml `hooks:`): a plain `mkdocs build` or `mkdocs serve` on a clone
where the generator has not run yet stops with one hint in Dutch, instead of a warning per
missing page and "Aborted with 10 warnings". Zensical ignores hooks; it needs a generated
docs/ just the same."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import Abort

GENERATED = "dossier"  # generator/render/pages.py GENERATED; a hook file stands alone


def on_config(config: Any, **kwargs: Any) -> Any:
    docs = Path(config["docs_dir"])
    if not (docs / GENERATED).is_dir():
        raise Abort(
            f"{docs / GENERATED}/ ontbreekt: de gegenereerde pagina's zijn er nog niet. Maak "
            "ze eerst met 'westerse-wapens build' (of 'python -m generator build'); daarna "
            "bouwt 'mkdocs build' of 'mkdocs serve' de hele site."
        )
    return config
