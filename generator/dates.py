"""EDTF dates as DateValue records, with their Dutch labels.

The forms news dates take (year, month, day, season, and intervals of them) are read here,
with the bounds the `edtf` package gives them (tests/test_dates.py holds the two to each
other on thousands of strings); every other form goes to the `edtf` package itself. The
package parses a string in about 10 ms, which at thousands of articles was most of a build.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache

from generator.model import DateValue

MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
SEASONS_NL = {21: "voorjaar", 22: "zomer", 23: "herfst", 24: "winter"}


class DateError(ValueError):
    """An EDTF string that the edtf package does not accept."""


# The months of each season code, as the edtf package bounds them (winter stays in its year).
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 12)}
_PART_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")


def _part_bounds(part: str) -> tuple[date, date] | None:
    """Bounds of YYYY, YYYY-MM, YYYY-MM-DD or YYYY-SS; None for any other form."""
    match = _PART_RE.fullmatch(part)
    if match is None or match[1] == "0000":
        return None
    year = int(match[1])
    if match[2] is None:
        return date(year, 1, 1), date(year, 12, 31)
    number = int(match[2])
    if match[3] is None:
        first, last = (number, number) if 1 <= number <= 12 else SEASON_MONTHS.get(number, (0, 0))
        if not first:
            return None
        return date(year, first, 1), date(year, last, month_end(year, last))
    try:
        day = date(year, number, int(match[3]))
    except ValueError:
        return None
    return day, day


def _package_bounds(text: str) -> tuple[date, date]:
    import edtf  # loaded only for forms news dates seldom take (qualifiers, open ends)

    try:
        parsed = edtf.parse_edtf(text)
        lo, hi = parsed.lower_strict(), parsed.upper_strict()
        return date(lo.tm_year, lo.tm_mon, lo.tm_mday), date(hi.tm_year, hi.tm_mon, hi.tm_mday)
    except Exception as exc:  # edtf's EDTFParseException, or a year 0 no date can hold
        raise DateError(f"geen geldige EDTF-datum: {text!r}") from exc


@cache
def bounds(text: str) -> tuple[date, date]:
    """First and last day of an EDTF date or interval; DateError when it is none."""
    parts = text.split("/")
    if len(parts) == 2 and not all(p.strip(". ") for p in parts):
        # EDTF's open and unknown ends: the package would invent an end ten years on
        raise DateError(
            f"open interval {text!r}: geef een begin en een eind, zoals 2024-05/2024-08"
        )
    start, end = _read_bounds(parts, text)
    if start > end:
        raise DateError(f"interval {text!r} loopt achteruit: het begin ligt na het eind")
    return start, end


def _read_bounds(parts: list[str], text: str) -> tuple[date, date]:
    if len(parts) <= 2:
        first, last = _part_bounds(parts[0]), _part_bounds(parts[-1])
        if first is not None and last is not None:
            return first[0], last[1]
    return _package_bounds(text)


@cache
def parse(text: str, estimate: bool = False) -> DateValue:
    """Parse an EDTF string (day, month, year, season or interval) into a DateValue."""
    start, end = bounds(text)
    return DateValue(
        edtf=text, start=start, end=end, label=label(text, start, end), estimate=estimate
    )


ALLOWED = (
    "toegestaan (EDTF): 2024 (jaar), 2024-05 (maand), 2024-05-17 (dag), 2024-21 t/m 2024-24 "
    "(voorjaar, zomer, herfst, winter) of een periode van twee daarvan met '/', "
    "bv. 2024-05-01/2024-05-10"
)
# What editors write in their data files: the news forms, each with a plain Dutch label.
_ONE = r"\d{4}(?:-(?:0[1-9]|1[0-2]|2[1-4])(?:-\d{2})?)?"
_FORM = re.compile(rf"^({_ONE})(?:/({_ONE}))?$")


def parse_editors(text: str) -> DateValue:
    """A date in an editor's data file (metadata, corrections, time anchors): only the
    forms listed in ALLOWED. EDTF's rarer forms (2024-25, 2024-XX, qualifiers) are more
    likely a typo there than meant, so they are a DateError that lists what is allowed."""
    form = _FORM.match(text)
    if form is None:
        raise DateError(f"geen geldige datum {text!r}; {ALLOWED}")
    for part in form.groups():
        if part and len(part) == 10 and part[5:7] > "12":
            raise DateError(f"geen geldige datum {text!r}: een seizoen heeft geen dag; {ALLOWED}")
        if part and len(part) == 10 and _part_bounds(part) is None:
            raise DateError(f"{text!r}: die dag bestaat niet ({part})")
    value = parse(text)
    if value.end < value.start:
        raise DateError(f"{text!r}: de periode eindigt voor ze begint")
    return value


def month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day(d: date) -> str:
    return d.isoformat()


def month(year: int, m: int) -> str:
    return f"{year:04d}-{m:02d}"


def interval(start: str, end: str) -> str:
    return start if start == end else f"{start}/{end}"


def from_bounds(start: date, end: date) -> DateValue:
    """The most compact EDTF for an inclusive day range (whole months/years collapse)."""
    return parse(edtf_for_bounds(start, end))


def edtf_for_bounds(start: date, end: date) -> str:
    whole_start_month = start.day == 1
    whole_end_month = end.day == month_end(end.year, end.month)
    if start == end:
        return day(start)
    if whole_start_month and whole_end_month:
        if start.month == 1 and end.month == 12 and start.year == end.year:
            return f"{start.year:04d}"
        return interval(month(start.year, start.month), month(end.year, end.month))
    return interval(day(start), day(end))


def _day_label(d: date, with_year: bool = True) -> str:
    text = f"{d.day} {MONTHS_NL[d.month - 1]}"
    return f"{text} {d.year}" if with_year else text


def _part_of_month(start: date, end: date) -> str | None:
    """'begin/half/eind mei 2024' for the thirds of one month the gold format uses."""
    if start.year != end.year or start.month != end.month:
        return None
    last = month_end(start.year, start.month)
    name = f"{MONTHS_NL[start.month - 1]} {start.year}"
    if (start.day, end.day) == (1, 10):
        return f"begin {name}"
    if (start.day, end.day) == (11, 20):
        return f"half {name}"
    if (start.day, end.day) == (21, last):
        return f"eind {name}"
    return None


def label(text: str, start: date, end: date) -> str:
    """Dutch display of an EDTF date that shows its precision, never more."""
    try:
        return _form_label(text.strip(), start, end)
    except (ValueError, IndexError):  # forms beyond the news ones: 2024-XX, 2024-33 (a quarter)
        return span_label(start, end)


def span_label(start: date, end: date) -> str:
    """Dutch display of a day range by its bounds: a whole year, month(s) or days."""
    if start.day == 1 and end.day == month_end(end.year, end.month):
        if (start.month, end.month, start.year) == (1, 12, end.year):
            return str(start.year)
        first, last = MONTHS_NL[start.month - 1], MONTHS_NL[end.month - 1]
        if (start.year, start.month) == (end.year, end.month):
            return f"{first} {start.year}"
        if start.year == end.year:
            return f"{first} – {last} {end.year}"
        return f"{first} {start.year} – {last} {end.year}"
    if start == end:
        return _day_label(start)
    return f"{_day_label(start)} – {_day_label(end)}"


def _form_label(core: str, start: date, end: date) -> str:
    if "/" not in core:
        parts = core.split("-")
        if len(parts) == 1:
            return parts[0]
        if len(parts) == 2:
            num = int(parts[1])
            if num in SEASONS_NL:
                return f"{SEASONS_NL[num]} {parts[0]}"
            return f"{MONTHS_NL[num - 1]} {parts[0]}"
        return _day_label(start)
    left, right = core.split("/", 1)
    thirds = _part_of_month(start, end)
    if thirds and len(left) == 10 and len(right) == 10:
        return thirds
    if len(left) == 10 and len(right) == 10:
        if start.year == end.year and start.month == end.month:
            return f"{start.day}–{end.day} {MONTHS_NL[start.month - 1]} {start.year}"
        if start.year == end.year:
            return f"{_day_label(start, False)} – {_day_label(end)}"
        return f"{_day_label(start)} – {_day_label(end)}"
    left_label = label(left, *bounds(left))
    right_label = label(right, *bounds(right))
    if len(left) == 7 and len(right) == 7 and start.year == end.year:
        left_label = MONTHS_NL[start.month - 1]
    return f"{left_label} – {right_label}"


def jaccard(a: DateValue, b: DateValue) -> float:
    """Overlap of two day ranges over their union (1.0 for the same range)."""
    lo = max(a.start, b.start)
    hi = min(a.end, b.end)
    inter = (hi - lo).days + 1 if hi >= lo else 0
    union = (max(a.end, b.end) - min(a.start, b.start)).days + 1
    return inter / union
