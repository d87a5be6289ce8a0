"""Dutch time expressions: find them in one sentence and resolve them to EDTF dates.

Rules, not a library: dateparser misses most Dutch news phrasing and reads "zo" as Sunday.
An expression is either a core (a date, a period relative to publication, a well-known
happening) that a preposition on its left may widen ("sinds", "kort na", "twee dagen na"),
or a chained phrase ("twee dagen later", "niet lang daarna", "twee dagen nadat") that leans
on another date. Relative expressions are never more precise than the publication date:
with a publication known only to the month, "gisteren" is that month.

Choices the gold format leaves open (each also stated where the table or rule lives):
- "begin/medio/eind 2024" are January-March, May-August and October-December;
- a bare weekday ("dinsdag") is the most recent one on or before publication (today
  included: a week ago would be "vorige week dinsdag"), the next one if the sentence
  speaks of the future; "afgelopen dinsdag" is strictly before publication;
- "sinds X" and "(kort) na X" run from the start of X to the end of publication;
- "de afgelopen/komende dagen" are the seven days before/after publication (an estimate);
- winter YYYY-24 is the winter that begins in December of YYYY.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

from generator.dates import MONTHS_NL, from_bounds, month_end, parse, parse_editors
from generator.errors import InputError, Problem
from generator.model import DateValue, TimeExpression
from generator.validate import validate
from generator.yamlfile import LineDict, load

DEFAULT_ANCHORS = Path(__file__).resolve().parents[2] / "data" / "time_anchors.yml"

# --- word tables -------------------------------------------------------------------------

MONTHS: dict[str, int] = {name: number for number, name in enumerate(MONTHS_NL, start=1)}
# Abbreviations only count right after a day number ("24 feb"): "jan" alone is a name.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mrt": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "maandag": 0,
    "dinsdag": 1,
    "woensdag": 2,
    "donderdag": 3,
    "vrijdag": 4,
    "zaterdag": 5,
    "zondag": 6,
}
# "dinsdagavond"; Flemish "woensdagnamiddag", "zondagvoormiddag".
DAY_PARTS = ("ochtend", "voormiddag", "namiddag", "middag", "avond", "nacht", "morgen")

_UNIT_WORDS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
NUMBER_WORDS: dict[str, int] = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "dertien": 13,
    "veertien": 14,
    "vijftien": 15,
    "zestien": 16,
    "zeventien": 17,
    "achttien": 18,
    "negentien": 19,
    "twintig": 20,
    "dertig": 30,
}
# 21..29 are built the Dutch way: "eenentwintig", "tweeëntwintig" (diaeresis after -e).
NUMBER_WORDS.update(
    {
        f"{unit}{'ën' if unit.endswith('e') else 'en'}twintig": 21 + index
        for index, unit in enumerate(_UNIT_WORDS)
    }
)

# Part-of-period words, and the slice of a month (days), year (months), week (weekdays).
PART_WORDS: dict[str, str] = {
    "begin": "early",
    "start": "early",
    "half": "mid",
    "halverwege": "mid",
    "midden": "mid",
    "medio": "mid",
    "eind": "late",
    "einde": "late",
}
MONTH_PARTS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
YEAR_PARTS: dict[str, tuple[int, int]] = {"early": (1, 3), "mid": (5, 8), "late": (10, 12)}
WEEK_PARTS: dict[str, tuple[int, int]] = {"early": (0, 2), "mid": (2, 3), "late": (4, 6)}

SEASONS: dict[str, int] = {
    "voorjaar": 21,
    "lente": 21,
    "zomer": 22,
    "najaar": 23,
    "herfst": 23,
    "winter": 24,
}
SEASON_FIRST_MONTH: dict[int, int] = {21: 3, 22: 6, 23: 9, 24: 12}  # each lasts three months

# Day words and their offset from the publication day.
DAY_WORDS: dict[str, int] = {
    "vandaag": 0,
    "vanochtend": 0,
    "vanmorgen": 0,
    "vanmiddag": 0,
    "vanavond": 0,
    "vannacht": 0,
    "gisteren": -1,
    "gisterochtend": -1,
    "gistermorgen": -1,
    "gistermiddag": -1,
    "gisteravond": -1,
    "gisternacht": -1,
    "eergisteren": -2,
    "morgen": 1,
    "morgenochtend": 1,
    "morgenmiddag": 1,
    "morgenavond": 1,
    "overmorgen": 2,
}
# "morgen" after these words is a morning, not tomorrow ("de volgende morgen").
_MORNING_BEFORE = ("de", "die", "deze", "elke", "iedere", "volgende", "een", "goede")

# "dat jaar", "dezelfde maand": the period of the story's current date, not of publication.
STORY_WORDS = ("dat", "datzelfde", "hetzelfde", "die", "diezelfde", "dezelfde")

# Shift of a week/month/year/weekend relative to the one of publication.
SHIFTS: dict[str, int] = {
    "deze": 0,
    "dit": 0,
    "vorige": -1,
    "vorig": -1,
    "afgelopen": -1,
    "verleden": -1,
    "volgende": 1,
    "volgend": 1,
    "komende": 1,
    "komend": 1,
    "aanstaande": 1,
}
UNITS: dict[str, str] = {
    "dag": "day",
    "dagen": "day",
    "week": "week",
    "weken": "week",
    "maand": "month",
    "maanden": "month",
    "jaar": "year",
    "jaren": "year",
}
# "de komende dagen/weken/maanden" without a number: how far they reach (an estimate).
VAGUE_COUNTS: dict[str, int] = {"day": 7, "week": 4, "month": 3}
# Recognised as time expressions, but too vague to date honestly.
VAGUE = (
    "de afgelopen tijd",
    "de laatste tijd",
    "onlangs",
    "recentelijk",
    "kort geleden",
    "kortgeleden",
    "binnenkort",
)
# Approximations make the resolved date an estimate.
HEDGES = ("ruim", "bijna", "zo'n", "zo’n", "ongeveer", "circa", "rond de")

# A number in year range before one of these counts things: "in 2000 gevallen".
COUNTED_NOUNS = (
    "gevallen",
    "keer",
    "doden",
    "slachtoffers",
    "mensen",
    "militairen",
    "soldaten",
    "raketten",
    "kilometer",
    "km",
    "meter",
    "euro",
    "dollar",
    "stuks",
)

# A future-tense sentence turns bare weekdays and yearless dates forward.
_FUTURE = re.compile(
    r"\b(?:zal|zullen|zult|(?:gaat|gaan)(?!\s+(?:het\s+)?om\b)|wordt\s+verwacht|"
    r"worden\s+verwacht|gepland|van\s+plan|aanstaande)\b",
    re.IGNORECASE,
)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first so prefixes do not win."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


_NUM = rf"(?:{_alt(NUMBER_WORDS)}|\d{{1,2}})"
_UNIT = _alt(UNITS)
_HEDGE = _alt(HEDGES)
_MONTH = _alt(MONTHS)
_WEEKDAY = _alt(WEEKDAYS)
_SEASON = _alt(SEASONS)
_PART = rf"(?:(?:(?:aan\s+)?het\s+)?(?P<part>{_alt(PART_WORDS)})(?:\s+van)?[\s-]+)"
_YEAR = r"(?<![\d.,])(?P<year>(?:19|20)\d\d)(?!\d|[.,]\d)"
_NOT_COUNTED = rf"(?!\s+{_alt(COUNTED_NOUNS)}\b)"
_YEAR_REL = r"(?P<yrel>dit|vorig|volgend|verleden|dat|datzelfde|hetzelfde)\s+jaar"
_FLAGS = re.IGNORECASE | re.VERBOSE

# --- small date helpers ------------------------------------------------------------------


def _value(start: date, end: date, estimate: bool = False) -> DateValue:
    value = from_bounds(start, end)
    return parse(value.edtf, estimate=True) if estimate else value


def _estimated(value: DateValue) -> DateValue:
    return value if value.estimate else parse(value.edtf, estimate=True)


def _hull(first: DateValue, last: DateValue) -> DateValue:
    if first.edtf == last.edtf:
        return first
    return _value(min(first.start, last.start), max(first.end, last.end))


def _add(day: date, count: int, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    years, month0 = divmod(day.month - 1 + (count if unit == "month" else 12 * count), 12)
    year, month = day.year + years, month0 + 1
    return date(year, month, min(day.day, month_end(year, month)))


def _whole_months(value: DateValue) -> bool:
    return value.start.day == 1 and value.end.day == month_end(value.end.year, value.end.month)


def _shift(value: DateValue, count: int, unit: str, estimate: bool = False) -> DateValue:
    """Move a date by a signed count of units; whole months stay whole months, and a date
    known only to the month moved by days stays that month ("een dag later" in May)."""
    if (
        unit in ("day", "week")
        and _whole_months(value)
        and abs(count) * (7 if unit == "week" else 1) < 7
    ):
        return value
    start = _add(value.start, count, unit)
    if unit in ("month", "year") and _whole_months(value):
        last = _add(value.end.replace(day=1), count, unit)
        end = last.replace(day=month_end(last.year, last.month))
    else:
        end = _add(value.end, count, unit)
    return _value(start, end, estimate or value.estimate)


def _window_end(start: date, count: int, unit: str) -> date:
    # "six days after X" counts the days after X; "a week after X" counts X as day one.
    if unit == "day":
        return start + timedelta(days=count)
    return _add(start, count, unit) - timedelta(days=1)


def _number(word: str | None) -> int | None:
    if word is None:
        return None
    word = word.lower()
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _on(day: date) -> DateValue:
    return parse(day.isoformat())


def _month(year: int, month: int, part: str | None = None) -> DateValue:
    if part is None:
        return parse(f"{year:04d}-{month:02d}")
    first, last = MONTH_PARTS[part]
    return _value(date(year, month, first), date(year, month, min(last, month_end(year, month))))


def _year(year: int, part: str | None = None) -> DateValue:
    if part is None:
        return parse(f"{year:04d}")
    first, last = YEAR_PARTS[part]
    return _value(date(year, first, 1), date(year, last, month_end(year, last)))


def _season_start(year: int, code: int) -> date:
    return date(year, SEASON_FIRST_MONTH[code], 1)


def _season_end(year: int, code: int) -> date:
    return _add(_season_start(year, code), 3, "month") - timedelta(days=1)


def _week(day: date, shift: int, part: str | None = None, weekday: int | None = None) -> DateValue:
    monday = day - timedelta(days=day.weekday()) + timedelta(weeks=shift)
    if weekday is not None:
        return _on(monday + timedelta(days=weekday))
    first, last = WEEK_PARTS[part] if part else (0, 6)
    return _value(monday + timedelta(days=first), monday + timedelta(days=last))


# --- candidates --------------------------------------------------------------------------

_Resolver = Callable[[date], DateValue | None]


@dataclass(frozen=True)
class _Context:
    text: str
    published: DateValue | None
    anchors: Mapping[str, DateValue]
    previous: DateValue | None = None  # the story's current date, for yearless dates
    # What the verbs of the clause at an offset say of the future, when the caller read them.
    clause_future: Callable[[int], bool | None] | None = None

    def narrative_year(self, month: int, day: int = 1, at: int = 0) -> int | None:
        """A yearless date in a story goes on from the date the story has reached: the
        first such day on or after it, if that is not after publication. Not after
        "sinds": "sinds 6 augustus" runs up to now, so it is the last 6 August."""
        prev, pub = self.previous, self.published
        if prev is None or pub is None or self.future_at(at):
            return None
        if re.search(r"\b(?:sinds|sedert|vanaf)\s+(?:[^,.;]{0,40}\s)?$", self.text[:at], re.I):
            return None  # also "sinds de Russische invasie in Oekraïne eind februari"
        for year in (prev.start.year, prev.start.year + 1):
            if day > month_end(year, month):
                continue
            found = date(year, month, day)
            if found >= prev.start.replace(day=1) and found <= pub.end:
                return year
        return None

    @cached_property
    def future(self) -> bool:
        """Whether the sentence speaks of the future; asked only by a few rules (speed)."""
        return bool(_FUTURE.search(self.text))

    def future_at(self, at: int) -> bool:
        """Whether the clause around offset `at` speaks of the future."""
        if self.clause_future is not None:
            told = self.clause_future(at)
            if told is not None:
                return told
        return self.future

    def relative(self, resolve: _Resolver, fine: bool) -> DateValue | None:
        """Resolve against publication; day-level (fine) rules keep its precision."""
        pub = self.published
        if pub is None:
            return None
        if fine and pub.start != pub.end:
            return pub
        first = resolve(pub.start)
        last = first if pub.end == pub.start else resolve(pub.end)
        if first is None or last is None:
            return None
        value = _hull(first, last)
        return _estimated(value) if pub.estimate else value

    def widen(self, value: DateValue | None) -> DateValue | None:
        """'sinds X', 'na X': from the start of X to the end of publication."""
        pub = self.published
        if value is None or pub is None or value.start > pub.end:
            return value
        return _value(value.start, max(value.end, pub.end), value.estimate or pub.estimate)


@dataclass(frozen=True)
class _Chain:
    """A date computed from another one: the nearest before it, or the first after it."""

    forward: bool
    apply: Callable[[DateValue], DateValue | None]


@dataclass
class _Candidate:
    start: int
    end: int
    date: DateValue | None
    relation: str = "at"
    needs_context: bool = False  # bare month/year/season/happening: a date only after "in"...
    chain: _Chain | None = None
    base: DateValue | None = None  # the date before widening, what chains lean on
    subordinate: bool = False  # the date inside a "nadat" clause, not the main clause's

    def __post_init__(self) -> None:
        if self.base is None:
            self.base = self.date


_Handler = Callable[[re.Match[str], _Context], _Candidate | None]


@dataclass(frozen=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: _Handler
    triggers: tuple[str, ...]  # the rule runs only on text holding one of these (speed)
    core: bool = True  # cores take a preposition on their left; chains do not


def _part(match: re.Match[str]) -> str | None:
    word = match.groupdict().get("part")
    return PART_WORDS[word.lower()] if word else None


# --- core handlers -----------------------------------------------------------------------

_DAY_MONTH = re.compile(
    rf"""(?:\b(?P<weekday>{_WEEKDAY})\s+)?(?<![\d.,])(?P<day>[0-3]?\d)(?:e|ste|de)?\s+
    (?:(?P<month>{_MONTH})\b|(?P<abbr>{_alt(MONTH_ABBREVIATIONS)})\b\.?)
    (?:\s+{_YEAR}|\s+(?:van\s+)?{_YEAR_REL})?""",
    _FLAGS,
)


def _day_month(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    month_word = (m["month"] or m["abbr"]).lower()
    month = MONTHS.get(month_word) or MONTH_ABBREVIATIONS[month_word]
    day = int(m["day"])
    if not 1 <= day <= 31:
        return None
    if m["year"]:
        year = int(m["year"])
        if day > month_end(year, month):
            return None
        return _Candidate(m.start(), m.end(), _on(date(year, month, day)))
    if day > month_end(2024, month):  # a leap year, so that 29 February passes
        return None
    if m["yrel"]:  # "17 november vorig jaar", "op 3 mei van dat jaar"
        return _Candidate(m.start(), m.end(), _year_relative(m["yrel"], ctx, month, day))
    pub = ctx.published
    if pub is None:
        return _Candidate(m.start(), m.end(), None)
    if m["weekday"]:  # "vrijdag 22 november": the year around publication where the days agree
        weekday = WEEKDAYS[m["weekday"].lower()]
        fits = [
            date(y, month, day)
            for y in range(pub.start.year - 1, pub.end.year + 2)
            if day <= month_end(y, month) and date(y, month, day).weekday() == weekday
        ]
        if fits:
            middle = pub.start + (pub.end - pub.start) / 2
            return _Candidate(m.start(), m.end(), _on(min(fits, key=lambda d: abs(d - middle))))
    story_year = ctx.narrative_year(month, day, m.start())
    if story_year is not None:
        return _Candidate(m.start(), m.end(), _on(date(story_year, month, day)))
    # Most recent such day not after publication; the next one in a future sentence.
    future = ctx.future_at(m.start())
    ref, step = (pub.start, 1) if future else (pub.end, -1)
    year = ref.year
    while True:
        if day <= month_end(year, month):
            found = date(year, month, day)
            if (found >= ref) if future else (found <= ref):
                return _Candidate(m.start(), m.end(), _on(found))
        year += step


def _year_relative(word: str, ctx: _Context, month: int, day: int | None) -> DateValue | None:
    """A month or day in 'vorig jaar', 'dit jaar', 'volgend jaar' or the story's 'dat jaar'."""
    if word.lower() in STORY_WORDS:
        year = ctx.previous.start.year if ctx.previous else None
    elif ctx.published is None or ctx.published.start.year != ctx.published.end.year:
        year = None
    else:
        year = ctx.published.start.year + SHIFTS[word.lower()]
    if year is None or (day is not None and day > month_end(year, month)):
        return None
    return _on(date(year, month, day)) if day else _month(year, month)


