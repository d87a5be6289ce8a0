"""The long-article benchmark makes one article of the size asked, varied or repeated."""

from pathlib import Path

from bench.big_article import STEM, big_text, project
from bench.run import PROJECT_FILES


def test_the_article_has_the_size_asked_and_one_date_line(tmp_path: Path) -> None:
    text = big_text(60_000, repeated=False, scratch=tmp_path)
    assert 60_000 <= len(text.encode()) < 80_000
    assert text.startswith(" date 2024-11 ") and text.count(" date ") == 1


def test_the_repeated_article_is_one_seed_again_and_again(tmp_path: Path) -> None:
    text = big_text(40_000, repeated=True, scratch=tmp_path)
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    assert len(paragraphs) > len(set(paragraphs)) * 3


def test_the_project_holds_every_project_file_and_the_big_article(tmp_path: Path) -> None:
    root = project(tmp_path / "project", " date 2024-11 Tekst.\n")
    assert all((root / name).exists() for name in PROJECT_FILES)
    assert (root / "seeds" / f"{STEM}.txt").read_text(encoding="utf-8") == " date 2024-11 Tekst.\n"
    assert not (root / "docs" / "dossier").exists()
