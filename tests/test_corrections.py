"""Editors' corrections: applied visibly, and a stale one is an error with its line."""

from pathlib import Path

import pytest

from generator.errors import InputError
from generator.pipeline import Inputs, run

ROOT = Path(__file__).resolve().parents[1]


def data_with(tmp_path: Path, corrections: str) -> Path:
    data = tmp_path / "data"
    data.mkdir()
    for path in (ROOT / "data").iterdir():
        (data / path.name).write_bytes(path.read_bytes())
    (data / "corrections.yml").write_text(corrections, encoding="utf-8")
    return data


def test_set_drop_and_add(tmp_path: Path) -> None:
    before = run(Inputs(ROOT / "seeds", ROOT / "data")).corpus.events
    first, second = before[0], before[1]
    data = data_with(
        tmp_path,
        f"""events:
  - id: {first.id}
    set: {{certainty: reported, attributed_to: [Redactie]}}
    reason: "Bijschrift, niet door de tekst bevestigd."
  - id: {second.id}
    drop: true
    reason: "Geen gebeurtenis."
  - add:
      article: 000_fe8d94a0878b44c6
      quote: "Dat betekent dat Oekraïne nu door de Amerikanen geleverde wapens"
      date: "2024-05"
    set: {{certainty: reported, places: [kharkiv]}}
    reason: "Gemist door de generator."
""",
    )
    after = {e.id: e for e in run(Inputs(ROOT / "seeds", data)).corpus.events}
    assert after[first.id].certainty.value == "reported"
    assert after[first.id].corrections == ["Bijschrift, niet door de tekst bevestigd."]
    assert second.id not in after
    (added,) = [e for e in after.values() if e.summary.startswith("Dat betekent dat Oekraïne")]
    assert added.date.edtf == "2024-05" and added.places == ["kharkiv"]


def test_unknown_id_is_an_error_naming_the_line(tmp_path: Path) -> None:
    data = data_with(tmp_path, "events:\n  - id: e-0000000000\n    drop: true\n    reason: x\n")
    with pytest.raises(InputError) as caught:
        run(Inputs(ROOT / "seeds", data))
    (problem,) = caught.value.problems
    assert problem.path.endswith("corrections.yml") and problem.line == 2


def test_added_event_must_quote_a_real_sentence(tmp_path: Path) -> None:
    data = data_with(
        tmp_path,
        """events:
  - add: {article: 000_fe8d94a0878b44c6, quote: "Dit staat nergens.", date: "2024-05"}
    reason: x
""",
    )
    with pytest.raises(InputError):
        run(Inputs(ROOT / "seeds", data))
