"""The cache folder: what goes in comes out, and a broken or half-written entry is a miss."""

import json
import threading
from pathlib import Path

from generator.cache import Store, digest


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
