"""The subject of a Dutch main clause: who does or says what the finite verb tells.

Dutch puts the finite verb second. Before it stands the subject ("De regering heeft ...
laten weten") or something else, and then the subject follows the verb ("Vrijdag zei de
minister ...", "..., aldus de president"). The noun phrase runs until a conjunction, a
preposition that opens what is said or where, punctuation or a time word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.dutch.verbs import PREPOSITIONS, Clause, Form, Verbs, forms, words

# Words that open a sentence without being its subject.
_NOT_SUBJECT_OPENERS = frozenset(
    """eerder later vandaag gisteren morgen nu toen daarna daarop intussen inmiddels zo
    daarom daardoor volgens wel toch echter bovendien verder maar en dan
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag afgelopen vorige vorig
    deze dit begin eind half medio twee drie vier vijf zes zeven acht tien 's s na bij
    tijdens sinds rond dat daarover daarop daarmee hierover vervolgens tegelijk tegelijkertijd
    ondertussen nadien hierna daarnaast opnieuw eveneens tevens ook nog reeds uiteindelijk
    eindelijk ten slotte tot slot""".split()
)
# Words that end a subject noun phrase.
_STOP_WORDS = frozenset(
    """dat die of als ook echter nog al nu eerder later vandaag gisteren morgen vrijdag
    zaterdag zondag maandag dinsdag woensdag donderdag afgelopen vorige vorig deze onlangs
    niet wel zelf graag bovendien daarover daarbij daarmee hierover hierbij is zijn was
    waren heeft hebben had hadden zou zouden gaat gaan ging gingen wordt worden werd werden zal
    zullen kan kunnen kon konden moet moeten moest mag mogen mocht""".split()
)
# Day parts glued to a day: "gisteravond", "vrijdagmiddag", "vanochtend".
_DAY_PART_RE = re.compile(
    r"^(?:gister|eergister|vandaag|van(?:ochtend|middag|avond|nacht|morgen)|morgen|"
    r"(?:maan|dins|woens|donder|vrij|zater|zon)dag)(?:en|ochtend|middag|avond|nacht|morgen)?$"
)
# A time expression before the verb: the subject follows it ("Twee dagen later keurde X").
_TIME_WORDS_RE = re.compile(
    r"\b(?:later|geleden|daarna|ervoor|eerder|dag|dagen|week|weken|maand|maanden|jaar|"
    r"avond|ochtend|middag|nacht|weekend)\b",
    re.IGNORECASE,
)
# Focus words and sentence adverbs before a subject: "Dat vindt althans het ministerie".
_FOCUS_WORDS = frozenset(
    "ook zelfs alleen nu dan wel althans tenminste immers echter dus namelijk evenwel "
    "trouwens overigens eveneens".split()
)
_SUBORDINATE_OPENERS = frozenset(
    "dat of omdat als toen nadat wanneer hoewel terwijl zodat voordat doordat zodra".split()
)
_QUOTE_RE = re.compile(r"[\"“”„‘’]")
_PUNCTUATION_RE = re.compile(r"[,:;.!?\"“”„()–]")
_ARTICLES = frozenset({"de", "het", "een", "'t"})


@dataclass(frozen=True)
class Subject:
    start: int
    end: int
    text: str  # as written, without a leading article


def subject_of(text: str, verbs: Verbs, clause: Clause | None) -> Subject | None:
    """The subject of a clause's finite verb, or None when it cannot be told."""
    if clause is None or clause.finite is None or clause not in verbs.clauses:
        return None
    finite = clause.finite.word
    # Pieces split off at commas with no verb of their own belong to the subject:
    # "Een woordvoerder van het Witte Huis, Anna Kelly, zegt dat ...".
    index = verbs.clauses.index(clause)
    while (
        index > 0
        and verbs.clauses[index - 1].finite is None
        and not verbs.clauses[index - 1].participles
        and not _QUOTE_RE.search(text[verbs.clauses[index - 1].start : clause.start])
    ):
        index -= 1  # not across a quote: '"...", zei hij' has its subject after the verb
    start = verbs.clauses[index].start
    before = text[start : finite.start]
    tokens = words(before)
    opener = tokens[0].lower if tokens else ""
    if clause.subordinate and tokens and tokens[0].lower in _SUBORDINATE_OPENERS:
        # "dat Iran raketten heeft geleverd": the subject follows the conjunction
        return _phrase(text, start + tokens[0].end, finite.start, from_left=True)
    inverted = (
        not tokens
        or opener in _NOT_SUBJECT_OPENERS
        or _opens_with_participle(tokens[0].text)
        or opener in PREPOSITIONS
        or opener.isdigit()
        or bool(_TIME_WORDS_RE.search(before))
    )
    if not inverted:
        subject = _phrase(text, start, finite.start, from_left=True)
        return _apposition(text, subject) if subject else None
    return _phrase(text, finite.end, clause.end, from_left=False)


