"""Events: the datable happenings an article reports, one per sentence (two only when its
clauses carry their own dates).

Whether a sentence tells a happening is `happening.tells_happening`'s call, on the verbs of
its main clause. Here the article is read in order: the story's date moves on, sentences
that go on with an event (more words of a speaker, a quote, an elaboration, a retelling, a
source line) join it, and each event gets its date, certainty (`certainty`), attribution
(`speakers`), weapons and places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from generator import dates
from generator.dutch import attribution
from generator.dutch.sentences import blank_dateline
from generator.dutch.subjects import subject_of
from generator.dutch.timex import find_time_expressions
from generator.dutch.verbs import Tense, Verbs, analyse, clause_tense
from generator.extract.certainty import decide as certainty_of
from generator.extract.certainty import side_of, side_of_country
from generator.extract.clauses import clause_dates
from generator.extract.happening import ANNOUNCING, STATE_VERBS, is_statement, tells_happening
from generator.extract.happening import SPEECH_LEMMAS as SPEECH_LEMMAS_SET
from generator.extract.mentions import MentionFinder, entity_ids
from generator.extract.merge import action_of
from generator.extract.merge import action_of_text as _action
from generator.extract.proposals import propose_weapons
from generator.extract.speakers import Attribution, attribution_of, is_follow_up
from generator.extract.weapons import (
    GENERIC_WEAPON_RE,
    WEAPON_ANAPHOR_RE,
    inherited_weapons,
    narrowest,
    only_weapon,
    resolve_weapons,
    single_named_weapons,
)
from generator.ids import event_id, repeats
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

# Past forms of verbs of one-off happenings; the headlines tell finite verbs by them.
PAST_FORMS = """gaf gaven hief hieven keurde keurden lanceerde lanceerden vuurde vuurden viel vielen
    binnenviel stuurde stuurden leverde leverden kondigde kondigden aankondigde ontmoette
    ontmoetten bezocht bezochten dreigde antwoordde kwamen kwam arriveerde arriveerden trof
    troffen bestookte beschoot inzette voltooide waarschuwde onderschepte sloeg sloegen raakte
    raakten schoot schoten toonde stemde stemden weigerde beloofde zette draaide
    maakte""".split()


def narrative_past(text: str) -> bool:
    """Simple past or pluperfect, no present perfect: the sentence goes on telling a story."""
    return analyse(text).tense in (Tense.PAST, Tense.PLUPERFECT)


# A sentence that goes on about the previous event rather than telling a new one.
CONTINUATION_RE = re.compile(
    r"^(?:Het|Dit|Dat)\s+(?:zou|zal)?\s*(?:\w+\s+){0,2}gaan\s+om\b|\bdaarbij\b|\bna afloop\b|"
    r"\bzij dan\b|\bze dan\b|\bhij dan\b|^(?:Het|Dit|Dat)\s+(?:gaat|ging|betreft|betrof)\b|"
    r"\b(?:gaat|ging) het\b[^.;]{0,40}?\bom\b|"
    r"^(?:Tijdens|Bij|Op|Na afloop van|Na)\s+(?:de|het|die|dat|dit|deze)\s+(?:ontmoeting|bezoek|"
    r"gesprek|gesprekken|top|bijeenkomst|persconferentie|vergadering|overleg|toespraak|"
    r"aanval|aanvallen|beschieting|luchtaanval|operatie|crash)\b",
    re.IGNORECASE,
)

# "Dat gebeurde woensdagnamiddag": the date of what the previous sentence told.
DATING_RE = re.compile(r"^(?:Dat|Dit|Het)\s+(?:gebeurde|gebeurt|was|vond\b[^.;]{0,40}\bplaats)\b")

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
    story_set_at = -99  # the sentence whose time expression last moved the story
    events: list[Event] = []
    undated: list[Event] = []  # the last events dated only by a fallback
    sentences = [s for s in article.sentences if s.kind in (BlockKind.BODY, BlockKind.CAPTION)]
    # The lead, the first body paragraph, is the news told in the present; found once here,
    # not once per sentence (that made a 5 MB article quadratic).
    lead = next((s.paragraph for s in sentences if s.kind is BlockKind.BODY), None)
    single = single_named_weapons(sentences, finder, parents or {})
    # An article cannot name a happening that came after it ("de verkiezingen" in 2022).
    anchors = {
        phrase: when
        for phrase, when in anchors.items()
        if published is None or when.start <= published.end
    }
    recent_weapons: list[str] = []
    groups = {g for wider in broader.values() for g in wider}  # "langeafstandsraketten", ...
    the_weapon = only_weapon(sentences, finder, groups)
    repeat = repeats(article.sentences)
    fallback_dated: set[str] = set()  # events dated by the publication date or the story
    where: dict[str, int] = {}  # event id -> index of its last sentence
    quoted = _inside_quotes(sentences)  # inside a quotation an earlier sentence opened
    for i, sentence in enumerate(sentences):
        verbs = analyse(sentence.text)
        expressions = find_time_expressions(
            sentence.text, published, story, anchors, _clause_future(verbs, sentence.text)
        )
        mentions = resolve_weapons(
            sentence.text,
            finder.find(blank_dateline(sentence.text), on),
            recent_weapons,
            broader,
            single,
        )
        named = [m.entity for m in mentions if m.kind is EntityKind.WEAPON]
        generic = GENERIC_WEAPON_RE.search(sentence.text) if the_weapon else None
        if not named and the_weapon and generic:
            mentions = [
                *mentions,
                Mention(the_weapon, EntityKind.WEAPON, generic.start(), generic.end(), generic[0]),
            ]
        elif not named and recent_weapons and WEAPON_ANAPHOR_RE.search(sentence.text):
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
            m.entity for m in mentions if m.kind is EntityKind.WEAPON and m.entity not in groups
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
            told_before = events[-1] if events else None
            if told_before is not None and _right_before(told_before, sentence, sentences, i):
                # "Dat melden AP en Reuters": the sentence that says who tells it is evidence too
                told_before.sources.append(
                    SourceRef(sentence.article, sentence.paragraph, sentence.index, sentence.text)
                )
            undated = []
            continue
        attr = attribution_of(sentences, i, finder)
        host = _host(
            sentence, i, sentences, events, attr, bool(dated), fallback_dated, where, quoted
        )
        if host is not None:
            # "zei Cameron gisteravond": now we know when; a date inside the quote is not it
            spoken = [e for e in dated if not _within_quote(sentence.text, e.start)]
            if spoken and host.id in fallback_dated and i not in quoted:
                host.date = _plain(spoken)
                fallback_dated.discard(host.id)
            _continue(host, sentence, mentions)
            where[host.id] = i
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
        if _is_event(sentence, dated, attr, mentions, sentence.paragraph == lead):
            recent_story = story if i - story_set_at <= 2 else None
            fallback = _fallback_date(sentence.text, published, recent_story)
            if not dated and any(e.date is None for e in expressions):
                fallback = None  # "vorige week" with no publication date: no date to invent
            told = _sentence_events(
                article.stem,
                sentence,
                repeat[(sentence.paragraph, sentence.index)],
                dated,
                fallback,
                published,
                mentions,
                inherited_weapons(inherited, recent_weapons, broader, single),
                attr,
                finder,
            )
            if events and _CONSEQUENCE_RE.match(sentence.text):
                for event in told:  # "Dat betekent dat ...": as sure as what it follows from
                    if events[-1].certainty in (Certainty.REPORTED, Certainty.CLAIMED):
                        event.certainty = events[-1].certainty
                        told_first = event.sources[0]
                        event.sources[0] = replace(told_first, certainty=event.certainty.value)
            events.extend(told)
            undated = told if not dated else []
            for event in told:
                where[event.id] = i
                if not dated:
                    fallback_dated.add(event.id)
        if WITHHELD_RE.search(sentence.text):
            _unconfirmed(events, sentence)
        points = [e.date for e in dated if e.date and e.relation == "at"]
        if points:
            # The story moves on to the latest date told ("twee dagen later" leans on it);
            # "sinds november" tells how long something holds, not where the story is.
            story = max(points, key=lambda d: (d.start, d.end))
            story_set_at = i
        elif told:
            story = told[-1].date  # the news of the day brings the story back to it
    for event in events:
        event.weapons = narrowest(event.weapons, broader)
    return events


def _fallback_date(
    text: str, published: DateValue | None, story: DateValue | None
) -> DateValue | None:
    """An undated happening: in the perfect it is news (publication date); in the simple
    past right after a dated one it goes on with the story (`story`, None when the story
    was not just told with a date)."""
    if story is None or not narrative_past(text):
        return published
    if story.end > story.start:
        return story  # a span the story is in ("eind februari"): it goes on in it
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
    finder: MentionFinder,
) -> list[Event]:
    """One event per differently dated clause of the sentence."""
    verbs = analyse(sentence.text)
    statement = _is_statement(sentence.text, verbs, attr)
    main = verbs.main
    speaker = " ".join(attr.names)
    if main is not None:
        speaker += " " + sentence.text[main.start : main.end]
    by_volgens = bool(_VOLGENS_RE.search(sentence.text)) and not statement
    in_main = [
        m
        for m in mentions
        if m.kind is EntityKind.ACTOR and main is not None and main.start <= m.start < main.end
    ]
    speaker_side = next(
        (side_of_country(finder.country(m.entity)) for m in in_main if finder.country(m.entity)),
        None,
    )
    told: list[Event] = []
    clauses = clause_dates(sentence.text, dated, fallback)
    # Clauses share out the names only when each is dated on its own; a "nadat" clause
    # dates the main clause, which is elsewhere in the sentence.
    split = len(clauses) > 1 and all(e.relation not in ("after", "before") for e in dated)
    for clause, (when, span) in enumerate(clauses):
        if when is None:
            continue
        own = [m for m in mentions if span[0] <= m.start < span[1]] if split else mentions
        certainty = certainty_of(
            sentence.text,
            verbs,
            statement=statement,
            speaker=speaker,
            speaker_side=speaker_side,
            party=attr.party,
            media=attr.media,
            by_volgens=by_volgens,
            when=(when.start, when.end),
            published=(published.start, published.end) if published else None,
            dated=bool(dated),
        )
        told.append(
            Event(
                id=event_id(stem, sentence.text, repeat, clause),
                date=when,
                summary=_summary(sentence.text),
                weapons=_with_proposals(
                    entity_ids(own, EntityKind.WEAPON)
                    or inherited_weapons
                    or _suppliers_weapons(sentence.text, mentions, finder),
                    sentence.text,
                    own,
                    finder,
                ),
                places=_places(sentence.text, own, finder.country),
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


def _right_before(event: Event, sentence: Sentence, sentences: Sequence[Sentence], i: int) -> bool:
    """The event was told in the sentence just before this one."""
    before = sentences[i - 1] if i else None
    return before is not None and event.sources[-1].anchor == before.anchor


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


_VOLGENS_RE = re.compile(r"\b[Vv]olgens\b")
_TOLD_TENSES = {Tense.PAST, Tense.PERFECT, Tense.PLUPERFECT}
# Frames whose "dat"-clause carries the happening: a hedge, an expectation, a consequence.
_FRAME_RE = re.compile(
    r"Het\s+is\s+(?:de|het)\s+eerste\s+(?:keer|maal)\s+(?:\w+\s+)?dat\s+|"
    r"(?:Het|Alles)\s+lijkt\s+erop\s+dat\s+|(?:De|Naar)\s+verwachting\s+is\s+(?:\w+\s+)?dat\s+|"
    r"(?:Dat|Dit)\s+(?:betekent|houdt in|wil zeggen)\s+(?:\w+\s+)?dat\s+|"
    r"Het\s+gerucht\s+gaat\s+dat\s+|Verwacht\s+wordt\s+dat\s+|"
    r"Wat\s+[^,]{3,80},\s+is\s+(?:dat|het feit dat)\s+"
)
# Verbs of a medium passing news on.
_LEARNING = frozenset(
    {"vernemen", "melden", "schrijven", "berichten", "zeggen", "citeren", "onthullen", "stellen"}
)


def _is_statement(text: str, verbs: Verbs, attr: Attribution) -> bool:
    """Someone's statement is a happening; a medium's report is not: what it reports is."""
    if attr.media and not attr.party:
        return False
    return (
        attr.speech_event
        or is_statement(verbs, text)
        or (bool(attr.names) and attribution.has_speech_verb(text))
    )


def _is_event(
    sentence: Sentence,
    dated: Sequence[TimeExpression],
    attr: Attribution,
    mentions: Sequence[Mention],
    lead: bool,
) -> bool:
    if sentence.kind is not BlockKind.BODY:
        return False  # a caption shows a picture; the article tells the happening
    text = sentence.text
    verbs = analyse(text)
    told = {clause_tense(c) for c in verbs.clauses if c.finite is not None}
    if dated and all(e.relation == "since" for e in dated) and not told & _TOLD_TENSES:
        return False  # "al sinds maart" in the present: a state since then
    main = verbs.main
    frame = _FRAME_RE.match(text)
    if frame:
        # "Het lijkt erop dat ...", "Dat betekent dat ...": the clause after it tells it.
        content = text[frame.end() :]
        return tells_happening(
            content, analyse(content), statement=False, dated=bool(dated), lead=lead
        )
    reported_by_medium = (
        attr.media and not attr.party and main is not None and verbs.main_lemma in _LEARNING
    )
    if reported_by_medium and main is not None:
        # "CNN vernam dat ... al geleverd is": what the medium reports decides.
        content = text[main.end :].lstrip(" ,:")
        content = re.sub(r"^(?:dat|of)\s+", "", content)
        if content and not tells_happening(
            content, analyse(content), statement=False, dated=bool(dated), lead=lead
        ):
            return False
    return tells_happening(
        text,
        verbs,
        statement=_is_statement(text, verbs, attr),
        dated=bool(dated),
        present_somewhere=bool(_places(text, list(mentions))),
        lead=lead,
    )


_PRONOUN_SPEECH_RE = re.compile(
    r"^(?:Hij|Zij|Ze)\s+(?:\w+\s+){0,2}?(?:" + "|".join(attribution.SPEECH_VERBS) + r")\b"
)


# The speaker of a statement named again by a pronoun or a title ("Hij zei", "aldus de
# minister", "Volgens hem").
_SAME_SPEAKER_RE = re.compile(
    r"^(?:Hij|Zij|Ze|Daarmee \w+ (?:hij|zij|ze))\b|,\s*(?:\w+\s+){1,2}(?:hij|zij|ze)\b|"
    r"\b[Vv]olgens (?:hem|haar|de (?:\w+e\s+)?(?:minister|president|premier|woordvoerder))\b|"
    r"^(?:De|de)\s+(?:\w+e\s+)?(?:president|minister|premier|woordvoerder|kanselier|topman|"
    r"bewindsman|bewindsvrouw)\b|\b(?:aldus|zei|zegt|stelde|stelt)\s+de\s+(?:\w+e\s+)?"
    r"(?:president|minister|premier|woordvoerder|kanselier|bewindsman)\b"
)


_ACCORDING_TO_HIM_RE = re.compile(r"\b[Vv]olgens (?:hem|haar)\b")
_SAID_BY_RE = re.compile(r"\b(?:[Aa]ldus|[Vv]olgens)\s")


def _speaks(text: str, verbs: Verbs, attr: Attribution) -> bool:
    """The sentence gives someone's words: a speech verb, "aldus X", "volgens X"."""
    return (
        is_statement(verbs, text)
        or _ACCORDING_TO_HIM_RE.search(text) is not None
        or (bool(attr.names) and _SAID_BY_RE.search(text) is not None)
    )


