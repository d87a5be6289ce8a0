"""Numbers in Dutch news text: digits with Dutch separators, number words, scales, hedges.

Digits go through babel's Dutch locale ("17.000", "1,5"); number words through text2num
("zes", "vijftig", "dertien"); the scale words ("miljoen") and hedges are ours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import InvalidOperation
from functools import lru_cache

from babel.numbers import NumberFormatError, parse_decimal
from text_to_num import text2num

from generator.dates import MONTHS_NL

SCALES = {"duizend": 1_000, "miljoen": 1_000_000, "miljard": 1_000_000_000, "biljoen": 10**12}
CURRENCIES = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euro's": "EUR", "pond": "GBP"}
UNITS = {"kilometer": "km", "km": "km", "meter": "m", "kilo": "kg", "ton": "t", "procent": "%"}
# Hedges kept as written: they change what the number claims.
HEDGES = (
    "zo'n",
    "zo’n",
    "ruim",
    "meer dan",
    "minstens",
    "ten minste",
    "bijna",
    "circa",
    "ongeveer",
    "rond de",
    "tot",
    "maximaal",
    "minder dan",
    "enkele",
    "ca.",
    "naar schatting",
)
NUMBER_WORDS = (
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
    "dertig",
    "veertig",
    "vijftig",
    "zestig",
    "zeventig",
    "tachtig",
    "negentig",
    "honderd",
    "duizend",
)
# Words after which a digit is not a quantity: years, dates, times, ordinals.
_NOT_QUANTITY_BEFORE = ("in", "sinds", "van", "tot", "uit", "begin", "eind", "medio")
_MONTHS = MONTHS_NL

_HEDGE = "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_SCALE = "|".join(SCALES)
_NUMBER_RE = re.compile(
    rf"(?:(?P<hedge>{_HEDGE})\s+)?"
    rf"(?P<num>\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?|"
    rf"(?:{_WORD})(?:en(?:{_WORD}))?(?:honderd|duizend)?)"
    rf"(?:\s+(?P<scale>{_SCALE}))?"
    r"(?P<after>(?:\s+[\w'’-]+){1,3})?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int  # end of the number (and scale), not of the counted noun
    text: str
    value: float
    unit: str | None  # km, USD, EUR, or the counted noun ("raketten")
    qualifier: str | None


def parse_number(token: str) -> float | None:
    """'17.000' -> 17000, '1,5' -> 1.5, 'vijftig' -> 50, 'zes' -> 6; None if not a number."""
    if token[0].isdigit():
        try:
            return float(parse_decimal(token, locale="nl"))
        except (NumberFormatError, InvalidOperation):
            return None
    try:
        return float(text2num(token.lower(), "nl"))
    except ValueError:
        return None


def find_quantities(text: str) -> list[Quantity]:
    """Counted quantities with their unit or counted noun, skipping years and dates."""
    return list(_quantities(text))


@lru_cache(maxsize=4096)  # asked about each sentence by several stages
def _quantities(text: str) -> tuple[Quantity, ...]:
    found: list[Quantity] = []
    pos = 0
    while (m := _NUMBER_RE.search(text, pos)) is not None:
        # A rejected match must not swallow the words after it: search on from its number.
        pos = m.end("num")
        if not _word_bounded(text, m.start("num"), m.end("num")):
            continue
        num = m.group("num")
        if num.lower() == "een" and not m.group("scale"):
            continue  # the article "een", not the number one
        value = parse_number(num)
        if value is None:
            continue
        after = (m.group("after") or "").split()
        if _is_date_or_year(text, m.start("num"), num, after):
            continue
        scale = m.group("scale")
        if scale:
            value *= SCALES[scale.lower()]
        unit = _unit(after)
        end = m.end("scale") if scale else m.end("num")
        found.append(
            Quantity(
                m.start(),
                end,
                text[m.start() : end],
                value,
                unit,
                _with_lead_hedge(
                    text,
                    m.start(),
                    m.group("hedge").lower()
                    if m.group("hedge")
                    else _shared_hedge(text, found, m, unit),
                ),
            )
        )
    return tuple(found)


# A hedge a few words before the number, in its clause: "vermoedelijk een arsenaal van
# zo'n vijftig raketten" is "vermoedelijk zo'n 50 raketten".
_LEAD_HEDGE_RE = re.compile(
    r"\b(vermoedelijk|naar verluidt|naar schatting|mogelijk|waarschijnlijk)\b"
    r"(?:\s+[\w'’-]+){0,5}\s*$",
    re.IGNORECASE,
)


def _with_lead_hedge(text: str, start: int, qualifier: str | None) -> str | None:
    before = re.split(r"[,.;:]", text[:start])[-1]
    lead = _LEAD_HEDGE_RE.search(before)
    if lead is None:
        return qualifier
    hedge = lead.group(1).lower()
    return f"{hedge} {qualifier}" if qualifier and qualifier != hedge else hedge


def _shared_hedge(
    text: str, found: list[Quantity], m: re.Match[str], unit: str | None
) -> str | None:
    """A hedge shared by coordinated numbers of one thing: 'minstens 14 Storm
    Shadow-raketten en 31 ATACMS-raketten' is at least 31 too."""
    if not found or found[-1].qualifier is None or found[-1].unit != unit:
        return None
    between = text[found[-1].end : m.start()]
    words = between.split()
    if "en" in words and len(words) <= 5 and not re.search(r"[,.;:]", between):
        return found[-1].qualifier
    return None


def _word_bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before == ":" or (after == ":" and text[end + 1 : end + 2].isdigit()):
        return False  # a clock time
    return not (before.isalnum() or after.isalnum())


def _is_date_or_year(text: str, start: int, num: str, after: list[str]) -> bool:
    if after and after[0].lower().strip(",.") in _MONTHS:
        return True
    if num.isdigit() and len(num) == 4 and 1900 <= int(num) <= 2100:
        return True
    if re.match(r"\d{1,2}:\d{2}", text[start:]):
        return True
    # Durations belong to time expressions.
    return bool(after) and after[0].lower().startswith(("dag", "week", "maand", "jaar", "uur"))


def _unit(after: list[str]) -> str | None:
    words = [w.strip(",.;:()") for w in after]
    for word in words:
        lower = word.lower()
        if lower in UNITS:
            return UNITS[lower]
        if lower in CURRENCIES:
            return CURRENCIES[lower]
        if "-" in word:
            return lower.rsplit("-", 1)[1]  # "Storm Shadow-raketten" counts raketten
        if lower.endswith("e") and word is not words[-1]:
            continue  # an inflected adjective: "belangrijke militaire doelen"
        if word[:1].isupper():
            continue  # part of a name that a later compound completes
        return lower or None
    return None
