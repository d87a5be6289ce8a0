"""A plain Dutch headline for an event, written from its own sentence.

The headline is the sentence's main clause in main-clause word order: leading
connectives, subordinate clauses, dates and "volgens X" go (the date and the label carry
them); hedges ("zou ... hebben", "naar verluidt") go into the label; "X zei dat Y" becomes
"X: Y" for a party and plain "Y" for a medium; a subject pronoun gets its referent from
the sentence before; "vandaag", "gisteren", "morgen" become the date. Every word comes
from the article or the gazetteer: the rules delete, reorder and substitute, never invent
(`unsourced_words` checks it). At most MAX characters, cut only between words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from generator.dates import MONTHS_NL
from generator.dutch.numbers import NUMBER_WORDS
from generator.dutch.timex import find_time_expressions
from generator.dutch.verbs import Form
from generator.dutch.verbs import forms as verb_forms
from generator.extract.events import PAST_FORMS
from generator.extract.mentions import MentionFinder
from generator.gazetteer import Gazetteer
from generator.model import Article, DateValue, EntityKind, Event, Mention

MAX = 90  # what a headline aims at
HARD_MAX = 100  # "about 90": a longer one is cut between words, with an ellipsis

# --- word tables ---------------------------------------------------------------------------

AUXILIARIES = """heeft hebben had hadden is zijn was waren wordt worden werd werden zal zullen
    zou zouden kan kunnen kon konden mag mogen mocht mochten moet moeten moest moesten wil
    willen wilde wilden gaat gaan ging gingen""".split()
SPEECH_VERBS = """zei zeiden zegt zeggen meldt melden meldde meldden bericht berichten
    berichtte berichtten schrijft schreef schreven stelt stelde stellen verklaarde verklaart
    beweert beweren beweerde vernam vernamen waarschuwde waarschuwt benadrukte bevestigde
    bevestigt erkende denkt dacht vindt vond vreest vreesde""".split()
# Finite forms that can stand second in a main clause or last in a subordinate one.
FINITE = frozenset(
    AUXILIARIES
    + PAST_FORMS
    + """staat staan stond stonden komt komen ligt liggen krijgt krijgen kreeg kregen
    geeft geven zet zetten zette zetten stuurt sturen levert leveren zegt zeggen zei zeiden
    meldt melden meldde meldden noemt noemde noemden dreigt vindt vond vinden vreest vreesde
    blijft blijven bleef bleven hief hieven sprongen sprong citeert citeerde beweert beweerde
    verklaarde verklaart keurde keurden neemt nemen nam namen voert voeren voerde voerden
    maakt maken toonde verwierp wees besloot besloten vroeg vroegen begon begonnen volgde
    volgden praten praatte praatten stak staken rukte rukten trok trokken bezette bezetten
    hield hielden liep liepen deed deden bracht brachten zag zagen wist wisten kende noemde
    probeerde probeerden weigerde weigert opende kocht verkocht verloor won wonnen steunde
    steunt steunen vecht vochten bleek lijkt leek raakte werkte vertrok kondigt beloofde
    belooft""".split()
    + SPEECH_VERBS
)
SEPARABLE_PREFIXES = (
    "binnen",
    "terug",
    "neer",
    "samen",
    "tegen",
    "toe",
    "aan",
    "af",
    "op",
    "uit",
    "in",
    "mee",
    "door",
    "over",
    "om",
    "vast",
    "goed",
    "bij",
    "weg",
    "voor",
    "na",
)

CONNECTIVES = (
    "niet lang daarna",
    "kort daarna",
    "korte tijd later",
    "in ieder geval",
    "in elk geval",
    "maar",
    "en",
    "ook",
    "zo",
    "dus",
    "daarom",
    "toch",
    "wel",
    "inmiddels",
    "intussen",
    "ondertussen",
    "daarnaast",
    "bovendien",
    "verder",
    "vervolgens",
    "daarna",
    "nu",
    "dan",
    "echter",
    "tegelijk",
    "eerder",
    "later",
    "al",
    "namelijk",
)
SUBORDINATORS = (
    "nadat",
    "voordat",
    "toen",
    "hoewel",
    "omdat",
    "terwijl",
    "zodra",
    "als",
    "wanneer",
    "ofschoon",
    "doordat",
    "nu",
)
# Sentence-level hedges: the label says how certain it is. Number hedges ("zo'n") stay.
HEDGES = ("naar verluidt", "vermoedelijk", "mogelijk", "waarschijnlijk", "kennelijk", "blijkbaar")
# Openings that only frame the clause after "dat": that clause is the headline.
HEDGE_LEADS = (
    "het lijkt erop dat",
    "het ziet ernaar uit dat",
    "naar verluidt heeft",
    "dat betekent dat",
    "dit betekent dat",
    "dat wil zeggen dat",
)
PRONOUNS = frozenset({"hij", "zij", "ze", "het", "we", "wij", "men", "er", "dit", "dat"})
PREPOSITIONS = frozenset(
    """van voor met op in aan bij door naar over uit tot tegen onder na zonder sinds tussen
    binnen buiten richting via om rond dankzij vanaf vanuit wegens tijdens volgens ter naast
    zoals""".split()
)
DETERMINERS = frozenset(
    "de het een die deze dit dat zijn haar hun hem ons onze mijn jouw elk elke alle".split()
)
ADVERBS = frozenset(
    """al nog wel ook niet nu toen dan daar hier daarom toch echter namelijk inmiddels
    nadrukkelijk specifiek vanzelfsprekend inderdaad zelfs pas reeds eerder later""".split()
)
TITLE_WORDS = (
    "president",
    "oud-president",
    "premier",
    "minister",
    "kanselier",
    "leider",
    "woordvoerder",
    "staatssecretaris",
    "secretaris-generaal",
)
_DEICTIC = (
    "vandaag",
    "gisteren",
    "eergisteren",
    "morgen",
    "overmorgen",
    "vanavond",
    "vannacht",
    "vanochtend",
    "vanmorgen",
    "vanmiddag",
    "afgelopen",
    "vorige",
    "komende",
    "volgende",
    "deze",
    "dit",
    "eerder",
    "later",
    "geleden",
    "straks",
)
# Words of grammar, not of content: a headline may use them though the sentence does not.
FUNCTION_WORDS = (
    frozenset(AUXILIARIES)
    | PREPOSITIONS
    | DETERMINERS
    | ADVERBS
    | PRONOUNS
    | frozenset("en of maar als dan dat wat wie waar hoe op".split())
    | frozenset(MONTHS_NL)
    | frozenset(SEPARABLE_PREFIXES)
)

_WORD_RE = re.compile(r"[\w'’-]+|[^\w\s]")
_QUOTES = '"“”„'


@dataclass(frozen=True)
class Context:
    """What the rules may draw on besides the sentence itself."""

    finder: MentionFinder
    gazetteer: Gazetteer
    when: DateValue  # the event's date
    published: DateValue | None = None
    previous: Sequence[str] = ()  # the sentences just before this one, nearest last
    weapons: Sequence[str] = ()  # the event's weapons (to resolve "die raketten")
    anchors: Mapping[str, DateValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Headline:
    text: str
    cut: bool  # shortened at a word boundary, with an ellipsis
    referent_missing: bool  # opens with a pronoun whose referent is unknown


def write_headline(sentence: str, ctx: Context) -> Headline:
    """The headline of one sentence (or of the clause an event stands on)."""
    text = " ".join(sentence.split()).strip()
    text = re.sub(r"\s*\([^()]*\)", "", text)
    text = text.rstrip(" .!?;:")
    if _wholly_quoted(text):
        text = text[1:-1].rstrip(" .,")
    text = _drop_hedge_leads(text)
    text, speaker = _speech(text, ctx)
    text, fronted = _drop_leading(text, ctx)
    text = _drop_hedges(text)
    text = _main_order(text, fronted)
    text = _resolve_times(text, ctx)
    text = _resolve_group_anaphor(text, ctx)
    text = _short_names(text, ctx)
    text, missing = _resolve_pronoun(text, ctx)
    prefix = f"{speaker}: " if speaker else ""
    body, cut = _fit(_drop_times_if_long(text, ctx, MAX - len(prefix)), MAX - len(prefix))
    body = _balance_quotes(body)
    return Headline(_capitalise(prefix + (body if prefix else _capitalise(body))), cut, missing)


# --- leading material ----------------------------------------------------------------------

_CONNECTIVE_RE = re.compile(
    r"^(?:" + "|".join(re.escape(c) for c in CONNECTIVES) + r")\b,?\s+", re.IGNORECASE
)
_SUBORDINATE_RE = re.compile(
    r"^(?:\w+\s+){0,3}?(?:" + "|".join(SUBORDINATORS) + r")\b[^,]*,\s*", re.IGNORECASE
)
_VOLGENS_RE = re.compile(r"^volgens\b", re.IGNORECASE)
# Words that open a sentence without a clause of their own: they go whatever follows.
_FOCUS_RE = re.compile(r"^(?:ook|zelfs|maar|en|toch|dus|daarnaast|bovendien)\b,?\s+", re.IGNORECASE)
_PARTICIPLE_LEAD_RE = re.compile(r"^(?:ge\w+d|ge\w+t|\w+end)\b[^,]*,\s*", re.IGNORECASE)
_INSERTION_LEAD_RE = re.compile(r"^,\s*[^,]*,\s*")


def _drop_leading(text: str, ctx: Context) -> tuple[str, bool]:
    """Drop what stands before the main clause's finite verb; True when something did."""
    original = text
    # Only a focus word gone ("Ook troepen die ... mogen"): the subject still leads.
    clause_dropped = False
    for _ in range(6):
        before = text
        lead = _SUBORDINATE_RE.match(text) or _CONNECTIVE_RE.match(text)
        focus = _FOCUS_RE.match(text)
        rest = text[lead.end() :] if lead else ""
        if lead and (_verb_first(rest) if lead.re is _CONNECTIVE_RE else _starts_finite(rest)):
            text = rest
        elif focus:
            text = text[focus.end() :]  # "Ook in Europa nam de druk toe": the focus word goes
            continue
        elif _VOLGENS_RE.match(text):
            text = _after_fronted(text)
        elif (
            m := _PARTICIPLE_LEAD_RE.match(text) or _INSERTION_LEAD_RE.match(text)
        ) and not _has_finite(m.group(0)):
            text = text[m.end() :]
        else:
            text = _drop_leading_time(text, ctx)
            if text == before:
                text = _front_to_middle(text)
        text = text.lstrip(" ,")
        if text == before:
            break
        clause_dropped = True
    first = _first_word(text) or "x"
    return text, text != original and (first in FINITE or (clause_dropped and _looks_finite(first)))


