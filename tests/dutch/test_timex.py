"""Dutch time expressions, one expression per test: what a careful annotator writes in EDTF.

Each case reads: sentence, publication date, expected expression text, expected EDTF,
relation. Publication 2024-11-19 is a Tuesday.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.dates import parse
from generator.dutch import timex
from generator.dutch.timex import DEFAULT_ANCHORS, find_time_expressions, load_anchors
from generator.errors import InputError
from generator.model import DateValue, TimeExpression

TUESDAY = "2024-11-19"


def _date(edtf: str | None) -> DateValue | None:
    return parse(edtf) if edtf else None


def _find(
    sentence: str,
    published: str | None,
    previous: str | None = None,
    anchors: dict[str, DateValue] | None = None,
) -> list[TimeExpression]:
    found = find_time_expressions(sentence, _date(published), _date(previous), anchors)
    for expr in found:
        assert sentence[expr.start : expr.end] == expr.text
    return found


def _only(sentence: str, published: str | None, previous: str | None = None) -> TimeExpression:
    found = _find(sentence, published, previous)
    assert len(found) == 1, found
    return found[0]


def case(
    sentence: str,
    published: str | None,
    text: str,
    edtf: str | None,
    relation: str = "at",
    previous: str | None = None,
    *,
    id: str,
) -> Any:
    return pytest.param(sentence, published, previous, text, edtf, relation, id=id)


def check(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    expr = _only(sentence, published, previous)
    assert expr.text == text
    assert (expr.date.edtf if expr.date else None) == edtf
    assert expr.relation == relation


ABSOLUTE = [
    case(
        "Rusland viel op 24 februari 2022 Oekraïne binnen.",
        None,
        "op 24 februari 2022",
        "2022-02-24",
        id="day-month-year",
    ),
    case(
        "Rusland viel op 24 februari Oekraïne binnen.",
        "2022-03",
        "op 24 februari",
        "2022-02-24",
        id="day-month-without-year",
    ),
    case(
        "Het pakket kwam op 30 september.",
        "2024-09",
        "op 30 september",
        "2024-09-30",
        id="day-month-latest-in-publication-month",
    ),
    case(
        "Op 5 november zullen de Amerikanen stemmen.",
        "2024-09",
        "Op 5 november",
        "2024-11-05",
        id="day-month-future-sentence",
    ),
    case(
        "Donderdag 24 februari 2022 begon de oorlog.",
        None,
        "Donderdag 24 februari 2022",
        "2022-02-24",
        id="weekday-day-month-year",
    ),
    case(
        "Het kabinet vergadert vrijdag 22 november.",
        TUESDAY,
        "vrijdag 22 november",
        "2024-11-22",
        id="weekday-picks-the-year",
    ),
    case(
        "Het besluit viel op 24 feb. 2022 om middernacht.",
        None,
        "op 24 feb. 2022",
        "2022-02-24",
        id="day-abbreviated-month",
    ),
    case(
        "In november 2024 gaf de regering toestemming.",
        None,
        "In november 2024",
        "2024-11",
        id="month-year",
    ),
    case(
        "De VS kondigde het pakket in augustus aan.",
        "2022-03",
        "in augustus",
        "2021-08",
        id="month-without-year-last-year",
    ),
    case(
        "Het pakket werd pas in november voltooid.",
        "2022-03",
        "in november",
        "2021-11",
        id="month-without-year-november",
    ),
    case(
        "De troepen verzamelden zich in maart aan de grens.",
        "2022-03",
        "in maart",
        "2022-03",
        id="month-without-year-publication-month",
    ),
    case("De test vond plaats in 2021.", None, "in 2021", "2021", id="in-year"),
    case("Er was een luchtvaartshow in 2024.", "2024-09", "in 2024", "2024", id="in-year-2024"),
    case(
        "Rusland dreigt sinds 2022 met kernwapens.",
        "2024-09",
        "sinds 2022",
        "2022-01/2024-09",
        "since",
        id="since-year",
    ),
    case(
        "De oorlog duurt sinds november 2024 voort.",
        "2025-01",
        "sinds november 2024",
        "2024-11/2025-01",
        "since",
        id="since-month-year",
    ),
    case(
        "Het verbod gold tot november 2024 in de regio.",
        None,
        "tot november 2024",
        "2024-11",
        "until",
        id="until-month-year",
    ),
    case(
        "Het verbod gold tot en met 2023 overal.",
        None,
        "tot en met 2023",
        "2023",
        "until",
        id="until-and-including-year",
    ),
    case(
        "De levering begon begin november 2024 pas.",
        None,
        "begin november 2024",
        "2024-11-01/2024-11-10",
        id="begin-month-year",
    ),
    case(
        "De levering volgde eind november 2024 pas.",
        None,
        "eind november 2024",
        "2024-11-21/2024-11-30",
        id="end-month-year",
    ),
    case(
        "Het gebeurde afgelopen november al.",
        "2024-09",
        "afgelopen november",
        "2023-11",
        id="last-november",
    ),
    case(
        "Het gebeurde in november vorig jaar al.",
        "2024-09",
        "in november vorig jaar",
        "2023-11",
        id="month-last-year",
    ),
]

PART_OF_PERIOD = [
    case(
        "Toen het leger begin mei een offensief inzette.",
        "2024-09",
        "begin mei",
        "2024-05-01/2024-05-10",
        id="begin-may",
    ),
    case(
        "Het offensief stokte half mei.",
        "2024-09",
        "half mei",
        "2024-05-11/2024-05-20",
        id="half-may",
    ),
    case(
        "Het offensief stokte midden mei.",
        "2024-09",
        "midden mei",
        "2024-05-11/2024-05-20",
        id="middle-may",
    ),
    case(
        "Het offensief stokte medio mei.",
        "2024-09",
        "medio mei",
        "2024-05-11/2024-05-20",
        id="medio-may",
    ),
    case(
        "Het offensief eindigde eind mei.",
        "2024-09",
        "eind mei",
        "2024-05-21/2024-05-31",
        id="end-may",
    ),
    case(
        "Het offensief eindigde aan het eind van mei.",
        "2024-09",
        "aan het eind van mei",
        "2024-05-21/2024-05-31",
        id="at-the-end-of-may",
    ),
    case(
        "De aanval kwam eind oktober.",
        TUESDAY,
        "eind oktober",
        "2024-10-21/2024-10-31",
        id="end-october",
    ),
    case(
        "De troepen kwamen eind februari.",
        "2022-03",
        "eind februari",
        "2022-02-21/2022-02-28",
        id="end-february",
    ),
    case(
        "Het plan lag er begin 2024 al.",
        "2024-09",
        "begin 2024",
        "2024-01/2024-03",
        id="begin-year-first-quarter",
    ),
    case(
        "Het plan lag er medio 2024 al.", "2024-09", "medio 2024", "2024-05/2024-08", id="mid-year"
    ),
    case(
        "Het plan lag er eind 2023 al.",
        "2024-09",
        "eind 2023",
        "2023-10/2023-12",
        id="end-year-last-quarter",
    ),
    case(
        "Er zouden eind vorige maand al troepen zijn aangekomen.",
        TUESDAY,
        "eind vorige maand",
        "2024-10-21/2024-10-31",
        id="end-of-last-month",
    ),
    case(
        "Er zouden half vorige maand al troepen zijn aangekomen.",
        TUESDAY,
        "half vorige maand",
        "2024-10-11/2024-10-20",
        id="half-last-month",
    ),
    case(
        "Het offensief begon eerder deze maand.",
        "2024-05",
        "eerder deze maand",
        "2024-05",
        id="earlier-this-month",
    ),
    case("Het offensief begon deze maand.", TUESDAY, "deze maand", "2024-11", id="this-month"),
    case("Het offensief begon vorige maand.", TUESDAY, "vorige maand", "2024-10", id="last-month"),
    case(
        "Het offensief begint volgende maand.",
        TUESDAY,
        "volgende maand",
        "2024-12",
        id="next-month",
    ),
    case(
        "De levering volgt begin volgende maand.",
        TUESDAY,
        "begin volgende maand",
        "2024-12-01/2024-12-10",
        id="begin-next-month",
    ),
    case("Dat gebeurde vorig jaar al.", TUESDAY, "vorig jaar", "2023", id="last-year"),
    case(
        "Dat gebeurde eerder dit jaar al.",
        TUESDAY,
        "eerder dit jaar",
        "2024-01/2024-11",  # up to the publication, not the year's rest
        id="earlier-this-year",
    ),
    case("Dat gebeurt volgend jaar.", TUESDAY, "volgend jaar", "2025", id="next-year"),
    case(
        "Dat gebeurde eind vorig jaar al.",
        TUESDAY,
        "eind vorig jaar",
        "2023-10/2023-12",
        id="end-of-last-year",
    ),
]

RELATIVE_DAYS = [
    case(
        "Vandaag zei de Russische leider iets.",
        TUESDAY,
        "Vandaag",
        "2024-11-19",
        id="today-capitalised",
    ),
    case("Het Kremlin reageerde vandaag.", TUESDAY, "vandaag", "2024-11-19", id="today"),
    case("Gisteren waren de ministers in Kyiv.", TUESDAY, "Gisteren", "2024-11-18", id="yesterday"),
    case(
        "Eergisteren waren de ministers in Kyiv.",
        TUESDAY,
        "Eergisteren",
        "2024-11-17",
        id="day-before-yesterday",
    ),
    case("Starmer gaat morgen naar Washington.", TUESDAY, "morgen", "2024-11-20", id="tomorrow"),
    case(
        "Starmer gaat overmorgen naar Washington.",
        TUESDAY,
        "overmorgen",
        "2024-11-21",
        id="day-after-tomorrow",
    ),
    case(
        "Biden sprak gisteravond met Zelensky.",
        TUESDAY,
        "gisteravond",
        "2024-11-18",
        id="last-night",
    ),
    case(
        "Biden sprak vanochtend met Zelensky.",
        TUESDAY,
        "vanochtend",
        "2024-11-19",
        id="this-morning",
    ),
    case(
        "Dat schreef Nieuwsuur eerder vanavond.",
        TUESDAY,
        "eerder vanavond",
        "2024-11-19",
        id="earlier-tonight",
    ),
    case(
        "Afgelopen dinsdag zei Blinken dat.",
        TUESDAY,
        "Afgelopen dinsdag",
        "2024-11-12",
        id="last-tuesday-strictly-before",
    ),
    case(
        "Vorige dinsdag zei Blinken dat.",
        TUESDAY,
        "Vorige dinsdag",
        "2024-11-12",
        id="previous-tuesday",
    ),
    case(
        "Blinken zei maandag dat Iran raketten leverde.",
        TUESDAY,
        "maandag",
        "2024-11-18",
        id="bare-weekday-past",
    ),
    case(
        "Blinken zei dinsdag dat Iran raketten leverde.",
        TUESDAY,
        "dinsdag",
        "2024-11-19",
        id="bare-weekday-is-today",
    ),
    case(
        "Blinken zei zondag dat Iran raketten leverde.",
        TUESDAY,
        "zondag",
        "2024-11-17",
        id="bare-sunday",
    ),
    case(
        "Biden zal donderdag een besluit nemen.",
        TUESDAY,
        "donderdag",
        "2024-11-21",
        id="bare-weekday-future",
    ),
    case(
        "Blinken sprak woensdagavond in Brussel.",
        TUESDAY,
        "woensdagavond",
        "2024-11-13",
        id="weekday-evening",
    ),
    case(
        "Het zou gaan om een aanval van zondag.",
        TUESDAY,
        "zondag",
        "2024-11-17",
        id="gaan-om-is-not-future",
    ),
    case(
        "Komende dinsdag beslist het kabinet.",
        TUESDAY,
        "Komende dinsdag",
        "2024-11-26",
        id="coming-tuesday",
    ),
    case(
        "Volgende week dinsdag beslist het kabinet.",
        TUESDAY,
        "Volgende week dinsdag",
        "2024-11-26",
        id="next-week-tuesday",
    ),
    case(
        "Vorige week dinsdag besliste het kabinet.",
        TUESDAY,
        "Vorige week dinsdag",
        "2024-11-12",
        id="last-week-tuesday",
    ),
    case(
        "Het kabinet besliste dinsdag vorige week.",
        TUESDAY,
        "dinsdag vorige week",
        "2024-11-12",
        id="tuesday-last-week",
    ),
    case(
        "De VS gaf afgelopen weekend toestemming.",
        TUESDAY,
        "afgelopen weekend",
        "2024-11-16/2024-11-17",
        id="last-weekend",
    ),
    case(
        "De VS gaf vorig weekend toestemming.",
        TUESDAY,
        "vorig weekend",
        "2024-11-16/2024-11-17",
        id="previous-weekend",
    ),
    case(
        "De VS gaf in het weekend toestemming.",
        TUESDAY,
        "in het weekend",
        "2024-11-16/2024-11-17",
        id="in-the-weekend-past",
    ),
    case(
        "De ministers praten dit weekend verder.",
        TUESDAY,
        "dit weekend",
        "2024-11-23/2024-11-24",
        id="this-weekend",
    ),
    case(
        "De ministers praten komend weekend verder.",
        TUESDAY,
        "komend weekend",
        "2024-11-23/2024-11-24",
        id="coming-weekend",
    ),
    case(
        "De aanval was vorige week.",
        TUESDAY,
        "vorige week",
        "2024-11-11/2024-11-17",
        id="last-week",
    ),
    case("De aanval was deze week.", TUESDAY, "deze week", "2024-11-18/2024-11-24", id="this-week"),
    case(
        "De aanval volgt volgende week.",
        TUESDAY,
        "volgende week",
        "2024-11-25/2024-12-01",
        id="next-week",
    ),
    case(
        "De aanval was eind vorige week.",
        TUESDAY,
        "eind vorige week",
        "2024-11-15/2024-11-17",
        id="end-of-last-week",
    ),
    case(
        "De rest volgt de komende dagen.",
        TUESDAY,
        "de komende dagen",
        "2024-11-20/2024-11-26",
        id="coming-days",
    ),
    case(
        "De rest kwam de afgelopen dagen.",
        TUESDAY,
        "de afgelopen dagen",
        "2024-11-12/2024-11-18",
        id="past-days",
    ),
    case(
        "Er vielen de afgelopen twee weken doden.",
        TUESDAY,
        "de afgelopen twee weken",
        "2024-11-05/2024-11-18",
        id="past-two-weeks",
    ),
    case(
        "De rest volgt de komende weken.",
        TUESDAY,
        "de komende weken",
        "2024-11-20/2024-12-17",
        id="coming-weeks",
    ),
    case(
        "Kabinetsleden bepleitten de afgelopen tijd al steun.",
        TUESDAY,
        "de afgelopen tijd",
        None,
        id="past-while-too-vague",
    ),
    case(
        "De aanval was drie dagen geleden.",
        TUESDAY,
        "drie dagen geleden",
        "2024-11-16",
        id="three-days-ago",
    ),
    case(
        "De aanval was twee weken geleden.",
        TUESDAY,
        "twee weken geleden",
        "2024-11-05",
        id="two-weeks-ago",
    ),
    case(
        "De aanval was een maand geleden.",
        TUESDAY,
        "een maand geleden",
        "2024-10",
        id="a-month-ago",
    ),
    case(
        "NOS Nieuws • vandaag, 20:26 • Oekraïne mag wapens gebruiken",
        TUESDAY,
        "vandaag, 20:26",
        "2024-11-19",
        id="nos-byline-today",
    ),
    case(
        "NOS Nieuws • gisteren, 13:20 • Oekraïne mag wapens gebruiken",
        TUESDAY,
        "gisteren, 13:20",
        "2024-11-18",
        id="nos-byline-yesterday",
    ),
]

# Publication known only to the month (or an interval): day-level relatives stay that coarse.
COARSE_PUBLICATION = [
    case(
        "Gisteren waren de ministers in Kyiv.",
        "2024-09",
        "Gisteren",
        "2024-09",
        id="month-yesterday",
    ),
    case(
        "Starmer gaat morgen naar Washington.", "2024-09", "morgen", "2024-09", id="month-tomorrow"
    ),
    case(
        "Afgelopen dinsdag zei Blinken dat.",
        "2024-09",
        "Afgelopen dinsdag",
        "2024-09",
        id="month-last-tuesday",
    ),
    case("Vandaag zei Poetin dat.", "2024-09", "Vandaag", "2024-09", id="month-today"),
    case(
        "NOS Nieuws • vandaag, 20:26 • Aangepast",
        "2024-09",
        "vandaag, 20:26",
        "2024-09",
        id="month-byline",
    ),
    case(
        "De VS gaf afgelopen weekend toestemming.",
        "2024-09",
        "afgelopen weekend",
        "2024-09",
        id="month-last-weekend",
    ),
    case("De aanval was vorige week.", "2024-09", "vorige week", "2024-09", id="month-last-week"),
    case(
        "Het offensief begon vorige maand.",
        "2024-09",
        "vorige maand",
        "2024-08",
        id="month-last-month",
    ),
    case(
        "Troepen kwamen eind vorige maand aan.",
        "2024-09",
        "eind vorige maand",
        "2024-08-21/2024-08-31",
        id="month-end-of-last-month",
    ),
    case(
        "Gisteren waren de ministers in Kyiv.",
        "2024-12/2025-01",
        "Gisteren",
        "2024-12/2025-01",
        id="interval-yesterday",
    ),
    case(
        "Het offensief begon vorige maand.",
        "2024-12/2025-01",
        "vorige maand",
        "2024-11/2024-12",
        id="interval-last-month",
    ),
    case(
        "Het pakket kwam in december.",
        "2024-12/2025-01",
        "in december",
        "2024-12",
        id="interval-december",
    ),
    case(
        "Het pakket kwam in januari.",
        "2024-12/2025-01",
        "in januari",
        "2025-01",
        id="interval-january",
    ),
]

SEASONS = [
    case("Deze zomer dreigde Poetin nog.", "2024-09", "Deze zomer", "2024-22", id="this-summer"),
    case(
        "Afgelopen zomer dreigde Poetin nog.",
        "2024-09",
        "Afgelopen zomer",
        "2024-22",
        id="last-summer",
    ),
    case(
        "In de zomer dreigde Poetin nog.", "2024-09", "In de zomer", "2024-22", id="in-the-summer"
    ),
    case(
        "Afgelopen zomer dreigde Poetin nog.",
        "2024-03",
        "Afgelopen zomer",
        "2023-22",
        id="last-summer-before-summer",
    ),
    case(
        "In de zomer dreigde Poetin nog.",
        "2024-03",
        "In de zomer",
        "2023-22",
        id="in-the-summer-before-summer",
    ),
    case(
        "Deze zomer wil Kyiv de raketten hebben.",
        "2024-03",
        "Deze zomer",
        "2024-22",
        id="this-summer-ahead",
    ),
    case(
        "Oekraïne vraagt sinds het voorjaar om meer raketten.",
        "2024-09",
        "sinds het voorjaar",
        "2024-03/2024-09",
        "since",
        id="since-spring",
    ),
    case(
        "De leveringen begonnen in de lente.", "2024-09", "in de lente", "2024-21", id="in-spring"
    ),
    case(
        "De leveringen begonnen in het najaar.", TUESDAY, "in het najaar", "2024-23", id="in-autumn"
    ),
    case(
        "De leveringen begonnen in de herfst van 2023.",
        None,
        "in de herfst van 2023",
        "2023-23",
        id="autumn-of-year",
    ),
    case("Kyiv vreest komende winter.", "2024-09", "komende winter", "2024-24", id="coming-winter"),
    case("Kyiv leed vorige winter.", "2024-09", "vorige winter", "2023-24", id="last-winter"),
    case(
        "Kyiv lijdt deze winter.",
        "2025-01-15",
        "deze winter",
        "2024-24",
        id="this-winter-in-january",
    ),
]

SINCE_UNTIL = [
    case(
        "Oekraïne heeft sinds november 14 raketten ingezet.",
        "2024-12/2025-01",
        "sinds november",
        "2024-11/2025-01",
        "since",
        id="since-november",
    ),
    case(
        "Oekraïne vecht sinds 24 februari terug.",
        "2022-03",
        "sinds 24 februari",
        "2022-02-24/2022-03-31",
        "since",
        id="since-day",
    ),
    case(
        "Oekraïne vecht sinds begin mei terug.",
        "2024-09",
        "sinds begin mei",
        "2024-05/2024-09",
        "since",
        id="since-begin-may",
    ),
    case(
        "Het Kremlin dreigt al sinds het begin van de invasie in 2022 met kernwapens.",
        "2024-09",
        "sinds het begin van de invasie in 2022",
        "2022-02-24/2024-09-30",
        "since",
        id="since-start-of-invasion",
    ),
    case(
        "Het Kremlin dreigt sinds de invasie met kernwapens.",
        "2024-09",
        "sinds de invasie",
        "2022-02-24/2024-09-30",
        "since",
        id="since-invasion",
    ),
    case(
        "Het verbod gold tot eind mei.",
        "2024-09",
        "tot eind mei",
        "2024-05-21/2024-05-31",
        "until",
        id="until-end-of-may",
    ),
    case(
        "Het verbod gold tot gisteren.",
        TUESDAY,
        "tot gisteren",
        "2024-11-18",
        "until",
        id="until-yesterday",
    ),
    case(
        "Vanaf 2025 mag dat niet meer.",
        "2024-09",
        "Vanaf 2025",
        "2025",
        "since",
        id="from-future-year",
    ),
    case(
        "Voor de invasie was dat ondenkbaar.",
        "2024-09",
        "Voor de invasie",
        "2022-02-24",
        "before",
        id="before-invasion",
    ),
]

CHAINED = [
    case(
        "Nog eens twee dagen later kwamen de leveringen aan.",
        "2022-03",
        "Nog eens twee dagen later",
        "2022-02-28",
        previous="2022-02-26",
        id="another-two-days-later",
    ),
    case(
        "Twee dagen later kwamen de leveringen aan.",
        "2022-03",
        "Twee dagen later",
        "2022-02-26",
        previous="2022-02-24",
        id="two-days-later",
    ),
    case(
        "Drie dagen later kwamen de leveringen aan.",
        "2022-03",
        "Drie dagen later",
        "2022-02-27",
        previous="2022-02-24",
        id="three-days-later",
    ),
    case(
        "3 dagen later kwamen de leveringen aan.",
        "2022-03",
        "3 dagen later",
        "2022-02-27",
        previous="2022-02-24",
        id="digit-days-later",
    ),
    case(
        "Zes dagen later kwamen de leveringen aan.",
        "2022-03",
        "Zes dagen later",
        "2022-03-02",
        previous="2022-02-24",
        id="six-days-later",
    ),
    case(
        "Eenentwintig dagen later kwamen de leveringen aan.",
        "2022-03",
        "Eenentwintig dagen later",
        "2022-03-17",
        previous="2022-02-24",
        id="twenty-one-days-later",
    ),
    case(
        "Tweeëntwintig dagen later kwamen de leveringen aan.",
        "2022-03",
        "Tweeëntwintig dagen later",
        "2022-03-18",
        previous="2022-02-24",
        id="twenty-two-days-later",
    ),
    case(
        "Een week later kwamen de leveringen aan.",
        "2022-03",
        "Een week later",
        "2022-03-03",
        previous="2022-02-24",
        id="a-week-later",
    ),
    case(
        "Twee weken later kwamen de leveringen aan.",
        "2022-03",
        "Twee weken later",
        "2022-03-10",
        previous="2022-02-24",
        id="two-weeks-later",
    ),
    case(
        "Een maand later kwamen de leveringen aan.",
        "2025-01",
        "Een maand later",
        "2024-12",
        previous="2024-11",
        id="a-month-later",
    ),
    case(
        "Twee dagen eerder was er overleg.",
        "2022-03",
        "Twee dagen eerder",
        "2022-02-24",
        previous="2022-02-26",
        id="two-days-earlier",
    ),
    case(
        "De dag erna kwamen de leveringen aan.",
        "2022-03",
        "De dag erna",
        "2022-02-25",
        previous="2022-02-24",
        id="the-day-after",
    ),
    case(
        "Niet lang daarna gaf Londen toestemming.",
        "2024-12/2025-01",
        "Niet lang daarna",
        "2024-11",
        "after",
        previous="2024-11",
        id="not-long-after",
    ),
    case(
        "Kort daarna gaf Londen toestemming.",
        "2022-03",
        "Kort daarna",
        "2022-02-24",
        "after",
        previous="2022-02-24",
        id="shortly-after",
    ),
    case(
        "Daarna gaf Londen toestemming.",
        "2022-03",
        "Daarna",
        "2022-02-24",
        "after",
        previous="2022-02-24",
        id="afterwards",
    ),
    case(
        "Kort daarvoor had Londen al toestemming gegeven.",
        "2022-03",
        "Kort daarvoor",
        "2022-02-24",
        "before",
        previous="2022-02-24",
        id="shortly-before",
    ),
    case(
        "Twee dagen later kwamen de leveringen aan.",
        "2022-03",
        "Twee dagen later",
        None,
        id="later-without-previous",
    ),
    case(
        "De VS stuurden binnen de zes dagen na de invasie 17.000 antitankwapens.",
        "2022-03",
        "binnen de zes dagen na de invasie",
        "2022-02-24/2022-03-02",
        id="within-six-days-after-invasion",
    ),
    case(
        "De VS stuurden in de eerste week na de invasie antitankwapens.",
        "2022-03",
        "in de eerste week na de invasie",
        "2022-02-24/2022-03-02",
        id="first-week-after-invasion",
    ),
    case(
        "Biden keurde twee dagen na de invasie hulp goed.",
        "2022-03",
        "twee dagen na de invasie",
        "2022-02-26",
        id="two-days-after-invasion",
    ),
    case(
        "Biden beloofde twee weken voor de verkiezingen nieuwe hulp.",
        "2024-12",
        "twee weken voor de verkiezingen",
        "2024-10-22",
        id="two-weeks-before-election",
    ),
    case(
        "Trump sprak Zelensky kort na de verkiezingen.",
        "2024-12/2025-01",
        "kort na de verkiezingen",
        "2024-11-05/2025-01-31",
        "after",
        id="shortly-after-election",
    ),
    case(
        "In minder dan een week tijd kwamen de wapens aan.",
        "2022-03",
        "In minder dan een week tijd",
        "2022-02-24/2022-03-02",
        previous="2022-02-24",
        id="in-less-than-a-week",
    ),
    case(
        "In minder dan een week tijd kwamen de wapens aan.",
        "2022-03",
        "In minder dan een week tijd",
        None,
        id="in-less-than-a-week-without-previous",
    ),
]

# Without a publication date, nothing relative can be resolved; absolute dates still can.
UNRESOLVED = [
    case("Gisteren waren de ministers in Kyiv.", None, "Gisteren", None, id="no-pub-yesterday"),
    case(
        "De VS gaf afgelopen weekend toestemming.",
        None,
        "afgelopen weekend",
        None,
        id="no-pub-last-weekend",
    ),
    case(
        "De VS kondigde het pakket in augustus aan.", None, "in augustus", None, id="no-pub-month"
    ),
    case(
        "Rusland viel op 24 februari binnen.", None, "op 24 februari", None, id="no-pub-day-month"
    ),
    case(
        "Troepen kwamen eind vorige maand aan.",
        None,
        "eind vorige maand",
        None,
        id="no-pub-end-of-last-month",
    ),
    case("Deze zomer dreigde Poetin nog.", None, "Deze zomer", None, id="no-pub-season"),
    case(
        "Oekraïne heeft sinds november raketten ingezet.",
        None,
        "sinds november",
        None,
        "since",
        id="no-pub-since-month",
    ),
    case(
        "Het Kremlin dreigt sinds de invasie met kernwapens.",
        None,
        "sinds de invasie",
        "2022-02-24",
        "since",
        id="no-pub-since-anchor",
    ),
    case(
        "Rusland viel op 24 februari 2022 binnen.",
        None,
        "op 24 februari 2022",
        "2022-02-24",
        id="no-pub-absolute-still-resolves",
    ),
]

TRAPS = [
    pytest.param("ATACMS hebben een bereik van zo'n 300 kilometer.", id="zo-n-is-not-sunday"),
    pytest.param("Wapens ter waarde van zo’n 221 miljoen euro.", id="zo-n-curly-quote"),
    pytest.param("Zo stuurden ze antitankwapens.", id="zo-sentence-start"),
    pytest.param("Oekraïne mag nu Amerikaanse wapens gebruiken.", id="nu"),
    pytest.param("Inmiddels voert Oekraïne beperkte aanvallen uit.", id="inmiddels"),
    pytest.param("De beslissing werd destijds met kritiek ontvangen.", id="destijds"),
    pytest.param("Lange tijd wilde Biden dat niet toestaan.", id="lange-tijd"),
    pytest.param("Het Witte Huis heeft tot nu toe niets bevestigd.", id="tot-nu-toe"),
    pytest.param("De gevechten zijn al een tijdlang hevig.", id="al-een-tijdlang"),
    pytest.param(
        "Trump heeft in het verleden gezegd dat het een vergissing was.", id="in-het-verleden"
    ),
    pytest.param("Er komen 127 belangrijke militaire doelen binnen bereik.", id="127-belangrijke"),
    pytest.param("Er zijn zo'n 10.000 manschappen aangekomen.", id="10000-manschappen"),
    pytest.param("Biden keurde 350 miljoen dollar aan hulp goed.", id="350-miljoen-dollar"),
    pytest.param("Doelen die de 300 kilometer ver liggen.", id="de-300-kilometer"),
    pytest.param("Zes Amerikaanse raketten werden ingezet.", id="zes-amerikaanse"),
    pytest.param("In 2000 gevallen ging het mis.", id="year-like-count"),
    pytest.param("Het meisje zag de raketten overvliegen.", id="mei-inside-meisje"),
    pytest.param("Oekraïne zette 31 ATACMS-raketten in.", id="number-before-weapon"),
    pytest.param(
        "Lees alles over de Russische invasie in dit dossier.", id="happening-without-preposition"
    ),
    pytest.param(
        "De Times gebruikt daarvoor het voorbeeld van een pakket.", id="daarvoor-is-not-temporal"
    ),
    pytest.param("Eerder kwam het steeds neer op hetzelfde standpunt.", id="eerder-alone"),
    pytest.param("De volgende morgen was het stil.", id="morgen-as-morning"),
    pytest.param("Een zomeroffensief bleef uit.", id="season-inside-word"),
]


@pytest.mark.parametrize(
    ("sentence", "published", "previous", "text", "edtf", "relation"), ABSOLUTE
)
def test_absolute(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


@pytest.mark.parametrize(
    ("sentence", "published", "previous", "text", "edtf", "relation"), PART_OF_PERIOD
)
def test_part_of_period(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


@pytest.mark.parametrize(
    ("sentence", "published", "previous", "text", "edtf", "relation"), RELATIVE_DAYS
)
def test_relative_days(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


@pytest.mark.parametrize(
    ("sentence", "published", "previous", "text", "edtf", "relation"), COARSE_PUBLICATION
)
def test_coarse_publication(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


@pytest.mark.parametrize(("sentence", "published", "previous", "text", "edtf", "relation"), SEASONS)
def test_seasons(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


@pytest.mark.parametrize(
    ("sentence", "published", "previous", "text", "edtf", "relation"), SINCE_UNTIL
)
def test_since_until(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


@pytest.mark.parametrize(("sentence", "published", "previous", "text", "edtf", "relation"), CHAINED)
def test_chained(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


@pytest.mark.parametrize(
    ("sentence", "published", "previous", "text", "edtf", "relation"), UNRESOLVED
)
def test_unresolved_without_publication(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


@pytest.mark.parametrize("sentence", TRAPS)
def test_trap_is_no_date(sentence: str) -> None:
    assert _find(sentence, TUESDAY, previous="2024-11-12") == []


def test_after_clause_returns_both_dates() -> None:
    sentence = (
        "Twee dagen nadat Vladimir Poetin op 24 februari zijn buurland Oekraïne "
        "binnenviel, keurde Biden hulp goed."
    )
    found = _find(sentence, "2022-03")
    assert [(e.text, e.date.edtf if e.date else None, e.relation) for e in found] == [
        ("Twee dagen nadat", "2022-02-26", "after"),
        ("op 24 februari", "2022-02-24", "at"),
    ]


def test_later_in_same_sentence_leans_on_main_clause() -> None:
    sentence = (
        "Twee dagen nadat Poetin op 24 februari binnenviel, keurde Biden hulp goed "
        "en nog eens twee dagen later kwamen de wapens."
    )
    found = _find(sentence, "2022-03", previous="2021-11")
    assert [e.date.edtf if e.date else None for e in found] == [
        "2022-02-26",
        "2022-02-24",
        "2022-02-28",
    ]


def test_later_in_same_sentence_leans_on_earlier_date() -> None:
    found = _find(
        "Op 24 februari viel Rusland binnen en twee dagen later kwam hulp.",
        "2022-03",
        previous="2021-08",
    )
    assert [e.date.edtf if e.date else None for e in found] == ["2022-02-24", "2022-02-26"]


def test_coming_days_are_an_estimate() -> None:
    expr = _only("De rest volgt de komende dagen.", TUESDAY)
    assert expr.date is not None and expr.date.estimate


def test_exact_dates_are_not_estimates() -> None:
    expr = _only("Rusland viel op 24 februari 2022 Oekraïne binnen.", None)
    assert expr.date is not None and not expr.date.estimate


# Seed sentences with a date in the reference annotations (gold/*.yml), verbatim.
SEEDS = [
    case(
        "Wel zegt de functionaris tegen Politico dat Oekraïne specifiek heeft gevraagd om een "
        "beleidswijziging nadat het offensief op Charkiv eerder deze maand begon.",
        "2024-05",
        "eerder deze maand",
        "2024-05",
        id="000-eerder-deze-maand",
    ),
    case(
        "Toen het Russische leger begin mei een offensief inzette richting Charkiv, hief "
        "president Biden een aantal van die beperkingen op.",
        "2024-09",
        "begin mei",
        "2024-05-01/2024-05-10",
        id="001-begin-mei",
    ),
    case(
        'Deze zomer dreigde Poetin nog met "ernstige problemen" als Oekraïne westerse wapens '
        "inzet op Russisch grondgebied.",
        "2024-09",
        "Deze zomer",
        "2024-22",
        id="001-deze-zomer",
    ),
    case(
        "Vandaag zei de Russische leider dat toestaan van het gebruik van westerse "
        'langeafstandsraketten op doelen dieper in Rusland wat hem betreft "niets minder '
        'betekent dan de directe betrokkenheid van NAVO-landen bij het conflict".',
        "2024-09",
        "Vandaag",
        "2024-09",
        id="001-vandaag",
    ),
    case(
        "Gisteren waren de Amerikaanse en Britse ministers van Buitenlandse Zaken in Kyiv om "
        "kennis te maken met hun nieuwe Oekraïense collega Andrii Sybiha.",
        "2024-09",
        "Gisteren",
        "2024-09",
        id="001-gisteren",
    ),
    case(
        "De Britse premier Keir Starmer gaat morgen naar de Verenigde Staten voor zijn eerste "
        "ontmoeting met president Biden.",
        "2024-09",
        "morgen",
        "2024-09",
        id="001-morgen",
    ),
    case(
        "Afgelopen dinsdag, vlak voor vertrek naar Kyiv, zei Blinken dat Iran ballistische "
        "raketten heeft geleverd aan Rusland om Oekraïne nog intensiever te kunnen beschieten.",
        "2024-09",
        "Afgelopen dinsdag",
        "2024-09",
        id="001-afgelopen-dinsdag",
    ),
    case(
        "John Hamilton / DoD / AFP Een test met een ATACMS-raket in New Mexico in 2021",
        "2024-11-19",
        "in 2021",
        "2021",
        id="002-in-2021",
    ),
    case(
        "De VS gaf naar verluidt afgelopen weekend toestemming die langeafstandsraketten in te "
        "zetten tegen doelen in Rusland.",
        "2024-11-19",
        "afgelopen weekend",
        "2024-11-16/2024-11-17",
        id="002-afgelopen-weekend",
    ),
    case(
        "Volgens het Pentagon zouden er eind vorige maand al zo'n 10.000 manschappen in de "
        "regio aangekomen zijn.",
        "2024-11-19",
        "eind vorige maand",
        "2024-10-21/2024-10-31",
        id="002-eind-vorige-maand",
    ),
    case(
        "Zo stuurden ze binnen de zes dagen na de invasie 17.000 antitankwapens, waaronder de "
        "bekende Javelins, en sprongen ze ook bij met een geheim cyberkorps.",
        "2022-03",
        "binnen de zes dagen na de invasie",
        "2022-02-24/2022-03-02",
        id="003-binnen-zes-dagen",
    ),
    case(
        "Nog eens twee dagen later kwamen de eerste Amerikaanse leveringen al aan op "
        "luchthavens in de Oekraïense grensregio, zeggen Amerikaanse ambtenaren aan de New "
        "York Times.",
        "2022-03",
        "Nog eens twee dagen later",
        "2022-02-28",
        previous="2022-02-26",
        id="003-nog-eens-twee-dagen-later",
    ),
    # Gold counts this week from the invasion: the caller passes where the chain starts.
    case(
        "“In minder dan een week tijd hebben de Verenigde Staten en de NAVO meer dan 17.000 "
        "antitankwapens, met ook Javelin-raketten, over de grenzen van Polen en Roemenië "
        "gekregen”, richting Kiev en andere grote steden.",
        "2022-03",
        "In minder dan een week tijd",
        "2022-02-24/2022-03-02",
        previous="2022-02-24",
        id="003-in-minder-dan-een-week",
    ),
    case(
        "In november 2024 gaf de Amerikaanse regering toestemming voor de levering van "
        "langeafstandsraketten aan Oekraïne, onder de strikte afspraak dat Kyiv ze uitsluitend "
        "zou inzetten in de regio Koersk in Rusland.",
        "2024-12/2025-01",
        "In november 2024",
        "2024-11",
        id="004-in-november-2024",
    ),
    case(
        "Niet lang daarna gaf de Britse regering, onder premier Keir Starmer, toestemming aan "
        "Kyiv om de Britse langeafstandsraket Storm Shadow in te zetten.",
        "2024-12/2025-01",
        "Niet lang daarna",
        "2024-11",
        "after",
        previous="2024-11",
        id="004-niet-lang-daarna",
    ),
    case(
        "Hoewel Kyiv geen cijfers heeft verstrekt, citeert de Kyiv Independent het Kremlin, "
        "dat beweert dat Oekraïne sinds november minstens 14 Storm Shadow-raketten en 31 "
        "ATACMS-raketten heeft ingezet.",
        "2024-12/2025-01",
        "sinds november",
        "2024-11/2025-01",
        "since",
        id="004-sinds-november",
    ),
    case(
        "De herkozen oud-president van de VS, Donald Trump, had kort na zijn overwinning in de "
        "Amerikaanse presidentsverkiezingen een ontmoeting met de Oekraïense president "
        "Volodymyr Zelensky.",
        "2024-12/2025-01",
        "kort na zijn overwinning in de Amerikaanse presidentsverkiezingen",
        "2024-11-05/2025-01-31",
        "after",
        id="004-kort-na-overwinning",
    ),
]


@pytest.mark.parametrize(("sentence", "published", "previous", "text", "edtf", "relation"), SEEDS)
def test_seed_sentence(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    check(sentence, published, previous, text, edtf, relation)


def test_seed_byline_has_two_timestamps() -> None:
    sentence = (
        "NOS Nieuws • vandaag, 20:26 • Aangepast vandaag, 22:01 Oekraïne mag mogelijk "
        "wapens VS gebruiken in Rusland"
    )
    found = _find(sentence, "2024-09")
    assert [(e.text, e.date.edtf if e.date else None) for e in found] == [
        ("vandaag, 20:26", "2024-09"),
        ("vandaag, 22:01", "2024-09"),
    ]


def test_seed_two_days_after_24_february() -> None:
    sentence = (
        "Twee dagen nadat Vladimir Poetin op 24 februari zijn buurland Oekraïne "
        "binnenviel, keurde de Amerikaanse president Joe Biden voor 350 miljoen dollar "
        "(321 miljoen euro) aan militaire hulp voor Oekraïne goed."
    )
    found = _find(sentence, "2022-03")
    assert [(e.text, e.date.edtf if e.date else None) for e in found] == [
        ("Twee dagen nadat", "2022-02-26"),
        ("op 24 februari", "2022-02-24"),
    ]


def test_seed_august_and_november_package() -> None:
    sentence = (
        "De Times maakt een vergelijking om de snelheid van de huidige wapenoverdracht "
        "beter in te schatten en gebruikt daarvoor het voorbeeld van “een wapenpakket van "
        "60 miljoen dollar voor Oekraïne dat de VS in augustus aankondigde en dat pas in "
        "november werd voltooid”."
    )
    found = _find(sentence, "2022-03")
    assert [(e.text, e.date.edtf if e.date else None) for e in found] == [
        ("in augustus", "2021-08"),
        ("in november", "2021-11"),
    ]


# Anchors: the data file and how phrases of happenings match.


def test_default_anchors_have_the_required_happenings() -> None:
    anchors = load_anchors(DEFAULT_ANCHORS)
    for phrase in ("de invasie", "de russische invasie", "de inval"):
        assert anchors[phrase].edtf == "2022-02-24"
    for phrase in (
        "de amerikaanse presidentsverkiezingen",
        "de presidentsverkiezingen",
        "de verkiezingen",
    ):
        assert anchors[phrase].edtf == "2024-11-05"


def test_anchor_file_rejects_entries_without_source(tmp_path: Path) -> None:
    bad = tmp_path / "anchors.yml"
    bad.write_text('- phrase: de top\n  date: "2024-07-09"\n', encoding="utf-8")
    with pytest.raises(InputError, match="'source' ontbreekt"):
        load_anchors(bad)


@pytest.mark.parametrize(
    ("sentence", "text", "edtf"),
    [
        pytest.param(
            "Na de Russische invasie kwam hulp.",
            "Na de Russische invasie",
            "2022-02-24",
            id="adjective",
        ),
        pytest.param(
            "Na de Russisch invasie kwam hulp.",
            "Na de Russisch invasie",
            "2022-02-24",
            id="adjective-uninflected",
        ),
        pytest.param("Na de inval kwam hulp.", "Na de inval", "2022-02-24", id="inval"),
        pytest.param(
            "Sinds de presidentsverkiezing is alles anders.",
            "Sinds de presidentsverkiezing",
            "2024-11-05/2024-11-19",
            id="singular",
        ),
        pytest.param(
            "Na de inval in Koersk kwam hulp.",
            "Na de inval in Koersk",
            "2024-08-06",
            id="longest-phrase-wins",
        ),
    ],
)
def test_anchor_inflections(sentence: str, text: str, edtf: str) -> None:
    found = _find(sentence, None if "Na " in sentence else TUESDAY)
    assert [(e.text, e.date.edtf if e.date else None) for e in found] == [(text, edtf)]


def test_custom_anchors_replace_the_defaults() -> None:
    anchors = {"de navo-top": parse("2024-07-09")}
    found = _find(
        "Kort na de NAVO-top kwam het besluit, niet na de invasie.", None, anchors=anchors
    )
    assert [(e.text, e.date.edtf if e.date else None, e.relation) for e in found] == [
        ("Kort na de NAVO-top", "2024-07-09", "after")
    ]


def test_rule_triggers_cover_every_match() -> None:
    """Rules are skipped on text without their trigger words: no match may hold none."""
    groups = (
        ABSOLUTE,
        PART_OF_PERIOD,
        RELATIVE_DAYS,
        COARSE_PUBLICATION,
        SEASONS,
        SINCE_UNTIL,
        CHAINED,
        UNRESOLVED,
        SEEDS,
        TRAPS,
    )
    sentences = [param.values[0] for group in groups for param in group]
    anchors = load_anchors(DEFAULT_ANCHORS)
    rules = [*timex._RULES, timex._anchor_rule(tuple(sorted(anchors, key=len, reverse=True)))]
    for rule in rules:
        for sentence in sentences:
            for m in rule.pattern.finditer(sentence):
                matched = " " + " ".join(m[0].lower().split())
                assert any(word in matched for word in rule.triggers), (m[0], rule.triggers)


# The story's own date: anaphoric periods and yearless dates in a narrative go on from the
# previous event, not from publication (explainers tell 2022-2025 in one article).
STORY = [
    case(
        "Dezelfde dag ondertekende Poetin een decreet.",
        TUESDAY,
        "Dezelfde dag",
        "2024-11-19",
        previous="2024-11-19",
        id="same-day",
    ),
    case(
        "Op 19 november troffen ATACMS een arsenaal; die dag sprak Poetin.",
        "2025-09",
        "Op 19 november",
        "2024-11-19",
        previous="2024-11-17",
        id="yearless-day-follows-story",
    ),
    case(
        "'s Avonds verklaarde Poetin op de staatstelevisie dat het een test was.",
        TUESDAY,
        "'s Avonds",
        "2024-11-21",
        previous="2024-11-21",
        id="evening-same-day",
    ),
    case(
        "Biden gaf eind die maand toestemming.",
        "2025-09",
        "eind die maand",
        "2024-05-21/2024-05-31",
        previous="2024-05-10",
        id="end-of-that-month",
    ),
    case(
        "Dezelfde maand stemde Biden in met het plan.",
        "2025-09",
        "Dezelfde maand",
        "2023-05",
        previous="2023-05-11",
        id="same-month",
    ),
    case(
        "Later dat jaar volgden de eerste toestellen.",
        "2025-09",
        "Later dat jaar",
        "2023-05-11/2023-12-31",
        previous="2023-05-11",
        id="later-that-year",
    ),
    case(
        "Kiev moest toen beloven ze alleen op eigen grondgebied in te zetten.",
        "2025-09",
        "toen",
        "2023-05",
        previous="2023-05",
        id="then-adverb",
    ),
    case(
        "De eerste zouden binnen zes weken in Oekraïne zijn.",
        "2025-09",
        "binnen zes weken",
        "2025-08-21/2025-10-01",
        previous="2025-08-21/2025-08-31",
        id="within-six-weeks",
    ),
    case(
        "Op 17 oktober raakte Oekraïne er vliegvelden mee.",
        "2025-09",
        "Op 17 oktober",
        "2023-10-17",
        previous="2023-10",
        id="yearless-date-in-story-year",
    ),
    case(
        "De eerste systemen kwamen in juni van dat jaar aan.",
        "2025-09",
        "in juni van dat jaar",
        "2022-06",
        previous="2022-05-31",
        id="june-of-that-year",
    ),
    case(
        "In augustus kondigden de VS een pakket aan.",
        "2022-03",
        "In augustus",
        "2021-08",
        previous="2022-02-28",
        id="story-year-after-publication-falls-back",
    ),
]


@pytest.mark.parametrize(("sentence", "published", "previous", "text", "edtf", "relation"), STORY)
def test_story_dates(
    sentence: str,
    published: str | None,
    previous: str | None,
    text: str,
    edtf: str | None,
    relation: str,
) -> None:
    expr = _find(sentence, published, previous)[0]
    assert expr.text == text
    assert (expr.date.edtf if expr.date else None) == edtf


@pytest.mark.parametrize(
    "sentence",
    [
        "Toen de eerste kwamen, was het al te laat.",
        "Het was koud, toen de raketten kwamen.",
        "Die week van de wapens is een begrip.",
    ],
)
def test_conjunction_toen_and_no_date_are_no_story_date(sentence: str) -> None:
    found = _find(sentence, TUESDAY, "2024-11-17")
    assert all(e.text.lower() != "toen" for e in found)


def test_flemish_day_parts() -> None:
    (expr,) = _find("Dat gebeurde woensdagnamiddag in Koersk.", "2024-11-22")
    assert (expr.text, expr.date.edtf if expr.date else None) == ("woensdagnamiddag", "2024-11-20")


@pytest.mark.parametrize(
    ("sentence", "previous", "text", "edtf"),
    [
        pytest.param(
            "Op 17 november vorig jaar raakte het bekend.",
            None,
            "Op 17 november vorig jaar",
            "2024-11-17",
            id="day-month-last-year",
        ),
        pytest.param(
            "Ons land beloofde vorig jaar in mei F-16's.",
            None,
            "vorig jaar in mei",
            "2024-05",
            id="last-year-in-may",
        ),
        pytest.param(
            "Die zomer kreeg Kyiv HIMARS-raketwerpers.",
            "2022-05-31",
            "Die zomer",
            "2022-22",
            id="that-summer-of-the-story",
        ),
        pytest.param(
            "Het leger houdt sinds 6 augustus grond in Koersk.",
            "2022-05-31",
            "sinds 6 augustus",
            "2024-08-06/2025-05-27",
            id="since-counts-back-from-now",
        ),
    ],
)
def test_years_told_around_a_date(
    sentence: str, previous: str | None, text: str, edtf: str
) -> None:
    expr = _find(sentence, "2025-05-27", previous)[0]
    assert (expr.text, expr.date.edtf if expr.date else None) == (text, edtf)


@pytest.mark.parametrize(
    "sentence, published, previous",
    [
        ("Een jaar later kwam het.", TUESDAY, "9999-12-31"),
        ("Gisteren kwam het.", "0001-01-01", None),
        ("De komende dagen komt het.", "9999-12-31", None),
        ("Volgend jaar komt het.", "9999", None),
    ],
)
def test_a_date_past_the_calendars_edge_is_no_date_not_a_crash(
    sentence: str, published: str, previous: str | None
) -> None:
    # Found by tests/dutch/test_properties.py: Python's dates end at year 1 and 9999.
    assert all(e.date is None for e in _find(sentence, published, previous))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Een F-16 is in de nacht van zondag op maandag neergestort.", "2025-06-29/2025-06-30"),
        ("Afgelopen nacht vielen 477 drones aan.", "2025-06-29/2025-06-30"),
        ("Oekraïne verloor twee toestellen, in april en mei.", "2025-04/2025-05"),
    ],
)
def test_nights_and_pairs_of_months(sentence: str, expected: str) -> None:
    found = find_time_expressions(sentence, parse("2025-06-30"))
    assert expected in [e.date.edtf for e in found if e.date]


def test_that_year_is_the_year_the_sentence_named() -> None:
    found = find_time_expressions(
        "De toestellen kwamen halverwege 2024 aan en in augustus van dat jaar ging er een "
        "verloren.",
        parse("2025-06-30"),
    )
    assert found[-1].date is not None and found[-1].date.edtf == "2024-08"


@pytest.mark.parametrize(
    "sentence",
    [
        "Meer dan een jaar geleden liet Biden het weten.",
        "De afgelopen maanden werden piloten opgeleid.",
    ],
)
def test_a_span_bounded_on_one_side_gives_no_date(sentence: str) -> None:
    (found,) = find_time_expressions(sentence, parse("2024-07-31"))
    assert found.date is None  # evaluation/ANNOTATION.md, decision 4


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("In de jaren 70 verkocht Duitsland de tanks.", "2022-04", "1970-01/1979-12"),
        ("In de jaren 90 en 2000 werden de tanks verkocht.", "2023-01", "1990-01/2009-12"),
        ("De toestellen komen in het eerste kwartaal van 2025.", "2024-10-14", "2025-01/2025-03"),
        ("De toestellen zullen in het eerste kwartaal komen.", "2024-10-14", "2025-01/2025-03"),
        (
            "Rusland weigerde een bestand tijdens de kerstdagen.",
            "2025-12-26",
            "2025-12-25/2025-12-26",
        ),
    ],
)
def test_decades_quarters_and_christmas(sentence: str, published: str, expected: str) -> None:
    found = find_time_expressions(sentence, parse(published))
    assert [e.date.edtf for e in found if e.date] == [expected]


def test_a_weekeinde_is_a_weekend() -> None:
    (found,) = find_time_expressions("Hij belde afgelopen weekeinde.", parse("2025-10-13"))
    assert found.date is not None and found.date.edtf == "2025-10-11/2025-10-12"


def test_a_month_after_sinds_and_an_anchor_is_not_the_storys_year() -> None:
    found = find_time_expressions(
        "Sinds de Russische invasie in Oekraïne eind februari heeft Kiev vaak gedreigd.",
        parse("2022-10"),
        parse("2018"),  # the story was just told in 2018 ("geopend in 2018")
    )
    assert [e.date.edtf for e in found if e.date][-1] == "2022-02-21/2022-02-28"
