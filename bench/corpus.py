"""A deterministic synthetic corpus: the real seed articles, varied, to any size.

Article i (past the real seeds, which come first and unchanged) is seed i mod 5 with its
dates shifted by a whole number of months, its places and weapons swapped for others of
the gazetteer, and its body paragraphs shuffled; all drawn from a RNG seeded by i, so the
same N always gives the same files, and N=500 holds the first 50 articles of N=5,000.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MONTHS = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
_MONTH_RE = re.compile(
    r"\b(?:(?P<day>[1-9]|[12][0-9]|3[01]) )?(?P<month>" + "|".join(MONTHS) + r")"
    r"(?: (?P<year>20[12][0-9]))?\b"
)
_YEAR_RE = re.compile(r"\b20[12][0-9]\b")
_HEADER_RE = re.compile(r"^(\s*date\s+)(\S+)")
_PARAGRAPH_RE = re.compile(r"\n[ \t]*\n")
# The news window the corpus stays in, as months since year 0.
_FIRST = 2022 * 12 + 1  # February 2022
_LAST = 2025 * 12 + 11  # December 2025


@dataclass(frozen=True)
class Seed:
    stem: str
    text: str
    meta: dict[str, Any]


@dataclass(frozen=True)
class Names:
    """Surface forms to swap: each entity's aliases, longest first, and its display form."""

    places: dict[str, tuple[str, ...]]
    weapons: dict[str, tuple[str, ...]]
    outlets: tuple[str, ...]


def load_seeds(folder: Path) -> list[Seed]:
    metadata = yaml.safe_load((folder / "metadata.yml").read_text(encoding="utf-8")) or {}
    return [
        Seed(path.stem, path.read_text(encoding="utf-8"), dict(metadata.get(path.stem) or {}))
        for path in sorted(folder.glob("*.txt"))
    ]


def load_names(gazetteer: Path) -> Names:
    data = yaml.safe_load(gazetteer.read_text(encoding="utf-8"))

    def forms(entry: dict[str, Any]) -> tuple[str, ...]:
        return tuple(sorted(entry.get("aliases", []), key=len, reverse=True))

    # Cities and regions, not countries: "Rusland" stays Russia in every variant.
    places = {p["id"]: forms(p) for p in data["places"] if p.get("kind") != "land"}
    # Named weapons, not the groups they belong to ("langeafstandsraketten").
    weapons = {w["id"]: forms(w) for w in data["weapons"] if w.get("specs") or w.get("country")}
    outlets = tuple(m["name"] for m in data["media"])
    return Names(places, weapons, outlets)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _clamp_day(year: int, month: int, day: int) -> int:
    return min(day, calendar.monthrange(year, month)[1])


def shift_edtf(value: str, months: int) -> str:
    """Shift an EDTF date or interval of years, months or days by whole months."""

    def one(part: str) -> str:
        pieces = part.split("-")
        if len(pieces) == 1:
            return f"{int(pieces[0]) + _years(months):04d}"
        year, month = int(pieces[0]), int(pieces[1])
        if month > 12:  # a season: shift the year only
            return f"{year + _years(months):04d}-{month:02d}"
        year, month = shift_month(year, month, months)
        if len(pieces) == 2:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{_clamp_day(year, month, int(pieces[2])):02d}"

    return "/".join(one(p) for p in value.split("/"))


def _years(months: int) -> int:
    # Whole years a bare year moves by: round toward the nearer year.
    return round(months / 12)


def shift_text(text: str, months: int) -> str:
    """Shift the dates written in Dutch in an article ("19 november 2024", "in 2022")."""

    def month(m: re.Match[str]) -> str:
        old = MONTHS.index(m["month"]) + 1
        base = int(m["year"]) if m["year"] else 2000
        year, new = shift_month(base, old, months)
        parts = []
        if m["day"]:
            parts.append(str(_clamp_day(year, new, int(m["day"]))))
        parts.append(MONTHS[new - 1])
        if m["year"]:
            parts.append(str(year))
        return " ".join(parts)

    def bare_year(m: re.Match[str]) -> str:
        return str(int(m.group(0)) + _years(months))

    # Years inside month expressions are handled with their month; the rest move on their own.
    pieces: list[str] = []
    last = 0
    for m in _MONTH_RE.finditer(text):
        pieces.append(_YEAR_RE.sub(bare_year, text[last : m.start()]))
        pieces.append(month(m))
        last = m.end()
    pieces.append(_YEAR_RE.sub(bare_year, text[last:]))
    return "".join(pieces)


