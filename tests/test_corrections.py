"""Editors' corrections: anchored to their quote, applied visibly, and every mistake in them
an error in Dutch at its line. The articles are written here, so that no editorial change
to seeds/ or data/corrections.yml can make these tests fail."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import InputError
from generator.model import Event
from generator.pipeline import Inputs, run

ROOT = Path(__file__).resolve().parents[1]
STEM = "100_test"
STRIKE = "Op 19 november 2024 vuurde Oekraïne ATACMS-raketten af op een wapenopslag in Karatsjov."
STORM = "Op 20 november 2024 vuurde Oekraïne Storm Shadow-raketten af op doelen in Koersk."
DOWNED = "Volgens het Kremlin zijn op 21 november 2024 twee raketten neergehaald boven Koersk."
ARTICLE = f" date 2024-11 {STRIKE}\n\n{STORM}\n\n{DOWNED}\n"
OTHER = (
    " date 2024-11-22 De Verenigde Staten stemden op 17 november 2024 in met het gebruik "
    "van ATACMS op Russisch grondgebied.\n"
)


def project(tmp_path: Path, corrections: str, article: str = ARTICLE) -> Inputs:
    seeds, data = tmp_path / "seeds", tmp_path / "data"
    seeds.mkdir(parents=True)
    (seeds / f"{STEM}.txt").write_text(article, encoding="utf-8")
    (seeds / "101_ander.txt").write_text(OTHER, encoding="utf-8")
    shutil.copytree(ROOT / "data", data)
    (data / "corrections.yml").write_text(corrections, encoding="utf-8")
    return Inputs(seeds, data)


def events(inputs: Inputs) -> list[Event]:
    return run(inputs).corpus.events


def told_by(found: list[Event], quote: str) -> Event:
    (event,) = [e for e in found if any(s.quote == quote for s in e.sources)]
    return event


def problems_of(inputs: Inputs) -> list[tuple[int, str]]:
    with pytest.raises(InputError) as caught:
        run(inputs)
    return [(p.line, p.message) for p in caught.value.problems]


def test_a_correction_sets_values_and_keeps_the_old_ones_for_the_page(tmp_path: Path) -> None:
    plain = told_by(events(project(tmp_path / "a", "events: []\n")), STRIKE)
    inputs = project(
        tmp_path / "b",
        f"""events:
  - id: {plain.id}
    quote: "Op 19 november 2024 vuurde Oekraïne"
    set: {{certainty: gemeld, date: "2024-11-18/2024-11-19", attributed_to: [Redactie]}}
    reason: "Twee bronnen houden de 18e aan."
""",
    )
    corrected = told_by(events(inputs), STRIKE)
    assert corrected.id == plain.id
    assert corrected.certainty.value == "reported"  # the site's Dutch word is accepted
    assert corrected.date.edtf == "2024-11-18/2024-11-19"
    assert corrected.corrections == ["Twee bronnen houden de 18e aan."]
    changed = {c.field: (c.old, c.new) for c in corrected.changes}
    assert changed["date"] == ("2024-11-19", "2024-11-18/2024-11-19")
    assert changed["certainty"] == (plain.certainty.value, "reported")


def test_an_editors_headline_stands_with_its_reason(tmp_path: Path) -> None:
    plain = told_by(events(project(tmp_path / "a", "events: []\n")), STRIKE)
    inputs = project(
        tmp_path / "b",
        f"""events:
  - id: {plain.id}
    quote: "Op 19 november 2024 vuurde Oekraïne"
    set: {{headline: "Eerste ATACMS-aanval op Karatsjov"}}
    reason: "Kortere kop."
""",
    )
    corrected = told_by(events(inputs), STRIKE)
    assert corrected.headline == "Eerste ATACMS-aanval op Karatsjov"  # not written over
    assert corrected.corrections == ["Kortere kop."]
    assert corrected.summary == plain.summary  # the quote stays below it as the evidence


def test_a_paragraph_inserted_above_never_moves_a_correction(tmp_path: Path) -> None:
    plain = told_by(events(project(tmp_path / "a", "events: []\n")), STORM)
    correction = f"""events:
  - id: {plain.id}
    quote: "Op 20 november 2024 vuurde Oekraïne Storm Shadow"
    set: {{date: "2024-11-21"}}
    reason: "Het ministerie meldt de 21e."