def phrase_after(text: str, start: int) -> Subject | None:
    """The noun phrase that starts at `start` ("volgens Duitse media woensdag ..." ->
    "Duitse media")."""
    return _phrase(text, start, len(text), from_left=False)


def _opens_with_participle(word: str) -> bool:
    """ "Gevraagd naar ..., zei X": a participle opens the sentence, the subject follows."""
    return any(form is Form.PARTICIPLE for _, form in forms(word))


def _apposition(text: str, subject: Subject) -> Subject:
    """ "Een woordvoerder van het Witte Huis, Anna Kelly": the name in apposition."""
    parts = [p.strip() for p in subject.text.split(",") if p.strip()]
    if len(parts) > 1 and parts[-1][:1].isupper():
        name = parts[-1]
        at = text.find(name, subject.start)
        return Subject(at, at + len(name), name)
    return subject


def _phrase(text: str, start: int, end: int, *, from_left: bool) -> Subject | None:
    """The noun phrase in text[start:end]: the whole span before the verb, or the words
    right after it up to the first stop."""
    chosen: list[tuple[int, int, str]] = []
    for token in words(text[start:end]):
        a, b = start + token.start, start + token.end
        gap = text[chosen[-1][1] : a] if chosen else ""
        if chosen and _PUNCTUATION_RE.search(gap) and not (from_left and "," in gap):
            break
        lower = token.lower
        if not chosen and lower in _FOCUS_WORDS:
            continue
        finite_verb = token.text.islower() and bool(forms(token.text))  # any verb form ends it
        stop = lower in _STOP_WORDS or lower in PREPOSITIONS or _DAY_PART_RE.match(lower)
        if not from_left and chosen and (stop or finite_verb):
            if lower == "van" and _capital_follows(text, b):
                chosen.append((a, b, token.text))  # "minister van Buitenlandse Zaken"
                continue
            break
        if not from_left and not chosen and lower in _STOP_WORDS:
            continue  # "zei vrijdag de minister": skip the time word
        chosen.append((a, b, token.text))
    neuter = bool(chosen) and chosen[0][2].lower() == "het"
    while chosen and chosen[0][2].lower() in _ARTICLES:
        chosen = chosen[1:]
    if not chosen:
        return None
    if not from_left and chosen[0][2].lower() in PREPOSITIONS:
        return None  # "zei tijdens de ontmoeting ...": a place in time, not who spoke
    first, last = chosen[0][0], chosen[-1][1]
    phrase = text[first:last].strip()
    if neuter:
        phrase = _uninflected(phrase)
    if len(phrase.split()) > 12:
        return None  # no noun phrase: the clause was read wrong
    return Subject(first, last, phrase)


def _uninflected(phrase: str) -> str:
    """ "het Russische ministerie" names "Russisch ministerie": without its article, a neuter
    noun's adjectives lose their -e."""
    words = phrase.split()
    for index, word in enumerate(words):
        if word.endswith(("se", "sche", "ke", "ele")) and word[:1].isupper():
            words[index] = word[:-1]
        else:
            break
    return " ".join(words)


def _capital_follows(text: str, at: int) -> bool:
    rest = text[at:].lstrip()
    return bool(rest) and rest[0].isupper()
