"""How certain an event is, by the rules of shared/gold/FORMAT.md and evaluation/ANNOTATION.md:

- planned: the main clause tells what is still to come ("gaat leveren", "reist dinsdag");
- claimed: a party asserts a contested fact or characterises the other side ("volgens het
  Kremlin", "Poetin zei dat het Westen ...", "werden vijf raketten neergehaald");
- reported: passed on without confirmation ("zou hebben", "naar verluidt", "melden media",
  unnamed sources);
- confirmed: told as fact, or a statement on the record about one's own side (a threat, a
  warning, an announcement, a position).
"""

from __future__ import annotations

import re
from datetime import date

from generator.dutch import attribution
from generator.dutch.subjects import subject_of
from generator.dutch.verbs import Tense, Verbs, clause_tense
from generator.extract.happening import SPEECH_LEMMAS
from generator.model import Certainty

# The two sides of the war, as the words that name them.
_RUSSIAN_SIDE_RE = re.compile(
    r"\b(?:Rusland|Russische?n?|Moskou|Kremlin|Poetin|Lavrov|Peskov|Medvedev|Sjojgoe|Belousov|"
    r"Iran|Iraanse|Noord-Korea|Noord-Koreaanse|Wit-Rusland|Belarus)\b"
)
_WESTERN_SIDE_RE = re.compile(
    r"\b(?:Oekraïne|Oekraïense?n?|Oekraïners|Kyiv|Kiev|Zelensky|Zelenski|Westen|westerse?|"
    r"VS|Verenigde Staten|Amerikaanse?n?|Washington|NAVO|NAVO-landen|Britse?n?|Verenigd Koninkrijk|"
    r"Londen|Duitse?|Duitsland|Berlijn|Franse?|Frankrijk|Parijs|Europa|Europese|Biden|Trump|"
    r"Starmer|Macron|Scholz|Merz)\b"
)
# Outcomes of fighting that each side counts its own way.
_BATTLE_CLAIM_RE = re.compile(
    r"\b(?:neergehaald|neergeschoten|onderschept|vernietigd|uitgeschakeld|uit de lucht|"
    r"gedood|doden|gewonden|slachtoffers|heroverd|veroverd|afgeslagen|afgeweerd|"
    r"neergehaalde|onderschepte|vernietigde)\b",
    re.IGNORECASE,
)
# Verbs that characterise or accuse: what follows is the speaker's view of someone else.
_CHARACTERISE = frozenset(
    {"noemen", "beschuldigen", "verwijten", "beweren", "omschrijven", "bestempelen", "claimen"}
)
# Statements that are themselves the happening: what they are about does not make them claims.
_ON_RECORD = frozenset(
    {
        "waarschuwen",
        "dreigen",
        "aankondigen",
        "beloven",
        "toezeggen",
        "oproepen",
        "eisen",
        "vragen",
        "bekendmaken",
        "bevestigen",
    }
)
# What is still to come, said in the main clause.
_PLAN_RE = re.compile(
    r"\b(?:is|zijn) van plan\b|\bnaar verwachting\b|\bwordt verwacht\b|\bworden verwacht\b|"
    r"\b[Dd]e verwachting is\b|\b[Vv]erwacht wordt\b|"
    r"\bstaat gepland\b|\bstaan gepland\b|\bde komende (?:dagen|weken|maanden)\b|\bbinnenkort\b|"
    r"\bop korte termijn\b",
    re.IGNORECASE,
)


_EXPECTED_RE = re.compile(r"\bnaar verwachting\b", re.IGNORECASE)

# Time words that look ahead: with the present tense, the happening is still to come.
_AHEAD_RE = re.compile(
    r"\b(?:morgen|overmorgen|volgende|komende|aanstaande|later deze|binnenkort|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\b",
    re.IGNORECASE,
)


RUSSIAN_SIDE_COUNTRIES = frozenset({"russia", "iran", "north-korea", "belarus"})


def side_of_country(country: str | None) -> str | None:
    if country is None:
        return None
    return "russian" if country in RUSSIAN_SIDE_COUNTRIES else "western"


def side_of(text: str) -> str | None:
    """'russian' or 'western' when the words name one side only."""
    russian = bool(_RUSSIAN_SIDE_RE.search(text))
    western = bool(_WESTERN_SIDE_RE.search(text))
    if russian == western:
        return None
    return "russian" if russian else "western"


def decide(
    text: str,
    verbs: Verbs,
    *,
    statement: bool,
    speaker: str,
    speaker_side: str | None = None,
    party: bool,
    media: bool,
    by_volgens: bool,
    when: tuple[date, date],
    published: tuple[date, date] | None,
    dated: bool = True,
) -> Certainty:
    """`speaker`: the words that name who speaks; `party`, `media`: what kind of source the
    sentence rests on; `by_volgens`: it rests on "volgens X" rather than X's own words;
    `dated`: the sentence itself names its date."""
    main = verbs.main
    main_text = text[main.start : main.end] if main is not None else text
    if _planned(main_text, verbs, statement, when, published, dated):
        return Certainty.PLANNED
    if media and not party and _content_to_come(verbs):
        return Certainty.PLANNED  # "Der Spiegel meldt dat ze het zullen hebben over ..."
    # A statement's hedges are the speaker's words; the article's own hedge is in its main
    # clause. Elsewhere the hedge may open the sentence: "Het lijkt erop dat ...".
    found = attribution.cues(main_text if statement else text)
    if statement and party and not by_volgens:
        if _contested(text, verbs, speaker, speaker_side):
            return Certainty.CLAIMED
        return Certainty.REPORTED if media and found.reported else Certainty.CONFIRMED
    if party and not media:
        if (
            not by_volgens
            and not _BATTLE_CLAIM_RE.search(text)
            and _own_side_tells(text, verbs, speaker, speaker_side)
        ):
            return Certainty.CONFIRMED  # "... Dat heeft de Britse minister bevestigd."
        return Certainty.CLAIMED  # "volgens het Pentagon", "volgens Kyiv"
    if found.reported or media or verbs.tense is Tense.CONDITIONAL:
        return Certainty.REPORTED
    if _BATTLE_CLAIM_RE.search(text) and party:
        return Certainty.CLAIMED
    return Certainty.CONFIRMED