"""
    inserted = ARTICLE.replace(
        f"{STRIKE}\n\n",
        f"{STRIKE}\n\nOp 18 november 2024 kondigde Oekraïne nieuwe aanvallen aan op Brjansk.\n\n",
    )
    found = events(project(tmp_path / "b", correction, inserted))
    storm = told_by(found, STORM)
    assert storm.id == plain.id
    assert storm.date.edtf == "2024-11-21" and storm.corrections
    assert [e for e in found if e.corrections] == [storm]


def test_a_correction_whose_quote_moved_names_the_event_that_holds_it_now(
    tmp_path: Path,
) -> None:
    found = events(project(tmp_path / "a", "events: []\n"))
    strike, storm = told_by(found, STRIKE), told_by(found, STORM)
    inputs = project(
        tmp_path / "b",
        f"""events:
  - id: {strike.id}
    quote: "Op 20 november 2024 vuurde Oekraïne"
    drop: true
    reason: "Geen gebeurtenis."
""",
    )
    ((line, message),) = problems_of(inputs)
    assert line == 2
    assert f"staat niet (meer) bij {strike.id}" in message
    assert f"staat nu bij {storm.id}" in message


def test_a_correction_of_an_edited_sentence_points_to_the_sentence_it_became(
    tmp_path: Path,
) -> None:
    storm = told_by(events(project(tmp_path / "a", "events: []\n")), STORM)
    edited = STORM.replace("vuurde Oekraïne", "lanceerde Oekraïne")
    found = events(project(tmp_path / "b", "events: []\n", ARTICLE.replace(STORM, edited)))
    now = told_by(found, edited)
    inputs = project(
        tmp_path / "c",
        f"""events:
  - id: {storm.id}
    quote: "Op 20 november 2024 vuurde Oekraïne Storm Shadow"
    set: {{date: "2024-11-21"}}
    reason: "Het ministerie meldt de 21e."
""",
        ARTICLE.replace(STORM, edited),
    )
    ((line, message),) = problems_of(inputs)
    assert line == 2
    assert "het citaat staat in geen enkel artikel" in message
    assert "is de zin veranderd? Het meest lijkt 'Op 20 november 2024 lanceerde" in message
    assert f"bij {now.id}" in message


def test_an_unknown_id_is_an_error_at_its_line(tmp_path: Path) -> None:
    inputs = project(
        tmp_path,
        'events:\n  - id: e-0000000000\n    quote: "Op 19 november 2024"\n    drop: true\n'
        "    reason: x\n",
    )
    ((line, message),) = problems_of(inputs)
    assert line == 2 and "onbekende gebeurtenis 'e-0000000000'" in message
    assert "staat nu bij e-" in message


def test_merge_makes_one_event_and_split_takes_a_source_out_again(tmp_path: Path) -> None:
    found = events(project(tmp_path / "a", "events: []\n"))
    storm, downed = told_by(found, STORM), told_by(found, DOWNED)
    merge = f"""events:
  - merge:
      - {{id: {storm.id}, quote: "Op 20 november 2024 vuurde"}}
      - {{id: {downed.id}, quote: "Volgens het Kremlin zijn"}}
    reason: "Dezelfde aanval."
"""
    merged = events(project(tmp_path / "b", merge))
    one = told_by(merged, STORM)
    assert one.id == storm.id and {s.quote for s in one.sources} == {STORM, DOWNED}
    assert downed.id not in {e.id for e in merged}
    assert [(c.field, c.old, c.new) for c in one.changes] == [("merge", [downed.id], storm.id)]

    split = (
        merge
        + f"""  - id: {storm.id}
    quote: "Volgens het Kremlin zijn"
    split: ["Volgens het Kremlin zijn"]
    reason: "Toch twee berichten."
"""
    )
    again = events(project(tmp_path / "c", split))
    back = told_by(again, DOWNED)
    assert back.id != storm.id
    assert (back.date.edtf, back.certainty) == (downed.date.edtf, downed.certainty)
    assert [s.quote for s in told_by(again, STORM).sources] == [STORM]


def test_add_cites_the_start_of_a_real_sentence(tmp_path: Path) -> None:
    inputs = project(
        tmp_path,
        f"""events:
  - add: {{article: {STEM}, quote: "Volgens het Kremlin", date: "2024-11-21"}}
    set: {{certainty: claimed, places: [kursk]}}
    reason: "Gemist."
""",
    )
    added = [e for e in events(inputs) if e.corrections == ["Gemist."]]
    assert [(e.date.edtf, e.places, e.certainty.value) for e in added] == [
        ("2024-11-21", ["kursk"], "claimed")
    ]


def test_an_evaluation_set_applies_only_its_own_corrections(tmp_path: Path) -> None:
    inputs = project(
        tmp_path,
        """events:
  - id: e-0000000000
    quote: "Een zin uit een artikel dat hier niet is"
    drop: true
    reason: x
  - merge:
      - {id: e-1111111111, quote: "Op 20 november 2024 vuurde Oekraïne"}
      - {id: e-2222222222, quote: "Een zin uit een artikel dat hier niet is"}
    reason: "Half van hier, half van elders."
