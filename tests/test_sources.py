"""Reading a seeds folder: date header, editors' metadata, clear errors."""

import os
from datetime import date
from pathlib import Path

import pytest

from generator.errors import InputError, Severity
from generator.model import BlockKind
from generator.sources import read_seeds

SEEDS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"


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


# --- confined to regular files in the folder ---------------------------------------------


def problems_of(folder: Path) -> list[tuple[str, int, str]]:
    with pytest.raises(InputError) as caught:
        read_seeds(folder)
    return [
        (p.path, p.line, p.message) for p in caught.value.problems if p.severity is Severity.ERROR
    ]


def test_a_symlink_to_a_file_outside_the_folder_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Tekst.\n")
    secret = write(tmp_path.parent, f"{tmp_path.name}-geheim", "root:x:0:0\n")
    (tmp_path / "x.txt").symlink_to(secret)
    ((path, line, message),) = problems_of(tmp_path)
    assert (path, line) == (str(tmp_path / "x.txt"), 1)
    assert "symbolische link" in message


def test_a_symlinked_metadata_file_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Tekst.\n")
    elsewhere = write(tmp_path.parent, f"{tmp_path.name}-meta.yml", "a:\n  outlet: NOS\n")
    (tmp_path / "metadata.yml").symlink_to(elsewhere)
    ((path, _, message),) = problems_of(tmp_path)
    assert path == str(tmp_path / "metadata.yml") and "symbolische link" in message


