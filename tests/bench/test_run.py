"""The benchmark runs end to end at the seeds' size and prints its table (no timing asserted)."""

import pytest

from bench.run import main


def test_bench_prints_a_table_for_the_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--sizes", "5"]) == 0
    out = capsys.readouterr().out
    rows = {line.split("|")[1].strip(): line for line in out.splitlines() if line.startswith("|")}
    assert "N = 5" in rows[""]
    for label in (
        "extractie",
        "samenvoegen over artikelen",
        "MkDocs",
        "piekgeheugen",
        "grootste pagina",
        "zoekindex",
        "build na 1 gewijzigd artikel",
    ):
        assert label in rows, label
    assert "5 / " in rows["artikelen / gebeurtenissen"]
