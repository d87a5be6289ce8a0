"""Read the articles in a seeds folder, with the editors' metadata, into Article records."""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator import dates
from generator.dutch.sentences import split_blocks, split_sentences
from generator.errors import InputError, Problem, Severity
from generator.inputfiles import (
    RESERVED_PAGE_NAMES,
    NotRegularFile,
    clean_text,
    is_reserved_page_name,
    read_regular_file,
)
from generator.model import Article, ArticleMeta, BlockKind, DateValue, Paragraph, Sentence
from generator.validate import validate
from generator.weburl import is_web_url
from generator.yamlfile import LineDict, load

METADATA_FILE = "metadata.yml"
_HEADER_RE = re.compile(r"^[ \t]*date[ \t]+(\S+)[ \t]*")
METADATA_SCHEMA = "metadata.schema.json"
_STEM_RE = re.compile(r"^[A-Za-z0-9_-]+$")
EARLIEST_PUBLICATION = date(1900, 1, 1)  # older dates are typos ("0224-11-19"), not news


@dataclass(frozen=True)
class Seeds:
    articles: list[Article]
    warnings: list[Problem]


def read_seeds(folder: Path, today: date | None = None) -> Seeds:
    """Every `*.txt` in folder, in name order; raises InputError listing every problem.

    Only regular files directly in the folder are read: a link, a folder or a special
    file named *.txt is refused, and so is a `.TXT` (any case but .txt), so that no file
    is silently left out. Publication dates after `today` (default: the real today) or
    before 1900 are errors.
    """
    if not folder.is_dir():
        raise InputError([Problem(str(folder), 0, "map met artikelen bestaat niet")])
    today = today or date.today()
    problems: list[Problem] = []
    meta_path = folder / METADATA_FILE
    metadata: dict[str, LineDict] = {}
    if meta_path.exists() or meta_path.is_symlink():
        try:
            read_regular_file(meta_path)
        except NotRegularFile as exc:
            problems.append(Problem(str(meta_path), 1, str(exc)))
        else:
            metadata = _read_metadata(meta_path, today, problems)
    paths = _article_paths(folder, problems)
    if not paths and not problems:
        problems.append(Problem(str(folder), 0, "geen artikelen (*.txt) gevonden"))
    articles: list[Article] = []
    for path in paths:
        article = _read_article(path, metadata.get(path.stem), meta_path, today, problems)
        if article is not None:
            articles.append(article)
    stems = {p.stem for p in paths}
    for stem, entry in metadata.items():
        if stem not in stems:
            problems.append(
                Problem(
                    str(meta_path),
                    metadata.line_of(stem) if isinstance(metadata, LineDict) else entry.line,
                    f"metadata voor onbekend artikel {stem!r}{_did_you_mean(stem, stems)}",
                    Severity.WARNING,
                )
            )
    problems += _duplicates(articles)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise InputError(problems)
    return Seeds(articles, problems)


def _article_paths(folder: Path, problems: list[Problem]) -> list[Path]:
    """The article files of the folder; names that cannot be pages are reported."""
    paths: list[Path] = []
    by_page: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.suffix.lower() != ".txt":
            continue  # hidden files are editors' lock and swap files
        if path.suffix != ".txt":
            problems.append(
                Problem(str(path), 1, f"extensie {path.suffix!r}: hernoem naar {path.stem}.txt")
            )
            continue
        if not _STEM_RE.match(path.stem):
            problems.append(Problem(str(path), 1, "bestandsnaam alleen letters, cijfers, - en _"))
            continue
        if is_reserved_page_name(path.stem):
            problems.append(
                Problem(
                    str(path),
                    1,
                    f"de naam {path.stem!r} is voorbehouden aan een pagina van de site "
                    f"(niet: {', '.join(sorted(RESERVED_PAGE_NAMES))}); kies een andere",
                )
            )
            continue
        other = by_page.setdefault(path.stem.casefold(), path)
        if other is not path:
            problems.append(
                Problem(
                    str(path),
                    1,
                    f"zelfde paginanaam als {other.name} (hoofdletters tellen niet): "
                    f"hernoem een van beide",
                )
            )
            continue
        paths.append(path)
    return paths


def _did_you_mean(stem: str, stems: set[str]) -> str:
    close = difflib.get_close_matches(stem, sorted(stems), n=1, cutoff=0.8)
    return f" (bedoelt u {close[0]!r}?)" if close else ""


def _duplicates(articles: list[Article]) -> list[Problem]:
    """An article whose text is exactly that of an earlier one: a copy, probably."""
    problems: list[Problem] = []
    seen: dict[str, Article] = {}
    for article in articles:
        key = hashlib.sha256(" ".join(article.text.split()).encode()).hexdigest()
        first = seen.setdefault(key, article)
        if first is not article:
            problems.append(
                Problem(
                    article.path,
                    1,
                    f"dezelfde tekst als {Path(first.path).name}: twee keer hetzelfde artikel?",
                    Severity.WARNING,
                )
            )
    return problems