def _front_to_middle(text: str) -> str:
    """'Naast de VS hebben dertien landen ...' -> 'dertien landen hebben naast de VS ...'."""
    words = text.split(" ")
    if not words or words[0].lower() not in PREPOSITIONS or words[0].lower() == "volgens":
        return text
    for i, word in enumerate(words[1:8], start=1):
        bare = word.lower().strip(",")
        if bare in ("of", "dat", "die", "wat", "als") or word.endswith(","):
            return text
        if bare in FINITE and i > 1:
            n = _subject_length(words[i + 1 :])
            if n == 0:
                return text
            fronted = [words[0].lower(), *words[1:i]]
            subject = words[i + 1 : i + 1 + n]
            return " ".join([*subject, bare, *fronted, *words[i + 1 + n :]])
    return text


def _after_fronted(text: str) -> str:
    """'Volgens de New York Times heeft Trump ...' -> 'heeft Trump ...'."""
    words = text.split(" ")
    for i, word in enumerate(words[1:9], start=1):
        if word.lower().strip(",") in FINITE:
            return " ".join(words[i:])
        if word.endswith(","):
            return " ".join(words[i + 1 :])
    return text


def _drop_leading_time(text: str, ctx: Context) -> str:
    for expr in find_time_expressions(text, ctx.published, None, ctx.anchors):
        lead = text[: expr.start].strip().lower()
        if lead in ("", "in", "op", "rond", "sinds", "vanaf", "al in", "al op", "pas", "al", "nog"):
            rest = text[expr.end :].lstrip()
            if rest.startswith(","):
                rest = rest[1:].lstrip()
            if _starts_finite(rest) or _INSERTION_LEAD_RE.match("," + rest):
                return rest
        break
    return text


