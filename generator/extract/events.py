"""Events: the datable happenings an article reports, one per clause that carries one.

A sentence reports an event when it has a resolved time expression that dates a
happening, or a verb of happening in a past or perfect form with something it is about
(a weapon, an actor, a place). Background (ongoing states, negations, questions about
what is not known) is left out. Certainty and attribution come from cues in the
sentence and its neighbours ("Dat melden AP en Reuters.").
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from generator import dates
from generator.dutch import attribution
from generator.dutch.names import find_names
from generator.dutch.timex import find_time_expressions
from generator.extract.mentions import MentionFinder
from generator.model import (
    Article,
    BlockKind,
    DateValue,
    EntityKind,
    Event,
    Mention,
    Sentence,
    SourceRef,
    TimeExpression,
)

# Verb forms that report a one-off happening (past, perfect, passive perfect).
# Verbs of one-off happenings, as participles (perfect, pluperfect, passive) and as
# simple past forms. The perfect tells news ("heeft gegeven": now relevant), the simple
# past tells a story ("gaf"): that decides which date an undated sentence gets.
PARTICIPLES = """gegeven ingezet neergehaald geleverd aangevallen verleend opgeheven goedgekeurd
    aangekondigd gelanceerd afgevuurd geraakt aangekomen gestuurd toegestaan voltooid vernietigd
    getroffen ondertekend besloten ontmoet bezocht binnengevallen gewaarschuwd onderschept
    beschoten bestookt uitgevoerd opgeschort hervat toegezegd beloofd verboden geweigerd
    overgedragen afgeleverd versoepeld ingetrokken gepresenteerd getoond ingeslagen
    bekendgemaakt""".split()
PAST_FORMS = """gaf gaven hief hieven keurde keurden lanceerde lanceerden vuurde vuurden viel vielen
    binnenviel stuurde stuurden leverde leverden kondigde kondigden aankondigde ontmoette
    ontmoetten bezocht bezochten dreigde antwoordde kwamen kwam arriveerde arriveerden trof
    troffen bestookte beschoot inzette voltooide waarschuwde onderschepte sloeg sloegen raakte
    raakten schoot schoten toonde stemde stemden weigerde beloofde zette draaide
    maakte""".split()
_PERFECT_RE = re.compile(
    r"\b(?:heeft|hebben|had|hadden|is|zijn|was|waren|werd|werden|zou|zouden)\b[^.;]{0,120}?\b"
    rf"(?:{'|'.join(PARTICIPLES)})\b",
    re.IGNORECASE,
)
_PAST_RE = re.compile(
    rf"\b(?:{'|'.join(PAST_FORMS)})\b|\bhad\b[^.;]{{0,80}}\bontmoeting\b", re.IGNORECASE
)
_IMMINENT_RE = re.compile(
    r"\bop het punt staat\b|\baan de gang\b|\bgaat\b(?:\s+\w+){0,2}\s+naar\b", re.IGNORECASE
)


def happening(text: str) -> bool:
    return bool(_PERFECT_RE.search(text) or _PAST_RE.search(text) or _IMMINENT_RE.search(text))


_PRESENT_PERFECT_RE = re.compile(
    r"\b(?:heeft|hebben|is|zijn)\b[^.;]{0,120}?\b" rf"(?:{'|'.join(PARTICIPLES)})\b",
    re.IGNORECASE,
)
_PLUPERFECT_RE = re.compile(
    r"\b(?:had|hadden|was|waren)\b[^.;]{0,120}?\b" rf"(?:{'|'.join(PARTICIPLES)})\b",
    re.IGNORECASE,
)


def narrative_past(text: str) -> bool:
    """Simple past or pluperfect, no present perfect: the sentence goes on telling a story."""
    told = _PAST_RE.search(text) or _PLUPERFECT_RE.search(text)
    return bool(told) and not _PRESENT_PERFECT_RE.search(text)


# Ongoing states and non-events that a time expression does not turn into a happening.
BACKGROUND_RE = re.compile(
    r"^(?:Wanneer|Hoe|Of|Waarom)\b|\bis niet bekend\b|\bis onduidelijk\b|\bniet uitgesloten\b|"
    r"\btot nu toe\b|\bzinspeelt\b|\binmiddels\b|\blange tijd\b|\bsteeds\b",
    re.IGNORECASE,
)
# A sentence that goes on about the previous event rather than telling a new one.
CONTINUATION_RE = re.compile(
    r"^(?:Het|Dit|Dat)\s+(?:zou|zal)?\s*(?:\w+\s+){0,2}gaan\s+om\b|\bdaarbij\b|\bna afloop\b|"
    r"\bzij dan\b|\bze dan\b|\bhij dan\b",
    re.IGNORECASE,
)
# "Dat gebeurde woensdagnamiddag": the date of what the previous sentence told.
DATING_RE = re.compile(r"^(?:Dat|Dit|Het)\s+(?:gebeurde|gebeurt|was|vond\b[^.;]{0,40}\bplaats)\b")
# A caption dates a happening only when it shows one ("Een test met ..."), not an object.
EVENT_NOUNS = (
    "test",
    "aanval",
    "lancering",
    "ontmoeting",
    "bijeenkomst",
    "bezoek",
    "inzet",
    "levering",
    "top",
    "persconferentie",
    "toespraak",
    "explosie",
    "inslag",
)
_CAPTION_EVENT_RE = re.compile(
    r"^(?:\w+\s+){0,2}(?:" + "|".join(EVENT_NOUNS) + r")\b", re.IGNORECASE
)
_HOEWEL_RE = re.compile(r"^(?:Hoewel|Ofschoon|Terwijl)\b[^,]*,\s*")
# Countries and capitals that stand for their governments ("Kyiv kreeg toestemming") are
# places only after a preposition of place or direction.
METONYMS = frozenset(
    {
        "russia",
        "ukraine",
        "united-states",
        "united-kingdom",
        "kyiv",
        "washington",
        "moscow",
        "london",
    }
)
_PLACE_PREPOSITION_RE = re.compile(
    r"\b(?:in|naar|voor|op|binnen|tegen|richting|via|uit|over|dieper in|diep in)\s+"
    r"(?:het\s+|de\s+)?$",
    re.IGNORECASE,
)
# Weapons delivered "aan" a country go to a place; permission "aan Kyiv" goes to a government.
_DELIVERY_RE = re.compile(r"\b(?:ge)?lever\w*|\bstuurd\w*|\bgestuurd\b|\bverkoop\b", re.IGNORECASE)
_RECIPIENT_RE = re.compile(r"\baan\s+(?:het\s+|de\s+)?$", re.IGNORECASE)
_ANONYMOUS_GROUP_RE = re.compile(
    r"\b(?:zeggen|melden|meldden|zeiden|bevestigen|stellen)\s+((?:[A-Z]\w+e\s+)?"
    r"(?:ambtenaren|functionarissen|bronnen|ingewijden|diplomaten|officials|militairen))\b"
)
_REPORT_VERB = r"(?:meld\w*|bericht\w*|schrij\w*|schre\w*|zeg\w*|zei\w*|stel\w*|bevestig\w*)"
# "Dat melden AP en Reuters.", "Het persagentschap Bloomberg meldde woensdag op basis van
# ...": a sentence that only says where what came before it comes from.
_FOLLOW_UP_RE = re.compile(rf"^(?:Dat|Daarover|Dit|Zo)\s+{_REPORT_VERB}\b")
_MEDIUM_LEAD_RE = re.compile(
    r"^(?:(?:Het|De)\s+(?:\w+\s+)?(?:persagentschap|persbureau|krant|nieuwssite|zender|"
    r"website|tijdschrift|omroep)\s+)?"
)
_REPORT_TAIL_RE = re.compile(rf"^\s+{_REPORT_VERB}\b(?:\s+\w+)?\s+(?:op\s+basis\s+van|dat\b|,)")


def is_follow_up(text: str, finder: MentionFinder) -> bool:
    if _FOLLOW_UP_RE.match(text):
        return True
    lead = _MEDIUM_LEAD_RE.match(text)
    start = lead.end() if lead else 0
    first = next(iter(finder.find(text[start:])), None)
    return (
        first is not None
        and first.start == 0
        and first.kind is EntityKind.MEDIUM
        and bool(_REPORT_TAIL_RE.match(text[start + first.end :]))
    )


_VOLGENS_RE = re.compile(r"\b[Vv]olgens\s+(?:de\s+|het\s+)?")
_MEDIA_PHRASE_RE = re.compile(r"\b(?:(?:\w+\s+)?(?P<adj>[A-Z]\w+e)\s+)media\b")
_VOLGENS_BEFORE_RE = re.compile(r"\b[Vv]olgens\b[^,.;:\"“]{0,40}$")
_PRONOUN_SPEAKER_RE = re.compile(r"\b(?:antwoordde|zei|zegt|verklaarde)\s+(?:hij|zij|ze)\b")


@dataclass(frozen=True)
class Attribution:
    names: list[str]
    party: bool  # a party to the conflict or an interested side asserts it
    media: bool  # rests on a news outlet or on unnamed sources
    speech_event: bool  # the statement itself is the happening (a quote, a threat)


def event_id(stem: str, sentence: Sentence, clause: int) -> str:
    """Stable across builds and across added articles: it depends on its own source only."""
    key = f"{stem}#{sentence.anchor}#{clause}"
    return "e-" + hashlib.sha1(key.encode()).hexdigest()[:10]


def extract_events(
    article: Article,
    finder: MentionFinder,
    anchors: Mapping[str, DateValue],
    broader: Mapping[str, frozenset[str]] | None = None,
    parents: Mapping[str, tuple[str, ...]] | None = None,
) -> list[Event]:
    """The events one article tells, in text order, before any merging."""
    published = article.meta.published
    on = published.start if published else None
    broader = broader or {}
    story: DateValue | None = None  # the date the article's story has reached
    events: list[Event] = []
    undated: list[Event] = []  # the last events dated only by a fallback
    sentences = [s for s in article.sentences if s.kind in (BlockKind.BODY, BlockKind.CAPTION)]
    single = _single_named_weapons(sentences, finder, parents or {})
    recent_weapons: list[str] = []
    for i, sentence in enumerate(sentences):
        expressions = find_time_expressions(sentence.text, published, story, anchors)
        mentions = resolve_weapons(
            sentence.text, finder.find(sentence.text, on), recent_weapons, broader, single
        )
        named = [m.entity for m in mentions if m.kind is EntityKind.WEAPON]
        if not named and recent_weapons and _WEAPON_ANAPHOR_RE.search(sentence.text):
            anchor = _WEAPON_ANAPHOR_RE.search(sentence.text)
            assert anchor is not None
            mentions = [
                *mentions,
                *(
                    Mention(w, EntityKind.WEAPON, anchor.start(), anchor.end(), anchor.group(0))
                    for w in recent_weapons
                ),
            ]
        recent_weapons = [
            m.entity for m in mentions if m.kind is EntityKind.WEAPON and broader.get(m.entity)
        ] or recent_weapons
        dated = [
            e
            for e in expressions
            if e.date is not None and not _dates_the_report(sentence.text, e, mentions)
        ]
        if is_follow_up(sentence.text, finder):
            reported = [e.date for e in expressions if e.date is not None]
            for event in undated:
                close = event.sources[0].paragraph in (sentence.paragraph, sentence.paragraph - 1)
                if reported and close:
                    event.date = reported[-1]  # it happened by the time it was reported
            undated = []
            continue
        if events and not dated and CONTINUATION_RE.search(sentence.text):
            _continue(events[-1], sentence, mentions)
            continue
        if undated and dated and DATING_RE.match(sentence.text):
            event = undated[-1]
            first = dated[0].date
            assert first is not None
            event.date = first
            _continue(event, sentence, mentions)
            story, undated = first, []
            continue
        inherited = _quoted_from(sentences, i, finder, on)
        told: list[Event] = []
        if _is_event(sentence, dated, mentions + inherited):
            fallback = _fallback_date(sentence.text, published, story)
            told = _sentence_events(
                article.stem,
                sentence,
                dated,
                fallback,
                published,
                mentions,
                _inherited_weapons(inherited, recent_weapons, broader, single),
                _attribution(sentences, i, finder),
            )
            events.extend(told)
            undated = told if not dated else []
        if dated:
            # The story moves on to the latest date told ("twee dagen later" leans on it).
            story = max((e.date for e in dated if e.date), key=lambda d: (d.start, d.end))
        elif told and narrative_past(sentence.text):
            story = told[-1].date
    return events


def _fallback_date(
    text: str, published: DateValue | None, story: DateValue | None
) -> DateValue | None:
    """An undated happening: in the perfect it is news (publication date); in the simple
    past it goes on with the story, as precisely as its month."""
    if story is None or not narrative_past(text):
        return published
    if story.end - story.start >= timedelta(days=27):
        return story
    return dates.parse(dates.month(story.start.year, story.start.month))


def _inherited_weapons(
    inherited: list[Mention],
    recent: Sequence[str],
    broader: Mapping[str, frozenset[str]],
    single: Mapping[str, str],
) -> list[str]:
    return _ids(resolve_weapons("", inherited, recent, broader, single), EntityKind.WEAPON)


def _sentence_events(
    stem: str,
    sentence: Sentence,
    dated: Sequence[TimeExpression],
    fallback: DateValue | None,
    published: DateValue | None,
    mentions: list[Mention],
    inherited_weapons: list[str],
    attr: Attribution,
) -> list[Event]:
    """One event per differently dated clause of the sentence."""
    found = attribution.cues(sentence.text)
    told: list[Event] = []
    clauses = _clause_dates(sentence.text, dated, fallback)
    # Clauses share out the names only when each is dated on its own; a "nadat" clause
    # dates the main clause, which is elsewhere in the sentence.
    split = len(clauses) > 1 and all(e.relation not in ("after", "before") for e in dated)
    for clause, (when, span) in enumerate(clauses):
        if when is None:
            continue
        own = [m for m in mentions if span[0] <= m.start < span[1]] if split else mentions
        future = published is not None and when.start > published.end
        certainty = attribution.decide(
            party_claim=attr.party and not attr.speech_event,
            media_report=attr.media,
            found=found,
            future=future,
        )
        told.append(
            Event(
                id=event_id(stem, sentence, clause),
                date=when,
                summary=_summary(sentence.text),
                weapons=_ids(own, EntityKind.WEAPON) or inherited_weapons,
                places=_places(sentence.text, own),
                actors=_ids(mentions, EntityKind.ACTOR),
                certainty=certainty,
                attributed_to=list(attr.names),
                sources=[SourceRef(stem, sentence.paragraph, sentence.index, sentence.text)],
                clause=sentence.text[span[0] : span[1]],
            )
        )
    return told


def _single_named_weapons(
    sentences: Sequence[Sentence], finder: MentionFinder, parents: Mapping[str, tuple[str, ...]]
) -> dict[str, str]:
    """Categories with a single named weapon in this article: there, the category
    ("langeafstandsraketten") can only mean that weapon. {category: weapon}"""
    named = {
        m.entity
        for s in sentences
        for m in finder.find(s.text)
        if m.kind is EntityKind.WEAPON and parents.get(m.entity)
    }
    by_category: dict[str, list[str]] = {}
    for weapon in sorted(named):
        by_category.setdefault(parents[weapon][0], []).append(weapon)
    return {category: ws[0] for category, ws in by_category.items() if len(ws) == 1}


# "er ... mee", "de eerste systemen", "die toestellen": weapons named just before.
_WEAPON_ANAPHOR_RE = re.compile(
    r"\b(?:ermee|daarmee|er\b[^.;]{0,60}\bmee|(?:de\s+eerste|die|deze|dezelfde)\s+"
    r"(?:exemplaren|systemen|toestellen|raketten|wapens|kruisraketten))\b",
    re.IGNORECASE,
)
_ANAPHOR_RE = re.compile(r"\b(?:die|deze|dergelijke|dezelfde)\s+$", re.IGNORECASE)


def resolve_weapons(
    text: str,
    mentions: list[Mention],
    recent: Sequence[str],
    broader: Mapping[str, frozenset[str]],
    single: Mapping[str, str] | None = None,
) -> list[Mention]:
    """'die langeafstandsraketten' are the ATACMS named just before; 'de langeafstandsraket
    Storm Shadow' is Storm Shadow. A category gives way to the weapon it stands for."""
    result: list[Mention] = []
    for index, m in enumerate(mentions):
        if m.kind is EntityKind.WEAPON:
            following = mentions[index + 1] if index + 1 < len(mentions) else None
            if (
                following is not None
                and following.kind is EntityKind.WEAPON
                and m.entity in broader.get(following.entity, frozenset())
                and not text[m.end : following.start].strip(" ,")
            ):
                continue  # apposition: the category names the weapon that follows
            narrower = [w for w in recent if m.entity in broader.get(w, frozenset())]
            if narrower and _ANAPHOR_RE.search(text[: m.start]):
                result.append(Mention(narrower[0], m.kind, m.start, m.end, m.surface))
                continue
            named_here = any(o.entity == (single or {}).get(m.entity) for o in mentions)
            if single and m.entity in single and not named_here:
                result.append(Mention(single[m.entity], m.kind, m.start, m.end, m.surface))
                continue
        result.append(m)
    return result


