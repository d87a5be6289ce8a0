"""Headlines: the sentence's main clause, plain, short, and made of the sources' own words."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from generator import dates
from generator.extract.mentions import MentionFinder
from generator.gazetteer import Gazetteer, load_gazetteer
from generator.pipeline import Inputs, Result, run
from generator.story.headline import (
    HARD_MAX,
    Context,
    gazetteer_words,
    unsourced_words,
    words_of,
    write_headline,
)

ROOT = Path(__file__).resolve().parents[2]
SETS = [ROOT / "seeds", *sorted((ROOT / "evaluation").glob("heldout-*/seeds"))]
LEADING_CONNECTIVES = re.compile(
    r"^(?:Maar|En|Ook|Zo|Dus|Daarom|Toch|Wel|Inmiddels|Niet lang daarna|Vandaag|Gisteren)"
    r"\b(?!['’]n)"
)
DEICTIC = re.compile(r"\b(?:vandaag|gisteren|morgen|eergisteren|overmorgen)\b", re.IGNORECASE)


@cache
def gazetteer() -> Gazetteer:
    return load_gazetteer(ROOT / "data" / "gazetteer.yml")


@cache
def finder() -> MentionFinder:
    return MentionFinder(gazetteer())


def headline(
    sentence: str,
    when: str = "2024-09",
    published: str = "2024-09",
    *,
    previous: tuple[str, ...] = (),
    weapons: tuple[str, ...] = (),
) -> str:
    ctx = Context(
        finder(), gazetteer(), dates.parse(when), dates.parse(published), previous, weapons
    )
    return write_headline(sentence, ctx).text


# --- the rules, one example each -------------------------------------------------------------


def test_a_fronted_date_goes_and_the_subject_comes_first() -> None:
    assert headline(
        "In november 2024 gaf de Amerikaanse regering toestemming voor de levering van "
        "langeafstandsraketten aan Oekraïne.",
        "2024-11",
        "2024-12",
    ) == (
        "De Amerikaanse regering gaf toestemming voor de levering van "
        "langeafstandsraketten aan Oekraïne"
    )


def test_a_leading_connective_goes_and_an_insertion_with_it() -> None:
    assert headline(
        "Niet lang daarna gaf de Britse regering, onder premier Keir Starmer, toestemming aan "
        "Kyiv om de Britse langeafstandsraket Storm Shadow in te zetten.",
        "2024-11",
        "2024-12",
    ) == (
        "De Britse regering gaf toestemming aan Kyiv om de langeafstandsraket Storm Shadow "
        "in te zetten"
    )


def test_a_focus_word_before_a_subject_goes_and_the_subject_keeps_its_place() -> None:
    # "Ook troepen die ...": "troepen" is a noun here, not a verb moved to the front.
    assert (
        headline(
            "Ook troepen die zich net over de Russische grens bij de stad verzamelen, of Russische "
            "raketwerpers die bommen lanceren richting Oekraïens grondgebied mogen nu worden "
            "aangevallen met Amerikaanse wapens.",
            "2024-05",
            "2024-05",
        )
        == "Troepen of raketwerpers mogen nu worden aangevallen met Amerikaanse wapens"
    )


def test_a_person_the_gazetteer_does_not_know_still_heads_their_words() -> None:
    assert headline(
        "Michael S. Repass, voormalig commandant van de Amerikaanse speciale operaties in "
        "Europa, zei aan de Times dat het moment voorbij is.",
        "2022-03",
        "2022-03",
    ).startswith("Michael S. Repass: ")


def test_words_inside_quotation_marks_stay_as_quoted() -> None:
    assert headline(
        "Michael S. Repass zei aan de Times dat “de opportuniteit om de Oekraïners nog "
        "makkelijk te helpen afgelopen is”.",
        "2022-03",
        "2022-03",
    ).endswith("“de opportuniteit om de Oekraïners nog makkelijk te helpen afgelopen is”")


def test_a_leading_subordinate_clause_goes() -> None:
    assert (
        headline(
            "Toen het Russische leger begin mei een offensief inzette richting Charkiv, hief "
            "president Biden een aantal van die beperkingen op.",
            "2024-05",
            "2024-09",
        )
        == "Biden hief een aantal van die beperkingen op"
    )


def test_a_hedge_moves_into_the_label() -> None:
    assert headline(
        "Oekraïne zou voor het eerst Amerikaanse langeafstandsraketten hebben ingezet bij een "
        "aanval in Rusland.",
        "2024-11-19",
        "2024-11-19",
    ) == (
        "Oekraïne heeft voor het eerst Amerikaanse langeafstandsraketten ingezet bij een "
        "aanval in Rusland"
    )
    assert "naar verluidt" not in headline(
        "De VS gaf naar verluidt afgelopen weekend toestemming die langeafstandsraketten in te "
        "zetten tegen doelen in Rusland.",
        "2024-11-16/2024-11-17",
        "2024-11-19",
        weapons=("atacms", "long-range-missiles"),
    )


def test_a_group_named_with_die_is_the_weapon_the_event_is_about() -> None:
    assert (
        headline(
            "De VS gaf naar verluidt afgelopen weekend toestemming die langeafstandsraketten in te "
            "zetten tegen doelen in Rusland.",
            "2024-11-16/2024-11-17",
            "2024-11-19",
            weapons=("atacms", "long-range-missiles"),
        )
        == "De VS gaf toestemming ATACMS in te zetten tegen doelen in Rusland"
    )


def test_a_pronoun_takes_the_subject_of_the_sentence_before() -> None:
    assert headline(
        "Zo stuurden ze binnen de zes dagen na de invasie 17.000 antitankwapens.",
        "2022-02-24/2022-03-02",
        "2022-03",
        previous=("Maar de Amerikanen helpen de Oekraïners wel achter de schermen.",),
    ).startswith("De Amerikanen stuurden")


def test_a_party_speaking_heads_its_claim_and_a_medium_does_not() -> None:
    assert (
        headline(
            "Afgelopen dinsdag, vlak voor vertrek naar Kyiv, zei Blinken dat Iran ballistische "
            "raketten heeft geleverd aan Rusland om Oekraïne nog intensiever te kunnen beschieten."
        )
        == "Blinken: Iran heeft ballistische raketten geleverd aan Rusland"
    )
    assert (
        headline(
            "De Kyiv Independent meldt dat Oekraïne een arsenaal van zo'n vijftig raketten "
            "tot zijn beschikking kreeg.",
            "2024-12",
            "2024-12",
        )
        == "Oekraïne kreeg een arsenaal van zo'n vijftig raketten tot zijn beschikking"
    )


def test_today_tomorrow_and_yesterday_become_the_date_or_go() -> None:
    assert (
        headline(
            "De Britse premier Keir Starmer gaat morgen naar de Verenigde Staten.",
            "2024-09-13",
            "2024-09-12",
        )
        == "Starmer gaat op 13 september naar de Verenigde Staten"
    )
    assert not DEICTIC.search(
        headline(
            "Gisteren waren de Amerikaanse en Britse ministers van Buitenlandse Zaken in Kyiv."
        )
    )


def test_titles_give_way_to_the_name() -> None:
    assert (
        headline(
            "De Amerikaanse president Joe Biden keurde voor 350 miljoen dollar aan militaire hulp "
            "goed.",
            "2022-02-26",
            "2022-03",
        )
        == "Biden keurde voor 350 miljoen dollar aan militaire hulp goed"
    )


def test_a_long_sentence_is_cut_between_words_with_an_ellipsis() -> None:
    text = headline(
        "De Amerikaanse president Biden heeft Oekraïne in het geheim toestemming gegeven voor "
        "het gebruik van Amerikaanse wapens op Russisch grondgebied bij de stad Charkiv in het "
        "noordoosten van het land.",
        "2024-05",
        "2024-05",
    )
    assert len(text) <= HARD_MAX
    assert text.endswith(" …")
    sentence_words = set(
        re.findall(
            r"\w+",
            "De Amerikaanse president Biden heeft Oekraïne in "
            "het geheim toestemming gegeven voor het gebruik van",
        )
    )
    assert text.removesuffix(" …").split(" ")[-1] in sentence_words | {"Amerikaanse", "wapens"}


def test_the_word_check_finds_a_word_from_nowhere() -> None:
    allowed = words_of(["Biden gaf toestemming"])
    assert unsourced_words("Biden gaf toestemming", allowed) == []
    assert unsourced_words("Biden weigerde toestemming", allowed) == ["weigerde"]
    joined = words_of(["Poetin binnenviel Oekraïne"])
    assert unsourced_words("Poetin viel Oekraïne binnen", joined) == []


# --- every event of every set: within the rules ------------------------------------------------


@cache
def result(seeds: Path) -> Result:
    return run(Inputs(seeds, ROOT / "data", own_corrections_only=True))


def set_name(seeds: Path) -> str:
    return "seeds" if seeds.parent == ROOT else seeds.parent.name


@pytest.mark.parametrize("seeds", SETS, ids=set_name)
def test_every_headline_keeps_the_rules(seeds: Path) -> None:
    res = result(seeds)
    articles = {a.stem: a for a in res.corpus.articles}
    known = gazetteer_words(res.gazetteer)
    problems = []
    for event in res.corpus.events:
        h = event.headline
        allowed = known | words_of(articles[s.article].text for s in event.sources)
        allowed |= words_of([event.date.label])
        if not h or len(h) > HARD_MAX:
            problems.append(f"{event.id}: length {len(h)}: {h!r}")
        if LEADING_CONNECTIVES.match(h):
            problems.append(f"{event.id}: opens with a connective: {h!r}")
        if DEICTIC.search(h):
            problems.append(f"{event.id}: unresolved day word: {h!r}")
        if unsourced_words(h, allowed):
            problems.append(f"{event.id}: words from nowhere {unsourced_words(h, allowed)}: {h!r}")
        last = h.removesuffix(" …").split(" ")[-1].strip("\"'”’:,")
        if last and unsourced_words(last, allowed) and not last[:1].isdigit():
            problems.append(f"{event.id}: ends in a cut word {last!r}: {h!r}")
    assert not problems, "\n".join(problems)