# "vorig jaar in mei", "dit jaar op 3 maart": the year comes first.
_YEAR_THEN_DATE = re.compile(
    rf"""\b{_YEAR_REL}\s+(?:in|op|rond|begin|eind|half)\s+
    (?:(?P<day>[0-3]?\d)\s+)?(?P<month>{_MONTH})\b""",
    _FLAGS,
)


def _year_then_date(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    day = int(m["day"]) if m["day"] else None
    value = _year_relative(m["yrel"], ctx, MONTHS[m["month"].lower()], day)
    return _Candidate(m.start(), m.end(), value)


_MONTH_RULE = re.compile(
    rf"""\b{_PART}?(?:(?P<rel>afgelopen|vorige|komende|volgende|aanstaande)\s+)?
    (?P<month>{_MONTH})\b
    (?:\s+(?:{_YEAR}|(?:van\s+)?{_YEAR_REL}))?""",
    _FLAGS,
)


def _month_rule(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    month = MONTHS[m["month"].lower()]
    part = _part(m)
    span = (m.start(), m.end())
    if m["year"]:
        return _Candidate(*span, _month(int(m["year"]), month, part))
    if m["yrel"] and m["yrel"].lower() in STORY_WORDS:  # "in juni van dat jaar"
        named = _NAMED_YEAR_RE.findall(ctx.text, 0, m.start())  # "halverwege 2024 ... dat jaar"
        if named:
            return _Candidate(*span, _month(int(named[-1]), month, part))
        story = ctx.previous
        return _Candidate(*span, _month(story.start.year, month, part) if story else None)
    if m["yrel"]:
        shift = SHIFTS[m["yrel"].lower()]
        value = ctx.relative(lambda d: _month(d.year + shift, month, part), fine=False)
        return _Candidate(*span, value)
    rel = SHIFTS[m["rel"].lower()] if m["rel"] else 0
    story_year = None if rel else ctx.narrative_year(month, at=m.start())
    if story_year is not None:
        return _Candidate(*span, _month(story_year, month, part), needs_context=not part)
    pub = ctx.published
    if pub is None:
        return _Candidate(*span, None, needs_context=not (part or rel))
    if rel < 0:  # "afgelopen november": strictly before the publication month
        ref = pub.start
        year = ref.year if month < ref.month else ref.year - 1
    elif rel > 0:
        ref = pub.end
        year = ref.year if month > ref.month else ref.year + 1
    elif ctx.future_at(span[0]):
        year = pub.start.year if month >= pub.start.month else pub.start.year + 1
    else:  # the most recent such month, the publication month included
        year = pub.end.year if month <= pub.end.month else pub.end.year - 1
    return _Candidate(*span, _month(year, month, part), needs_context=not (part or rel))


# "in de jaren 70", "de jaren 90 en 2000": decades
_DECADES = re.compile(
    r"\b(?:de\s+)?jaren\s+'?(?P<first>[1-9]0|2000)(?:\s+en\s+'?(?P<last>[1-9]0|2000|2010))?\b",
    _FLAGS,
)


def _decade_start(word: str) -> int:
    number = int(word)
    return number if number >= 1000 else 1900 + number


def _decades(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    first = _decade_start(m["first"])
    last = _decade_start(m["last"]) if m["last"] else first
    if last < first:
        return None
    return _Candidate(m.start(), m.end(), _value(date(first, 1, 1), date(last + 9, 12, 31)))


# "in het eerste kwartaal (van 2025)": three months
_QUARTER = re.compile(
    rf"\b(?P<nth>eerste|tweede|derde|vierde|laatste)\s+kwartaal(?:\s+(?:van\s+)?{_YEAR})?",
    _FLAGS,
)
_QUARTERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4}


def _quarter(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    quarter = _QUARTERS[m["nth"].lower()]
    first_month = 3 * quarter - 2
    if m["year"]:
        year = int(m["year"])
    elif ctx.published is None:
        return _Candidate(m.start(), m.end(), None)
    else:
        pub = ctx.published.start
        ahead = ctx.future_at(m.start())
        year = pub.year + (1 if ahead and first_month + 2 < pub.month else 0)
        if not ahead and first_month > pub.month:
            year -= 1
    last_month = first_month + 2
    value = _value(date(year, first_month, 1), date(year, last_month, month_end(year, last_month)))
    return _Candidate(m.start(), m.end(), value)


# "met Kerstmis", "tijdens de kerstdagen": 25 and 26 December of the nearest such days
_CHRISTMAS = re.compile(r"\b(?:kerstmis|kerst|de\s+kerstdagen|eerste\s+kerstdag)\b", _FLAGS)


def _christmas(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    pub = ctx.published
    if pub is None:
        return _Candidate(m.start(), m.end(), None)
    year = (
        pub.end.year
        if (pub.end.month == 12 and pub.end.day >= 24) or not ctx.future_at(m.start())
        else pub.start.year
    )
    if pub.end < date(year, 12, 25) and not ctx.future_at(m.start()):
        year -= 1  # published before this year's Christmas: the one before
    if m[0].lower().startswith("eerste"):
        return _Candidate(m.start(), m.end(), _on(date(year, 12, 25)))
    return _Candidate(m.start(), m.end(), _value(date(year, 12, 25), date(year, 12, 26)))


_NAMED_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")

# "in april en mei": one span of two months
_MONTH_PAIR = re.compile(rf"\b(?P<first>{_MONTH})\s+en\s+(?P<month>{_MONTH})\b(?!\s+\d)", _FLAGS)


def _month_pair(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    first, last = MONTHS[m["first"].lower()], MONTHS[m["month"].lower()]
    pub = ctx.published
    if pub is None or first >= last or ctx.narrative_year(last, at=m.start()) is not None:
        return None  # the months one by one, as the story or the rules for one month date them
    if ctx.future_at(m.start()):
        year = pub.start.year if first >= pub.start.month else pub.start.year + 1
    else:  # the most recent such months
        year = pub.end.year if last <= pub.end.month else pub.end.year - 1
    span = _value(_month(year, first).start, _month(year, last).end)
    return _Candidate(m.start(), m.end(), span)


# "in de nacht van zondag op maandag", "afgelopen nacht": the night that ends on that day
_NIGHT = re.compile(
    rf"\b(?:(?:in\s+)?de\s+nacht\s+van\s+(?P<from>{_WEEKDAY})\s+op\s+(?P<weekday>{_WEEKDAY})"
    r"|(?:de\s+)?afgelopen\s+nacht)\b",
    _FLAGS,
)


def _night(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    pub = ctx.published
    if pub is None or pub.start != pub.end:
        return _Candidate(m.start(), m.end(), pub) if pub is not None else None
    day = pub.start
    if m["weekday"]:
        weekday = WEEKDAYS[m["weekday"].lower()]
        if ctx.future_at(m.start()):
            day += timedelta(days=(weekday - day.weekday()) % 7)
        else:
            day -= timedelta(days=(day.weekday() - weekday) % 7)
    return _Candidate(m.start(), m.end(), _value(day - timedelta(days=1), day))


_YEAR_RULE = re.compile(rf"(?:\b{_PART})?{_YEAR}{_NOT_COUNTED}", _FLAGS)


def _year_rule(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    part = _part(m)
    return _Candidate(m.start(), m.end(), _year(int(m["year"]), part), needs_context=not part)


_SEASON_RULE = re.compile(
    rf"""\b(?:(?P<rel>deze|dit|afgelopen|vorige|vorig|komende|komend|volgende|volgend)\s+
    |(?:de|het)\s+)?
    (?P<season>{_SEASON})\b
    (?:\s+(?:van\s+)?{_YEAR}|\s+(?:van\s+)?{_YEAR_REL})?""",
    _FLAGS,
)


def _season_year(code: int, rel: int | None, future: bool) -> _Resolver:
    def resolve(day: date) -> DateValue:
        if rel == 0:  # "deze winter" in January is the one that began in December
            year = day.year - 1 if code == 24 and day.month < 3 else day.year
        elif rel is not None and rel < 0:
            year = day.year
            while _season_end(year, code) >= day:
                year -= 1
        elif (rel is not None and rel > 0) or future:
            year = day.year - 1
            while (_season_start(year, code) <= day) if rel else (_season_end(year, code) < day):
                year += 1
        else:  # past tense: the most recent one that has begun
            year = day.year
            while _season_start(year, code) > day:
                year -= 1
        return parse(f"{year:04d}-{code}")

    return resolve


def _season_rule(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    code = SEASONS[m["season"].lower()]
    span = (m.start(), m.end())
    if m["year"]:
        return _Candidate(*span, parse(f"{int(m['year']):04d}-{code}"))
    if m["yrel"]:
        shift = SHIFTS[m["yrel"].lower()]
        value = ctx.relative(lambda d: parse(f"{d.year + shift:04d}-{code}"), fine=False)
        return _Candidate(*span, value)
    rel = SHIFTS[m["rel"].lower()] if m["rel"] else None
    value = ctx.relative(_season_year(code, rel, ctx.future_at(m.start())), fine=False)
    return _Candidate(*span, value, needs_context=rel is None)


_PERIOD = re.compile(
    rf"""\b(?:(?:(?P<part>{_alt(PART_WORDS)})|(?P<within>eerder|later))\s+)?
    (?P<rel>{_alt(SHIFTS)})\s+(?P<unit>week|maand|jaar)\b""",
    _FLAGS,
)


def _period(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    shift, unit, part = SHIFTS[m["rel"].lower()], m["unit"].lower(), _part(m)
    pub = ctx.published
    if m["within"] and m["within"].lower() == "eerder" and shift == 0 and unit != "week":
        # "eerder dit jaar": from the start of the year up to the publication
        if pub is None:
            return _Candidate(m.start(), m.end(), None)
        first = date(pub.start.year, 1 if unit == "jaar" else pub.start.month, 1)
        last = pub.end
        if unit == "jaar":
            last = date(last.year, last.month, month_end(last.year, last.month))
        return _Candidate(m.start(), m.end(), _value(first, max(first, last), pub.estimate))

    def resolve(day: date) -> DateValue:
        if unit == "week":
            return _week(day, shift, part)
        if unit == "maand":
            first = _add(day.replace(day=1), shift, "month")
            return _month(first.year, first.month, part)
        return _year(day.year + shift, part)

    return _Candidate(m.start(), m.end(), ctx.relative(resolve, fine=unit == "week"))


_WEEK_DAY = (
    re.compile(
        rf"\b(?P<rel>vorige|volgende|komende|deze)\s+week\s+(?P<weekday>{_WEEKDAY})\b", _FLAGS
    ),
    re.compile(rf"\b(?P<weekday>{_WEEKDAY})\s+(?P<rel>vorige|volgende)\s+week\b", _FLAGS),
)


def _week_day(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    shift, weekday = SHIFTS[m["rel"].lower()], WEEKDAYS[m["weekday"].lower()]
    value = ctx.relative(lambda d: _week(d, shift, weekday=weekday), fine=True)
    return _Candidate(m.start(), m.end(), value)


_WEEKDAY_RULE = re.compile(
    rf"\b(?:(?P<rel>afgelopen|vorige|komende|volgende|aanstaande)\s+)?"
    rf"(?P<weekday>{_WEEKDAY})(?:{_alt(DAY_PARTS)})?\b",
    _FLAGS,
)


def _weekday(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    weekday = WEEKDAYS[m["weekday"].lower()]
    rel = SHIFTS[m["rel"].lower()] if m["rel"] else 0
    forward = rel > 0 or (rel == 0 and ctx.future_at(m.start()))

    def resolve(day: date) -> DateValue:
        if forward:
            ahead = (weekday - day.weekday()) % 7 or (7 if rel else 0)
            return _on(day + timedelta(days=ahead))
        back = (day.weekday() - weekday) % 7 or (7 if rel else 0)
        return _on(day - timedelta(days=back))

    return _Candidate(m.start(), m.end(), ctx.relative(resolve, fine=True))


_DAY_WORD = re.compile(
    rf"""\b(?:(?:eerder|later)\s+)?(?P<word>{_alt(DAY_WORDS)})\b
    (?:,?\s+(?:om\s+)?\d{{1,2}}[:.]\d\d(?:\s+uur)?)?""",  # the NOS byline's "vandaag, 20:26"
    _FLAGS,
)


def _day_word(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    word = m["word"].lower()
    before = ctx.text[: m.start()].split()
    if word == "morgen" and before and before[-1].lower() in _MORNING_BEFORE:
        return None
    offset = DAY_WORDS[word]
    value = ctx.relative(lambda d: _on(d + timedelta(days=offset)), fine=True)
    return _Candidate(m.start(), m.end(), value)


_WEEKEND = re.compile(
    rf"\b(?P<lead>(?:in\s+)?het\s+)?(?:(?P<rel>{_alt(SHIFTS)})\s+)?week(?:end|einde)\b", _FLAGS
)


def _weekend(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    if not (m["lead"] or m["rel"]):
        return None
    rel = SHIFTS[m["rel"].lower()] if m["rel"] else None

    def resolve(day: date) -> DateValue:
        saturday = day - timedelta(days=day.weekday()) + timedelta(days=5)
        if rel is not None and rel < 0:
            saturday -= timedelta(weeks=1)  # the weekend whose Sunday lies before publication
        elif rel is not None and rel > 0 and saturday <= day:
            saturday += timedelta(weeks=1)
        elif rel is None and not ctx.future_at(m.start()) and day.weekday() < 5:
            saturday -= timedelta(weeks=1)  # "in het weekend" in a past sentence: the last one
        return _value(saturday, saturday + timedelta(days=1))

    return _Candidate(m.start(), m.end(), ctx.relative(resolve, fine=True))


_WINDOW = re.compile(
    rf"""\b(?:de|het)\s+(?P<rel>afgelopen|voorbije|laatste|komende|eerstvolgende)\s+
    (?:(?P<n>{_NUM})\s+)?(?P<unit>dagen|weken|maanden|dag|week|maand)\b
    (?:\s+of\s+(?P<unit2>dagen|weken|maanden)\b)?""",
    _FLAGS,
)


def _window(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    word = (m["unit2"] or m["unit"]).lower()  # "dagen of weken": the wider one
    unit, plural, count = UNITS[word], word.endswith("en"), _number(m["n"])
    estimate = count is None and plural
    if count is None:
        count = VAGUE_COUNTS[unit] if plural else 1
    past = m["rel"].lower() in ("afgelopen", "voorbije", "laatste")

    def resolve(day: date) -> DateValue:
        if unit == "month":  # whole months, the publication month included
            first = _add(day, -count, "month") if past else day
            last = day if past else _add(day, count, "month")
            return _value(first.replace(day=1), last.replace(day=month_end(last.year, last.month)))
        if past:  # "afgelopen" stops before publication day, as "afgelopen dinsdag" does
            return _value(_add(day, -count, unit), day - timedelta(days=1))
        return _value(day + timedelta(days=1), _add(day, count, unit))

    value = ctx.relative(resolve, fine=unit != "month")
    return _Candidate(m.start(), m.end(), _estimated(value) if value and estimate else value)


_AGO = re.compile(
    rf"\b(?:(?P<hedge>{_HEDGE})\s+)?(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+geleden\b", _FLAGS
)


def _ago(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    count, unit = _number(m["n"]) or 1, UNITS[m["unit"].lower()]
    fine = unit in ("day", "week")

    def resolve(day: date) -> DateValue:
        then = _add(day, -count, unit)
        return _on(then) if fine else _month(then.year, then.month)

    value = ctx.relative(resolve, fine=fine)
    return _Candidate(m.start(), m.end(), _estimated(value) if value and m["hedge"] else value)


_VAGUE = re.compile(r"\b" + _alt(VAGUE).replace(r"\ ", r"\s+") + r"\b", _FLAGS)


def _vague(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    return _Candidate(m.start(), m.end(), None)


# Happenings named instead of dated: "het begin van de invasie", "zijn overwinning in ...".
_ANCHOR_LEAD = (
    r"(?:(?:het\s+)?(?:begin|start|uitbreken)\s+van|"
    r"(?:zijn|haar|hun|de)\s+(?:verkiezings)?(?:overwinning|zege|nederlaag)\s+"
    r"(?:in|bij))"
)


def _loose(phrase: str) -> str:
    """A phrase with loose Dutch inflection: 'de russische invasie' ~ 'het Russisch invasies'."""
    words = phrase.split()
    parts = []
    for index, word in enumerate(words):
        if word in ("de", "het"):
            parts.append("(?:de|het)")
        elif index < len(words) - 1:
            parts.append(re.escape(word[:-1]) + "e?" if word.endswith("e") else re.escape(word))
        elif word.endswith("en"):
            parts.append(re.escape(word[:-2]) + "(?:en)?")
        else:
            parts.append(re.escape(word) + ("s?" if word.endswith("e") else "(?:en|s)?"))
    return r"\s+".join(parts)


@lru_cache(maxsize=16)
def _anchor_rule(phrases: tuple[str, ...]) -> _Rule:
    """One rule for all happenings; phrases come longest first so longer ones win."""
    alternatives = "|".join(
        f"(?P<a{index}>{_loose(phrase)})" for index, phrase in enumerate(phrases)
    )
    pattern = re.compile(
        rf"\b(?:{_ANCHOR_LEAD}\s+)?(?:{alternatives})\b(?:\s+(?:in|van)\s+{_YEAR})?", _FLAGS
    )

    def handle(m: re.Match[str], ctx: _Context) -> _Candidate | None:
        index = next(
            int(name[1:])
            for name, text in m.groupdict().items()
            if text and name[0] == "a" and name[1:].isdigit()
        )
        value = ctx.anchors[phrases[index]]
        if m["year"] and int(m["year"]) != value.start.year:
            value = _year(int(m["year"]))  # "de invasie in 2014" is not the 2022 one
        return _Candidate(m.start(), m.end(), value, needs_context=True)

    # The head noun without its plural ending: "verkiezing" triggers "de verkiezingen".
    heads = tuple({phrase.split()[-1].lower().removesuffix("en")[:6] for phrase in phrases})
    return _Rule(pattern, handle, heads)


# --- chained handlers --------------------------------------------------------------------

_LATER = re.compile(
    rf"""\b(?:(?P<lead>nog\s+eens|weer|pas|slechts|amper|nauwelijks|(?P<hedge>{_HEDGE}))\s+)?
    (?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+
    (?P<dir>later|daarna|erna|nadien|eerder|daarvoor|ervoor)\b""",
    _FLAGS,
)


def _later(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    count, unit = _number(m["n"]) or 1, UNITS[m["unit"].lower()]
    sign = -1 if m["dir"].lower() in ("eerder", "daarvoor", "ervoor") else 1
    estimate = bool(m["hedge"])
    chain = _Chain(False, lambda base: _shift(base, sign * count, unit, estimate))
    return _Candidate(m.start(), m.end(), None, chain=chain)


_NEXT_DAY = re.compile(
    r"""\b(?:de\s+(?:dag|ochtend|middag|avond|nacht)\s+(?:erna|daarna|daarop|ervoor|daarvoor)
    |de\s+volgende\s+(?:dag|ochtend|middag|avond|nacht)
    |daags\s+(?:erna|daarna|nadien|ervoor|daarvoor))\b""",
    _FLAGS,
)


def _next_day(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    sign = -1 if "voor" in m[0].lower() else 1
    chain = _Chain(False, lambda base: _shift(base, sign, "day"))
    return _Candidate(m.start(), m.end(), None, chain=chain)


_THEN = re.compile(
    r"""\b(?:(?:kort|niet\s+lang|vlak|direct|meteen|snel|al\s+snel|enige\s+tijd|even)\s+)?
    (?:daarna|nadien)\b
    |\b(?:kort|niet\s+lang|vlak|direct|meteen)\s+(?:erna|(?P<before>daarvoor|ervoor))\b""",
    _FLAGS,
)


def _then(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    relation = "before" if m["before"] else "after"
    return _Candidate(m.start(), m.end(), None, relation, chain=_Chain(False, lambda base: base))


_AFTER_CLAUSE = re.compile(
    rf"""\b(?:(?P<hedge>{_HEDGE})\s+)?
    (?:(?P<n>{_NUM})\s+(?P<unit>{_UNIT})|(?P<soon>kort|vlak|net|niet\s+lang|direct|meteen))
    \s+(?P<conj>nadat|voordat)\b""",
    _FLAGS,
)


def _after_clause(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    after = m["conj"].lower() == "nadat"
    relation = "after" if after else "before"
    if m["soon"]:
        apply = ctx.widen if after else (lambda base: base)
        return _Candidate(m.start(), m.end(), None, relation, chain=_Chain(True, apply))
    count, unit = _number(m["n"]) or 1, UNITS[m["unit"].lower()]
    sign, estimate = (1 if after else -1), bool(m["hedge"])
    chain = _Chain(True, lambda base: _shift(base, sign * count, unit, estimate))
    return _Candidate(m.start(), m.end(), None, relation, chain=chain)


_SAME_PERIOD = re.compile(
    rf"""\b(?:{_PART}|(?P<later>later)\s+)?(?P<which>dezelfde|diezelfde|datzelfde|die|dat|
    hetzelfde)\s+(?P<unit>dag|week|maand|jaar)\b
    |(?P<daypart>'s\s+(?:avonds|ochtends|morgens|middags|nachts))\b
    |\b(?:die|dat|diezelfde|datzelfde)\s+(?P<season>{_SEASON})\b""",
    _FLAGS,
)


def _same_period(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'dezelfde dag', 'eind die maand', 'later dat jaar', "'s avonds": the story's date."""
    if m["daypart"]:
        return _Candidate(m.start(), m.end(), None, chain=_Chain(False, lambda base: base))
    if m["season"]:
        code = SEASONS[m["season"].lower()]
        return _Candidate(
            m.start(),
            m.end(),
            None,
            chain=_Chain(False, lambda base: parse(f"{base.start.year:04d}-{code}")),
        )
    unit, part, later = UNITS[m["unit"].lower()], _part(m), bool(m["later"])
    neuter = m["which"].lower() in ("dat", "datzelfde", "hetzelfde")
    if neuter != (unit == "year"):
        return None  # Dutch says "dat jaar" but "die maand": other pairs are no time expression

    def apply(base: DateValue) -> DateValue | None:
        if unit == "day":
            return base
        if unit == "week":
            return _week(base.start, 0, part)
        if unit == "month":
            return _month(base.start.year, base.start.month, part)
        if later:  # "later dat jaar": after the story's date, within its year
            return _value(base.end, date(base.start.year, 12, 31))
        return _year(base.start.year, part)

    return _Candidate(m.start(), m.end(), None, chain=_Chain(False, apply))


_THEN_ADVERB = re.compile(r"(?<=\w\s)toen\b(?!\s+(?:al|nog)\b)", re.IGNORECASE)


def _then_adverb(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'Kiev moest toen beloven': an adverb 'toen' (not the conjunction) means the story's date."""
    before = ctx.text[: m.start()].rstrip()
    if before.endswith(",") or not before:
        return None  # ", toen de eerste kwamen": a conjunction opens a clause
    return _Candidate(m.start(), m.end(), None, chain=_Chain(False, lambda base: base))


_WITHIN_COUNT = re.compile(rf"\bbinnen\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\b(?!\s+na\b)", _FLAGS)


def _within_count(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    """'binnen zes weken': from the story's date (else publication) to that many units on."""
    count, unit = _number(m["n"]) or 1, UNITS[m["unit"].lower()]

    def apply(base: DateValue) -> DateValue:
        return _value(base.start, _window_end(base.start, count, unit))

    if ctx.previous is None and ctx.published is not None:
        return _Candidate(m.start(), m.end(), apply(ctx.published))
    return _Candidate(m.start(), m.end(), None, chain=_Chain(False, apply))


_WITHIN = re.compile(
    rf"\bin\s+minder\s+dan\s+(?P<n>{_NUM})\s+(?P<unit>{_UNIT})(?:\s+tijd)?\b", _FLAGS
)


def _within(m: re.Match[str], ctx: _Context) -> _Candidate | None:
    count, unit = _number(m["n"]) or 1, UNITS[m["unit"].lower()]
    chain = _Chain(False, lambda base: _value(base.start, _window_end(base.start, count, unit)))
    return _Candidate(m.start(), m.end(), None, chain=chain)


# --- prepositions on the left of a core --------------------------------------------------

_PREFIX = re.compile(
    rf"""\b(?:
      (?P<window>(?:binnen|in)\s+(?:de\s+)?(?:eerste\s+)?(?:(?P<wn>{_NUM})\s+)?
                 (?P<wunit>{_UNIT})\s+na)
     |(?P<offset>(?:(?P<ohedge>{_HEDGE})\s+)?(?P<on>{_NUM})\s+(?P<ounit>{_UNIT})\s+
                 (?P<odir>na|voor|vóór))
     |(?P<after>(?:(?:kort|vlak|net|niet\s+lang|direct|meteen|snel)\s+)?(?:na\s+afloop\s+van|na))
     |(?P<before>(?:(?:kort|vlak|net|niet\s+lang)\s+)?(?:voor|vóór)|in\s+de\s+aanloop\s+naar
                 |voorafgaand\s+aan)
     |(?P<since>sinds|sedert|vanaf)
     |(?P<until>tot\s+en\s+met|tot\s+aan|tot|t/m|uiterlijk)
     |(?P<at>op|in|rond|rondom|omstreeks|tijdens|bij|ten\s+tijde\s+van|per)
    )\s+$""",
    _FLAGS,
)
_PREFIX_REACH = 60  # characters to look back for a preposition


def _with_prefix(c: _Candidate, ctx: _Context) -> _Candidate | None:
    m = _PREFIX.search(ctx.text, max(0, c.start - _PREFIX_REACH), c.start)
    if m is None:
        return None if c.needs_context else c
    base = c.date
    if m["window"]:  # "binnen de zes dagen na X", "in de eerste week na X"
        count, unit = _number(m["wn"]), UNITS[m["wunit"].lower()]
        vague = count is None and m["wunit"].lower().endswith("en")
        if count is None:
            count = VAGUE_COUNTS.get(unit, 1) if vague else 1
        date_ = (
            None
            if base is None
            else _value(base.start, _window_end(base.start, count, unit), vague or base.estimate)
        )
        return _Candidate(m.start(), c.end, date_, base=date_)
    if m["offset"]:
        count, unit = _number(m["on"]) or 1, UNITS[m["ounit"].lower()]
        sign = 1 if m["odir"].lower() == "na" else -1
        date_ = None if base is None else _shift(base, sign * count, unit, bool(m["ohedge"]))
        return _Candidate(m.start(), c.end, date_, base=date_)
    relation = next(name for name in ("after", "before", "since", "until", "at") if m[name])
    # "sinds november ... heeft afgevuurd": spread from then to now; "houdt sinds 6 augustus
    # bezet" in the present: a state that began then, dated by its start.
    told = ctx.clause_future(c.start) if ctx.clause_future is not None else False
    spread = relation == "after" or (relation == "since" and told is False)
    date_ = ctx.widen(base) if spread else base
    return _Candidate(m.start(), c.end, date_, relation, base=base)


# --- the scan ----------------------------------------------------------------------------

_RULES: tuple[_Rule, ...] = (
    _Rule(_DAY_MONTH, _day_month, (*MONTHS, *MONTH_ABBREVIATIONS)),
    _Rule(_MONTH_PAIR, _month_pair, (" en ",)),
    _Rule(_DECADES, _decades, ("jaren ",)),
    _Rule(_QUARTER, _quarter, ("kwartaal",)),
    _Rule(_CHRISTMAS, _christmas, ("kerst",)),
    _Rule(_NIGHT, _night, ("nacht",)),
    _Rule(_MONTH_RULE, _month_rule, tuple(MONTHS)),
    _Rule(_YEAR_THEN_DATE, _year_then_date, (" jaar",)),
    _Rule(_YEAR_RULE, _year_rule, ("19", "20")),
    _Rule(_SEASON_RULE, _season_rule, tuple(SEASONS)),
    _Rule(_PERIOD, _period, ("week", "maand", "jaar")),
    *(_Rule(pattern, _week_day, ("week",)) for pattern in _WEEK_DAY),
    _Rule(_WEEKDAY_RULE, _weekday, tuple(WEEKDAYS)),
    _Rule(_DAY_WORD, _day_word, tuple(DAY_WORDS)),
    _Rule(_WEEKEND, _weekend, ("weekend", "weekeinde")),
    _Rule(_WINDOW, _window, ("afgelopen", "voorbije", "laatste", "komende", "eerstvolgende")),
    _Rule(_AGO, _ago, ("geleden",)),
    _Rule(_VAGUE, _vague, ("tijd", "onlangs", "recentelijk", "geleden", "binnenkort"), False),
    _Rule(_LATER, _later, ("later", "daarna", " erna", "nadien", "eerder", "rvoor"), False),
    _Rule(_NEXT_DAY, _next_day, ("daarna", " erna", "daarop", "rvoor", "volgende"), False),
    _Rule(_THEN, _then, ("daarna", " erna", "nadien", "rvoor"), False),
    _Rule(_AFTER_CLAUSE, _after_clause, ("nadat", "voordat"), False),
    _Rule(_WITHIN, _within, ("minder dan",), False),
    _Rule(_SAME_PERIOD, _same_period, ("dag", "week", "maand", "jaar", "'s ", *SEASONS), False),
    _Rule(_THEN_ADVERB, _then_adverb, ("toen",), False),
    _Rule(_WITHIN_COUNT, _within_count, ("binnen",), False),
)


def load_anchors(path: str | Path = DEFAULT_ANCHORS) -> dict[str, DateValue]:
    """Well-known happenings from a YAML list of {phrase, date (EDTF), source}; a mistake is
    an InputError at its line (generator/schemas/time_anchors.schema.json)."""
    path = Path(path)
    entries = load(path) or []
    problems = validate(entries, "time_anchors.schema.json", path)
    anchors: dict[str, DateValue] = {}
    if not problems:
        for entry in entries:
            assert isinstance(entry, LineDict)
            try:
                when = parse_editors(entry["date"])
            except ValueError as exc:
                problems.append(Problem(str(path), entry.line_of("date"), str(exc)))
                continue
            anchors[" ".join(str(entry["phrase"]).lower().split())] = when
    if problems:
        raise InputError(problems)
    return anchors


@lru_cache(maxsize=1)
def _default_anchors() -> Mapping[str, DateValue]:
    return load_anchors(DEFAULT_ANCHORS)


# Date arithmetic past year 1 or 9999 (Python's calendar, and EDTF's four digits) raises
# these; article text can ask for it ("een jaar later" than 9999), and the answer is no date.
_OUTSIDE_CALENDAR = (OverflowError, ValueError)


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Leftmost-longest, non-overlapping."""
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.start, -c.end)):
        if not chosen or c.start >= chosen[-1].end:
            chosen.append(c)
    return chosen


def _resolve_chains(chosen: list[_Candidate], previous: DateValue | None) -> None:
    for index, c in enumerate(chosen):
        if c.chain is None:
            continue
        if c.chain.forward:  # "twee dagen nadat ... op 24 februari": the first date after it
            target = next((o for o in chosen[index + 1 :] if o.chain is None and o.base), None)
            if target is not None:
                target.subordinate = True
            base = target.base if target else None
        else:  # the nearest main-clause date before it in the sentence, else the previous event
            earlier = [o.base for o in chosen[:index] if o.base and not o.subordinate]
            base = earlier[-1] if earlier else previous
        try:
            c.date = c.chain.apply(base) if base else None
        except _OUTSIDE_CALENDAR:
            c.date = None
        c.base = c.date


def find_time_expressions(
    text: str,
    published: DateValue | None,
    previous: DateValue | None = None,
    anchors: Mapping[str, DateValue] | None = None,
    clause_future: Callable[[int], bool | None] | None = None,
) -> list[TimeExpression]:
    """Time expressions of one Dutch sentence, in text order, each resolved to a date.

    `published` is the article's publication date at its real precision, `previous` the
    date of the article's previous event (for "twee dagen later"), `anchors` maps lower-case
    phrases of well-known happenings to dates (default: data/time_anchors.yml),
    `clause_future` tells for an offset whether its clause speaks of what is to come (None:
    judge by the sentence's words). A date is None when it cannot be resolved honestly.
    """
    anchors = _default_anchors() if anchors is None else anchors
    ctx = _Context(text, published, anchors, previous, clause_future)
    rules = _RULES
    if anchors:
        rules = (*rules, _anchor_rule(tuple(sorted(anchors, key=len, reverse=True))))
    lower = " " + " ".join(text.lower().split())  # triggers may start with a word boundary
    candidates: list[_Candidate] = []
    for rule in rules:
        if not any(word in lower for word in rule.triggers):
            continue
        for m in rule.pattern.finditer(text):
            try:
                found = rule.handler(m, ctx)
                if found is not None and rule.core:
                    found = _with_prefix(found, ctx)
            except _OUTSIDE_CALENDAR:
                found = None  # "een dag later" than 31 December 9999: no date to give
            if found is not None:
                candidates.append(found)
    chosen = _select(candidates)
    _resolve_chains(chosen, previous)
    return [
        TimeExpression(
            c.start,
            c.end,
            text[c.start : c.end],
            None if _one_sided(text, c.start, c.end) else c.date,
            c.relation,
        )
        for c in chosen
    ]


# "meer dan een jaar geleden", "de afgelopen maanden": bounded on one side only, no date to
# give (evaluation/ANNOTATION.md, decision 4)
_MORE_THAN_RE = re.compile(r"(?:meer|langer)\s+dan\s+$", re.IGNORECASE)
_VAGUE_PERIOD_RE = re.compile(
    r"^(?:de\s+)?(?:afgelopen|laatste|voorbije|vorige)\s+(?:maanden|jaren)$",
    re.IGNORECASE,
)


def _one_sided(text: str, start: int, end: int) -> bool:
    found = text[start:end]
    if _VAGUE_PERIOD_RE.match(found.strip()):
        return True
    return found.lower().endswith("geleden") and bool(
        _MORE_THAN_RE.search(text, max(0, start - 15), start)
    )


__all__ = ["DEFAULT_ANCHORS", "find_time_expressions", "load_anchors"]