def _continue(event: Event, sentence: Sentence, mentions: list[Mention]) -> None:
    """Fold a sentence that elaborates the previous event into it ("Het zou gaan om ...")."""
    for value in _ids(mentions, EntityKind.WEAPON):
        if value not in event.weapons:
            event.weapons.append(value)
    for value in _places(sentence.text, mentions):
        if value not in event.places:
            event.places.append(value)
    for value in _ids(mentions, EntityKind.ACTOR):
        if value not in event.actors:
            event.actors.append(value)
    event.sources.append(
        SourceRef(sentence.article, sentence.paragraph, sentence.index, sentence.text)
    )


def _dates_the_report(text: str, expr: TimeExpression, mentions: list[Mention]) -> bool:
    """'schreef Nieuwsuur eerder vanavond': the time is when a medium reported, no happening."""
    window = text[max(0, expr.start - 40) : expr.end + 40]
    if not attribution.has_speech_verb(window):
        return False
    media = [m for m in mentions if m.kind is EntityKind.MEDIUM and abs(m.start - expr.start) <= 40]
    parties = [
        m for m in mentions if m.kind is EntityKind.ACTOR and abs(m.start - expr.start) <= 60
    ]
    return bool(media) and not parties


def _is_event(sentence: Sentence, dated: Sequence[TimeExpression], mentions: list[Mention]) -> bool:
    text = sentence.text
    if text.rstrip().endswith("?") or BACKGROUND_RE.search(text):
        return False
    if attribution.cues(_HOEWEL_RE.sub("", text)).negated:
        return False
    if sentence.kind is BlockKind.CAPTION:
        return bool(dated) and bool(_CAPTION_EVENT_RE.match(text))
    is_happening = happening(text)
    if dated:
        ongoing = all(e.relation == "since" for e in dated) and not is_happening
        return not ongoing
    specific = any(m.kind in (EntityKind.WEAPON, EntityKind.ACTOR) for m in mentions)
    return is_happening and specific


