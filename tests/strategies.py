"""Hypothesis strategies for the property tests: text that looks like Dutch news, with
the characters that break naive code mixed in."""

from __future__ import annotations

from hypothesis import strategies as st

from generator.dates import MONTHS_NL

WORDS = (
    "Biden gaf Oekraïne toestemming om ATACMS in te zetten tegen doelen in Rusland "
    "volgens het Kremlin zou de VS gisteren vorige week sinds begin eind medio half "
    "twee dagen later kort daarna dinsdag maandag zomer winter voorjaar najaar vandaag "
    "meer dan zo'n ruim minstens miljoen miljard euro dollar kilometer km raketten "
    "o.a. d.w.z. F-16's mr. dr. Storm Shadow Koersk Charkiv NAVO AP Reuters zei meldt"
).split()
# Time phrases whole, so that they meet a date at the calendar's edge often enough.
PHRASES = [
    "een jaar later",
    "een dag eerder",
    "twee dagen nadat",
    "volgend jaar",
    "over twee jaar",
    "de komende dagen",
    "tien jaar geleden",
    "in de winter van",
    "sinds",
    "eind",
    "vorige week dinsdag",
    "binnen twee weken",
]
PUNCTUATION = [
    ".",
    ",",
    "!",
    "?",
    "…",
    ":",
    ";",
    "(",
    ")",
    '"',
    "“",
    "”",
    "‘",
    "’",
    "'",
    "«",
    "»",
    " - ",
    " – ",
]
BREAKS = ["\n", "\n\n", "\r\n", "\r", "\t", "\u2028", "\u00a0", "\ufeff", "\x00"]


def numbers() -> st.SearchStrategy[str]:
    return st.one_of(
        st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:,}".replace(",", ".")),
        st.integers(min_value=0, max_value=10**9).map(str),
        st.tuples(st.integers(0, 999), st.integers(0, 99)).map(lambda p: f"{p[0]},{p[1]}"),
        st.sampled_from(["zes", "vijftig", "dertien", "honderd", "duizend", "twee"]),
    )


def years() -> st.SearchStrategy[int]:
    """Years of news, now and then one at the calendar's edges (1 and 9999)."""
    return st.one_of(st.integers(1900, 2100), st.sampled_from([1, 2, 999, 9998, 9999]))


def dates_written() -> st.SearchStrategy[str]:
    return st.tuples(st.integers(0, 32), st.sampled_from(MONTHS_NL), years()).map(
        lambda p: f"{p[0]} {p[1]} {p[2]}"
    )


def dutch_text(max_tokens: int = 60) -> st.SearchStrategy[str]:
    token = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(MONTHS_NL),
        st.sampled_from(PHRASES),
        numbers(),
        dates_written(),
        years().map(str),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(BREAKS),
        st.text(max_size=3),  # anything at all, now and then
    )
    separator = st.sampled_from([" ", " ", " ", "", "  "])
    return st.lists(st.tuples(token, separator), max_size=max_tokens).map(
        lambda pairs: "".join(t + s for t, s in pairs)
    )
