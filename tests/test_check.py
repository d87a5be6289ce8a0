"""`check` lists names the gazetteer lacks, at the line where they stand."""

from pathlib import Path

import yaml

from generator.check import check

DATA = Path(__file__).resolve().parents[1] / "data"


def test_new_names_are_candidates_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        " date 2024-11 De Amerikaanse president Biden sprak gisteren met Pete Hegseth.\n\n"
        "Volgens Hegseth gaat de Estse premier Kaja Kallas morgen naar Tallinn.\n",
        encoding="utf-8",
    )
    problems = check(tmp_path, DATA)
    candidates = {(p.line, p.message.split("'")[1]) for p in problems if "kandidaat" in p.message}
    assert (1, "Pete Hegseth") in candidates
    assert (3, "Kaja Kallas") in candidates
    assert (3, "Tallinn") in candidates
    names = {name for _, name in candidates}
    assert "Biden" not in names and "Amerikaanse" not in names and "Volgens" not in names


def test_a_broken_gazetteer_is_an_error_with_its_line(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in ("time_anchors.yml", "border.geojson"):
        (data / name).write_bytes((DATA / name).read_bytes())
    (data / "gazetteer.yml").write_text(
        "weapons:\n  - id: Bad Id\n    name: x\nplaces: []\nactors: []\nmedia: []\n",
        encoding="utf-8",
    )
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Tekst.\n", encoding="utf-8")
    problems = check(seeds, data)
    assert any(p.path.endswith("gazetteer.yml") and p.line == 2 for p in problems)


def test_names_that_are_no_entity_are_silenced_by_the_gazetteer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for path in DATA.iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        " date 2024-11 Biden sprak in het Oval Office met Pete Hegseth.\n", encoding="utf-8"
    )
    named = {p.message.split("'")[1] for p in check(seeds, data) if "kandidaat" in p.message}
    assert "Pete Hegseth" in named and "Oval Office" not in named

    gazetteer = data / "gazetteer.yml"
    entries = yaml.safe_load(gazetteer.read_text(encoding="utf-8"))
    entries["not_entities"] = [*entries.get("not_entities", []), "Pete Hegseth"]
    gazetteer.write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    named = {p.message.split("'")[1] for p in check(seeds, data) if "kandidaat" in p.message}
    assert "Pete Hegseth" not in named