""",
    )
    with pytest.raises(InputError):
        run(inputs)
    own = Inputs(inputs.seeds, inputs.data, own_corrections_only=True)
    assert run(own).corpus.events


ID = "e-0123456789"
MISTAKES = {
    "typo-in-set": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    sett: {{date: "2024"}}\n    reason: x\n',
        4,
        "onbekend veld 'sett' (bedoelt u 'set'?)",
    ),
    "drop-nee": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    drop: nee\n    reason: x\n',
        4,
        "drop is true of false",
    ),
    "drop-and-set": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    drop: true\n    set: {{date: "2024"}}\n'
        "    reason: x\n",
        2,
        "drop gaat niet samen met set",
    ),
    "set-a-list": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set: [date, "2024"]\n    reason: x\n',
        4,
        "set is een blok met velden",
    ),
    "set-date-words": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set: date 2024\n    reason: x\n',
        4,
        "set is een blok met velden",
    ),
    "certainty-unknown": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set: {{certainty: zeker}}\n'
        "    reason: x\n",
        4,
        "'zeker' is niet toegestaan; kies uit: 'confirmed', 'reported', 'claimed', 'planned', "
        "'bevestigd'",
    ),
    "headline-too-long": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set:\n      headline: "{"lang " * 30}"\n'
        "    reason: x\n",
        5,
        "events[1].set.headline: te lang: hoogstens 100 tekens, dit zijn er 150",
    ),
    "weapons-a-number": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set: {{weapons: 5}}\n    reason: x\n',
        4,
        "verwacht een lijst id's uit data/gazetteer.yml",
    ),
    "unknown-weapon": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set:\n      weapons: [atacms, '
        "laserzwaard]\n    reason: x\n",
        5,
        "'laserzwaard' staat niet in data/gazetteer.yml",
    ),
    "weapon-typo": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set: {{weapons: [storm-schaduw]}}\n'
        "    reason: x\n",
        4,
        "'storm-schaduw' staat niet in data/gazetteer.yml (bedoelt u 'storm-shadow'?)",
    ),
    "place-as-weapon": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set:\n      weapons: [kursk]\n'
        "    reason: x\n",
        5,
        "'kursk' is in data/gazetteer.yml geen weapon",
    ),
    "no-quote": (f"  - id: {ID}\n    drop: true\n    reason: x\n", 2, "'id' vraagt ook om 'quote'"),
    "no-reason": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    drop: true\n',
        2,
        "'reason' ontbreekt",
    ),
    "bad-add-date": (
        f'  - add: {{article: {STEM}, quote: "Volgens het Kremlin", date: "2024-11-31"}}\n'
        "    reason: x\n",
        2,
        "die dag bestaat niet",
    ),
    "add-date-unquoted-year": (
        f'  - add: {{article: {STEM}, quote: "Volgens het Kremlin", date: 2024}}\n    reason: x\n',
        2,
        "een datum is tekst tussen aanhalingstekens",
    ),
    "duplicate-key": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    drop: true\n    drop: false\n'
        "    reason: x\n",
        5,
        "'drop' staat twee keer in hetzelfde blok (eerder op regel 4)",
    ),
    "id-and-add": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    drop: true\n'
        f'    add: {{article: {STEM}, quote: "Volgens het Kremlin", date: "2024"}}\n'
        "    reason: x\n",
        2,
        "precies één van: id (met quote), add of merge",
    ),
    "yaml-unclosed-bracket": (
        f'  - id: {ID}\n    quote: "Op 19 november"\n    set: {{weapons: [atacms}}\n'
        "    reason: x\n",
        4,
        "YAML-fout: een lijst die met '[' opent, sluit niet met ']'",
    ),
}
BAD_DATES = ["2024-25", "2024-XX", "2024-05/..", "2023-02-29"]


@pytest.mark.parametrize(("text", "line", "message"), MISTAKES.values(), ids=MISTAKES.keys())
def test_each_mistake_is_reported_in_dutch_at_its_line(
    tmp_path: Path, text: str, line: int, message: str
) -> None:
    found = problems_of(project(tmp_path, "events:\n" + text))
    assert [n for n, _ in found] == [line], found
    assert message in found[0][1]


@pytest.mark.parametrize("value", BAD_DATES)
def test_a_bad_date_in_set_is_reported_with_what_is_allowed(tmp_path: Path, value: str) -> None:
    text = f'events:\n  - id: {ID}\n    quote: "Op 19 november"\n    set:\n      date: "{value}"\n'
    found = problems_of(project(tmp_path, text + "    reason: x\n"))
    assert [n for n, _ in found] == [5]
    assert value in found[0][1]