def _verb_first(text: str) -> bool:
    """After a connective ("Ook", "Zo"), a finite verb: "Zo stuurden ze", not "Ook troepen
    die ..." (a plural noun that is also an infinitive is no finite verb there)."""
    first = _first_word(text)
    return first in FINITE or any(
        form in (Form.PAST, Form.PRESENT) for _, form in verb_forms(first)
    )


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0].lower().strip(",")


def _starts_finite(text: str) -> bool:
    return _looks_finite(text.split(" ", 1)[0]) if text else False


def _has_finite(text: str) -> bool:
    return any(w.lower().strip(",") in FINITE for w in text.split())


# --- speech and hedges ---------------------------------------------------------------------

_SPEECH_RE = re.compile(
    r"\b(?P<verb>" + "|".join(SPEECH_VERBS) + r"|liet\s+weten|laat\s+weten|raakte\s+bekend|"
    r"werd\s+bekend|bleek)(?P<mid>(?:\s+[\w'’-]+){0,8}?)\s+dat\s+",
    re.IGNORECASE,
)


_COLON_QUOTE_RE = re.compile(
    r"^(?P<head>.*\b(?:" + "|".join(SPEECH_VERBS) + r"|antwoordde|verklaarde)\b[^:\"“]*):\s*"
    r"(?P<quote>[\"“].+[\"”])$",
    re.IGNORECASE,
)


def _speech(text: str, ctx: Context) -> tuple[str, str | None]:
    """'X zei dat Y' -> Y, with X as speaker when X is a party (a medium stays in the label)."""
    colon = _COLON_QUOTE_RE.match(text)
    if colon:
        speaker = _speaker(colon.group("head"), ctx)
        if speaker:
            return colon.group("quote"), speaker
    matches = [m for m in _SPEECH_RE.finditer(text) if not _in_quote(text, m.start())]
    if not matches:
        return text, None
    m = matches[-1]
    rest = text[m.end() :]
    if len(rest.split()) < 3:
        return text, None
    head = text[: m.start()]
    speaker = (
        _speaker(m.group("mid"), ctx, places=False) or _speaker(head, ctx) or _named(head, ctx)
    )
    return _subordinate_to_main(rest), speaker


def _named(head: str, ctx: Context) -> str | None:
    """A person the gazetteer does not know, named as the sentence's subject: 'Michael S.
    Repass, voormalig commandant ..., zei' -> 'Michael S. Repass' (never a medium)."""
    words = head.split(",", 1)[0].split()
    if not 2 <= len(words) <= 4 or words[0].lower() in DETERMINERS | PRONOUNS:
        return None
    if not all(w[:1].isupper() for w in words):
        return None
    name = " ".join(words)
    if any(m.kind is EntityKind.MEDIUM for m in ctx.finder.find(name, ctx.when.start)):
        return None
    return name