_QUOTES = "\"“„‘'"


def _more_of_a_statement(text: str, previous: Event, attr: Attribution, verbs: Verbs) -> bool:
    """One speaker, one occasion: one statement. More words of the speaker of the previous
    event, named or referred to, without a date of their own, belong to it; so does a quote
    with no speaker of its own after a statement."""
    if not previous.attributed_to:
        return False
    if text.lstrip()[:1] in _QUOTES and not attr.names and _is_on_record(previous):
        return True
    if not _speaks(text, verbs, attr):
        return False
    if attr.names:
        return any(_same_name(a, b) for a in attr.names for b in previous.attributed_to)
    return _SAME_SPEAKER_RE.search(text) is not None  # "Hij zei", "aldus de minister"


def _clause_future(verbs: Verbs, text: str) -> Callable[[int], bool | None]:
    """What the tense of the clause around an offset says of a bare "vrijdag": "ontmoet
    vrijdag" is to come, "bevestigde vrijdag dat ... zullen" and "dat de VS in augustus
    aankondigde" are past."""

    def at(offset: int) -> bool | None:
        clause = next((c for c in verbs.clauses if c.start <= offset < c.end), None)
        if clause is None or clause.finite is None:
            clause = verbs.main
        if clause is None or clause.finite is None:
            return None
        tense = clause_tense(clause)
        if tense is Tense.FUTURE:
            return True
        if tense in (Tense.PAST, Tense.PERFECT, Tense.PLUPERFECT, Tense.CONDITIONAL):
            return False
        if clause is verbs.main and not is_statement(verbs, text):
            return True  # "Hij ontmoet vrijdag Trump"
        return None

    return at


