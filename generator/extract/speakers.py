"""Who a sentence says its statement comes from, and whether that makes it a report, a
party's claim or an on-record statement.

Sources come from "volgens X", a speech verb next to a name ("zegt het Pentagon",
"bevestigde Jake Sullivan"), a following report ("Dat melden AP en Reuters.") or the
speaker of a quotation that goes on from the sentence before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.dutch import attribution, lexicon
from generator.dutch.names import NOT_NAMES, find_names
from generator.dutch.sentences import blank_dateline
from generator.dutch.subjects import Subject, phrase_after, subject_of
from generator.dutch.verbs import analyse
from generator.extract.happening import LET_KNOW_RE, SPEECH_LEMMAS, is_statement
from generator.extract.mentions import MentionFinder
from generator.model import Article, BlockKind, EntityKind, Mention, Sentence

_ANONYMOUS_GROUP_RE = re.compile(
    r"\b(?:zeggen|melden|meldden|zeiden|bevestigen|stellen)\s+((?:[A-Z]\w+e\s+)?"
    r"(?:ambtenaren|functionarissen|bronnen|ingewijden|diplomaten|officials|militairen))\b"
)


_REPORT_VERB = (
    r"(?:meld\w*|bericht\w*|schrij\w*|schre\w*|zeg\w*|zei\w*|stel\w*|bevestig\w*|vind\w*|"
    r"vond\w*|denk\w*|dacht\w*|noem\w*)"
)

# "Dat melden AP en Reuters.", "Het persagentschap Bloomberg meldde woensdag op basis van
# ...": a sentence that only says where what came before it comes from.
_FOLLOW_UP_RE = re.compile(rf"^(?:Dat|Daarover|Dit|Zo)\s+{_REPORT_VERB}\b")


_MEDIUM_LEAD_RE = re.compile(
    r"^(?:(?:Het|De)\s+(?:\w+\s+)?(?:persagentschap|persbureau|krant|nieuwssite|zender|"
    r"website|tijdschrift|omroep)\s+)?"
)


_REPORT_TAIL_RE = re.compile(rf"^\s+{_REPORT_VERB}\b(?:\s+\w+)?\s+(?:op\s+basis\s+van|dat\b|,)")


# "Dat heeft de minister gezegd", "Dat werd later door bronnen bevestigd", "Hij deed die
# toezegging in een toespraak": the sentence names who said or did what came before.
_POINTING_BACK_RE = re.compile(r"^(?:Dat|Dit|Daarover|Daarop)\s")
_OWN_CONTENT_RE = re.compile(r"\bdat\s+\w+\s+\w+|[\"“„:]")
# "Gisteren werd dat al door Duitse media gemeld": "dat" right after the finite verb.
_THAT_AS_OBJECT_RE = re.compile(
    r"^\w+\s+(?:werd|werden|is|zijn|heeft|hebben|had|hadden)\s+(?:dat|dit)\s+(?!\w+\s+(?:dat|die)\b)"
)
_DID_THAT_RE = re.compile(
    r"\b(?:deed|deden|doet)\s+(?:dat|dit|die|deze)\b|"
    r"^(?:[A-Z]\w+\s+){1,3}(?:zei|zegt|schreef|schrijft|verklaarde|meldde|stelde)\s+dit\b|"
    r"\b(?:maakte|maakten|maakt)\s+(?:dat|dit)\s+(?:\w+\s+)?bekend\b|"
    r"\b(?:kondigde|kondigden|kondigt)\s+(?:dat|dit)\s+(?:\w+\s+)?aan\b"
)


def is_follow_up(text: str, finder: MentionFinder) -> bool:
    if _DID_THAT_RE.search(text):
        return True
    if _FOLLOW_UP_RE.match(text) and not _OWN_CONTENT_RE.search(text):
        return True  # "Zo zei X dat ...": an example with words of its own, no follow-up
    as_object = _THAT_AS_OBJECT_RE.search(text)
    if (
        as_object
        and attribution.has_speech_verb(text)
        and not _OWN_CONTENT_RE.search(text[as_object.end() :])
    ):
        return True  # "Gisteren werd dat al door Duitse media gemeld": "dat" is no clause
    if _POINTING_BACK_RE.match(text) or as_object:
        verbs = analyse(text)
        if verbs.main is not None and verbs.main.start == 0 and is_statement(verbs, text):
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


def attribution_of(sentences: Sequence[Sentence], i: int, finder: MentionFinder) -> Attribution:
    sentence = sentences[i]
    text = sentence.text
    names: list[str] = []
    party = media = False
    found = attribution.cues(text)
    own = _speakers(text, finder)
    inherited = False
    followed_up = False  # the speaker is named by the sentence after: "Dat zei Lavrov."
    if not own:
        # "Dat melden AP en Reuters." covers what its paragraph said before it, and a
        # report that opens the next paragraph covers the sentence just before it.
        for j in range(i + 1, len(sentences)):  # by index: a slice copied the rest each time
            later = sentences[j]
            next_paragraph = later.paragraph != sentence.paragraph
            if next_paragraph and j != i + 1:
                break
            if is_follow_up(later.text, finder):
                own = _speakers(later.text, finder)
                followed_up = bool(own) and attribution.has_speech_verb(later.text)
                break
            if next_paragraph:
                break
    if _DEMONSTRATIVE_SPEAKER_RE.match(text) and i > 0:
        # "Die zei tegen de NOS ...": the one named last before, not who spoke before
        last = _last_person_named(sentences[i - 1].text, finder)
        if last:
            own, inherited = [(last, EntityKind.ACTOR)], True
    if own == [("", EntityKind.ACTOR)]:
        # "Hij zei ...": the person who spoke last in the sentences before.
        own = _previous_person(sentences, i, finder)
        inherited = bool(own)
    if not own and text.lstrip()[:1] in '"“' and i > 0:
        own = _speakers(sentences[i - 1].text, finder)  # a quote continues its speaker
        inherited = True
    own = [(name, kind) for name, kind in own if _can_speak(name, kind, finder)]
    for name, kind in own:
        if name not in names:
            names.append(name)
        if kind is EntityKind.MEDIUM:
            media = True
        else:
            party = True
    speech_event = False
    on_record = party and not inherited and not _VOLGENS_RE.search(text)
    if on_record and not found.indirect_speech and attribution.has_speech_verb(text):
        # "antwoordde hij: ...": the statement is the event; a phrase in quotes in a sentence
        # that says no one speaks is no statement.
        speech_event = found.direct_quote
    if on_record and (attribution.is_threat(text) or attribution.states_position(text)):
        speech_event = True  # a threat, a warning, an announcement, a stance
    if followed_up and party and not media and not _VOLGENS_RE.search(text):
        speech_event = True  # "... is een escalatie. Dat zei Lavrov dinsdag.": his words
    anonymous = attribution.is_anonymous(text) and attribution.has_speech_verb(text)
    if found.reported and media and party:
        party = False  # media pass on what a party says: reported, as the hedge tells
    elif party and media and not anonymous:
        media = False  # a named party on the record in a medium ("in Time") is no hearsay
    if anonymous:
        media = True
    return Attribution(names, party, media, speech_event)


_MEDIA_WORDS_RE = re.compile(
    r"\b(?:media|krant|kranten|persbureau|persbureaus|nieuwssite|nieuwsagentschap|omroep|"
    r"zender|televisie|tv|website|tijdschrift|nieuwsdienst)\b",
    re.IGNORECASE,
)
_OPINION = frozenset({"vinden", "denken", "menen", "vrezen"})
# Commentators speak about the war, not for a side: what they say is passed on, not claimed.
_COMMENTATOR_RE = re.compile(
    r"\b(?:expert|experts|deskundige|deskundigen|analist|analisten|kenner|kenners|"
    r"voormalig|voormalige|oud-\w+|defensiedeskundige|waarnemer|waarnemers|denktank)\b",
    re.IGNORECASE,
)
_ALDUS_RE = re.compile(r"\baldus\s+")
_PERSONAL = frozenset({"hij", "zij", "ze"})
_PRONOUNS = frozenset({"hij", "zij", "ze", "we", "wij", "ik", "het", "dat", "dit", "men", "er"})


def _subject_speakers(text: str, finder: MentionFinder) -> list[tuple[str, EntityKind]]:
    """The subject of the sentence's speech verb: 'Een woordvoerder, Anna Kelly, zegt',
    'zei de minister van Buitenlandse Zaken Rubio', '..., aldus De Croo'."""
    verbs = analyse(text)
    # "Dat vindt het ministerie": in a sentence that names a source, opinions are speech too.
    saying = SPEECH_LEMMAS | (_OPINION if _POINTING_BACK_RE.match(text) else frozenset())
    speech = [
        c
        for c in verbs.clauses
        if c.finite is not None
        and not c.subordinate
        and (c.lemma in saying or _two_word_speech_in(text, c.start, c.end))
    ]
    # After a quote the speech verb opens its clause: "..., zei X".
    clause = next((c for c in speech if c.finite and c.finite.word.start == c.start), None)
    clause = clause or (speech[0] if speech else None)
    subject = subject_of(text, verbs, clause) if clause is not None else None
    if clause is not None and _COORDINATED_RE.match(text, clause.start):
        # "Biden heette hem welkom en noemde het 'zinvol'": the subject of the first verb
        index = verbs.clauses.index(clause)
        if index > 0 and not verbs.clauses[index - 1].subordinate:
            subject = subject_of(text, verbs, verbs.clauses[index - 1])
    if subject is None:
        aldus = _ALDUS_RE.search(text)
        if aldus is None:
            return []
        rest = text[aldus.end() :]
        end = re.search(r"[,.;:]|\s(?:in|op|tegen|tijdens|na)\s", rest)
        phrase = rest[: end.start() if end else len(rest)].strip()
        if not phrase:
            return []
        subject = Subject(aldus.end(), aldus.end() + len(phrase), phrase)
    if subject.text.lower() in _PRONOUNS:
        return [("", EntityKind.ACTOR)] if subject.text.lower() in _PERSONAL else []
    speaker = _named(text, subject, finder)
    if clause is not None and clause.lemma == "citeren":
        # "citeert de Kyiv Independent het Kremlin": the one quoted speaks, through the medium.
        quoted = phrase_after(text, subject.end)
        if quoted is not None:
            return [_named(text, quoted, finder), speaker]
    return [speaker]


_COORDINATED_RE = re.compile(r"\s*(?:en|maar|of)\s+\w+")


def _two_word_speech_in(text: str, start: int, end: int) -> bool:
    """ "liet weten", "deed die toezegging": begun in the clause, perhaps ended after it."""
    found = LET_KNOW_RE.search(text, start)
    return found is not None and found.start() < end


_LOCATIVE_RE = re.compile(r"\s(?:in|te|uit|bij)\s+(?:het\s+|de\s+)?$")
_ADJECTIVE_RE = re.compile(r"(?:se|sche|aanse|ese)$")
# Bodies named by their kind: with only a country's adjective, the phrase is the source.
_HEAD_RE = re.compile(
    r"\b(?:ambassade|ministerie|regering|leger|krijgsmacht|parlement|inlichtingendienst|"
    r"legerleiding|staatsmedia|autoriteiten|overheid|kabinet)\b"
)


def _named(text: str, phrase: Subject, finder: MentionFinder) -> tuple[str, EntityKind]:
    """A noun phrase as a source: the gazetteer's name when it holds one, else as written."""
    inside = [
        m
        for m in finder.find(text)
        if m.start < phrase.end
        and phrase.start < m.end
        and m.kind is not EntityKind.WEAPON
        and not _LOCATIVE_RE.search(text, phrase.start, m.start)  # "de ambassade in Berlijn"
    ]
    if all(_ADJECTIVE_RE.search(m.surface) for m in inside) and _HEAD_RE.search(phrase.text):
        inside = []  # "de Russische ambassade": the body, not its country
    if inside:
        kind = EntityKind.MEDIUM if any(m.kind is EntityKind.MEDIUM for m in inside) else None
        named = inside[-1]  # "de Amerikaanse minister ... Blinken": the person, not the country
        display = finder.display(named.entity)
        # as written when the text spells it otherwise ("Kiev" for Kyiv)
        surface = named.surface
        variant = (
            " " not in surface and surface[:1].isupper() and surface.lower() not in display.lower()
        )
        shown = surface if variant else display
        return (shown, kind or named.kind)
    if _MEDIA_WORDS_RE.search(phrase.text) or attribution.is_anonymous(phrase.text):
        return (phrase.text, EntityKind.MEDIUM)
    return (phrase.text, EntityKind.ACTOR)