def _read_metadata(path: Path, today: date, problems: list[Problem]) -> dict[str, LineDict]:
    """The editors' metadata, checked against generator/schemas/metadata.schema.json."""
    data = load(path)
    if data is None:
        return {}
    found = validate(data, METADATA_SCHEMA, path)
    problems += found
    if not isinstance(data, LineDict):
        return {}
    result = LineDict()  # keeps the line of each article's name, for warnings about it
    result.line, result.key_lines = data.line, data.key_lines
    for stem, entry in data.items():
        if not isinstance(entry, LineDict):
            continue
        url = entry.get("url")
        if isinstance(url, str) and not is_web_url(url):
            problems.append(
                Problem(
                    str(path),
                    entry.line_of("url"),
                    f"{stem}: url moet een webadres zijn dat begint met http:// of https://",
                )
            )
        if entry.get("full_text") is True and not entry.get("licence"):
            problems.append(
                Problem(
                    str(path),
                    entry.line_of("full_text"),
                    f"{stem}: full_text: true vraagt om de licentie die het toestaat (licence)",
                )
            )
        published = entry.get("published")
        if isinstance(published, str):
            try:
                value = dates.parse_editors(published)
            except dates.DateError as exc:
                problems.append(
                    Problem(str(path), entry.line_of("published"), f"{stem}.published: {exc}")
                )
                continue
            implausible = _implausible(value, today)
            if implausible:
                problems.append(
                    Problem(str(path), entry.line_of("published"), f"{stem}: {implausible}")
                )
                continue
        if any(p.message.startswith((f"{stem}.", f"{stem}:")) for p in found):
            continue
        result[str(stem)] = entry
    return result


def _read_article(
    path: Path, entry: LineDict | None, meta_path: Path, today: date, problems: list[Problem]
) -> Article | None:
    try:
        raw = read_regular_file(path)
    except NotRegularFile as exc:
        problems.append(Problem(str(path), 1, str(exc)))
        return None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(str(path), line, "geen geldige UTF-8-tekst"))
        return None
    cleaned = clean_text(content, str(path))
    problems += cleaned.problems
    header_date, text, offset = _strip_header(cleaned.text, path, today, problems)
    if not text.strip():
        problems.append(Problem(str(path), 1, "artikel is leeg"))
        return None
    meta = _meta(entry, header_date, path, meta_path, problems)
    return Article(
        stem=path.stem,
        path=str(path),
        text=text,
        meta=meta,
        paragraphs=tuple(_paragraphs(path.stem, text)),
        header_date=header_date,
        line_offset=offset,
    )


def _strip_header(
    content: str, path: Path, today: date, problems: list[Problem]
) -> tuple[str | None, str, int]:
    match = _HEADER_RE.match(content)
    if not match:
        return None, content, 0
    value = match.group(1)
    try:
        parsed = dates.parse(value)
    except dates.DateError as exc:
        problems.append(Problem(str(path), 1, f"datumregel: {exc}; {dates.ALLOWED}"))
        return None, content, 0
    implausible = _implausible(parsed, today)
    if implausible:
        problems.append(Problem(str(path), 1, f"datumregel: {implausible}"))
    return value, content[match.end() :], match.end()


def _implausible(value: DateValue, today: date) -> str | None:
    """Why a publication date cannot be right, if it cannot: after today, or before news
    reached the web (year 1 also breaks MkDocs' build date)."""
    if value.start > today:
        return (
            f"publicatiedatum {value.edtf} ligt in de toekomst (na vandaag); "
            f"een tikfout in het jaar?"
        )
    if value.end < EARLIEST_PUBLICATION:
        return (
            f"publicatiedatum {value.edtf} ligt voor {EARLIEST_PUBLICATION.year}; "
            f"een tikfout in het jaar?"
        )
    return None


def _meta(
    entry: LineDict | None,
    header: str | None,
    path: Path,
    meta_path: Path,
    problems: list[Problem],
) -> ArticleMeta:
    published: DateValue | None = None
    fields: dict[str, Any] = dict(entry) if entry else {}
    estimate = bool(fields.get("estimate", False))
    if fields.get("published"):
        try:
            published = dates.parse(str(fields["published"]), estimate)
        except dates.DateError:
            published = None  # already reported with its line by _read_metadata
    if published is not None and fields.get("published"):
        if header:
            head = dates.parse(header)
            if not (head.start <= published.start and published.end <= head.end):
                problems.append(
                    Problem(
                        str(meta_path),
                        entry.line_of("published") if entry else 1,
                        f"{path.stem}: published {published.edtf} valt buiten de "
                        f"datumregel {header}",
                        Severity.WARNING,
                    )
                )
    elif header and not fields.get("published"):
        published = dates.parse(header, estimate)
    if entry is None:
        problems.append(
            Problem(str(path), 1, f"geen metadata in {meta_path.name}", Severity.WARNING)
        )
    if published is None:
        problems.append(
            Problem(
                str(path),
                1,
                "geen publicatiedatum: relatieve datums blijven onopgelost",
                Severity.WARNING,
            )
        )
    basis = fields.get("basis") or {}
    return ArticleMeta(
        outlet=fields.get("outlet"),
        published=published,
        title=fields.get("title"),
        url=fields.get("url"),
        basis={str(k): str(v) for k, v in basis.items()},
        licence=fields.get("licence"),
        full_text=fields.get("full_text") is True and bool(fields.get("licence")),
    )


def _paragraphs(stem: str, text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    for number, block in enumerate(split_blocks(text), start=1):
        if block.kind is BlockKind.BODY:
            spans = split_sentences(text[block.body_start : block.end], block.body_start)
        else:
            spans = [(block.body_start, block.end)]
        sentences = tuple(
            Sentence(stem, number, index, s, e, text[s:e], block.kind)
            for index, (s, e) in enumerate(spans, start=1)
        )
        paragraphs.append(
            Paragraph(
                number,
                block.kind,
                block.start,
                block.end,
                text[block.start : block.end],
                sentences,
                block.credit,
            )
        )
    return paragraphs
