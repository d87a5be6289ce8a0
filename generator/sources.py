"""Read the articles in a seeds folder, with the editors' metadata, into Article records."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import dates
from generator.dutch.sentences import split_blocks, split_sentences
from generator.errors import InputError, Problem, Severity
from generator.model import Article, ArticleMeta, BlockKind, DateValue, Paragraph, Sentence
from generator.weburl import is_web_url
from generator.yamlfile import LineDict, load

METADATA_FILE = "metadata.yml"
_HEADER_RE = re.compile(r"^[ \t]*date[ \t]+(\S+)[ \t]*")
_META_FIELDS = {"outlet", "published", "estimate", "title", "url", "basis"}
_STEM_RE = re.compile(r"^[A-Za-z0-9_-]+$")


@dataclass(frozen=True)
class Seeds:
    articles: list[Article]
    warnings: list[Problem]


def read_seeds(folder: Path) -> Seeds:
    """Every `*.txt` in folder, in name order; raises InputError listing every problem."""
    if not folder.is_dir():
        raise InputError([Problem(str(folder), 0, "map met artikelen bestaat niet")])
    problems: list[Problem] = []
    meta_path = folder / METADATA_FILE
    metadata = _read_metadata(meta_path, problems) if meta_path.exists() else {}
    articles: list[Article] = []
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        problems.append(Problem(str(folder), 0, "geen artikelen (*.txt) gevonden"))
    for path in paths:
        article = _read_article(path, metadata.get(path.stem), meta_path, problems)
        if article is not None:
            articles.append(article)
    stems = {p.stem for p in paths}
    for stem, entry in metadata.items():
        if stem not in stems:
            problems.append(
                Problem(
                    str(meta_path),
                    entry.line,
                    f"metadata voor onbekend artikel {stem!r}",
                    Severity.WARNING,
                )
            )
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise InputError(problems)
    return Seeds(articles, problems)


def _read_metadata(path: Path, problems: list[Problem]) -> dict[str, LineDict]:
    data = load(path)
    if data is None:
        return {}
    if not isinstance(data, LineDict):
        problems.append(Problem(str(path), 1, "verwacht per artikel een blok 'stam: {...}'"))
        return {}
    result: dict[str, LineDict] = {}
    for stem, entry in data.items():
        line = data.line_of(stem)
        if not isinstance(entry, LineDict):
            problems.append(
                Problem(str(path), line, f"{stem}: verwacht velden als outlet, published")
            )
            continue
        for key in entry:
            if key not in _META_FIELDS:
                problems.append(
                    Problem(
                        str(path),
                        entry.line_of(key),
                        f"{stem}: onbekend veld {key!r} (toegestaan: "
                        f"{', '.join(sorted(_META_FIELDS))})",
                    )
                )
        for key in ("outlet", "title", "url"):
            if entry.get(key) is not None and not isinstance(entry[key], str):
                problems.append(
                    Problem(str(path), entry.line_of(key), f"{stem}: {key} moet tekst zijn")
                )
        url = entry.get("url")
        if isinstance(url, str) and not is_web_url(url):
            problems.append(
                Problem(
                    str(path),
                    entry.line_of("url"),
                    f"{stem}: url moet een webadres zijn dat begint met http:// of https://",
                )
            )
        published = entry.get("published")
        if published is not None:
            try:
                dates.parse(str(published))
            except dates.DateError as exc:
                problems.append(Problem(str(path), entry.line_of("published"), f"{stem}: {exc}"))
        if "estimate" in entry and not isinstance(entry["estimate"], bool):
            problems.append(
                Problem(
                    str(path),
                    entry.line_of("estimate"),
                    f"{stem}: estimate moet true of false zijn",
                )
            )
        basis = entry.get("basis")
        if basis is not None and not (
            isinstance(basis, dict) and all(isinstance(v, str) for v in basis.values())
        ):
            problems.append(
                Problem(
                    str(path),
                    entry.line_of("basis"),
                    f"{stem}: basis moet per veld een toelichting (tekst) geven",
                )
            )
        result[str(stem)] = entry
    return result


def _read_article(
    path: Path, entry: LineDict | None, meta_path: Path, problems: list[Problem]
) -> Article | None:
    if not _STEM_RE.match(path.stem):
        problems.append(Problem(str(path), 0, "bestandsnaam alleen letters, cijfers, - en _"))
        return None
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.append(Problem(str(path), line, "geen geldige UTF-8-tekst"))
        return None
    content = content.replace("\r\n", "\n").removeprefix("\ufeff")
    header_date, text, offset = _strip_header(content, path, problems)
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


def _strip_header(content: str, path: Path, problems: list[Problem]) -> tuple[str | None, str, int]:
    match = _HEADER_RE.match(content)
    if not match:
        return None, content, 0
    value = match.group(1)
    try:
        dates.parse(value)
    except dates.DateError as exc:
        problems.append(Problem(str(path), 1, f"datumregel: {exc}"))
        return None, content, 0
    return value, content[match.end() :], match.end()


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
