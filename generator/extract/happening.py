"""Whether a sentence tells a happening: a decision, a delivery, an attack, a statement, a
meeting, a plan; not a state, a capability, a wish, a negation or a hypothesis.

The verbs of the main clause decide, read by `generator.dutch.verbs`: their tense and mood
and the class of the content verb. A sentence that says who speaks is a statement, and a
statement is a happening whatever it is about ("'Het is belangrijk', zei de minister").
"""

from __future__ import annotations

import re

from generator.dutch.verbs import Tense, Verbs

# Verbs of a state, a property, an opinion or a relation: nothing happened.
STATE_VERBS = frozenset(
    """zijn hebben bestaan liggen blijven lijken heten kosten duren wachten vinden menen
    denken geloven hopen willen kunnen moeten betekenen bevatten beschikken behoren horen
    gelden tellen wegen reiken bedragen vormen dienen passen heersen ontbreken verschillen
    zitten vrezen weten kennen bezitten omvatten lopen strekken rusten vallen
    hangen steunen twijfelen achten beschouwen verwachten overwegen staan""".split()
)
# Verbs of a decision or a handing over: told in the present they are the day's news.
DECISION_VERBS = frozenset(
    """toestaan instemmen accepteren goedkeuren besluiten beslissen geven leveren sturen
    pauzeren hervatten opschorten stopzetten aankondigen toezeggen beloven verbieden
    weigeren uittrekken vrijmaken afwijzen tekenen ondertekenen opheffen versoepelen
    schrappen bevestigen inzetten aanvallen treffen overdragen verkopen""".split()
)
# Verbs of an activity that goes on: in the present they tell no happening ("De VS helpen
# Oekraïne achter de schermen", "Rusland bestookt de stad").
ACTIVITY_VERBS = frozenset(
    """helpen bijstaan delen voeren werken proberen vechten strijden bestoken beschieten
    oprukken trainen opleiden onderhandelen praten aarzelen wachten lobbyen""".split()
)
# Verbs of saying: with one as its content verb, a sentence is a statement.
SPEECH_LEMMAS = frozenset(
    """zeggen melden schrijven stellen verklaren noemen waarschuwen dreigen benadrukken
    bevestigen ontkennen beweren aankondigen bekendmaken aangeven suggereren oproepen eisen
    verwijten beschuldigen reageren erkennen toezeggen beloven opperen pleiten citeren
    uitspreken herhalen onderstrepen toevoegen antwoorden betogen vertellen laten
    twitteren tweeten posten vragen verzekeren hinten zinspelen spreken bestempelen""".split()
)
ANNOUNCING = frozenset({"aankondigen", "bekendmaken", "toezeggen", "beloven", "aangeven"})
# Speech in two words: "liet weten", "heeft duidelijk gemaakt", "deed die toezegging".
LET_KNOW_RE = re.compile(
    r"\b(?:laten|liet|lieten|laat)\b[^.;]{0,60}?\bweten\b|"
    r"\b(?:duidelijk|kenbaar)\s+(?:ge)?maakt\b|\b(?:maakte|maakten|maakt|maken)\b[^.;]{0,60}?"
    r"\b(?:duidelijk|kenbaar)\b|\b(?:deed|deden|doet|doen)\b[^.;]{0,40}?\b(?:toezegging|belofte|"
    r"uitspraak|uitspraken|mededeling|aankondiging|oproep|beroep\s+op)\b",
    re.IGNORECASE,
)


# "stellen" with these is no speech: "ter beschikking stellen", "voorwaarden stellen".
_NOT_SAYING_RE = re.compile(
    r"\b(?:ter beschikking|beschikbaar|in staat|op de proef|voorwaarden?|eisen|vraag|vragen|"
    r"vraagtekens|grenzen|vast|voor|gerust|teleur)\b",
    re.IGNORECASE,
)


def is_statement(verbs: Verbs, text: str) -> bool:
    """The main clause says that someone said something: "Rusland zegt dat ...",
    "Het Pentagon liet weten ...", "..., schreef hij op X"."""
    main = verbs.main
    if verbs.main_lemma in SPEECH_LEMMAS:
        # "ter beschikking gesteld", "vragen gesteld": no one states anything
        return not (
            verbs.main_lemma == "stellen"
            and main is not None
            and _NOT_SAYING_RE.search(text[main.start : main.end])
        )
    if main is not None and LET_KNOW_RE.search(text[main.start : main.end]):
        return True
    # "..., zei de minister": a speech verb opens the clause after the quote.
    return any(
        c.finite is not None and c.finite.word.start == c.start and (c.lemma in SPEECH_LEMMAS)
        for c in verbs.clauses[1:]
    )