def _speaker(head: str, ctx: Context, places: bool = True) -> str | None:
    """The party that speaks in `head` (nearest to the verb), by its short name."""
    if not head.strip():
        return None
    mentions = [
        m
        for m in ctx.finder.find(head, ctx.when.start)
        if m.kind in (EntityKind.ACTOR, EntityKind.PLACE, EntityKind.MEDIUM)
    ]
    if not mentions:
        return None
    tail = head.rstrip().rsplit(" ", 1)[-1].lower()
    if tail in ("hij", "zij"):  # "antwoordde hij": the person the sentence is about
        people = [m for m in mentions if _is_person(m.entity, ctx.gazetteer)]
        return _short_name(people[0].entity, ctx.gazetteer) if people else None
    actors = [m for m in mentions if m.kind is EntityKind.ACTOR]
    if actors:
        return _short_name(actors[-1].entity, ctx.gazetteer)
    nearest = max(mentions, key=lambda m: m.end)
    # A country or capital speaks only right before its verb ("Moskou zegt dat").
    if nearest.kind is EntityKind.PLACE and places and not head[nearest.end :].strip():
        return _short_name(nearest.entity, ctx.gazetteer)
    return None


def _is_person(entity: str, gazetteer: Gazetteer) -> bool:
    entry = gazetteer.entries.get(entity)
    return entry is not None and entry.category == "persoon"


def _in_quote(text: str, index: int) -> bool:
    return sum(text[:index].count(q) for q in '"') % 2 == 1 or (
        text[:index].count("“") > text[:index].count("”")
    )


def _drop_hedge_leads(text: str) -> str:
    for lead in HEDGE_LEADS:
        if text.lower().startswith(lead):
            rest = text[len(lead) :].lstrip()
            return _subordinate_to_main(rest) if lead.endswith("dat") else rest
    return text


_HEDGE_RE = re.compile(r"\b(?:" + "|".join(HEDGES) + r")\b,?\s*", re.IGNORECASE)
_ZOU_RE = re.compile(r"\b(zou|zouden)\b")
_AUX_AFTER_RE = re.compile(r"\s(hebben|zijn|worden)\b")
_ZOU_AUX = {
    ("zou", "hebben"): "heeft",
    ("zou", "zijn"): "is",
    ("zou", "worden"): "wordt",
    ("zouden", "hebben"): "hebben",
    ("zouden", "zijn"): "zijn",
    ("zouden", "worden"): "worden",
}


def _drop_volgens(text: str) -> str:
    """'zijn volgens Rusland ATACMS ingezet' -> 'zijn ATACMS ingezet': the label says whose."""
    words = text.split(" ")
    for i, word in enumerate(words):
        if i == 0 or word.lower() != "volgens" or _in_quote(text, len(" ".join(words[:i]))):
            continue
        rest = words[i + 1 :]
        n = 1 if rest and rest[0].lower().strip(",") in ("hem", "haar", "hen", "hun") else 0
        n = n or _subject_length(rest)
        if n:
            if rest[n - 1].endswith(",") and words[i - 1].endswith(","):
                words[i - 1] = words[i - 1].rstrip(",")
            return " ".join(words[:i] + rest[n:])
    return text


def _drop_hedges(text: str) -> str:
    text = _HEDGE_RE.sub("", text)
    text = _drop_volgens(text)
    # "zou ... hebben ingezet" -> "heeft ... ingezet": the label says it is not confirmed.
    m = _ZOU_RE.search(text)
    if m and not _in_quote(text, m.start()):
        clause_end = _clause_end(text, m.end())
        aux = _AUX_AFTER_RE.search(text, m.end(), clause_end)
        if aux:
            finite = _ZOU_AUX[(m.group(1), aux.group(1))]
            text = text[: m.start()] + finite + text[m.end() : aux.start()] + text[aux.end() :]
    return re.sub(r"\s{2,}", " ", text).strip()


def _clause_end(text: str, start: int) -> int:
    m = re.compile(r"[;:]|,(?!\d)").search(text, start)
    return m.start() if m else len(text)


# --- word order ----------------------------------------------------------------------------


def _subject_length(words: Sequence[str]) -> int:
    """How many words at the start form the subject noun phrase (0 if none).

    Determiners, numbers, adjectives (-e) and titles lead up to a head word; the phrase
    ends after the head, unless a name goes on ("Joe Biden") or "van" adds to it.
    """
    if not words:
        return 0
    first = words[0].lower().strip(",")
    if first in PRONOUNS and (
        first != "het" or len(words) < 2 or _ends_phrase(words[1]) or words[1].lower() in FINITE
    ):
        return 1
    n = 0
    head = False
    for i, word in enumerate(words[:8]):
        bare = word.lower().strip(",")
        if i > 0 and (
            not (bare in DETERMINERS and words[i - 1].lower() == "en")
            and (
                bare in DETERMINERS
                or bare in PREPOSITIONS
                or bare in ADVERBS
                or bare in FINITE
                or bare in ("dat", "om", "te", "geen", "er")
            )
        ):
            if bare == "van" and (head or words[i - 1].lower() in TITLE_WORDS):
                return i + 1 + _van_object(words[i + 1 :])
            break
        if head and bare != "en" and not _name_goes_on(words[i - 1], word):
            break
        n = i + 1
        if word.endswith(","):
            break
        if bare == "en":
            head = False
        elif not _leads_up(bare, word, i):
            head = True
    while n and words[n - 1].lower() == "en":
        n -= 1
    return n


