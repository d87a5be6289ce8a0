"""The permission story: who allowed which weapons to be used where in Russia, since when.

Derived from the events with general rules, never from a list of milestones:
- a step is an event that tells a permission (generator.extract.merge.action_of) with a
  decision verb in the past or perfect ("gaf toestemming", "hief ... op", "heeft ...
  toegestaan"): not a plan, a question, an expectation ("op het punt staat ... te geven");
- its supplier is the party that decided: a person or organisation of a country, a country
  or capital as subject ("De VS gaf"), a country adjective ("de Britse regering"), or
  else the country of the weapons;
- its scope is where the events' places put it: places in Russia, or Russian targets near
  a place across the border, or "Rusland" as such;
- its limits are the sentences of the same article that restrict it ("verbod",
  "uitsluitend", "buiten schot"), up to the next decision; a limit that keeps a weapon
  group banned ("Aan het verbod op langeafstandsraketten is niets veranderd") takes that
  group's weapons out of the step.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from generator.extract.mentions import MentionFinder
from generator.extract.merge import action_of
from generator.gazetteer import Gazetteer
from generator.model import (
    Article,
    BlockKind,
    Certainty,
    EntityKind,
    Event,
    Sentence,
    SourceRef,
)
from generator.story.headline import Context, write_headline

_DECISION_RE = re.compile(
    r"\b(?:gaf|gaven|geeft|geven)\b[^.;]{0,60}?\b(?:toestemming|groen licht|vrij baan)\b|"
    r"\b(?:heeft|hebben|had|hadden|is|zijn|werd|werden)\b[^.;]{0,120}?"
    r"\b(?:gegeven|verleend|opgeheven|toegestaan|versoepeld|gekregen|geschrapt)\b|"
    r"\b(?:hief|hieven|kreeg|kregen|versoepelde|versoepelden|schrapte)\b|"
    r"\b(?:stond|stonden)\b[^.;]{0,80}?\btoe\b|\btoestond\b",
    re.IGNORECASE,
)
_NOT_YET_RE = re.compile(
    r"\bop het punt\b|\bniet uitgesloten\b|\bzou(?:den)? kunnen\b|\bvergissing\b|"
    r"\bof\b[^.]*\bmag\b",
    re.IGNORECASE,
)
_LIMIT_RE = re.compile(
    r"\bverbod\b|\bmogen niet\b|\bmag niet\b|\bniet\b[^.;]{0,60}\bmogen\b|\bmocht(?:en)? niet\b|"
    r"\bbuiten schot\b|\buitsluitend\b|\bstrikte afspraak\b|\bop voorwaarde\b|\bniets veranderd\b|"
    r"\bgeen\b[^.;]{0,40}\baanvallen\b|\bmoesten\b[^.;]{0,60}\bblijven\b",
    re.IGNORECASE,
)
# A limit that keeps a named group out of what was allowed.
_BAN_STAYS_RE = re.compile(r"\bverbod\b[^.;]*\bniets veranderd\b|\bblijft\b[^.;]*\bverboden\b")
_DEEPER_RE = re.compile(r"\bdiep(?:er)? in\b", re.IGNORECASE)
_BORDER = ("ukraine", "russia")
_WHERE_RE = re.compile(r"\b(?:in|naar|op|bij|uit)\s+(?:de\s+)?$")


@dataclass(frozen=True)
class Limit:
    text: str  # the restriction, as a headline of its sentence
    weapons: tuple[str, ...]
    source: SourceRef
    keeps_banned: tuple[str, ...] = ()  # weapon groups the step does not cover


@dataclass(frozen=True)
class Step:
    supplier: str  # a country id
    weapons: tuple[str, ...]  # what the step is about, most specific first
    scope: str  # Dutch: where in Russia
    event: Event
    limits: tuple[Limit, ...] = ()

    @property
    def excluded(self) -> frozenset[str]:
        return frozenset(g for limit in self.limits for g in limit.keeps_banned)


@dataclass(frozen=True)
class Story:
    """The steps per supplier and per weapon (or group) they name, in date order."""

    steps: tuple[Step, ...] = ()
    lines: Mapping[tuple[str, str], tuple[Step, ...]] = field(default_factory=dict)
    first_use: Mapping[str, Event] = field(default_factory=dict)  # per weapon

    def for_weapon(self, weapon: str, gazetteer: Gazetteer) -> list[tuple[Step, bool]]:
        """Steps that govern a weapon (its own, or its groups'), each with whether it
        applies: a step whose limits keep the weapon's group banned does not."""
        wider = gazetteer.broader_closure().get(weapon, frozenset()) | {weapon}
        entry = gazetteer.entries.get(weapon)
        supplier = entry.country if entry else None
        result = []
        for step in self.steps:
            if not wider & set(step.weapons):
                continue
            if supplier and step.supplier != supplier and weapon not in step.weapons:
                continue
            result.append((step, not (step.excluded & wider) or weapon in step.weapons))
        return result


def tell(
    events: Sequence[Event],
    articles: Mapping[str, Article],
    gazetteer: Gazetteer,
    finder: MentionFinder,
) -> Story:
    """The permission story of a corpus."""
    decisions = [e for e in events if _is_decision(e)]
    starts = _decision_starts(decisions)
    steps: list[Step] = []
    for number, event in enumerate(decisions):
        supplier = _supplier(event, gazetteer, finder)
        if supplier is None:
            continue
        weapons = _weapons(event, supplier, gazetteer)
        if not weapons:
            continue
        limits = _limits(event, number, starts, articles, gazetteer, finder)
        steps.append(Step(supplier, weapons, _scope(event, gazetteer), event, limits))
    steps.sort(key=lambda s: (s.event.date.start, s.event.date.end, s.event.id))
    lines: dict[tuple[str, str], list[Step]] = {}
    for step in steps:
        lines.setdefault((step.supplier, step.weapons[0]), []).append(step)
    return Story(
        tuple(steps), {k: tuple(v) for k, v in lines.items()}, first_uses(events, gazetteer)
    )


def _is_decision(event: Event) -> bool:
    if event.certainty is Certainty.PLANNED or action_of(event) != "permission":
        return False
    text = event.sources[0].quote
    return bool(_DECISION_RE.search(text)) and not _NOT_YET_RE.search(text)


def _suppliers(gazetteer: Gazetteer) -> set[str]:
    """Countries that can allow the use of their weapons: every country but the two at war."""
    countries = {e.id for e in gazetteer.of_kind(EntityKind.PLACE) if e.category == "land"}
    countries |= {e.country for e in gazetteer.entries.values() if e.country}
    return countries - set(_BORDER)


def _supplier(event: Event, gazetteer: Gazetteer, finder: MentionFinder) -> str | None:
    """The country that decided: the first party of a supplier country the sentence names
    before its decision, else the country of the weapons."""
    suppliers = _suppliers(gazetteer)
    text = event.sources[0].quote
    decision = _DECISION_RE.search(text)
    head_end = decision.end() if decision else len(text)
    candidates: list[tuple[int, str]] = []
    for m in finder.find(text, event.date.start):
        if m.start >= head_end or m.kind not in (EntityKind.ACTOR, EntityKind.PLACE):
            continue
        entry = gazetteer.entries[m.entity]
        country = m.entity if m.entity in suppliers else entry.country
        before = text[max(0, m.start - 12) : m.start].lower()
        if m.kind is EntityKind.PLACE and _WHERE_RE.search(before):
            continue  # a place where, not a government that decides
        if country in suppliers:
            candidates.append((m.start, country))
    for country in suppliers:
        land = gazetteer.entries.get(country)
        for adjective in land.adjectives if land else ():
            found = re.search(rf"\b{re.escape(adjective)}\b", text[:head_end])
            if found:
                candidates.append((found.start(), country))
    if candidates:
        return min(candidates)[1]
    for weapon in event.weapons:
        arms = gazetteer.entries.get(weapon)
        if arms and arms.country in suppliers:
            return arms.country
    return None


def _weapons(event: Event, supplier: str, gazetteer: Gazetteer) -> tuple[str, ...]:
    """The event's weapons, most specific first (a group after the weapons in it); with
    none named, the supplier's own group ("Amerikaanse wapens")."""
    closure = gazetteer.broader_closure()
    named = list(event.weapons)
    named.sort(key=lambda w: sum(1 for o in named if w in closure.get(o, frozenset())))
    if named:
        return tuple(named)
    groups = {g for wider in closure.values() for g in wider}
    own = [
        e.id
        for e in gazetteer.of_kind(EntityKind.WEAPON)
        if e.country == supplier and e.id in groups
    ]
    return tuple(own[:1])


def _place_name(entity: str, gazetteer: Gazetteer) -> str:
    entry = gazetteer.entries[entity]
    if entry.category and "regio" in entry.category:
        return f"de regio {entry.name}"
    return entry.name


def _scope(event: Event, gazetteer: Gazetteer) -> str:
    """Where in Russia the step allowed strikes, in Dutch, from the event's places."""
    places = [p for p in event.places if p in gazetteer.entries]
    in_russia = [p for p in places if gazetteer.entries[p].country == "russia"]
    near = [p for p in places if gazetteer.entries[p].country == "ukraine"]
    deeper = any(_DEEPER_RE.search(s.quote) for s in event.sources)
    if in_russia:
        return "doelen in " + _join([_place_name(p, gazetteer) for p in in_russia])
    if near:
        return "Russische doelen bij " + _join([_place_name(p, gazetteer) for p in near])
    if "russia" in places:
        return "doelen dieper in Rusland" if deeper else "doelen in Rusland"
    return "inzet (de bron zegt niet waar)"


def _join(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " en " + names[-1]


def _limits(
    event: Event,
    number: int,
    starts: Mapping[str, Sequence[tuple[tuple[int, int], int]]],
    articles: Mapping[str, Article],
    gazetteer: Gazetteer,
    finder: MentionFinder,
) -> tuple[Limit, ...]:
    """Restrictions told with the decision: in its own sentences, and after it in the same
    article up to the next decision (at most three paragraphs on)."""
    found: list[Limit] = []
    closure = gazetteer.broader_closure()
    groups = {g for w in closure for g in closure[w]}
    for source in event.sources:
        if source.certainty is None and source is not event.sources[0]:
            continue  # an elaboration folded in: read with the sentence before it
        article = articles.get(source.article)
        if article is None:
            continue
        stop = _next_decision(starts, number, source)
        first = article.position_of(source.paragraph, source.sentence)
        sentences = article.sentences
        # From the decision's own sentence on: not every sentence before it, once per source.
        for at in range(len(sentences) if first is None else first, len(sentences)):
            sentence = sentences[at]
            position = (sentence.paragraph, sentence.index)
            if sentence.paragraph > source.paragraph + 6 or (stop and position >= stop):
                break
            if sentence.kind is not BlockKind.BODY:
                continue
            own = position == (source.paragraph, source.sentence)
            text = _limit_part(sentence.text) if own else sentence.text
            if not text or not _LIMIT_RE.search(text) or text.rstrip().endswith("?"):
                continue
            mentions = finder.find(sentence.text, event.date.start)
            weapons = tuple(
                dict.fromkeys(m.entity for m in mentions if m.kind is EntityKind.WEAPON)
            )
            banned = (
                tuple(w for w in weapons if w in groups)
                if _BAN_STAYS_RE.search(sentence.text)
                else ()
            )
            ctx = Context(finder, gazetteer, event.date, article.meta.published, (), weapons)
            found.append(
                Limit(
                    _capitalise(text) if own else write_headline(text, ctx).text,
                    weapons,
                    _ref(sentence, article.stem),
                    banned,
                )
            )
    unique: dict[str, Limit] = {}
    for limit in found:
        unique.setdefault(limit.text, limit)
    return tuple(unique.values())


_OWN_LIMIT_RE = re.compile(r"\b(?:onder de strikte afspraak|op voorwaarde|uitsluitend|alleen)\b")


def _limit_part(text: str) -> str:
    """The restricting part of the decision's own sentence ("..., onder de strikte afspraak
    dat Kyiv ze uitsluitend zou inzetten in de regio Koersk")."""
    m = _OWN_LIMIT_RE.search(text)
    if not m:
        return ""
    return text[m.start() :]


def _decision_starts(
    decisions: Sequence[Event],
) -> dict[str, list[tuple[tuple[int, int], int]]]:
    """Where each decision starts, per article, in text order: (position, its number)."""
    starts: dict[str, list[tuple[tuple[int, int], int]]] = {}
    for number, decision in enumerate(decisions):
        for s in decision.sources[:1]:
            starts.setdefault(s.article, []).append(((s.paragraph, s.sentence), number))
    for found in starts.values():
        found.sort()
    return starts


def _next_decision(
    starts: Mapping[str, Sequence[tuple[tuple[int, int], int]]], number: int, source: SourceRef
) -> tuple[int, int] | None:
    """The start of the next other decision after the source in its article: a look-up in
    the article's starts, not a pass over every decision (that grew with N²)."""
    found = starts.get(source.article, ())
    after = bisect.bisect_right(found, ((source.paragraph, source.sentence), sys.maxsize))
    for position, other in found[after:]:
        if other != number:
            return position
    return None


def _capitalise(text: str) -> str:
    text = text.strip(" ,.")
    return text[:1].upper() + text[1:]


def first_uses(events: Sequence[Event], gazetteer: Gazetteer) -> dict[str, Event]:
    """Per weapon, the first strike the articles report on a place in Russia: earliest,
    then the most certain telling, then the most precise place."""
    strength = {Certainty.CONFIRMED: 0, Certainty.REPORTED: 1, Certainty.CLAIMED: 2}
    found: dict[str, Event] = {}
    groups = {g for wider in gazetteer.broader_closure().values() for g in wider}
    for event in events:
        if event.certainty not in strength or action_of(event) != "strike":
            continue
        places = [gazetteer.entries[p] for p in event.places if p in gazetteer.entries]
        if not any(p.id == "russia" or p.country == "russia" for p in places):
            continue
        for weapon in event.weapons:
            if weapon in groups:
                continue  # "westerse wapens" is no weapon that can be first used
            best = found.get(weapon)
            if best is None or _earlier(event, best, strength):
                found[weapon] = event
    return found


def _earlier(a: Event, b: Event, strength: Mapping[Certainty, int]) -> bool:
    def key(e: Event) -> tuple[object, ...]:
        return (e.date.start, strength[e.certainty], -len(e.places), e.id)

    return key(a) < key(b)


def _ref(sentence: Sentence, stem: str) -> SourceRef:
    return SourceRef(stem, sentence.paragraph, sentence.index, sentence.text)
