"""Events: the datable happenings an article reports, one per clause that carries one.

A sentence reports an event when it has a resolved time expression that dates a
happening, or a verb of happening in a past or perfect form with something it is about
(a weapon, an actor, a place). Background (ongoing states, negations, questions about
what is not known) is left out. Certainty and attribution come from cues in the
sentence and its neighbours ("Dat melden AP en Reuters.").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from generator import dates
from generator.dutch import attribution
from generator.dutch.timex import find_time_expressions
from generator.extract.clauses import clause_dates
from generator.extract.mentions import MentionFinder, entity_ids
from generator.extract.speakers import Attribution, attribution_of, is_follow_up
from generator.extract.weapons import (
    WEAPON_ANAPHOR_RE,
    inherited_weapons,
    resolve_weapons,
    single_named_weapons,
)
from generator.ids import event_id, repeats
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
    r"\btot nu toe\b|\binmiddels\b|\blange tijd\b|\bsteeds\b",
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
    single = single_named_weapons(sentences, finder, parents or {})
    # An article cannot name a happening that came after it ("de verkiezingen" in 2022).
    anchors = {
        phrase: when
        for phrase, when in anchors.items()
        if published is None or when.start <= published.end
    }
    recent_weapons: list[str] = []
    repeat = repeats(article.sentences)
    for i, sentence in enumerate(sentences):
        expressions = find_time_expressions(sentence.text, published, story, anchors)
        mentions = resolve_weapons(
            sentence.text, finder.find(sentence.text, on), recent_weapons, broader, single
        )
        named = [m.entity for m in mentions if m.kind is EntityKind.WEAPON]
        if not named and recent_weapons and WEAPON_ANAPHOR_RE.search(sentence.text):
            anchor = WEAPON_ANAPHOR_RE.search(sentence.text)
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
        # An elaboration goes on in its paragraph, or opens the next one.
        last = events[-1].sources[-1] if events else None
        same_paragraph = last is not None and (
            last.paragraph == sentence.paragraph
            or (last.paragraph + 1 == sentence.paragraph and sentence.index == 1)
        )
        if same_paragraph and not dated and CONTINUATION_RE.search(sentence.text):
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
                repeat[(sentence.paragraph, sentence.index)],
                dated,
                fallback,
                published,
                mentions,
                inherited_weapons(inherited, recent_weapons, broader, single),
                attribution_of(sentences, i, finder),
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


def _sentence_events(
    stem: str,
    sentence: Sentence,
    repeat: int,
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
    clauses = clause_dates(sentence.text, dated, fallback)
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
                id=event_id(stem, sentence.text, repeat, clause),
                date=when,
                summary=_summary(sentence.text),
                weapons=entity_ids(own, EntityKind.WEAPON) or inherited_weapons,
                places=_places(sentence.text, own),
                actors=entity_ids(mentions, EntityKind.ACTOR),
                certainty=certainty,
                attributed_to=list(attr.names),
                sources=[
                    SourceRef(
                        stem,
                        sentence.paragraph,
                        sentence.index,
                        sentence.text,
                        certainty.value,
                        tuple(attr.names),
                        when.edtf,
                    )
                ],
                clause=sentence.text[span[0] : span[1]],
            )
        )
    return told


def _continue(event: Event, sentence: Sentence, mentions: list[Mention]) -> None:
    """Fold a sentence that elaborates the previous event into it ("Het zou gaan om ...")."""
    for value in entity_ids(mentions, EntityKind.WEAPON):
        if value not in event.weapons:
            event.weapons.append(value)
    for value in _places(sentence.text, mentions):
        if value not in event.places:
            event.places.append(value)
    for value in entity_ids(mentions, EntityKind.ACTOR):
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