def _quoted_from(
    sentences: Sequence[Sentence], i: int, finder: MentionFinder, on: date | None
) -> list[Mention]:
    """A quotation that continues the previous sentence's speaker shares what it is about."""
    if i == 0 or sentences[i].text.lstrip()[:1] not in '"“':
        return []
    before = sentences[i - 1].text
    if not attribution.has_speech_verb(before):
        return []
    return finder.find(before, on)


_CLAUSE_BOUNDARY_RE = re.compile(r"[,;:]|\s(?:en|maar|nadat|voordat|dat|toen|waarna)\s")


def _clause_dates(
    text: str, dated: Sequence[TimeExpression], fallback: DateValue | None
) -> list[tuple[DateValue | None, tuple[int, int]]]:
    """One date per clause: a differently dated expression after a clause boundary opens an
    event of its own; within one clause the last expression dates it. With more than one
    clause each gets the span of the clause it dates ("twee dagen nadat X, Y" dates Y)."""
    if not dated:
        return [(fallback, (0, len(text)))]
    groups: list[list[TimeExpression]] = [[dated[0]]]
    for expr in dated[1:]:
        between = text[groups[-1][0].start : expr.start]
        if _CLAUSE_BOUNDARY_RE.search(between):
            groups.append([expr])
        else:
            groups[-1].append(expr)
    segments = _segments(text)
    result: list[tuple[DateValue | None, tuple[int, int]]] = []
    seen: set[str] = set()
    for group in groups:
        when = group[-1].date
        assert when is not None
        if when.edtf in seen:
            continue
        seen.add(when.edtf)
        span = (0, len(text)) if len(groups) == 1 else _clause_of(group[-1], segments)
        result.append((when, span))
    return result


