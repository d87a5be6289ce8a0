"""Certainty cues, one per pattern of Dutch news language."""

import pytest

from generator.dutch.attribution import cues, decide
from generator.model import Certainty


@pytest.mark.parametrize(
    "text",
    [
        "Oekraïne zou voor het eerst raketten hebben ingezet.",
        "De VS gaf naar verluidt toestemming.",
        "Het lijkt erop dat Washington op het punt staat toestemming te geven.",
        "Oekraïne kreeg vermoedelijk vijftig raketten.",
    ],
)
def test_hedges_make_a_report(text: str) -> None:
    found = cues(text)
    assert decide(party_claim=False, media_report=False, found=found, future=False) is (
        Certainty.REPORTED
    )


def test_party_claim_outranks_a_hedge() -> None:
    found = cues("Volgens het Pentagon zouden er 10.000 militairen zijn aangekomen.")
    assert decide(party_claim=True, media_report=False, found=found, future=False) is (
        Certainty.CLAIMED
    )


def test_future_is_planned() -> None:
    found = cues("De premier gaat morgen naar de Verenigde Staten.")
    assert found.planned
    assert decide(party_claim=False, media_report=False, found=found, future=False) is (
        Certainty.PLANNED
    )


def test_plain_statement_is_confirmed() -> None:
    found = cues("In november 2024 gaf de regering toestemming.")
    assert decide(party_claim=False, media_report=False, found=found, future=False) is (
        Certainty.CONFIRMED
    )


def test_negation_and_indirect_speech_are_seen() -> None:
    assert cues("Het Witte Huis heeft niet bevestigd dat er toestemming is.").negated
    assert cues("Blinken zei dat Iran raketten heeft geleverd.").indirect_speech
