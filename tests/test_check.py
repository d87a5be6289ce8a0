"""`check` lists names the gazetteer lacks, at the line where they stand."""

from pathlib import Path

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
        encoding="utf-8")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Tekst.\n", encoding="utf-8")
    problems = check(seeds, data)
    assert any(p.path.endswith("gazetteer.yml") and p.line == 2 for p in problems)