def _planned(
    main_text: str,
    verbs: Verbs,
    statement: bool,
    when: tuple[date, date],
    published: tuple[date, date] | None,
    dated: bool,
) -> bool:
    if published is not None and when[0] > published[1]:
        return True  # dated after publication
    if _EXPECTED_RE.search(main_text):
        return True  # "Biden kondigt naar verwachting ... aan": not yet done
    if statement and (verbs.main is None or verbs.main_lemma in SPEECH_LEMMAS):
        return False  # an announcement told as an act happened
    if verbs.tense is Tense.FUTURE or _PLAN_RE.search(main_text):
        return True  # also '"Rusland zal doorgaan met testen", aldus Poetin'
    if statement:
        return False
    if verbs.tense is Tense.CONDITIONAL and (
        _AHEAD_RE.search(main_text) or (dated and published is not None and when[1] >= published[0])
    ):
        return True  # "Zelensky zou donderdag gesprekken voeren": a reported plan
    if (
        verbs.modal == "kunnen"
        and verbs.tense is Tense.PRESENT
        and dated
        and published is not None
        and when[1] > published[1]
    ):
        return True  # "De tanks kunnen binnen drie maanden aankomen": possible, still to come
    if verbs.tense is Tense.PRESENT and _AHEAD_RE.search(main_text):
        return True  # "gaat morgen naar", "reist volgende week"
    # "Zelensky komt donderdag aan": the present with a day to come that the sentence names.
    return (
        dated
        and verbs.tense is Tense.PRESENT
        and published is not None
        and when[0] == when[1]
        and when[0] >= published[1]
    )


_EXPLETIVE_RE = re.compile(r"\bhet\s+(?:ging|gaat)\b.*\bom\b|\b(?:ging|gaat)\s+het\b")


def _content_to_come(verbs: Verbs) -> bool:
    """A medium or a speaker reports what is still to come: the clause that follows the
    main one is in the future tense and the main clause only says who reports it."""
    main = verbs.main
    if main is None or verbs.main_lemma not in SPEECH_LEMMAS:
        return False
    after = [c for c in verbs.clauses if c.start >= main.end and c.finite is not None]
    return bool(after) and after[0].subordinate and clause_tense(after[0]) is Tense.FUTURE


def _contested(text: str, verbs: Verbs, speaker: str, speaker_side: str | None) -> bool:
    """A party's statement is a claim when it is about the other side or about the outcome
    of fighting; about its own side's decisions it is on the record."""
    main = verbs.main
    content = text[main.end :] if main is not None and main.end < len(text) else text
    if main is not None and main.start > 0 and text.lstrip()[:1] in "\"“„‘'":
        content = text[: main.start] + " " + content  # the quote before ", zei X"
    if verbs.main_lemma in _CHARACTERISE or _BATTLE_CLAIM_RE.search(content):
        return True
    if verbs.main_lemma in _ON_RECORD:
        return False  # a threat, a warning, a promise: it was made, whoever it is about
    mine = speaker_side or side_of(speaker)
    if mine is None:
        return False
    # About the other side: it is what the reported clause speaks of, or it is named there
    # while the speaker does not speak of itself ("dat het hoopt ...": its own hope).
    other = _WESTERN_SIDE_RE if mine == "russian" else _RUSSIAN_SIDE_RE
    speaking = verbs.main_lemma in SPEECH_LEMMAS  # else its words are the main clause itself
    reported = [c for c in verbs.clauses if c is not main and c.finite is not None]
    if not speaking and main is not None and not main.subordinate:
        reported = []  # "Oekraïne mag wapens die ... inzetten. Dat zei X.": no reported clause
    if not reported:
        subject = subject_of(text, verbs, main) if main is not None and not speaking else None
        own_side = subject is not None and side_of(subject.text) == mine
        if own_side and not _BATTLE_CLAIM_RE.search(text):
            return False  # "Oekraïne mag ... inzetten op Russisch grondgebied": its own side
        return bool(other.search(content if speaking else text))
    subject = subject_of(text, verbs, reported[0])
    about = subject.text if subject is not None else ""
    if other.search(about):
        return True
    own = about.lower() in ("het", "zij", "ze", "hij", "wij", "we") and not _EXPLETIVE_RE.search(
        text[reported[0].start : reported[0].end]
    )
    return not own and not (about and side_of(about) == mine) and bool(other.search(content))


def _own_side_tells(text: str, verbs: Verbs, speaker: str, speaker_side: str | None) -> bool:
    """A party confirms what its own side does: the sentence's subject is on the speaker's
    side ("Het Verenigd Koninkrijk stuurt ...", confirmed by the British minister)."""
    mine = side_of(speaker)
    subject = subject_of(text, verbs, verbs.main)
    if mine is None or subject is None:
        return False
    return side_of(subject.text) == mine and not _contested(text, verbs, speaker, speaker_side)
