"""Tests the meaning engine: lemmas, compound parts, concepts and reasons a person accepts."""

from facilitator.core.meaning import MeaningModel, compound_parts, lemma, text_features


def test_lemmas_fold_forms_that_snowball_split():
    assert lemma("Impuls") == lemma("Impulse") == lemma("Impulsen") == "impuls"
    assert lemma("Pflegekräfte") == "pflegekraft" and lemma("Ämtern") == "amt"
    assert lemma("KI") == "ki"  # an acronym stays itself


def test_compounds_split_into_known_parts():
    assert compound_parts("Glasfaserausbau") == ("glasfaser", "ausbau")
    assert compound_parts("Wärmeplanung") == ("waerme", "planung")
    assert compound_parts("Rathaus") == ()  # too short to split


def test_concepts_join_words_that_share_no_letters():
    model = MeaningModel(["Glasfaser für die Weiler", "FTTH für alle Haushalte", "Rufbus"])
    assert model.reasons("Glasfaser für die Weiler", "FTTH für alle Haushalte") == [
        "Glasfaser ↔ FTTH"
    ]


def test_function_words_are_never_a_reason():
    model = MeaningModel(["Unser Bauhof sucht Streusalz", "Unser RZ hat freie Kapazität"])
    assert model.reasons("Unser Bauhof sucht Streusalz", "Unser RZ hat freie Kapazität") == []
    found, _ = text_features("Wer hat schon mal gern etwas gezeigt?")
    assert not [f for f in found if f.startswith("w:")]
