"""Events from sentences: what is a happening, its date, certainty and attribution."""

from generator.model import Certainty


def test_dated_happening_with_attribution_in_the_next_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Biden heeft Oekraïne in het geheim toestemming gegeven voor ATACMS. "
        "Dat melden persbureaus AP en Reuters."
    )
    assert event.date.edtf == "2024-11-19"
    assert event.certainty is Certainty.REPORTED
    assert event.attributed_to == ["AP", "Reuters"]
    assert event.weapons == ["atacms"] and event.actors == ["biden"]


def test_party_claim_with_volgens(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Volgens het Pentagon zouden er eind vorige maand al zo'n 10.000 "
        "manschappen in de regio aangekomen zijn."
    )
    assert event.date.edtf == "2024-10-21/2024-10-31"
    assert event.certainty is Certainty.CLAIMED
    assert event.attributed_to == ["het Pentagon"]


def test_two_dates_in_one_sentence_make_two_events(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Twee dagen nadat Vladimir Poetin op 24 februari zijn buurland Oekraïne "
        "binnenviel, keurde Joe Biden militaire hulp goed.",
        published="2022-03",
    )
    assert sorted(e.date.edtf for e in events) == ["2022-02-24", "2022-02-26"]


def test_background_and_negation_are_no_events(extract) -> None:  # type: ignore[no-untyped-def]
    assert (
        extract("Het Witte Huis heeft tot nu toe niet bevestigd dat er toestemming is verleend.")
        == []
    )
    assert extract("Charkiv is de tweede stad van Oekraïne.") == []
    assert extract("Wanneer Biden precies toestemming zou hebben gegeven, is niet bekend.") == []


def test_planned_trip_tomorrow(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("De Britse premier Keir Starmer gaat morgen naar de Verenigde Staten.")
    assert event.certainty is Certainty.PLANNED
    assert event.date.edtf == "2024-11-20"
    assert event.places == ["united-states"]


def test_elaboration_joins_the_previous_event(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Oekraïne zou voor het eerst ATACMS hebben ingezet. Het zou gaan om een "
        "aanval op een wapenopslag in Karatsjov in de regio Brjansk."
    )
    assert {"karachev", "bryansk"} <= set(event.places)
    assert len(event.sources) == 2


def test_country_acting_is_no_place(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract("Gisteren gaf Kyiv toestemming voor aanvallen in Rusland met ATACMS.")
    assert event.places == ["russia"]


def test_no_publication_date_leaves_relative_dates_unresolved(extract) -> None:  # type: ignore[no-untyped-def]
    assert extract("Gisteren gaf Biden toestemming voor ATACMS.", published=None) == []


def test_weapon_named_before_carries_over_to_an_anaphor(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "In oktober 2023 volgden de eerste ATACMS. Op 17 oktober raakte Oekraïne er "
        "Russische vliegvelden mee.",
        published="2025-09",
    )
    assert [e.weapons for e in events] == [["atacms"], ["atacms"]]
    assert events[1].date.edtf == "2023-10-17"


def test_a_dating_sentence_dates_what_came_before(extract) -> None:  # type: ignore[no-untyped-def]
    (event,) = extract(
        "Oekraïne heeft voor het eerst Storm Shadow-raketten afgevuurd op Rusland. "
        "Dat gebeurde woensdagnamiddag in de grensregio Koersk.",
        published="2024-11-22",
    )
    assert event.date.edtf == "2024-11-20"
    assert "kursk" in event.places and len(event.sources) == 2


def test_daarbij_in_a_later_paragraph_is_no_elaboration(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "In augustus kondigden de VS een wapenpakket aan.\n\nDe VS steunen Oekraïne "
        "ook. Biden blijft daarbij op eieren lopen.",
        published="2022-03",
    )
    (event,) = events
    assert len(event.sources) == 1


def test_a_named_happening_after_publication_is_not_meant(extract) -> None:  # type: ignore[no-untyped-def]
    events = extract(
        "Kort na de verkiezingen gaf Biden toestemming voor ATACMS.", published="2022-03"
    )
    assert all(e.date.start.year == 2022 for e in events)
