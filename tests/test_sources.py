"""Reading a seeds folder: date header, editors' metadata, clear errors."""

from pathlib import Path

import pytest

from generator.errors import InputError, Severity
from generator.model import BlockKind
from generator.sources import read_seeds

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_date_header_sharing_the_first_line_is_parsed_and_stripped(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", " date 2024-05 De president gaf toestemming.\n")
    (article,) = read_seeds(tmp_path).articles
    assert article.header_date == "2024-05"
    assert article.text.startswith("De president gaf toestemming.")
    assert article.meta.published is not None and article.meta.published.label == "mei 2024"


def test_metadata_date_wins_over_a_vaguer_header(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", " date 2024-11 Tekst.\n")
    write(tmp_path, "metadata.yml", 'a:\n  outlet: NOS\n  published: "2024-11-19"\n')
    (article,) = read_seeds(tmp_path).articles
    assert article.meta.published is not None and article.meta.published.edtf == "2024-11-19"
    assert article.meta.outlet == "NOS"


def test_article_without_metadata_or_date_builds_with_warnings(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Gisteren gaf Biden toestemming.\n")
    seeds = read_seeds(tmp_path)
    assert seeds.articles[0].meta.published is None
    assert all(p.severity is Severity.WARNING for p in seeds.warnings)
    assert any("publicatiedatum" in p.message for p in seeds.warnings)


def test_bad_metadata_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Tekst.\n")
    meta = write(tmp_path, "metadata.yml", "a:\n  outlet: NOS\n  published: 2024-13\n  colour: x\n")
    with pytest.raises(InputError) as caught:
        read_seeds(tmp_path)
    found = {(p.path, p.line) for p in caught.value.problems}
    assert (str(meta), 3) in found  # the invalid EDTF date
    assert (str(meta), 4) in found  # the unknown field


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Eerste regel.\nTweede \xff regel.\n")
    with pytest.raises(InputError) as caught:
        read_seeds(tmp_path)
    (problem,) = caught.value.problems
    assert (problem.path, problem.line) == (str(path), 2)


def test_the_seeds_read_with_sentences_and_kinds() -> None:
    articles = {a.stem: a for a in read_seeds(SEEDS).articles}
    assert len(articles) >= 5
    article = articles["002_da96f0f2ac3269c2"]
    assert article.meta.published is not None and article.meta.published.edtf == "2024-11-19"
    assert article.paragraphs[0].kind is BlockKind.CAPTION
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
