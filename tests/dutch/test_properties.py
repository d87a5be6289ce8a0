"""Properties of the language layer on any text (Hypothesis): the sentence splitter, time
expressions and numbers never crash, every span they give reads back as its text, and
every date lies within its bounds."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from generator.dates import MONTHS_NL, parse
from generator.dutch.numbers import find_quantities, parse_number
from generator.dutch.sentences import split_blocks, split_sentences
from generator.dutch.timex import find_time_expressions
from generator.model import DateValue
from tests.strategies import dutch_text

# Publication dates of news, and the calendar's first and last day (an editor's typo).
PUBLISHED = st.sampled_from(
    ["2024-11-19", "2024-11", "2024", "2022-02-24", "2025-01-20", "0001-01-01", "9999-12-31"]
)


@given(dutch_text())
def test_blocks_are_the_articles_lines_at_their_offsets(text: str) -> None:
    blocks = split_blocks(text)
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    assert [text[b.start : b.end] for b in blocks] == lines
    for block in blocks:
        assert block.start <= block.body_start <= block.end


@given(dutch_text(), st.integers(min_value=0, max_value=10_000))
def test_sentences_tile_each_line_in_order_as_the_reader_splits_it(text: str, offset: int) -> None:
    for block in split_blocks(text):
        body = text[block.body_start : block.end]
        spans = split_sentences(body, offset)
        previous_end = offset
        for start, end in spans:
            assert previous_end <= start < end <= offset + len(body)
            sentence = body[start - offset : end - offset]
            assert sentence == sentence.strip() and sentence
            previous_end = end
        # Nothing but white space is left out between and around the sentences.
        covered = "".join(body[s - offset : e - offset] for s, e in spans)
        assert "".join(covered.split()) == "".join(body.split())


@given(dutch_text(), PUBLISHED, st.none() | PUBLISHED)
def test_time_expressions_read_back_and_lie_within_their_bounds(
    text: str, published: str, previous: str | None
) -> None:
    for expression in find_time_expressions(
        text, parse(published), parse(previous) if previous else None, anchors={}
    ):
        assert text[expression.start : expression.end] == expression.text
        if expression.date is not None:
            assert expression.date.start <= expression.date.end
            assert expression.date.label


# Years of news only: "2100" or "1850" is not read as a year (timex._YEAR), by design.
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), PUBLISHED)
def test_a_written_out_day_resolves_to_that_day(day: date, published: str) -> None:
    sentence = f"Op {day.day} {MONTHS_NL[day.month - 1]} {day.year} gaf Biden toestemming."
    found = [
        e
        for e in find_time_expressions(sentence, parse(published), anchors={})
        if e.date is not None
    ]
    assert found, sentence
    value: DateValue = found[0].date  # type: ignore[assignment]
    assert value.start <= day <= value.end
    assert value.end - value.start < timedelta(days=1)


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.integers(min_value=0, max_value=400),
)
def test_a_day_range_round_trips_through_edtf(start: date, days: int) -> None:
    from generator.dates import from_bounds

    end = start + timedelta(days=days)
    value = from_bounds(start, end)
    assert (value.start, value.end) == (start, end)
    assert parse(value.edtf) == value


@given(dutch_text())
def test_quantities_read_back_and_are_numbers(text: str) -> None:
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.value == quantity.value  # not NaN
        assert quantity.value >= 0


@given(st.integers(min_value=0, max_value=10**12))
def test_a_number_written_with_dutch_separators_reads_as_itself(number: int) -> None:
    written = f"{number:,}".replace(",", ".")
    assert parse_number(written) == number


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=99))
def test_a_decimal_comma_reads_as_a_fraction(whole: int, hundredths: int) -> None:
    written = f"{whole:,}".replace(",", ".") + f",{hundredths:02d}"
    assert parse_number(written) == float(f"{whole}.{hundredths:02d}")


@given(st.integers(min_value=100, max_value=10**7).filter(lambda n: not 1900 <= n <= 2100))
def test_a_counted_number_in_a_sentence_is_found_with_its_noun(number: int) -> None:
    written = f"{number:,}".replace(",", ".")
    (quantity,) = find_quantities(f"Oekraïne kreeg {written} raketten van de VS.")
    assert (quantity.value, quantity.unit) == (number, "raketten")