_SEGMENT_RE = re.compile(r"[,;:]\s+|\s(?=(?:en|maar|waarna)\s)")


def _segments(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in _SEGMENT_RE.finditer(text)] + [len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if text[a:b].strip()]


def _clause_of(expr: TimeExpression, segments: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause an expression dates: its own, or for "N dagen nadat ..." the main one."""
    index = next((i for i, (a, b) in enumerate(segments) if a <= expr.start < b), 0)
    if re.search(r"\b(?:nadat|voordat)\b", expr.text, re.IGNORECASE):
        index = index + 1 if index + 1 < len(segments) else max(index - 1, 0)
    a, b = segments[index]
    return a, b


def _ids(mentions: list[Mention], kind: EntityKind) -> list[str]:
    result: list[str] = []
    for m in mentions:
        if m.kind is kind and m.entity not in result:
            result.append(m.entity)
    return result


def _places(text: str, mentions: list[Mention]) -> list[str]:
    """Places of the happening; a country or capital that acts ("Kyiv kreeg") is no place."""
    result: list[str] = []
    delivery = bool(_DELIVERY_RE.search(text))
    for m in mentions:
        if m.kind is not EntityKind.PLACE or m.entity in result:
            continue
        before = text[max(0, m.start - 30) : m.start]
        as_place = (
            _PLACE_PREPOSITION_RE.search(before)
            or (delivery and _RECIPIENT_RE.search(before))  # "geleverd aan Rusland"
            or "grondgebied" in m.surface
            or "regio" in m.surface
        )
        if m.entity in METONYMS and not as_place:
            continue
        result.append(m.entity)
    return result


def _summary(text: str) -> str:
    # The whole sentence: a shortened quote would no longer be one.
    return re.sub(r"\s+", " ", text).strip()


def _attribution(sentences: Sequence[Sentence], i: int, finder: MentionFinder) -> Attribution:
    sentence = sentences[i]
    text = sentence.text
    names: list[str] = []
    party = media = False
    found = attribution.cues(text)
    own = _speakers(text, finder)
    inherited = False
    if not own:
        # "Dat melden AP en Reuters." covers what its paragraph said before it, and a
        # report that opens the next paragraph covers the sentence just before it.
        for later in sentences[i + 1 :]:
            next_paragraph = later.paragraph != sentence.paragraph
            if next_paragraph and later is not sentences[i + 1]:
                break
            if is_follow_up(later.text, finder):
                own = _speakers(later.text, finder)
                break
            if next_paragraph:
                break
    if not own and text.lstrip()[:1] in '"“' and i > 0:
        own = _speakers(sentences[i - 1].text, finder)  # a quote continues its speaker
        inherited = True
    for name, kind in own:
        if name not in names:
            names.append(name)
        if kind is EntityKind.MEDIUM:
            media = True
        else:
            party = True
    speech_event = False
    on_record = party and not inherited and not _VOLGENS_RE.search(text)
    if on_record and not found.indirect_speech:
        # "antwoordde hij: ...": the statement is the event.
        speech_event = found.direct_quote
    if on_record and (attribution.is_threat(text) or attribution.states_position(text)):
        speech_event = True  # a threat, a warning, an announcement, a stance
    anonymous = attribution.is_anonymous(text) and attribution.has_speech_verb(text)
    if found.reported and media and party:
        party = False  # media pass on what a party says: reported, as the hedge tells
    elif party and media and not anonymous:
        media = False  # a named party on the record in a medium ("in Time") is no hearsay
    if anonymous:
        media = True
    return Attribution(names, party, media, speech_event)


def _speakers(text: str, finder: MentionFinder) -> list[tuple[str, EntityKind]]:
    """Who a sentence cites: 'volgens X', 'X zegt', 'melden ... X', 'X media'."""
    speakers: list[tuple[str, EntityKind]] = []
    mentions = finder.find(text)
    verbs = attribution.speech_verb_spans(text)
    quoted = _quoted_spans(text)
    for m in mentions:
        if m.kind is EntityKind.WEAPON or any(s <= m.start < e for s, e in quoted):
            continue
        before = text[max(0, m.start - 50) : m.start]
        follows_volgens = _VOLGENS_BEFORE_RE.search(before)
        if follows_volgens and not any(
            o.start < m.start and o.start >= m.start - 50 + follows_volgens.start()
            for o in mentions
            if o is not m and o.kind is not EntityKind.WEAPON
        ):
            speakers.append((finder.display(m.entity), m.kind))
        elif m.kind is EntityKind.PLACE:
            continue  # a place speaks only through "volgens Rusland"
        elif _is_subject_like(text, m, verbs) or (
            m.kind is EntityKind.MEDIUM and quoted and not verbs
        ):
            speakers.append((finder.display(m.entity), m.kind))
    for group in _ANONYMOUS_GROUP_RE.finditer(text):
        speakers.append((group.group(1), EntityKind.MEDIUM))
    for phrase in _MEDIA_PHRASE_RE.finditer(text):
        if verbs:
            speakers.append((f"{phrase.group('adj')} media", EntityKind.MEDIUM))
    if not speakers and verbs:
        speakers += _named_speakers(text, verbs, mentions, quoted)
    if not speakers and _PRONOUN_SPEAKER_RE.search(text):
        people = [m for m in mentions if m.kind is EntityKind.ACTOR]
        if people:
            speakers.append((finder.display(people[-1].entity), EntityKind.ACTOR))
    return speakers


def _named_speakers(
    text: str, verbs: list[tuple[int, int]], mentions: list[Mention], quoted: list[tuple[int, int]]
) -> list[tuple[str, EntityKind]]:
    """A name the gazetteer lacks, right before or after a speech verb ("bevestigde de
    Amerikaanse veiligheidsadviseur Jake Sullivan"): the speaker as written."""
    known = [(m.start, m.end) for m in mentions]
    found: list[tuple[str, EntityKind]] = []
    for name in find_names(text):
        if any(s <= name.start < e for s, e in known + quoted):
            continue
        for v_start, v_end in verbs:
            after = text[v_end : name.start]
            before = text[name.end : v_start]
            if (
                0 <= name.start - v_end <= 60
                and "dat" not in after.split()
                and not re.search(r"[,;:\"“]", after)
            ) or (
                0 <= v_start - name.end <= 40
                and "dat" not in before.split()
                and not re.search(r"[;:\"“]", before)
            ):
                found.append((name.text, EntityKind.ACTOR))
                break
    return found[:1]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[\"“][^\"”]*[\"”]", text)]


def _is_subject_like(text: str, m: Mention, verbs: list[tuple[int, int]]) -> bool:
    """The mention stands right before or after a speech verb, not inside what is said."""
    for v_start, v_end in verbs:
        gap_after = text[v_end : m.start]
        gap_before = text[m.end : v_start]
        if 0 <= m.start - v_end <= 60 and "dat" not in gap_after.split() and '"' not in gap_after:
            return True
        if 0 <= v_start - m.end <= 40 and "dat" not in gap_before.split() and '"' not in gap_before:
            return True
    return False


def sentence_attributions(article: Article, finder: MentionFinder) -> dict[str, list[str]]:
    """Who each body sentence's statements come from, by sentence anchor (for facts)."""
    sentences = [s for s in article.sentences if s.kind in (BlockKind.BODY, BlockKind.CAPTION)]
    return {s.anchor: _attribution(sentences, i, finder).names for i, s in enumerate(sentences)}