def _unconfirmed(events: Sequence[Event], sentence: Sentence) -> None:
    """A sentence that withholds confirmation keeps the happenings told just before it, and
    the article's lead, at "gemeld": the article passes them on without confirming them."""
    for index, event in enumerate(events):
        source = event.sources[0]
        near = source.paragraph in (sentence.paragraph, sentence.paragraph - 1)
        if (
            (near or index == 0)
            and event.certainty is Certainty.CONFIRMED
            and not (event.attributed_to and _is_on_record(event))
        ):
            event.certainty = Certainty.REPORTED
            event.sources[0] = replace(source, certainty=Certainty.REPORTED.value)


def _is_on_record(event: Event) -> bool:
    """A statement someone made: it happened, confirmation or not."""
    return is_statement(analyse(event.sources[0].quote), event.sources[0].quote)


def _plain(dated: Sequence[TimeExpression]) -> DateValue:
    plain = [e for e in dated if e.relation == "at"] or list(dated)
    value = plain[-1].date
    assert value is not None
    return value


def _host(
    sentence: Sentence,
    i: int,
    sentences: Sequence[Sentence],
    events: Sequence[Event],
    attr: Attribution,
    dated: bool,
    fallback_dated: set[str],
    where: Mapping[str, int],
    quoted: set[int],
) -> Event | None:
    """The event this sentence goes on with, if it tells no new one: an elaboration, a
    quote that continues a statement, more words of the same speaker, the story retold."""
    if not events:
        return None
    text = sentence.text
    last = events[-1]
    verbs = analyse(text)
    before = sentences[i - 1] if i else None
    if before is not None and before.paragraph == sentence.paragraph and i in quoted:
        # a quotation of several sentences goes on: "‘En we bluffen niet. We zullen ..."
        told = next(
            (e for e in reversed(events[-3:]) if e.sources[-1].anchor == before.anchor), None
        )
        if told is not None:
            return told
    if _tells_a_plan(verbs) or _ADDITIVE_RE.search(text):
        return None  # "Deze levering zal binnenkort beginnen", "Berlijn stemt daarnaast in"
    source = last.sources[-1]
    near = source.paragraph == sentence.paragraph or (
        source.paragraph + 1 == sentence.paragraph and sentence.index == 1
    )
    before = sentences[i - 1] if i else None
    own_source = (
        bool(attr.names)
        and not set(attr.names) <= set(last.attributed_to)
        and not _SAME_OCCASION_RE.search(text)
        and not _ELABORATION_RE.search(text)  # "Het gaat volgens NYT om ...": still more of it
    )
    if (
        near
        and not dated
        and not own_source
        and (CONTINUATION_RE.search(text) or _goes_on(text, last, before, attr))
    ):
        return last  # "Maar volgens de Russen ging het om ...": another telling, its own
    meeting = verbs.main_lemma in ("spreken", "ontmoeten", "bezoeken", "overleggen")
    new_voice = (
        bool(attr.names)
        and bool(last.attributed_to)
        and not any(_same_voice(a, b) for a in attr.names for b in last.attributed_to)
    )  # "Tijdens het overleg deed Oekraïne een beroep op ...": someone else speaks
    if (
        _AT_THAT_OCCASION_RE.match(text)
        and not meeting
        and not new_voice
        and i - where.get(last.id, -99) <= 6
    ):
        return last  # "Tijdens de ontmoeting verklaarde ...": more of a happening told before
    other_occasion = _OTHER_OCCASION_RE.search(text) is not None
    quote = text.lstrip()[:1] in _QUOTES
    met = meeting and re.search(r"\bmet\b", text) is not None  # "sprak met": a meeting
    if (
        (quote or _speaks(text, verbs, attr))
        and verbs.main_lemma not in _ANNOUNCING
        and not other_occasion
        and not met
    ):
        for back, event in enumerate(reversed(events[-12:])):
            distance = i - where.get(event.id, -99)
            if distance > 20:
                break
            if (distance > 8 or back >= 5) and not attr.names:
                continue  # far back, only a speaker named again is the same statement
            told_apart = event.certainty is Certainty.REPORTED  # rumour, then the record
            if (
                not told_apart
                and _more_of_a_statement(text, event, attr, verbs)
                and (not dated or event.id in fallback_dated)
            ):
                return event
    if _CONSEQUENCE_OF_RE.match(text) and i - where.get(last.id, -99) <= 3:
        return last  # "De aanval veroorzaakte explosies": what the happening told before did
    retold = None if dated or attr.names else _retelling(text, verbs, events, where, i)
    if retold is not None:
        return retold
    adjacent = _right_before(last, sentence, sentences, i)
    if (
        adjacent
        and source.paragraph == sentence.paragraph
        and last.attributed_to
        and not attr.names
        and not dated
        and verbs.tense in (Tense.FUTURE, Tense.PRESENT, Tense.CONDITIONAL)
        and (verbs.tense is not Tense.FUTURE or verbs.main_lemma in STATE_VERBS)
        and not _IN_OWN_WORDS_RE.search(text)
    ):
        return last  # reported speech goes on: "De VS zullen medeplichtig zijn."
    return None


