"""Finite verbs, tense and the content verb of Dutch news sentences (made-up examples)."""

import pytest

from generator.dutch.verbs import Form, Tense, analyse, forms


@pytest.mark.parametrize(
    ("word", "lemma", "form"),
    [
        ("levert", "leveren", Form.PRESENT),
        ("geeft", "geven", Form.PRESENT),
        ("reist", "reizen", Form.PRESENT),
        ("gaf", "geven", Form.PAST),
        ("leverden", "leveren", Form.PAST),
        ("zette", "zetten", Form.PAST),
        ("toegestaan", "toestaan", Form.PARTICIPLE),
        ("opgeschort", "opschorten", Form.PARTICIPLE),
        ("verklaard", "verklaren", Form.PARTICIPLE),
        ("leveren", "leveren", Form.INFINITIVE),
        ("heeft", "hebben", Form.PRESENT),
        ("zouden", "zullen", Form.PAST),
    ],
)
def test_forms_of_a_verb(word: str, lemma: str, form: Form) -> None:
    assert (lemma, form) in forms(word)


@pytest.mark.parametrize(
    ("sentence", "tense", "lemma"),
    [
        # Leads in the present tense, separable verbs reunited.
        (
            "Spanje staat Kyiv toe de raketten in te zetten tegen doelen in Rusland.",
            Tense.PRESENT,
            "toestaan",
        ),
        ("De Verenigde Staten schorten de levering van munitie op.", Tense.PRESENT, "opschorten"),
        ("Moskou noemt het besluit een provocatie.", Tense.PRESENT, "noemen"),
        ("Kyiv krijgt groen licht voor aanvallen in Rusland.", Tense.PRESENT, "krijgen"),
        # Plans.
        ("Het VK gaat raketten leveren.", Tense.FUTURE, "leveren"),
        ("Berlijn zal de tanks in het voorjaar sturen.", Tense.FUTURE, "sturen"),
        # Past, perfect, hedged.
        ("Washington hief een deel van die beperkingen op.", Tense.PAST, "opheffen"),
        ("De regering heeft de levering goedgekeurd.", Tense.PERFECT, "goedkeuren"),
        ("Kyiv had de raketten al ontvangen.", Tense.PLUPERFECT, "ontvangen"),
        ("Oekraïne zou de raketten hebben ingezet.", Tense.CONDITIONAL, "inzetten"),
        # A subordinate clause first: the main clause decides.
        ("Toen de troepen in mei oprukten, gaf de president toestemming.", Tense.PAST, "geven"),
    ],
)
def test_tense_and_content_verb_of_the_main_clause(sentence: str, tense: Tense, lemma: str) -> None:
    verbs = analyse(sentence)
    assert (verbs.tense, verbs.main_lemma) == (tense, lemma)


def test_nouns_that_look_like_verbs_are_no_finite_verbs() -> None:
    verbs = analyse("De aanval op het depot en de steun van de bondgenoten.")
    assert verbs.tense is Tense.NONE


def test_a_modal_is_kept_apart() -> None:
    verbs = analyse("Oekraïne kan daarmee doelen raken op driehonderd kilometer.")
    assert (verbs.modal, verbs.main_lemma) == ("kunnen", "raken")


def test_passive() -> None:
    verbs = analyse("De aanval werd uitgevoerd met zes raketten.")
    assert verbs.passive and verbs.main_lemma == "uitvoeren"
