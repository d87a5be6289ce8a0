"""The verbs of a Dutch sentence: which words are finite verbs, participles and infinitives,
and what tense and mood the sentence's main clause is told in.

Word classes come from the lexicon (spaCy's Dutch tables); the form of a word relative to
its verb (present, past, participle, infinitive) from Dutch spelling rules; context settles
what a word list cannot ("de aanval" is a noun, "valt ... aan" a verb).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum

from generator.dutch import lexicon


class Form(StrEnum):
    PRESENT = "present"
    STEM = "stem"  # the bare stem: first person singular, or an imperative
    PAST = "past"
    PARTICIPLE = "participle"
    INFINITIVE = "infinitive"


class Tense(StrEnum):
    PRESENT = "present"  # "Frankrijk staat Kyiv toe"
    PAST = "past"  # "Biden gaf toestemming"
    PERFECT = "perfect"  # "heeft toestemming gegeven"
    PLUPERFECT = "pluperfect"  # "had toestemming gegeven"
    FUTURE = "future"  # "gaat leveren", "zal leveren"
    CONDITIONAL = "conditional"  # "zou leveren", "zou hebben geleverd": a hedge
    NONE = "none"  # no finite verb: a heading, a caption, a fragment


# Verbs that are irregular in the present: their finite forms by hand.
_IRREGULAR_PRESENT = {
    "is": "zijn",
    "ben": "zijn",
    "bent": "zijn",
    "zijn": "zijn",
    "heeft": "hebben",
    "heb": "hebben",
    "hebt": "hebben",
    "kan": "kunnen",
    "kunt": "kunnen",
    "kun": "kunnen",
    "wil": "willen",
    "wilt": "willen",
    "zal": "zullen",
    "zult": "zullen",
    "mag": "mogen",
    "moet": "moeten",
    "gaat": "gaan",
    "staat": "staan",
    "slaat": "slaan",
    "doet": "doen",
    "ziet": "zien",
    "komt": "komen",
    "wordt": "worden",
}
_IRREGULAR_PAST = {
    "was": "zijn",
    "waren": "zijn",
    "had": "hebben",
    "hadden": "hebben",
    "kon": "kunnen",
    "konden": "kunnen",
    "wou": "willen",
    "wilde": "willen",
    "wilden": "willen",
    "zou": "zullen",
    "zouden": "zullen",
    "mocht": "mogen",
    "mochten": "mogen",
    "moest": "moeten",
    "moesten": "moeten",
    "werd": "worden",
    "werden": "worden",
}
_MODALS = frozenset({"kunnen", "moeten", "mogen", "willen", "hoeven"})
# Verbs that carry another verb: the content is in the participle or infinitive.
AUXILIARIES = frozenset({"hebben", "zijn", "worden", "zullen", "gaan", "blijken", *_MODALS})
# Separable particles: "toestaan" -> "staat ... toe", participle "toegestaan".
PARTICLES = (
    "aan af bij binnen door in mee na neer om op over tegen terug toe uit vast voor weg "
    "achter samen vrij los dicht open bekend goed kennis plaats deel"
).split()
_UNSTRESSED_PREFIXES = ("be", "ver", "ont", "her", "er", "ge", "mis")
# Words after which a verb-looking word is a noun or adjective: "de aanval", "met steun".
_NOMINAL_CONTEXT = frozenset(
    """de het een deze dit die dat zijn haar hun onze ons jullie uw mijn elk elke geen welke
    veel meer enkele alle beide andere eerste nieuwe grote van met voor na door bij op in uit
    tot om over tegen zonder naar onder tussen tijdens sinds per via rond twee drie vier vijf
    zes zeven acht negen tien twaalf twintig dertig honderd duizend""".split()
)
_SUBORDINATORS = frozenset(
    """dat omdat als toen nadat wanneer hoewel terwijl zodat voordat doordat zodra
    indien of waardoor waarmee waarop waarin waarna die wat wie""".split()
)
PREPOSITIONS = frozenset(
    """van met voor na door bij op in uit tot om over tegen zonder naar onder tussen
    tijdens sinds per via rond aan achter binnen buiten langs""".split()
)
# Relative pronouns that are determiners after a preposition: "van die beperkingen".
_DETERMINER_TOO = frozenset({"die", "dat", "wat"})
_NATIONALITY_RE = re.compile(r"(?:aanse|iaanse|ense|ïense|ische|sche|se|ese|ske)$")
_ADJECTIVE_ENDINGS = ("ische", "ele", "ige", "lijke", "se", "ste", "ke", "ale", "bare", "ieve")
_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*")


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    lower: str


@dataclass(frozen=True)
class VerbForm:
    word: Word
    lemma: str
    form: Form


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    subordinate: bool  # opened by "dat", "toen", "omdat", a relative "die"...
    finite: VerbForm | None
    participles: tuple[VerbForm, ...]
    infinitives: tuple[VerbForm, ...]
    particle: str | None  # a separable particle that belongs to the finite verb ("op")

    @property
    def lemma(self) -> str | None:
        """The clause's content verb: "heeft ... gegeven" -> geven, "schort ... op" ->
        opschorten, "gaat ... leveren" -> leveren, "staat ... toe ... te zetten" -> toestaan."""
        if self.finite is None:
            return self.participles[-1].lemma if self.participles else None
        if self.finite.lemma in AUXILIARIES:
            if self.participles:
                return self.participles[-1].lemma
            if self.infinitives and self.finite.lemma not in ("hebben", "zijn"):
                return self.infinitives[-1].lemma  # "hebben te maken met" is no perfect
        if self.particle:
            return self.particle + self.finite.lemma
        return self.finite.lemma


@dataclass(frozen=True)
class Verbs:
    """What the verbs of one sentence say about it."""

    clauses: tuple[Clause, ...]
    main: Clause | None  # the first main clause with a finite verb
    tense: Tense  # of the main clause
    modal: str | None  # "kunnen", "moeten", "mogen", "willen" governing the main clause
    passive: bool

    @property
    def finite(self) -> tuple[VerbForm, ...]:
        return tuple(c.finite for c in self.clauses if c.finite is not None)

    @property
    def main_lemma(self) -> str | None:
        return self.main.lemma if self.main else None

    @property
    def lemmas(self) -> frozenset[str]:
        found = set()
        for c in self.clauses:
            if c.lemma:
                found.add(c.lemma)
            for v in (*c.participles, *c.infinitives):
                found.add(v.lemma)
        return frozenset(found)


def words(text: str) -> list[Word]:
    return [
        Word(m.start(), m.end(), m.group(0), m.group(0).lower()) for m in _TOKEN_RE.finditer(text)
    ]


@functools.lru_cache(maxsize=8192)
def _stems(lemma: str) -> frozenset[str]:
    """Present-tense stems a verb may show: leveren -> lever, geven -> geef, zetten -> zet."""
    if lemma.endswith(("aan", "oen", "ien", "ijn", "ian")) and len(lemma) <= 6:
        raw = lemma[:-1]  # gaan -> ga, doen -> doe, zien -> zie
    elif lemma.endswith("en"):
        raw = lemma[:-2]
    else:
        return frozenset({lemma})
    stems = {raw}
    if len(raw) >= 2 and raw[-1] == raw[-2] and raw[-1] not in "aeiou":
        stems.add(raw[:-1])  # zett -> zet
    match = re.search(r"([^aeiou]|^)([aeou])([^aeiou])$", raw)
    if match:
        stems.add(raw[: match.start(2)] + match.group(2) * 2 + raw[match.start(3) :])  # geef
    result = set()
    for stem in stems:
        result.add(stem)
        if stem.endswith("v"):
            result.add(stem[:-1] + "f")
        elif stem.endswith("z"):
            result.add(stem[:-1] + "s")
    return frozenset(result)


def _is_participle(word: str, lemma: str) -> bool:
    if word == lemma or not word.endswith(("d", "t", "n")):
        return False
    for particle in ("", *PARTICLES):
        rest = lemma[len(particle) :]
        # "toegestaan": particle, "ge", then the verb ("gegeven", not "geeft").
        if (
            lemma.startswith(particle)
            and word.startswith(particle + "ge")
            and word[len(particle) + 2 : len(particle) + 3] == rest[:1]
        ):
            return True
    return False


def _is_unprefixed_participle(word: str, lemma: str) -> bool:
    """ "verklaard", "besloten", "ontmoet": a prefix that takes no "ge"."""
    prefix = next((p for p in _UNSTRESSED_PREFIXES if word.startswith(p)), None)
    return (
        prefix is not None
        and prefix != "ge"
        and lemma.startswith(prefix)
        and word != lemma
        and word.endswith(("d", "t", "n"))
    )


def forms(word: str) -> list[tuple[str, Form]]:
    """Every (verb, form) a word can be: "staat" -> [(staan, present)]."""
    return list(_forms(word))


@functools.lru_cache(maxsize=65536)
def _forms(word: str) -> tuple[tuple[str, Form], ...]:
    lower = word.lower()
    if lower in _IRREGULAR_PRESENT:
        return ((_IRREGULAR_PRESENT[lower], Form.PRESENT),)
    if lower in _IRREGULAR_PAST:
        return ((_IRREGULAR_PAST[lower], Form.PAST),)
    result: list[tuple[str, Form]] = []
    for lemma in lexicon.verb_lemmas(lower) or _separable_participle(lower):
        result.append((lemma, _form(lower, lemma)))
    return tuple(result)


def _separable_participle(word: str) -> tuple[str, ...]:
    """ "aangekomen" is aan + gekomen: the tables know "gekomen" (komen), not every compound."""
    for particle in PARTICLES:
        if word.startswith(particle + "ge") and len(word) > len(particle) + 4:
            for lemma in lexicon.verb_lemmas(word[len(particle) :]):
                if lexicon.is_verb(particle + lemma):
                    return (particle + lemma,)
    return ()


def _form(word: str, lemma: str) -> Form:
    if _is_participle(word, lemma):
        return Form.PARTICIPLE
    if word == lemma:
        return Form.INFINITIVE
    stems = _stems(lemma)
    if word in {s + "t" for s in stems} or (word in stems and word.endswith(("t", "d"))):
        return Form.PRESENT  # "ontmoet" too: after "heeft" the clause reads it as participle
    if word in stems:
        return Form.STEM  # "lang", "begin": first person, or no verb at all in news
    if any(word == s + suffix for s in stems for suffix in ("te", "de", "ten", "den")):
        return Form.PAST  # weak: "leverde", "zetten"
    if _is_unprefixed_participle(word, lemma):
        return Form.PARTICIPLE  # "beschoten", "verklaard"
    return Form.PAST  # strong: gaf, kwam, hief


# Closed-class words: never a verb, whatever a lookup table says ("het", "toe", "tegen").
_FUNCTION_WORDS = frozenset(
    """de het een en of maar want dus ook nog al niet wel nu dan daar hier er zo toch alleen
    echter inmiddels eerder later vandaag gisteren morgen zij ze hij wij we jij je u ik men
    hem haar hen hun ons zich zelf dit dat deze die wat wie welk welke waar hoe waarom
    toe tegen in op aan af bij door mee na naar om over uit voor met van tot rond
    zonder onder tussen tijdens sinds via per als zoals omdat nadat terwijl toen
    volgende vorige afgelopen komende eerste tweede laatste verder weer steeds nooit
    ongeveer bijna ruim zowat circa reeds pas net enkel slechts vooral zeker begin eind
    half medio""".split()
)
# Where a clause starts: a subordinator, a coordinator or punctuation between clauses.
_CLAUSE_BREAK_RE = re.compile(r"[,;:\"“”()]|\s[–-]\s|[.!?]\s")
_COORDINATORS = frozenset({"en", "maar", "want", "of"})
# At the head of a sentence these open a subordinate clause; "Dat", "Die" are pronouns there.
_INITIAL_SUBORDINATORS = frozenset(
    "toen nadat omdat als hoewel terwijl zodra voordat doordat indien zodat ofschoon "
    "wanneer aangezien".split()
)


def _clause_follows(tokens: list[Word], i: int) -> bool:
    """ "gaf aan dat de VS ...": after "dat" a subject opens a clause; "aan dat besluit" is
    a determiner and its noun."""
    if i + 1 >= len(tokens):
        return False
    after = tokens[i + 1]
    return (
        after.lower
        in (
            "de",
            "het",
            "een",
            "er",
            "hij",
            "zij",
            "ze",
            "we",
            "wij",
            "zo",
            "dit",
            "deze",
            "die",
            "dat",
        )
        or after.text[:1].isupper()
    )


def _asks(word: str) -> bool:
    return word in {
        "weet",
        "weten",
        "vraagt",
        "vroeg",
        "vragen",
        "vraag",
        "gevraagd",
        "duidelijk",
        "onduidelijk",
        "bekend",
        "onbekend",
        "twijfel",
        "twijfelt",
        "afvragen",
        "zien",
        "kijken",
    }


def _opens_subject_clause(tokens: list[Word]) -> bool:
    """ "Dat de VS ... zullen leveren, is ...": an opening "Dat" that no verb follows is a
    conjunction; "Dat melden AP en Reuters" has its verb right after it."""
    if len(tokens) < 3 or tokens[0].lower != "dat":
        return False
    return not forms(tokens[1].text) or tokens[1].text[:1].isupper()


def _clause_spans(text: str, tokens: list[Word]) -> list[tuple[list[int], bool]]:
    """Token indices per clause, in text order, and whether the clause is subordinate."""
    clauses: list[tuple[list[int], bool]] = []
    current: list[int] = []
    subordinate = bool(tokens) and (
        tokens[0].lower in _INITIAL_SUBORDINATORS or _opens_subject_clause(tokens)
    )
    for i, token in enumerate(tokens):
        gap = text[tokens[i - 1].end : token.start] if i > 0 else ""
        opens_sub = (
            i > 0
            and token.lower in _SUBORDINATORS
            and not (
                token.lower in _DETERMINER_TOO
                and tokens[i - 1].lower in PREPOSITIONS
                and not _clause_follows(tokens, i)
            )
            # "vandaag of morgen" coordinates; "vroeg of", "is onduidelijk of" subordinate
            and not (
                token.lower == "of"
                and "," not in gap
                and not any(_asks(t.lower) for t in tokens[max(0, i - 5) : i])
            )
        )
        # "regio's en doelen" coordinates nouns; "en" opens a clause after a finite verb.
        coordinated = (
            token.lower in _COORDINATORS
            and bool(current)
            and _clause(tokens, current, False).finite is not None
        )
        opens = i > 0 and bool(_CLAUSE_BREAK_RE.search(gap) or opens_sub or coordinated)
        if opens and current:
            clauses.append((current, subordinate))
            current = []
            subordinate = opens_sub
        current.append(i)
    if current:
        clauses.append((current, subordinate))
    return clauses


def _candidate(tokens: list[Word], i: int) -> list[tuple[str, Form]]:
    token = tokens[i]
    if token.lower in _FUNCTION_WORDS or token.lower in PREPOSITIONS:
        return []
    if token.lower.endswith(("nde", "end")) and not _weak_past(token.lower):
        return []  # "anticiperend", "volgende": present participles; "toonde" is a past
    if i > 0 and token.text[:1].isupper():
        return []  # a name mid-sentence ("Frankrijk", "Macron")
    readings = forms(token.text)
    if not readings or token.lower in _IRREGULAR_PRESENT or token.lower in _IRREGULAR_PAST:
        return readings
    previous = tokens[i - 1].text if i > 0 else ""
    before = previous.lower()
    if before in _NOMINAL_CONTEXT and not (
        (before == "zijn" and readings[0][1] is Form.PARTICIPLE)  # "zijn aangekomen"
        or (
            before in ("het", "dat", "dit")
            and i == 1
            and (readings[0][0] in AUXILIARIES or not lexicon.can_be_noun(token.text))
        )
    ):
        return []  # but "Het lijkt erop": a pronoun and its verb
    if (
        previous.islower()
        and before.endswith("e")
        and (lexicon.can_be_adjective(before) or before.endswith(_ADJECTIVE_ENDINGS))
    ):
        return []  # "de nieuwe levering", "de experimentele raket"
    if previous[:1].isupper() and _NATIONALITY_RE.search(previous):
        return []  # "Russische troepen", "Oekraïense bronnen": nationality adjectives
    return readings


def _weak_past(word: str) -> bool:
    return any(form is Form.PAST and word.endswith(("de", "den")) for _, form in forms(word))


def _bare_noun(tokens: list[Word], i: int) -> bool:
    """A word that reads as noun or plural verb is a noun with no subject before it."""
    if not lexicon.can_be_noun(tokens[i].text):
        return False
    return i == 0 or tokens[i - 1].lower in ("ook", "zelfs", "alleen", "en", "of", "maar")


def _clause(tokens: list[Word], indices: list[int], subordinate: bool) -> Clause:
    last = tokens[indices[-1]].lower if indices else ""
    closing_particle = last if last in PARTICLES else None
    finite: VerbForm | None = None
    finite_is_noun = False
    participles: list[VerbForm] = []
    infinitives: list[VerbForm] = []
    for i in indices:
        readings = _candidate(tokens, i)
        if not readings:
            continue
        # The lexicon lists the likelier verb first, unless a particle at the clause's end
        # fits another: "staken ... over" is oversteken, not staken.
        lemma, form = next(
            (r for r in readings if closing_particle and lexicon.is_verb(closing_particle + r[0])),
            readings[0],
        )
        if form is Form.STEM:
            continue
        if (
            form is Form.INFINITIVE
            and finite is not None
            and lexicon.can_be_noun(tokens[i].text)
            and any(
                r and r[0][1] is Form.INFINITIVE
                for r in (_candidate(tokens, j) for j in indices if j > i)
            )
        ):
            continue  # "gaat raketten leveren": the verb cluster comes last
        after_auxiliary = finite is not None and finite.lemma in ("hebben", "zijn", "worden")
        after_te = i > 0 and tokens[i - 1].lower == "te"
        if (
            after_auxiliary
            and not after_te
            and (
                form is Form.INFINITIVE or (form is Form.PRESENT and tokens[i].lower.endswith("t"))
            )
        ):
            form = Form.PARTICIPLE  # after "heeft", "ontmoet" and "ontvangen" are participles
        verb = VerbForm(tokens[i], lemma, form)
        after_te = i > 0 and tokens[i - 1].lower == "te"
        if form is Form.PARTICIPLE:
            participles.append(verb)
        elif form is Form.INFINITIVE and (finite is not None or after_te):
            infinitives.append(verb)
        elif form is Form.INFINITIVE and _bare_noun(tokens, i):
            continue  # "Ook troepen die ...": a plural noun, no plural verb
        elif finite is None or (finite_is_noun and not lexicon.can_be_noun(tokens[i].text)):
            # The clause's first verb is its finite one ("schorten ... op" is plural), unless
            # it can be a noun and a verb that cannot follows ("Oekraïense troepen zullen").
            finite = VerbForm(tokens[i], lemma, Form.PRESENT if form is Form.INFINITIVE else form)
            finite_is_noun = form is Form.INFINITIVE and lexicon.can_be_noun(tokens[i].text)
    if (
        finite is None
        and participles
        and participles[0].word.lower.startswith(("ver", "be", "ont", "her"))
    ):
        # "Daar vertrokken de laatste toestellen": a strong past plural looks like a participle.
        finite = VerbForm(participles[0].word, participles[0].lemma, Form.PAST)
        participles = participles[1:]
    particle = None
    if finite is not None and not participles:
        # "hief ... op" at the clause's end; "staat Kyiv toe de raketten in te zetten".
        words_after = [i for i in indices if tokens[i].start > finite.word.start]
        te = next((i for i in words_after if tokens[i].lower == "te"), None)
        for position, i in enumerate(words_after):
            word = tokens[i].lower
            following = (
                tokens[words_after[position + 1]].lower if position + 1 < len(words_after) else None
            )
            # "hief ... op", "kondigde de productie aan van ...", "staat ... toe ... te zetten"
            closes = following is None or following in PREPOSITIONS or (te is not None and i < te)
            if closes and word in PARTICLES and lexicon.is_verb(word + finite.lemma):
                particle = word
                break
    return Clause(
        tokens[indices[0]].start,
        tokens[indices[-1]].end,
        subordinate,
        finite,
        tuple(participles),
        tuple(infinitives),
        particle,
    )


@functools.lru_cache(maxsize=4096)
def analyse(text: str) -> Verbs:
    """The verbs of a sentence; every stage asks about the same sentences, so it is read once."""
    tokens = words(text)
    clauses = _joined(tuple(_clause(tokens, ix, sub) for ix, sub in _clause_spans(text, tokens)))
    with_verb = [c for c in clauses if c.finite is not None]
    main = next((c for c in with_verb if not c.subordinate), with_verb[0] if with_verb else None)
    tense, modal, passive = _tense(main)
    return Verbs(clauses, main, tense, modal, passive)


def _joined(clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    """An auxiliary's participle after an aside ("hebben de VS, met de NAVO, ... geleverd")
    belongs to the auxiliary's clause."""
    result = list(clauses)
    for index, clause in enumerate(result):
        finite = clause.finite
        if finite is None or finite.lemma not in AUXILIARIES or clause.participles:
            continue
        if clause.infinitives:
            continue
        for later in result[index + 1 :]:
            if later.subordinate:
                break
            if later.finite is not None and later.finite.word.lower == later.finite.lemma:
                # "gaan het voorstel vandaag of morgen ... voorleggen": no plural verb there
                infinitive = VerbForm(later.finite.word, later.finite.lemma, Form.INFINITIVE)
                later = Clause(
                    later.start,
                    later.end,
                    later.subordinate,
                    None,
                    later.participles,
                    (infinitive, *later.infinitives),
                    None,
                )
            elif later.finite is not None:
                break
            if later.participles or later.infinitives:
                result[index] = Clause(
                    clause.start,
                    later.end,
                    clause.subordinate,
                    finite,
                    later.participles,
                    later.infinitives,
                    clause.particle,
                )
                break
    return tuple(result)


def clause_tense(clause: Clause) -> Tense:
    return _tense(clause)[0]


def _tense(main: Clause | None) -> tuple[Tense, str | None, bool]:
    if main is None or main.finite is None:
        return Tense.NONE, None, False
    first = main.finite
    aux = first.lemma
    present = first.form is Form.PRESENT
    modal = aux if aux in _MODALS and main.infinitives else None
    passive = aux == "worden" and bool(main.participles)
    if aux == "zullen" and not present:
        return Tense.CONDITIONAL, modal, passive
    if aux == "zullen" or (aux == "gaan" and main.infinitives):
        return Tense.FUTURE, modal, passive
    if aux in ("hebben", "zijn") and main.participles:
        return (Tense.PERFECT if present else Tense.PLUPERFECT), modal, passive
    return (Tense.PRESENT if present else Tense.PAST), modal, passive
