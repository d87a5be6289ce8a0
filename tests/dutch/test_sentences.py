"""Paragraphs and sentences: what each line is and where Dutch sentences end."""

import pytest

from generator.dutch.sentences import split_blocks, split_sentences
from generator.model import BlockKind


def kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind.value, text[b.body_start : b.end]) for b in split_blocks(text)]


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_caption_with_agency_credit_is_a_caption_without_the_credit() -> None:
    text = "John Hamilton / DoD / AFP Een test met een ATACMS-raket in New Mexico in 2021\n"
    (block,) = split_blocks(text)
    assert block.kind is BlockKind.CAPTION
    assert block.credit == "John Hamilton / DoD / AFP"
    assert (
        text[block.body_start : block.end] == "Een test met een ATACMS-raket in New Mexico in 2021"
    )


def test_nos_byline_and_author_line_are_bylines() -> None:
    text = (
        "NOS Nieuws • vandaag, 20:26 • Aangepast vandaag, 22:01 Oekraïne mag mogelijk\n"
        "Wessel de Jong verslaggever\n"
    )
    assert [k for k, _ in kinds(text)] == ["byline", "byline"]


def test_short_line_without_final_stop_is_a_heading() -> None:
    text = "Geen aanvallen diep in Rusland\n\nAan het verbod is niets veranderd.\n"
    assert kinds(text) == [
        ("heading", "Geen aanvallen diep in Rusland"),
        ("body", "Aan het verbod is niets veranderd."),
    ]


def test_table_of_contents_is_told_from_the_headings_it_repeats() -> None:
    text = "Tekort aan ATACMS\nAngst voor escalatie\nTekort aan ATACMS\nTekst van het stuk.\n"
    assert [k for k, _ in kinds(text)] == ["boilerplate", "heading", "heading", "body"]


@pytest.mark.parametrize(
    "line",
    [
        "Lees alles over de Russische invasie in dit dossier.",
        "Volg ons op MSN om elke dag de beste artikelen te ontvangen",
        "Meer voor jou",
    ],
)
def test_outlet_furniture_is_boilerplate(line: str) -> None:
    assert kinds(line)[0][0] == "boilerplate"


def test_no_split_inside_a_quotation() -> None:
    text = (
        'Blinken zei: "Ik neem het mee. En David gaat hetzelfde doen," verwees hij. '
        "Daarna vertrok hij."
    )
    assert sentences(text) == [
        'Blinken zei: "Ik neem het mee. En David gaat hetzelfde doen," verwees hij.',
        "Daarna vertrok hij.",
    ]


def test_no_split_after_an_initial_or_abbreviation() -> None:
    text = "Michael S. Repass zei het o.a. tegen de Times. Dat is alles."
    assert sentences(text) == ["Michael S. Repass zei het o.a. tegen de Times.", "Dat is alles."]


def test_split_after_a_closing_quote_and_stop() -> None:
    text = 'Het is "niets minder dan betrokkenheid". "Dit komt neer op deelname."'
    assert sentences(text) == [
        'Het is "niets minder dan betrokkenheid".',
        '"Dit komt neer op deelname."',
    ]


def test_offsets_point_into_the_original_text() -> None:
    text = "Eerste zin. Tweede zin."
    spans = split_sentences(text, offset=100)
    assert spans == [(100, 111), (112, 123)]


def test_split_after_an_apostrophe_plural() -> None:
    text = "Piloten op F-16's. Pas in augustus kwamen ze."
    assert sentences(text) == ["Piloten op F-16's.", "Pas in augustus kwamen ze."]


def test_white_space_after_a_full_stop_opens_no_sentence() -> None:
    # Found by tests/dutch/test_properties.py: a tab after the space began the next sentence.
    text = "Hij zei het. \tDaarna ging hij."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Hij zei het.", "Daarna ging hij."]


def test_a_quotation_closed_right_after_its_stop_lets_the_next_sentence_start() -> None:
    text = "“Het is zwaar, heel zwaar...”, aldus de minister. Hij vertrekt morgen."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "“Het is zwaar, heel zwaar...”, aldus de minister.",
        "Hij vertrekt morgen.",
    ]
