"""Properties of the reader on any file content (Hypothesis): it never crashes, refuses
with path:line messages, and every paragraph and sentence it gives reads back from the
article's text at its offsets."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from generator.errors import InputError
from generator.sources import read_seeds
from tests.strategies import dutch_text

CONTENT = st.one_of(
    dutch_text(120).map(lambda t: t.encode("utf-8")),
    st.tuples(
        st.sampled_from(["", " date 2024-05 ", " date 2024-11-19\n", " date x "]), dutch_text(80)
    ).map(lambda p: (p[0] + p[1]).encode("utf-8")),
    st.binary(max_size=200),
)


@given(CONTENT)
def test_any_file_reads_into_offsets_that_round_trip_or_is_refused_at_a_line(
    content: bytes,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_bytes(content)
        try:
            seeds = read_seeds(Path(folder))
        except InputError as exc:
            assert exc.problems
            assert all(p.path == str(path) and p.line >= 1 for p in exc.problems)
            return
    (article,) = seeds.articles
    text = article.text
    assert "\r" not in text and "\x00" not in text
    for paragraph in article.paragraphs:
        assert text[paragraph.start : paragraph.end] == paragraph.text
        for sentence in paragraph.sentences:
            assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
            assert text[sentence.start : sentence.end] == sentence.text
            assert sentence.text == sentence.text.strip() != ""
            assert article.sentence_at(sentence.paragraph, sentence.index) == sentence
    starts = [s.start for s in article.sentences]
    assert starts == sorted(starts)
    for problem in seeds.warnings:
        assert problem.line >= 1