def _swap(text: str, table: dict[str, tuple[str, ...]], rng: random.Random) -> str:
    """Every entity of the table named in text becomes another one, consistently."""
    present = [ident for ident, aliases in table.items() if any(alias in text for alias in aliases)]
    others = sorted(table)
    mapping = {ident: rng.choice(others) for ident in present}
    replacements: dict[str, str] = {}
    for ident, target in mapping.items():
        for alias in table[ident]:
            # The shortest alias is the plainest form to write ("Charkiv", "ATACMS").
            replacements.setdefault(alias, table[target][-1])
    if not replacements:
        return text
    pattern = re.compile(
        r"(?<![\w-])("
        + "|".join(re.escape(a) for a in sorted(replacements, key=len, reverse=True))
        + r")(?!\w)"
    )
    return pattern.sub(lambda m: replacements[m.group(1)], text)


def _shuffle_body(text: str, rng: random.Random) -> str:
    """Shuffle the paragraphs after the first two (the caption and byline stay on top)."""
    paragraphs = _PARAGRAPH_RE.split(text)
    head, body = paragraphs[:2], paragraphs[2:]
    rng.shuffle(body)
    return "\n\n".join(head + body)


def variant(seed: Seed, index: int, names: Names) -> tuple[str, str, dict[str, Any]]:
    """The stem, text and metadata entry of synthetic article number index."""
    rng = random.Random(f"bench-{index}")
    published = str(seed.meta.get("published") or "2024")
    start_year, start_month = (int(x) for x in published.split("/")[0].split("-")[:2])
    here = start_year * 12 + start_month - 1
    months = rng.randint(_FIRST - here, _LAST - here)
    text = seed.text
    header = _HEADER_RE.match(text)
    rest = text[header.end() :] if header else text
    rest = shift_text(rest, months)
    rest = _swap(rest, names.places, rng)
    rest = _swap(rest, names.weapons, rng)
    rest = _shuffle_body(rest, rng)
    if header:
        rest = f"{header.group(1)}{shift_edtf(header.group(2), months)}{rest}"
    digest = hashlib.sha1(rest.encode()).hexdigest()[:16]
    stem = f"syn{index:05d}_{digest}"
    title = seed.meta.get("title")
    meta: dict[str, Any] = {
        "outlet": rng.choice(names.outlets),
        "published": shift_edtf(published, months),
        "title": shift_text(title, months) if title else None,
        "url": None,
        "basis": {"published": f"Synthetisch: {seed.stem} verschoven met {months} maanden."},
    }
    if seed.meta.get("estimate"):
        meta["estimate"] = True
    return stem, rest, meta


def make_corpus(size: int, seeds: Path, gazetteer: Path, out: Path) -> list[str]:
    """Write size articles and their metadata.yml into out; returns the stems."""
    real = load_seeds(seeds)
    names = load_names(gazetteer)
    out.mkdir(parents=True, exist_ok=True)
    metadata: dict[str, Any] = {}
    stems: list[str] = []
    for index in range(size):
        seed = real[index % len(real)]
        if index < len(real):
            stem, text, meta = seed.stem, seed.text, seed.meta
        else:
            stem, text, meta = variant(seed, index, names)
        (out / f"{stem}.txt").write_text(text, encoding="utf-8")
        metadata[stem] = meta
        stems.append(stem)
    # JSON is YAML: quick to write at 5,000 entries, and dates stay strings.
    (out / "metadata.yml").write_text(
        json.dumps(metadata, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return stems