# "Downing Street gaf geen commentaar", "Het Witte Huis heeft dat niet bevestigd": what the
# article told before stays unconfirmed.
WITHHELD_RE = re.compile(
    r"\b(?:gaf|geeft|gaven|geven)\s+(?:nog\s+)?geen\s+(?:commentaar|reactie|bevestiging)\b|"
    r"\b(?:niet|nog niet|tot nu toe niet|niet officieel)\s+(?:bevestigd|gereageerd)\b|"
    r"\b(?:wilde|wil|wilden|willen|kon|konden)\s+(?:dat\s+|dit\s+|het\s+)?(?:niet|nog niet)\s+"
    r"(?:bevestigen|reageren|zeggen)\b|\bniet onafhankelijk\s+(?:worden\s+)?"
    r"(?:bevestigd|geverifieerd|gecontroleerd)\b|\breageerde(?:n)?\s+(?:nog\s+)?niet\b|"
    r"\bweigerde(?:n)?\s+(?:te\s+)?(?:reageren|bevestigen)\b",
    re.IGNORECASE,
)
_CONSEQUENCE_RE = re.compile(r"(?:Dat|Dit) (?:betekent|houdt in|wil zeggen)\b")
_ELABORATION_RE = re.compile(r"\b(?:[Hh]et|[Dd]at|[Dd]it)\s+(?:gaat|ging|betreft)\b|\bgaat het\b")
# A happening told before, named by its noun, and what it did.
_CONSEQUENCE_OF_RE = re.compile(
    r"(?:De|Het|Die|Deze)\s+(?:\w+\s+){0,2}(?:aanval|aanvallen|beschieting|beschietingen|"
    r"bombardement|bombardementen|explosie|explosies|inslag|inslagen|luchtaanval|luchtaanvallen)"
    r"\s+(?:eiste|eisten|veroorzaakte|veroorzaakten|richtte|richtten|leidde|leidden|kostte|"
    r"kostten|trof|troffen|raakte|raakten)\b"
)
_SAME_OCCASION_RE = re.compile(r"\bna afloop\b|\bdaarbij\b|\bter plaatse\b")
_OTHER_OCCASION_RE = re.compile(r"\b(?:later|eerder|daarna|vervolgens|nadien)\b")
_AT_THAT_OCCASION_RE = re.compile(
    r"(?:Tijdens|Bij|Op|Na afloop van|Na)\s+(?:de|het|die|dat|dit|deze)\s+(?:ontmoeting|bezoek|"
    r"gesprek|gesprekken|top|bijeenkomst|persconferentie|vergadering|overleg|toespraak|"
    r"aanval|aanvallen|beschieting|luchtaanval|operatie|crash)\b"
)
# A statement that announces a happening of its own is no mere continuation.
_ANNOUNCING = ANNOUNCING
# A sentence that tells something new in the article's own voice.
_IN_OWN_WORDS_RE = re.compile(r"^(?:Ook|Intussen|Inmiddels|Daarnaast|Verder|Eerder)\b")
# "daarnaast", "bovendien", "tevens": one more happening, not more of the one before.
# So does a speaker saying more: "zei later ook", "voegt daaraan toe".
_ADDITIVE_RE = re.compile(
    r"\b(?:[Dd]aarnaast|[Bb]ovendien|[Tt]evens)\b|"
    r"\b(?:zei|zegt|zeiden|zeggen|stelde|stelt|verklaarde|verklaart)\s+(?:\w+\s+){0,2}?ook\b|"
    r"\bvoeg(?:t|de|den)\s+(?:\w+\s+){0,3}?toe\b"
)