def _name_goes_on(previous: str, word: str) -> bool:
    """'Joe Biden', 'Kyiv Independent': a capitalised word after a capitalised head."""
    return (
        previous[:1].isupper()
        and word[:1].isupper()
        and not _adjective(word)
        and not word.isupper()
        and "-" not in word
    )


def _leads_up(bare: str, word: str, i: int) -> bool:
    """Words before the head of a noun phrase."""
    return (
        bare in DETERMINERS
        or bare in NUMBER_WORDS
        or bare[:1].isdigit()
        or bare in ("zo'n", "zo’n", "minstens", "ruim", "en", "geen", "elk", "ieder", "enkel")
        or (i == 0 and bare == "nog")
        or bare in TITLE_WORDS
        or _adjective(word)
    )


def _adjective(word: str) -> bool:
    return word.lower().endswith(("se", "ische", "ke", "ige", "ste", "de", "te")) or (
        word.lower() in ("eerste", "nieuwe", "andere")
    )


def _van_object(words: Sequence[str]) -> int:
    """Length of the noun phrase after 'van' inside a subject ('van Buitenlandse Zaken')."""
    n = 0
    for i, word in enumerate(words[:6]):
        bare = word.lower().strip(",")
        if i > 0 and bare == "van" and i + 1 < len(words) and words[i + 1][:1].isupper():
            continue
        if i > 0 and (
            bare in PREPOSITIONS or bare in ADVERBS or bare in FINITE or bare in ("dat", "om")
        ):
            break
        if i > 0 and bare in DETERMINERS:
            break
        n = i + 1
        if word.endswith(","):
            break
    return n


def _ends_phrase(word: str) -> bool:
    bare = word.lower().strip(",")
    return bare in PREPOSITIONS or bare in ADVERBS or bare in DETERMINERS or bare[:1].isdigit()


def _main_order(text: str, fronted: bool) -> str:
    """'hief president Biden ... op' -> 'president Biden hief ... op' (verb-second undone).

    Only after a fronted part was dropped: then the first word is the finite verb."""
    words = text.split(" ")
    if not words or not (
        (fronted and _looks_finite(words[0]))
        or (words[0].lower() in FINITE and words[0].lower() not in DETERMINERS)
    ):
        return text
    adverbs = []
    k = 1
    while k < len(words) and words[k].lower() in ADVERBS | {"vooral", "pas", "zelfs"}:
        adverbs.append(words[k])
        k += 1
    n = _subject_length(words[k:])
    if n == 0:
        return text
    subject = words[k : k + n]
    last = subject[-1]
    tail = words[k + n :]
    if last.endswith(","):
        subject[-1] = last.rstrip(",")
        tail = _drop_insertion(tail)
    return " ".join([*subject, words[0].lower(), *adverbs, *tail])


def _looks_finite(word: str) -> bool:
    """A known finite form, or after a fronted part any word that cannot start a phrase."""
    bare = word.lower().strip(",")
    if bare in FINITE:
        return True
    return (
        word[:1].islower()
        and bare.isalpha()
        and len(bare) > 2
        and bare not in DETERMINERS | PREPOSITIONS | PRONOUNS | ADVERBS
        and not _adjective(bare)
    )


def _drop_insertion(words: list[str]) -> list[str]:
    """', onder premier Keir Starmer, toestemming' -> 'toestemming'."""
    for i, word in enumerate(words[:10]):
        if word.endswith(","):
            return words[i + 1 :]
    return words


def _subordinate_to_main(text: str) -> str:
    """'Oekraïne ... heeft ingezet' -> 'Oekraïne heeft ... ingezet' (finite verb second)."""
    words = text.split(" ")
    n = _subject_length(words)
    if n == 0:
        return text
    # The finite verb closes the clause: the last one before "om", "en dat" or a quote.
    quote_depth = 0
    found: tuple[int, str, str] | None = None
    last_verb = -2
    for i in range(n, len(words)):
        word = words[i]
        bare = word.lower().strip(",")
        if any(q in word for q in _QUOTES):
            quote_depth += sum(word.count(q) for q in _QUOTES)
            if found:
                break
        if quote_depth % 2:
            continue
        if (
            bare in _CLAUSE_STOPS
            or (i > n and bare in _RELATIVE_WHERE)
            or (bare == "en" and i + 1 < len(words) and words[i + 1].lower() in ("dat", "die"))
        ):
            break
        if i > 0 and words[i - 1].lower() == "te":
            continue  # an infinitive: "toestemming te geven"
        candidate: tuple[int, str, str] | None = None
        if (split := _split_separable(bare)) is not None:
            candidate = (i, split[1], split[0])
        elif bare in FINITE:
            candidate = (i, bare, "")
        # The finite verb opens the clause's final verb cluster ("zou sturen", "moet kunnen").
        if candidate:
            if not (found and last_verb == i - 1):
                found = candidate
            last_verb = i
    if found is not None:
        i, verb, particle = found
        word = words[i]
        bare = word.lower().strip(",")
        subject = words[:n]
        moved = words[n:i] + ([particle + (word[len(bare) :] or "")] if particle else [])
        if not particle and word.endswith(","):
            moved = [*moved, ","] if moved else moved
        rest = words[i + 1 :]
        return " ".join([*subject, verb, *moved, *rest]).replace(" ,", ",")
    return text


