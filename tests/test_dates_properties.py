"""Properties of EDTF dates on any string (Hypothesis): a DateError or a date whose bounds
are in order and whose Dutch label is not empty; never another exception."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator import dates

PART = st.one_of(
    st.integers(0, 9999).map(lambda y: f"{y:04d}"),
    st.tuples(st.integers(1, 9999), st.integers(0, 45)).map(lambda p: f"{p[0]:04d}-{p[1]:02d}"),
    st.tuples(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32)).map(
        lambda p: f"{p[0]:04d}-{p[1]:02d}-{p[2]:02d}"
    ),
    st.sampled_from(["..", "", "2024-XX", "202X", "2024~", "2024?", "2024-05%", "x"]),
)
EDTF = st.one_of(PART, st.tuples(PART, PART).map("/".join), st.text(max_size=12))


@given(EDTF)
def test_any_string_is_a_date_error_or_a_date_in_order(text: str) -> None:
    try:
        value = dates.parse(text)
    except dates.DateError:
        return
    assert value.start <= value.end
    assert value.label.strip()
    assert value.edtf == text