def test_a_folder_named_like_an_article_is_refused(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Tekst.\n")
    (tmp_path / "x.txt").mkdir()
    assert problems_of(tmp_path) == [(str(tmp_path / "x.txt"), 1, "is een map, geen bestand")]


def test_a_fifo_named_like_an_article_is_refused_without_hanging(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Tekst.\n")
    os.mkfifo(tmp_path / "x.txt")
    ((path, _, message),) = problems_of(tmp_path)
    assert path == str(tmp_path / "x.txt") and "geen gewoon bestand" in message


@pytest.mark.parametrize("name", ["b.TXT", "b.Txt", "b.tXt"])
def test_another_case_of_txt_is_reported_not_ignored(tmp_path: Path, name: str) -> None:
    write(tmp_path, "a.txt", "Tekst.\n")
    write(tmp_path, name, "Tekst.\n")
    ((path, _, message),) = problems_of(tmp_path)
    assert path == str(tmp_path / name) and "hernoem naar b.txt" in message


@pytest.mark.parametrize("stem", ["index", "Index", "README", "readme"])
def test_a_stem_that_is_a_page_name_of_the_site_is_refused(tmp_path: Path, stem: str) -> None:
    write(tmp_path, "a.txt", "Tekst.\n")
    write(tmp_path, f"{stem}.txt", "Tekst.\n")
    ((path, _, message),) = problems_of(tmp_path)
    assert path == str(tmp_path / f"{stem}.txt") and "voorbehouden" in message


def test_stems_that_differ_only_in_case_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "Nieuws.txt", "Tekst een.\n")
    write(tmp_path, "nieuws.txt", "Tekst twee.\n")
    ((path, _, message),) = problems_of(tmp_path)
    assert path == str(tmp_path / "nieuws.txt") and "Nieuws.txt" in message


def test_hidden_files_like_editor_locks_are_left_alone(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Tekst.\n")
    (tmp_path / ".#a.txt").symlink_to("root@host.123")  # Emacs' lock file
    assert [a.stem for a in read_seeds(tmp_path).articles] == ["a"]


# --- text normalised, dates sane, copies reported ----------------------------------------


@pytest.mark.parametrize("end", ["\r", "\r\n", "\u2028"])
def test_every_kind_of_line_end_reads_like_a_newline(tmp_path: Path, end: str) -> None:
    text = "Eerste alinea.\n\nTweede alinea, zin een. Zin twee.\n"
    write(tmp_path, "a.txt", text.replace("\n", end))
    (tmp_path / "ref").mkdir()
    write(tmp_path / "ref", "a.txt", text)
    (article,) = read_seeds(tmp_path).articles
    (reference,) = read_seeds(tmp_path / "ref").articles
    assert article.text == reference.text
    assert [s.text for s in article.sentences] == [s.text for s in reference.sentences]


def test_control_characters_are_dropped_with_a_warning_at_their_line(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "Eerste regel.\nTwee\x00de \x1b[31mregel\x7f.\n")
    seeds = read_seeds(tmp_path)
    (article,) = seeds.articles
    assert article.text == "Eerste regel.\nTweede [31mregel.\n"
    (warning,) = [p for p in seeds.warnings if "stuurteken" in p.message]
    assert (warning.path, warning.line) == (str(path), 2)
    assert "3 onzichtbare stuurteken(s)" in warning.message and "U+0000" in warning.message


def test_a_publication_date_after_today_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", " date 2099-05 Tekst.\n")
    meta = write(tmp_path, "metadata.yml", 'b:\n  outlet: NOS\n  published: "2099-05-01"\n')
    write(tmp_path, "b.txt", "Tekst b.\n")
    found = problems_of(tmp_path)
    assert [(p, line) for p, line, _ in found] == [(str(meta), 3), (str(path), 1)]
    assert all("in de toekomst" in message for _, _, message in found)


def test_today_is_not_in_the_future(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", " date 2024-05-02 Tekst.\n")
    assert read_seeds(tmp_path, today=date(2024, 5, 2)).articles
    with pytest.raises(InputError):
        read_seeds(tmp_path, today=date(2024, 5, 1))


@pytest.mark.parametrize(
    ("header", "expected"),
    [("2024-25", "maart – mei 2024"), ("2024-XX", "2024"), ("2024-33", "januari – maart 2024")],
)
def test_an_unusual_edtf_date_line_gets_a_label_from_its_bounds(
    tmp_path: Path, header: str, expected: str
) -> None:
    write(tmp_path, "a.txt", f" date {header} Tekst.\n")
    (article,) = read_seeds(tmp_path).articles
    assert article.meta.published is not None and article.meta.published.label == expected


@pytest.mark.parametrize(
    ("header", "words"),
    [("2024-05/..", "open interval"), ("2023-02-29", "geen geldige"), ("2024-13", "geen geldige")],
)
def test_a_bad_date_line_is_an_error_at_line_one(tmp_path: Path, header: str, words: str) -> None:
    path = write(tmp_path, "a.txt", f" date {header} Tekst.\n")
    ((where, line, message),) = problems_of(tmp_path)
    assert (where, line) == (str(path), 1)
    assert message.startswith("datumregel: ") and words in message
    assert "toegestaan (EDTF): 2024 (jaar), 2024-05 (maand), 2024-05-17 (dag)" in message


def test_an_exact_copy_of_an_article_is_a_warning_naming_both_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.txt", " date 2024-05 Biden gaf toestemming.\n\nTweede alinea.\n")
    copy = write(tmp_path, "b.txt", "Biden gaf toestemming.\r\n\r\nTweede alinea.\r\n")
    seeds = read_seeds(tmp_path)
    (warning,) = [p for p in seeds.warnings if "dezelfde tekst" in p.message]
    assert (warning.path, warning.severity) == (str(copy), Severity.WARNING)
    assert f"dezelfde tekst als {first.name}:" in warning.message  # the file, not a long path


def test_metadata_under_a_misspelt_name_suggests_the_article(tmp_path: Path) -> None:
    write(tmp_path, "006_nos_koersk.txt", " date 2024-11 Tekst.\n")
    meta = write(tmp_path, "metadata.yml", "006_nos_koersk_:\n  outlet: NOS\n")
    (warning,) = [p for p in read_seeds(tmp_path).warnings if p.path == str(meta)]
    assert warning.line == 1
    assert "onbekend artikel '006_nos_koersk_' (bedoelt u '006_nos_koersk'?)" in warning.message


def test_a_publication_date_before_1900_is_an_error(tmp_path: Path) -> None:
    # Year 1 also broke MkDocs' build date with a traceback.
    path = write(tmp_path, "a.txt", " date 0001-01-01 Tekst.\n")
    meta = write(tmp_path, "metadata.yml", 'b:\n  outlet: NOS\n  published: "1899-12"\n')
    write(tmp_path, "b.txt", "Tekst b.\n")
    found = problems_of(tmp_path)
    assert [(p, line) for p, line, _ in found] == [(str(meta), 3), (str(path), 1)]
    assert all("ligt voor 1900; een tikfout in het jaar?" in message for _, _, message in found)


def test_an_article_from_before_1970_gets_a_build_date_mkdocs_can_read(tmp_path: Path) -> None:
    from generator.model import Corpus
    from generator.site import build_epoch

    write(tmp_path, "a.txt", " date 1950-06-01 Tekst.\n")
    corpus = Corpus(read_seeds(tmp_path).articles, {}, [], [], {})
    assert build_epoch(corpus) > 0  # MkDocs stopped on a negative SOURCE_DATE_EPOCH
