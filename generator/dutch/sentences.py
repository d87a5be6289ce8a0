"""Dutch paragraphs and sentences: what each line of an article is, where sentences end.

Lines come first (news text puts headings, captions and bylines on lines of their own),
Dutch sentence rules after: no split inside a quotation or after an abbreviation or an
initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import BlockKind

# Photo and news agencies that open a caption line ("AFP Een Storm Shadow-raket ...").
AGENCIES = (
    "AFP",
    "ANP",
    "AP",
    "EPA",
    "Reuters",
    "Belga",
    "Getty Images",
    "Getty",
    "NOS",
    "DoD",
    "Hollandse Hoogte",
    "Shutterstock",
    "ImageSelect",
    "BSR Agency",
    "Pool",
    "Ukrinform",
    "TASS",
    "RIA Novosti",
    "Sputnik",
    "US Army",
    "US Air Force",
    "Ministry of Defence",
    "Oekraïense strijdkrachten",
    "Defensie",
    "DPA",
    "Imago",
    "AA",
)
# A wire dateline opening the lead: "MOSKOU (ANP/RTR/AFP) - ", "KYIV(ANP) - ", "(Belga) - ".
DATELINE_RE = re.compile(
    r"^\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý'’.-]+(?:[ /-][A-ZÀ-Ý][A-ZÀ-Ý'’.-]+){0,3}\s*)?"
    r"\([A-Z][\w/ .,&-]{1,40}\)\s*[-–—]\s+"
)


def blank_dateline(text: str) -> str:
    """The sentence with its dateline blanked out (offsets kept): the place a wire story
    was filed from and the agencies that carried it are neither place nor speaker."""
    found = DATELINE_RE.match(text)
    return text if found is None else " " * found.end() + text[found.end() :]


# Lines that are the outlet's furniture, not the article.
BOILERPLATE = (
    r"Lees (?:ook|alles|meer|hier)\b",
    r"Volg ons\b",
    r"Meer voor jou$",
    r"Bekijk (?:ook|hier)\b",
    r"Abonneer\b",
    r"Download (?:de|onze) app\b",
    r"Deel dit artikel\b",
    r"Advertentie$",
)
ROLE_WORDS = ("verslaggever", "correspondent", "redacteur", "journalist", "buitenlandredacteur")
# Abbreviations after which a period does not end a Dutch sentence.
ABBREVIATIONS = frozenset(
    [
        "a.s",
        "bijv",
        "bv",
        "ca",
        "d.w.z",
        "dhr",
        "drs",
        "dr",
        "e.a",
        "e.d",
        "enz",
        "etc",
        "ir",
        "jl",
        "m.b.t",
        "mevr",
        "mr",
        "mw",
        "nl",
        "nr",
        "o.a",
        "o.m",
        "p",
        "prof",
        "red",
        "resp",
        "s",
        "st",
        "t.a.v",
        "t.o.v",
        "vs",
        "z.g",
        "zgn",
        "ws",
        "gen",
        "lt",
        "kol",
    ]
)

_AGENCY = "|".join(re.escape(a) for a in sorted(AGENCIES, key=len, reverse=True))
_CREDIT_RE = re.compile(
    rf"^(?P<credit>(?:[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)* / )*(?:{_AGENCY}))"
    r" (?=[A-Z0-9\"'‘“])"
)
_BYLINE_RE = re.compile(r"•.*\b\d{1,2}:\d{2}\b")
_AUTHOR_RE = re.compile(
    r"^[A-Z][\w'-]+(?: (?:van|de|der|den|ter|ten|van der|van den|'t))?(?: [A-Z][\w'-]+)+ "
    rf"(?:{'|'.join(ROLE_WORDS)})$"
)
_BOILERPLATE_RE = re.compile("^(?:" + "|".join(BOILERPLATE) + ")")
_TERMINAL = ".!;:,\"”'’…"


@dataclass(frozen=True)
class Block:
    start: int
    end: int
    kind: BlockKind
    credit: str | None = None
    body_start: int = 0  # where the text proper starts (after a caption's credit)


def _looks_like_heading(line: str) -> bool:
    stripped = line.rstrip()
    if len(stripped) > 120 or len(stripped.split()) > 18:
        return False
    if stripped.endswith("?"):
        return True
    quoted = stripped[0] in "'‘\"“" and stripped[-1] in "'’\"”"  # 'Escalatie'
    return stripped[-1] not in _TERMINAL or quoted


def split_blocks(text: str) -> list[Block]:
    """Classify each non-empty line of an article as body, heading, caption, byline..."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            lines.append((pos + lead, pos + lead + len(stripped), stripped))
        pos += len(raw) + 1
    blocks: list[Block] = []
    later: set[str] = set()  # the lines below, gathered from the end: linear, not quadratic
    for start, end, line in reversed(lines):
        blocks.append(_classify(start, end, line, line in later))
        later.add(line)
    return blocks[::-1]