# "volgens de Oekraïners", "volgens Duitse media": the phrase up to a verb or a comma.
_VOLGENS_PHRASE_RE = re.compile(r"\b[Vv]olgens\s+(?P<phrase>)")


def _volgens_speakers(text: str, finder: MentionFinder) -> list[tuple[str, EntityKind]]:
    """'volgens X' with X a name or phrase the gazetteer lacks."""
    found: list[tuple[str, EntityKind]] = []
    for m in _VOLGENS_PHRASE_RE.finditer(text):
        np = phrase_after(text, m.start("phrase"))
        if np is None:
            continue
        phrase = np.text
        # "de Amerikaanse bronnen van CNN": the sources, not the medium that quotes them.
        head = re.match(r"(.+?)\s+van\s+", phrase)
        if head and attribution.is_anonymous(head.group(1)):
            found.append((head.group(1), EntityKind.MEDIUM))
            continue
        words = phrase.split()
        if not words or words[0].lower() in ("hem", "haar", "hen", "hun", "mij", "ons"):
            continue
        inside = [
            n
            for n in finder.find(text)
            if np.start <= n.start < np.end and n.kind is not EntityKind.WEAPON
        ]
        if inside:
            named = inside[-1]
            found.append((finder.display(named.entity), named.kind))
        elif (
            _MEDIA_WORDS_RE.search(phrase)
            or attribution.is_anonymous(phrase)
            or _COMMENTATOR_RE.search(phrase)
        ):
            found.append((phrase, EntityKind.MEDIUM))
        else:
            found.append((phrase, EntityKind.ACTOR))
    return found


