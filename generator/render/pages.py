"""Markdown pages of the generated folder, rendered from the Jinja2 templates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator import dates
from generator.dates import MONTHS_NL
from generator.gazetteer import Gazetteer, GazetteerEntry
from generator.jinjacache import COMPILED
from generator.measure import Measurement
from generator.model import (
    Article,
    Certainty,
    Change,
    Corpus,
    EntityKind,
    Event,
    Fact,
    SourceRef,
    cut_between_words,
)
from generator.render import periods
from generator.render.escape import front_matter, href, text
from generator.render.links import correction_url
from generator.story import chronology
from generator.story.permissions import Story

GENERATED = "dossier"  # the folder of docs/ that the generator owns
HOME_STORY = "_verhaal.md"  # the permission story, included in Home (docs/index.md)
MEASUREMENTS = "_meting.md"  # how well the generator reads, included in Methode
CERTAINTY_LABELS = {
    "confirmed": "bevestigd",
    "reported": "gemeld",
    "claimed": "bewering",
    "planned": "gepland",
}
CERTAINTY_HELP = {
    "confirmed": "het artikel brengt het als feit, of het is een uitspraak die gedaan is",
    "reported": "het artikel geeft het door zonder het te bevestigen",
    "claimed": "een partij in het conflict of een belanghebbende beweert het",
    "planned": "aangekondigd of verwacht, nog niet gebeurd",
}


# Sources named in one line (an entry, a step); the rest are counted, and a chronology entry
# links to a page with all of them: an event that many articles tell stays a line.
SOURCES_SHOWN = 8
STORY_SOURCES_SHOWN = 3  # in a step of the permission story, beside its chronology link
LIMITS_SHOWN = 5  # limits of one step of the permission story (Home, weapon sheets)


@dataclass(frozen=True)
class Link:
    name: str
    url: str


def environment(templates: Path) -> Environment:
    """The page templates' environment: every `{{ value }}` is printed as inert text.

    Output is Markdown with raw HTML, so Jinja's HTML autoescape is not enough; `finalize`
    runs `escape.text` on every printed value instead (HTML and Markdown syntax become
    character references, line ends spaces). What a template may use:

    - `{{ value }}`: any value from an article, the metadata, a correction or the
      gazetteer, anywhere (paragraph, heading, list, table cell, HTML element or quoted
      attribute). `|e`, `|escape` and `|cell` are the same, kept for readability.
    - `{{ url|href }}`: a link target (site path or http/https URL); any other scheme
      fails the build instead of becoming a link.
    - `{{ value|front_matter }}` (alias `yaml_string`): a front matter value; Material
      prints titles and descriptions unescaped, so it is escaped too.
    - Markup: HTML made by the generator (a macro's output, `Markup(...)` built in Python
      from escaped parts) passes as it is. Never wrap untrusted text in Markup or `|safe`,
      and do not `~`-join Markup with untrusted text (Jinja then escapes only HTML).
    """
    env = Environment(
        loader=FileSystemLoader(str(templates)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,  # macros and {% set %} blocks yield Markup, not re-escaped
        finalize=text,
        bytecode_cache=COMPILED,  # the preview renders again and again: compile once
    )
    env.filters.update(
        {
            "text": text,
            "e": text,
            "escape": text,
            "cell": text,
            "href": href,
            "front_matter": front_matter,
            "yaml_string": front_matter,
            "distinct": distinct_sources,
            # (article, paragraph) of each source: two sentences of a paragraph say "zin N".
            "paragraph_keys": lambda sources: [(s.article, s.paragraph) for s in sources],
        }
    )
    env.globals["certainty_labels"] = CERTAINTY_LABELS
    env.filters["volgens"] = lambda names: ", ".join(names)  # render_pages knows the media
    env.globals["certainty_help"] = CERTAINTY_HELP
    env.globals["sources_shown"] = SOURCES_SHOWN
    env.globals["story_sources_shown"] = STORY_SOURCES_SHOWN
    env.globals["limits_shown"] = LIMITS_SHOWN
    return env


def distinct_sources(sources: Iterable[SourceRef], per_article: bool = False) -> list[SourceRef]:
    """Each sentence once (two clauses of one sentence are one link), as a telling if any;
    with per_article, each article once (a link named only by outlet and date)."""
    chosen: dict[tuple[str, str], SourceRef] = {}
    for source in sources:
        key = (source.article, "" if per_article else source.anchor)
        if key not in chosen or (chosen[key].certainty is None and source.certainty is not None):
            chosen[key] = source
    return list(chosen.values())


def split_claimants(names: Sequence[str], gazetteer: Gazetteer) -> tuple[list[str], list[str]]:
    """(parties, media): who makes a claim, and the media among the names that pass it on."""
    media = {
        alias.lower()
        for entry in gazetteer.of_kind(EntityKind.MEDIUM)
        for alias in (entry.name, *entry.aliases)
    }
    passing = [n for n in names if n.lower() in media or _bare(n) in media]
    return [n for n in names if n not in passing], passing


def _bare(name: str) -> str:
    return name.lower().removeprefix("de ").removeprefix("het ")


def claimants(names: Sequence[str], gazetteer: Gazetteer) -> str:
    """Who says so, the party first: a medium that passes a party's claim on is named as
    the messenger ("het Kremlin, via Kyiv Independent"), not as a claimant beside it."""
    parties, passing = split_claimants(names, gazetteer)
    if parties and passing:
        return f"{', '.join(parties)}, via {', '.join(passing)}"
    return ", ".join(names)


def published_label(article: Article) -> str:
    published = article.meta.published
    if published is None:
        return "datum onbekend"
    return f"{published.label} (geschat)" if published.estimate else published.label


def article_label(article: Article) -> str:
    return f"{article.meta.outlet or 'onbekend medium'}, {published_label(article)}"


@dataclass(frozen=True)
class Layout:
    """Where each event stands: the chronology's entries in story order, split in pages."""

    entries: list[chronology.Entry]
    pages: list[chronology.Page]
    page_of: dict[str, str]  # event id -> page slug

    def event_page(self, event: Event) -> str:
        """The chronology page of an event, relative to docs/dossier (a directory URL)."""
        return f"chronologie/{self.page_of.get(event.id, '')}/".replace("//", "/")


