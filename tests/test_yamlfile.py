"""YAML with lines: libyaml's fast parser reads what the Python parser reads, line for line."""

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator import yamlfile
from generator.errors import InputError

REPO = Path(__file__).resolve().parents[1]
FILES = sorted(
    [*REPO.glob("data/*.yml"), *REPO.glob("seeds/*.yml"), *REPO.glob("evaluation/*/gold/*.yml")]
)


def with_lines(value: Any) -> Any:
    """The value with every block's and item's line, to compare two loads in full."""
    if isinstance(value, yamlfile.LineDict):
        return (value.line, value.key_lines, {k: with_lines(v) for k, v in value.items()})
    if isinstance(value, yamlfile.LineList):
        return (value.line, value.item_lines, [with_lines(v) for v in value])
    return value


def test_the_repositorys_yaml_files_load_alike_with_both_parsers() -> None:
    assert len(FILES) > 5
    for path in FILES:
        text = path.read_text(encoding="utf-8")
        fast = yaml.load(text, Loader=yamlfile._FastLoader)
        plain = yaml.load(text, Loader=yamlfile._Loader)
        assert with_lines(fast) == with_lines(plain), path


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", 2, "sluit niet met ']'"),
        ("a:\n  b: 1\n c: 2\n", 3, "inspringen"),
        ("a: 1\na: 2\n", 2, "twee keer"),
        # what editors type in Dutch text: an apostrophe, text after a quote, * and @
        ("a: 1\nreason: 'Oekraïne's wapens'\n", 2, "tussen dubbele aanhalingstekens"),
        ('reason: "De bron" meldt het\n', 1, "na de waarde staat nog tekst"),
        ("a: 1\nreason: *belangrijk* zie bron\n", 2, "met * of & begint"),
        ("reason: @NOS meldt het\n", 1, "met @, ` of % begint"),
        ("a: 1\n- b\n", 2, "inspringen"),
        ("  - a: 1\nevents: []\n", 2, "past niet onder wat erboven staat"),
        ("a: 1\n---\n- b\n", 2, "een regel '---' begint een tweede document"),
    ],
)
def test_a_broken_file_is_told_in_dutch_at_its_line(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = tmp_path / "kapot.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        yamlfile.load(path)
    (problem,) = caught.value.problems
    assert problem.line == line and words in problem.message, problem
    assert problem.message.startswith("YAML-fout: ") or "twee keer" in problem.message
    assert not re.search(r"\b(expected|found|while)\b", problem.message), problem  # no English