_DEMONSTRATIVE_SPEAKER_RE = re.compile(
    r"(?:Die|Deze)\s+(?:zei|zegt|stelde|stelt|verklaarde|liet|meldde|benadrukte|voegde)\b"
)


def _last_person_named(text: str, finder: MentionFinder) -> str | None:
    """The last name in a sentence that is no place or medium: who "die" points back to."""
    places = [(m.start, m.end) for m in finder.find(text) if m.kind is not EntityKind.ACTOR]
    names = [n for n in find_names(text) if not any(s < n.end and n.start < e for s, e in places)]
    if not names:
        return None
    last = names[-1]
    actors = [m for m in finder.find(text) if m.kind is EntityKind.ACTOR and m.end > last.start]
    return finder.display(actors[-1].entity) if actors else last.text


_ASKED_RE = re.compile(r"\b[Vv]raag\s+(?:van\s+\w+\s+)?aan\s+")


# Words a subject phrase can be cut down to that name no one: adverbs, adjectives.
_NO_SPEAKER = frozenset("daar hier toen er nu dan ook zo dus echter wel".split())


def _can_speak(name: str, kind: EntityKind, finder: MentionFinder) -> bool:
    """A source is someone: not an adverb ("Daar"), an adjective ("Russisch", "opgelucht"),
    or a town or region ("Odesa", "Krim"); a country or capital speaks for its government."""
    if not name:
        return True  # "hij": resolved from the sentences before
    words = name.split()
    if len(words) == 1:
        word = words[0]
        unknown_word = word.islower() and not (
            lexicon.can_be_noun(word) or attribution.is_anonymous(word)
        )
        if word.lower() in _NO_SPEAKER or unknown_word:
            return False  # "bronnen", "ingewijden" speak; "groot", "intussen" do not
        if word.endswith(("isch", "sch", "se")) and lexicon.can_be_adjective(word):
            return False
    if kind is EntityKind.PLACE:
        found = finder.find(name)
        entity = found[0].entity if len(found) == 1 else None
        if entity is not None and finder.country(entity) not in (entity, None):
            return entity in _CAPITALS  # "Moskou", "Kyiv" speak; "Odesa" does not
    return True