def layout(corpus: Corpus, per_page: int = chronology.PER_PAGE) -> Layout:
    published = {
        a.stem: (a.meta.published.start if a.meta.published else None) for a in corpus.articles
    }
    ordered = chronology.order(chronology.entries(corpus.events), published)
    pages = chronology.paginate(ordered, per_page)
    return Layout(ordered, pages, chronology.page_of(pages))


def render_pages(
    corpus: Corpus,
    story: Story,
    plan: Layout,
    gazetteer: Gazetteer,
    templates: Path,
    seeds_rel: str,
    map_page: dict[str, Any],
    repository: str | None = None,
    site: str = "/",
    measurements: Sequence[Measurement] = (),
) -> dict[str, str]:
    """Every generated page as {path relative to docs/dossier: Markdown}. With the
    repository's address, each chronology entry gets a "corrigeer" link."""
    env = environment(templates)
    env.globals["article_labels"] = {a.stem: article_label(a) for a in corpus.articles}
    env.globals["event_page"] = plan.event_page
    env.globals["names"] = {e.id: e.name for e in gazetteer.entries.values()}
    env.filters["volgens"] = lambda names: claimants(names, gazetteer)
    # Where a first strike in Russia was: the places in Russia, not the countries.
    env.globals["russian_places"] = [
        e.id for e in gazetteer.of_kind(EntityKind.PLACE) if e.country == "russia"
    ]
    pages: dict[str, str] = {}
    pages[HOME_STORY] = env.get_template("verhaal.md.j2").render(
        lines=_story_lines(story, gazetteer)
    )
    pages[MEASUREMENTS] = env.get_template("meting.md.j2").render(
        measurements=measurements, percent=percent
    )
    pages.update(_chronology(env, corpus, story, plan, gazetteer, repository, site))
    weapons = _weapon_entries(corpus, gazetteer)
    pages["wapens/index.md"] = env.get_template("wapens.md.j2").render(
        weapons=[
            {
                "id": w.id,
                "name": w.name,
                "short": cut_between_words(w.description.split(":")[0], 120),
                "event_count": sum(1 for e in corpus.events if w.id in e.weapons),
            }
            for w in weapons
        ]
    )
    for weapon in weapons:
        pages[f"wapens/{weapon.id}.md"] = _weapon(env, corpus, story, plan, gazetteer, weapon)
    pages["kaart/index.md"] = env.get_template("kaart.md.j2").render(**map_page)
    # Once over all events and facts, not once per article: that grew with N².
    told = Counter(a for e in corpus.events for a in {s.article for s in e.sources})
    cited: dict[str, set[str]] = {}
    limits = [[limit.source] for step in story.steps for limit in step.limits]
    for sources in [
        *(e.sources for e in corpus.events),
        *(f.sources for f in corpus.facts),
        *limits,
    ]:
        for s in sources:
            cited.setdefault(s.article, set()).add(s.anchor)
    pages.update(_source_index(env, corpus.articles, told))
    for article in corpus.articles:
        pages[f"bronnen/{article.stem}.md"] = _article(
            env, article, cited.get(article.stem, set()), seeds_rel, site
        )
    return pages


