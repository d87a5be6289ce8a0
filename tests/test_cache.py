"""The cache folder: what goes in comes out, and a broken or half-written entry is a miss."""

import ast
import json
import threading
from pathlib import Path

import pytest

import generator
from generator.cache import Store, code_version, digest
from generator.extract import article
from generator.render import mapview


def test_a_value_comes_back_under_its_key(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.put("ab12", {"events": [1, "twee", None]})
    assert store.get("ab12") == {"events": [1, "twee", None]}
    assert store.get("ab13") is None


def test_broken_entries_are_misses(tmp_path: Path) -> None:
    store = Store(tmp_path)
    for key, content in {
        "aa01": b'{"key": "aa01", "value": [1, 2',  # cut short
        "aa02": b"\x00\xff not json",
        "aa03": b'{"key": "aa99", "value": 3}',  # an entry of another key
        "aa04": b"[1, 2, 3]",
    }.items():
        store.put(key, "placeholder")
        (tmp_path / key[:2] / f"{key}.json").write_bytes(content)
        assert store.get(key) is None
        store.put(key, "again")
        assert store.get(key) == "again"


def test_an_unwritable_cache_only_makes_it_slower(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = Store(blocker)
    store.put("ab12", [1])  # no error
    assert store.get("ab12") is None


def test_writers_side_by_side_leave_whole_entries(tmp_path: Path) -> None:
    store = Store(tmp_path)
    values = [{"n": n, "text": "x" * (n * 5000)} for n in range(8)]
    seen: list[object] = []

    def write(value: dict[str, object]) -> None:
        for _ in range(20):
            store.put("cd34", value)
            seen.append(store.get("cd34"))

    threads = [threading.Thread(target=write, args=(v,)) for v in values]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen and all(v in values for v in seen)
    assert [p.name for p in (tmp_path / "cd").iterdir()] == ["cd34.json"]  # no temporaries left
    assert json.loads((tmp_path / "cd" / "cd34.json").read_text())["key"] == "cd34"


def test_digest_keeps_parts_apart() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("ab", "c") == digest(b"ab", b"c")


# --- the code a cached result depends on ----------------------------------------------------

PACKAGE = Path(generator.__file__).parent


def imported_closure(module: str) -> set[Path]:
    """The generator source files a module imports, transitively, lazy imports included."""
    found: set[Path] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        parts = name.split(".")
        if parts[0] != "generator":
            continue
        base = PACKAGE.joinpath(*parts[1:])
        path = next(
            (p for p in (base.with_suffix(".py"), base / "__init__.py") if p.is_file()), None
        )
        if path is None or path in found:
            continue
        found.add(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.Import):
                todo += [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:  # relative: from . import x, from ..y import z
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base_name = ".".join([*anchor, *([node.module] if node.module else [])])
                else:
                    base_name = node.module or ""
                todo += [base_name, *(f"{base_name}.{alias.name}" for alias in node.names)]
    # the package's __init__ files run on every import of a module below them
    return found | {PACKAGE / "__init__.py"}


def declared(parts: tuple[str, ...]) -> set[Path]:
    files: set[Path] = set()
    for part in parts:
        path = PACKAGE / part
        files |= set(path.rglob("*.py")) if path.is_dir() else {path}
    return files


@pytest.mark.parametrize(
    ("module", "parts"),
    [("generator.extract.article", article.CODE), ("generator.render.mapview", mapview.CODE)],
)
def test_a_cached_result_names_all_the_code_it_depends_on(
    module: str, parts: tuple[str, ...]
) -> None:
    missing = imported_closure(module) - declared(parts)
    assert not missing, f"add to {module}.CODE: {sorted(p.name for p in missing)}"
    assert all((PACKAGE / part).exists() for part in parts)


def test_code_version_changes_with_the_code_it_names() -> None:
    assert code_version("dates.py") != code_version("geo.py")
    assert code_version("dates.py") == code_version("dates.py")