# A title line with the page's furniture: "... Actueel • Vandaag • leestijd 3 minuten"
_FURNITURE_RE = re.compile(r"\s•\s.*\s•\s|\bleestijd\s+\d+\s+min", re.IGNORECASE)


def _classify(start: int, end: int, line: str, repeated_later: bool) -> Block:
    if _BYLINE_RE.search(line) or _AUTHOR_RE.match(line):
        return Block(start, end, BlockKind.BYLINE, body_start=start)
    if _BOILERPLATE_RE.match(line):
        return Block(start, end, BlockKind.BOILERPLATE, body_start=start)
    credit = _CREDIT_RE.match(line)
    if credit and line[-1] not in '.!?"”:':
        offset = credit.end()
        return Block(start, end, BlockKind.CAPTION, credit.group("credit"), start + offset)
    if _FURNITURE_RE.search(line):
        return Block(start, end, BlockKind.HEADING, body_start=start)  # a title and its meta
    if _looks_like_heading(line):
        # A heading that appears again further down is a table of contents entry.
        if repeated_later:
            return Block(start, end, BlockKind.BOILERPLATE, body_start=start)
        return Block(start, end, BlockKind.HEADING, body_start=start)
    return Block(start, end, BlockKind.BODY, body_start=start)


_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"
_SPLIT_AFTER = re.compile(r"[.!?…]+[\"”’»)]*")


def split_sentences(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets) in one paragraph of Dutch text."""
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0  # inside a quotation
    straight_open = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch in _OPEN_QUOTES and ch != "‘":
            depth += 1
        elif ch in _CLOSE_QUOTES and ch != "’" and depth:
            depth -= 1
        elif ch == '"':
            straight_open = not straight_open
        if ch in ".!?…":
            m = _SPLIT_AFTER.match(text, i)
            assert m is not None
            end = m.end()
            closing = text[i:end]
            # a quotation that closes right after the stop ("... kinderen...”") is closed
            depth = max(0, depth - sum(c in _CLOSE_QUOTES and c != "’" for c in closing))
            inside = depth > 0 or (straight_open and '"' not in closing)
            if '"' in closing:
                straight_open = not straight_open if closing.count('"') % 2 else straight_open
            if not inside and _ends_sentence(text, i, end):
                spans.append((start, end))
                start = end
                while start < len(text) and text[start].isspace():  # a tab, a no-break space
                    start += 1
            i = end
            continue
        i += 1
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return [(offset + s, offset + e) for s, e in spans if text[s:e].strip()]


_NEXT_RE = re.compile(r"\s*")
_WORD_BEFORE_RE = re.compile(r"[\w.]+$")
_WORD_WINDOW = 80  # a token before a dot is never longer: look no further back


def _ends_sentence(text: str, dot: int, end: int) -> bool:
    # Offsets, never copies of the rest of the paragraph: linear in its length.
    after = _NEXT_RE.match(text, end)
    assert after is not None
    if after.end() == len(text):
        return True
    if text[end] != " ":
        return False
    first = text[after.end()]
    if not (first.isupper() or first.isdigit() or first in "\"“‘'«("):
        return False
    if text[dot] == ".":
        window = max(0, dot - _WORD_WINDOW)
        word = _WORD_BEFORE_RE.search(text, window, dot)
        if word:
            token = word.group(0)
            inflection = word.start() > 0 and text[word.start() - 1] in "'’"  # F-16's.
            if token.lower().rstrip(".") in ABBREVIATIONS and not inflection:
                return False
            if len(token) == 1 and token.isupper():
                return False  # an initial: "Michael S. Repass"
    return True