SOURCES_PER_PAGE = 200  # rows of the source index on one page: about 60 KB of HTML


def _source_index(env: Environment, articles: list[Article], told: Counter[str]) -> dict[str, str]:
    """The source index: one table, or (a long one) an overview of periods of publication,
    each a page of its own in bronnen/periode/, so no page grows with the corpus."""

    def row(a: Article) -> dict[str, Any]:
        return {
            "stem": a.stem,
            "title": a.title,
            "outlet": a.meta.outlet,
            "published": published_label(a),
            "event_count": told[a.stem],
        }

    index = env.get_template("bronnen.md.j2")
    if len(articles) <= SOURCES_PER_PAGE:
        return {"bronnen/index.md": index.render(articles=[row(a) for a in articles], periods=[])}
    by_date = sorted(
        articles, key=lambda a: (a.meta.published.start if a.meta.published else date.max, a.stem)
    )
    found = periods.split(
        by_date, lambda a: a.meta.published.start if a.meta.published else None, SOURCES_PER_PAGE
    )
    pages = {
        "bronnen/index.md": index.render(
            articles=[],
            periods=[{"slug": p.slug, "title": p.title, "count": len(p.items)} for p in found],
        )
    }
    template = env.get_template("bronnen-periode.md.j2")
    for i, period in enumerate(found):
        pages[f"bronnen/periode/{period.slug}.md"] = template.render(
            period=period,
            articles=[row(a) for a in period.items],
            previous=found[i - 1] if i > 0 else None,
            following=found[i + 1] if i + 1 < len(found) else None,
        )
    return pages


FACETS = (
    ("leverancier", "Land"),
    ("wapen", "Wapen"),
    ("plaats", "Plaats"),
    ("zekerheid", "Zekerheid"),
)
FILTER_PER_PAGE = 400  # compact rows on one filter page


