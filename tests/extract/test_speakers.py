"""Whose statement a sentence carries, as a reader would name it."""

from pathlib import Path

import pytest

from generator.extract.mentions import MentionFinder
from generator.extract.speakers import attribution_of, is_follow_up
from generator.gazetteer import load_gazetteer
from generator.model import Sentence

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="module")
def finder() -> MentionFinder:
    return MentionFinder(load_gazetteer(DATA / "gazetteer.yml"))


def sentences(*texts: str, paragraph: int = 1) -> list[Sentence]:
    return [Sentence("a", paragraph, i, 0, len(t), t) for i, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    "text",
    [
        "Dat melden AP en Reuters.",
        "Daarover berichten twee Oekraïense media.",
        "Het persagentschap Bloomberg meldde woensdag op basis van "
        "een westerse functionaris dat Kiev de raketten inzette.",
    ],
)
def test_report_sentences_are_follow_ups(finder: MentionFinder, text: str) -> None:
    assert is_follow_up(text, finder)


def test_a_party_saying_something_is_not_a_follow_up(finder: MentionFinder) -> None:
    assert not is_follow_up("Poetin zei dat het een escalatie is.", finder)


def test_volgens_a_party_is_a_claim(finder: MentionFinder) -> None:
    found = attribution_of(sentences("Volgens het Pentagon zijn er 10.000 militairen."), 0, finder)
    assert (found.names, found.party, found.media) == (["het Pentagon"], True, False)


def test_report_in_the_next_sentence_names_the_media(finder: MentionFinder) -> None:
    told = sentences("Biden heeft in het geheim toestemming gegeven.", "Dat melden AP en Reuters.")
    found = attribution_of(told, 0, finder)
    assert (found.names, found.media) == (["AP", "Reuters"], True)


def test_unknown_name_next_to_a_speech_verb_is_the_speaker(finder: MentionFinder) -> None:
    found = attribution_of(
        sentences("Dat bevestigde de Amerikaanse veiligheidsadviseur Jake Sullivan gisteren."),
        0,
        finder,
    )
    assert found.names == ["Jake Sullivan"] and found.speech_event


def test_an_announcement_is_an_on_record_statement(finder: MentionFinder) -> None:
    found = attribution_of(
        sentences(
            "Defensieminister Ben Wallace maakte bekend dat het "
            "Verenigd Koninkrijk Storm Shadow levert."
        ),
        0,
        finder,
    )
    assert found.names == ["Ben Wallace"] and found.speech_event


def test_a_sentence_adverb_before_the_speaker_is_no_part_of_the_name(
    finder: MentionFinder,
) -> None:
    told = sentences(
        "Oekraïne vuurde gisteren raketten af op een vliegveld.",
        "Dat zegt althans het Noorse ministerie van Defensie.",
    )
    assert attribution_of(told, 0, finder).names == ["Noors ministerie van Defensie"]