# Words that deny or withhold the main clause: a negation is no happening.
_NEGATION_RE = re.compile(r"\b(?:niet|geen|nooit|niets|nergens|noch)\b", re.IGNORECASE)
# Unknowns and background that no tense turns into a happening.
_QUESTION_START_RE = re.compile(r"(?:Wanneer|Hoe|Hoeveel|Hoelang|Of|Waarom|Wat|Welke|Wie|Waar)\b")
UNKNOWN_RE = re.compile(
    r"\bis (?:nog )?(?:niet |nog niet )?(?:bekend|duidelijk)\b"
    r"|\bis (?:nog )?onduidelijk\b|\bniet uitgesloten\b|\bniets bekend\b"
    r"|^(?:Bekend|Duidelijk|Zeker) is\b",
    re.IGNORECASE,
)
# What goes on or held for a while: "inmiddels", "tot nu toe", "al maanden", "steeds".
ONGOING_RE = re.compile(
    r"\binmiddels\b|\btot (?:nu|dusver|op heden) toe\b|\btot dusver\b|\blange tijd\b"
    r"|\bsteeds\b|\bal (?:lang|langer|lange tijd|jaren|maanden|weken|geruime tijd)\b"
    r"|\bal (?:een|enkele|twee|drie) (?:paar )?(?:jaar|jaren|maanden|weken)\b"
    r"|\b(?:herhaaldelijk|regelmatig|vaak|telkens|jarenlang|maandenlang|wekenlang)\b"
    r"|\bin totaal\b|\bnu eenmaal\b|\bnog nooit\b|\b(?:lang|langer)\s*(?:[,.]|$|in\b|tegen\b|op\b)",
    re.IGNORECASE,
)
# "al", "eerder", "ooit" without a date: background the text does not date.
UNDATED_BACKGROUND_RE = re.compile(
    r"\b(?:al|eerder|ooit|reeds|destijds|vroeger)\b|\bin het verleden\b", re.IGNORECASE
)
_GOING_ON_RE = re.compile(r"\baan de gang\b|\bbereid\b|\bklaar om\b|\bop het punt\b", re.IGNORECASE)
# Words that put a present-tense happening in the present day.
_NOW_RE = re.compile(r"\baan de gang\b|\bmomenteel\b|\bop dit moment\b", re.IGNORECASE)
# "Het gaat om ...", "Het betreft ...": says more about what came before.
ELABORATION_RE = re.compile(r"^(?:Het|Dit|Dat)\s+(?:gaat|ging|betreft|betrof)\b", re.IGNORECASE)