_OPENING_QUOTE_RE = re.compile(r"(?:^|(?<=[\s(]))[‘“„]")
_CLOSING_QUOTE_RE = re.compile(r"[’”](?![\w])")


def _within_quote(text: str, offset: int) -> bool:
    """The offset lies inside a quotation of the sentence."""
    return any(m.start() < offset < m.end() for m in _QUOTED_RE.finditer(text))


def _inside_quotes(sentences: Sequence[Sentence]) -> set[int]:
    """The sentences that stand inside a quotation an earlier sentence of their paragraph
    opened and did not close; one pass, so that a long paragraph stays linear."""
    inside: set[int] = set()
    depth = straight = 0
    for i, sentence in enumerate(sentences):
        if i and sentences[i - 1].paragraph != sentence.paragraph:
            depth = straight = 0
        if depth > 0 or straight % 2 == 1:
            inside.add(i)
        text = sentence.text
        depth += len(_OPENING_QUOTE_RE.findall(text)) - len(_CLOSING_QUOTE_RE.findall(text))
        straight += text.count('"')
    return inside


def _tells_a_plan(verbs: Verbs) -> bool:
    """A happening still to come ("zal ... beginnen", "zullen worden ingezet") is a plan of
    its own, even inside a quote that goes on with a statement."""
    lemma = verbs.main_lemma
    finite = verbs.main.finite if verbs.main else None
    return (
        verbs.tense is Tense.FUTURE
        and finite is not None
        and finite.lemma == "zullen"  # "gaat het om" is no plan
        and lemma is not None
        and lemma not in STATE_VERBS
        and lemma not in SPEECH_LEMMAS_SET
    )