_RELATIVE_WHERE = frozenset(
    "waar waaruit waarmee waarop waarin waarbij waarvan waarna waarvoor waartegen".split()
)
_CLAUSE_STOPS = frozenset(
    {"om", "zodat", "omdat", "nadat", "voordat", "waardoor", "terwijl", "die", "waar", "wat"}
)


def _split_separable(word: str) -> tuple[str, str] | None:
    for prefix in SEPARABLE_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and rest in FINITE and len(rest) > 2:
            return prefix, rest
    return None


# --- references ----------------------------------------------------------------------------


def _resolve_times(text: str, ctx: Context) -> str:
    """'gaat morgen naar' -> 'gaat op 12 september naar' when the day is known, else dropped."""
    expressions = find_time_expressions(text, ctx.published, None, ctx.anchors)
    for expr in reversed(expressions):
        words = expr.text.lower().split()
        if not any(w in _DEICTIC for w in words):
            continue
        when = ctx.when
        replacement = ""
        if when.start == when.end:
            replacement = f"op {when.start.day} {MONTHS_NL[when.start.month - 1]}"
        lead = text[: expr.start].rstrip()
        if replacement and lead.lower().endswith((" op", " in")):
            lead = lead[: lead.rfind(" ")]
        text = (lead + " " + replacement + " " + text[expr.end :].lstrip(" ,")).strip()
    return re.sub(r"\s{2,}", " ", text)


def _drop_times_if_long(text: str, ctx: Context, limit: int) -> str:
    """Dates the label shows anyway ("kort na zijn overwinning ...") go when space is short."""
    if len(text) <= limit:
        return text
    for expr in reversed(find_time_expressions(text, ctx.published, None, ctx.anchors)):
        if len(text) <= limit:
            break
        lead = text[: expr.start].rstrip()
        if lead.lower().endswith((" in", " op", " sinds", " rond")):
            lead = lead[: lead.rfind(" ")]
        text = (lead + " " + text[expr.end :].lstrip(" ,")).strip()
    return re.sub(r"\s{2,}", " ", text)


def _resolve_group_anaphor(text: str, ctx: Context) -> str:
    """'die langeafstandsraketten' -> 'ATACMS' when the event names one weapon of that group."""
    closure = ctx.gazetteer.broader_closure()
    for m in reversed(ctx.finder.find(text, ctx.when.start)):
        if m.kind is not EntityKind.WEAPON:
            continue
        before = text[: m.start].rstrip()
        if not before.lower().endswith((" die", " deze", " dergelijke")) and before.lower() not in (
            "die",
            "deze",
            "dergelijke",
        ):
            continue
        narrower = [w for w in ctx.weapons if m.entity in closure.get(w, frozenset())]
        if len(narrower) == 1:
            cut = before.rfind(" ") + 1 if " " in before else 0
            name = ctx.gazetteer.entries[narrower[0]].name
            text = text[:cut] + name + text[m.end :]
    return text


_TITLE_RE = re.compile(
    r"(?:\b[Dd]e\s+)?(?:(?:[A-Z]\w+e|herkozen|voormalige?|toenmalige)\s+){0,2}"
    r"(?:[\w-]*(?:"
    + "|".join(TITLE_WORDS)
    + r"|chef|kanselier))(?:\s+van\s+[A-Z]\w+(?:\s+[A-Z]\w+)?)?\s+$",
    re.IGNORECASE,
)


def _short_names(text: str, ctx: Context) -> str:
    """'De Amerikaanse president Joe Biden' -> 'Biden'; 'de Russische leider' -> 'Poetin'."""
    limit = len(text)
    for m in reversed(ctx.finder.find(text, ctx.when.start)):
        entry = ctx.gazetteer.entries.get(m.entity)
        if entry is None or m.kind is not EntityKind.ACTOR or entry.category != "persoon":
            continue
        if m.end > limit:
            continue  # part of a longer name already shortened ("de Britse premier Keir Starmer")
        start = m.start
        title = _TITLE_RE.search(text[: m.start])
        if title:
            start = title.start()
        apposition = _APPOSITION_RE.match(text[:start])
        end = m.end
        if apposition and text[end : end + 1] == ",":
            start, end = 0, end + 1  # "De herkozen oud-president van de VS, Donald Trump,"
        text = text[:start] + _short_name(m.entity, ctx.gazetteer) + _genitive(m) + text[end:]
        limit = start
    return text


_APPOSITION_RE = re.compile(r"^[^,]{3,60},\s+$")


