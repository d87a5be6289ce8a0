"""The synthetic corpus: the same N gives the same articles, each one the generator reads."""

from pathlib import Path

from bench.corpus import make_corpus, shift_edtf, shift_text
from generator.sources import read_seeds

REPO = Path(__file__).resolve().parents[2]
GAZETTEER = REPO / "data" / "gazetteer.yml"


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_same_size_same_corpus_and_a_larger_one_extends_it(tmp_path: Path) -> None:
    make_corpus(12, REPO / "seeds", GAZETTEER, tmp_path / "a")
    make_corpus(12, REPO / "seeds", GAZETTEER, tmp_path / "b")
    make_corpus(20, REPO / "seeds", GAZETTEER, tmp_path / "c")
    assert files(tmp_path / "a") == files(tmp_path / "b")
    small = {k: v for k, v in files(tmp_path / "a").items() if k.endswith(".txt")}
    assert small.items() <= files(tmp_path / "c").items()


def test_the_real_seeds_come_first_and_variants_read_cleanly(tmp_path: Path) -> None:
    stems = make_corpus(15, REPO / "seeds", GAZETTEER, tmp_path)
    real = sorted(p.stem for p in (REPO / "seeds").glob("*.txt"))
    assert stems[: len(real)] == real
    seeds = read_seeds(tmp_path)
    assert [a.stem for a in seeds.articles] == sorted(stems)
    texts = {a.text for a in seeds.articles}
    assert len(texts) == 15  # every variant differs from its seed
    assert all(a.meta.published is not None for a in seeds.articles)


def test_dates_shift_by_whole_months() -> None:
    assert shift_edtf("2024-11-19", 3) == "2025-02-19"
    assert shift_edtf("2024-12/2025-01", -2) == "2024-10/2024-11"
    assert shift_edtf("2024-05-31", 1) == "2024-06-30"
    assert shift_text("op 19 november 2024 en in mei", 2) == "op 19 januari 2025 en in juli"