def _same_name(a: str, b: str) -> bool:
    """ "Jansen" and "Minister Jansen", "Vladimir Poetin" and "Poetin", "het Russische
    ministerie" and "Russisch ministerie van Defensie": one speaker."""
    x, y = _name_key(a), _name_key(b)
    return x == y or (len(x) > 3 and x in y) or (len(y) > 3 and y in x)


def _same_voice(a: str, b: str) -> bool:
    """One speaker, or one side speaking twice ("volgens Rusland" after the Russian
    ministry of defence)."""
    side = side_of(a)
    return _same_name(a, b) or (side is not None and side == side_of(b))


def _name_key(name: str) -> str:
    words = [w for w in name.lower().split() if w not in ("de", "het", "een")]
    return " ".join(w[:-1] if w.endswith("e") and len(w) > 4 else w for w in words)


# A sentence that opens by pointing back: "De toestellen", "Die raketten", "Ze", "Hij".
_ANAPHORIC_RE = re.compile(r"(?:De|Het|Die|Deze|Dat|Dit|Ze|Zij|Hij)\s")


def _retelling(
    text: str, verbs: Verbs, events: Sequence[Event], where: Mapping[str, int], i: int
) -> Event | None:
    """A later sentence that tells a happening again with the same verb and the same
    weapon or place ("De toestellen vertrokken met een tussenstop" after "Daar vertrokken
    de laatste F-16's"), without a source or date of its own, is that happening."""
    lemma = verbs.main_lemma
    if not lemma or lemma in STATE_VERBS or lemma in SPEECH_LEMMAS_SET:
        return None
    if not _ANAPHORIC_RE.match(text):
        return None  # "Niet lang daarna gaf de Britse regering ...": someone new does it
    for event in reversed(events[-4:]):
        if i - where.get(event.id, -99) > 6:
            break
        told = analyse(event.sources[0].quote)
        if told.main_lemma == lemma and not event.attributed_to:
            return event
    return None


