"""Events: the datable happenings an article reports, one per clause that carries one.

A sentence reports an event when it has a resolved time expression that dates a
happening, or a verb of happening in a past or perfect form with something it is about
(a weapon, an actor, a place). Background (ongoing states, negations, questions about
what is not known) is left out. Certainty and attribution come from cues in the
sentence and its neighbours ("Dat melden AP en Reuters.").
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.dutch import attribution
from generator.dutch.timex import find_time_expressions
from generator.extract.mentions import MentionFinder
from generator.model import (
    Article,
    BlockKind,
    Certainty,
    DateValue,
    EntityKind,
    Event,
    Mention,
    Sentence,
    SourceRef,
    TimeExpression,
)

# Verb forms that report a one-off happening (past, perfect, passive perfect).
HAPPENING_RE = re.compile(
    r"\b(?:(?:heeft|hebben|is|zijn|werd|werden|zou|zouden)\b[^.;]{0,120}?\b"
    r"(?:gegeven|ingezet|neergehaald|geleverd|aangevallen|verleend|opgeheven|goedgekeurd|"
    r"aangekondigd|gelanceerd|afgevuurd|geraakt|aangekomen|gestuurd|toegestaan|voltooid|"
    r"vernietigd|getroffen|ondertekend|besloten|ontmoet|bezocht|binnengevallen)\b"
    r"|\b(?:gaf|gaven|hief|hieven|keurde|keurden|lanceerde|lanceerden|vuurde|vuurden|viel|"
    r"vielen|binnenviel|stuurde|stuurden|leverde|leverden|kondigde|kondigden|aankondigde|"
    r"ontmoette|ontmoetten|bezocht|bezochten|dreigde|antwoordde|kwamen|kwam|arriveerde|"
    r"arriveerden|trof|troffen|bestookte|beschoot|inzette|inzetten|voltooid|"
    r"had\b[^.;]{0,80}\bontmoeting)\b"
    r"|\bop het punt staat\b|\baan de gang\b|\bgaat morgen\b|\bgaat\b[^.;]{0,40}\bnaar\b)",
    re.IGNORECASE,
)
# Ongoing states and non-events that a time expression does not turn into a happening.
BACKGROUND_RE = re.compile(
    r"^(?:Wanneer|Hoe|Of|Waarom)\b|\bis niet bekend\b|\bis onduidelijk\b|\bniet uitgesloten\b|"
    r"\btot nu toe\b|\bzinspeelt\b|\binmiddels\b|\blange tijd\b|\bsteeds\b",
    re.IGNORECASE,
)
_FOLLOW_UP_RE = re.compile(
    r"^(?:Dat|Daarover|Dit|Zo)\s+(?:melden|meldt|meldde|berichten|bericht|berichtte|schrijft|"
    r"schreef|zeggen|zegt|zei|stellen|stelt)\b",
)
_VOLGENS_RE = re.compile(r"\b[Vv]olgens\s+(?:de\s+|het\s+)?")
_MEDIA_PHRASE_RE = re.compile(r"\b(?:(?:\w+\s+)?(?P<adj>[A-Z]\w+e)\s+)media\b")
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
) -> list[Event]:
    published = article.meta.published
    on = published.start if published else None
    previous: DateValue | None = None
    events: list[Event] = []
    sentences = [s for s in article.sentences if s.kind in (BlockKind.BODY, BlockKind.CAPTION)]
    for i, sentence in enumerate(sentences):
        expressions = find_time_expressions(sentence.text, published, previous, anchors)
        mentions = finder.find(sentence.text, on)
        dated = [e for e in expressions if e.date is not None]
        if not _is_event(sentence, dated, mentions):
            continue
        attr = _attribution(sentences, i, finder, on)
        found = attribution.cues(sentence.text)
        for clause, (date, span) in enumerate(_clause_dates(sentence.text, dated, published)):
            if date is None:
                continue
            future = published is not None and date.start > published.end
            certainty = attribution.decide(
                party_claim=attr.party and not attr.speech_event,
                media_report=attr.media,
                found=found,
                future=future,
            )
            clause_mentions = mentions
            events.append(Event(
                id=event_id(article.stem, sentence, clause),
                date=date,
                summary=_summary(sentence.text),
                weapons=_ids(clause_mentions, EntityKind.WEAPON),
                places=_ids(clause_mentions, EntityKind.PLACE),
                actors=_ids(clause_mentions, EntityKind.ACTOR),
                certainty=certainty,
                attributed_to=attr.names,
                sources=[SourceRef(article.stem, sentence.paragraph, sentence.index,
                                   sentence.text)],
                clause=sentence.text[span[0]:span[1]],
            ))
            previous = date
    return events


def _is_event(sentence: Sentence, dated: Sequence[TimeExpression], mentions: list[Mention]) -> bool:
    text = sentence.text
    if text.rstrip().endswith("?") or BACKGROUND_RE.search(text):
        return False
    if attribution.cues(text).negated:
        return False
    happening = bool(HAPPENING_RE.search(text))
    if dated:
        ongoing = all(e.relation == "since" for e in dated) and not happening
        return not ongoing
    about = any(m.kind in (EntityKind.WEAPON, EntityKind.ACTOR, EntityKind.PLACE) for m in mentions)
    return happening and about


def _clause_dates(
    text: str, dated: Sequence[TimeExpression], published: DateValue | None
) -> list[tuple[DateValue | None, tuple[int, int]]]:
    """One date per clause: each differently dated expression opens an event of its own."""
    if not dated:
        return [(published, (0, len(text)))]
    result: list[tuple[DateValue | None, tuple[int, int]]] = []
    seen: set[str] = set()
    for expr in dated:
        assert expr.date is not None
        if expr.date.edtf in seen:
            continue
        seen.add(expr.date.edtf)
        result.append((expr.date, (expr.start, expr.end)))
    return result


def _ids(mentions: list[Mention], kind: EntityKind) -> list[str]:
    result: list[str] = []
    for m in mentions:
        if m.kind is kind and m.entity not in result:
            result.append(m.entity)
    return result


def _summary(text: str) -> str:
    summary = re.sub(r"\s+", " ", text).strip()
    return summary if len(summary) <= 220 else summary[:217].rsplit(" ", 1)[0] + "…"


def _attribution(
    sentences: Sequence[Sentence], i: int, finder: MentionFinder, on: object
) -> Attribution:
    sentence = sentences[i]
    text = sentence.text
    names: list[str] = []
    party = media = False
    speech_event = False
    found = attribution.cues(text)
    own = _speakers(text, finder)
    if not own and i + 1 < len(sentences) and _FOLLOW_UP_RE.match(sentences[i + 1].text):
        own = _speakers(sentences[i + 1].text, finder)  # "Dat melden AP en Reuters."
    if not own and text.lstrip()[:1] in "\"“" and i > 0:
        own = _speakers(sentences[i - 1].text, finder)  # a quote continues its speaker
    for name, kind in own:
        if name not in names:
            names.append(name)
        if kind is EntityKind.MEDIUM:
            media = True
        else:
            party = True
    if party and not found.indirect_speech and not _VOLGENS_RE.search(text):
        # "dreigde Poetin met ...", "antwoordde hij: ...": the statement is the event.
        speech_event = bool(found.direct_quote or re.search(r"\bdreigde\b", text))
    if attribution.is_anonymous(text) and attribution.has_speech_verb(text):
        media = True
    return Attribution(names, party, media, speech_event)


def _speakers(text: str, finder: MentionFinder) -> list[tuple[str, EntityKind]]:
    """Who a sentence cites: 'volgens X', 'X zegt', 'melden ... X', 'X media'."""
    speakers: list[tuple[str, EntityKind]] = []
    mentions = finder.find(text)
    verbs = attribution.speech_verb_spans(text)
    for m in mentions:
        if m.kind is EntityKind.PLACE and m.entity not in ("russia", "ukraine", "united-states"):
            continue
        if m.kind is EntityKind.WEAPON:
            continue
        before = text[max(0, m.start - 14):m.start]
        near_verb = any(abs(m.start - v_end) <= 60 or abs(v_start - m.end) <= 40
                        for v_start, v_end in verbs)
        if _VOLGENS_RE.search(before) or (near_verb and _is_subject_like(text, m, verbs)):
            speakers.append((finder.display(m.entity), m.kind))
    for m in _MEDIA_PHRASE_RE.finditer(text):
        if verbs:
            speakers.append((f"{m.group('adj')} media", EntityKind.MEDIUM))
    if not speakers and _PRONOUN_SPEAKER_RE.search(text):
        people = [m for m in mentions if m.kind is EntityKind.ACTOR]
        if people:
            speakers.append((finder.display(people[-1].entity), EntityKind.ACTOR))
    return speakers


def _is_subject_like(text: str, m: Mention, verbs: list[tuple[int, int]]) -> bool:
    """The mention stands right before or after a speech verb, not inside what is said."""
    for v_start, v_end in verbs:
        gap_after = text[v_end:m.start]
        gap_before = text[m.end:v_start]
        if 0 <= m.start - v_end <= 60 and "dat" not in gap_after.split() and '"' not in gap_after:
            return True
        if 0 <= v_start - m.end <= 40 and "dat" not in gap_before.split() and '"' not in gap_before:
            return True
    return False


def is_certain(event: Event) -> bool:
    return event.certainty is Certainty.CONFIRMED


def sentence_attributions(article: Article, finder: MentionFinder) -> dict[str, list[str]]:
    """Who each body sentence's statements come from, by sentence anchor (for facts)."""
    sentences = [s for s in article.sentences if s.kind in (BlockKind.BODY, BlockKind.CAPTION)]
    on = article.meta.published.start if article.meta.published else None
    return {s.anchor: _attribution(sentences, i, finder, on).names for i, s in enumerate(sentences)}