def _chronology(
    env: Environment,
    corpus: Corpus,
    story: Story,
    plan: Layout,
    gazetteer: Gazetteer,
    repository: str | None,
    site: str,
) -> dict[str, str]:
    """The overview (milestones, timeline, pages, filters), the pages, the filter pages."""
    from generator.render import jsonld  # it builds on this module's Layout

    articles = {a.stem: a for a in corpus.articles}
    milestones = {s.event.id for s in story.steps} | {e.id for e in story.first_use.values()}
    values = {
        (id(entry), facet): _facet_values(entry.main, facet, gazetteer)
        for entry in plan.entries
        for facet, _ in FACETS
    }
    facets = _facets(plan, values, gazetteer)
    pages: dict[str, str] = {}
    page_template = env.get_template("chronologie-pagina.md.j2")
    for i, page in enumerate(plan.pages):
        views = [
            _entry_view(entry, gazetteer, milestones, repository, values) for entry in page.entries
        ]
        # The search index holds each headline of a page once (and no "Over:" lines, the
        # weapon and place names being in the headlines and on their own pages): at 5,000
        # articles a full index was several megabytes for phones to load.
        seen: set[str] = set()
        for view in views:
            view["repeated"] = view["headline"] in seen
            seen.add(view["headline"])
        pages[f"chronologie/{page.slug}.md"] = page_template.render(
            page=page,
            entries=views,
            previous=plan.pages[i - 1] if i > 0 else None,
            following=plan.pages[i + 1] if i + 1 < len(plan.pages) else None,
            facets=facets,
            jsonld=jsonld.events_graph(
                [e for entry in page.entries for e in entry.events],
                plan,
                site,
                articles,
                gazetteer,
            ),
        )
    told_often = env.get_template("chronologie-bronnen.md.j2")
    for entry in plan.entries:
        if len(entry.main.sources) > SOURCES_SHOWN:
            pages[f"chronologie/bronnen/{entry.main.id}.md"] = told_often.render(e=entry.main)
    filter_template = env.get_template("chronologie-filter.md.j2")
    for facet in facets:
        for value in facet["values"]:
            rows = [e for e in plan.entries if value["id"] in values[(id(e), facet["id"])]]
            chunks = [rows[i : i + FILTER_PER_PAGE] for i in range(0, len(rows), FILTER_PER_PAGE)]
            for n, chunk in enumerate(chunks, start=1):
                slug = value["slug"] if n == 1 else f"{value['slug']}-{n}"
                pages[f"chronologie/filter/{slug}.md"] = filter_template.render(
                    facet=facet,
                    value=value,
                    rows=[entry.main for entry in chunk],
                    part=n,
                    parts=len(chunks),
                    milestones=milestones,
                )
    steps = [entry.main for entry in plan.entries if entry.main.id in milestones]
    pages["chronologie/index.md"] = env.get_template("chronologie.md.j2").render(
        event_count=len(corpus.events),
        article_count=len(corpus.articles),
        milestones=steps[:MAX_MILESTONES],
        more_milestones=len(steps) > MAX_MILESTONES,
        timeline=timeline_svg(steps[:MAX_MILESTONES], plan),
        pages=[{"slug": p.slug, "title": p.title, "count": len(p.entries)} for p in plan.pages],
        facets=facets,
    )
    return pages


SHEET_EVENTS = 30  # events listed on a weapon sheet; all of them are on its filter page
MAX_MILESTONES = 40  # on the overview; the rest are in the pages, marked


def _facet_values(event: Event, facet: str, gazetteer: Gazetteer) -> list[str]:
    if facet == "leverancier":
        return chronology.suppliers_of(event, gazetteer)
    if facet == "wapen":
        return list(event.weapons)
    if facet == "plaats":
        return list(event.places)
    return [event.certainty.value]