def _goes_on(text: str, previous: Event, before: Sentence | None, attr: Attribution) -> bool:
    """The sentence goes on with the previous event rather than telling a new one: a quote
    that continues a statement, "Hij noemde ..." after it, more words of the same speaker,
    or the story's retelling."""
    if before is None:
        return False
    verbs = analyse(text)
    if previous.sources[-1].anchor != before.anchor:
        return False  # the rest only right after the event's own sentence
    if (
        previous.attributed_to
        and text.lstrip()[:1] in '"“„'
        and not attribution.has_speech_verb(_outside_quotes(text))
    ):
        return True  # the quote goes on; "zeggen" inside it is the speaker's own word
    if previous.attributed_to and _PRONOUN_SPEECH_RE.match(text):
        return True
    return (
        verbs.tense in (Tense.PAST, Tense.PLUPERFECT)
        and action_of(previous) is not None
        and action_of(previous) == _action(text)
    )


_QUOTED_RE = re.compile(r"[\"“„][^\"”]*[\"”]")


def _outside_quotes(text: str) -> str:
    """The sentence without what it quotes: the words the article itself adds."""
    return _QUOTED_RE.sub(" ", text)


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


def _places(
    text: str,
    mentions: list[Mention],
    country_of: Callable[[str], str | None] | None = None,
) -> list[str]:
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
        country = country_of is not None and country_of(m.entity) == m.entity
        metonym = m.entity in METONYMS or country
        if metonym and not as_place:
            continue
        result.append(m.entity)
    return _with_countries(text, result, mentions, country_of)