def _genitive(m: Mention) -> str:
    return "'s" if m.surface.endswith("'s") else ""


def _short_name(entity: str, gazetteer: Gazetteer) -> str:
    entry = gazetteer.entries[entity]
    if entry.category == "persoon" and entry.aliases:
        return min(entry.aliases, key=len)
    return re.sub(r"^(?:de|het)\s+", "", entry.name)


_PLURAL_GROUP_RE = re.compile(r"\b[Dd]e\s+(?:[A-Z]\w+e\s+)?[A-Z]\w+(?:en|ers|s)\b")


def _resolve_pronoun(text: str, ctx: Context) -> tuple[str, bool]:
    """A subject pronoun takes the subject of the sentence before ('ze' -> 'de Amerikanen')."""
    first = _first_word(text)
    if first not in ("hij", "zij", "ze"):
        return text, False
    for sentence in reversed(ctx.previous[-2:]):
        referent = _referent(sentence, first, ctx)
        if referent:
            return referent + text[len(first) :], False
    return text, True


def _referent(sentence: str, pronoun: str, ctx: Context) -> str | None:
    mentions = ctx.finder.find(sentence, ctx.when.start)
    if pronoun == "hij":
        for m in mentions:
            entry = ctx.gazetteer.entries.get(m.entity)
            if entry and entry.category == "persoon":
                return _short_name(m.entity, ctx.gazetteer)
        return None
    group = _PLURAL_GROUP_RE.search(sentence)
    if group:
        return group.group(0)
    for m in mentions:
        if m.kind is EntityKind.ACTOR:
            return _short_name(m.entity, ctx.gazetteer)
    return None


# --- length --------------------------------------------------------------------------------

_TRAILING_CLAUSE_RE = re.compile(r",(?!\d)(?:[^,]|,\d)*$")
_PURPOSE_RE = re.compile(
    r"\s+(?:om\s+(?:[^,]*?\s)?te\s+\w+|zodat|omdat|waardoor|terwijl|nadat|voordat)\b.*$"
)
_COORDINATED_RE = re.compile(
    r",?\s+(?:en|maar)\s+(?:(?:\w+\s+)?(?:" + "|".join(sorted(FINITE)) + r")|dat|die)\b.*$"
)
_USE_OF_RE = re.compile(r"\b(voor|over|op|tegen) het gebruik van\b")
_INSERTION_RE = re.compile(r",\s+(?:[^,]|,\d){3,60}?,\s+")
_TRIM_WORDS_RE = re.compile(
    r"\s+\b(?:nog|al|wel|ook|namelijk|echter|inderdaad|dan)\b(?!\s+(?:niet|geen))"
)
_END_FUNCTION = frozenset(PREPOSITIONS | DETERMINERS | {"en", "of", "maar", "dat", "om", "te"})


def _drop_relative_clause(text: str) -> str:
    """The first relative clause after a noun, up to its comma or to the main clause's
    auxiliary: 'Troepen die zich ... verzamelen, of raketwerpers die ... lanceren ... mogen
    nu worden aangevallen' -> 'Troepen of raketwerpers die ... mogen nu worden aangevallen'.
    Only a clause with a verb of its own; whatever follows must still have a finite verb."""
    words = text.split(" ")
    for i, word in enumerate(words[1:], start=1):
        previous = words[i - 1].lower().strip(",")
        if word.lower() != "die" or previous in FUNCTION_WORDS or words[i - 1].endswith(","):
            continue
        for j in range(i + 1, min(len(words), i + 14)):
            bare = words[j].lower().strip(",")
            ends_at_comma = words[j].endswith(",")
            ends_before = bare in AUXILIARIES and j > i + 2
            if not (ends_at_comma or ends_before):
                continue
            clause = words[i : j + 1] if ends_at_comma else words[i:j]
            rest = words[j + 1 :] if ends_at_comma else words[j:]
            if any(verb_forms(w.strip(",")) for w in clause[2:]) and _has_finite(" ".join(rest)):
                return " ".join([*words[:i], *rest])
            break
    return text


def _trailing_clause(text: str) -> str:
    return _TRAILING_CLAUSE_RE.sub("", text) if len(text.split(",")[0].split()) >= 4 else text


def _purpose(text: str) -> str:
    shorter = _PURPOSE_RE.sub("", text)
    return shorter if len(shorter.split()) >= 4 else text


def _repeated_adjective(text: str) -> str:
    """'De Britse regering ... de Britse langeafstandsraket' -> '... de langeafstandsraket'."""
    words = text.split(" ")
    seen: set[str] = set()
    for i, word in enumerate(words):
        if word[:1].isupper() and _adjective(word) and i + 1 < len(words):
            if word in seen:
                return " ".join(words[:i] + words[i + 1 :])
            seen.add(word)
    return text


