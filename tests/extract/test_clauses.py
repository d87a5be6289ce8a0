"""Clauses with their own dates, and the clause each date belongs to."""

from generator import dates
from generator.dutch.timex import find_time_expressions
from generator.extract.clauses import clause_dates

SENTENCE = (
    "Twee dagen nadat Vladimir Poetin op 24 februari zijn buurland Oekraïne binnenviel, "
    "keurde Joe Biden militaire hulp goed."
)


def test_nadat_dates_the_main_clause_and_the_subordinate_its_own() -> None:
    expressions = find_time_expressions(SENTENCE, dates.parse("2022-03"))
    found = {
        when.edtf: SENTENCE[a:b]
        for when, (a, b) in clause_dates(SENTENCE, expressions, None)
        if when
    }
    assert found["2022-02-26"].startswith("keurde Joe Biden")
    assert "op 24 februari" in found["2022-02-24"]


def test_one_clause_keeps_the_whole_sentence() -> None:
    text = "Gisteren gaf Biden toestemming."
    expressions = find_time_expressions(text, dates.parse("2024-11-19"))
    assert clause_dates(text, expressions, None) == [(dates.parse("2024-11-18"), (0, len(text)))]


def test_no_date_takes_the_fallback() -> None:
    fallback = dates.parse("2024-05")
    assert clause_dates("Biden gaf toestemming.", [], fallback) == [(fallback, (0, 22))]


def test_a_clause_with_no_verb_narrows_the_date_before(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Dit jaar verloor Oekraïne al twee toestellen, in april en mei.", published="2025-06-30"
    )
    assert event.date.edtf == "2025-04/2025-05"