def _facets(
    plan: Layout, values: dict[tuple[int, str], list[str]], gazetteer: Gazetteer
) -> list[dict[str, Any]]:
    """Each facet's values that occur, most frequent first, with their filter page slug."""
    result = []
    for facet, title in FACETS:
        counts: dict[str, int] = {}
        for entry in plan.entries:
            for value in values[(id(entry), facet)]:
                counts[value] = counts.get(value, 0) + 1
        shown = [
            {
                "id": value,
                "name": CERTAINTY_LABELS.get(value)
                if facet == "zekerheid"
                else _name(value, gazetteer),
                "slug": f"{facet}-{value}",
                "count": count,
            }
            for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        result.append({"id": facet, "title": title, "values": shown})
    return result


def _entry_view(
    entry: chronology.Entry,
    gazetteer: Gazetteer,
    milestones: set[str],
    repository: str | None,
    values: dict[tuple[int, str], list[str]],
) -> dict[str, Any]:
    view = _with_links(entry.main, gazetteer, repository)
    view["also"] = entry.also
    # A merged event: how each source itself tells it (label, who it cites, its sentence).
    # The first few only: an event told by a thousand articles would make a page of megabytes;
    # its own sources page lists them all.
    tellings = [s for s in distinct_sources(entry.main.sources) if s.certainty]
    view["tellings"] = tellings[:SOURCES_SHOWN]
    view["tellings_more"] = len(tellings) - len(view["tellings"])
    view["milestone"] = entry.main.id in milestones
    view["decision"] = _is_decision(entry.main)
    view["data"] = {facet: " ".join(values[(id(entry), facet)]) for facet, _ in FACETS}
    return view


def _is_decision(event: Event) -> bool:
    """A permission given or lifted: not a party's claim about one, not a plan."""
    from generator.extract.merge import action_of

    if event.certainty in (Certainty.CLAIMED, Certainty.PLANNED):
        return False
    return action_of(event) == "permission"


def timeline_svg(events: list[Event], plan: Layout) -> Markup:
    """The milestones on a time axis drawn to scale: a numbered dot per milestone at its
    date (the numbers are those of the list below it), years marked, each dot a link to
    its entry. Dots too close to share a row stack. Plain SVG, no script; it scales to the
    screen's width."""
    if not events:
        return Markup("")
    width, left, right, row = 360, 18, 342, 24
    first = min(e.date.start for e in events)
    last = max(e.date.end for e in events)
    first, last = date(first.year, 1, 1) if (last - first).days > 700 else first, last
    span = max((last - first).days, 1)

    def x(day: date) -> float:
        return round(left + (right - left) * (day - first).days / span, 1)

    rows: list[float] = []  # the rightmost dot of each row
    dots = []
    for n, event in enumerate(events, start=1):
        middle = event.date.start + (event.date.end - event.date.start) / 2
        at = x(middle)
        level = next((i for i, end in enumerate(rows) if at - end >= 2 * 10), len(rows))
        if level == len(rows):
            rows.append(at)
        rows[level] = at
        dots.append((n, event, at, level))
    axis = 22 + row * len(rows)
    height = axis + 22
    parts = [
        Markup(
            '<svg class="tijdlijn" role="group" viewBox="0 0 {w} {h}" width="100%" '
            'aria-labelledby="tijdlijn-titel" xmlns="http://www.w3.org/2000/svg">'
            '<title id="tijdlijn-titel">Tijdlijn van de mijlpalen, op schaal</title>'
            '<line x1="{l}" y1="{a}" x2="{r}" y2="{a}" class="tijdlijn-as"/>'
        ).format(w=width, h=height, l=left, r=right, a=axis)
    ]
    ticks = [date(year, 1, 1) for year in range(first.year + 1, last.year + 1)]
    labels = [(first, "start"), *((t, "middle") for t in ticks), (last, "end")]
    for day, anchor in labels:
        month = MONTHS_NL[day.month - 1][:3]
        label = str(day.year) if anchor == "middle" else f"{month} {day.year}"
        parts.append(
            Markup(
                '<line x1="{x}" y1="{a1}" x2="{x}" y2="{a2}" class="tijdlijn-as"/>'
                '<text x="{x}" y="{ty}" text-anchor="{anchor}" '
                'class="tijdlijn-datum">{label}</text>'
            ).format(x=x(day), a1=axis - 4, a2=axis + 4, ty=axis + 17, anchor=anchor, label=label)
        )
    # The stems first, so that no stem crosses a dot drawn before it.
    for _, _, at, level in dots:
        parts.append(
            Markup('<line x1="{x}" y1="{y}" x2="{x}" y2="{a}" class="tijdlijn-steel"/>').format(
                x=at, y=axis - row * (level + 1), a=axis
            )
        )
    for n, event, at, level in dots:
        y = axis - row * (level + 1)
        link = href(f"{plan.event_page(event).removeprefix('chronologie/')}#{event.id}")
        parts.append(
            Markup(
                '<a href="{link}"><title>{n}. {date}: {headline}</title>'
                '<circle cx="{x}" cy="{y}" r="10" class="tijdlijn-punt zekerheid-{c}"/>'
                '<text x="{x}" y="{ty}" text-anchor="middle" class="tijdlijn-nummer">{n}</text></a>'
            ).format(
                link=link,
                n=n,
                date=text(event.date.label),
                headline=text(event.headline),
                x=at,
                y=y,
                ty=y + 4,
                c=event.certainty.value,
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


_short = cut_between_words


def _with_links(event: Event, gazetteer: Gazetteer, repository: str | None) -> dict[str, Any]:
    links = [
        Link(gazetteer.entries[w].name, f"../../wapens/{w}/")
        for w in event.weapons
        if w in gazetteer.entries
    ]
    view = dict(vars(event))
    view["links"] = links
    view["place_links"] = [
        Link(gazetteer.entries[p].name, f"../filter/plaats-{p}/")
        for p in event.places
        if p in gazetteer.entries
    ]
    view["summary_html"] = _marked(event.summary, event.clause)
    view["was"] = [_was(c, gazetteer) for c in event.changes]
    # ids of events merged into this one: old links to them land on this entry
    view["merged_ids"] = [
        i for c in event.changes if c.field == "merge" and isinstance(c.old, list) for i in c.old
    ]
    view["correct_url"] = correction_url(repository, event) if repository else None
    return view


def _was(change: Change, gazetteer: Gazetteer) -> str:
    """What a correction replaced, in Dutch, for beside the corrected value."""

    def names(ids: str | list[str]) -> str:
        items = [ids] if isinstance(ids, str) else ids
        shown = [gazetteer.entries[i].name if i in gazetteer.entries else i for i in items]
        return ", ".join(shown) or "geen"

    old = change.old
    if change.field == "date" and isinstance(old, str):
        return f"datum was {dates.parse(old).label}"
    if change.field == "certainty" and isinstance(old, str):
        return f"zekerheid was {CERTAINTY_LABELS.get(old, old)}"
    if change.field == "summary":
        return f"samenvatting was “{old}”"
    if change.field == "attributed_to":
        return f"toegeschreven aan was {names(old)}"
    if change.field == "merge" and isinstance(old, list):
        return f"was {len(old) + 1} aparte gebeurtenissen: {change.new}, {names(old)}"
    if change.field == "split":
        return f"bronnen afgesplitst naar {names(change.new)}"
    if change.field == "split_from":
        return f"afgesplitst van {names(old)}"
    label = {"weapons": "wapens", "places": "plaatsen", "actors": "actoren"}.get(change.field)
    return f"{label or change.field} was {names(old)}"


def _marked(summary: str, clause: str) -> Markup:
    """The quote as text, with the clause this event stands on marked when it is a part."""
    index = summary.find(clause) if clause and clause != summary else -1
    if index < 0:
        return text(summary)
    end = index + len(clause)
    return (
        text(summary[:index])
        + Markup("<mark>")
        + text(clause)
        + Markup("</mark>")
        + text(summary[end:])
    )


def _weapon_entries(corpus: Corpus, gazetteer: Gazetteer) -> list[GazetteerEntry]:
    """Weapons that have something to show: editors' specs, figures or events from the
    articles (a name merely mentioned gives no sheet), by name."""
    with_facts = {f.about for f in corpus.facts}
    closure = gazetteer.broader_closure()
    in_events = {w for e in corpus.events for w in e.weapons}
    in_events |= {g for w in in_events for g in closure.get(w, frozenset())}
    return sorted(
        (
            e
            for e in gazetteer.of_kind(EntityKind.WEAPON)
            if e.specs or e.id in with_facts or e.id in in_events
        ),
        key=lambda e: e.name.lower(),
    )


def _narrower(weapon: str, gazetteer: Gazetteer) -> set[str]:
    closure = gazetteer.broader_closure()
    return {weapon} | {w for w, wider in closure.items() if weapon in wider}


def _name(entity: str, gazetteer: Gazetteer) -> str:
    entry = gazetteer.entries.get(entity)
    return entry.name if entry else entity


HOME_STEPS = 3  # steps per line on Home: the latest; the sheet and chronology have all
SHEET_STEPS = 12  # steps on a weapon sheet
SHEET_FACTS = 40  # figures from the articles on a weapon sheet; all are in data/facts.json


def _story_lines(story: Story, gazetteer: Gazetteer) -> list[dict[str, Any]]:
    """Per supplier and weapon, its latest steps and the weapon's first reported use."""
    lines = []
    for (supplier, weapon), steps in story.lines.items():
        lines.append(
            {
                "supplier": _name(supplier, gazetteer),
                "supplier_id": supplier,
                "weapon": weapon,
                "steps": [(step, True) for step in steps[-HOME_STEPS:]],
                "earlier": len(steps) - len(steps[-HOME_STEPS:]),
                "first_use": story.first_use.get(weapon),
                "sheet": weapon in gazetteer.entries,
            }
        )
    return lines


def _weapon(
    env: Environment,
    corpus: Corpus,
    story: Story,
    plan: Layout,
    gazetteer: Gazetteer,
    weapon: GazetteerEntry,
) -> str:
    related = _narrower(weapon.id, gazetteer) if not weapon.specs else {weapon.id}
    # In the chronology's order: by date, then by the story's own cues.
    events = [e for entry in plan.entries for e in entry.events if related & set(e.weapons)]
    published = {a.stem: a.meta.published.start for a in corpus.articles if a.meta.published}
    about = [f for f in corpus.facts if f.about == weapon.id]
    # The latest figures (by their article's date), in the order told; all are open data.
    latest = sorted(
        about, key=lambda f: published.get(f.sources[0].article if f.sources else "", date.min)
    )
    shown = {id(f) for f in latest[-SHEET_FACTS:]}
    facts = [_fact_view(f) for f in about if id(f) in shown]
    specs = [
        {
            "what": s.what,
            "source": s.source,
            "display": _spec_display(s.value, s.unit, s.qualifier, s.text),
        }
        for s in weapon.specs
    ]
    all_steps = story.for_weapon(weapon.id, gazetteer)
    steps = all_steps[-SHEET_STEPS:]
    return env.get_template("wapen.md.j2").render(
        weapon=weapon,
        specs=specs,
        facts=facts,
        fact_count=len(about),
        events=events,
        shown_events=events[-SHEET_EVENTS:],
        has_filter=any(weapon.id in e.weapons for e in corpus.events),
        story={
            "supplier": _name(weapon.country, gazetteer) if weapon.country else None,
            "supplier_id": weapon.country or "",
            "weapon": weapon.id,
            "steps": steps,
            "earlier": len(all_steps) - len(steps),
            "first_use": story.first_use.get(weapon.id),
            "sheet": False,
        },
    )


def percent(share: float) -> str:
    """A share as Dutch readers see it in a table: 0.805 -> "81%"."""
    return f"{round(share * 100)}%"


def format_number(value: float) -> str:
    """Dutch digits: 17.000, 1,5; millions and billions in words: 221 miljoen, 1,5 miljard."""
    for scale, word in ((1_000_000_000, "miljard"), (1_000_000, "miljoen")):
        if abs(value) >= scale:
            return f"{format_number(round(value / scale, 2))} {word}"
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.2f}".rstrip("0").replace(",", "X").replace(".", ",").replace("X", ".")


# Money as Dutch news writes it: "221 miljoen dollar", not "221.000.000 USD".
CURRENCY_WORDS = {"USD": "dollar", "EUR": "euro", "GBP": "pond"}


def _spec_display(
    value: float | None, unit: str | None, qualifier: str | None, text: str | None
) -> str:
    if value is None:
        return text or ""
    shown_unit = CURRENCY_WORDS.get(unit or "", unit or "")
    parts = [qualifier or "", format_number(value), shown_unit]
    return " ".join(p for p in parts if p)


def _fact_view(fact: Fact) -> dict[str, Any]:
    view = dict(vars(fact))
    view["display"] = _spec_display(fact.value, fact.unit, fact.qualifier, None)
    return view


def _article(env: Environment, article: Article, cited: set[str], seeds_rel: str, site: str) -> str:
    from generator.render.jsonld import article_block  # it builds on this module

    return env.get_template("bron.md.j2").render(
        article={
            "title": article.title,
            "outlet": article.meta.outlet,
            "published": published_label(article),
            "url": article.meta.url,
            "licence": article.meta.licence,
        },
        full_text=article.meta.full_text,
        basis=article.meta.basis,
        paragraphs=source_paragraphs(article, cited),
        cited=cited,
        jsonld=article_block(article, site),
        source_path=f"{seeds_rel}/{Path(article.path).name}",
    )


def source_paragraphs(article: Article, cited: set[str]) -> list[dict[str, Any]]:
    """What a source page shows: every paragraph when the licence allows the full text,
    else only the cited sentences, in the paragraphs they stand in, with their gaps marked."""
    shown = []
    for p in article.paragraphs:
        keep = [
            (i, s) for i, s in enumerate(p.sentences) if article.meta.full_text or s.anchor in cited
        ]
        if not keep:
            continue
        sentences = []
        previous = -1
        for i, s in keep:
            sentences.append({"anchor": s.anchor, "text": s.text, "gap_before": i != previous + 1})
            previous = i
        shown.append(
            {
                "number": p.number,
                "anchor": p.anchor,
                "kind": p.kind.value,
                "credit": p.credit,
                "sentences": sentences,
                "gap_after": previous != len(p.sentences) - 1,
            }
        )
    return shown