# In order, each applied while the headline is too long: the least loss first.
_REDUCERS: tuple[Callable[[str], str], ...] = (
    # Never inside quotation marks: a quote stays verbatim.
    lambda t: _TRIM_WORDS_RE.sub(lambda m: m.group(0) if _in_quote(t, m.start()) else "", t),
    lambda t: _USE_OF_RE.sub(r"\1", t),
    _repeated_adjective,
    lambda t: _COORDINATED_RE.sub("", t),
)
# An example or a detail set off by commas: ", zoals raketten en raketwerpers,".
_EXAMPLE_RE = re.compile(
    r",\s+(?:zoals|waaronder|onder wie|inclusief|met name|onder meer)\s(?:[^,]|,\d){2,80}?,\s+"
)

# Applied only while it is still longer than HARD_MAX: they drop content.
_LOSSY_REDUCERS: tuple[Callable[[str], str], ...] = (
    lambda t: _EXAMPLE_RE.sub(" ", t, count=1),
    lambda t: _drop_relative_clause(t),
    _trailing_clause,
    lambda t: _INSERTION_RE.sub(" ", t, count=1),
    _purpose,
)


def _fit(text: str, limit: int) -> tuple[str, bool]:
    text = text.strip(" ,")
    hard = limit + HARD_MAX - MAX
    for reducers, bound in ((_REDUCERS, limit), (_LOSSY_REDUCERS, hard)):
        for reduce in reducers:
            while len(text) > bound:
                shorter = reduce(text).strip(" ,")
                if shorter == text:
                    break
                text = shorter
    if len(text) <= hard:
        return text, False
    words = text[: limit - 1].rsplit(" ", 1)[0].split(" ")
    while words and words[-1].lower().strip(",") in _END_FUNCTION:
        words.pop()
    return " ".join(words).rstrip(" ,:;") + " …", True


def _balance_quotes(text: str) -> str:
    if text.count('"') % 2:
        text += '"'
    if text.count("“") > text.count("”"):
        text += "”"
    return text


def _wholly_quoted(text: str) -> bool:
    return (
        len(text) > 2
        and text[0] in '"“'
        and text[-1] in '"”'
        and (sum(text.count(q) for q in _QUOTES) == 2)
    )


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# --- the check -----------------------------------------------------------------------------


def words_of(texts: Iterable[str]) -> set[str]:
    return {w.lower().strip("'’-") for t in texts for w in _WORD_RE.findall(t) if w.strip("'’")}


def unsourced_words(headline: str, allowed: set[str]) -> list[str]:
    """Content words of a headline that are in none of the allowed texts (lower-cased words).

    A verb split from its separable prefix ("viel ... binnen" from "binnenviel") counts as
    sourced when the joined form is.
    """
    missing = []
    for word in _WORD_RE.findall(headline):
        bare = word.lower().strip("'’-")
        if not bare[:1].isalnum() or bare.isdigit() or bare in FUNCTION_WORDS:
            continue
        if bare in allowed or bare.rstrip("s") in allowed or bare.removesuffix("'s") in allowed:
            continue
        if any(p + bare in allowed or bare + p in allowed for p in SEPARABLE_PREFIXES):
            continue
        if any(bare in (p, f"{p}s") for p in allowed if "-" in p):
            continue
        missing.append(word)
    return missing


def gazetteer_words(gazetteer: Gazetteer) -> set[str]:
    texts = [e.name for e in gazetteer.entries.values()]
    texts += [a for e in gazetteer.entries.values() for a in e.aliases]
    return words_of(texts)


# --- per event -----------------------------------------------------------------------------

_LOOK_BACK = 5  # previous sentences a headline may take a referent from (it uses two)
_CLAUSE_LEAD_RE = re.compile(
    r"^(?:\w+\s+){0,3}?(?:" + "|".join(SUBORDINATORS) + r")\s+", re.IGNORECASE
)


def event_headline(
    event: Event,
    articles: Mapping[str, Article],
    finder: MentionFinder,
    gazetteer: Gazetteer,
    anchors: Mapping[str, DateValue],
) -> str:
    """The event's headline from its first source that tells it (a pronoun left unresolved
    sends it on to the next telling)."""
    tellings = [s for s in event.sources if s.certainty is not None] or event.sources[:1]
    best: Headline | None = None
    for i, source in enumerate(tellings):
        article = articles.get(source.article)
        if article is None:
            continue
        text = source.quote
        if (
            i == 0
            and event.clause
            and event.clause != source.quote
            and _first_word(event.clause.strip(" ,")) not in ("en", "maar", "dat", "die", "of")
            and _has_finite(event.clause)
        ):
            text = event.clause.strip(" ,")
            lead = _CLAUSE_LEAD_RE.match(text)
            if lead:
                text = _subordinate_to_main(text[lead.end() :])
        position = article.position_of(source.paragraph, source.sentence)
        if position is None:
            position = len(article.sentences)
        # The few sentences just before (a referent is never further back than that).
        previous = [s.text for s in article.sentences[max(0, position - _LOOK_BACK) : position]]
        ctx = Context(
            finder,
            gazetteer,
            event.date,
            article.meta.published,
            previous,
            event.weapons,
            anchors,
        )
        written = write_headline(text, ctx)
        if best is None or (best.referent_missing and not written.referent_missing):
            best = written
        if not best.referent_missing:
            break
    return best.text if best else _capitalise(event.summary[: MAX - 2])