def tells_happening(
    text: str,
    verbs: Verbs,
    *,
    statement: bool,
    dated: bool,
    present_somewhere: bool = False,
    lead: bool = False,
) -> bool:
    """The main clause reports something that happened, happens or is planned.

    `statement`: the sentence names who says it ("zei X"); `dated`: it has a time
    expression that resolves to a date; `present_somewhere`: it puts someone at a place
    ("waren in Kyiv"), which with a date is a visit.
    """
    main = verbs.main
    scope = text[main.start : main.end] if main is not None else text
    if text.rstrip().endswith("?") or UNKNOWN_RE.search(scope) or _QUESTION_START_RE.match(text):
        return False
    if ONGOING_RE.search(text):
        return False
    if main is None:
        return dated and bool(verbs.clauses) and any(c.participles for c in verbs.clauses)
    if not dated and UNDATED_BACKGROUND_RE.search(text[main.start : main.end]):
        return False  # "hadden al ... verplaatst": when, the text does not say
    quoted = statement and text.lstrip()[:1] in "\"“„‘'" and verbs.main_lemma not in SPEECH_LEMMAS
    if not quoted and _negated(
        text, main.start, _negation_scope_end(text, main.start, main.end, verbs)
    ):
        return False  # "hebben niet gereageerd", "noemt hij niet": nothing was said or done
    if statement:
        # A statement on the record is itself what happened, in the perfect too ("Lavrov
        # heeft ... gezegd" is news of the day, as evaluation/ANNOTATION.md dates it); one
        # told with "al" or "eerder" was left out above.
        return True
    lemma = verbs.main_lemma or ""
    modal = verbs.modal in ("kunnen", "moeten", "willen", "hoeven") or any(
        v.lemma in ("moeten", "kunnen", "hoeven") for v in main.infinitives
    )
    obliged_then = verbs.modal == "moeten" and verbs.tense is Tense.PAST and dated
    # "De eerste tanks kunnen binnen drie maanden aankomen": a date ahead makes it a plan.
    possible_then = (
        verbs.modal == "kunnen"
        and verbs.tense is Tense.PRESENT
        and dated
        and lemma not in STATE_VERBS
        and lemma not in ACTIVITY_VERBS
    )
    if modal and not obliged_then and not possible_then:
        return False  # a capability, a wish; "had getekend moeten worden"; not "moest toen"
    if verbs.tense is Tense.CONDITIONAL and not main.participles and not dated:
        return False  # "zou ... betekenen": a hypothesis; "zou hebben ingezet" is a report
    if verbs.passive and verbs.tense is Tense.PRESENT and not dated:
        return False  # "er wordt overleg gevoerd": a process going on
    if lemma == "verwachten" and verbs.passive and dated:
        return True  # "De generaal wordt maandag in Kyiv verwacht": a visit ahead
    if lemma in STATE_VERBS:
        if lemma in ("zijn", "staan") and _GOING_ON_RE.search(text[main.start : main.end]):
            return True  # "In Praag is een bijeenkomst aan de gang", "op het punt staat"
        return dated and lemma == "zijn" and present_somewhere  # "Gisteren waren ... in Kyiv"
    if lemma in ACTIVITY_VERBS and verbs.tense is Tense.PRESENT and not dated:
        return False
    if dated or lead or _NOW_RE.search(text):
        return True
    if verbs.tense is Tense.CONDITIONAL:
        # "De groep zou twee dorpen zijn binnengevallen": a happening passed on, news; a
        # change of mind ("zou van gedachten zijn veranderd") is no happening of the war
        return bool(main.participles) and lemma not in STATE_VERBS and lemma not in _MIND_VERBS
    if (
        verbs.tense is Tense.PERFECT
        and main.participles
        and lemma not in STATE_VERBS
        and lemma not in _MIND_VERBS
        and text.lstrip()[:1] not in "\"“„‘'"
        and not _CONTRAST_RE.match(text)
        and not (
            main.finite is not None
            and main.finite.lemma == "zijn"
            and any(p.lemma in _STATE_PARTICIPLES for p in main.participles)
        )  # "is uitgerust" is a state; "is neergestort", "is gevonden" happened
    ):
        return True  # "hebben Oekraïners schoten gelost": the perfect tells the news
    if verbs.tense is Tense.PRESENT and lemma in DECISION_VERBS:
        return True  # "Berlijn stemt in met de levering": a decision is news wherever told
    # "De VS delen inlichtingen", "De Amerikanen hebben een stokje voorgestoken": what goes on
    # or went before, told in passing; the news of the day comes in the lead or with a date.
    return verbs.tense not in (Tense.PRESENT, Tense.PERFECT)


_MIND_VERBS = frozenset(
    {"veranderen", "denken", "vinden", "menen", "begrijpen", "weten", "laten", "zien", "tonen"}
)
# Participles that after "zijn" tell a state, not what happened ("is uitgerust voor")
_STATE_PARTICIPLES = frozenset(
    """uitrusten bedoelen bestemmen baseren richten betrekken verplichten bewapenen
    stationeren vestigen verbinden vereisen overtuigen gewennen opleiden verdelen
    beperken toerusten inrichten ontwerpen bouwen uitgeven""".split()
)
# "Maar de Amerikanen hebben ...": a sentence that sets something against what came before
_CONTRAST_RE = re.compile(r"(?:Maar|Toch|Echter|Wel|Ook)\b")

# "niet lang daarna", "niet alleen": no negation of what happened.
_NOT_NEGATING_RE = re.compile(
    r"\bniet (?:lang|veel|zo lang|alleen|enkel|meer dan|minder dan|eerder dan)\b", re.IGNORECASE
)


# Verbs whose complement may be negative without negating them: "beloofde ze niet in te zetten".
_COMPLEMENT_VERBS = SPEECH_LEMMAS | {"beloven", "zweren", "besluiten", "vragen", "eisen"}


def _negation_scope_end(text: str, start: int, end: int, verbs: Verbs) -> int:
    if verbs.main_lemma not in _COMPLEMENT_VERBS:
        return end
    complement = re.search(r"\s(?:te|om|dat)\s", text[start:end])
    return start + complement.start() if complement else end


def _negated(text: str, start: int, end: int) -> bool:
    return bool(_NEGATION_RE.search(_NOT_NEGATING_RE.sub(" ", text[start:end])))
