"""Pairing blends words with sentence vectors: stored per capture, reused, measured on dev."""

import sys
from pathlib import Path

import pytest

from facilitator import sentence_vectors
from facilitator.core.pairing import MIN_BLENDED, Statement, pair_offers, pair_reason
from facilitator.store.captures import add_capture
from facilitator.store.matching import suggest_groups
from facilitator.store.queries import scalar
from facilitator.store.workshops import create_workshop
from facilitator.topics import keyword_vocabulary

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
import meaning  # benchmarks/meaning.py: the same measurement as the benchmark

WINTER = ("Unser Tourenplaner für Räumfahrzeuge im Winter",
          "Unser Bauhof braucht eine Software für Winterdienst")  # fmt: skip
KI = ("Einsatz von KI im Bürgerservice", "Neue Schutzkleidung für unsere Einsatzkräfte")


def _said(texts: list[str], prefix: str, vectors: bool) -> list[Statement]:
    found = sentence_vectors.encode(texts) if vectors else [None] * len(texts)
    pairs = enumerate(zip(texts, found, strict=True))
    return [Statement(f"{prefix}{i}", t, None, v) for i, (t, v) in pairs]


def _pairs(vectors: bool) -> set[tuple[str, str]]:
    offers = _said([WINTER[0], KI[0]], "O", vectors)
    requests = _said([WINTER[1], KI[1]], "R", vectors)
    found = pair_offers(offers, requests, vocabulary=keyword_vocabulary())
    return {(p.offer_text, p.request_text) for p in found}


def test_meaning_finds_a_partner_that_words_alone_miss():
    assert WINTER not in _pairs(vectors=False)
    assert _pairs(vectors=True) == {WINTER}  # and "Einsatz" in "Einsatzkräfte" pairs nothing


def test_dev_figures_rise_with_the_vectors_and_distractors_stay_out(tmp_path):
    """Words alone on dev: 78 % first, 84 % top 3, 25 % of distractors paired; blended 91 %.

    On the first dev lines (the harder ones added later are measured by the benchmark).
    """
    figures = meaning.pairing(meaning.earlier("dev", tmp_path))
    assert figures["pair_first"] >= 0.85 and figures["pair_top3"] >= 0.88
    assert figures["distractors_paired"] <= 0.25


def test_groups_store_the_vectors_once_and_show_the_blended_similarity(store, monkeypatch):
    workshop = create_workshop(store, "Winterdienst")
    offer = add_capture(store, workshop, "offer", WINTER[0], organisation="Stadt Aalen")
    request = add_capture(store, workshop, "request", WINTER[1], organisation="Gemeinde Aach")
    pair = suggest_groups(store, 1, "topic", workshop_id=workshop).pairs[0]
    assert (pair.offer_org, pair.request_org) == ("Stadt Aalen", "Gemeinde Aach")
    stored = scalar(
        store, "SELECT count(*) FROM capture_vector WHERE capture_id IN (?, ?)", [offer, request]
    )
    assert stored == 2
    assert pair.score >= MIN_BLENDED and pair.shared_words == ["Winter ↔ Winterdienst"]
    assert pair_reason(pair).startswith("Ähnlichkeit 0,")  # the blend, with a decimal comma
    seen: list[str] = []
    monkeypatch.setattr(sentence_vectors, "encode", lambda texts: seen.extend(texts) or 1 / 0)
    again = suggest_groups(store, 1, "topic", workshop_id=workshop).pairs[0]
    # Read back, not encoded again (stored as float16: the same within 0.001).
    assert seen == [] and pair_reason(again) == pair_reason(pair)


def test_without_the_encoder_words_answer_alone(store, monkeypatch):
    monkeypatch.setattr(sentence_vectors, "available", lambda: False)
    workshop = create_workshop(store, "Ohne Vektoren")
    add_capture(store, workshop, "offer", WINTER[0], organisation="Stadt Aalen")
    add_capture(store, workshop, "request", WINTER[1], organisation="Gemeinde Aach")
    assert suggest_groups(store, 1, "topic", workshop_id=workshop).pairs == []
    assert scalar(store, "SELECT count(*) FROM capture_vector") == 0


@pytest.mark.parametrize("missing", [0, 1])
def test_one_statement_without_a_vector_falls_back_to_words(missing):
    offers, requests = _said([WINTER[0]], "O", True), _said([WINTER[1]], "R", True)
    said = [offers, requests][missing]
    said[0] = Statement(said[0].org, said[0].text)
    assert pair_offers(offers, requests, vocabulary=keyword_vocabulary()) == []


def test_solutions_rank_the_right_measure_first_more_often_on_dev():
    """rank_matches with both sides' vectors: dev 75 % (words alone) -> 85 %."""
    assert meaning.solutions("dev")["solution_first"] >= 0.8