_CAPITALS = frozenset({"moscow", "kyiv", "washington", "london", "berlin", "paris", "brussels"})


def _previous_person(
    sentences: Sequence[Sentence], i: int, finder: MentionFinder
) -> list[tuple[str, EntityKind]]:
    text = sentences[i].text
    pronoun = re.search(r"\b(?:hij|zij|ze)\b", text)
    here = [
        m
        for m in finder.find(text)
        if m.kind is EntityKind.ACTOR and pronoun is not None and m.end <= pronoun.start()
    ]
    asked = _ASKED_RE.search(text)
    if asked is not None:  # "Op de vraag aan Trump of ... antwoordde hij": who was asked
        here = [m for m in here if m.start >= asked.end()][:1] or here
    if here:  # "Op een vraag aan president Biden ... antwoordde hij"
        return [(finder.display(here[-1].entity), EntityKind.ACTOR)]
    for before in reversed(sentences[max(0, i - 3) : i]):
        for name, kind in reversed(_speakers(before.text, finder)):
            if name and kind is EntityKind.ACTOR:
                return [(name, kind)]
        people = [m for m in finder.find(before.text) if m.kind is EntityKind.ACTOR]
        if people:
            return [(finder.display(people[-1].entity), EntityKind.ACTOR)]
        surname = _opening_surname(before.text)
        if surname and not finder.find(surname):
            return [(surname, EntityKind.ACTOR)]  # "Brekelmans legt uit ...": a person
    return []