# Ukraine as the one who receives, is allowed, is helped; Russia as the one struck at.
_UKRAINE_RE = re.compile(r"\b(?:Oekraïne|Oekraïense|Oekraïens|Oekraïners|Kyiv|Kiev|Kiëv)\b")
_RUSSIA_TARGET_RE = re.compile(
    r"\b(?:in|op|tegen|naar|binnen|dieper in|diep in)\s+(?:het\s+)?Rusland\b|"
    r"\bRussisch(?:e)?\s+(?:grondgebied|bodem|regio's?|doelen|doelwitten|steden|territorium|"
    r"militaire doelen|luchtmachtbasis|luchtmachtbases|vliegvelden)\b",
)


def _with_countries(
    text: str,
    places: list[str],
    mentions: Sequence[Mention],
    country_of: Callable[[str], str | None] | None,
) -> list[str]:
    """The countries an event concerns join its places (shared/gold/FORMAT.md): the
    target of a strike or of a permission to strike ("doelen in Rusland", a Russian town)
    and Ukraine as the recipient of what is given or promised. A permission concerns its
    target only, as in FORMAT.md's own example and the seed references."""
    result = list(places)
    countries = {country_of(p) for p in places} if country_of else set()
    if ("russia" in countries or _RUSSIA_TARGET_RE.search(text)) and "russia" not in result:
        result.append("russia")
    named = [m for m in _UKRAINE_RE.finditer(text)]
    if named and "ukraine" not in countries:
        # Ukraine as the one who gives ("Kyiv gaf toestemming") is no place of the event;
        # as the one who gets, may, asks or is given, it is.
        verbs = analyse(text)
        subject = subject_of(text, verbs, verbs.main)
        outside = [
            m for m in named if subject is None or not subject.start <= m.start() < subject.end
        ]
        if not outside and verbs.main_lemma in _GIVING:
            named = []
        if "russia" in result:
            # a strike on Russia concerns Ukraine only as a place ("in Oekraïne") or as the
            # one given something ("aan Oekraïne"), not as who strikes ("Oekraïense drones")
            named = [
                m
                for m in named
                if _PLACE_PREPOSITION_RE.search(text, max(0, m.start() - 20), m.start())
                or _RECIPIENT_RE.search(text, max(0, m.start() - 20), m.start())
            ]
    if named and _is_permission(text):
        named = []  # a permission concerns its target, not who receives it
    if named and "ukraine" not in result:
        result.append("ukraine")
    return result


_PERMISSION_RE = re.compile(
    r"\b(?:toestemming|toestaan|staat\w*\s+toe|stonden\s+toe|groen licht|beperking\w*)\b",
    re.IGNORECASE,
)


def _is_permission(text: str) -> bool:
    """ "toestemming", "groen licht", "beperkingen", "staat ... toe": a permission."""
    return bool(_PERMISSION_RE.search(text)) or "toestaan" in analyse(text).lemmas


_GIVING = frozenset({"geven", "toestaan", "leveren", "sturen", "verlenen", "goedkeuren"})


def _suppliers_weapons(text: str, mentions: Sequence[Mention], finder: MentionFinder) -> list[str]:
    """A permission that names no weapon concerns the weapons of the one who gives it:
    "Biden hief een aantal van die beperkingen op" is about American weapons."""
    if not _is_permission(text):
        return []
    countries = {finder.country(m.entity) for m in mentions if m.kind is not EntityKind.WEAPON} - {
        None,
        "ukraine",
        "russia",
    }
    if len(countries) != 1:
        return []
    group = finder.weapons_of(next(iter(countries)) or "")
    return [group] if group else []


def _with_proposals(
    weapons: list[str], text: str, mentions: Sequence[Mention], finder: MentionFinder
) -> list[str]:
    """Weapons the gazetteer lacks join by their proposed id ("Flamingo-raketten")."""
    taken = [(m.start, m.end) for m in mentions]
    result = list(weapons)
    for proposal in propose_weapons(text, finder.known_names()):
        inside = any(a <= proposal.start < b for a, b in taken)
        if not inside and proposal.id not in result:
            result.append(proposal.id)
            # "vijftig luchtafweertanks, van het type Gepard": the category is that weapon
            for m in mentions:
                if (
                    m.kind is EntityKind.WEAPON
                    and 0 <= proposal.start - m.end <= 25
                    and not finder.country(m.entity)
                    and m.entity in result
                ):
                    result.remove(m.entity)
    return result


def _summary(text: str) -> str:
    # The whole sentence: a shortened quote would no longer be one.
    return re.sub(r"\s+", " ", text).strip()