_OPENING_RE = re.compile(r"([A-Z][a-zà-ÿ]{3,})\s+([a-z]+)\b")


def _opening_surname(text: str) -> str | None:
    """A capitalised word the lexicon does not know, before a verb, opening the sentence:
    a surname the gazetteer lacks ("Brekelmans legt vanuit Kyiv uit ...")."""
    found = _OPENING_RE.match(text)
    if found is None or found[1] in NOT_NAMES or not lexicon.verb_lemmas(found[2]):
        return None
    word = found[1]
    if (
        lexicon.can_be_noun(word)
        or lexicon.can_be_adjective(word)
        or lexicon.verb_lemmas(word.lower())
    ):
        return None
    return word


def _speakers(text: str, finder: MentionFinder) -> list[tuple[str, EntityKind]]:
    """Who a sentence cites: 'volgens X', 'X zegt', 'melden ... X', 'X media'."""
    text = blank_dateline(text)
    by_subject = _subject_speakers(text, finder)
    if by_subject and not _VOLGENS_RE.search(text):
        return by_subject  # a pronoun comes back as "": attribution_of looks back for it
    by_volgens = _volgens_speakers(text, finder)
    if by_volgens:
        return by_volgens
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
        if any(name.start < e and s < name.end for s, e in known + quoted):
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


_ADDRESSEE_RE = re.compile(r"\b(?:tegen|aan|tegenover)\s+(?:de\s+|het\s+)?$")


def _is_subject_like(text: str, m: Mention, verbs: list[tuple[int, int]]) -> bool:
    """The mention stands right before or after a speech verb, not inside what is said."""
    if _ADDRESSEE_RE.search(text, max(0, m.start - 12), m.start):
        return False  # "zei tegen de NOS": whom it was said to
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
    return {s.anchor: attribution_of(sentences, i, finder).names for i, s in enumerate(sentences)}
